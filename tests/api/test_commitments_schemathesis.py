"""The commitments endpoints under Schemathesis: reads with data to find, writes with a
valid token. Valid requests get documented, schema-conforming answers; no request,
valid or not, gets a server error."""

from __future__ import annotations

import pytest
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sauti.accounts.models import Membership
from sauti.api.auth import issue_token
from sauti.commitments.models import CountryAssessment, Status

from ..factories import MembershipFactory, OrganisationFactory
from .commitments_factories import (
    ConsolidatedEntryFactory,
    CountryAssessmentFactory,
    CycleFactory,
    EvidenceFactory,
    example_scorecard,
    framework_with,
    published,
)
from .test_schema_conformance import EXAMPLES, load
from .test_schema_conformance import (
    _keep_the_test_connection_open as _keep_the_test_connection_open,
)

READS = [
    "/api/v1/frameworks/",
    "/api/v1/frameworks/{code}",
    "/api/v1/cycles/",
    "/api/v1/country-assessments/",
    "/api/v1/country-assessments/{id}",
    "/api/v1/consolidated-assessments/",
    "/api/v1/consolidated-assessments/{id}",
    "/api/v1/scorecards/",
    "/api/v1/scorecards/{id}",
]
WRITES = ["/api/v1/country-assessments/", "/api/v1/country-assessments/{id}"]

valid_reads = load(GenerationMode.POSITIVE).include(path=READS, method="GET")
invalid_reads = load(GenerationMode.NEGATIVE).include(path=READS, method="GET")
valid_writes = load(GenerationMode.POSITIVE).include(path=WRITES).exclude(method="GET")
invalid_writes = load(GenerationMode.NEGATIVE).include(path=WRITES).exclude(method="GET")


@pytest.fixture
def tracking(db):
    """An organisation with an editor's token, an assessment, a consolidated assessment
    and a scorecard with a withheld group."""
    organisation = OrganisationFactory(slug="fuzz-forum")
    editor = MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user
    _framework, commitments = framework_with(2, code="fuzz")
    cycle = CycleFactory(code="fuzz-cycle")
    assessment = CountryAssessmentFactory(
        organisation=organisation, cycle=cycle, commitment=commitments[0]
    )
    EvidenceFactory(assessment=assessment)
    consolidated = published(cycle=cycle)
    ConsolidatedEntryFactory(
        consolidated=consolidated,
        commitment=commitments[0],
        status=Status.INITIAL,
        member_statuses={str(organisation.pk): "in_progress"},
    )
    scorecard, _items = example_scorecard(organisation)
    _token, raw = issue_token(owner=editor, name="fuzz", scopes=["commitments:write"])
    return {
        "headers": {"Authorization": f"Bearer {raw}"},
        "organisation": organisation,
        "cycle": cycle,
        "commitments": commitments,
        "ids": {
            "/api/v1/country-assessments/{id}": assessment.pk,
            "/api/v1/consolidated-assessments/{id}": consolidated.pk,
            "/api/v1/scorecards/{id}": scorecard.pk,
        },
    }


def aim(case, tracking):
    """Point a generated request at things that exist, so that it can find or change them."""
    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = tracking["ids"][case.path]
    if "code" in (case.path_parameters or {}):
        case.path_parameters["code"] = "fuzz"
    if isinstance(case.body, dict):
        if "organisation" in case.body:
            case.body["organisation"] = tracking["organisation"].slug
        if "country" in case.body:
            case.body["country"] = "KE"
        if "cycle" in case.body:
            case.body["cycle"] = tracking["cycle"].code
        if "commitment" in case.body:
            case.body["commitment"] = tracking["commitments"][1].pk


@pytest.fixture(autouse=True)
def _no_rate_limit(monkeypatch):
    from sauti.api import commitments

    monkeypatch.setattr(commitments.WRITE_THROTTLE[0], "num_requests", 10**6)


@pytest.mark.django_db
@valid_reads.parametrize()
@EXAMPLES
def test_valid_reads_are_answered_as_documented(case, tracking):
    aim(case, tracking)
    response = case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ]
    )
    assert "YOUTH-SECRET" not in response.text


@pytest.mark.django_db
@invalid_reads.parametrize()
@EXAMPLES
def test_invalid_reads_never_cause_a_server_error(case, tracking):
    response = case.call_and_validate(checks=[not_a_server_error])
    assert response.status_code < 500


@pytest.mark.django_db
@valid_writes.parametrize()
@EXAMPLES
def test_valid_writes_with_a_token_are_answered_as_documented(case, tracking):
    aim(case, tracking)
    case.call_and_validate(
        headers=tracking["headers"],
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )


@pytest.mark.django_db
@invalid_writes.parametrize()
@EXAMPLES
def test_invalid_writes_with_a_token_never_cause_a_server_error(case, tracking):
    before = CountryAssessment.objects.count()
    response = case.call_and_validate(headers=tracking["headers"], checks=[not_a_server_error])
    assert response.status_code < 500
    if response.status_code >= 400:
        assert CountryAssessment.objects.count() == before
