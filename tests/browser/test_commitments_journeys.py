"""Journeys through commitments tracking and community scorecards, in English, French and Arabic.

An editor records three statuses for Kenya with evidence; a coalition consolidates
its members' statuses, publishes, and Kenya's subscribers are told by email; an
exercise of community scorecards is recorded step by step, published, and its
small group is withheld from the page and the spreadsheet. Pages are found by
address and form field names; what is checked is what does not depend on the
wording: statuses (their codes, and labels read from the catalogue in the page's
language), numbers, names, links and ``lang``/``dir``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from openpyxl import load_workbook
from playwright.sync_api import Locator, Page, expect

from sauti.accounts.models import Membership, Organisation
from sauti.commitments import scorecard_exports
from sauti.commitments.models import (
    Commitment,
    Consolidated,
    CountryAssessment,
    Cycle,
    Evidence,
    Indicator,
    Scorecard,
    ScorecardItem,
    Status,
)
from sauti.commitments.scorecard_charts import score_text
from sauti.commitments.selectors import status_label
from sauti.core.i18n import country_name
from sauti.core.privacy import disclosure_threshold
from tests.commitments.factories import PDF, CountryAssessmentFactory, join, subscriber
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mechanisms.factories import MechanismFactory

from .helpers import Site, enter_totp, expect_language, sign_in_here

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

CYCLE = "2028"  # the WHA77 cycle open now (migration data); "2026" is closed
EDITOR = "wanjiku@example.org"
ADMIN = "otieno@example.org"
SECRET = "JBSWY3DPEHPK3PXP"  # the coalition administrator's authenticator
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The journey's language (parametrized indirectly); ``reverse`` and the catalogue follow it."""
    with translation.override(request.param):
        yield request.param


def url(site: Site, name: str, *args: object, query: str = "") -> str:
    """The live address of a named URL, in the active language."""
    return site(reverse(name, args=args) + (f"?{query}" if query else ""))


def path(name: str, *args: object) -> str:
    return reverse(f"commitments:{name}", args=args)


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


def cycle_cell(page: Page, commitment: Commitment, cycle: Cycle) -> Locator:
    """A commitment's cell for ``cycle`` in the country's table (one column per cycle)."""
    column = list(Cycle.objects.order_by("year", "code")).index(cycle)
    return page.locator(f"main tr#c{commitment.pk} td").nth(column)


def organisations_text(total: int) -> str:
    return ngettext("%(total)s organisation", "%(total)s organisations", total) % {"total": total}


def evidence_text(total: int) -> str:
    if not total:
        return gettext("no evidence yet")
    return ngettext("%(total)s piece of evidence", "%(total)s pieces of evidence", total) % {
        "total": total
    }


