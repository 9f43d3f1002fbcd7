"""Charts of :mod:`sauti.core.charts` made ready for print: the SVG for the PDF, a PNG for DOCX.

Why the text is taken out of the SVG: both SVG renderers at hand (WeasyPrint's
and cairosvg) lay out ``<text>`` one letter at a time, left to right. Arabic
then comes out with its letters unjoined and in reverse order. So a chart is
split into its shapes (the SVG without text, drawn by the renderer) and its
labels, each with a physical position (``x`` % of the width plus ``dx`` px,
the baseline ``y`` px, and which edge it hangs from). The labels are then set
by a real text engine that shapes and orders every script:

- in the PDF, as HTML laid over the SVG (Pango, through WeasyPrint);
- in the PNG for DOCX, with Pango drawing on the cairo surface that cairosvg
  painted the shapes on. Where the Pango library cannot be loaded, cairo's
  simple text API draws them (right for Latin, Cyrillic and Chinese, not for
  Arabic); where cairo cannot be loaded, there is no picture and the report's
  table stands in for the chart.
"""

from __future__ import annotations

import io
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from typing import Any

from .fonts import FAMILIES

logger = logging.getLogger(__name__)

SVG = "{http://www.w3.org/2000/svg}"
PNG_WIDTH = 640  # px: about 17 cm at the 96 px per inch Word assumes
PNG_SCALE = 2  # drawn at twice the size, so that print stays sharp
FONT_SIZE = 14


@dataclass(frozen=True)
class Label:
    """A line of text of a chart at its physical place."""

    text: str
    x_percent: float
    dx: float
    baseline: float
    anchor: str  # "left", "right" or "middle": which point of the text sits at x
    fill: str


@dataclass(frozen=True)
class PrintChart:
    """A chart's shapes (SVG without text), its labels, its size and its accessible text."""

    shapes: str
    labels: tuple[Label, ...]
    height: float
    title: str
    description: str


def _percent(value: str) -> float:
    value = value.strip()
    if value.endswith("%"):
        return float(value[:-1])
    return 0.0  # the charts place text in percentages only


def _anchor(anchor: str, rtl: bool) -> str:
    if anchor == "middle":
        return "middle"
    starts_left = (anchor != "end") != rtl
    return "left" if starts_left else "right"


def split(svg: str) -> PrintChart:
    """Split a chart of :mod:`sauti.core.charts` into shapes and positioned labels."""
    ET.register_namespace("", SVG[1:-1])
    root = ET.fromstring(svg)  # noqa: S314 - our own SVG, built with format_html
    rtl = root.get("direction") == "rtl"
    default_fill = "#1b1f24"
    title = root.findtext(f"{SVG}title") or ""
    description = root.findtext(f"{SVG}desc") or ""
    labels = []
    for node in root.findall(f"{SVG}text"):
        fill = node.get("fill", default_fill)
        labels.append(
            Label(
                text=node.text or "",
                x_percent=_percent(node.get("x", "0%")),
                dx=float(node.get("dx", "0") or 0),
                baseline=float(node.get("y", "0") or 0),
                anchor=_anchor(node.get("text-anchor", "start"), rtl),
                fill=default_fill if fill == "currentColor" else fill,
            )
        )
        root.remove(node)
    for node in root.findall(f"{SVG}title") + root.findall(f"{SVG}desc"):
        root.remove(node)
    # The accessible name stays in the report as text (the figure's caption and table).
    for attribute in ("role", "aria-labelledby", "direction", "class"):
        root.attrib.pop(attribute, None)
    height = float(root.get("height", "1"))
    return PrintChart(
        shapes=ET.tostring(root, encoding="unicode"),
        labels=tuple(labels),
        height=height,
        title=title,
        description=description,
    )


# --- PNG ----------------------------------------------------------------------------------
class ChartsUnavailable(Exception):
    """Pictures cannot be drawn here (no cairo library): the tables stand in."""


@cache
def _cairo() -> tuple[Any, Any]:
    try:
        import cairocffi
        import cairosvg
    except (ImportError, OSError) as error:  # OSError: the C library is missing
        raise ChartsUnavailable(str(error)) from error
    return cairosvg, cairocffi


