"""Show times in the reader's time zone, chosen on the calendar and kept in a cookie.

The cookie holds only an IANA zone name (``Europe/Paris``); it is functional, like
the language cookie, and read on every request so that a signed-out reader on a
slow connection keeps their choice without an account or JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from .schedule import NOT_PLACES

TIME_ZONE_COOKIE = "sauti_tz"
TIME_ZONE_COOKIE_AGE = 365 * 24 * 3600


@cache
def reader_zones() -> frozenset[str]:
    """Zone names a reader may choose (tzdata's list is read from disk: once per process)."""
    return frozenset(available_timezones() - NOT_PLACES)


def valid_zone(name: str | None) -> str | None:
    """``name`` if it is a zone we know, else None (a tampered cookie is ignored)."""
    return name if name and name in reader_zones() else None


class ReaderTimeZoneMiddleware:
    """Activate the reader's time zone for the request, UTC when none (or a bad one) is set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = valid_zone(request.COOKIES.get(TIME_ZONE_COOKIE))
        if name:
            timezone.activate(ZoneInfo(name))
        else:
            timezone.deactivate()
        try:
            response = self.get_response(request)
        finally:
            # The zone lives in a thread-local: the next request on this thread starts clean.
            timezone.deactivate()
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("Cookie",))
        return response
