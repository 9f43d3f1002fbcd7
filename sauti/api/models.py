"""API tokens: how a script or another system writes to Sauti on a person's behalf.

The token itself is shown once, when it is created; Sauti keeps only its
SHA-256 hash (to recognise it) and its first characters (so that its owner can
tell their tokens apart). A token acts with its owner's permissions, limited
to its scopes; revoking it is immediate and final.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "sauti_"  # noqa: S105 (not a secret: every token starts with it)
# What a reader sees of a token: "sauti_" and the first six random characters.
DISPLAY_LENGTH = len(TOKEN_PREFIX) + 6


class Scope(models.TextChoices):
    MECHANISMS_WRITE = "mechanisms:write", _("Record, edit and assess participation mechanisms")
    COMMITMENTS_WRITE = (
        "commitments:write",
        _("Record and change your organisations' assessments of countries' commitments"),
    )
    CALENDAR_WRITE = (
        "calendar:write",
        _("Propose and edit opportunities on the advocacy calendar"),
    )


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def new_raw_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A secret that lets a program use the write API as its owner."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("owner"),
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the script or system that uses it."),
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("first characters"), max_length=20, editable=False)
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    @classmethod
    def issue(cls, *, owner, name: str, scopes: list[str]) -> tuple[ApiToken, str]:
        """Create a token; return it with the raw secret, which is not stored anywhere."""
        raw = new_raw_token()
        token = cls.objects.create(
            owner=owner,
            name=name,
            key_hash=hash_token(raw),
            prefix=raw[:DISPLAY_LENGTH],
            scopes=sorted(set(scopes)),
        )
        return token, raw
