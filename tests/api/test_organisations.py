"""/api/v1/organisations/: the public directory as JSON, cheap to revalidate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from sauti.accounts.models import Organisation

from ..factories import OrganisationFactory

LIST = "/api/v1/organisations/"


@pytest.fixture
def organisations(db):
    kenya = OrganisationFactory(
        name="Kisumu Health Rights Forum",
        slug="kisumu",
        acronym="KHRF",
        country_id="KE",
        kind=Organisation.Kind.NGO,
        level=Organisation.Level.LOCAL,
        website="https://khrf.example.org",
        description="Community scorecards around Lake Victoria.",
    )
    kenya.countries.set(["KE", "UG"])
    kenya.regions.set(["AFR"])
    kenya.constituencies.set(["youth", "hiv"])
    brazil = OrganisationFactory(
        name="Rede Saúde",
        slug="rede-saude",
        country_id="BR",
        kind=Organisation.Kind.NETWORK,
        level=Organisation.Level.NATIONAL,
        original_language="pt",
        description="Conselhos de saúde.",
    )
    brazil.constituencies.set(["women"])
    OrganisationFactory(
        name="Hidden Group", slug="hidden-group", hidden_at=timezone.now(), hidden_reason="Spam"
    )
    return kenya, brazil


def slugs(data):
    return [item["slug"] for item in data["items"]]


def test_list_shape_and_fields(organisations):
    response = Client().get(LIST)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"items", "count"}
    assert data["count"] == 2
    assert slugs(data) == ["kisumu", "rede-saude"]
    kisumu = data["items"][0]
    updated_at = kisumu.pop("updated_at")
    assert kisumu == {
        "slug": "kisumu",
        "name": "Kisumu Health Rights Forum",
        "acronym": "KHRF",
        "type": "ngo",
        "level": "local",
        "country": "KE",
        "countries": ["KE", "UG"],
        "regions": ["AFR"],
        "constituencies": ["hiv", "youth"],
        "website": "https://khrf.example.org",
        "description": "Community scorecards around Lake Victoria.",
        "description_language": "en",
        "url": "http://127.0.0.1:8000/en/organisations/kisumu/",
    }
    assert updated_at.startswith(str(timezone.now().year))


def test_hidden_organisations_are_absent(organisations):
    assert "hidden-group" not in slugs(Client().get(LIST).json())
    assert "hidden-group" not in slugs(Client().get(LIST, {"q": "hidden"}).json())
    assert Client().get(f"{LIST}hidden-group").status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "victoria"}, ["kisumu"]),
        ({"q": "khrf"}, ["kisumu"]),
        ({"country": "ug"}, ["kisumu"]),
        ({"country": "BR"}, ["rede-saude"]),
        ({"region": "AMR"}, ["rede-saude"]),
        ({"type": "network"}, ["rede-saude"]),
        ({"level": "local"}, ["kisumu"]),
        ({"constituency": "women"}, ["rede-saude"]),
        ({"type": "ngo", "country": "KE"}, ["kisumu"]),
        ({"type": "zzz"}, []),
        ({"country": "<script>"}, []),
    ],
)
def test_filters(organisations, params, expected):
    assert slugs(Client().get(LIST, params).json()) == expected


def test_pagination(db):
    for n in range(55):
        OrganisationFactory(name=f"Org {n:02}")
    first = Client().get(LIST).json()
    assert (first["count"], len(first["items"])) == (55, 50)
    second = Client().get(LIST, {"page": 2}).json()
    assert slugs(second) == [o.slug for o in Organisation.objects.all()[50:]]
    small = Client().get(LIST, {"page_size": 10, "page": 6}).json()
    assert len(small["items"]) == 5


def test_detail(organisations):
    response = Client().get(f"{LIST}rede-saude")
    assert response.status_code == 200
    data = response.json()
    assert (data["name"], data["type"], data["description_language"]) == (
        "Rede Saúde",
        "network",
        "pt",
    )


@pytest.mark.parametrize("slug", ["no-such-org", "%00", "x" * 300])
def test_unknown_slug_is_404(db, slug):
    response = Client().get(f"{LIST}{slug}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize("url", [LIST, f"{LIST}kisumu", "/api/v1/countries/", "/api/v1/regions/"])
def test_etag_and_if_none_match_give_304(organisations, url):
    client = Client()
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_last_modified_is_the_latest_change(organisations):
    kenya, brazil = organisations
    later = timezone.now() + timedelta(days=1)
    Organisation.objects.filter(pk=brazil.pk).update(updated_at=later)
    response = Client().get(LIST)
    assert response["Last-Modified"] == http_date(later.timestamp())
    detail = Client().get(f"{LIST}kisumu")
    kenya.refresh_from_db()
    assert detail["Last-Modified"] == http_date(kenya.updated_at.timestamp())


def test_if_modified_since_gives_304(organisations):
    client = Client()
    last_modified = client.get(f"{LIST}kisumu")["Last-Modified"]
    assert client.get(f"{LIST}kisumu", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_a_change_invalidates_the_etag(organisations):
    kenya, _brazil = organisations
    client = Client()
    etag = client.get(f"{LIST}kisumu")["ETag"]
    kenya.acronym = "KHR"
    kenya.save()
    response = client.get(f"{LIST}kisumu", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["acronym"] == "KHR"


def test_list_query_count_does_not_grow(db, django_assert_max_num_queries):
    for n in range(30):
        organisation = OrganisationFactory(name=f"Org {n:02}", description="Text")
        organisation.countries.set(["KE", "UG"])
        organisation.constituencies.set(["youth"])
    with django_assert_max_num_queries(8):
        data = Client().get(LIST).json()
    assert data["count"] == 30


def test_api_is_read_only(organisations):
    assert Client().post(LIST, {"name": "x"}).status_code == 405
    assert Client().delete(f"{LIST}kisumu").status_code == 405
    assert Organisation.objects.filter(slug="kisumu").exists()


@pytest.mark.parametrize("query", ["page=99999999999999999999", "page=0", "page_size=-1"])
def test_bad_page_parameters_are_a_422_not_a_500(db, query):
    response = Client().get(f"{LIST}?{query}")
    assert response.status_code == 422
    assert "detail" in response.json()
