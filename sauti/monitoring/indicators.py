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

Debt: this is Python over ``Submission.data``, one pass per request. It is fine
for a few thousand submissions; past that, indicators need pre-aggregation
(per group and period, refreshed on review) or JSON queries in the database.
Pre-aggregated figures must still go through disclosure control at read time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from babel.numbers import format_percent
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.core import charts
from sauti.core.i18n import current_locale

from .disclosure import SMALL_GROUP, Figure, check_threshold, protect_groups
from .models import Indicator, Submission


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

    @property
    def published(self) -> tuple[Group, ...]:
        return tuple(group for group in self.groups if group.published)

    @property
    def withheld(self) -> tuple[Group, ...]:
        return tuple(group for group in self.groups if not group.published)


def _answered(answer: Any) -> bool:
    return answer is not None and str(answer).strip() != ""


def _number(answer: Any) -> Decimal | None:
    if isinstance(answer, bool) or not _answered(answer):
        return None
    try:
        number = Decimal(str(answer).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _quarter(submission: Submission) -> tuple[tuple[int, int], str]:
    day = submission.collected_on or timezone.localdate(submission.received_at)
    quarter = (day.month - 1) // 3 + 1
    return (day.year, quarter), _("%(year)s Q%(quarter)s") % {"year": day.year, "quarter": quarter}


def _group_of(indicator: Indicator, submission: Submission) -> tuple[tuple, str]:
    """(sort key, label) of the group a submission falls in."""
    site = submission.site
    if indicator.group_by == Indicator.GroupBy.QUARTER:
        key, label = _quarter(submission)
        return (0, key), label
    if indicator.group_by == Indicator.GroupBy.AREA:
        area = site.area.strip() if site is not None else ""
        if not area:
            return (1, ""), _("No area")
        return (0, area.casefold(), area), area
    if site is None:
        return (1, 0), _("No site")
    return (0, site.name.casefold(), site.pk), site.name


def submissions_for(indicator: Indicator) -> Iterable[Submission]:
    return (
        Submission.objects.filter(
            project_id=indicator.project_id,
            form_version__form_id=indicator.form_id,
            status=Submission.Status.APPROVED,
            is_current=True,
        )
        .select_related("site")
        .only("data", "site", "collected_on", "received_at")
        .iterator()
    )


def _value(indicator: Indicator, answers: list[Any]) -> Any:
    """The figure of a group from the answers counted in it (never empty)."""
    if indicator.kind == Indicator.Kind.SHARE:
        wanted = indicator.value.strip()
        return Fraction(sum(str(a).strip() == wanted for a in answers), len(answers))
    if indicator.kind == Indicator.Kind.MEAN:
        return sum(answers, Decimal(0)) / len(answers)
    return len(answers)


def compute(indicator: Indicator, *, k: int) -> Result:
    """The indicator's groups and total, after disclosure control with threshold ``k``."""
    check_threshold(k)
    field = indicator.field.strip()
    groups: dict[tuple, tuple[str, list[Any]]] = {}
    for submission in submissions_for(indicator):
        answer = submission.data.get(field) if field else None
        if indicator.kind == Indicator.Kind.MEAN:
            answer = _number(answer)
            if answer is None:
                continue
        elif field and not _answered(answer):
            continue
        key, label = _group_of(indicator, submission)
        groups.setdefault(key, (label, []))[1].append(answer)

    ordered = sorted(groups.items())
    counts = [len(answers) for _key, (_label, answers) in ordered]
    values = [_value(indicator, answers) for _key, (_label, answers) in ordered]
    everything = [a for _key, (_label, answers) in ordered for a in answers]
    total_value = _value(indicator, everything) if everything else None
    protected = protect_groups(counts, k, values=values, total_value=total_value)
    return Result(
        indicator=indicator,
        k=k,
        groups=tuple(
            Group(label=label, figure=figure)
            for (_key, (label, _answers)), figure in zip(ordered, protected.groups, strict=True)
        ),
        total=protected.total,
    )


# --- Presentation: chart and table for the dashboard ---------------------------------------
@dataclass(frozen=True)
class Panel:
    result: Result
    chart: str  # safe SVG, published groups only ("" when none is)
    table: charts.ChartTable  # every group; withheld ones say why, never their figure
    total_text: str


def _format(indicator: Indicator) -> charts.ValueFormat:
    if indicator.kind == Indicator.Kind.SHARE:
        return lambda v: format_percent(v, locale=current_locale())
    if indicator.kind == Indicator.Kind.MEAN:
        return lambda v: charts.format_number(round(v, 1))
    return charts.format_number


def withheld_text(group: Group, k: int) -> str:
    if group.small:
        return _("fewer than %(k)s") % {"k": charts.format_number(k)}
    return _("withheld (protects a small group)")


def panel(result: Result) -> Panel:
    indicator = result.indicator
    fmt = _format(indicator)
    rows = [(group.label, float(group.value)) for group in result.published]
    chart = (
        charts.bar_chart(
            rows,
            title=indicator.title,
            description=indicator.get_group_by_display(),
            max_value=1.0 if indicator.kind == Indicator.Kind.SHARE else None,
            value_format=fmt,
            id_prefix=charts.svg_id_prefix("indicator", str(indicator.pk)),
        )
        if rows
        else ""
    )
    table = charts.ChartTable(
        caption=indicator.title,
        headers=(_("Group"), _("Respondents"), indicator.get_kind_display()),
        rows=tuple(
            charts.TableRow(
                group.label,
                (
                    (charts.format_number(group.figure.count), fmt(float(group.value)))
                    if group.published
                    else (withheld_text(group, result.k), "—")
                ),
            )
            for group in result.groups
        ),
    )
    total = result.total
    if total.published and total.value is not None:
        total_text = _("All groups: %(value)s (%(count)s respondents)") % {
            "value": fmt(float(total.value)),
            "count": charts.format_number(total.count),
        }
    elif total.published:
        total_text = _("No approved answers yet.")
    else:
        total_text = _("All groups: fewer than %(k)s respondents") % {
            "k": charts.format_number(result.k)
        }
    return Panel(result=result, chart=chart, table=table, total_text=total_text)
