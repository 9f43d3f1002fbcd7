"""Writing to the registry through the API: API tokens, permissions, validation.

A token acts as its owner: the owner must be an active member of an
organisation to record or change a mechanism (moderators too may record), and of
the assessing organisation to assess. Every write goes through the same services
as the web forms: versioned, audit-logged, text cleaned.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from sauti.accounts.models import Membership
from sauti.api import mechanisms as mechanisms_api
from sauti.api.auth import issue_token, revoke_token
from sauti.api.models import ApiToken
from sauti.core.models import AuditLogEntry
from sauti.mechanisms.models import Assessment, Mechanism

from ..factories import MembershipFactory, OrganisationFactory, UserFactory
from .test_mechanisms_read import make_mechanism

LIST = "/api/v1/mechanisms/"
WRITE = ["mechanisms:write"]
SCORES = {
    "legal": 3,
    "inclusion": 2,
    "influence": 1,
    "capacity": 0,
    "accountability": 2,
    "resources": 1,
}
NEW = {
    "name": "Homa Bay Community Health Committee",
    "country": "KE",
    "level": "community",
    "kind": "committee",
    "sources": [{"title": "Committee minutes, March 2024", "url": "https://example.org/minutes"}],
}


def bearer(user, scopes=WRITE):
    _token, raw = issue_token(owner=user, name="script", scopes=scopes)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def send(method, url, body, headers=None, client=None):
    client = client or Client()
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(url, data, content_type="application/json", **(headers or {}))


def post(url, body, headers=None, client=None):
    return send("post", url, body, headers, client)


def patch(url, body, headers=None, client=None):
    return send("patch", url, body, headers, client)


@pytest.fixture
def mechanism(db):
    return make_mechanism(
        "Kisumu County Health Forum",
        description="Quarterly forum.",
        has_budget=True,
        legal_basis=Mechanism.LegalBasis.LAW,
        constituencies=["youth"],
    )


@pytest.fixture
def other_org_member(db):
    """An active member of another organisation, not of ``organisation``."""
    return MembershipFactory(organisation=OrganisationFactory(slug="elsewhere")).user


# --- Authentication ----------------------------------------------------------------


def write_requests(mechanism_id):
    return [
        ("post", LIST, NEW),
        ("patch", f"{LIST}{mechanism_id}", {"legal_citation": "Act 4"}),
        ("post", f"{LIST}{mechanism_id}/assessments", {"organisation": "x", **SCORES}),
    ]


@pytest.mark.parametrize("index", [0, 1, 2])
@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "Authentication required"),
        ("", "Authentication required"),
        ("Token abc", "must read 'Bearer <token>'"),
        ("Bearer", "must read 'Bearer <token>'"),
        ("Bearer   ", "must read 'Bearer <token>'"),
        ("Basic dXNlcjpwYXNz", "must read 'Bearer <token>'"),
        ("Bearer sauti_not-a-real-token", "Unknown API token"),
        ("Bearer " + "x" * 5000, "Unknown API token"),
    ],
)
def test_without_a_valid_token_writes_are_a_401(mechanism, index, header, message):
    method, url, body = write_requests(mechanism.pk)[index]
    headers = {} if header is None else {"HTTP_AUTHORIZATION": header}
    response = send(method, url, body, headers)
    assert response.status_code == 401
    assert message in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert Mechanism.objects.count() == 1
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("index", [0, 1, 2])
def test_a_revoked_token_is_a_401(mechanism, member, index):
    token, raw = issue_token(owner=member, name="old", scopes=WRITE)
    revoke_token(token, acting_user=member)
    method, url, body = write_requests(mechanism.pk)[index]
    response = send(method, url, body, {"HTTP_AUTHORIZATION": f"Bearer {raw}"})
    assert response.status_code == 401
    assert response.json() == {"detail": "This API token has been revoked."}


def test_the_token_of_a_deactivated_account_is_a_401(member):
    headers = bearer(member)
    member.is_active = False
    member.save()
    response = post(LIST, NEW, headers)
    assert response.status_code == 401
    assert "not active" in response.json()["detail"]


def test_a_signed_in_session_is_not_a_token(mechanism, member):
    client = Client()
    client.force_login(member)
    assert post(LIST, NEW, client=client).status_code == 401


def test_a_token_without_the_scope_is_a_403(mechanism, member):
    headers = bearer(member, scopes=[])
    for method, url, body in write_requests(mechanism.pk):
        response = send(method, url, body, headers)
        assert response.status_code == 403
        assert "mechanisms:write" in response.json()["detail"]


def test_no_csrf_token_is_needed_with_an_api_token(member):
    client = Client(enforce_csrf_checks=True)
    assert post(LIST, NEW, bearer(member), client=client).status_code == 201


def test_use_is_recorded(member):
    headers = bearer(member)
    token = ApiToken.objects.get(owner=member)
    assert token.last_used_at is None
    post(LIST, NEW, headers)
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timedelta(minutes=1)


def test_a_token_is_rate_limited(member, monkeypatch):
    throttle = mechanisms_api.WRITE_THROTTLE[0]
    monkeypatch.setattr(throttle, "num_requests", 2)
    headers = bearer(member)
    statuses = [patch(f"{LIST}999999", {}, headers).status_code for _ in range(3)]
    assert statuses == [404, 404, 429]


# --- Recording a mechanism -------------------------------------------------------


def test_a_member_records_a_mechanism(member, organisation):
    body = {
        **NEW,
        "name": "  <b>Homa Bay</b> Community   Health Committee ",
        "description": "Meets <script>alert(1)</script>monthly.\nMinutes are public.",
        "language": "fr",
        "subnational_area": "Homa Bay County",
        "is_formal": True,
        "legal_basis": "decree",
        "year_established": 2013,
        "stage_planning": True,
        "stage_budgeting": False,
        "outcome": "advisory",
        "spectrum": "involve",
        "selection": "election",
        "seats_community": 7,
        "constituencies": ["women", "youth", "women"],
        "meeting_frequency": "monthly",
        "last_meeting": "2024-03-12",
        "has_budget": None,
        "publishes_minutes": True,
    }
    response = post(LIST, body, bearer(member))
    assert response.status_code == 201, response.content
    data = response.json()
    created = Mechanism.objects.get(pk=data["id"])
    assert data["name"] == "Homa Bay Community Health Committee"
    assert data["description"] == "Meets monthly.\nMinutes are public."
    assert data["language"] == "fr"
    assert data["translations"] == {
        "fr": {
            "name": "Homa Bay Community Health Committee",
            "description": "Meets monthly.\nMinutes are public.",
        }
    }
    assert data["constituencies"] == ["women", "youth"]
    assert data["recorded_by"] == {"slug": organisation.slug, "name": organisation.name}
    assert data["sources"] == [
        {
            "title": "Committee minutes, March 2024",
            "url": "https://example.org/minutes",
            "document": None,
            "note": "",
        }
    ]
    assert (data["legal_basis"], data["outcome"], data["has_budget"]) == (
        "decree",
        "advisory",
        None,
    )
    assert data["url"].endswith(f"/en/mechanisms/{created.pk}/")
    assert created.created_by == member
    assert created.organisation == organisation
    assert (created.original_language, created.country_id, created.level) == (
        "fr",
        "KE",
        "community",
    )
    assert created.stage_planning is True and created.stage_budgeting is False
    assert created.has_budget is None
    assert created.legal_citation == "" and created.host_institution == ""
    # Versioned and audit-logged like a change made on the web.
    version = Version.objects.get_for_object(created).get()
    assert version.revision.user == member
    entry = AuditLogEntry.objects.get(action="mechanism.create")
    assert (entry.actor, entry.target_id) == (member, str(created.pk))
    # Readable at once.
    assert Client().get(f"{LIST}{created.pk}").json()["name"] == data["name"]


def test_the_organisation_can_be_named(member, organisation):
    second = OrganisationFactory(slug="second-org")
    MembershipFactory(user=member, organisation=second)
    response = post(LIST, {**NEW, "organisation": "second-org"}, bearer(member))
    assert response.status_code == 201
    assert response.json()["recorded_by"]["slug"] == "second-org"


def test_with_several_organisations_and_none_named_none_is_recorded(member, organisation):
    MembershipFactory(user=member, organisation=OrganisationFactory())
    response = post(LIST, NEW, bearer(member))
    assert response.status_code == 201
    assert response.json()["recorded_by"] is None


def test_recording_on_behalf_of_an_organisation_one_does_not_belong_to_is_a_403(
    member, other_org_member
):
    response = post(LIST, {**NEW, "organisation": "elsewhere"}, bearer(member))
    assert response.status_code == 403
    assert "not an active member" in response.json()["detail"]
    assert not Mechanism.objects.exists()


def test_a_user_without_an_organisation_cannot_record(outsider):
    response = post(LIST, NEW, bearer(outsider))
    assert response.status_code == 403
    assert "members of an organisation" in response.json()["detail"]
    assert not Mechanism.objects.exists()


def test_a_pending_membership_is_not_enough(db):
    requested = MembershipFactory(status=Membership.Status.REQUESTED).user
    assert post(LIST, NEW, bearer(requested)).status_code == 403


def test_a_moderator_may_record_without_an_organisation(moderator):
    response = post(LIST, NEW, bearer(moderator))
    assert response.status_code == 201
    assert response.json()["recorded_by"] is None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"country": "XX"}, "country", "unknown country"),
        ({"country": "KEN"}, "country", "unknown country"),
        ({"country": "TW"}, "country", "unknown country"),  # not a WHO Member State
        ({"country": ""}, "country", "unknown country"),
        ({"level": "galactic"}, "level", "Input should be"),
        ({"kind": "castle"}, "kind", "Input should be"),
        ({"legal_basis": "whim"}, "legal_basis", "Input should be"),
        ({"constituencies": ["aliens"]}, "constituencies", "Input should be"),
        ({"language": "xx"}, "language", "Input should be"),
        ({"name": "x" * 201}, "name", "at most 200 characters"),
        ({"name": ""}, "name", "at least 1 character"),
        ({"name": "<b></b>"}, "name", "empty once markup is removed"),
        ({"description": "x" * 5001}, "description", "at most 5000 characters"),
        ({"year_established": 1500}, "year_established", "greater than or equal to 1800"),
        ({"year_established": "soon"}, "year_established", "valid integer"),
        ({"seats_community": -1}, "seats_community", "greater than or equal to 0"),
        ({"seats_community": 10**20}, "seats_community", "less than or equal to 32767"),
        ({"last_meeting": "2999-01-01"}, "last_meeting", "cannot be in the future"),
        ({"last_meeting": "yesterday"}, "last_meeting", "valid date"),
        ({"is_formal": "maybe"}, "is_formal", "valid boolean"),
        ({"sources": []}, "sources", "at least 1 item"),
        ({"sources": [{"title": "x"}] * 21}, "sources", "at most 20 items"),
        ({"sources": [{"url": "https://example.org"}]}, "title", "Field required"),
        ({"sources": [{"title": "x", "url": "javascript:alert(1)"}]}, "url", "web address"),
        ({"sources": [{"title": "x", "url": "https://a.org/\u0000"}]}, "url", "control"),
        ({"organisation": "../admin"}, "organisation", "should match pattern"),
        ({"colour": "blue"}, "colour", "Extra inputs are not permitted"),
        ({"name": None}, "name", "valid string"),
    ],
)
def test_invalid_input_is_a_422_that_says_why(member, change, field, words):
    response = post(LIST, {**NEW, **change}, bearer(member))
    assert response.status_code == 422, response.content
    errors = response.json()["detail"]
    assert any(field in e["loc"] and words in e["msg"] for e in errors), errors
    assert not Mechanism.objects.exists()


@pytest.mark.parametrize("missing", ["name", "country", "level", "kind", "sources"])
def test_required_fields(member, missing):
    body = {k: v for k, v in NEW.items() if k != missing}
    response = post(LIST, body, bearer(member))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", missing]


def test_an_unknown_organisation_is_a_422(member):
    response = post(LIST, {**NEW, "organisation": "no-such-org"}, bearer(member))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "organisation"


@pytest.mark.parametrize("body", ["{", "[]", '"text"', "null", '{"name": "\\ud800"}'])
def test_malformed_bodies_are_refused_without_a_server_error(member, body):
    response = post(LIST, body, bearer(member))
    assert response.status_code in (400, 422)


def test_nul_bytes_never_reach_the_database(member):
    body = {
        **NEW,
        "name": "Health\u0000 Committee",
        "description": "Line\u0000 one",
        "sources": [{"title": "Min\u0000utes", "note": "\u0000"}],
    }
    response = post(LIST, body, bearer(member))
    assert response.status_code == 201
    data = response.json()
    assert (data["name"], data["description"]) == ("Health Committee", "Line one")
    assert data["sources"][0]["title"] == "Minutes"


# --- Changing a mechanism --------------------------------------------------------


def test_a_member_changes_only_the_fields_sent(mechanism, member):
    before = Version.objects.get_for_object(mechanism).count()
    response = patch(
        f"{LIST}{mechanism.pk}",
        {
            "legal_citation": "County Health Act 2019, s. 4",
            "has_budget": None,
            "legal_basis": None,
            "constituencies": ["hiv"],
            "sources": [{"title": "Gazette notice", "url": "https://example.org/gazette"}],
        },
        bearer(member),
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["legal_citation"] == "County Health Act 2019, s. 4"
    assert data["has_budget"] is None  # null: "not known"
    assert data["legal_basis"] is None
    assert data["constituencies"] == ["hiv"]
    assert [s["title"] for s in data["sources"]] == [
        "Source of Kisumu County Health Forum",
        "Gazette notice",
    ]
    # What was not sent stays.
    assert data["name"] == "Kisumu County Health Forum"
    assert data["description"] == "Quarterly forum."
    mechanism.refresh_from_db()
    assert mechanism.legal_basis == ""
    assert Version.objects.get_for_object(mechanism).count() == before + 1
    latest = Version.objects.get_for_object(mechanism).first()
    assert latest.revision.user == member
    entry = AuditLogEntry.objects.get(action="mechanism.update")
    assert entry.actor == member
    assert "legal_citation" in entry.data["fields"]


def test_renaming_changes_the_original_language_text(mechanism, member):
    response = patch(f"{LIST}{mechanism.pk}", {"name": "Kisumu Health Forum"}, bearer(member))
    assert response.json()["translations"]["en"]["name"] == "Kisumu Health Forum"


def test_an_empty_change_changes_nothing(mechanism, member):
    before = Version.objects.get_for_object(mechanism).count()
    response = patch(f"{LIST}{mechanism.pk}", {}, bearer(member))
    assert response.status_code == 200
    assert Version.objects.get_for_object(mechanism).count() == before


@pytest.mark.parametrize(
    "change",
    [
        {"name": None},
        {"country": None},
        {"level": None},
        {"kind": None},
        {"organisation": None},
        {"language": None},
        {"country": "XX"},
        {"kind": "castle"},
        {"year_established": 3000},
        {"name": "x" * 201},
        {"id": 5},
        {"is_verified": True},  # moderators verify, on the web
    ],
)
def test_invalid_changes_are_a_422(mechanism, member, change):
    response = patch(f"{LIST}{mechanism.pk}", change, bearer(member))
    assert response.status_code == 422, response.content
    mechanism.refresh_from_db()
    assert mechanism.kind == Mechanism.Kind.COUNCIL
    assert mechanism.is_verified is False


def test_changing_needs_an_organisation(mechanism, outsider):
    response = patch(f"{LIST}{mechanism.pk}", {"legal_citation": "x"}, bearer(outsider))
    assert response.status_code == 403
    mechanism.refresh_from_db()
    assert mechanism.legal_citation == ""


def test_hidden_or_unknown_mechanisms_cannot_be_changed(mechanism, member, moderator):
    Mechanism.objects.filter(pk=mechanism.pk).update(hidden_at=timezone.now())
    for user in (member, moderator):
        assert patch(f"{LIST}{mechanism.pk}", {"name": "x"}, bearer(user)).status_code == 404
    assert patch(f"{LIST}999999", {"name": "x"}, bearer(member)).status_code == 404


# --- Assessing --------------------------------------------------------------------


def test_a_member_assesses_on_behalf_of_their_organisation(mechanism, member, organisation):
    body = {
        "organisation": organisation.slug,
        "assessed_on": "2024-06-01",
        **SCORES,
        "evidence": {"legal": "County Health Act, s. 4", "resources": "<i>No</i> budget line"},
        "note": "Based on <b>minutes</b> 2023–2024.",
    }
    response = post(f"{LIST}{mechanism.pk}/assessments", body, bearer(member))
    assert response.status_code == 201, response.content
    data = response.json()
    assessment = Assessment.objects.get(pk=data["id"])
    assert data["organisation"] == {"slug": organisation.slug, "name": organisation.name}
    assert data["assessed_on"] == "2024-06-01"
    assert {k: data[k] for k in SCORES} == SCORES
    assert data["evidence"] == {"legal": "County Health Act, s. 4", "resources": "No budget line"}
    assert data["note"] == "Based on minutes 2023–2024."
    assert "assessor" not in data
    assert assessment.assessor == member  # kept, not published
    detail = Client().get(f"{LIST}{mechanism.pk}").json()
    assert detail["latest_scores"]["assessment_id"] == assessment.pk
    assert detail["latest_scores"]["legal"] == 3
    entry = AuditLogEntry.objects.get(action="mechanism.assess")
    assert entry.actor == member


def test_the_date_defaults_to_today(mechanism, member, organisation):
    response = post(
        f"{LIST}{mechanism.pk}/assessments",
        {"organisation": organisation.slug, **SCORES},
        bearer(member),
    )
    assert response.json()["assessed_on"] == timezone.localdate().isoformat()


def test_assessing_for_an_organisation_one_does_not_belong_to_is_a_403(
    mechanism, organisation, other_org_member
):
    response = post(
        f"{LIST}{mechanism.pk}/assessments",
        {"organisation": organisation.slug, **SCORES},
        bearer(other_org_member),
    )
    assert response.status_code == 403
    assert "not an active member" in response.json()["detail"]
    assert not Assessment.objects.exists()


def test_assessing_needs_an_organisation(mechanism, outsider, organisation):
    response = post(
        f"{LIST}{mechanism.pk}/assessments",
        {"organisation": organisation.slug, **SCORES},
        bearer(outsider),
    )
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_a_moderator_outside_the_organisation_cannot_assess_for_it(
    mechanism, moderator, organisation
):
    response = post(
        f"{LIST}{mechanism.pk}/assessments",
        {"organisation": organisation.slug, **SCORES},
        bearer(moderator),
    )
    assert response.status_code == 403


def test_hidden_mechanisms_cannot_be_assessed(mechanism, member, organisation):
    Mechanism.objects.filter(pk=mechanism.pk).update(hidden_at=timezone.now())
    response = post(
        f"{LIST}{mechanism.pk}/assessments",
        {"organisation": organisation.slug, **SCORES},
        bearer(member),
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"legal": 4}, "legal", "less than or equal to 3"),
        ({"resources": -1}, "resources", "greater than or equal to 0"),
        ({"influence": 2.5}, "influence", "valid integer"),
        ({"capacity": "high"}, "capacity", "valid integer"),
        ({"capacity": None}, "capacity", "valid integer"),
        ({"assessed_on": "2999-01-01"}, "assessed_on", "future"),
        ({"assessed_on": "1850-01-01"}, "assessed_on", "too far in the past"),
        ({"note": "x" * 5001}, "note", "at most 5000 characters"),
        ({"evidence": {"legal": "x" * 2001}}, "legal", "at most 2000 characters"),
        ({"evidence": {"beauty": "yes"}}, "beauty", "Extra inputs are not permitted"),
        ({"organisation": "no-such-org"}, "organisation", "no organisation has the slug"),
        ({"organisation": ""}, "organisation", "should match pattern"),
    ],
)
def test_invalid_assessments_are_a_422(mechanism, member, organisation, change, field, words):
    body = {"organisation": organisation.slug, **SCORES, **change}
    response = post(f"{LIST}{mechanism.pk}/assessments", body, bearer(member))
    assert response.status_code == 422, response.content
    errors = response.json()["detail"]
    assert any(field in e["loc"] and words in e["msg"] for e in errors), errors
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("missing", list(SCORES))
def test_every_score_is_required(mechanism, member, organisation, missing):
    body = {"organisation": organisation.slug, **SCORES}
    del body[missing]
    response = post(f"{LIST}{mechanism.pk}/assessments", body, bearer(member))
    assert response.status_code == 422


def test_token_owner_from_a_hidden_organisation(mechanism, member, organisation):
    """A hidden organisation is unknown to the API, for writing as for reading."""
    organisation.hidden_at = timezone.now()
    organisation.save()
    response = post(
        f"{LIST}{mechanism.pk}/assessments",
        {"organisation": organisation.slug, **SCORES},
        bearer(member),
    )
    assert response.status_code == 422


def test_each_token_acts_as_its_own_owner(mechanism, member, organisation):
    stranger = UserFactory()
    post(LIST, NEW, bearer(member))
    post(LIST, NEW, bearer(stranger))
    assert list(Mechanism.objects.exclude(pk=mechanism.pk).values_list("created_by", flat=True))
    assert set(Mechanism.objects.exclude(pk=mechanism.pk).values_list("created_by", flat=True)) == {
        member.pk
    }
