"""Recording country assessments through the API: tokens, scopes, permissions, validation.

A token with the ``commitments:write`` scope acts as its owner, who must be an
editor or administrator of the assessing organisation (a plain member reads and
discusses, as on the web). Writes go through the same service as the web form:
a closed cycle takes nothing, links must be web addresses, every change is a
version in the commitment's history and a line in the audit log.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from sauti.accounts.models import Membership
from sauti.api.auth import issue_token, revoke_token
from sauti.commitments.models import CountryAssessment, Evidence, Status
from sauti.core.models import AuditLogEntry

from ..factories import MembershipFactory, OrganisationFactory
from .commitments_factories import (
    CountryAssessmentFactory,
    CycleFactory,
    EvidenceFactory,
    closed_cycle,
    framework_with,
    future_cycle,
)
from .test_mechanisms_read import make_mechanism

LIST = "/api/v1/country-assessments/"
WRITE = ["commitments:write"]


def bearer(user, scopes=WRITE):
    _token, raw = issue_token(owner=user, name="script", scopes=scopes)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def send(method, url, body, headers=None):
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(Client(), method)(url, data, content_type="application/json", **(headers or {}))


def post(body, headers=None):
    return send("post", LIST, body, headers)


def patch(pk, body, headers=None):
    return send("patch", f"{LIST}{pk}", body, headers)


@pytest.fixture
def setting(organisation):
    """A framework of two commitments and an open cycle; a body that records commitment 1."""
    _framework, commitments = framework_with(2, code="api-write")
    cycle = CycleFactory(code="open-cycle")
    body = {
        "organisation": organisation.slug,
        "country": "KE",
        "cycle": cycle.code,
        "commitment": commitments[0].pk,
        "status": "initial",
        "narrative": "A national health assembly met once.",
        "evidence": [{"title": "Assembly report", "url": "https://example.org/report"}],
    }
    return {"commitments": commitments, "cycle": cycle, "body": body}


@pytest.fixture
def existing(setting, organisation):
    """An assessment of commitment 2 by ``organisation``, with one link."""
    assessment = CountryAssessmentFactory(
        organisation=organisation,
        cycle=setting["cycle"],
        commitment=setting["commitments"][1],
        status=Status.NO_ACTION,
        narrative="Nothing yet.",
    )
    EvidenceFactory(assessment=assessment, title="Old report")
    return assessment


# --- Who may write ------------------------------------------------------------------


def test_without_a_token_writes_are_a_401(setting, existing):
    for response in (post(setting["body"]), patch(existing.pk, {"status": "initial"})):
        assert response.status_code == 401
        assert "Authentication required" in response.json()["detail"]
        assert response["WWW-Authenticate"].startswith("Bearer")
    assert CountryAssessment.objects.count() == 1


def test_an_unknown_or_revoked_token_is_a_401(setting, editor):
    response = post(setting["body"], {"HTTP_AUTHORIZATION": "Bearer sauti_nope"})
    assert response.status_code == 401
    token, raw = issue_token(owner=editor, name="old", scopes=WRITE)
    revoke_token(token, acting_user=editor)
    response = post(setting["body"], {"HTTP_AUTHORIZATION": f"Bearer {raw}"})
    assert response.status_code == 401
    assert not CountryAssessment.objects.exists()


@pytest.mark.parametrize("scopes", [[], ["mechanisms:write"]])
def test_a_token_without_the_scope_is_a_403(setting, existing, editor, scopes):
    headers = bearer(editor, scopes)
    response = post(setting["body"], headers)
    assert response.status_code == 403
    assert "commitments:write" in response.json()["detail"]
    assert patch(existing.pk, {"status": "initial"}, headers).status_code == 403
    existing.refresh_from_db()
    assert existing.status == Status.NO_ACTION
    assert CountryAssessment.objects.count() == 1


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("outsider", 403),
        ("member", 403),
        ("other_editor", 403),
        ("editor", 201),
        ("org_admin", 201),
    ],
)
def test_who_may_record_for_the_organisation(setting, request, person, expected):
    if person == "other_editor":
        user = MembershipFactory(
            organisation=OrganisationFactory(slug="elsewhere"), role=Membership.Role.EDITOR
        ).user
    else:
        user = request.getfixturevalue(person)
    response = post(setting["body"], bearer(user))
    assert response.status_code == expected, response.content
    assert CountryAssessment.objects.count() == (1 if expected == 201 else 0)
    if expected == 403:
        assert "editors and administrators" in response.json()["detail"]


@pytest.mark.parametrize(
    ("person", "expected"), [("outsider", 403), ("member", 403), ("editor", 200)]
)
def test_who_may_change_an_assessment(existing, request, person, expected):
    user = request.getfixturevalue(person)
    response = patch(existing.pk, {"status": "in_progress"}, bearer(user))
    assert response.status_code == expected, response.content
    existing.refresh_from_db()
    assert existing.status == ("in_progress" if expected == 200 else "no_action")


def test_an_assessment_of_a_hidden_organisation_cannot_be_changed(existing, editor):
    organisation = existing.organisation
    organisation.hidden_at = timezone.now()
    organisation.save()
    assert patch(existing.pk, {"status": "initial"}, bearer(editor)).status_code == 404


# --- Recording -----------------------------------------------------------------------


def test_an_editor_records_an_assessment(setting, organisation, editor):
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 201, response.content
    body = response.json()
    assessment = CountryAssessment.objects.get()
    assert body["id"] == assessment.pk
    assert (body["status"], body["country"], body["cycle"]) == ("initial", "KE", "open-cycle")
    assert body["organisation"]["slug"] == organisation.slug
    assert [(e["title"], e["url"]) for e in body["evidence"]] == [
        ("Assembly report", "https://example.org/report")
    ]
    assert assessment.created_by == editor
    # Versioned as the web form is, and in the audit log.
    versions = Version.objects.get_for_object(assessment)
    assert versions.count() == 1
    assert versions[0].revision.user == editor
    assert versions[0].field_dict["status"] == "initial"
    entry = AuditLogEntry.objects.get(action="commitments.assess")
    assert entry.actor == editor
    assert entry.target_id == str(assessment.pk)


def test_recording_again_is_a_409_that_points_at_patch(setting, existing, editor):
    setting["body"]["commitment"] = existing.commitment_id
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 409
    assert f"/api/v1/country-assessments/{existing.pk}" in response.json()["detail"]
    existing.refresh_from_db()
    assert existing.status == Status.NO_ACTION


def test_a_closed_cycle_takes_nothing(setting, editor):
    setting["body"]["cycle"] = closed_cycle(code="closed-cycle").code
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "payload", "cycle"]
    assert error["type"] == "cycle_closed"
    assert "closed" in error["msg"]
    assert not CountryAssessment.objects.exists()
    assert not Evidence.objects.exists()
    assert not AuditLogEntry.objects.filter(action__startswith="commitments.").exists()


def test_a_cycle_not_yet_open_takes_nothing(setting, editor):
    setting["body"]["cycle"] = future_cycle(code="future-cycle").code
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "cycle_not_open"
    assert not CountryAssessment.objects.exists()


def test_an_assessment_of_a_closed_cycle_cannot_be_changed(existing, editor):
    existing.cycle.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    existing.cycle.save()
    response = patch(
        existing.pk,
        {"status": "initial", "evidence": [{"title": "New", "url": "https://example.org/n"}]},
        bearer(editor),
    )
    assert response.status_code == 422
    assert "closed" in response.json()["detail"][0]["msg"]
    existing.refresh_from_db()
    assert existing.status == Status.NO_ACTION
    assert existing.evidence.count() == 1
    assert Version.objects.get_for_object(existing).count() == 0


@pytest.mark.parametrize(
    "evidence",
    [
        [{"title": "Report", "url": "not a web address"}],
        [{"title": "Report", "url": "javascript:alert(1)"}],
        [{"title": "Report", "url": "ftp://example.org/report"}],
        [{"title": "Report", "url": "https://example.org/a\nb"}],
        [{"title": "Report"}],
        [{"url": "https://example.org/report"}],
        [{"title": "Report", "url": "https://example.org/", "document": "x.pdf"}],
        [{"title": "R", "url": "https://example.org/"}] * 21,
    ],
)
def test_bad_evidence_is_a_422_and_nothing_is_stored(setting, editor, evidence):
    setting["body"]["evidence"] = evidence
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 422, response.content
    assert not CountryAssessment.objects.exists()
    assert not Evidence.objects.exists()


def test_a_bad_link_in_a_change_stores_nothing(existing, editor):
    response = patch(
        existing.pk,
        {"status": "initial", "evidence": [{"title": "x", "url": "www.example"}]},
        bearer(editor),
    )
    assert response.status_code == 422
    existing.refresh_from_db()
    assert (existing.status, existing.evidence.count()) == ("no_action", 1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organisation": "no-such-group"}, "organisation"),
        ({"country": "XX"}, "country"),
        ({"country": "KEN"}, "country"),
        ({"cycle": "no-such-cycle"}, "cycle"),
        ({"commitment": 999999}, "commitment"),
        ({"status": "excellent"}, "status"),
        ({"narrative": "x" * 10_001}, "narrative"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_bad_fields_are_a_422(setting, editor, change, field):
    response = post({**setting["body"], **change}, bearer(editor))
    assert response.status_code == 422, response.content
    assert any(field in error["loc"] for error in response.json()["detail"])
    assert not CountryAssessment.objects.exists()


def test_a_retired_commitment_takes_no_assessment(setting, editor):
    commitment = setting["commitments"][0]
    commitment.is_active = False
    commitment.save()
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 422
    assert not CountryAssessment.objects.exists()


def test_text_is_cleaned_of_markup(setting, editor):
    setting["body"]["narrative"] = "<script>alert(1)</script>Progress <b>made</b>"
    setting["body"]["evidence"][0]["title"] = "<i>Report</i>"
    body = post(setting["body"], bearer(editor)).json()
    assert "<" not in body["narrative"] and "made" in body["narrative"]
    assert body["evidence"][0]["title"] == "Report"


def test_a_mechanism_of_the_registry_is_evidence(setting, editor):
    forum = make_mechanism("Kisumu County Health Forum", country="KE")
    elsewhere = make_mechanism("Conselho Nacional de Saúde", country="BR")
    setting["body"]["evidence"] = [{"mechanism": elsewhere.pk}]
    assert post(setting["body"], bearer(editor)).status_code == 422
    assert not CountryAssessment.objects.exists()
    setting["body"]["evidence"] = [{"mechanism": forum.pk}]
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 201, response.content
    (evidence,) = response.json()["evidence"]
    assert evidence["mechanism"] == forum.pk
    assert evidence["title"] == "Kisumu County Health Forum"


# --- Changing --------------------------------------------------------------------------


def test_an_editor_changes_status_narrative_and_evidence(existing, editor):
    old = existing.evidence.get()
    response = patch(
        existing.pk,
        {
            "status": "in_progress",
            "narrative": "The assembly met twice.",
            "evidence": [{"title": "Second report", "url": "https://example.org/second"}],
            "remove_evidence": [old.pk],
        },
        bearer(editor),
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["narrative"]) == ("in_progress", "The assembly met twice.")
    assert [e["title"] for e in body["evidence"]] == ["Second report"]
    versions = Version.objects.get_for_object(existing)
    assert versions.count() == 1
    assert set(versions[0].revision.comment.split(",")) == {"status", "narrative", "evidence"}
    assert AuditLogEntry.objects.filter(
        action="commitments.assess_change", actor=editor, target_id=str(existing.pk)
    ).exists()


def test_only_the_fields_sent_change(existing, editor):
    response = patch(
        existing.pk,
        {"evidence": [{"title": "Budget", "url": "https://example.org/budget"}]},
        bearer(editor),
    )
    assert response.status_code == 200
    existing.refresh_from_db()
    assert (existing.status, existing.narrative) == ("no_action", "Nothing yet.")
    assert existing.evidence.count() == 2
    # Each change is a version; sending nothing new records none.
    assert Version.objects.get_for_object(existing).count() == 1
    assert patch(existing.pk, {}, bearer(editor)).status_code == 200
    assert Version.objects.get_for_object(existing).count() == 1


def test_evidence_of_another_assessment_cannot_be_removed(existing, editor):
    other = EvidenceFactory()
    response = patch(existing.pk, {"remove_evidence": [other.pk]}, bearer(editor))
    assert response.status_code == 422
    assert Evidence.objects.filter(pk=other.pk).exists()


def test_null_is_not_a_status(existing, editor):
    assert patch(existing.pk, {"status": None}, bearer(editor)).status_code == 422
    assert patch(existing.pk, {"narrative": None}, bearer(editor)).status_code == 422


def test_an_unknown_assessment_is_a_404(setting, editor):
    assert patch(999999, {"status": "initial"}, bearer(editor)).status_code == 404


def test_a_closed_cycle_is_said_before_a_duplicate(setting, existing, editor):
    existing.cycle.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    existing.cycle.save()
    setting["body"]["commitment"] = existing.commitment_id
    response = post(setting["body"], bearer(editor))
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "cycle_closed"
