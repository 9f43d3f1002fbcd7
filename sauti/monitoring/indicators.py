"""Indicators: counts, shares and means over a form's approved submissions, by group.

:func:`compute` reads the *current, approved* submissions of the indicator's
form, puts each one in exactly one group (its site, its site's area, or the
quarter it was collected in), and runs the groups through
:func:`sauti.monitoring.disclosure.protect_groups`: a group's figure is shown
only when it rests on at least ``k`` respondents, and complements are withheld
so that a small group cannot be recovered from the total.

The denominator of each group (the *count* that disclosure control sees) is:

- *count*: the submissions in the group (those answering ``field`` if one is given);
- *share*: the submissions answering ``field``; the value is the part whose answer is
  ``value`` (compared as trimmed text; a multi-select answer is not split);
- *mean*: the submissions whose answer to ``field`` is a number; others are left out.

Figures are summed from the pre-aggregated cells of :mod:`sauti.monitoring.aggregates`
(one per site and quarter, recomputed whenever a submission starts or stops
counting), so a dashboard reads a few thousand rows, not a million submissions;
disclosure control still runs here, at read time, over the groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from . import aggregates
from .disclosure import SMALL_GROUP, Figure, check_threshold, protect_groups
from .models import Indicator, IndicatorCell, Project, Site


@dataclass(frozen=True)
class Group:
    """One group of an indicator after disclosure control."""

    label: str
    figure: Figure

    @property
    def published(self) -> bool:
        return self.figure.published

    @property
    def small(self) -> bool:
        """Withheld because it rests on fewer than k people (else: as a complement)."""
        return self.figure.withheld_as == SMALL_GROUP

    @property
    def value(self) -> Any:
        """The figure a reader may see (count, share as a fraction, or mean), or ``None``."""
        return self.figure.shown_value


@dataclass(frozen=True)
class Result:
    indicator: Indicator
    k: int
    groups: tuple[Group, ...]
    total: Figure
    pending: bool = False  # the worker is still building the cells: no figure yet

    @property
    def published(self) -> tuple[Group, ...]:
        return tuple(group for group in self.groups if group.published)

    @property
    def withheld(self) -> tuple[Group, ...]:
        return tuple(group for group in self.groups if not group.published)


def quarter_label(quarter: date) -> str:
    return _("%(year)s Q%(quarter)s") % {
        "year": quarter.year,
        "quarter": (quarter.month - 1) // 3 + 1,
    }


def _sites(project_id: int) -> dict[int, tuple[str, str]]:
    return {
        pk: (name, area.strip())
        for pk, name, area in Site.objects.filter(project_id=project_id).values_list(
            "pk", "name", "area"
        )
    }


def _group_of(group_by: str, site: tuple[str, str] | None, site_key: int, quarter: date):
    """(sort key, label) of the group a cell falls in."""
    if group_by == Indicator.GroupBy.QUARTER:
        return (0, quarter), quarter_label(quarter)
    if group_by == Indicator.GroupBy.AREA:
        area = site[1] if site is not None else ""
        if not area:
            return (1, ""), _("No area")
        return (0, area.casefold(), area), area
    if site is None:
        return (1, 0), _("No site")
    return (0, site[0].casefold(), site_key), site[0]


def _value(indicator: Indicator, n: int, hits: int, total: float) -> Any:
    """The figure of a group from its summed cells (``n`` is never 0)."""
    if indicator.kind == Indicator.Kind.SHARE:
        return Fraction(hits, n)
    if indicator.kind == Indicator.Kind.MEAN:
        return Decimal(repr(total)) / n
    return n


def compute(
    indicator: Indicator,
    *,
    k: int,
    group_by: str | None = None,
    quarter: date | None = None,
    area: str | None = None,
) -> Result:
    """The indicator's groups and total, after disclosure control with threshold ``k``.

    ``group_by`` overrides the indicator's grouping; ``quarter`` and ``area`` keep
    only the cells of one quarter or of one area's sites. Each call is protected
    on its own, so the views that filter are for the team: the public dashboard
    shows one grouping per indicator, or figures could be derived by subtracting
    one view from another.
    """
    check_threshold(k)
    if not aggregates.ensure_built(indicator):
        nothing = Figure(count=0, withheld_as=SMALL_GROUP)
        return Result(indicator=indicator, k=k, groups=(), total=nothing, pending=True)
    group_by = group_by or indicator.group_by
    by = "quarter" if group_by == Indicator.GroupBy.QUARTER else "site_key"
    # Site names and areas only when the grouping or the filter needs them.
    sites = _sites(indicator.project_id) if by == "site_key" or area is not None else {}
    cells = IndicatorCell.objects.filter(indicator=indicator, n__gt=0)
    if quarter is not None:
        cells = cells.filter(quarter=quarter)
    if area is not None:
        wanted = area.strip().casefold()
        in_area = [pk for pk, (_name, site_area) in sites.items() if site_area.casefold() == wanted]
        if not wanted:
            in_area.append(aggregates.NO_SITE)  # "no area" includes submissions without a site
        cells = cells.filter(site_key__in=in_area)
    # The database sums the cells per site or per quarter (a few hundred rows at most);
    # areas are sums of sites.
    sums = cells.values(by).annotate(n_=Sum("n"), hits_=Sum("hits"), total_=Sum("total"))
    groups: dict[tuple, list] = {}
    for row in sums.order_by():
        site = sites.get(row[by]) if by == "site_key" else None
        key, label = _group_of(group_by, site, row.get("site_key", 0), row.get("quarter"))
        group = groups.setdefault(key, [label, 0, 0, 0.0])
        group[1] += row["n_"]
        group[2] += row["hits_"]
        group[3] += row["total_"]

    ordered = [groups[key] for key in sorted(groups)]
    counts = [n for _label, n, _hits, _total in ordered]
    values = [_value(indicator, n, hits, total) for _label, n, hits, total in ordered]
    n_all = sum(counts)
    total_value = (
        _value(
            indicator,
            n_all,
            sum(group[2] for group in ordered),
            sum(group[3] for group in ordered),
        )
        if n_all
        else None
    )
    protected = protect_groups(counts, k, values=values, total_value=total_value)
    return Result(
        indicator=indicator,
        k=k,
        groups=tuple(
            Group(label=label, figure=figure)
            for (label, _n, _h, _t), figure in zip(ordered, protected.groups, strict=True)
        ),
        total=protected.total,
    )


def target_met(indicator: Indicator, value: Any) -> bool | None:
    """Whether a shown figure meets the indicator's target (``None``: no target or no figure).

    A share's target is written as a percentage (80 means 80 %).
    """
    if indicator.target is None or value is None:
        return None
    target = Fraction(indicator.target)
    if indicator.kind == Indicator.Kind.SHARE:
        target /= 100
    figure = Fraction(value) if not isinstance(value, Fraction) else value
    if indicator.target_direction == Indicator.TargetDirection.AT_MOST:
        return figure <= target
    return figure >= target


def quarters(project: Project) -> list[date]:
    """The quarters in which the project's indicators count something, oldest first."""
    return sorted(
        set(
            IndicatorCell.objects.filter(indicator__project=project, n__gt=0)
            .values_list("quarter", flat=True)
            .distinct()
        )
    )
