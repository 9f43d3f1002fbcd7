"""Sending the letter, recording it sent by hand, the response, the delivery log, following.

The organisers' actions here email many people (addressees, then every
signatory and follower) in the coalition's name: each asks for the second
factor, like the other sensitive actions, once the user is known to be allowed.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sauti.accounts.decorators import second_factor_redirect
from sauti.core.uploads import download_response

from . import services, services_delivery
from .forms_delivery import FollowForm, ResponseForm, SendForm, SentByHandForm
from .models import Campaign, Delivery
from .views import _campaign_or_404, _client_ip


def _form_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# --- Organisers ------------------------------------------------------------


@login_required
def send(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page (recipients, language), then the send on POST."""
    campaign = _campaign_or_404(request, pk, "campaigns.send_campaign")
    guard = second_factor_redirect(request)
    if guard:
        return guard
    form = SendForm(request.POST or None, campaign=campaign)
    problems = services_delivery.send_problems(campaign)
    if request.method == "POST" and form.is_valid() and not problems:
        try:
            deliveries = services_delivery.send_campaign(
                campaign, language=form.cleaned_data["language"], acting_user=request.user
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The letter is on its way to %(count)d addressee.",
                    "The letter is on its way to %(count)d addressees.",
                    len(deliveries),
                )
                % {"count": len(deliveries)},
            )
            return redirect("campaigns:deliveries", pk=campaign.pk)
    addressees = list(campaign.addressees.all())
    return render(
        request,
        "campaigns/delivery/send.html",
        {
            "campaign": campaign,
            "form": form,
            "problems": problems,
            "recipients": [addressee for addressee in addressees if addressee.email],
            "without_email": [addressee for addressee in addressees if not addressee.email],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def sent_by_hand(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, "campaigns.send_campaign")
    guard = second_factor_redirect(request)
    if guard:
        return guard
    form = SentByHandForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_delivery.record_sent_by_hand(
                campaign,
                day=form.cleaned_data["date"],
                note=form.cleaned_data["note"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Recorded: the letter was sent by hand."))
            return redirect("campaigns:deliveries", pk=campaign.pk)
    return render(
        request,
        "campaigns/delivery/sent_by_hand.html",
        {"campaign": campaign, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def delivery_log(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, "campaigns.send_campaign")
    lines = services_delivery.delivery_log(campaign)
    retry_form = None
    if any(line.can_retry for line in lines):
        retry_form = SendForm(
            campaign=campaign,
            initial_language=services_delivery.last_send_language(campaign),
            auto_id="retry_%s",
        )
    return render(
        request,
        "campaigns/delivery/log.html",
        {"campaign": campaign, "lines": lines, "retry_form": retry_form},
    )


@login_required
@require_POST
def delivery_retry(request: HttpRequest, pk: int, delivery_pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, "campaigns.send_campaign")
    guard = second_factor_redirect(request)
    if guard:
        return guard
    delivery = get_object_or_404(Delivery, pk=delivery_pk, campaign=campaign)
    form = SendForm(request.POST, campaign=campaign)
    if not form.is_valid():
        messages.error(request, _("Choose one of the letter's languages."))
        return redirect("campaigns:deliveries", pk=campaign.pk)
    try:
        services_delivery.retry_delivery(
            delivery, language=form.cleaned_data["language"], acting_user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The letter is on its way again."))
    return redirect("campaigns:deliveries", pk=campaign.pk)


@login_required
def response(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the response (or correct it): its date, text and document."""
    campaign = _campaign_or_404(request, pk, "campaigns.record_response")
    guard = second_factor_redirect(request)
    if guard:
        return guard
    if campaign.state not in (Campaign.State.SENT, Campaign.State.RESPONDED):
        messages.error(request, _("Record that the letter was sent before recording a response."))
        return redirect(campaign)
    form = ResponseForm(request.POST or None, request.FILES or None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        first = campaign.response_notified_at is None
        try:
            services_delivery.record_response(
                campaign,
                day=form.cleaned_data["response_date"],
                text=form.cleaned_data["response_text"],
                document=form.cleaned_data.get("response_document"),
                remove_document=bool(form.cleaned_data.get("remove_document")),
                acting_user=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                _("The response is recorded. Signatories and followers are being told.")
                if first
                else _("The response is updated."),
            )
            return redirect(campaign)
    return render(
        request,
        "campaigns/delivery/response.html",
        {"campaign": campaign, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def response_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The response's document, for whoever may read the campaign (everyone once public)."""
    campaign = _campaign_or_404(request, pk)
    name = campaign.response_document.name if campaign.response_document else ""
    suffix = name[name.rfind(".") :] if "." in name else ""
    return download_response(
        campaign.response_document, filename=f"campaign-{campaign.pk}-response{suffix}"
    )


# --- Following -------------------------------------------------------------


@require_POST
def follow(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow by email (double opt-in), or in one click with a signed-in account's address.

    An address gets the same answer whether it already follows or not.
    """
    campaign = _campaign_or_404(request, pk)
    if not services_delivery.can_follow(campaign):
        messages.error(request, _("The response is in: read it on the campaign page."))
        return redirect(campaign)
    if request.user.is_authenticated and "account" in request.POST:
        try:
            follower = services_delivery.follow_as_user(campaign, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(campaign)
        if follower is None:
            return redirect("campaigns:follow_sent", pk=campaign.pk)
        messages.success(
            request,
            _("You follow this campaign: we will email you at %(email)s.")
            % {"email": follower.email},
        )
        return redirect(campaign)
    form = FollowForm(request.POST, auto_id="follow_%s")
    if form.is_valid():
        if form.is_bot:
            return redirect("campaigns:follow_sent", pk=campaign.pk)
        try:
            services_delivery.follow(
                campaign,
                email=form.cleaned_data["email"],
                language=request.LANGUAGE_CODE,
                network_key=services.network_key(_client_ip(request)),
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            return redirect("campaigns:follow_sent", pk=campaign.pk)
    return render(
        request, "campaigns/delivery/follow.html", {"campaign": campaign, "form": form}, status=400
    )


def follow_sent(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk)
    return render(request, "campaigns/delivery/follow_sent.html", {"campaign": campaign})


def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return render(request, "campaigns/sign_invalid.html", {"error": error.messages[0]}, status=400)


def follow_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: mail scanners follow links, they do not press buttons."""
    try:
        if request.method == "POST":
            follower = services_delivery.confirm_follower(token)
            return render(
                request, "campaigns/delivery/follow_confirmed.html", {"campaign": follower.campaign}
            )
        follower = services_delivery.follower_from_token(token, "confirm")
    except ValidationError as error:
        return _invalid(request, error)
    return render(
        request, "campaigns/delivery/follow_confirm.html", {"campaign": follower.campaign}
    )


@csrf_exempt  # RFC 8058: mail clients POST here without a session; the signed token is the secret
def unfollow(request: HttpRequest, token: str) -> HttpResponse:
    """The stop link of every notice: GET asks, POST (a button, or the mail client) stops.

    A link whose follower already stopped says so; it is no error.
    """
    one_click = request.method == "POST" and "List-Unsubscribe" in request.POST
    try:
        if request.method == "POST":
            campaign = services_delivery.unfollow(token)
            if one_click:
                return HttpResponse(status=200)
            return render(request, "campaigns/delivery/unfollowed.html", {"campaign": campaign})
        follower = services_delivery.follower_to_stop(token)
    except ValidationError as error:
        if one_click:
            return HttpResponse(status=200)  # nothing a mail client could do about it
        return _invalid(request, error)
    if follower is None:
        return render(request, "campaigns/delivery/unfollowed.html", {"campaign": None})
    return render(request, "campaigns/delivery/unfollow.html", {"campaign": follower.campaign})
