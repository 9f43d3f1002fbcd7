"""The write endpoints under Schemathesis *with* a valid API token.

``test_schema_conformance`` sends the writes invalid requests without a token
(401). Here the token is valid, so the generated bodies reach validation and the
services: valid bodies must be answered as documented, invalid ones with a 4xx,
and none may cause a server error, on SQLite as on PostgreSQL.
"""

from __future__ import annotations

import pytest
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from sauti.api.auth import issue_token
from sauti.mechanisms import services

from .test_schema_conformance import EXAMPLES, load
from .test_schema_conformance import (
    _keep_the_test_connection_open as _keep_the_test_connection_open,
)

WRITES = ["/api/v1/mechanisms/", "/api/v1/mechanisms/{id}", "/api/v1/mechanisms/{id}/assessments"]

valid_writes = load(GenerationMode.POSITIVE).include(path=WRITES).exclude(method="GET")
invalid_writes = load(GenerationMode.NEGATIVE).include(path=WRITES).exclude(method="GET")


@pytest.fixture
def authorised(organisation, member):
    """A member's token, and a mechanism to change and assess."""
    mechanism = services.create_mechanism(
        acting_user=member,
        data={"name": "Forum", "country_id": "KE", "level": "district", "kind": "forum"},
        sources=[{"title": "Minutes"}],
    )
    _token, raw = issue_token(owner=member, name="fuzz", scopes=["mechanisms:write"])
    return {
        "headers": {"Authorization": f"Bearer {raw}"},
        "mechanism": mechanism,
        "organisation": organisation,
    }


def aim(case, authorised):
    """Point a generated valid request at things that exist, so that it can succeed.

    Random country codes and slugs are almost never those of a Member State or of
    the member's organisation, and random ids almost never a mechanism's.
    """
    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = authorised["mechanism"].pk
    if isinstance(case.body, dict):
        if "country" in case.body:
            case.body["country"] = "KE"
        if "organisation" in case.body:
            case.body["organisation"] = authorised["organisation"].slug


@pytest.fixture(autouse=True)
def _no_rate_limit(monkeypatch):
    from sauti.api import mechanisms

    monkeypatch.setattr(mechanisms.WRITE_THROTTLE[0], "num_requests", 10**6)


@pytest.mark.django_db
@valid_writes.parametrize()
@EXAMPLES
def test_valid_writes_with_a_token_are_answered_as_documented(case, authorised):
    aim(case, authorised)
    case.call_and_validate(
        headers=authorised["headers"],
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
def test_invalid_writes_with_a_token_never_cause_a_server_error(case, authorised):
    response = case.call_and_validate(headers=authorised["headers"], checks=[not_a_server_error])
    assert response.status_code < 500
