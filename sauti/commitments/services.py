"""State changes for country tracking: organisations' assessments and their evidence,
coalitions' consolidated assessments, and the emails that announce a publication.

Every function checks its input before writing anything (a refused request
leaves no row and no file behind), runs in one transaction, writes the audit
log, and records a version of each assessment it changes (django-reversion:
the version holds the evidence as it was too). Permissions are the caller's
job (``rules.py``); these functions keep the rules of the domain: a closed
cycle takes no more assessments, a published consolidated assessment stands
as it was published.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sauti.accounts.models import Organisation, Subscription, User
from sauti.accounts.services import manage_url, unsubscribe_headers
from sauti.core.mail import queue_email
from sauti.core.models import Country
from sauti.core.services import log_action
from sauti.core.text import clean_plain_text
from sauti.core.uploads import clean_document
from sauti.mechanisms.models import Mechanism

from . import selectors
from .models import (
    Commitment,
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Cycle,
    Evidence,
    Status,
)

MAX_NARRATIVE = 10_000
MAX_NOTE = 5000
MAX_SUMMARY = 10_000
MAX_EVIDENCE_PER_SAVE = 20


# --- Checks --------------------------------------------------------------------------------
def ensure_open(cycle: Cycle) -> None:
    """Refuse a change to a cycle that is not open for assessments."""
    today = timezone.localdate()
    if cycle.opens_on > today:
        raise ValidationError(
            _("The %(cycle)s cycle opens for assessments on %(date)s.")
            % {"cycle": cycle, "date": date_format(cycle.opens_on)},
            code="cycle_not_open",
        )
    if not cycle.is_open(today):
        raise ValidationError(
            _(
                "The %(cycle)s cycle is closed: its assessments can no longer be recorded "
                "or changed."
            )
            % {"cycle": cycle},
            code="cycle_closed",
        )


def _ensure_status(status: str) -> None:
    if status not in Status.values:
        raise ValidationError(_("Choose one of the statuses."), code="status")


def _clean_text(value: str, limit: int, message: str) -> str:
    text = clean_plain_text(value or "", multiline=True)
    if len(text) > limit:
        raise ValidationError(message % {"limit": limit}, code="too_long")
    return text


_url_validator = URLValidator(schemes=["http", "https"])


def clean_evidence(item: dict[str, Any], *, country: Country) -> dict[str, Any]:
    """Check one piece of evidence: a title and a link, a document or a mechanism.

    Raises a translated ``ValidationError``; returns the values to store.
    """
    title = clean_plain_text(item.get("title") or "")
    url = (item.get("url") or "").strip()
    document: UploadedFile | None = item.get("document") or None
    mechanism: Mechanism | None = item.get("mechanism") or None
    if url:
        if len(url) > 500:
            raise ValidationError(_("A link can be at most 500 characters long."), code="url")
        try:
            _url_validator(url)
        except ValidationError as error:
            raise ValidationError(
                _("“%(value)s” is not a web address. Give a link that starts with https://.")
                % {"value": url[:100]},
                code="url",
            ) from error
    if mechanism is not None and (mechanism.is_hidden or mechanism.country_id != country.code):
        raise ValidationError(
            _("Choose a mechanism of the registry in this country."), code="mechanism"
        )
    if not (url or document or mechanism):
        raise ValidationError(
            _("Evidence needs a link, a document or a mechanism from the registry."),
            code="evidence_empty",
        )
    if not title and mechanism is not None:
        title = str(mechanism)[:300]
    if not title:
        raise ValidationError(_("Give the evidence a title."), code="evidence_title")
    if len(title) > 300:
        raise ValidationError(_("A title can be at most 300 characters long."), code="title")
    cleaned: dict[str, Any] = {"title": title, "url": url, "mechanism": mechanism}
    if document:
        # Checked by content and renamed at random (see ``sauti.core.uploads``); a form
        # has usually done so already, and doing it twice is harmless.
        cleaned["document"] = clean_document(document)
    return cleaned


# --- Assessments ---------------------------------------------------------------------------
def _validated_assessment(
    *,
    cycle: Cycle,
    commitment: Commitment,
    country: Country,
    status: str,
    narrative: str,
    evidence: Iterable[dict[str, Any]],
) -> tuple[str, list[dict[str, Any]]]:
    ensure_open(cycle)
    if not commitment.is_active:
        raise ValidationError(_("This commitment is no longer tracked."), code="inactive")
    _ensure_status(status)
    narrative = _clean_text(
        narrative, MAX_NARRATIVE, _("The narrative can be at most %(limit)s characters long.")
    )
    items = list(evidence)
    if len(items) > MAX_EVIDENCE_PER_SAVE:
        raise ValidationError(
            _("Add at most %(limit)s pieces of evidence at a time.")
            % {"limit": MAX_EVIDENCE_PER_SAVE},
            code="evidence_count",
        )
    return narrative, [clean_evidence(item, country=country) for item in items]


def _write_assessment(
    *,
    organisation: Organisation,
    country: Country,
    cycle: Cycle,
    commitment: Commitment,
    status: str,
    narrative: str,
    evidence: list[dict[str, Any]],
    remove_evidence: Iterable[int],
    acting_user: User | None,
) -> CountryAssessment:
    now = timezone.now()
    with reversion.create_revision():
        assessment, created = CountryAssessment.objects.select_for_update().get_or_create(
            organisation=organisation,
            country=country,
            cycle=cycle,
            commitment=commitment,
            defaults={
                "status": status,
                "narrative": narrative,
                "created_by": acting_user,
                "created_at": now,
                "updated_at": now,
            },
        )
        changed = ["create"] if created else []
        if not created:
            if assessment.status != status:
                changed.append("status")
            if assessment.narrative != narrative:
                changed.append("narrative")
        removed = 0
        if not created and remove_evidence:
            removed, _detail = assessment.evidence.filter(pk__in=list(remove_evidence)).delete()
        for item in evidence:
            Evidence.objects.create(assessment=assessment, added_at=now, **item)
        if (evidence or removed) and not created:
            changed.append("evidence")
        if not changed:
            # Saved again as it was: no new version, nothing to log.
            return assessment
        assessment.status = status
        assessment.narrative = narrative
        assessment.updated_at = now
        # Saved last, so that the version follows the evidence as it now is.
        assessment.save()
        if acting_user is not None:
            reversion.set_user(acting_user)
        reversion.set_comment(",".join(changed))
    log_action(
        "commitments.assess" if created else "commitments.assess_change",
        acting_user=acting_user,
        target=assessment,
        data={
            "status": status,
            "fields": changed,
            "evidence_added": len(evidence),
            "evidence_removed": removed,
        },
    )
    return assessment


@transaction.atomic
def record_assessment(
    *,
    organisation: Organisation,
    country: Country,
    cycle: Cycle,
    commitment: Commitment,
    status: str,
    narrative: str = "",
    evidence: Iterable[dict[str, Any]] = (),
    remove_evidence: Iterable[int] = (),
    acting_user: User | None,
) -> CountryAssessment:
    """Record or change an organisation's status for one commitment, country and cycle."""
    narrative, items = _validated_assessment(
        cycle=cycle,
        commitment=commitment,
        country=country,
        status=status,
        narrative=narrative,
        evidence=evidence,
    )
    return _write_assessment(
        organisation=organisation,
        country=country,
        cycle=cycle,
        commitment=commitment,
        status=status,
        narrative=narrative,
        evidence=items,
        remove_evidence=remove_evidence,
        acting_user=acting_user,
    )


