"""Changes to the key-message library: a coalition's national message, an adaptation."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from sauti.accounts.models import Organisation
from sauti.core.models import Country
from sauti.core.services import log_action

from .models import KeyMessage


@transaction.atomic
def write_message(
    *,
    coalition: Organisation,
    country: Country,
    language: str,
    topic: str,
    audiences: list[str],
    text: str,
    source: str = "",
    source_url: str = "",
    adapted_from: KeyMessage | None = None,
    acting_user: Any,
) -> KeyMessage:
    """Add a coalition's national message, or its adaptation of ``adapted_from``."""
    if not acting_user.has_perm("campaigns.add_keymessage", coalition):
        raise PermissionDenied
    now = timezone.now()
    message = KeyMessage(
        original_language=language,
        topic=topic,
        audiences=list(audiences),
        source=source,
        source_url=source_url,
        country=country,
        organisation=coalition,
        adapted_from=adapted_from,
        created_by=acting_user,
        created_at=now,
        updated_at=now,
    )
    message.set_current_language(language)
    message.text = text
    message.save()
    log_action(
        "campaigns.adapt_keymessage" if adapted_from else "campaigns.add_keymessage",
        acting_user=acting_user,
        target=message,
        data={
            "coalition": coalition.pk,
            "country": country.pk,
            "adapted_from": adapted_from.pk if adapted_from else None,
        },
    )
    return message
