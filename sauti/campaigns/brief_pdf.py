"""A one-page brief of chosen key messages as PDF, printed by WeasyPrint.

Same rules as the shadow report's PDF (``sauti.reports.pdf``): the HTML comes
from a template whose escaping turns every message into text, the page has no
external resource and the URL fetcher refuses every scheme but ``file:`` and
``data:``; where WeasyPrint, Pango or the Noto fonts are missing,
:class:`~sauti.reports.pdf.PdfUnavailable` says what is missing.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from sauti.reports import fonts
from sauti.reports.pdf import (
    FAILED,
    FONTS,
    PdfUnavailable,
    local_only_fetcher,
    weasyprint_module,
)

CONTENT_TYPE = "application/pdf"


def render(context: dict[str, Any], language: str) -> bytes:
    """The brief as the bytes of a PDF; raises ``PdfUnavailable`` with the reason."""
    weasyprint = weasyprint_module()
    missing = fonts.missing_for(language)
    if missing:
        raise PdfUnavailable(
            FONTS,
            f"{', '.join(missing)} (Debian packages: {', '.join(fonts.packages_for(missing))})",
        )
    html = render_to_string(
        "campaigns/messages/brief_pdf.html", {**context, "font_families": fonts.CSS_FAMILIES}
    )
    document = weasyprint.HTML(
        string=html, base_url="file:///dev/null", url_fetcher=local_only_fetcher(weasyprint)
    )
    try:
        return document.write_pdf()
    except Exception as error:  # WeasyPrint's own failure
        raise PdfUnavailable(FAILED, f"{type(error).__name__}: {error}"[:500]) from error
