"""Country tracking through its pages: recording with evidence, bad input, consolidated
assessments from draft to email, the feed, the export and the pages in Arabic."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sauti.accounts.models import Organisation
from sauti.commitments import selectors
from sauti.commitments.models import Consolidated, CountryAssessment, Evidence, Status
from sauti.core.models import Country

from ..conftest import client_for
from ..factories import OrganisationFactory
from .factories import (
    PDF,
    ConsolidatedEntryFactory,
    ConsolidatedFactory,
    CountryAssessmentFactory,
    EvidenceFactory,
    closed_cycle,
    framework_with,
    join,
    open_cycle,
    subscriber,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def three():
    return framework_with(3)[1]


@pytest.fixture
def cycle():
    return open_cycle(name="Review 2100")


def multi_url(cycle, organisation=None) -> str:
    url = reverse("commitments:assess_country", args=["ke", cycle.code])
    return f"{url}?organisation={organisation.pk}" if organisation else url


def assess_url(cycle, commitment) -> str:
    return reverse("commitments:assess", args=["ke", cycle.code, commitment.pk])


def multi_data(commitments, **overrides) -> dict:
    data = {}
    for commitment in commitments:
        key = commitment.pk
        data.update(
            {
                f"status-{key}": "",
                f"narrative-{key}": "",
                f"evidence-{key}-title": "",
                f"evidence-{key}-url": "",
            }
        )
    data.update(overrides)
    return data


# --- Recording ------------------------------------------------------------------------------
def test_record_three_commitments_with_evidence_at_once(organisation, editor, cycle, three):
    """The journey: a country's status on three commitments, each with evidence."""
    c1, c2, c3 = three
    client = client_for(editor)
    page = client.get(reverse("commitments:country", args=["ke"])).content.decode()
    assert multi_url(cycle) in page

    data = multi_data(
        three,
        **{
            f"status-{c1.pk}": Status.INITIAL,
            f"narrative-{c1.pk}": "A focal point was named in 2025.",
            f"evidence-{c1.pk}-title": "Ministerial decree",
            f"evidence-{c1.pk}-url": "https://example.org/decree",
            f"status-{c2.pk}": Status.IN_PROGRESS,
            f"evidence-{c2.pk}-title": "Council minutes",
            f"evidence-{c2.pk}-document": SimpleUploadedFile("minutes.pdf", PDF),
            f"status-{c3.pk}": Status.NO_ACTION,
            f"evidence-{c3.pk}-title": "Budget 2026",
            f"evidence-{c3.pk}-url": "example.org/budget",  # https:// is assumed
        },
    )
    response = client.post(multi_url(cycle), data)
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == reverse("commitments:country", args=["ke"])
    statuses = dict(
        CountryAssessment.objects.filter(organisation=organisation).values_list(
            "commitment", "status"
        )
    )
    assert statuses == {c1.pk: "initial", c2.pk: "in_progress", c3.pk: "no_action"}
    assert Evidence.objects.count() == 3
    assert Evidence.objects.get(title="Budget 2026").url == "https://example.org/budget"
    assert Evidence.objects.get(title="Council minutes").document.name.endswith(".pdf")

    page = client.get(response["Location"]).content.decode()
    assert "Initial steps" in page and "In progress" in page and "No action" in page
    assert "1 piece of evidence" in page
    assert "3 statuses recorded for Kisumu Health Rights Forum." in page


