"""Small server-rendered SVG charts: horizontal bars and "n of N" shares.

Why like this:

- **No JavaScript, no library, no request**: the SVG is inlined in the page, so a
  chart costs a few hundred bytes and works on any phone; presentation
  attributes (``fill="…"``) are allowed by the Content-Security-Policy where
  ``style="…"`` is not.
- **Horizontal bars with the label on its own line above the bar**: labels in
  Arabic, Russian or Chinese may be long; the bar keeps the full width.
- **Pixel text, percentage geometry**: the SVG has no ``viewBox``; it is as wide
  as its container and each row has a fixed height, so text keeps the page's
  size on a phone instead of shrinking with the drawing.
- **Right-to-left**: when the active language is written right to left the
  chart is mirrored (bars grow from the right) and ``direction="rtl"`` makes
  ``text-anchor="start"`` mean the right edge.
- **Never by colour alone**: every bar has its value printed as text; the SVG
  has ``role="img"`` with a ``<title>`` and a ``<desc>`` that lists the data,
  and :func:`bar_table` / :func:`share_table` give the same rows to
  ``includes/chart_table.html`` for a real table.

Every string is escaped with :func:`~django.utils.html.format_html`. Callers
pass text already translated; suppression of small cells (``DESIGN.md``,
principle 1) is the caller's job, before the numbers reach a chart.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from .i18n import current_locale

SVG_NS = "http://www.w3.org/2000/svg"
BAR = "#0b5d56"  # Sauti's accent: 7.7:1 against white, so white text inside it reads too
TRACK = "#dde3e8"  # the whole of N behind a share's bar; dark text on it 12.8:1
INK = "#1b1f24"
ON_BAR = "#fff"
SVG_CLOSE = SafeString("</svg>")

FONT_SIZE = 14
LINE_HEIGHT = 18  # px per line of label
BAR_HEIGHT = 20
ROW_GAP = 12
WRAP = 42  # label width in "narrow" characters before wrapping (wide ones count 2)
INSIDE_FROM = 50.0  # a bar at least this % wide carries its value inside it

ValueFormat = Callable[[float], str]


# --- Helpers shared with maps.py ---------------------------------------------------
def format_number(value: float) -> str:
    """A number in the reader's language (``12 345,6`` in French)."""
    return format_decimal(value, locale=current_locale())


def svg_id_prefix(*parts: str) -> str:
    """A stable prefix for ids in one SVG, so two charts on a page do not clash and the
    same chart renders the same bytes (cacheable, testable)."""
    digest = hashlib.blake2s("\x1f".join(parts).encode(), digest_size=4).hexdigest()
    return f"c{digest}"


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _units(text: str) -> int:
    return sum(2 if _is_wide(ch) else 1 for ch in text)


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Break a label into lines of about ``width`` narrow characters: at spaces, and
    between Chinese characters, which have no spaces to break at."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        pieces: list[str] = []
        for ch in word:
            if _is_wide(ch) or not pieces or _is_wide(pieces[-1][-1]):
                pieces.append(ch)
            else:
                pieces[-1] += ch
        for index, piece in enumerate(pieces):
            candidate = line + (" " if index == 0 and line else "") + piece
            if line and _units(candidate) > width:
                lines.append(line)
                line = piece
            else:
                line = candidate
    if line or not lines:
        lines.append(line)
    return lines


def concat(*parts: str) -> SafeString:
    """Join markup: safe parts as they are, anything else escaped."""
    return format_html_join("", "{}", ((part,) for part in parts))


