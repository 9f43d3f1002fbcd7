"""Reads that need more than one query: the directory, organisation and member pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import QueryDict

from sauti.core.choices import country_choices, region_choices

from .models import Constituency, Membership, NetworkMembership, Organisation, User


@dataclass
class Filter:
    name: str
    label: str
    choices: list[tuple[str, str]]
    selected: str


class OrganisationDirectory:
    """The public, searchable directory of organisations, driven by GET parameters."""

    def __init__(self, params: QueryDict) -> None:
        self.params = params
        self.q = params.get("q", "").strip()[:100]
        # Not trimmed to two letters: "AUT" (Austria) must not select "AU" (Australia).
        self.country = params.get("country", "").upper()[:8]
        self.region = params.get("region", "").upper()[:4]
        self.kind = params.get("kind", "")[:20]
        self.level = params.get("level", "")[:20]
        self.constituency = params.get("constituency", "")[:20]

    def queryset(self) -> QuerySet[Organisation]:
        qs = Organisation.objects.visible().select_related("country")
        if self.q:
            qs = qs.filter(
                Q(name__icontains=self.q)
                | Q(acronym__icontains=self.q)
                | Q(translations__description__icontains=self.q)
            ).distinct()
        if self.country:
            qs = qs.filter(Q(country_id=self.country) | Q(countries__code=self.country)).distinct()
        if self.region:
            qs = qs.filter(
                Q(country__region_id=self.region)
                | Q(regions__code=self.region)
                | Q(countries__region_id=self.region)
            ).distinct()
        if self.kind:
            qs = qs.filter(kind=self.kind)
        if self.level:
            qs = qs.filter(level=self.level)
        if self.constituency:
            qs = qs.filter(constituencies__code=self.constituency)
        return qs

    def page(self) -> Page:
        from django.conf import settings

        paginator = Paginator(self.queryset(), settings.SAUTI_ORG_PAGE_SIZE)
        return paginator.get_page(self.params.get("page"))

    def filters(self) -> list[Filter]:
        from django.utils.translation import gettext as _

        return [
            Filter("country", _("Country"), country_choices(), self.country),
            Filter("region", _("WHO region"), region_choices(), self.region),
            Filter("kind", _("Type"), list(Organisation.Kind.choices), self.kind),
            Filter("level", _("Level"), list(Organisation.Level.choices), self.level),
            Filter(
                "constituency",
                _("Constituency served"),
                list(Constituency.Code.choices),
                self.constituency,
            ),
        ]

    def query_without_page(self) -> str:
        params = self.params.copy()
        params.pop("page", None)
        params.pop("format", None)
        return params.urlencode()

    @property
    def is_filtered(self) -> bool:
        return any([self.q, self.country, self.region, self.kind, self.level, self.constituency])


def description_for_reader(organisation: Organisation, language: str) -> dict[str, Any]:
    """The description in the reader's language if there is one, else the original, marked."""
    available = set(organisation.get_available_languages())
    if language in available:
        text = organisation.safe_translation_getter(
            "description", language_code=language, default=""
        )
        if text:
            return {"text": text, "language": language, "is_original_fallback": False}
    original = organisation.original_language
    text = organisation.safe_translation_getter("description", language_code=original, default="")
    return {"text": text, "language": original, "is_original_fallback": language != original}


def organisation_page(organisation: Organisation, user: Any) -> dict[str, Any]:
    from django.utils import translation

    membership = None
    if user.is_authenticated:
        membership = Membership.objects.filter(user=user, organisation=organisation).first()
    networks = (
        Organisation.objects.visible()
        .filter(
            member_links__member=organisation,
            member_links__status=NetworkMembership.Status.ACTIVE,
        )
        .select_related("country")
    )
    members = (
        Organisation.objects.visible()
        .filter(
            network_links__network=organisation,
            network_links__status=NetworkMembership.Status.ACTIVE,
        )
        .select_related("country")
        if organisation.is_network
        else Organisation.objects.none()
    )
    return {
        "organisation": organisation,
        "description": description_for_reader(organisation, translation.get_language() or "en"),
        "countries": sorted(organisation.countries.all(), key=lambda c: c.name),
        "regions": list(organisation.regions.all()),
        "constituencies": list(organisation.constituencies.all()),
        "networks": list(networks),
        "member_organisations": list(members),
        "people_count": organisation.memberships.filter(status=Membership.Status.ACTIVE).count(),
        "membership": membership,
        "can_edit": user.has_perm("accounts.change_organisation", organisation),
        "can_manage": user.has_perm("accounts.manage_members", organisation),
        "can_join_network": organisation.is_network and user.is_authenticated,
    }


def members_page(organisation: Organisation) -> dict[str, Any]:
    memberships = Membership.objects.filter(organisation=organisation).select_related("user")
    links = NetworkMembership.objects.filter(network=organisation).select_related(
        "member", "member__country"
    )
    return {
        "organisation": organisation,
        "requests": [m for m in memberships if m.status == Membership.Status.REQUESTED],
        "members": [m for m in memberships if m.status == Membership.Status.ACTIVE],
        "network_requests": [n for n in links if n.status == NetworkMembership.Status.REQUESTED],
        "network_members": [n for n in links if n.status == NetworkMembership.Status.ACTIVE],
    }


def organisations_administered_by(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role=Membership.Role.ADMIN,
        memberships__status=Membership.Status.ACTIVE,
    )


def dashboard(user: User) -> dict[str, Any]:
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    administered = [
        m.organisation
        for m in memberships
        if m.role == Membership.Role.ADMIN and m.status == Membership.Status.ACTIVE
    ]
    pending_for_me = (
        Membership.objects.filter(
            organisation__in=administered, status=Membership.Status.REQUESTED
        ).count()
        + NetworkMembership.objects.filter(
            network__in=administered, status=NetworkMembership.Status.REQUESTED
        ).count()
    )
    return {
        "memberships": memberships,
        "pending_for_me": pending_for_me,
        "is_moderator": user.is_moderator,
    }
