"""Views for country tracking: the framework, a country's scorecard, recording assessments,
consolidated assessments, comparisons, history and export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sauti.accounts.decorators import second_factor_redirect
from sauti.accounts.models import Subscription
from sauti.core.choices import country_choices
from sauti.core.models import Country, Region
from sauti.core.uploads import download_response

from . import exports, selectors, services
from .forms import (
    AssessmentForm,
    ConsolidatedForm,
    CountryAssessmentsForm,
    OrganisationChoiceForm,
    StartConsolidatedForm,
)
from .models import Commitment, Consolidated, CountryAssessment, Cycle, Evidence, Framework


# --- Lookups -------------------------------------------------------------------------------
def _country(code: str) -> Country:
    return get_object_or_404(Country.objects.select_related("region"), code=code.upper())


def _cycle(code: str) -> Cycle:
    return get_object_or_404(Cycle.objects.prefetch_related("translations"), code=code)


def _commitment(pk: int) -> Commitment:
    return get_object_or_404(
        Commitment.objects.select_related("framework").prefetch_related("translations"),
        pk=pk,
        is_active=True,
        framework__is_active=True,
    )


def _consolidated(request: HttpRequest, pk: int, perm: str | None = None) -> Consolidated:
    consolidated = get_object_or_404(
        Consolidated.objects.select_related("coalition", "country__region", "cycle"), pk=pk
    )
    if not request.user.has_perm("commitments.view_consolidated", consolidated):
        raise Http404
    if perm and not request.user.has_perm(perm, consolidated):
        raise PermissionDenied
    return consolidated


def _choice(request: HttpRequest, organisations: Any) -> Any:
    """The organisation asked for in ``?organisation=``, else the first the person edits for."""
    wanted = request.GET.get("organisation", "")
    if wanted.isascii() and wanted.isdigit() and len(wanted) <= 18:
        found = organisations.filter(pk=int(wanted)).first()
        if found is not None:
            return found
    return organisations.first()


def _filters(request: HttpRequest) -> tuple[list[Cycle], Cycle | None, list[Framework], Any]:
    """The cycle and framework a comparison page shows (unknown codes: the defaults)."""
    all_cycles = selectors.cycles()
    cycle = selectors.pick(
        all_cycles, request.GET.get("cycle"), default=selectors.default_cycle(all_cycles)
    )
    frameworks = selectors.frameworks()
    framework = selectors.pick(
        frameworks, request.GET.get("framework"), default=frameworks[0] if frameworks else None
    )
    return all_cycles, cycle, frameworks, framework


# --- The framework -------------------------------------------------------------------------
def index(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("country", "")
    if code:
        if Country.objects.filter(pk=code.upper()).exists():
            return redirect("commitments:country", code.lower())
        messages.error(request, _("Choose a country from the list."))
    return render(
        request,
        "commitments/index.html",
        {
            "frameworks": selectors.frameworks(),
            "countries": country_choices(),
            "regions": Region.objects.all(),
        },
    )


def framework_detail(request: HttpRequest, framework: str) -> HttpResponse:
    found = selectors.pick(selectors.frameworks(), framework)
    if found is None:
        raise Http404
    return render(request, "commitments/framework.html", {"framework": found})


def commitment_detail(request: HttpRequest, framework: str, code: str) -> HttpResponse:
    commitment = get_object_or_404(
        Commitment.objects.select_related("framework").prefetch_related(
            "translations", "framework__translations"
        ),
        framework__code=framework,
        framework__is_active=True,
        code=code,
        is_active=True,
    )
    all_cycles = selectors.cycles()
    return render(
        request,
        "commitments/commitment.html",
        {
            "commitment": commitment,
            "overview": selectors.commitment_overview(commitment, all_cycles),
            "status_labels": [selectors.status_label(s) for s in selectors.STATUSES],
        },
    )


# --- A country -----------------------------------------------------------------------------
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = _country(code)
    context = selectors.country_scorecard(country)
    user = request.user
    can_record = user.has_perm("commitments.record_assessments")
    context.update(
        country=country,
        can_record=can_record,
        can_consolidate=user.has_perm("commitments.start_consolidated"),
        open_cycles=[c for c in context["cycles"] if c.is_open()],
        drafts=list(
            Consolidated.objects.filter(
                country=country,
                state=Consolidated.State.DRAFT,
                coalition__in=selectors.coalitions_edited_by(user),
            ).select_related("coalition", "cycle")
        ),
    )
    return render(request, "commitments/country.html", context)


@login_required
def assess(request: HttpRequest, code: str, cycle: str, commitment: int) -> HttpResponse:
    """Record or change an organisation's status for one commitment, with evidence."""
    if not request.user.has_perm("commitments.record_assessments"):
        raise PermissionDenied
    country, found_cycle, found = _country(code), _cycle(cycle), _commitment(commitment)
    organisations = selectors.organisations_edited_by(request.user)
    organisation = _choice(request, organisations)
    existing = (
        CountryAssessment.objects.filter(
            organisation=organisation, country=country, cycle=found_cycle, commitment=found
        )
        .prefetch_related("evidence")
        .first()
    )
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        country=country,
        assessment=existing,
        initial={"organisation": organisation},
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["organisation"]
        if not request.user.has_perm("commitments.assess_country", chosen):
            raise PermissionDenied
        try:
            services.record_assessment(
                organisation=chosen,
                country=country,
                cycle=found_cycle,
                commitment=found,
                status=form.cleaned_data["status"],
                narrative=form.cleaned_data["narrative"],
                evidence=form.evidence(),
                remove_evidence=form.removed() if chosen == organisation else (),
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Assessment recorded. Earlier versions stay in the history.")
            )
            return redirect(reverse("commitments:country", args=[country.code.lower()]))
    return render(
        request,
        "commitments/assess.html",
        {
            "form": form,
            "country": country,
            "cycle": found_cycle,
            "commitment": found,
            "assessment": existing,
            "organisation": organisation,
            "is_open": found_cycle.is_open(),
        },
    )


