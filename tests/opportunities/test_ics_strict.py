"""The iCalendar feeds and event files pass strict RFC 5545 readers.

What a calendar application sees: every event valid, UIDs stable across
edits, SEQUENCE higher after a change of time, cancellations marked, all-day
events with an exclusive end date, timed ones in UTC. The validator itself is
tested first, on broken calendars, so that a pass means something.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from django.urls import reverse
from icalendar import Calendar

from sauti.opportunities import services
from sauti.opportunities.forms import OpportunityForm
from sauti.opportunities.schedule import build_schedule

from .factories import make_opportunity
from .rfc5545 import event_rule_errors, libical_errors, strictly_valid, structural_errors

pytestmark = pytest.mark.django_db

VALID = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:1@t\r\n"
    b"DTSTAMP:20300101T000000Z\r\nDTSTART:20300101T090000Z\r\nDTEND:20300101T100000Z\r\n"
    b"END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.mark.usefixtures("needs_libical")
@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"VERSION:2.0\r\n", b""),  # no VERSION
        (b"UID:1@t\r\n", b"UID:1@t\r\nUID:2@t\r\n"),  # two UIDs
        (b"DTSTART:20300101T090000Z", b"DTSTART:2030010"),  # unreadable date-time
        (b"DTSTAMP:20300101T000000Z\r\n", b""),  # no DTSTAMP
        (b"DTEND:20300101T100000Z", b"DTEND:20290101T100000Z"),  # ends before it starts
        (b"DTEND:20300101T100000Z", b"DTEND;VALUE=DATE:20300102"),  # mixed value types
        (b"END:VCALENDAR\r\n", b"END:VCALENDAR\n"),  # bare LF
        (b"UID:1@t", b"UID:" + b"x" * 80),  # unfolded long line
    ],
)
def test_the_validator_refuses_broken_calendars(old, new):
    assert structural_errors(VALID) == libical_errors(VALID) == event_rule_errors(VALID) == []
    broken = VALID.replace(old, new)
    assert structural_errors(broken) + libical_errors(broken) + event_rule_errors(broken)


def country_feed(client, code="UG") -> bytes:
    """The feed of Uganda, a country the seeded demo moments leave empty."""
    response = client.get(reverse("opportunities:ics"), {"country": code})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


@pytest.mark.usefixtures("needs_libical")
def test_a_country_feed_of_every_shape_of_event_is_strictly_valid(client):
    make_opportunity(title="Journée", start=date(2030, 3, 10), country="UG")
    multi = make_opportunity(title="Semaine d’auditions", start=date(2030, 4, 1), country="UG")
    multi.end_date, multi.ends_at = (
        date(2030, 4, 5),
        datetime(2030, 4, 6, tzinfo=multi.ends_at.tzinfo),
    )
    multi.save()
    timed = build_schedule(
        start_date=date(2030, 5, 2),
        start_time=time(9, 30),
        time_zone="Africa/Nairobi",
    )
    long_title = "جلسة استماع بشأن الميزانية " * 4 + "预算听证会" * 10  # RTL and CJK, folded
    make_opportunity(
        title=long_title,
        country="UG",
        description="Ligne 1\nLigne 2, avec ; et , et \\",
        how_to_engage="Soumettre une contribution",
        **timed.as_fields(),
    )
    cancelled = make_opportunity(title="Annulé", start=date(2030, 6, 1), country="UG")
    services.cancel_opportunity(cancelled, reason="Postponed", acting_user=None)
    make_opportunity(title="Elsewhere", country="BR")
    make_opportunity(title="Pending", state="pending", country="UG")

    body = country_feed(client)
    typed = strictly_valid(body)

    assert sorted(event.summary for event in typed.events) == sorted(
        ["Journée", "Semaine d’auditions", long_title.strip(), "Annulé"]
    )
    parsed = Calendar.from_ical(body)
    events = {str(event["SUMMARY"]): event for event in parsed.walk("VEVENT")}
    assert "Elsewhere" not in events and "Pending" not in events
    assert str(events["Annulé"]["STATUS"]) == "CANCELLED"
    week = events["Semaine d’auditions"]
    assert week.decoded("DTSTART") == date(2030, 4, 1)
    assert week.decoded("DTEND") == date(2030, 4, 6)  # exclusive end: the day after
    timed_event = next(
        e
        for e in parsed.walk("VEVENT")
        if "DTSTART" in e and isinstance(e.decoded("DTSTART"), datetime)
    )
    assert timed_event.decoded("DTSTART").utcoffset().total_seconds() == 0
    assert timed_event.decoded("DTSTART").hour == 6  # 09:30 in Nairobi is 06:30 UTC
    assert str(timed_event["X-SAUTI-TIMEZONE"]) == "Africa/Nairobi"


@pytest.mark.usefixtures("needs_libical")
def test_a_one_event_file_is_strictly_valid(client):
    opportunity = make_opportunity(title="UHC Day")
    response = client.get(reverse("opportunities:event_ics", args=[opportunity.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    typed = strictly_valid(response.content)
    assert [event.summary for event in typed.events] == ["UHC Day"]


@pytest.mark.usefixtures("needs_libical")
def test_changing_the_time_keeps_the_uid_and_raises_the_sequence(client, moderator):
    opportunity = make_opportunity(title="Hearing", country="UG")
    first = strictly_valid(country_feed(client)).events[0]

    data = {
        "title": "Hearing",
        "original_language": "en",
        "kind": opportunity.kind,
        "level": opportunity.level,
        "country": "UG",
        "start_date": "2030-03-11",
    }
    form = OpportunityForm(data=data, user=moderator, instance=opportunity)
    assert form.is_valid(), form.errors
    services.update_opportunity(opportunity, acting_user=moderator, data=form.service_data())

    second = strictly_valid(country_feed(client)).events[0]
    assert second.uid == first.uid
    assert second.sequence > first.sequence
    assert second.dtstart == date(2030, 3, 11)
