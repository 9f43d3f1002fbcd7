"""The registry list: full-text search, filters, sort and pagination."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sauti.mechanisms.models import Mechanism

from ..conftest import client_for
from ..factories import OrganisationFactory
from .factories import AssessmentFactory, MechanismFactory

NAME = re.compile(
    r'<h3 dir="auto"><a href="/\w+(?:-\w+)?/mechanisms/\d+/" lang="[\w-]+">(.*?)</a></h3>'
)


def names(response) -> list[str]:
    assert response.status_code == 200
    return [unescape(name) for name in NAME.findall(response.content.decode())]


def listed(query: str = "", language: str = "en") -> list[str]:
    with translation.override(language):
        url = reverse("mechanisms:list")
    return names(client_for(None).get(f"{url}?{query}" if query else url))


@pytest.fixture
def registry(db):
    """Four mechanisms in four countries and three regions."""
    return {
        "kisumu": MechanismFactory(
            name="Kisumu County Health Forum",
            description="Residents meet the county health team every quarter.",
            country_id="KE",
            kind=Mechanism.Kind.FORUM,
            level=Mechanism.Level.REGIONAL,
            legal_basis=Mechanism.LegalBasis.LAW,
            year_established=2014,
            has_budget=True,
            constituencies=["women", "youth"],
        ),
        "porto": MechanismFactory(
            name="Conselho Municipal de Saúde de Porto Alegre",
            description="Reúne-se todos os meses com o secretário de saúde.",
            original_language="pt",
            country_id="BR",
            kind=Mechanism.Kind.COUNCIL,
            level=Mechanism.Level.MUNICIPAL,
            legal_basis=Mechanism.LegalBasis.LAW,
            year_established=1992,
            has_budget=False,
            constituencies=["hiv"],
        ),
        "thailand": MechanismFactory(
            name="National Health Assembly",
            country_id="TH",
            kind=Mechanism.Kind.ASSEMBLY,
            level=Mechanism.Level.NATIONAL,
            legal_basis=Mechanism.LegalBasis.DECREE,
            year_established=2008,
            has_budget=None,
        ),
        "dakar": MechanismFactory(
            name="Comité de développement sanitaire de Dakar",
            description="Les membres reçoivent une indemnité de transport.",
            original_language="fr",
            country_id="SN",
            kind=Mechanism.Kind.COMMITTEE,
            level=Mechanism.Level.COMMUNITY,
            legal_basis=Mechanism.LegalBasis.NONE,
            has_budget=None,
        ),
    }


ALL = {
    "Kisumu County Health Forum",
    "Conselho Municipal de Saúde de Porto Alegre",
    "National Health Assembly",
    "Comité de développement sanitaire de Dakar",
}


def test_lists_every_visible_mechanism_in_its_original_language(registry):
    response = client_for(None).get(reverse("mechanisms:list"))
    assert set(names(response)) == ALL
    page = response.content.decode()
    assert "4 mechanisms" in page
    assert 'lang="pt">Conselho Municipal' in page
    assert "Clear filters" not in page


def test_list_shows_the_readers_language_when_translated(registry):
    kisumu = registry["kisumu"]
    kisumu.set_current_language("fr")
    kisumu.name = "Forum de santé du comté de Kisumu"
    kisumu.save()
    assert "Forum de santé du comté de Kisumu" in listed(language="fr")
    assert "Kisumu County Health Forum" in listed(language="en")


# --- Search -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("forum", {"Kisumu County Health Forum"}),
        ("HEALTH ASSEMBLY", {"National Health Assembly"}),
        ("county health team", {"Kisumu County Health Forum"}),  # in the description
        ("secretário", {"Conselho Municipal de Saúde de Porto Alegre"}),
        ("indemnité", {"Comité de développement sanitaire de Dakar"}),
        ("  dakar  ", {"Comité de développement sanitaire de Dakar"}),
        ("nothing like this", set()),
        ("%", set()),
        ("_", set()),
    ],
)
def test_search_names_and_descriptions(registry, q, expected):
    assert set(listed(f"q={q}")) == expected


def test_search_finds_a_translation_while_browsing_in_another_language(registry):
    kisumu = registry["kisumu"]
    kisumu.set_current_language("fr")
    kisumu.name = "Forum de santé du comté de Kisumu"
    kisumu.description = "Les habitants rencontrent l'équipe sanitaire chaque trimestre."
    kisumu.save()
    # Browsing in English, a French word of the French description finds it,
    # and it is listed under its English name.
    assert listed("q=trimestre") == ["Kisumu County Health Forum"]
    assert listed("q=trimestre", language="ar") == ["Kisumu County Health Forum"]


def test_empty_search_says_so(registry):
    page = client_for(None).get(reverse("mechanisms:list") + "?q=zzzz").content.decode()
    assert "No mechanism matches these filters." in page
    assert "0 mechanisms" in page
    assert "Clear filters" in page


def test_long_or_odd_search_does_not_fail(registry):
    for q in ("x" * 5000, "\x00", "'; DROP TABLE mechanisms_mechanism; --", "<script>"):
        response = client_for(None).get(reverse("mechanisms:list"), {"q": q})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main", 1)[-1]


# --- Filters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=KE", {"Kisumu County Health Forum"}),
        ("country=ke", {"Kisumu County Health Forum"}),
        ("country=FR", set()),  # a real country with nothing recorded
        (
            "region=AFR",
            {"Kisumu County Health Forum", "Comité de développement sanitaire de Dakar"},
        ),
        ("region=sear", {"National Health Assembly"}),
        ("kind=council", {"Conselho Municipal de Saúde de Porto Alegre"}),
        ("level=community", {"Comité de développement sanitaire de Dakar"}),
        (
            "legal_basis=law",
            {"Kisumu County Health Forum", "Conselho Municipal de Saúde de Porto Alegre"},
        ),
        ("legal_basis=none", {"Comité de développement sanitaire de Dakar"}),
        ("constituency=hiv", {"Conselho Municipal de Saúde de Porto Alegre"}),
        ("constituency=women", {"Kisumu County Health Forum"}),
        ("has_budget=yes", {"Kisumu County Health Forum"}),
        ("has_budget=no", {"Conselho Municipal de Saúde de Porto Alegre"}),
        (
            "has_budget=unknown",
            {"National Health Assembly", "Comité de développement sanitaire de Dakar"},
        ),
        ("region=AFR&has_budget=unknown", {"Comité de développement sanitaire de Dakar"}),
        ("kind=council&country=KE", set()),
        ("q=health&region=AFR", {"Kisumu County Health Forum"}),
    ],
)
def test_filters(registry, query, expected):
    assert set(listed(query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "country=KENYA",
        "region=MARS",
        "kind=spaceship",
        "level=galactic",
        "legal_basis=custom",
        "constituency=martians",
        "has_budget=maybe",
        "is_verified=unknown",
        "sort=random",
        "page=abc",
        "format=pdf",
        "country=",
    ],
)
def test_junk_values_are_ignored(registry, query):
    assert set(listed(query)) == ALL


def test_filters_and_their_choices_are_shown_selected(registry):
    page = client_for(None).get(
        reverse("mechanisms:list") + "?region=AFR&kind=forum&has_budget=yes"
    )
    html = page.content.decode()
    assert '<option value="AFR" selected>African Region</option>' in html
    assert '<option value="forum" selected>' in html
    assert '<option value="yes" selected>Yes</option>' in html
    assert "Clear filters" in html


def test_verified_filter(registry):
    registry["thailand"].is_verified = True
    registry["thailand"].save()
    assert listed("is_verified=yes") == ["National Health Assembly"]
    assert "National Health Assembly" not in listed("is_verified=no")


def test_demo_and_verified_marks(registry):
    registry["thailand"].is_verified = True
    registry["thailand"].is_demo = True
    registry["thailand"].save()
    page = client_for(None).get(reverse("mechanisms:list")).content.decode()
    assert "<strong>Verified</strong>" in page
    assert "Demo data" in page


# --- Sort ---------------------------------------------------------------------------


def test_sort_by_name(registry):
    assert listed("sort=name") == sorted(ALL)


def test_sort_by_name_lists_a_translated_mechanism_once(registry):
    kisumu = registry["kisumu"]
    for language, name in (("fr", "Forum de Kisumu"), ("es", "Foro de Kisumu")):
        kisumu.set_current_language(language)
        kisumu.name = name
    kisumu.save()
    assert listed("sort=name") == sorted(ALL)  # each once, under its English name
    assert listed("sort=name", language="es") == [
        "Comité de développement sanitaire de Dakar",
        "Conselho Municipal de Saúde de Porto Alegre",
        "Foro de Kisumu",  # sorted under the name the reader sees
        "National Health Assembly",
    ]
    with translation.override("en"):
        url = reverse("mechanisms:list") + "?sort=name"
    assert "4 mechanisms" in client_for(None).get(url).content.decode()


def test_sort_by_year_established(registry):
    shown = listed("sort=established")
    known = [name for name in shown if name != "Comité de développement sanitaire de Dakar"]
    assert known == [
        "Conselho Municipal de Saúde de Porto Alegre",
        "National Health Assembly",
        "Kisumu County Health Forum",
    ]


def test_sort_by_country_code(registry):
    assert listed("sort=country") == [
        "Conselho Municipal de Saúde de Porto Alegre",  # BR
        "Kisumu County Health Forum",  # KE
        "Comité de développement sanitaire de Dakar",  # SN
        "National Health Assembly",  # TH
    ]


def test_default_sort_is_last_updated_first(registry):
    registry["thailand"].year_established = 2007
    registry["thailand"].save()
    assert listed()[0] == "National Health Assembly"
    assert listed("sort=updated")[0] == "National Health Assembly"


def test_sort_by_score(registry):
    AssessmentFactory(mechanism=registry["porto"], legal=3)
    AssessmentFactory(mechanism=registry["dakar"], legal=1)
    assert listed("sort=score")[:2] == [
        "Conselho Municipal de Saúde de Porto Alegre",
        "Comité de développement sanitaire de Dakar",
    ]


# --- Pagination ---------------------------------------------------------------------


@pytest.fixture
def thirty(db):
    return MechanismFactory.create_batch(30, country_id="KE")


def test_pagination(thirty):
    url = reverse("mechanisms:list")
    first = client_for(None).get(url)
    assert len(names(first)) == 25
    assert "Page 1 of 2" in first.content.decode()
    second = client_for(None).get(url + "?page=2")
    assert len(names(second)) == 5
    assert set(names(first)).isdisjoint(names(second))


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("0", 2), ("-1", 2), ("999", 2)])
def test_out_of_range_or_junk_page_falls_back(thirty, page, expected):
    response = client_for(None).get(reverse("mechanisms:list") + f"?page={page}")
    assert response.status_code == 200
    assert f"Page {expected} of 2" in response.content.decode()


def test_pages_keep_the_filters(thirty):
    response = client_for(None).get(reverse("mechanisms:list") + "?country=KE&sort=name")
    page = response.content.decode()
    assert 'href="?country=KE&amp;sort=name&amp;page=2"' in page


# --- Cost ---------------------------------------------------------------------------


def make_registry(count: int) -> None:
    organisation = OrganisationFactory()
    for n in range(count):
        mechanism = MechanismFactory(
            country_id=("KE", "BR", "TH", "SN")[n % 4],
            constituencies=["women", "hiv"],
            translated={"fr": {"name": f"Comité {n}"}} if n % 2 else None,
            sources=["Act"],
        )
        if n % 3 == 0:
            AssessmentFactory(mechanism=mechanism, organisation=organisation)


def queries_for(url: str) -> int:
    client = client_for(None)
    client.get(url)  # warm caches that do not depend on the rows
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "query", ["", "?q=comit&region=AFR", "?sort=name&has_budget=unknown", "?country=KE&page=2"]
)
def test_query_count_does_not_grow_with_the_rows(db, query, django_assert_max_num_queries):
    url = reverse("mechanisms:list") + query
    make_registry(10)
    few = queries_for(url)
    make_registry(30)
    assert queries_for(url) == few
    # Count, page, translations, the country menu (and checking the country asked for).
    with django_assert_max_num_queries(6):
        client_for(None).get(url)


# --- Year range and assessment -----------------------------------------------------


def test_filter_by_year_range(registry):
    assert set(listed("year_from=2000&year_to=2010")) == {"National Health Assembly"}
    assert set(listed("year_from=2000")) == {
        "Kisumu County Health Forum",
        "National Health Assembly",
    }


@pytest.mark.parametrize("junk", ["abc", "20x0", "99999", ""])
def test_a_year_that_is_no_year_filters_nothing_out(registry, junk):
    assert sorted(listed(f"year_from={junk}")) == sorted(ALL)


def test_filter_by_assessed(registry):
    AssessmentFactory(mechanism=registry["dakar"])
    assert listed("assessed=yes") == ["Comité de développement sanitaire de Dakar"]
    assert "Comité de développement sanitaire de Dakar" not in listed("assessed=no")
    assert len(listed("assessed=no")) == len(ALL) - 1


def test_unassessed_records_come_last_when_sorting_by_score(registry):
    AssessmentFactory(mechanism=registry["kisumu"], legal=0, inclusion=0)
    assert listed("sort=score")[0] == "Kisumu County Health Forum"