@login_required
def assess_country(request: HttpRequest, code: str, cycle: str) -> HttpResponse:
    """Record several commitments at once for one country and cycle."""
    if not request.user.has_perm("commitments.record_assessments"):
        raise PermissionDenied
    country, found_cycle = _country(code), _cycle(cycle)
    organisations = selectors.organisations_edited_by(request.user)
    organisation = _choice(request, organisations)
    commitments = selectors.active_commitments()
    existing = selectors.organisation_assessments(organisation, country, found_cycle)
    form = CountryAssessmentsForm(
        request.POST or None,
        request.FILES or None,
        commitments=commitments,
        country=country,
        existing=existing,
    )
    if request.method == "POST" and organisation is not None and form.is_valid():
        if not request.user.has_perm("commitments.assess_country", organisation):
            raise PermissionDenied
        try:
            recorded = services.record_assessments(
                organisation=organisation,
                country=country,
                cycle=found_cycle,
                items=form.items(),
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s status recorded for %(organisation)s.",
                    "%(count)s statuses recorded for %(organisation)s.",
                    len(recorded),
                )
                % {"count": len(recorded), "organisation": organisation},
            )
            return redirect(reverse("commitments:country", args=[country.code.lower()]))
    return render(
        request,
        "commitments/assess_country.html",
        {
            "form": form,
            "country": country,
            "cycle": found_cycle,
            "organisation": organisation,
            "choose": OrganisationChoiceForm(
                organisations=organisations, initial={"organisation": organisation}
            )
            if organisations.count() > 1
            else None,
            "is_open": found_cycle.is_open(),
        },
    )


