"""Sending a campaign's letter, recording that it went by hand, recording the response,
and the people who follow a campaign.

State rules (``Campaign.state``):

- the letter is *sent* from CLOSED, or from OPEN once the deadline has passed
  (the campaign is then closed first, which the audit log shows); it needs at
  least one counted signature (a joint letter with nobody under it is almost
  always a mistake, and it would go out under the coalition's name alone) and
  at least one addressee with an email address;
- *sent by hand* is recorded from the same states, or again once SENT (the letter
  may reach one addressee by email and another on paper): it records a fact, so
  it asks for no signature;
- the *response* is recorded once SENT, and may be edited once RESPONDED.

Nothing is ever sent twice to an addressee for one campaign: sending moves the
campaign to SENT under a row lock, after which only a failed delivery can be
sent again, explicitly, from the delivery log.

Queued work is enqueued inside the transaction that records it. With the
database task backend the task row commits, or rolls back, with the
``Delivery`` and the state change (a transactional outbox): a task never points
at a row that does not exist, and no row waits for a task that was lost.

Telling thousands of signatories of the response is one small task that walks
the recipients in primary-key order (keyset, ``NOTICE_BATCH`` ids at a time)
and enqueues one task per batch holding only ids; each batch task renders the
message once per language and sends one email per person. No transaction or
task row holds 20 000 addresses, and no process loads them all at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sauti.core.mail import queue_email
from sauti.core.models import AuditLogEntry
from sauti.core.services import log_action
from sauti.core.uploads import clean_document
from sauti.reports.pdf import PdfUnavailable

from . import exports, markup, signatories
from .letters import final_body, final_subject
from .models import Addressee, Campaign, Delivery, Follower, Letter, Signature
from .services import close_campaign, count_hit

logger = logging.getLogger(__name__)

FOLLOWER_SALT = "campaigns.follower"
FOLLOW_CONFIRM_MAX_AGE = 7 * 24 * 3600
NOTICE_BATCH = 500
# Signatories named in the letter email itself; the PDF and the campaign page have them all.
NAMES_IN_EMAIL = 200
SUMMARY_CHARS = 1500
# Stands for a follower's personal stop link in a body rendered once per language; NUL
# characters cannot come from user content (form fields refuse them).
STOP_URL = "\x00stop-url\x00"
RESPONSE_SUFFIXES = (".pdf", ".docx", ".odt")

# Said by the form and by the service, so they are defined once.
RESPONSE_FORMATS = gettext_lazy(
    "Attach the response as a PDF, Word (.docx) or OpenDocument (.odt) file."
)
INVALID_LINK = gettext_lazy("This link is not valid. Check that you copied all of it.")

NOTICE_SENT = "sent"
NOTICE_RESPONSE = "response"
KIND_SIGNATURE = "signature"
KIND_FOLLOWER = "follower"


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _noon(day: date) -> datetime:
    """A date as a moment: noon local time, so the letter's date never shifts a day."""
    return timezone.make_aware(datetime.combine(day, clock(12)))


# --- Sending ---------------------------------------------------------------


def _deadline_passed(campaign: Campaign) -> bool:
    return campaign.deadline is not None and campaign.deadline <= timezone.now()


def can_be_sent(campaign: Campaign) -> bool:
    """Whether the state allows a send (signatures closed, or their deadline passed)."""
    return campaign.state == Campaign.State.CLOSED or (
        campaign.state == Campaign.State.OPEN and _deadline_passed(campaign)
    )


def recipients(campaign: Campaign) -> list[Addressee]:
    """The addressees the platform can send to: those with an email address."""
    return [addressee for addressee in campaign.addressees.all() if addressee.email]


