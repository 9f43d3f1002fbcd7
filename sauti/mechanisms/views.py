"""Views for the registry: list, record, edit, history, assess, verify, compare, case studies."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from reversion.models import Version

from sauti.accounts.decorators import second_factor_redirect
from sauti.core.models import Country
from sauti.core.uploads import download_response

from . import selectors, services
from .descriptors import DIMENSIONS
from .forms import AssessmentForm, MechanismForm, ReasonForm
from .models import CaseStudy, Mechanism, Source

MAX_COMPARED = 4
MAX_ASKED = 50  # ids looked at in a comparison request; the rest are ignored


def _mechanism_or_404(request: HttpRequest, pk: int, perm: str | None = None) -> Mechanism:
    mechanism = get_object_or_404(Mechanism.objects.select_related("country"), pk=pk)
    if not request.user.has_perm("mechanisms.view_mechanism", mechanism):
        raise Http404
    if perm and not request.user.has_perm(perm, mechanism):
        raise PermissionDenied
    return mechanism


def mechanism_list(request: HttpRequest) -> HttpResponse:
    params = request.GET
    country = params.get("country", "")
    if country and not Country.objects.filter(pk=country.upper()).exists():
        # An unknown country filters nothing out (the menu shows "All"), like
        # the search's other unknown values; the export links follow.
        params = params.copy()
        params.pop("country")
    search = selectors.MechanismSearch(params)
    page = search.page(request.GET.get("page"))
    language = translation.get_language() or "en"
    rows = [(m, selectors.name_for_reader(m, language)) for m in page]
    return render(
        request,
        "mechanisms/list.html",
        {"search": search, "page": page, "rows": rows, "query": search.query_without()},
    )


def mechanism_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mechanism = _mechanism_or_404(request, pk)
    assessments = list(
        mechanism.assessments.select_related("organisation").order_by("-assessed_on", "-id")
    )
    spread = []
    for dimension in DIMENSIONS:
        values = [getattr(a, dimension.name) for a in assessments]
        spread.append(
            {
                "dimension": dimension,
                "latest": values[0] if values else None,
                "low": min(values) if values else None,
                "high": max(values) if values else None,
            }
        )
    context = {
        "mechanism": mechanism,
        "text": selectors.name_for_reader(mechanism, translation.get_language() or "en"),
        "sources": mechanism.sources.all(),
        "constituencies": mechanism.constituencies.all(),
        "assessments": assessments,
        "spread": spread,
        "several_assessors": len({a.organisation_id for a in assessments}) > 1,
        "case_studies": mechanism.case_studies.all(),
        "can_edit": request.user.has_perm("mechanisms.change_mechanism", mechanism),
        "can_assess": request.user.has_perm("mechanisms.assess_mechanism", mechanism),
        "can_verify": request.user.has_perm("mechanisms.verify_mechanism", mechanism),
        "can_delete": request.user.has_perm("mechanisms.delete_mechanism", mechanism),
        "reason_form": ReasonForm(),
        "stages": _yes_no(mechanism, Mechanism.STAGES),
        "resources": _yes_no(
            mechanism, ("has_budget", "has_secretariat", "has_office", "has_allowances")
        ),
        "transparency": _yes_no(
            mechanism,
            (
                "publishes_agendas",
                "publishes_minutes",
                "publishes_decisions",
                "gives_feedback",
                "offers_capacity_building",
            ),
        ),
    }
    return render(request, "mechanisms/detail.html", context)


def _yes_no(mechanism: Mechanism, fields: tuple[str, ...]) -> list[tuple[str, bool | None]]:
    return [
        (str(Mechanism._meta.get_field(f).verbose_name).capitalize(), getattr(mechanism, f))
        for f in fields
    ]


@login_required
def mechanism_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("mechanisms.add_mechanism"):
        raise PermissionDenied
    initial = {
        "original_language": request.LANGUAGE_CODE,
        "country": request.GET.get("country", ""),
    }
    form = MechanismForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        mechanism = services.create_mechanism(
            acting_user=request.user, data=form.service_data(), sources=form.sources()
        )
        messages.success(request, _("The mechanism is in the registry. Thank you."))
        return redirect(mechanism)
    return render(request, "mechanisms/form.html", {"form": form})


@login_required
def mechanism_edit(request: HttpRequest, pk: int) -> HttpResponse:
    mechanism = _mechanism_or_404(request, pk, "mechanisms.change_mechanism")
    form = MechanismForm(
        request.POST or None, request.FILES or None, instance=mechanism, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        services.update_mechanism(
            mechanism, acting_user=request.user, data=form.service_data(), sources=form.sources()
        )
        messages.success(request, _("Changes saved. The earlier version stays in the history."))
        return redirect(mechanism)
    return render(request, "mechanisms/form.html", {"form": form, "mechanism": mechanism})


def mechanism_history(request: HttpRequest, pk: int) -> HttpResponse:
    mechanism = _mechanism_or_404(request, pk)
    versions = (
        Version.objects.get_for_object(mechanism)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created")
    )
    page = Paginator(versions, 50).get_page(request.GET.get("page"))
    for version in page:
        version.change = selectors.describe_change(version.revision.comment)
    return render(request, "mechanisms/history.html", {"mechanism": mechanism, "page": page})


@login_required
def mechanism_assess(request: HttpRequest, pk: int) -> HttpResponse:
    mechanism = _mechanism_or_404(request, pk, "mechanisms.assess_mechanism")
    form = AssessmentForm(
        request.POST or None, user=request.user, initial={"assessed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        services.record_assessment(mechanism, acting_user=request.user, data=form.service_data())
        messages.success(request, _("Assessment recorded."))
        return redirect(mechanism)
    return render(request, "mechanisms/assess.html", {"form": form, "mechanism": mechanism})


@require_POST
@login_required
def mechanism_verify(request: HttpRequest, pk: int) -> HttpResponse:
    mechanism = _mechanism_or_404(request, pk, "mechanisms.verify_mechanism")
    if second_factor := second_factor_redirect(request):
        return second_factor
    verified = request.POST.get("verified") == "yes"
    services.set_verified(mechanism, verified=verified, acting_user=request.user)
    messages.success(request, _("Marked as verified.") if verified else _("Verification removed."))
    return redirect(mechanism)


@require_POST
@login_required
def mechanism_delete(request: HttpRequest, pk: int) -> HttpResponse:
    mechanism = _mechanism_or_404(request, pk, "mechanisms.delete_mechanism")
    if second_factor := second_factor_redirect(request):
        return second_factor
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason: it is recorded in the audit log."))
        return redirect(mechanism)
    services.delete_mechanism(
        mechanism, reason=form.cleaned_data["reason"], acting_user=request.user
    )
    messages.success(request, _("The record was deleted."))
    return redirect("mechanisms:list")


def mechanism_compare(request: HttpRequest) -> HttpResponse:
    ids: list[int] = []
    for value in request.GET.getlist("id")[:MAX_ASKED]:
        # ASCII digits only (as in the detail page's address), and within range of
        # the database's integers: anything else is ignored, never an error.
        if value.isascii() and value.isdigit() and len(value) <= 18 and int(value) not in ids:
            ids.append(int(value))
    # Unknown and hidden ids are ignored before counting, so they never take
    # the place of one that can be shown.
    visible = set(Mechanism.objects.visible().filter(pk__in=ids).values_list("pk", flat=True))
    wanted = [pk for pk in ids if pk in visible]
    too_many = len(wanted) > MAX_COMPARED
    found = {
        m.pk: m
        for m in Mechanism.objects.filter(pk__in=wanted[:MAX_COMPARED])
        .select_related("country")
        .prefetch_related("constituencies", Prefetch("translations"))
    }
    mechanisms = [found[pk] for pk in wanted[:MAX_COMPARED] if pk in found]
    language = translation.get_language() or "en"
    columns = [(m, selectors.name_for_reader(m, language)) for m in mechanisms]
    return render(
        request,
        "mechanisms/compare.html",
        {"columns": columns, "rows": selectors.comparison_rows(mechanisms), "too_many": too_many},
    )


def case_study_list(request: HttpRequest) -> HttpResponse:
    language = translation.get_language() or "en"
    studies = []
    for study in CaseStudy.objects.select_related("country").prefetch_related("translations"):
        # As on the study's page: the reader's language if translated, else the
        # original, marked as such (and with its ``lang`` for screen readers).
        shown = language if language in study.get_available_languages() else study.original_language
        title = study.safe_translation_getter("title", language_code=shown, any_language=True)
        studies.append(
            {"study": study, "title": title, "language": shown, "is_fallback": shown != language}
        )
    return render(request, "mechanisms/case_study_list.html", {"studies": studies})


def case_study_detail(request: HttpRequest, slug: str) -> HttpResponse:
    study = get_object_or_404(CaseStudy.objects.select_related("country", "mechanism"), slug=slug)
    language = translation.get_language() or "en"
    available = study.get_available_languages()
    shown = language if language in available else study.original_language
    study.set_current_language(shown)
    return render(
        request,
        "mechanisms/case_study_detail.html",
        {"study": study, "shown_language": shown, "is_fallback": shown != language},
    )


def source_document(request: HttpRequest, pk: int) -> FileResponse:
    """A source's document, always as a download: a file from a stranger is never
    displayed inside Sauti's pages."""
    source = get_object_or_404(Source.objects.select_related("mechanism"), pk=pk)
    if not request.user.has_perm("mechanisms.view_mechanism", source.mechanism):
        raise Http404
    return download_response(source.document)
