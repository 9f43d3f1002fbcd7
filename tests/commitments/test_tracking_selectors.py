"""The figures of the country scorecard, the regional and global comparisons and the history."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sauti.commitments import selectors, services
from sauti.commitments.models import Consolidated, Status
from sauti.commitments.selectors import DOWN, SAME, UP, most_common, trend
from sauti.core.models import Country, Region

from ..factories import OrganisationFactory
from .factories import (
    ConsolidatedEntryFactory,
    ConsolidatedFactory,
    CountryAssessmentFactory,
    EvidenceFactory,
    framework_with,
    open_cycle,
)

pytestmark = pytest.mark.django_db

STATUSES = list(Status.values)


def counts(cells_row, status_counts: dict[str, int], not_assessed: int) -> None:
    expected = [status_counts.get(status, 0) for status in STATUSES]
    assert cells_row["counts"] == expected
    assert cells_row["not_assessed"] == not_assessed


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, None),
        ({"initial": 2, "in_progress": 1}, "initial"),
        ({"initial": 1, "in_progress": 1}, "initial"),  # a tie claims less progress
        ({"regressing": 1, "no_action": 1}, "regressing"),
        ({"no_information": 1, "no_action": 1}, "no_action"),  # something beats nothing
        ({"no_information": 3, "no_action": 1}, "no_information"),
    ],
)
def test_most_common(given, expected):
    assert most_common(given) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("initial", "in_progress", UP),
        ("largely_achieved", "regressing", DOWN),
        ("no_action", "regressing", DOWN),
        ("initial", "initial", SAME),
        ("no_information", "initial", None),
        (None, "initial", None),
    ],
)
def test_trend_follows_the_rank_of_statuses(before, after, expected):
    assert trend(before, after) == expected


@pytest.fixture
def scenario():
    framework, (c1, c2, c3) = framework_with(3)
    cycle_a = open_cycle(year=2100, name="Cycle A")
    cycle_b = open_cycle(year=2101, name="Cycle B")
    o1, o2, o3 = (OrganisationFactory() for _ in range(3))
    hidden = OrganisationFactory(hidden_at=timezone.now())

    def assess(organisation, commitment, cycle, status, country="KE"):
        return CountryAssessmentFactory(
            organisation=organisation,
            commitment=commitment,
            cycle=cycle,
            status=status,
            country_id=country,
        )

    first = assess(o1, c1, cycle_a, "initial")
    assess(o2, c1, cycle_a, "initial")
    third = assess(o3, c1, cycle_a, "in_progress")
    EvidenceFactory.create_batch(2, assessment=first)
    EvidenceFactory(assessment=third)
    assess(o1, c1, cycle_b, "in_progress")
    assess(o1, c2, cycle_a, "in_progress")
    assess(o2, c2, cycle_a, "initial")
    assess(o1, c2, cycle_b, "largely_achieved")
    assess(o1, c3, cycle_a, "no_information")
    assess(o2, c3, cycle_a, "no_action")
    EvidenceFactory(assessment=assess(hidden, c3, cycle_a, "largely_achieved"))
    assess(o1, c3, cycle_b, "no_action")
    # A coalition's published position outweighs the organisations' statuses.
    published = ConsolidatedFactory(
        cycle=cycle_b,
        state=Consolidated.State.PUBLISHED,
        published_at=timezone.now(),
        coalition__name="Kenya Coalition",
    )
    ConsolidatedEntryFactory(consolidated=published, commitment=c2, status="no_action")
    # A draft does not.
    draft = ConsolidatedFactory(cycle=cycle_b)
    ConsolidatedEntryFactory(consolidated=draft, commitment=c1, status="regressing")
    # Other countries, for the comparisons.
    assess(OrganisationFactory(), c1, cycle_a, "largely_achieved", country="UG")
    assess(OrganisationFactory(), c1, cycle_a, "initial", country="TH")
    return {
        "framework": framework,
        "commitments": (c1, c2, c3),
        "cycles": (cycle_a, cycle_b),
        "published": published,
    }


def test_the_country_scorecard(scenario):
    c1, c2, c3 = scenario["commitments"]
    cycle_a, cycle_b = scenario["cycles"]
    found = selectors.country_scorecard(Country.objects.get(pk="KE"))
    assert found["assessed"]
    assert found["published"] == [scenario["published"]]
    table = next(t for t in found["tables"] if t["framework"] == scenario["framework"])
    cells = {
        row["commitment"]: {cycle: cell for cycle, cell in row["cells"]} for row in table["rows"]
    }

    cell = cells[c1][cycle_a]
    assert (cell.status, cell.label, cell.source) == ("initial", "Initial steps", "organisations")
    assert (cell.organisations, cell.agreeing, cell.differs, cell.evidence) == (3, 2, True, 3)
    assert cell.trend is None  # the cycle before (2030) has no status
    cell = cells[c1][cycle_b]
    assert (cell.status, cell.trend, cell.arrow) == ("in_progress", UP, "↑")
    assert cell.trend_text == "Better than in 2100"  # the year: no other cycle has it
    assert not cell.differs

    assert cells[c2][cycle_a].status == "initial"  # a tie: the less progress
    cell = cells[c2][cycle_b]
    assert (cell.status, cell.source, cell.coalition) == (
        "no_action",
        "coalition",
        "Kenya Coalition",
    )
    assert cell.consolidated_id == scenario["published"].pk
    assert (cell.trend, cell.trend_text) == (DOWN, "Worse than in 2100")

    cell = cells[c3][cycle_a]
    assert (cell.status, cell.organisations, cell.evidence) == ("no_action", 2, 0)  # hidden out
    assert cells[c3][cycle_b].trend == SAME


def test_a_country_without_assessments():
    found = selectors.country_scorecard(Country.objects.get(pk="FJ"))
    assert not found["assessed"]
    cells = [cell for t in found["tables"] for row in t["rows"] for _c, cell in row["cells"]]
    assert cells and all(cell.status is None for cell in cells)


def test_the_regional_comparison(scenario):
    cycle_a, _cycle_b = scenario["cycles"]
    africa = Region.objects.get(pk="AFR")
    found = selectors.region_comparison(africa, cycle_a, scenario["framework"])
    total = africa.countries.count()
    assert found["country_count"] == total
    assert found["assessed_countries"] == 2
    rows = {row["country"].code: row for row in found["rows"]}
    assert "TH" not in rows
    assert [cell.status for cell in rows["KE"]["cells"]] == ["initial", "initial", "no_action"]
    assert [cell.status for cell in rows["UG"]["cells"]] == ["largely_achieved", None, None]
    assert found["commitments"] == list(scenario["commitments"])
    counts(found["summary"][0], {"initial": 1, "largely_achieved": 1}, total - 2)
    counts(found["summary"][2], {"no_action": 1}, total - 1)


def test_the_global_overview(scenario, django_assert_max_num_queries):
    c1, _c2, _c3 = scenario["commitments"]
    cycle_a, cycle_b = scenario["cycles"]
    world = Country.objects.count()
    with django_assert_max_num_queries(5):  # commitments, translations, 3 counts
        found = selectors.global_overview(cycle_a, scenario["framework"])
    assert found["country_count"] == world
    first = found["by_commitment"][0]
    assert first["commitment"] == c1
    counts(first, {"initial": 2, "largely_achieved": 1}, world - 3)
    assert first["progress"] == 1
    africa = found["by_region"]["AFR"][c1.pk]
    counts(africa, {"initial": 1, "largely_achieved": 1}, found["countries_per_region"]["AFR"] - 2)
    assert found["by_region"]["SEAR"][c1.pk]["counts"][STATUSES.index("initial")] == 1
    later = selectors.global_overview(cycle_b, scenario["framework"])
    counts(later["by_commitment"][1], {"no_action": 1}, world - 1)  # the coalition's status
    chart = selectors.world_chart(found)
    assert "<svg" in chart["chart"]
    assert chart["chart_table"].rows[0].cells[0] == "1"


def test_a_trend_names_the_cycle_by_its_year_unless_another_shares_it():
    review = open_cycle(year=2100, name="National review 2100")
    report = open_cycle(year=2100, name="Report 2100")
    alone = open_cycle(year=2101, name="Report 2101")
    names = selectors.short_names([review, report, alone])
    assert names == {review.pk: "National review 2100", report.pk: "Report 2100", alone.pk: "2101"}


def test_the_overview_of_one_commitment(scenario):
    c1, _c2, _c3 = scenario["commitments"]
    cycle_a, cycle_b = scenario["cycles"]
    rows = {row["cycle"]: row for row in selectors.commitment_overview(c1, selectors.cycles())}
    world = Country.objects.count()
    counts(rows[cycle_a], {"initial": 2, "largely_achieved": 1}, world - 3)
    counts(rows[cycle_b], {"in_progress": 1}, world - 1)


def test_the_history_of_a_commitment_in_a_country(organisation, editor):
    _framework, (c1, c2) = framework_with(2)
    cycle = open_cycle()
    kenya = Country.objects.get(pk="KE")
    other = OrganisationFactory(name="Second opinion")
    common = {"country": kenya, "cycle": cycle, "commitment": c1, "acting_user": editor}
    services.record_assessment(organisation=organisation, status="initial", **common)
    services.record_assessment(
        organisation=organisation,
        status="in_progress",
        evidence=[{"title": "Budget line", "url": "https://example.org/b"}],
        **common,
    )
    services.record_assessment(organisation=other, status="no_action", **common)
    services.record_assessment(
        organisation=other, status="no_action", **{**common, "commitment": c2}
    )
    found = selectors.commitment_history(kenya, c1)
    rows = selectors.describe_versions(
        found["versions"], found["assessments"], found["evidence_type"]
    )
    assert [(r["assessment"].organisation, r["status"]) for r in rows] == [
        (other, "no_action"),
        (organisation, "in_progress"),
        (organisation, "initial"),
    ]
    assert rows[1]["evidence"] == ["Budget line"]
    assert rows[1]["change"] == "Status, Evidence"
    assert rows[2]["change"] == "First recorded"


def test_member_statuses_and_agreement(organisation):
    from sauti.accounts.models import Organisation

    from .factories import join

    _framework, (c1,) = framework_with(1)
    cycle = open_cycle()
    coalition = OrganisationFactory(kind=Organisation.Kind.NETWORK)
    agree, differ = OrganisationFactory(name="Agrees"), OrganisationFactory(name="Differs")
    join(coalition, agree)
    join(coalition, differ)
    CountryAssessmentFactory(organisation=agree, cycle=cycle, commitment=c1, status="initial")
    CountryAssessmentFactory(organisation=differ, cycle=cycle, commitment=c1, status="no_action")
    draft = ConsolidatedFactory(coalition=coalition, cycle=cycle)
    ConsolidatedEntryFactory(consolidated=draft, commitment=c1, status="initial")
    found = selectors.consolidated_view(draft)
    agreement = found["rows"][0]["agreement"]
    assert agreement.agree == [agree]
    assert agreement.differ_labels == [(differ, "No action")]
    assert (found["agreeing"], found["differing"]) == (0, 1)
