"""Assessing how well a mechanism works: six dimensions scored 0–3 against descriptors."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from sauti.core.models import AuditLogEntry
from sauti.mechanisms.descriptors import DIMENSIONS
from sauti.mechanisms.models import Assessment, Mechanism

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory
from .factories import AssessmentFactory, MechanismFactory, assessment_form_data


@pytest.fixture
def mechanism(db):
    return MechanismFactory(name="Nakuru Health Facility Committee")


def assess_url(mechanism):
    return reverse("mechanisms:assess", args=[mechanism.pk])


def test_form_shows_every_descriptor_before_the_choice(member, mechanism):
    page = client_for(member).get(assess_url(mechanism)).content.decode()
    assert "0 – No legal or policy basis" in page
    for dimension in DIMENSIONS:
        assert str(dimension.label) in page
        assert str(dimension.question).replace("'", "&#x27;") in page
        for score in range(4):
            assert f'name="{dimension.name}" value="{score}"' in page
        assert f'name="{dimension.name}_evidence"' in page
    assert 'name="legal" value="4"' not in page


def test_descriptors_are_shown_in_the_readers_language(catalogue, member, mechanism):
    catalogue(
        "fr",
        {
            "0 – No legal or policy basis; it exists at someone's goodwill.": (
                "0 – Aucune base juridique ni politique ; il existe par bonne volonté."
            ),
            "Legal foundation": "Fondement juridique",
        },
    )
    page = client_for(member).get(f"/fr/mechanisms/{mechanism.pk}/assess/").content.decode()
    assert "0 – Aucune base juridique ni politique" in page
    assert "Fondement juridique" in page
    assert "0 – No legal or policy basis" not in page


def test_member_records_an_assessment(member, organisation, mechanism):
    data = assessment_form_data(
        organisation,
        legal="3",
        inclusion="2",
        influence="1",
        capacity="0",
        accountability="2",
        resources="1",
        legal_evidence="Kenya Health Act 2017, s. 15",
        inclusion_evidence="<b>Two</b> seats for youth groups",
        note="Observed three meetings in 2024.",
    )
    response = client_for(member).post(assess_url(mechanism), data, follow=True)
    assert response.redirect_chain == [(mechanism.get_absolute_url(), 302)]
    page = response.content.decode()
    assert "Assessment recorded." in page
    assert "1 assessment so far." in page
    assert f"Latest by {organisation.name}" in page
    assert "9/18" in page
    assert "Kenya Health Act 2017, s. 15" in page

    assessment = Assessment.objects.get()
    assert assessment.mechanism == mechanism
    assert assessment.organisation == organisation
    assert assessment.assessor == member
    assert assessment.assessed_on == datetime.date(2025, 4, 10)
    assert assessment.scores() == {
        "legal": 3,
        "inclusion": 2,
        "influence": 1,
        "capacity": 0,
        "accountability": 2,
        "resources": 1,
    }
    # Evidence per dimension, plain text, only where given.
    assert assessment.evidence == {
        "legal": "Kenya Health Act 2017, s. 15",
        "inclusion": "Two seats for youth groups",
    }
    assert assessment.note == "Observed three meetings in 2024."

    mechanism = Mechanism.objects.get(pk=mechanism.pk)
    assert mechanism.latest_assessment == assessment
    assert (mechanism.score_legal, mechanism.score_capacity, mechanism.score_resources) == (
        3,
        0,
        1,
    )

    entry = AuditLogEntry.objects.get(action="mechanism.assess")
    assert entry.actor == member
    assert entry.target_id == str(mechanism.pk)
    assert entry.data == {"assessment": assessment.pk, "organisation": organisation.pk}


@pytest.mark.parametrize("score", ["4", "-1", "3.5", "three", ""])
def test_scores_outside_0_to_3_are_refused(member, organisation, mechanism, score):
    data = assessment_form_data(organisation, legal=score)
    response = client_for(member).post(assess_url(mechanism), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_legal_error"' in page
    if score == "4":
        assert "Select a valid choice. 4 is not one of the available choices." in page
    assert not Assessment.objects.exists()
    assert Mechanism.objects.get(pk=mechanism.pk).score_legal is None


def test_cannot_assess_on_behalf_of_an_organisation_one_does_not_belong_to(member, mechanism):
    other = OrganisationFactory(name="Other Coalition")
    response = client_for(member).post(assess_url(mechanism), assessment_form_data(other))
    assert response.status_code == 200
    assert 'id="id_organisation_error"' in response.content.decode()
    assert not Assessment.objects.exists()
    assert not AuditLogEntry.objects.filter(action="mechanism.assess").exists()


def test_form_offers_only_the_assessors_organisations(member, organisation, mechanism):
    OrganisationFactory(name="Other Coalition")
    page = client_for(member).get(assess_url(mechanism)).content.decode()
    assert organisation.name in page
    assert "Other Coalition" not in page


def test_bad_dates_and_garbage_are_answered_with_errors(member, organisation, mechanism):
    data = assessment_form_data(
        organisation,
        assessed_on="2025-13-45",
        legal_evidence="e" * 3000,
        note="\x00",
    )
    data["organisation"] = "not-a-number"
    response = client_for(member).post(assess_url(mechanism), data)
    assert response.status_code == 200
    page = response.content.decode()
    for field in ("assessed_on", "legal_evidence", "organisation", "note"):
        assert f'id="id_{field}_error"' in page
    assert not Assessment.objects.exists()


def test_latest_scores_follow_the_newest_assessment_by_date(member, organisation, mechanism):
    client = client_for(member)
    newer = assessment_form_data(organisation, assessed_on="2025-06-01", legal="3")
    client.post(assess_url(mechanism), newer)
    # Recorded later, but about an earlier date: it joins the history only.
    older = assessment_form_data(organisation, assessed_on="2024-01-15", legal="0")
    client.post(assess_url(mechanism), older)

    assert Assessment.objects.count() == 2
    mechanism = Mechanism.objects.get(pk=mechanism.pk)
    assert mechanism.score_legal == 3
    assert mechanism.latest_assessment.assessed_on == datetime.date(2025, 6, 1)

    # A newer one then takes over.
    client.post(assess_url(mechanism), assessment_form_data(organisation, assessed_on="2025-09-01"))
    mechanism = Mechanism.objects.get(pk=mechanism.pk)
    assert mechanism.score_legal == 1
    assert mechanism.latest_assessment.assessed_on == datetime.date(2025, 9, 1)


def test_detail_shows_the_spread_between_organisations(organisation, mechanism):
    other = OrganisationFactory(name="Nakuru Youth Voice")
    AssessmentFactory(
        mechanism=mechanism,
        organisation=organisation,
        assessed_on=datetime.date(2025, 1, 1),
        legal=1,
        inclusion=0,
    )
    AssessmentFactory(
        mechanism=mechanism,
        organisation=other,
        assessed_on=datetime.date(2025, 2, 1),
        legal=3,
        inclusion=0,
    )
    page = client_for(None).get(mechanism.get_absolute_url()).content.decode()
    assert "2 assessments so far." in page
    assert "Latest by Nakuru Youth Voice" in page
    assert "Lowest and highest among assessors" in page
    assert '<th scope="row">Legal foundation</th><td>3/3</td><td>1–3</td>' in page
    assert '<th scope="row">Inclusive representation</th><td>0/3</td><td>0–0</td>' in page


def test_no_spread_when_one_organisation_assessed_twice(organisation, mechanism):
    AssessmentFactory(mechanism=mechanism, organisation=organisation, legal=1)
    AssessmentFactory(
        mechanism=mechanism,
        organisation=organisation,
        legal=2,
        assessed_on=datetime.date(2025, 5, 1),
    )
    page = client_for(None).get(mechanism.get_absolute_url()).content.decode()
    assert "2 assessments so far." in page
    assert "Lowest and highest among assessors" not in page
    assert '<th scope="row">Legal foundation</th><td>2/3</td></tr>' in page


def test_a_member_of_two_organisations_chooses_which_one_assesses(member, organisation, mechanism):
    second = MembershipFactory(user=member, organisation=OrganisationFactory()).organisation
    client_for(member).post(assess_url(mechanism), assessment_form_data(second))
    assert Assessment.objects.get().organisation == second


def test_assessing_an_unknown_mechanism_is_not_found(member):
    assert client_for(member).get("/en/mechanisms/999999/assess/").status_code == 404
