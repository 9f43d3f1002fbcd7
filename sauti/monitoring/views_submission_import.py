"""Importing a form's submissions from a KoboToolbox or ODK Central export.

Two steps, like the sites import: the upload is checked in full and either its
problems are shown (nothing kept) or it is kept in a private file and a preview
asks for confirmation; confirming checks the kept file again (Sauti may have
received some of those submissions meanwhile) and writes it. Only coordinators
import: the rows enter as their submissions, through the same door as phones.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sauti.core.models import MAX_ID

from . import services_projects
from . import submission_import as importer
from .forms_submission_import import SubmissionImportForm
from .models import Form, Project, TeamMember
from .views_projects import project_for

PERMISSION = "monitoring.review_submissions"


def _form_for(request: HttpRequest, pk: int, form_pk: int) -> tuple[Project, Form]:
    project = project_for(request, pk, PERMISSION)
    if not 1 <= form_pk <= MAX_ID:
        raise Http404
    return project, get_object_or_404(Form, project=project, pk=form_pk)


def _member(project: Project, user: Any) -> TeamMember:
    """The importer's place on the team: the rows are stored as submitted by them."""
    member = TeamMember.objects.filter(
        project=project, user=user, role=TeamMember.Role.COORDINATOR
    ).first()
    if member is None:
        raise PermissionDenied
    return member


def _session_key(form: Form) -> str:
    return f"monitoring_submission_import_{form.pk}"


def _forget(request: HttpRequest, form: Form, token: str) -> None:
    services_projects.forget_upload(token)
    request.session.pop(_session_key(form), None)


def _check_kept(form: Form, token: str) -> importer.SubmissionImport | None:
    path = services_projects.kept_upload_path(token)
    if path is None:
        return None
    with path.open("rb") as handle:
        return importer.check_submissions(form, handle)


def _page(
    request: HttpRequest,
    project: Project,
    form: Form,
    upload_form: SubmissionImportForm,
    result: importer.SubmissionImport | None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "monitoring/submission_import/upload.html",
        {
            "project": project,
            "form": form,
            "upload_form": upload_form,
            "result": result,
            "metadata_columns": importer.METADATA_COLUMNS,
        },
        status=status,
    )


@login_required
def submission_import(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    """Upload an export: see every problem (nothing kept), or go on to the confirm page."""
    project, form = _form_for(request, pk, form_pk)
    upload_form = SubmissionImportForm(request.POST or None, request.FILES or None)
    checked = None
    if request.method == "POST" and upload_form.is_valid():
        upload = upload_form.cleaned_data["file"]
        checked = importer.check_submissions(form, upload)
        if checked.ok:
            previous = request.session.get(_session_key(form))
            if previous:
                services_projects.forget_upload(previous.get("token", ""))
            request.session[_session_key(form)] = {
                "token": services_projects.keep_upload(upload),
                "filename": upload.name or "",
            }
            return redirect("monitoring:submission_import_confirm", pk=project.pk, form_pk=form.pk)
        if not checked.problem_count:
            upload_form.add_error("file", _("The file has no submission to import."))
            checked = None
    status = 400 if upload_form.errors or checked is not None else 200
    return _page(request, project, form, upload_form, checked, status)


@login_required
def submission_import_confirm(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    """Show what the kept file will add and skip; on POST, check it again and write it."""
    project, form = _form_for(request, pk, form_pk)
    pending = request.session.get(_session_key(form)) or {}
    token = pending.get("token", "")
    if request.method == "POST" and "cancel" in request.POST:
        _forget(request, form, token)
        return redirect("monitoring:submission_import", pk=project.pk, form_pk=form.pk)
    checked = _check_kept(form, token)
    if checked is None:
        request.session.pop(_session_key(form), None)
        messages.error(request, _("There is no file waiting to be imported: upload it again."))
        return redirect("monitoring:submission_import", pk=project.pk, form_pk=form.pk)
    if not checked.ok:
        # Sauti changed since the check (a conflicting submission arrived): keep nothing.
        _forget(request, form, token)
        return _page(request, project, form, SubmissionImportForm(), checked, status=400)
    if request.method == "POST":
        try:
            created, skipped = importer.write_submissions(
                form, checked, member=_member(project, request.user), acting_user=request.user
            )
        except importer.ImportFailed as failure:
            _forget(request, form, token)
            messages.error(
                request,
                ngettext(
                    "The import stopped at row %(row)s (%(reason)s). %(created)s submission "
                    "was stored before it; importing the file again skips it.",
                    "The import stopped at row %(row)s (%(reason)s). %(created)s submissions "
                    "were stored before it; importing the file again skips them.",
                    failure.created,
                )
                % {
                    "row": failure.row,
                    "reason": str(failure.message).rstrip(". "),
                    "created": failure.created,
                },
            )
            return redirect("monitoring:submission_import", pk=project.pk, form_pk=form.pk)
        _forget(request, form, token)
        messages.success(
            request,
            ngettext(
                "Import done: %(created)s submission added, %(skipped)s already in Sauti. "
                "New submissions wait for review.",
                "Import done: %(created)s submissions added, %(skipped)s already in Sauti. "
                "New submissions wait for review.",
                created,
            )
            % {"created": created, "skipped": skipped},
        )
        return redirect("monitoring:submissions", pk=project.pk)
    return render(
        request,
        "monitoring/submission_import/confirm.html",
        {
            "project": project,
            "form": form,
            "result": checked,
            "filename": pending.get("filename", ""),
            "preview": checked.rows[: importer.PREVIEW_ROWS],
        },
    )
