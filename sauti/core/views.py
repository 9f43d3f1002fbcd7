"""Home, countries and regions, abuse reports and the moderation queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.accounts.decorators import second_factor_required
from sauti.opportunities.selectors import upcoming_for

from . import selectors, services
from .forms import AbuseReportForm, ModerationForm
from .i18n import sort_key
from .models import AbuseReport, AuditLogEntry, Country

# Only these kinds of content can be reported; the URL names them by label.
REPORTABLE = {"organisation": ("accounts", "organisation")}


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", selectors.home())


def country_list(request: HttpRequest) -> HttpResponse:
    return render(request, "core/country_list.html", {"regions": selectors.countries_by_region()})


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = get_object_or_404(Country.objects.select_related("region"), code=code.upper())
    organisations = Paginator(selectors.organisations_in(country=country), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "core/country_detail.html",
        {
            "country": country,
            "organisations": organisations,
            "upcoming": upcoming_for(country=country),
        },
    )


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    # The region comes with its countries (every WHO region has some): one query, not two.
    members = list(Country.objects.filter(region_id=code.upper()).select_related("region"))
    if not members:
        raise Http404
    region = members[0].region
    countries = sorted(members, key=lambda c: sort_key(c.name))
    organisations = Paginator(selectors.organisations_in(region=region), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "core/region_detail.html",
        {
            "region": region,
            "countries": countries,
            "organisations": organisations,
            "upcoming": upcoming_for(region=region),
        },
    )


def report_abuse(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in REPORTABLE:
        raise Http404
    model = ContentType.objects.get_by_natural_key(*REPORTABLE[kind]).model_class()
    content = get_object_or_404(model, pk=pk) if model else None
    if content is None or getattr(content, "is_hidden", False):
        raise Http404
    form = AbuseReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["website"]:  # honeypot
            services.report_abuse(
                content,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
                acting_user=request.user,
            )
        messages.success(request, _("Thank you. A moderator will look at your report."))
        return redirect(content)
    return render(request, "core/report_abuse.html", {"form": form, "content": content})


@login_required
@permission_required("core.moderate", raise_exception=True)
@second_factor_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", AbuseReport.Status.OPEN)
    if status not in AbuseReport.Status.values:
        status = AbuseReport.Status.OPEN
    reports = AbuseReport.objects.filter(status=status).select_related("content_type", "reporter")
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "core/moderation_queue.html",
        {
            "page": page,
            "status": status,
            "statuses": AbuseReport.Status.choices,
            "form": ModerationForm(),
        },
    )


@require_POST
@login_required
@permission_required("core.moderate", raise_exception=True)
@second_factor_required
def moderation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(AbuseReport, pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason: it is recorded in the audit log."))
        return redirect("core:moderation")
    reason = form.cleaned_data["reason"]
    if request.POST.get("action") == "hide":
        services.hide_content(report, reason=reason, acting_user=request.user)
        messages.success(request, _("The content is hidden."))
    elif request.POST.get("action") == "restore":
        services.restore_content(report, reason=reason, acting_user=request.user)
        messages.success(request, _("The content is public again."))
    elif request.POST.get("action") == "dismiss":
        services.dismiss_report(report, reason=reason, acting_user=request.user)
        messages.success(request, _("Report dismissed."))
    else:
        messages.error(request, _("That action is not possible."))
    return redirect("core:moderation")


@login_required
@permission_required("core.view_auditlog", raise_exception=True)
@second_factor_required
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = AuditLogEntry.objects.select_related("actor", "target_type")
    action = request.GET.get("action", "")[:64]
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "action": action})


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def open_data(request: HttpRequest) -> HttpResponse:
    """A light, server-rendered guide to the API; the interactive docs are a heavy opt-in."""
    from sauti.api.api import api

    schema = api.get_openapi_schema()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": operation.get("summary", "")}
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(
        request,
        "core/open_data.html",
        {"endpoints": endpoints, "tokens_url": reverse("api_tokens:list")},
    )
