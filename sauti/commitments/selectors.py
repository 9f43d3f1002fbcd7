"""Reads for country tracking: the country scorecard, the regional and global comparisons,
the history of a commitment, and what a coalition's members recorded.

Which status a country "has" for a commitment in a cycle: the status of the most
recently published consolidated assessment of a coalition if there is one (a
coalition weighed its members' views and said so in public), else the status
most organisations recorded. A tie goes to the status that claims less progress,
so that the table never overstates what a government did; "no information"
gives way to any status that says something.

The comparisons count with a few ``GROUP BY`` queries (status counts per
country, commitment and status; published consolidated entries) and finish in
Python: 194 countries × 10 commitments × 6 statuses is a few thousand rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.accounts.models import Membership, NetworkMembership, Organisation
from sauti.core.i18n import sort_key
from sauti.core.models import Country, Region

from .models import (
    STATUS_RANK,
    Commitment,
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Cycle,
    Evidence,
    Framework,
    Status,
)

STATUSES: tuple[str, ...] = tuple(Status.values)
UP, DOWN, SAME = "up", "down", "same"
ARROWS = {UP: "↑", DOWN: "↓", SAME: "="}
FROM_ORGANISATIONS, FROM_COALITION = "organisations", "coalition"
# What counts as progress in the global chart: "in progress" or "largely achieved".
PROGRESS = (Status.IN_PROGRESS, Status.LARGELY_ACHIEVED)


# --- Small helpers -----------------------------------------------------------------------
def _tie_order(status: str) -> int:
    rank = STATUS_RANK.get(status)
    return 99 if rank is None else rank


def most_common(counts: dict[str, int]) -> str | None:
    """The status most organisations recorded; a tie goes to the one claiming less progress."""
    candidates = [(status, n) for status, n in counts.items() if n > 0]
    if not candidates:
        return None
    return min(candidates, key=lambda pair: (-pair[1], _tie_order(pair[0])))[0]


def trend(previous: str | None, current: str | None) -> str | None:
    """``up``, ``down`` or ``same`` between two statuses; ``None`` when either says nothing."""
    if previous is None or current is None:
        return None
    before, now = STATUS_RANK.get(previous), STATUS_RANK.get(current)
    if before is None or now is None:
        return None
    if now > before:
        return UP
    if now < before:
        return DOWN
    return SAME


def trend_text(direction: str | None, previous_cycle: Any) -> str:
    if direction == UP:
        return _("Better than in %(cycle)s") % {"cycle": previous_cycle}
    if direction == DOWN:
        return _("Worse than in %(cycle)s") % {"cycle": previous_cycle}
    if direction == SAME:
        return _("Same as in %(cycle)s") % {"cycle": previous_cycle}
    return ""


def status_label(status: str | None) -> str:
    return str(Status(status).label) if status else ""


def cycles() -> list[Cycle]:
    return list(Cycle.objects.prefetch_related("translations"))


def default_cycle(available: list[Cycle], today: date | None = None) -> Cycle | None:
    """The latest cycle that has opened (the one people are working on), else the first."""
    today = today or timezone.localdate()
    opened = [c for c in available if c.opens_on <= today]
    if opened:
        return opened[-1]
    return available[0] if available else None


def pick(items: list[Any], code: str | None, *, default: Any = None) -> Any:
    """The item whose ``code`` is ``code``; an unknown code falls back to ``default``."""
    for item in items:
        if code and item.code == code:
            return item
    return default


def short_names(available: list[Cycle]) -> dict[int, str]:
    """A cycle's year where no other cycle has it (“Worse than in 2026”), else its name."""
    years = Counter(c.year for c in available)
    return {c.pk: str(c.year) if years[c.year] == 1 else str(c) for c in available}


def frameworks() -> list[Framework]:
    """Active frameworks with their active commitments, translations prefetched."""
    commitments = Commitment.objects.filter(is_active=True).prefetch_related("translations")
    return list(
        Framework.objects.filter(is_active=True).prefetch_related(
            "translations", Prefetch("commitments", queryset=commitments, to_attr="active")
        )
    )


