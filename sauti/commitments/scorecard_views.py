"""Views of community scorecards: the list, a scorecard, the steps of recording an exercise,
publication, follow-up of the action plan, and exports.

Reading follows ``commitments.view_scorecard`` (published ones are public; an
unpublished or hidden one is a 404 to anyone who may not see it, so its
existence does not leak). Recording follows ``commitments.change_scorecard``:
the organisation's editors and administrators.
"""

from __future__ import annotations

import tempfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.core.privacy import disclosure_threshold
from sauti.monitoring.selectors_public import scorecard_feed

from . import scorecard_exports as exports
from . import scorecard_selectors as selectors
from . import scorecard_services as services
from .models import ActionItem, ParticipantGroup, Scorecard
from .scorecard_charts import scorecard_chart, scorecard_table
from .scorecard_forms import (
    ActionFormSet,
    CustomIndicatorFormSet,
    FollowUpForm,
    GroupFormSet,
    IndicatorChoiceForm,
    InterfaceForm,
    ScorecardForm,
    ScoreGridForm,
    formset_changes,
)


def _scorecard_or_404(request: HttpRequest, pk: int, perm: str | None = None) -> Scorecard:
    scorecard = get_object_or_404(
        Scorecard.objects.select_related("organisation", "country", "mechanism", "cycle"), pk=pk
    )
    if not request.user.has_perm("commitments.view_scorecard", scorecard):
        raise Http404
    if perm and not request.user.has_perm(perm, scorecard):
        raise PermissionDenied
    return scorecard


def _steps(scorecard: Scorecard, current: str, group: ParticipantGroup | None = None) -> dict:
    return {
        "scorecard": scorecard,
        "step": current,
        "current_group": group,
        "progress": selectors.progress(scorecard),
        "all_groups": list(scorecard.groups.order_by("id")),
    }


def _saved(request: HttpRequest, scorecard: Scorecard) -> None:
    if scorecard.is_published:
        messages.success(request, _("Saved. The published scorecard shows the change."))
    else:
        messages.success(request, _("Saved. The scorecard stays a draft until you publish it."))


# --- Reading ------------------------------------------------------------------------------
def scorecard_list(request: HttpRequest) -> HttpResponse:
    search = selectors.ScorecardSearch(request.GET)
    context = {
        "search": search,
        "page": search.page(request.GET.get("page")),
        "query": search.query(),
        "drafts": selectors.drafts_for(request.user),
        "can_add": selectors.editable_organisations(request.user).exists(),
    }
    return render(request, "commitments/scorecard_list.html", context)


def scorecard_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page: small groups withheld, whoever reads it."""
    scorecard = _scorecard_or_404(request, pk)
    data = selectors.breakdown(scorecard)
    can_change = request.user.has_perm("commitments.change_scorecard", scorecard)
    context = {
        "scorecard": scorecard,
        "data": data,
        "chart": scorecard_chart(data) if data.items else None,
        "table": scorecard_table(data),
        "overdue": selectors.overdue_ids(data.actions),
        "can_change": can_change,
        "missing": services.missing_for_publication(scorecard) if can_change else [],
        # Published, disclosure-controlled totals of monitoring projects for the same indicators.
        "community_monitoring": scorecard_feed(scorecard),
    }
    if can_change:
        context |= _steps(scorecard, "")
    return render(request, "commitments/scorecard_detail.html", context)


@login_required
def scorecard_full(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything recorded, small groups included: for the organisation's editors only."""
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    data = selectors.breakdown(scorecard, full=True)
    return render(
        request,
        "commitments/scorecard_full.html",
        {"data": data, **_steps(scorecard, "full")},
    )


