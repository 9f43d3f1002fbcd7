"""URLs of the built-in web form (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_webform

urlpatterns = [
    path("monitoring/<int:pk>/forms/<int:form_pk>/fill/", views_webform.fill, name="webform"),
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/fill/received/",
        views_webform.received,
        name="webform_received",
    ),
]
