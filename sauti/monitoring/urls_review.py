"""URLs of the monitoring review views (included by ``urls.py`` in the "monitoring" namespace)."""

from django.urls import path

from . import views_review

urlpatterns = [
    path(
        "monitoring/<int:pk>/submissions/",
        views_review.submission_table,
        name="submissions",
    ),
    path(
        "monitoring/<int:pk>/submissions/approve/",
        views_review.submission_bulk_approve,
        name="submissions_approve",
    ),
    path(
        "monitoring/<int:pk>/submissions/<int:submission_pk>/",
        views_review.submission_detail,
        name="submission",
    ),
    path(
        "monitoring/<int:pk>/submissions/<int:submission_pk>/review/",
        views_review.submission_review,
        name="submission_review",
    ),
]
