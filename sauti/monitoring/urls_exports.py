"""URLs of the monitoring exports views (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_exports

urlpatterns = [
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/submissions.csv",
        views_exports.submissions_csv,
        name="submissions_csv",
    ),
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/submissions.xlsx",
        views_exports.submissions_xlsx,
        name="submissions_xlsx",
    ),
    path(
        "monitoring/<int:pk>/forms/<int:form_pk>/submissions.geojson",
        views_exports.submissions_geojson,
        name="submissions_geojson",
    ),
]
