"""Reads of the key-message library: search, grouping by topic, the text to show.

The audience filter runs in Python on the rows that the topic, country and
text filters left: ``audiences`` is a JSON list, and JSON containment is not
portable (SQLite has no ``contains`` on JSONField). The library is small (the
built-in messages plus each coalition's national ones), so this costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.http import urlencode
from django.utils.translation import get_language

from sauti.core.models import MAX_ID

from .data import key_messages
from .models import Audience, KeyMessage, MessageTopic

# At most this many messages on a brief (one page; a longer list is cut).
BRIEF_SIZE = 30
SEARCH_LENGTH = 100


@dataclass(frozen=True)
class MessageSearch:
    topic: str = ""
    audience: str = ""
    country: str = ""
    text: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> MessageSearch:
        """The filters of a query string; unknown values are ignored, not errors."""
        topic = query.get("topic", "")
        audience = query.get("audience", "")
        country = query.get("country", "").strip().upper()
        return cls(
            topic=topic if topic in MessageTopic.values else "",
            audience=audience if audience in Audience.values else "",
            country=country if len(country) == 2 and country.isalpha() else "",
            text=" ".join(query.get("q", "").split())[:SEARCH_LENGTH],
        )

    def query(self) -> str:
        pairs = {
            "topic": self.topic,
            "audience": self.audience,
            "country": self.country,
            "q": self.text,
        }
        return urlencode({key: value for key, value in pairs.items() if value})

    def results(self) -> list[KeyMessage]:
        messages = _library()
        if self.topic:
            messages = messages.filter(topic=self.topic)
        if self.country:
            # A country's own messages, and the built-in ones that speak to every country.
            messages = messages.filter(Q(country__isnull=True) | Q(country_id=self.country))
        if self.text:
            translations = KeyMessage._parler_meta.root_model.objects.filter(  # type: ignore[attr-defined]
                text__icontains=self.text
            )
            messages = messages.filter(pk__in=translations.values("master_id"))
        found = [m for m in messages if not self.audience or self.audience in m.audiences]
        return with_text(found)


def _library() -> QuerySet[KeyMessage]:
    return (
        KeyMessage.objects.visible()
        .filter(Q(organisation__isnull=True) | Q(organisation__hidden_at__isnull=True))
        .select_related("country", "organisation", "adapted_from")
        .prefetch_related("translations", "adapted_from__translations")
    )


def visible_message(pk: int) -> KeyMessage | None:
    message = _library().filter(pk=pk).first()
    return with_text([message])[0] if message else None


def chosen(pks: Iterable[str]) -> list[KeyMessage]:
    """The messages picked for a brief, in library order (topic, then age)."""
    ids = sorted(
        {int(pk) for pk in pks if re.fullmatch(r"[0-9]{1,19}", str(pk)) and 1 <= int(pk) <= MAX_ID}
    )[:BRIEF_SIZE]
    if not ids:
        return []
    return with_text(list(_library().filter(pk__in=ids)))


def shown_text(message: KeyMessage, language: str | None = None) -> tuple[str, str]:
    """(text, its language): the reader's language, else the message's own, else English."""
    texts = {t.language_code: t.text for t in message.translations.all()}  # type: ignore[attr-defined]
    order = [language or get_language() or settings.LANGUAGE_CODE, message.original_language]
    for code in [*order, settings.LANGUAGE_CODE, *sorted(texts)]:
        if texts.get(code):
            return texts[code], code
    return "", ""


def with_text(messages: list[KeyMessage]) -> list[KeyMessage]:
    """Give each message ``shown_text``/``shown_language`` and ``audience_labels``
    (and its source message its text)."""
    labels = dict(audience_choices())
    for message in messages:
        message.shown_text, message.shown_language = shown_text(message)  # type: ignore[attr-defined]
        message.audience_labels = [  # type: ignore[attr-defined]
            labels[code] for code in message.audiences if code in labels
        ]
        if message.adapted_from is not None:
            source = message.adapted_from
            source.shown_text, source.shown_language = shown_text(source)  # type: ignore[attr-defined]
    return messages


def by_topic(messages: list[KeyMessage]) -> list[tuple[str, str, list[KeyMessage]]]:
    """(topic code, topic label, messages) in ``MessageTopic`` order, without empty topics."""
    groups: dict[str, list[KeyMessage]] = {}
    for message in messages:
        groups.setdefault(message.topic, []).append(message)
    return [(code, label, groups[code]) for code, label in topic_choices() if code in groups]


def _labels(
    choices: list[tuple[str, str]], translated: dict[str, dict[str, str]]
) -> list[tuple[str, str]]:
    # The library's own labels exist in all seven languages; gettext is the fallback.
    language = get_language() or settings.LANGUAGE_CODE
    return [(code, translated.get(code, {}).get(language) or str(label)) for code, label in choices]


def topic_choices() -> list[tuple[str, str]]:
    """Topics in library order, named in the reader's language."""
    return _labels(MessageTopic.choices, key_messages.TOPICS)


def audience_choices() -> list[tuple[str, str]]:
    """Audiences, named in the reader's language."""
    return _labels(Audience.choices, key_messages.AUDIENCES)
