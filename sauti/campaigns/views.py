"""Campaigns: the public page, signing, confirming, and the organisers' actions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sauti.accounts.decorators import second_factor_redirect
from sauti.core.choices import country_choices

from . import letters as final_letters
from . import markup, services, signatories
from .forms import RemoveSignatureForm, SignatureForm
from .models import Campaign, Letter, Signature

LIST_SIZE = 50
ORGANISER_PAGE_SIZE = 100
PUBLIC_STATES = [choice for choice in Campaign.State.choices if choice[0] != Campaign.State.DRAFT]


def _campaign_or_404(request: HttpRequest, pk: int, perm: str | None = None) -> Campaign:
    campaign = get_object_or_404(Campaign.objects.select_related("coalition", "country"), pk=pk)
    if not request.user.has_perm("campaigns.view_campaign", campaign):
        raise Http404
    if perm and not request.user.has_perm(perm, campaign):
        raise PermissionDenied
    return campaign


def campaign_list(request: HttpRequest) -> HttpResponse:
    country = request.GET.get("country", "").upper()[:2]
    state = request.GET.get("state", "")
    campaigns = Campaign.objects.public().select_related("coalition", "country")
    if country:
        campaigns = campaigns.filter(country_id=country)
    if state in dict(PUBLIC_STATES):
        campaigns = campaigns.filter(state=state)
    else:
        state = ""
    page = Paginator(campaigns, LIST_SIZE).get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in (("country", country), ("state", state)) if v})
    return render(
        request,
        "campaigns/list.html",
        {
            "page": page,
            "query": query,
            "countries": country_choices(),
            "states": PUBLIC_STATES,
            "country": country,
            "state": state,
        },
    )


def _letter_for(request: HttpRequest, campaign: Campaign) -> tuple[Letter | None, list[Letter]]:
    letters = list(campaign.letters.all())
    wanted = request.GET.get("language") or request.LANGUAGE_CODE
    letter = next((item for item in letters if item.language == wanted), None)
    return letter or (letters[0] if letters else None), letters


def _detail(
    request: HttpRequest, campaign: Campaign, form: SignatureForm | None = None, status: int = 200
) -> HttpResponse:
    letter, letters = _letter_for(request, campaign)
    addressees = list(campaign.addressees.all())
    addressee = addressees[0] if addressees else None
    page, groups = signatories.public_page(campaign, request.GET.get("page"))
    total = signatories.count(campaign)
    if form is None and campaign.is_open:
        form = SignatureForm(campaign=campaign)
    user = request.user
    can_organise = user.has_perm("campaigns.change_campaign", campaign)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "letter": letter,
            "letter_subject": final_letters.final_subject(letter, addressee) if letter else "",
            "letter_html": markup.to_html(final_letters.final_body(letter, addressee))
            if letter
            else "",
            "letters": letters,
            "addressees": addressees,
            "page": page,
            "groups": groups,
            "total": total,
            "unnamed": total - page.paginator.count,
            "form": form if campaign.is_open else None,
            "can_organise": can_organise,
            "can_open": can_organise
            and campaign.state in (Campaign.State.DRAFT, Campaign.State.CLOSED),
            "can_close": can_organise and campaign.state == Campaign.State.OPEN,
        },
        status=status,
    )


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _campaign_or_404(request, pk))


def _client_ip(request: HttpRequest) -> str:
    # Behind a proxy, the operator sets SAUTI_CLIENT_IP_HEADER to the header it writes.
    header = getattr(settings, "SAUTI_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


@require_POST
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk)
    if not campaign.is_open:
        messages.error(request, _("This campaign is not open for signatures."))
        return redirect(campaign)
    form = SignatureForm(request.POST, campaign=campaign)
    if not form.is_valid():
        return _detail(request, campaign, form, status=400)
    if not form.is_bot:
        try:
            services.sign(
                campaign,
                form.service_data(),
                language=request.LANGUAGE_CODE,
                network_key=services.network_key(_client_ip(request)),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
            return _detail(request, campaign, form, status=400)
    # The same answer whatever happened: nobody learns from it who has signed.
    return redirect("campaigns:sign_sent", pk=campaign.pk)


def sign_sent(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk)
    return render(request, "campaigns/sign_sent.html", {"campaign": campaign})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: mail scanners follow links, they do not press buttons."""
    try:
        signature = services.signature_from_token(token)
        if request.method == "POST":
            signature = services.confirm_signature(token)
            return render(
                request,
                "campaigns/sign_confirmed.html",
                {
                    "campaign": signature.campaign,
                    "signature": signature,
                    "needs_approval": signature.organisation_id is not None
                    and signature.organisation_approved_at is None,
                },
            )
    except ValidationError as error:
        return render(
            request, "campaigns/sign_invalid.html", {"error": error.messages[0]}, status=400
        )
    return render(
        request,
        "campaigns/sign_confirm.html",
        {"campaign": signature.campaign, "signature": signature},
    )


