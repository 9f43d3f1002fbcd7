"""Composing a campaign from a template, editing it, timing it to the calendar.

The journey of issue 5: a coalition writes a campaign from the built-in template
in French with two priorities, previews it, saves it as a draft, opens it for
signatures; the text locks once someone signed; the campaign is timed for a
moment of the advocacy calendar and shows on that moment's page once public.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from babel.dates import format_date
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns import markup, services, services_compose
from sauti.campaigns.data import key_messages as builtin_messages
from sauti.campaigns.data import letter_template as builtin_letter
from sauti.campaigns.models import (
    Addressee,
    Campaign,
    KeyMessage,
    Letter,
    LetterTemplate,
    Signature,
)
from sauti.core.models import AuditLogEntry, Country

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory
from ..opportunities.factories import make_opportunity
from ..permissions import LOGIN, ROLES, assert_outcome, user_for
from .conftest import make_campaign

pytestmark = pytest.mark.django_db

NEW = "/en/campaigns/new/"
BUDGET = "ask-governments-budget-line"
# Moments of the calendar are offered for the months to come.
SOON = timezone.localdate() + timedelta(days=60)
LEGAL = "ask-governments-legal-basis"


def builtin_text(code, language):
    spec = next(item for item in builtin_messages.MESSAGES if item["code"] == code)
    return " ".join(spec["text"][language].split())


@pytest.fixture
def builtin():
    return LetterTemplate.objects.get(code=builtin_letter.TEMPLATE["code"])


@pytest.fixture
def priorities():
    return [KeyMessage.objects.get(code=BUDGET), KeyMessage.objects.get(code=LEGAL)]


@pytest.fixture
def other_editor(db):
    """An editor of another coalition."""
    other = OrganisationFactory(name="Réseau santé Sénégal", kind=Organisation.Kind.NETWORK)
    return MembershipFactory(organisation=other, role=Membership.Role.EDITOR).user


def in_a_week():
    return timezone.localtime() + timedelta(days=7)


def form_data(letter_template, sender, **overrides):
    data = {
        "template": str(letter_template.pk),
        "coalition": str(sender.pk),
        "title": "Financer la participation sociale",
        "country": "SN",
        "languages": ["fr"],
        "coalition_name": "",
        "contact": "Awa Diop, awa@example.org, +221 33 000 00 00",
        "next_moment": "Assemblée mondiale de la Santé, mai 2030",
        "opportunity": "",
        "key_messages": [
            str(KeyMessage.objects.get(code=BUDGET).pk),
            str(KeyMessage.objects.get(code=LEGAL).pk),
        ],
        "paragraphs": ["budget"],
        "signers": "both",
        "deadline": in_a_week().strftime("%Y-%m-%dT%H:%M"),
        "addressees-TOTAL_FORMS": "3",
        "addressees-INITIAL_FORMS": "0",
        "addressees-MIN_NUM_FORMS": "0",
        "addressees-MAX_NUM_FORMS": "10",
        "addressees-0-name": "Marie Ndiaye",
        "addressees-0-title": "Madame la Ministre",
        "addressees-0-institution": "Ministère de la Santé",
        "addressees-0-email": "ministre@example.sn",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def composition(template, coalition, priorities, **overrides):
    values = {
        "coalition": coalition,
        "template": template,
        "title": "Financer la participation sociale",
        "languages": ["fr"],
        "country": Country.objects.get(pk="SN"),
        "contact": "Awa Diop, awa@example.org",
        "next_moment": "Assemblée mondiale de la Santé, mai 2030",
        "key_messages": priorities,
        "paragraphs": ["budget"],
        "signers": Campaign.Signers.BOTH,
        "deadline": in_a_week(),
        "addressees": [
            services_compose.AddresseeData(
                name="Marie Ndiaye", title="Madame la Ministre", institution="Ministère de la Santé"
            )
        ],
    }
    values.update(overrides)
    return services_compose.Composition(**values)


def nothing_written():
    return (
        not Campaign.objects.exists()
        and not Letter.objects.exists()
        and not Addressee.objects.exists()
        and not AuditLogEntry.objects.filter(action__startswith="campaign.").exists()
    )


# --- The French journey ----------------------------------------------------


def test_compose_in_french_with_two_priorities(builtin, coalition, editor, priorities):
    campaign = services_compose.create_campaign(
        composition(builtin, coalition, priorities), acting_user=editor
    )
    assert campaign.state == Campaign.State.DRAFT
    assert campaign.template == builtin
    assert campaign.created_by == editor
    letter = campaign.letters.get()
    assert letter.language == "fr"
    # The two priorities, in French, as a "- " list.
    assert f"- {builtin_text(BUDGET, 'fr')}\n- {builtin_text(LEGAL, 'fr')}" in letter.body
    assert builtin_text(BUDGET, "en") not in letter.body
    # The country in French, in the subject and the address line.
    assert "Sénégal" in letter.subject
    assert "{{ addressee_name }}, {{ institution }}, Sénégal" in letter.body
    # Filled: coalition (the coalition's name by default), contact, next moment.
    assert coalition.name in letter.body
    assert "coordonnées : Awa Diop, awa@example.org." in letter.body
    assert "politique : Assemblée mondiale de la Santé, mai 2030." in letter.body
    # Left for each addressee and the day of sending: only the four late placeholders.
    left = set(markup.placeholders_in(letter.subject + letter.body))
    assert left == {"addressee_name", "addressee_title", "institution", "date"}
    # The budget paragraph switched on, in French; the other markers gone.
    budget = next(p for p in builtin_letter.TEMPLATE["optional"] if p["code"] == "budget")
    assert budget["text"]["fr"].split(".")[0] in letter.body
    assert "paragraph:" not in letter.body
    assert "\n\n\n" not in letter.body
    assert list(campaign.key_messages.order_by("pk")) == sorted(priorities, key=lambda m: m.pk)
    assert campaign.optional_paragraphs == ["budget"]
    assert campaign.values["contact"] == "Awa Diop, awa@example.org"
    assert campaign.addressees.get().name == "Marie Ndiaye"
    entry = AuditLogEntry.objects.get(action="campaign.create")
    assert entry.actor == editor
    assert entry.target_id == str(campaign.pk)


def test_french_journey_through_the_pages(client, builtin, coalition, editor):
    client.force_login(editor)
    form_page = client.get(f"/fr/campaigns/new/?template={builtin.pk}")
    assert form_page.status_code == 200
    page = form_page.content.decode()
    # The priorities to choose are the library's, in the reader's language, by topic.
    assert builtin_text(BUDGET, "fr")[:40] in page
    assert "Budget : copie au ministère des finances" in page  # optional paragraph label

    response = client.post("/fr/campaigns/new/", form_data(builtin, coalition))
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fr/campaigns/{campaign.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "Marie Ndiaye" in detail  # the addressee's copy: name filled when shown
    assert "Madame la Ministre," in detail
    assert "Sénégal" in detail
    assert builtin_text(LEGAL, "fr")[:60] in detail
    assert "{{" not in detail
    assert campaign.state == Campaign.State.DRAFT

    # Then open for signatures: the composed campaign has what opening needs.
    opened = client.post(reverse("campaigns:open", args=[campaign.pk]))
    assert opened.status_code == 302
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.OPEN


def test_the_template_is_preselected_or_the_only_one(client, builtin, coalition, editor):
    client.force_login(editor)
    only = client.get(NEW)
    assert only.status_code == 200
    assert f'name="template" value="{builtin.pk}"' in only.content.decode()
    # With a coalition's template too, the page asks which one (unless ?template= says).
    own = LetterTemplate.objects.create(organisation=coalition, original_language="en")
    own.set_current_language("en")
    own.title, own.subject, own.body = (
        "Our letter",
        "About {{ country }}",
        "Dear {{ addressee_title }}",
    )
    own.save()
    chooser = client.get(NEW).content.decode()
    assert "Choose the letter template" in chooser
    assert f"?template={own.pk}" in chooser
    chosen = client.get(f"{NEW}?template={own.pk}").content.decode()
    assert f'name="template" value="{own.pk}"' in chosen


def test_a_user_of_several_coalitions_chooses(client, builtin, coalition, editor):
    second = OrganisationFactory(name="Second network", kind=Organisation.Kind.NETWORK)
    MembershipFactory(organisation=second, user=editor, role=Membership.Role.ADMIN)
    client.force_login(editor)
    page = client.get(NEW).content.decode()
    assert '<select name="coalition"' in page
    assert "Second network" in page
    client.post(NEW, form_data(builtin, coalition, coalition=str(second.pk)))
    assert Campaign.objects.get().coalition == second


def test_preview_saves_nothing(client, builtin, coalition, editor):
    client.force_login(editor)
    response = client.post(NEW, form_data(builtin, coalition, preview="1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing is saved yet." in page
    assert builtin_text(BUDGET, "fr")[:60] in page
    # Late placeholders show as labels, not braces.
    assert 'class="placeholder"' in page
    assert nothing_written()


def test_more_addressee_rows_saves_nothing(client, builtin, coalition, editor):
    client.force_login(editor)
    response = client.post(NEW, form_data(builtin, coalition, more_addressees="1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="addressees-5-name"' in page
    assert 'name="addressees-6-name"' not in page
    assert "Marie Ndiaye" in page
    assert nothing_written()


def test_next_moment_from_the_calendar(builtin, coalition, editor, priorities):
    moment = make_opportunity(title="Budget hearing", start=SOON, country="SN")
    moment.set_current_language("fr")
    moment.title = "Audition budgétaire"
    moment.save()
    campaign = services_compose.create_campaign(
        composition(
            builtin,
            coalition,
            priorities,
            next_moment="",
            opportunity=moment,
            languages=["fr", "en"],
        ),
        acting_user=editor,
    )
    french = format_date(SOON, "long", locale="fr")
    english = format_date(SOON, "long", locale="en")
    assert f"Audition budgétaire, {french}" in campaign.letters.get(language="fr").body
    assert f"Budget hearing, {english}" in campaign.letters.get(language="en").body
    assert "Senegal" in campaign.letters.get(language="en").body
    assert list(moment.campaigns.all()) == [campaign]
    assert campaign.values["opportunity"] == moment.pk


def test_a_message_missing_in_the_letters_language_falls_back(
    builtin, coalition, editor, priorities
):
    national = KeyMessage.objects.create(
        topic="asks_governments", organisation=coalition, original_language="en"
    )
    national.set_current_language("en")
    national.text = "Fund the Dakar health council."
    national.save()
    campaign = services_compose.create_campaign(
        composition(builtin, coalition, [*priorities, national]), acting_user=editor
    )
    body = campaign.letters.get().body
    assert "- Fund the Dakar health council." in body
    assert f"- {builtin_text(BUDGET, 'fr')}" in body


# --- Bad input changes nothing ---------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"deadline": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")},
            "The deadline must be in the future.",
        ),
        ({"deadline": None}, "This field is required."),
        ({"languages": None}, "Choose at least one language for the letter."),
        ({"languages": ["fr", "xx"]}, "Select a valid choice."),
        ({"addressees-0-email": "not-an-address"}, "Enter a valid email address."),
        (
            {f"addressees-0-{name}": "" for name in ("name", "title", "institution", "email")},
            "Add at least one addressee",
        ),
        (
            {"addressees-0-name": "", "addressees-1-email": "someone@example.org"},
            "This field is required.",
        ),
        ({"contact": "<script>alert(1)</script>"}, "Remove the script or code"),
        ({"contact": "{{ date }}"}, "Remove the double braces"),
        ({"contact": ""}, "The letter gives a contact"),
        ({"country": ""}, "The letter names the country: choose it."),
        ({"key_messages": None}, "The letter lists priorities"),
        ({"next_moment": ""}, "The letter names the next policy moment"),
        ({"title": ""}, "This field is required."),
        ({"signers": "everyone"}, "Select a valid choice."),
        ({"key_messages": ["999999"]}, "Select a valid choice."),
    ],
)
def test_bad_input_changes_nothing(client, builtin, coalition, editor, overrides, message):
    client.force_login(editor)
    response = client.post(NEW, form_data(builtin, coalition, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_written()


def test_eleven_addressees_are_refused(client, builtin, coalition, editor):
    rows = {}
    for index in range(11):
        rows[f"addressees-{index}-name"] = f"Addressee {index}"
        rows[f"addressees-{index}-email"] = f"a{index}@example.org"
    client.force_login(editor)
    response = client.post(
        NEW, form_data(builtin, coalition, **rows, **{"addressees-TOTAL_FORMS": "11"})
    )
    assert response.status_code == 400
    assert "Write to at most 10 addressees." in response.content.decode()
    assert nothing_written()


def test_a_moment_and_a_written_one_are_not_both_taken(client, builtin, coalition, editor):
    moment = make_opportunity(start=SOON)
    client.force_login(editor)
    response = client.post(NEW, form_data(builtin, coalition, opportunity=str(moment.pk)))
    assert response.status_code == 400
    assert "not both" in response.content.decode()
    assert nothing_written()


def test_a_past_or_unpublished_moment_cannot_be_chosen(client, builtin, coalition, editor):
    past = make_opportunity(start=timezone.localdate() - timedelta(days=30))
    pending = make_opportunity(state="pending", start=SOON)
    client.force_login(editor)
    for moment in (past, pending):
        response = client.post(
            NEW, form_data(builtin, coalition, opportunity=str(moment.pk), next_moment="")
        )
        assert response.status_code == 400
        assert "Select a valid choice." in response.content.decode()
    assert nothing_written()


def test_a_template_that_is_not_visible_is_refused(client, builtin, coalition, editor):
    hidden = LetterTemplate.objects.create(
        organisation=coalition, original_language="fr", hidden_at=timezone.now()
    )
    hidden.set_current_language("fr")
    hidden.title, hidden.subject, hidden.body = "Caché", "Objet", "Texte {{ country }}"
    hidden.save()
    client.force_login(editor)
    response = client.post(NEW, form_data(hidden, coalition))
    assert response.status_code == 400
    assert "This letter template is not available" in response.content.decode()
    assert client.get(f"{NEW}?template={hidden.pk}").status_code == 400
    assert client.get(f"{NEW}?template=abc").status_code == 400
    assert nothing_written()


def test_a_coalition_the_user_does_not_edit_is_refused(
    client, builtin, coalition, editor, other_editor
):
    client.force_login(other_editor)
    response = client.post(NEW, form_data(builtin, coalition))
    assert response.status_code == 400
    assert "You do not write for this coalition" in response.content.decode()
    assert nothing_written()
    # And the service itself refuses, whatever a form let through.
    with pytest.raises(PermissionDenied):
        services_compose.create_campaign(
            composition(builtin, coalition, []), acting_user=other_editor
        )
    assert nothing_written()


def test_the_service_refuses_what_the_form_would(builtin, coalition, editor, priorities):
    cases = [
        ({"deadline": timezone.now() - timedelta(minutes=1)}, "deadline"),
        ({"languages": []}, "languages"),
        ({"languages": ["fr", "de"]}, "languages"),
        ({"addressees": []}, "addressees"),
        (
            {"addressees": [services_compose.AddresseeData(name=f"N{i}") for i in range(11)]},
            "addressees",
        ),
        ({"contact": ""}, "contact"),
        ({"key_messages": []}, "key_messages"),
    ]
    for overrides, field in cases:
        with pytest.raises(ValidationError) as raised:
            services_compose.create_campaign(
                composition(builtin, coalition, priorities, **overrides), acting_user=editor
            )
        assert field in raised.value.message_dict
    assert nothing_written()


# --- Editing ---------------------------------------------------------------


@pytest.fixture
def composed(builtin, coalition, editor, priorities):
    return services_compose.create_campaign(
        composition(builtin, coalition, priorities), acting_user=editor
    )


def letter_data(campaign, **overrides):
    data = {}
    for letter in campaign.letters.all():
        data[f"{letter.language}-subject"] = letter.subject
        data[f"{letter.language}-body"] = letter.body
    data.update(overrides)
    return data


def test_edit_the_letter_while_nobody_signed(client, composed, editor):
    client.force_login(editor)
    url = reverse("campaigns:edit_letters", args=[composed.pk])
    page = client.get(url).content.decode()
    assert "Signers sign this text" in page
    body = composed.letters.get().body.replace("Nos membres", "Nos *nombreux* membres")
    response = client.post(url, letter_data(composed, **{"fr-body": body}))
    assert response.status_code == 302
    assert "Nos *nombreux* membres" in composed.letters.get().body
    entry = AuditLogEntry.objects.get(action="campaign.update_letters")
    assert entry.data == {"added": [], "changed": ["fr"]}


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        (
            "body",
            "Bonjour {{ ministre }},\n\nNous écrivons.",
            "{{ ministre }} is not a placeholder",
        ),
        ("body", "Bonjour,\n\n<script>alert(1)</script>", "Remove the script or code"),
        ("body", "Voir <b>ceci</b>.", "looks like HTML"),
        ("body", "Lien : javascript:alert(1)", "Remove the script or code"),
        ("body", "Contact : {{ contact }}.", "{{ contact }} is not filled in"),
        ("body", "{{ paragraph:budget }}", "cannot be used here"),
        ("body", "", "This field is required."),
        ("body", "x" * 20001, "at most 20000 characters"),
        ("subject", "Objet {{ country }}", "{{ country }} is not filled in"),
        ("subject", "<i>Objet</i>", "looks like HTML"),
    ],
)
def test_bad_letter_text_changes_nothing(client, composed, editor, field, text, message):
    before = composed.letters.get()
    client.force_login(editor)
    response = client.post(
        reverse("campaigns:edit_letters", args=[composed.pk]),
        letter_data(composed, **{f"fr-{field}": text}),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    after = composed.letters.get()
    assert (after.subject, after.body) == (before.subject, before.body)
    assert not AuditLogEntry.objects.filter(action="campaign.update_letters").exists()


def test_add_a_language(client, composed, editor):
    client.force_login(editor)
    url = reverse("campaigns:edit_letters", args=[composed.pk])
    page = client.get(f"{url}?add=en").content.decode()
    # It starts from the template in English, composed as the campaign was.
    assert "Senegal" in page
    assert builtin_text(BUDGET, "en")[:40] in page
    english = client.get(f"{url}?add=en").context["forms"][-1].initial
    response = client.post(
        url, letter_data(composed, new_language="en", **{f"en-{k}": v for k, v in english.items()})
    )
    assert response.status_code == 302
    assert set(composed.letters.values_list("language", flat=True)) == {"fr", "en"}
    assert AuditLogEntry.objects.get(action="campaign.update_letters").data["added"] == ["en"]
    # Asking for a language already written, or unknown, adds nothing.
    for code in ("fr", "xx"):
        forms = client.get(f"{url}?add={code}").context["forms"]
        assert [form.language for form in forms] == ["fr", "en"]


def test_the_letter_locks_once_someone_signed(client, composed, editor):
    services.open_campaign(composed, acting_user=editor)
    Signature.objects.create(
        campaign=composed, kind="individual", name="Amina", email="amina@example.org"
    )
    before = composed.letters.get()
    client.force_login(editor)
    url = reverse("campaigns:edit_letters", args=[composed.pk])
    page = client.get(url).content.decode()
    assert "The letter's text is locked: people have signed this text" in page
    assert "<textarea" not in page
    response = client.post(url, letter_data(composed, **{"fr-body": "Autre texte."}))
    assert response.status_code == 400
    assert composed.letters.get().body == before.body
    with pytest.raises(ValidationError):
        services_compose.update_letters(
            composed, {"fr": ("Objet", "Autre texte.")}, acting_user=editor
        )
    assert composed.letters.get().body == before.body
    # The campaign page says so to its organisers; details stay editable.
    detail = client.get(composed.get_absolute_url()).content.decode()
    assert "People have signed: the letter's text is locked." in detail
    assert client.get(reverse("campaigns:edit", args=[composed.pk])).status_code == 200


def details_data(campaign, **overrides):
    data = {
        "title": campaign.title,
        "country": campaign.country_id or "",
        "signers": campaign.signers,
        "deadline": timezone.localtime(campaign.deadline).strftime("%Y-%m-%dT%H:%M"),
        "addressees-TOTAL_FORMS": "3",
        "addressees-INITIAL_FORMS": str(campaign.addressees.count()),
        "addressees-MIN_NUM_FORMS": "0",
        "addressees-MAX_NUM_FORMS": "10",
    }
    for index, addressee in enumerate(campaign.addressees.all()):
        data[f"addressees-{index}-id"] = str(addressee.pk)
        data[f"addressees-{index}-name"] = addressee.name
        data[f"addressees-{index}-title"] = addressee.title
        data[f"addressees-{index}-institution"] = addressee.institution
        data[f"addressees-{index}-email"] = addressee.email
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_edit_the_details(client, composed, editor):
    first = composed.addressees.get()
    client.force_login(editor)
    url = reverse("campaigns:edit", args=[composed.pk])
    assert "Marie Ndiaye" in client.get(url).content.decode()
    later = timezone.localtime() + timedelta(days=30)
    response = client.post(
        url,
        details_data(
            composed,
            title="Un budget pour la participation",
            signers="organisations",
            deadline=later.strftime("%Y-%m-%dT%H:%M"),
            **{
                "addressees-0-title": "Madame la Ministre de la Santé",
                "addressees-1-name": "Cheikh Diba",
                "addressees-1-institution": "Ministère des Finances",
            },
        ),
    )
    assert response.status_code == 302
    composed.refresh_from_db()
    assert composed.title == "Un budget pour la participation"
    assert composed.signers == "organisations"
    assert composed.deadline.replace(second=0, microsecond=0) == later.replace(
        second=0, microsecond=0
    )
    assert [a.name for a in composed.addressees.all()] == ["Marie Ndiaye", "Cheikh Diba"]
    assert composed.addressees.get(pk=first.pk).title == "Madame la Ministre de la Santé"
    entry = AuditLogEntry.objects.get(action="campaign.update_details")
    assert set(entry.data["changed"]) == {"title", "deadline", "signers"}
    assert entry.data["addressees"] == {"added": 1, "changed": 1, "removed": 0}

    # Remove the first addressee; the second stays.
    second = composed.addressees.get(name="Cheikh Diba")
    response = client.post(url, details_data(composed, **{"addressees-0-DELETE": "on"}))
    assert response.status_code == 302
    assert list(composed.addressees.all()) == [second]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "<script>x</script>"}, "Remove the script or code"),
        (
            {"deadline": (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")},
            "The deadline must be in the future.",
        ),
        ({"addressees-0-email": "nobody@"}, "Enter a valid email address."),
        ({"addressees-0-DELETE": "on"}, "Add at least one addressee"),
        ({"addressees-TOTAL_FORMS": "11"}, "Write to at most 10 addressees."),
        ({"country": "XX"}, "Select a valid choice."),
    ],
)
def test_bad_details_change_nothing(client, composed, editor, overrides, message):
    before = (composed.title, composed.deadline, list(composed.addressees.values()))
    client.force_login(editor)
    response = client.post(
        reverse("campaigns:edit", args=[composed.pk]), details_data(composed, **overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    composed.refresh_from_db()
    assert (composed.title, composed.deadline, list(composed.addressees.values())) == before
    assert not AuditLogEntry.objects.filter(action="campaign.update_details").exists()


def test_a_passed_deadline_may_stay_as_it_was(client, composed, editor):
    Campaign.objects.filter(pk=composed.pk).update(
        deadline=timezone.now() - timedelta(days=2), state=Campaign.State.CLOSED
    )
    composed.refresh_from_db()
    client.force_login(editor)
    response = client.post(
        reverse("campaigns:edit", args=[composed.pk]),
        details_data(composed, title="Titre corrigé"),
    )
    assert response.status_code == 302
    composed.refresh_from_db()
    assert composed.title == "Titre corrigé"


def test_nothing_changes_once_sent(client, composed, editor):
    Campaign.objects.filter(pk=composed.pk).update(
        state=Campaign.State.SENT, sent_at=timezone.now()
    )
    client.force_login(editor)
    edit = reverse("campaigns:edit", args=[composed.pk])
    response = client.post(edit, details_data(composed, title="Autre"))
    assert response.status_code == 302
    composed.refresh_from_db()
    assert composed.title == "Financer la participation sociale"
    letters_url = reverse("campaigns:edit_letters", args=[composed.pk])
    assert "the letter was sent" in client.get(letters_url).content.decode()
    assert client.post(letters_url, letter_data(composed)).status_code == 400
    with pytest.raises(ValidationError):
        services_compose.update_details(
            composed,
            title="Autre",
            country=None,
            deadline=in_a_week(),
            signers="both",
            addressees=[services_compose.AddresseeData(name="X")],
            acting_user=editor,
        )
    assert not AuditLogEntry.objects.filter(action__startswith="campaign.update").exists()


# --- Permissions per view --------------------------------------------------

STARTERS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 200,
    "org_admin": 200,
    "moderator": 403,
    "site_admin": 200,
    "other_editor": 200,
}


@pytest.mark.parametrize("role", [*ROLES, "other_editor"])
def test_who_may_start_a_campaign(request, coalition, builtin, role):
    response = client_for(user_for(request, role)).get(NEW)
    assert_outcome(response, STARTERS[role], NEW)


@pytest.mark.parametrize("role", [*ROLES, "other_editor"])
def test_who_may_create_for_the_coalition(request, coalition, builtin, role):
    response = client_for(user_for(request, role)).post(NEW, form_data(builtin, coalition))
    may = role in ("editor", "org_admin", "site_admin")
    expected = 302 if may else {"anonymous": LOGIN, "other_editor": 400}.get(role, 403)
    assert_outcome(response, expected, NEW)
    assert Campaign.objects.filter(coalition=coalition).exists() == may


# A draft is the coalition's secret: outsiders (and other coalitions) get 404.
DRAFT_EDITORS = {
    "anonymous": LOGIN,
    "outsider": 404,
    "member": 403,
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,
    "site_admin": 200,
    "other_editor": 404,
}
PUBLIC_EDITORS = {**DRAFT_EDITORS, "outsider": 403, "other_editor": 403}
PAGES = ["campaigns:edit", "campaigns:edit_letters", "campaigns:timing"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", [*ROLES, "other_editor"])
def test_who_may_open_the_edit_pages(request, composed, role, page):
    url = reverse(page, args=[composed.pk])
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, DRAFT_EDITORS[role], url)
    Campaign.objects.filter(pk=composed.pk).update(state=Campaign.State.OPEN)
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, PUBLIC_EDITORS[role], url)


@pytest.mark.parametrize("role", [*ROLES, "other_editor"])
def test_who_may_edit_the_details_and_the_letter(request, composed, role):
    client = client_for(user_for(request, role))
    edit = reverse("campaigns:edit", args=[composed.pk])
    response = client.post(edit, details_data(composed, title="Changed"))
    may = DRAFT_EDITORS[role] == 200
    assert_outcome(response, 302 if may else DRAFT_EDITORS[role], edit)
    letters_url = reverse("campaigns:edit_letters", args=[composed.pk])
    body = composed.letters.get().body + "\n\nPost-scriptum."
    response = client.post(letters_url, letter_data(composed, **{"fr-body": body}))
    assert_outcome(response, 302 if may else DRAFT_EDITORS[role], letters_url)
    composed.refresh_from_db()
    assert (composed.title == "Changed") == may
    assert composed.letters.get().body.endswith("Post-scriptum.") == may


@pytest.mark.parametrize("role", [*ROLES, "other_editor"])
def test_who_may_time_the_campaign(request, composed, role):
    Campaign.objects.filter(pk=composed.pk).update(state=Campaign.State.OPEN)
    moment = make_opportunity(start=SOON)
    client = client_for(user_for(request, role))
    url = reverse("campaigns:timing", args=[composed.pk])
    response = client.post(url, {"opportunity": moment.pk})
    may = PUBLIC_EDITORS[role] == 200
    assert_outcome(response, 302 if may else PUBLIC_EDITORS[role], url)
    assert moment.campaigns.filter(pk=composed.pk).exists() == may
    if not may:
        moment.campaigns.add(composed)
    untime = reverse("campaigns:untime", args=[composed.pk, moment.pk])
    response = client.post(untime)
    assert_outcome(response, 302 if may else PUBLIC_EDITORS[role], untime)
    assert moment.campaigns.filter(pk=composed.pk).exists() == (not may)


# --- Timing to the calendar ------------------------------------------------


def test_timing_shows_on_both_pages(client, composed, editor):
    moment = make_opportunity(title="National budget hearing", start=SOON)
    client.force_login(editor)
    page = client.get(reverse("campaigns:timing", args=[composed.pk])).content.decode()
    assert "National budget hearing" in page
    response = client.post(
        reverse("campaigns:timing", args=[composed.pk]), {"opportunity": moment.pk}
    )
    assert response.status_code == 302
    assert AuditLogEntry.objects.filter(action="campaign.link_opportunity").exists()
    # The organisers see it on the campaign page, with a way to remove it.
    detail = client.get(composed.get_absolute_url()).content.decode()
    assert "Timed for" in detail
    assert moment.get_absolute_url() in detail
    assert reverse("campaigns:untime", args=[composed.pk, moment.pk]) in detail
    # A draft never shows on the moment's page, not even to its coalition.
    for reader in (client, client_for(None)):
        assert composed.title not in reader.get(moment.get_absolute_url()).content.decode()
    services.open_campaign(composed, acting_user=editor)
    public = client_for(None).get(moment.get_absolute_url()).content.decode()
    assert "Campaigns for this moment" in public
    assert composed.title in public
    assert composed.get_absolute_url() in public
    # A hidden campaign leaves the moment's page too.
    Campaign.objects.filter(pk=composed.pk).update(hidden_at=timezone.now())
    assert composed.title not in client_for(None).get(moment.get_absolute_url()).content.decode()


def test_timed_for_line_for_every_reader(composed, editor):
    """The line detail.html is to include in its <dl> (see the report)."""
    moment = make_opportunity(title="National budget hearing", start=SOON)
    services_compose.link_opportunity(composed, moment, acting_user=editor)
    hidden = make_opportunity(title="Hidden moment", start=SOON)
    hidden.campaigns.add(composed)
    hidden.hidden_at = timezone.now()
    hidden.save()
    with translation.override("en"):
        html = render_to_string("campaigns/compose/timed_for.html", {"campaign": composed})
    assert "Timed for" in html
    assert "National budget hearing" in html
    assert "Hidden moment" not in html


def test_the_public_campaign_page_says_what_it_is_timed_for(client, composed, editor):
    moment = make_opportunity(title="National budget hearing", start=SOON)
    services_compose.link_opportunity(composed, moment, acting_user=editor)
    services.open_campaign(composed, acting_user=editor)
    assert "National budget hearing" in client.get(composed.get_absolute_url()).content.decode()


def test_only_coming_published_moments_are_linked(client, composed, editor):
    past = make_opportunity(start=timezone.localdate() - timedelta(days=10))
    cancelled = make_opportunity(state="cancelled", start=SOON)
    client.force_login(editor)
    url = reverse("campaigns:timing", args=[composed.pk])
    for moment in (past, cancelled):
        response = client.post(url, {"opportunity": moment.pk})
        assert response.status_code == 400
        assert "Select a valid choice." in response.content.decode()
        with pytest.raises(ValidationError):
            services_compose.link_opportunity(composed, moment, acting_user=editor)
    assert not composed.opportunities.exists()
    assert not AuditLogEntry.objects.filter(action="campaign.link_opportunity").exists()


def test_the_moment_page_reads_linked_campaigns_in_one_query(
    client, coalition, editor, django_assert_num_queries
):
    moment = make_opportunity(start=SOON)
    first = make_campaign(coalition)
    moment.campaigns.add(first)
    url = moment.get_absolute_url()
    client.get(url)  # warm caches (parler, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for index in range(3):
        campaign = make_campaign(coalition)
        Campaign.objects.filter(pk=campaign.pk).update(title=f"Campaign {index}")
        moment.campaigns.add(campaign)
    with CaptureQueriesContext(connection) as four:
        page = client.get(url).content.decode()
    assert "Campaign 2" in page
    assert len(four.captured_queries) == len(one.captured_queries)
