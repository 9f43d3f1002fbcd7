"""A letter template shown to a reader: the markup as HTML, placeholders as labels.

``markup.to_html`` (and ``escape``) escape every character of the text, and
``{{ name }}`` survives escaping unchanged for every known name (braces,
spaces, letters, ``_`` and ``:`` are not escaped), so the placeholders can be
found in the escaped HTML and replaced by a ``<mark>`` holding the label in
the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from . import markup
from .data import letter_template


def placeholder_label(name: str, language: str) -> str:
    labels = letter_template.PLACEHOLDERS.get(name)
    if labels is None:
        return name
    return labels.get(language) or labels["en"]


def _labelled(html: str, language: str, paragraphs: Mapping[str, str]) -> SafeString:
    def label(match: re.Match[str]) -> str:
        # The name comes from escaped HTML: compare it, never escape it again.
        name = match.group(1)
        if name in markup.PLACEHOLDERS:
            return format_html(
                '<mark class="placeholder" title="{}">{}</mark>',
                "{{ " + name + " }}",
                placeholder_label(name, language),
            )
        code = name.removeprefix("paragraph:")
        if name.startswith("paragraph:") and code in paragraphs:
            return format_html(
                '<mark class="placeholder optional">{}</mark>',
                _("Optional paragraph: %(label)s") % {"label": paragraphs[code]},
            )
        return '<mark class="placeholder unknown">{{ ' + name + " }}</mark>"

    return mark_safe(markup.PLACEHOLDER.sub(label, html))  # noqa: S308 - escaped text, our tags


def with_labels(
    text: str, language: str, paragraphs: Mapping[str, str] | None = None
) -> SafeString:
    """The letter ``text`` as HTML, each placeholder a highlighted label.

    ``paragraphs`` maps optional-paragraph codes to their labels: their markers
    (``{{ paragraph:code }}``) show as "Optional paragraph: label".
    """
    return _labelled(str(markup.to_html(text)), language, paragraphs or {})


def line_with_labels(text: str, language: str) -> SafeString:
    """A one-line text (the subject) escaped, each placeholder a highlighted label."""
    return _labelled(str(escape(text)), language, {})
