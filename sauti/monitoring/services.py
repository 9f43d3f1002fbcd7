"""What changes monitoring data: receiving submissions from phones (more to come).

``ingest`` is the one door for submissions, whatever brought them (OpenRosa,
the web form, an import), so that the same rules hold everywhere: the XML is
parsed safely, the form must exist and accept submissions, the collector must
be a monitor or coordinator of the project, and a submission is stored once per
``meta/instanceID``. The same XML posted again (a retry after a cut
connection) is accepted without a second row and can bring the attachments
the first POST lacked (ODK Collect splits large submissions); a different XML
under the same ID is a conflict (409); an edit (``deprecatedID``) replaces the
submission it names and keeps it as history.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Attachment, Form, FormVersion, Site, Submission, TeamMember
from .submission_xml import FormShape, SubmissionXMLError, form_shape, parse_submission

ATTACHMENT_TYPES = ("image/", "audio/", "video/")
COLLECTING_ROLES = (TeamMember.Role.MONITOR, TeamMember.Role.COORDINATOR)


@dataclass
class Outcome:
    """What the phone is told (an OpenRosaResponse message and its HTTP status)."""

    status: int
    message: str
    nature: str = ""
    submission: Submission | None = None


_SHAPES: dict[tuple[int, str], FormShape] = {}


def _shape(version: FormVersion) -> FormShape:
    """Repeats and binary questions of a form version, read once per process.

    A version's XML never changes (a new upload is a new version), so its shape
    is kept by (pk, md5) and the XML is not even fetched on the common path.
    """
    key = (version.pk, version.md5)
    shape = _SHAPES.get(key)
    if shape is None:
        xml = FormVersion.objects.values_list("xml", flat=True).get(pk=version.pk)
        if len(_SHAPES) >= 256:
            _SHAPES.clear()
        shape = _SHAPES[key] = form_shape(xml)
    return shape


def _attachment_limit() -> int:
    return int(getattr(settings, "SAUTI_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))


def _check_attachments(files: list[UploadedFile]) -> str:
    """An error message for the first unacceptable file, or "" when all are fine."""
    for file in files:
        guessed = mimetypes.guess_type(file.name or "")[0] or ""
        declared = file.content_type or ""
        if not (guessed.startswith(ATTACHMENT_TYPES) and declared.startswith(ATTACHMENT_TYPES)):
            return _("%(name)s is not a photo, a recording or a video.") % {"name": file.name}
        if file.size is None or file.size > _attachment_limit():
            return _("%(name)s is larger than %(size)s MB.") % {
                "name": file.name,
                "size": _attachment_limit() // (1024 * 1024),
            }
    return ""


def _store_attachments(submission: Submission, files: list[UploadedFile]) -> None:
    if not files:
        return
    have = set(submission.attachments.values_list("name", flat=True))
    for file in files:
        if file.name in have:
            continue
        Attachment.objects.create(
            submission=submission,
            name=file.name,
            file=file,
            content_type=file.content_type or "",
            size=file.size or 0,
        )
        have.add(file.name)


def _complete(submission: Submission, media: list[str], incomplete: bool) -> None:
    if incomplete:
        complete = False
    elif not media:  # nothing announced: no need to look (the common case, kept cheap)
        complete = True
    else:
        names = set(submission.attachments.values_list("name", flat=True))
        complete = all(name in names for name in media)
    if complete != submission.complete:
        submission.complete = complete
        submission.save(update_fields=["complete"])


def ingest(
    member: TeamMember,
    xml: bytes,
    *,
    attachments: list[Any] = (),  # type: ignore[assignment]
    incomplete: bool = False,
    device_id: str = "",
    source: str = Submission.Source.OPENROSA,
    site: Site | None = None,
    received_at: datetime | None = None,
) -> Outcome:
    """Store one submission (or one more part of it) sent by ``member`` of a project.

    Every way in (OpenRosa with a token or Basic, the web form, and the
    bulk import) goes through here, so idempotency, history and the checks
    are the same whatever the client. ``site`` (chosen on the web form, or a
    column of an import) and ``received_at`` (the date an exported submission
    first reached the other server) apply only when the submission is new.
    """
    if site is not None and site.project_id != member.project_id:
        return Outcome(400, _("This site belongs to another project."))
    project = member.project
    if member.role not in COLLECTING_ROLES or not member.user.is_active:
        return Outcome(403, _("Your role in this project does not allow sending submissions."))
    try:
        parsed = parse_submission(xml)
    except SubmissionXMLError as error:
        return Outcome(400, str(error.message))
    # One query on the common path: the version with its form, without the XML.
    version = (
        FormVersion.objects.select_related("form")
        .only("md5", "version", "form__form_id", "form__title", "form__is_open", "form__project_id")
        .filter(form__project=project, form__form_id=parsed.form_id, version=parsed.version)
        .first()
    )
    form = (
        version.form
        if version
        else Form.objects.filter(project=project, form_id=parsed.form_id).first()
    )
    if form is None:
        return Outcome(404, _("This project has no form %(form)s.") % {"form": parsed.form_id})
    if not form.is_open:
        return Outcome(403, _("The form %(form)s no longer accepts submissions.") % {"form": form})
    if version is None:
        return Outcome(
            404,
            _("Version %(version)s of %(form)s is unknown: download the form again.")
            % {"version": parsed.version, "form": form},
        )
    # Parsed again knowing the form: a repeat answered once is still a list, and only
    # the answers of photo/audio/video questions name attachments.
    parsed = parse_submission(xml, shape=_shape(version))
    files = list(attachments)
    problem = _check_attachments(files)
    if problem:
        return Outcome(400, problem)
    with transaction.atomic():
        existing = (
            Submission.objects.select_for_update()
            .filter(project=project, instance_id=parsed.instance_id)
            .first()
        )
        if existing is not None:
            if existing.xml_sha256 != parsed.sha256:
                return Outcome(
                    409, _("Another submission with the same instance ID was already received.")
                )
            _store_attachments(existing, files)
            _complete(existing, parsed.media, incomplete)
            return Outcome(201, _("Received (already stored)."), "submit_success", existing)
        replaces = None
        if parsed.deprecated_id:
            replaces = (
                Submission.objects.select_for_update()
                .filter(project=project, instance_id=parsed.deprecated_id, is_current=True)
                .select_related("form_version")
                .first()
            )
            # An edit replaces a submission of the same form, sent by the same monitor
            # (a coordinator may edit anyone's): else anyone who learnt an instance ID
            # could knock an approved answer out of the figures.
            if replaces is not None and (
                replaces.form_version.form_id != form.pk
                or (
                    member.role != TeamMember.Role.COORDINATOR
                    and replaces.submitted_by_id != member.pk
                )
            ):
                return Outcome(409, _("This edit names a submission you cannot replace."))
        try:
            with transaction.atomic():
                submission = Submission.objects.create(
                    project=project,
                    form_version=version,
                    instance_id=parsed.instance_id,
                    xml=xml.decode("utf-8"),
                    xml_sha256=parsed.sha256,
                    data=parsed.data,
                    replaces=replaces,
                    submitted_by=member,
                    device_id=device_id,
                    collected_on=parsed.collected_on,
                    source=source,
                    site=site,
                    received_at=received_at or timezone.now(),
                )
        except IntegrityError:
            # The same instance arrived in a parallel request: answer as for a retry.
            return Outcome(201, _("Received (already stored)."), "submit_success")
        if replaces is not None:
            replaces.is_current = False
            replaces.save(update_fields=["is_current"])
        _store_attachments(submission, files)
        _complete(submission, parsed.media, incomplete)
    return Outcome(201, _("Received."), "submit_success", submission)
