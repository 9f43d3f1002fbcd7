"""Case studies: what worked and what did not, in the reader's language or the original."""

from __future__ import annotations

import pytest
from django.conf import settings

from ..conftest import client_for
from .factories import CaseStudyFactory, MechanismFactory

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TITLES = {
    "en": "Thailand's National Health Assembly",
    "fr": "L'Assemblée nationale de la santé de Thaïlande",
    "ar": "الجمعية الوطنية للصحة في تايلاند",
}


@pytest.fixture
def assembly(db):
    mechanism = MechanismFactory(name="National Health Assembly", country_id="TH")
    return CaseStudyFactory(
        slug="thailand-national-health-assembly",
        mechanism=mechanism,
        title=TITLES["en"],
        summary="A yearly assembly where citizens and officials agree on health policy.",
        what_worked="A law that obliges the government to respond.",
        challenges="Keeping rural voices heard.",
        sources=[
            {"title": "National Health Act 2007", "url": "https://example.org/act"},
            {"title": "Assembly resolutions, 2023", "url": ""},
        ],
        translated={
            "fr": {"title": TITLES["fr"], "summary": "Une assemblée annuelle."},
            "ar": {"title": TITLES["ar"], "summary": "جمعية سنوية."},
        },
    )


@pytest.fixture
def senegal(db):
    """Written in French only."""
    return CaseStudyFactory(
        slug="senegal-health-development-committees",
        country_id="SN",
        original_language="fr",
        title="Les comités de développement sanitaire du Sénégal",
        summary="Des comités qui cogèrent les postes de santé.",
    )


def get(path: str, language: str):
    return client_for(None).get(f"/{language}/mechanisms/case-studies/{path}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_list_in_each_language(assembly, senegal, language):
    response = get("", language)
    assert response.status_code == 200
    page = response.content.decode()
    title = TITLES.get(language, TITLES["en"])
    assert title.replace("'", "&#x27;") in page
    assert f'href="/{language}/mechanisms/case-studies/{assembly.slug}/"' in page
    # Senegal's study is listed in French, marked as such for other readers.
    assert "Les comités de développement sanitaire du Sénégal" in page
    if language == "fr":
        assert 'class="lang-mark"' not in page
    else:
        assert 'class="lang-mark"' in page


def test_list_marks_the_original_language(assembly, senegal):
    page = get("", "en").content.decode()
    assert 'lang="en"><a href="/en/mechanisms/case-studies/thailand' in page
    assert 'lang="fr"><a href="/en/mechanisms/case-studies/senegal' in page
    assert page.count("Written in French; no translation yet.") == 1


def test_empty_list(db):
    assert "No case study yet." in get("", "en").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_detail_in_each_language(assembly, language):
    response = get(f"{assembly.slug}/", language)
    assert response.status_code == 200
    page = response.content.decode()
    if language in TITLES:
        assert TITLES[language].replace("'", "&#x27;") in page
        assert f'<article lang="{language}" dir="auto">' in page
        assert 'class="lang-mark"' not in page
    else:
        # Not translated: the original, in English, with the mark.
        assert TITLES["en"].replace("'", "&#x27;") in page
        assert '<article lang="en" dir="auto">' in page
        assert 'class="lang-mark"' in page
    assert 'href="https://example.org/act"' in page
    assert "Assembly resolutions, 2023" in page
    assert f'href="/{language}/mechanisms/{assembly.mechanism.pk}/"' in page


def test_detail_in_english_of_a_french_study(senegal):
    page = get(f"{senegal.slug}/", "en").content.decode()
    assert "Les comités de développement sanitaire du Sénégal" in page
    assert "Written in French; no translation yet." in page
    assert "Des comités qui cogèrent les postes de santé." in page
    assert "See the mechanism in the registry" not in page  # none linked


def test_detail_shows_what_worked_and_challenges(assembly):
    page = get(f"{assembly.slug}/", "en").content.decode()
    assert "What worked" in page
    assert "A law that obliges the government to respond." in page
    assert "Challenges" in page
    assert "Keeping rural voices heard." in page


def test_arabic_page_is_right_to_left(assembly):
    page = get(f"{assembly.slug}/", "ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert TITLES["ar"] in page


def test_mechanism_page_links_its_case_study(assembly):
    page = client_for(None).get(assembly.mechanism.get_absolute_url()).content.decode()
    assert f'href="/en/mechanisms/case-studies/{assembly.slug}/"' in page


@pytest.mark.parametrize("slug", ["no-such-study", "THAILAND", "thailand-national-health-assembl"])
def test_unknown_slug_is_not_found(assembly, slug):
    assert get(f"{slug}/", "en").status_code == 404


def test_odd_addresses_are_not_found(db):
    for path in ("%00/", "a%2Fb/", "..%2F/", "x" * 300 + "/"):
        assert get(path, "en").status_code == 404


def test_list_query_count_is_bounded(db, django_assert_max_num_queries):
    for n in range(12):
        CaseStudyFactory(translated={"fr": {"title": f"Étude {n}", "summary": "…"}})
    with django_assert_max_num_queries(4):
        assert get("", "es").status_code == 200
