"""The starter library: a public page of ready-made forms, their download, and adding one.

The library page and the downloads are open to anyone (the forms hold no project
data, and organisations outside Sauti may use them with their own tools). Adding a
starter form to a project needs ``monitoring.manage_forms`` and stores it through
the same service as an XLSForm upload.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import services_forms, starter
from .models import Form
from .starter_forms import CATALOGUE, COLUMN_LANGUAGES, StarterForm
from .views_projects import project_for
from .xlsform import XLSFormError


@dataclass
class Entry:
    """A starter form as a page shows it: in the reader's language where it can be."""

    form: StarterForm
    questions: list[str]
    in_project: bool = False


def _entries(in_project: set[str] | None = None) -> list[Entry]:
    language = get_language() or "en"
    in_project = in_project or set()
    return [
        Entry(
            form=form,
            questions=[q.label.get(language) for q in form.questions if q.type != "note"],
            in_project=form.form_id in in_project,
        )
        for form in starter.catalogue()
    ]


def _languages() -> list[str]:
    """The language names as the workbooks write them, without the code."""
    return [name.rsplit(" (", 1)[0] for name in COLUMN_LANGUAGES.values()]


@require_GET
def starter_forms(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "monitoring/starter/list.html",
        {"entries": _entries(), "languages": _languages()},
    )


@require_GET
def starter_form_download(request: HttpRequest, slug: str) -> HttpResponse:
    form = CATALOGUE.get(slug)
    if form is None:
        raise Http404
    response = HttpResponse(starter.build_xlsx(form), content_type=starter.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{starter.filename(form)}"'
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


class StarterChoiceForm(forms.Form):
    starter = forms.ChoiceField(
        label=gettext_lazy("Starter form"),
        widget=forms.RadioSelect,
        choices=[(form.slug, form.title) for form in CATALOGUE.values()],
        error_messages={
            "required": gettext_lazy("Choose one of the starter forms."),
            "invalid_choice": gettext_lazy("Choose one of the starter forms."),
        },
    )


@login_required
def starter_form_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.manage_forms")
    choice = StarterChoiceForm(request.POST if request.method == "POST" else None)
    problems = None
    if choice.is_bound and choice.is_valid():
        form = CATALOGUE[choice.cleaned_data["starter"]]
        try:
            upload = starter.add_to_project(project, form, acting_user=request.user)
        except services_forms.VersionExists:
            choice.add_error(
                "starter",
                _("This project already has this version of “%(title)s”.") % {"title": form.title},
            )
        except XLSFormError as error:  # not expected: the tests convert every starter form
            problems = error.problems
        else:
            messages.success(
                request,
                _("The form “%(title)s” is added, version %(version)s.")
                % {"title": upload.form.title, "version": upload.version.version},
            )
            return redirect("monitoring:form", pk=project.pk, form_pk=upload.form.pk)
    in_project = set(Form.objects.filter(project=project).values_list("form_id", flat=True))
    return render(
        request,
        "monitoring/starter/add.html",
        {
            "project": project,
            "choice": choice,
            "entries": _entries(in_project),
            "languages": _languages(),
            "problems": problems,
        },
    )