# --- 1. An editor records three statuses with evidence ---------------------------------


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
def test_record_three_statuses_with_evidence_for_kenya(
    new_page: Callable[..., Page], site: Site, language: str, tmp_path: Path
) -> None:
    """A link, a PDF and a mechanism of the registry: the country page counts each."""
    membership = MembershipFactory(
        user=UserFactory(email=EDITOR, display_name="Wanjiku Kamau"),
        organisation__name="Nairobi Health Watch",
        role=Membership.Role.EDITOR,
    )
    organisation = membership.organisation
    committee = MechanismFactory(name="Kibera Health Facility Committee", country_id="KE")
    cycle = Cycle.objects.get(code=CYCLE)
    first, second, third = wha77(3)
    statuses = {
        first: Status.IN_PROGRESS,
        second: Status.INITIAL,
        third: Status.NO_ACTION,
    }
    country_path = path("country", "ke")
    record_path = path("assess_country", "ke", CYCLE)

    # Anonymous: Kenya has no status yet, and nothing invites to record one.
    page = new_page(accept_downloads=True)
    page.goto(site(country_path))
    expect_language(page, language)
    expect(page.locator("main h1")).to_contain_text(country_name("KE"))
    expect(page.locator("main p.notice").first).to_contain_text(country_name("KE"))
    expect(page.locator(f'main a[href="{record_path}"]')).to_have_count(0)
    for commitment in statuses:
        expect(cycle_cell(page, commitment, cycle).locator("strong")).to_have_count(0)

    # Signed in as an editor, the page offers the multi-record page for the open cycle only.
    sign_in_to(page, site, country_path, EDITOR)
    expect(page).to_have_url(site(country_path))
    expect_language(page, language)
    expect(page.locator(f'main a[href="{path("assess_country", "ke", "2026")}"]')).to_have_count(0)
    page.locator(f'main a[href="{record_path}"]').click()
    expect(page).to_have_url(site(record_path))
    expect_language(page, language)
    expect(page.locator("main")).to_contain_text(organisation.name)
    # One row per active commitment; this page gives each a link or a document, not a
    # mechanism (that is on the commitment's own page).
    expect(page.locator('main select[name^="status-"]')).to_have_count(
        Commitment.objects.filter(is_active=True, framework__is_active=True).count()
    )
    expect(page.locator('main [name$="-mechanism"]')).to_have_count(0)

    pdf = tmp_path / "Wanjiku-notes-county-assembly.pdf"
    pdf.write_bytes(PDF)
    page.locator(f"#id_status-{first.pk}").select_option(Status.IN_PROGRESS)
    page.locator(f"#id_narrative-{first.pk}").fill("The ministry drafted a participation policy.")
    page.locator(f"#id_evidence-{first.pk}-title").fill("Draft national participation policy")
    page.locator(f"#id_evidence-{first.pk}-url").fill("https://health.example.go.ke/policy.pdf")
    page.locator(f"#id_status-{second.pk}").select_option(Status.INITIAL)
    page.locator(f"#id_evidence-{second.pk}-title").fill("Minutes of the county health assembly")
    page.locator(f"#id_evidence-{second.pk}-document").set_input_files(pdf)
    page.locator(f"#id_status-{third.pk}").select_option(Status.NO_ACTION)
    page.locator(f"#id_narrative-{third.pk}").fill("No budget line for participation.")
    post_button(page, f"#id_status-{first.pk}").click()

    # Back on the country page: three statuses for 2028, one organisation each.
    expect(page).to_have_url(site(country_path))
    expect_language(page, language)
    expect(success(page)).to_contain_text(organisation.name)
    expect(success(page)).to_contain_text("3")
    expect(page.locator("main p.notice")).to_have_count(0)
    for commitment, status in statuses.items():
        cell = cycle_cell(page, commitment, cycle)
        expect(cell.locator("strong")).to_have_text(status_label(status))
        expect(cell).to_contain_text(organisations_text(1))
        expect(cell).to_contain_text(evidence_text(0 if commitment == third else 1))

    # The third commitment's own page offers Kenya's mechanisms as evidence.
    third_path = path("assess", "ke", CYCLE, third.pk)
    cycle_cell(page, third, cycle).locator(f'a[href="{third_path}"]').click()
    expect(page).to_have_url(site(third_path))
    expect_language(page, language)
    expect(page.locator("main h1")).to_contain_text(str(third.number))
    expect(page.locator(f'input[name=status][value="{Status.NO_ACTION}"]')).to_be_checked()
    expect(page.locator("#id_narrative")).to_have_value("No budget line for participation.")
    page.locator("#id_evidence-0-mechanism").select_option(str(committee.pk))
    post_button(page, "#id_evidence-0-mechanism").click()
    expect(page).to_have_url(site(country_path))
    expect(success(page)).to_be_visible()
    third_cell = cycle_cell(page, third, cycle)
    expect(third_cell.locator("strong")).to_have_text(status_label(Status.NO_ACTION))
    expect(third_cell).to_contain_text(evidence_text(1))

    # Each commitment's page lists its evidence: the link, the document, the mechanism.
    page.goto(site(path("assess", "ke", CYCLE, first.pk)))
    expect(page.locator('main ul a[href="https://health.example.go.ke/policy.pdf"]')).to_have_text(
        "Draft national participation policy"
    )
    page.goto(site(third_path))
    mechanism_path = reverse("mechanisms:detail", args=[committee.pk])
    expect(page.locator(f'main ul a[href="{mechanism_path}"]')).to_have_count(1)
    mechanism_item = page.locator("main ul li", has=page.locator(f'a[href="{mechanism_path}"]'))
    expect(mechanism_item).to_contain_text("Kibera Health Facility Committee")
    # The document comes back as a download under a random name, never the uploader's.
    page.goto(site(path("assess", "ke", CYCLE, second.pk)))
    item = page.locator("main ul li", has_text="Minutes of the county health assembly")
    with page.expect_download() as download:
        item.locator('a[href$="/document/"]').click()
    name = download.value.suggested_filename
    assert re.fullmatch(r"[0-9a-f]{24}\.pdf", name), name
    assert Path(download.value.path()).read_bytes() == PDF

    recorded = {
        a.commitment_id: a
        for a in CountryAssessment.objects.filter(
            organisation=organisation, country_id="KE", cycle=cycle
        )
    }
    assert {pk: a.status for pk, a in recorded.items()} == {
        c.pk: s.value for c, s in statuses.items()
    }
    evidence = {
        e.assessment.commitment_id: e for e in Evidence.objects.select_related("assessment")
    }
    assert evidence[first.pk].url == "https://health.example.go.ke/policy.pdf"
    assert evidence[second.pk].document.name.endswith(name)
    assert evidence[third.pk].mechanism_id == committee.pk
    assert evidence[third.pk].title == "Kibera Health Facility Committee"


