"""Coordinators' review of submissions: the filtered data table, one submission, review actions.

Analysts and coordinators read (``monitoring.view_submissions``); only
coordinators approve, flag or reject (``monitoring.review_submissions``).
Everything works without JavaScript: filters are a GET form, actions POST forms.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sauti.core.models import MAX_ID, id_from

from . import selectors_review, services_review
from .models import Project, Submission
from .views_projects import project_for

FILTER_KEYS = ("form", "status", "site", "received_from", "received_to")


def _submission_for(project: Project, submission_pk: int) -> Submission:
    if not 1 <= submission_pk <= MAX_ID:
        raise Http404
    return get_object_or_404(
        Submission.objects.select_related("form_version__form", "site", "submitted_by__user"),
        project=project,
        pk=submission_pk,
    )


def _query(data, *, page: str | None = None) -> str:
    """The filters (and page) as a query string, only the known keys."""
    pairs = [(key, data.get(key)) for key in FILTER_KEYS if data.get(key)]
    if page:
        pairs.append(("page", page))
    return urlencode(pairs)


@login_required
def submission_table(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.view_submissions")
    filter_form = selectors_review.SubmissionFilterForm(project, request.GET or None)
    if filter_form.is_bound and not filter_form.is_valid():
        submissions = Submission.objects.none()
        chosen_form = None
    else:
        filters = filter_form.cleaned_data if filter_form.is_bound else {}
        submissions = selectors_review.filtered(project, filters)
        chosen_form = filters.get("form")
    page = Paginator(submissions, selectors_review.PAGE_SIZE).get_page(request.GET.get("page"))
    columns = selectors_review.columns_for(chosen_form)
    return render(
        request,
        "monitoring/review/table.html",
        {
            "project": project,
            "filter_form": filter_form,
            "page": page,
            "columns": columns,
            "rows": selectors_review.rows_for(list(page.object_list), columns),
            "query": _query(request.GET),
            "page_query": _query(request.GET, page=str(page.number)),
            "can_review": request.user.has_perm("monitoring.review_submissions", project),
            "export_forms": (
                project.forms.order_by("title")
                if request.user.has_perm("monitoring.export_submissions", project)
                else []
            ),
        },
    )


@login_required
def submission_detail(request: HttpRequest, pk: int, submission_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.view_submissions")
    submission = _submission_for(project, submission_pk)
    return render(
        request,
        "monitoring/review/detail.html",
        {
            "project": project,
            "submission": submission,
            "answers": selectors_review.answers(submission),
            "history": selectors_review.history(submission),
            "can_review": request.user.has_perm("monitoring.review_submissions", project),
            "note": "",
            "error": "",
        },
    )


@login_required
@require_POST
def submission_review(request: HttpRequest, pk: int, submission_pk: int) -> HttpResponse:
    project = project_for(request, pk, "monitoring.review_submissions")
    submission = _submission_for(project, submission_pk)
    action = request.POST.get("action", "")
    note = request.POST.get("note", "")
    try:
        services_review.review(submission, action=action, note=note, acting_user=request.user)
    except services_review.ReviewError as error:
        submission.refresh_from_db()
        return render(
            request,
            "monitoring/review/detail.html",
            {
                "project": project,
                "submission": submission,
                "answers": selectors_review.answers(submission),
                "history": selectors_review.history(submission),
                "can_review": True,
                "note": note,
                "error": str(error),
            },
            status=400,
        )
    messages.success(
        request,
        {
            "approve": _("The submission is approved."),
            "flag": _("The submission is flagged."),
            "reject": _("The submission is rejected."),
        }[action],
    )
    return redirect("monitoring:submission", pk=project.pk, submission_pk=submission.pk)


@login_required
@require_POST
def submission_bulk_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve the submissions of the table's page still to review (their ids are posted)."""
    project = project_for(request, pk, "monitoring.review_submissions")
    ids = []
    for raw in request.POST.getlist("ids")[: selectors_review.PAGE_SIZE]:
        if (pk := id_from(raw)) is not None:
            ids.append(pk)
    count = services_review.approve_many(project, ids, acting_user=request.user)
    if count:
        messages.success(
            request,
            ngettext("%(count)d submission approved.", "%(count)d submissions approved.", count)
            % {"count": count},
        )
    else:
        messages.info(request, _("No submission on this page was waiting for review."))
    query = _query(request.POST, page=request.POST.get("page", "")[:6] or None)
    url = reverse("monitoring:submissions", args=[project.pk])
    return redirect(f"{url}?{query}" if query else url)
