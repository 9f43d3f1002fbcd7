"""A world choropleth of the WHO Member States, rendered on the server as inline SVG.

Why like this:

- **No tiles, no script, no third party**: the outlines ship with Sauti
  (``data/world-110m.json``, pre-projected by ``tools/build_world_map.py``, read
  once per process) and the map is an ``<svg>`` inside the page, about 30 KB
  compressed with its titles and links.
- **Equal-area projection** (Equal Earth), because a choropleth asks the eye to
  compare areas.
- **Never by colour alone**: a sequential, colour-blind-safe palette
  (ColorBrewer YlGnBu) for the classes, a hatch *texture* for "no data", a flat
  grey for areas that are not Member States, and a legend with words. Each
  country has a ``<title>`` (its name in the reader's language and its value),
  shown on hover and read as the link's name; :func:`choropleth_table` gives
  the same data to ``includes/chart_table.html`` as a real table.
- **Every Member State can be found**: 31 states too small for a 1:110m map
  (Tuvalu, Nauru, the Maldives, Andorra…) are drawn as circles on top.
- **Links are optional**: with ``link_pattern`` each country is a link (and the
  SVG a ``group``, so that assistive technology sees the links); without it
  the SVG is one image (``role="img"``).

Callers pass text already translated; values for fewer people than the
suppression threshold must be ``None`` (no data) before they reach the map.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from babel.lists import format_list
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .charts import (
    LINE_HEIGHT,
    SVG_CLOSE,
    SVG_NS,
    ChartTable,
    Direction,
    TableRow,
    concat,
    format_number,
    svg_id_prefix,
    wrap,
)
from .i18n import country_name, current_locale, sort_key

DATA_FILE = Path(__file__).resolve().parent / "data" / "world-110m.json"

# ColorBrewer YlGnBu (Cynthia Brewer, Apache 2.0): sequential, safe for the common
# kinds of colour blindness, still ordered when printed in grey.
PALETTES: dict[int, tuple[str, ...]] = {
    2: ("#edf8b1", "#2c7fb8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    6: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
    7: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"),
}
SEA = "#eef2f5"
OTHER = "#c9ced3"  # areas that are not WHO Member States
BORDER = "#fff"
OUTLINE = "#5b6168"  # circles and legend swatches: visible even on the palest class
HATCH = "#5b6168"
DOT_RADIUS = 3.5
SWATCH_ROW = 24  # legend row height, px
LEGEND_WRAP = 36  # legend label width in narrow characters (a 320 px phone)

ValueFormat = Callable[[float], str]


@dataclass(frozen=True)
class Shape:
    """One Member State: an SVG path, a point to draw as a circle, or both."""

    alpha2: str
    numeric: str
    d: str | None
    point: tuple[float, float] | None


@dataclass(frozen=True)
class WorldMap:
    view_box: tuple[int, int, int, int]
    sphere: str
    other: str
    shapes: Mapping[str, Shape]  # by alpha-2
    by_numeric: Mapping[str, str]  # ISO numeric -> alpha-2


@cache
def world_map() -> WorldMap:
    """The outlines, read once per process."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    shapes = {
        alpha2: Shape(
            alpha2=alpha2,
            numeric=entry["numeric"],
            d=entry.get("d"),
            point=tuple(entry["point"]) if "point" in entry else None,
        )
        for alpha2, entry in data["countries"].items()
    }
    return WorldMap(
        view_box=tuple(data["viewBox"]),
        sphere=data["sphere"],
        other=data["other"],
        shapes=shapes,
        by_numeric={shape.numeric: alpha2 for alpha2, shape in shapes.items()},
    )