# --- 2. A coalition consolidates, publishes, and subscribers are told -------------------


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_a_coalition_publishes_a_consolidated_assessment(
    new_page: Callable[..., Page], site: Site, language: str
) -> None:
    """From members' statuses to a published position, an email, the page and the feed."""
    coalition = OrganisationFactory(
        name="Kenya Health Accountability Coalition", kind=Organisation.Kind.NETWORK
    )
    admin = MembershipFactory(
        user=UserFactory(email=ADMIN, display_name="Otieno Ouma"),
        organisation=coalition,
        role=Membership.Role.ADMIN,
    ).user
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    members = [
        OrganisationFactory(name=name)
        for name in ("Kisumu Health Rights Forum", "Mombasa Patients Voice", "Turkana Health Watch")
    ]
    for member in members:
        join(coalition, member)
    outsider = OrganisationFactory(name="Garissa Independent Monitors")  # not a member
    kisumu, mombasa, turkana = members
    cycle = Cycle.objects.get(code=CYCLE)
    first, second, third = wha77(3)
    recorded = {
        (kisumu, first): Status.IN_PROGRESS,
        (mombasa, first): Status.IN_PROGRESS,
        (turkana, first): Status.IN_PROGRESS,
        (kisumu, second): Status.INITIAL,
        (mombasa, second): Status.INITIAL,
        (turkana, second): Status.IN_PROGRESS,
        (outsider, first): Status.NO_ACTION,
    }
    for (organisation, commitment), status in recorded.items():
        CountryAssessmentFactory(
            organisation=organisation, cycle=cycle, commitment=commitment, status=status
        )
    follower = "achieng@example.org"
    subscriber(follower, countries=("KE",), language="fr")
    subscriber("pending@example.org", countries=("KE",), confirmed=False)
    subscriber("kampala@example.org", countries=("UG",))
    country_path = path("country", "ke")

    # The administrator signs in with a code from the authenticator.
    page = new_page()
    sign_in_to(page, site, country_path, ADMIN)
    expect(page).to_have_url(re.compile(r"/2fa/authenticate/"))
    expect_language(page, language)
    enter_totp(page, SECRET)
    expect(page).to_have_url(site(country_path))
    expect_language(page, language)

    # Start the draft for Kenya, 2028: it starts from what most members recorded.
    page.locator(f'main a[href="{path("consolidate", "ke")}"]').click()
    expect_language(page, language)
    page.locator("#id_coalition").select_option(str(coalition.pk))
    page.locator("#id_cycle").select_option(str(cycle.pk))
    post_button(page, "#id_coalition").click()
    consolidated = Consolidated.objects.get(coalition=coalition, country_id="KE", cycle=cycle)
    edit_path = path("consolidated_edit", consolidated.pk)
    detail_path = path("consolidated", consolidated.pk)
    expect(page).to_have_url(site(edit_path))
    expect_language(page, language)
    expect(page.locator(f"#id_status-{first.pk}")).to_have_value(Status.IN_PROGRESS)
    expect(page.locator(f"#id_status-{second.pk}")).to_have_value(Status.INITIAL)
    expect(page.locator(f"#id_status-{third.pk}")).to_have_value("")
    listed = page.locator(f'main [aria-labelledby="c{second.pk}"] ul li')
    expect(listed).to_have_count(3)
    expect(listed.filter(has_text="Turkana Health Watch")).to_contain_text(
        status_label(Status.IN_PROGRESS)
    )
    expect(page.locator("main")).not_to_contain_text(outsider.name)

    # The coalition weighs its members' views: the second commitment is further along.
    page.locator("#id_summary").fill("Kenya is moving, but counties lag behind.")
    page.locator(f"#id_status-{second.pk}").select_option(Status.IN_PROGRESS)
    page.locator(f"#id_note-{second.pk}").fill("The 2026 Act now funds county forums.")
    post_button(page, "#id_summary").click()
    expect(page).to_have_url(site(detail_path))
    expect(success(page)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Kenya is moving, but counties lag behind.")
    assert not site.mail.messages()

    # Publishing asks first, saying how many commitments and how many followers.
    page.locator(f'main a[href="{path("consolidated_publish", consolidated.pk)}"]').click()
    expect(page).to_have_url(site(path("consolidated_publish", consolidated.pk)))
    expect_language(page, language)
    points = page.locator("main ul:not(.messages) > li")
    expect(points.first).to_have_text(
        ngettext(
            "It gives the coalition's status for %(total)s commitment.",
            "It gives the coalition's status for %(total)s commitments.",
            2,
        )
        % {"total": 2}
    )
    expect(points.nth(2)).to_have_text(
        ngettext(
            "%(total)s person who follows %(name)s will be told by email.",
            "%(total)s people who follow %(name)s will be told by email.",
            1,
        )
        % {"total": 1, "name": country_name("KE")}
    )
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(detail_path))
    expect(success(page)).to_be_visible()
    expect(page.locator(f'main a[href="{edit_path}"]')).to_have_count(0)

    # The confirmed follower of Kenya is told, in French, with a link to the page.
    message = site.mail.latest(to=follower)
    assert coalition.name in message["Subject"], message["Subject"]
    link = site.mail.link(message, detail_path)
    assert link == site(detail_path), link
    body = site.mail.text(message)
    assert f"{second.number}. " in body and status_label(Status.IN_PROGRESS) in body
    assert f"<{site.url}/" in str(message["List-Unsubscribe"])
    assert [str(m["To"]) for m in site.mail.messages()] == [follower]

    # A reader follows the link: where members agree and where they differ.
    reader = new_page()
    reader.goto(link)
    expect_language(reader, language)
    expect(reader.locator("main h1")).to_contain_text(country_name("KE"))
    expect(reader.locator("main")).to_contain_text(
        gettext(
            "Commitments where all members who recorded a status agree with the coalition: "
            "%(agreeing)s. Where some differ: %(differing)s."
        )
        % {"agreeing": 1, "differing": 1}
    )
    rows = reader.locator("main table tbody tr")
    expect(rows).to_have_count(2)
    agreed = rows.filter(has=reader.locator(f'a[href="{first.get_absolute_url()}"]'))
    cells = agreed.locator("td")
    expect(cells.nth(0).locator("strong")).to_have_text(status_label(Status.IN_PROGRESS))
    expect(cells.nth(1)).to_contain_text(gettext("%(n)s of %(total)s") % {"n": 3, "total": 3})
    for member in members:
        expect(cells.nth(1)).to_contain_text(member.name)
    expect(cells.nth(2).locator("li")).to_have_count(0)
    differed = rows.filter(has=reader.locator(f'a[href="{second.get_absolute_url()}"]'))
    cells = differed.locator("td")
    expect(cells.nth(0).locator("strong")).to_have_text(status_label(Status.IN_PROGRESS))
    expect(cells.nth(0)).to_contain_text("The 2026 Act now funds county forums.")
    expect(cells.nth(1)).to_contain_text(gettext("%(n)s of %(total)s") % {"n": 1, "total": 3})
    expect(cells.nth(1)).to_contain_text("Turkana Health Watch")
    expect(cells.nth(2).locator("li")).to_have_text(
        [f"{name}: {status_label(Status.INITIAL)}" for name in (kisumu.name, mombasa.name)]
    )
    expect(reader.locator("main")).not_to_contain_text(outsider.name)

    # Kenya's page shows the coalition's position and lists the assessment.
    reader.goto(site(country_path))
    expect_language(reader, language)
    cell = cycle_cell(reader, second, cycle)
    expect(cell.locator("strong")).to_have_text(status_label(Status.IN_PROGRESS))
    expect(cell).to_contain_text(coalition.name)
    expect(cell.locator(f'a[href="{detail_path}"]')).to_have_count(1)
    expect(reader.locator(f'main li a[href="{detail_path}"]')).to_contain_text(coalition.name)

    # The country's Atom feed lists it, linking to the page.
    feed_link = reader.locator('head link[rel=alternate][type="application/atom+xml"]')
    feed_path = path("country_feed", "ke")
    expect(feed_link).to_have_attribute("href", feed_path)
    response = reader.request.get(site(feed_path))
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())  # noqa: S314 (our own feed)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1, response.text()
    assert coalition.name in entries[0].findtext(f"{ATOM}title")
    assert entries[0].find(f"{ATOM}link").get("href") == site(detail_path)
    assert "Kenya is moving" in entries[0].findtext(f"{ATOM}summary")

    consolidated.refresh_from_db()
    assert consolidated.state == Consolidated.State.PUBLISHED
    snapshot = consolidated.entries.get(commitment=second).member_statuses
    assert snapshot == {
        str(kisumu.pk): Status.INITIAL,
        str(mombasa.pk): Status.INITIAL,
        str(turkana.pk): Status.IN_PROGRESS,
    }


