"""URLs of the submissions import (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_submission_import as views

urlpatterns = [
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/import/",
        views.submission_import,
        name="submission_import",
    ),
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/import/confirm/",
        views.submission_import_confirm,
        name="submission_import_confirm",
    ),
]
