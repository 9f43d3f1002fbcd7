"""State changes for accounts, organisations, memberships and subscriptions.

Every function here is atomic, writes the audit log and is the one place its
change is made: views and the API call these, never ``.save()`` directly.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sauti.core.mail import queue_email
from sauti.core.services import log_action

from .models import (
    Membership,
    NetworkMembership,
    Organisation,
    Subscription,
    User,
)

SUBSCRIPTION_SALT = "sauti.subscription"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600


# --- Organisations ---------------------------------------------------------


def unique_slug(name: str) -> str:
    base = slugify(name)[:60].strip("-") or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_organisation(*, acting_user: User, data: dict[str, Any]) -> Organisation:
    """Create an organisation; its creator becomes its first administrator."""
    many = {key: data.pop(key) for key in ("regions", "countries", "constituencies") if key in data}
    description = data.pop("description", "")
    organisation = Organisation(created_by=acting_user, slug=unique_slug(data["name"]), **data)
    organisation.set_current_language(organisation.original_language)
    organisation.description = description
    organisation.save()
    for key, values in many.items():
        getattr(organisation, key).set(values)
    Membership.objects.create(
        user=acting_user,
        organisation=organisation,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
        decided_at=timezone.now(),
    )
    log_action("organisation.create", acting_user=acting_user, target=organisation)
    return organisation


@transaction.atomic
def update_organisation(
    organisation: Organisation, *, acting_user: User, data: dict[str, Any]
) -> Organisation:
    """Change an organisation's profile; the description is saved in the form's language."""
    many = {key: data.pop(key) for key in ("regions", "countries", "constituencies") if key in data}
    description = data.pop("description", None)
    for field, value in data.items():
        setattr(organisation, field, value)
    if description is not None:
        organisation.set_current_language(organisation.original_language)
        organisation.description = description
    organisation.save()
    for key, values in many.items():
        getattr(organisation, key).set(values)
    log_action(
        "organisation.update",
        acting_user=acting_user,
        target=organisation,
        data={"fields": sorted(data)},
    )
    return organisation


@transaction.atomic
def save_description_translation(
    organisation: Organisation, *, language: str, text: str, acting_user: User
) -> None:
    """Add or replace the description in another language than the original."""
    organisation.set_current_language(language)
    organisation.description = text
    organisation.save()
    log_action(
        "organisation.translate",
        acting_user=acting_user,
        target=organisation,
        data={"language": language},
    )


# --- Memberships -----------------------------------------------------------


@transaction.atomic
def request_membership(
    organisation: Organisation, *, acting_user: User, message: str = ""
) -> Membership:
    """Ask to join an organisation; its administrators are told by email."""
    membership, created = Membership.objects.get_or_create(
        user=acting_user, organisation=organisation, defaults={"message": message}
    )
    if not created:
        if membership.status == Membership.Status.ACTIVE:
            raise ValidationError(_("You are already a member of this organisation."))
        if membership.status == Membership.Status.REQUESTED:
            raise ValidationError(_("Your request to join is already waiting for an answer."))
        membership.status = Membership.Status.REQUESTED
        membership.message = message
        membership.decided_at = None
        membership.save(update_fields=["status", "message", "decided_at"])
    log_action("membership.request", acting_user=acting_user, target=organisation)
    admins = User.objects.filter(
        memberships__organisation=organisation,
        memberships__role=Membership.Role.ADMIN,
        memberships__status=Membership.Status.ACTIVE,
        is_active=True,
    )
    link = settings.SITE_URL + reverse("accounts:members", args=[organisation.slug])
    for admin in admins:
        queue_email(
            to=admin.email,
            template="accounts/email/membership_requested",
            context={
                "organisation": organisation,
                "requester": acting_user,
                "message": message,
                "link": link,
            },
            language=admin.language,
        )
    return membership


def _other_admins(membership: Membership) -> bool:
    return (
        Membership.objects.filter(
            organisation=membership.organisation,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
        )
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def accept_membership(membership: Membership, *, role: str, acting_user: User) -> Membership:
    """Accept a request to join with the given role and tell the person."""
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a valid role."))
    membership.status = Membership.Status.ACTIVE
    membership.role = role
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "role", "decided_at"])
    log_action(
        "membership.accept",
        acting_user=acting_user,
        target=membership.organisation,
        data={"user": membership.user_id, "role": role},
    )
    queue_email(
        to=membership.user.email,
        template="accounts/email/membership_accepted",
        context={
            "organisation": membership.organisation,
            "role": membership.get_role_display(),
            "link": settings.SITE_URL + membership.organisation.get_absolute_url(),
        },
        language=membership.user.language,
    )
    return membership


@transaction.atomic
def decline_membership(membership: Membership, *, acting_user: User) -> Membership:
    """Decline a request to join."""
    membership.status = Membership.Status.DECLINED
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    log_action(
        "membership.decline",
        acting_user=acting_user,
        target=membership.organisation,
        data={"user": membership.user_id},
    )
    return membership


@transaction.atomic
def change_role(membership: Membership, *, role: str, acting_user: User) -> Membership:
    """Change an active member's role; an organisation always keeps one administrator."""
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a valid role."))
    demoting = membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN
    if demoting and not _other_admins(membership):
        raise ValidationError(_("An organisation needs at least one administrator."))
    membership.role = role
    membership.save(update_fields=["role"])
    log_action(
        "membership.role",
        acting_user=acting_user,
        target=membership.organisation,
        data={"user": membership.user_id, "role": role},
    )
    return membership


