"""State changes of shadow reports: write, generate in the background, make public.

Generation runs as a task (:mod:`.tasks`) because a report with ten charts
takes seconds, longer than a proxy should wait; the report's page reloads
itself and shows the progress the task writes here. The DOCX is the report;
the PDF is made from the same content where WeasyPrint can run, and where it
cannot, the DOCX is kept and the page says why there is no PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.accounts.models import Organisation, User
from sauti.commitments.models import Cycle
from sauti.core.models import Country
from sauti.core.services import log_action
from sauti.mechanisms.models import CaseStudy

from . import content, docx, pdf
from .models import ShadowReport

logger = logging.getLogger(__name__)

# A generation that has said nothing for this long is taken for dead (a worker that
# stopped), and may be started again.
STALE_AFTER = timedelta(minutes=15)
FIELDS = ("country", "cycle", "language", "title", "foreword", "recommendations")


def _ensure_coalition(coalition: Organisation) -> None:
    if coalition.kind != Organisation.Kind.NETWORK:
        raise ValidationError(_("Shadow reports are written by networks and coalitions."))


@transaction.atomic
def create_report(
    *,
    coalition: Organisation,
    country: Country,
    cycle: Cycle,
    language: str,
    title: str,
    foreword: str = "",
    recommendations: str = "",
    case_studies: Iterable[CaseStudy] = (),
    include_scorecards: bool = True,
    acting_user: User,
) -> ShadowReport:
    """Start a coalition's shadow report (not generated yet)."""
    _ensure_coalition(coalition)
    report = ShadowReport.objects.create(
        coalition=coalition,
        country=country,
        cycle=cycle,
        language=language,
        title=title,
        foreword=foreword,
        recommendations=recommendations,
        include_scorecards=include_scorecards,
        created_by=acting_user,
    )
    report.case_studies.set(list(case_studies))
    log_action("reports.create", acting_user=acting_user, target=report)
    return report


@transaction.atomic
def update_report(report: ShadowReport, *, acting_user: User, **changes: Any) -> ShadowReport:
    """Change what a report says; the files already generated stay until the next generation."""
    case_studies = changes.pop("case_studies", None)
    changed = []
    for name, value in changes.items():
        if name not in (*FIELDS, "include_scorecards"):
            raise TypeError(f"update_report() cannot change {name}")
        if getattr(report, name) != value:
            setattr(report, name, value)
            changed.append(name)
    if case_studies is not None:
        wanted = {study.pk for study in case_studies}
        if wanted != set(report.case_studies.values_list("pk", flat=True)):
            report.case_studies.set(list(case_studies))
            changed.append("case_studies")
    report.updated_at = timezone.now()
    report.save()
    log_action("reports.change", acting_user=acting_user, target=report, data={"fields": changed})
    return report


def is_stale(report: ShadowReport) -> bool:
    return report.is_working and timezone.now() - report.state_changed_at > STALE_AFTER


def request_generation(report: ShadowReport, *, acting_user: User) -> bool:
    """Queue the generation of the DOCX and PDF. False when one is already under way."""
    from . import tasks

    with transaction.atomic():
        locked = ShadowReport.objects.select_for_update().get(pk=report.pk)
        if locked.is_working and not is_stale(locked):
            return False
        locked.state = ShadowReport.State.QUEUED
        locked.progress = 0
        locked.error = ""
        locked.state_changed_at = timezone.now()
        locked.save(update_fields=["state", "progress", "error", "state_changed_at"])
        log_action("reports.generate", acting_user=acting_user, target=locked)
    # Queued once the state is written, so that the worker finds it "queued".
    tasks.generate_report.enqueue(report.pk)
    report.refresh_from_db()
    return True


@transaction.atomic
def set_public(report: ShadowReport, *, public: bool, acting_user: User) -> ShadowReport:
    """Make a report's files readable by everyone, or by the coalition's members only."""
    if public and not report.has_files:
        raise ValidationError(_("Generate the report before you make it public."))
    if report.is_public != public:
        report.is_public = public
        report.save(update_fields=["is_public"])
        log_action(
            "reports.publish" if public else "reports.unpublish",
            acting_user=acting_user,
            target=report,
        )
    return report


# --- The work of the task ------------------------------------------------------------------
def _progress(report_id: int, percent: int, **fields: Any) -> None:
    ShadowReport.objects.filter(pk=report_id).update(
        progress=max(0, min(100, percent)), state_changed_at=timezone.now(), **fields
    )


def _replace(field: Any, data: bytes | None, extension: str) -> None:
    """Put ``data`` in a file field (or empty it), deleting the file it held."""
    old = field.name
    if data is None:
        field.name = ""
    else:
        field.save(f"report.{extension}", ContentFile(data), save=False)
    if old and old != field.name:
        field.storage.delete(old)


def generate(report_id: int) -> str:
    """Assemble a report and write its DOCX and PDF; returns the final state.

    Never raises for a report's own problems: they end as a "failed" state with
    the reason, so that the page can say it. The PDF alone failing keeps the DOCX.
    """
    report = (
        ShadowReport.objects.select_related("coalition", "country", "cycle")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        return "missing"
    _progress(report_id, 2, state=ShadowReport.State.RUNNING)
    try:
        assembled = content.assemble(report, progress=lambda p: _progress(report_id, p))
        document = docx.render(assembled)
        _progress(report_id, 75)
        try:
            printed: bytes | None = pdf.render(assembled)
            problem, detail = "", ""
        except pdf.PdfUnavailable as unavailable:
            logger.warning("Shadow report %s without PDF: %s", report_id, unavailable)
            printed, problem, detail = None, unavailable.reason, unavailable.detail
        _progress(report_id, 95)
        report.refresh_from_db()
        _replace(report.docx, document, "docx")
        _replace(report.pdf, printed, "pdf")
        report.pdf_problem = problem
        report.pdf_error = detail
        report.state = ShadowReport.State.DONE
        report.progress = 100
        report.error = ""
        report.generated_at = report.state_changed_at = timezone.now()
        report.save(
            update_fields=[
                "docx",
                "pdf",
                "pdf_problem",
                "pdf_error",
                "state",
                "progress",
                "error",
                "generated_at",
                "state_changed_at",
            ]
        )
    except Exception as error:
        logger.exception("Shadow report %s could not be generated", report_id)
        _progress(
            report_id,
            0,
            state=ShadowReport.State.FAILED,
            error=f"{type(error).__name__}: {error}"[:1000],
        )
        return ShadowReport.State.FAILED
    return ShadowReport.State.DONE
