"""Views for the directory, organisations, memberships, subscriptions and personal data."""

from __future__ import annotations

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sauti.core.exports import safe_cell

from . import selectors, services
from .decorators import second_factor_redirect
from .forms import (
    DeleteAccountForm,
    JoinForm,
    NetworkJoinForm,
    OrganisationForm,
    ProfileForm,
    RoleForm,
    SubscriptionForm,
    SubscriptionManageForm,
    TranslationForm,
)
from .models import Membership, NetworkMembership, Organisation


def _organisation_or_404(request: HttpRequest, slug: str, perm: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("accounts.view_organisation", organisation):
        raise Http404
    if perm != "accounts.view_organisation" and not request.user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation


# --- Directory -------------------------------------------------------------


def organisation_list(request: HttpRequest) -> HttpResponse:
    directory = selectors.OrganisationDirectory(request.GET)
    if request.GET.get("format") == "csv":
        return _directory_csv(directory)
    return render(request, "accounts/organisation_list.html", {"directory": directory})


def _directory_csv(directory: selectors.OrganisationDirectory) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sauti-organisations.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["name", "acronym", "type", "level", "country", "website", "url"])
    for org in directory.queryset().iterator(chunk_size=500):
        writer.writerow(
            [
                safe_cell(org.name),
                safe_cell(org.acronym),
                org.kind,
                org.level,
                org.country_id or "",
                safe_cell(org.website),
                settings.SITE_URL + org.get_absolute_url(),
            ]
        )
    return response


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_or_404(request, slug, "accounts.view_organisation")
    context = selectors.organisation_page(organisation, request.user)
    return render(request, "accounts/organisation_detail.html", context)


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(
            acting_user=request.user, data=form.service_data()
        )
        messages.success(
            request, _("Your organisation is in the directory. You are its administrator.")
        )
        return redirect(organisation)
    return render(request, "accounts/organisation_form.html", {"form": form})


