"""The OpenRosa 1.0 API, so that ODK Collect and Enketo-based clients work unchanged.

A phone authenticates in one of two ways (decision 0021), and both run the same
views once they know the project and the team member:

- a monitor's *collector token* in the URL (``/collect/<token>/…``): the phone
  is configured once with that server address and needs no password. An
  unknown or revoked token is a 403 (not a 401: a 401 would make Collect ask
  for a password that does not exist);
- the account's email and password with HTTP *Basic* (``/collect/p/<project>/…``),
  as Collect's "server URL, username, password" settings send them. Basic is
  refused over plain HTTP (except with ``DEBUG``, for a local server), and
  failed attempts are limited per username so that it cannot be used to guess
  passwords.

Every answer carries ``X-OpenRosa-Version: 1.0``. Submissions are idempotent on
``meta/instanceID`` (``services.ingest``).

Specifications: OpenRosa Form List API, Form Submission API, OpenRosa
Authentication API (getodk.github.io).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from sauti.core.models import MAX_ID

from . import services
from .models import CollectorToken, FormVersion, Project, TeamMember
from .services import COLLECTING_ROLES

OPENROSA_VERSION = "1.0"
XML = "text/xml; charset=utf-8"
REALM = "Sauti"
# Failed Basic attempts allowed per username and hour before every attempt is refused
# (even with the right password) until the hour is over.
BASIC_FAILURES_PER_HOUR = 10
FAILURE_WINDOW = 3600  # seconds


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


@dataclass(frozen=True)
class Collector:
    """Who is asking (a team member of one project), and how its URLs are built.

    ``url_args`` start every OpenRosa URL of this collector (the token, or the
    project's id) and ``suffix`` picks the set of URL names ("" or "_basic"),
    so that the formList of a Basic phone points at Basic URLs.
    """

    project: Project
    member: TeamMember
    url_args: tuple[str | int, ...]
    suffix: str = ""

    def url(self, request: HttpRequest, name: str, *args: str) -> str:
        path = reverse(f"openrosa:{name}{self.suffix}", args=[*self.url_args, *args])
        return request.build_absolute_uri(path)


# --- Collector tokens --------------------------------------------------------------


LAST_USED_PRECISION = timedelta(minutes=1)


def _token(key: str) -> Collector:
    token = (
        CollectorToken.objects.select_related("project", "member", "member__user")
        .filter(
            key=key,
            revoked_at__isnull=True,
            project__hidden_at__isnull=True,
            # Someone who no longer collects, or whose account is closed, is refused
            # even if a token was left behind.
            member__role__in=COLLECTING_ROLES,
            member__user__is_active=True,
        )
        .first()
    )
    if token is None:
        raise PermissionDenied
    token.member.project = token.project  # one project object: ingest reads member.project
    now = timezone.now()
    # A write per request would serialise every phone on the database's write lock;
    # when a token was last used is only needed to the minute.
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        CollectorToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return Collector(project=token.project, member=token.member, url_args=(key,))


# --- HTTP Basic --------------------------------------------------------------------


class BasicRefused(Exception):
    """The Basic request cannot go on; ``response`` says why to the phone."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


def _challenge(text: str) -> HttpResponse:
    response = message(text, status=401)
    response["WWW-Authenticate"] = f'Basic realm="{REALM}", charset="UTF-8"'
    return response


def _credentials(request: HttpRequest) -> tuple[str, str] | None:
    """(username, password) from ``Authorization: Basic …``, or ``None`` if absent or unreadable."""
    scheme, _space, encoded = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return None
    try:
        raw = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        decoded = raw.decode("latin-1")  # RFC 7617: clients that predate charset="UTF-8"
    username, colon, password = decoded.partition(":")
    if not colon or not username.strip() or len(username) > 254 or len(password) > 4096:
        return None
    return username.strip(), password


def _failure_key(username: str) -> str:
    # Hashed: the cache needs no email address in clear, and any length fits a key.
    digest = hashlib.sha256(username.casefold().encode("utf-8", "surrogatepass")).hexdigest()
    return f"monitoring:basic-failures:{digest}:{int(time.time() // FAILURE_WINDOW)}"


def _failures(username: str) -> int:
    return int(cache.get(_failure_key(username), 0))


def _count_failure(username: str) -> None:
    key = _failure_key(username)
    cache.add(key, 0, FAILURE_WINDOW + 60)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, FAILURE_WINDOW + 60)


def _basic(request: HttpRequest, pk: int) -> Collector:
    """The collector a Basic request authenticates as, or :class:`BasicRefused`."""
    if not request.is_secure() and not settings.DEBUG:
        # Checked first: a phone set up with an http:// address must fail, not work in clear.
        raise BasicRefused(
            message(
                _(
                    "A username and password can only be sent over HTTPS: use the server "
                    "address that starts with https://, or a collector token."
                ),
                status=403,
            )
        )
    credentials = _credentials(request)
    if credentials is None:
        raise BasicRefused(_challenge(_("Enter your email address and password.")))
    username, password = credentials
    if _failures(username) >= BASIC_FAILURES_PER_HOUR:
        response = message(
            _("Too many wrong passwords for this account: try again in an hour."), status=429
        )
        response["Retry-After"] = str(FAILURE_WINDOW)
        raise BasicRefused(response)
    user = authenticate(request, username=username, password=password)
    if user is None:
        _count_failure(username)
        raise BasicRefused(_challenge(_("The email address or the password is wrong.")))
    member = (
        None
        if pk > MAX_ID  # beyond any id: the database could not even compare it
        else TeamMember.objects.select_related("project", "user")
        .filter(project_id=pk, project__hidden_at__isnull=True, user=user)
        .first()
    )
    if member is None:
        # Not on the team, or no such project: the same answer, so nobody learns which.
        raise BasicRefused(
            message(_("This project does not exist, or you are not on its team."), status=404)
        )
    if not user.has_perm("monitoring.collect", member.project):
        raise BasicRefused(
            message(
                _("Your role in this project does not allow collecting: ask its coordinator."),
                status=403,
            )
        )
    return Collector(project=member.project, member=member, url_args=(pk,), suffix="_basic")


