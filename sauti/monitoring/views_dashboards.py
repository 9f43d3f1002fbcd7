"""The team's dashboard of a monitoring project: its indicators, charted, after disclosure control.

Anyone on the team (and the organisation's administrators) reads it
(``monitoring.view_project``); others get a 404, as for the project itself.
Charts are server-rendered SVG with a table beside them: no JavaScript. The
filters (a quarter, an area, a view by site / by area / over time) are a GET
form; a query that does not make sense is said so and the unfiltered figures
are shown. Each filtered view runs disclosure control on its own groups.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sauti.core.models import id_from

from . import indicators, panels
from .forms_indicators import DashboardFilterForm, areas_of
from .views_projects import project_for


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk)
    k = project.k
    filter_form = DashboardFilterForm(
        request.GET or None, quarters=indicators.quarters(project), areas=areas_of(project)
    )
    filters = filter_form.filters()
    group_by = filters.get("group_by")
    chosen = project.indicators.select_related("form")
    raw = request.GET.get("indicator", "")
    only = id_from(raw)
    if only is not None:  # one indicator with every group ("All 500 sites")
        chosen = chosen.filter(pk=only)
    shown = [
        panels.panel(
            indicators.compute(indicator, k=k, **filters),
            group_by=group_by,
            limit=None if only else panels.MAX_GROUPS_SHOWN,
        )
        for indicator in chosen
    ]
    return render(
        request,
        "monitoring/dashboards/dashboard.html",
        {
            "project": project,
            "panels": shown,
            "k": k,
            "filter_form": filter_form,
            "filtered": any(filters.values()),
            "only_indicator": only,
            "may_define": request.user.has_perm("monitoring.define_indicators", project),
        },
    )
