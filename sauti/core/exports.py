"""Export helpers shared by every list that offers CSV or XLSX."""

from __future__ import annotations

_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> str:
    """Neutralise spreadsheet formula injection (OWASP): prefix risky text with a quote."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_TRIGGERS):
        return "'" + text
    return text