def send_problems(campaign: Campaign) -> list[str]:
    """Why the letter cannot be sent now (empty when it can), in the reader's language."""
    if campaign.state in (Campaign.State.SENT, Campaign.State.RESPONDED):
        return [
            _(
                "The letter has already been sent. To send it again to an addressee it did "
                "not reach, use the delivery log."
            )
        ]
    if campaign.state == Campaign.State.DRAFT:
        return [_("This campaign is a draft: open it for signatures and close it first.")]
    problems = []
    if not can_be_sent(campaign):
        problems.append(_("Close the signatures before sending the letter."))
    if not campaign.letters.exists():
        problems.append(_("The letter is not written yet."))
    if not signatories.counted(campaign).exists():
        problems.append(
            _(
                "No signature counts yet: a joint letter is sent with its signatories. "
                "If you delivered it anyway, record that it was sent by hand."
            )
        )
    if not recipients(campaign):
        problems.append(
            _(
                "No addressee has an email address: add one to the campaign, or record "
                "that you sent the letter by hand."
            )
        )
    return problems


def _locked(campaign: Campaign) -> Campaign:
    """The campaign re-read under a row lock: two organisers pressing "send" at once
    queue one send, not two (SQLite serialises writers anyway)."""
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def _letter_language(campaign: Campaign, language: str) -> str:
    languages = list(campaign.letters.values_list("language", flat=True))
    if language not in languages:
        raise ValidationError({"language": _("Choose one of the letter's languages.")})
    return language


def _enqueue_delivery(delivery: Delivery, language: str) -> None:
    from .tasks import send_delivery

    send_delivery.enqueue(delivery_id=delivery.pk, language=language)


def _enqueue_notices(campaign: Campaign, notice: str) -> None:
    from .tasks import notify

    notify.enqueue(campaign_id=campaign.pk, notice=notice)


@transaction.atomic
def send_campaign(campaign: Campaign, *, language: str, acting_user: Any) -> list[Delivery]:
    """Send the letter to every addressee with an email, through the worker."""
    campaign = _locked(campaign)
    if campaign.state == Campaign.State.OPEN and _deadline_passed(campaign):
        close_campaign(campaign, acting_user=acting_user)
    problems = send_problems(campaign)
    if problems:
        raise ValidationError(problems)
    language = _letter_language(campaign, language)
    already = set(
        Delivery.objects.filter(campaign=campaign, by_hand=False)
        .exclude(sent_at__isnull=True, error__gt="")
        .values_list("addressee_id", flat=True)
    )
    now = timezone.now()
    campaign.state = Campaign.State.SENT
    campaign.sent_at = now
    campaign.sent_by_hand = False
    campaign.updated_at = now
    campaign.save(update_fields=["state", "sent_at", "sent_by_hand", "updated_at"])
    deliveries = [
        Delivery.objects.create(
            campaign=campaign,
            addressee=addressee,
            recipient=addressee.email,
            recorded_by=acting_user,
            created_at=now,
        )
        for addressee in recipients(campaign)
        if addressee.pk not in already
    ]
    log_action(
        "campaign.send",
        acting_user=acting_user,
        target=campaign,
        data={"language": language, "deliveries": [delivery.pk for delivery in deliveries]},
    )
    for delivery in deliveries:
        _enqueue_delivery(delivery, language)
    _enqueue_notices(campaign, NOTICE_SENT)
    return deliveries


def _check_day(day: date | None, field: str) -> date:
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    if day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})
    return day


@transaction.atomic
def record_sent_by_hand(
    campaign: Campaign, *, day: date, note: str = "", acting_user: Any
) -> Delivery:
    """Record that the organisers delivered the letter themselves (post, hand, meeting)."""
    campaign = _locked(campaign)
    first = campaign.state != Campaign.State.SENT
    if first and not can_be_sent(campaign):
        if campaign.state == Campaign.State.RESPONDED:
            raise ValidationError(_("The response is already recorded."))
        raise ValidationError(_("Close the signatures before recording that the letter was sent."))
    _check_day(day, "date")
    if campaign.state == Campaign.State.OPEN:
        close_campaign(campaign, acting_user=acting_user)
    moment = _noon(day)
    delivery = Delivery.objects.create(
        campaign=campaign, by_hand=True, sent_at=moment, recorded_by=acting_user
    )
    if first:
        campaign.state = Campaign.State.SENT
        campaign.sent_at = moment
        campaign.sent_by_hand = True
        campaign.updated_at = timezone.now()
        campaign.save(update_fields=["state", "sent_at", "sent_by_hand", "updated_at"])
    log_action(
        "campaign.send_by_hand",
        acting_user=acting_user,
        target=campaign,
        reason=note,
        data={"delivery": delivery.pk, "date": day.isoformat()},
    )
    if first:
        _enqueue_notices(campaign, NOTICE_SENT)
    return delivery


