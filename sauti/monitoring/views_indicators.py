"""A project's indicators: the list, defining one, changing it, deleting it.

The whole team reads the list (``monitoring.view_project``) so that a viewer
knows what the dashboard's figures mean; coordinators and analysts define them
(``monitoring.define_indicators``); the others get "not allowed". Someone
outside the project gets "not found" for every page of it.

Saving an indicator rebuilds its pre-aggregated cells at once, so the dashboard
never shows figures of an old definition.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sauti.core.models import MAX_ID

from .forms_indicators import IndicatorForm
from .models import Indicator, Project
from .services_indicators import delete_indicator, save_indicator
from .views_projects import _errors_to_form, project_for

DEFINE = "monitoring.define_indicators"


# --- Views ---------------------------------------------------------------------------------
def _indicator_for(request: HttpRequest, project: Project, indicator_pk: int) -> Indicator:
    """The indicator to change; a public one only for those who decide what is published."""
    if not 1 <= indicator_pk <= MAX_ID:
        raise Http404
    indicator = get_object_or_404(
        Indicator.objects.select_related("form", "scorecard_indicator"),
        project=project,
        pk=indicator_pk,
    )
    if indicator.is_public and not request.user.has_perm("monitoring.publish", project):
        raise PermissionDenied
    return indicator


@login_required
def indicator_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk)
    return render(
        request,
        "monitoring/indicators/list.html",
        {
            "project": project,
            "indicators": project.indicators.select_related("form", "scorecard_indicator"),
            "may_define": request.user.has_perm(DEFINE, project),
        },
    )


@login_required
def indicator_edit(request: HttpRequest, pk: int, indicator_pk: int | None = None) -> HttpResponse:
    """Define a new indicator (no ``indicator_pk``) or change one."""
    project = project_for(request, pk, DEFINE)
    if indicator_pk is None:
        indicator = Indicator(project=project)
    else:
        indicator = _indicator_for(request, project, indicator_pk)
    form = IndicatorForm(
        request.POST or None,
        instance=indicator,
        project=project,
        may_publish=request.user.has_perm("monitoring.publish", project),
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_indicator(form.instance, acting_user=request.user)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect("monitoring:indicators", pk=project.pk)
    return render(
        request,
        "monitoring/indicators/form.html",
        {"project": project, "form": form, "indicator": indicator if indicator_pk else None},
    )


@login_required
def indicator_delete(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    """Ask first (GET), delete on the confirming POST."""
    project = project_for(request, pk, DEFINE)
    indicator = _indicator_for(request, project, indicator_pk)
    if request.method == "POST":
        delete_indicator(indicator, acting_user=request.user)
        messages.success(request, _("The indicator is deleted."))
        return redirect("monitoring:indicators", pk=project.pk)
    return render(
        request,
        "monitoring/indicators/delete.html",
        {"project": project, "indicator": indicator},
    )
