"""Views of shadow reports: lists, the form, generation, the report's page and its files.

A report that is not public is a 404 to anyone outside its coalition, so that
its existence does not leak; inside the coalition, what a person may not do
is a 403. The report's page reloads itself (``<meta http-equiv="refresh">``)
while the report is generated: no JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.accounts.decorators import second_factor_redirect
from sauti.accounts.models import Organisation
from sauti.core.models import Country
from sauti.core.uploads import download_response

from . import docx, pdf, selectors, services
from .forms import ReportForm
from .models import ShadowReport

PAGE_SIZE = 25
FORMATS = {"docx": docx.CONTENT_TYPE, "pdf": pdf.CONTENT_TYPE}


def _coalition(request: HttpRequest, slug: str) -> Organisation:
    coalition = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("accounts.view_organisation", coalition):
        raise Http404
    return coalition


def _report(request: HttpRequest, pk: int, perm: str | None = None) -> ShadowReport:
    report = get_object_or_404(
        ShadowReport.objects.select_related("coalition", "country", "cycle", "created_by"), pk=pk
    )
    if not request.user.has_perm("reports.view_shadowreport", report):
        raise Http404
    if perm and not request.user.has_perm(perm, report):
        raise PermissionDenied
    return report


def index(request: HttpRequest) -> HttpResponse:
    """Published shadow reports (of one country with ``?country=KE``), and the coalitions
    the reader works in."""
    country = Country.objects.filter(pk=request.GET.get("country", "").upper()[:2]).first()
    reports = selectors.public_list(country.code if country else "")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/index.html",
        {
            "page": page,
            "country": country,
            "query": urlencode({"country": country.code}) if country else "",
            "coalitions": selectors.coalitions_of(request.user),
        },
    )


def coalition_reports(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request, slug)
    page = Paginator(selectors.of_coalition(coalition, request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "reports/coalition.html",
        {
            "coalition": coalition,
            "page": page,
            "can_add": request.user.has_perm("reports.add_shadowreport", coalition),
        },
    )


def _form_values(form: ReportForm) -> dict:
    data = form.cleaned_data
    return {
        "country": data["country"],
        "cycle": data["cycle"],
        "language": data["language"],
        "title": data["title"],
        "foreword": data["foreword"],
        "recommendations": data["recommendations"],
        "case_studies": list(data["case_studies"]),
        "include_scorecards": data["include_scorecards"],
    }


@login_required
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request, slug)
    if not request.user.has_perm("reports.add_shadowreport", coalition):
        raise PermissionDenied
    initial = {"language": request.LANGUAGE_CODE, "include_scorecards": True}
    if coalition.country_id:
        initial["country"] = coalition.country_id
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        report = services.create_report(
            coalition=coalition, acting_user=request.user, **_form_values(form)
        )
        messages.success(request, _("Report saved. Generate it to get the DOCX and PDF."))
        return redirect(report)
    return render(request, "reports/form.html", {"form": form, "coalition": coalition})


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "reports.change_shadowreport")
    initial = {
        "title": report.title,
        "country": report.country_id,
        "cycle": report.cycle,
        "language": report.language,
        "foreword": report.foreword,
        "recommendations": report.recommendations,
        "case_studies": list(report.case_studies.all()),
        "include_scorecards": report.include_scorecards,
    }
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_report(report, acting_user=request.user, **_form_values(form))
        messages.success(
            request, _("Saved. Generate the report again for the files to show the change.")
        )
        return redirect(report)
    return render(
        request,
        "reports/form.html",
        {"form": form, "coalition": report.coalition, "report": report},
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The report's page: what it covers, its progress while generated, its files."""
    report = _report(request, pk)
    user = request.user
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "case_studies": list(report.case_studies.prefetch_related("translations")),
            "moments": list(report.opportunities.published().prefetch_related("translations")),
            "can_change": user.has_perm("reports.change_shadowreport", report),
            "can_publish": user.has_perm("reports.publish_shadowreport", report),
            "working": report.is_working and not services.is_stale(report),
            "stale": services.is_stale(report),
        },
    )


@login_required
@require_POST
def report_generate(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "reports.change_shadowreport")
    if not services.request_generation(report, acting_user=request.user):
        messages.info(request, _("This report is already being generated."))
    return redirect(report)


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the report's files public (``public=1``) or the coalition's again (``public=0``)."""
    report = _report(request, pk, "reports.publish_shadowreport")
    if second_factor := second_factor_redirect(request):
        return second_factor
    public = request.POST.get("public") == "1"
    try:
        services.set_public(report, public=public, acting_user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The report is public: anyone can download it.")
            if public
            else _("The report is private again: only the coalition's members can download it."),
        )
    return redirect(report)


def report_download(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    """A generated file, always as a download, never shown inside Sauti's pages."""
    if fmt not in FORMATS:
        raise Http404
    report = _report(request, pk)
    name = slugify(report.title)[:60] or "shadow-report"
    response = download_response(
        report.docx if fmt == "docx" else report.pdf,
        filename=f"{name}-{report.pk}-{report.language}.{fmt}",
        content_type=FORMATS[fmt],
    )
    if not report.is_published:
        response["Cache-Control"] = "private, no-store"
    return response
