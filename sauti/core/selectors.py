"""Reads for the home, country and region pages."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from sauti.accounts.models import Organisation

from .i18n import sort_key
from .models import Country, Region


def home() -> dict[str, Any]:
    organisations = Organisation.objects.visible()
    return {
        "organisation_count": organisations.count(),
        "country_count": Country.objects.count(),
        "recent_organisations": list(
            organisations.select_related("country").order_by("-created_at")[:5]
        ),
        "regions": list(Region.objects.annotate(country_count=Count("countries"))),
    }


def countries_by_region() -> list[dict[str, Any]]:
    regions = []
    countries = list(Country.objects.all())
    for region in Region.objects.all():
        members = sorted(
            (c for c in countries if c.region_id == region.code), key=lambda c: sort_key(c.name)
        )
        regions.append({"region": region, "countries": members})
    return regions


def organisations_in(country: Country | None = None, region: Region | None = None):
    qs = Organisation.objects.visible().select_related("country")
    if country is not None:
        qs = qs.filter(Q(country=country) | Q(countries=country))
    if region is not None:
        qs = qs.filter(Q(country__region=region) | Q(regions=region) | Q(countries__region=region))
    return qs.distinct()
