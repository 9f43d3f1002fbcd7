"""A shadow report as a Word document (python-docx), from :mod:`.content`.

- Real headings, tables with a repeated header row, and captions, so that the
  document has a structure a screen reader and Word's navigation pane follow.
- Right to left for Arabic: every paragraph carries ``w:bidi``, every run
  ``w:rtl`` and every table ``w:bidiVisual``, and the section is right to left;
  the styles name the Noto families for each script (Word uses the ``cs``
  font for Arabic and the ``eastAsia`` font for Chinese) and the language of
  the text, for spelling and hyphenation.
- Charts are PNG pictures (:func:`.charts.png`) with the chart's title and
  description as alternative text, followed by the same numbers as a table.
  Where pictures cannot be drawn on this machine, the table stands alone.
- Text goes into XML nodes, so markup in what people wrote is text, never
  markup; characters XML cannot hold are dropped.
"""

from __future__ import annotations

import io
import logging
import re

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from . import charts
from .content import Bullets, Figure, Heading, Paragraph, ReportContent, Table

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Word's language tags for each of Sauti's languages.
WORD_LANGUAGES = {
    "en": "en-GB",
    "fr": "fr-FR",
    "es": "es-ES",
    "pt": "pt-PT",
    "ar": "ar-SA",
    "ru": "ru-RU",
    "zh-hans": "zh-CN",
}
ACCENT = RGBColor(0x0B, 0x5D, 0x56)
PICTURE_WIDTH = Cm(16)


def clean(text: object) -> str:
    return _NOT_XML.sub("", str(text))


