"""The list of published scorecards with its filters, the drafts of one's organisations,
the chart, right-to-left pages, and page weight."""

from __future__ import annotations

import datetime
import gzip

import pytest
from django.urls import reverse
from django.utils import translation

from ..conftest import client_for
from ..factories import OrganisationFactory
from .scorecard_factories import ScorecardFactory, example_scorecard

LIST = "commitments:scorecard_list"


@pytest.fixture
def scorecards(organisation):
    other = OrganisationFactory(name="Uganda Health Watch", slug="uganda-health-watch")
    return {
        "kondele": ScorecardFactory(organisation=organisation, place_name="Kondele Health Centre"),
        "district": ScorecardFactory(
            organisation=organisation,
            place_name="Kisumu East District",
            place_kind="district",
            held_on=datetime.date(2024, 11, 2),
        ),
        "gulu": ScorecardFactory(organisation=other, place_name="Gulu Hospital", country_id="UG"),
        "draft": ScorecardFactory(
            organisation=organisation, place_name="Secret Draft Clinic", is_published=False
        ),
    }


def names(response) -> set[str]:
    page = response.content.decode()
    return {
        name
        for name in (
            "Kondele Health Centre",
            "Kisumu East District",
            "Gulu Hospital",
            "Secret Draft Clinic",
        )
        if name in page
    }


ALL_PUBLISHED = {"Kondele Health Centre", "Kisumu East District", "Gulu Hospital"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL_PUBLISHED),
        ("?country=UG", {"Gulu Hospital"}),
        ("?country=ke", {"Kondele Health Centre", "Kisumu East District"}),
        ("?organisation=uganda-health-watch", {"Gulu Hospital"}),
        ("?place_kind=district", {"Kisumu East District"}),
        ("?year=2024", {"Kisumu East District"}),
        ("?year=2025&country=KE", {"Kondele Health Centre"}),
        # Unknown values filter nothing out: an old link still opens.
        ("?country=ZZ&year=abc&place_kind=moon&organisation=nobody", ALL_PUBLISHED),
        ("?year=99999999999999999999", ALL_PUBLISHED),
    ],
)
def test_filters(scorecards, query, expected):
    response = client_for(None).get(reverse(LIST) + query)
    assert response.status_code == 200
    assert names(response) == expected


def test_filters_offer_only_what_has_published_scorecards(scorecards):
    page = client_for(None).get(reverse(LIST)).content.decode()
    assert '<option value="UG">Uganda</option>' in page
    assert '<option value="FR">' not in page
    assert '<option value="2024">2024</option>' in page


def test_editors_see_their_drafts_apart_and_marked(scorecards, editor, member):
    page = client_for(editor).get(reverse(LIST)).content.decode()
    assert "Drafts of your organisations (not public)" in page
    assert "Secret Draft Clinic" in page
    assert "Run a community scorecard" in page
    page = client_for(member).get(reverse(LIST)).content.decode()
    assert "Secret Draft Clinic" not in page
    assert "Run a community scorecard" not in page


def test_the_list_export_follows_the_filters(scorecards):
    response = client_for(None).get(reverse("commitments:scorecard_list_export") + "?country=UG")
    text = response.content.decode("utf-8-sig")
    assert "Gulu Hospital" in text and "Kondele" not in text
    assert response["Content-Disposition"].startswith('attachment; filename="sauti-scorecards-')


def test_list_queries_do_not_grow_with_the_list(organisation, django_assert_max_num_queries):
    for _ in range(30):
        ScorecardFactory(organisation=organisation)
    with django_assert_max_num_queries(12):
        response = client_for(None).get(reverse(LIST))
    assert response.status_code == 200


def test_the_create_form_offers_only_the_editors_organisations(editor, organisation):
    OrganisationFactory(name="Someone Else's Coalition")
    page = client_for(editor).get(reverse("commitments:scorecard_create")).content.decode()
    assert organisation.name in page
    assert "Someone Else" not in page
    assert '<option value="KE" selected>' in page  # the organisation's country first


def test_the_chart_has_words_and_a_table(organisation):
    scorecard, _items = example_scorecard(organisation)
    page = client_for(None).get(scorecard.get_absolute_url()).content.decode()
    assert 'role="img"' in page
    assert "Participants: 2.5" in page and "Self-assessment: 4" in page
    assert "Show as a table" in page
    assert '<th scope="col">Participants&#x27; average (groups shown)</th>' in page


def test_arabic_pages_are_right_to_left(organisation, editor):
    scorecard, _items = example_scorecard(organisation)
    with translation.override("ar"):
        urls = [
            scorecard.get_absolute_url(),
            reverse(LIST),
            reverse("commitments:scorecard_groups", args=[scorecard.pk]),
        ]
    for url in urls:
        assert url.startswith("/ar/")
        response = client_for(editor).get(url)
        page = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="ar" dir="rtl">' in page
    page = client_for(None).get(urls[0]).content.decode()
    assert 'direction="rtl"' in page  # the chart grows from the right


def test_a_scorecard_page_fits_in_the_first_round_trip(organisation):
    scorecard, _items = example_scorecard(organisation)
    response = client_for(None).get(scorecard.get_absolute_url())
    assert len(gzip.compress(response.content)) <= 14 * 1024


def test_an_unknown_scorecard_is_a_404(db):
    assert client_for(None).get(reverse("commitments:scorecard", args=[999])).status_code == 404


def test_no_page_needs_inline_script_or_style(organisation, editor):
    from ..core.test_content_security import problems_in
    from .scorecard_factories import ActionFactory

    scorecard, _items = example_scorecard(organisation)
    action = ActionFactory(scorecard=scorecard)
    group = scorecard.groups.first()
    names = [
        ("scorecard", [scorecard.pk]),
        ("scorecard_full", [scorecard.pk]),
        ("scorecard_edit", [scorecard.pk]),
        ("scorecard_groups", [scorecard.pk]),
        ("scorecard_indicators", [scorecard.pk]),
        ("scorecard_scores", [scorecard.pk, group.pk]),
        ("scorecard_self_assessment", [scorecard.pk]),
        ("scorecard_interface", [scorecard.pk]),
        ("scorecard_actions", [scorecard.pk]),
        ("scorecard_follow_up", [scorecard.pk, action.pk]),
        ("scorecard_list", []),
        ("scorecard_create", []),
    ]
    for name, args in names:
        response = client_for(editor).get(reverse(f"commitments:{name}", args=args))
        assert response.status_code == 200, name
        assert problems_in(response.content.decode()) == [], name
