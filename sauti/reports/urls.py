"""Shadow reports."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.index, name="index"),
    path("reports/coalitions/<slug:slug>/", views.coalition_reports, name="coalition"),
    path("reports/coalitions/<slug:slug>/new/", views.report_create, name="create"),
    path("reports/<int:pk>/", views.report_detail, name="detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="edit"),
    path("reports/<int:pk>/generate/", views.report_generate, name="generate"),
    path("reports/<int:pk>/publish/", views.report_publish, name="publish"),
    path("reports/<int:pk>/download/<str:fmt>/", views.report_download, name="download"),
]
