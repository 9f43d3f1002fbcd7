"""A project's forms: the list, the XLSForm upload, each form's versions and downloads.

Uploading converts the workbook at once; its problems come back on the same page
as a table (sheet, row, what is wrong) and nothing is stored. A stored upload
becomes the form's current version; the previous ones stay, downloadable.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.core.models import MAX_ID
from sauti.core.uploads import download_response

from . import services_forms, webform
from .forms_forms import XLSFormUploadForm, max_bytes
from .models import Form, FormVersion, Project
from .views_projects import project_for
from .xlsform import XLSFormError

#: Room for the multipart envelope and the CSRF token around the file itself.
BODY_MARGIN = 64 * 1024


def _form_for(project: Project, form_pk: int) -> Form:
    if not 1 <= form_pk <= MAX_ID:
        raise Http404
    return get_object_or_404(Form, project=project, pk=form_pk)


def _version_for(form: Form, version_pk: int) -> FormVersion:
    if not 1 <= version_pk <= MAX_ID:
        raise Http404
    return get_object_or_404(FormVersion, form=form, pk=version_pk)


@login_required
def form_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.view_project")
    return render(
        request,
        "monitoring/forms/list.html",
        {
            "project": project,
            "forms": services_forms.forms_of(project),
            "can_manage": request.user.has_perm("monitoring.manage_forms", project),
        },
    )


def _too_large(request: HttpRequest) -> str:
    """Refuse a body far over the limit from its announced length, before reading it."""
    if request.method != "POST":
        return ""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    limit = max_bytes()
    if length <= limit + BODY_MARGIN:
        return ""
    return _("The file is %(size)s; the largest form accepted is %(limit)s.") % {
        "size": filesizeformat(length),
        "limit": filesizeformat(limit),
    }


@login_required
def form_upload(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_forms")
    problems = None
    too_large = _too_large(request)
    if request.method == "POST" and not too_large:
        upload_form = XLSFormUploadForm(request.POST, request.FILES)
    else:
        upload_form = XLSFormUploadForm()
    if upload_form.is_bound and upload_form.is_valid():
        data, filename = upload_form.data_and_name()
        try:
            upload = services_forms.upload_form(
                project, data=data, filename=filename, acting_user=request.user
            )
        except XLSFormError as error:
            problems = error.problems
        except services_forms.VersionExists as error:
            upload_form.add_error("file", str(error))
        else:
            if upload.created_form:
                messages.success(
                    request,
                    _("The form “%(title)s” is added, version %(version)s.")
                    % {"title": upload.form.title, "version": upload.version.version},
                )
            else:
                messages.success(
                    request,
                    _(
                        "Version %(version)s of “%(title)s” is now the current one; "
                        "phones get it when they next update their forms."
                    )
                    % {"title": upload.form.title, "version": upload.version.version},
                )
            return redirect("monitoring:form", pk=project.pk, form_pk=upload.form.pk)
    return render(
        request,
        "monitoring/forms/upload.html",
        {
            "project": project,
            "upload_form": upload_form,
            "problems": problems,
            "too_large": too_large,
            "errors": [p for p in problems or [] if p.level == "error"],
        },
    )


@login_required
def form_detail(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_forms")
    form = _form_for(project, form_pk)
    versions = list(services_forms.versions_of(form))
    current = next((v for v in versions if v.is_current), None)
    return render(
        request,
        "monitoring/forms/detail.html",
        {
            "project": project,
            "form": form,
            "versions": versions,
            "current": current,
            "webform_problems": webform.problems_of(current.xml) if current else [],
        },
    )


@login_required
@require_POST
def form_state(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    """Close a form to submissions, or reopen it (``open=1``)."""
    project = project_for(request, pk, "monitoring.manage_forms")
    form = _form_for(project, form_pk)
    is_open = request.POST.get("open") == "1"
    services_forms.set_form_open(form, is_open=is_open, acting_user=request.user)
    if is_open:
        messages.success(request, _("The form accepts submissions again."))
    else:
        messages.success(
            request,
            _("The form is closed: phones no longer get it and its submissions are refused."),
        )
    return redirect("monitoring:form", pk=project.pk, form_pk=form.pk)


@login_required
def form_xlsform(request: HttpRequest, pk: int, form_pk: int, version_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_forms")
    version = _version_for(_form_for(project, form_pk), version_pk)
    return download_response(
        version.xlsform,
        filename=f"{version.form.form_id}-{version.version}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
def form_xml(request: HttpRequest, pk: int, form_pk: int, version_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_forms")
    version = _version_for(_form_for(project, form_pk), version_pk)
    response = HttpResponse(version.xml, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_safe(version.form.form_id)}-{_safe(version.version)}.xml"'
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)[:80]
