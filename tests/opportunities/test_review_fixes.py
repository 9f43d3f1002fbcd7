"""Regressions found in review: each test is what a user or client saw before the fix."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sauti.accounts.models import Membership
from sauti.opportunities import services
from sauti.opportunities.digest import send_weekly_digest
from sauti.opportunities.models import Engagement, Opportunity, RecurringMoment
from sauti.opportunities.schedule import build_schedule
from sauti.opportunities.selectors import by_month
from tests.conftest import client_for
from tests.factories import MembershipFactory

from .factories import make_opportunity

pytestmark = pytest.mark.django_db


def proposal(member, **extra):
    return make_opportunity(title="Pending plan", state="pending", created_by=member, **extra)


def test_a_proposer_cannot_make_a_pending_proposal_public_by_cancelling_it(member):
    opportunity = proposal(member)
    response = client_for(member).post(
        reverse("opportunities:cancel", args=[opportunity.pk]), {"reason": "x"}
    )
    assert response.status_code == 403
    opportunity.refresh_from_db()
    assert opportunity.state == "pending"
    assert client_for(None).get(opportunity.get_absolute_url()).status_code == 404


def test_a_former_member_cannot_cancel_their_old_proposal(member, organisation):
    opportunity = make_opportunity(created_by=member)
    Membership.objects.filter(user=member).delete()
    response = client_for(member).post(
        reverse("opportunities:cancel", args=[opportunity.pk]), {"reason": "x"}
    )
    assert response.status_code == 403
    opportunity.refresh_from_db()
    assert opportunity.state == "published"


def test_the_duplicate_warning_shows_no_one_elses_pending_proposal(member):
    other = MembershipFactory().user
    proposal(other, kind="consultation", country="BR")
    form = {
        "title": "Hearing",
        "original_language": "en",
        "kind": "consultation",
        "level": "national",
        "country": "BR",
        "start_date": "2030-03-10",
    }
    response = client_for(member).post(reverse("opportunities:create"), form)
    assert response.status_code == 302  # no twin the member may see: saved
    assert "Pending plan" not in client_for(member).get(response["Location"]).content.decode()


def test_the_reminder_goes_to_whoever_last_asked_for_it(member, editor, organisation):
    opportunity = make_opportunity(engagement_deadline=date(2030, 3, 1))
    services.engage(
        opportunity,
        organisation=organisation,
        note="",
        visibility="public",
        acting_user=member,
        remind_days_before=None,
    )
    services.engage(
        opportunity,
        organisation=organisation,
        note="",
        visibility="public",
        acting_user=editor,
        remind_days_before=7,
    )
    assert Engagement.objects.get().created_by == editor


def test_confirming_tentative_dates_raises_the_sequence(moderator):
    opportunity = make_opportunity(tentative=True)
    services.update_opportunity(opportunity, acting_user=moderator, data={"tentative": False})
    opportunity.refresh_from_db()
    assert opportunity.sequence == 1


def test_each_month_heading_appears_once_whatever_the_time_zones():
    auckland = build_schedule(
        start_date=date(2030, 4, 1), start_time=time(9), time_zone="Pacific/Auckland"
    )
    sao_paulo = build_schedule(
        start_date=date(2030, 3, 31), start_time=time(19), time_zone="America/Sao_Paulo"
    )
    items = [
        make_opportunity(title="a", start=date(2030, 3, 31)),
        make_opportunity(title="b", **auckland.as_fields()),
        make_opportunity(title="c", **sao_paulo.as_fields()),
    ]
    items.sort(key=lambda o: (o.starts_at, o.pk))
    months = by_month(items)
    assert [month for month, _ in months] == [date(2030, 3, 1), date(2030, 4, 1)]
    assert [o.title for o in months[0][1]] == ["a", "c"]


def test_generated_national_moments_belong_to_their_countrys_region():
    moment = RecurringMoment.objects.get(code="demo-kenya-budget-hearings")
    [created] = services.generate_occurrences(moment, [2040])
    assert created.region_id == "AFR"


def test_an_edit_keeps_a_commitment_retired_since(moderator):
    from sauti.commitments.models import Commitment
    from sauti.opportunities.forms import OpportunityForm

    opportunity = make_opportunity()
    kept, retired = Commitment.objects.filter(is_active=True)[:2]
    opportunity.commitments.set([kept, retired])
    Commitment.objects.filter(pk=retired.pk).update(is_active=False)
    data = {
        **OpportunityForm(user=moderator, instance=opportunity).initial,
        "title": "Budget hearing",
        "start_date": "2030-03-10",
        "not_a_duplicate": "on",
    }
    data = {k: v for k, v in data.items() if v is not None}
    form = OpportunityForm(data=data, user=moderator, instance=opportunity)
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["commitments"]) == {kept, retired}


def test_an_impossible_commitment_id_is_an_error_not_a_crash(member):
    response = client_for(member).post(
        reverse("opportunities:create"),
        {
            "title": "Hearing",
            "original_language": "en",
            "kind": "consultation",
            "level": "national",
            "country": "BR",
            "start_date": "2030-03-10",
            "commitments": "1" + "0" * 30,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["commitments"]
    assert not Opportunity.objects.filter(created_by=member).exists()


@pytest.mark.parametrize("zone", ["localtime", "Factory"])
def test_zones_that_are_not_places_are_refused(zone):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        build_schedule(start_date=date(2030, 3, 10), start_time=time(14), time_zone=zone)


def test_the_digest_lists_what_one_follows_in_the_readers_language(settings):
    from django.core import mail

    from sauti.accounts.models import Subscription

    monday = date(2030, 3, 4)
    make_opportunity(title="Hearing", start=monday + timedelta(days=3))
    subscription = Subscription.objects.create(
        email="zh@example.org", language="zh-hans", confirmed_at=timezone.now()
    )
    subscription.countries.set(["KE", "UG"])
    send_weekly_digest(today=monday)
    [message] = [m for m in mail.outbox if "zh@example.org" in m.to]
    assert "、" in message.body  # CLDR's Chinese list separator


def test_a_month_too_full_for_the_table_says_so(client, monkeypatch):
    from sauti.opportunities import selectors

    monkeypatch.setattr(selectors, "MONTH_TABLE_SIZE", 2)
    for day in (3, 4):
        make_opportunity(title=f"Moment {day}", start=date(2030, 3, day), country="UG")
    page = client.get(reverse("opportunities:month", args=[2030, 3]), {"country": "ug"})
    assert not page.context["table"].truncated
    make_opportunity(title="Moment 5", start=date(2030, 3, 5), country="UG")
    page = client.get(reverse("opportunities:month", args=[2030, 3]), {"country": "ug"})
    assert page.context["table"].truncated
    assert "more moments than the table can show" in page.content.decode()
    assert "Moment 5" not in page.content.decode()