@transaction.atomic
def record_assessments(
    *,
    organisation: Organisation,
    country: Country,
    cycle: Cycle,
    items: list[dict[str, Any]],
    acting_user: User | None,
) -> list[CountryAssessment]:
    """Record several commitments at once: all are checked first, then all are written.

    Each item: ``commitment``, ``status``, ``narrative`` and ``evidence`` (a list).
    """
    checked = []
    for item in items:
        narrative, evidence = _validated_assessment(
            cycle=cycle,
            commitment=item["commitment"],
            country=country,
            status=item["status"],
            narrative=item.get("narrative", ""),
            evidence=item.get("evidence", ()),
        )
        checked.append((item, narrative, evidence))
    return [
        _write_assessment(
            organisation=organisation,
            country=country,
            cycle=cycle,
            commitment=item["commitment"],
            status=item["status"],
            narrative=narrative,
            evidence=evidence,
            remove_evidence=(),
            acting_user=acting_user,
        )
        for item, narrative, evidence in checked
    ]


@transaction.atomic
def add_evidence(
    assessment: CountryAssessment,
    *,
    title: str = "",
    url: str = "",
    document: UploadedFile | None = None,
    mechanism: Mechanism | None = None,
    acting_user: User | None,
) -> Evidence:
    """Attach a link, a document or a registry mechanism to an assessment (a new version)."""
    ensure_open(assessment.cycle)
    item = clean_evidence(
        {"title": title, "url": url, "document": document, "mechanism": mechanism},
        country=assessment.country,
    )
    with reversion.create_revision():
        evidence = Evidence.objects.create(assessment=assessment, **item)
        assessment.updated_at = timezone.now()
        assessment.save(update_fields=["updated_at"])
        if acting_user is not None:
            reversion.set_user(acting_user)
        reversion.set_comment("evidence")
    log_action(
        "commitments.evidence",
        acting_user=acting_user,
        target=assessment,
        data={"evidence": evidence.pk},
    )
    return evidence


