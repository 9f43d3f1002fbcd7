"""A campaign's downloads for its organisers: the letter with its signatories, and every signature.

- The letter (DOCX and PDF) is what goes to the addressees at the deadline: one
  copy addressed to each of them (:func:`sauti.campaigns.letters.final_body`,
  the same text the page and the email show), then the signatories once, in an
  annex. The annex is the public list (:func:`.signatories.listed`): only
  signatures that count, a person's name and role only where they agreed to
  show them; this document leaves Sauti, so nothing private goes into it.
  Its headings are in the letter's language, not the organiser's.
- Right to left: an Arabic letter's paragraphs, runs, tables and section are
  right to left in the DOCX, and the PDF's page is ``dir="rtl"``. Chinese: the
  DOCX names an East Asian font and language on the styles and on every run.
  Fonts are the Noto families of :mod:`sauti.reports.fonts`; the PDF is
  printed by WeasyPrint with the reports' rules (no network, a clear
  :class:`~sauti.reports.pdf.PdfUnavailable` where libraries or fonts lack).
- The signature files (CSV, XLSX) are for organisers only: every signature,
  with what the public never sees (email, hidden names, held and removed
  ones). Headers in the reader's language; every text cell through
  :func:`sauti.core.exports.safe_cell` against formula injection.
- 20 000 signatories is a normal campaign: the DOCX table is built by copying
  one prototype row (python-docx's ``add_row`` re-reads the whole table on each
  call, which is quadratic), the XLSX is written in openpyxl's write-only mode,
  and signatures are read in chunks.
"""

from __future__ import annotations

import copy
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import groupby
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sauti.accounts.models import Organisation
from sauti.core.exports import safe_cell
from sauti.core.i18n import country_name
from sauti.reports import fonts
from sauti.reports.docx import WORD_LANGUAGES, clean
from sauti.reports.pdf import FAILED, FONTS, LIBRARIES, PdfUnavailable, check, local_only_fetcher

from . import letters, markup, signatories
from .models import Addressee, Campaign, Letter, Signature

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CHUNK = 2000
# WeasyPrint lays a table out cell by cell: 20 000 signatories take minutes and gigabytes.
# Beyond this many, the PDF lists them grouped by country and kind in running text
# (seconds); the DOCX keeps its table whatever the number.
PDF_TABLE_LIMIT = 500
# Unicode's first-strong isolate and its end (see ``Row.entry``).
ISOLATE, END_ISOLATE = "\u2068", "\u2069"
# Word's font for each script (Latin and Cyrillic, East Asian, complex scripts such as
# Arabic): the families of ``sauti.reports.fonts.FAMILIES``.
LATIN_FONT, EAST_ASIAN_FONT, COMPLEX_FONT = "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic"
EAST_ASIAN_LANGUAGES = ("zh-hans",)


class NoLetter(Exception):
    """The campaign has no letter yet: there is nothing to print."""


def filename(campaign: Campaign, what: str, extension: str) -> str:
    """A safe ASCII file name: ``campaign-12-signatures.csv``, ``campaign-12-letter-fr.docx``."""
    stem = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else "-" for ch in what)
    return f"campaign-{campaign.pk}-{stem}.{extension}"


def choose_letter(campaign: Campaign, language: str | None) -> Letter:
    """The letter in ``language``, else the first one (an unknown language is no error)."""
    found = list(campaign.letters.all())
    if not found:
        raise NoLetter(campaign.pk)
    return next((letter for letter in found if letter.language == language), found[0])


# --- The letter's content -------------------------------------------------------------
@dataclass(frozen=True)
class Copy:
    """The letter as one addressee receives it."""

    addressee: Addressee | None
    subject: str
    body: str

    @property
    def blocks(self) -> list[markup.Block]:
        return markup.blocks(self.body)

    @property
    def html(self) -> SafeString:
        return markup.to_html(self.body)


@dataclass(frozen=True)
class Row:
    """One signatory of the annex, as the public may see it."""

    signatory: str  # the organisation, or the individual's name
    country: str
    kind: str
    name: str  # the person signing for an organisation, if they show their name
    role: str

    @property
    def entry(self) -> str:
        """The signatory in running text: "Organisation (Name, Role)", "Name (Role)".

        Isolated as a whole (U+2068…U+2069): each entry keeps the direction of its own
        first letters, whatever the script of its neighbours and of the page.
        """
        details = ", ".join(text for text in (self.name, self.role) if text)
        entry = f"{self.signatory} ({details})" if details else self.signatory
        return f"{ISOLATE}{entry}{END_ISOLATE}"


@dataclass(frozen=True)
class Group:
    """Signatories of one country and kind, in the order of the public page."""

    heading: str
    rows: list[Row]

    @property
    def text(self) -> str:
        return " · ".join(row.entry for row in self.rows)


