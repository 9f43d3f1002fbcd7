from django.urls import include, path

app_name = "monitoring"

# Each part owns its URL module (no app_name: they share "monitoring:").
urlpatterns = [
    path("", include("sauti.monitoring.urls_projects")),
    path("", include("sauti.monitoring.urls_forms")),
    path("", include("sauti.monitoring.urls_barriers")),
    path("", include("sauti.monitoring.urls_review")),
    path("", include("sauti.monitoring.urls_dashboards")),
    path("", include("sauti.monitoring.urls_indicators")),
    path("", include("sauti.monitoring.urls_exports")),
    path("", include("sauti.monitoring.urls_starter")),
    path("", include("sauti.monitoring.urls_public")),
    path("", include("sauti.monitoring.urls_webform")),
    path("", include("sauti.monitoring.urls_submission_import")),
]