def scorecard_export(request: HttpRequest, pk: int) -> HttpResponse:
    """One scorecard as CSV (scores, or ``part=actions``) or XLSX, small groups withheld."""
    scorecard = _scorecard_or_404(request, pk)
    fmt = request.GET.get("format", "csv")
    if fmt not in exports.CONTENT_TYPES:
        raise Http404
    data = selectors.breakdown(scorecard)
    response: HttpResponse
    if fmt == "xlsx":
        handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
        url = settings.SITE_URL + scorecard.get_absolute_url()
        exports.scorecard_xlsx(data, handle, url=url)
        handle.seek(0)
        response = FileResponse(handle, content_type=exports.CONTENT_TYPES[fmt])
        name = exports.filename(f"scorecard-{scorecard.pk}", fmt)
    elif request.GET.get("part") == "actions":
        body = exports.write_csv(exports.ACTION_HEADERS, exports.action_rows(data.actions))
        response = HttpResponse(body, content_type=exports.CONTENT_TYPES[fmt])
        name = exports.filename(f"scorecard-{scorecard.pk}-actions", fmt)
    else:
        body = exports.write_csv(exports.SCORE_HEADERS, exports.score_rows(data))
        response = HttpResponse(body, content_type=exports.CONTENT_TYPES[fmt])
        name = exports.filename(f"scorecard-{scorecard.pk}", fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def scorecard_list_export(request: HttpRequest) -> HttpResponse:
    """The filtered list (same parameters as the list page) as CSV or XLSX."""
    fmt = request.GET.get("format", "csv")
    if fmt not in exports.CONTENT_TYPES:
        raise Http404
    search = selectors.ScorecardSearch(request.GET)
    detail_url = settings.SITE_URL + reverse("commitments:scorecard", args=[0]).replace(
        "/0/", "/{id}/"
    )
    rows = exports.list_rows(selectors.summaries(search.queryset()), detail_url=detail_url)
    response: HttpResponse
    if fmt == "xlsx":
        handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
        exports.list_xlsx(rows, handle, query=search.query(), threshold=disclosure_threshold())
        handle.seek(0)
        response = FileResponse(handle, content_type=exports.CONTENT_TYPES[fmt])
    else:
        response = HttpResponse(
            exports.write_csv(exports.LIST_HEADERS, rows), content_type=exports.CONTENT_TYPES[fmt]
        )
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.filename("scorecards", fmt)}"'
    )
    return response


# --- Recording, step by step -----------------------------------------------------------
@login_required
def scorecard_create(request: HttpRequest) -> HttpResponse:
    organisations = selectors.editable_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    first = organisations.first()
    form = ScorecardForm(
        request.POST or None,
        organisations=organisations,
        initial={"organisation": first, "country": first.country_id if first else ""},
    )
    if request.method == "POST" and form.is_valid():
        scorecard = services.create_scorecard(acting_user=request.user, data=form.service_data())
        _saved(request, scorecard)
        return redirect("commitments:scorecard_groups", scorecard.pk)
    return render(request, "commitments/scorecard_form.html", {"form": form})


@login_required
def scorecard_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    form = ScorecardForm(request.POST or None, instance=scorecard, organisations=None)
    if request.method == "POST" and form.is_valid():
        services.update_scorecard(scorecard, acting_user=request.user, data=form.service_data())
        _saved(request, scorecard)
        return redirect("commitments:scorecard_groups", scorecard.pk)
    return render(
        request, "commitments/scorecard_form.html", {"form": form, **_steps(scorecard, "details")}
    )


