"""URLs of the campaign compose views (included by ``urls.py`` in the "campaigns" namespace)."""

from django.urls import path

from . import views_compose

urlpatterns = [
    path("campaigns/new/", views_compose.campaign_new, name="new"),
    path("campaigns/<int:pk>/edit/", views_compose.campaign_edit, name="edit"),
    path("campaigns/<int:pk>/edit/letter/", views_compose.campaign_letters, name="edit_letters"),
    path("campaigns/<int:pk>/timing/", views_compose.campaign_timing, name="timing"),
    path(
        "campaigns/<int:pk>/timing/<int:opportunity_pk>/remove/",
        views_compose.campaign_untime,
        name="untime",
    ),
]
