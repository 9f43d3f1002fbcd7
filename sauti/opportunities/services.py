"""State changes of the calendar: propose, edit (versioned), moderate, cancel, engage,
and the yearly generation of recurring moments."""

from __future__ import annotations

from typing import Any

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.accounts.models import Organisation, User
from sauti.core.services import log_action
from sauti.reports.models import ShadowReport

from .models import Engagement, Level, Opportunity, RecurringMoment
from .recurrence import Occurrence, dates_in_year
from .schedule import build_schedule

TRANSLATED = ("title", "description", "how_to_engage")
MANY = ("commitments", "topics")


def _check_place(data: dict[str, Any]) -> None:
    """A regional moment needs its region, a national one its country."""
    level = data.get("level")
    if level == Level.REGIONAL and not data.get("region"):
        raise ValidationError({"region": _("Choose the WHO region.")})
    if level in (Level.NATIONAL, Level.SUBNATIONAL) and not data.get("country"):
        raise ValidationError({"country": _("Choose the country.")})
    if level == Level.GLOBAL:
        data["region"] = None
        data["country"] = None
    if data.get("country") is not None and level != Level.GLOBAL:
        data["region"] = data["country"].region


def _apply(opportunity: Opportunity, data: dict[str, Any]) -> dict[str, Any]:
    later = {key: data.pop(key) for key in (*TRANSLATED, *MANY) if key in data}
    for field, value in data.items():
        setattr(opportunity, field, value)
    return later


def _save(opportunity: Opportunity, later: dict[str, Any]) -> None:
    opportunity.set_current_language(opportunity.original_language)
    for key in TRANSLATED:
        if key in later:
            setattr(opportunity, key, later[key])
    opportunity.updated_at = timezone.now()
    opportunity.full_clean(exclude=["uid", "translations", "commitments", "topics"])
    opportunity.save()
    for key in MANY:
        if key in later:
            getattr(opportunity, key).set(later[key])


def _schedule_changed(before: dict[str, Any], opportunity: Opportunity) -> bool:
    if any(before[f] != getattr(opportunity, f) for f in Opportunity.SCHEDULE_FIELDS):
        return True
    cancelled = Opportunity.State.CANCELLED
    return (before["state"] == cancelled) != (opportunity.state == cancelled)


def _snapshot(opportunity: Opportunity) -> dict[str, Any]:
    return {f: getattr(opportunity, f) for f in (*Opportunity.SCHEDULE_FIELDS, "state")}


def _bump(opportunity: Opportunity, before: dict[str, Any]) -> None:
    """Raise SEQUENCE when calendars must replace their copy (RFC 5545 §3.8.7.4)."""
    if opportunity.pk and _schedule_changed(before, opportunity):
        opportunity.sequence += 1


@transaction.atomic
def propose_opportunity(*, acting_user: User | None, data: dict[str, Any]) -> Opportunity:
    """Add an opportunity; members' proposals wait for a moderator, moderators' are published."""
    data = dict(data)
    _check_place(data)
    with reversion.create_revision():
        opportunity = Opportunity(created_by=acting_user)
        later = _apply(opportunity, data)
        moderator = acting_user is not None and acting_user.has_perm(
            "opportunities.moderate_opportunity"
        )
        if moderator:
            opportunity.state = Opportunity.State.PUBLISHED
            opportunity.published_at = timezone.now()
            opportunity.published_by = acting_user
        else:
            opportunity.state = Opportunity.State.PENDING
        _save(opportunity, later)
        if acting_user is not None:
            reversion.set_user(acting_user)
        reversion.set_comment("create")
    log_action(
        "opportunity.propose",
        acting_user=acting_user,
        target=opportunity,
        data={"state": opportunity.state},
    )
    return opportunity


