"""The demo data for country tracking and scorecards: the promised shapes, marked, loaded once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.core.validators import URLValidator
from reversion.models import Version

from sauti.accounts.models import Organisation
from sauti.commitments import selectors
from sauti.commitments.data import demo_commitments
from sauti.commitments.models import (
    ActionItem,
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Evidence,
    GroupScore,
    ParticipantGroup,
    Scorecard,
    ScorecardItem,
    Status,
)
from sauti.core.privacy import disclosure_threshold


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            CountryAssessment,
            Evidence,
            Consolidated,
            ConsolidatedEntry,
            Scorecard,
            ParticipantGroup,
            ScorecardItem,
            GroupScore,
            ActionItem,
            Version,
        )
    }


@pytest.fixture
def loaded(db):
    call_command("load_demo", stdout=StringIO())
    call_command("load_mechanisms_demo", stdout=StringIO())
    out = StringIO()
    call_command("load_commitments_demo", stdout=out)
    return out.getvalue()


def test_needs_the_demo_organisations_and_mechanisms_first(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_commitments_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    with pytest.raises(CommandError, match="load_mechanisms_demo"):
        call_command("load_commitments_demo", stdout=StringIO())
    assert not CountryAssessment.objects.exists()
    assert not Scorecard.objects.exists()


def test_a_second_run_adds_nothing(loaded):
    total = demo_commitments.assessment_count()
    assert f"demo country assessments: {total} added, 0 already there" in loaded
    first = counts()

    out = StringIO()
    call_command("load_commitments_demo", stdout=out)

    assert counts() == first
    assert f"demo country assessments: 0 added, {total} already there" in out.getvalue()
    assert "demo consolidated assessments: 0 added" in out.getvalue()
    assert "demo scorecards: 0 added" in out.getvalue()


def test_countries_are_assessed_over_two_cycles_by_several_organisations(loaded):
    assessments = CountryAssessment.objects.all()
    assert assessments.count() == demo_commitments.assessment_count()
    assert not assessments.filter(is_demo=False).exists()
    assert not assessments.filter(organisation__is_demo=False).exists()

    countries = set(assessments.values_list("country", flat=True))
    assert len(countries) >= 4
    assert set(assessments.values_list("cycle__code", flat=True)) == {"2026", "2028"}
    for country in countries:
        of_country = assessments.filter(country=country)
        assert of_country.values("organisation").distinct().count() >= 2, country
        assert set(of_country.values_list("cycle__code", flat=True)) == {"2026", "2028"}
        # The 2026 cycle is complete: ten commitments by at least one organisation.
        assert of_country.filter(cycle__code="2026").values("commitment").distinct().count() == 10

    # Organisations do not all agree, and some commitments go backwards.
    disagreements = [
        key
        for key in assessments.values_list("country", "cycle", "commitment").distinct()
        if assessments.filter(country=key[0], cycle=key[1], commitment=key[2])
        .values("status")
        .distinct()
        .count()
        > 1
    ]
    assert len(disagreements) >= 5
    assert assessments.filter(status=Status.REGRESSING, cycle__code="2028").count() >= 3
    assert assessments.exclude(narrative="").count() >= 100


def test_every_assessment_is_versioned_by_a_demo_member_with_its_evidence(loaded):
    validate = URLValidator(schemes=["https"])
    for assessment in CountryAssessment.objects.select_related("organisation"):
        versions = Version.objects.get_for_object(assessment)
        assert versions.exists(), assessment
        for version in versions:
            assert "demo" in version.revision.comment
            user = version.revision.user
            assert user is not None
            assert user.memberships.filter(organisation=assessment.organisation).exists()
    # Some assessments were changed after they were first recorded.
    changed = [
        a for a in CountryAssessment.objects.all() if Version.objects.get_for_object(a).count() > 1
    ]
    assert changed

    evidence = Evidence.objects.select_related("assessment", "mechanism")
    assert evidence.filter(mechanism__isnull=False).count() >= 10
    for item in evidence:
        assert item.title
        assert item.url or item.mechanism_id
        if item.url:
            validate(item.url)
        if item.mechanism_id:
            assert item.mechanism.country_id == item.assessment.country_id
        if "example.org" in item.url:
            assert "demo" in item.title or "démonstration" in item.title


def test_coalitions_published_consolidated_assessments_with_their_members_statuses(loaded):
    consolidated = Consolidated.objects.select_related("coalition", "country", "cycle")
    assert consolidated.count() == len(demo_commitments.CONSOLIDATED) >= 2
    assert consolidated.values("coalition").distinct().count() >= 2
    assert consolidated.values("country").distinct().count() >= 2
    for item in consolidated:
        assert item.is_demo and item.is_published and item.published_at
        assert item.coalition.kind == Organisation.Kind.NETWORK
        assert item.cycle.code == "2026"
        assert item.entries.count() == 10
        members = {str(pk) for pk in selectors.coalition_member_ids(item.coalition)}
        snapshots = [entry.member_statuses for entry in item.entries.all()]
        assert all(snapshots), item
        for snapshot in snapshots:
            assert set(snapshot) <= members
            assert set(snapshot.values()) <= set(Status.values)
    # Somewhere a coalition's members differ between themselves.
    assert any(
        len(set(entry.member_statuses.values())) > 1 for entry in ConsolidatedEntry.objects.all()
    )


def test_scorecards_have_groups_scores_an_interface_meeting_and_action_plans(loaded):
    scorecards = Scorecard.objects.all()
    assert scorecards.count() == len(demo_commitments.SCORECARDS) >= 6
    assert not scorecards.filter(is_demo=False).exists()
    assert scorecards.filter(is_published=False).count() == 1
    assert scorecards.values("country").distinct().count() >= 4
    assert {"facility", "district", "mechanism"} <= set(
        scorecards.values_list("place_kind", flat=True)
    )
    threshold = disclosure_threshold()
    small = ParticipantGroup.objects.filter(
        scorecard__is_published=True, size__lt=threshold
    ).count()
    assert small >= 1
    assert ParticipantGroup.objects.filter(size__gte=threshold).exists()

    for scorecard in scorecards:
        groups = scorecard.groups.count()
        assert 3 <= groups <= 4, scorecard
        items = scorecard.items.all()
        library = items.filter(indicator__isnull=False).count()
        assert 5 <= library <= 7, scorecard
        assert items.filter(indicator__isnull=True).exclude(text="").count() == 1, scorecard
        assert GroupScore.objects.filter(item__scorecard=scorecard).count() == groups * len(items)
        if scorecard.is_published:
            assert scorecard.interface_outcome
            assert all(item.self_score for item in items)
            assert 2 <= scorecard.actions.count() <= 4, scorecard
            assert scorecard.mechanism is None or (
                scorecard.mechanism.country_id == scorecard.country_id
            )

    actions = ActionItem.objects.all()
    assert set(actions.values_list("progress", flat=True)) == set(ActionItem.Progress.values)
    assert sum(action.is_overdue() for action in actions) >= 3
    for score in GroupScore.objects.all():
        score.full_clean()


def test_the_demo_data_file_is_consistent():
    for spec in demo_commitments.ASSESSMENTS:
        marks = spec["statuses"].split()
        assert len(marks) == 10, spec
        assert set(marks) <= {*demo_commitments.STATUS_TOKENS, "-"}
        assessed = {number for number, mark in enumerate(marks, start=1) if mark != "-"}
        assert set(spec["narratives"]) <= assessed, spec
        assert set(spec["evidence"]) <= assessed, spec
        assert set(spec.get("earlier", {})) <= assessed, spec
        assert ("earlier" in spec) == ("updated_on" in spec), spec
    keys = [(s["org"], s["country"], s["cycle"]) for s in demo_commitments.ASSESSMENTS]
    assert len(keys) == len(set(keys))
    for spec in demo_commitments.SCORECARDS:
        for item in spec["items"]:
            assert len(item["scores"]) == len(spec["groups"]), spec["place_name"]
            assert all(1 <= score <= 5 for score, _reason in item["scores"])
