"""Property-based tests of the API against its own OpenAPI document (Schemathesis).

Valid requests must get documented, schema-conforming answers; any request,
valid or not, must never get a server error.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sauti.accounts.models import Organisation
from sauti.mechanisms import services
from sauti.mechanisms.models import Assessment, Mechanism
from sauti.wsgi import application

from ..factories import OrganisationFactory


def load(mode: GenerationMode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    # Django's GZipMiddleware would compress; the WSGI transport does not decompress.
    schema.config.update(headers={"Accept-Encoding": "identity"})
    schema.config.generation.update(modes=[mode], deterministic=True)
    return schema


# Valid requests are all reads: the writes need an API token, which Schemathesis has not.
valid_requests = load(GenerationMode.POSITIVE).include(method="GET")
# Only operations with constrained parameters can be sent invalid values. The writes get
# them without a token: a 401 (or a 4xx about the request), never a server error.
invalid_requests = load(GenerationMode.NEGATIVE).include(
    path=[
        "/api/v1/countries/",
        "/api/v1/organisations/",
        "/api/v1/mechanisms/",
        "/api/v1/mechanisms/{id}",
        "/api/v1/mechanisms/{id}/assessments",
        "/api/v1/assessments/",
    ]
)

EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection_open():
    """Calling the WSGI app fires request_started/finished, which close the database
    connection the test transaction lives on (fatal on PostgreSQL). Django's test
    client disconnects the same handler for the same reason."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def some_organisations(db):
    for n, kind in enumerate(["ngo", "network", "community"]):
        organisation = OrganisationFactory(
            name=f"Group {n}", slug=f"group-{n}", kind=kind, description=f"About {n}"
        )
        organisation.countries.set(["KE"])
        organisation.constituencies.set(["youth"])


@pytest.fixture
def some_mechanisms(some_organisations):
    organisation = Organisation.objects.get(slug="group-0")
    for n, kind in enumerate(["council", "committee", "forum"]):
        mechanism = services.create_mechanism(
            acting_user=None,
            data={
                "name": f"Mechanism {n}",
                "description": f"About {n}",
                "country_id": "KE",
                "level": "national",
                "kind": kind,
                "legal_basis": "law" if n else "",
                "constituencies": ["youth"],
                "organisation": organisation,
            },
            sources=[{"title": "Minutes", "url": "https://example.org/minutes"}],
        )
        services.record_assessment(
            mechanism,
            acting_user=None,
            data={
                "organisation": organisation,
                "legal": n,
                "inclusion": 1,
                "influence": 2,
                "capacity": 3,
                "accountability": 0,
                "resources": 1,
                "evidence": {"legal": "Act"},
            },
        )


@pytest.mark.django_db
@valid_requests.parametrize()
@EXAMPLES
def test_valid_requests_get_answers_that_match_the_schema(case, some_mechanisms):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ]
    )


@pytest.mark.django_db
@invalid_requests.parametrize()
@EXAMPLES
def test_invalid_requests_never_cause_a_server_error(case, some_mechanisms):
    response = case.call_and_validate(checks=[not_a_server_error])
    if case.method.upper() != "GET":
        # Without a token a write is refused, and nothing is written.
        assert response.status_code in (400, 401, 404, 405, 422), response.status_code
        assert (Mechanism.objects.count(), Assessment.objects.count()) == (3, 3)