def test_the_page_for_several_keeps_what_is_left_as_it_is(organisation, editor, cycle, three):
    c1, c2, _c3 = three
    CountryAssessmentFactory(
        organisation=organisation, cycle=cycle, commitment=c1, status=Status.LARGELY_ACHIEVED
    )
    client = client_for(editor)
    page = client.get(multi_url(cycle)).content.decode()
    assert "Recorded now: Largely achieved" in page
    data = multi_data(three, **{f"status-{c1.pk}": "", f"status-{c2.pk}": Status.INITIAL})
    assert client.post(multi_url(cycle), data).status_code == 302
    assert CountryAssessment.objects.get(commitment=c1).status == Status.LARGELY_ACHIEVED
    assert CountryAssessment.objects.get(commitment=c2).status == Status.INITIAL


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"status": "", "title": "Report", "url": "https://example.org"}, "Choose a status"),
        ({"status": "initial", "title": "Report", "url": "not a link"}, "Enter a valid URL."),
        ({"status": "initial", "title": "Report", "url": ""}, "Add a link or a document."),
        ({"status": "initial", "title": "", "url": "https://example.org"}, "Give the evidence"),
        (
            {"status": "initial", "title": "Tool", "document": ("tool.pdf", b"MZ\x90\x00")},
            "This kind of file is not accepted.",
        ),
        ({}, "Choose a status for at least one commitment."),
    ],
    ids=["evidence-without-status", "not-a-url", "no-source", "no-title", "exe", "nothing"],
)
def test_bad_input_on_the_page_for_several_stores_nothing(
    organisation, editor, cycle, three, overrides, message
):
    c1 = three[0]
    data = multi_data(three)
    for field, value in overrides.items():
        name = f"status-{c1.pk}" if field == "status" else f"evidence-{c1.pk}-{field}"
        data[name] = SimpleUploadedFile(*value) if field == "document" else value
    data[f"status-{three[1].pk}"] = Status.INITIAL if overrides else ""
    response = client_for(editor).post(multi_url(cycle), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CountryAssessment.objects.exists()
    assert not Evidence.objects.exists()


def test_an_editor_of_several_organisations_chooses(organisation, editor, cycle, three):
    from ..factories import MembershipFactory

    second = OrganisationFactory(name="Second organisation")
    MembershipFactory(user=editor, organisation=second, role="editor")
    client = client_for(editor)
    page = client.get(multi_url(cycle, second)).content.decode()
    assert '<select name="organisation"' in page
    data = multi_data(three, **{f"status-{three[0].pk}": Status.INITIAL})
    assert client.post(multi_url(cycle, second), data).status_code == 302
    assert CountryAssessment.objects.get().organisation == second


def test_one_commitment_prefilled_and_evidence_removed(organisation, editor, cycle, three):
    assessment = CountryAssessmentFactory(
        organisation=organisation, cycle=cycle, commitment=three[0], status=Status.INITIAL
    )
    old = EvidenceFactory(assessment=assessment, title="Outdated report")
    client = client_for(editor)
    page = client.get(assess_url(cycle, three[0])).content.decode()
    assert re.search(r'value="initial"[^>]*checked', page)
    assert "Outdated report" in page
    data = {
        "organisation": organisation.pk,
        "status": Status.IN_PROGRESS,
        "narrative": "Now a budget line.",
        "remove_evidence": [str(old.pk)],
        "evidence-0-title": "Budget 2026",
        "evidence-0-url": "https://example.org/budget",
    }
    assert client.post(assess_url(cycle, three[0]), data).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_PROGRESS
    assert [e.title for e in assessment.evidence.all()] == ["Budget 2026"]


def test_a_mechanism_from_the_registry_as_evidence(organisation, editor, cycle, three):
    from ..mechanisms.factories import MechanismFactory

    mechanism = MechanismFactory(name="Kisumu County Health Forum", country_id="KE")
    MechanismFactory(name="Thai National Health Assembly", country_id="TH")
    client = client_for(editor)
    page = client.get(assess_url(cycle, three[0])).content.decode()
    assert "Kisumu County Health Forum" in page
    assert "Thai National Health Assembly" not in page
    data = {
        "organisation": organisation.pk,
        "status": "initial",
        "evidence-0-mechanism": mechanism.pk,
    }
    assert client.post(assess_url(cycle, three[0]), data).status_code == 302
    assert Evidence.objects.get().mechanism == mechanism


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"evidence-0-title": "Report", "evidence-0-url": "not a link"}, "Enter a valid URL."),
        (
            {
                "evidence-0-title": "Report",
                "evidence-0-document": lambda: SimpleUploadedFile("report.pdf", b"<html>"),
            },
            "This kind of file is not accepted.",
        ),
        (
            {
                "evidence-0-title": "Report",
                "evidence-0-document": lambda: SimpleUploadedFile(
                    "big.pdf", PDF + b"0" * (10 * 1024 * 1024)
                ),
            },
            "the limit is 10.0\xa0MB",
        ),
    ],
    ids=["not-a-url", "not-a-document", "over-10-mb"],
)
def test_bad_evidence_on_one_commitment_stores_nothing(
    organisation, editor, cycle, three, evidence, message
):
    data = {"organisation": organisation.pk, "status": "initial"}
    data.update({k: v() if callable(v) else v for k, v in evidence.items()})
    response = client_for(editor).post(assess_url(cycle, three[0]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CountryAssessment.objects.exists()
    assert not Evidence.objects.exists()


def test_a_closed_cycle_shows_no_form_and_refuses_a_post(organisation, editor, three):
    cycle = closed_cycle(name="Review 2020")
    client = client_for(editor)
    page = client.get(assess_url(cycle, three[0])).content.decode()
    assert "The Review 2020 cycle is not open" in page
    assert '<form method="post"' not in page
    country = client.get(reverse("commitments:country", args=["ke"])).content.decode()
    assert multi_url(cycle) not in country and assess_url(cycle, three[0]) not in country
    response = client.post(
        assess_url(cycle, three[0]), {"organisation": organisation.pk, "status": "initial"}
    )
    assert response.status_code == 200
    assert "The Review 2020 cycle is closed" in response.content.decode()
    response = client.post(
        multi_url(cycle), multi_data(three, **{f"status-{three[0].pk}": "initial"})
    )
    assert response.status_code == 200
    assert not CountryAssessment.objects.exists()


def test_an_evidence_document_is_a_download_in_a_sandbox(organisation, editor, cycle, three):
    client = client_for(editor)
    data = {
        "organisation": organisation.pk,
        "status": "initial",
        "evidence-0-title": "Minutes",
        "evidence-0-document": SimpleUploadedFile("Amina - minutes.pdf", PDF),
    }
    client.post(assess_url(cycle, three[0]), data)
    evidence = Evidence.objects.get()
    link = reverse("commitments:evidence_document", args=[evidence.pk])
    page = client.get(assess_url(cycle, three[0])).content.decode()
    assert f'href="{link}"' in page
    download = client_for(None).get(link)
    assert download["Content-Disposition"].startswith("attachment;")
    assert "Amina" not in download["Content-Disposition"]
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content) == PDF


# --- Consolidated assessments ---------------------------------------------------------------
@pytest.fixture
def coalition(organisation):
    Organisation.objects.filter(pk=organisation.pk).update(kind=Organisation.Kind.NETWORK)
    organisation.refresh_from_db()
    return organisation


def test_from_draft_to_published_with_the_email(
    coalition, editor, org_admin, cycle, three, mailoutbox
):
    c1, c2, _c3 = three
    agree, differ = OrganisationFactory(name="Agreeing Org"), OrganisationFactory(name="Other View")
    join(coalition, agree)
    join(coalition, differ)
    for member, status in [(agree, "initial"), (differ, "in_progress")]:
        CountryAssessmentFactory(organisation=member, cycle=cycle, commitment=c1, status=status)
    CountryAssessmentFactory(organisation=agree, cycle=cycle, commitment=c2, status="no_action")
    subscriber("follows-kenya@example.org")

    # An editor opens the draft: it starts from the members' statuses.
    client = client_for(editor)
    response = client.post(
        reverse("commitments:consolidate", args=["ke"]),
        {"coalition": coalition.pk, "cycle": cycle.pk},
    )
    draft = Consolidated.objects.get()
    assert response["Location"] == reverse("commitments:consolidated_edit", args=[draft.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Agreeing Org: Initial steps" in page and "Other View: In progress" in page
    data = {
        "summary": "Slow but real progress.",
        f"status-{c1.pk}": "initial",
        f"note-{c1.pk}": "Only one ministry acted.",
        f"status-{c2.pk}": "no_action",
        f"note-{c2.pk}": "",
    }
    assert client.post(response["Location"], data).status_code == 302

    # The draft is not public and has no publish button for an editor.
    assert client_for(None).get(draft.get_absolute_url()).status_code == 404
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Draft:" in page
    assert reverse("commitments:consolidated_publish", args=[draft.pk]) not in page

    # Its administrator confirms, then publishes.
    admin = client_for(org_admin)
    confirm = admin.get(reverse("commitments:consolidated_publish", args=[draft.pk]))
    assert "1 person who follows Kenya will be told by email." in confirm.content.decode()
    response = admin.post(reverse("commitments:consolidated_publish", args=[draft.pk]))
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["follows-kenya@example.org"]]

    # Everyone sees where members agree and differ.
    page = client_for(None).get(draft.get_absolute_url()).content.decode()
    assert "Slow but real progress." in page
    assert "Only one ministry acted." in page
    row = page[page.index(str(c1)) :]
    row = row[: row.index("</tr>")]
    assert "1 of 2" in row and "Agreeing Org" in row
    assert "Other View: In progress" in row
    row = page[page.index(str(c2)) :]
    row = row[: row.index("</tr>")]
    assert "None: all agree" in row
    assert "Where some differ: 1." in page

    # Published is final.
    response = client.get(reverse("commitments:consolidated_edit", args=[draft.pk]))
    assert response.status_code == 302
    response = admin.post(reverse("commitments:consolidated_publish", args=[draft.pk]))
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_publishing_an_empty_draft_explains_why_not(coalition, org_admin, cycle, mailoutbox):
    draft = ConsolidatedFactory(coalition=coalition, cycle=cycle)
    subscriber("follows-kenya@example.org")
    client = client_for(org_admin)
    url = reverse("commitments:consolidated_publish", args=[draft.pk])
    response = client.post(url, follow=True)
    assert "at least one commitment before publishing" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_published
    assert mailoutbox == []


def test_an_ngo_cannot_be_chosen_as_coalition(organisation, editor, cycle):
    network = OrganisationFactory(kind=Organisation.Kind.NETWORK)
    from ..factories import MembershipFactory

    MembershipFactory(user=editor, organisation=network, role="editor")
    response = client_for(editor).post(
        reverse("commitments:consolidate", args=["ke"]),
        {"coalition": organisation.pk, "cycle": cycle.pk},
    )
    assert response.status_code == 200
    assert not Consolidated.objects.exists()


# --- Feed and export --------------------------------------------------------------------------
def published(cycle, three, **kwargs):
    item = ConsolidatedFactory(
        cycle=cycle, state=Consolidated.State.PUBLISHED, published_at=timezone.now(), **kwargs
    )
    ConsolidatedEntryFactory(consolidated=item, commitment=three[0], status="initial")
    return item


def test_the_atom_feed_of_a_country(cycle, three):
    item = published(cycle, three, coalition__name="Kenya Coalition", summary="Fees <b>rose</b>")
    ConsolidatedFactory(cycle=cycle, coalition__name="Draft Coalition")  # a draft
    published(cycle, three, country_id="TH", coalition__name="Thai Coalition")
    feed_url = reverse("commitments:country_feed", args=["ke"])
    page = client_for(None).get(reverse("commitments:country", args=["ke"])).content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed_url}"' in page
    response = client_for(None).get(feed_url)
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert "Kenya Coalition: Kenya, Review 2100" in xml
    assert f"/en/commitments/consolidated/{item.pk}/" in xml
    assert "Draft Coalition" not in xml and "Thai Coalition" not in xml
    # The summary is text: escaped for HTML, then for XML.
    assert "Fees &amp;lt;b&amp;gt;rose" in xml
    assert client_for(None).get(reverse("commitments:country_feed", args=["zz"])).status_code == 404


def test_the_export_neutralises_formulas(cycle, three):
    other = open_cycle()
    CountryAssessmentFactory(
        cycle=cycle,
        commitment=three[0],
        narrative='=HYPERLINK("http://evil.example","click")',
        organisation__name="@Org",
    )
    CountryAssessmentFactory(cycle=other, commitment=three[0], narrative="Other cycle")
    CountryAssessmentFactory(cycle=cycle, commitment=three[0], country_id="TH", narrative="Thai")
    url = reverse("commitments:export")
    response = client_for(None).get(url, {"format": "csv", "country": "ke", "cycle": cycle.code})
    assert response["Content-Disposition"].startswith('attachment; filename="sauti-country-')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("country,cycle,framework,commitment_number,commitment,organisation")
    assert len(lines) == 2
    assert "'=HYPERLINK" in text and ",'@Org," in text
    assert "Other cycle" not in text and "Thai" not in text

    response = client_for(None).get(url, {"format": "xlsx", "country": "KE"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook["assessments"].iter_rows(values_only=True))
    assert len(rows) == 3  # headers and two cycles
    narratives = {row[rows[0].index("narrative")] for row in rows[1:]}
    assert narratives == {'\'=HYPERLINK("http://evil.example","click")', "Other cycle"}


def test_an_unknown_export_format_is_not_found():
    assert client_for(None).get(reverse("commitments:export"), {"format": "exe"}).status_code == 404


# --- Reading --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/ar/commitments/",
        "/ar/commitments/world/",
        "/ar/commitments/regions/emr/",
        "/ar/commitments/countries/eg/",
        "/ar/commitments/frameworks/wha77/",
        "/ar/commitments/frameworks/wha77/government-capacities/",
    ],
)
def test_pages_in_arabic_are_right_to_left(path):
    response = client_for(None).get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_a_consolidated_page_in_arabic_is_right_to_left(cycle, three):
    item = published(cycle, three)
    html = client_for(None).get(f"/ar/commitments/consolidated/{item.pk}/").content.decode()
    assert 'dir="rtl"' in html


