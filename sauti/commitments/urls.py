"""Commitments: the framework, country tracking, consolidated assessments, scorecards."""

from . import urls_scorecards, urls_tracking

app_name = "commitments"

urlpatterns: list = [*urls_tracking.urlpatterns, *urls_scorecards.urlpatterns]
