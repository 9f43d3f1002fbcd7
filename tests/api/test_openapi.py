"""The API describes itself (OpenAPI 3) and its docs page loads nothing from elsewhere."""

from __future__ import annotations

import json
import re

from django.contrib.staticfiles import finders
from django.test import Client


def test_openapi_document_is_valid_json_with_the_licence(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Sauti API"
    assert schema["info"]["license"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert "CC BY 4.0" in schema["info"]["description"]
    assert set(schema["paths"]) == {
        "/api/v1/regions/",
        "/api/v1/countries/",
        "/api/v1/countries/{code}",
        "/api/v1/organisations/",
        "/api/v1/organisations/{slug}",
        "/api/v1/mechanisms/",
        "/api/v1/mechanisms/{id}",
        "/api/v1/mechanisms/{id}/assessments",
        "/api/v1/assessments/",
        "/api/v1/frameworks/",
        "/api/v1/frameworks/{code}",
        "/api/v1/cycles/",
        "/api/v1/country-assessments/",
        "/api/v1/country-assessments/{id}",
        "/api/v1/consolidated-assessments/",
        "/api/v1/consolidated-assessments/{id}",
        "/api/v1/scorecards/",
        "/api/v1/scorecards/{id}",
        "/api/v1/opportunities/",
        "/api/v1/opportunities/{id}",
        "/api/v1/campaigns/",
        "/api/v1/campaigns/{id}",
        "/api/v1/campaigns/{id}/signatories",
        "/api/v1/monitoring/projects/",
        "/api/v1/monitoring/projects/{id}",
        "/api/v1/monitoring/projects/{id}/sites",
        "/api/v1/monitoring/projects/{id}/forms",
        "/api/v1/monitoring/projects/{id}/aggregates",
        "/api/v1/monitoring/projects/{id}/submissions",
    }
    # Read-only but for the mechanism registry, country assessments and the calendar, whose
    # writes take a token (tests/api/test_mechanisms_openapi.py, test_commitments_openapi.py,
    # test_opportunities_api.py).
    writes = {
        (path, method)
        for path, operations in schema["paths"].items()
        for method in operations
        if method != "get"
    }
    assert writes == {
        ("/api/v1/mechanisms/", "post"),
        ("/api/v1/mechanisms/{id}", "patch"),
        ("/api/v1/mechanisms/{id}/assessments", "post"),
        ("/api/v1/country-assessments/", "post"),
        ("/api/v1/country-assessments/{id}", "patch"),
        ("/api/v1/opportunities/", "post"),
        ("/api/v1/opportunities/{id}", "patch"),
    }


def test_docs_page_loads_only_same_origin_assets(db):
    response = Client().get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    assert any(a.endswith(".js") for a in assets)
    assert all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    assert "http" not in " ".join(assets)
    settings_json = re.search(
        r'<script type="application/json" id="swagger-settings">(.*?)</script>', html, re.S
    )
    config = json.loads(settings_json.group(1))
    assert config["url"] == "/api/v1/openapi.json"
    assert config["validatorUrl"] is None  # no call to the public swagger.io validator


def test_docs_assets_are_served(db, settings):
    html = Client().get("/api/v1/docs/").content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts
    for src in scripts:
        assert finders.find(src.removeprefix(settings.STATIC_URL)), src