@login_required
def scorecard_groups(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    formset = GroupFormSet(
        request.POST or None,
        queryset=scorecard.groups.select_related("constituency").order_by("id"),
        prefix="groups",
    )
    if request.method == "POST" and formset.is_valid():
        groups, removed = formset_changes(formset)
        services.save_groups(scorecard, acting_user=request.user, groups=groups, removed=removed)
        _saved(request, scorecard)
        if request.POST.get("next") == "stay":
            return redirect("commitments:scorecard_groups", scorecard.pk)
        return redirect("commitments:scorecard_indicators", scorecard.pk)
    return render(
        request,
        "commitments/scorecard_groups.html",
        {"formset": formset, "threshold": disclosure_threshold(), **_steps(scorecard, "groups")},
    )


@login_required
def scorecard_indicators(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    chosen = list(
        scorecard.items.filter(indicator__isnull=False).values_list("indicator_id", flat=True)
    )
    form = IndicatorChoiceForm(
        request.POST or None, library=selectors.library(keeping=chosen), initial={"library": chosen}
    )
    formset = CustomIndicatorFormSet(
        request.POST or None,
        queryset=scorecard.items.filter(indicator__isnull=True),
        prefix="custom",
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        custom, removed = formset_changes(formset)
        services.set_indicators(
            scorecard,
            acting_user=request.user,
            library=form.cleaned_data["library"],
            custom=[(item, values["text"]) for item, values in custom],
            removed_custom=removed,
        )
        _saved(request, scorecard)
        first = scorecard.groups.order_by("id").first()
        if first is None:
            return redirect("commitments:scorecard_groups", scorecard.pk)
        return redirect("commitments:scorecard_scores", scorecard.pk, first.pk)
    return render(
        request,
        "commitments/scorecard_indicators.html",
        {"form": form, "formset": formset, **_steps(scorecard, "indicators")},
    )


@login_required
def scorecard_scores(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    group = get_object_or_404(ParticipantGroup, pk=group_pk, scorecard=scorecard)
    items = selectors.items_of(scorecard)
    given = {s.item_id: s for s in group.scores.all()}
    initial: dict[str, str] = {}
    for item_id, score in given.items():
        initial[f"score_{item_id}"] = str(score.score)
        initial[f"reasons_{item_id}"] = score.reasons
    form = ScoreGridForm(
        request.POST or None, items=items, reasons_label=_("Reasons"), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        services.record_group_scores(
            scorecard, group, acting_user=request.user, scores=form.scores()
        )
        _saved(request, scorecard)
        following = scorecard.groups.filter(pk__gt=group.pk).order_by("id").first()
        if following is not None:
            return redirect("commitments:scorecard_scores", scorecard.pk, following.pk)
        return redirect("commitments:scorecard_self_assessment", scorecard.pk)
    return render(
        request,
        "commitments/scorecard_scores.html",
        {
            "form": form,
            "group": group,
            "threshold": disclosure_threshold(),
            **_steps(scorecard, "scores", group),
        },
    )


@login_required
def scorecard_self_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    items = selectors.items_of(scorecard)
    initial: dict[str, str] = {}
    for item in items:
        if item.self_score is not None:
            initial[f"score_{item.pk}"] = str(item.self_score)
        initial[f"reasons_{item.pk}"] = item.self_reasons
    form = ScoreGridForm(
        request.POST or None,
        items=items,
        reasons_label=_("Reasons given by the provider"),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        services.record_self_assessment(scorecard, acting_user=request.user, scores=form.scores())
        _saved(request, scorecard)
        return redirect("commitments:scorecard_interface", scorecard.pk)
    return render(
        request,
        "commitments/scorecard_scores.html",
        {"form": form, "group": None, **_steps(scorecard, "self")},
    )


@login_required
def scorecard_interface(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    form = InterfaceForm(request.POST or None, initial={"outcome": scorecard.interface_outcome})
    if request.method == "POST" and form.is_valid():
        services.record_interface_outcome(
            scorecard, acting_user=request.user, outcome=form.cleaned_data["outcome"]
        )
        _saved(request, scorecard)
        return redirect("commitments:scorecard_actions", scorecard.pk)
    return render(
        request,
        "commitments/scorecard_interface.html",
        {"form": form, **_steps(scorecard, "interface")},
    )


@login_required
def scorecard_actions(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    formset = ActionFormSet(
        request.POST or None, queryset=scorecard.actions.order_by("id"), prefix="actions"
    )
    if request.method == "POST" and formset.is_valid():
        actions, removed = formset_changes(formset)
        services.save_actions(scorecard, acting_user=request.user, actions=actions, removed=removed)
        _saved(request, scorecard)
        if request.POST.get("next") == "stay":
            return redirect("commitments:scorecard_actions", scorecard.pk)
        return redirect(scorecard)
    return render(
        request,
        "commitments/scorecard_actions.html",
        {"formset": formset, **_steps(scorecard, "actions")},
    )


@login_required
def scorecard_follow_up(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    action = get_object_or_404(ActionItem, pk=action_pk, scorecard=scorecard)
    form = FollowUpForm(
        request.POST or None,
        initial={"progress": action.progress, "note": action.follow_up_note},
    )
    if request.method == "POST" and form.is_valid():
        services.update_follow_up(
            action,
            acting_user=request.user,
            progress=form.cleaned_data["progress"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Follow-up saved."))
        return redirect(scorecard)
    return render(
        request,
        "commitments/scorecard_follow_up.html",
        {"form": form, "action": action, "scorecard": scorecard, "is_overdue": action.is_overdue()},
    )


@require_POST
@login_required
def scorecard_publish(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _scorecard_or_404(request, pk, "commitments.change_scorecard")
    publish = request.POST.get("publish") == "yes"
    if publish and services.missing_for_publication(scorecard):
        messages.error(
            request,
            _("Record participant groups, indicators and at least one group's scores first."),
        )
        return redirect(scorecard)
    services.set_published(scorecard, published=publish, acting_user=request.user)
    if publish:
        messages.success(
            request,
            _("Published. Groups of fewer than %(threshold)s people are withheld from the public.")
            % {"threshold": disclosure_threshold()},
        )
    else:
        messages.success(
            request, _("The scorecard is a draft again; only your organisation sees it.")
        )
    return redirect(scorecard)
