"""Side-by-side comparison of up to four mechanisms."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.utils import timezone

from sauti.mechanisms.models import Mechanism

from ..conftest import client_for
from .factories import AssessmentFactory, MechanismFactory

TOO_MANY = "Up to four mechanisms can be compared; the first four are shown."
COLUMN = re.compile(r'<th scope="col" dir="auto"><a href="[^"]+" lang="[\w-]+">(.*?)</a></th>')


def compare(*ids, language: str = "en"):
    query = "&".join(f"id={value}" for value in ids)
    return client_for(None).get(f"/{language}/mechanisms/compare/?{query}")


def columns(response) -> list[str]:
    assert response.status_code == 200
    return [unescape(name) for name in COLUMN.findall(response.content.decode())]


def row(response, label: str) -> str:
    """The ``<tr>`` of one field, as rendered."""
    page = response.content.decode()
    match = re.search(rf"<tr><th scope=\"row\">(?:<span[^>]*>≠</span> )?{label}</th>.*?</tr>", page)
    assert match, f"no row {label!r}"
    return match.group(0)


@pytest.fixture
def five(db):
    return [
        MechanismFactory(
            name=f"Committee {letter}",
            kind=Mechanism.Kind.COMMITTEE,
            level=Mechanism.Level.DISTRICT,
            has_budget=letter in "AC",
        )
        for letter in "ABCDE"
    ]


def test_two_side_by_side(db):
    kisumu = MechanismFactory(
        name="Kisumu County Health Forum",
        kind=Mechanism.Kind.FORUM,
        has_budget=True,
        year_established=2014,
        constituencies=["women"],
    )
    porto = MechanismFactory(
        name="Conselho Municipal de Saúde",
        original_language="pt",
        country_id="BR",
        kind=Mechanism.Kind.COUNCIL,
        has_budget=None,
        year_established=1992,
        constituencies=["women"],
    )
    AssessmentFactory(mechanism=kisumu, legal=3, inclusion=1)
    response = compare(kisumu.pk, porto.pk)
    assert columns(response) == ["Kisumu County Health Forum", "Conselho Municipal de Saúde"]
    page = response.content.decode()
    assert "Rows where the mechanisms differ are marked with ≠." in page
    assert 'lang="pt">Conselho Municipal de Saúde</a>' in page

    assert row(response, "Country") == (
        '<tr><th scope="row"><span aria-label="differs">≠</span> Country</th>'
        "<td>Kenya</td><td>Brazil</td></tr>"
    )
    assert row(response, "Kind").endswith(
        "<td>Community forum or dialogue</td><td>Health council</td></tr>"
    )
    assert "≠" in row(response, "Kind")
    assert "<td>Yes</td><td>Not known</td>" in row(response, "Dedicated budget")
    assert "<td>2014</td><td>1992</td>" in row(response, "Year established")
    assert "<td>3/3</td><td>—</td>" in row(response, "Legal foundation")
    # Alike rows carry no mark.
    for alike in ("Level", "Constituencies represented", "Formal"):
        assert "≠" not in row(response, alike)
    assert "<td>District</td><td>District</td>" in row(response, "Level")
    assert "<td>Women</td><td>Women</td>" in row(response, "Constituencies represented")


def test_five_asked_four_shown_with_a_notice(five):
    response = compare(*(m.pk for m in five))
    assert TOO_MANY in response.content.decode()
    assert columns(response) == ["Committee A", "Committee B", "Committee C", "Committee D"]
    assert "Committee E" not in response.content.decode()
    assert row(response, "Kind").count("<td>") == 4


def test_four_asked_no_notice(five):
    response = compare(*(m.pk for m in five[:4]))
    assert TOO_MANY not in response.content.decode()
    assert len(columns(response)) == 4
    assert "≠" not in row(response, "Kind")
    assert "≠" in row(response, "Dedicated budget")


def test_order_follows_the_request(five):
    assert columns(compare(five[2].pk, five[0].pk)) == ["Committee C", "Committee A"]


def test_unknown_hidden_junk_and_repeated_ids_are_ignored(five):
    hidden = five[4]
    hidden.hidden_at = timezone.now()
    hidden.save()
    response = compare(
        hidden.pk, 999999, "abc", "-1", "", five[0].pk, five[0].pk, "1.5", five[1].pk
    )
    assert columns(response) == ["Committee A", "Committee B"]
    assert TOO_MANY not in response.content.decode()
    assert "Committee E" not in response.content.decode()


def test_ignored_ids_do_not_take_the_place_of_shown_ones(five):
    hidden = five[4]
    hidden.hidden_at = timezone.now()
    hidden.save()
    response = compare(hidden.pk, 999999, *(m.pk for m in five[:4]))
    assert columns(response) == ["Committee A", "Committee B", "Committee C", "Committee D"]
    assert TOO_MANY not in response.content.decode()


@pytest.mark.parametrize(
    "value", ["99999999999999999999999999", "9223372036854775808", "²", "٣", "0", "%00"]
)
def test_odd_ids_never_fail(five, value):
    response = compare(value, five[0].pk)
    assert columns(response) == ["Committee A"]


def test_nothing_to_compare_says_how(db):
    response = compare()
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose mechanisms to compare in the list" in page
    assert "<table>" not in page


def test_names_in_the_readers_language_with_fallback(db):
    translated = MechanismFactory(
        name="Village health committee", translated={"fr": {"name": "Comité villageois"}}
    )
    original_only = MechanismFactory(name="Conselho de Saúde", original_language="pt")
    response = compare(translated.pk, original_only.pk, language="fr")
    assert columns(response) == ["Comité villageois", "Conselho de Saúde"]


def test_query_count_is_bounded(five, django_assert_max_num_queries):
    for mechanism in five:
        mechanism.constituencies.set(["women", "hiv"])
    with django_assert_max_num_queries(8):
        compare(*(m.pk for m in five))


def test_a_flood_of_ids_is_cut_short(five):
    response = compare(*(m.pk for m in five), *range(10**6, 10**6 + 900))
    assert len(columns(response)) == 4
    assert TOO_MANY in response.content.decode()
