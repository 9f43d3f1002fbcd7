"""How an indicator's result is shown: an SVG chart of the published groups and a table.

Withheld groups stay in the table with the reason, never with their figure:
the figure of a withheld group is never formatted, so it cannot leak into the
page. Groups over time are drawn as columns (time reads along the line), other
groupings as horizontal bars (long site names need the width). Every chart has
a ``<title>``, a ``<desc>`` listing its data and a table beside it; a target is
compared in words ("met", "not met"), never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.numbers import format_percent
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sauti.core import charts
from sauti.core.i18n import current_locale

from .indicators import Group, Result, target_met
from .models import Indicator


@dataclass(frozen=True)
class PanelRow:
    """One group as the team's table shows it; texts already formatted and translated."""

    label: str
    respondents: str
    figure: str  # "—" when withheld
    target: str  # "met", "not met", or "" (no target, or withheld)
    published: bool


@dataclass(frozen=True)
class Panel:
    result: Result
    chart: str  # safe SVG, published groups only ("" when none is)
    table: charts.ChartTable  # every group; withheld ones say why, never their figure
    total_text: str
    rows: tuple[PanelRow, ...] = ()
    target_text: str = ""  # "Target: at least 80 %", "" without a target
    total_target: str = ""  # how the total compares with the target, in words
    withheld_text: str = ""  # how many groups are withheld and why, "" when none is
    over_time: bool = False
    # When there are too many groups to show them all (500 sites on a 2G phone), the
    # chart and tables show those furthest from the target; the page links to all.
    all_groups: int = 0
    shown_text: str = ""  # "The 20 sites furthest from the target, of 500.", "" when all shown


# More groups than this and a panel shows only the ones that need attention first.
MAX_GROUPS_SHOWN = 20


def _first_to_act_on(result: Result, limit: int) -> tuple[Group, ...]:
    """The ``limit`` published groups furthest from the target (lowest first without one)."""
    published = [group for group in result.groups if group.published]
    highest_first = result.indicator.target_direction == Indicator.TargetDirection.AT_MOST
    ranked = sorted(published, key=lambda group: group.value, reverse=highest_first)
    return tuple(ranked[:limit])


def value_format(indicator: Indicator) -> charts.ValueFormat:
    if indicator.kind == Indicator.Kind.SHARE:
        return lambda v: format_percent(v, locale=current_locale())
    if indicator.kind == Indicator.Kind.MEAN:
        return lambda v: charts.format_number(round(v, 1))
    return charts.format_number


def withheld_text(group: Group, k: int) -> str:
    if group.small:
        return _("fewer than %(k)s") % {"k": charts.format_number(k)}
    return _("withheld (protects a small group)")


def format_target(indicator: Indicator) -> str:
    """The target as the figures are written (80 → "80 %" for a share)."""
    if indicator.target is None:
        return ""
    if indicator.kind == Indicator.Kind.SHARE:
        return format_percent(float(indicator.target) / 100, locale=current_locale())
    return charts.format_number(float(indicator.target))


def target_text(indicator: Indicator) -> str:
    if indicator.target is None:
        return ""
    if indicator.target_direction == Indicator.TargetDirection.AT_MOST:
        return _("Target: at most %(target)s.") % {"target": format_target(indicator)}
    return _("Target: at least %(target)s.") % {"target": format_target(indicator)}


def met_text(met: bool | None) -> str:
    if met is None:
        return ""
    return _("met") if met else _("not met")


def withheld_summary(result: Result) -> str:
    """How many groups are withheld, and why: too few respondents, or to protect those."""
    small = sum(1 for group in result.withheld if group.small)
    other = len(result.withheld) - small
    k = charts.format_number(result.k)
    parts = []
    if small:
        parts.append(
            ngettext(
                "%(count)s group has fewer than %(k)s respondents: its figure is not shown, "
                "to protect the people in it.",
                "%(count)s groups have fewer than %(k)s respondents: their figures are not "
                "shown, to protect the people in them.",
                small,
            )
            % {"count": charts.format_number(small), "k": k}
        )
    if other:
        parts.append(
            ngettext(
                "%(count)s more group is not shown, so that a small group cannot be worked "
                "out from the total.",
                "%(count)s more groups are not shown, so that a small group cannot be worked "
                "out from the total.",
                other,
            )
            % {"count": charts.format_number(other)}
        )
    return " ".join(parts)


# --- Columns over time ---------------------------------------------------------------------
PLOT_HEIGHT = 120
COLUMN_SHARE = 0.6  # of each slot's width


