"""Small-number suppression: how many people a published figure must rest on.

Community monitoring and scorecards describe small groups; a score given by
three people living with HIV at one clinic can point at them. Any published
breakdown resting on fewer people than the threshold is withheld. Operators
may raise the threshold (``SAUTI_DISCLOSURE_THRESHOLD``), never lower it
below ``MINIMUM_THRESHOLD``.
"""

from __future__ import annotations

from django.conf import settings

DEFAULT_THRESHOLD = 10
MINIMUM_THRESHOLD = 5


def disclosure_threshold() -> int:
    """The number of people below which a figure is not published."""
    configured = getattr(settings, "SAUTI_DISCLOSURE_THRESHOLD", DEFAULT_THRESHOLD)
    try:
        value = int(configured)
    except (TypeError, ValueError):
        value = DEFAULT_THRESHOLD
    return max(value, MINIMUM_THRESHOLD)


def may_publish(people: int | None) -> bool:
    """Whether a figure resting on ``people`` people may be shown."""
    return people is not None and people >= disclosure_threshold()
