"""Choice lists built in the reader's language at render time.

Passed to form fields as callables so that each request sorts the names in
its own language (a list sorted in English is wrong in Arabic or Chinese).
"""

from __future__ import annotations

from .i18n import country_name, sort_key
from .models import Country, Region, Topic


def country_choices() -> list[tuple[str, str]]:
    codes = Country.objects.values_list("code", flat=True)
    pairs = [(code, country_name(code)) for code in codes]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def region_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in Region.Code.choices]


def topic_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in Topic.Code.choices]
