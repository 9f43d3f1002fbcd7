"""The real recurring moments are on the calendar for the coming years, honestly dated.

Announced dates are confirmed; a coming World Health Assembly dated by its usual
week is shown "to be confirmed" and TENTATIVE in calendars; UHC Day is certain.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from sauti.opportunities.models import Opportunity, RecurringMoment
from sauti.opportunities.recurrence import dates_in_year

pytestmark = pytest.mark.django_db


def occurrence(code: str, year: int) -> Opportunity:
    return Opportunity.objects.get(recurring_moment__code=code, occurrence_year=year)


def test_the_coming_three_years_have_their_governing_bodies_and_days():
    this_year = timezone.localdate().year
    for year in (this_year, this_year + 1, this_year + 2):
        for code in (
            "world-health-assembly",
            "who-executive-board",
            "who-rc-afr",
            "who-rc-eur",
            "hlpf",
            "uhc-day",
            "world-health-day",
        ):
            assert occurrence(code, year).state == Opportunity.State.PUBLISHED, (code, year)


def test_announced_dates_are_confirmed_and_usual_weeks_are_tentative():
    wha78 = occurrence("world-health-assembly", 2025)
    assert (wha78.start_date, wha78.end_date, wha78.tentative) == (
        date(2025, 5, 19),
        date(2025, 5, 27),
        False,
    )
    moment = RecurringMoment.objects.get(code="world-health-assembly")
    expected = dates_in_year(moment, 2028)
    assert expected.start == date(2028, 5, 15)  # the third Monday of May 2028
    assert expected.tentative
    assert dates_in_year(RecurringMoment.objects.get(code="uhc-day"), 2028).tentative is False
    hlm = RecurringMoment.objects.get(code="un-hlm-uhc")
    assert dates_in_year(hlm, 2027).tentative
    assert dates_in_year(hlm, 2028) is None  # not annual: no meeting invented


def test_generating_later_years_adds_them_once(capsys):
    call_command("generate_recurring_opportunities", "--from-year", "2031", "--years", "2")
    call_command("generate_recurring_opportunities", "--from-year", "2031", "--years", "2")
    assert (
        Opportunity.objects.filter(
            recurring_moment__code="world-health-assembly", occurrence_year=2031
        ).count()
        == 1
    )
    assert occurrence("uhc-day", 2032).start_date == date(2032, 12, 12)
    assert not Opportunity.objects.filter(
        recurring_moment__code="un-hlm-uhc", occurrence_year=2031
    ).exists()


def test_calendars_see_tentative_dates(client):
    call_command("generate_recurring_opportunities", "--from-year", "2031", "--years", "1")
    wha = occurrence("world-health-assembly", 2031)
    day = occurrence("uhc-day", 2031)
    statuses = {}
    for opportunity in (wha, day):
        body = client.get(reverse("opportunities:event_ics", args=[opportunity.pk])).content
        statuses[opportunity.pk] = str(
            next(iter(Calendar.from_ical(body).walk("VEVENT")))["STATUS"]
        )
    assert statuses == {wha.pk: "TENTATIVE", day.pk: "CONFIRMED"}


def test_readers_see_which_dates_are_not_announced_yet(client):
    call_command("generate_recurring_opportunities", "--from-year", "2031", "--years", "1")
    wha = occurrence("world-health-assembly", 2031)
    day = occurrence("uhc-day", 2031)
    assert "Dates to be confirmed" in client.get(wha.get_absolute_url()).content.decode()
    assert "Dates to be confirmed" not in client.get(day.get_absolute_url()).content.decode()
    listing = client.get(reverse("opportunities:list"), {"kind": "who_governing_body"})
    assert "to be confirmed" in listing.content.decode()
