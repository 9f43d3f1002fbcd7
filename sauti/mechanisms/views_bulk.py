"""Bulk work on the registry: import from CSV/XLSX (upload → check → confirm) and export.

The import takes two requests and no JavaScript: the upload is checked row by
row and either answered with every problem, or kept (see
:func:`imports.save_pending`) behind a confirm page that shows what will be
written. Only the person who uploaded may confirm.
"""

from __future__ import annotations

import contextlib
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from sauti.accounts.models import Membership, Organisation
from sauti.accounts.rules import is_moderator
from sauti.core.i18n import country_name

from . import exports, imports, tasks
from .models import Mechanism
from .selectors import MechanismSearch

# --- Import ----------------------------------------------------------------


def _organisations(user: Any) -> Any:
    return Organisation.objects.visible().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (CSV or XLSX)"))
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Recorded on behalf of"), queryset=Organisation.objects.none()
    )
    original_language = forms.ChoiceField(
        label=gettext_lazy("Language of the names and descriptions"),
        choices=settings.LANGUAGES,
        help_text=gettext_lazy("Used for rows that leave the “language of the record” empty."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "At most %(size)s and %(rows)s rows. The first row holds the column names."
        ) % {
            "size": filesizeformat(imports.MAX_FILE_SIZE),
            "rows": formats.number_format(imports.MAX_ROWS, force_grouping=True),
        }
        organisations = _organisations(user)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1 and not self.is_bound:
            self.initial.setdefault("organisation", organisations[0].pk)
        # Moderators may import without belonging to an organisation.
        if is_moderator(user):
            self.fields["organisation"].required = False
            self.fields["organisation"].empty_label = _("No organisation (as a moderator)")
        self.fields["file"].widget.attrs["accept"] = (
            ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        # Refuse before reading a byte of it.
        if upload.size > imports.MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(imports.MAX_FILE_SIZE),
                }
            )
        return upload


def _may_import(request: HttpRequest) -> None:
    if not request.user.has_perm("mechanisms.import_mechanisms"):
        raise PermissionDenied


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload a file; see every problem, or go on to the confirm page."""
    _may_import(request)
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial={"original_language": request.LANGUAGE_CODE},
    )
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = imports.validate_upload(
            upload, default_language=form.cleaned_data["original_language"]
        )
        if result.ok:
            token = imports.save_pending(
                result,
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                filename=upload.name or "",
            )
            return redirect("mechanisms:import_confirm", token=token)
    return render(
        request,
        "mechanisms/import.html",
        {
            "form": form,
            "result": result,
            "max_rows": imports.MAX_ROWS,
            "max_size": imports.MAX_FILE_SIZE,
            "has_organisations": form.fields["organisation"].queryset.exists(),
        },
    )


def _preview(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    levels, kinds = dict(Mechanism.Level.choices), dict(Mechanism.Kind.choices)
    return [
        {
            "row": row["row"],
            "name": row["name"],
            "language": row.get("original_language", ""),
            "country": country_name(row["country"]),
            "level": levels.get(row["level"], row["level"]),
            "kind": kinds.get(row["kind"], row["kind"]),
            "sources": len(row.get("sources", [])),
        }
        for row in rows
    ]


@login_required
@require_http_methods(["GET", "POST"])
def import_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Show what an upload will write; on POST write it, all rows or none."""
    _may_import(request)
    try:
        pending = imports.load_pending(token, user=request.user)
    except imports.PendingNotFound:
        return render(request, "mechanisms/import_expired.html", status=404)
    if pending.state == imports.DONE:
        return _done(request, pending)
    if pending.state == imports.RUNNING:
        return render(request, "mechanisms/import_running.html", {"pending": pending})
    organisation = None
    if pending.organisation_id is not None:
        organisation = _organisations(request.user).filter(pk=pending.organisation_id).first()
        if organisation is None:
            # Left the organisation between upload and confirm.
            raise PermissionDenied
    elif not is_moderator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        # A second click while the first runs finds nothing pending; the page says how it went.
        with contextlib.suppress(imports.PendingNotFound):
            imports.start_pending(pending)
            try:
                tasks.import_confirmed_rows.enqueue(
                    token, request.user.pk, organisation.pk if organisation else None
                )
            except BaseException:
                imports.stop_started(pending)  # nothing will write it: pending again
                raise
        return redirect("mechanisms:import_confirm", token=token)
    return render(
        request,
        "mechanisms/import_confirm.html",
        {
            "pending": pending,
            "count": len(pending.rows),
            "preview": _preview(pending.preview()),
            "warnings": imports.warnings(pending.rows, pending.ignored_columns),
            "organisation": organisation,
        },
    )


def _done(request: HttpRequest, pending: imports.PendingImport) -> HttpResponse:
    list_url = reverse("mechanisms:list")
    if len(pending.countries) == 1:
        list_url += f"?country={pending.countries[0]}"
    if request.method == "POST":
        messages.info(request, _("This file was already imported; nothing was written twice."))
    return render(
        request,
        "mechanisms/import_done.html",
        {"pending": pending, "count": pending.count, "list_url": list_url},
    )


def import_template(request: HttpRequest, fmt: str) -> HttpResponse:
    """The empty template, with column names in the reader's language."""
    if fmt == "csv":
        response = HttpResponse(exports.template_csv(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        exports.template_xlsx(response)
    else:
        raise Http404
    response["Content-Disposition"] = (
        f'attachment; filename="sauti-mechanisms-template-{request.LANGUAGE_CODE}.{fmt}"'
    )
    return response


# --- Export ----------------------------------------------------------------

_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The filtered list (same parameters as the list page) as CSV, XLSX or JSON."""
    fmt = request.GET.get("format", "csv")
    if fmt not in _CONTENT_TYPES:
        raise Http404
    search = MechanismSearch(request.GET)
    # Built here, in the reader's language: the rows are written after the view returns.
    detail_url = settings.SITE_URL + reverse("mechanisms:detail", args=[0]).replace("/0/", "/{id}/")
    rows = exports.records(search.queryset(), detail_url=detail_url)
    query = search.query_without()
    response: HttpResponse | StreamingHttpResponse
    if fmt == "xlsx":
        response = FileResponse(
            exports.xlsx_file(rows, query=query), content_type=_CONTENT_TYPES[fmt]
        )
    elif fmt == "json":
        response = StreamingHttpResponse(
            exports.json_chunks(rows, query=query), content_type=_CONTENT_TYPES[fmt]
        )
    else:
        response = StreamingHttpResponse(exports.csv_chunks(rows), content_type=_CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(fmt)}"'
    return response
