"""Downloads of a form's submissions for the team: CSV, XLSX, GeoJSON.

Thin: who may (``monitoring.export_submissions``: coordinators and analysts;
someone who cannot see the project gets a 404, a team member without the
right role a 403), the file from :mod:`.exports`, an audit entry, and a
download no cache keeps. The public never gets these: public figures are the
suppressed aggregates of the dashboards.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from sauti.core.models import MAX_ID
from sauti.core.services import log_action

from . import exports
from .models import Form

PERMISSION = "monitoring.export_submissions"


def _form_for(request: HttpRequest, pk: int, form_pk: int) -> Form:
    if not (1 <= pk <= MAX_ID and 1 <= form_pk <= MAX_ID):
        raise Http404
    form = get_object_or_404(
        Form.objects.select_related("project__organisation"), pk=form_pk, project_id=pk
    )
    if not request.user.has_perm("monitoring.view_project", form.project):
        raise Http404
    if not request.user.has_perm(PERMISSION, form.project):
        raise PermissionDenied
    return form


def _download(request: HttpRequest, pk: int, form_pk: int, extension: str) -> HttpResponse:
    form = _form_for(request, pk, form_pk)
    builders = {
        "csv": exports.submissions_csv,
        "xlsx": exports.submissions_xlsx,
        "geojson": exports.submissions_geojson,
    }
    content = builders[extension](form)
    log_action(
        "monitoring.export_submissions",
        acting_user=request.user,
        target=form,
        data={"format": extension, "project": form.project_id},
    )
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[extension])
    name = exports.filename(form, extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


@login_required
def submissions_csv(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    return _download(request, pk, form_pk, "csv")


@login_required
def submissions_xlsx(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    return _download(request, pk, form_pk, "xlsx")


@login_required
def submissions_geojson(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    return _download(request, pk, form_pk, "geojson")
