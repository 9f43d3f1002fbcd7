"""Import and export of mechanisms, included by ``urls.py`` under the ``mechanisms`` namespace."""

from django.urls import path

from . import views_bulk

urlpatterns = [
    path("mechanisms/import/", views_bulk.import_upload, name="import"),
    path(
        "mechanisms/import/template.<str:fmt>", views_bulk.import_template, name="import_template"
    ),
    path("mechanisms/import/<str:token>/", views_bulk.import_confirm, name="import_confirm"),
    path("mechanisms/export/", views_bulk.export, name="export"),
]
