"""Participation mechanisms, their functionality assessments and case studies.

Yes/no facts are nullable booleans: ``None`` means "not known", which the gap
analysis keeps apart from "no" (a share is computed over what is known).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from sauti.accounts.models import Constituency, Organisation
from sauti.core.models import Country, Hideable, HideableQuerySet


class Mechanism(Hideable, TranslatableModel):
    """A council, committee, assembly or forum where people can have a say on health."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional or provincial")
        DISTRICT = "district", _("District")
        MUNICIPAL = "municipal", _("Municipal")
        FACILITY = "facility", _("Health facility")
        COMMUNITY = "community", _("Community")

    class Kind(models.TextChoices):
        ASSEMBLY = "assembly", _("Health assembly")
        COUNCIL = "council", _("Health council")
        COMMITTEE = "committee", _("Health committee or facility committee")
        PLATFORM = "platform", _("Multi-stakeholder platform or coordination body")
        CONSULTATION = "consultation", _("Public consultation or hearing")
        PANEL = "panel", _("Citizens' panel or jury")
        FORUM = "forum", _("Community forum or dialogue")
        ADVISORY = "advisory", _("Advisory group")
        OTHER = "other", _("Other")

    class LegalBasis(models.TextChoices):
        CONSTITUTION = "constitution", _("Constitution")
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree or regulation")
        POLICY = "policy", _("Policy or strategy")
        GUIDELINE = "guideline", _("Guideline")
        NONE = "none", _("None")

    class Outcome(models.TextChoices):
        ADVISORY = "advisory", _("Advisory")
        BINDING = "binding", _("Binding")

    class Spectrum(models.TextChoices):
        INFORM = "inform", _("Inform")
        CONSULT = "consult", _("Consult")
        INVOLVE = "involve", _("Involve")
        COLLABORATE = "collaborate", _("Collaborate")
        EMPOWER = "empower", _("Empower")

    class Selection(models.TextChoices):
        OPEN = "open", _("Open to all")
        OUTREACH = "outreach", _("Open, with targeted outreach")
        ELECTION = "election", _("Election by constituencies")
        APPOINTMENT = "appointment", _("Appointment")
        RANDOM = "random", _("Random selection")

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        TWICE_YEARLY = "twice_yearly", _("Twice a year")
        YEARLY = "yearly", _("Once a year")
        IRREGULAR = "irregular", _("Irregularly")

    # Fields whose yes/no answers the gap analysis counts, in display order.
    STAGES = (
        "stage_priority_setting",
        "stage_planning",
        "stage_budgeting",
        "stage_implementation",
        "stage_monitoring",
        "stage_evaluation",
    )

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), max_length=5000, blank=True),
        meta={
            "indexes": [
                # The names of a record without reading its rows (and descriptions):
                # sorting the list by name looks two up per record (selectors).
                models.Index(
                    fields=["master", "language_code", "name"], name="mechanism_names_by_record"
                )
            ]
        },
    )
    original_language = models.CharField(
        _("language of the record"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="mechanisms", verbose_name=_("country")
    )
    subnational_area = models.CharField(_("subnational area"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    is_formal = models.BooleanField(_("formal"), null=True, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices, blank=True, db_index=True
    )
    legal_citation = models.CharField(_("legal citation"), max_length=300, blank=True)
    year_established = models.PositiveSmallIntegerField(
        _("year established"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    host_institution = models.CharField(
        _("host or convening institution"), max_length=200, blank=True
    )

    stage_priority_setting = models.BooleanField(_("priority setting"), null=True, blank=True)
    stage_planning = models.BooleanField(_("planning"), null=True, blank=True)
    stage_budgeting = models.BooleanField(_("budgeting"), null=True, blank=True)
    stage_implementation = models.BooleanField(_("implementation"), null=True, blank=True)
    stage_monitoring = models.BooleanField(_("monitoring"), null=True, blank=True)
    stage_evaluation = models.BooleanField(_("evaluation"), null=True, blank=True)

    outcome = models.CharField(
        _("outcomes are"), max_length=10, choices=Outcome.choices, blank=True
    )
    co_governs = models.BooleanField(
        _("co-governs (manages resources or services)"), null=True, blank=True
    )
    spectrum = models.CharField(
        _("level of participation"), max_length=12, choices=Spectrum.choices, blank=True
    )
    selection = models.CharField(
        _("how members are selected"), max_length=12, choices=Selection.choices, blank=True
    )
    community_majority = models.BooleanField(
        _("community members are a majority"), null=True, blank=True
    )

    seats_government = models.PositiveSmallIntegerField(
        _("government seats"), null=True, blank=True
    )
    seats_civil_society = models.PositiveSmallIntegerField(
        _("civil society seats"), null=True, blank=True
    )
    seats_community = models.PositiveSmallIntegerField(
        _("community member seats"), null=True, blank=True
    )
    seats_health_workers = models.PositiveSmallIntegerField(
        _("health worker seats"), null=True, blank=True
    )
    seats_academia = models.PositiveSmallIntegerField(_("academia seats"), null=True, blank=True)
    seats_private = models.PositiveSmallIntegerField(
        _("private sector seats"), null=True, blank=True
    )
    constituencies = models.ManyToManyField(
        Constituency,
        blank=True,
        related_name="mechanisms",
        verbose_name=_("constituencies represented"),
    )

    meeting_frequency = models.CharField(
        _("meeting frequency"), max_length=12, choices=Frequency.choices, blank=True
    )
    last_meeting = models.DateField(_("date of the last meeting"), null=True, blank=True)

    has_budget = models.BooleanField(_("dedicated budget"), null=True, blank=True)
    has_secretariat = models.BooleanField(_("executive secretariat"), null=True, blank=True)
    has_office = models.BooleanField(_("own office space"), null=True, blank=True)
    has_allowances = models.BooleanField(
        _("allowances or reimbursement for community members"), null=True, blank=True
    )
    publishes_agendas = models.BooleanField(_("publishes agendas"), null=True, blank=True)
    publishes_minutes = models.BooleanField(_("publishes minutes"), null=True, blank=True)
    publishes_decisions = models.BooleanField(_("publishes decisions"), null=True, blank=True)
    gives_feedback = models.BooleanField(
        _("tells participants what was done with their input"), null=True, blank=True
    )
    offers_capacity_building = models.BooleanField(
        _("offers capacity building"), null=True, blank=True
    )

    # The latest assessment's scores, copied by the service so that the gap
    # views average one row per mechanism without a subquery per row.
    latest_assessment = models.ForeignKey(
        "Assessment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score_legal = models.PositiveSmallIntegerField(null=True, blank=True)
    score_inclusion = models.PositiveSmallIntegerField(null=True, blank=True)
    score_influence = models.PositiveSmallIntegerField(null=True, blank=True)
    score_capacity = models.PositiveSmallIntegerField(null=True, blank=True)
    score_accountability = models.PositiveSmallIntegerField(null=True, blank=True)
    score_resources = models.PositiveSmallIntegerField(null=True, blank=True)

    is_verified = models.BooleanField(_("verified"), default=False, db_index=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mechanisms",
        verbose_name=_("recorded by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = HideableQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("participation mechanism")
        verbose_name_plural = _("participation mechanisms")
        indexes = [
            models.Index(fields=["country", "kind"]),
            models.Index(fields=["country", "level"]),
            # A country's list, newest first, and its count, read from the index
            # alone (bench/mechanisms_list.py: 10 000 records of one country). Not
            # a partial index: SQLite would scan one for every "not hidden" query.
            models.Index(
                fields=["country", "hidden_at", "updated_at", "id"],
                name="mechanism_country_list",
            ),
        ]

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("mechanisms:detail", args=[self.pk])

    @property
    def has_legal_basis(self) -> bool | None:
        if not self.legal_basis:
            return None
        return self.legal_basis != self.LegalBasis.NONE


class Source(models.Model):
    """Where a claim about a mechanism comes from: a link or a document."""

    mechanism = models.ForeignKey(Mechanism, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    document = models.FileField(_("document"), upload_to="mechanisms/sources/", blank=True)
    note = models.CharField(_("what it supports"), max_length=300, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class Assessment(models.Model):
    """An organisation's judgement of how well a mechanism works, on six dimensions (0–3)."""

    DIMENSIONS = ("legal", "inclusion", "influence", "capacity", "accountability", "resources")

    mechanism = models.ForeignKey(Mechanism, on_delete=models.CASCADE, related_name="assessments")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("assessing organisation"),
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_on = models.DateField(_("date of the assessment"), default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)

    legal = models.PositiveSmallIntegerField(
        _("legal foundation"), validators=[MaxValueValidator(3)]
    )
    inclusion = models.PositiveSmallIntegerField(
        _("inclusive representation"), validators=[MaxValueValidator(3)]
    )
    influence = models.PositiveSmallIntegerField(
        _("interaction and influence on decisions"), validators=[MaxValueValidator(3)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity building"), validators=[MaxValueValidator(3)]
    )
    accountability = models.PositiveSmallIntegerField(
        _("accountability and transparency"), validators=[MaxValueValidator(3)]
    )
    resources = models.PositiveSmallIntegerField(
        _("resources and independence"), validators=[MaxValueValidator(3)]
    )
    evidence = models.JSONField(_("evidence per dimension"), default=dict, blank=True)
    note = models.TextField(_("note"), max_length=5000, blank=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(legal__lte=3)
                & models.Q(inclusion__lte=3)
                & models.Q(influence__lte=3)
                & models.Q(capacity__lte=3)
                & models.Q(accountability__lte=3)
                & models.Q(resources__lte=3),
                name="assessment_scores_0_to_3",
            )
        ]

    def __str__(self) -> str:
        return f"{self.mechanism} – {self.organisation} ({self.assessed_on})"

    def scores(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.DIMENSIONS}

    @property
    def total(self) -> int:
        return sum(self.scores().values())


class CaseStudy(TranslatableModel):
    """What a mechanism teaches: what worked, the challenges, and the sources."""

    mechanism = models.ForeignKey(
        Mechanism, on_delete=models.CASCADE, related_name="case_studies", null=True, blank=True
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="case_studies")
    slug = models.SlugField(max_length=80, unique=True)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        summary=models.TextField(_("summary"), max_length=3000),
        what_worked=models.TextField(_("what worked"), max_length=5000, blank=True),
        challenges=models.TextField(_("challenges"), max_length=5000, blank=True),
    )
    original_language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    sources = models.JSONField(_("sources"), default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("mechanisms:case_study", args=[self.slug])
