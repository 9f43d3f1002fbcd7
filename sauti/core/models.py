"""Countries, WHO regions, topics, the audit log and abuse reports.

Names of countries and regions are never stored: they come from CLDR (Babel) or
gettext in the reader's language, so the tables hold codes only.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import i18n

# The Django auth group whose members moderate content (created by a migration).
MODERATORS_GROUP = "moderators"


class Region(models.Model):
    """One of the six WHO regions."""

    class Code(models.TextChoices):
        AFR = "AFR", _("African Region")
        AMR = "AMR", _("Region of the Americas")
        SEAR = "SEAR", _("South-East Asia Region")
        EUR = "EUR", _("European Region")
        EMR = "EMR", _("Eastern Mediterranean Region")
        WPR = "WPR", _("Western Pacific Region")

    code = models.CharField(max_length=4, primary_key=True, choices=Code.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("WHO region")
        verbose_name_plural = _("WHO regions")

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("core:region", args=[self.code.lower()])

    @property
    def name(self) -> str:
        return str(self.Code(self.code).label)


class Country(models.Model):
    """A WHO Member State, keyed by its ISO 3166-1 alpha-2 code."""

    code = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166-1 numeric code"), max_length=3, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="countries", verbose_name=_("WHO region")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:country", args=[self.code.lower()])

    @property
    def name(self) -> str:
        return i18n.country_name(self.code)


class Topic(models.Model):
    """A subject people follow by email: one per capability of the platform."""

    class Code(models.TextChoices):
        MECHANISMS = "mechanisms", _("Participation mechanisms")
        COMMITMENTS = "commitments", _("WHA77 commitments and scorecards")
        CAMPAIGNS = "campaigns", _("Joint advocacy campaigns")
        OPPORTUNITIES = "opportunities", _("Advocacy moments and calendar")
        MONITORING = "monitoring", _("Community-led monitoring")
        CONSULTATIONS = "consultations", _("Public consultations")

    code = models.CharField(max_length=20, primary_key=True, choices=Code.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return str(self.Code(self.code).label)


class AuditLogEntry(models.Model):
    """Who did what to which object, when and why. Written by services only."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    target_repr = models.CharField(_("object"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"


class HideableQuerySet(models.QuerySet):
    def visible(self) -> HideableQuerySet:
        return self.filter(hidden_at__isnull=True)


# The largest id a BigAutoField holds: a larger number in a request would overflow
# the database's integer (SQLite raises) before any "not found" could be said.
MAX_ID = 2**63 - 1


def id_from(raw: str) -> int | None:
    """An id typed in a query or a form (ASCII digits within ``MAX_ID``), else ``None``.

    ``str.isdigit`` alone accepts "²" and Arabic-Indic digits, which ``int`` refuses.
    """
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if 1 <= value <= MAX_ID else None


class Hideable(models.Model):
    """Content that moderators can hide from the public, with a reason."""

    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class AbuseReport(models.Model):
    """Someone's report that a piece of content is abusive.

    The reporter may be anonymous; no IP address or user agent is kept.
    """

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        HARASSMENT = "harassment", _("Harassment, hate or threats")
        ENDANGERS = "endangers", _("Puts someone at risk (e.g. reveals who they are)")
        FALSE = "false", _("False or misleading information")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HIDDEN = "hidden", _("Content hidden")
        DISMISSED = "dismissed", _("Dismissed")
        RESTORED = "restored", _("Content restored")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    content = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="abuse_reports",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution_note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.content_type.model} {self.object_id})"
