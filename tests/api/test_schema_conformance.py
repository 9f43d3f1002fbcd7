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

from sauti.wsgi import application

from ..factories import OrganisationFactory


def load(mode: GenerationMode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    # Django's GZipMiddleware would compress; the WSGI transport does not decompress.
    schema.config.update(headers={"Accept-Encoding": "identity"})
    schema.config.generation.update(modes=[mode], deterministic=True)
    return schema


valid_requests = load(GenerationMode.POSITIVE)
# Only operations with constrained parameters can be sent invalid values.
invalid_requests = load(GenerationMode.NEGATIVE).include(
    path=["/api/v1/countries/", "/api/v1/organisations/"]
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


@pytest.mark.django_db
@valid_requests.parametrize()
@EXAMPLES
def test_valid_requests_get_answers_that_match_the_schema(case, some_organisations):
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
def test_invalid_requests_never_cause_a_server_error(case, some_organisations):
    case.call_and_validate(checks=[not_a_server_error])
