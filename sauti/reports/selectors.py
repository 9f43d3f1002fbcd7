"""Reads of shadow reports: what a person may see of a coalition's reports, and the public list."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sauti.accounts.models import Membership, Organisation

from .models import ShadowReport
from .rules import belongs_to_the_coalition


def _with_relations(queryset: QuerySet[ShadowReport]) -> QuerySet[ShadowReport]:
    return queryset.select_related("coalition", "cycle").prefetch_related("cycle__translations")


def published() -> QuerySet[ShadowReport]:
    """Reports everyone may read: public, generated, of a coalition that is not hidden."""
    return _with_relations(
        ShadowReport.objects.filter(is_public=True, coalition__hidden_at__isnull=True).exclude(
            docx=""
        )
    )


def of_coalition(coalition: Organisation, user: Any) -> QuerySet[ShadowReport]:
    """A coalition's reports as ``user`` may see them: every one for its members."""
    reports = _with_relations(ShadowReport.objects.filter(coalition=coalition))
    if user.is_superuser or belongs_to_the_coalition(user, coalition):
        return reports
    return reports.filter(pk__in=published().filter(coalition=coalition).values("pk"))


def coalitions_of(user: Any) -> QuerySet[Organisation]:
    """The coalitions ``user`` belongs to (for links to their reports)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.visible()
        .filter(
            kind=Organisation.Kind.NETWORK,
            memberships__user=user,
            memberships__status=Membership.Status.ACTIVE,
        )
        .distinct()
    )


def public_list(country: str = "") -> QuerySet[ShadowReport]:
    reports = published()
    if country:
        reports = reports.filter(country_id=country)
    return reports.order_by("-generated_at", "-id")