def member_code(key: str) -> str:
    """The alpha-2 code of a WHO Member State given as alpha-2 (any case) or ISO numeric."""
    world = world_map()
    key = str(key).strip()
    if key.isdigit() and key.zfill(3) in world.by_numeric:
        return world.by_numeric[key.zfill(3)]
    if key.upper() in world.shapes:
        return key.upper()
    raise ValueError(f"{key!r} is not the ISO code of a WHO Member State")


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def classify(value: float | None, bins: Sequence[float]) -> int | None:
    """The class of ``value``: 0 below ``bins[0]``, ``i`` from ``bins[i-1]`` up to (not
    including) ``bins[i]``, ``len(bins)`` from the last threshold up; ``None`` for no data."""
    if value is None or _missing(value):
        return None
    return bisect_right(bins, value)


def default_labels(bins: Sequence[float], value_format: ValueFormat | None = None) -> list[str]:
    """ "Under 25", "25 to under 50", …, "75 or more", in the reader's language."""
    fmt = value_format or format_number
    labels = [_("Under %(value)s") % {"value": fmt(bins[0])}]
    labels += [
        _("%(low)s to under %(high)s") % {"low": fmt(low), "high": fmt(high)}
        for low, high in pairwise(bins)
    ]
    labels.append(_("%(value)s or more") % {"value": fmt(bins[-1])})
    return labels


def country_href(link_pattern: str, alpha2: str) -> str:
    return link_pattern.replace("{code}", alpha2.lower())


def _values_by_code(values: Mapping[str, float | None]) -> dict[str, float | None]:
    return {member_code(key): value for key, value in values.items()}


def world_choropleth(
    values: Mapping[str, float | None],
    *,
    bins: Sequence[float],
    title: str,
    description: str,
    labels: Sequence[str] | None = None,
    value_format: ValueFormat | None = None,
    link_pattern: str | None = None,
    no_data_label: str | None = None,
    palette: Sequence[str] | None = None,
    id_prefix: str | None = None,
) -> SafeString:
    """The map and its legend: ``<div class="choropleth"><svg>map</svg><svg>legend</svg></div>``.

    ``values``: by alpha-2 (any case) or ISO numeric code of a WHO Member State;
    a Member State missing from it, or ``None``/NaN, has no data. Any other key
    is a ``ValueError`` (a typo would otherwise vanish silently).

    ``bins``: the ascending thresholds *between* classes, so ``[25, 50, 75]``
    makes four classes: under 25, 25 to under 50, 50 to under 75, 75 or more
    (no value falls outside). Two to seven classes.

    ``labels``: one per class, already translated (default: as above, the
    numbers formatted by ``value_format``). ``value_format`` also writes each
    country's value in its title ("Kenya: 42 %"); without it the title gives the
    class label, for data whose exact values should not be shown.

    ``link_pattern``: e.g. ``"/fr/countries/{code}/"``; ``{code}`` becomes the
    lowercase alpha-2 code and each country a link to it.

    ``id_prefix``: prefix of the ids inside the SVG; by default derived from the
    title and description, so two different maps on one page do not clash.
    """
    map_svg, legend = choropleth_parts(
        values,
        bins=bins,
        title=title,
        description=description,
        labels=labels,
        value_format=value_format,
        link_pattern=link_pattern,
        no_data_label=no_data_label,
        palette=palette,
        id_prefix=id_prefix,
    )
    return concat(SafeString('<div class="choropleth">'), map_svg, legend, SafeString("</div>"))


