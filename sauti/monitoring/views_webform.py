"""Filling a simple form in the browser: for monitors without ODK Collect at hand.

The page works on a low-end phone browser without JavaScript. Forms that need
a real XForms engine (repeats, conditions, checks, media) are not offered: the
page says why and points to ODK Collect. Parsing, checking and storing live in
``webform``; this module only turns requests into calls and pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sauti.core.models import MAX_ID, id_from

from . import webform
from .models import Form, FormVersion, Project, Site, TeamMember
from .submission_xml import SubmissionXMLError
from .views_projects import project_for


@dataclass
class Field:
    """A question with what the page shows in it now (answer kept after an error)."""

    question: webform.Question
    id: str
    value: str = ""
    values: tuple[str, ...] = ()
    error: str = ""

    @property
    def described_by(self) -> str:
        """The ids of the hint and the error, for ``aria-describedby``."""
        ids = [f"{self.id}_help"] if self.question.hint else []
        return " ".join(ids + ([f"{self.id}_error"] if self.error else []))


def _form_for(project: Project, form_pk: int) -> tuple[Form, FormVersion]:
    if not 1 <= form_pk <= MAX_ID:
        raise Http404
    form = get_object_or_404(Form, project=project, pk=form_pk)
    version = form.versions.filter(is_current=True).first()
    if version is None:
        raise Http404
    return form, version


def _parse(version: FormVersion) -> webform.WebForm | None:
    try:
        return webform.parse_form(version.xml, get_language() or "")
    except SubmissionXMLError:
        return None


def _sections(
    parsed: webform.WebForm, answers: dict[str, str], errors: dict[str, str], posted: bool
) -> list[tuple[str, list[Field]]]:
    sections = []
    number = 0
    for section in parsed.sections:
        fields = []
        for question in section.questions:
            number += 1
            value = answers.get(question.path, "" if posted else question.default)
            fields.append(
                Field(
                    question=question,
                    id=f"q{number}",
                    value=value,
                    values=tuple(value.split()),
                    error=errors.get(question.path, ""),
                )
            )
        sections.append((section.heading, fields))
    return sections


def _site(project: Project, raw: str) -> tuple[Site | None, str]:
    if not raw:
        return None, ""
    site = None
    if (pk := id_from(raw)) is not None:
        site = Site.objects.filter(project=project, pk=pk).first()
    if site is None:
        return None, _("Choose a site from the list.")
    return site, ""


@login_required
def fill(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    """GET: the blank form with a fresh instance ID; POST: check, then store once."""
    project = project_for(request, pk, "monitoring.collect")
    form, version = _form_for(project, form_pk)
    parsed = _parse(version)
    context: dict = {"project": project, "form": form, "version": version, "webform": parsed}
    if parsed is None:
        context["problems"] = [_("the form could not be read")]
    elif not parsed.is_simple:
        context["problems"] = parsed.problems
    if not form.is_open or "problems" in context:
        return render(request, "monitoring/webform/fill.html", context)

    answers: dict[str, str] = {}
    errors: dict[str, str] = {}
    page_errors: list[str] = []
    site_value, site_error = "", ""
    token = webform.new_instance_token()
    if request.method == "POST":
        answers, errors = webform.clean_answers(parsed, dict(request.POST.lists()))
        site_value = request.POST.get("site", "")[:20]
        site, site_error = _site(project, site_value)
        instance = webform.read_instance_token(request.POST.get("instance", ""))
        if instance is None:
            page_errors.append(
                _("This page could not be read back: check the answers and send again.")
            )
        else:
            token = request.POST["instance"]
        if instance is not None and not errors and not site_error:
            member = get_object_or_404(TeamMember, project=project, user=request.user)
            sent = webform.submit(
                member, parsed, answers, instance_id=instance[0], started=instance[1], site=site
            )
            if sent.stored:
                url = reverse("monitoring:webform_received", args=[project.pk, form.pk])
                return redirect(f"{url}?again=1" if sent.already else url)
            page_errors.append(sent.message)
    context.update(
        {
            "sections": _sections(parsed, answers, errors, request.method == "POST"),
            "sites": project.sites.all(),
            "site_value": site_value,
            "site_error": site_error,
            "token": token,
            "page_errors": page_errors,
            "error_count": len(errors) + bool(site_error),
        }
    )
    return render(request, "monitoring/webform/fill.html", context)


@login_required
def received(request: HttpRequest, pk: int, form_pk: int) -> HttpResponse:
    """After a stored page (a redirect, so that reloading does not post again)."""
    project = project_for(request, pk, "monitoring.collect")
    form, _version = _form_for(project, form_pk)
    return render(
        request,
        "monitoring/webform/received.html",
        {"project": project, "form": form, "again": request.GET.get("again") == "1"},
    )
