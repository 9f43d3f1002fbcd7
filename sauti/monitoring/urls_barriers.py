"""URLs of the monitoring barriers views (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_barriers as views

urlpatterns = [
    path("monitoring/<int:pk>/report/", views.report, name="barrier_report"),
    path("monitoring/follow-up/", views.follow_up, name="barrier_follow_up"),
    path("monitoring/<int:pk>/barriers/", views.barrier_list, name="barriers"),
    path(
        "monitoring/<int:pk>/barriers/<int:report_pk>/",
        views.barrier_detail,
        name="barrier",
    ),
]
