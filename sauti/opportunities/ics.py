"""iCalendar (RFC 5545) output, written directly.

Timed events are written in UTC (``DTSTART:…Z``) with the original zone kept
in an ``X-`` property for display: UTC needs no VTIMEZONE and every client
shows it in the reader's own zone. All-day events use ``VALUE=DATE`` with an
exclusive DTEND, as the RFC says. The UID never changes; SEQUENCE goes up with
each change of time or status, so clients replace their copy.

The lines are written here rather than with the ``icalendar`` library, which
the tests still use to read the feeds back: the library spends about half a
millisecond per event building and folding its objects, which made a feed of
1 000 events take a second (``bench/calendar_list.py``). Our events use a dozen
properties of three value types (TEXT, DATE/DATE-TIME in UTC, URI), so the
rules needed are few: TEXT escaping (§3.3.11), CRLF lines folded at 75 octets
without splitting a character (§3.1). ``tests/opportunities/test_ics_strict.py``
checks the result with two strict readers (libical and ``ical``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.utils.translation import get_language
from parler.utils.i18n import get_active_language_choices

from .models import Opportunity

PRODID = "-//Sauti//Advocacy calendar//EN"


# Controls TEXT may not hold (§3.3.11); line breaks are escaped before this applies.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
FOLD_AT = 75  # octets per line, CRLF excluded (§3.1)


def _escape(text: str) -> str:
    """A TEXT value (§3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROL.sub("", _LINE_BREAK.sub("\\\\n", text))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 sequence (§3.1)."""
    if len(line) <= FOLD_AT and (line.isascii() or len(line.encode()) <= FOLD_AT):
        return line
    parts, current, size, limit = [], [], 0, FOLD_AT
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            parts.append("".join(current))
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size, limit = [], 0, FOLD_AT - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _utc(value: datetime) -> str:
    value = value.astimezone(UTC)
    return (
        f"{value.year:04d}{value.month:02d}{value.day:02d}"
        f"T{value.hour:02d}{value.minute:02d}{value.second:02d}Z"
    )


def _date(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


Texts = tuple[str, str, str]  # title, description, how to engage


def texts_of(opportunities: list[Opportunity]) -> dict[int, dict[str, Texts]]:
    """Every translation of ``opportunities``, by opportunity and language, in one query.

    Plain tuples rather than parler's translation objects: a feed of 1 000 events
    has some 2 500 translations, and building them as models costs more than
    writing the events.
    """
    model = Opportunity._parler_meta.root_model
    found: dict[int, dict[str, Texts]] = {}
    rows = model.objects.filter(master_id__in=[o.pk for o in opportunities]).values_list(
        "master_id", "language_code", "title", "description", "how_to_engage"
    )
    for master, language, title, description, how in rows:
        found.setdefault(master, {})[language] = (title, description, how)
    return found


def _pick(texts: dict[str, Texts], languages: list[str], original: str) -> Texts:
    """What a reader sees: their language, the fallback (English), the original, any."""
    for language in (*languages, original):
        if language in texts:
            return texts[language]
    return texts[min(texts)] if texts else ("", "", "")


def _status(opportunity: Opportunity) -> str:
    if opportunity.is_cancelled:
        return "CANCELLED"
    # Dates expected but not yet announced (a coming World Health Assembly).
    return "TENTATIVE" if opportunity.tentative else "CONFIRMED"


def event_lines(opportunity: Opportunity, *, texts: Texts, kinds: dict[str, str]) -> list[str]:
    """The VEVENT of ``opportunity`` as content lines, folded where they can be long."""
    title, description, how = texts
    if how:
        description = f"{description}\n\n{how}".strip()
    # The order icalendar wrote them in, so that feeds read the same as before.
    lines = ["BEGIN:VEVENT", _fold(f"SUMMARY:{_escape(title)}")]
    if opportunity.all_day:
        lines.append(f"DTSTART;VALUE=DATE:{_date(opportunity.start_date)}")
        lines.append(f"DTEND;VALUE=DATE:{_date(opportunity.end_date + timedelta(days=1))}")
    else:
        lines.append(f"DTSTART:{_utc(opportunity.starts_at)}")
        lines.append(f"DTEND:{_utc(opportunity.ends_at)}")
    updated = _utc(opportunity.updated_at)
    lines += [
        f"DTSTAMP:{updated}",
        f"UID:{opportunity.uid}@sauti",
        f"SEQUENCE:{opportunity.sequence}",
        _fold(f"CATEGORIES:{_escape(kinds.get(opportunity.kind, opportunity.kind))}"),
        f"CREATED:{_utc(opportunity.created_at)}",
    ]
    if description:
        lines.append(_fold(f"DESCRIPTION:{_escape(description)}"))
    lines.append(f"LAST-MODIFIED:{updated}")
    location = opportunity.place or opportunity.online_url
    if location:
        lines.append(_fold(f"LOCATION:{_escape(location)}"))
    lines += [
        f"STATUS:{_status(opportunity)}",
        _fold(f"URL:{settings.SITE_URL}{opportunity.get_absolute_url()}"),
    ]
    if not opportunity.all_day:
        lines.append(_fold(f"X-SAUTI-TIMEZONE:{_escape(opportunity.time_zone)}"))
    lines.append("END:VEVENT")
    return lines


def calendar_for(opportunities: Iterable[Opportunity], *, name: str) -> bytes:
    """A VCALENDAR of ``opportunities`` in the reader's language, in two queries."""
    items = list(opportunities)
    # Once per calendar, not per event: labels are lazy translations.
    kinds = {value: str(label) for value, label in Opportunity.Kind.choices}
    languages = list(get_active_language_choices(get_language()))
    texts = texts_of(items)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        _fold(f"X-WR-CALNAME:{_escape(str(name))}"),
    ]
    for opportunity in items:
        found = texts.get(opportunity.pk, {})
        picked = _pick(found, languages, opportunity.original_language)
        lines += event_lines(opportunity, texts=picked, kinds=kinds)
    lines.append("END:VCALENDAR")
    # The other lines (dates, UID, SEQUENCE…) are short by construction.
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