# --- Consolidated assessments --------------------------------------------------------------
def _ensure_coalition(coalition: Organisation) -> None:
    if not coalition.is_network:
        raise ValidationError(
            _("Only a network or coalition can publish a consolidated assessment."),
            code="not_a_coalition",
        )


def _ensure_draft(consolidated: Consolidated) -> None:
    if consolidated.is_published:
        raise ValidationError(
            _("This consolidated assessment is published; it stands as it was published."),
            code="published",
        )


@transaction.atomic
def start_consolidated(
    *, coalition: Organisation, country: Country, cycle: Cycle, acting_user: User | None
) -> Consolidated:
    """Open the coalition's draft for a country and cycle (or return the one that exists).

    A new draft starts from what the members recorded: per commitment, the status
    most of them gave, for the coalition to confirm or change.
    """
    _ensure_coalition(coalition)
    consolidated, created = Consolidated.objects.get_or_create(
        coalition=coalition, country=country, cycle=cycle
    )
    if created:
        suggestions = selectors.member_statuses(coalition, country, cycle)
        active = set(
            Commitment.objects.filter(
                pk__in=suggestions, is_active=True, framework__is_active=True
            ).values_list("pk", flat=True)
        )
        ConsolidatedEntry.objects.bulk_create(
            ConsolidatedEntry(
                consolidated=consolidated,
                commitment_id=commitment_id,
                status=selectors.most_common(_tally(statuses.values())) or Status.NO_INFORMATION,
            )
            for commitment_id, statuses in sorted(suggestions.items())
            if commitment_id in active
        )
        log_action("commitments.consolidated_create", acting_user=acting_user, target=consolidated)
    return consolidated


