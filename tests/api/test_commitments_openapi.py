"""The OpenAPI document describes the commitments endpoints, their filters and their writes;
the open-data page lists them; API tokens offer the new scope."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sauti.api.models import Scope

from ..conftest import client_for

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
WRITES = [
    ("/api/v1/country-assessments/", "post", "CountryAssessmentIn", {"201", "409"}),
    ("/api/v1/country-assessments/{id}", "patch", "CountryAssessmentPatch", {"200"}),
]


@pytest.fixture
def schema(db):
    return Client().get("/api/v1/openapi.json").json()


def parameters(schema, path):
    return {p["name"] for p in schema["paths"][path]["get"].get("parameters", [])}


@pytest.mark.parametrize("path", READS)
def test_reads_are_public_and_take_lang(schema, path):
    operation = schema["paths"][path]["get"]
    assert "security" not in operation
    assert "200" in operation["responses"]
    assert "lang" in parameters(schema, path)


@pytest.mark.parametrize(("path", "method", "body", "success"), WRITES)
def test_writes_need_the_bearer_token(schema, path, method, body, success):
    operation = schema["paths"][path][method]
    assert operation["security"] == [{"ApiTokenAuth": []}]
    assert set(operation["responses"]) == success | {"401", "403", "404", "422"}
    content = operation["requestBody"]["content"]["application/json"]["schema"]
    assert content == {"$ref": f"#/components/schemas/{body}"}
    assert "commitments:write" in operation["description"]


def test_list_filters_are_documented(schema):
    assert {
        "country",
        "cycle",
        "framework",
        "commitment",
        "organisation",
        "status",
        "page",
        "page_size",
    } <= parameters(schema, "/api/v1/country-assessments/")
    assert {"country", "cycle", "coalition", "page"} <= parameters(
        schema, "/api/v1/consolidated-assessments/"
    )
    assert {"country", "organisation", "year", "place_kind", "page"} <= parameters(
        schema, "/api/v1/scorecards/"
    )


def test_suppression_is_documented(schema):
    group = schema["components"]["schemas"]["GroupOut"]["properties"]
    assert "null when withheld" in group["size"]["description"]
    assert {"anyOf": [{"type": "integer"}, {"type": "null"}]}.items() <= group["size"].items()
    detail = schema["paths"]["/api/v1/scorecards/{id}"]["get"]["description"]
    assert "withheld" in detail


def test_statuses_are_an_enumeration(schema):
    status = schema["components"]["schemas"]["CountryAssessmentIn"]["properties"]["status"]
    assert set(status["enum"]) == {
        "no_information",
        "no_action",
        "initial",
        "in_progress",
        "largely_achieved",
        "regressing",
    }


def test_the_description_mentions_commitments(schema):
    description = schema["info"]["description"]
    assert "commitment" in description and "scorecards" in description
    assert "commitments:write" in description


def test_the_open_data_page_lists_the_new_endpoints(db):
    html = Client().get("/en/open-data/").content.decode()
    for path in ("/api/v1/frameworks/", "/api/v1/country-assessments/", "/api/v1/scorecards/"):
        assert path in html


def test_tokens_can_have_the_commitments_scope(member):
    assert Scope.COMMITMENTS_WRITE == "commitments:write"
    html = client_for(member).get(reverse("api_tokens:list")).content.decode()
    assert 'value="commitments:write"' in html
