"""Country and region pages list the organisations that work there, in few queries."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ..factories import OrganisationFactory

CARD_LINK = re.compile(r'<h3[^>]*>\s*<a href="/en/organisations/[a-z0-9-]+/"[^>]*>([^<]+)</a>')


def names(response):
    return CARD_LINK.findall(response.content.decode())


@pytest.fixture
def organisations(db):
    nairobi = OrganisationFactory(name="Nairobi Head Office", country_id="KE")
    geneva = OrganisationFactory(name="Geneva Works In Kenya", country_id="CH")
    geneva.countries.set(["KE", "UG"])
    pacific = OrganisationFactory(name="Pacific Region Network", country_id=None)
    pacific.regions.set(["WPR"])
    OrganisationFactory(name="Lima Only", country_id="PE")
    return nairobi, geneva, pacific


def test_country_page_lists_head_offices_and_countries_of_work(organisations):
    response = Client().get("/en/countries/ke/")
    assert response.status_code == 200
    assert "<h1>Kenya</h1>" in response.content.decode()
    assert names(response) == ["Geneva Works In Kenya", "Nairobi Head Office"]


def test_country_code_is_case_insensitive(organisations):
    assert names(Client().get("/en/countries/KE/")) == names(Client().get("/en/countries/ke/"))


def test_region_page_lists_its_countries_and_organisations(organisations):
    response = Client().get("/en/regions/afr/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "African Region" in html
    assert 'href="/en/countries/ke/"' in html
    assert 'href="/en/countries/pe/"' not in html
    assert names(response) == ["Geneva Works In Kenya", "Nairobi Head Office"]
    assert names(Client().get("/en/regions/wpr/")) == ["Pacific Region Network"]
    assert names(Client().get("/en/regions/amr/")) == ["Lima Only"]


def test_empty_country_invites_to_add_an_organisation(db):
    html = Client().get("/en/countries/is/").content.decode()
    assert "No organisation working in this country has joined yet." in html


def test_country_list_shows_194_member_states_in_six_regions(db):
    html = Client().get("/en/countries/").content.decode()
    assert len(set(re.findall(r'href="/en/countries/([a-z]{2})/"', html))) == 194
    assert len(set(re.findall(r'href="/en/regions/([a-z]+)/"', html))) == 6


@pytest.mark.parametrize("page", ["abc", "0", "99999", "-3", "1e9"])
def test_odd_page_numbers(organisations, page):
    assert Client().get("/en/countries/ke/", {"page": page}).status_code == 200
    assert Client().get("/en/regions/afr/", {"page": page}).status_code == 200


@pytest.mark.parametrize("url", ["/en/countries/ke/", "/en/regions/afr/"])
def test_query_count_does_not_grow_with_organisations(db, django_assert_max_num_queries, url):
    for n in range(30):
        organisation = OrganisationFactory(name=f"Organisation {n:02}", country_id="KE")
        organisation.countries.set(["KE", "UG", "TZ"])
        organisation.regions.set(["AFR"])
    with django_assert_max_num_queries(5):
        response = Client().get(url)
    assert len(names(response)) == 25
    assert "Page 1 of 2" in response.content.decode()