class _Writer:
    def __init__(self, content: ReportContent) -> None:
        self.content = content
        self.rtl = content.rtl
        self.document = Document()
        self.pictures = True
        self._styles()

    # --- Set-up ---------------------------------------------------------------------
    def _fonts(self, element, size: float | None = None) -> None:  # type: ignore[no-untyped-def]
        """Noto for every script, and the language, on a style's run properties."""
        rpr = element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        fonts.set(qn("w:ascii"), "Noto Sans")
        fonts.set(qn("w:hAnsi"), "Noto Sans")
        fonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
        fonts.set(qn("w:cs"), "Noto Naskh Arabic")
        language = rpr.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            rpr.append(language)
        language.set(qn("w:val"), WORD_LANGUAGES.get(self.content.language, "en-GB"))
        language.set(qn("w:eastAsia"), "zh-CN")
        language.set(qn("w:bidi"), "ar-SA")
        if size is not None:
            complex_size = rpr.find(qn("w:szCs"))
            if complex_size is None:
                complex_size = OxmlElement("w:szCs")
                rpr.append(complex_size)
            complex_size.set(qn("w:val"), str(int(size * 2)))

    def _styles(self) -> None:
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.size = Pt(10.5)
        self._fonts(normal.element, 10.5)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "Subtitle"):
            style = styles[name]
            self._fonts(style.element)
            if name != "Caption":
                style.font.color.rgb = ACCENT
        section = self.document.sections[0]
        section.left_margin = section.right_margin = Cm(2.2)
        if self.rtl:
            section._sectPr.append(OxmlElement("w:bidi"))
        properties = self.document.core_properties
        properties.title = clean(self.content.title)[:250]
        properties.author = clean(self.content.lines[0])[:250] if self.content.lines else ""
        properties.language = WORD_LANGUAGES.get(self.content.language, "en-GB")
        properties.subject = clean(" · ".join(self.content.lines[1:2]))[:250]

    # --- Direction ----------------------------------------------------------------------
    def _direction(self, paragraph: DocxParagraph) -> DocxParagraph:
        if self.rtl:
            ppr = paragraph._p.get_or_add_pPr()
            if ppr.find(qn("w:bidi")) is None:
                ppr.append(OxmlElement("w:bidi"))
            for run in paragraph.runs:
                rpr = run._r.get_or_add_rPr()
                if rpr.find(qn("w:rtl")) is None:
                    rpr.append(OxmlElement("w:rtl"))
        return paragraph

    def _text(self, paragraph: DocxParagraph, text: str, *, bold: bool = False) -> None:
        """Add ``text`` to ``paragraph``; a line break in it stays a line break."""
        for index, line in enumerate(clean(text).split("\n")):
            run = paragraph.add_run()
            if bold:
                run.bold = True
            if index:
                run.add_break()
            run.add_text(line)

    def paragraph(self, text: str, style: str | None = None, *, bold: bool = False):  # type: ignore[no-untyped-def]
        paragraph = self.document.add_paragraph(style=style)
        self._text(paragraph, text, bold=bold)
        return self._direction(paragraph)

    # --- Blocks -------------------------------------------------------------------------
    def title(self) -> None:
        self._direction(self.document.add_heading(clean(self.content.title), level=0))
        for line in self.content.lines:
            self.paragraph(line, "Subtitle")

    def heading(self, block: Heading) -> None:
        self._direction(self.document.add_heading(clean(block.text), level=block.level))

    def text(self, block: Paragraph) -> None:
        paragraph = self.paragraph(block.text)
        if block.style == "note":
            for run in paragraph.runs:
                run.italic = True

    def bullets(self, block: Bullets) -> None:
        for item in block.items:
            self.paragraph(item, "List Bullet")

    def _link(self, paragraph: DocxParagraph, url: str) -> None:
        relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        properties.append(style)
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        properties.append(underline)
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), "0B5D56")
        properties.append(colour)
        run.append(properties)
        text = OxmlElement("w:t")
        text.text = clean(url)
        text.set(qn("xml:space"), "preserve")
        run.append(text)
        link.append(run)
        paragraph._p.append(link)

    def table(self, block: Table) -> DocxTable:
        caption = self.paragraph(block.caption, "Caption")
        caption.paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=1, cols=len(block.headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if self.rtl:
            table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        header = table.rows[0]
        header_properties = header._tr.get_or_add_trPr()
        header_properties.append(OxmlElement("w:tblHeader"))  # repeated on every page
        for cell, text in zip(header.cells, block.headers, strict=True):
            paragraph = cell.paragraphs[0]
            self._text(paragraph, text, bold=True)
            self._direction(paragraph)
        for values in block.rows:
            cells = table.add_row().cells
            for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                if (
                    value.startswith(("https://", "http://"))
                    and " " not in value
                    and clean(value) == value
                ):
                    self._link(paragraph, value)
                else:
                    self._text(paragraph, value)
                if index in block.numeric and not self.rtl:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                self._direction(paragraph)
        return table

    def figure(self, block: Figure) -> None:
        if self.pictures:
            try:
                chart = charts.split(block.svg)
                picture = charts.png(chart, language=self.content.language)
            except charts.ChartsUnavailable as error:
                logger.warning("Report charts drawn as tables only: %s", error)
                self.pictures = False
            else:
                heading = self.paragraph(block.title, "Caption")
                heading.paragraph_format.keep_with_next = True
                self.document.add_picture(io.BytesIO(picture), width=PICTURE_WIDTH)
                paragraph = self.document.paragraphs[-1]
                for properties in paragraph._p.iter(qn("wp:docPr")):
                    properties.set("descr", clean(f"{chart.title} {chart.description}")[:1000])
                    properties.set("title", clean(chart.title)[:250])
                self._direction(paragraph)
        self.table(block.table)

    def footer(self) -> None:
        paragraph = self.document.sections[0].footer.paragraphs[0]
        paragraph.text = ""
        self._text(paragraph, f"{self.content.title} · ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        self._direction(paragraph)

    def write(self) -> bytes:
        self.title()
        for block in self.content.blocks:
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.text(block)
            elif isinstance(block, Bullets):
                self.bullets(block)
            elif isinstance(block, Figure):
                self.figure(block)
            elif isinstance(block, Table):
                self.table(block)
        self.footer()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def render(content: ReportContent) -> bytes:
    """The report as the bytes of a .docx file."""
    return _Writer(content).write()