@transaction.atomic
def remove_membership(membership: Membership, *, acting_user: User) -> None:
    """Remove someone from an organisation (or let them leave)."""
    is_active_admin = (
        membership.role == Membership.Role.ADMIN and membership.status == Membership.Status.ACTIVE
    )
    if is_active_admin and not _other_admins(membership):
        raise ValidationError(_("An organisation needs at least one administrator."))
    organisation = membership.organisation
    user_id = membership.user_id
    membership.delete()
    log_action(
        "membership.remove", acting_user=acting_user, target=organisation, data={"user": user_id}
    )


# --- Networks --------------------------------------------------------------


def _ancestors(organisation: Organisation) -> set[int]:
    """Every network that ``organisation`` belongs to, directly or through others."""
    seen: set[int] = set()
    frontier = {organisation.pk}
    while frontier:
        parents = set(
            NetworkMembership.objects.filter(
                member_id__in=frontier, status=NetworkMembership.Status.ACTIVE
            ).values_list("network_id", flat=True)
        )
        frontier = parents - seen
        seen |= parents
    return seen


@transaction.atomic
def request_network_membership(
    member: Organisation, network: Organisation, *, acting_user: User
) -> NetworkMembership:
    """Ask for ``member`` to join ``network``; refuse cycles (a network inside itself)."""
    if not network.is_network:
        raise ValidationError(_("Only a network or coalition can have member organisations."))
    if member.pk == network.pk or member.pk in _ancestors(network):
        raise ValidationError(_("A network cannot be a member of itself, directly or indirectly."))
    link, created = NetworkMembership.objects.get_or_create(network=network, member=member)
    if not created:
        if link.status == NetworkMembership.Status.ACTIVE:
            raise ValidationError(_("This organisation is already a member of that network."))
        link.status = NetworkMembership.Status.REQUESTED
        link.decided_at = None
        link.save(update_fields=["status", "decided_at"])
    log_action(
        "network.request", acting_user=acting_user, target=network, data={"member": member.pk}
    )
    return link


@transaction.atomic
def decide_network_membership(
    link: NetworkMembership, *, accept: bool, acting_user: User
) -> NetworkMembership:
    """Accept or decline an organisation's request to join a network."""
    if accept and (link.member_id in _ancestors(link.network) | {link.network_id}):
        raise ValidationError(_("A network cannot be a member of itself, directly or indirectly."))
    link.status = NetworkMembership.Status.ACTIVE if accept else NetworkMembership.Status.DECLINED
    link.decided_at = timezone.now()
    link.save(update_fields=["status", "decided_at"])
    log_action(
        "network.accept" if accept else "network.decline",
        acting_user=acting_user,
        target=link.network,
        data={"member": link.member_id},
    )
    return link


@transaction.atomic
def remove_network_membership(link: NetworkMembership, *, acting_user: User) -> None:
    """End an organisation's membership of a network (either side may)."""
    network = link.network
    member_id = link.member_id
    link.delete()
    log_action(
        "network.remove", acting_user=acting_user, target=network, data={"member": member_id}
    )