def _latest_for_addressee(delivery: Delivery) -> bool:
    return not Delivery.objects.filter(
        campaign_id=delivery.campaign_id,
        addressee_id=delivery.addressee_id,
        by_hand=False,
        pk__gt=delivery.pk,
    ).exists()


def is_retryable(delivery: Delivery) -> bool:
    """A failed send that no later attempt replaced."""
    return (
        not delivery.by_hand
        and delivery.sent_at is None
        and bool(delivery.error)
        and delivery.addressee_id is not None
        and _latest_for_addressee(delivery)
    )


@transaction.atomic
def retry_delivery(delivery: Delivery, *, language: str, acting_user: Any) -> Delivery:
    """Send the letter again to the addressee of a failed delivery (a new log line).

    The address is the addressee's current one: a bounced address is usually
    corrected on the campaign before trying again.
    """
    campaign = _locked(delivery.campaign)
    delivery = Delivery.objects.select_related("addressee").get(pk=delivery.pk)
    if campaign.state not in (Campaign.State.SENT, Campaign.State.RESPONDED):
        raise ValidationError(_("The letter has not been sent yet."))
    if not is_retryable(delivery):
        raise ValidationError(_("Only a failed send that was not tried again can be retried."))
    addressee = delivery.addressee
    if addressee is None or not addressee.email:
        raise ValidationError(_("This addressee has no email address any more."))
    language = _letter_language(campaign, language)
    retry = Delivery.objects.create(
        campaign=campaign, addressee=addressee, recipient=addressee.email, recorded_by=acting_user
    )
    log_action(
        "campaign.send_retry",
        acting_user=acting_user,
        target=campaign,
        data={"failed": delivery.pk, "delivery": retry.pk, "language": language},
    )
    _enqueue_delivery(retry, language)
    return retry


def last_send_language(campaign: Campaign) -> str:
    """The letter language of the last send (the retry's default), else the first letter's."""
    entry = (
        AuditLogEntry.objects.filter(
            action__in=["campaign.send", "campaign.send_retry"],
            target_id=str(campaign.pk),
            target_type=ContentType.objects.get_for_model(Campaign),
        )
        .order_by("-created_at", "-id")
        .first()
    )
    if entry is not None and entry.data.get("language"):
        return str(entry.data["language"])
    first = campaign.letters.first()
    return first.language if first else settings.LANGUAGE_CODE


# --- The delivery log ------------------------------------------------------


@dataclass
class LogLine:
    delivery: Delivery
    status: str  # "sent", "failed", "queued", "by_hand"
    note: str = ""
    can_retry: bool = False

    @property
    def time(self) -> datetime:
        return self.delivery.sent_at or self.delivery.created_at


def delivery_log(campaign: Campaign) -> list[LogLine]:
    """Every send and every record by hand, newest first, with what the organisers can do."""
    deliveries = list(
        Delivery.objects.filter(campaign=campaign)
        .select_related("addressee", "recorded_by")
        .order_by("-created_at", "-id")
    )
    notes = {
        entry.data.get("delivery"): entry.reason
        for entry in AuditLogEntry.objects.filter(
            action="campaign.send_by_hand",
            target_id=str(campaign.pk),
            target_type=ContentType.objects.get_for_model(Campaign),
        ).only("data", "reason")
    }
    latest: set[int] = set()
    seen: set[int | None] = set()
    for delivery in deliveries:  # newest first: the first one met is the latest
        if not delivery.by_hand and delivery.addressee_id not in seen:
            seen.add(delivery.addressee_id)
            latest.add(delivery.pk)
    sent_states = (Campaign.State.SENT, Campaign.State.RESPONDED)
    lines = []
    for delivery in deliveries:
        if delivery.by_hand:
            status = "by_hand"
        elif delivery.sent_at:
            status = "sent"
        elif delivery.error:
            status = "failed"
        else:
            status = "queued"
        lines.append(
            LogLine(
                delivery=delivery,
                status=status,
                note=notes.get(delivery.pk, "") if delivery.by_hand else "",
                can_retry=status == "failed"
                and delivery.pk in latest
                and delivery.addressee_id is not None
                and campaign.state in sent_states,
            )
        )
    return lines


