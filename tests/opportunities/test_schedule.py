from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError

from sauti.opportunities.recurrence import nth_weekday
from sauti.opportunities.schedule import build_schedule


def test_all_day_is_the_same_date_everywhere():
    s = build_schedule(start_date=date(2030, 12, 12))
    assert s.all_day and s.time_zone == ""
    assert s.starts_at == datetime(2030, 12, 12, tzinfo=UTC)
    assert s.ends_at == datetime(2030, 12, 13, tzinfo=UTC)


def test_timed_is_stored_in_utc_with_its_zone():
    s = build_schedule(
        start_date=date(2030, 3, 10),
        start_time=time(9),
        end_time=time(12),
        time_zone="America/Sao_Paulo",
    )
    assert not s.all_day and s.time_zone == "America/Sao_Paulo"
    assert s.starts_at == datetime(2030, 3, 10, 12, tzinfo=UTC)
    assert s.ends_at == datetime(2030, 3, 10, 15, tzinfo=UTC)


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError) as error:
        build_schedule(start_date=date(2030, 3, 10), end_date=date(2030, 3, 9))
    assert "end_date" in error.value.message_dict


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd", "", "UTC+3"])
def test_unknown_time_zone_is_refused(zone):
    with pytest.raises(ValidationError) as error:
        build_schedule(start_date=date(2030, 3, 10), start_time=time(9), time_zone=zone)
    assert "time_zone" in error.value.message_dict


def test_year_beyond_2100_is_refused():
    with pytest.raises(ValidationError):
        build_schedule(start_date=date(2101, 1, 1))


def test_nth_weekday():
    assert nth_weekday(2026, 2, 0, 2) == date(2026, 2, 9)
    assert nth_weekday(2026, 5, 0, -1) == date(2026, 5, 25)
