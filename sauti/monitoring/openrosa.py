"""The OpenRosa 1.0 API, so that ODK Collect and Enketo-based clients work unchanged.

Every URL starts with a monitor's collector token (``/collect/<token>/…``): the
phone is configured once with that server address and needs no password. An
unknown or revoked token is a 403 (not a 401: a 401 would make Collect ask for
a password that does not exist). Every answer carries ``X-OpenRosa-Version:
1.0``. Submissions are idempotent on ``meta/instanceID`` (``services.ingest``).

Specifications: OpenRosa Form List API, Form Submission API (getodk.github.io).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .models import CollectorToken, FormVersion

OPENROSA_VERSION = "1.0"
XML = "text/xml; charset=utf-8"


def openrosa_response(body: str = "", status: int = 200) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=XML)
    response["X-OpenRosa-Version"] = OPENROSA_VERSION
    response["Date"] = http_date()
    return response


def message(text: str, status: int, nature: str = "") -> HttpResponse:
    """An ``OpenRosaResponse`` envelope: Collect shows its message to the monitor."""
    attribute = f' nature="{escape(nature)}"' if nature else ""
    return openrosa_response(
        '<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
        f"<message{attribute}>{escape(str(text))}</message></OpenRosaResponse>",
        status=status,
    )


def _token(key: str) -> CollectorToken:
    token = (
        CollectorToken.objects.select_related("project", "member", "member__user")
        .filter(key=key, revoked_at__isnull=True, project__hidden_at__isnull=True)
        .first()
    )
    if token is None:
        raise PermissionDenied
    CollectorToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


@require_http_methods(["GET", "HEAD"])
def form_list(request: HttpRequest, key: str) -> HttpResponse:
    """``formList``: the open forms' current versions; ``?formID=`` keeps one."""
    token = _token(key)
    versions = FormVersion.objects.filter(
        form__project=token.project, form__is_open=True, is_current=True
    ).select_related("form")
    wanted = request.GET.get("formID")
    if wanted:
        versions = versions.filter(form__form_id=wanted)
    items = []
    for version in versions.order_by("form__title", "form__id"):
        download = reverse("openrosa:form", args=[key, version.form.form_id, version.version])
        manifest = reverse("openrosa:manifest", args=[key, version.form.form_id, version.version])
        items.append(
            "<xform>"
            f"<formID>{escape(version.form.form_id)}</formID>"
            f"<name>{escape(version.form.title)}</name>"
            f"<version>{escape(version.version)}</version>"
            f"<hash>{escape(version.md5)}</hash>"
            f"<downloadUrl>{escape(_absolute(request, download))}</downloadUrl>"
            f"<manifestUrl>{escape(_absolute(request, manifest))}</manifestUrl>"
            "</xform>"
        )
    return openrosa_response(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<xforms xmlns="http://openrosa.org/xforms/xformsList">' + "".join(items) + "</xforms>"
    )


def _version(key: str, form_id: str, version: str) -> FormVersion:
    token = _token(key)
    return get_object_or_404(
        FormVersion.objects.select_related("form"),
        form__project=token.project,
        form__form_id=form_id,
        version=version,
    )


@require_http_methods(["GET", "HEAD"])
def form_download(request: HttpRequest, key: str, form_id: str, version: str) -> HttpResponse:
    """The XForm of one version (old versions stay downloadable for phones that hold them)."""
    return openrosa_response(_version(key, form_id, version).xml)


@require_http_methods(["GET", "HEAD"])
def manifest(request: HttpRequest, key: str, form_id: str, version: str) -> HttpResponse:
    """The media the form needs; none yet (forms with media files come later)."""
    _version(key, form_id, version)
    return openrosa_response(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest xmlns="http://openrosa.org/xforms/xformsManifest"></manifest>'
    )


@csrf_exempt  # phones post without a browser session; the token in the URL authenticates
@require_http_methods(["HEAD", "POST"])
def submission(request: HttpRequest, key: str) -> HttpResponse:
    """HEAD → 204 with the size we accept; POST the instance (and its attachments) → 201."""
    token = _token(key)
    limit = int(getattr(settings, "SAUTI_SUBMISSION_MAX_BYTES", 10 * 1024 * 1024))
    if request.method == "HEAD":
        response = openrosa_response(status=204)
        response["X-OpenRosa-Accept-Content-Length"] = str(limit)
        return response
    upload = request.FILES.get("xml_submission_file")
    if upload is None:
        return message("xml_submission_file is missing.", status=400)
    outcome = services.ingest(
        token,
        upload.read(limit + 1),
        attachments=[file for name, file in request.FILES.items() if name != upload.field_name],
        incomplete=request.POST.get("*isIncomplete*") == "yes",
        device_id=request.GET.get("deviceID", "")[:100],
    )
    return message(outcome.message, status=outcome.status, nature=outcome.nature)
