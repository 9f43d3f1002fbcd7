"""State changes of campaigns and their signatures: open, close, sign, confirm, approve,
release and remove.

Every function here is atomic where it writes, logs to the audit log and queues
its emails; views and the API call these, never ``.save()`` on a signature.
"""

from __future__ import annotations

import ipaddress
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from sauti.accounts.models import Membership, Organisation, User
from sauti.core.mail import queue_email
from sauti.core.services import log_action

from .models import Campaign, Signature

SIGNATURE_SALT = "campaigns.signature"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600
RATE_WINDOW = 3600


def _limit(name: str, default: int) -> int:
    # Settings may lower these (tests, a small instance) without touching the code.
    return int(getattr(settings, name, default))


# --- Opening and closing ---------------------------------------------------


@transaction.atomic
def open_campaign(campaign: Campaign, *, acting_user: Any) -> Campaign:
    """Open a draft (or reopen a closed) campaign for signatures."""
    # Re-read under a lock: a send or close may have happened since the page loaded.
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    campaign.refresh_from_db()
    if campaign.state not in (Campaign.State.DRAFT, Campaign.State.CLOSED):
        raise ValidationError(_("Only a draft or closed campaign can be opened for signatures."))
    if not campaign.letters.exists():
        raise ValidationError(_("Write the letter before opening the campaign for signatures."))
    if campaign.deadline is not None and campaign.deadline <= timezone.now():
        raise ValidationError(_("The deadline for signatures has passed: set a later one first."))
    campaign.state = Campaign.State.OPEN
    campaign.opened_at = campaign.opened_at or timezone.now()
    campaign.closed_at = None
    campaign.updated_at = timezone.now()
    campaign.save(update_fields=["state", "opened_at", "closed_at", "updated_at"])
    log_action("campaign.open", acting_user=acting_user, target=campaign)
    return campaign


@transaction.atomic
def close_campaign(campaign: Campaign, *, acting_user: Any) -> Campaign:
    """Stop taking signatures."""
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    campaign.refresh_from_db()
    if campaign.state != Campaign.State.OPEN:
        raise ValidationError(_("Only a campaign open for signatures can be closed."))
    campaign.state = Campaign.State.CLOSED
    campaign.closed_at = timezone.now()
    campaign.updated_at = timezone.now()
    campaign.save(update_fields=["state", "closed_at", "updated_at"])
    log_action("campaign.close", acting_user=acting_user, target=campaign)
    return campaign


# --- Anti-abuse ------------------------------------------------------------


def network_key(ip: str) -> str:
    """A keyed hash of the sender's network (IPv4 /24, IPv6 /48), never of the address.

    Only the hash lives, for an hour, in the cache; nothing about the network is
    stored with a signature (people may sign from places where that is risky).
    """
    try:
        address = ipaddress.ip_address((ip or "").strip())
    except ValueError:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 48
    network = ipaddress.ip_network(f"{address}/{prefix}", strict=False)
    return salted_hmac("sauti.campaigns.network", str(network)).hexdigest()[:32]


