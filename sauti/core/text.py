"""Cleaning of user-written text.

User text is stored as plain text and escaped when shown; tags are stripped
on the way in so that nothing pasted from a web page carries markup or script.
"""

from __future__ import annotations

import re

import nh3

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_plain_text(value: str, *, multiline: bool = False) -> str:
    """Strip HTML tags and control characters; keep line breaks only where asked."""
    text = nh3.clean(value or "", tags=set(), attributes={}, strip_comments=True)
    # nh3 escapes what it keeps; plain text is escaped once, later, by the template.
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = text.replace("&quot;", '"').replace("&#39;", "'")
    text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.split())
    return text.strip()
