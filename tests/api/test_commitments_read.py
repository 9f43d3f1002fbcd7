"""The public, read-only side of the commitments API: frameworks, cycles, country
assessments, consolidated assessments and scorecards (their suppression of small
groups is in test_commitments_suppression.py)."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from sauti.commitments.models import Scorecard, Status
from sauti.mechanisms.models import Mechanism

from ..factories import OrganisationFactory
from .commitments_factories import (
    ActionFactory,
    ConsolidatedEntryFactory,
    ConsolidatedFactory,
    CountryAssessmentFactory,
    CycleFactory,
    EvidenceFactory,
    IndicatorFactory,
    ScorecardFactory,
    add_item,
    closed_cycle,
    framework_with,
    give,
    published,
    translate,
)
from .test_mechanisms_read import make_mechanism

FRAMEWORKS = "/api/v1/frameworks/"
CYCLES = "/api/v1/cycles/"
ASSESSMENTS = "/api/v1/country-assessments/"
CONSOLIDATED = "/api/v1/consolidated-assessments/"
SCORECARDS = "/api/v1/scorecards/"


def get(url, **params):
    response = Client().get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


# --- Frameworks and cycles -------------------------------------------------------------


@pytest.fixture
def framework(db):
    framework, commitments = framework_with(3, code="uhc-2023", name="UHC declaration")
    translate(framework, "fr", name="Déclaration CSU", description="En français")
    translate(
        commitments[0],
        "fr",
        title="Renforcer les capacités",
        description="Ce que le gouvernement a promis.",
        evidence_guidance="Lois et budgets.",
    )
    return framework, commitments


def test_the_wha77_framework_is_listed_with_its_commitments(framework):
    body = get(FRAMEWORKS)
    codes = [f["code"] for f in body]
    assert "uhc-2023" in codes
    wha77 = next(f for f in body if f["code"] == "wha77")
    assert len(wha77["commitments"]) == 10
    assert [c["number"] for c in wha77["commitments"]] == list(range(1, 11))
    assert all(c["title"] and c["evidence_guidance"] for c in wha77["commitments"])


def test_a_framework_in_french_falls_back_to_english_where_untranslated(framework):
    body = get(f"{FRAMEWORKS}uhc-2023", lang="fr")
    assert body["name"] == "Déclaration CSU"
    assert body["url"].endswith("/fr/commitments/frameworks/uhc-2023/")
    first, second, _third = body["commitments"]
    assert first["title"] == "Renforcer les capacités"
    assert first["evidence_guidance"] == "Lois et budgets."
    assert first["url"].endswith("/fr/commitments/frameworks/uhc-2023/c1/")
    assert second["title"] == "Commitment 2"  # no French: English
    english = get(f"{FRAMEWORKS}uhc-2023")
    assert english["name"] == "UHC declaration"
    assert english["commitments"][0]["title"] == "Commitment 1"
    # An unknown language is the default one, not an error.
    assert get(f"{FRAMEWORKS}uhc-2023", lang="xx")["name"] == "UHC declaration"


def test_retired_commitments_and_frameworks_are_left_out(framework):
    _framework, commitments = framework
    commitments[2].is_active = False
    commitments[2].save()
    assert [c["number"] for c in get(f"{FRAMEWORKS}uhc-2023")["commitments"]] == [1, 2]
    retired = framework_with(1, code="retired", is_active=False)[0]
    assert Client().get(f"{FRAMEWORKS}{retired.code}").status_code == 404
    assert Client().get(f"{FRAMEWORKS}no-such-thing").status_code == 404
    assert "retired" not in [f["code"] for f in get(FRAMEWORKS)]


def test_cycles_say_whether_they_are_open(db):
    open_one = CycleFactory(code="open-one", name="Open cycle")
    translate(open_one, "es", name="Ciclo abierto")
    closed_cycle(code="closed-one")
    body = {c["code"]: c for c in get(CYCLES, lang="es")}
    assert body["open-one"]["is_open"] is True
    assert body["open-one"]["name"] == "Ciclo abierto"
    assert body["closed-one"]["is_open"] is False
    assert {"2026", "2028", "2030"} <= set(body)
    years = [c["year"] for c in get(CYCLES)]
    assert years == sorted(years)


# --- Country assessments ------------------------------------------------------------


@pytest.fixture
def tracked(db):
    _framework, (first, second) = framework_with(2, code="track")
    translate(first, "fr", title="Premier engagement")
    cycle = CycleFactory(code="track-2026", year=2026)
    later = CycleFactory(code="track-2028", year=2028)
    forum = OrganisationFactory(name="Forum", slug="forum")
    league = OrganisationFactory(name="League", slug="league")
    kenya = CountryAssessmentFactory(
        organisation=forum, cycle=cycle, commitment=first, status=Status.INITIAL
    )
    EvidenceFactory(assessment=kenya, title="Health Act", url="https://example.org/act")
    CountryAssessmentFactory(
        organisation=league, cycle=cycle, commitment=first, status=Status.NO_ACTION
    )
    CountryAssessmentFactory(organisation=forum, cycle=later, commitment=second)
    CountryAssessmentFactory(
        organisation=forum, cycle=cycle, commitment=first, country_id="UG", status=Status.INITIAL
    )
    return {"first": first, "second": second, "cycle": cycle, "later": later, "kenya": kenya}


def test_assessments_are_listed_with_their_evidence(tracked):
    body = get(ASSESSMENTS)
    assert body["count"] == 4
    row = next(r for r in body["items"] if r["id"] == tracked["kenya"].pk)
    assert row["organisation"] == {"slug": "forum", "name": "Forum"}
    assert row["country"] == "KE"
    assert row["cycle"] == "track-2026"
    assert row["commitment"]["framework"] == "track"
    assert row["commitment"]["number"] == 1
    assert row["status"] == "initial"
    assert row["status_label"] == "Initial steps"
    assert row["narrative"] == "The ministry set up a national health assembly."
    assert [(e["title"], e["url"], e["document"]) for e in row["evidence"]] == [
        ("Health Act", "https://example.org/act", None)
    ]
    assert row["url"].endswith("/en/commitments/countries/ke/")
    assert "created_by" not in row


def test_assessment_texts_follow_lang(tracked, catalogue):
    catalogue("fr", {"Initial steps": "Premiers pas"})
    row = get(f"{ASSESSMENTS}{tracked['kenya'].pk}", lang="fr")
    assert row["commitment"]["title"] == "Premier engagement"
    assert row["status_label"] == "Premiers pas"
    assert row["url"].endswith("/fr/commitments/countries/ke/")


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"country": "ke"}, 3),
        ({"country": "UG"}, 1),
        ({"cycle": "track-2028"}, 1),
        ({"framework": "track"}, 4),
        ({"framework": "wha77"}, 0),
        ({"organisation": "league"}, 1),
        ({"status": "initial"}, 2),
        ({"status": "initial", "country": "KE"}, 1),
    ],
)
def test_assessment_filters(tracked, params, count):
    assert get(ASSESSMENTS, **params)["count"] == count


def test_the_commitment_filter(tracked):
    assert get(ASSESSMENTS, commitment=tracked["second"].pk)["count"] == 1
    assert get(ASSESSMENTS, commitment=tracked["first"].pk)["count"] == 3


def test_an_unknown_status_is_a_422(tracked):
    assert Client().get(ASSESSMENTS, {"status": "excellent"}).status_code == 422


def test_assessments_are_paginated(tracked):
    first = get(ASSESSMENTS, page_size=3)
    second = get(ASSESSMENTS, page_size=3, page=2)
    assert (first["count"], len(first["items"]), len(second["items"])) == (4, 3, 1)
    ids = [r["id"] for r in first["items"] + second["items"]]
    assert len(set(ids)) == 4
    assert Client().get(ASSESSMENTS, {"page": 10**12}).status_code == 422


def test_assessments_of_hidden_organisations_are_left_out(tracked):
    league = tracked["kenya"].organisation.__class__.objects.get(slug="league")
    league.hidden_at = timezone.now()
    league.save()
    assert get(ASSESSMENTS)["count"] == 3
    hidden = league.country_assessments.get()
    assert Client().get(f"{ASSESSMENTS}{hidden.pk}").status_code == 404
    assert Client().get(f"{ASSESSMENTS}999999").status_code == 404


def test_assessments_answer_revalidation(tracked):
    client = Client()
    later = timezone.now() + datetime.timedelta(hours=1)
    tracked["kenya"].__class__.objects.filter(pk=tracked["kenya"].pk).update(updated_at=later)
    response = client.get(ASSESSMENTS)
    assert response["Last-Modified"] == http_date(later.timestamp())
    assert client.get(ASSESSMENTS, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    detail = client.get(f"{ASSESSMENTS}{tracked['kenya'].pk}")
    assert detail["Last-Modified"] == http_date(later.timestamp())
    assert (
        client.get(
            f"{ASSESSMENTS}{tracked['kenya'].pk}", HTTP_IF_MODIFIED_SINCE=detail["Last-Modified"]
        ).status_code
        == 304
    )
    # A different language is a different answer.
    assert (
        client.get(ASSESSMENTS, {"lang": "fr"}, HTTP_IF_NONE_MATCH=response["ETag"]).status_code
        == 200
    )


def test_evidence_documents_and_mechanisms(tracked, settings):
    assessment = tracked["kenya"]
    document = EvidenceFactory(assessment=assessment, title="Minutes", url="")
    document.document.save("minutes.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    forum = make_mechanism("Kisumu County Health Forum")
    hidden = make_mechanism("Hidden forum")
    Mechanism.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    EvidenceFactory(assessment=assessment, title="Forum", url="", mechanism=forum)
    EvidenceFactory(assessment=assessment, title="Gone", url="", mechanism=hidden)
    evidence = {e["title"]: e for e in get(f"{ASSESSMENTS}{assessment.pk}")["evidence"]}
    assert evidence["Minutes"]["document"] == (
        f"{settings.SITE_URL}/en/commitments/evidence/{document.pk}/document/"
    )
    assert evidence["Forum"]["mechanism"] == forum.pk
    assert evidence["Gone"]["mechanism"] is None


# --- Consolidated assessments --------------------------------------------------------------


@pytest.fixture
def positions(db):
    _framework, (first, second) = framework_with(2, code="coalitions")
    cycle = CycleFactory(code="co-2026")
    forum = OrganisationFactory(name="Forum", slug="forum")
    league = OrganisationFactory(name="League", slug="league")
    alliance = published(
        coalition=OrganisationFactory(name="Alliance", slug="alliance", kind="network"),
        cycle=cycle,
        summary="Slow progress.",
    )
    ConsolidatedEntryFactory(
        consolidated=alliance,
        commitment=first,
        status=Status.IN_PROGRESS,
        note="Most members agree.",
        member_statuses={str(forum.pk): "in_progress", str(league.pk): "initial"},
    )
    ConsolidatedEntryFactory(consolidated=alliance, commitment=second, status=Status.NO_ACTION)
    draft = ConsolidatedFactory(cycle=cycle, country_id="UG")
    ConsolidatedEntryFactory(consolidated=draft, commitment=first)
    hidden = published(cycle=cycle, country_id="TZ", hidden_at=timezone.now())
    return {
        "alliance": alliance,
        "draft": draft,
        "hidden": hidden,
        "forum": forum,
        "league": league,
    }


def test_only_published_visible_consolidated_assessments_are_listed(positions):
    body = get(CONSOLIDATED)
    assert [r["id"] for r in body["items"]] == [positions["alliance"].pk]
    row = body["items"][0]
    assert row["coalition"] == {"slug": "alliance", "name": "Alliance"}
    assert (row["country"], row["cycle"], row["summary"]) == ("KE", "co-2026", "Slow progress.")
    assert [(e["commitment"]["number"], e["status"]) for e in row["entries"]] == [
        (1, "in_progress"),
        (2, "no_action"),
    ]
    for other in (positions["draft"], positions["hidden"]):
        assert Client().get(f"{CONSOLIDATED}{other.pk}").status_code == 404


def test_a_consolidated_assessment_shows_where_members_agree(positions):
    body = get(f"{CONSOLIDATED}{positions['alliance'].pk}", lang="fr")
    first = body["entries"][0]
    assert first["note"] == "Most members agree."
    assert [(m["organisation"]["slug"], m["status"], m["agrees"]) for m in first["members"]] == [
        ("forum", "in_progress", True),
        ("league", "initial", False),
    ]
    assert body["entries"][1]["members"] == []
    assert body["url"].endswith(f"/fr/commitments/consolidated/{positions['alliance'].pk}/")


def test_hidden_members_are_left_out_of_a_consolidated_assessment(positions):
    positions["league"].hidden_at = timezone.now()
    positions["league"].save()
    body = get(f"{CONSOLIDATED}{positions['alliance'].pk}")
    assert [m["organisation"]["slug"] for m in body["entries"][0]["members"]] == ["forum"]


def test_a_hidden_coalition_hides_its_assessments(positions):
    coalition = positions["alliance"].coalition
    coalition.hidden_at = timezone.now()
    coalition.save()
    assert get(CONSOLIDATED)["count"] == 0


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"country": "ke"}, 1),
        ({"country": "UG"}, 0),
        ({"cycle": "co-2026"}, 1),
        ({"cycle": "2026"}, 0),
        ({"coalition": "alliance"}, 1),
        ({"coalition": "forum"}, 0),
    ],
)
def test_consolidated_filters(positions, params, count):
    assert get(CONSOLIDATED, **params)["count"] == count


def test_consolidated_answers_revalidation(positions):
    client = Client()
    response = client.get(CONSOLIDATED)
    assert client.get(CONSOLIDATED, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


# --- Scorecards ------------------------------------------------------------------------


@pytest.fixture
def exercises(db):
    forum = OrganisationFactory(name="Forum", slug="forum")
    kondele = ScorecardFactory(
        organisation=forum,
        place_name="Kondele Health Centre",
        held_on=datetime.date(2025, 3, 14),
        groups=[("Women", 12)],
        interface_outcome="A suggestion box.",
    )
    indicator = IndicatorFactory(code="respect", text="Staff treat patients with respect")
    translate(indicator, "fr", text="Le personnel traite les patients avec respect")
    item = add_item(kondele, indicator=indicator, self_score=4, self_reasons="We try")
    give(kondele, "Women", item, 3, "Mostly polite")
    ActionFactory(scorecard=kondele, action="Post the prices", due_on=datetime.date(2020, 1, 1))
    ScorecardFactory(
        organisation=OrganisationFactory(slug="league"),
        country_id="UG",
        place_kind=Scorecard.PlaceKind.DISTRICT,
        held_on=datetime.date(2024, 5, 1),
    )
    draft = ScorecardFactory(organisation=forum, is_published=False)
    hidden = ScorecardFactory(organisation=forum, hidden_at=timezone.now())
    return {"kondele": kondele, "draft": draft, "hidden": hidden, "forum": forum}


def test_only_published_visible_scorecards_are_listed(exercises):
    body = get(SCORECARDS)
    assert body["count"] == 2
    first = body["items"][0]
    assert first["id"] == exercises["kondele"].pk  # newest first
    assert first["organisation"] == {"slug": "forum", "name": "Forum"}
    assert (first["place_kind"], first["place_kind_label"]) == ("facility", "Health facility")
    assert "groups" not in first and "items" not in first
    for other in (exercises["draft"], exercises["hidden"]):
        assert Client().get(f"{SCORECARDS}{other.pk}").status_code == 404


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"country": "ke"}, 1),
        ({"country": "UG"}, 1),
        ({"organisation": "forum"}, 1),
        ({"organisation": "nobody"}, 0),
        ({"year": 2024}, 1),
        ({"year": 2023}, 0),
        ({"place_kind": "district"}, 1),
    ],
)
def test_scorecard_filters(exercises, params, count):
    assert get(SCORECARDS, **params)["count"] == count


def test_a_scorecard_has_groups_items_self_assessment_and_action_plan(exercises):
    kondele = exercises["kondele"]
    body = get(f"{SCORECARDS}{kondele.pk}", lang="fr")
    assert body["interface_outcome"] == "A suggestion box."
    assert body["threshold"] == 10
    assert [(g["label"], g["size"], g["withheld"]) for g in body["groups"]] == [
        ("Women", 12, False)
    ]
    (item,) = body["items"]
    assert item["indicator"] == "respect"
    assert item["text"] == "Le personnel traite les patients avec respect"
    assert (item["self_score"], item["self_reasons"]) == (4, "We try")
    assert item["scores"] == [
        {
            "group": body["groups"][0]["id"],
            "score": 3,
            "reasons": "Mostly polite",
            "withheld": False,
        }
    ]
    assert (item["average"], item["groups_counted"], item["people_counted"]) == (3.0, 1, 12)
    (action,) = body["actions"]
    assert action["action"] == "Post the prices"
    assert (action["progress"], action["is_overdue"]) == ("planned", True)
    assert action["progress_label"] != ""
    assert body["url"].endswith(f"/fr/scorecards/{kondele.pk}/")


def test_scorecards_of_hidden_organisations_are_left_out(exercises):
    exercises["forum"].hidden_at = timezone.now()
    exercises["forum"].save()
    assert get(SCORECARDS)["count"] == 1
    assert Client().get(f"{SCORECARDS}{exercises['kondele'].pk}").status_code == 404


def test_scorecards_answer_revalidation(exercises):
    client = Client()
    url = f"{SCORECARDS}{exercises['kondele'].pk}"
    response = client.get(url)
    assert response["Last-Modified"] == http_date(exercises["kondele"].updated_at.timestamp())
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    listing = client.get(SCORECARDS)
    assert client.get(SCORECARDS, HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304


def test_a_hidden_mechanism_is_not_named_by_a_scorecard(exercises):
    forum = make_mechanism("Kisumu County Health Forum")
    Scorecard.objects.filter(pk=exercises["kondele"].pk).update(mechanism=forum)
    assert get(f"{SCORECARDS}{exercises['kondele'].pk}")["mechanism"] == forum.pk
    Mechanism.objects.filter(pk=forum.pk).update(hidden_at=timezone.now())
    assert get(f"{SCORECARDS}{exercises['kondele'].pk}")["mechanism"] is None


@pytest.mark.parametrize(
    ("url", "fixture", "queries"),
    [
        (FRAMEWORKS, "framework", 4),
        (CYCLES, "framework", 2),
        (ASSESSMENTS, "tracked", 5),
        (CONSOLIDATED, "positions", 5),
        (SCORECARDS, "exercises", 3),
    ],
)
def test_lists_take_a_fixed_number_of_queries(
    request, django_assert_max_num_queries, url, fixture, queries
):
    request.getfixturevalue(fixture)
    with django_assert_max_num_queries(queries):
        assert Client().get(url, {"lang": "fr"}).status_code == 200