# --- The letter as an email (rendered by the worker) ------------------------


def _signatory_line(signature: Signature) -> str:
    if signature.kind == Signature.Kind.ORGANISATION:
        if signature.show_name:
            person = ", ".join(part for part in (signature.name, signature.role) if part)
            return f"{signature.organisation_name} — {person}"
        return signature.organisation_name
    return ", ".join(part for part in (signature.name, signature.role) if part)


def _letter_pdf(campaign: Campaign, language: str, addressee: Addressee | None) -> bytes | None:
    """The addressee's copy as PDF with the signatory annex, or ``None`` where it cannot be had.

    Where the machine cannot print PDFs (``PdfUnavailable``: libraries or fonts
    missing) the letter goes without one: the email itself names the signatories.
    Any other failure fails the delivery, which the organisers see and can retry.
    """
    try:
        return exports.letter_pdf(campaign, language, addressee)
    except PdfUnavailable as error:
        logger.warning("Letter of campaign %s sent without PDF: %s", campaign.pk, error)
        return None


def letter_message(delivery: Delivery, language: str) -> EmailMultiAlternatives:
    """The email an addressee receives: their copy of the letter, plain text and HTML.

    From the platform's address (our mail server vouches for it), Reply-To the
    organiser who sent it, so that the answer reaches people and not a robot.
    """
    campaign = delivery.campaign
    letter: Letter | None = (
        campaign.letters.filter(language=language).first() or campaign.letters.first()
    )
    if letter is None:
        raise ValueError("The campaign has no letter.")
    addressee = delivery.addressee
    text = final_body(letter, addressee)
    subject = " ".join(final_subject(letter, addressee).split()) or campaign.title
    total = signatories.count(campaign)
    names = [_signatory_line(item) for item in signatories.listed(campaign)[:NAMES_IN_EMAIL]]
    pdf = _letter_pdf(campaign, letter.language, addressee)
    with translation.override(letter.language):
        context = {
            "campaign": campaign,
            "coalition": campaign.coalition.name,
            "letter": letter,
            "letter_text": text,
            "letter_html": markup.to_html(text),
            "total": total,
            "names": names,
            "more": max(total - len(names), 0),
            "campaign_url": settings.SITE_URL + campaign.get_absolute_url(),
            "attached": pdf is not None,
        }
        body = render_to_string("campaigns/email/letter_message.txt", context)
        html = render_to_string("campaigns/email/letter_message.html", context)
    organiser = delivery.recorded_by
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.recipient],
        reply_to=[organiser.email] if organiser is not None and organiser.email else [],
    )
    message.attach_alternative(html, "text/html")
    if pdf is not None:
        message.attach(f"letter-{campaign.pk}-{letter.language}.pdf", pdf, "application/pdf")
    return message


def deliver(delivery_id: int, language: str) -> bool:
    """Send one delivery and record the outcome on it (the worker's side).

    Never raises for a failed send: the error is written on the delivery, where
    the organisers see it and can try again; a delivery already sent is left alone.
    """
    delivery = (
        Delivery.objects.select_related("campaign__coalition", "addressee", "recorded_by")
        .filter(pk=delivery_id, by_hand=False, sent_at__isnull=True)
        .first()
    )
    if delivery is None:
        return False
    try:
        letter_message(delivery, language).send()
    except Exception as error:  # an SMTP refusal, a timeout, a PDF that failed to build
        logger.warning("Delivery %s failed: %s", delivery.pk, type(error).__name__)
        reason = f"{type(error).__name__}: {error}"[:1000]
        Delivery.objects.filter(pk=delivery.pk).update(error=reason)
        return False
    Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now(), error="")
    return True


