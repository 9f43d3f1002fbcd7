"""The gap analysis pages: the world, a WHO region and a country."""

from __future__ import annotations

import gzip
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ..conftest import client_for
from ..core.test_content_security import problems_in
from ..permissions import ROLES, user_for
from .factories import AssessmentFactory, MechanismFactory

pytestmark = pytest.mark.django_db

GLOBAL = "/{lang}/mechanisms/gaps/"
REGION = "/{lang}/mechanisms/gaps/regions/afr/"
COUNTRY = "/{lang}/mechanisms/gaps/countries/ke/"
PAGES = [GLOBAL, REGION, COUNTRY]


def places_table(html: str) -> str:
    """The table of countries (region page) or regions (global page)."""
    return html.split('id="gaps-places"', 1)[1].split("</section>", 1)[0]


def get(url: str, client: Client | None = None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def kenya_mechanisms():
    """Six visible mechanisms in Kenya (budget: 3 yes, 1 no, 2 not known), one hidden."""
    for index, answer in enumerate((True, True, True, False, None, None)):
        mechanism = MechanismFactory(
            has_budget=answer,
            legal_basis="law" if index < 2 else "",
            kind="council" if index < 4 else "forum",
            constituencies=["women"],
        )
        if index == 0:
            AssessmentFactory(mechanism=mechanism)
    MechanismFactory(
        name="Hidden committee",
        has_budget=True,
        kind="assembly",
        constituencies=["hiv"],
        hidden_at=timezone.now(),
    )


def test_the_urls_are_named_in_the_mechanisms_namespace():
    assert reverse("mechanisms:gaps_global") == "/en/mechanisms/gaps/"
    assert reverse("mechanisms:gaps_region", args=["afr"]) == REGION.format(lang="en")
    assert reverse("mechanisms:gaps_country", args=["ke"]) == COUNTRY.format(lang="en")


def test_country_page_shows_shares_over_known_answers_and_the_unknowns(kenya_mechanisms):
    html = get(COUNTRY.format(lang="en"))

    assert "Gap analysis for Kenya" in html
    assert "These figures describe the 6 participation mechanisms recorded here." in html
    assert "1 of them has been assessed." in html
    row = re.search(r"<tr><th scope=\"row\">Dedicated budget</th>(.*?)</tr>", html).group(1)
    assert "<td>3 of 4 known (75%)</td>" in row
    assert '<a href="/en/mechanisms/?country=KE&amp;has_budget=yes">3</a>' in row
    assert '<a href="/en/mechanisms/?country=KE&amp;has_budget=no">1</a>' in row
    assert '<a href="/en/mechanisms/?country=KE&amp;has_budget=unknown">2</a>' in row
    legal = re.search(r"<tr><th scope=\"row\">Legal basis</th>(.*?)</tr>", html).group(1)
    assert "<td>2 of 2 known (100%)</td>" in legal


def test_questions_with_no_known_answer_are_in_the_table_not_the_chart(kenya_mechanisms):
    html = get(COUNTRY.format(lang="en"))
    chart = html.split('id="gaps-facts"', 1)[1].split("<table>", 1)[0]

    assert "Dedicated budget" in chart
    assert "Executive secretariat" not in chart  # never known in Kenya: "0 of 0" says nothing
    assert '<tr><th scope="row">Executive secretariat</th><td>No answer known</td>' in html
    assert "No stage of the policy cycle is known for these mechanisms." in html


def test_hidden_mechanisms_are_not_counted_anywhere(kenya_mechanisms):
    for page in PAGES:
        html = get(page.format(lang="en"))
        assert "6 participation mechanisms" in html
        assert "Hidden committee" not in html
        assert "kind=assembly" not in html  # no hidden assembly to link to
        assert "constituency=hiv" not in html


def test_country_page_links_each_figure_to_the_filtered_list(kenya_mechanisms):
    html = get(COUNTRY.format(lang="en"))

    assert 'href="/en/mechanisms/?country=KE"' in html
    assert 'href="/en/mechanisms/?country=KE&amp;kind=council"' in html
    assert 'href="/en/mechanisms/?country=KE&amp;level=district"' in html
    assert 'href="/en/mechanisms/?country=KE&amp;constituency=women"' in html
    assert 'href="/en/mechanisms/?country=KE&amp;kind=panel"' not in html  # nothing to show


def test_country_page_shows_what_is_missing_and_the_scores(kenya_mechanisms):
    html = get(COUNTRY.format(lang="en"))

    assert "What is missing" in html
    assert "Capacity building averages only 0.0 out of 3 in the latest assessments." in html
    assert "No mechanism is recorded as representing these groups:" in html
    assert "Average score on each dimension (0 to 3)" in html
    assert "Legal foundation" in html


def test_a_country_with_nothing_recorded_has_a_friendly_empty_state():
    MechanismFactory(country_id="NG")

    html = get(COUNTRY.format(lang="en"))

    assert "No participation mechanism in Kenya has been recorded yet" in html
    assert 'href="/en/mechanisms/new/?country=KE"' in html
    assert "What is missing" not in html
    assert "<svg" not in html


@pytest.mark.parametrize("page", [GLOBAL, REGION])
def test_world_and_region_with_nothing_recorded(page):
    html = get(page.format(lang="en"))

    assert "has been recorded yet, so there is nothing to analyse." in html
    assert 'class="choropleth"' not in html


@pytest.mark.parametrize(
    "url",
    [
        "/en/mechanisms/gaps/countries/zz/",
        "/en/mechanisms/gaps/countries/ken/",
        "/en/mechanisms/gaps/countries/%C3%A9/",
        "/en/mechanisms/gaps/regions/xyz/",
        "/en/mechanisms/gaps/regions/afrx/",
    ],
)
def test_an_unknown_code_is_not_found(url):
    assert Client().get(url).status_code == 404


def test_codes_are_accepted_in_either_case(kenya_mechanisms):
    assert Client().get("/en/mechanisms/gaps/countries/KE/").status_code == 200
    assert Client().get("/en/mechanisms/gaps/regions/AFR/").status_code == 200


def map_image(html: str, client: Client | None = None) -> tuple[str, object]:
    """The address of the page's map image, and the response that serves it."""
    found = re.search(r'<img class="map" src="([^"]+)"', html)
    assert found is not None, "no map image on the page"
    src = found.group(1).replace("&amp;", "&")
    return src, (client or Client()).get(src)


@pytest.mark.parametrize("url", [GLOBAL, REGION])
def test_the_map_is_a_cacheable_image_and_its_table_links_each_country(kenya_mechanisms, url):
    html = get(url.format(lang="en"))

    assert 'class="choropleth"' in html
    assert "<summary>Show as a table</summary>" in html
    assert '<a href="/en/mechanisms/gaps/countries/ke/">' in html
    src, image = map_image(html)
    assert src.startswith("/en/mechanisms/gaps/map.svg")
    assert image.status_code == 200
    assert image["Content-Type"].startswith("image/svg+xml")
    assert "public" in image["Cache-Control"]
    svg = image.content.decode()
    assert svg.startswith("<?xml")
    assert "<title>Kenya: 6</title>" in svg
    # Inside an <img> a link could not be followed: the map has none.
    assert "<a " not in svg


def test_the_region_map_shades_only_the_region(kenya_mechanisms):
    _src, image = map_image(get(REGION.format(lang="en")))
    svg = image.content.decode()

    assert "<title>Kenya: 6</title>" in svg
    assert "<title>France: No mechanism recorded</title>" in svg


def test_the_map_of_an_unknown_region_is_not_found(kenya_mechanisms):
    assert Client().get("/en/mechanisms/gaps/map.svg?region=XYZ").status_code == 404


def test_the_map_speaks_the_readers_language(kenya_mechanisms):
    _src, image = map_image(get(GLOBAL.format(lang="fr")))

    assert "<title>Kenya : 6</title>" in image.content.decode()


@pytest.mark.parametrize(
    ("indicator", "title", "value"),
    [
        ("count", "Kenya: 6", "6"),
        ("legal", "Kenya: 100%", "100%"),
        ("budget", "Kenya: 75%", "75%"),
        ("score", "Kenya: 1.2", "1.2"),
    ],
)
def test_each_indicator_shades_the_map(kenya_mechanisms, indicator, title, value):
    html = get(GLOBAL.format(lang="en") + f"?indicator={indicator}")

    assert f'<option value="{indicator}" selected>' in html
    _src, image = map_image(html)
    assert f"<title>{title}</title>" in image.content.decode()


@pytest.mark.parametrize("junk", ["junk", "", "<script>", "count%00"])
def test_a_junk_indicator_falls_back_to_the_number_of_mechanisms(kenya_mechanisms, junk):
    html = get(GLOBAL.format(lang="en") + f"?indicator={junk}")

    assert '<option value="count" selected>' in html
    assert "<script>" not in html
    svg = Client().get(f"/en/mechanisms/gaps/map.svg?indicator={junk}").content.decode()
    assert "<title>Kenya: 6</title>" in svg
    assert "<script>" not in svg


def test_region_page_lists_its_countries_with_counts(kenya_mechanisms):
    MechanismFactory(country_id="NG", has_budget=False)

    html = get(REGION.format(lang="en"))

    assert "Gap analysis for the African Region" in html
    assert "7 participation mechanisms" in html
    places = places_table(html)
    kenya = re.search(
        r'<tr><th scope="row"><a href="/en/mechanisms/gaps/countries/ke/">Kenya'
        r"</a></th>(.*?)</tr>",
        places,
    ).group(1)
    assert kenya == (
        '<td><a href="/en/mechanisms/?country=KE">6</a></td><td>100%</td><td>75%</td><td>1.2</td>'
    )
    assert '<a href="/en/mechanisms/gaps/countries/ng/">Nigeria</a>' in places
    assert '<a href="/en/mechanisms/gaps/countries/gh/">Ghana</a></th><td>0</td>' in places


def test_global_page_lists_the_regions(kenya_mechanisms):
    places = places_table(get(GLOBAL.format(lang="en")))

    assert '<a href="/en/mechanisms/gaps/regions/afr/">African Region</a>' in places
    assert '<a href="/en/mechanisms/?region=AFR">6</a>' in places
    assert '<a href="/en/mechanisms/gaps/regions/eur/">European Region</a></th><td>0</td>' in places


def test_global_table_of_regions_shows_the_chosen_indicator(kenya_mechanisms):
    places = places_table(get(GLOBAL.format(lang="en") + "?indicator=budget"))

    assert '<th scope="col">Share with a dedicated budget</th>' in places
    assert '<a href="/en/mechanisms/?region=AFR">6</a></td><td>75%</td>' in places
    assert "</th><td>0</td><td>–</td>" in places


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("page", PAGES)
def test_pages_render_in_every_language(kenya_mechanisms, lang, page):
    html = get(page.format(lang=lang))

    assert f'<html lang="{lang}"' in html
    assert ('dir="rtl"' in html) == (lang == "ar")
    assert f'href="/{lang}/mechanisms/?' in html


def test_arabic_charts_are_mirrored(kenya_mechanisms):
    html = get(COUNTRY.format(lang="ar"))

    assert 'direction="rtl"' in html
    assert "كينيا" in html


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_everyone_may_read_the_gap_pages(request, kenya_mechanisms, role, page):
    client = client_for(user_for(request, role))

    assert client.get(page.format(lang="en")).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_no_inline_script_or_style(kenya_mechanisms, page):
    assert problems_in(get(page.format(lang="en"))) == []


@pytest.mark.parametrize(("page", "most"), [(COUNTRY, 8), (REGION, 8), (GLOBAL, 8)])
def test_the_number_of_queries_does_not_grow_with_the_data(
    django_assert_max_num_queries, page, most
):
    url = page.format(lang="en")
    MechanismFactory(has_budget=True, constituencies=["women"])
    Client().get(url)  # warm caches (content types, translations)
    with django_assert_max_num_queries(most) as few:
        get(url)
    for index in range(25):
        mechanism = MechanismFactory(
            country_id="KE" if index % 2 else "NG",
            has_budget=index % 3 == 0,
            constituencies=["women", "youth"],
        )
        AssessmentFactory(mechanism=mechanism)
    with django_assert_max_num_queries(most) as many:
        get(url)
    assert len(many) == len(few)


@pytest.mark.parametrize(("page", "budget"), [(COUNTRY, 12), (REGION, 40), (GLOBAL, 40)])
def test_pages_stay_light(kenya_mechanisms, page, budget):
    """DESIGN.md: the first response fits in 14 KB compressed (with the 1.7 KB stylesheet),
    a whole page in 60 KB; the map alone is about 13 KB."""
    response = Client().get(page.format(lang="ar"))

    assert len(gzip.compress(response.content)) < budget * 1024
