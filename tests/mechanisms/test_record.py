"""Recording a mechanism, editing it, and the history of its versions."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version

from sauti.core.models import AuditLogEntry
from sauti.mechanisms.forms import NULL_BOOLEANS
from sauti.mechanisms.models import Mechanism, Source

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory
from .factories import NO_SOURCE, MechanismFactory, mechanism_form_data

SOURCE_NEEDED = "Every record needs at least one source: a law, a report, minutes, a web page."


def only_mechanism() -> Mechanism:
    return Mechanism.objects.get()


def assert_nothing_stored() -> None:
    assert not Mechanism.objects.exists()
    assert not Source.objects.exists()
    assert not Version.objects.exists()
    assert not AuditLogEntry.objects.filter(action__startswith="mechanism.").exists()


@pytest.fixture
def create_url():
    return reverse("mechanisms:create")


# --- Recording ----------------------------------------------------------------------


def test_form_offers_not_known_and_only_the_readers_organisations(member, organisation, create_url):
    OrganisationFactory(name="Someone Else's Coalition")
    page = client_for(member).get(create_url).content.decode()
    assert "Record a mechanism" in page
    assert page.count(">Not known</option>") == len(NULL_BOOLEANS)  # every yes/no fact
    assert organisation.name in page
    assert "Someone Else&#x27;s Coalition" not in page


def test_member_records_a_mechanism_with_a_source(member, organisation, create_url):
    data = mechanism_form_data(
        organisation,
        has_budget="true",
        has_secretariat="false",
        stage_planning="true",
        publishes_minutes="false",
    )
    response = client_for(member).post(create_url, data, follow=True)

    mechanism = only_mechanism()
    assert response.redirect_chain == [(mechanism.get_absolute_url(), 302)]
    page = response.content.decode()
    assert "The mechanism is in the registry. Thank you." in page
    assert "Kisumu County Health Forum" in page

    # The name and description are stored once, in the language of the record.
    assert list(mechanism.get_available_languages()) == ["en"]
    assert mechanism.original_language == "en"
    assert mechanism.safe_translation_getter("name", language_code="en") == (
        "Kisumu County Health Forum"
    )
    assert mechanism.safe_translation_getter("description", language_code="en").startswith(
        "Residents and the county health team"
    )
    assert mechanism.country_id == "KE"
    assert mechanism.subnational_area == "Kisumu County"
    assert mechanism.level == Mechanism.Level.REGIONAL
    assert mechanism.kind == Mechanism.Kind.FORUM
    assert mechanism.legal_basis == Mechanism.LegalBasis.LAW
    assert mechanism.year_established == 2014
    assert mechanism.seats_community == 6
    assert mechanism.seats_private is None
    assert mechanism.last_meeting.isoformat() == "2025-02-14"
    assert mechanism.organisation == organisation
    assert mechanism.created_by == member
    assert not mechanism.is_verified
    assert sorted(mechanism.constituencies.values_list("code", flat=True)) == ["women", "youth"]
    # Yes, no, and "Not known" kept apart.
    assert mechanism.has_budget is True
    assert mechanism.has_secretariat is False
    assert mechanism.stage_planning is True
    assert mechanism.publishes_minutes is False
    assert mechanism.is_formal is None
    assert mechanism.has_office is None
    assert mechanism.stage_budgeting is None

    source = Source.objects.get()
    assert source.mechanism == mechanism
    assert source.title == "Kisumu County Health Act, 2019"
    assert source.url == "https://example.org/kisumu-health-act"
    assert source.note == "Establishes the forum"

    versions = Version.objects.get_for_object(mechanism)
    assert versions.count() == 1
    assert versions[0].revision.user == member
    assert versions[0].revision.comment == "create"

    entry = AuditLogEntry.objects.get(action="mechanism.create")
    assert entry.actor == member
    assert entry.target_id == str(mechanism.pk)
    assert entry.target_repr == "Kisumu County Health Forum"


def test_detail_page_shows_what_was_recorded(member, organisation, create_url):
    data = mechanism_form_data(organisation, has_budget="true", has_office="false")
    client_for(member).post(create_url, data)
    page = client_for(None).get(only_mechanism().get_absolute_url()).content.decode()
    assert "Community forum or dialogue · Regional or provincial · " in page
    assert '<span dir="auto">Kisumu County</span>' in page
    assert "Not yet verified" in page
    assert "Kisumu County Health Act, 2019, s. 12" in page
    assert "Dedicated budget: yes" in page
    assert "Own office space: no" in page
    assert "Executive secretariat: not known" in page
    assert "Women" in page
    assert "Adolescents and youth" in page
    assert 'href="https://example.org/kisumu-health-act"' in page
    assert "No one has assessed this mechanism yet." in page


def test_without_any_source_nothing_is_stored(member, organisation, create_url):
    response = client_for(member).post(create_url, mechanism_form_data(organisation, **NO_SOURCE))
    assert response.status_code == 200
    assert SOURCE_NEEDED in response.content.decode()
    assert_nothing_stored()


def test_a_source_link_needs_a_title(member, organisation, create_url):
    data = mechanism_form_data(organisation, source_title="")
    response = client_for(member).post(create_url, data)
    assert "Give the source a title." in response.content.decode()
    assert_nothing_stored()


def test_a_source_title_alone_is_enough(member, organisation, create_url):
    data = mechanism_form_data(organisation, source_url="", source_title="Minutes, March 2024")
    assert client_for(member).post(create_url, data).status_code == 302
    assert Source.objects.get().title == "Minutes, March 2024"


def test_html_is_stripped_from_what_people_write(member, organisation, create_url):
    data = mechanism_form_data(
        organisation,
        name="<b>Kisumu</b> County <script>alert(1)</script>Health Forum",
        description='<p onclick="x()">Meets <i>quarterly</i>.</p>',
        source_title="<a href='https://evil.example'>Act</a>",
    )
    assert client_for(member).post(create_url, data).status_code == 302
    mechanism = only_mechanism()
    assert mechanism.safe_translation_getter("name") == "Kisumu County Health Forum"
    assert mechanism.safe_translation_getter("description") == "Meets quarterly."
    assert Source.objects.get().title == "Act"


@pytest.mark.parametrize("year", ["1700", "2500", "nineteen"])
def test_impossible_year_is_refused(member, organisation, create_url, year):
    response = client_for(member).post(
        create_url, mechanism_form_data(organisation, year_established=year)
    )
    assert response.status_code == 200
    assert 'id="id_year_established_error"' in response.content.decode()
    if year == "1700":
        assert "Ensure this value is greater than or equal to 1800." in response.content.decode()
    assert_nothing_stored()


def test_cannot_record_on_behalf_of_an_organisation_one_does_not_belong_to(
    member, organisation, create_url
):
    other = OrganisationFactory()
    response = client_for(member).post(create_url, mechanism_form_data(other))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert_nothing_stored()


def test_recording_in_another_language_keeps_it_as_the_original(member, organisation, create_url):
    data = mechanism_form_data(
        organisation,
        name="Comité de santé du district de Kisumu",
        description="Les habitants rencontrent l'équipe de santé.",
        original_language="fr",
    )
    client_for(member).post(create_url, data)  # browsing in English
    mechanism = only_mechanism()
    assert mechanism.original_language == "fr"
    assert list(mechanism.get_available_languages()) == ["fr"]
    assert mechanism.safe_translation_getter("name", language_code="fr") == (
        "Comité de santé du district de Kisumu"
    )


def test_form_starts_in_the_readers_language_and_country(member, create_url):
    page = client_for(member).get("/fr/mechanisms/new/?country=SN")
    html = page.content.decode()
    assert '<option value="fr" selected>' in html
    assert '<option value="SN" selected>' in html


def test_garbage_is_answered_with_errors_not_a_crash(member, create_url):
    garbage = {
        "name": "x" * 1000,
        "description": "\x00",
        "original_language": "klingon",
        "country": "ZZ",
        "level": "galactic",
        "kind": ["council", "forum"],
        "year_established": "-5",
        "organisation": "abc",
        "constituencies": ["women", "martians"],
        "last_meeting": "2025-02-30",
        "seats_government": "-1",
        "has_budget": "perhaps",
        "source_title": "t" * 1000,
        "source_url": "javascript:alert(1)",
    }
    response = client_for(member).post(create_url, garbage)
    assert response.status_code == 200
    assert response.content.decode().count('class="error"') >= 10
    assert_nothing_stored()


def test_empty_form_is_answered_with_errors(member, create_url):
    response = client_for(member).post(create_url, {"name": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert SOURCE_NEEDED in response.content.decode()
    assert_nothing_stored()


def test_moderator_without_an_organisation_can_record(moderator, create_url):
    data = mechanism_form_data(None)
    assert client_for(moderator).post(create_url, data).status_code == 302
    mechanism = only_mechanism()
    assert mechanism.organisation is None
    assert mechanism.created_by == moderator


# --- Editing and history ------------------------------------------------------------


@pytest.fixture
def recorded(member, organisation, create_url):
    client_for(member).post(create_url, mechanism_form_data(organisation))
    return only_mechanism()


def test_edit_form_is_filled_with_the_record(editor, recorded):
    page = client_for(editor).get(reverse("mechanisms:edit", args=[recorded.pk]))
    html = page.content.decode()
    assert "Edit the record" in html
    assert 'value="Kisumu County Health Forum"' in html
    assert '<option value="KE" selected>' in html
    assert 'value="women" id="id_constituencies_0" checked' in html
    assert SOURCE_NEEDED not in html


def test_edit_makes_a_second_version_naming_the_changed_fields(editor, organisation, recorded):
    url = reverse("mechanisms:edit", args=[recorded.pk])
    data = mechanism_form_data(
        organisation, name="Kisumu County Health Assembly", has_budget="true", **NO_SOURCE
    )
    response = client_for(editor).post(url, data, follow=True)
    assert "Changes saved. The earlier version stays in the history." in (response.content.decode())

    mechanism = Mechanism.objects.get(pk=recorded.pk)
    assert mechanism.safe_translation_getter("name") == "Kisumu County Health Assembly"
    assert mechanism.has_budget is True
    assert mechanism.created_by != editor  # the recorder stays the recorder
    assert Source.objects.count() == 1  # the first source stays

    versions = Version.objects.get_for_object(mechanism)  # newest first
    assert versions.count() == 2
    latest = versions[0].revision
    assert latest.user == editor
    assert set(latest.comment.split(", ")) == {"name", "has_budget"}
    # The earlier version can be read back.
    earlier = versions[1]
    assert earlier.field_dict["has_budget"] is None

    entry = AuditLogEntry.objects.get(action="mechanism.update")
    assert entry.actor == editor
    assert set(entry.data["fields"]) == {"name", "has_budget"}


def test_edit_with_a_new_source_adds_it(editor, organisation, recorded):
    url = reverse("mechanisms:edit", args=[recorded.pk])
    data = mechanism_form_data(
        organisation, source_title="Minutes, 2024", source_url="", source_note=""
    )
    client_for(editor).post(url, data)
    assert list(recorded.sources.values_list("title", flat=True)) == [
        "Kisumu County Health Act, 2019",
        "Minutes, 2024",
    ]
    comment = Version.objects.get_for_object(recorded)[0].revision.comment
    assert "sources" in comment.split(", ")


def test_editing_while_browsing_in_another_language_keeps_the_original(
    member, organisation, create_url
):
    data = mechanism_form_data(organisation, name="Comité de santé", original_language="fr")
    client_for(member).post(create_url, data)
    mechanism = only_mechanism()
    url = reverse("mechanisms:edit", args=[mechanism.pk])
    edit_page = client_for(member).get(url).content.decode()  # in English
    assert 'value="Comité de santé"' in edit_page
    data["name"] = "Comité régional de santé"
    data.update(NO_SOURCE)
    client_for(member).post(url, data)
    mechanism = Mechanism.objects.get(pk=mechanism.pk)
    assert list(mechanism.get_available_languages()) == ["fr"]
    assert mechanism.safe_translation_getter("name", language_code="fr") == (
        "Comité régional de santé"
    )


def test_history_lists_each_version_with_who_and_when(member, editor, organisation, recorded):
    url = reverse("mechanisms:edit", args=[recorded.pk])
    client_for(editor).post(url, mechanism_form_data(organisation, kind="council", **NO_SOURCE))

    response = client_for(None).get(reverse("mechanisms:history", args=[recorded.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    versions = list(Version.objects.get_for_object(recorded))
    assert len(versions) == 2
    for version in versions:
        when = date_format(
            timezone.localtime(version.revision.date_created), "SHORT_DATETIME_FORMAT"
        )
        assert when in page
    assert page.index(editor.display_name) < page.index(member.display_name)  # newest first
    # What changed is said in words, in the reader's language.
    assert "<td>kind</td>" in page
    assert "<td>Recorded</td>" in page


def test_history_names_the_changed_fields_in_the_readers_language(editor, organisation, recorded):
    url = reverse("mechanisms:edit", args=[recorded.pk])
    client_for(editor).post(
        url, mechanism_form_data(organisation, kind="council", has_budget="true", **NO_SOURCE)
    )
    page = client_for(None).get(reverse("mechanisms:history", args=[recorded.pk]))
    assert "<td>dedicated budget and kind</td>" in page.content.decode()


def test_history_of_a_record_without_versions(db):
    mechanism = MechanismFactory()  # e.g. loaded by a data migration
    page = client_for(None).get(reverse("mechanisms:history", args=[mechanism.pk]))
    assert "No recorded changes." in page.content.decode()


def test_history_remembers_a_person_who_left(member, organisation, recorded):
    member.delete()
    page = client_for(None).get(reverse("mechanisms:history", args=[recorded.pk]))
    assert "former member or anonymous" in page.content.decode()


def test_someone_from_another_organisation_may_edit(organisation, recorded):
    # The registry is shared: any member of any organisation corrects any record.
    stranger = MembershipFactory(organisation=OrganisationFactory()).user
    url = reverse("mechanisms:edit", args=[recorded.pk])
    data = mechanism_form_data(organisation, level="district", **NO_SOURCE)
    response = client_for(stranger).post(url, data)
    assert response.status_code == 302
    recorded.refresh_from_db()
    assert recorded.level == "district"
    assert recorded.organisation == organisation  # the recording organisation stays


# --- Reading in one's own language --------------------------------------------------


def test_detail_shows_the_readers_language_when_translated(db):
    mechanism = MechanismFactory(
        name="Village health committee",
        description="Meets monthly.",
        translated={"fr": {"name": "Comité villageois de santé", "description": "Mensuel."}},
    )
    english = client_for(None).get(mechanism.get_absolute_url()).content.decode()
    assert "Village health committee" in english
    assert 'class="lang-mark"' not in english

    french = client_for(None).get(f"/fr/mechanisms/{mechanism.pk}/").content.decode()
    assert "Comité villageois de santé" in french
    assert "Mensuel." in french
    assert 'lang="fr"' in french
    assert 'class="lang-mark"' not in french


def test_detail_shows_the_original_with_a_mark_when_not_translated(db):
    mechanism = MechanismFactory(
        name="Conselho Municipal de Saúde",
        description="Reúne-se todo mês.",
        original_language="pt",
        country_id="BR",
    )
    page = client_for(None).get(mechanism.get_absolute_url()).content.decode()
    assert "Conselho Municipal de Saúde" in page
    assert "Reúne-se todo mês." in page
    assert "Written in Portuguese; no translation yet." in page
    assert '<h1 dir="auto" lang="pt">' in page

    in_portuguese = client_for(None).get(f"/pt/mechanisms/{mechanism.pk}/").content.decode()
    assert 'class="lang-mark"' not in in_portuguese


def test_unknown_mechanism_is_not_found(member):
    for path in ("", "edit/", "history/", "assess/"):
        response = client_for(member).get(f"/en/mechanisms/999999/{path}")
        assert response.status_code == 404


def test_a_name_of_markup_only_is_refused(member, organisation, create_url):
    data = mechanism_form_data(organisation, name="<script>alert(1)</script>")
    response = client_for(member).post(create_url, data)
    assert response.status_code == 200
    assert 'id="id_name_error"' in response.content.decode()
    assert_nothing_stored()


def test_a_source_title_of_markup_only_is_no_source(member, organisation, create_url):
    data = mechanism_form_data(organisation, source_title="<b></b>", source_url="")
    response = client_for(member).post(create_url, data)
    assert SOURCE_NEEDED in response.content.decode()
    assert_nothing_stored()


def test_garbage_on_edit_changes_nothing(member, recorded):
    url = reverse("mechanisms:edit", args=[recorded.pk])
    response = client_for(member).post(url, {"name": "", "country": "ZZ", "level": "x"})
    assert response.status_code == 200
    assert 'id="id_country_error"' in response.content.decode()
    assert Version.objects.get_for_object(recorded).count() == 1
    assert not AuditLogEntry.objects.filter(action="mechanism.update").exists()


@pytest.mark.parametrize(
    "path", ["abc/", "-1/", "0/", "99999999999999999999999/", "1.5/edit/", "%00/"]
)
def test_odd_addresses_are_not_found(member, path):
    assert client_for(member).get(f"/en/mechanisms/{path}").status_code == 404
