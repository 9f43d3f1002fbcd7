"""Holding governments to their commitments: the framework, country tracking by
organisations, coalitions' consolidated assessments, and community scorecards.

- A **framework** (WHA77 on social participation; later e.g. the 2023 UN
  Political Declaration on UHC) is data: site administrators add frameworks,
  commitments and reporting cycles in the admin, in every language, without
  code changes.
- A **country assessment** is one organisation's judgement of one commitment,
  in one country, for one reporting cycle: a status, a narrative and evidence.
  Several organisations may judge the same commitment; nobody overwrites
  anyone else. Every change is a version (django-reversion).
- A **consolidated assessment** is a coalition's published position for a
  country and cycle: its own status per commitment, with the statuses its
  members recorded kept as they were at publication, so that readers see where
  members agreed and differed.
- A **scorecard** follows the Community Score Card method: participant groups
  score indicators (1–5) with reasons, the provider assesses itself, an
  interface meeting agrees an action plan whose follow-up is updated over time.
  Group sizes are kept so that published breakdowns can withhold small groups
  (``sauti.core.privacy``).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from parler.models import TranslatableModel, TranslatedFields

from sauti.accounts.models import Constituency, Organisation
from sauti.core.models import Country, Hideable, HideableQuerySet
from sauti.mechanisms.models import Mechanism


# --- The framework ------------------------------------------------------------------------
class Framework(TranslatableModel):
    """A set of commitments governments made, e.g. resolution WHA77 (2024)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.code


class Commitment(TranslatableModel):
    """One commitment of a framework, with guidance on what evidence counts."""

    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("framework")
    )
    code = models.SlugField(_("code"), max_length=40)
    number = models.PositiveSmallIntegerField(_("number"))
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=300),
        description=models.TextField(_("description"), blank=True),
        evidence_guidance=models.TextField(_("what evidence counts"), blank=True),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["framework__order", "framework__code", "number"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="commitment_code_unique"),
            models.UniqueConstraint(
                fields=["framework", "number"], name="commitment_number_unique"
            ),
        ]

    def __str__(self) -> str:
        title = self.safe_translation_getter("title", any_language=True) or self.code
        return f"{self.number}. {title}"

    def get_absolute_url(self) -> str:
        return reverse("commitments:commitment", args=[self.framework.code, self.code])