@login_required
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_or_404(request, slug, "accounts.change_organisation")
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.update_organisation(
            organisation, acting_user=request.user, data=form.service_data()
        )
        messages.success(request, _("Changes saved."))
        return redirect(organisation)
    return render(
        request, "accounts/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
def organisation_translate(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_or_404(request, slug, "accounts.change_organisation")
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_description_translation(
            organisation,
            language=form.cleaned_data["language"],
            text=form.cleaned_data["description"],
            acting_user=request.user,
        )
        messages.success(request, _("Translation saved."))
        return redirect(organisation)
    return render(
        request,
        "accounts/organisation_translate.html",
        {"form": form, "organisation": organisation},
    )


# --- Memberships -----------------------------------------------------------


@login_required
def organisation_join(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_or_404(request, slug, "accounts.request_membership")
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_membership(
                organisation, acting_user=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Your request was sent to the organisation's administrators.")
            )
        return redirect(organisation)
    return render(
        request, "accounts/organisation_join.html", {"form": form, "organisation": organisation}
    )


@login_required
def organisation_members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_or_404(request, slug, "accounts.manage_members")
    if second_factor := second_factor_redirect(request):
        return second_factor
    return render(
        request,
        "accounts/organisation_members.html",
        selectors.members_page(organisation) | {"role_form": RoleForm()},
    )


@require_POST
@login_required
def membership_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _organisation_or_404(request, slug, "accounts.manage_members")
    if second_factor := second_factor_redirect(request):
        return second_factor
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    action = request.POST.get("action")
    form = RoleForm(request.POST)
    try:
        if action == "accept" and form.is_valid():
            services.accept_membership(
                membership, role=form.cleaned_data["role"], acting_user=request.user
            )
            messages.success(request, _("%(name)s is now a member.") % {"name": membership.user})
        elif action == "decline":
            services.decline_membership(membership, acting_user=request.user)
            messages.success(request, _("Request declined."))
        elif action == "role" and form.is_valid():
            services.change_role(
                membership, role=form.cleaned_data["role"], acting_user=request.user
            )
            messages.success(request, _("Role changed."))
        elif action == "remove":
            services.remove_membership(membership, acting_user=request.user)
            messages.success(request, _("Member removed."))
        else:
            messages.error(request, _("That action is not possible."))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("accounts:members", slug=organisation.slug)


@require_POST
@login_required
def organisation_leave(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation_or_404(request, slug, "accounts.view_organisation")
    membership = get_object_or_404(Membership, organisation=organisation, user=request.user)
    try:
        services.remove_membership(membership, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("You left %(name)s.") % {"name": organisation.name})
    return redirect(organisation)


@login_required
def network_join(request: HttpRequest, slug: str) -> HttpResponse:
    network = _organisation_or_404(request, slug, "accounts.view_organisation")
    if not network.is_network:
        raise Http404
    candidates = selectors.organisations_administered_by(request.user).exclude(pk=network.pk)
    form = NetworkJoinForm(request.POST or None, organisations=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_network_membership(
                form.cleaned_data["member"], network, acting_user=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The network's administrators will review the request."))
        return redirect(network)
    return render(
        request,
        "accounts/network_join.html",
        {"form": form, "network": network, "has_candidates": candidates.exists()},
    )


@require_POST
@login_required
def network_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = _organisation_or_404(request, slug, "accounts.manage_members")
    if second_factor := second_factor_redirect(request):
        return second_factor
    link = get_object_or_404(NetworkMembership, pk=pk, network=network)
    action = request.POST.get("action")
    try:
        if action in {"accept", "decline"}:
            services.decide_network_membership(
                link, accept=action == "accept", acting_user=request.user
            )
        elif action == "remove":
            services.remove_network_membership(link, acting_user=request.user)
        else:
            messages.error(request, _("That action is not possible."))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("accounts:members", slug=network.slug)


# --- The signed-in person --------------------------------------------------


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/dashboard.html", selectors.dashboard(request.user))


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"display_name": user.display_name, "language": user.language}
    )
    if request.method == "POST" and form.is_valid():
        user.display_name = form.cleaned_data["display_name"]
        user.language = form.cleaned_data["language"]
        user.save(update_fields=["display_name", "language"])
        messages.success(request, _("Changes saved."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def data_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        services.export_user_data(request.user), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="sauti-my-data-{stamp}.json"'
    return response


@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    blocking = services.organisations_blocking_deletion(request.user)
    if request.method == "POST" and form.is_valid() and not blocking:
        user = request.user
        services.delete_account(
            user, remove_content=form.cleaned_data["remove_content"], acting_user=user
        )
        logout(request)
        messages.success(request, _("Your account has been deleted. Thank you for your work."))
        return redirect("core:home")
    return render(request, "accounts/account_delete.html", {"form": form, "blocking": blocking})


# --- Subscriptions ---------------------------------------------------------


def subscribe(request: HttpRequest) -> HttpResponse:
    initial = {"language": request.LANGUAGE_CODE}
    for key in ("countries", "regions", "topics"):
        if key in request.GET:
            initial[key] = request.GET.getlist(key)
    form = SubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["website"]:  # the honeypot stayed empty: a person
            services.subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                countries=form.cleaned_data["countries"],
                regions=form.cleaned_data["regions"],
                topics=form.cleaned_data["topics"],
                calendar_digest=form.cleaned_data["calendar_digest"],
                acting_user=request.user,
            )
        return render(request, "accounts/subscription_sent.html")
    return render(request, "accounts/subscribe.html", {"form": form})


def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = services.subscription_from_token(
            token, "confirm", max_age=services.CONFIRMATION_MAX_AGE
        )
    except ValidationError as error:
        return render(
            request, "accounts/link_invalid.html", {"error": error.messages[0]}, status=400
        )
    if request.method == "POST":
        services.confirm_subscription(subscription)
        return render(
            request,
            "accounts/subscription_confirmed.html",
            {"manage_url": services.manage_url(subscription)},
        )
    return render(request, "accounts/subscription_confirm.html", {"subscription": subscription})


def subscription_manage(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = services.subscription_from_token(token, "manage")
    except ValidationError as error:
        return render(
            request, "accounts/link_invalid.html", {"error": error.messages[0]}, status=400
        )
    initial = {
        "language": subscription.language,
        "countries": [c.pk for c in subscription.countries.all()],
        "regions": [r.pk for r in subscription.regions.all()],
        "topics": [t.pk for t in subscription.topics.all()],
        "calendar_digest": subscription.calendar_digest,
    }
    form = SubscriptionManageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_subscription(
            subscription,
            language=form.cleaned_data["language"],
            countries=form.cleaned_data["countries"],
            regions=form.cleaned_data["regions"],
            topics=form.cleaned_data["topics"],
            calendar_digest=form.cleaned_data["calendar_digest"],
        )
        messages.success(request, _("Your choices are saved."))
        return redirect(request.path)
    return render(
        request,
        "accounts/subscription_manage.html",
        {
            "form": form,
            "subscription": subscription,
            "unsubscribe_token": services.subscription_token(subscription, "unsubscribe"),
        },
    )


@csrf_exempt  # RFC 8058: mail clients POST here without a session; the signed token is the secret
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = services.subscription_from_token(token, "unsubscribe")
    except ValidationError as error:
        if request.method == "POST" and "List-Unsubscribe" in request.POST:
            return HttpResponse(status=200)  # already gone; nothing to tell a mail client
        return render(
            request, "accounts/link_invalid.html", {"error": error.messages[0]}, status=400
        )
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render(request, "accounts/unsubscribed.html")
    return render(request, "accounts/unsubscribe.html", {"subscription": subscription})
