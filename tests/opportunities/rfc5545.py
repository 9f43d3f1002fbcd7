"""Strict RFC 5545 checks of the calendars Sauti writes.

Two independent readers, neither ours: libical (the C library behind Evolution
and many CalDAV servers), whose parser marks every property it cannot read
with ``X-LIC-ERROR`` and whose restriction check enforces the RFC's property
counts per component; and the ``ical`` package, a typed (pydantic) model of
RFC 5545 that refuses values of the wrong type. ``icalendar``, which writes
the feeds, is lenient by design and is not used to judge them.

``needs_libical`` skips where libical is not installed, except in CI (``CI``
set), where ``.ci/run`` installs it and a skip would hide a missing step.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import pytest
from ical.calendar import Calendar as TypedCalendar
from ical.calendar_stream import IcsCalendarStream


def _load_libical() -> ctypes.CDLL | None:
    for name in ("libical.so.3", ctypes.util.find_library("ical")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        lib.icalparser_parse_string.restype = ctypes.c_void_p
        lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
        lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
        lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
        lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
        lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
        return lib
    return None


LIBICAL = _load_libical()


@pytest.fixture
def needs_libical():
    if LIBICAL is None:
        reason = "libical (Debian package libical3) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"CI must validate calendars strictly: {reason}")
        pytest.skip(reason)


def libical_errors(body: bytes) -> list[str]:
    """Every error libical finds: unparsable values, wrong property counts."""
    assert LIBICAL is not None
    component = LIBICAL.icalparser_parse_string(body)
    if not component:
        return ["libical could not parse the calendar at all"]
    try:
        LIBICAL.icalrestriction_check(component)
        text = LIBICAL.icalcomponent_as_ical_string(component).decode("utf-8")
    finally:
        LIBICAL.icalcomponent_free(component)
    # Errors are properties; their text may be folded over several lines.
    unfolded = text.replace("\r\n ", "").replace("\n ", "")
    return [line for line in unfolded.splitlines() if line.startswith("X-LIC-ERROR")]


def structural_errors(body: bytes) -> list[str]:
    """What RFC 5545 §3.1 asks of the bytes: CRLF lines of at most 75 octets, UTF-8."""
    errors = []
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        errors.append("not UTF-8")
    if not body.endswith(b"\r\n"):
        errors.append("does not end with CRLF")
    for number, line in enumerate(body.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            errors.append(f"line {number}: bare LF or CR")
        if len(line) > 75:
            errors.append(f"line {number}: {len(line)} octets, more than 75")
    lines = body.split(b"\r\n")
    if lines[0] != b"BEGIN:VCALENDAR" or lines[-2] != b"END:VCALENDAR":
        errors.append("not one VCALENDAR object")
    return errors


def event_rule_errors(body: bytes) -> list[str]:
    """RFC 5545 §3.6.1 rules neither reader enforces without an iTIP METHOD.

    Each VEVENT has exactly one UID, DTSTAMP and DTSTART; DTEND and DURATION never
    both; DTEND of the same value type as DTSTART and after it.
    """
    text = body.decode("utf-8", "replace").replace("\r\n ", "").replace("\r\n\t", "")
    errors: list[str] = []
    events: list[list[tuple[str, str, str]]] = []
    current: list[tuple[str, str, str]] | None = None
    for line in text.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            head, value = line.split(":", 1)
            name, _, params = head.partition(";")
            current.append((name.upper(), params.upper(), value))
    for number, properties in enumerate(events, start=1):
        names = [name for name, _params, _value in properties]
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if names.count(required) != 1:
                errors.append(f"event {number}: {names.count(required)} {required}, not 1")
        if "DTEND" in names and "DURATION" in names:
            errors.append(f"event {number}: both DTEND and DURATION")
        values = {name: (params, value) for name, params, value in properties}
        if "DTSTART" in values and "DTEND" in values:
            (start_params, start), (end_params, end) = values["DTSTART"], values["DTEND"]
            if ("VALUE=DATE" in start_params) != ("VALUE=DATE" in end_params):
                errors.append(f"event {number}: DTSTART and DTEND of different types")
            elif end <= start:
                errors.append(f"event {number}: DTEND {end} is not after DTSTART {start}")
    return errors


def strictly_valid(body: bytes) -> TypedCalendar:
    """Assert that ``body`` is a valid RFC 5545 calendar; return it typed for inspection."""
    assert structural_errors(body) == []
    assert libical_errors(body) == []
    assert event_rule_errors(body) == []
    return IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
