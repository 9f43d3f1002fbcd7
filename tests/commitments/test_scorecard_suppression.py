"""Small groups are withheld everywhere the public looks: the page, the chart, CSV and XLSX.

The example exercise has Women (12 people), Health workers (15) and Youth (4);
Youth scored 1 on both indicators with reasons marked "YOUTH-SECRET". With the
default threshold of 10, Youth is withheld, and the averages use Women and
Health workers only (2.5 and 3.5, where all three would give 2.0 and 2.7).
"""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st
from openpyxl import load_workbook

from sauti.commitments import scorecard_selectors as selectors
from sauti.core.privacy import disclosure_threshold

from ..conftest import client_for
from .scorecard_factories import ScorecardFactory, add_item, example_scorecard, give

SECRET = "YOUTH-SECRET"


@pytest.fixture
def example(organisation):
    scorecard, items = example_scorecard(organisation)
    return scorecard, items


def _body(response) -> bytes:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def _csv(response) -> list[dict[str, str]]:
    text = _body(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _xlsx(response_or_body) -> dict[str, list[tuple]]:
    body = response_or_body if isinstance(response_or_body, bytes) else _body(response_or_body)
    workbook = load_workbook(io.BytesIO(body), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}


# --- The rule ----------------------------------------------------------------------------
def test_threshold_defaults_to_10(settings):
    del settings.SAUTI_DISCLOSURE_THRESHOLD
    assert disclosure_threshold() == 10


def test_a_threshold_below_5_is_raised_to_5(settings, organisation):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 3
    assert disclosure_threshold() == 5
    scorecard = ScorecardFactory(organisation=organisation, groups=[("Four", 4), ("Five", 5)])
    data = selectors.breakdown(scorecard)
    assert [(g.label, g.shown, g.size) for g in data.groups] == [
        ("Four", False, None),
        ("Five", True, 5),
    ]
    page = client_for(None).get(scorecard.get_absolute_url()).content.decode()
    assert "fewer than 5 people" in page


def test_a_group_of_4_is_withheld_with_threshold_10(example):
    scorecard, _items = example
    data = selectors.breakdown(scorecard)
    assert data.threshold == 10
    youth = next(g for g in data.groups if g.label == "Youth")
    assert (youth.shown, youth.size) == (False, None)
    for row in data.items:
        cell = next(c for c in row.cells if c.group.label == "Youth")
        assert (cell.shown, cell.score, cell.reasons) == (False, None, "")


def test_the_all_participants_average_excludes_withheld_groups(example):
    scorecard, _items = example
    data = selectors.breakdown(scorecard)
    averages = [(r.label, r.average, r.groups_counted, r.people_counted) for r in data.items]
    assert averages == [
        ("Waiting time is reasonable", 2.5, 2, 27),
        ("Staff treat patients with respect", 3.5, 2, 27),
    ]
    assert data.people_shown == 27
    assert data.withheld_people_bound == 10  # "fewer than 10 people": not Youth's size


def test_the_full_breakdown_keeps_everything_for_editors(example):
    scorecard, _items = example
    data = selectors.breakdown(scorecard, full=True)
    youth = next(g for g in data.groups if g.label == "Youth")
    assert (youth.shown, youth.size, youth.public) == (True, 4, False)
    assert data.items[0].average == 2.0


def test_a_higher_threshold_withholds_more(settings, example):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 13
    scorecard, _items = example
    data = selectors.breakdown(scorecard)
    assert [g.label for g in data.groups if g.shown] == ["Health workers"]
    assert data.items[0].average == 3.0


def test_no_group_large_enough_means_no_average(settings, organisation):
    scorecard = ScorecardFactory(organisation=organisation, groups=[("Youth", 4)])
    item = add_item(scorecard, text="Waiting time")
    give(scorecard, "Youth", item, 1, SECRET)
    data = selectors.breakdown(scorecard)
    assert data.items[0].average is None
    page = client_for(None).get(scorecard.get_absolute_url()).content.decode()
    assert SECRET not in page
    assert "Participants: no score shown" in page


# --- Nothing of a withheld group in what the public gets ---------------------------------
def test_the_public_page_withholds_the_small_group(example):
    scorecard, _items = example
    page = client_for(None).get(scorecard.get_absolute_url()).content.decode()
    assert SECRET not in page
    assert "4 people" not in page and "4 person" not in page
    assert "Youth</span>: fewer than 10 people — scores withheld" in page
    assert page.count("Withheld: fewer than 10 people") == 2  # one cell per indicator
    assert "1 group, of fewer than 10 people, is left out of every figure." in page
    # The averages and the chart use the groups shown only.
    assert "<strong>2.5</strong>" in page and "<strong>3.5</strong>" in page
    assert "Participants: 2.5" in page and "Participants: 3.5" in page
    assert "2.0" not in page and "2.7" not in page


def test_editors_see_the_same_public_page_and_everything_on_the_full_page(example, editor):
    scorecard, _items = example
    page = client_for(editor).get(scorecard.get_absolute_url()).content.decode()
    assert SECRET not in page
    full = client_for(editor).get(reverse("commitments:scorecard_full", args=[scorecard.pk]))
    text = full.content.decode()
    assert "Everything recorded (not public)" in text
    assert "Not public." in text
    assert f"{SECRET} waiting" in text
    assert "withheld from the public" in text
    assert "<strong>2.0</strong>" in text  # the average of all three groups


def test_csv_export_withholds_the_small_group(example):
    scorecard, _items = example
    url = reverse("commitments:scorecard_export", args=[scorecard.pk]) + "?format=csv"
    response = client_for(None).get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert SECRET not in _body(response).decode()
    rows = _csv(response)
    youth = [r for r in rows if r["group"] == "Youth"]
    assert [(r["people"], r["withheld"], r["score"], r["reasons"]) for r in youth] == [
        ("<10", "yes", "", ""),
        ("<10", "yes", "", ""),
    ]
    averages = [r["score"] for r in rows if r["row"] == "average_of_groups_shown"]
    assert averages == ["2.5", "3.5"]
    assert all(r["people"] != "4" for r in rows)


def test_xlsx_export_withholds_the_small_group(example):
    scorecard, _items = example
    url = reverse("commitments:scorecard_export", args=[scorecard.pk]) + "?format=xlsx"
    response = client_for(None).get(url)
    body = _body(response)
    sheets = _xlsx(body)
    assert set(sheets) == {"scores", "actions", "about"}
    cells = [cell for sheet in sheets.values() for row in sheet for cell in row]
    assert not any(SECRET in str(cell) for cell in cells)
    assert SECRET.encode() not in body
    header, *rows = sheets["scores"]
    records = [dict(zip(header, row + (None,) * len(header), strict=False)) for row in rows]
    youth = [r for r in records if r["group"] == "Youth"]
    assert [(r["people"], r["withheld"], r["score"], r["reasons"]) for r in youth] == [
        ("<10", True, None, None),
        ("<10", True, None, None),
    ]
    assert [r["score"] for r in records if r["row"] == "average_of_groups_shown"] == [2.5, 3.5]


def test_list_export_averages_only_the_groups_shown(example):
    for fmt in ("csv", "xlsx"):
        url = reverse("commitments:scorecard_list_export") + f"?format={fmt}"
        response = client_for(None).get(url)
        if fmt == "csv":
            (row,) = _csv(response)
            values = row
        else:
            header, *rows = _xlsx(response)["scorecards"]
            values = {k: str(v) for k, v in zip(header, rows[0], strict=True)}
        assert values["groups_shown"] == "2"
        assert values["people_in_groups_shown"] == "27"
        assert values["groups_withheld"] == "1"
        # (2 + 3 + 3 + 4) / 4; with Youth's two 1s it would be 2.33.
        assert float(values["average_score_groups_shown"]) == 3.0


def test_exports_are_safe_against_formula_injection(organisation):
    scorecard = ScorecardFactory(
        organisation=organisation, place_name="=HYPERLINK(1)", groups=[("Women", 12)]
    )
    item = add_item(scorecard, text="+SUM(A1)")
    give(scorecard, "Women", item, 2, "@cmd reasons")
    url = reverse("commitments:scorecard_export", args=[scorecard.pk])
    rows = _csv(client_for(None).get(url + "?format=csv"))
    assert rows[0]["indicator"] == "'+SUM(A1)"
    assert rows[0]["reasons"] == "'@cmd reasons"
    sheets = _xlsx(client_for(None).get(url + "?format=xlsx"))
    assert sheets["scores"][1][0] == "'+SUM(A1)"
    listed = _csv(client_for(None).get(reverse("commitments:scorecard_list_export")))
    assert listed[0]["place_name"] == "'=HYPERLINK(1)"


def test_unpublished_scorecards_are_not_exported(organisation):
    draft, _items = example_scorecard(organisation, is_published=False)
    url = reverse("commitments:scorecard_export", args=[draft.pk]) + "?format=csv"
    assert client_for(None).get(url).status_code == 404
    assert _csv(client_for(None).get(reverse("commitments:scorecard_list_export"))) == []


def test_unknown_export_format_is_a_404(example):
    scorecard, _items = example
    url = reverse("commitments:scorecard_export", args=[scorecard.pk]) + "?format=pdf"
    assert client_for(None).get(url).status_code == 404
    url = reverse("commitments:scorecard_list_export") + "?format=pdf"
    assert client_for(None).get(url).status_code == 404


# --- The invariant, for many shapes of exercise ------------------------------------------
@pytest.mark.django_db
@settings_hypothesis(max_examples=25, deadline=None)
@given(
    groups=st.lists(
        st.tuples(st.integers(min_value=1, max_value=30), st.integers(min_value=1, max_value=5)),
        min_size=1,
        max_size=5,
    ),
    threshold=st.integers(min_value=0, max_value=20),
)
def test_no_withheld_score_reaches_the_public_breakdown(groups, threshold):
    from django.test import override_settings

    from ..factories import OrganisationFactory

    with override_settings(SAUTI_DISCLOSURE_THRESHOLD=threshold):
        effective = disclosure_threshold()
        scorecard = ScorecardFactory(
            organisation=OrganisationFactory(),
            groups=[(f"Group {i}", size) for i, (size, _score) in enumerate(groups)],
        )
        item = add_item(scorecard, text="Waiting time")
        for i, (_size, score) in enumerate(groups):
            give(scorecard, f"Group {i}", item, score, f"secret-{i}")
        data = selectors.breakdown(scorecard)
        (row,) = data.items
        shown = [(size, score) for size, score in groups if size >= effective]
        assert effective == max(threshold, 5)
        for (size, _score), cell in zip(groups, row.cells, strict=True):
            assert cell.shown is (size >= effective)
            if not cell.shown:
                assert (cell.score, cell.reasons, cell.group.size) == (None, "", None)
        expected = sum(s for _n, s in shown) / len(shown) if shown else None
        assert row.average == expected
        assert row.people_counted == sum(n for n, _s in shown)
        scorecard.delete()
