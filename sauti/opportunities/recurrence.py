"""The dates a recurring moment falls on in a given year (pure functions, no database)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any, NamedTuple


class Occurrence(NamedTuple):
    """A moment's days in one year; ``tentative`` when not yet announced by its organiser."""

    start: date
    end: date
    tentative: bool = False


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ``weekday`` (0 = Monday) of a month; ``nth`` -1 is the last one."""
    days = [
        day
        for day in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, day).weekday() == weekday
    ]
    return date(year, month, days[nth - 1 if nth > 0 else nth])


def has_rule(moment: Any) -> bool:
    """Whether the moment can be dated in any year, not only in the years listed."""
    return bool(moment.month and (moment.day or (moment.weekday is not None and moment.nth)))


def dates_in_year(moment: Any, year: int) -> Occurrence | None:
    """The moment's days in ``year``, or ``None`` if they cannot be known.

    Explicit dates win: ``["2025-05-19", "2025-05-27"]`` (announced), or
    ``{"start": …, "end": …, "tentative": true}`` for a date expected but not
    yet announced. A moment whose dates are set year by year (``rule`` "dates")
    and that also has a usual month and weekday is dated by that rule in other
    years, marked tentative: the World Health Assembly opens on the third Monday
    of May most years, but WHO fixes each year's dates itself.
    """
    explicit = (moment.dates or {}).get(str(year))
    if isinstance(explicit, dict):
        start = date.fromisoformat(explicit["start"])
        end = date.fromisoformat(explicit.get("end") or explicit["start"])
        return Occurrence(start, end, bool(explicit.get("tentative")))
    if explicit:
        return Occurrence(date.fromisoformat(explicit[0]), date.fromisoformat(explicit[-1]))
    length = timedelta(days=max(moment.duration_days or 1, 1) - 1)
    tentative = moment.rule == "dates"
    if moment.month and moment.day and moment.rule in ("fixed", "dates"):
        start = date(
            year, moment.month, min(moment.day, calendar.monthrange(year, moment.month)[1])
        )
        return Occurrence(start, start + length, tentative)
    if moment.month and moment.weekday is not None and moment.nth:
        start = nth_weekday(year, moment.month, moment.weekday, moment.nth)
        return Occurrence(start, start + length, tentative)
    return None