class Cycle(TranslatableModel):
    """A reporting cycle: WHO reports to the Health Assembly in 2026, 2028 and 2030;
    coalitions may add their own (e.g. a national review)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=200))
    year = models.PositiveSmallIntegerField(_("year"))
    is_custom = models.BooleanField(_("custom cycle"), default=False)
    opens_on = models.DateField(_("open for assessments from"))
    closes_on = models.DateField(_("open for assessments until"), null=True, blank=True)

    class Meta:
        ordering = ["year", "code"]
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.code

    def is_open(self, today: date | None = None) -> bool:
        """Whether organisations may still record or change assessments for this cycle."""
        today = today or timezone.localdate()
        return self.opens_on <= today and (self.closes_on is None or today <= self.closes_on)


class Status(models.TextChoices):
    """Where a government stands on a commitment, in the order of progress."""

    NO_INFORMATION = "no_information", _("No information")
    NO_ACTION = "no_action", _("No action")
    INITIAL = "initial", _("Initial steps")
    IN_PROGRESS = "in_progress", _("In progress")
    LARGELY_ACHIEVED = "largely_achieved", _("Largely achieved")
    REGRESSING = "regressing", _("Regressing")


# How far along each status is, for trends and for averaging across organisations;
# "no information" has no place on the scale, "regressing" sits below "no action".
STATUS_RANK: dict[str, int | None] = {
    Status.NO_INFORMATION: None,
    Status.REGRESSING: -1,
    Status.NO_ACTION: 0,
    Status.INITIAL: 1,
    Status.IN_PROGRESS: 2,
    Status.LARGELY_ACHIEVED: 3,
}


# --- Country tracking -------------------------------------------------------------------
class CountryAssessment(models.Model):
    """One organisation's status for one commitment, in one country, for one cycle."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="country_assessments",
        verbose_name=_("organisation"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("cycle")
    )
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("commitment"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    narrative = models.TextField(_("narrative"), max_length=10_000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["commitment__number", "organisation_id"]
        verbose_name = _("country assessment")
        verbose_name_plural = _("country assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "country", "cycle", "commitment"],
                name="one_assessment_per_organisation",
            )
        ]
        indexes = [
            models.Index(fields=["country", "cycle", "commitment"]),
            models.Index(fields=["cycle", "commitment", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} · {self.cycle} · {self.commitment} · {self.organisation}"

    @property
    def rank(self) -> int | None:
        return STATUS_RANK[self.status]


class Evidence(models.Model):
    """What supports an assessment: a link, a document, or a mechanism of the registry."""

    assessment = models.ForeignKey(
        CountryAssessment, on_delete=models.CASCADE, related_name="evidence"
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    document = models.FileField(_("document"), upload_to="commitments/evidence/", blank=True)
    mechanism = models.ForeignKey(
        Mechanism,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mechanism in the registry"),
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.title


class Consolidated(Hideable):
    """A coalition's position on a country for a cycle, drawn from its members' assessments."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    coalition = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="consolidated_assessments",
        verbose_name=_("coalition"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, related_name="consolidated", verbose_name=_("cycle")
    )
    summary = models.TextField(_("summary"), max_length=10_000, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = HideableQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("consolidated assessment")
        verbose_name_plural = _("consolidated assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "country", "cycle"], name="one_consolidated_per_coalition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.coalition} · {self.country_id} · {self.cycle}"

    def get_absolute_url(self) -> str:
        return reverse("commitments:consolidated", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED


class ConsolidatedEntry(models.Model):
    """The coalition's status for one commitment, with its members' statuses as published."""

    consolidated = models.ForeignKey(Consolidated, on_delete=models.CASCADE, related_name="entries")
    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), max_length=5000, blank=True)
    # {organisation id: status} of the coalition's members when it was published,
    # so that later changes by members do not rewrite a published position.
    member_statuses = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["commitment__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consolidated", "commitment"], name="one_entry_per_commitment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consolidated} · {self.commitment}"


# --- Community scorecards ---------------------------------------------------------------
class Indicator(TranslatableModel):
    """An indicator of the shared library, e.g. "Staff treat patients with respect"."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    translations = TranslatedFields(
        text=models.CharField(_("indicator"), max_length=300),
        guidance=models.TextField(_("guidance"), blank=True),
    )
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("related commitment"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("scorecard indicator")
        verbose_name_plural = _("scorecard indicators")

    def __str__(self) -> str:
        return self.safe_translation_getter("text", any_language=True) or self.code


class Scorecard(Hideable):
    """One Community Score Card exercise at one place."""

    class PlaceKind(models.TextChoices):
        FACILITY = "facility", _("Health facility")
        DISTRICT = "district", _("District")
        MECHANISM = "mechanism", _("Participation mechanism")
        OTHER = "other", _("Other")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="scorecards",
        verbose_name=_("organisation"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    place_kind = models.CharField(_("kind of place"), max_length=10, choices=PlaceKind.choices)
    place_name = models.CharField(_("place"), max_length=200)
    mechanism = models.ForeignKey(
        Mechanism,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scorecards",
        verbose_name=_("mechanism in the registry"),
    )
    held_on = models.DateField(_("date"))
    facilitators = models.CharField(_("facilitators"), max_length=300, blank=True)
    interface_outcome = models.TextField(
        _("outcome of the interface meeting"), max_length=10_000, blank=True
    )
    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scorecards",
        verbose_name=_("reporting cycle"),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = HideableQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("community scorecard")
        verbose_name_plural = _("community scorecards")
        indexes = [models.Index(fields=["country", "held_on"])]

    def __str__(self) -> str:
        return f"{self.place_name} ({self.held_on:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("commitments:scorecard", args=[self.pk])


class ParticipantGroup(models.Model):
    """A group that scored separately, and how many people were in it."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="groups")
    constituency = models.ForeignKey(
        Constituency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("constituency"),
    )
    label = models.CharField(_("group"), max_length=100)
    size = models.PositiveIntegerField(_("number of people"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["id"]
        verbose_name = _("participant group")
        verbose_name_plural = _("participant groups")

    def __str__(self) -> str:
        return self.label


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class ScorecardItem(models.Model):
    """An indicator scored in an exercise: from the library, or written for it."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="items")
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.CharField(_("indicator"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    self_score = models.PositiveSmallIntegerField(
        _("self-assessment score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    self_reasons = models.TextField(_("reasons given by the provider"), max_length=5000, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(self_score__isnull=True)
                | models.Q(self_score__gte=1, self_score__lte=5),
                name="self_score_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.text or str(self.indicator)

    @property
    def label(self) -> str:
        return self.text or str(self.indicator)


class GroupScore(models.Model):
    """One participant group's score (1–5) of one indicator, with its reasons."""

    item = models.ForeignKey(ScorecardItem, on_delete=models.CASCADE, related_name="scores")
    group = models.ForeignKey(ParticipantGroup, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)
    reasons = models.TextField(_("reasons"), max_length=5000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "group"], name="one_score_per_group"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="group_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.score}"


class ActionItem(models.Model):
    """What the interface meeting agreed, who does it, by when, and how it went."""

    class Progress(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Not done")

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(pgettext_lazy("planned action", "action"), max_length=500)
    responsible = models.CharField(_("who is responsible"), max_length=200)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    progress = models.CharField(
        _("follow-up"), max_length=12, choices=Progress.choices, default=Progress.PLANNED
    )
    follow_up_note = models.TextField(_("follow-up note"), max_length=5000, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = pgettext_lazy("planned action", "action")
        verbose_name_plural = _("action plan")

    def __str__(self) -> str:
        return self.action

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.due_on is not None
            and self.due_on < today
            and self.progress in (self.Progress.PLANNED, self.Progress.IN_PROGRESS)
        )
