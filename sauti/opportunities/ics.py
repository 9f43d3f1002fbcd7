"""iCalendar (RFC 5545) output with the ``icalendar`` library.

Timed events are written in UTC (``DTSTART:…Z``) with the original zone kept
in an ``X-`` property for display: UTC needs no VTIMEZONE and every client
shows it in the reader's own zone. All-day events use ``VALUE=DATE`` with an
exclusive DTEND, as the RFC says. The UID never changes; SEQUENCE goes up with
each change of time or status, so clients replace their copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, timedelta

from django.conf import settings
from icalendar import Calendar, Event

from .models import Opportunity

PRODID = "-//Sauti//Advocacy calendar//EN"


def _text(opportunity: Opportunity, name: str) -> str:
    return opportunity.safe_translation_getter(name, any_language=True) or ""


def event_for(opportunity: Opportunity) -> Event:
    event = Event()
    event.add("uid", f"{opportunity.uid}@sauti")
    event.add("dtstamp", opportunity.updated_at.astimezone(UTC))
    event.add("last-modified", opportunity.updated_at.astimezone(UTC))
    event.add("created", opportunity.created_at.astimezone(UTC))
    event.add("sequence", opportunity.sequence)
    event.add("summary", _text(opportunity, "title"))
    description = _text(opportunity, "description")
    how = _text(opportunity, "how_to_engage")
    if how:
        description = f"{description}\n\n{how}".strip()
    if description:
        event.add("description", description)
    if opportunity.all_day:
        event.add("dtstart", opportunity.start_date)
        event.add("dtend", opportunity.end_date + timedelta(days=1))
    else:
        event.add("dtstart", opportunity.starts_at.astimezone(UTC))
        event.add("dtend", opportunity.ends_at.astimezone(UTC))
        event.add("x-sauti-timezone", opportunity.time_zone)
    location = opportunity.place or opportunity.online_url
    if location:
        event.add("location", location)
    event.add("url", settings.SITE_URL + opportunity.get_absolute_url())
    event.add("status", "CANCELLED" if opportunity.is_cancelled else "CONFIRMED")
    event.add("categories", [opportunity.get_kind_display()])
    return event


def calendar_for(opportunities: Iterable[Opportunity], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for opportunity in opportunities:
        calendar.add_component(event_for(opportunity))
    return calendar.to_ical()