def current_window() -> int:
    """The number of the current rate window (an hour): counts start again in each."""
    return int(time.time() // RATE_WINDOW)


def count_hit(key: str) -> int:
    """Count one more event for ``key`` in the current hour; return the count."""
    bucket = f"campaigns:rate:{key}:{current_window()}"
    cache.add(bucket, 0, RATE_WINDOW + 60)
    try:
        return int(cache.incr(bucket))
    except ValueError:  # expired between add and incr
        cache.set(bucket, 1, RATE_WINDOW + 60)
        return 1


# --- Signing ---------------------------------------------------------------


def signature_token(signature: Signature) -> str:
    return signing.dumps({"s": signature.pk, "c": signature.campaign_id}, salt=SIGNATURE_SALT)


def confirm_url(signature: Signature) -> str:
    return settings.SITE_URL + reverse("campaigns:confirm", args=[signature_token(signature)])


def signature_from_token(token: str) -> Signature:
    """Return the signature a confirmation link points to, or raise ``ValidationError``."""
    try:
        payload = signing.loads(token, salt=SIGNATURE_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ValidationError(
            _("This link has expired: confirmation links work for 7 days. Please sign again.")
        ) from exc
    except signing.BadSignature as exc:
        raise ValidationError(
            _("This link is not valid. Check that you copied all of it.")
        ) from exc
    try:
        signature = Signature.objects.select_related(
            "campaign", "campaign__coalition", "organisation"
        ).get(pk=payload.get("s"), campaign_id=payload.get("c"))
    except (Signature.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise ValidationError(_("This signature no longer exists.")) from exc
    if signature.campaign.is_hidden or signature.campaign.coalition.is_hidden:
        # Hidden by a moderator: it takes no more confirmations, and says nothing about itself.
        raise ValidationError(_("This campaign closed before the signature was confirmed."))
    return signature


def _check_signer(campaign: Campaign, data: dict[str, Any]) -> None:
    if not campaign.is_open:
        raise ValidationError(_("This campaign is not open for signatures."))
    kind = data.get("kind")
    allowed = {
        Campaign.Signers.ORGANISATIONS: {Signature.Kind.ORGANISATION},
        Campaign.Signers.INDIVIDUALS: {Signature.Kind.INDIVIDUAL},
        Campaign.Signers.BOTH: {Signature.Kind.ORGANISATION, Signature.Kind.INDIVIDUAL},
    }[Campaign.Signers(campaign.signers)]
    if kind not in allowed:
        if kind == Signature.Kind.INDIVIDUAL:
            message = _("Only organisations sign this letter.")
        else:
            message = _("Only individuals sign this letter.")
        raise ValidationError({"kind": message})
    if kind == Signature.Kind.ORGANISATION and not data.get("organisation_name"):
        raise ValidationError({"organisation_name": _("Give the name of your organisation.")})


def _registered_organisation(name: str) -> Organisation | None:
    """The Sauti organisation of that name: its administrators then answer for the signature."""
    if not name:
        return None
    return Organisation.objects.visible().filter(name__iexact=name.strip()).first()


def _tell_existing_signer(signature: Signature, language: str) -> None:
    """Answer a second sign-on by email only: the page must not reveal who signed."""
    if signature.confirmed_at is None and signature.removed_at is None:
        _send_confirmation(signature, language)
        return
    queue_email(
        to=signature.email,
        template="campaigns/email/signature_exists",
        context={
            "campaign": signature.campaign,
            "campaign_url": settings.SITE_URL + signature.campaign.get_absolute_url(),
        },
        language=language,
    )


def _send_confirmation(signature: Signature, language: str) -> None:
    queue_email(
        to=signature.email,
        template="campaigns/email/signature_confirm",
        context={
            "campaign": signature.campaign,
            "signature": signature,
            "confirm_url": confirm_url(signature),
        },
        language=language,
    )


def sign(campaign: Campaign, data: dict[str, Any], *, language: str, network_key: str) -> Signature:
    """Record an unconfirmed signature and email its confirmation link.

    The same address signing again (in any letter case) makes no second
    signature: its owner gets an email instead, and the caller learns nothing
    it could show. Over the hourly limit per network the signature is refused;
    above the burst thresholds (per network, per campaign) it waits for an
    organiser's review before it counts.
    """
    _check_signer(campaign, data)
    forget_unconfirmed_signatures(campaign)
    from_network = count_hit(f"net:{network_key}")
    if from_network > _limit("SAUTI_CAMPAIGN_NETWORK_LIMIT", 60):
        raise ValidationError(
            _("Too many signatures came from your network in the last hour. Try again later.")
        )
    email = data["email"].strip().lower()
    existing = Signature.objects.filter(campaign=campaign, email__iexact=email).first()
    if existing is not None:
        _tell_existing_signer(existing, language)
        return existing
    in_campaign = count_hit(f"campaign:{campaign.pk}")
    held = from_network > _limit("SAUTI_CAMPAIGN_NETWORK_BURST", 10)
    held = held or in_campaign > _limit("SAUTI_CAMPAIGN_BURST", 200)
    organisation_name, organisation_kind, registered = "", "", None
    if data["kind"] == Signature.Kind.ORGANISATION:
        organisation_name = data.get("organisation_name", "")
        registered = _registered_organisation(organisation_name)
        organisation_kind = registered.kind if registered else data.get("organisation_kind", "")
    signature = Signature(
        campaign=campaign,
        kind=data["kind"],
        name=data["name"],
        email=email,
        role=data.get("role", ""),
        organisation_name=organisation_name,
        organisation=registered,
        organisation_kind=organisation_kind,
        country=data.get("country"),
        show_name=bool(data.get("show_name")),
        language=language,
        held_for_review=held,
    )
    try:
        with transaction.atomic():
            signature.save()
            log_action(
                "signature.create",
                acting_user=None,
                target=campaign,
                data={"signature": signature.pk, "held": held},
            )
    except IntegrityError:
        # The same address signed at the same moment in another request.
        existing = Signature.objects.filter(campaign=campaign, email__iexact=email).first()
        if existing is None:
            raise
        _tell_existing_signer(existing, language)
        return existing
    _send_confirmation(signature, language)
    return signature


def forget_unconfirmed_signatures(campaign: Campaign) -> int:
    """Delete signatures never confirmed within the link's lifetime: keep no stray addresses."""
    cutoff = timezone.now() - timedelta(seconds=CONFIRMATION_MAX_AGE)
    deleted, _detail = Signature.objects.filter(
        campaign=campaign, confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def _ask_organisation_admins(signature: Signature) -> None:
    admins = User.objects.filter(
        memberships__organisation=signature.organisation,
        memberships__role=Membership.Role.ADMIN,
        memberships__status=Membership.Status.ACTIVE,
        is_active=True,
    )
    link = settings.SITE_URL + reverse("campaigns:approve", args=[signature.pk])
    for admin in admins:
        queue_email(
            to=admin.email,
            template="campaigns/email/signature_approve",
            context={
                "campaign": signature.campaign,
                "signature": signature,
                "organisation": signature.organisation,
                "link": link,
            },
            language=admin.language,
        )


@transaction.atomic
def confirm_signature(token: str) -> Signature:
    """Confirm the address of a signature (the second step); confirming twice changes nothing."""
    signature = signature_from_token(token)
    if signature.removed_at is not None:
        raise ValidationError(_("This signature was removed by the campaign's organisers."))
    if signature.confirmed_at is not None:
        return signature
    if not signature.campaign.is_open:
        raise ValidationError(_("This campaign closed before the signature was confirmed."))
    signature.confirmed_at = timezone.now()
    signature.save(update_fields=["confirmed_at"])
    log_action(
        "signature.confirm",
        acting_user=None,
        target=signature.campaign,
        data={"signature": signature.pk},
    )
    if signature.organisation_id is not None and signature.organisation_approved_at is None:
        _ask_organisation_admins(signature)
    return signature


@transaction.atomic
def approve_signature(signature: Signature, *, acting_user: User) -> Signature:
    """Record that the signing organisation's administrator agrees to sign in its name."""
    if signature.organisation_approved_at is None:
        signature.organisation_approved_at = timezone.now()
        signature.save(update_fields=["organisation_approved_at"])
        log_action(
            "signature.approve",
            acting_user=acting_user,
            target=signature.campaign,
            data={"signature": signature.pk, "organisation": signature.organisation_id},
        )
    return signature


@transaction.atomic
def release_signature(signature: Signature, *, acting_user: User) -> Signature:
    """Let a signature held during a burst count."""
    if signature.held_for_review:
        signature.held_for_review = False
        signature.save(update_fields=["held_for_review"])
        log_action(
            "signature.release",
            acting_user=acting_user,
            target=signature.campaign,
            data={"signature": signature.pk},
        )
    return signature


@transaction.atomic
def remove_signature(signature: Signature, *, reason: str, acting_user: User) -> Signature:
    """Take a signature off the letter and its lists, with the reason, in the audit log."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the signature is removed.")})
    if signature.removed_at is not None:
        raise ValidationError(_("This signature was already removed."))
    signature.removed_at = timezone.now()
    signature.removed_reason = reason
    signature.removed_by = acting_user
    signature.save(update_fields=["removed_at", "removed_reason", "removed_by"])
    log_action(
        "signature.remove",
        acting_user=acting_user,
        target=signature.campaign,
        reason=reason,
        data={"signature": signature.pk},
    )
    return signature
