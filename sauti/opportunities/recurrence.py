"""The dates a recurring moment falls on in a given year (pure functions, no database)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ``weekday`` (0 = Monday) of a month; ``nth`` -1 is the last one."""
    days = [
        day
        for day in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, day).weekday() == weekday
    ]
    return date(year, month, days[nth - 1 if nth > 0 else nth])


def dates_in_year(moment: Any, year: int) -> tuple[date, date] | None:
    """First and last day (inclusive) of the moment in ``year``, or ``None`` if unknown."""
    explicit = (moment.dates or {}).get(str(year))
    if explicit:
        start = date.fromisoformat(explicit[0])
        end = date.fromisoformat(explicit[-1])
        return start, end
    length = timedelta(days=max(moment.duration_days or 1, 1) - 1)
    if moment.month and moment.day and moment.rule in ("fixed", "dates"):
        start = date(
            year, moment.month, min(moment.day, calendar.monthrange(year, moment.month)[1])
        )
        return start, start + length
    if moment.month and moment.weekday is not None and moment.nth:
        start = nth_weekday(year, moment.month, moment.weekday, moment.nth)
        return start, start + length
    return None
