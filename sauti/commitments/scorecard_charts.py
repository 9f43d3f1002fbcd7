"""The scorecard chart: per indicator, the participants' average beside the provider's own
score, as server-rendered SVG with a table equivalent.

Built from the pieces of :mod:`sauti.core.charts` (direction, labels, escaping),
with two bars per indicator. The bars differ in colour *and* each carries its
series name and value as text ("Participants: 3.5", "Self-assessment: 4"), so
colour is never the only signal. The averages come from
:func:`~sauti.commitments.scorecard_selectors.breakdown`, which has already left
withheld groups out.
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from sauti.core.charts import (
    BAR,
    BAR_HEIGHT,
    INK,
    INSIDE_FROM,
    LINE_HEIGHT,
    ON_BAR,
    ROW_GAP,
    SVG_CLOSE,
    ChartTable,
    Direction,
    TableRow,
    concat,
    format_number,
    label_lines,
    svg_id_prefix,
    svg_open,
    wrap,
)

from .scorecard_selectors import Breakdown

SELF = "#4a525b"  # the provider's bars: 8:1 against white, white text on it 8:1
MAX_SCORE = 5
BAR_GAP = 4


def score_text(value: float | None) -> str:
    """A score or an average with at most one decimal, in the reader's language."""
    if value is None:
        return "–"
    return format_number(round(value, 1))


def _bar(
    value: float | None, text: str, *, top: float, fill: str, direction: Direction
) -> SafeString:
    percent = 100 * (value or 0) / MAX_SCORE
    inside = percent >= INSIDE_FROM
    x, width = direction.span(0, percent)
    rect = (
        format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
            x,
            f"{top:g}",
            width,
            BAR_HEIGHT,
            fill,
        )
        if value
        else SafeString("")
    )
    label = format_html(
        '<text x="{}" dx="{}" y="{}" text-anchor="{}" fill="{}">{}</text>',
        direction.x(percent),
        direction.dx(-6 if inside else 6),
        f"{top + BAR_HEIGHT - 5:g}",
        "end" if inside else "start",
        ON_BAR if inside else INK,
        text,
    )
    return concat(rect, label)


def _series_texts(average: float | None, self_score: int | None) -> tuple[str, str]:
    participants = (
        _("Participants: %(score)s") % {"score": score_text(average)}
        if average is not None
        else _("Participants: no score shown")
    )
    provider = (
        _("Self-assessment: %(score)s") % {"score": score_text(self_score)}
        if self_score is not None
        else _("Self-assessment: none")
    )
    return participants, provider


def scorecard_chart(data: Breakdown) -> SafeString:
    """Two bars per indicator on a scale of 1 to 5: participants' average, self-assessment."""
    direction = Direction.active()
    title = _("Average score per indicator, and the provider's self-assessment")
    description = _(
        "Scores from 1 (very bad) to 5 (very good). The participants' average counts only "
        "the groups shown."
    )
    prefix = svg_id_prefix("scorecard", str(data.scorecard.pk), title)
    parts: list[SafeString] = []
    described: list[str] = []
    top = 0.0
    for row in data.items:
        lines = wrap(row.label)
        parts.append(label_lines(lines, top=top, direction=direction))
        bar_top = top + LINE_HEIGHT * len(lines) + 2
        participants, provider = _series_texts(row.average, row.self_score)
        parts.append(_bar(row.average, participants, top=bar_top, fill=BAR, direction=direction))
        bar_top += BAR_HEIGHT + BAR_GAP
        parts.append(_bar(row.self_score, provider, top=bar_top, fill=SELF, direction=direction))
        top = bar_top + BAR_HEIGHT + ROW_GAP
        described.append(f"{row.label}: {participants}; {provider}.")
    head = svg_open(
        prefix,
        title=title,
        description=" ".join([description, *described]),
        height=max(top - ROW_GAP, 1),
        direction=direction,
    )
    return concat(head, *parts, SVG_CLOSE)


def scorecard_table(data: Breakdown) -> ChartTable:
    """The chart's numbers as a table, for ``includes/chart_table.html``."""
    return ChartTable(
        caption=_("Average score per indicator, and the provider's self-assessment"),
        headers=(
            _("Indicator"),
            _("Participants' average (groups shown)"),
            _("Self-assessment"),
        ),
        rows=tuple(
            TableRow(row.label, (score_text(row.average), score_text(row.self_score)))
            for row in data.items
        ),
    )