# --- Subscriptions ---------------------------------------------------------


def subscription_token(subscription: Subscription, purpose: str) -> str:
    return signing.dumps({"id": subscription.pk, "p": purpose}, salt=SUBSCRIPTION_SALT)


def subscription_from_token(
    token: str, purpose: str, *, max_age: int | None = None
) -> Subscription:
    """Return the subscription a signed link points to, or raise ``ValidationError``."""
    try:
        payload = signing.loads(token, salt=SUBSCRIPTION_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ValidationError(_("This link has expired. Please subscribe again.")) from exc
    except signing.BadSignature as exc:
        raise ValidationError(
            _("This link is not valid. Check that you copied all of it.")
        ) from exc
    if payload.get("p") != purpose:
        raise ValidationError(_("This link is not valid. Check that you copied all of it."))
    try:
        return Subscription.objects.get(pk=payload.get("id"))
    except Subscription.DoesNotExist as exc:
        raise ValidationError(_("This subscription no longer exists.")) from exc


def unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 2369 / RFC 8058 headers so mail clients offer one-click unsubscribe."""
    url = settings.SITE_URL + reverse(
        "accounts:unsubscribe", args=[subscription_token(subscription, "unsubscribe")]
    )
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@transaction.atomic
def subscribe(
    *,
    email: str,
    language: str,
    countries: Any,
    regions: Any,
    topics: Any,
    acting_user: Any,
    calendar_digest: bool = True,
) -> Subscription | None:
    """Start a double opt-in subscription, or refresh an unconfirmed one.

    A confirmed address is never changed from this public form (anyone could
    type it); its owner is sent a link to manage it instead.
    """
    email = email.strip().lower()
    forget_unconfirmed_subscriptions()
    subscription = Subscription.objects.filter(email=email).first()
    if subscription and subscription.is_confirmed:
        queue_email(
            to=email,
            template="accounts/email/subscription_exists",
            context={"manage_url": manage_url(subscription)},
            language=subscription.language,
            headers=unsubscribe_headers(subscription),
        )
        return None
    if subscription is None:
        subscription = Subscription.objects.create(
            email=email, language=language, calendar_digest=calendar_digest
        )
    else:
        subscription.language = language
        subscription.calendar_digest = calendar_digest
        subscription.save(update_fields=["language", "calendar_digest"])
    subscription.countries.set(countries)
    subscription.regions.set(regions)
    subscription.topics.set(topics)
    confirm_url = settings.SITE_URL + reverse(
        "accounts:subscription_confirm", args=[subscription_token(subscription, "confirm")]
    )
    queue_email(
        to=email,
        template="accounts/email/subscription_confirm",
        context={"confirm_url": confirm_url, "subscription": subscription},
        language=language,
    )
    log_action("subscription.request", acting_user=acting_user, target=None)
    return subscription


def forget_unconfirmed_subscriptions() -> int:
    """Delete addresses never confirmed within the link's lifetime, as the email promises."""
    cutoff = timezone.now() - timedelta(seconds=CONFIRMATION_MAX_AGE)
    deleted, _detail = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def manage_url(subscription: Subscription) -> str:
    return settings.SITE_URL + reverse(
        "accounts:subscription_manage", args=[subscription_token(subscription, "manage")]
    )


@transaction.atomic
def confirm_subscription(subscription: Subscription) -> Subscription:
    """Mark the address as confirmed (the second step of double opt-in)."""
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
        log_action("subscription.confirm", acting_user=None, target=None)
    return subscription


@transaction.atomic
def update_subscription(
    subscription: Subscription,
    *,
    language: str,
    countries: Any,
    regions: Any,
    topics: Any,
    calendar_digest: bool | None = None,
) -> Subscription:
    """Change what a confirmed address follows (reached through its signed manage link).

    ``calendar_digest`` left out keeps the subscriber's choice: a caller that does
    not know about the digest must not turn it back on for someone who turned it off.
    """
    subscription.language = language
    if calendar_digest is not None:
        subscription.calendar_digest = calendar_digest
    subscription.save(update_fields=["language", "calendar_digest"])
    subscription.countries.set(countries)
    subscription.regions.set(regions)
    subscription.topics.set(topics)
    return subscription


@transaction.atomic
def unsubscribe(subscription: Subscription) -> None:
    """Forget the address entirely: nothing is kept after someone leaves."""
    subscription.delete()
    log_action("subscription.cancel", acting_user=None, target=None)


# --- Personal data ---------------------------------------------------------


def export_user_data(user: User) -> str:
    """Everything Sauti holds about ``user``, as indented JSON."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.usersessions.models import UserSession

    from sauti.api.models import ApiToken
    from sauti.core.models import AbuseReport, AuditLogEntry

    def iso(value: Any) -> str | None:
        return value.isoformat() if value else None

    subscription = Subscription.objects.filter(email=user.email).first()
    data = {
        "exported_at": iso(timezone.now()),
        "account": {
            "email": user.email,
            "public_name": user.display_name,
            "preferred_language": user.language,
            "joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "second_factors": [
            {"type": a.type, "created": iso(a.created_at), "last_used": iso(a.last_used_at)}
            for a in Authenticator.objects.filter(user=user)
        ],
        "sessions": [
            {
                "started": iso(s.created_at),
                "last_seen": iso(s.last_seen_at),
                "browser": s.user_agent,
            }
            for s in UserSession.objects.filter(user=user)
        ],
        "api_tokens": [
            {
                "name": t.name,
                "starts_with": t.prefix,
                "scopes": t.scopes,
                "created": iso(t.created_at),
                "last_used": iso(t.last_used_at),
                "revoked": iso(t.revoked_at),
            }
            for t in ApiToken.objects.filter(owner=user)
        ],
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "status": m.status,
                "requested": iso(m.created_at),
                "message": m.message,
            }
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "organisations_created": [
            {"name": o.name, "url": settings.SITE_URL + o.get_absolute_url()}
            for o in Organisation.objects.filter(created_by=user)
        ],
        "abuse_reports_sent": [
            {
                "reason": r.reason,
                "details": r.details,
                "sent": iso(r.created_at),
                "status": r.status,
            }
            for r in AbuseReport.objects.filter(reporter=user)
        ],
        "subscription": None
        if subscription is None
        else {
            "email": subscription.email,
            "confirmed": iso(subscription.confirmed_at),
            "countries": [c.code for c in subscription.countries.all()],
            "regions": [r.code for r in subscription.regions.all()],
            "topics": [t.code for t in subscription.topics.all()],
        },
        "actions_in_audit_log": [
            {"action": a.action, "object": a.target_repr, "when": iso(a.created_at)}
            for a in AuditLogEntry.objects.filter(actor=user)
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def organisations_blocking_deletion(user: User) -> list[Organisation]:
    """Organisations that would be left with members but no administrator."""
    sole_admin_of = []
    for membership in Membership.objects.filter(
        user=user, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).select_related("organisation"):
        others = Membership.objects.filter(
            organisation=membership.organisation, status=Membership.Status.ACTIVE
        ).exclude(user=user)
        if others.exists() and not others.filter(role=Membership.Role.ADMIN).exists():
            sole_admin_of.append(membership.organisation)
    return sole_admin_of


@transaction.atomic
def delete_account(user: User, *, remove_content: bool, acting_user: User) -> None:
    """Delete the account and everything personal; keep shared content as "former member".

    With ``remove_content`` the organisations the person created and no one
    else belongs to are deleted too; organisations others rely on stay.
    """
    blocking = organisations_blocking_deletion(user)
    if blocking:
        raise ValidationError(
            _("Appoint another administrator first for: %(names)s.")
            % {"names": ", ".join(o.name for o in blocking)}
        )
    if remove_content:
        # One subquery: "an active member other than this person". (An ``exclude()``
        # spanning ``memberships`` twice matched the person's own membership and so
        # deleted organisations that other people still belong to.)
        others = Membership.objects.filter(
            organisation=OuterRef("pk"), status=Membership.Status.ACTIVE
        ).exclude(user=user)
        lonely = Organisation.objects.filter(created_by=user).exclude(Exists(others))
        for organisation in lonely:
            log_action("organisation.delete", acting_user=acting_user, target=organisation)
            organisation.delete()
    Subscription.objects.filter(email=user.email).delete()
    log_action("account.delete", acting_user=None, target=None, data={"user": user.pk})
    user.delete()