def evidence_document(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence document, always as a download: a file from a stranger is never
    displayed inside Sauti's pages."""
    evidence = get_object_or_404(
        Evidence.objects.select_related("assessment__organisation"),
        pk=pk,
        assessment__organisation__hidden_at__isnull=True,
    )
    return download_response(evidence.document)


def history(request: HttpRequest, code: str, commitment: int) -> HttpResponse:
    country, found = _country(code), _commitment(commitment)
    found_history = selectors.commitment_history(country, found)
    page = Paginator(found_history["versions"], 50).get_page(request.GET.get("page"))
    rows = selectors.describe_versions(
        page, found_history["assessments"], found_history["evidence_type"]
    )
    return render(
        request,
        "commitments/history.html",
        {
            "country": country,
            "commitment": found,
            "page": page,
            "rows": rows,
            "positions": found_history["positions"],
        },
    )


# --- Comparisons ---------------------------------------------------------------------------
def region(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(Region, code=code.upper())
    all_cycles, cycle, frameworks, framework = _filters(request)
    context: dict[str, Any] = {
        "region": found,
        "cycles": all_cycles,
        "cycle": cycle,
        "frameworks": frameworks,
        "framework": framework,
    }
    if cycle is not None and framework is not None:
        context.update(selectors.region_comparison(found, cycle, framework))
    return render(request, "commitments/region.html", context)


def world(request: HttpRequest) -> HttpResponse:
    all_cycles, cycle, frameworks, framework = _filters(request)
    context: dict[str, Any] = {
        "cycles": all_cycles,
        "cycle": cycle,
        "frameworks": frameworks,
        "framework": framework,
    }
    if cycle is not None and framework is not None:
        overview = selectors.global_overview(cycle, framework)
        chosen = selectors.pick(
            overview["commitments"],
            request.GET.get("commitment"),
            default=overview["commitments"][0] if overview["commitments"] else None,
        )
        context.update(overview)
        context.update(selectors.world_chart(overview))
        context["chosen"] = chosen
        if chosen is not None:
            context["regions"] = [
                {"region": r, "row": overview["by_region"][r.code][chosen.pk]}
                for r in Region.objects.all()
            ]
    return render(request, "commitments/world.html", context)


def export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """Country assessments as CSV or XLSX, filtered by ``country`` and ``cycle``."""
    fmt = request.GET.get("format", "csv")
    if fmt not in exports.CONTENT_TYPES:
        raise Http404
    country = request.GET.get("country", "").upper()
    cycle = request.GET.get("cycle", "")
    if country and not Country.objects.filter(pk=country).exists():
        country = ""
    if cycle and not Cycle.objects.filter(code=cycle).exists():
        cycle = ""
    rows = exports.records(exports.queryset(country=country, cycle=cycle))
    response: HttpResponse | StreamingHttpResponse
    if fmt == "xlsx":
        response = FileResponse(exports.xlsx_file(rows), content_type=exports.CONTENT_TYPES[fmt])
    else:
        response = StreamingHttpResponse(
            exports.csv_chunks(rows), content_type=exports.CONTENT_TYPES[fmt]
        )
    name = exports.filename(fmt, country=country, cycle=cycle)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- Consolidated assessments --------------------------------------------------------------
@login_required
def consolidate(request: HttpRequest, code: str) -> HttpResponse:
    """Open (or find) a coalition's draft for a country and cycle."""
    if not request.user.has_perm("commitments.start_consolidated"):
        raise PermissionDenied
    country = _country(code)
    all_cycles = selectors.cycles()
    form = StartConsolidatedForm(
        request.POST or None,
        coalitions=selectors.coalitions_edited_by(request.user),
        initial={"cycle": selectors.default_cycle(all_cycles)},
    )
    if request.method == "POST" and form.is_valid():
        coalition = form.cleaned_data["coalition"]
        if not request.user.has_perm("commitments.consolidate_for", coalition):
            raise PermissionDenied
        try:
            consolidated = services.start_consolidated(
                coalition=coalition,
                country=country,
                cycle=form.cleaned_data["cycle"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if consolidated.is_published:
                messages.info(
                    request,
                    _("This coalition has already published its assessment for that cycle."),
                )
                return redirect(consolidated)
            return redirect("commitments:consolidated_edit", consolidated.pk)
    return render(request, "commitments/consolidate.html", {"form": form, "country": country})


def consolidated_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consolidated = _consolidated(request, pk)
    context = selectors.consolidated_view(consolidated)
    context.update(
        consolidated=consolidated,
        can_edit=not consolidated.is_published
        and request.user.has_perm("commitments.change_consolidated", consolidated),
        can_publish=not consolidated.is_published
        and request.user.has_perm("commitments.publish_consolidated", consolidated),
    )
    return render(request, "commitments/consolidated.html", context)


@login_required
def consolidated_edit(request: HttpRequest, pk: int) -> HttpResponse:
    consolidated = _consolidated(request, pk, "commitments.change_consolidated")
    if consolidated.is_published:
        messages.info(
            request, _("This consolidated assessment is published; it can no longer be changed.")
        )
        return redirect(consolidated)
    commitments = selectors.active_commitments()
    entries = {entry.commitment_id: entry for entry in consolidated.entries.all()}
    form = ConsolidatedForm(
        request.POST or None,
        commitments=commitments,
        entries=entries,
        initial={"summary": consolidated.summary},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_consolidated(
                consolidated,
                summary=form.cleaned_data["summary"],
                entries=form.entries(),
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Draft saved. Publish it when the coalition agrees."))
            return redirect(consolidated)
    members = selectors.members_by_commitment(consolidated)
    for row in form.rows:
        row["members"] = members.get(row["commitment"].pk, [])
    return render(
        request, "commitments/consolidated_edit.html", {"form": form, "consolidated": consolidated}
    )


@login_required
def consolidated_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation (GET), then publish and email the country's subscribers (POST)."""
    consolidated = _consolidated(request, pk, "commitments.publish_consolidated")
    if second_factor := second_factor_redirect(request):
        return second_factor
    if consolidated.is_published:
        messages.info(request, _("This consolidated assessment is already published."))
        return redirect(consolidated)
    if request.method == "POST":
        try:
            services.publish_consolidated(consolidated, acting_user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return HttpResponseRedirect(request.path)
        messages.success(
            request, _("Published. Subscribers who follow this country are being told by email.")
        )
        return redirect(consolidated)
    subscribers = (
        Subscription.objects.filter(countries=consolidated.country, confirmed_at__isnull=False)
        .distinct()
        .count()
    )
    entries = consolidated.entries.count()
    return render(
        request,
        "commitments/consolidated_publish.html",
        {"consolidated": consolidated, "subscribers": subscribers, "entries": entries},
    )