# --- The response ----------------------------------------------------------


def clean_response_document(upload: UploadedFile | None) -> UploadedFile | None:
    """A response document: a PDF, DOCX or ODT within the evidence size limit (judged by
    content, stored under a random name), or a translated ``ValidationError``."""
    if not upload:
        return None
    try:
        upload = clean_document(upload)
    except ValidationError as error:
        raise ValidationError({"response_document": error.messages}) from error
    if upload is None or not upload.name.lower().endswith(RESPONSE_SUFFIXES):
        raise ValidationError({"response_document": str(RESPONSE_FORMATS)})
    return upload


@transaction.atomic
def record_response(
    campaign: Campaign,
    *,
    day: date,
    text: str,
    document: UploadedFile | None = None,
    remove_document: bool = False,
    acting_user: Any,
) -> Campaign:
    """Record (or correct) the addressees' response; the first one is announced once."""
    campaign = _locked(campaign)
    if campaign.state not in (Campaign.State.SENT, Campaign.State.RESPONDED):
        raise ValidationError(_("Record that the letter was sent before recording a response."))
    _check_day(day, "response_date")
    sent_on = timezone.localdate(campaign.sent_at) if campaign.sent_at else None
    if sent_on is not None and day < sent_on:
        raise ValidationError(
            {
                "response_date": _(
                    "The response cannot come before the letter was sent (%(date)s)."
                )
                % {"date": date_format(sent_on, "DATE_FORMAT")}
            }
        )
    document = clean_response_document(document)
    keeps_document = bool(campaign.response_document) and not remove_document
    if not text and document is None and not keeps_document:
        raise ValidationError(_("Write the response or attach its document."))
    first = campaign.state == Campaign.State.SENT
    old_document = campaign.response_document.name if campaign.response_document else ""
    campaign.response_date = day
    campaign.response_text = text
    if document is not None:
        campaign.response_document.save(document.name, document, save=False)
    elif remove_document:
        campaign.response_document = None
    campaign.state = Campaign.State.RESPONDED
    campaign.updated_at = timezone.now()
    fields = ["response_date", "response_text", "response_document", "state", "updated_at"]
    notify = campaign.response_notified_at is None
    if notify:
        campaign.response_notified_at = timezone.now()
        fields.append("response_notified_at")
    campaign.save(update_fields=fields)
    log_action(
        "campaign.response" if first else "campaign.response_edit",
        acting_user=acting_user,
        target=campaign,
        data={"date": day.isoformat(), "document": bool(campaign.response_document)},
    )
    if old_document and old_document != campaign.response_document.name:
        storage = campaign.response_document.storage
        transaction.on_commit(lambda: storage.delete(old_document))
    if notify:
        _enqueue_notices(campaign, NOTICE_RESPONSE)
    return campaign


# --- Notices to signatories and followers ----------------------------------


def _id_batches(queryset: QuerySet[Any], size: int) -> Iterator[list[int]]:
    """Primary keys in order, ``size`` at a time (keyset: each query is small and indexed)."""
    last = 0
    while True:
        ids = list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def _counted_signatures(campaign: Campaign) -> QuerySet[Signature]:
    return Signature.objects.filter(campaign=campaign).counted()


def _confirmed_followers(campaign: Campaign, notice: str) -> QuerySet[Follower]:
    followers = Follower.objects.filter(campaign=campaign, confirmed_at__isnull=False)
    if notice == NOTICE_RESPONSE:
        # Someone who signed and follows gets one email about the response, not two.
        signed = _counted_signatures(campaign).annotate(address=Lower("email")).values("address")
        followers = followers.annotate(address=Lower("email")).exclude(address__in=signed)
    return followers


def notice_batches(campaign: Campaign, notice: str) -> Iterator[tuple[str, list[int]]]:
    """(kind, ids) for every recipient of a notice, in batches of ``NOTICE_BATCH``."""
    size = _limit("SAUTI_CAMPAIGN_NOTICE_BATCH", NOTICE_BATCH)
    if notice == NOTICE_RESPONSE:
        for ids in _id_batches(_counted_signatures(campaign), size):
            yield KIND_SIGNATURE, ids
    for ids in _id_batches(_confirmed_followers(campaign, notice), size):
        yield KIND_FOLLOWER, ids


