"""State changes for mechanisms: create, edit (versioned), verify, assess, delete."""

from __future__ import annotations

from typing import Any

import reversion
from django.db import transaction
from django.utils import timezone

from sauti.accounts.models import User
from sauti.core.services import log_action

from .models import Assessment, Mechanism, Source

TRANSLATED = ("name", "description")
MANY = ("constituencies",)


def _apply(mechanism: Mechanism, data: dict[str, Any]) -> dict[str, Any]:
    """Set plain fields; return the translated and many-to-many values for later."""
    later = {key: data.pop(key) for key in (*TRANSLATED, *MANY) if key in data}
    for field, value in data.items():
        setattr(mechanism, field, value)
    return later


def _save(mechanism: Mechanism, later: dict[str, Any]) -> None:
    mechanism.set_current_language(mechanism.original_language)
    for key in TRANSLATED:
        if key in later:
            setattr(mechanism, key, later[key])
    mechanism.save()
    if "constituencies" in later:
        mechanism.constituencies.set(later["constituencies"])


def _changed_fields(mechanism: Mechanism, data: dict[str, Any]) -> list[str]:
    """The names of the fields whose value ``data`` changes (forms send every field).

    Compared with the stored record: a model form has already copied the new
    values onto ``mechanism`` by the time it is valid.
    """
    stored = Mechanism.objects.get(pk=mechanism.pk)
    changed = []
    for key, value in data.items():
        if key in TRANSLATED:
            current = stored.safe_translation_getter(
                key, language_code=stored.original_language, default=""
            )
            value = value or ""
        elif key in MANY:
            current = set(getattr(stored, key).values_list("pk", flat=True))
            value = {getattr(item, "pk", item) for item in value or []}
        else:
            current = getattr(stored, key)
        if current != value:
            changed.append(key)
    return sorted(changed)


@transaction.atomic
def create_mechanism(
    *, acting_user: User | None, data: dict[str, Any], sources: list[dict[str, Any]] | None = None
) -> Mechanism:
    """Record a new mechanism with its sources; the first version of its history."""
    with reversion.create_revision():
        mechanism = Mechanism(created_by=acting_user)
        later = _apply(mechanism, dict(data))
        _save(mechanism, later)
        for source in sources or []:
            Source.objects.create(mechanism=mechanism, **source)
        if acting_user is not None:
            reversion.set_user(acting_user)
        reversion.set_comment("create")
    log_action("mechanism.create", acting_user=acting_user, target=mechanism)
    return mechanism


@transaction.atomic
def update_mechanism(
    mechanism: Mechanism,
    *,
    acting_user: User,
    data: dict[str, Any],
    sources: list[dict[str, Any]] | None = None,
) -> Mechanism:
    """Change a mechanism; every change is a new version (who, when, what)."""
    with reversion.create_revision():
        changed = _changed_fields(mechanism, data)
        if sources:
            changed.append("sources")
        later = _apply(mechanism, dict(data))
        _save(mechanism, later)
        for source in sources or []:
            Source.objects.create(mechanism=mechanism, **source)
        reversion.set_user(acting_user)
        reversion.set_comment(", ".join(changed)[:200])
    log_action(
        "mechanism.update", acting_user=acting_user, target=mechanism, data={"fields": changed}
    )
    return mechanism


@transaction.atomic
def add_source(mechanism: Mechanism, *, acting_user: User, **source: Any) -> Source:
    """Attach a source to a mechanism (a new version)."""
    with reversion.create_revision():
        created = Source.objects.create(mechanism=mechanism, **source)
        mechanism.save(update_fields=["updated_at"])
        reversion.set_user(acting_user)
        reversion.set_comment("source")
    log_action("mechanism.source", acting_user=acting_user, target=mechanism)
    return created


@transaction.atomic
def set_verified(mechanism: Mechanism, *, verified: bool, acting_user: User) -> Mechanism:
    """Mark a record as checked by a moderator (or take the mark back)."""
    mechanism.is_verified = verified
    mechanism.verified_at = timezone.now() if verified else None
    mechanism.verified_by = acting_user if verified else None
    mechanism.save(update_fields=["is_verified", "verified_at", "verified_by", "updated_at"])
    log_action(
        "mechanism.verify" if verified else "mechanism.unverify",
        acting_user=acting_user,
        target=mechanism,
    )
    return mechanism


def refresh_latest_scores(mechanism: Mechanism) -> None:
    """Copy the newest assessment's scores onto the mechanism for fast gap views."""
    latest = mechanism.assessments.order_by("-assessed_on", "-id").first()
    mechanism.latest_assessment = latest
    for name in Assessment.DIMENSIONS:
        setattr(mechanism, f"score_{name}", getattr(latest, name) if latest else None)
    mechanism.save(
        update_fields=[
            "latest_assessment",
            *(f"score_{name}" for name in Assessment.DIMENSIONS),
            "updated_at",
        ]
    )


@transaction.atomic
def record_assessment(
    mechanism: Mechanism, *, acting_user: User | None, data: dict[str, Any]
) -> Assessment:
    """Record an organisation's assessment; the page shows it with earlier ones."""
    assessment = Assessment.objects.create(mechanism=mechanism, assessor=acting_user, **data)
    refresh_latest_scores(mechanism)
    log_action(
        "mechanism.assess",
        acting_user=acting_user,
        target=mechanism,
        data={"assessment": assessment.pk, "organisation": assessment.organisation_id},
    )
    return assessment


@transaction.atomic
def delete_mechanism(mechanism: Mechanism, *, reason: str, acting_user: User) -> None:
    """Delete a record for good (moderators); the audit log keeps the reason."""
    log_action("mechanism.delete", acting_user=acting_user, target=mechanism, reason=reason)
    mechanism.delete()
