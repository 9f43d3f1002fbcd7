"""Gap analysis selectors: what is counted, over what, and what is called missing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sauti.core.models import Country, Region
from sauti.mechanisms import gaps
from sauti.mechanisms.models import Mechanism

from .factories import AssessmentFactory, MechanismFactory

pytestmark = pytest.mark.django_db

BUDGET = gaps.FACTS_BY_KEY["has_budget"]
LEGAL = gaps.FACTS_BY_KEY["legal_basis"]


def kenya() -> gaps.Scope:
    return gaps.Scope(country=Country.objects.get(code="KE"))


def africa() -> gaps.Scope:
    return gaps.Scope(region=Region.objects.get(code="AFR"))


def test_a_share_counts_only_the_known_answers():
    for answer in (True, True, True, False, None, None):
        MechanismFactory(has_budget=answer)

    tally = gaps.scope_tally(kenya())

    assert tally.total == 6
    assert tally.answers(BUDGET) == (3, 4)
    assert tally.share(BUDGET) == 0.75
    assert gaps.known_share_text(3, 4) == "3 of 4 known (75%)"
    row = next(
        r for r in gaps._fact_rows(tally, gaps.FACTS, kenya()) if r.label == "Dedicated budget"
    )
    assert (row.yes, row.no, row.unknown) == (3, 1, 2)
    assert row.share == "3 of 4 known (75%)"


def test_nothing_known_is_said_so_rather_than_divided_by_zero():
    MechanismFactory(has_budget=None)

    tally = gaps.scope_tally(kenya())

    assert tally.answers(BUDGET) == (0, 0)
    assert tally.share(BUDGET) is None
    assert gaps.known_share_text(0, 0) == "No answer known"


def test_a_legal_basis_is_known_when_filled_in_and_none_is_a_known_no():
    for basis in ("law", "constitution", "none", ""):
        MechanismFactory(legal_basis=basis)

    assert gaps.scope_tally(kenya()).answers(LEGAL) == (2, 3)


def test_hidden_mechanisms_are_left_out_of_every_figure():
    MechanismFactory(has_budget=True, constituencies=["women"])
    MechanismFactory(
        has_budget=True,
        kind=Mechanism.Kind.COUNCIL,
        constituencies=["women", "youth"],
        hidden_at=timezone.now(),
    )

    region = africa()
    tallies = {
        "country": gaps.scope_tally(kenya()),
        "region": gaps.Tally.summed(gaps.tallies_by_country(region).values()),
        "world": gaps.scope_tally(gaps.Scope()),
    }
    for tally in tallies.values():
        assert tally.total == 1
        assert tally.answers(BUDGET) == (1, 1)
        assert tally["kind:council"] == 0
    for scope in (kenya(), region, gaps.Scope()):
        assert gaps.constituency_counts(scope) == {"women": 1}
    counts = gaps.tallies_by_country(gaps.Scope(), ("total",))
    assert {code: tally.total for code, tally in counts.items()} == {"KE": 1}


def test_a_country_whose_only_mechanisms_are_hidden_has_none():
    MechanismFactory(country_id="NG", hidden_at=timezone.now())

    assert gaps.tallies_by_country(gaps.Scope(), ("total",)) == {}
    assert gaps.tallies_by_country(africa()) == {}


def test_region_and_world_figures_add_up_their_countries():
    MechanismFactory(country_id="KE", has_budget=True)
    MechanismFactory(country_id="NG", has_budget=False)
    MechanismFactory(country_id="NG", has_budget=None)
    MechanismFactory(country_id="BR", has_budget=True)

    by_country = gaps.tallies_by_country(africa())
    assert set(by_country) == {"KE", "NG"}
    assert by_country["NG"].answers(BUDGET) == (0, 1)
    assert gaps.Tally.summed(by_country.values()).answers(BUDGET) == (1, 2)
    world = gaps.scope_tally(gaps.Scope())
    assert world.total == 4
    assert world.answers(BUDGET) == (2, 3)
    every = gaps.tallies_by_country(gaps.Scope())
    assert gaps.Tally.summed(every.values()).values == world.values


def test_counts_by_kind_level_spectrum_and_stage():
    MechanismFactory(kind="council", level="national", spectrum="consult", stage_planning=True)
    MechanismFactory(kind="council", level="district", spectrum="", stage_planning=False)
    MechanismFactory(kind="forum", level="district", spectrum="empower", stage_planning=None)

    tally = gaps.scope_tally(kenya())

    assert (tally["kind:council"], tally["kind:forum"], tally["kind:assembly"]) == (2, 1, 0)
    assert (tally["level:national"], tally["level:district"]) == (1, 2)
    assert (tally["spectrum:consult"], tally["spectrum:empower"]) == (1, 1)
    stage = next(s for s in gaps.STAGES if s.key == "stage_planning")
    assert tally.answers(stage) == (1, 2)


def test_constituency_shares_come_from_one_group_by(django_assert_num_queries):
    MechanismFactory(constituencies=["women", "hiv"])
    MechanismFactory(constituencies=["women"])
    MechanismFactory(country_id="BR", constituencies=["indigenous"])

    scope = kenya()
    with django_assert_num_queries(1):
        assert gaps.constituency_counts(scope) == {"women": 2, "hiv": 1}
    with django_assert_num_queries(2):
        assert gaps.constituency_counts(gaps.Scope()) == {"women": 2, "hiv": 1, "indigenous": 1}


def test_scores_average_the_latest_assessment_of_each_assessed_mechanism():
    first = MechanismFactory()
    AssessmentFactory(mechanism=first, legal=0, assessed_on="2024-01-01")
    AssessmentFactory(mechanism=first, legal=3, capacity=1, assessed_on="2025-01-01")
    second = MechanismFactory()
    AssessmentFactory(mechanism=second, legal=2, capacity=0)
    MechanismFactory()  # not assessed

    tally = gaps.scope_tally(kenya())

    assert tally.assessed == 2
    assert tally.average("legal") == 2.5
    assert tally.average("capacity") == 0.5
    # factory defaults: inclusion 1, influence 1, accountability 2, resources 1
    assert tally.mean_score == pytest.approx((2.5 + 1 + 1 + 0.5 + 2 + 1) / 6)


def test_no_assessment_means_no_average():
    MechanismFactory()

    tally = gaps.scope_tally(kenya())

    assert tally.assessed == 0
    assert tally.average("legal") is None
    assert tally.mean_score is None
    assert gaps._score_section(tally) is None


def test_one_query_for_a_scope_whatever_its_size(django_assert_num_queries):
    for _ in range(30):
        MechanismFactory(has_budget=True)
    country, region = kenya(), africa()
    with django_assert_num_queries(1):
        gaps.scope_tally(country)
    with django_assert_num_queries(1):
        gaps.tallies_by_country(region)


def test_what_is_missing_names_the_lowest_shares_weak_dimensions_and_absent_groups():
    for index in range(4):
        mechanism = MechanismFactory(
            legal_basis="law",
            has_budget=index == 0,  # 1 of 4
            has_secretariat=index < 2,  # 2 of 4
            has_office=False,  # 0 of 4
            publishes_minutes=index < 3,  # 3 of 4: above half, not named
            gives_feedback=None if index else False,  # 0 of 1
            is_formal=False,  # never named
            constituencies=["women"] if index else [],
        )
        AssessmentFactory(mechanism=mechanism, legal=3, capacity=0)

    sentences = gaps.missing(gaps.scope_tally(kenya()), gaps.constituency_counts(kenya()))

    assert sentences[:3] == [
        "Only 0% of mechanisms have their own office space (0 of 4 known).",
        "Only 0% of mechanisms tell participants what was done with their input (0 of 1 known).",
        "Only 25% of mechanisms have a dedicated budget (1 of 4 known).",
    ]
    assert not any("secretariat" in s or "minutes" in s or "formal" in s for s in sentences)
    assert "Capacity building averages only 0.0 out of 3 in the latest assessments." in sentences
    assert not any(s.startswith("Legal foundation") for s in sentences)
    absent = next(s for s in sentences if s.startswith("No mechanism is recorded"))
    assert "Women" not in absent
    assert "People living with HIV" in absent
    assert "Health workers" in absent


def test_what_is_missing_says_when_nothing_is_assessed_or_known():
    MechanismFactory()

    sentences = gaps.missing(gaps.scope_tally(kenya()), {})

    assert "No mechanism here has been assessed yet." in sentences
    assert any(s.startswith("More than half of the answers") for s in sentences)


def test_nothing_is_missing_where_nothing_is_recorded():
    tally = gaps.scope_tally(kenya())

    assert tally.total == 0
    assert gaps.missing(tally, {}) == []
    context = gaps.sections(tally, {}, kenya())
    assert context["total"] == 0
    assert "facts" not in context


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("count", "count"),
        ("legal", "legal"),
        ("budget", "budget"),
        ("score", "score"),
        ("", "count"),
        (None, "count"),
        ("junk", "count"),
        ("COUNT", "count"),
    ],
)
def test_an_unknown_indicator_falls_back_to_the_number_of_mechanisms(value, expected):
    assert gaps.indicator_from(value).key == expected


def test_map_values_for_each_indicator():
    MechanismFactory(country_id="KE", legal_basis="law", has_budget=False)
    MechanismFactory(country_id="KE", legal_basis="none", has_budget=None)
    assessed = MechanismFactory(country_id="NG")
    AssessmentFactory(
        mechanism=assessed,
        legal=3,
        inclusion=3,
        influence=3,
        capacity=3,
        accountability=3,
        resources=3,
    )

    def values(key: str) -> dict[str, float | None]:
        indicator = gaps.INDICATORS[key]
        tallies = gaps.tallies_by_country(gaps.Scope(), indicator.columns)
        return {code: indicator.value(tally) for code, tally in tallies.items()}

    assert values("count") == {"KE": 2, "NG": 1}
    assert values("legal") == {"KE": 50.0, "NG": None}
    assert values("budget") == {"KE": 0.0, "NG": None}
    assert values("score") == {"KE": None, "NG": 3.0}
