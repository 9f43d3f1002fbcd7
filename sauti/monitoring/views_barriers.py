"""Barrier reports: the public report form, the follow-up by code, and the triage pages.

The public pages keep nothing about the request (no IP, no account: the report is
never linked to a user, even a signed-in one). The follow-up page answers a wrong
code with the same neutral message every time, and stops answering after a few
wrong tries in the same session.
"""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from sauti.core.models import MAX_ID

from . import services_barriers as services
from .forms_barriers import BarrierReportForm, FollowUpForm, TriageForm
from .models import BarrierReport, Project
from .views_projects import project_for

FOLLOW_UP_TRIES = 5
FOLLOW_UP_WINDOW = 15 * 60  # seconds
_FAILURES_KEY = "barrier_follow_up_failures"


def _public_project(pk: int) -> Project:
    if not 1 <= pk <= MAX_ID:
        raise Http404
    return get_object_or_404(Project.objects.visible().select_related("organisation"), pk=pk)


@never_cache
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The public channel of a published project (its team may try it out before)."""
    project = _public_project(pk)
    if not project.is_published and not request.user.has_perm("monitoring.view_project", project):
        raise Http404
    form = BarrierReportForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        if form.is_bot:
            # Look like success; store nothing.
            return render(request, "monitoring/barriers/thanks.html", {"project": project})
        _report, code = services.submit_report(project=project, values=form.values())
        # Shown in this response only (no redirect): the code is never kept in clear.
        return render(
            request, "monitoring/barriers/thanks.html", {"project": project, "code": code}
        )
    return render(request, "monitoring/barriers/report.html", {"project": project, "form": form})


def _recent_failures(request: HttpRequest) -> list[float]:
    now = time.time()
    return [t for t in request.session.get(_FAILURES_KEY, []) if now - t < FOLLOW_UP_WINDOW]


@never_cache
def follow_up(request: HttpRequest) -> HttpResponse:
    form = FollowUpForm(request.POST or None)
    found = None
    not_found = blocked = False
    if request.method == "POST":
        failures = _recent_failures(request)
        if len(failures) >= FOLLOW_UP_TRIES:
            blocked = True
        elif form.is_valid():
            found = services.find_by_code(form.cleaned_data["code"])
            if found is None:
                not_found = True
                request.session[_FAILURES_KEY] = [*failures, time.time()]
    return render(
        request,
        "monitoring/barriers/follow_up.html",
        {"form": form, "report": found, "not_found": not_found, "blocked": blocked},
    )


@login_required
def barrier_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.triage_barriers")
    reports = project.barriers.select_related("site", "country")
    status = request.GET.get("status", "")
    if status in BarrierReport.Status.values:
        reports = reports.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "monitoring/barriers/list.html",
        {
            "project": project,
            "reports": reports[:500],
            "status": status,
            "statuses": BarrierReport.Status.choices,
        },
    )


@login_required
def barrier_detail(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.triage_barriers")
    if not 1 <= report_pk <= MAX_ID:
        raise Http404
    barrier = get_object_or_404(
        BarrierReport.objects.select_related("site", "country"), pk=report_pk, project=project
    )
    form = TriageForm(request.POST or None, instance=barrier)
    if request.method == "POST" and form.is_valid():
        services.triage(report=barrier, values=form.cleaned_data, acting_user=request.user)
        messages.success(request, _("The follow-up is saved."))
        return redirect("monitoring:barrier", pk=project.pk, report_pk=barrier.pk)
    return render(
        request,
        "monitoring/barriers/detail.html",
        {"project": project, "report": barrier, "form": form},
    )
