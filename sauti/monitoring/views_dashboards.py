"""The team's dashboard of a monitoring project: its indicators, charted, after disclosure control.

Anyone on the team (and the organisation's administrators) reads it
(``monitoring.view_project``); others get a 404, as for the project itself.
Charts are server-rendered SVG with a table beside them: no JavaScript.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import indicators
from .views_projects import project_for


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk)
    k = project.min_group_size
    panels = [
        indicators.panel(indicators.compute(indicator, k=k))
        for indicator in project.indicators.select_related("form")
    ]
    return render(
        request,
        "monitoring/dashboards/dashboard.html",
        {"project": project, "panels": panels, "k": k},
    )