def _render_notice(campaign: Campaign, notice: str, kind: str, language: str) -> tuple[str, str]:
    with translation.override(language):
        context = {
            "campaign": campaign,
            "coalition": campaign.coalition.name,
            "response_date": campaign.response_date,
            "summary": Truncator(campaign.response_text).chars(SUMMARY_CHARS),
            "has_document": bool(campaign.response_document),
            "campaign_url": settings.SITE_URL + campaign.get_absolute_url(),
            "follower": kind == KIND_FOLLOWER,
            "stop_url": STOP_URL,
        }
        subject = render_to_string(f"campaigns/email/{notice}_subject.txt", context)
        body = render_to_string(f"campaigns/email/{notice}_message.txt", context)
    subject = " ".join(subject.split())
    return f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body


def notice_messages(
    campaign: Campaign, notice: str, kind: str, ids: list[int]
) -> list[EmailMessage]:
    """One email per recipient of the batch, rendered once per language.

    Recipients are re-checked now: a signature removed, or a follower who stopped,
    since the batch was queued gets nothing.
    """
    if kind == KIND_SIGNATURE:
        rows: QuerySet[Any] = _counted_signatures(campaign).filter(pk__in=ids)
    else:
        rows = Follower.objects.filter(campaign=campaign, pk__in=ids, confirmed_at__isnull=False)
    rendered: dict[str, tuple[str, str]] = {}
    messages = []
    for row in rows.only("pk", "email", "language").order_by("pk"):
        if row.language not in rendered:
            rendered[row.language] = _render_notice(campaign, notice, kind, row.language)
        subject, body = rendered[row.language]
        headers = {}
        if kind == KIND_FOLLOWER:
            url = stop_url(row, language=row.language)
            body = body.replace(STOP_URL, url)
            headers = {
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
        messages.append(
            EmailMessage(
                subject=subject,
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[row.email],
                headers=headers,
            )
        )
    return messages


# --- Following -------------------------------------------------------------


def can_follow(campaign: Campaign) -> bool:
    """Following makes sense until the response is in (that is the last news)."""
    return campaign.state not in (Campaign.State.DRAFT, Campaign.State.RESPONDED)


def follower_token(follower: Follower, purpose: str) -> str:
    return signing.dumps(
        {"f": follower.pk, "c": follower.campaign_id, "p": purpose}, salt=FOLLOWER_SALT
    )


def follow_confirm_url(follower: Follower, *, language: str | None = None) -> str:
    with translation.override(language or follower.language):
        path = reverse("campaigns:follow_confirm", args=[follower_token(follower, "confirm")])
    return settings.SITE_URL + path


def stop_url(follower: Follower, *, language: str | None = None) -> str:
    with translation.override(language or follower.language):
        path = reverse("campaigns:unfollow", args=[follower_token(follower, "stop")])
    return settings.SITE_URL + path


def _token_payload(token: str, purpose: str) -> dict[str, Any]:
    # The stop link has no age limit: it sits in emails read months later.
    max_age = FOLLOW_CONFIRM_MAX_AGE if purpose == "confirm" else None
    try:
        payload = signing.loads(token, salt=FOLLOWER_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ValidationError(
            _("This link has expired: it worked for 7 days. Follow the campaign again.")
        ) from exc
    except signing.BadSignature as exc:
        raise ValidationError(str(INVALID_LINK)) from exc
    if not isinstance(payload, dict) or payload.get("p") != purpose:
        raise ValidationError(str(INVALID_LINK))
    return payload


def follower_from_token(token: str, purpose: str) -> Follower:
    """The follower a signed link points to, or ``ValidationError``."""
    payload = _token_payload(token, purpose)
    try:
        return Follower.objects.select_related("campaign").get(
            pk=payload.get("f"), campaign_id=payload.get("c")
        )
    except (Follower.DoesNotExist, ValueError, TypeError) as exc:
        raise ValidationError(
            _("You no longer follow this campaign. Follow it again from its page.")
        ) from exc


def forget_unconfirmed_followers(campaign: Campaign) -> int:
    """Delete follow requests never confirmed within the link's lifetime."""
    cutoff = timezone.now() - timedelta(seconds=FOLLOW_CONFIRM_MAX_AGE)
    deleted, _detail = Follower.objects.filter(
        campaign=campaign, confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def _check_can_follow(campaign: Campaign) -> None:
    if not can_follow(campaign):
        raise ValidationError(_("The response is in: read it on the campaign page."))


def follow(campaign: Campaign, *, email: str, language: str, network_key: str) -> None:
    """Ask an address to confirm that it follows the campaign.

    The caller learns nothing: a new address gets a link to confirm, an
    unconfirmed one the link again, a confirmed one a reminder with its stop
    link. A few emails an hour per address at most, so the form cannot be used
    to flood someone's inbox.
    """
    _check_can_follow(campaign)
    forget_unconfirmed_followers(campaign)
    if count_hit(f"follow:net:{network_key}") > _limit("SAUTI_CAMPAIGN_FOLLOW_LIMIT", 30):
        raise ValidationError(
            _("Too many requests came from your network in the last hour. Try again later.")
        )
    email = email.strip().lower()
    address_key = salted_hmac(FOLLOWER_SALT, f"{campaign.pk}:{email}").hexdigest()[:32]
    if count_hit(f"follow:address:{address_key}") > _limit("SAUTI_CAMPAIGN_FOLLOW_EMAILS", 3):
        return
    follower = Follower.objects.filter(campaign=campaign, email__iexact=email).first()
    if follower is None:
        try:
            with transaction.atomic():
                follower = Follower.objects.create(
                    campaign=campaign, email=email, language=language
                )
        except IntegrityError:  # the same address at the same moment
            follower = Follower.objects.filter(campaign=campaign, email__iexact=email).first()
            if follower is None:
                raise
    with translation.override(language):
        context = {
            "campaign": campaign,
            "campaign_url": settings.SITE_URL + campaign.get_absolute_url(),
        }
    if follower.confirmed_at is None:
        context["confirm_url"] = follow_confirm_url(follower, language=language)
        template = "campaigns/email/follow_confirm"
    else:
        context["stop_url"] = stop_url(follower, language=language)
        template = "campaigns/email/follow_exists"
    queue_email(to=email, template=template, context=context, language=language)


@transaction.atomic
def follow_as_user(campaign: Campaign, *, user: Any) -> Follower | None:
    """Follow with the account's own address: confirmed at once when it is verified.

    Returns ``None`` when the address is not verified: then it goes through the
    emailed link like anybody's.
    """
    _check_can_follow(campaign)
    email = user.email.strip().lower()
    verified = EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    if not verified:
        follow(campaign, email=email, language=user.language, network_key=f"user:{user.pk}")
        return None
    follower, _created = Follower.objects.get_or_create(
        campaign=campaign, email=email, defaults={"language": user.language}
    )
    if follower.confirmed_at is None:
        follower.confirmed_at = timezone.now()
        follower.language = user.language
        follower.save(update_fields=["confirmed_at", "language"])
    return follower


@transaction.atomic
def confirm_follower(token: str) -> Follower:
    """Confirm a follow request (the second step); confirming twice changes nothing."""
    follower = follower_from_token(token, "confirm")
    if follower.confirmed_at is None:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])
    return follower


def follower_to_stop(token: str) -> Follower | None:
    """The follower a stop link names; ``None`` if it already stopped (a bad link raises)."""
    payload = _token_payload(token, "stop")
    return (
        Follower.objects.select_related("campaign")
        .filter(pk=payload.get("f"), campaign_id=payload.get("c"))
        .first()
    )


@transaction.atomic
def unfollow(token: str) -> Campaign | None:
    """Stop following: the address is deleted, not kept. ``None`` if it was already gone."""
    follower = follower_to_stop(token)
    if follower is None:
        return None
    campaign = follower.campaign
    follower.delete()
    return campaign
