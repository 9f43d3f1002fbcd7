"""Publishing a monitoring project: the public switch and the approval of free text.

Free text is never published on its own: a reviewer approves each answer or
barrier account, word for word or redacted, which copies it into a
:class:`PublicText`; deleting that row unpublishes it. Every change is in the
audit log.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.core.services import log_action

from .models import BarrierReport, Project, PublicText, Submission

MIN_TEXT_LENGTH = 20  # shorter answers are codes, names or numbers, not accounts
MAX_TEXT_LENGTH = 2000
_MEDIA = re.compile(r"^[\w.-]+\.(jpe?g|png|gif|webp|mp3|m4a|amr|ogg|wav|mp4|3gp|pdf)$", re.I)


@transaction.atomic
def set_published(project: Project, *, published: bool, acting_user: Any) -> Project:
    """Open or close the public dashboard (the figures are protected at read time)."""
    project.is_published = published
    project.published_at = timezone.now() if published else None
    project.updated_at = timezone.now()
    project.save(update_fields=["is_published", "published_at", "updated_at"])
    log_action(
        "monitoring.publish" if published else "monitoring.unpublish",
        acting_user=acting_user,
        target=project,
    )
    return project


def looks_like_free_text(path: str, value: Any) -> bool:
    """Whether an answer reads like something a person wrote (not a code, number, date or file).

    A heuristic over the flat answers: choice codes have no spaces, numbers and
    dates parse, media answers are file names.
    """
    if not isinstance(value, str) or path.startswith("meta/") or len(path) > 200:
        return False
    text = value.strip()
    if len(text) <= MIN_TEXT_LENGTH or not any(ch.isspace() for ch in text):
        return False
    if _MEDIA.match(text):
        return False
    try:
        Decimal(text)
    except InvalidOperation:
        pass
    else:
        return False
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return True
    return len(text) > 30  # "2025-01-01 12:00:00 +03:00" is a date, a sentence is not


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the text to publish; it cannot be empty."))
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            _("The published text is at most %(n)s characters; shorten it.")
            % {"n": MAX_TEXT_LENGTH}
        )
    return text


def _store(values: dict[str, Any], *, acting_user: Any) -> PublicText:
    try:
        with transaction.atomic():
            item = PublicText.objects.create(approved_by=acting_user, **values)
    except IntegrityError:
        raise ValidationError(_("This text is already published.")) from None
    log_action(
        "monitoring.public_text_approve",
        acting_user=acting_user,
        target=item,
        data={
            "submission": values.get("submission").pk if values.get("submission") else None,
            "barrier": values.get("barrier").pk if values.get("barrier") else None,
            "field": values.get("field", ""),
        },
    )
    return item


def approve_answer(
    project: Project, *, submission_id: Any, field: str, text: str, acting_user: Any
) -> PublicText:
    """Publish one free-text answer of an approved, current submission (possibly redacted)."""
    submission = (
        Submission.objects.filter(
            project=project, is_current=True, status=Submission.Status.APPROVED
        )
        .filter(pk=_id(submission_id))
        .first()
    )
    if submission is None:
        raise ValidationError(_("This answer is not in an approved submission of the project."))
    if not looks_like_free_text(field, submission.data.get(field)):
        raise ValidationError(_("This question has no free-text answer to publish."))
    return _store(
        {
            "project": project,
            "submission": submission,
            "field": field,
            "text": _clean_text(text),
        },
        acting_user=acting_user,
    )


def approve_barrier(
    project: Project, *, barrier_id: Any, text: str, acting_user: Any
) -> PublicText:
    """Publish a barrier report's account (never its contact, place or date), possibly redacted."""
    report = BarrierReport.objects.filter(project=project, pk=_id(barrier_id)).first()
    if report is None or not report.description.strip():
        raise ValidationError(_("This barrier report has no account to publish."))
    return _store(
        {"project": project, "barrier": report, "text": _clean_text(text)},
        acting_user=acting_user,
    )


@transaction.atomic
def unpublish_text(item: PublicText, *, acting_user: Any) -> None:
    log_action(
        "monitoring.public_text_unpublish",
        acting_user=acting_user,
        target=item.project,
        data={"public_text": item.pk},
    )
    item.delete()


def _id(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 1 <= number <= 2**63 - 1 else 0
