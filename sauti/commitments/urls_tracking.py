"""Country tracking and consolidated assessments (included by ``urls.py``)."""

from django.urls import path

from . import feeds, views

urlpatterns: list = [
    path("commitments/", views.index, name="index"),
    path("commitments/world/", views.world, name="world"),
    path("commitments/regions/<str:code>/", views.region, name="region"),
    path("commitments/export/", views.export, name="export"),
    path("commitments/frameworks/<slug:framework>/", views.framework_detail, name="framework"),
    path(
        "commitments/frameworks/<slug:framework>/<slug:code>/",
        views.commitment_detail,
        name="commitment",
    ),
    path("commitments/countries/<str:code>/", views.country_detail, name="country"),
    path(
        "commitments/countries/<str:code>/feed/",
        feeds.CountryConsolidatedFeed(),
        name="country_feed",
    ),
    path(
        "commitments/countries/<str:code>/history/<int:commitment>/",
        views.history,
        name="history",
    ),
    path("commitments/countries/<str:code>/consolidate/", views.consolidate, name="consolidate"),
    path(
        "commitments/countries/<str:code>/<slug:cycle>/record/",
        views.assess_country,
        name="assess_country",
    ),
    path(
        "commitments/countries/<str:code>/<slug:cycle>/record/<int:commitment>/",
        views.assess,
        name="assess",
    ),
    path(
        "commitments/evidence/<int:pk>/document/",
        views.evidence_document,
        name="evidence_document",
    ),
    path("commitments/consolidated/<int:pk>/", views.consolidated_detail, name="consolidated"),
    path(
        "commitments/consolidated/<int:pk>/edit/",
        views.consolidated_edit,
        name="consolidated_edit",
    ),
    path(
        "commitments/consolidated/<int:pk>/publish/",
        views.consolidated_publish,
        name="consolidated_publish",
    ),
]
