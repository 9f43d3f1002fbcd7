"""A project's forms: upload an XLSForm as a new version, list them, close and reopen them.

``upload_form`` converts the workbook with :func:`sauti.monitoring.xlsform.convert`
(pyxform, then ODK Validate when Java is there) and stores nothing unless the whole
upload is usable: a conversion error raises :class:`~sauti.monitoring.xlsform.XLSFormError`
with every problem, a version already uploaded raises :class:`VersionExists`. A form
is known by its ``form_id``: uploading the same ``form_id`` again adds a version to
the same form. Older versions are kept for ever, so submissions filled in on them
still read.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from sauti.core.services import log_action

from . import xlsform
from .models import Form, FormVersion, Project
from .xlsform import Problem, XLSFormError


class VersionExists(Exception):
    """This form already has a version of that name; nothing was stored."""

    def __init__(self, form: Form, version: str):
        self.form = form
        self.version = version
        super().__init__(
            _(
                "The form “%(form_id)s” already has a version “%(version)s”. Change the "
                "version in the settings sheet (for example to today's date and hour, "
                "2025010101) and upload it again."
            )
            % {"form_id": form.form_id, "version": version}
        )


@dataclass
class Upload:
    """What an upload made: the form, its new current version, and whether the form is new."""

    form: Form
    version: FormVersion
    created_form: bool


def problem_as_dict(problem: Problem) -> dict[str, Any]:
    return {
        "sheet": problem.sheet,
        "row": problem.row,
        "message": str(problem.message),
        "detail": problem.detail,
    }


def _no_version() -> XLSFormError:
    return XLSFormError(
        [
            Problem(
                xlsform.SETTINGS,
                None,
                _(
                    "No version is set on the settings sheet. Phones tell versions apart "
                    "by it: add a version (for example today's date, 2025010101) and "
                    "upload the form again."
                ),
                "error",
            )
        ]
    )


def _check_names(form_id: str, version: str) -> None:
    """Both go into database columns of 100 characters and into the phones' URLs."""
    problems = []
    if len(form_id) > 100:
        problems.append(
            Problem(xlsform.SETTINGS, None, _("The form_id is longer than 100 characters."))
        )
    if len(version) > 100 or "/" in version:
        problems.append(
            Problem(
                xlsform.SETTINGS,
                None,
                _(
                    "The version must be at most 100 characters, without “/”; "
                    "a number such as 2025010101 is best."
                ),
            )
        )
    if problems:
        raise XLSFormError(problems)


def upload_form(project: Project, *, data: bytes, filename: str, acting_user: Any) -> Upload:
    """Convert ``data`` and store it as the new current version of its form.

    Raises ``XLSFormError`` (conversion problems, or no version set) or
    ``VersionExists``; in both cases nothing is stored.
    """
    conversion = xlsform.convert(data, filename)
    if not conversion.version:
        raise _no_version()
    _check_names(conversion.form_id, conversion.version)
    version = None
    try:
        with transaction.atomic():
            form, created = Form.objects.select_for_update().get_or_create(
                project=project,
                form_id=conversion.form_id,
                defaults={"title": conversion.title[:200] or conversion.form_id},
            )
            if form.versions.filter(version=conversion.version).exists():
                raise VersionExists(form, conversion.version)
            if conversion.title and form.title != conversion.title[:200]:
                form.title = conversion.title[:200]
                form.save(update_fields=["title"])
            form.versions.filter(is_current=True).update(is_current=False)
            version = FormVersion(
                form=form,
                version=conversion.version,
                xml=conversion.xml,
                md5=conversion.md5,
                validation=(
                    FormVersion.Validation.PASSED
                    if conversion.validated
                    else FormVersion.Validation.NOT_RUN
                ),
                warnings=[problem_as_dict(p) for p in conversion.warnings],
                is_current=True,
                uploaded_by=acting_user if acting_user.is_authenticated else None,
            )
            # A random stored name: the uploader's file name is not trusted on disk.
            version.xlsform.save(f"{secrets.token_hex(12)}.xlsx", ContentFile(data), save=False)
            version.save()
            log_action(
                "monitoring.form_upload",
                acting_user=acting_user,
                target=version,
                data={
                    "project": project.pk,
                    "form_id": form.form_id,
                    "version": version.version,
                    "validation": version.validation,
                    "new_form": created,
                },
            )
    except IntegrityError as error:
        # Two uploads of the same version at once: the database keeps one.
        if version is not None and version.xlsform:
            version.xlsform.delete(save=False)
        form = Form.objects.filter(project=project, form_id=conversion.form_id).first()
        if form is None:
            raise
        raise VersionExists(form, conversion.version) from error
    return Upload(form=form, version=version, created_form=created)


@transaction.atomic
def set_form_open(form: Form, *, is_open: bool, acting_user: Any) -> Form:
    """Open or close a form to submissions (a closed form is not offered to phones)."""
    form = Form.objects.select_for_update().get(pk=form.pk)
    if form.is_open != is_open:
        form.is_open = is_open
        form.save(update_fields=["is_open"])
        log_action(
            "monitoring.form_open" if is_open else "monitoring.form_close",
            acting_user=acting_user,
            target=form,
            data={"project": form.project_id},
        )
    return form


def forms_of(project: Project) -> QuerySet[Form]:
    """The project's forms with their current version and submission counts."""
    return (
        Form.objects.filter(project=project)
        .annotate(
            submission_count=Count(
                "versions__submissions",
                filter=Q(versions__submissions__is_current=True),
            ),
            version_count=Count("versions", distinct=True),
        )
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=FormVersion.objects.filter(is_current=True),
                to_attr="current_versions",
            )
        )
    )


def versions_of(form: Form) -> QuerySet[FormVersion]:
    """Every version of ``form``, newest first, with how many submissions each holds."""
    return (
        form.versions.select_related("uploaded_by")
        .annotate(submission_count=Count("submissions", filter=Q(submissions__is_current=True)))
        .defer("xml")
    )
