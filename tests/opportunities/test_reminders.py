"""Reminders before the deadline to engage, for the person who said their organisation engages."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from sauti.accounts.models import Membership
from sauti.opportunities import services
from sauti.opportunities.models import Engagement
from sauti.opportunities.reminders import send_deadline_reminders

from .factories import make_opportunity

pytestmark = pytest.mark.django_db

DEADLINE = date(2030, 3, 20)
SITE = "http://127.0.0.1:8000"


@pytest.fixture
def engagement(organisation, member):
    opportunity = make_opportunity(
        title="Budget hearing", start=date(2030, 3, 25), engagement_deadline=DEADLINE
    )
    return Engagement.objects.create(
        opportunity=opportunity,
        organisation=organisation,
        created_by=member,
        note="A joint written submission",
        remind_days_before=7,
    )


def run(day):
    return send_deadline_reminders(today=day)


def test_sent_once_seven_days_before(engagement, member):
    assert run(DEADLINE - timedelta(days=8)) == 0  # not before the window
    assert mail.outbox == []

    assert run(DEADLINE - timedelta(days=7)) == 1
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "[Sauti] Reminder: engage in “Budget hearing” by March 20, 2030"
    assert "Kisumu Health Rights Forum will engage" in message.body
    assert "The deadline to engage is March 20, 2030, in 7 days." in message.body
    assert "A joint written submission" in message.body
    assert f"{SITE}/en/calendar/{engagement.opportunity.pk}/" in message.body
    engagement.refresh_from_db()
    assert engagement.reminded_at is not None

    assert run(DEADLINE - timedelta(days=6)) == 0
    assert run(DEADLINE) == 0
    assert len(mail.outbox) == 1


def test_days_missed_are_caught_up(engagement):
    assert run(DEADLINE - timedelta(days=2)) == 1
    assert "in 2 days" in mail.outbox[0].body


def test_on_the_deadline_day_it_still_comes(engagement):
    assert run(DEADLINE) == 1
    assert "The deadline to engage is today, March 20, 2030." in mail.outbox[0].body


def test_never_after_the_deadline(engagement):
    assert run(DEADLINE + timedelta(days=1)) == 0
    assert mail.outbox == []


@pytest.mark.parametrize("days", [1, 3, 14])
def test_each_choice_opens_its_own_window(engagement, days):
    Engagement.objects.filter(pk=engagement.pk).update(remind_days_before=days)
    assert run(DEADLINE - timedelta(days=days + 1)) == 0
    assert run(DEADLINE - timedelta(days=days)) == 1


def test_no_reminder_asked_none_sent(engagement):
    Engagement.objects.filter(pk=engagement.pk).update(remind_days_before=None)
    assert run(DEADLINE - timedelta(days=1)) == 0


@pytest.mark.parametrize("state", ["cancelled", "pending", "draft"])
def test_not_for_a_moment_that_is_not_on(engagement, state):
    engagement.opportunity.state = state
    engagement.opportunity.save()
    assert run(DEADLINE - timedelta(days=3)) == 0


def test_not_for_hidden_opportunities_or_organisations(engagement):
    engagement.opportunity.hidden_at = timezone.now()
    engagement.opportunity.save()
    assert run(DEADLINE - timedelta(days=3)) == 0
    engagement.opportunity.hidden_at = None
    engagement.opportunity.save()
    engagement.organisation.hidden_at = timezone.now()
    engagement.organisation.save()
    assert run(DEADLINE - timedelta(days=3)) == 0


def test_not_for_someone_gone(engagement, member):
    member.is_active = False
    member.save()
    assert run(DEADLINE - timedelta(days=3)) == 0
    member.is_active = True
    member.save()
    Membership.objects.filter(user=member).delete()  # left the organisation
    assert run(DEADLINE - timedelta(days=3)) == 0


def test_in_the_persons_language(engagement, member):
    member.language = "fr"
    member.save()
    opportunity = engagement.opportunity
    opportunity.set_current_language("fr")
    opportunity.title = "Audition sur le budget"
    opportunity.save_translations()
    run(DEADLINE - timedelta(days=7))
    [message] = mail.outbox
    assert "Audition sur le budget" in message.subject
    assert "Audition sur le budget" in message.body and "Budget hearing" not in message.body
    assert f"{SITE}/fr/calendar/{opportunity.pk}/" in message.body


def edit_deadline(opportunity, deadline, user):
    return services.update_opportunity(
        opportunity,
        acting_user=user,
        data={
            "level": opportunity.level,
            "country": opportunity.country,
            "engagement_deadline": deadline,
        },
    )


def test_a_later_deadline_brings_a_new_reminder(engagement, member):
    run(DEADLINE - timedelta(days=7))
    later = DEADLINE + timedelta(days=10)
    edit_deadline(engagement.opportunity, later, member)
    engagement.refresh_from_db()
    assert engagement.reminded_at is None
    assert run(DEADLINE - timedelta(days=6)) == 0  # the new window is not open yet
    assert run(later - timedelta(days=7)) == 1
    assert "March 30, 2030" in mail.outbox[-1].body
    assert len(mail.outbox) == 2


def test_an_earlier_deadline_is_not_reminded_again(engagement, member):
    run(DEADLINE - timedelta(days=7))
    edit_deadline(engagement.opportunity, DEADLINE - timedelta(days=2), member)
    engagement.refresh_from_db()
    assert engagement.reminded_at is not None
    assert run(DEADLINE - timedelta(days=5)) == 0
    assert len(mail.outbox) == 1


def test_the_command_queues_what_is_due_today(organisation, member):
    today = timezone.localdate()
    opportunity = make_opportunity(
        start=today + timedelta(days=10), engagement_deadline=today + timedelta(days=3)
    )
    Engagement.objects.create(
        opportunity=opportunity, organisation=organisation, created_by=member, remind_days_before=7
    )
    out = StringIO()
    call_command("send_deadline_reminders", stdout=out)
    assert "1 reminders queued." in out.getvalue()
    assert [message.to for message in mail.outbox] == [[member.email]]
    out = StringIO()
    call_command("send_deadline_reminders", stdout=out)
    assert "0 reminders queued." in out.getvalue()