def _number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Direction:
    """Logical positions (from the start of the line) turned into SVG attributes."""

    rtl: bool

    @classmethod
    def active(cls) -> Direction:
        return cls(rtl=get_language_bidi())

    @property
    def name(self) -> str:
        return "rtl" if self.rtl else "ltr"

    def x(self, percent: float) -> str:
        """``percent`` of the width from the start edge."""
        return f"{_number(100 - percent if self.rtl else percent)}%"

    def dx(self, px: float) -> str:
        """A shift of ``px`` towards the end edge."""
        return _number(-px if self.rtl else px)

    def span(self, start: float, width: float) -> tuple[str, str]:
        """(``x``, ``width``) of a rectangle from ``start`` % spanning ``width`` %."""
        left = 100 - start - width if self.rtl else start
        return f"{_number(left)}%", f"{_number(width)}%"


def svg_open(
    prefix: str, *, title: str, description: str, height: float, direction: Direction
) -> SafeString:
    return format_html(
        '<svg xmlns="{}" width="100%" height="{}" role="img" aria-labelledby="{}-t {}-d" '
        'direction="{}" font-size="{}" class="chart">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc>',
        SVG_NS,
        _number(height),
        prefix,
        prefix,
        direction.name,
        FONT_SIZE,
        prefix,
        title,
        prefix,
        description,
    )


def label_lines(
    lines: Sequence[str], *, top: float, direction: Direction, fill: str = "currentColor"
) -> SafeString:
    """One ``<text>`` per line, the first baseline ``LINE_HEIGHT - 4`` below ``top``."""
    return format_html_join(
        "",
        '<text x="{}" y="{}" fill="{}">{}</text>',
        (
            (direction.x(0), _number(top + LINE_HEIGHT * (i + 1) - 4), fill, line)
            for i, line in enumerate(lines)
        ),
    )


def _describe(description: str, items: Sequence[tuple[str, str]]) -> str:
    """The caller's description followed by the data, as a sentence-like list."""
    listed = format_list(
        [_("%(label)s: %(value)s") % {"label": label, "value": value} for label, value in items],
        locale=current_locale(),
    )
    return f"{description} {listed}".strip() if items else description


# --- Charts -----------------------------------------------------------------------
def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str,
    max_value: float | None = None,
    value_format: ValueFormat | None = None,
    id_prefix: str | None = None,
) -> SafeString:
    """Horizontal bars, one per ``(label, value)`` row, in the order given.

    ``max_value`` is the value of a full-width bar (default: the largest value;
    pass it to compare several charts on one scale). ``value_format`` turns a
    value into the text printed beside its bar (default: a number in the
    reader's language); pass e.g. ``lambda v: format_percent(v, locale=…)``.
    Values must not be negative: bars grow from zero.
    """
    fmt = value_format or format_number
    values = [float(value) for _label, value in rows]
    if any(v < 0 or math.isnan(v) for v in values):
        raise ValueError("bar_chart() draws values of zero or more")
    scale = max_value if max_value is not None else max(values, default=0.0)
    direction = Direction.active()
    prefix = id_prefix or svg_id_prefix("bar", title, description)
    texts = [fmt(value) for value in values]

    parts: list[SafeString] = []
    top = 0.0
    for (label, _value), value, text in zip(rows, values, texts, strict=True):
        lines = wrap(str(label))
        parts.append(label_lines(lines, top=top, direction=direction))
        bar_top = top + LINE_HEIGHT * len(lines) + 2
        percent = min(100.0, 100 * value / scale) if scale > 0 else 0.0
        parts.append(
            _bar(percent, text, bar_top=bar_top, direction=direction, outside="currentColor")
        )
        top = bar_top + BAR_HEIGHT + ROW_GAP
    items = [(str(label), text) for (label, _value), text in zip(rows, texts, strict=True)]
    head = svg_open(
        prefix,
        title=title,
        description=_describe(description, items),
        height=max(top - ROW_GAP, 1),
        direction=direction,
    )
    return concat(head, *parts, SVG_CLOSE)


def share_text(count: int, total: int) -> str:
    """``40 of 120 (33 %)`` in the reader's language."""
    if total <= 0:
        return _("%(count)s of %(total)s") % {
            "count": format_number(count),
            "total": format_number(total),
        }
    return _("%(count)s of %(total)s (%(percent)s)") % {
        "count": format_number(count),
        "total": format_number(total),
        "percent": format_percent(count / total, locale=current_locale()),
    }


