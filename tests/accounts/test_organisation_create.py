"""Adding an organisation: its creator becomes its administrator; bad input is refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sauti.accounts import services
from sauti.accounts.models import Membership, Organisation
from sauti.core.models import AuditLogEntry

from ..conftest import client_for
from ..factories import OrganisationFactory

URL = reverse("accounts:organisation_create")


def form_data(**overrides):
    return {
        "name": "Lusaka Patients Voice",
        "acronym": "LPV",
        "kind": "community",
        "level": "local",
        "country": "ZM",
        "countries": ["ZM", "MW"],
        "regions": ["AFR"],
        "constituencies": ["hiv", "youth"],
        "website": "https://lpv.example.org",
        "public_email": "hello@lpv.example.org",
        "original_language": "en",
        "description": "We accompany people living with HIV to clinic committees.",
    } | overrides


def test_service_makes_the_creator_its_administrator_and_logs_it(outsider):
    organisation = services.create_organisation(
        acting_user=outsider,
        data={
            "name": "Santé Communautaire Dakar",
            "kind": "ngo",
            "level": "national",
            "country_id": "SN",
            "original_language": "fr",
            "description": "Nous suivons les comités de santé.",
            "constituencies": ["women"],
        },
    )
    assert organisation.slug == "sante-communautaire-dakar"
    assert organisation.created_by == outsider
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role, membership.status) == (
        outsider,
        Membership.Role.ADMIN,
        Membership.Status.ACTIVE,
    )
    assert list(organisation.constituencies.values_list("code", flat=True)) == ["women"]
    assert organisation.safe_translation_getter("description", language_code="fr") == (
        "Nous suivons les comités de santé."
    )
    entry = AuditLogEntry.objects.get(action="organisation.create")
    assert (entry.actor, entry.target, entry.target_repr) == (
        outsider,
        organisation,
        "Santé Communautaire Dakar",
    )


def test_slugs_stay_unique(outsider):
    OrganisationFactory(slug="same-name")
    organisation = services.create_organisation(
        acting_user=outsider,
        data={"name": "Same Name", "kind": "ngo", "level": "local"},
    )
    assert organisation.slug == "same-name-2"


def test_form_creates_and_redirects_to_the_new_page(outsider):
    response = client_for(outsider).post(URL, form_data(), follow=True)
    organisation = Organisation.objects.get(name="Lusaka Patients Voice")
    assert response.redirect_chain == [(organisation.get_absolute_url(), 302)]
    html = response.content.decode()
    assert "Your organisation is in the directory. You are its administrator." in html
    assert "We accompany people living with HIV to clinic committees." in html
    assert sorted(organisation.countries.values_list("code", flat=True)) == ["MW", "ZM"]
    assert organisation.country_id == "ZM"
    assert organisation.memberships.get().role == Membership.Role.ADMIN


def test_name_of_201_characters_is_refused(outsider):
    response = client_for(outsider).post(URL, form_data(name="N" * 201))
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters (it has 201)." in (
        response.content.decode()
    )
    assert not Organisation.objects.exists()


def test_name_of_200_characters_is_accepted(outsider):
    client_for(outsider).post(URL, form_data(name="N" * 200))
    assert Organisation.objects.get().name == "N" * 200


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        ("kind", "spaceship", "Select a valid choice. spaceship is not one of the available"),
        ("country", "XX", "Select a valid choice. XX is not one of the available choices."),
        ("countries", ["KE", "QQ"], "Select a valid choice. QQ is not one of the available"),
        ("website", "javascript:alert(1)", "Enter a valid URL."),
        ("public_email", "not-an-email", "Enter a valid email address."),
        ("description", "x" * 5001, "Ensure this value has at most 5000 characters"),
    ],
)
def test_invalid_values_show_an_error_and_save_nothing(outsider, field, value, message):
    response = client_for(outsider).post(URL, form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_html_is_stripped_on_the_way_in_and_escaped_on_the_way_out(outsider):
    client_for(outsider).post(
        URL,
        form_data(
            name="<b>Bold</b> Coalition",
            description="<script>alert(1)</script><b>x</b>\n1 < 2 & 3 > 2",
        ),
    )
    organisation = Organisation.objects.get()
    assert organisation.name == "Bold Coalition"
    description = organisation.safe_translation_getter("description", language_code="en")
    assert description == "x\n1 < 2 & 3 > 2"
    html = client_for(None).get(organisation.get_absolute_url()).content.decode()
    assert "<script" not in html
    assert "alert(1)" not in html
    assert "1 &lt; 2 &amp; 3 &gt; 2" in html


def test_tags_hidden_in_entities_are_stripped_too(outsider):
    client_for(outsider).post(
        URL, form_data(description="&lt;script&gt;alert(1)&lt;/script&gt;Hello")
    )
    description = Organisation.objects.get().safe_translation_getter("description")
    assert description == "Hello"


def test_saving_the_edit_form_unchanged_keeps_the_text(outsider):
    text = "Qui sommes-nous\u00a0? Une coalition « santé pour tous » & fière de l'être."
    client_for(outsider).post(URL, form_data(description=text, original_language="fr"))
    organisation = Organisation.objects.get()
    page = client_for(outsider).get(reverse("accounts:organisation_edit", args=[organisation.slug]))
    # Re-submit exactly what the edit form shows.
    initial = page.context["form"].initial["description"]
    assert initial == text
    client_for(outsider).post(
        reverse("accounts:organisation_edit", args=[organisation.slug]),
        form_data(description=initial, original_language="fr"),
    )
    organisation.refresh_from_db()
    assert organisation.safe_translation_getter("description", language_code="fr") == text


def test_non_breaking_spaces_are_not_shown_as_entities(outsider):
    client_for(outsider).post(
        URL, form_data(description="Qui sommes-nous\u00a0?", original_language="fr")
    )
    html = client_for(None).get(Organisation.objects.get().get_absolute_url()).content.decode()
    assert "Qui sommes-nous\u00a0?" in html
    assert "&amp;nbsp;" not in html