def choropleth_parts(
    values: Mapping[str, float | None],
    *,
    bins: Sequence[float],
    title: str,
    description: str,
    labels: Sequence[str] | None = None,
    value_format: ValueFormat | None = None,
    link_pattern: str | None = None,
    no_data_label: str | None = None,
    palette: Sequence[str] | None = None,
    id_prefix: str | None = None,
) -> tuple[SafeString, SafeString]:
    """The map's ``<svg>`` and the legend's ``<svg>``, apart.

    Apart, the map can be served as an image of its own (cached by the browser,
    outside the page's first 14 KB) while the small legend stays in the page.
    The arguments are those of ``world_choropleth``.
    """
    count = len(bins) + 1
    if list(bins) != sorted(set(bins)):
        raise ValueError("bins must be strictly ascending")
    colours = tuple(palette) if palette is not None else PALETTES.get(count, ())
    if len(colours) != count:
        raise ValueError(f"{count} classes need {count} colours (2 to 7 with the default palette)")
    labels = list(labels) if labels is not None else default_labels(bins, value_format)
    if len(labels) != count:
        raise ValueError(f"{count} classes need {count} labels")
    no_data = no_data_label or _("No data")
    by_code = _values_by_code(values)
    world = world_map()
    prefix = id_prefix or svg_id_prefix("map", title, description)
    hatch = f"url(#{prefix}-n)"

    def country(shape: Shape) -> SafeString:
        value = by_code.get(shape.alpha2)
        klass = classify(value, bins)
        if klass is None or value is None:
            fill, shown = hatch, no_data
        else:
            fill = colours[klass]
            shown = value_format(value) if value_format else labels[klass]
        name = _("%(country)s: %(value)s") % {
            "country": country_name(shape.alpha2),
            "value": shown,
        }
        tooltip = format_html("<title>{}</title>", name)
        if link_pattern is not None:
            return format_html(
                '<a href="{}">{}{}</a>',
                country_href(link_pattern, shape.alpha2),
                tooltip,
                _drawing(shape, fill),
            )
        if shape.d and shape.point:
            return format_html("<g>{}{}</g>", tooltip, _drawing(shape, fill))
        return _drawing(shape, fill, tooltip)

    ordered = sorted(world.shapes.values(), key=lambda s: sort_key(country_name(s.alpha2)))
    # Circles last, so that San Marino is drawn on top of Italy.
    areas = [country(shape) for shape in ordered if shape.point is None]
    dots = [country(shape) for shape in ordered if shape.point is not None]

    role = "group" if link_pattern is not None else "img"
    head = format_html(
        '<svg xmlns="{}" viewBox="{}" role="{}" aria-labelledby="{}-t {}-d" class="map">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc>'
        '<defs><pattern id="{}-n" width="5" height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/>'
        '<path d="M0 0v5" stroke="{}" stroke-width="1.6"/></pattern></defs>'
        '<path fill="{}" d="{}" aria-hidden="true"/>'
        '<g stroke="{}" stroke-width=".5" stroke-linejoin="round" fill-rule="evenodd">'
        '<path fill="{}" d="{}" aria-hidden="true"/>',
        SVG_NS,
        " ".join(str(n) for n in world.view_box),
        role,
        prefix,
        prefix,
        prefix,
        title,
        prefix,
        description,
        prefix,
        HATCH,
        SEA,
        world.sphere,
        BORDER,
        OTHER,
        world.other,
    )
    legend = _legend(
        [*zip(colours, labels, strict=True), (f"url(#{prefix}-ln)", no_data)],
        prefix=prefix,
    )
    return concat(head, *areas, SafeString("</g>"), *dots, SVG_CLOSE), legend


def _drawing(shape: Shape, fill: str, inner: str = "") -> SafeString:
    """The shape's ``<path>`` and/or ``<circle>``; ``inner`` (a ``<title>``) goes inside
    when there is only one of them."""
    parts = []
    if shape.d:
        parts.append(_element("path", inner, fill=fill, d=shape.d))
    if shape.point:
        x, y = shape.point
        parts.append(
            _element(
                "circle",
                inner,
                cx=x,
                cy=y,
                r=DOT_RADIUS,
                fill=fill,
                stroke=OUTLINE,
                **{"stroke-width": ".8"},
            )
        )
    return concat(*parts)


def _element(tag: str, inner: str = "", **attributes: object) -> SafeString:
    attrs = format_html_join(
        "", ' {}="{}"', ((k, v) for k, v in attributes.items() if v is not None)
    )
    if inner:
        return format_html("<{}{}>{}</{}>", SafeString(tag), attrs, inner, SafeString(tag))
    return format_html("<{}{}/>", SafeString(tag), attrs)


