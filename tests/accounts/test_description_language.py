"""An organisation's description is shown in the reader's language when someone
translated it; otherwise the original is shown, marked with its language."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from sauti.accounts import services
from sauti.accounts.models import Organisation

from ..conftest import client_for
from ..factories import OrganisationFactory

FRENCH = "Nous défendons le droit à la santé dans les quartiers de Dakar."
ENGLISH = "We defend the right to health in the neighbourhoods of Dakar."
MARK = "Written in French; no translation yet."


@pytest.fixture
def french_original(db):
    return OrganisationFactory(
        name="Santé Dakar", country_id="SN", original_language="fr", description=FRENCH
    )


def page(organisation, language):
    return Client().get(f"/{language}/organisations/{organisation.slug}/").content.decode()


def language_of(html, text):
    """The ``lang`` attribute of the element the description text is shown in."""
    match = re.search(r'<div lang="([a-z-]+)"[^>]*>\s*<p>' + re.escape(text), html)
    assert match, html
    return match.group(1)


def test_english_reader_sees_the_french_original_marked(french_original):
    html = page(french_original, "en")
    assert MARK in html
    assert language_of(html, FRENCH) == "fr"


def test_french_reader_sees_the_original_without_a_mark(french_original):
    html = page(french_original, "fr")
    assert "Written in" not in html
    assert language_of(html, FRENCH) == "fr"


def test_translation_is_shown_to_readers_of_that_language(french_original, site_admin):
    services.save_description_translation(
        french_original, language="en", text=ENGLISH, acting_user=site_admin
    )
    english = page(french_original, "en")
    assert language_of(english, ENGLISH) == "en"
    assert FRENCH not in english
    assert MARK not in english
    # Spanish readers have no translation: the French original, marked.
    spanish = page(french_original, "es")
    assert language_of(spanish, FRENCH) == "fr"


def test_empty_translation_falls_back_to_the_original(french_original):
    french_original.set_current_language("en")
    french_original.description = ""
    french_original.save()
    html = page(french_original, "en")
    assert FRENCH in html
    assert MARK in html


def test_editor_adds_a_translation_through_the_form(organisation, editor):
    organisation.set_current_language("en")
    organisation.description = "Health committees in Kisumu."
    organisation.save()
    response = client_for(editor).post(
        reverse("accounts:organisation_translate", args=[organisation.slug]),
        {"language": "fr", "description": "<em>Comités</em> de santé à Kisumu."},
        follow=True,
    )
    assert "Translation saved." in response.content.decode()
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert organisation.safe_translation_getter("description", language_code="fr") == (
        "Comités de santé à Kisumu."
    )
    assert "Comités de santé à Kisumu." in page(organisation, "fr")
    assert organisation.safe_translation_getter("description", language_code="en") == (
        "Health committees in Kisumu."
    )


def test_api_gives_the_original_and_its_language(french_original):
    data = Client().get(f"/api/v1/organisations/{french_original.slug}").json()
    assert (data["description"], data["description_language"]) == (FRENCH, "fr")
