"""Every main page: accessible (axe-core), self-contained, usable without JavaScript, narrow."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Request, expect

from sauti.accounts.models import Organisation
from tests.factories import OrganisationFactory

from .helpers import Site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ORGANISATION = "/en/organisations/kisumu-health-rights/"
MAIN_PAGES = [
    "/en/",
    "/en/organisations/",
    ORGANISATION,
    "/en/countries/",
    "/en/countries/KE/",
    "/en/regions/AFR/",
    "/en/subscribe/",
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/ar/",
]
BLOCKING = {"serious", "critical"}


@pytest.fixture
def directory(site: Site) -> Site:
    """A directory with enough in it for the pages to show cards, lists and links."""
    kisumu = OrganisationFactory(
        name="Kisumu Health Rights Forum",
        slug="kisumu-health-rights",
        acronym="KHRF",
        kind=Organisation.Kind.NETWORK,
        website="https://khrf.example.org",
        public_email="info@khrf.example.org",
        description="A coalition of community groups around Lake Victoria.\n\nFounded 2009.",
    )
    kisumu.regions.set(["AFR"])
    kisumu.countries.set(["KE", "UG", "TZ"])
    kisumu.constituencies.set(["youth", "hiv"])
    OrganisationFactory(
        name="Asociación Latinoamericana de Salud Comunitaria y Participación Social",
        country_id="PE",
        level=Organisation.Level.REGIONAL,
    )
    OrganisationFactory(name="الشبكة العربية للصحة المجتمعية", country_id="EG")
    return site


def _blocking_violations(page: Page) -> list[dict]:
    violations = Axe().run(page).response["violations"]
    return [v for v in violations if v["impact"] in BLOCKING]


def _describe(violations: list[dict]) -> str:
    return json.dumps(
        [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [
                    {"target": n["target"], "summary": n.get("failureSummary", "")}
                    for n in v["nodes"][:5]
                ],
            }
            for v in violations
        ],
        indent=2,
        ensure_ascii=False,
    )


@pytest.mark.browser
def test_main_pages_have_no_serious_accessibility_violations(
    new_page: Callable[..., Page], directory: Site
) -> None:
    page = new_page()
    found: dict[str, list[dict]] = {}
    for path in MAIN_PAGES:
        response = page.goto(directory(path))
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        if violations := _blocking_violations(page):
            found[path] = violations
    report = "\n".join(f"{path}:\n{_describe(v)}" for path, v in found.items())
    assert not found, f"axe-core found serious or critical violations:\n{report}"


@pytest.mark.browser
def test_language_menu_is_accessible_when_open(
    new_page: Callable[..., Page], directory: Site
) -> None:
    """The open language list sits over the page: its links must stay readable."""
    page = new_page()
    page.goto(directory("/en/"))
    page.get_by_role("banner").get_by_text("Language", exact=True).click()
    expect(page.get_by_role("link", name="Français")).to_be_visible()
    violations = _blocking_violations(page)
    assert not violations, _describe(violations)


@pytest.mark.browser
def test_main_pages_load_nothing_from_another_origin(
    new_page: Callable[..., Page], directory: Site
) -> None:
    """No CDN, web font, analytics or other third party: every request stays on Sauti.

    The console stays clean too: a Content-Security-Policy violation (an inline
    style or script slipping into a template) is reported there as an error.
    """
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    stylesheet_statuses: dict[str, int] = {}

    def note_stylesheet(request: Request) -> None:
        if request.resource_type == "stylesheet" and (response := request.response()):
            stylesheet_statuses[request.url] = response.status

    page.on("requestfinished", note_stylesheet)
    foreign: dict[str, list[str]] = {}
    for path in MAIN_PAGES:
        requested.clear()
        page.goto(directory(path), wait_until="networkidle")
        assert requested, f"{path}: no request recorded"
        if outside := [url for url in requested if not url.startswith(directory.url + "/")]:
            foreign[path] = outside
        assert not errors, f"{path}: console errors {errors}"
        # The stylesheet is self-hosted and really applied (not just referenced).
        expect(page.locator(".top")).to_have_css("display", "flex")
    assert not foreign, f"Requests to another origin: {json.dumps(foreign, indent=2)}"
    assert stylesheet_statuses, "No stylesheet was loaded"
    assert all(url.startswith(directory("/static/")) for url in stylesheet_statuses)
    assert set(stylesheet_statuses.values()) == {200}, stylesheet_statuses


@pytest.mark.browser
def test_directory_works_without_javascript(new_page: Callable[..., Page], directory: Site) -> None:
    """Search and filters are a plain GET form: no script is needed to use them."""
    page = new_page(java_script_enabled=False)
    page.goto(directory("/en/"))
    page.get_by_role("link", name="Find organisations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisations")
    expect(page.get_by_role("status")).to_have_text("3 organisations")

    page.get_by_label("Search").fill("Kisumu")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"/en/organisations/\?.*q=Kisumu"))
    expect(page.get_by_role("status")).to_contain_text("1 organisation")
    expect(page.get_by_role("link", name="Kisumu Health Rights Forum")).to_be_visible()

    page.get_by_role("link", name="Clear filters").click()
    expect(page.get_by_role("status")).to_have_text("3 organisations")

    # The language menu is a <details>: it opens without script too.
    page.get_by_role("banner").get_by_text("Language", exact=True).click()
    page.get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/en/", "/en/organisations/", "/ar/organisations/"])
def test_no_horizontal_scroll_at_320_px(
    new_page: Callable[..., Page], directory: Site, path: str
) -> None:
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(directory(path))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{path} is {scroll_width}px wide at a 320px viewport"
