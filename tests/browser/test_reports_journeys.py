"""Journeys through shadow reports: a coalition writes, generates and downloads its report.

The coalition's editor finds the form from Kenya's page, writes a report in Spanish and
presses "generate"; the page shows the queued report and reloads itself until the
worker is done; the DOCX opens with python-docx and holds the commitments table, the
PDF holds the same text. In Arabic and Chinese, page 1 of the PDF is drawn with
``pdftoppm`` and its text read back in the right script. A report that is not public
is a 404 to anyone else. What is checked is what does not depend on the wording:
statuses, titles and numbers read from the catalogue and parler in the report's
language, links, and ``lang``/``dir``.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import docx as python_docx
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from PIL import Image
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from sauti.accounts.models import Membership, Organisation
from sauti.commitments.models import Commitment, Consolidated, Cycle, Status
from sauti.commitments.scorecard_charts import score_text
from sauti.commitments.selectors import status_label
from sauti.core.i18n import country_name
from sauti.core.privacy import disclosure_threshold
from sauti.mechanisms.models import Mechanism
from sauti.reports import tasks
from sauti.reports.models import ShadowReport
from tests.commitments.factories import (
    ConsolidatedEntryFactory,
    ConsolidatedFactory,
    CountryAssessmentFactory,
    EvidenceFactory,
    join,
)
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mechanisms.factories import CaseStudyFactory, MechanismFactory
from tests.reports.factories import scorecard

from .helpers import Site, expect_language, sign_in_here

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

CYCLE = "2028"  # the WHA77 cycle open now (migration data)
EDITOR = "wanjiku@example.org"
COALITION = "Kenya Health Accountability Coalition"
YOUTH = ("Youth", 4)  # under the disclosure threshold: never in a report
# Markup is stripped on the way in (sauti.core.text.clean_plain_text); what is left,
# "<", "&" and ">" included, is text in the page, the DOCX and the PDF.
SCRIPT = "<script>alert(1)</script>"
RECOMMENDATIONS = (
    f"Financiar los consejos de salud de los condados. {SCRIPT}\n\n"
    "Publicar las actas: transparencia < promesas & presupuestos > cero."
)
KEPT = "Publicar las actas: transparencia < promesas & presupuestos > cero."
ARABIC = range(0x0600, 0x0700)
CJK = range(0x4E00, 0xA000)


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The journey's language (parametrized indirectly); ``reverse`` and the catalogue follow it."""
    with translation.override(request.param):
        yield request.param


def url(site: Site, name: str, *args: object, query: str = "") -> str:
    """The live address of a named URL, in the active language."""
    return site(reverse(name, args=args) + (f"?{query}" if query else ""))


def path(name: str, *args: object) -> str:
    return reverse(f"reports:{name}", args=args)


def post_button(page: Page, field: str) -> Locator:
    """The submit button of the form holding ``field`` (the header has none)."""
    return page.locator("form", has=page.locator(field)).locator("button[type=submit]")


def sign_in_to(page: Page, site: Site, next_path: str, email_address: str) -> None:
    """Sign in from the login page in the active language, then land on ``next_path``."""
    page.goto(url(site, "account_login", query=f"next={next_path}"))
    sign_in_here(page, email_address)


def success(page: Page) -> Locator:
    return page.locator("main ul.messages li.msg-success")


def wha77(count: int) -> list[Commitment]:
    """The first ``count`` commitments of the WHA77 framework (migration data)."""
    return list(Commitment.objects.filter(framework__code="wha77").order_by("number")[:count])


def in_language(language: str, text: Callable[[], str]) -> str:
    with translation.override(language):
        return text()


