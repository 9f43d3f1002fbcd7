"""URLs of the starter form library (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_starter

urlpatterns = [
    path("monitoring/starter-forms/", views_starter.starter_forms, name="starter_forms"),
    path(
        "monitoring/starter-forms/<slug:slug>.xlsx",
        views_starter.starter_form_download,
        name="starter_form_download",
    ),
    path(
        "monitoring/<int:pk>/forms/starter/",
        views_starter.starter_form_add,
        name="starter_form_add",
    ),
]