@dataclass
class LetterContent:
    campaign: Campaign
    letter: Letter
    rtl: bool
    coalition: str
    copies: list[Copy]
    # Texts of the document, in the letter's language.
    annex_heading: str
    annex_note: str
    total_text: str
    unnamed_text: str
    empty_text: str
    headers: tuple[str, ...]
    total: int = 0
    rows: list[Row] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.letter.language

    @property
    def east_asian(self) -> bool:
        return self.letter.language in EAST_ASIAN_LANGUAGES

    @property
    def pdf_table(self) -> bool:
        return len(self.rows) <= PDF_TABLE_LIMIT

    @property
    def groups(self) -> list[Group]:
        return [
            Group(heading=f"{country} · {kind}", rows=list(rows))
            for (country, kind), rows in groupby(self.rows, key=lambda row: (row.country, row.kind))
        ]


def _rows(campaign: Campaign, language: str) -> list[Row]:
    kinds = {value: str(label) for value, label in Signature.Kind.choices}
    countries: dict[str, str] = {}
    no_country = _("International or no country given")
    rows = []
    for signature in signatories.listed(campaign).iterator(chunk_size=CHUNK):
        code = signature.country_id or ""
        if code not in countries:
            countries[code] = country_name(code, language) if code else no_country
        shown = signature.show_name
        organisation = signature.kind == Signature.Kind.ORGANISATION
        if not (organisation or shown):
            continue  # ``listed`` keeps no such individual; never let a hidden name through
        rows.append(
            Row(
                signatory=signature.organisation_name if organisation else signature.name,
                country=countries[code],
                kind=kinds.get(signature.kind, signature.kind),
                name=signature.name if organisation and shown else "",
                role=signature.role if shown else "",
            )
        )
    return rows


def letter_content(
    campaign: Campaign, language: str | None, addressee: Addressee | None = None
) -> LetterContent:
    """Everything the DOCX and the PDF print, with the document's texts in the letter's language.

    With ``addressee``, only that addressee's copy (what is emailed to them); without,
    one copy per addressee (what the organisers download and print).
    """
    letter = choose_letter(campaign, language)
    addressees: list[Addressee | None] = (
        [addressee] if addressee is not None else list(campaign.addressees.all()) or [None]
    )
    with translation.override(letter.language):
        total = signatories.count(campaign)
        rows = _rows(campaign, letter.language)
        unnamed = total - len(rows)
        return LetterContent(
            campaign=campaign,
            letter=letter,
            rtl=translation.get_language_bidi(),
            coalition=campaign.coalition.name,
            copies=[
                Copy(
                    addressee=addressee,
                    subject=letters.final_subject(letter, addressee),
                    body=letters.final_body(letter, addressee),
                )
                for addressee in addressees
            ],
            annex_heading=_("Annex: signatories"),
            annex_note=_("The signatories of this letter are listed in the annex."),
            # The same sentences as the campaign's public page.
            total_text=ngettext("%(counter)s signatory", "%(counter)s signatories", total)
            % {"counter": total},
            unnamed_text=ngettext(
                "(%(counter)s person signed without showing their name.)",
                "(%(counter)s people signed without showing their names.)",
                unnamed,
            )
            % {"counter": unnamed}
            if unnamed
            else "",
            empty_text=_("No signatory yet."),
            headers=(
                _("Organisation or person"),
                _("Country"),
                _("Signed as"),
                _("Name"),
                _("Role"),
            ),
            total=total,
            rows=rows,
        )


