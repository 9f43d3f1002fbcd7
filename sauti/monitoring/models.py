"""Community-led monitoring: projects, their sites and teams, XLSForms, and what phones send.

An organisation runs a monitoring *project* (what is monitored, where, over
which period) with a team of monitors. Its *forms* are XLSForms as the field
writes them; each upload that converts becomes a new *form version* (the XForm
XML served to ODK Collect and Enketo through OpenRosa), and a new version never
breaks submissions of an older one: a *submission* keeps the version it was
filled in. Submissions are idempotent on the form's ``meta/instanceID``; an edit
(``deprecatedID``) keeps the submission it replaces. Collectors authenticate with
per-monitor tokens that can be revoked.

Public figures never come from this module directly: dashboards read
aggregates that apply disclosure control (a cell under ``min_group_size``
respondents is suppressed, never fewer than five).
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sauti.accounts.models import Organisation
from sauti.core.models import Country, Hideable, HideableQuerySet
from sauti.core.privacy import MINIMUM_THRESHOLD as SMALLEST_GROUP  # never below 5
from sauti.core.privacy import disclosure_threshold


class Project(Hideable, models.Model):
    """A monitoring programme of one organisation (or coalition)."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="monitoring_projects",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what is monitored"), max_length=5000, blank=True)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="monitoring_projects", verbose_name=_("countries")
    )
    starts_on = models.DateField(_("start of the period"), null=True, blank=True)
    ends_on = models.DateField(_("end of the period"), null=True, blank=True)
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group published"),
        default=10,
        validators=[MinValueValidator(SMALLEST_GROUP), MaxValueValidator(1000)],
        help_text=_(
            "Public figures built from fewer respondents than this are hidden (never below 5)."
        ),
    )
    is_published = models.BooleanField(
        _("public dashboard"),
        default=False,
        help_text=_("Anyone may see the public indicators, after disclosure control."),
    )
    published_at = models.DateTimeField(null=True, blank=True)
    public_coordinate_decimals = models.PositiveSmallIntegerField(
        _("precision of public coordinates"),
        choices=[(0, _("about 100 km")), (1, _("about 10 km")), (2, _("about 1 km"))],
        default=1,
        help_text=_("Coordinates shown to the public are rounded to this precision."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = HideableQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("monitoring project")
        verbose_name_plural = _("monitoring projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_group_size__gte=SMALLEST_GROUP),
                name="monitoring_group_never_below_five",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:project", args=[self.pk])

    @property
    def k(self) -> int:
        """The smallest group any figure may rest on: the project's own setting, or the
        operator's platform-wide threshold (``SAUTI_DISCLOSURE_THRESHOLD``) if higher."""
        return max(self.min_group_size, disclosure_threshold())


class TeamMember(models.Model):
    """A person's role in one project (independent of their role in the organisation)."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        MONITOR = "monitor", _("Monitor")
        ANALYST = "analyst", _("Analyst")
        VIEWER = "viewer", _("Viewer")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitoring_roles"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_role_per_project")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Site(models.Model):
    """A health facility or a community the project monitors."""

    class Kind(models.TextChoices):
        FACILITY = "facility", _("Health facility")
        COMMUNITY = "community", _("Community")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sites")
    code = models.CharField(_("code"), max_length=60, blank=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.FACILITY)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    area = models.CharField(_("area"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "code"],
                condition=~models.Q(code=""),
                name="one_site_per_code_per_project",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Form(models.Model):
    """A questionnaire of the project, known to phones by its ``form_id``."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="forms")
    form_id = models.CharField(_("form ID"), max_length=100)
    title = models.CharField(_("title"), max_length=200)
    is_open = models.BooleanField(_("accepting submissions"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "form_id"], name="one_form_id_per_project")
        ]

    def __str__(self) -> str:
        return self.title


class FormVersion(models.Model):
    """One converted upload of an XLSForm: the XForm phones download, kept for ever."""

    class Validation(models.TextChoices):
        PASSED = "passed", _("Checked by ODK Validate")
        NOT_RUN = "not_run", _("Not checked (ODK Validate could not run)")

    form = models.ForeignKey(Form, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(_("version"), max_length=100)
    xlsform = models.FileField(_("XLSForm"), upload_to="monitoring/xlsforms/")
    xml = models.TextField()
    md5 = models.CharField(max_length=40)  # "md5:" + 32 hex, as formList shows it
    validation = models.CharField(max_length=10, choices=Validation.choices)
    warnings = models.JSONField(default=list, blank=True)
    is_current = models.BooleanField(default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["form", "version"], name="one_upload_per_version"),
            models.UniqueConstraint(
                fields=["form"], condition=models.Q(is_current=True), name="one_current_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form.form_id} {self.version}"


class CollectorToken(models.Model):
    """A monitor's secret for OpenRosa URLs (``/collect/<token>/formList``), revocable."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tokens")
    member = models.ForeignKey(TeamMember, on_delete=models.CASCADE, related_name="tokens")
    key = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    label = models.CharField(_("label"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.label or f"token {self.pk}"


class Submission(models.Model):
    """One filled form, as the phone sent it, with its review status."""

    class Status(models.TextChoices):
        NEW = "new", _("To review")
        APPROVED = "approved", _("Approved")
        FLAGGED = "flagged", _("Flagged")
        REJECTED = "rejected", _("Rejected")

    class Source(models.TextChoices):
        OPENROSA = "openrosa", _("Phone (OpenRosa)")
        WEB = "web", _("Web form")
        IMPORT = "import", _("Imported file")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="submissions")
    form_version = models.ForeignKey(
        FormVersion, on_delete=models.PROTECT, related_name="submissions"
    )
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    instance_id = models.CharField(max_length=100)  # meta/instanceID, "uuid:…"
    xml = models.TextField()
    xml_sha256 = models.CharField(max_length=64)
    # Answers flattened by path ("group/question": value) for filters and indicators.
    data = models.JSONField(default=dict)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    is_current = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    review_note = models.TextField(blank=True)
    complete = models.BooleanField(default=True)  # all announced attachments received
    submitted_by = models.ForeignKey(
        TeamMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    device_id = models.CharField(max_length=100, blank=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    collected_on = models.DateField(null=True, blank=True)
    # First day of the quarter the submission counts in (collected_on, else received_at):
    # the grain of the pre-aggregated indicator cells. Set by save() and by bulk writers.
    quarter = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.OPENROSA)

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "instance_id"], name="one_submission_per_instance"
            )
        ]
        indexes = [
            models.Index(fields=["project", "status", "received_at"], name="submission_review"),
            models.Index(fields=["form_version", "site", "quarter"], name="submission_cell"),
        ]

    def __str__(self) -> str:
        return self.instance_id

    def save(self, *args, **kwargs) -> None:
        self.quarter = quarter_start(self.collected_on or timezone.localdate(self.received_at))
        if kwargs.get("update_fields") is not None and "collected_on" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "quarter"}
        super().save(*args, **kwargs)

    @property
    def counts_in_figures(self) -> bool:
        """Approved and not replaced by an edit: the only submissions indicators count."""
        return self.is_current and self.status == self.Status.APPROVED


def quarter_start(day: date) -> date:
    """The first day of the calendar quarter ``day`` falls in."""
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


class Attachment(models.Model):
    """A photo or recording sent with a submission (type and size checked on arrival)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(max_length=255)
    file = models.FileField(upload_to="monitoring/attachments/")
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "name"], name="one_attachment_per_name")
        ]

    def __str__(self) -> str:
        return self.name


class BarrierReport(models.Model):
    """A barrier to care someone faced, reported on the public channel (anonymously if wished).

    No IP address and no account are kept; a precise place only if the reporter
    gives one. The reporter follows up with a private code shown once: only its
    hash is stored, so a database leak does not let anyone read the follow-up.
    """

    class Barrier(models.TextChoices):
        INFORMAL_PAYMENT = "informal_payment", _("Asked for an informal payment")
        STOCK_OUT = "stock_out", _("Medicine or supplies out of stock")
        REFUSED = "refused", _("Care refused")
        DELAYED = "delayed", _("Care delayed")
        DISCRIMINATION = "discrimination", _("Discrimination")
        DISRESPECT = "disrespect", _("Disrespect or abuse")
        COST = "cost", _("Cost")
        DISTANCE = "distance", _("Distance")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("barrier report status", "Received")
        TRIAGED = "triaged", _("Being looked at")
        REFERRED = "referred", _("Referred")
        CLOSED = "closed", _("Closed")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="barriers")
    barrier = models.CharField(_("what happened"), max_length=20, choices=Barrier.choices)
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="barriers"
    )
    place = models.CharField(_("facility or place"), max_length=200, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    area = models.CharField(_("area"), max_length=200, blank=True)
    happened_on = models.DateField(_("when"), null=True, blank=True)
    description = models.TextField(_("what you want to tell"), max_length=5000, blank=True)
    contact = models.CharField(_("how to reach you (optional)"), max_length=200, blank=True)
    follow_up_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    outcome = models.TextField(_("outcome"), max_length=5000, blank=True)
    outcome_public = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_barrier_display()} ({self.created_at:%Y-%m-%d})"