def test_the_country_page_links_to_tracking_and_the_menu_has_commitments():
    html = client_for(None).get(reverse("core:country", args=["ke"])).content.decode()
    assert f'href="{reverse("commitments:country", args=["ke"])}"' in html
    assert f'href="{reverse("commitments:index")}">Commitments</a>' in html


def test_the_country_menu_leads_to_the_country():
    url = reverse("commitments:index")
    response = client_for(None).get(url, {"country": "ke"})
    assert response["Location"] == reverse("commitments:country", args=["ke"])
    response = client_for(None).get(url, {"country": "<script>"})
    assert response.status_code == 200
    assert "Choose a country from the list." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["?cycle=nope&framework=nope&commitment=nope", "?cycle=%E2%80%AE&framework=", ""],
)
def test_unknown_filters_fall_back_to_the_defaults(query):
    default = selectors.default_cycle(selectors.cycles())
    for name, args in (("world", []), ("region", ["afr"])):
        response = client_for(None).get(reverse(f"commitments:{name}", args=args) + query)
        assert response.status_code == 200, name
        assert f'<option value="{default.code}" selected>' in response.content.decode()


def test_the_world_page_shows_every_commitment_and_the_chosen_one_by_region(cycle, three):
    CountryAssessmentFactory(cycle=cycle, commitment=three[0], status="in_progress")
    framework = three[0].framework
    url = reverse("commitments:world")
    html = (
        client_for(None)
        .get(url, {"cycle": cycle.code, "framework": framework.code, "commitment": three[0].code})
        .content.decode()
    )
    assert "<svg" in html and "Show as a table" in html
    assert "By WHO region" in html
    assert "African Region" in html
    assert f"1 of {Country.objects.count()} (" in html  # the chart's words


def test_the_history_page_shows_every_version(organisation, editor, cycle, three):
    client = client_for(editor)
    for status in ("initial", "in_progress"):
        client.post(
            assess_url(cycle, three[0]), {"organisation": organisation.pk, "status": status}
        )
    html = (
        client_for(None)
        .get(reverse("commitments:history", args=["ke", three[0].pk]))
        .content.decode()
    )
    assert html.count("Kisumu Health Rights Forum") >= 2
    assert "First recorded" in html and "In progress" in html and "Initial steps" in html