def _tally(statuses: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return counts


@transaction.atomic
def save_consolidated(
    consolidated: Consolidated,
    *,
    summary: str,
    entries: list[dict[str, Any]],
    acting_user: User | None,
) -> Consolidated:
    """Change a draft: its summary and, per commitment, the coalition's status and note.

    ``entries``: ``commitment``, ``status``, ``note``; a commitment left out is
    dropped from the draft.
    """
    consolidated = Consolidated.objects.select_for_update().get(pk=consolidated.pk)
    _ensure_draft(consolidated)
    summary = _clean_text(
        summary, MAX_SUMMARY, _("The summary can be at most %(limit)s characters long.")
    )
    cleaned = []
    for entry in entries:
        _ensure_status(entry["status"])
        note = _clean_text(
            entry.get("note", ""), MAX_NOTE, _("A note can be at most %(limit)s characters long.")
        )
        cleaned.append((entry["commitment"], entry["status"], note))
    kept = [commitment.pk for commitment, _status, _note in cleaned]
    consolidated.entries.exclude(commitment_id__in=kept).delete()
    for commitment, status, note in cleaned:
        ConsolidatedEntry.objects.update_or_create(
            consolidated=consolidated,
            commitment=commitment,
            defaults={"status": status, "note": note},
        )
    consolidated.summary = summary
    consolidated.updated_at = timezone.now()
    consolidated.save(update_fields=["summary", "updated_at"])
    log_action(
        "commitments.consolidated_change",
        acting_user=acting_user,
        target=consolidated,
        data={"entries": len(cleaned)},
    )
    return consolidated


@transaction.atomic
def publish_consolidated(consolidated: Consolidated, *, acting_user: User) -> Consolidated:
    """Publish a draft: keep the members' statuses as they are now, and tell the subscribers
    of the country by email (through the task queue)."""
    consolidated = (
        Consolidated.objects.select_for_update()
        .select_related("coalition", "country", "cycle")
        .get(pk=consolidated.pk)
    )
    _ensure_draft(consolidated)
    _ensure_coalition(consolidated.coalition)
    if consolidated.is_hidden or consolidated.coalition.is_hidden:
        # Moderators hid it (or its coalition): publishing would email it to everyone.
        raise ValidationError(
            _("Moderators have hidden this assessment or its coalition; it cannot be published."),
            code="hidden",
        )
    entries = list(consolidated.entries.all())
    if not entries:
        raise ValidationError(
            _("Give the coalition's status for at least one commitment before publishing."),
            code="empty",
        )
    snapshot = selectors.member_statuses(
        consolidated.coalition, consolidated.country, consolidated.cycle
    )
    for entry in entries:
        entry.member_statuses = snapshot.get(entry.commitment_id, {})
    ConsolidatedEntry.objects.bulk_update(entries, ["member_statuses"])
    now = timezone.now()
    consolidated.state = Consolidated.State.PUBLISHED
    consolidated.published_at = now
    consolidated.published_by = acting_user
    consolidated.updated_at = now
    consolidated.save(update_fields=["state", "published_at", "published_by", "updated_at"])
    sent = notify_subscribers(consolidated)
    log_action(
        "commitments.consolidated_publish",
        acting_user=acting_user,
        target=consolidated,
        data={"entries": len(entries), "subscribers": sent},
    )
    return consolidated


def notify_subscribers(consolidated: Consolidated) -> int:
    """Queue one email per confirmed subscriber of the country, in the subscriber's language."""
    subscribers = Subscription.objects.filter(
        countries=consolidated.country_id, confirmed_at__isnull=False
    ).distinct()
    entries = list(
        consolidated.entries.select_related("commitment").prefetch_related(
            "commitment__translations"
        )
    )
    cycle = Cycle.objects.prefetch_related("translations").get(pk=consolidated.cycle_id)
    by_language: dict[str, dict[str, Any]] = {}

    def in_language(language: str) -> dict[str, Any]:
        """What the email says, in one language (computed once per language)."""
        if language not in by_language:
            with translation.override(language):
                by_language[language] = {
                    "coalition": consolidated.coalition.name,
                    "country": consolidated.country,
                    "cycle": cycle.safe_translation_getter(
                        "name", language_code=language, any_language=True
                    ),
                    "summary": consolidated.summary,
                    "rows": [
                        {
                            "number": entry.commitment.number,
                            "title": entry.commitment.safe_translation_getter(
                                "title", language_code=language, any_language=True
                            ),
                            "status": str(Status(entry.status).label),
                        }
                        for entry in entries
                    ],
                    "link": settings.SITE_URL + consolidated.get_absolute_url(),
                }
        return by_language[language]

    count = 0
    for subscription in subscribers.order_by("pk"):
        language = subscription.language or settings.LANGUAGE_CODE
        queue_email(
            to=subscription.email,
            template="commitments/email/consolidated_published",
            context={**in_language(language), "manage_url": manage_url(subscription)},
            language=language,
            headers=unsubscribe_headers(subscription),
        )
        count += 1
    return count
