"""Views of the calendar: list, month table, event, feeds, propose/edit, moderation."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from reversion.models import Version

from sauti.accounts.decorators import second_factor_redirect
from sauti.core.choices import country_choices, region_choices, topic_choices
from sauti.reports.models import ShadowReport

from . import ics, selectors, services
from .forms import (
    EngagementForm,
    OpportunityForm,
    OutcomeForm,
    ReasonForm,
    ReportLinkForm,
    TimeZoneForm,
)
from .middleware import TIME_ZONE_COOKIE, TIME_ZONE_COOKIE_AGE
from .models import Engagement, Kind, Level, Opportunity
from .rules import has_started

LIST_SIZE = 100
ICS_SIZE = 1000


def _opportunity_or_404(request: HttpRequest, pk: int, perm: str | None = None) -> Opportunity:
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("country", "region", "organisation"), pk=pk
    )
    if not request.user.has_perm("opportunities.view_opportunity", opportunity):
        raise Http404
    if perm and not request.user.has_perm(perm, opportunity):
        raise PermissionDenied
    return opportunity


def _filters(search: selectors.OpportunitySearch) -> list[dict[str, object]]:
    return [
        {"name": "level", "label": _("Level"), "choices": Level.choices, "selected": search.level},
        {
            "name": "region",
            "label": _("WHO region"),
            "choices": region_choices(),
            "selected": search.region,
        },
        {
            "name": "country",
            "label": _("Country"),
            "choices": country_choices(),
            "selected": search.country,
        },
        {"name": "kind", "label": _("Kind"), "choices": Kind.choices, "selected": search.kind},
        {
            "name": "topic",
            "label": _("Topic"),
            "choices": topic_choices(),
            "selected": search.topic,
        },
    ]


def opportunity_list(request: HttpRequest) -> HttpResponse:
    search = selectors.OpportunitySearch.from_query(request.GET)
    page = Paginator(search.results(), LIST_SIZE).get_page(request.GET.get("page"))
    items = list(page)
    if search.past:
        selectors.count_engagements(items, request.user)
    return render(
        request,
        "opportunities/list.html",
        {
            "search": search,
            "filters": _filters(search),
            "page": page,
            "months": selectors.by_month(items, newest_first=search.past),
            "query": search.query(),
            "can_add": request.user.has_perm("opportunities.add_opportunity"),
        },
    )


def month_view(
    request: HttpRequest, year: int | None = None, month: int | None = None
) -> HttpResponse:
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1948 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    search = selectors.OpportunitySearch.from_query(request.GET)
    first = date(year, month, 1)
    previous = date(year - 1, 12, 1) if month == 1 else date(year, month - 1, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return render(
        request,
        "opportunities/month.html",
        {
            "search": search,
            "filters": _filters(search),
            "query": search.query(),
            "month": first,
            "table": selectors.month_table(year, month, search),
            "table_size": selectors.MONTH_TABLE_SIZE,
            "previous": previous,
            "following": following,
            "today": today,
        },
    )


def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk)
    user = request.user
    can_engage = user.has_perm("opportunities.engage_opportunity", opportunity)
    return render(
        request,
        "opportunities/detail.html",
        {
            "opportunity": opportunity,
            "commitments": opportunity.commitments.prefetch_related("translations"),
            "topics": opportunity.topics.all(),
            "can_edit": user.has_perm("opportunities.change_opportunity", opportunity),
            "can_cancel": user.has_perm("opportunities.cancel_opportunity", opportunity)
            and not opportunity.is_cancelled,
            "can_moderate": user.has_perm("opportunities.moderate_opportunity", opportunity),
            "engagement_form": EngagementForm(user=user) if can_engage else None,
            "reason_form": ReasonForm(),
            "deadline_open": opportunity.deadline_open(),
            # Joint letters timed for this moment: public ones only (one query, no draft).
            "campaigns": opportunity.campaigns.public()  # type: ignore[attr-defined]
            .filter(coalition__hidden_at__isnull=True)
            .select_related("coalition")
            .order_by("-created_at", "-id"),
            **_coordination(request, opportunity),
        },
    )


def opportunity_ics(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk)
    body = ics.calendar_for([opportunity], name=str(opportunity))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sauti-{opportunity.pk}.ics"'
    return response


def calendar_ics(request: HttpRequest) -> HttpResponse:
    """A subscription: coming (and cancelled) opportunities matching the filters."""
    search = selectors.OpportunitySearch.from_query(request.GET)
    # The feed shows no country or region names and reads the texts itself (ics.texts_of).
    events = search.results().select_related(None).prefetch_related(None)[:ICS_SIZE]
    body = ics.calendar_for(events, name=_("Sauti advocacy calendar"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sauti-calendar.ics"'
    return response


def _render_form(
    request: HttpRequest, form: OpportunityForm, opportunity: Opportunity | None = None
) -> HttpResponse:
    return render(request, "opportunities/form.html", {"form": form, "opportunity": opportunity})


def _apply_service_errors(form: OpportunityForm, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def opportunity_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.add_opportunity"):
        raise PermissionDenied
    form = OpportunityForm(
        request.POST or None,
        user=request.user,
        initial={
            "original_language": request.LANGUAGE_CODE,
            "country": request.GET.get("country", "").upper(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = services.propose_opportunity(
                acting_user=request.user, data=form.service_data()
            )
        except ValidationError as error:
            _apply_service_errors(form, error)
            return _render_form(request, form)
        if opportunity.state == Opportunity.State.PUBLISHED:
            messages.success(request, _("The opportunity is on the calendar."))
        else:
            messages.success(
                request,
                _("Thank you. A moderator will review the opportunity before it is published."),
            )
        return redirect(opportunity)
    return _render_form(request, form)


@login_required
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk, "opportunities.change_opportunity")
    form = OpportunityForm(request.POST or None, user=request.user, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_opportunity(
                opportunity, acting_user=request.user, data=form.service_data()
            )
        except ValidationError as error:
            _apply_service_errors(form, error)
            return _render_form(request, form, opportunity)
        messages.success(request, _("Changes saved. The earlier version stays in the history."))
        return redirect(opportunity)
    return _render_form(request, form, opportunity)


def opportunity_history(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk)
    versions = (
        Version.objects.get_for_object(opportunity)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created")
    )
    page = Paginator(versions, 50).get_page(request.GET.get("page"))
    selectors.describe_versions(opportunity, list(page))
    return render(request, "opportunities/history.html", {"opportunity": opportunity, "page": page})


@login_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.moderate_opportunity"):
        raise PermissionDenied
    if second_factor := second_factor_redirect(request):
        return second_factor
    page = Paginator(selectors.moderation_queue(), 50).get_page(request.GET.get("page"))
    return render(request, "opportunities/queue.html", {"page": page, "reason_form": ReasonForm()})


@require_POST
@login_required
def opportunity_publish(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk, "opportunities.moderate_opportunity")
    if second_factor := second_factor_redirect(request):
        return second_factor
    services.publish_opportunity(opportunity, acting_user=request.user)
    messages.success(request, _("Published."))
    return redirect("opportunities:queue")


@require_POST
@login_required
def opportunity_reject(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk, "opportunities.moderate_opportunity")
    if second_factor := second_factor_redirect(request):
        return second_factor
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason: the proposer reads it."))
        return redirect("opportunities:queue")
    services.reject_opportunity(
        opportunity, reason=form.cleaned_data["reason"], acting_user=request.user
    )
    messages.success(request, _("Returned to the proposer with your reason."))
    return redirect("opportunities:queue")


@require_POST
@login_required
def opportunity_resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk, "opportunities.change_opportunity")
    if opportunity.state != Opportunity.State.DRAFT:
        raise PermissionDenied
    services.resubmit_opportunity(opportunity, acting_user=request.user)
    messages.success(request, _("Sent for review again."))
    return redirect(opportunity)


@require_POST
@login_required
def opportunity_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk, "opportunities.cancel_opportunity")
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why it is cancelled: readers see the reason."))
        return redirect(opportunity)
    services.cancel_opportunity(
        opportunity, reason=form.cleaned_data["reason"], acting_user=request.user
    )
    messages.success(request, _("Marked as cancelled. Subscribed calendars will show it."))
    return redirect(opportunity)


@require_POST
@login_required
def opportunity_engage(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk, "opportunities.engage_opportunity")
    form = EngagementForm(request.POST, user=request.user)
    if not form.is_valid():
        _form_errors_as_messages(request, form)
        return redirect(opportunity)
    services.engage(
        opportunity,
        organisation=form.cleaned_data["organisation"],
        note=form.cleaned_data["note"],
        visibility=form.cleaned_data["visibility"],
        remind_days_before=form.cleaned_data["remind_days_before"],
        acting_user=request.user,
    )
    messages.success(request, _("Thank you. Others can now see that your organisation engages."))
    return redirect(opportunity)


def _form_errors_as_messages(request: HttpRequest, form: forms.Form) -> None:
    """The detail page holds several small forms: their errors come back as messages."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(
                request,
                _("%(field)s: %(error)s") % {"field": label, "error": error} if label else error,
            )