def _legend(items: Sequence[tuple[str, str]], *, prefix: str) -> SafeString:
    """A list of swatches with words, drawn in px (no ``viewBox``) so that the text
    keeps the page's size; mirrored for right-to-left languages."""
    direction = Direction.active()
    entries = [
        *(("rect", fill, label) for fill, label in items),
        ("rect", OTHER, _("Not a WHO Member State")),
        ("circle", "#fff", _("Small Member State, shown as a circle")),
    ]
    # In right-to-left languages a symbol's right edge is the SVG's right edge: x="100%"
    # then a shift back by its width (percentages cannot be mixed with px in one attribute).
    rtl = direction.rtl
    rows: list[SafeString] = []
    top = 2
    for kind, fill, label in entries:
        if kind == "circle":
            symbol = _element(
                "circle",
                cx="100%" if rtl else "12",
                cy=top + 8,
                r=DOT_RADIUS + 1,
                fill=fill,
                stroke=OUTLINE,
                transform="translate(-12)" if rtl else None,
                **{"stroke-width": "1.5"},
            )
        else:
            symbol = _element(
                "rect",
                x="100%" if rtl else "0",
                y=top,
                width=24,
                height=16,
                fill=fill,
                stroke=OUTLINE,
                transform="translate(-24)" if rtl else None,
            )
        lines = wrap(label, LEGEND_WRAP)
        rows.append(symbol)
        rows.append(
            format_html_join(
                "",
                '<text x="{}" dx="{}" y="{}">{}</text>',
                (
                    ("100%" if rtl else "0", direction.dx(32), top + 13 + i * LINE_HEIGHT, line)
                    for i, line in enumerate(lines)
                ),
            )
        )
        top += SWATCH_ROW + (len(lines) - 1) * LINE_HEIGHT
    summary = _("Legend: %(items)s") % {
        "items": format_list([label for _kind, _fill, label in entries], locale=current_locale())
    }
    # The legend draws its own hatch: the map may be a separate image, whose pattern
    # a fill in this document cannot reach.
    head = format_html(
        '<svg xmlns="{}" width="100%" height="{}" role="img" aria-labelledby="{}-l" '
        'direction="{}" font-size="14" class="map-legend"><title id="{}-l">{}</title>'
        '<defs><pattern id="{}-ln" width="5" height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/>'
        '<path d="M0 0v5" stroke="{}" stroke-width="1.6"/></pattern></defs>',
        SVG_NS,
        top,
        prefix,
        direction.name,
        prefix,
        summary,
        prefix,
        HATCH,
    )
    return concat(head, *rows, SVG_CLOSE)


def choropleth_table(
    values: Mapping[str, float | None],
    *,
    caption: str,
    value_header: str,
    value_format: ValueFormat | None = None,
    no_data_label: str | None = None,
    link_pattern: str | None = None,
    label_header: str | None = None,
    include_missing: bool = True,
) -> ChartTable:
    """The map's data as a table for ``includes/chart_table.html``: one row per Member
    State in alphabetical order of its name in the reader's language."""
    fmt = value_format or format_number
    by_code = _values_by_code(values)
    no_data = no_data_label or _("No data")
    codes = world_map().shapes.keys() if include_missing else by_code.keys()
    rows = []
    for alpha2 in sorted(codes, key=lambda code: sort_key(country_name(code))):
        value = by_code.get(alpha2)
        rows.append(
            TableRow(
                label=country_name(alpha2),
                cells=(no_data if value is None or _missing(value) else fmt(value),),
                href=country_href(link_pattern, alpha2) if link_pattern else None,
            )
        )
    return ChartTable(
        caption=caption,
        headers=(label_header or _("Country"), value_header),
        rows=tuple(rows),
    )
