"""The letters' tiny markup, and their placeholders.

A letter is plain text. A blank line separates paragraphs; ``*words*`` are
emphasised; lines starting with ``- `` make a list. Nothing else has meaning:
``<`` is a less-than sign, never a tag, so no letter can carry HTML, script or
a ``javascript:`` link into a page, a Word file or a PDF. Placeholders are
``{{ name }}`` with a name from ``PLACEHOLDERS``; an unknown one is reported
before anything is saved, and filling leaves no placeholder behind.

The same parse (``blocks``) feeds the web page (``to_html``), the DOCX and the
PDF, so the three always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PLACEHOLDERS = (
    "addressee_name",
    "addressee_title",
    "institution",
    "country",
    "coalition",
    "priorities",
    "next_moment",
    "contact",
    "date",
)
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# Emphasis: a star, text without stars or line breaks that does not start or end
# with a space, a star ("2 * 3 * 4" stays arithmetic).
EMPHASIS = re.compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*")


@dataclass(frozen=True)
class Span:
    text: str
    emphasis: bool = False


@dataclass(frozen=True)
class Block:
    kind: Literal["paragraph", "list"]
    # A paragraph: one item (its lines joined by line breaks); a list: one per item.
    items: tuple[tuple[Span, ...], ...]


def placeholders_in(text: str) -> list[str]:
    """Every placeholder name used, in order, repeated as often as it appears."""
    return [match.group(1) for match in PLACEHOLDER.finditer(text)]


def unknown_placeholders(text: str, paragraphs: tuple[str, ...] = ()) -> list[str]:
    """Names in ``{{ }}`` that are not placeholders (each once, in order of appearance).

    ``{{ paragraph:budget }}`` marks where an optional paragraph goes: known when
    ``budget`` is one of the template's ``paragraphs``.
    """
    seen: list[str] = []
    for name in placeholders_in(text):
        if name.startswith("paragraph:") and name.removeprefix("paragraph:") in paragraphs:
            continue
        if name not in PLACEHOLDERS and name not in seen:
            seen.append(name)
    return seen


def fill(text: str, values: dict[str, str]) -> str:
    """Replace placeholders with ``values``; a known placeholder without a value becomes ""."""
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), ""), text)


def spans(line: str) -> tuple[Span, ...]:
    parts: list[Span] = []
    position = 0
    for match in EMPHASIS.finditer(line):
        if match.start() > position:
            parts.append(Span(line[position : match.start()]))
        parts.append(Span(match.group(1), emphasis=True))
        position = match.end()
    if position < len(line):
        parts.append(Span(line[position:]))
    return tuple(parts)


def blocks(text: str) -> list[Block]:
    """Paragraphs and lists of ``text`` (line endings of any system)."""
    result: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip()):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith("- ") for line in lines):
            items = tuple(spans(line.lstrip()[2:].strip()) for line in lines)
            result.append(Block("list", items))
        else:
            result.append(Block("paragraph", (spans("\n".join(line.strip() for line in lines)),)))
    return result


def _spans_html(parts: tuple[Span, ...]) -> str:
    out = []
    for part in parts:
        text = escape(part.text).replace("\n", "<br>")
        out.append(f"<em>{text}</em>" if part.emphasis else text)
    return "".join(out)


def to_html(text: str) -> SafeString:
    """The letter as HTML: every character of the text escaped, only our tags added."""
    html = []
    for block in blocks(text):
        if block.kind == "list":
            items = "".join(f"<li>{_spans_html(item)}</li>" for item in block.items)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f'<p dir="auto">{_spans_html(block.items[0])}</p>')
    return mark_safe("\n".join(html))  # noqa: S308 - built from escaped text only