def _with_basic(body: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A Basic view: authenticate, then run ``body`` as the token view does."""

    def view(request: HttpRequest, pk: int, *args: str, **kwargs: str) -> HttpResponse:
        try:
            collector = _basic(request, pk)
        except BasicRefused as refused:
            return refused.response
        return body(request, collector, *args, **kwargs)

    view.__doc__ = body.__doc__
    view.__name__ = f"{body.__name__.lstrip('_')}_basic"
    return view


# --- What both ways share ---------------------------------------------------------


def _form_list(request: HttpRequest, collector: Collector) -> HttpResponse:
    """``formList``: the open forms' current versions; ``?formID=`` keeps one."""
    versions = FormVersion.objects.filter(
        form__project=collector.project, form__is_open=True, is_current=True
    ).select_related("form")
    wanted = request.GET.get("formID")
    if wanted:
        versions = versions.filter(form__form_id=wanted)
    items = []
    for version in versions.order_by("form__title", "form__id"):
        names = (version.form.form_id, version.version)
        items.append(
            "<xform>"
            f"<formID>{escape(version.form.form_id)}</formID>"
            f"<name>{escape(version.form.title)}</name>"
            f"<version>{escape(version.version)}</version>"
            f"<hash>{escape(version.md5)}</hash>"
            f"<downloadUrl>{escape(collector.url(request, 'form', *names))}</downloadUrl>"
            f"<manifestUrl>{escape(collector.url(request, 'manifest', *names))}</manifestUrl>"
            "</xform>"
        )
    return openrosa_response(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<xforms xmlns="http://openrosa.org/xforms/xformsList">' + "".join(items) + "</xforms>"
    )


def _version(collector: Collector, form_id: str, version: str) -> FormVersion:
    return get_object_or_404(
        FormVersion.objects.select_related("form"),
        form__project=collector.project,
        form__form_id=form_id,
        version=version,
    )


def _form_download(
    request: HttpRequest, collector: Collector, form_id: str, version: str
) -> HttpResponse:
    """The XForm of one version (old versions stay downloadable for phones that hold them)."""
    return openrosa_response(_version(collector, form_id, version).xml)


def _manifest(
    request: HttpRequest, collector: Collector, form_id: str, version: str
) -> HttpResponse:
    """The media the form needs; none yet (forms with media files come later)."""
    _version(collector, form_id, version)
    return openrosa_response(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest xmlns="http://openrosa.org/xforms/xformsManifest"></manifest>'
    )


def _submission(request: HttpRequest, collector: Collector) -> HttpResponse:
    """HEAD → 204 with the size we accept; POST the instance (and its attachments) → 201."""
    limit = int(getattr(settings, "SAUTI_SUBMISSION_MAX_BYTES", 10 * 1024 * 1024))
    if request.method == "HEAD":
        response = openrosa_response(status=204)
        response["X-OpenRosa-Accept-Content-Length"] = str(limit)
        return response
    upload = request.FILES.get("xml_submission_file")
    if upload is None:
        return message(_("xml_submission_file is missing."), status=400)
    outcome = services.ingest(
        collector.member,
        upload.read(limit + 1),
        attachments=[file for name, file in request.FILES.items() if name != upload.field_name],
        incomplete=request.POST.get("*isIncomplete*") == "yes",
        device_id=request.GET.get("deviceID", "")[:100],
    )
    return message(outcome.message, status=outcome.status, nature=outcome.nature)


# --- Views: with a collector token -------------------------------------------------


@require_http_methods(["GET", "HEAD"])
def form_list(request: HttpRequest, key: str) -> HttpResponse:
    return _form_list(request, _token(key))


@require_http_methods(["GET", "HEAD"])
def form_download(request: HttpRequest, key: str, form_id: str, version: str) -> HttpResponse:
    return _form_download(request, _token(key), form_id, version)


@require_http_methods(["GET", "HEAD"])
def manifest(request: HttpRequest, key: str, form_id: str, version: str) -> HttpResponse:
    return _manifest(request, _token(key), form_id, version)


@csrf_exempt  # phones post without a browser session; the token in the URL authenticates
@require_http_methods(["HEAD", "POST"])
def submission(request: HttpRequest, key: str) -> HttpResponse:
    return _submission(request, _token(key))


# --- Views: with HTTP Basic (over HTTPS) -------------------------------------------

form_list_basic = require_http_methods(["GET", "HEAD"])(_with_basic(_form_list))
form_download_basic = require_http_methods(["GET", "HEAD"])(_with_basic(_form_download))
manifest_basic = require_http_methods(["GET", "HEAD"])(_with_basic(_manifest))
# No session cookie is read: the Authorization header authenticates each request.
submission_basic = csrf_exempt(require_http_methods(["HEAD", "POST"])(_with_basic(_submission)))
