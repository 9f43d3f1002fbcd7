"""Publishing safely: the public dashboard, the team's preview and publish switch, free text.

The public page and the preview are rendered by one function from one context
builder (:func:`selectors_public.public_page`), so the preview is exactly what
the public sees. A project that is not published (or hidden) is a 404 to the
public; the team sees the preview in its place.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.core.models import MAX_ID, id_from

from . import selectors_public as selectors
from . import services_publication as services
from .forms_publication import ApproveTextForm, PublishForm
from .models import Project, PublicText
from .views_projects import project_for

PREVIEW = "preview"
TEAM_PREVIEW = "team"


def _visible_project(pk: int) -> Project:
    if not 1 <= pk <= MAX_ID:
        raise Http404
    return get_object_or_404(
        Project.objects.visible().select_related("organisation").prefetch_related("countries"),
        pk=pk,
    )


def _render_public(
    request: HttpRequest, project: Project, *, preview: str = "", status: int = 200, **extra
) -> HttpResponse:
    """The one renderer of the public page (public, preview and the team's unpublished view).

    ``?indicator=<pk>`` shows one public indicator with every group (the page
    otherwise shows the groups furthest from the target when there are many).
    """
    only = _indicator_param(request)
    context = selectors.public_page(project, only_indicator=only).as_context()
    context["only_indicator"] = only
    context |= {
        "preview": preview,
        "may_publish": request.user.has_perm("monitoring.publish", project),
        **extra,
    }
    return render(request, "monitoring/public/dashboard.html", context, status=status)


def _indicator_param(request: HttpRequest) -> int | None:
    raw = request.GET.get("indicator", "")
    return id_from(raw)


def public_projects(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.published_projects(), 50).get_page(request.GET.get("page"))
    return render(request, "monitoring/public/projects.html", {"page": page})


def public_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    project = _visible_project(pk)
    if project.is_published:
        return _render_public(request, project)
    if request.user.has_perm("monitoring.view_project", project):
        return _render_public(request, project, preview=TEAM_PREVIEW)
    raise Http404


def public_sites_geojson(request: HttpRequest, pk: int) -> HttpResponse:
    project = _visible_project(pk)
    if not project.is_published:
        raise Http404
    body = json.dumps(selectors.sites_geojson(project), ensure_ascii=False)
    return HttpResponse(body, content_type="application/geo+json; charset=utf-8")


@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the public page as the public will see it; POST: publish or unpublish."""
    project = project_for(request, pk, "monitoring.publish")
    if request.method == "POST":
        form = PublishForm(request.POST)
        if form.is_valid():
            published = form.cleaned_data["action"] == "publish"
            services.set_published(project, published=published, acting_user=request.user)
            messages.success(
                request,
                _("The dashboard is public.")
                if published
                else _("The dashboard is no longer public."),
            )
            return redirect("monitoring:publish", pk=project.pk)
        return _render_public(
            request, project, preview=PREVIEW, status=400, publish_errors=form.errors["action"]
        )
    return _render_public(request, project, preview=PREVIEW)


@login_required
def public_texts(request: HttpRequest, pk: int) -> HttpResponse:
    """Candidate free text with approve forms, and the approved items with "unpublish"."""
    project = project_for(request, pk, "monitoring.publish")
    errors: list[str] = []
    if request.method == "POST":
        form = ApproveTextForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["source"] == "answer":
                    services.approve_answer(
                        project,
                        submission_id=data["submission"],
                        field=data["field"],
                        text=data["text"],
                        acting_user=request.user,
                    )
                else:
                    services.approve_barrier(
                        project,
                        barrier_id=data["barrier"],
                        text=data["text"],
                        acting_user=request.user,
                    )
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                messages.success(request, _("The text is published."))
                return redirect(request.get_full_path())
        else:
            errors.extend(message for field in form.errors.values() for message in field)
    answers_page = Paginator(selectors.answer_submissions(project), selectors.TEXT_PAGE_SIZE)
    answers = answers_page.get_page(request.GET.get("page"))
    barriers = Paginator(selectors.barrier_candidates(project), selectors.TEXT_PAGE_SIZE).get_page(
        request.GET.get("bpage")
    )
    approved = Paginator(selectors.approved_texts(project), selectors.TEXT_PAGE_SIZE).get_page(
        request.GET.get("tpage")
    )
    return render(
        request,
        "monitoring/public/texts.html",
        {
            "project": project,
            "errors": errors,
            "answers": answers,
            "candidates": selectors.answer_candidates(list(answers.object_list)),
            "barriers": barriers,
            "approved": approved,
        },
        status=400 if errors else 200,
    )


@login_required
@require_POST
def public_text_delete(request: HttpRequest, pk: int, text_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.publish")
    if not 1 <= text_pk <= MAX_ID:
        raise Http404
    item = get_object_or_404(PublicText, project=project, pk=text_pk)
    services.unpublish_text(item, acting_user=request.user)
    messages.success(request, _("The text is no longer published."))
    return redirect("monitoring:public_texts", pk=project.pk)