class Indicator(models.Model):
    """A figure computed over one form's approved submissions, by site, area or quarter.

    ``field`` is a path in :attr:`Submission.data` (``"group/question"``). A
    *count* counts submissions (those answering ``field``, if one is given); a
    *share* is the part of those answering ``field`` whose answer is ``value``;
    a *mean* averages the numeric answers to ``field``. Figures are computed on
    demand (``sauti.monitoring.indicators``) and always pass disclosure control.
    """

    class Kind(models.TextChoices):
        COUNT = "count", _("Count")
        SHARE = "share", _("Share")
        MEAN = "mean", _("Mean")

    class GroupBy(models.TextChoices):
        SITE = "site", _("By site")
        AREA = "area", _("By area")
        QUARTER = "quarter", _("By quarter")

    class TargetDirection(models.TextChoices):
        AT_LEAST = "at_least", _("at least the target")
        AT_MOST = "at_most", _("at most the target")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    form = models.ForeignKey(Form, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    field = models.CharField(_("question path"), max_length=200, blank=True)
    value = models.CharField(_("answer counted in the share"), max_length=200, blank=True)
    group_by = models.CharField(
        _("grouped"), max_length=10, choices=GroupBy.choices, default=GroupBy.SITE
    )
    target = models.DecimalField(
        _("target"),
        max_digits=12,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("For a share, a percentage (80 means 80%)."),
    )
    target_direction = models.CharField(
        _("the target is met when the figure is"),
        max_length=8,
        choices=TargetDirection.choices,
        default=TargetDirection.AT_LEAST,
    )
    is_public = models.BooleanField(
        _("on the public dashboard"),
        default=False,
        help_text=_("Shown to the public once the project's dashboard is published."),
    )
    scorecard_indicator = models.ForeignKey(
        "commitments.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring_indicators",
        verbose_name=_("feeds the scorecard indicator"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # When the pre-aggregated cells were last rebuilt in full (None: never, or being rebuilt).
    cells_built_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["order", "title", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.kind in (self.Kind.SHARE, self.Kind.MEAN) and not self.field.strip():
            errors["field"] = _("A share or a mean needs the question it is computed over.")
        if self.kind == self.Kind.SHARE and not self.value.strip():
            errors["value"] = _("A share needs the answer it counts.")
        if self.form_id and self.project_id and self.form.project_id != self.project_id:
            errors["form"] = _("The form belongs to another project.")
        spatial = {self.GroupBy.SITE, self.GroupBy.AREA}
        if self.is_public and self.group_by in spatial and self.project_id:
            other = (spatial - {self.group_by}).pop()
            mixed = self.project.indicators.filter(is_public=True, group_by=other)
            if mixed.exclude(pk=self.pk).exists():
                errors["group_by"] = _(
                    "Public indicators of a project are all by site or all by area: an area "
                    "is the sum of its sites, so showing both would let readers work out a "
                    "site's hidden figure."
                )
        if errors:
            raise ValidationError(errors)


class IndicatorCell(models.Model):
    """The running figures of one indicator for one site (0: none) and one quarter.

    Cells are the finest grain every dashboard groups from (site, area, quarter,
    total), so a dashboard of a million submissions reads a few thousand rows.
    They hold raw counts and are never public themselves: disclosure control
    runs over the groups built from them, at read time. A cell is recomputed
    from its submissions whenever one of them enters or leaves the approved
    current set (``sauti.monitoring.aggregates``), so it is never stale.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="cells")
    site_key = models.PositiveIntegerField()  # Site.pk, or 0 for submissions without a site
    quarter = models.DateField()
    n = models.PositiveIntegerField(default=0)  # respondents counted (the denominator)
    hits = models.PositiveIntegerField(default=0)  # for a share: answers equal to the value
    total = models.FloatField(default=0)  # for a mean: sum of the numeric answers

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "site_key", "quarter"], name="one_cell_per_site_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.site_key}/{self.quarter:%Y-%m}: {self.n}"


class PublicText(models.Model):
    """A free-text answer or barrier account a reviewer approved, word for word, for the public.

    Free text is never published on its own: each item is copied here by a
    reviewer, who may shorten or redact it first. Deleting the row unpublishes it.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="public_texts")
    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="public_texts"
    )
    barrier = models.ForeignKey(
        BarrierReport, null=True, blank=True, on_delete=models.CASCADE, related_name="public_texts"
    )
    field = models.CharField(max_length=200, blank=True)  # question path in Submission.data
    text = models.TextField(_("text as published"), max_length=2000)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-approved_at", "-id"]
        verbose_name = _("published text")
        verbose_name_plural = _("published texts")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "field"],
                condition=models.Q(submission__isnull=False),
                name="one_public_text_per_answer",
            ),
            models.UniqueConstraint(
                fields=["barrier"],
                condition=models.Q(barrier__isnull=False),
                name="one_public_text_per_barrier",
            ),
            models.CheckConstraint(
                condition=models.Q(submission__isnull=False, barrier__isnull=True)
                | models.Q(submission__isnull=True, barrier__isnull=False),
                name="public_text_has_one_source",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]
