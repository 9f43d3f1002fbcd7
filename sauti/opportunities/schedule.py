"""Turn what a person types (dates, optional times, a time zone) into stored times.

One place for the rules so that the form, the API and the recurring-moment
generator refuse the same things with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FIRST_YEAR = 1948  # WHO's founding: nothing on the calendar is older
LAST_YEAR = 2100


@dataclass(frozen=True)
class Schedule:
    all_day: bool
    start_date: date
    end_date: date
    starts_at: datetime
    ends_at: datetime
    time_zone: str

    def as_fields(self) -> dict[str, object]:
        return {
            "all_day": self.all_day,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "time_zone": self.time_zone,
        }


# "localtime" is the server's own zone under another name, "Factory" a placeholder:
# neither is a place an event happens or a reader lives in.
NOT_PLACES = frozenset({"localtime", "Factory", "posixrules"})


def check_time_zone(name: str) -> ZoneInfo:
    """The zone called ``name`` (IANA, e.g. ``Africa/Nairobi``), or a clear error."""
    name = (name or "").strip()
    # ``available_timezones`` keeps out paths and oddities ZoneInfo would try to open;
    # "localtime" (the server's own zone) and "Factory" are not places.
    if name not in available_timezones() or name in NOT_PLACES:
        raise ValidationError(
            _("“%(zone)s” is not a time zone we know. Use a name such as Africa/Nairobi."),
            code="time_zone",
            params={"zone": name[:64]},
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:  # pragma: no cover - tzdata missing
        raise ValidationError(_("Unknown time zone."), code="time_zone") from error


def check_year(value: date | None, field: str) -> None:
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Give a year between %(first)s and %(last)s."),
                    code="year",
                    params={"first": FIRST_YEAR, "last": LAST_YEAR},
                )
            }
        )


def build_schedule(
    *,
    start_date: date,
    end_date: date | None = None,
    start_time: time | None = None,
    end_time: time | None = None,
    time_zone: str = "",
) -> Schedule:
    """Validate and compute the stored times; all-day when no start time is given."""
    end_date = end_date or start_date
    check_year(start_date, "start_date")
    check_year(end_date, "end_date")
    if start_time is None:
        if end_date < start_date:
            raise ValidationError(
                {"end_date": _("The end is before the start.")}, code="end_before_start"
            )
        starts_at = datetime.combine(start_date, time(0), tzinfo=UTC)
        ends_at = datetime.combine(end_date + timedelta(days=1), time(0), tzinfo=UTC)
        return Schedule(True, start_date, end_date, starts_at, ends_at, "")
    try:
        zone = check_time_zone(time_zone)
    except ValidationError as error:
        raise ValidationError({"time_zone": error.messages}) from error
    local_start = datetime.combine(start_date, start_time, tzinfo=zone)
    local_end = datetime.combine(end_date, end_time or start_time, tzinfo=zone)
    if end_time is None and end_date == start_date:
        local_end = local_start + timedelta(hours=1)
    if local_end < local_start:
        raise ValidationError(
            {"end_date": _("The end is before the start.")}, code="end_before_start"
        )
    return Schedule(
        False,
        start_date,
        local_end.date(),
        local_start.astimezone(UTC),
        local_end.astimezone(UTC),
        zone.key,
    )
