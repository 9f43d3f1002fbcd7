"""Checks of a letter's text, run before anything is saved.

Pure functions (no database, no request): the letter-template editor runs them on
a template, the campaign composer on the final letters of a campaign, and both
get the same answers. Each returns the problems as translated sentences (in the
active language) keyed by the field they concern::

    errors = check_letter(subject, body, paragraph_codes=["budget"])
    # {"body": ["{{ countri }} is not a placeholder. …"]}   ({} when all is well)

What a letter may hold (the markup itself is ``markup``'s):

- ``{{ name }}`` with a name from ``markup.PLACEHOLDERS`` (spaces inside the
  braces are optional). Anything else in double braces is refused, and the
  message lists the known placeholders with their labels.
- ``{{ paragraph:code }}`` marks where an optional paragraph goes: only in the
  body of a template (``allow_markers``), naming one of its paragraphs, each
  paragraph marked exactly once and alone in its paragraph (an empty line
  before and after), so that switching it off leaves no hole in a sentence.
- Malformed braces are refused: ``{{`` never closed, ``}}`` never opened,
  ``{{ }}`` with nothing inside, and triple braces.
- Single braces are ordinary text (``{a, b}`` in a quote stays as written),
  except around exactly a placeholder name: ``{country}`` is a placeholder
  missing a brace, and a letter must not go out with it.
- Plain text only: ``<`` followed by a space or a digit is a less-than sign,
  but anything shaped like an HTML tag (``<b>``, ``</p>``, ``<!-- -->``), also
  written with entities (``&lt;b&gt;``), is refused rather than quietly
  dropped, and so are scripts, event handlers and ``javascript:`` links
  (``sauti.core.text.refuse_active_content``, the same rule as everywhere).
- A subject is one line; every text keeps within the model's length.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable

from babel.lists import format_list
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext as _

from sauti.core.text import refuse_active_content

from . import markup, preview
from .models import LetterTemplate, OptionalParagraph

Errors = dict[str, list[str]]

MARKER_PREFIX = "paragraph:"


def _max_length(model: type, field: str) -> int:
    return int(model._parler_meta.root_model._meta.get_field(field).max_length)  # type: ignore[attr-defined]


TITLE_LENGTH = _max_length(LetterTemplate, "title")
SUBJECT_LENGTH = _max_length(LetterTemplate, "subject")
BODY_LENGTH = _max_length(LetterTemplate, "body")
LABEL_LENGTH = _max_length(OptionalParagraph, "label")
PARAGRAPH_LENGTH = _max_length(OptionalParagraph, "text")
CODE_LENGTH = int(OptionalParagraph._meta.get_field("code").max_length or 40)

# Something a browser would read as an HTML tag, comment or declaration: "<" right
# before a letter (or "/" and a letter). "<" followed by a space, a digit or "=" stays
# text ("< 5 %", "x < y > z", "<= 10"), as does "<https://…>" (a ":" after the name).
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--|<![a-zA-Z\[]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_TRIPLE = re.compile(r"\{\{\{|\}\}\}")
_CHUNK_BREAK = re.compile(r"\n\s*\n")  # as markup.blocks splits paragraphs


def normalise(text: str) -> str:
    """The text as it is checked and stored: one kind of line ending, no control
    characters (they break the DOCX and PDF built from the letter), no whitespace
    at either end. Tabs and line breaks stay."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def known_placeholders(language: str | None = None) -> list[tuple[str, str]]:
    """(name, label in ``language``) of every placeholder, in the order writers meet them."""
    language = language or get_language() or "en"
    return [(name, preview.placeholder_label(name, language)) for name in markup.PLACEHOLDERS]


def _list(items: Iterable[str]) -> str:
    # Babel joins lists the way the language does ("a, b and c", "a、b和c").
    words = list(items)
    try:
        return format_list(words, locale=to_locale(get_language() or "en"))
    except ValueError:
        return ", ".join(words)


def _braces(name: str) -> str:
    return "{{ " + name + " }}"


def _excerpt(text: str, start: int, size: int = 24) -> str:
    piece = text[start : start + size]
    line = piece.split("\n", 1)[0]
    return line + ("…" if line == piece and start + size < len(text) else "")