# --- DOCX ------------------------------------------------------------------------------
# What the schema puts after each element we add: Word calls a file whose children are
# out of order "unreadable content".
_AFTER_PARAGRAPH_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_AFTER_SECTION_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_AFTER_BIDI_VISUAL = (
    "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing",
    "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
    "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)  # fmt: skip
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _child(parent: Any, tag: str, after: tuple[str, ...]) -> Any:
    """``parent``'s ``tag`` child, added in its place in the schema's order if missing."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.insert_element_before(element, *after)
    return element


class _Docx:
    """The letter as a Word document (python-docx for the frame, lxml for the long table)."""

    def __init__(self, content: LetterContent) -> None:
        from docx import Document

        self.content = content
        self.document = Document()
        self._styles()

    def _run_fonts(self, rpr: Any) -> None:
        """Noto for every script and the letter's language, on a style's or a run's properties."""
        from docx.oxml.ns import qn

        rfonts = rpr.get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attribute), None)
        rfonts.set(qn("w:ascii"), LATIN_FONT)
        rfonts.set(qn("w:hAnsi"), LATIN_FONT)
        rfonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        rfonts.set(qn("w:cs"), COMPLEX_FONT)
        if self.content.east_asian:
            # Punctuation shared by the scripts is then drawn with the East Asian font.
            rfonts.set(qn("w:hint"), "eastAsia")
        language = _child(rpr, "w:lang", _AFTER_LANG)
        language.set(qn("w:val"), WORD_LANGUAGES.get(self.content.language, "en-GB"))
        language.set(qn("w:eastAsia"), "zh-CN")
        language.set(qn("w:bidi"), "ar-SA")

    def _styles(self) -> None:
        from docx.shared import Cm, Pt

        styles = self.document.styles
        styles["Normal"].font.size = Pt(11)
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
            self._run_fonts(styles[name].element.get_or_add_rPr())
        section = self.document.sections[0]
        section.left_margin = section.right_margin = Cm(2.2)
        if self.content.rtl:
            _child(section._sectPr, "w:bidi", _AFTER_SECTION_BIDI)
        properties = self.document.core_properties
        title = self.content.copies[0].subject or self.content.campaign.title
        properties.title = clean(title)[:250]
        properties.author = clean(self.content.coalition)[:250]
        properties.language = WORD_LANGUAGES.get(self.content.language, "en-GB")

    def _direction(self, paragraph: Any) -> Any:
        """Right to left and the fonts, on the paragraph and every run.

        ``w:bidi`` makes the paragraph right to left, and so flush right: Word reads
        ``w:jc`` "left"/"right" as start/end of a right-to-left paragraph, so an
        explicit ``right`` would push Arabic to the left margin.
        """
        if self.content.rtl:
            _child(paragraph._p.get_or_add_pPr(), "w:bidi", _AFTER_PARAGRAPH_BIDI)
        for run in paragraph.runs:
            if self.content.east_asian:
                self._run_fonts(run._r.get_or_add_rPr())
            if self.content.rtl:
                run.font.rtl = True
        return paragraph

    def paragraph(
        self, parts: tuple[markup.Span, ...] | str, style: str | None = None, *, bold: bool = False
    ) -> Any:
        """A paragraph of spans (emphasis in italics); a line break stays a line break."""
        paragraph = self.document.add_paragraph(style=style)
        if isinstance(parts, str):
            parts = (markup.Span(parts),)
        for part in parts:
            run = paragraph.add_run(clean(part.text))  # python-docx turns "\n" into <w:br/>
            if part.emphasis:
                run.italic = True
            if bold:
                run.bold = True
        return self._direction(paragraph)

    def letter(self, item: Copy) -> None:
        self.paragraph(self.content.coalition, bold=True)
        if item.subject:
            self.paragraph(item.subject, bold=True)
        for block in item.blocks:
            if block.kind == "list":
                for entry in block.items:
                    self.paragraph(entry, "List Bullet")
            else:
                self.paragraph(block.items[0])
        self.paragraph(self.content.coalition, bold=True)
        self.paragraph(self.content.annex_note)

    def annex(self) -> None:
        content = self.content
        self._direction(self.document.add_heading(clean(content.annex_heading), level=1))
        self.paragraph(" ".join(filter(None, [content.total_text, content.unnamed_text])))
        if content.rows:
            self.table()
        elif not content.unnamed_text:
            self.paragraph(content.empty_text)

    def table(self) -> None:
        """The signatories' table: a header row repeated on every page, then one copy of a
        prototype row per signatory with its texts replaced (fast for 20 000 rows)."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        headers = self.content.headers
        table = self.document.add_table(rows=2, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if self.content.rtl:
            _child(table._tbl.tblPr, "w:bidiVisual", _AFTER_BIDI_VISUAL)
        header, prototype = table.rows
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # on every page
        for cell, text in zip(header.cells, headers, strict=True):
            cell.paragraphs[0].add_run(clean(text)).bold = True
            self._direction(cell.paragraphs[0])
        for cell in prototype.cells:
            cell.paragraphs[0].add_run("-")  # a run with its w:t, replaced below
            self._direction(cell.paragraphs[0])
        model = prototype._tr
        tbl = table._tbl
        tbl.remove(model)
        text_tag, space = qn("w:t"), qn("xml:space")
        for text in model.iter(text_tag):
            text.set(space, "preserve")
        for row in self.content.rows:
            tr = copy.deepcopy(model)
            values = (row.signatory, row.country, row.kind, row.name, row.role)
            for text, value in zip(tr.iter(text_tag), values, strict=True):
                text.text = clean(value)
            tbl.append(tr)

    def write(self) -> bytes:
        for index, item in enumerate(self.content.copies):
            if index:
                self.document.add_page_break()
            self.letter(item)
        self.document.add_page_break()
        self.annex()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def letter_docx(campaign: Campaign, language: str | None) -> bytes:
    """The letter in ``language`` (else the first) for each addressee, then the signatories."""
    return _Docx(letter_content(campaign, language)).write()


# --- PDF -------------------------------------------------------------------------------
def letter_html(content: LetterContent) -> str:
    """The HTML WeasyPrint prints (escaped by the template; the letter through its markup)."""
    with translation.override(content.language):
        return render_to_string(
            "campaigns/exports/letter_pdf.html",
            {"content": content, "font_families": fonts.CSS_FAMILIES},
        )


def letter_pdf(
    campaign: Campaign, language: str | None, addressee: Addressee | None = None
) -> bytes:
    """The same document as PDF; raises ``PdfUnavailable`` where it cannot be printed here."""
    check()
    import weasyprint

    content = letter_content(campaign, language, addressee)
    missing = fonts.missing_for(content.language)
    if missing:
        raise PdfUnavailable(
            FONTS,
            f"{', '.join(missing)} (Debian packages: {', '.join(fonts.packages_for(missing))})",
        )
    document = weasyprint.HTML(
        string=letter_html(content),
        base_url="file:///dev/null",
        url_fetcher=local_only_fetcher(weasyprint),
    )
    try:
        return document.write_pdf()
    except Exception as error:  # WeasyPrint's own failure: say so, never a 500
        raise PdfUnavailable(FAILED, f"{type(error).__name__}: {error}"[:500]) from error


# --- Signatures (organisers only) ------------------------------------------------------
def _headers() -> list[str]:
    return [
        _("Signed as"),
        _("Organisation"),
        _("Kind of organisation"),
        _("Registered on Sauti"),
        _("Name"),
        _("Role"),
        _("Email address"),
        _("Country"),
        _("Shows their name"),
        _("Confirmed at (UTC)"),
        _("Approved by the organisation at (UTC)"),
        _("Held for review"),
        _("Removed at (UTC)"),
        _("Reason for removal"),
        _("Signed at (UTC)"),
        _("Language"),
    ]


def _utc(value: datetime | None) -> datetime | None:
    # Spreadsheets have no time zones: naive UTC, and the header says so.
    return value.astimezone(UTC).replace(tzinfo=None) if value else None


def signature_rows(campaign: Campaign) -> Iterator[list[Any]]:
    """Every signature of the campaign, oldest first, typed (datetimes naive UTC, booleans)."""
    kinds = {value: str(label) for value, label in Signature.Kind.choices}
    organisation_kinds = {value: str(label) for value, label in Organisation.Kind.choices}
    countries: dict[str, str] = {}
    signatures = (
        Signature.objects.filter(campaign=campaign).order_by("created_at", "id").iterator(CHUNK)
    )
    for signature in signatures:
        code = signature.country_id or ""
        if code not in countries:
            countries[code] = country_name(code) if code else ""
        yield [
            kinds.get(signature.kind, signature.kind),
            signature.organisation_name,
            organisation_kinds.get(signature.organisation_kind, signature.organisation_kind),
            signature.organisation_id is not None,
            signature.name,
            signature.role,
            signature.email,
            countries[code],
            signature.show_name,
            _utc(signature.confirmed_at),
            _utc(signature.organisation_approved_at),
            signature.held_for_review,
            _utc(signature.removed_at),
            signature.removed_reason,
            _utc(signature.created_at),
            signature.language,
        ]


def _csv_cell(value: Any, yes: str, no: str) -> str:
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return safe_cell(value)


def signatures_csv(campaign: Campaign) -> bytes:
    """Every signature as CSV in UTF-8 with a byte-order mark (so that Excel reads accents)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(header) for header in _headers()])
    yes, no = _("yes"), _("no")
    for row in signature_rows(campaign):
        writer.writerow([_csv_cell(value, yes, no) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_cell(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value)) if value else None
    return value  # booleans and datetimes stay typed


def signatures_xlsx(campaign: Campaign) -> bytes:
    """Every signature as an Excel workbook (openpyxl's write-only mode: fast, little memory)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    # A sheet's name holds at most 31 characters and none of []:*?/\ .
    title = "".join(ch for ch in _("Signatures") if ch not in "[]:*?/\\")[:31] or "Signatures"
    sheet = workbook.create_sheet(title)
    headers = _headers()
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(header), 30))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=safe_cell(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in signature_rows(campaign):
        sheet.append([_xlsx_cell(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


__all__ = [
    "CONTENT_TYPES",
    "FAILED",
    "FONTS",
    "LIBRARIES",
    "NoLetter",
    "PdfUnavailable",
    "choose_letter",
    "filename",
    "letter_content",
    "letter_docx",
    "letter_pdf",
    "signature_rows",
    "signatures_csv",
    "signatures_xlsx",
]
