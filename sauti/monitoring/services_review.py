"""Reviewing submissions: approve, flag or reject one (with a note), approve a page at once.

Flagging and rejecting need a note saying why; without one :class:`ReviewError`
is raised and nothing changes. Only current submissions are reviewed (an edit
replaces the submission it edits). Every change is audit-logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sauti.core.services import log_action

from . import aggregates
from .models import Project, Submission

ACTIONS = {
    "approve": Submission.Status.APPROVED,
    "flag": Submission.Status.FLAGGED,
    "reject": Submission.Status.REJECTED,
}
NEEDS_NOTE = {"flag", "reject"}
MAX_NOTE = 2000


class ReviewError(Exception):
    """The review could not be recorded; nothing changed."""


def review(submission: Submission, *, action: str, note: str = "", acting_user: Any) -> Submission:
    """Set the submission's status from ``action`` ("approve", "flag" or "reject")."""
    if action not in ACTIONS:
        raise ReviewError(_("Choose approve, flag or reject."))
    note = (note or "").strip()
    if action in NEEDS_NOTE and not note:
        raise ReviewError(_("Write a note saying why: the monitor sees it."))
    if len(note) > MAX_NOTE:
        raise ReviewError(
            _("The note is too long (at most %(limit)d characters).") % {"limit": MAX_NOTE}
        )
    if not submission.is_current:
        raise ReviewError(_("This submission was replaced by an edit; review the newest one."))
    with transaction.atomic():
        previous = submission.status
        submission.status = ACTIONS[action]
        submission.review_note = note
        submission.save(update_fields=["status", "review_note"])
        log_action(
            f"monitoring.submission_{action}",
            acting_user=acting_user,
            target=submission,
            reason=note,
            data={"from": previous, "to": submission.status, "project": submission.project_id},
        )
    return submission


def approve_many(project: Project, ids: Iterable[int], *, acting_user: Any) -> int:
    """Approve the current submissions of ``project`` among ``ids`` still to review.

    Flagged and rejected ones are left as they are: they need a deliberate review.
    Returns how many were approved.
    """
    ids = [i for i in ids if isinstance(i, int)]
    with transaction.atomic():
        approved = list(
            Submission.objects.select_for_update()
            .filter(project=project, pk__in=ids, is_current=True, status=Submission.Status.NEW)
            .values_list("pk", flat=True)
        )
        if not approved:
            return 0
        Submission.objects.filter(pk__in=approved).update(status=Submission.Status.APPROVED)
        # update() sends no signal: bring the indicator cells up to date here.
        aggregates.refresh_for(
            Submission.objects.filter(pk__in=approved).select_related("form_version")
        )
        log_action(
            "monitoring.submissions_bulk_approve",
            acting_user=acting_user,
            target=project,
            data={"submissions": approved},
        )
    return len(approved)
