"""Small-group suppression in the scorecards API, exactly as on the public page.

A participant group of fewer people than the disclosure threshold (default 10,
never below 5) is withheld whole: no score, no reasons, no exact size (``null``,
with ``withheld: true``), and averages count only the groups shown, so that a
withheld score cannot be worked out by subtracting shown scores from an average.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from sauti.commitments import scorecard_selectors

from .commitments_factories import example_scorecard

LIST = "/api/v1/scorecards/"


@pytest.fixture
def exercise(organisation):
    return example_scorecard(organisation)


def detail(scorecard, **params):
    response = Client().get(f"{LIST}{scorecard.pk}", params)
    assert response.status_code == 200
    return response


def test_a_group_under_the_threshold_is_withheld_whole(exercise):
    scorecard, _items = exercise
    response = detail(scorecard)
    body = response.json()
    assert body["threshold"] == 10
    groups = {g["label"]: g for g in body["groups"]}
    assert groups["Youth"] == {
        "id": groups["Youth"]["id"],
        "label": "Youth",
        "constituency": None,
        "size": None,
        "withheld": True,
    }
    assert (groups["Women"]["size"], groups["Women"]["withheld"]) == (12, False)
    assert (groups["Health workers"]["size"], groups["Health workers"]["withheld"]) == (15, False)
    assert (body["groups_withheld"], body["people_shown"]) == (1, 27)
    youth = groups["Youth"]["id"]
    for item in body["items"]:
        (cell,) = [s for s in item["scores"] if s["group"] == youth]
        assert cell == {"group": youth, "score": None, "reasons": None, "withheld": True}
    # Neither the reasons nor the size appear anywhere in the answer.
    text = response.content.decode()
    assert "YOUTH-SECRET" not in text
    assert '"size": 4' not in text.replace('"size":4', '"size": 4')


def test_averages_count_only_the_groups_shown(exercise):
    scorecard, _items = exercise
    waiting, respect = detail(scorecard).json()["items"]
    # With Youth's 1s the averages would be 2.0 and 2.67.
    assert (waiting["average"], waiting["groups_counted"], waiting["people_counted"]) == (
        2.5,
        2,
        27,
    )
    assert respect["average"] == 3.5
    # The same figures as the public web page.
    public = scorecard_selectors.breakdown(scorecard)
    assert [row.average for row in public.items] == [2.5, 3.5]


def test_the_self_assessment_is_public(exercise):
    scorecard, _items = exercise
    waiting, respect = detail(scorecard).json()["items"]
    assert (waiting["self_score"], waiting["self_reasons"]) == (4, "Two nurses")
    assert respect["self_score"] == 5


def test_a_higher_threshold_withholds_more(exercise, settings):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 13
    scorecard, _items = exercise
    body = detail(scorecard).json()
    withheld = {g["label"] for g in body["groups"] if g["withheld"]}
    assert withheld == {"Youth", "Women"}
    assert body["threshold"] == 13
    waiting, _respect = body["items"]
    assert (waiting["average"], waiting["people_counted"]) == (3.0, 15)
    assert "Queues from six" not in json.dumps(body)


def test_the_threshold_never_falls_below_five(exercise, settings):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 2
    scorecard, _items = exercise
    body = detail(scorecard).json()
    assert body["threshold"] == 5
    assert [g["label"] for g in body["groups"] if g["withheld"]] == ["Youth"]


def test_when_every_group_is_withheld_there_is_no_average(exercise, settings):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 100
    scorecard, _items = exercise
    body = detail(scorecard).json()
    assert all(g["size"] is None and g["withheld"] for g in body["groups"])
    assert all(item["average"] is None for item in body["items"])
    assert all(item["people_counted"] == 0 for item in body["items"])
    assert body["people_shown"] == 0
    assert "Queues" not in json.dumps(body) and "nurses" not in json.dumps(body["groups"])


def test_the_list_tells_nothing_about_groups(exercise):
    scorecard, _items = exercise
    text = Client().get(LIST).content.decode()
    assert str(scorecard.pk) in text
    assert "YOUTH-SECRET" not in text
    assert "size" not in text and "Youth" not in text


def test_in_every_language(exercise):
    scorecard, _items = exercise
    for lang in ("fr", "ar", "zh-hans"):
        body = detail(scorecard, lang=lang).json()
        assert "YOUTH-SECRET" not in json.dumps(body)
        assert [g["size"] for g in body["groups"]] == [12, None, 15]
