"""Every public page renders in every language, with the right direction."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/countries/",
    "/{lang}/countries/ke/",
    "/{lang}/regions/afr/",
    "/{lang}/organisations/",
    "/{lang}/subscribe/",
    "/{lang}/accounts/login/",
    "/{lang}/accounts/signup/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", [code for code, _ in settings.LANGUAGES])
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_page_renders_in_every_language(lang, page):
    response = Client().get(page.format(lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert ('dir="rtl"' in html) == (lang == "ar")


@pytest.mark.django_db
def test_root_follows_the_browser_language():
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/pt/"


@pytest.mark.django_db
def test_country_names_come_from_cldr_in_the_reader_language():
    assert "Кения" in Client().get("/ru/countries/ke/").content.decode()
    assert "肯尼亚" in Client().get("/zh-hans/countries/ke/").content.decode()
    assert "كينيا" in Client().get("/ar/countries/ke/").content.decode()
