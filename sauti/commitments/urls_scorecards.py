"""Community scorecards (included by ``urls.py``, namespace ``commitments``)."""

from django.urls import path

from . import scorecard_views as views

urlpatterns: list = [
    path("scorecards/", views.scorecard_list, name="scorecard_list"),
    path("scorecards/export/", views.scorecard_list_export, name="scorecard_list_export"),
    path("scorecards/new/", views.scorecard_create, name="scorecard_create"),
    path("scorecards/<int:pk>/", views.scorecard_detail, name="scorecard"),
    path("scorecards/<int:pk>/everything/", views.scorecard_full, name="scorecard_full"),
    path("scorecards/<int:pk>/export/", views.scorecard_export, name="scorecard_export"),
    path("scorecards/<int:pk>/edit/", views.scorecard_edit, name="scorecard_edit"),
    path("scorecards/<int:pk>/groups/", views.scorecard_groups, name="scorecard_groups"),
    path(
        "scorecards/<int:pk>/indicators/",
        views.scorecard_indicators,
        name="scorecard_indicators",
    ),
    path(
        "scorecards/<int:pk>/scores/<int:group_pk>/",
        views.scorecard_scores,
        name="scorecard_scores",
    ),
    path(
        "scorecards/<int:pk>/self-assessment/",
        views.scorecard_self_assessment,
        name="scorecard_self_assessment",
    ),
    path("scorecards/<int:pk>/interface/", views.scorecard_interface, name="scorecard_interface"),
    path("scorecards/<int:pk>/actions/", views.scorecard_actions, name="scorecard_actions"),
    path(
        "scorecards/<int:pk>/actions/<int:action_pk>/",
        views.scorecard_follow_up,
        name="scorecard_follow_up",
    ),
    path("scorecards/<int:pk>/publish/", views.scorecard_publish, name="scorecard_publish"),
]
