"""Reads of the calendar: filtered lists, months, the month table, likely duplicates."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from babel.lists import format_list
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from sauti.accounts.models import Membership
from sauti.core.i18n import current_locale
from sauti.core.models import Country, Region, Topic
from sauti.reports.models import ShadowReport

from .models import Engagement, Kind, Level, Opportunity
from .rules import has_started

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


def by_month(
    opportunities: list[Opportunity], *, newest_first: bool = False
) -> list[tuple[date, list[Opportunity]]]:
    """Group opportunities by the month they start in, each month once.

    The list is sorted by UTC start, but months are the event's local dates: a
    moment on 1 April in Auckland starts on 31 March in UTC. Grouping in a dict
    (order kept within a month) keeps each month heading once.
    """
    months: dict[date, list[Opportunity]] = {}
    for opportunity in opportunities:
        months.setdefault(opportunity.start_date.replace(day=1), []).append(opportunity)
    return sorted(months.items(), key=lambda item: item[0], reverse=newest_first)


@dataclass
class Day:
    day: date
    in_month: bool
    opportunities: list[Opportunity]


MONTH_TABLE_SIZE = 500


@dataclass
class MonthTable:
    weeks: list[list[Day]]
    # More moments than the table shows: the page says so and suggests the filters.
    truncated: bool


def month_table(year: int, month: int, search: OpportunitySearch) -> MonthTable:
    """Weeks (Monday first) of a month, each day with the opportunities on it."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    # Implied by the start date (a local date is within 14 hours of UTC), and it lets
    # the walk along the calendar's index (starts_at, …) stop after the last week.
    before = datetime.combine(last + timedelta(days=2), time(0), tzinfo=UTC)
    queryset = (
        with_list_data(
            search.filter(Opportunity.objects.published()).filter(
                start_date__lte=last, end_date__gte=first, starts_at__lt=before
            )
        )
        .select_related(None)  # the table shows titles only, no country or region names
        .order_by("starts_at", "id")[: MONTH_TABLE_SIZE + 1]
    )
    found = list(queryset)
    on_day: dict[date, list[Opportunity]] = {}
    for opportunity in found[:MONTH_TABLE_SIZE]:
        day = max(opportunity.start_date, first)
        while day <= min(opportunity.end_date, last):
            on_day.setdefault(day, []).append(opportunity)
            day += timedelta(days=1)
    return MonthTable(
        [[Day(d, d.month == month, on_day.get(d, [])) for d in week] for week in weeks],
        truncated=len(found) > MONTH_TABLE_SIZE,
    )


def likely_twins(
    *,
    kind: str,
    country: Country | None,
    start_date: date,
    user: Any = None,
    exclude: int | None = None,
) -> list[Opportunity]:
    """Opportunities that look like the same one: same kind, same country, same start.

    Only those the proposer may see: published ones and their own proposals (a
    moderator sees every proposal); others' pending titles are not shown.
    """
    queryset = (
        Opportunity.objects.visible()
        .filter(kind=kind, start_date=start_date, country=country)
        .exclude(state=Opportunity.State.CANCELLED)
    )
    if user is None or not user.has_perm("opportunities.moderate_opportunity"):
        mine = Q(created_by=user) if user is not None and user.is_authenticated else Q(pk=None)
        queryset = queryset.filter(Q(state=Opportunity.State.PUBLISHED) | mine)
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


def engagements_of_reader(opportunity: Opportunity, user: Any) -> list[Engagement]:
    """The visible engagements, each marked with what the reader may do with it."""
    engagements = engagements_for(opportunity, user)
    own = _own_organisations(user)
    started = has_started(opportunity)
    public = opportunity.state in (Opportunity.State.PUBLISHED, Opportunity.State.CANCELLED)
    for engagement in engagements:
        # Mirrors opportunities.withdraw_engagement / record_outcome without a query each.
        speaks = user.is_superuser or engagement.organisation_id in own
        engagement.can_withdraw = speaks and not started
        engagement.can_record_outcome = speaks and started and public
    return engagements


def _own_organisations(user: Any) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
            "organisation_id", flat=True
        )
    )


def count_engagements(opportunities: list[Opportunity], user: Any) -> None:
    """Set ``engaged`` and ``done`` (outcomes recorded) on each, in one query.

    Only engagements the reader may see are counted: a members-only engagement
    is not even a number to the public.
    """
    queryset = Engagement.objects.filter(
        opportunity__in=[o.pk for o in opportunities], organisation__hidden_at__isnull=True
    )
    if not user.has_perm("opportunities.see_member_engagements"):
        queryset = queryset.filter(visibility=Engagement.Visibility.PUBLIC)
    counts = {
        row["opportunity"]: row
        for row in queryset.values("opportunity").annotate(
            engaged=Count("id"), done=Count("id", filter=~Q(outcome=""))
        )
    }
    for opportunity in opportunities:
        row = counts.get(opportunity.pk, {})
        opportunity.engaged = row.get("engaged", 0)
        opportunity.done = row.get("done", 0)


