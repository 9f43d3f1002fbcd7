"""URLs of the indicator pages (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_indicators as views

urlpatterns = [
    path("monitoring/<int:pk>/indicators/", views.indicator_list, name="indicators"),
    path("monitoring/<int:pk>/indicators/new/", views.indicator_edit, name="indicator_add"),
    path(
        "monitoring/<int:pk>/indicators/<int:indicator_pk>/edit/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "monitoring/<int:pk>/indicators/<int:indicator_pk>/delete/",
        views.indicator_delete,
        name="indicator_delete",
    ),
]
