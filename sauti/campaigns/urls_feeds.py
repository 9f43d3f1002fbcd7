"""URLs of the campaigns' Atom feeds (included by ``urls.py`` in the "campaigns" namespace)."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("campaigns/feed.atom", feeds.CampaignFeed(), name="feed"),
    path("campaigns/countries/<str:code>/feed.atom", feeds.CampaignFeed(), name="country_feed"),
]