def _coordination(request: HttpRequest, opportunity: Opportunity) -> dict[str, object]:
    """The detail page's coordination parts: who engages, what was done, linked reports."""
    user = request.user
    engagements = selectors.engagements_of_reader(opportunity, user)
    link_form = None
    if user.has_perm("opportunities.link_report", opportunity):
        link_form = ReportLinkForm(user=user, opportunity=opportunity)
        if not link_form.fields["report"].queryset.exists():
            link_form = None
    return {
        "engagements": engagements,
        "outcomes": [e for e in engagements if e.outcome or e.can_record_outcome],
        "has_started": has_started(opportunity),
        "outcome_form": OutcomeForm(),
        "reports": selectors.reports_for(opportunity, user),
        "report_link_form": link_form,
        "time_zone_url": _time_zone_url(request),
    }


def _time_zone_url(request: HttpRequest) -> str:
    return f"{reverse('opportunities:time_zone')}?{urlencode({'next': request.get_full_path()})}"


def _safe_next(request: HttpRequest, url: str) -> str:
    if (
        url
        and len(url) <= 2000
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return url
    return reverse("opportunities:list")


def time_zone(request: HttpRequest) -> HttpResponse:
    """Choose the time zone times are shown in; kept in a cookie, for signed-out readers too."""
    current = timezone.get_current_timezone_name()
    if request.method == "POST":
        form = TimeZoneForm(request.POST)
        if form.is_valid():
            response = redirect(_safe_next(request, form.cleaned_data["next"]))
            response.set_cookie(
                TIME_ZONE_COOKIE,
                form.cleaned_data["time_zone"],
                max_age=TIME_ZONE_COOKIE_AGE,
                path="/",
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
            )
            return response
    else:
        form = TimeZoneForm(
            initial={"time_zone": current, "next": request.GET.get("next", "")[:2000]}
        )
    return render(request, "opportunities/time_zone.html", {"form": form, "current": current})


def _engagement_or_404(
    request: HttpRequest, pk: int, engagement_pk: int, perm: str
) -> tuple[Opportunity, Engagement]:
    opportunity = _opportunity_or_404(request, pk)
    engagement = get_object_or_404(
        Engagement.objects.select_related("organisation"),
        pk=engagement_pk,
        opportunity=opportunity,
        organisation__hidden_at__isnull=True,
    )
    engagement.opportunity = opportunity
    if engagement.visibility != Engagement.Visibility.PUBLIC and not request.user.has_perm(
        "opportunities.see_member_engagements"
    ):
        raise Http404
    if not request.user.has_perm(perm, engagement):
        raise PermissionDenied
    return opportunity, engagement


@require_POST
@login_required
def engagement_withdraw(request: HttpRequest, pk: int, engagement_pk: int) -> HttpResponse:
    opportunity, engagement = _engagement_or_404(
        request, pk, engagement_pk, "opportunities.withdraw_engagement"
    )
    services.withdraw_engagement(engagement, acting_user=request.user)
    messages.success(
        request,
        _("%(organisation)s no longer says it will engage.")
        % {"organisation": engagement.organisation.name},
    )
    return redirect(opportunity)


@require_POST
@login_required
def engagement_outcome(request: HttpRequest, pk: int, engagement_pk: int) -> HttpResponse:
    opportunity, engagement = _engagement_or_404(
        request, pk, engagement_pk, "opportunities.record_outcome"
    )
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        _form_errors_as_messages(request, form)
        return redirect(opportunity)
    services.record_outcome(
        engagement, outcome=form.cleaned_data["outcome"], acting_user=request.user
    )
    messages.success(request, _("Thank you. What your organisation did is on the page."))
    return redirect(f"{opportunity.get_absolute_url()}#done")


@require_POST
@login_required
def report_link(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk, "opportunities.link_report")
    form = ReportLinkForm(request.POST, user=request.user, opportunity=opportunity)
    if not form.is_valid():
        _form_errors_as_messages(request, form)
        return redirect(opportunity)
    report = form.cleaned_data["report"]
    if not request.user.has_perm("reports.change_shadowreport", report):
        raise PermissionDenied
    services.link_report(opportunity, report, acting_user=request.user)
    messages.success(request, _("The shadow report is linked to this moment."))
    return redirect(f"{opportunity.get_absolute_url()}#reports")


@require_POST
@login_required
def report_unlink(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(request, pk)
    report = get_object_or_404(
        ShadowReport.objects.select_related("coalition"), pk=report_pk, opportunities=opportunity
    )
    if not request.user.has_perm("reports.view_shadowreport", report):
        raise Http404
    if not request.user.has_perm("reports.change_shadowreport", report):
        raise PermissionDenied
    services.unlink_report(opportunity, report, acting_user=request.user)
    messages.success(request, _("The shadow report is no longer linked to this moment."))
    return redirect(f"{opportunity.get_absolute_url()}#reports")
