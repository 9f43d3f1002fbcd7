"""The OpenAPI document describes the mechanism endpoints and how to authenticate."""

from __future__ import annotations

import pytest
from django.test import Client

READS = [
    ("/api/v1/mechanisms/", "get"),
    ("/api/v1/mechanisms/{id}", "get"),
    ("/api/v1/mechanisms/{id}/assessments", "get"),
    ("/api/v1/assessments/", "get"),
]
WRITES = [
    ("/api/v1/mechanisms/", "post", "MechanismIn", "201"),
    ("/api/v1/mechanisms/{id}", "patch", "MechanismPatch", "200"),
    ("/api/v1/mechanisms/{id}/assessments", "post", "AssessmentIn", "201"),
]


@pytest.fixture
def schema(db):
    return Client().get("/api/v1/openapi.json").json()


def test_the_bearer_scheme_is_declared(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes == {"ApiTokenAuth": {"type": "http", "scheme": "bearer"}}


@pytest.mark.parametrize(("path", "method"), READS)
def test_reads_are_public(schema, path, method):
    operation = schema["paths"][path][method]
    assert "security" not in operation
    assert "200" in operation["responses"]


@pytest.mark.parametrize(("path", "method", "body", "success"), WRITES)
def test_writes_need_the_bearer_token(schema, path, method, body, success):
    operation = schema["paths"][path][method]
    assert operation["security"] == [{"ApiTokenAuth": []}]
    assert set(operation["responses"]) == {success, "401", "403", "404", "422"}
    content = operation["requestBody"]["content"]["application/json"]["schema"]
    assert content == {"$ref": f"#/components/schemas/{body}"}


def test_list_filters_are_documented(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/mechanisms/"]["get"]["parameters"]}
    assert {
        "q",
        "country",
        "region",
        "level",
        "kind",
        "legal_basis",
        "constituency",
        "is_verified",
        "sort",
        "page",
        "page_size",
    } <= set(parameters)
    kinds = parameters["kind"]["schema"]["anyOf"][0]["enum"]
    assert "council" in kinds and "assembly" in kinds
    assessments = schema["paths"]["/api/v1/assessments/"]["get"]["parameters"]
    assert {"country", "mechanism"} <= {p["name"] for p in assessments}


def test_scores_are_bounded_in_the_schema(schema):
    properties = schema["components"]["schemas"]["AssessmentIn"]["properties"]
    for dimension in ("legal", "inclusion", "influence", "capacity", "accountability", "resources"):
        assert (properties[dimension]["minimum"], properties[dimension]["maximum"]) == (0, 3)
    required = set(schema["components"]["schemas"]["AssessmentIn"]["required"])
    assert required == {
        "organisation",
        "legal",
        "inclusion",
        "influence",
        "capacity",
        "accountability",
        "resources",
    }


def test_the_assessor_is_not_part_of_the_output(schema):
    assert "assessor" not in schema["components"]["schemas"]["AssessmentOut"]["properties"]


def test_the_description_says_how_to_write(schema):
    assert "Authorization: Bearer" in schema["info"]["description"]