@transaction.atomic
def update_opportunity(
    opportunity: Opportunity, *, acting_user: User, data: dict[str, Any]
) -> Opportunity:
    """Change an opportunity; a new version, and a higher SEQUENCE if its time changed."""
    data = dict(data)
    _check_place(data)
    stored = Opportunity.objects.get(pk=opportunity.pk)
    before = _snapshot(stored)
    with reversion.create_revision():
        later = _apply(opportunity, data)
        opportunity.sequence = stored.sequence
        _bump(opportunity, before)
        _save(opportunity, later)
        reversion.set_user(acting_user)
        reversion.set_comment("update")
    deadline = opportunity.engagement_deadline
    if deadline is not None and (
        stored.engagement_deadline is None or deadline > stored.engagement_deadline
    ):
        # A later deadline deserves a reminder before it (see reminders.py); one
        # moved earlier is not reminded again.
        Engagement.objects.filter(opportunity=opportunity, reminded_at__isnull=False).update(
            reminded_at=None
        )
    log_action(
        "opportunity.update",
        acting_user=acting_user,
        target=opportunity,
        data={"sequence": opportunity.sequence},
    )
    return opportunity


def _set_state(
    opportunity: Opportunity, state: str, *, acting_user: User, reason: str, action: str
) -> Opportunity:
    before = _snapshot(opportunity)
    opportunity.state = state
    opportunity.review_note = reason
    if state == Opportunity.State.PUBLISHED and opportunity.published_at is None:
        opportunity.published_at = timezone.now()
        opportunity.published_by = acting_user
    _bump(opportunity, before)
    opportunity.updated_at = timezone.now()
    with reversion.create_revision():
        opportunity.save()
        reversion.set_user(acting_user)
        reversion.set_comment(action)
    log_action(f"opportunity.{action}", acting_user=acting_user, target=opportunity, reason=reason)
    return opportunity


@transaction.atomic
def publish_opportunity(opportunity: Opportunity, *, acting_user: User) -> Opportunity:
    """Put a proposal on the public calendar (moderators)."""
    return _set_state(
        opportunity,
        Opportunity.State.PUBLISHED,
        acting_user=acting_user,
        reason="",
        action="publish",
    )


@transaction.atomic
def reject_opportunity(opportunity: Opportunity, *, reason: str, acting_user: User) -> Opportunity:
    """Send a proposal back to its author as a draft, with the moderator's reason."""
    return _set_state(
        opportunity,
        Opportunity.State.DRAFT,
        acting_user=acting_user,
        reason=reason,
        action="reject",
    )


@transaction.atomic
def resubmit_opportunity(opportunity: Opportunity, *, acting_user: User) -> Opportunity:
    """Send a returned draft back to the review queue."""
    return _set_state(
        opportunity,
        Opportunity.State.PENDING,
        acting_user=acting_user,
        reason="",
        action="resubmit",
    )


@transaction.atomic
def cancel_opportunity(opportunity: Opportunity, *, reason: str, acting_user: User) -> Opportunity:
    """Mark an opportunity cancelled: it stays listed, and calendars show it cancelled."""
    return _set_state(
        opportunity,
        Opportunity.State.CANCELLED,
        acting_user=acting_user,
        reason=reason,
        action="cancel",
    )


@transaction.atomic
def engage(
    opportunity: Opportunity,
    *,
    organisation: Organisation,
    note: str,
    visibility: str,
    acting_user: User,
    remind_days_before: int | None = Engagement.Reminder.ONE_WEEK,
) -> Engagement:
    """Say (or update) how an organisation will engage in an opportunity.

    The person who last saves it becomes its contact: the deadline reminder they
    chose ("an email to you") goes to them, not to whoever first said it.
    """
    engagement, created = Engagement.objects.update_or_create(
        opportunity=opportunity,
        organisation=organisation,
        defaults={
            "note": note,
            "visibility": visibility,
            "remind_days_before": remind_days_before,
            "created_by": acting_user,
            "updated_at": timezone.now(),
        },
        create_defaults={
            "note": note,
            "visibility": visibility,
            "remind_days_before": remind_days_before,
            "created_by": acting_user,
        },
    )
    log_action(
        "opportunity.engage" if created else "opportunity.engage_update",
        acting_user=acting_user,
        target=opportunity,
        data={"organisation": organisation.pk},
    )
    return engagement


