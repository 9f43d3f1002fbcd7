"""URLs of the monitoring dashboards (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_dashboards

urlpatterns = [
    path("monitoring/<int:pk>/dashboard/", views_dashboards.dashboard, name="project_dashboard"),
]
