"""Names and formats from CLDR (Babel) in the reader's language.

Django's language codes (``zh-hans``) differ from CLDR's (``zh_Hans``); every
call into Babel goes through :func:`babel_locale` so the mapping lives once.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from django.conf import settings
from django.utils import translation


@cache
def babel_locale(language_code: str | None = None) -> Locale:
    code = (language_code or settings.LANGUAGE_CODE).replace("-", "_")
    if code.lower() == "zh_hans":
        code = "zh_Hans"
    try:
        return Locale.parse(code)
    except (ValueError, LookupError):
        return Locale.parse("en")


def current_locale() -> Locale:
    return babel_locale(translation.get_language())


def country_name(code: str, language_code: str | None = None) -> str:
    locale = babel_locale(language_code) if language_code else current_locale()
    return locale.territories.get(code.upper(), code.upper())


def language_name(code: str, in_language: str | None = None) -> str:
    """The name of language ``code`` in ``in_language`` (the reader's by default)."""
    locale = babel_locale(in_language) if in_language else current_locale()
    target = babel_locale(code)
    key = str(target)
    name = locale.languages.get(key) or locale.languages.get(target.language, code)
    return name


def native_language_name(code: str) -> str:
    return language_name(code, in_language=code)


def sort_key(text: str) -> str:
    """A locale-tolerant sort key: case- and accent-insensitive enough for lists."""
    import unicodedata

    normalised = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in normalised if not unicodedata.combining(ch))
