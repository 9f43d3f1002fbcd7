"""Cleaning of user-written text.

User text is stored as plain text and escaped when shown; tags are stripped
on the way in so that nothing pasted from a web page carries markup or script.
"""

from __future__ import annotations

import html
import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control characters and the two Unicode non-characters XML refuses (a report or an
# export built from the text would fail on them).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_MAX_PASSES = 10


def _strip_tags(value: str) -> str:
    # nh3 returns serialised HTML (``&lt;``, ``&amp;``, ``&nbsp;``…); plain text is
    # escaped once, later, by the template, so decode every entity here.
    return html.unescape(nh3.clean(value, tags=set(), attributes={}, strip_comments=True))


def clean_plain_text(value: str, *, multiline: bool = False) -> str:
    """Strip HTML tags and control characters; keep line breaks only where asked."""
    text = value or ""
    # Entities can hide tags ("&lt;b&gt;" decodes to "<b>"): strip until nothing changes,
    # so that cleaning twice (e.g. saving a form again) gives the same text.
    for _pass in range(_MAX_PASSES):
        stripped = _strip_tags(text)
        if stripped == text:
            break
        text = stripped
    text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.split())
    return text.strip()


# Active content: formatting pasted from a web page (<b>, <p>) is quietly stripped, but
# a script, a frame or an event handler is refused outright, so that whoever typed it
# knows it was not taken (and nothing half-cleaned is stored in their name).
_ACTIVE = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|svg|math|form|base|meta|link)\b"
    r"|<[^>]*\son[a-z]+\s*=|javascript\s*:",
    re.IGNORECASE,
)


def refuse_active_content(value: str) -> None:
    """Refuse text holding a script, frame, event handler or ``javascript:`` link."""
    if _ACTIVE.search(html.unescape(value or "")):
        raise ValidationError(
            _("Remove the script or code: write plain text (line breaks are kept)."),
            code="active_content",
        )


def validate_printable(value: str) -> None:
    """Refuse invisible control characters (in a web address they break the documents
    and exports the address is copied into, and no real address has them)."""
    if _CONTROL.search(value or ""):
        raise ValidationError(
            _("Remove the invisible control characters from this address."), code="control"
        )