def one_line(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def kenya(coalition: Organisation, cycle: Cycle) -> dict:
    """What Sauti holds on Kenya for the cycle: members' statuses with evidence, the
    coalition's published consolidated assessment, two mechanisms, a published scorecard
    with a group too small to show, and a case study translated into Spanish."""
    kisumu = OrganisationFactory(name="Kisumu Health Rights Forum")
    mombasa = OrganisationFactory(name="Mombasa Patients Voice")
    for member in (kisumu, mombasa):
        join(coalition, member)
    first, second, third = wha77(3)
    statuses = {
        (kisumu, first): Status.IN_PROGRESS,
        (mombasa, first): Status.IN_PROGRESS,
        (kisumu, second): Status.INITIAL,
        (mombasa, second): Status.NO_ACTION,
        (kisumu, third): Status.NO_ACTION,
    }
    recorded = {
        key: CountryAssessmentFactory(
            organisation=key[0], cycle=cycle, commitment=key[1], status=status
        )
        for key, status in statuses.items()
    }
    EvidenceFactory(
        assessment=recorded[(kisumu, first)],
        title="Draft national participation policy",
        url="https://health.example.go.ke/policy.pdf",
    )
    consolidated = ConsolidatedFactory(
        coalition=coalition,
        cycle=cycle,
        state=Consolidated.State.PUBLISHED,
        published_at=timezone.now(),
        summary="Kenya is moving, but counties lag behind.",
    )
    ConsolidatedEntryFactory(consolidated=consolidated, commitment=first, status=Status.IN_PROGRESS)
    ConsolidatedEntryFactory(
        consolidated=consolidated,
        commitment=second,
        status=Status.INITIAL,
        note="The 2026 Act funds county forums.",
    )
    mechanisms = [
        MechanismFactory(
            name="Kisumu County Health Forum",
            legal_basis=Mechanism.LegalBasis.LAW,
            has_budget=True,
            publishes_minutes=True,
        ),
        MechanismFactory(
            name="Kibera Health Facility Committee",
            legal_basis=Mechanism.LegalBasis.NONE,
            has_budget=False,
        ),
    ]
    card = scorecard(kisumu, cycle=cycle, groups=(("Women", 12, 2), (YOUTH[0], YOUTH[1], 5)))
    study = CaseStudyFactory(
        country_id="KE",
        title="How Kisumu's health forum won its budget line",
        summary="Members pressed the county assembly for two years.",
        translated={
            "es": {
                "title": "Cómo el foro de salud de Kisumu ganó su partida presupuestaria",
                "summary": "Los miembros presionaron a la asamblea del condado durante dos años.",
            }
        },
    )
    return {
        "commitments": (first, second, third),
        "mechanisms": mechanisms,
        "scorecard": card,
        "study": study,
    }


def coalition_with_editor() -> Organisation:
    coalition = OrganisationFactory(name=COALITION, kind=Organisation.Kind.NETWORK)
    MembershipFactory(
        user=UserFactory(email=EDITOR, display_name="Wanjiku Kamau"),
        organisation=coalition,
        role=Membership.Role.EDITOR,
    )
    return coalition


# --- 1. A report in Spanish: write, generate, download ---------------------------------


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_a_coalition_generates_its_shadow_report_in_spanish(
    new_page: Callable[..., Page], site: Site, language: str, settings, tmp_path: Path
) -> None:
    """From Kenya's page to the form, a queued report, the DOCX and the PDF; not public."""
    coalition = coalition_with_editor()
    cycle = Cycle.objects.get(code=CYCLE)
    data = kenya(coalition, cycle)
    first, second, third = data["commitments"]
    study = data["study"]
    # Generation waits for a worker here, as in production: the page shows it queued.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    country_path = reverse("core:country", args=["KE"])
    coalition_path = path("coalition", coalition.slug)
    create_path = path("create", coalition.slug)

    page = new_page(accept_downloads=True)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in_to(page, site, country_path, EDITOR)
    expect(page).to_have_url(site(country_path))
    expect_language(page, language)

    # Kenya's page → its shadow reports → the editor's coalition → the form.
    page.locator(f'main a[href="{path("index")}?country=KE"]').click()
    expect(page).to_have_url(url(site, "reports:index", query="country=KE"))
    expect_language(page, language)
    page.locator(f'main a[href="{coalition_path}"]').click()
    expect(page).to_have_url(site(coalition_path))
    expect(page.locator("main h1")).to_contain_text(COALITION)
    page.locator(f'main a[href="{create_path}"]').click()
    expect(page).to_have_url(site(create_path))
    expect_language(page, language)
    expect(page.locator("#id_language")).to_have_value(language)
    expect(page.locator("#id_include_scorecards")).to_be_checked()

    page.locator("#id_title").fill("Informe sombra: Kenia y la participación social")
    page.locator("#id_foreword").fill(
        "Este informe reúne lo que registraron las organizaciones miembro.\n\n"
        "Lo escribimos para la Asamblea Mundial de la Salud."
    )
    page.locator("#id_recommendations").fill(RECOMMENDATIONS)
    page.locator("#id_country").select_option("KE")
    page.locator("#id_cycle").select_option(str(cycle.pk))
    page.locator("#id_language").select_option("es")
    page.locator(f'input[name=case_studies][value="{study.pk}"]').check()
    post_button(page, "#id_title").click()

    report = ShadowReport.objects.get(coalition=coalition)
    detail_path = path("detail", report.pk)
    docx_path = path("download", report.pk, "docx")
    pdf_path = path("download", report.pk, "pdf")
    expect(page).to_have_url(site(detail_path))
    expect_language(page, language)
    expect(success(page)).to_have_text(
        gettext("Report saved. Generate it to get the DOCX and PDF.")
    )
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Informe sombra: Kenia y la participación social")
    expect(main.locator("p.lead")).to_contain_text(country_name("KE"))
    expect(main.locator("p.lead")).to_contain_text("Español")
    expect(main).to_contain_text(KEPT)  # "<", "&", ">" shown as text
    expect(main).not_to_contain_text("alert(1)")
    assert report.language == "es"
    assert report.cycle == cycle
    assert list(report.case_studies.all()) == [study]
    assert "<script" not in report.recommendations
    assert KEPT in report.recommendations

    # Generate: queued, 0 %, the button disabled and the page reloading itself.
    status = main.locator("div[role=status]")
    expect(status).to_contain_text(gettext("The report has not been generated yet."))
    expect(main.locator(f'a[href="{docx_path}"]')).to_have_count(0)
    generate = main.locator(f'form[action="{path("generate", report.pk)}"] button[type=submit]')
    generate.click()
    expect(page).to_have_url(site(detail_path))
    expect(status.locator("progress")).to_have_attribute("value", "0")
    expect(status).to_contain_text(str(ShadowReport.State.QUEUED.label))
    expect(page.locator('head meta[http-equiv="refresh"]')).to_have_attribute("content", "3")
    expect(generate).to_be_disabled()
    report.refresh_from_db()
    assert report.state == ShadowReport.State.QUEUED

    # The worker runs the task; the page, reloading itself, offers both files.
    assert tasks.generate_report.call(report.pk) == ShadowReport.State.DONE
    expect(main.locator(f'a[href="{docx_path}"]')).to_be_visible()
    expect(main.locator(f'a[href="{pdf_path}"]')).to_be_visible()
    expect(status.locator("progress")).to_have_count(0)
    expect(page.locator('head meta[http-equiv="refresh"]')).to_have_count(0)
    expect(main.locator(".notice")).to_have_count(0)  # no "could not make the PDF"
    expect(generate).to_have_text(gettext("Generate again"))
    expect(generate).to_be_enabled()
    report.refresh_from_db()
    assert (report.state, report.progress, report.pdf_problem) == (ShadowReport.State.DONE, 100, "")

    # The DOCX: python-docx opens it; the commitments table speaks Spanish.
    with page.expect_download() as download:
        main.locator(f'a[href="{docx_path}"]').click()
    name = download.value.suggested_filename
    assert name == f"informe-sombra-kenia-y-la-participacion-social-{report.pk}-es.docx", name
    target = tmp_path / name
    download.value.save_as(target)
    document = python_docx.Document(str(target))
    assert document.core_properties.language == "es-ES"

    with translation.override("es"):
        headers = [gettext("Commitment"), gettext("Status"), gettext("Evidence")]
        title = {
            c: f"{c.number}. {c.safe_translation_getter('title', language_code='es')}"
            for c in (first, second, third)
        }
        coalition_source = gettext("Consolidated assessment of %(coalition)s") % {
            "coalition": COALITION
        }

        def recorded(*statuses: str) -> str:
            return "; ".join(
                gettext("%(status)s: %(count)s")
                % {"status": status_label(value), "count": statuses.count(value)}
                for value in Status.values
                if value in statuses
            )

        # Commitment → (status, where it comes from, what members recorded, evidence).
        expected = {
            first: (
                status_label(Status.IN_PROGRESS),
                coalition_source,
                recorded(Status.IN_PROGRESS, Status.IN_PROGRESS),
                "1",
            ),
            second: (
                status_label(Status.INITIAL),
                coalition_source,
                recorded(Status.INITIAL, Status.NO_ACTION),
                "0",
            ),
            # Not in the consolidated assessment: what most members recorded.
            third: (
                status_label(Status.NO_ACTION),
                ngettext(
                    "%(agree)s of %(total)s organisation",
                    "%(agree)s of %(total)s organisations",
                    1,
                )
                % {"agree": 1, "total": 1},
                recorded(Status.NO_ACTION),
                "0",
            ),
        }
        mechanisms_text = ngettext(
            "Sauti's registry holds %(total)s participation mechanism in %(country)s; "
            "%(assessed)s of them have been assessed.",
            "Sauti's registry holds %(total)s participation mechanisms in %(country)s; "
            "%(assessed)s of them have been assessed.",
            2,
        ) % {"total": "2", "country": country_name("KE"), "assessed": "0"}
        place_header = gettext("Place")
        kenya_es = country_name("KE")
    english = first.safe_translation_getter("title", language_code="en")
    assert title[first] != f"{first.number}. {english}", title[first]  # really Spanish
    tables = [
        table
        for table in document.tables
        if [cell.text for cell in table.rows[0].cells][:2] == headers[:2]
    ]
    assert len(tables) == 1, [[c.text for c in t.rows[0].cells] for t in document.tables]
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in tables[0].rows[1:]}
    assert tables[0].rows[0].cells[4].text == headers[2]
    # One row per commitment of the framework; those nobody assessed say "no information".
    assert len(rows) == Commitment.objects.filter(framework__code="wha77", is_active=True).count()
    for commitment, cells in expected.items():
        assert rows[title[commitment]][1:] == list(cells), rows[title[commitment]]
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    assert kenya_es in text
    assert "Kenya is moving, but counties lag behind." in text  # the coalition's summary
    assert f"{title[second]}: The 2026 Act funds county forums." in text  # and its note
    assert mechanisms_text in text
    assert "Cómo el foro de salud de Kisumu ganó su partida presupuestaria" in text
    # The scorecard counts the 12 women only: the 4 young people are under the threshold.
    assert YOUTH[1] < disclosure_threshold() <= 12
    places = next(t for t in document.tables if t.rows[0].cells[0].text == place_header)
    hospital = next(r for r in places.rows[1:] if r.cells[0].text == "Kisumu County Hospital")
    assert [hospital.cells[3].text, hospital.cells[4].text] == ["12", score_text(2)]
    assert f"{YOUTH[0]} said so" not in text
    # What the editor wrote, as text: the markup stripped, "<", "&" and ">" kept.
    assert KEPT in text
    assert "Financiar los consejos de salud de los condados." in text
    assert "alert(1)" not in text and "<script" not in text

    # The PDF: a real PDF whose text is the Spanish report.
    with page.expect_download() as download:
        main.locator(f'a[href="{pdf_path}"]').click()
    name = download.value.suggested_filename
    assert name.endswith(f"-{report.pk}-es.pdf"), name
    target = tmp_path / name
    download.value.save_as(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    printed = one_line(pdf_text(data))
    assert "Informe sombra: Kenia y la participación social" in printed
    assert kenya_es in printed
    assert one_line(title[first]) in printed
    assert KEPT in printed
    assert "alert(1)" not in printed
    assert not dialogs, dialogs

    # Nobody outside the coalition learns that the report exists, let alone downloads it.
    visitor = new_page()
    for address in (detail_path, docx_path, pdf_path):
        response = visitor.request.get(site(address))
        assert response.status == 404, (address, response.status)
    visitor.goto(url(site, "reports:index", query="country=KE"))
    expect(visitor.locator("main")).not_to_contain_text("Informe sombra")
    expect(visitor.locator(f'main a[href="{detail_path}"]')).to_have_count(0)


# --- 2. Arabic and Chinese: the PDF in the report's script --------------------------------

TITLES = {
    "ar": "تقرير الظل عن المشاركة الاجتماعية في كينيا",
    "zh-hans": "肯尼亚社会参与影子报告",
}
FOREWORDS = {
    "ar": "يجمع هذا التقرير ما سجلته المنظمات الأعضاء في التحالف.",
    "zh-hans": "本报告汇集了联盟成员组织记录的情况。",
}
SCRIPTS = {"ar": ARABIC, "zh-hans": CJK}


@pytest.mark.parametrize("language", ["ar", "zh-hans"], indirect=True)
def test_the_pdf_prints_arabic_and_chinese(
    new_page: Callable[..., Page], site: Site, language: str, tmp_path: Path
) -> None:
    """Written and generated in the language of the page; page 1 of the PDF drawn and read."""
    coalition = coalition_with_editor()
    cycle = Cycle.objects.get(code=CYCLE)
    kenya(coalition, cycle)
    coalition_path = path("coalition", coalition.slug)

    page = new_page(accept_downloads=True)
    sign_in_to(page, site, coalition_path, EDITOR)
    expect(page).to_have_url(site(coalition_path))
    expect_language(page, language)
    page.locator(f'main a[href="{path("create", coalition.slug)}"]').click()
    expect_language(page, language)
    # The report's language starts as the page's.
    expect(page.locator("#id_language")).to_have_value(language)
    page.locator("#id_title").fill(TITLES[language])
    page.locator("#id_foreword").fill(FOREWORDS[language])
    page.locator("#id_country").select_option("KE")
    page.locator("#id_cycle").select_option(str(cycle.pk))
    post_button(page, "#id_title").click()

    report = ShadowReport.objects.get(coalition=coalition)
    assert report.language == language
    detail_path = path("detail", report.pk)
    pdf_path = path("download", report.pk, "pdf")
    expect(page).to_have_url(site(detail_path))
    expect_language(page, language)
    expect(page.locator("main h1")).to_have_text(TITLES[language])

    # The tests' task backend runs the generation at once: done when the page comes back.
    main = page.locator("main")
    main.locator(f'form[action="{path("generate", report.pk)}"] button[type=submit]').click()
    expect(page).to_have_url(site(detail_path))
    expect(main.locator("div[role=status] progress")).to_have_count(0)
    expect(main.locator(".notice")).to_have_count(0)
    with page.expect_download() as download:
        main.locator(f'a[href="{pdf_path}"]').click()
    name = download.value.suggested_filename
    assert name.endswith(f"-{report.pk}-{language}.pdf"), name
    target = tmp_path / f"report-{language}.pdf"
    download.value.save_as(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")

    # Page 1, drawn at 60 dpi: a PNG of an A4 page with ink on it.
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(target),
            str(tmp_path / f"page-{language}"),
        ],
        check=True,
        timeout=60,
    )
    pngs = sorted(tmp_path.glob(f"page-{language}*.png"))
    assert len(pngs) == 1, pngs
    assert pngs[0].read_bytes().startswith(b"\x89PNG")
    assert pngs[0].stat().st_size > 10_000, pngs[0].stat().st_size
    with Image.open(pngs[0]) as image:
        width, height = image.size
        assert height == round(297 / 25.4 * 60), image.size  # A4 at 60 dpi
        assert abs(height / width - 297 / 210) < 0.01, image.size
        grey = image.convert("L")
        ink = sum(grey.histogram()[:160])  # pixels darker than light grey
    assert ink > 2_000, ink

    # The text layer is in the report's script (WeasyPrint maps the glyphs back to text).
    text = pdf_text(data)
    found = [ch for ch in text if ord(ch) in SCRIPTS[language]]
    assert len(found) > 100, text[:500]
    # In logical order, Arabic too: the title as typed, Kenya named in the report's language.
    assert TITLES[language] in one_line(text), text[:300]
    # (pypdf reads a sentence's final full stop where it is drawn: left of Arabic text.)
    assert FOREWORDS[language].rstrip(".。") in one_line(text), text[:300]
    assert in_language(language, lambda: country_name("KE")) in text
