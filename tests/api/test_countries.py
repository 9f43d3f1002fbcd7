"""/api/v1/countries/ and /api/v1/regions/: WHO Member States and regions."""

from __future__ import annotations

import pytest
from django.test import Client

WHO_REGIONS = {"AFR": 47, "AMR": 35, "SEAR": 10, "EUR": 53, "EMR": 21, "WPR": 28}


def get(url, **params):
    response = Client().get(url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_194_member_states_paginated_by_50(db):
    first = get("/api/v1/countries/")
    assert first["count"] == 194
    assert len(first["items"]) == 50
    last = get("/api/v1/countries/", page=4)
    assert len(last["items"]) == 44
    codes = set()
    for page in range(1, 5):
        codes |= {c["code"] for c in get("/api/v1/countries/", page=page)["items"]}
    assert len(codes) == 194
    assert {"KE", "BR", "FR", "CN", "NZ", "SS"} <= codes
    assert not {"TW", "XK", "PS", "VA"} & codes  # not WHO Member States


def test_country_fields(db):
    kenya = get("/api/v1/countries/KE")
    assert kenya == {
        "code": "KE",
        "alpha3": "KEN",
        "numeric": "404",
        "name": "Kenya",
        "region": "AFR",
        "url": "http://127.0.0.1:8000/en/countries/ke/",
    }


def test_names_in_the_requested_language(db):
    assert get("/api/v1/countries/DE", lang="fr")["name"] == "Allemagne"
    assert get("/api/v1/countries/DE", lang="zh-hans")["name"] == "德国"
    german = get("/api/v1/countries/DE", lang="fr")
    assert german["url"] == "http://127.0.0.1:8000/fr/countries/de/"
    listed = {
        c["code"]: c["name"] for c in get("/api/v1/countries/", lang="fr", region="EUR")["items"]
    }
    assert listed["DE"] == "Allemagne"


def test_unknown_language_falls_back_to_english(db):
    assert get("/api/v1/countries/DE", lang="klingon")["name"] == "Germany"


@pytest.mark.parametrize(("region", "count"), WHO_REGIONS.items())
def test_region_filter(db, region, count):
    data = get("/api/v1/countries/", region=region.lower(), page_size=100)
    assert data["count"] == count
    assert {c["region"] for c in data["items"]} == {region}


def test_unknown_region_gives_an_empty_list(db):
    assert get("/api/v1/countries/", region="XYZ") == {"items": [], "count": 0}


@pytest.mark.parametrize("code", ["ZZ", "TW", "kenya", "AUT", "k"])
def test_unknown_country_is_404(db, code):
    response = Client().get(f"/api/v1/countries/{code}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_six_regions_with_their_member_counts(db):
    regions = get("/api/v1/regions/")
    assert {r["code"]: r["countries"] for r in regions} == WHO_REGIONS
    assert {r["code"]: r["name"] for r in regions}["AFR"] == "African Region"


@pytest.mark.parametrize(
    "query", ["page=0", "page=abc", "page_size=0", "page=99999999999999999999"]
)
def test_bad_page_parameters_are_a_422_not_a_500(db, query):
    response = Client().get(f"/api/v1/countries/?{query}")
    assert response.status_code == 422
    assert "detail" in response.json()


def test_page_past_the_end_is_empty(db):
    assert get("/api/v1/countries/", page=999)["items"] == []