def column_chart(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str,
    max_value: float | None = None,
    value_format: charts.ValueFormat | None = None,
    id_prefix: str | None = None,
) -> SafeString:
    """Vertical columns in the order given (oldest quarter first), each value printed above.

    Like :func:`sauti.core.charts.bar_chart`: percentage geometry and pixel text,
    mirrored in a right-to-left language, data repeated in ``<desc>``.
    """
    fmt = value_format or charts.format_number
    values = [max(0.0, float(value)) for _label, value in rows]
    scale = max_value if max_value is not None else max(values, default=0.0)
    direction = charts.Direction.active()
    prefix = id_prefix or charts.svg_id_prefix("column", title, description)
    texts = [fmt(value) for value in values]
    top = charts.LINE_HEIGHT
    bottom = top + PLOT_HEIGHT
    slot = 100 / max(len(rows), 1)
    columns = []
    for index, ((label, _value), value, text) in enumerate(zip(rows, values, texts, strict=True)):
        height = PLOT_HEIGHT * min(1.0, value / scale) if scale > 0 else 0.0
        x, width = direction.span(slot * index + slot * (1 - COLUMN_SHARE) / 2, slot * COLUMN_SHARE)
        middle = direction.x(slot * index + slot / 2)
        columns.append(
            (
                x,
                charts._number(bottom - height),
                width,
                charts._number(height),
                middle,
                charts._number(bottom - height - 4),
                text,
                middle,
                str(label),
            )
        )
    body = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="' + charts.BAR + '"/>'
        '<text x="{}" y="{}" text-anchor="middle" fill="currentColor">{}</text>'
        '<text x="{}" y="' + charts._number(bottom + charts.LINE_HEIGHT) + '" '
        'text-anchor="middle" fill="currentColor">{}</text>',
        columns,
    )
    axis = format_html(
        '<line x1="0" x2="100%" y1="{}" y2="{}" stroke="currentColor"/>',
        charts._number(bottom),
        charts._number(bottom),
    )
    items = [(str(label), text) for (label, _value), text in zip(rows, texts, strict=True)]
    head = charts.svg_open(
        prefix,
        title=title,
        description=charts._describe(description, items),
        height=bottom + charts.LINE_HEIGHT + 4,
        direction=direction,
    )
    return charts.concat(head, body, axis, charts.SVG_CLOSE)


# --- Panels --------------------------------------------------------------------------------
def _chart(result: Result, groups: tuple[Group, ...], *, over_time: bool, description: str) -> str:
    indicator = result.indicator
    rows = [(group.label, float(group.value)) for group in groups if group.published]
    if not rows:
        return ""
    draw = column_chart if over_time else charts.bar_chart
    return draw(
        rows,
        title=indicator.title,
        description=description,
        max_value=1.0 if indicator.kind == Indicator.Kind.SHARE else None,
        value_format=value_format(indicator),
        id_prefix=charts.svg_id_prefix("indicator", str(indicator.pk), description),
    )


def _total_text(result: Result, fmt: charts.ValueFormat) -> str:
    if result.pending:
        return _("These figures are being computed: reload the page in a minute or two.")
    total = result.total
    if total.published and total.value is not None:
        return _("All groups: %(value)s (%(count)s respondents)") % {
            "value": fmt(float(total.value)),
            "count": charts.format_number(total.count),
        }
    if total.published:
        return _("No approved answers yet.")
    return _("All groups: fewer than %(k)s respondents") % {"k": charts.format_number(result.k)}


def _total_target(indicator: Indicator, result: Result) -> str:
    if indicator.target is None:
        return _("No target is set.")
    met = target_met(indicator, result.total.shown_value)
    if met is None:
        return _("Not compared: the total is not shown.")
    return _("All groups: target met.") if met else _("All groups: target not met.")


def panel(
    result: Result, *, group_by: str | None = None, limit: int | None = MAX_GROUPS_SHOWN
) -> Panel:
    """The chart, tables and sentences of one indicator's result.

    ``group_by`` is the grouping the result was computed with, when the viewer
    chose another than the indicator's own. Past ``limit`` groups (``None``:
    no limit), only the published groups furthest from the target are shown;
    a quarter-by-quarter series is always shown whole.
    """
    indicator = result.indicator
    grouping = group_by or indicator.group_by
    over_time = grouping == Indicator.GroupBy.QUARTER
    fmt = value_format(indicator)
    description = dict(Indicator.GroupBy.choices).get(grouping, "")
    if over_time:
        description = _("Over time")
    groups = result.groups
    shown_text = ""
    if limit is not None and not over_time and len(groups) > limit:
        groups = _first_to_act_on(result, limit)
        shown_text = ngettext(
            "The %(shown)s group furthest from the target (or lowest), of %(all)s.",
            "The %(shown)s groups furthest from the target (or lowest), of %(all)s.",
            len(groups),
        ) % {"shown": len(groups), "all": charts.format_number(len(result.groups))}
    chart = _chart(result, groups, over_time=over_time, description=str(description))
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
            for group in groups
        ),
    )
    rows = tuple(
        PanelRow(
            label=group.label,
            respondents=charts.format_number(group.figure.count),
            figure=fmt(float(group.value)),
            target=met_text(target_met(indicator, group.value)),
            published=True,
        )
        if group.published
        else PanelRow(
            label=group.label,
            respondents=withheld_text(group, result.k),
            figure="—",
            target="",
            published=False,
        )
        for group in groups
    )
    return Panel(
        result=result,
        chart=chart,
        table=table,
        total_text=_total_text(result, fmt),
        rows=rows,
        target_text=target_text(indicator),
        total_target=_total_target(indicator, result),
        withheld_text=withheld_summary(result),
        over_time=over_time,
        all_groups=len(result.groups),
        shown_text=shown_text,
    )
