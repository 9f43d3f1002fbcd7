"""Barrier reports: the public channel where anyone reports a barrier to care.

Nothing about the request is kept: no IP address, no account, no browser
details. The reporter gets a private follow-up code, shown once; only a keyed
hash of it is stored, so a copy of the database does not open the follow-up.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from sauti.core.services import log_action

from .models import BarrierReport, Project

# No 0/O, 1/I/L: a code read aloud or copied from paper stays unambiguous.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 20  # 20 × log2(31) ≈ 99 bits
CODE_GROUP = 4
_HASH_SALT = "sauti.monitoring.barrier-follow-up"


def new_follow_up_code() -> str:
    """A random code like ``K7QF-29XM-…`` (five groups of four)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalise_code(code: str) -> str:
    """The code as typed, without spaces, dashes or case differences."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def hash_code(code: str) -> str:
    """The stored form of a follow-up code (keyed with the site secret, 64 hex chars)."""
    return salted_hmac(_HASH_SALT, normalise_code(code), algorithm="sha256").hexdigest()


def submit_report(*, project: Project, values: dict[str, Any]) -> tuple[BarrierReport, str]:
    """Store a report and return it with its follow-up code (never stored in clear).

    No user and no request data is taken: the audit log records the event with no actor.
    """
    fields = {
        "barrier",
        "site",
        "place",
        "country",
        "area",
        "happened_on",
        "description",
        "contact",
    }
    data = {key: value for key, value in values.items() if key in fields}
    code = new_follow_up_code()
    while BarrierReport.objects.filter(follow_up_hash=hash_code(code)).exists():
        code = new_follow_up_code()  # pragma: no cover - a clash of ~99-bit codes
    with transaction.atomic():
        report = BarrierReport.objects.create(
            project=project, follow_up_hash=hash_code(code), **data
        )
        log_action("monitoring.barrier_reported", acting_user=None, target=report)
    return report, code


def find_by_code(code: str) -> BarrierReport | None:
    """The report of this follow-up code, or ``None`` (hidden projects' reports too)."""
    if len(normalise_code(code)) != CODE_LENGTH:
        return None
    return (
        BarrierReport.objects.filter(
            follow_up_hash=hash_code(code), project__hidden_at__isnull=True
        )
        .select_related("project")
        .first()
    )


def triage(*, report: BarrierReport, values: dict[str, Any], acting_user: Any) -> BarrierReport:
    """Record the organisation's follow-up: status, referral and outcome."""
    # Compare with the stored row: a bound ModelForm already changed ``report`` in memory.
    stored = BarrierReport.objects.get(pk=report.pk)
    changed = []
    for field in ("status", "referred_to", "outcome", "outcome_public"):
        if field in values and getattr(stored, field) != values[field]:
            setattr(report, field, values[field])
            changed.append(field)
    if changed:
        report.updated_at = timezone.now()
        report.save(update_fields=[*changed, "updated_at"])
        log_action(
            "monitoring.barrier_triaged",
            acting_user=acting_user,
            target=report,
            data={"changed": changed, "status": report.status},
        )
    return report