_PANGO_CDEF = """
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;
PangoLayout *pango_cairo_create_layout(void *cr);
void pango_cairo_update_layout(void *cr, PangoLayout *layout);
void pango_cairo_show_layout(void *cr, PangoLayout *layout);
void pango_layout_set_text(PangoLayout *layout, const char *text, int length);
void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *desc);
void pango_layout_get_pixel_size(PangoLayout *layout, int *width, int *height);
int pango_layout_get_baseline(PangoLayout *layout);
PangoFontDescription *pango_font_description_from_string(const char *str);
void pango_font_description_set_absolute_size(PangoFontDescription *desc, double size);
void pango_font_description_free(PangoFontDescription *desc);
void g_object_unref(void *object);
"""


@cache
def _pango() -> tuple[Any, Any, Any] | None:
    """(ffi, pangocairo, gobject), or ``None`` where Pango cannot be loaded."""
    try:
        import cffi

        ffi = cffi.FFI()
        ffi.cdef(_PANGO_CDEF)
        pangocairo = ffi.dlopen("libpangocairo-1.0.so.0")
        gobject = ffi.dlopen("libgobject-2.0.so.0")
    except (ImportError, OSError) as error:
        logger.info("Chart pictures without Pango (simple text only): %s", error)
        return None
    return ffi, pangocairo, gobject


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", value):
        return (0.106, 0.122, 0.141)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _x(label: Label, width: float, text_width: float) -> float:
    x = width * label.x_percent / 100 + label.dx
    if label.anchor == "right":
        return x - text_width
    if label.anchor == "middle":
        return x - text_width / 2
    return x


def _draw_with_pango(context: Any, cairocffi: Any, labels: tuple[Label, ...], width: float) -> None:
    ffi, pangocairo, gobject = _pango()  # type: ignore[misc]
    pointer = ffi.cast("void *", int(cairocffi.ffi.cast("uintptr_t", context._pointer)))
    description = pangocairo.pango_font_description_from_string(",".join(FAMILIES).encode())
    pangocairo.pango_font_description_set_absolute_size(description, FONT_SIZE * 1024)
    try:
        for label in labels:
            layout = pangocairo.pango_cairo_create_layout(pointer)
            try:
                pangocairo.pango_layout_set_font_description(layout, description)
                text = label.text.encode()
                pangocairo.pango_layout_set_text(layout, text, len(text))
                size = ffi.new("int[2]")
                pangocairo.pango_layout_get_pixel_size(layout, size, size + 1)
                baseline = pangocairo.pango_layout_get_baseline(layout) / 1024
                context.set_source_rgb(*_rgb(label.fill))
                context.move_to(_x(label, width, size[0]), label.baseline - baseline)
                pangocairo.pango_cairo_update_layout(pointer, layout)
                pangocairo.pango_cairo_show_layout(pointer, layout)
            finally:
                gobject.g_object_unref(layout)
    finally:
        pangocairo.pango_font_description_free(description)


def _draw_simply(context: Any, labels: tuple[Label, ...], width: float, family: str) -> None:
    context.select_font_face(family)
    context.set_font_size(FONT_SIZE)
    for label in labels:
        text_width = context.text_extents(label.text)[4]
        context.set_source_rgb(*_rgb(label.fill))
        context.move_to(_x(label, width, text_width), label.baseline)
        context.show_text(label.text)


def png(chart: PrintChart, *, language: str = "en", width: int = PNG_WIDTH) -> bytes:
    """The chart as a PNG ``width`` px wide (drawn at twice that); raises ChartsUnavailable."""
    cairosvg, cairocffi = _cairo()
    shapes = chart.shapes.replace('width="100%"', f'width="{width}"', 1)
    painted = cairosvg.svg2png(
        bytestring=shapes.encode(),
        scale=PNG_SCALE,
        background_color="#ffffff",
        unsafe=False,
    )
    surface = cairocffi.ImageSurface.create_from_png(io.BytesIO(painted))
    context = cairocffi.Context(surface)
    context.scale(PNG_SCALE, PNG_SCALE)
    if _pango() is not None:
        _draw_with_pango(context, cairocffi, chart.labels, width)
    else:
        family = "Noto Sans CJK SC" if language.startswith("zh") else "Noto Sans"
        _draw_simply(context, chart.labels, width, family)
    surface.flush()
    out = io.BytesIO()
    surface.write_to_png(out)
    return out.getvalue()