def _markup_problems(text: str) -> list[str]:
    """HTML, script and ``javascript:`` links: refused, with what to do instead."""
    try:
        refuse_active_content(text)
    except ValidationError as error:
        return list(error.messages)
    for candidate in (text, html.unescape(text)):
        match = _TAG.search(candidate)
        if match:
            return [
                _(
                    "“%(tag)s” looks like HTML, and letters are plain text: remove it. "
                    "Write *words* between stars for emphasis, leave an empty line between "
                    "paragraphs, and start list items with “- ”."
                )
                % {"tag": match.group(0)[:40]}
            ]
    return []


def _length_problem(text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return []
    return [
        ngettext(
            "Keep it within %(limit)d character (it has %(count)d).",
            "Keep it within %(limit)d characters (it has %(count)d).",
            limit,
        )
        % {"limit": limit, "count": len(text)}
    ]


def _brace_problems(text: str, allowed: Collection[str]) -> list[str]:
    problems: list[str] = []
    if _TRIPLE.search(text):
        problems.append(
            _("Use two braces on each side of a placeholder, as in {{ country }}, not three.")
        )
    # What is left once every well-formed {{ … }} is taken out.
    rest = markup.PLACEHOLDER.sub(lambda match: " " * len(match.group(0)), text)
    opening, closing = rest.find("{{"), rest.find("}}")
    if opening >= 0:
        problems.append(
            _("A placeholder is not closed: “%(start)s” needs }} after the name.")
            % {"start": _excerpt(text, opening)}
        )
    if closing >= 0:
        start = max(0, closing - 20)
        problems.append(
            _("“%(end)s” closes a placeholder that was never opened: write {{ before the name.")
            % {"end": ("…" if start else "") + text[start : closing + 2].split("\n")[-1]}
        )
    for match in re.finditer(r"(?<!\{)\{\s*([^{}\n]*?)\s*\}(?!\})", rest):
        name = match.group(1)
        if name in allowed or name.startswith(MARKER_PREFIX):
            problems.append(
                _("“%(typed)s” has single braces: write %(placeholder)s for the placeholder.")
                % {"typed": match.group(0), "placeholder": _braces(name)}
            )
    return problems


def _placeholder_problems(
    text: str,
    allowed: Collection[str],
    *,
    paragraph_codes: Collection[str] = (),
    allow_markers: bool = False,
) -> list[str]:
    problems: list[str] = []
    unknown: list[str] = []
    empty = False
    markers: list[str] = []
    for name in markup.placeholders_in(text):
        if not name:
            empty = True
        elif name.startswith(MARKER_PREFIX):
            markers.append(name.removeprefix(MARKER_PREFIX))
        elif name not in allowed and name not in unknown:
            unknown.append(name)
    if empty:
        problems.append(
            _(
                "“{{ }}” has no name inside: write a placeholder such as {{ country }} "
                "or remove the braces."
            )
        )
    if unknown:
        known = [
            _("%(placeholder)s (%(label)s)") % {"placeholder": _braces(name), "label": label}
            for name, label in known_placeholders()
            if name in allowed
        ]
        problems.append(
            ngettext(
                "%(names)s is not a placeholder. The placeholders are: %(known)s.",
                "%(names)s are not placeholders. The placeholders are: %(known)s.",
                len(unknown),
            )
            % {"names": _list(_braces(name) for name in unknown), "known": _list(known)}
        )
    if markers and not allow_markers:
        problems.append(
            _(
                "%(marker)s cannot be used here: optional paragraphs are marked only in "
                "the letter of a template."
            )
            % {"marker": _braces(MARKER_PREFIX + markers[0])}
        )
    elif allow_markers:
        problems.extend(_marker_problems(text, markers, paragraph_codes))
    return problems


def _marker_problems(text: str, markers: list[str], paragraph_codes: Collection[str]) -> list[str]:
    problems: list[str] = []
    # Markers standing alone in their paragraph (the place a paragraph can go).
    alone = set()
    for chunk in _CHUNK_BREAK.split(text):
        match = markup.PLACEHOLDER.fullmatch(chunk.strip())
        if match:
            alone.add(match.group(1).removeprefix(MARKER_PREFIX))
    for code in dict.fromkeys(markers):
        marker = _braces(MARKER_PREFIX + code)
        if code not in paragraph_codes:
            problems.append(
                _(
                    "%(marker)s marks an optional paragraph the template does not have: add "
                    "an optional paragraph with the code “%(code)s”, or remove the marker."
                )
                % {"marker": marker, "code": code}
            )
            continue
        if markers.count(code) > 1:
            problems.append(
                _("%(marker)s appears more than once: an optional paragraph has one place.")
                % {"marker": marker}
            )
        elif code not in alone:
            problems.append(
                _("Put %(marker)s on a line of its own, with an empty line before and after it.")
                % {"marker": marker}
            )
    for code in paragraph_codes:
        if code not in markers:
            problems.append(
                _(
                    "The optional paragraph “%(code)s” has no place in the letter: write "
                    "%(marker)s where it goes, on a line of its own."
                )
                % {"code": code, "marker": _braces(MARKER_PREFIX + code)}
            )
    return problems


def check_text(
    text: str,
    *,
    max_length: int,
    multiline: bool = True,
    missing: str = "",
    placeholders: Collection[str] = markup.PLACEHOLDERS,
    paragraph_codes: Collection[str] = (),
    allow_markers: bool = False,
) -> list[str]:
    """Every problem of one text field (empty list: fine).

    ``missing`` is what to say when the text is empty (empty: it may be);
    ``placeholders`` are the names allowed in ``{{ }}``; ``allow_markers`` lets
    ``{{ paragraph:code }}`` name one of ``paragraph_codes`` (and requires each
    of them exactly once).
    """
    text = text or ""
    if missing and not text.strip():
        return [missing]
    problems = _length_problem(text, max_length)
    if not multiline and ("\n" in text or "\r" in text):
        problems.append(_("Write it on one line."))
    problems += _markup_problems(text)
    problems += _brace_problems(text, placeholders)
    problems += _placeholder_problems(
        text, placeholders, paragraph_codes=paragraph_codes, allow_markers=allow_markers
    )
    return problems


def check_letter(
    subject: str,
    body: str,
    paragraph_codes: Collection[str] = (),
    allow_markers: bool = True,
    placeholders: Collection[str] = markup.PLACEHOLDERS,
) -> Errors:
    """Problems of a letter's subject and body, keyed "subject" and "body" ({} when fine).

    A template's letter (``allow_markers``) marks each of its ``paragraph_codes``
    once; a campaign's final letter passes ``allow_markers=False``: its optional
    paragraphs are already switched on or off, so a marker left in it is an error.
    ``placeholders`` narrows the names a letter may still hold (e.g. only those
    filled when the letter is sent).
    """
    errors: Errors = {}
    subject_problems = check_text(
        subject, max_length=SUBJECT_LENGTH, multiline=False, placeholders=placeholders
    )
    body_problems = check_text(
        body,
        max_length=BODY_LENGTH,
        missing=_("Write the letter."),
        placeholders=placeholders,
        paragraph_codes=paragraph_codes if allow_markers else (),
        allow_markers=allow_markers,
    )
    if subject_problems:
        errors["subject"] = subject_problems
    if body_problems:
        errors["body"] = body_problems
    return errors


def check_title(title: str) -> list[str]:
    """A template's title: one line of plain text (placeholders mean nothing there)."""
    if not (title or "").strip():
        return [_("Give the template a title.")]
    return (
        _length_problem(title, TITLE_LENGTH)
        + ([_("Write it on one line.")] if "\n" in title or "\r" in title else [])
        + _markup_problems(title)
    )


def check_paragraph(code: str, label: str, text: str) -> Errors:
    """Problems of one optional paragraph, keyed "code", "label" and "text"."""
    errors: Errors = {}
    if not code:
        errors["code"] = [_("Give the paragraph a code, e.g. budget.")]
    elif not re.fullmatch(r"[-a-zA-Z0-9_]+", code):
        errors["code"] = [
            _("Use only letters, numbers, hyphens and underscores in the code, e.g. budget.")
        ]
    elif len(code) > CODE_LENGTH:
        errors["code"] = _length_problem(code, CODE_LENGTH)
    label_problems = (
        [_("Say in a few words what the paragraph is about.")]
        if not (label or "").strip()
        else _length_problem(label, LABEL_LENGTH)
        + ([_("Write it on one line.")] if "\n" in label or "\r" in label else [])
        + _markup_problems(label)
    )
    if label_problems:
        errors["label"] = label_problems
    text_problems = check_text(text, max_length=PARAGRAPH_LENGTH, missing=_("Write the paragraph."))
    if text_problems:
        errors["text"] = text_problems
    return errors