def reports_for(opportunity: Opportunity, user: Any) -> list[ShadowReport]:
    """Linked shadow reports the reader may see (reports.view_shadowreport as a query):
    published ones, and their own coalitions' private ones. A private report's title
    never reaches anyone else."""
    reports = opportunity.reports.select_related("coalition").order_by("title", "id")
    if user.is_superuser:
        found = list(reports)
    else:
        visible = Q(is_public=True, coalition__hidden_at__isnull=True) & ~Q(docx="")
        if user.is_authenticated:
            visible |= Q(
                coalition__in=Membership.objects.filter(
                    user=user, status=Membership.Status.ACTIVE
                ).values("organisation")
            )
        found = list(reports.filter(visible))
    editing = _coalitions_edited_by(user)
    for report in found:
        report.can_unlink = user.is_superuser or report.coalition_id in editing
    return found


def _coalitions_edited_by(user: Any) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(
            user=user,
            status=Membership.Status.ACTIVE,
            role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
        ).values_list("organisation_id", flat=True)
    )


# What a version did, by the stable comment the services store (never shown raw:
# it is English, and a French reader reads French).
VERSION_ACTIONS = {
    "create": _("Added to the calendar"),
    "publish": _("Published"),
    "reject": _("Returned to the proposer"),
    "resubmit": _("Sent for review again"),
    "cancel": _("Cancelled"),
}
# Bookkeeping, or derived from a field that is shown (the dates from the times);
# report links are coordination, kept in the audit log, not edits of the moment.
QUIET_FIELDS = frozenset(
    {
        "id",
        "campaigns",  # linked by the campaign's organisers, not an edit of the moment
        "uid",
        "sequence",
        "created_at",
        "updated_at",
        "created_by_id",
        "published_at",
        "published_by_id",
        "start_date",
        "end_date",
        "reports",
        "master_id",
        "language_code",
    }
)


def describe_versions(opportunity: Opportunity, versions: list[Version]) -> None:
    """Set ``change`` on each version: what it did, or which fields it changed, in words.

    Each version is compared with the one before it (the page's oldest with the
    version just before the page), translated texts included, in three queries.
    """
    if not versions:
        return
    oldest = min(versions, key=lambda v: v.pk)
    before = (
        Version.objects.get_for_object(opportunity)
        .filter(pk__lt=oldest.pk)
        .select_related("revision")
        .order_by("-pk")
        .first()
    )
    chain = sorted([*versions, *([before] if before else [])], key=lambda v: v.pk)
    texts = _translation_texts(opportunity, [v.revision_id for v in chain])
    previous: Version | None = None
    for version in chain:
        if version is not before:
            version.change = _describe(version, previous, texts)
        previous = version


def _translation_texts(
    opportunity: Opportunity, revision_ids: list[int]
) -> dict[int, dict[str, Any]]:
    """Per revision, the translated fields of every language, as ``{"title:fr": …}``."""
    model = Opportunity._parler_meta.root_model
    found: dict[int, dict[str, Any]] = {}
    for version in Version.objects.get_for_model(model).filter(revision_id__in=revision_ids):
        fields = version.field_dict
        if fields.get("master_id") != opportunity.pk:
            continue
        language = fields.get("language_code", "")
        for name, value in fields.items():
            if name not in QUIET_FIELDS:
                found.setdefault(version.revision_id, {})[f"{name}:{language}"] = value
    return found


def _describe(version: Version, previous: Version | None, texts: dict[int, Any]) -> str:
    comment = version.revision.comment
    if comment in VERSION_ACTIONS:
        return str(VERSION_ACTIONS[comment])
    if previous is None:  # e.g. the first edit of a generated yearly moment
        return str(_("Edited"))
    # The texts first (as the form shows them), then the other fields in model order.
    changed: list[str] = []
    before_texts = texts.get(previous.revision_id, {})
    for key, value in texts.get(version.revision_id, {}).items():
        name = key.split(":", 1)[0]
        if value != before_texts.get(key) and name not in changed:
            changed.append(name)
    now, then = version.field_dict, previous.field_dict
    changed += [
        name
        for name in now
        if name not in QUIET_FIELDS and _comparable(now[name]) != _comparable(then.get(name))
    ]
    translated = Opportunity._parler_meta.root_model._meta
    labels: list[str] = []
    for name in changed:
        for meta in (Opportunity._meta, translated):
            try:
                label = str(meta.get_field(name).verbose_name)
                break
            except FieldDoesNotExist:
                continue
        else:  # a field since removed: say nothing rather than show its code name
            continue
        if label not in labels:
            labels.append(label)
    if not labels:
        return str(_("Edited"))
    return str(_("Changed: %(fields)s") % {"fields": format_list(labels, locale=current_locale())})


def _comparable(value: Any) -> Any:
    """Many-to-many values are lists of keys in no promised order."""
    return sorted(str(item) for item in value) if isinstance(value, list) else value