def commitments_of(framework: Framework) -> list[Commitment]:
    """The framework's active commitments (prefetched by :func:`frameworks`, or read now)."""
    prefetched = getattr(framework, "active", None)
    if prefetched is not None:
        return list(prefetched)
    return list(framework.commitments.filter(is_active=True).prefetch_related("translations"))


def active_commitments() -> list[Commitment]:
    return list(
        Commitment.objects.filter(is_active=True, framework__is_active=True)
        .select_related("framework")
        .prefetch_related("translations", "framework__translations")
    )


def _public_assessments() -> QuerySet[CountryAssessment]:
    return CountryAssessment.objects.filter(organisation__hidden_at__isnull=True)


def _published_entries() -> QuerySet[ConsolidatedEntry]:
    return ConsolidatedEntry.objects.filter(
        consolidated__state=Consolidated.State.PUBLISHED,
        consolidated__hidden_at__isnull=True,
        consolidated__coalition__hidden_at__isnull=True,
    )


# --- Who may act for which organisation ---------------------------------------------------
def organisations_edited_by(user: Any) -> QuerySet[Organisation]:
    """Organisations ``user`` may record assessments for: where they are editor or admin."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return (
        Organisation.objects.visible()
        .filter(
            memberships__user=user,
            memberships__status=Membership.Status.ACTIVE,
            memberships__role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
        )
        .distinct()
    )


def coalitions_edited_by(user: Any) -> QuerySet[Organisation]:
    return organisations_edited_by(user).filter(kind=Organisation.Kind.NETWORK)


def coalition_member_ids(coalition: Organisation) -> list[int]:
    """The coalition's active member organisations, and the active members of member networks
    (one level deep: a network of networks speaks for its networks' members, not further)."""
    direct = set(
        NetworkMembership.objects.filter(
            network=coalition, status=NetworkMembership.Status.ACTIVE
        ).values_list("member_id", flat=True)
    )
    networks = Organisation.objects.filter(pk__in=direct, kind=Organisation.Kind.NETWORK)
    nested = set(
        NetworkMembership.objects.filter(
            network__in=networks, status=NetworkMembership.Status.ACTIVE
        ).values_list("member_id", flat=True)
    )
    ids = (direct | nested) - {coalition.pk}
    return sorted(Organisation.objects.visible().filter(pk__in=ids).values_list("pk", flat=True))


def member_statuses(
    coalition: Organisation, country: Country, cycle: Cycle
) -> dict[int, dict[str, str]]:
    """{commitment id: {organisation id (text, as JSON keeps it): status}} of the members."""
    members = coalition_member_ids(coalition)
    result: dict[int, dict[str, str]] = defaultdict(dict)
    rows = CountryAssessment.objects.filter(
        organisation_id__in=members, country=country, cycle=cycle
    ).values_list("commitment_id", "organisation_id", "status")
    for commitment_id, organisation_id, status in rows:
        result[commitment_id][str(organisation_id)] = status
    return dict(result)


def members_by_commitment(consolidated: Consolidated) -> dict[int, list[tuple[str, str]]]:
    """{commitment id: [(member name, status word)]} as the members' statuses stand now."""
    statuses = member_statuses(consolidated.coalition, consolidated.country, consolidated.cycle)
    ids = {int(key) for by_member in statuses.values() for key in by_member}
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    return {
        commitment_id: sorted(
            ((names.get(int(key), ""), status_label(status)) for key, status in by_member.items()),
            key=lambda pair: sort_key(pair[0]),
        )
        for commitment_id, by_member in statuses.items()
    }


# --- Agreement within a coalition ---------------------------------------------------------
@dataclass
class Agreement:
    """How a coalition's members' statuses compare with the coalition's own."""

    status: str
    agree: list[Organisation] = field(default_factory=list)
    differ: list[tuple[Organisation, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.agree) + len(self.differ)

    @property
    def differ_labels(self) -> list[tuple[Organisation, str]]:
        return [(organisation, status_label(status)) for organisation, status in self.differ]


def agreement(
    status: str, statuses: dict[str, str], organisations: dict[int, Organisation]
) -> Agreement:
    """Split the members who recorded a status into those who agree and those who differ."""
    result = Agreement(status=status)
    for key, member_status in statuses.items():
        organisation = organisations.get(int(key))
        if organisation is None:  # hidden or gone since: not shown
            continue
        if member_status == status:
            result.agree.append(organisation)
        else:
            result.differ.append((organisation, member_status))
    result.agree.sort(key=lambda o: sort_key(o.name))
    result.differ.sort(key=lambda pair: sort_key(pair[0].name))
    return result


def consolidated_view(consolidated: Consolidated) -> dict[str, Any]:
    """What the consolidated page shows: per commitment the coalition's status and note,
    and which members agree and differ (as published, or as they stand for a draft)."""
    entries = list(
        consolidated.entries.select_related("commitment__framework").prefetch_related(
            "commitment__translations"
        )
    )
    if consolidated.is_published:
        snapshots = {entry.commitment_id: entry.member_statuses for entry in entries}
    else:
        snapshots = member_statuses(
            consolidated.coalition, consolidated.country, consolidated.cycle
        )
    ids = {int(key) for statuses in snapshots.values() for key in statuses}
    organisations = {o.pk: o for o in Organisation.objects.visible().filter(pk__in=ids)}
    rows = []
    for entry in entries:
        found = agreement(entry.status, snapshots.get(entry.commitment_id, {}), organisations)
        rows.append({"entry": entry, "label": status_label(entry.status), "agreement": found})
    return {
        "rows": rows,
        "agreeing": sum(
            1 for row in rows if row["agreement"].total and not row["agreement"].differ
        ),
        "differing": sum(1 for row in rows if row["agreement"].differ),
    }


# --- The country scorecard ---------------------------------------------------------------
@dataclass
class Cell:
    """What the tables show for one commitment in one country and cycle."""

    status: str | None = None
    source: str | None = None  # FROM_COALITION or FROM_ORGANISATIONS
    coalition: str = ""
    consolidated_id: int | None = None
    organisations: int = 0  # how many organisations recorded a status
    agreeing: int = 0  # how many of them recorded the status shown
    counts: dict[str, int] = field(default_factory=dict)
    evidence: int = 0
    trend: str | None = None
    trend_text: str = ""

    @property
    def label(self) -> str:
        return status_label(self.status)

    @property
    def differs(self) -> bool:
        return len([n for n in self.counts.values() if n]) > 1

    @property
    def arrow(self) -> str:
        return ARROWS.get(self.trend or "", "")

    @property
    def rank(self) -> int | None:
        return STATUS_RANK.get(self.status) if self.status else None


def _cell(counts: dict[str, int], consolidated: dict[str, Any] | None) -> Cell:
    cell = Cell(counts=dict(counts), organisations=sum(counts.values()))
    if consolidated is not None:
        cell.status = consolidated["status"]
        cell.source = FROM_COALITION
        cell.coalition = consolidated["coalition"]
        cell.consolidated_id = consolidated["id"]
    else:
        cell.status = most_common(counts)
        cell.source = FROM_ORGANISATIONS if cell.status else None
    cell.agreeing = counts.get(cell.status or "", 0)
    return cell


def _latest_consolidated(rows: Iterable[dict[str, Any]], *keys: str) -> dict[tuple, dict]:
    """{key: the entry of the most recently published consolidated assessment}."""
    latest: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        key = tuple(row[k] for k in keys)
        current = latest.get(key)
        if current is None or (row["published_at"], row["id"]) > (
            current["published_at"],
            current["id"],
        ):
            latest[key] = row
    return latest


def _entry_rows(queryset: QuerySet[ConsolidatedEntry], *keys: str) -> list[dict[str, Any]]:
    """Published entries as dicts with ``keys`` and the consolidated assessment's
    id, coalition name and publication time."""
    names = {
        "commitment_id": "commitment_id",
        "cycle_id": "consolidated__cycle_id",
        "country_id": "consolidated__country_id",
    }
    rows = queryset.values_list(
        *(names[k] for k in keys),
        "status",
        "consolidated_id",
        "consolidated__coalition__name",
        "consolidated__published_at",
    )
    return [
        {
            **dict(zip(keys, row[: len(keys)], strict=True)),
            "status": row[-4],
            "id": row[-3],
            "coalition": row[-2],
            "published_at": row[-1],
        }
        for row in rows
    ]


def country_scorecard(country: Country) -> dict[str, Any]:
    """Commitments × cycles for one country: status, where it comes from, evidence, trend."""
    all_cycles = cycles()
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    for row in (
        _public_assessments()
        .filter(country=country)
        .values("commitment_id", "cycle_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(row["commitment_id"], row["cycle_id"])][row["status"]] = row["n"]
    evidence = {
        (row["assessment__commitment_id"], row["assessment__cycle_id"]): row["n"]
        for row in Evidence.objects.filter(
            assessment__country=country, assessment__organisation__hidden_at__isnull=True
        )
        .values("assessment__commitment_id", "assessment__cycle_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    consolidated = _latest_consolidated(
        _entry_rows(
            _published_entries().filter(consolidated__country=country),
            "commitment_id",
            "cycle_id",
        ),
        "commitment_id",
        "cycle_id",
    )
    short = short_names(all_cycles)
    tables = []
    for framework in frameworks():
        rows = []
        for commitment in framework.active:
            cells = []
            previous: tuple[Cycle, Cell] | None = None
            for cycle in all_cycles:
                key = (commitment.pk, cycle.pk)
                cell = _cell(counts.get(key, {}), consolidated.get(key))
                cell.evidence = evidence.get(key, 0)
                if previous is not None:
                    cell.trend = trend(previous[1].status, cell.status)
                    cell.trend_text = trend_text(cell.trend, short[previous[0].pk])
                cells.append(cell)
                previous = (cycle, cell)
            rows.append(
                {"commitment": commitment, "cells": list(zip(all_cycles, cells, strict=True))}
            )
        if rows:
            tables.append({"framework": framework, "rows": rows})
    published = list(
        Consolidated.objects.visible()
        .filter(
            country=country,
            state=Consolidated.State.PUBLISHED,
            coalition__hidden_at__isnull=True,
        )
        .select_related("coalition", "cycle")
        .prefetch_related("cycle__translations")
    )
    return {
        "cycles": all_cycles,
        "tables": tables,
        "published": published,
        "assessed": bool(counts) or bool(consolidated),
    }


# --- Comparisons -------------------------------------------------------------------------
def _shown_statuses(
    cycle: Cycle, *, region: Region | None = None, commitments: list[Commitment]
) -> tuple[dict[tuple[str, int], Cell], dict[str, str]]:
    """{(country code, commitment id): Cell} for one cycle, and {country code: region code}
    of the countries with any status: two GROUP BY queries."""
    ids = [c.pk for c in commitments]
    assessments = _public_assessments().filter(cycle=cycle, commitment_id__in=ids)
    entries = _published_entries().filter(consolidated__cycle=cycle, commitment_id__in=ids)
    if region is not None:
        assessments = assessments.filter(country__region=region)
        entries = entries.filter(consolidated__country__region=region)
    counts: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
    regions: dict[str, str] = {}
    for country_id, region_id, commitment_id, status, n in (
        assessments.values_list("country_id", "country__region_id", "commitment_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(country_id, commitment_id)][status] = n
        regions[country_id] = region_id
    consolidated = _latest_consolidated(
        _entry_rows(entries, "country_id", "commitment_id"), "country_id", "commitment_id"
    )
    if consolidated:
        for country_id, region_id in Country.objects.filter(
            pk__in={key[0] for key in consolidated}
        ).values_list("code", "region_id"):
            regions[country_id] = region_id
    cells = {
        key: _cell(counts.get(key, {}), consolidated.get(key))
        for key in set(counts) | set(consolidated)
    }
    return cells, regions


def region_comparison(region: Region, cycle: Cycle, framework: Framework) -> dict[str, Any]:
    """The countries of a WHO region × the commitments of a framework, for one cycle."""
    commitments = commitments_of(framework)
    cells, _regions = _shown_statuses(cycle, region=region, commitments=commitments)
    countries = sorted(region.countries.all(), key=lambda c: sort_key(c.name))
    rows = []
    totals = {c.pk: Counter() for c in commitments}
    for country in countries:
        row = []
        for commitment in commitments:
            cell = cells.get((country.code, commitment.pk)) or Cell()
            totals[commitment.pk][cell.status or ""] += 1
            row.append(cell)
        rows.append({"country": country, "cells": row, "assessed": any(c.status for c in row)})
    summary = [
        {
            "commitment": commitment,
            "counts": [totals[commitment.pk][status] for status in STATUSES],
            "not_assessed": totals[commitment.pk][""],
        }
        for commitment in commitments
    ]
    return {
        "region": region,
        "commitments": commitments,
        "rows": rows,
        "summary": summary,
        "status_labels": [status_label(s) for s in STATUSES],
        "assessed_countries": sum(1 for row in rows if row["assessed"]),
        "country_count": len(countries),
    }


def global_overview(cycle: Cycle, framework: Framework) -> dict[str, Any]:
    """Per commitment, in the world and in each WHO region: how many countries at each status.

    ``by_commitment`` rows: {commitment, counts (in ``STATUSES`` order), not_assessed,
    progress}; ``by_region``: {region code: {commitment id: same}}.
    """
    commitments = commitments_of(framework)
    cells, regions_of = _shown_statuses(cycle, commitments=commitments)
    countries_per_region = dict(
        Country.objects.values_list("region_id").annotate(n=Count("code")).order_by()
    )
    world_total = sum(countries_per_region.values())
    tallies: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    for (country_id, commitment_id), cell in cells.items():
        if cell.status:
            tallies[(regions_of[country_id], commitment_id)][cell.status] += 1

    def row(commitment: Commitment, counter: Counter[str], total: int) -> dict[str, Any]:
        counts = [counter[status] for status in STATUSES]
        return {
            "commitment": commitment,
            "counts": counts,
            "not_assessed": total - sum(counts),
            "progress": sum(counter[s] for s in PROGRESS),
            "total": total,
        }

    by_region: dict[str, dict[int, dict[str, Any]]] = {}
    world: dict[int, Counter[str]] = {c.pk: Counter() for c in commitments}
    for region in Region.Code.values:
        total = countries_per_region.get(region, 0)
        by_region[region] = {}
        for commitment in commitments:
            counter = tallies.get((region, commitment.pk), Counter())
            world[commitment.pk].update(counter)
            by_region[region][commitment.pk] = row(commitment, counter, total)
    return {
        "commitments": commitments,
        "by_commitment": [row(c, world[c.pk], world_total) for c in commitments],
        "by_region": by_region,
        "countries_per_region": countries_per_region,
        "country_count": world_total,
        "status_labels": [status_label(s) for s in STATUSES],
    }


def world_chart(overview: dict[str, Any]) -> dict[str, Any]:
    """The share of countries making progress on each commitment, as an SVG and a table."""
    from sauti.core.charts import share_bars, share_table

    rows = [
        (str(row["commitment"]), row["progress"], row["total"]) for row in overview["by_commitment"]
    ]
    if not rows or not overview["country_count"]:
        return {"chart": None, "chart_table": None}
    title = _("Countries where the commitment is in progress or largely achieved")
    return {
        "chart": share_bars(rows, title=title, description=""),
        "chart_table": share_table(rows, caption=title, label_header=_("Commitment")),
    }


def commitment_overview(commitment: Commitment, all_cycles: list[Cycle]) -> list[dict[str, Any]]:
    """For one commitment, per cycle: how many countries at each status (the world)."""
    counts: dict[tuple[int, str], dict[str, int]] = defaultdict(dict)
    for cycle_id, country_id, status, n in (
        _public_assessments()
        .filter(commitment=commitment)
        .values_list("cycle_id", "country_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(cycle_id, country_id)][status] = n
    consolidated = _latest_consolidated(
        _entry_rows(_published_entries().filter(commitment=commitment), "cycle_id", "country_id"),
        "cycle_id",
        "country_id",
    )
    tallies: dict[int, Counter[str]] = defaultdict(Counter)
    for key in set(counts) | set(consolidated):
        cell = _cell(counts.get(key, {}), consolidated.get(key))
        if cell.status:
            tallies[key[0]][cell.status] += 1
    total = Country.objects.count()
    result = []
    for cycle in all_cycles:
        tally = tallies.get(cycle.pk, Counter())
        values = [tally[s] for s in STATUSES]
        result.append(
            {"cycle": cycle, "counts": values, "not_assessed": total - sum(values), "total": total}
        )
    return result


# --- History -----------------------------------------------------------------------------
def commitment_history(country: Country, commitment: Commitment) -> dict[str, Any]:
    """Every version of every organisation's assessment of ``commitment`` in ``country``,
    newest first, and the coalitions' published positions. Versions are paged by the view."""
    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Version

    assessments = {
        a.pk: a
        for a in CountryAssessment.objects.filter(
            country=country, commitment=commitment, organisation__hidden_at__isnull=True
        )
        .select_related("organisation", "cycle")
        .prefetch_related("cycle__translations")
    }
    versions = (
        Version.objects.get_for_model(CountryAssessment)
        .filter(object_id__in=[str(pk) for pk in assessments])
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )
    positions = list(
        _published_entries()
        .filter(consolidated__country=country, commitment=commitment)
        .select_related("consolidated__coalition", "consolidated__cycle")
        .prefetch_related("consolidated__cycle__translations")
        .order_by("-consolidated__published_at")
    )
    return {
        "assessments": assessments,
        "versions": versions,
        "positions": positions,
        "evidence_type": ContentType.objects.get_for_model(Evidence),
    }


def describe_versions(
    versions: Iterable[Any], assessments: dict[int, CountryAssessment], evidence_type: Any
) -> list[dict[str, Any]]:
    """One row per version of a page: organisation, cycle, status, narrative, evidence then."""
    from reversion.models import Version

    versions = list(versions)
    evidence: dict[int, list[str]] = defaultdict(list)
    for revision_id, title in (
        Version.objects.filter(
            revision_id__in=[v.revision_id for v in versions], content_type=evidence_type
        )
        .order_by("pk")
        .values_list("revision_id", "object_repr")
    ):
        evidence[revision_id].append(title)
    rows = []
    for version in versions:
        data = version.field_dict
        assessment = assessments.get(int(version.object_id))
        rows.append(
            {
                "version": version,
                "assessment": assessment,
                "status": data.get("status"),
                "label": status_label(data.get("status")),
                "narrative": data.get("narrative", ""),
                "evidence": evidence.get(version.revision_id, []),
                "change": _describe_change(version.revision.comment),
            }
        )
    return rows


def _describe_change(comment: str) -> str:
    names = {
        "create": _("First recorded"),
        "status": _("Status"),
        "narrative": _("Narrative"),
        "evidence": _("Evidence"),
    }
    parts = [names.get(part.strip(), "") for part in (comment or "").split(",")]
    return ", ".join(p for p in parts if p)


# --- An organisation's assessments --------------------------------------------------------
def organisation_assessments(
    organisation: Organisation | None, country: Country, cycle: Cycle
) -> dict[int, CountryAssessment]:
    """{commitment id: assessment} recorded by ``organisation`` for a country and cycle."""
    if organisation is None:
        return {}
    return {
        a.commitment_id: a
        for a in CountryAssessment.objects.filter(
            organisation=organisation, country=country, cycle=cycle
        ).prefetch_related("evidence", "evidence__mechanism__translations")
    }