# --- Organisers ------------------------------------------------------------


def _state_change(request: HttpRequest, pk: int, perm: str, action: object) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, perm)
    try:
        action(campaign, acting_user=request.user)  # type: ignore[operator]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(campaign)


@login_required
@require_POST
def campaign_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _state_change(request, pk, "campaigns.open_campaign", services.open_campaign)


@login_required
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _state_change(request, pk, "campaigns.close_campaign", services.close_campaign)


@login_required
def signature_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Every signature of a campaign, with what the public does not see, for its organisers."""
    campaign = _campaign_or_404(request, pk, "campaigns.export_signatures")
    show = request.GET.get("show", "")
    signatures = Signature.objects.filter(campaign=campaign).select_related("country")
    if show == "held":
        signatures = signatures.filter(held_for_review=True, removed_at__isnull=True)
    elif show == "removed":
        signatures = signatures.filter(removed_at__isnull=False)
    else:
        show = ""
    page = Paginator(signatures.order_by("-created_at", "-id"), ORGANISER_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "campaigns/signatures.html",
        {
            "campaign": campaign,
            "page": page,
            "show": show,
            "query": urlencode({"show": show}) if show else "",
            "held": Signature.objects.filter(
                campaign=campaign, held_for_review=True, removed_at__isnull=True
            ).count(),
            "remove_form": RemoveSignatureForm(),
        },
    )


def _signature_or_404(request: HttpRequest, pk: int, signature_pk: int, perm: str) -> Signature:
    campaign = _campaign_or_404(request, pk, perm)
    return get_object_or_404(Signature, pk=signature_pk, campaign=campaign)


@login_required
@require_POST
def signature_release(request: HttpRequest, pk: int, signature_pk: int) -> HttpResponse:
    signature = _signature_or_404(request, pk, signature_pk, "campaigns.release_signature")
    services.release_signature(signature, acting_user=request.user)
    messages.success(request, _("The signature now counts."))
    return redirect("campaigns:signatures", pk=pk)


@login_required
@require_POST
def signature_remove(request: HttpRequest, pk: int, signature_pk: int) -> HttpResponse:
    signature = _signature_or_404(request, pk, signature_pk, "campaigns.remove_signature")
    form = RemoveSignatureForm(request.POST)
    if form.is_valid():
        try:
            services.remove_signature(
                signature, reason=form.cleaned_data["reason"], acting_user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The signature was removed."))
    else:
        messages.error(request, _("Say why the signature is removed."))
    return redirect("campaigns:signatures", pk=pk)


@login_required
def signature_approve(request: HttpRequest, signature_pk: int) -> HttpResponse:
    """An administrator of the signing organisation agrees that it signs."""
    signature = get_object_or_404(
        Signature.objects.select_related("campaign", "organisation"), pk=signature_pk
    )
    if not request.user.has_perm("campaigns.approve_signature", signature):
        raise PermissionDenied
    if signature.removed_at is not None or signature.confirmed_at is None:
        raise Http404
    guard = second_factor_redirect(request)
    if guard:
        return guard
    if request.method == "POST":
        services.approve_signature(signature, acting_user=request.user)
        messages.success(request, _("Your organisation's signature now counts."))
        return redirect(signature.campaign)
    return render(
        request,
        "campaigns/sign_approve.html",
        {"campaign": signature.campaign, "signature": signature},
    )
