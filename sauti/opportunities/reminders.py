"""Reminders before the deadline to engage, for the person who said their organisation engages.

An engagement asks for a reminder ``remind_days_before`` days (1, 3, 7 or 14)
before the opportunity's deadline. A daily run sends every reminder that is due:
from that day up to the deadline itself, so days the server was down are caught
up, and never after the deadline. Each engagement is reminded once
(``reminded_at``). If the deadline moves to a later date,
:func:`sauti.opportunities.services.update_opportunity` clears ``reminded_at``
and a new reminder comes before the new deadline; if it moves earlier (or is
removed), a reminder already sent is not sent again.

Only people who can still act on it are reminded: the opportunity is published
(not cancelled) and not hidden, the organisation is not hidden, and the person's
account is active, has an email address, and still belongs to the organisation.
Reminders are few, so they go through the task queue like the other emails.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation

from sauti.accounts.models import Membership
from sauti.core.mail import queue_email

from .models import Engagement, Opportunity

TEMPLATE = "opportunities/email/deadline_reminder"


def due_reminders(today: date) -> Q:
    """Deadline − days before ≤ today ≤ deadline, for each reminder people can choose."""
    due = Q()
    for days in Engagement.Reminder.values:
        due |= Q(
            remind_days_before=days,
            opportunity__engagement_deadline__lte=today + timedelta(days=days),
        )
    return due & Q(opportunity__engagement_deadline__gte=today)


def send_deadline_reminders(*, today: date | None = None) -> int:
    """Queue every deadline reminder due today (or missed since); return how many."""
    today = today or timezone.localdate()
    member = Membership.objects.filter(
        user=OuterRef("created_by"),
        organisation=OuterRef("organisation"),
        status=Membership.Status.ACTIVE,
    )
    engagements = (
        Engagement.objects.filter(
            due_reminders(today),
            reminded_at__isnull=True,
            opportunity__state=Opportunity.State.PUBLISHED,
            opportunity__hidden_at__isnull=True,
            organisation__hidden_at__isnull=True,
            created_by__is_active=True,
        )
        .exclude(created_by__email="")
        .filter(Exists(member))
        .select_related("opportunity", "organisation", "created_by")
        .prefetch_related("opportunity__translations")
        .order_by("pk")
    )
    sent = 0
    for engagement in engagements:
        with transaction.atomic():
            # Claim it first: a second run at the same time finds nothing to send.
            claimed = Engagement.objects.filter(pk=engagement.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if not claimed:
                continue
            _queue(engagement, today)
        sent += 1
    return sent


def _queue(engagement: Engagement, today: date) -> None:
    person = engagement.created_by
    assert person is not None  # the query asks for an active person
    opportunity = engagement.opportunity
    language = getattr(person, "language", "") or opportunity.original_language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    opportunity.set_current_language(language)
    queue_email(
        to=person.email,
        template=TEMPLATE,
        context={
            "opportunity": opportunity,
            "title": opportunity.display_title,
            "how_to_engage": opportunity.display_how_to_engage,
            "organisation": engagement.organisation.name,
            "note": engagement.note,
            "deadline": opportunity.engagement_deadline,
            "days_left": (opportunity.engagement_deadline - today).days,
            "link": settings.SITE_URL + _in_language(opportunity, language),
        },
        language=language,
    )


def _in_language(opportunity: Opportunity, language: str) -> str:
    """The opportunity's address with the reader's language prefix."""
    with translation.override(language):
        return opportunity.get_absolute_url()
