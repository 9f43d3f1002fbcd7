"""Public reads of a campaign's signatories: the count and the list by country and kind.

Kept apart from ``selectors.py`` (key messages and templates) while both grow;
only signatures that count (``Signature.objects.counted()``) are ever shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, Q

from sauti.core.i18n import country_name

from .models import Campaign, Signature

PAGE_SIZE = 100


def counted(campaign: Campaign) -> Any:
    return Signature.objects.filter(campaign=campaign).counted()


def count(campaign: Campaign) -> int:
    return counted(campaign).count()


@dataclass
class Group:
    country: str  # the code, "" for signers without a country
    country_name: str
    kind: str
    kind_label: str
    signatures: list[Signature] = field(default_factory=list)


def listed(campaign: Campaign) -> Any:
    """Who appears on the public list: every organisation, individuals who show their name."""
    return (
        counted(campaign)
        .filter(Q(kind=Signature.Kind.ORGANISATION) | Q(show_name=True))
        # Signers without a country last on every database (SQLite puts NULL first).
        .order_by(F("country_id").asc(nulls_last=True), "kind", "organisation_name", "name", "id")
        .only(
            "id",
            "kind",
            "name",
            "role",
            "organisation_name",
            "organisation_kind",
            "country_id",
            "show_name",
        )
    )


def public_page(campaign: Campaign, number: Any) -> tuple[Page, list[Group]]:
    """One page of the public list (100 a page), grouped by country and kind."""
    page = Paginator(listed(campaign), PAGE_SIZE).get_page(number)
    kinds = dict(Signature.Kind.choices)
    groups = []
    for (code, kind), items in groupby(page, key=lambda s: (s.country_id or "", s.kind)):
        groups.append(
            Group(
                country=code,
                country_name=country_name(code) if code else "",
                kind=kind,
                kind_label=str(kinds.get(kind, kind)),
                signatures=list(items),
            )
        )
    return page, groups
