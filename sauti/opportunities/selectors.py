"""Reads of the calendar: filtered lists, months, the month table, likely duplicates."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from sauti.core.models import Country, Region, Topic

from .models import Engagement, Kind, Level, Opportunity

FILTERS = ("level", "region", "country", "kind", "topic", "open_deadline", "past")


@dataclass
class OpportunitySearch:
    """The filters of the list, the month table and the feeds, read from a query string."""

    level: str = ""
    region: str = ""
    country: str = ""
    kind: str = ""
    topic: str = ""
    open_deadline: bool = False
    past: bool = False
    today: date = field(default_factory=timezone.localdate)

    @classmethod
    def from_query(cls, params: QueryDict | dict[str, str]) -> OpportunitySearch:
        """Unknown values are ignored (they filter nothing out), never an error."""
        level = params.get("level", "")
        region = (params.get("region", "") or "").upper()
        country = (params.get("country", "") or "").upper()
        kind = params.get("kind", "")
        topic = params.get("topic", "")
        return cls(
            level=level if level in Level.values else "",
            region=region if region in Region.Code.values else "",
            country=country
            if len(country) == 2 and Country.objects.filter(pk=country).exists()
            else "",
            kind=kind if kind in Kind.values else "",
            topic=topic if topic in Topic.Code.values else "",
            open_deadline=params.get("open_deadline") in ("1", "on", "yes"),
            past=params.get("past") in ("1", "on", "yes"),
        )

    @property
    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in FILTERS)

    def query(self) -> str:
        """The filters as a query string, for the feed and export links."""
        params = QueryDict(mutable=True)
        for name in FILTERS:
            value = getattr(self, name)
            if value is True:
                params[name] = "1"
            elif value:
                params[name] = value.lower() if name in ("country", "region") else value
        return params.urlencode()

    def filter(self, queryset: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
        if self.level:
            queryset = queryset.filter(level=self.level)
        if self.country:
            # A country's readers also want the global and regional moments that concern them.
            queryset = queryset.filter(country_id=self.country)
        elif self.region:
            queryset = queryset.filter(region_id=self.region)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.topic:
            queryset = queryset.filter(topics__code=self.topic)
        if self.open_deadline:
            queryset = queryset.filter(engagement_deadline__gte=self.today)
        return queryset

    def results(self) -> QuerySet[Opportunity]:
        """Public matches: coming ones soonest first, or past ones newest first."""
        queryset = self.filter(Opportunity.objects.published())
        if self.past:
            queryset = queryset.filter(end_date__lt=self.today).order_by("-starts_at", "-id")
        else:
            queryset = queryset.filter(end_date__gte=self.today).order_by("starts_at", "id")
        return with_list_data(queryset)


def with_list_data(queryset: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    return queryset.select_related("country", "region").prefetch_related("translations")


def by_month(opportunities: list[Opportunity]) -> list[tuple[date, list[Opportunity]]]:
    """Group (already sorted) opportunities by the month they start in."""
    return [
        (month, list(items))
        for month, items in groupby(opportunities, key=lambda o: o.start_date.replace(day=1))
    ]


@dataclass
class Day:
    day: date
    in_month: bool
    opportunities: list[Opportunity]


def month_table(year: int, month: int, search: OpportunitySearch) -> list[list[Day]]:
    """Weeks (Monday first) of a month, each day with the opportunities on it."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    queryset = with_list_data(
        search.filter(Opportunity.objects.published()).filter(
            start_date__lte=last, end_date__gte=first
        )
    ).order_by("starts_at", "id")[:500]
    on_day: dict[date, list[Opportunity]] = {}
    for opportunity in queryset:
        day = max(opportunity.start_date, first)
        while day <= min(opportunity.end_date, last):
            on_day.setdefault(day, []).append(opportunity)
            day += timedelta(days=1)
    return [[Day(d, d.month == month, on_day.get(d, [])) for d in week] for week in weeks]


def likely_twins(
    *, kind: str, country: Country | None, start_date: date, exclude: int | None = None
) -> list[Opportunity]:
    """Opportunities that look like the same one: same kind, same country, same start."""
    queryset = (
        Opportunity.objects.visible()
        .filter(kind=kind, start_date=start_date, country=country)
        .exclude(state=Opportunity.State.CANCELLED)
    )
    if exclude:
        queryset = queryset.exclude(pk=exclude)
    return list(queryset.prefetch_related("translations")[:5])


def engagements_for(opportunity: Opportunity, user: Any) -> list[Engagement]:
    """Engagements the reader may see: public ones, and members-only ones for members."""
    queryset = opportunity.engagements.select_related("organisation").filter(
        organisation__hidden_at__isnull=True
    )
    if not user.has_perm("opportunities.see_member_engagements"):
        queryset = queryset.filter(visibility=Engagement.Visibility.PUBLIC)
    return list(queryset)


def moderation_queue() -> QuerySet[Opportunity]:
    return (
        with_list_data(Opportunity.objects.visible().filter(state=Opportunity.State.PENDING))
        .select_related("created_by", "organisation")
        .order_by("created_at")
    )


def upcoming_for(*, country: Country | None = None, region: Region | None = None) -> list[Any]:
    """The next public moments for a country or region page (global ones included)."""
    today = timezone.localdate()
    place = Q(level=Level.GLOBAL)
    if country is not None:
        place |= Q(country=country) | Q(level=Level.REGIONAL, region_id=country.region_id)
    if region is not None:
        place |= Q(region=region)
    queryset = Opportunity.objects.published().filter(place, end_date__gte=today)
    return list(
        queryset.prefetch_related(Prefetch("translations")).order_by("starts_at", "id")[:10]
    )