@transaction.atomic
def withdraw_engagement(engagement: Engagement, *, acting_user: User) -> None:
    """An organisation no longer plans to engage."""
    log_action(
        "opportunity.withdraw",
        acting_user=acting_user,
        target=engagement.opportunity,
        data={"organisation": engagement.organisation_id},
    )
    engagement.delete()


def generate_occurrences(
    moment: RecurringMoment, years: list[int], *, acting_user: User | None = None
) -> list[Opportunity]:
    """Create the moment's opportunity for each year that has none yet (idempotent).

    Existing occurrences are never touched: moderators may have corrected a
    year's dates by hand, and those corrections win over the rule.
    """
    existing = set(
        Opportunity.objects.filter(recurring_moment=moment, occurrence_year__in=years).values_list(
            "occurrence_year", flat=True
        )
    )
    created = []
    for year in years:
        if year in existing:
            continue
        occurrence = dates_in_year(moment, year)
        if occurrence is None:
            continue
        created.append(_create_occurrence(moment, year, occurrence, acting_user=acting_user))
    return created


@transaction.atomic
def _create_occurrence(
    moment: RecurringMoment, year: int, occurrence: Occurrence, *, acting_user: User | None
) -> Opportunity:
    schedule = build_schedule(start_date=occurrence.start, end_date=occurrence.end)
    opportunity = Opportunity(
        kind=moment.kind,
        level=moment.level,
        region=moment.country.region if moment.country_id else moment.region,
        country=moment.country,
        place=moment.place,
        organiser=moment.organiser,
        official_url=moment.official_url,
        state=Opportunity.State.PUBLISHED,
        published_at=timezone.now(),
        recurring_moment=moment,
        occurrence_year=year,
        tentative=occurrence.tentative,
        is_demo=moment.is_demo,
        original_language="en",
        **schedule.as_fields(),
    )
    opportunity.save()
    for translation in moment.translations.all():
        opportunity.set_current_language(translation.language_code)
        opportunity.title = translation.title
        opportunity.description = translation.description
        opportunity.how_to_engage = translation.how_to_engage
        opportunity.save_translations()
    opportunity.topics.set(moment.topics.all())
    log_action(
        "opportunity.generate",
        acting_user=acting_user,
        target=opportunity,
        data={"moment": moment.code, "year": year},
    )
    return opportunity


@transaction.atomic
def record_outcome(engagement: Engagement, *, outcome: str, acting_user: User) -> Engagement:
    """Record what an organisation did at a moment (it keeps the engagement's visibility)."""
    engagement.outcome = outcome
    engagement.outcome_at = timezone.now()
    engagement.updated_at = engagement.outcome_at
    engagement.save(update_fields=["outcome", "outcome_at", "updated_at"])
    log_action(
        "opportunity.outcome",
        acting_user=acting_user,
        target=engagement.opportunity,
        data={"organisation": engagement.organisation_id},
    )
    return engagement


@transaction.atomic
def link_report(opportunity: Opportunity, report: ShadowReport, *, acting_user: User) -> None:
    """Say that a coalition's shadow report was written for this moment."""
    opportunity.reports.add(report)
    log_action(
        "opportunity.link_report",
        acting_user=acting_user,
        target=opportunity,
        data={"report": report.pk},
    )


@transaction.atomic
def unlink_report(opportunity: Opportunity, report: ShadowReport, *, acting_user: User) -> None:
    """Take a shadow report off a moment (the report itself is untouched)."""
    opportunity.reports.remove(report)
    log_action(
        "opportunity.unlink_report",
        acting_user=acting_user,
        target=opportunity,
        data={"report": report.pk},
    )