# --- 3. A community scorecard, its small group withheld ---------------------------------

WOMEN, YOUTH = ("Women", 12), ("Youth", 4)
LIBRARY = ("reasonable-waiting-times", "respectful-treatment")
CUSTOM = "Medicines on the shelf match the stock card"
# Per indicator, in the exercise's order (library by code, then the custom one):
# (Women's score, reasons), (Youth's score, reasons), (self-assessment, reasons).
SCORES = [
    ((2, "Queues from six in the morning"), (1, "YOUTH-SECRET queues"), (4, "Two new nurses")),
    ((4, "Nurses greet us by name"), (5, "YOUTH-SECRET respect"), (5, "Training in 2025")),
    ((3, "Often out of amoxicillin"), (2, "YOUTH-SECRET stock"), (4, "Orders are late")),
]


def _score_grid(page: Page, items: list[ScorecardItem], scores: list[tuple[int, str]]) -> None:
    for item, (score, reasons) in zip(items, scores, strict=True):
        page.locator(f'input[name="score_{item.pk}"][value="{score}"]').check()
        page.locator(f"#id_reasons_{item.pk}").fill(reasons)
    post_button(page, f"#id_reasons_{items[0].pk}").click()


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
def test_a_scorecard_withholds_its_small_group(
    new_page: Callable[..., Page], site: Site, language: str, tmp_path: Path
) -> None:
    """Every step of an exercise; in public, the 4-person group's scores are nowhere."""
    organisation = MembershipFactory(
        user=UserFactory(email=EDITOR, display_name="Wanjiku Kamau"),
        organisation__name="Kisumu Health Rights Forum",
        role=Membership.Role.EDITOR,
    ).organisation
    cycle = Cycle.objects.get(code=CYCLE)
    threshold = disclosure_threshold()
    assert YOUTH[1] < threshold <= WOMEN[1]

    # From the list of scorecards to the first step.
    page = new_page()
    list_path = path("scorecard_list")
    sign_in_to(page, site, list_path, EDITOR)
    expect(page).to_have_url(site(list_path))
    page.locator(f'main a[href="{path("scorecard_create")}"]').click()
    expect_language(page, language)
    expect(page.locator("#id_organisation")).to_have_value(str(organisation.pk))
    expect(page.locator("#id_country")).to_have_value("KE")
    page.locator("#id_place_kind").select_option(Scorecard.PlaceKind.FACILITY)
    page.locator("#id_place_name").fill("Kondele Health Centre")
    page.locator("#id_held_on").fill("2026-10-14")
    page.locator("#id_facilitators").fill("Kisumu Health Rights Forum volunteers")
    page.locator("#id_cycle").select_option(str(cycle.pk))
    post_button(page, "#id_place_name").click()

    # Participant groups: 12 women, 4 young people.
    expect(page).to_have_url(re.compile(r"/scorecards/\d+/groups/$"))
    expect_language(page, language)
    scorecard = Scorecard.objects.get(place_name="Kondele Health Centre")
    expect(page.locator("main p.notice").last).to_contain_text(str(threshold))
    for index, (label, size) in enumerate((WOMEN, YOUTH)):
        page.locator(f"#id_groups-{index}-label").fill(label)
        page.locator(f"#id_groups-{index}-size").fill(str(size))
    page.locator("main form button[type=submit]:not([name=next])").click()

    # Indicators: two from the library, one written for this exercise.
    expect(page).to_have_url(site(path("scorecard_indicators", scorecard.pk)))
    expect_language(page, language)
    for code in LIBRARY:
        indicator = Indicator.objects.get(code=code)
        page.locator(f'input[name=library][value="{indicator.pk}"]').check()
    page.locator("#id_custom-0-text").fill(CUSTOM)
    post_button(page, "#id_custom-0-text").click()

    women, youth = scorecard.groups.order_by("id")
    items = list(scorecard.items.order_by("order", "id"))
    assert [item.indicator.code if item.indicator else item.text for item in items] == [
        *LIBRARY,
        CUSTOM,
    ]

    # Each group's scores; the small group is told its scores stay private.
    expect(page).to_have_url(site(path("scorecard_scores", scorecard.pk, women.pk)))
    expect_language(page, language)
    expect(page.locator("main h1")).to_contain_text("Women")
    _score_grid(page, items, [row[0] for row in SCORES])
    expect(page).to_have_url(site(path("scorecard_scores", scorecard.pk, youth.pk)))
    expect(page.locator("main h1")).to_contain_text("Youth")
    expect(page.locator("main p.notice").last).to_contain_text(str(threshold))
    _score_grid(page, items, [row[1] for row in SCORES])

    # The provider's self-assessment, the interface meeting, one action.
    expect(page).to_have_url(site(path("scorecard_self_assessment", scorecard.pk)))
    expect_language(page, language)
    _score_grid(page, items, [row[2] for row in SCORES])
    expect(page).to_have_url(site(path("scorecard_interface", scorecard.pk)))
    page.locator("#id_outcome").fill("Both sides agreed the queues are the first problem.")
    post_button(page, "#id_outcome").click()
    expect(page).to_have_url(site(path("scorecard_actions", scorecard.pk)))
    page.locator("#id_actions-0-action").fill("Open a second triage desk")
    page.locator("#id_actions-0-responsible").fill("Facility in-charge")
    page.locator("#id_actions-0-due_on").fill("2027-03-31")
    page.locator("main form button[type=submit]:not([name=next])").click()

    # The review page; the editor publishes.
    detail_path = path("scorecard", scorecard.pk)
    expect(page).to_have_url(site(detail_path))
    expect_language(page, language)
    publish = page.locator(f'main form[action="{path("scorecard_publish", scorecard.pk)}"]')
    publish.locator('button[name=publish][value="yes"]').click()
    expect(page).to_have_url(site(detail_path))
    expect(success(page)).to_contain_text(str(threshold))
    expect(publish.locator('button[name=publish][value="no"]')).to_be_visible()
    # What the organisation keeps: everything, the small group's reasons included.
    page.goto(site(path("scorecard_full", scorecard.pk)))
    expect(page.locator("main")).to_contain_text("YOUTH-SECRET respect")

    # Anyone: the 12 women's scores and reasons; of the youth, only that they were there.
    visitor = new_page(accept_downloads=True)
    visitor.goto(site(detail_path))
    expect_language(visitor, language)
    main = visitor.locator("main")
    expect(main.locator("h1")).to_have_text("Kondele Health Centre")
    expect(main).not_to_contain_text("YOUTH-SECRET")
    expect(main.locator("form button[name=publish]")).to_have_count(0)
    tables = main.locator("h3 + .table-wrap table")
    expect(tables).to_have_count(len(items))
    for index, (women_row, _youth_row, self_row) in enumerate(SCORES):
        rows = tables.nth(index).locator("tbody tr")
        expect(rows).to_have_count(4)  # Women, Youth, the average, the self-assessment
        expect(rows.nth(0).locator("th")).to_have_text("Women")
        expect(rows.nth(0).locator("td")).to_have_text(
            [str(WOMEN[1]), str(women_row[0]), women_row[1]]
        )
        expect(rows.nth(1).locator("th")).to_have_text("Youth")
        withheld = rows.nth(1).locator("td")
        expect(withheld).to_have_count(2)
        expect(withheld.nth(0)).to_contain_text(str(threshold))
        expect(withheld.nth(0)).not_to_contain_text(str(YOUTH[1]))
        expect(withheld.nth(1)).to_have_attribute("colspan", "2")
        # The average counts the women only: their own score, over 12 people.
        average = rows.nth(2).locator("td")
        expect(average.nth(0)).to_have_text(str(WOMEN[1]))
        expect(average.nth(1)).to_have_text(floatformat(women_row[0], 1))
        expect(rows.nth(3).locator("td").nth(1)).to_have_text(str(self_row[0]))
        expect(rows.nth(3).locator("td").nth(2)).to_have_text(self_row[1])
    # The chart's table: the participants' average is the women's score, beside the provider's.
    chart_rows = main.locator("details.chart-table tbody tr")
    expect(chart_rows).to_have_count(len(items))
    for index, (women_row, _youth_row, self_row) in enumerate(SCORES):
        expect(chart_rows.nth(index).locator("td")).to_have_text(
            [score_text(women_row[0]), score_text(self_row[0])]
        )
    expect(main).to_contain_text("Both sides agreed the queues are the first problem.")
    expect(main).to_contain_text("Open a second triage desk")

    # The spreadsheet holds the same: the youth's row says "withheld", and nothing else.
    export = main.locator(f'a[href="{path("scorecard_export", scorecard.pk)}?format=xlsx"]')
    with visitor.expect_download() as download:
        export.click()
    name = download.value.suggested_filename
    assert re.fullmatch(rf"sauti-scorecard-{scorecard.pk}-\d{{4}}-\d\d-\d\d\.xlsx", name), name
    target = tmp_path / name
    download.value.save_as(target)
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["scores", "actions", "about"]
    header, *rows = list(workbook["scores"].iter_rows(values_only=True))
    assert list(header) == list(scorecard_exports.SCORE_HEADERS)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    by_group = {
        group: [r for r in records if r["row"] == "group" and r["group"] == group]
        for group in ("Women", "Youth")
    }
    assert [(r["people"], r["withheld"], r["score"], r["reasons"]) for r in by_group["Women"]] == [
        (WOMEN[1], False, score, reasons) for (score, reasons), _y, _s in SCORES
    ]
    assert [(r["people"], r["withheld"], r["score"], r["reasons"]) for r in by_group["Youth"]] == [
        (f"<{threshold}", True, None, None) for _row in SCORES
    ]
    averages = [r["score"] for r in records if r["row"] == "average_of_groups_shown"]
    assert averages == [women_row[0] for women_row, _y, _s in SCORES]
    assert records[-1]["indicator"] == CUSTOM
    everything = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert not [value for value in everything if "YOUTH-SECRET" in value]
    actions = list(workbook["actions"].iter_rows(values_only=True))
    assert actions[1][:2] == ("Open a second triage desk", "Facility in-charge")
