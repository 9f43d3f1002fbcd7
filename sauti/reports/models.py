"""Shadow reports: a coalition's own account of what a government did on its commitments.

A report is assembled from what Sauti already holds for a country and cycle
(the commitments table, the mechanism gap figures, community scorecards,
chosen case studies and every source cited) around the coalition's own words
(title, foreword, recommendations), in one of the seven languages, and
generated in the background as DOCX and PDF. The generated files are the
coalition's until it marks the report public.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Organisation
from sauti.commitments.models import Cycle
from sauti.core.models import Country
from sauti.mechanisms.models import CaseStudy


def _generated_name(instance: ShadowReport, filename: str) -> str:
    """A random name under ``reports/``: the address of a file says nothing of its content,
    and cannot be guessed; the download view gives it a readable name."""
    suffix = filename.rsplit(".", 1)[-1].lower()
    return f"reports/{secrets.token_hex(16)}.{suffix}"


class ShadowReport(models.Model):
    """One shadow report of a coalition on a country and reporting cycle."""

    class State(models.TextChoices):
        NEW = "new", _("Not generated yet")
        QUEUED = "queued", _("Waiting to be generated")
        RUNNING = "running", _("Being generated")
        DONE = "done", _("Generated")
        FAILED = "failed", _("Generation failed")

    coalition = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="shadow_reports",
        verbose_name=_("coalition"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    cycle = models.ForeignKey(
        Cycle, on_delete=models.PROTECT, related_name="shadow_reports", verbose_name=_("cycle")
    )
    language = models.CharField(
        _("language of the report"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    title = models.CharField(_("title"), max_length=200)
    foreword = models.TextField(_("foreword"), max_length=10_000, blank=True)
    recommendations = models.TextField(_("recommendations"), max_length=20_000, blank=True)
    case_studies = models.ManyToManyField(
        CaseStudy, blank=True, related_name="shadow_reports", verbose_name=_("case studies")
    )
    include_scorecards = models.BooleanField(_("include community scorecards"), default=True)
    is_public = models.BooleanField(_("public"), default=False)

    state = models.CharField(
        _("generation"), max_length=10, choices=State.choices, default=State.NEW
    )
    progress = models.PositiveSmallIntegerField(_("progress (percent)"), default=0)
    error = models.TextField(_("why generation failed"), blank=True)

    class PdfProblem(models.TextChoices):
        LIBRARIES = "libraries", _("WeasyPrint's system libraries are missing")
        FONTS = "fonts", _("Fonts are missing")
        FAILED = "failed", _("WeasyPrint failed")

    pdf_problem = models.CharField(
        _("why there is no PDF"), max_length=10, choices=PdfProblem.choices, blank=True
    )
    pdf_error = models.TextField(_("details of the PDF problem"), blank=True)
    state_changed_at = models.DateTimeField(default=timezone.now)
    generated_at = models.DateTimeField(_("generated"), null=True, blank=True)
    docx = models.FileField(_("DOCX"), upload_to=_generated_name, blank=True, max_length=200)
    pdf = models.FileField(_("PDF"), upload_to=_generated_name, blank=True, max_length=200)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("shadow report")
        verbose_name_plural = _("shadow reports")
        indexes = [models.Index(fields=["coalition", "updated_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="report_progress_percent"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @property
    def is_working(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def has_files(self) -> bool:
        return bool(self.docx)

    @property
    def is_published(self) -> bool:
        """Whether everyone may read it: marked public, generated, coalition not hidden."""
        return self.is_public and self.has_files and not self.coalition.is_hidden
