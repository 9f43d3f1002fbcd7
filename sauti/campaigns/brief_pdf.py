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
from sauti.reports.pdf import FAILED, FONTS, LIBRARIES, PdfUnavailable

CONTENT_TYPE = "application/pdf"


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango or its friends are missing
        raise PdfUnavailable(
            LIBRARIES,
            f"{error} (Debian packages: libpango-1.0-0, libpangoft2-1.0-0, fonts-noto-core, "
            "fonts-noto-cjk)",
        ) from error
    return weasyprint


def _fetcher(weasyprint: Any) -> Any:
    class LocalOnly(weasyprint.URLFetcher):
        """Refuses every URL but ``file:`` and ``data:``: a brief never reaches a network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme not in ("file", "data"):
                raise ValueError(f"refused in a brief: {url[:80]}")
            return super().fetch(url, headers)

    return LocalOnly(timeout=5, allowed_protocols=("file", "data"))


def render(context: dict[str, Any], language: str) -> bytes:
    """The brief as the bytes of a PDF; raises ``PdfUnavailable`` with the reason."""
    weasyprint = _weasyprint()
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
        string=html, base_url="file:///dev/null", url_fetcher=_fetcher(weasyprint)
    )
    try:
        return document.write_pdf()
    except Exception as error:  # WeasyPrint's own failure
        raise PdfUnavailable(FAILED, f"{type(error).__name__}: {error}"[:500]) from error
