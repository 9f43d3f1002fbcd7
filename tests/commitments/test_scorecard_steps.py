"""Recording an exercise step by step: each step saves, a draft stays unpublished, bad input
gets a clear message and stores nothing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from sauti.commitments.models import (
    ActionItem,
    GroupScore,
    ParticipantGroup,
    Scorecard,
    ScorecardItem,
)
from sauti.core.models import AuditLogEntry

from ..conftest import client_for
from ..mechanisms.factories import MechanismFactory
from .scorecard_factories import (
    ActionFactory,
    CycleFactory,
    IndicatorFactory,
    ScorecardFactory,
    add_item,
    example_scorecard,
)


def details(**overrides):
    data = {
        "organisation": "",
        "country": "KE",
        "place_kind": "facility",
        "place_name": "Kondele Health Centre",
        "mechanism_ref": "",
        "held_on": "2025-03-14",
        "facilitators": "Kisumu Health Rights Forum",
        "cycle": "",
    }
    return data | overrides


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def draft(organisation):
    return ScorecardFactory(organisation=organisation, is_published=False)


# --- Step 1: details ---------------------------------------------------------------------
def test_editor_starts_an_exercise_as_a_draft(editor, organisation):
    cycle = CycleFactory()
    mechanism = MechanismFactory(country_id="KE")
    data = details(
        organisation=organisation.pk,
        cycle=cycle.pk,
        mechanism_ref=f"https://sauti.example/en/mechanisms/{mechanism.pk}/",
    )
    response = client_for(editor).post(reverse("commitments:scorecard_create"), data)
    scorecard = Scorecard.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("commitments:scorecard_groups", args=[scorecard.pk])
    assert not scorecard.is_published
    assert scorecard.organisation == organisation
    assert scorecard.created_by == editor
    assert scorecard.held_on == datetime.date(2025, 3, 14)
    assert scorecard.cycle == cycle
    assert scorecard.mechanism == mechanism
    assert AuditLogEntry.objects.filter(action="scorecard.create").count() == 1
    # Nobody outside the organisation sees the draft.
    assert client_for(None).get(scorecard.get_absolute_url()).status_code == 404


def test_editor_cannot_start_an_exercise_for_another_organisation(editor):
    from ..factories import OrganisationFactory

    other = OrganisationFactory()
    response = client_for(editor).post(
        reverse("commitments:scorecard_create"), details(organisation=other.pk)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Scorecard.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("held_on", "14/03/2025x", "Write the date as YEAR-MONTH-DAY, e.g. 2025-06-30."),
        ("place_name", "<b></b>", "This field is required."),
        ("country", "XX", "Select a valid choice."),
        ("mechanism_ref", "99999", "No mechanism of the registry has this address or number."),
    ],
)
def test_bad_details_store_nothing(editor, organisation, field, value, message):
    data = details(organisation=organisation.pk, **{field: value})
    response = client_for(editor).post(reverse("commitments:scorecard_create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Scorecard.objects.exists()
    assert not AuditLogEntry.objects.filter(action__startswith="scorecard.").exists()


def test_a_mechanism_of_another_country_is_refused(editor, organisation):
    mechanism = MechanismFactory(country_id="UG")
    data = details(organisation=organisation.pk, mechanism_ref=str(mechanism.pk))
    response = client_for(editor).post(reverse("commitments:scorecard_create"), data)
    page = response.content.decode()
    assert "This mechanism is in a different country from the exercise." in page
    assert not Scorecard.objects.exists()


def test_editing_details_keeps_the_organisation(editor, draft):
    url = reverse("commitments:scorecard_edit", args=[draft.pk])
    page = client_for(editor).get(url).content.decode()
    assert 'name="organisation"' not in page
    response = client_for(editor).post(url, details(place_name="Nyalenda Dispensary"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.place_name == "Nyalenda Dispensary"


# --- Step 2: groups ----------------------------------------------------------------------
def test_groups_are_added_changed_and_removed(editor, draft):
    url = reverse("commitments:scorecard_groups", args=[draft.pk])
    data = management("groups", 3) | {
        "groups-0-label": "Women",
        "groups-0-size": "12",
        "groups-0-constituency": "women",
        "groups-1-label": "Youth",
        "groups-1-size": "4",
        "groups-1-constituency": "",
        "groups-2-label": "",
        "groups-2-size": "",
        "groups-2-constituency": "",
    }
    response = client_for(editor).post(url, data)
    assert response["Location"] == reverse("commitments:scorecard_indicators", args=[draft.pk])
    women, youth = draft.groups.order_by("id")
    assert (women.label, women.size, women.constituency_id) == ("Women", 12, "women")
    assert (youth.label, youth.size, youth.constituency_id) == ("Youth", 4, None)

    data = management("groups", 2, initial=2) | {
        "groups-0-id": str(women.pk),
        "groups-0-label": "Women",
        "groups-0-size": "14",
        "groups-1-id": str(youth.pk),
        "groups-1-label": "Youth",
        "groups-1-size": "4",
        "groups-1-DELETE": "on",
        "next": "stay",
    }
    response = client_for(editor).post(url, data)
    assert response["Location"] == url
    assert list(draft.groups.values_list("label", "size")) == [("Women", 14)]


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ("0", "A group has at least one person."),
        ("-3", "A group has at least one person."),
        ("twelve", "Write the number of people as a whole number, e.g. 12."),
    ],
)
def test_a_bad_group_size_stores_nothing(editor, draft, size, message):
    url = reverse("commitments:scorecard_groups", args=[draft.pk])
    data = management("groups", 2) | {
        "groups-0-label": "Women",
        "groups-0-size": "12",
        "groups-1-label": "Youth",
        "groups-1-size": size,
    }
    response = client_for(editor).post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ParticipantGroup.objects.exists()  # not even the valid row


def test_two_groups_with_one_name_are_refused(editor, draft):
    url = reverse("commitments:scorecard_groups", args=[draft.pk])
    data = management("groups", 2) | {
        "groups-0-label": "Women",
        "groups-0-size": "12",
        "groups-1-label": "women",
        "groups-1-size": "11",
    }
    response = client_for(editor).post(url, data)
    assert "Two groups have this name; give each its own." in response.content.decode()
    assert not ParticipantGroup.objects.exists()


def test_a_group_of_another_scorecard_cannot_be_changed_through_the_form(editor, draft):
    other, _items = example_scorecard(draft.organisation)
    theirs = other.groups.first()
    url = reverse("commitments:scorecard_groups", args=[draft.pk])
    data = management("groups", 1, initial=1) | {
        "groups-0-id": str(theirs.pk),
        "groups-0-label": "Taken over",
        "groups-0-size": "50",
    }
    client_for(editor).post(url, data)
    # The id is looked up in this scorecard's groups only: the row counts as a new group.
    theirs.refresh_from_db()
    assert (theirs.label, theirs.scorecard) == ("Women", other)
    assert other.groups.count() == 3


# --- Step 3: indicators ------------------------------------------------------------------
def test_indicators_from_the_library_and_custom_ones(editor, draft):
    waiting = IndicatorFactory(code="waiting-time", text="Waiting time is reasonable")
    drugs = IndicatorFactory(code="drugs", text="Medicines are available")
    ParticipantGroup.objects.create(scorecard=draft, label="Women", size=12)
    url = reverse("commitments:scorecard_indicators", args=[draft.pk])
    page = client_for(editor).get(url).content.decode()
    assert "Waiting time is reasonable" in page and 'type="checkbox"' in page
    data = management("custom", 3) | {
        "library": [str(waiting.pk), str(drugs.pk)],
        "custom-0-text": "The clinic opens on time",
        "custom-1-text": "",
        "custom-2-text": "",
    }
    response = client_for(editor).post(url, data)
    first_group = draft.groups.get()
    assert response["Location"] == reverse(
        "commitments:scorecard_scores", args=[draft.pk, first_group.pk]
    )
    assert [item.label for item in draft.items.all()] == [
        "Medicines are available",
        "Waiting time is reasonable",
        "The clinic opens on time",
    ]
    # Unticking a library indicator removes it and its scores.
    drugs_item = draft.items.get(indicator=drugs)
    GroupScore.objects.create(item=drugs_item, group=first_group, score=2)
    custom = draft.items.get(indicator__isnull=True)
    data = management("custom", 1, initial=1) | {
        "library": [str(waiting.pk)],
        "custom-0-id": str(custom.pk),
        "custom-0-text": "The clinic opens at 8",
    }
    client_for(editor).post(url, data)
    assert [item.label for item in draft.items.all()] == [
        "Waiting time is reasonable",
        "The clinic opens at 8",
    ]
    assert not GroupScore.objects.exists()


# --- Step 4 and 5: scores and self-assessment --------------------------------------------
@pytest.fixture
def ready(draft):
    ParticipantGroup.objects.create(scorecard=draft, label="Women", size=12)
    ParticipantGroup.objects.create(scorecard=draft, label="Youth", size=11)
    items = [add_item(draft, text="Waiting time"), add_item(draft, text="Respect")]
    return draft, items


def test_a_group_scores_every_indicator(editor, ready):
    draft, (waiting, respect) = ready
    women, youth = draft.groups.order_by("id")
    url = reverse("commitments:scorecard_scores", args=[draft.pk, women.pk])
    data = {
        f"score_{waiting.pk}": "2",
        f"reasons_{waiting.pk}": "Queues from six",
        f"score_{respect.pk}": "",
        f"reasons_{respect.pk}": "",
    }
    response = client_for(editor).post(url, data)
    # On to the next group, then to the self-assessment.
    assert response["Location"] == reverse(
        "commitments:scorecard_scores", args=[draft.pk, youth.pk]
    )
    score = GroupScore.objects.get()
    assert (score.item, score.group, score.score, score.reasons) == (
        waiting,
        women,
        2,
        "Queues from six",
    )
    # Saving again with the score cleared removes it.
    data[f"score_{waiting.pk}"] = ""
    data[f"reasons_{waiting.pk}"] = ""
    client_for(editor).post(url, data)
    assert not GroupScore.objects.exists()
    response = client_for(editor).post(
        reverse("commitments:scorecard_scores", args=[draft.pk, youth.pk]),
        {f"score_{waiting.pk}": "5", f"score_{respect.pk}": "4"},
    )
    assert response["Location"] == reverse("commitments:scorecard_self_assessment", args=[draft.pk])


@pytest.mark.parametrize("score", ["0", "6", "-1", "3.5", "five"])
def test_a_score_outside_1_to_5_stores_nothing(editor, ready, score):
    draft, (waiting, respect) = ready
    women = draft.groups.order_by("id").first()
    url = reverse("commitments:scorecard_scores", args=[draft.pk, women.pk])
    data = {f"score_{waiting.pk}": "3", f"score_{respect.pk}": score}
    response = client_for(editor).post(url, data)
    assert response.status_code == 200
    assert (
        "Give a score from 1 (very bad) to 5 (very good), or “Not scored”."
        in response.content.decode()
    )
    assert not GroupScore.objects.exists()  # not even the valid score


def test_reasons_without_a_score_are_refused(editor, ready):
    draft, (waiting, _respect) = ready
    women = draft.groups.order_by("id").first()
    url = reverse("commitments:scorecard_scores", args=[draft.pk, women.pk])
    response = client_for(editor).post(url, {f"reasons_{waiting.pk}": "Too slow"})
    assert "Give a score with the reasons, or leave both empty." in response.content.decode()
    assert not GroupScore.objects.exists()


def test_html_in_reasons_is_stored_as_text_and_escaped(editor, ready):
    draft, (waiting, _respect) = ready
    women = draft.groups.order_by("id").first()
    url = reverse("commitments:scorecard_scores", args=[draft.pk, women.pk])
    reasons = '<script>alert("x")</script><b>Rude</b> staff & 2 < 3'
    client_for(editor).post(url, {f"score_{waiting.pk}": "2", f"reasons_{waiting.pk}": reasons})
    stored = GroupScore.objects.get().reasons
    assert "<" not in stored.replace("2 < 3", "")
    assert "script" not in stored
    draft.is_published = True
    draft.save()
    page = client_for(None).get(draft.get_absolute_url()).content.decode()
    assert "<b>Rude</b>" not in page
    assert "<script>alert" not in page
    assert "Rude staff &amp; 2 &lt; 3" in page


def test_the_provider_assesses_itself(editor, ready):
    draft, (waiting, respect) = ready
    url = reverse("commitments:scorecard_self_assessment", args=[draft.pk])
    data = {
        f"score_{waiting.pk}": "4",
        f"reasons_{waiting.pk}": "We opened a second window",
        f"score_{respect.pk}": "5",
    }
    response = client_for(editor).post(url, data)
    assert response["Location"] == reverse("commitments:scorecard_interface", args=[draft.pk])
    waiting.refresh_from_db()
    respect.refresh_from_db()
    assert (waiting.self_score, waiting.self_reasons) == (4, "We opened a second window")
    assert respect.self_score == 5
    response = client_for(editor).post(url, {f"score_{waiting.pk}": "6"})
    assert response.status_code == 200
    waiting.refresh_from_db()
    assert waiting.self_score == 4


# --- Step 6 and 7: interface meeting and action plan -------------------------------------
def test_interface_outcome(editor, draft):
    url = reverse("commitments:scorecard_interface", args=[draft.pk])
    response = client_for(editor).post(url, {"outcome": "Agreed to open at 8.\nStaff training."})
    assert response["Location"] == reverse("commitments:scorecard_actions", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.interface_outcome == "Agreed to open at 8.\nStaff training."


def test_action_plan(editor, draft):
    url = reverse("commitments:scorecard_actions", args=[draft.pk])
    data = management("actions", 3) | {
        "actions-0-action": "Post the price list",
        "actions-0-responsible": "Facility in-charge",
        "actions-0-due_on": "2025-06-30",
        "actions-1-action": "Open at 8",
        "actions-1-responsible": "County health team",
        "actions-1-due_on": "",
    }
    response = client_for(editor).post(url, data)
    assert response["Location"] == draft.get_absolute_url()
    prices, opening = ActionItem.objects.order_by("id")
    assert prices.due_on == datetime.date(2025, 6, 30)
    assert opening.due_on is None
    assert prices.progress == ActionItem.Progress.PLANNED


def test_a_due_date_that_is_not_a_date_stores_nothing(editor, draft):
    url = reverse("commitments:scorecard_actions", args=[draft.pk])
    data = management("actions", 2) | {
        "actions-0-action": "Post the price list",
        "actions-0-responsible": "Facility in-charge",
        "actions-0-due_on": "2025-06-30",
        "actions-1-action": "Open at 8",
        "actions-1-responsible": "County health team",
        "actions-1-due_on": "next month",
    }
    response = client_for(editor).post(url, data)
    assert response.status_code == 200
    assert "Write the date as YEAR-MONTH-DAY, e.g. 2025-06-30." in response.content.decode()
    assert not ActionItem.objects.exists()


def test_an_action_needs_someone_responsible(editor, draft):
    url = reverse("commitments:scorecard_actions", args=[draft.pk])
    data = management("actions", 1) | {"actions-0-action": "Post the price list"}
    response = client_for(editor).post(url, data)
    assert "This field is required." in response.content.decode()
    assert not ActionItem.objects.exists()


# --- Follow-up ---------------------------------------------------------------------------
def test_follow_up_is_updated_later_and_overdue_ones_are_flagged(editor, organisation):
    scorecard, _items = example_scorecard(organisation)
    late = ActionFactory(
        scorecard=scorecard, action="Hire a nurse", due_on=datetime.date(2020, 1, 1)
    )
    later = ActionFactory(
        scorecard=scorecard, action="Repaint the ward", due_on=datetime.date(2999, 1, 1)
    )
    page = client_for(None).get(scorecard.get_absolute_url()).content.decode()
    assert page.count("Overdue") == 1
    row = page[page.index("Hire a nurse") :]
    assert row.index("Overdue") < row.index("Repaint the ward") if "Repaint" in row else True

    url = reverse("commitments:scorecard_follow_up", args=[scorecard.pk, late.pk])
    response = client_for(editor).post(url, {"progress": "done", "note": "Nurse started in May"})
    assert response["Location"] == scorecard.get_absolute_url()
    late.refresh_from_db()
    assert (late.progress, late.follow_up_note) == ("done", "Nurse started in May")
    assert not late.is_overdue()
    page = client_for(None).get(scorecard.get_absolute_url()).content.decode()
    assert "Overdue" not in page
    assert "Nurse started in May" in page
    entry = AuditLogEntry.objects.get(action="scorecard.follow_up")
    assert entry.data == {"action": late.pk, "from": "planned", "to": "done"}

    response = client_for(editor).post(
        reverse("commitments:scorecard_follow_up", args=[scorecard.pk, later.pk]),
        {"progress": "finished", "note": ""},
    )
    assert response.status_code == 200
    later.refresh_from_db()
    assert later.progress == "planned"


# --- Publication -------------------------------------------------------------------------
def test_publish_and_unpublish(editor, organisation):
    scorecard, _items = example_scorecard(organisation, is_published=False)
    url = reverse("commitments:scorecard_publish", args=[scorecard.pk])
    client_for(editor).post(url, {"publish": "yes"})
    scorecard.refresh_from_db()
    assert scorecard.is_published
    assert client_for(None).get(scorecard.get_absolute_url()).status_code == 200
    client_for(editor).post(url, {"publish": "no"})
    scorecard.refresh_from_db()
    assert not scorecard.is_published
    assert client_for(None).get(scorecard.get_absolute_url()).status_code == 404
    actions = list(
        AuditLogEntry.objects.filter(action__startswith="scorecard.pub")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["scorecard.publish"]
    assert AuditLogEntry.objects.filter(action="scorecard.unpublish").exists()


def test_an_empty_scorecard_cannot_be_published(editor, draft):
    url = reverse("commitments:scorecard_publish", args=[draft.pk])
    response = client_for(editor).post(url, {"publish": "yes"}, follow=True)
    assert (
        "Record participant groups, indicators and at least one group&#x27;s scores first."
        in response.content.decode()
    )
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_whole_journey_without_javascript(editor, organisation):
    """Every step is a plain form post; the draft is complete and public once published."""
    client = client_for(editor)
    client.post(reverse("commitments:scorecard_create"), details(organisation=organisation.pk))
    scorecard = Scorecard.objects.get()
    client.post(
        reverse("commitments:scorecard_groups", args=[scorecard.pk]),
        management("groups", 1) | {"groups-0-label": "Women", "groups-0-size": "12"},
    )
    client.post(
        reverse("commitments:scorecard_indicators", args=[scorecard.pk]),
        management("custom", 1) | {"custom-0-text": "Waiting time"},
    )
    item = ScorecardItem.objects.get()
    group = ParticipantGroup.objects.get()
    client.post(
        reverse("commitments:scorecard_scores", args=[scorecard.pk, group.pk]),
        {f"score_{item.pk}": "3"},
    )
    client.post(
        reverse("commitments:scorecard_self_assessment", args=[scorecard.pk]),
        {f"score_{item.pk}": "4"},
    )
    client.post(reverse("commitments:scorecard_interface", args=[scorecard.pk]), {"outcome": "Ok"})
    client.post(
        reverse("commitments:scorecard_actions", args=[scorecard.pk]),
        management("actions", 1)
        | {"actions-0-action": "Open at 8", "actions-0-responsible": "In-charge"},
    )
    scorecard.refresh_from_db()
    assert not scorecard.is_published
    page = client.get(scorecard.get_absolute_url()).content.decode()
    assert "Draft: not public." in page
    client.post(reverse("commitments:scorecard_publish", args=[scorecard.pk]), {"publish": "yes"})
    page = client_for(None).get(scorecard.get_absolute_url()).content.decode()
    assert "Waiting time" in page and "Open at 8" in page and "Draft" not in page


def test_a_retired_library_indicator_stays_on_the_exercises_that_use_it(editor, draft):
    retired = IndicatorFactory(text="Retired indicator", is_active=False)
    IndicatorFactory(text="Another retired one", is_active=False)
    ScorecardItem.objects.create(scorecard=draft, indicator=retired)
    url = reverse("commitments:scorecard_indicators", args=[draft.pk])
    page = client_for(editor).get(url).content.decode()
    assert "Retired indicator" in page and "Another retired one" not in page
    client_for(editor).post(url, management("custom", 0) | {"library": [str(retired.pk)]})
    assert list(draft.items.values_list("indicator", flat=True)) == [retired.pk]
