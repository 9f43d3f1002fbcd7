"""State changes of the core app: the audit log and moderation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .mail import queue_email
from .models import MODERATORS_GROUP, AbuseReport, AuditLogEntry, Hideable


def log_action(
    action: str,
    *,
    acting_user: Any,
    target: models.Model | None = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditLogEntry:
    """Record an action in the audit log; every service that changes state calls this."""
    actor = acting_user if getattr(acting_user, "is_authenticated", False) else None
    return AuditLogEntry.objects.create(
        actor=actor,
        action=action,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        reason=reason,
        data=data or {},
    )


@transaction.atomic
def report_abuse(
    content: models.Model, *, reason: str, details: str, acting_user: Any
) -> AbuseReport:
    """File an abuse report. Anonymous reports keep no trace of who sent them."""
    reporter = acting_user if getattr(acting_user, "is_authenticated", False) else None
    report = AbuseReport.objects.create(
        content_type=ContentType.objects.get_for_model(content),
        object_id=str(content.pk),
        reason=reason,
        details=details,
        reporter=reporter,
    )
    log_action(
        "moderation.report", acting_user=reporter, target=content, data={"report": report.pk}
    )
    transaction.on_commit(lambda: notify_moderators(report))
    return report


def notify_moderators(report: AbuseReport) -> None:
    """Tell every moderator, in their language, that a report waits in the queue."""
    moderators = (
        get_user_model()
        .objects.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True), is_active=True)
        .distinct()
    )
    link = settings.SITE_URL + reverse("core:moderation")
    for moderator in moderators:
        queue_email(
            to=moderator.email,
            template="core/email/report_received",
            context={"report": report, "link": link},
            language=moderator.language,
        )


@transaction.atomic
def hide_content(report: AbuseReport, *, reason: str, acting_user: Any) -> AbuseReport:
    """Hide the reported content from the public and close every open report on it."""
    content = report.content
    if isinstance(content, Hideable) and content.hidden_at is None:
        content.hidden_at = timezone.now()
        content.hidden_reason = reason
        content.save(update_fields=["hidden_at", "hidden_reason"])
    now = timezone.now()
    AbuseReport.objects.filter(
        content_type=report.content_type, object_id=report.object_id, status=AbuseReport.Status.OPEN
    ).update(
        status=AbuseReport.Status.HIDDEN,
        resolved_at=now,
        resolved_by=acting_user,
        resolution_note=reason,
    )
    log_action("moderation.hide", acting_user=acting_user, target=content, reason=reason)
    report.refresh_from_db()
    return report


@transaction.atomic
def dismiss_report(report: AbuseReport, *, reason: str, acting_user: Any) -> AbuseReport:
    """Close a report without acting on the content."""
    report.status = AbuseReport.Status.DISMISSED
    report.resolved_at = timezone.now()
    report.resolved_by = acting_user
    report.resolution_note = reason
    report.save(update_fields=["status", "resolved_at", "resolved_by", "resolution_note"])
    log_action("moderation.dismiss", acting_user=acting_user, target=report.content, reason=reason)
    return report


@transaction.atomic
def restore_content(report: AbuseReport, *, reason: str, acting_user: Any) -> AbuseReport:
    """Make hidden content public again (a hiding was a mistake, or the content was fixed)."""
    content = report.content
    if isinstance(content, Hideable) and content.hidden_at is not None:
        content.hidden_at = None
        content.hidden_reason = ""
        content.save(update_fields=["hidden_at", "hidden_reason"])
    AbuseReport.objects.filter(
        content_type=report.content_type,
        object_id=report.object_id,
        status=AbuseReport.Status.HIDDEN,
    ).update(status=AbuseReport.Status.RESTORED, resolution_note=reason, resolved_by=acting_user)
    log_action("moderation.restore", acting_user=acting_user, target=content, reason=reason)
    report.refresh_from_db()
    return report