def share_bars(
    rows: Sequence[tuple[str, int, int]],
    *,
    title: str,
    description: str,
    id_prefix: str | None = None,
) -> SafeString:
    """One bar per ``(label, count, total)`` row: the share ``count / total`` drawn over a
    pale track that stands for the whole, and the words "40 of 120 (33 %)".

    Each row has its own total (questions answered by different numbers of
    people), so the bars show shares, not counts.
    """
    for _label, count, total in rows:
        if count < 0 or total < 0 or count > total:
            raise ValueError("share_bars() needs 0 <= count <= total")
    direction = Direction.active()
    prefix = id_prefix or svg_id_prefix("share", title, description)
    texts = [share_text(count, total) for _label, count, total in rows]

    parts: list[SafeString] = []
    top = 0.0
    for (label, count, total), text in zip(rows, texts, strict=True):
        lines = wrap(str(label))
        parts.append(label_lines(lines, top=top, direction=direction))
        bar_top = top + LINE_HEIGHT * len(lines) + 2
        x, width = direction.span(0, 100)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                x,
                _number(bar_top),
                width,
                BAR_HEIGHT,
                TRACK,
            )
        )
        percent = 100 * count / total if total else 0.0
        parts.append(_bar(percent, text, bar_top=bar_top, direction=direction, outside=INK))
        top = bar_top + BAR_HEIGHT + ROW_GAP
    items = [(str(label), text) for (label, _c, _t), text in zip(rows, texts, strict=True)]
    head = svg_open(
        prefix,
        title=title,
        description=_describe(description, items),
        height=max(top - ROW_GAP, 1),
        direction=direction,
    )
    return concat(head, *parts, SVG_CLOSE)


def _bar(percent: float, text: str, *, bar_top: float, direction: Direction, outside: str) -> str:
    """A bar from the start edge and its value: inside the bar's end when the bar is
    long enough, else just after it."""
    x, width = direction.span(0, percent)
    inside = percent >= INSIDE_FROM
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" dx="{}" y="{}" text-anchor="{}" fill="{}">{}</text>',
        x,
        _number(bar_top),
        width,
        BAR_HEIGHT,
        BAR,
        direction.x(percent),
        direction.dx(-6 if inside else 6),
        _number(bar_top + BAR_HEIGHT - 5),
        "end" if inside else "start",
        ON_BAR if inside else outside,
        text,
    )


# --- Text equivalents ------------------------------------------------------------------
@dataclass(frozen=True)
class TableRow:
    label: str
    cells: tuple[str, ...]
    href: str | None = None


@dataclass(frozen=True)
class ChartTable:
    """What ``includes/chart_table.html`` renders: already formatted, already translated."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]


def bar_table(
    rows: Sequence[tuple[str, float]],
    *,
    caption: str,
    label_header: str,
    value_header: str,
    value_format: ValueFormat | None = None,
) -> ChartTable:
    """The rows of :func:`bar_chart` as a table."""
    fmt = value_format or format_number
    return ChartTable(
        caption=caption,
        headers=(label_header, value_header),
        rows=tuple(TableRow(str(label), (fmt(float(value)),)) for label, value in rows),
    )


def share_table(
    rows: Sequence[tuple[str, int, int]], *, caption: str, label_header: str
) -> ChartTable:
    """The rows of :func:`share_bars` as a table: count, total and share."""
    locale = current_locale()
    return ChartTable(
        caption=caption,
        headers=(label_header, _("Number"), _("Total"), _("Share")),
        rows=tuple(
            TableRow(
                str(label),
                (
                    format_number(count),
                    format_number(total),
                    format_percent(count / total, locale=locale) if total else "–",
                ),
            )
            for label, count, total in rows
        ),
    )
