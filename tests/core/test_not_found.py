"""Addresses that lead nowhere get Sauti's own 404 page, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize(
    "url",
    [
        "/xx/organisations/",
        "/xx/",
        "/en-gb/organisations/",
        "/EN/organisations/",
        "/en/nothing-here/",
        "/en/organisations/%00/",
        "/en/organisations/no-such-organisation/",
        "/en/countries/%F0%9F%92%A9/",
        "/en/countries/kenya/",
        "/en/regions/%3Cscript%3E/",
        "/en/report/organisation/0/",
        "/en/subscribe/confirm/",
        "/api/v1/nothing/",
    ],
)
def test_unknown_address_is_a_404(db, url):
    response = Client().get(url)
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/xx/organisations/", "/en/organisations/no-such-organisation/"])
def test_404_page_is_ours_and_helpful(db, url):
    response = Client().get(url)
    html = response.content.decode()
    assert "Page not found" in html
    assert "There is nothing at this address." in html
    assert 'href="/en/"' in html


def test_404_page_speaks_the_language_of_the_address(db, catalogue):
    catalogue("fr", {"Page not found": "Page introuvable"})
    html = Client().get("/fr/organisations/no-such-organisation/").content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html


def test_script_in_the_address_is_not_reflected(db):
    html = Client().get("/en/regions/%3Cscript%3Ealert(1)%3C%2Fscript%3E/").content.decode()
    assert "<script" not in html
