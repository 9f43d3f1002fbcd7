"""A shadow report as PDF: the same content as the DOCX, printed by WeasyPrint.

- The HTML comes from ``reports/pdf.html`` with a print stylesheet, the
  report's ``lang`` and ``dir``, and the Noto families only; Django's template
  escaping turns anything people wrote into text.
- Nothing is fetched from a network: the page has no external resource, and
  the URL fetcher refuses every scheme but ``file:`` and ``data:``.
- WeasyPrint needs Pango and the Noto fonts. Where they are missing (``make
  run`` on a bare machine), :class:`PdfUnavailable` says what is missing; the
  generator keeps the DOCX and the report's page shows the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import charts, fonts
from .content import Bullets, Figure, Heading, Paragraph, ReportContent, Table

CONTENT_TYPE = "application/pdf"
# Where the first line's baseline sits below the top of a 14 px label box (line-height 1).
LABEL_ASCENT = 12.5


class PdfUnavailable(Exception):
    """A PDF cannot be made on this machine.

    ``reason`` is one of :data:`LIBRARIES`, :data:`FONTS`, :data:`FAILED`; the report's page
    turns it into a sentence in the reader's language. ``detail`` is the technical
    part (a library's error, the missing fonts and their packages), as it is.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


LIBRARIES, FONTS, FAILED = "libraries", "fonts", "failed"


@dataclass(frozen=True)
class PlacedLabel:
    text: str
    side: str  # "left" or "right": the CSS property that places it
    offset: str  # % from that side
    top: str  # px
    shift: str  # px, towards the right
    fill: str


def _label(label: charts.Label) -> PlacedLabel:
    if label.anchor == "right":
        side, offset = "right", 100 - label.x_percent
    else:
        side, offset = "left", label.x_percent
    return PlacedLabel(
        text=label.text,
        side=side,
        offset=f"{offset:.2f}",
        top=f"{label.baseline - LABEL_ASCENT:.1f}",
        shift=f"{label.dx:.1f}",
        fill=label.fill,
    )


def _figure(block: Figure) -> dict[str, Any]:
    chart = charts.split(block.svg)
    return {
        "kind": "figure",
        "title": block.title,
        "description": chart.description,
        # Our own SVG (escaped by format_html), with its text taken out.
        "shapes": mark_safe(chart.shapes),  # noqa: S308
        "height": f"{chart.height:.0f}",
        "labels": [_label(label) for label in chart.labels],
        "table": block.table,
    }


def _items(content: ReportContent) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for block in content.blocks:
        if isinstance(block, Heading):
            items.append({"kind": "heading", "text": block.text, "level": min(block.level + 1, 4)})
        elif isinstance(block, Paragraph):
            items.append({"kind": "paragraph", "text": block.text, "style": block.style})
        elif isinstance(block, Bullets):
            items.append({"kind": "bullets", "items": block.items})
        elif isinstance(block, Figure):
            items.append(_figure(block))
        elif isinstance(block, Table):
            items.append({"kind": "table", "table": block})
    return items


def html(content: ReportContent) -> SafeString:
    """The report as the HTML WeasyPrint prints."""
    return render_to_string(
        "reports/pdf.html",
        {
            "content": content,
            "items": _items(content),
            "font_families": fonts.CSS_FAMILIES,
        },
    )


def weasyprint_module() -> Any:
    """WeasyPrint, or :class:`PdfUnavailable` naming the Debian packages it lacks."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango or its friends are missing
        raise PdfUnavailable(
            LIBRARIES,
            f"{error} (Debian packages: libpango-1.0-0, libpangoft2-1.0-0, fonts-noto-core, "
            "fonts-noto-cjk)",
        ) from error
    return weasyprint


def local_only_fetcher(weasyprint: Any) -> Any:
    """A URL fetcher for every PDF Sauti prints: nothing but ``file:`` and ``data:``."""

    class LocalOnly(weasyprint.URLFetcher):
        """Refuses every URL but ``file:`` and ``data:``: a document never reaches a network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme not in ("file", "data"):
                raise ValueError(f"refused in a printed document: {url[:80]}")
            return super().fetch(url, headers)

    return LocalOnly(timeout=5, allowed_protocols=("file", "data"))


def check() -> None:
    """Raise :class:`PdfUnavailable` when WeasyPrint cannot run here."""
    weasyprint_module()


def render(content: ReportContent) -> bytes:
    """The report as the bytes of a PDF; raises :class:`PdfUnavailable` with the reason."""
    weasyprint = weasyprint_module()
    missing = fonts.missing_for(content.language)
    if missing:
        raise PdfUnavailable(
            FONTS,
            f"{', '.join(missing)} (Debian packages: {', '.join(fonts.packages_for(missing))})",
        )
    document = weasyprint.HTML(
        string=str(html(content)),
        base_url="file:///dev/null",
        url_fetcher=local_only_fetcher(weasyprint),
    )
    try:
        return document.write_pdf()
    except Exception as error:  # WeasyPrint's own failure: the DOCX is still worth keeping
        raise PdfUnavailable(FAILED, f"{type(error).__name__}: {error}"[:500]) from error
