"""View guards shared by privileged views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


def needs_second_factor(request: HttpRequest) -> bool:
    return (
        settings.SAUTI_REQUIRE_MFA_FOR_PRIVILEGED
        and request.user.is_authenticated
        and not is_mfa_enabled(request.user)
    )


def second_factor_redirect(request: HttpRequest) -> HttpResponse | None:
    """A redirect to set up a second factor, or ``None`` when the user has one.

    Call it only once the user is known to be privileged for what they ask:
    people without the permission get a plain 403, not a request for a second factor.
    """
    if not needs_second_factor(request):
        return None
    messages.warning(
        request,
        _(
            "Administrators and moderators must protect their account with a second "
            "factor. Set up an authenticator app or a security key to continue."
        ),
    )
    return redirect(reverse("mfa_activate_totp"))


def second_factor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send a privileged user without a second factor to set one up first.

    Administrators of organisations and moderators can expose other people;
    a stolen password alone must not be enough to act in their name. Put it
    after the permission check (e.g. below ``permission_required``).
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return second_factor_redirect(request) or view(request, *args, **kwargs)

    return wrapper
