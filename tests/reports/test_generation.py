"""Generating a shadow report: the DOCX and the PDF, their languages, scripts and directions,
what they hold, what they leave out, and what happens when the PDF cannot be made."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import docx as python_docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from sauti.commitments.models import Status
from sauti.reports import content, fonts, pdf, services
from sauti.reports.models import ShadowReport

from ..conftest import client_for
from .factories import (
    CommitmentFactory,
    FrameworkFactory,
    ShadowReportFactory,
    case_study,
    country_picture,
    publish_consolidated,
    scorecard,
)

pytestmark = pytest.mark.django_db

ARABIC = range(0x0600, 0x0700)
ARABIC_FORMS = range(0xFE70, 0xFF00)
CJK = range(0x4E00, 0xA000)


def generate(report: ShadowReport, user) -> ShadowReport:
    """Generate through the page, as a person does (the task runs at once in tests)."""
    response = client_for(user).post(reverse("reports:generate", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    return report


def docx_of(report: ShadowReport):
    with report.docx.open("rb") as handle:
        return python_docx.Document(io.BytesIO(handle.read()))


def docx_xml(report: ShadowReport) -> str:
    with report.docx.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        return archive.read("word/document.xml").decode()


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def pdf_text(report: ShadowReport) -> str:
    with report.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
        return "\n".join(page.extract_text() or "" for page in reader.pages)


# --- DOCX ---------------------------------------------------------------------------------
def test_the_spanish_docx_holds_the_commitments_table(coalition, cycle, editor, catalogue):
    catalogue(
        "es",
        {
            "Commitment": "Compromiso",
            "Status": "Estado",
            "Evidence": "Evidencia",
            "Where the status comes from": "De dónde viene el estado",
            "In progress": "En curso",
            "No action": "Ninguna acción",
        },
    )
    _framework, commitments = country_picture(coalition, cycle)
    for commitment in commitments:
        commitment.set_current_language("es")
        commitment.title = f"Compromiso número {commitment.number}"
        commitment.save()
    cycle.set_current_language("es")
    cycle.name = "Ciclo de informe de prueba"
    cycle.save()
    cycle.set_current_language("en")
    report = generate(ShadowReportFactory(coalition=coalition, cycle=cycle, language="es"), editor)

    assert report.state == ShadowReport.State.DONE
    assert report.progress == 100
    document = docx_of(report)
    tables = [
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells][:2] == ["Compromiso", "Estado"]
    ]
    assert len(tables) == 1
    rows = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert rows[0][0] == "Compromiso"
    assert rows[0][1] == "Estado"
    assert rows[0][2] == "De dónde viene el estado"
    assert rows[0][4] == "Evidencia"
    assert [row[0] for row in rows[1:]] == [
        "1. Compromiso número 1",
        "2. Compromiso número 2",
        "3. Compromiso número 3",
    ]
    # One organisation says "in progress", the other "no action": the tie goes to less progress.
    assert {row[1] for row in rows[1:]} == {"Ninguna acción"}
    assert rows[1][4] == "1"
    assert rows[3][4] == "2"  # a link and a mechanism of the registry
    # The header row repeats on every page.
    assert "<w:tblHeader/>" in docx_xml(report)
    assert "Kenia" in docx_text(document)  # the country in the report's language
    # The cycle too, although it was loaded in English by the request.
    assert "Ciclo de informe de prueba" in docx_text(document)
    assert "Report cycle" not in docx_text(document)
    assert document.core_properties.language == "es-ES"
    assert len(document.inline_shapes) >= 2  # charts as pictures


def test_the_coalitions_published_status_comes_first(coalition, cycle, editor):
    _framework, commitments = country_picture(coalition, cycle)
    publish_consolidated(coalition, cycle, {commitments[0]: Status.LARGELY_ACHIEVED})
    report = generate(ShadowReportFactory(coalition=coalition, cycle=cycle), editor)
    table = next(t for t in docx_of(report).tables if t.rows[0].cells[0].text == "Commitment")
    first, second = table.rows[1].cells, table.rows[2].cells
    assert first[1].text == "Largely achieved"
    assert coalition.name in first[2].text
    assert second[1].text == "No action"
    assert second[2].text == "1 of 2 organisations"


def test_the_arabic_docx_runs_right_to_left(coalition, cycle, editor):
    country_picture(coalition, cycle)
    report = generate(
        ShadowReportFactory(coalition=coalition, cycle=cycle, language="ar", title="تقرير الظل"),
        editor,
    )
    xml = docx_xml(report)
    document = docx_of(report)
    assert document.paragraphs[0].text == "تقرير الظل"
    assert all(
        p._p.pPr is not None and p._p.pPr.find(_w("bidi")) is not None for p in document.paragraphs
    )
    runs = [r for p in document.paragraphs for r in p.runs if r.text]
    assert runs and all(r._r.rPr.find(_w("rtl")) is not None for r in runs)
    assert xml.count("<w:bidiVisual/>") == len(document.tables) > 0
    assert 'w:cs="Noto Naskh Arabic"' in docx_package_part(report, "word/styles.xml")


def _w(tag: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}"


def docx_package_part(report: ShadowReport, name: str) -> str:
    with report.docx.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        return archive.read(name).decode()


# --- PDF ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "title", "script"),
    [
        ("ar", "تقرير الظل عن المشاركة", (ARABIC, ARABIC_FORMS)),
        ("zh-hans", "影子报告：社会参与", (CJK,)),
    ],
)
def test_the_pdf_prints_arabic_and_chinese(
    needs_pdf, coalition, cycle, editor, tmp_path, language, title, script
):
    country_picture(coalition, cycle)
    report = ShadowReportFactory(coalition=coalition, cycle=cycle, language=language, title=title)
    report.case_studies.add(case_study())
    report = generate(report, editor)

    assert report.pdf, report.pdf_error
    assert report.pdf_problem == ""
    path = tmp_path / "report.pdf"
    with report.pdf.open("rb") as handle:
        path.write_bytes(handle.read())
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    assert pages[0].read_bytes().startswith(b"\x89PNG")
    assert pages[0].stat().st_size > 2000
    text = pdf_text(report)
    found = [ch for ch in text if any(ord(ch) in block for block in script)]
    assert len(found) > 20, text[:300]
    assert "Kenya" not in text  # the country is named in the report's language


def test_the_pdf_has_the_reports_language_and_direction(coalition, cycle):
    report = ShadowReportFactory(coalition=coalition, cycle=cycle, language="ar")
    html = str(pdf.html(content.assemble(report)))
    assert '<html lang="ar" dir="rtl">' in html
    assert (
        '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC", sans-serif'
        in html
    )
    # Nothing for WeasyPrint to fetch: no stylesheet, image or font by address.
    for fetched in ("src=", "<link", "url(", "@import", "@font-face"):
        assert fetched not in html


def test_the_pdf_fetches_nothing_from_a_network(needs_pdf):
    import weasyprint

    fetcher = pdf.local_only_fetcher(weasyprint)
    for url in ("https://example.org/font.woff2", "http://127.0.0.1/x.css", "ftp://x/y"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"


# --- What goes in, what stays out ------------------------------------------------------------
def test_markup_in_recommendations_is_text_in_both_files(needs_pdf, coalition, cycle, editor):
    report = ShadowReportFactory(
        coalition=coalition,
        cycle=cycle,
        recommendations="<script>alert('x')</script> <b>Fund</b> the councils.",
    )
    html = str(pdf.html(content.assemble(report)))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;b&gt;Fund&lt;/b&gt;" in html
    report = generate(report, editor)
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in docx_xml(report)
    assert "<script>alert('x')</script> <b>Fund</b> the councils." in docx_text(docx_of(report))
    assert "<script>alert('x')</script>" in pdf_text(report).replace("\n", " ")


def test_small_scorecard_groups_never_reach_the_report(coalition, cycle, editor):
    organisation = (
        country_picture(coalition, cycle, commitments=1)[1][0].assessments.first().organisation
    )
    scorecard(
        organisation,
        cycle=cycle,
        place="Siaya Health Centre",
        groups=(("Health workers", 15, 2), ("Sex workers of Siaya", 4, 5)),
    )
    report = generate(ShadowReportFactory(coalition=coalition, cycle=cycle), editor)
    text = docx_text(docx_of(report))
    assert "Siaya Health Centre" in text
    assert "Sex workers of Siaya" not in text
    assert "Sex workers of Siaya said so" not in text
    assert "Youth" not in text  # the 3 young people of the first scorecard
    table = next(t for t in docx_of(report).tables if t.rows[0].cells[0].text == "Place")
    averages = {row.cells[0].text: row.cells[4].text for row in table.rows[1:]}
    # Only the groups shown count: 2, not the 3.5 that the withheld 5 would make.
    assert averages["Siaya Health Centre"] == "2"
    assert averages["Kisumu County Hospital"] == "2"


def test_scorecards_can_be_left_out(coalition, cycle, editor):
    country_picture(coalition, cycle)
    report = ShadowReportFactory(coalition=coalition, cycle=cycle, include_scorecards=False)
    assert "Kisumu County Hospital" not in docx_text(docx_of(generate(report, editor)))


def test_at_most_ten_charts(coalition, cycle):
    organisation = country_picture(coalition, cycle)[1][0].assessments.first().organisation
    for n in range(12):
        scorecard(organisation, cycle=cycle, place=f"Clinic {n}")
    assembled = content.assemble(ShadowReportFactory(coalition=coalition, cycle=cycle))
    assert len(assembled.figures) == content.MAX_CHARTS
    # Every scorecard is still in the table, past the tenth chart.
    table = next(
        b for b in assembled.blocks if isinstance(b, content.Table) and b.headers[0] == "Place"
    )
    assert len(table.rows) == 13


def test_the_sources_table_cites_every_source(coalition, cycle, editor):
    country_picture(coalition, cycle)
    report = ShadowReportFactory(coalition=coalition, cycle=cycle)
    report.case_studies.add(case_study())
    document = docx_of(generate(report, editor))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Source")
    rows = {row.cells[1].text: row.cells[2].text for row in table.rows[1:]}
    assert rows["Evidence 1"].startswith("https://example.org/evidence/")
    assert rows["Committee minutes"].startswith("http://")  # the mechanism's page on Sauti
    assert rows["County Health Act"] == "https://example.org/act"  # the cited mechanism's source
    assert rows["County budget 2025"] == "https://example.org/b"  # the case study's source
    assert "/commitments/countries/ke/" in rows["Sauti: commitments of Kenya"]
    assert "How a county council won its budget" in docx_text(document)


def test_a_framework_nobody_assessed_is_left_out(coalition, cycle):
    country_picture(coalition, cycle)
    CommitmentFactory(framework=FrameworkFactory(name="Untouched framework"))
    assembled = content.assemble(ShadowReportFactory(coalition=coalition, cycle=cycle))
    captions = [b.caption for b in assembled.blocks if isinstance(b, content.Table)]
    assert "Untouched framework" not in captions


# --- When the PDF cannot be made, and when generation fails ---------------------------------
def test_without_weasyprint_the_docx_is_kept_and_the_page_says_why(
    coalition, cycle, editor, monkeypatch
):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # "import weasyprint" fails
    report = generate(ShadowReportFactory(coalition=coalition, cycle=cycle), editor)
    assert report.state == ShadowReport.State.DONE
    assert report.docx
    assert not report.pdf
    assert report.pdf_problem == ShadowReport.PdfProblem.LIBRARIES
    assert "libpango-1.0-0" in report.pdf_error
    page = client_for(editor).get(report.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert "The PDF could not be made on this server. The DOCX is complete." in body
    assert "Pango" in body
    assert reverse("reports:download", args=[report.pk, "docx"]) in body
    assert reverse("reports:download", args=[report.pk, "pdf"]) not in body
    assert (
        client_for(editor).get(reverse("reports:download", args=[report.pk, "docx"])).status_code
        == 200
    )
    assert (
        client_for(editor).get(reverse("reports:download", args=[report.pk, "pdf"])).status_code
        == 404
    )


def test_without_the_fonts_there_is_no_pdf_of_boxes(coalition, cycle, editor, monkeypatch):
    monkeypatch.setattr(fonts, "is_installed", lambda family: family != "Noto Sans CJK SC")
    report = generate(
        ShadowReportFactory(coalition=coalition, cycle=cycle, language="zh-hans"), editor
    )
    assert report.docx and not report.pdf
    assert report.pdf_problem == ShadowReport.PdfProblem.FONTS
    assert "fonts-noto-cjk" in report.pdf_error
    assert (
        "fonts this language needs"
        in client_for(editor).get(report.get_absolute_url()).content.decode()
    )


def test_a_failed_generation_says_so_and_keeps_the_earlier_files(
    coalition, cycle, editor, member, private_report, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(content, "assemble", broken)
    report = generate(private_report, editor)
    assert report.state == ShadowReport.State.FAILED
    assert "the database went away" in report.error
    assert report.docx  # the files of the last good generation stay
    page = client_for(editor).get(report.get_absolute_url())
    assert page.status_code == 200
    assert "The report could not be generated." in page.content.decode()
    # The technical details are for those who can act on them, not every reader.
    assert "the database went away" in page.content.decode()
    reader = client_for(member).get(report.get_absolute_url()).content.decode()
    assert "The report could not be generated." in reader
    assert "the database went away" not in reader


def test_the_page_reloads_itself_while_the_report_is_generated(coalition, cycle, member):
    report = ShadowReportFactory(
        coalition=coalition, cycle=cycle, state=ShadowReport.State.RUNNING, progress=40
    )
    body = client_for(member).get(report.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in body
    assert '<progress max="100" value="40">' in body
    assert "<script" not in body
    report.state = ShadowReport.State.DONE
    report.save()
    body = client_for(member).get(report.get_absolute_url()).content.decode()
    assert "http-equiv" not in body


def test_a_second_click_does_not_queue_twice(coalition, cycle, editor, monkeypatch):
    report = ShadowReportFactory(coalition=coalition, cycle=cycle, state=ShadowReport.State.QUEUED)
    calls = []
    monkeypatch.setattr(services, "generate", calls.append)
    assert not services.request_generation(report, acting_user=editor)
    assert calls == []


def test_generating_again_replaces_the_files(coalition, cycle, editor, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    report = generate(ShadowReportFactory(coalition=coalition, cycle=cycle), editor)
    first = report.docx.name
    storage = report.docx.storage
    report = generate(report, editor)
    assert report.docx.name != first
    assert not storage.exists(first)
    assert first.startswith("reports/")
