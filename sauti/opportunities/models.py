"""The living calendar: advocacy opportunities, who engages in them, recurring moments.

Times are stored twice on purpose: ``starts_at``/``ends_at`` in UTC for sorting,
filtering and iCalendar, and ``start_date``/``end_date`` as the calendar dates
in the event's own time zone, so that grouping by month and the month table
need no time-zone arithmetic in the database. An all-day opportunity has no
time zone: its dates are the same everywhere (UHC Day is 12 December in Nairobi
and in Manila).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from sauti.accounts.models import Organisation
from sauti.commitments.models import Commitment
from sauti.core.models import Country, Hideable, HideableQuerySet, Region, Topic

# Links people open from a calendar: web addresses only (no javascript:, ftp:, file:).
WEB_ADDRESS = URLValidator(schemes=["http", "https"])


class Kind(models.TextChoices):
    WHO_GOVERNING_BODY = (
        "who_governing_body",
        _("WHO governing body (World Health Assembly, Executive Board)"),
    )
    WHO_REGIONAL_COMMITTEE = "who_regional_committee", _("WHO regional committee")
    UNGA_HIGH_LEVEL = "unga_high_level", _("UN General Assembly high-level meeting")
    POLITICAL_FORUM = "political_forum", _("UN or regional political forum")
    HEALTH_PLANNING = "health_planning", _("National health planning cycle")
    BUDGET_CYCLE = "budget_cycle", _("National budget cycle")
    CONSULTATION = "consultation", _("Public consultation or hearing")
    PARLIAMENTARY = "parliamentary", _("Parliamentary process")
    INTERNATIONAL_DAY = "international_day", _("International day")
    CAMPAIGN = "campaign", _("Campaign moment")
    TRAINING = "training", _("Training or learning event")
    OTHER = "other", _("Other")


class Level(models.TextChoices):
    GLOBAL = "global", _("Global")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    SUBNATIONAL = "subnational", _("Subnational")


class OpportunityQuerySet(HideableQuerySet):
    def published(self) -> OpportunityQuerySet:
        """What the public sees: published or cancelled (a cancellation is news too)."""
        return self.visible().filter(
            state__in=[Opportunity.State.PUBLISHED, Opportunity.State.CANCELLED]
        )


class Opportunity(Hideable, TranslatableModel):
    """A moment where civil society can make itself heard: a meeting, a cycle, a day."""

    Kind = Kind
    Level = Level

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft (returned to the proposer)")
        PENDING = "pending", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    # Changing any of these (tentative ↔ confirmed is STATUS in iCalendar), or cancelling
    # (or restoring), changes the event in people's
    # calendars: SEQUENCE goes up. Publishing does not: no calendar held it before.
    SCHEDULE_FIELDS = ("all_day", "starts_at", "ends_at", "time_zone", "tentative")

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        description=models.TextField(_("description"), max_length=5000, blank=True),
        how_to_engage=models.TextField(_("how to engage"), max_length=3000, blank=True),
    )
    original_language = models.CharField(
        _("language of the record"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    uid = models.UUIDField(
        _("calendar identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    sequence = models.PositiveIntegerField(_("revision of the schedule"), default=0)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, db_index=True)
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("WHO region"),
    )
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("country"),
    )
    subnational_area = models.CharField(_("subnational area"), max_length=200, blank=True)

    all_day = models.BooleanField(_("all day"), default=True)
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"))
    # Indexed first in ``opportunity_in_order`` (below); an index of its own would only
    # compete with that one in SQLite's plans.
    starts_at = models.DateTimeField(_("starts (UTC)"))
    ends_at = models.DateTimeField(_("ends (UTC)"))
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)

    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"), max_length=500, blank=True, validators=[WEB_ADDRESS]
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    official_url = models.URLField(
        _("official link"), max_length=500, blank=True, validators=[WEB_ADDRESS]
    )
    engagement_deadline = models.DateField(
        _("deadline to engage"), null=True, blank=True, db_index=True
    )
    # Dates expected but not yet announced (a coming World Health Assembly dated by
    # its usual month): shown as "to be confirmed", TENTATIVE in calendars.
    tentative = models.BooleanField(_("dates to be confirmed"), default=False)
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="opportunities", verbose_name=_("WHA77 commitments")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="opportunities", verbose_name=_("topics")
    )
    # Shadow reports written for this moment (a report serves the WHA that reviews
    # WHA77, a national budget hearing…). Linked by the report's editors.
    reports = models.ManyToManyField(
        "reports.ShadowReport",
        blank=True,
        related_name="opportunities",
        verbose_name=_("shadow reports for this moment"),
    )
    # Joint letters timed for this moment; linked by the campaign's organisers.
    campaigns = models.ManyToManyField(
        "campaigns.Campaign",
        blank=True,
        related_name="opportunities",
        verbose_name=_("campaigns for this moment"),
    )

    # No index of its own: SQLite plans without statistics and would pick an index
    # led by ``state`` (almost every row is published) over the calendar's below.
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    review_note = models.TextField(_("reason given by the moderator"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        verbose_name=_("proposed on behalf of"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_opportunities",
    )
    recurring_moment = models.ForeignKey(
        "RecurringMoment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
    )
    occurrence_year = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        constraints = [
            models.UniqueConstraint(
                fields=["recurring_moment", "occurrence_year"], name="one_occurrence_per_year"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="ends_after_start"
            ),
        ]
        indexes = [
            # The calendar in date order, with the columns its filters test: a page of the
            # list, the month table and the feeds walk this index and stop after their
            # rows instead of sorting every coming opportunity (bench/calendar_list.py).
            models.Index(
                fields=["starts_at", "id", "end_date", "start_date", "state", "hidden_at"],
                name="opportunity_in_order",
            ),
            # Counts of coming or past ones (and with an open deadline), and the latest
            # change for Last-Modified, read from the index alone.
            models.Index(
                fields=["end_date", "state", "hidden_at", "engagement_deadline", "updated_at"],
                name="opportunity_by_end",
            ),
        ]

    def __str__(self) -> str:
        return str(self.safe_translation_getter("title", any_language=True) or self.uid)

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", args=[self.pk])

    # The reader's language when there is a translation, else the original.
    @property
    def display_title(self) -> str:
        return str(self.safe_translation_getter("title", any_language=True) or "")

    @property
    def display_description(self) -> str:
        return str(self.safe_translation_getter("description", any_language=True) or "")

    @property
    def display_how_to_engage(self) -> str:
        return str(self.safe_translation_getter("how_to_engage", any_language=True) or "")

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED

    @property
    def zone(self) -> ZoneInfo | None:
        return ZoneInfo(self.time_zone) if self.time_zone and not self.all_day else None

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(self.zone) if self.zone else self.starts_at

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(self.zone) if self.zone else self.ends_at

    def deadline_open(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.engagement_deadline is not None and self.engagement_deadline >= today


class Engagement(models.Model):
    """An organisation says it will engage in an opportunity, how, and later what it did."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Signed-in members of organisations")

    class Reminder(models.IntegerChoices):
        ONE_DAY = 1, _("1 day before the deadline")
        THREE_DAYS = 3, _("3 days before the deadline")
        ONE_WEEK = 7, _("1 week before the deadline")
        TWO_WEEKS = 14, _("2 weeks before the deadline")

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="engagements"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="engagements"
    )
    note = models.TextField(_("how you will engage"), max_length=1000, blank=True)
    visibility = models.CharField(
        _("who can see this"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # None: no reminder. The person who said their organisation engages receives it.
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind me"), choices=Reminder.choices, null=True, blank=True, default=Reminder.ONE_WEEK
    )
    reminded_at = models.DateTimeField(null=True, blank=True)
    # After the moment: what the organisation did, so that past moments keep their story.
    outcome = models.TextField(_("what we did"), max_length=2000, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "organisation"], name="one_engagement_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.opportunity}"


class RecurringMoment(TranslatableModel):
    """A rule that yields one opportunity a year (UHC Day every 12 December).

    ``rule`` is ``fixed`` (month/day), ``nth_weekday`` (e.g. the 2nd Monday of
    May, ``nth`` -1 for the last) or ``dates`` (explicit yearly dates in
    ``dates``: ``{"2025": ["2025-05-19", "2025-05-27"]}``, for meetings whose
    dates are set each year; years without an entry fall back to the
    fixed/nth-weekday fields when those are given, else are skipped).
    """

    class Rule(models.TextChoices):
        FIXED = "fixed", _("Same date every year")
        NTH_WEEKDAY = "nth_weekday", _("A given weekday of a month")
        DATES = "dates", _("Dates set year by year")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        description=models.TextField(_("description"), max_length=5000, blank=True),
        how_to_engage=models.TextField(_("how to engage"), max_length=3000, blank=True),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT)
    rule = models.CharField(_("rule"), max_length=12, choices=Rule.choices)
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    weekday = models.PositiveSmallIntegerField(_("weekday (0 = Monday)"), null=True, blank=True)
    nth = models.SmallIntegerField(_("which one in the month"), null=True, blank=True)
    duration_days = models.PositiveSmallIntegerField(_("length in days"), default=1)
    dates = models.JSONField(_("dates by year"), default=dict, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    official_url = models.URLField(_("official link"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("recurring moment")
        verbose_name_plural = _("recurring moments")

    def __str__(self) -> str:
        return str(self.safe_translation_getter("title", any_language=True) or self.code)
