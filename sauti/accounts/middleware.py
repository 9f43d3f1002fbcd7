"""Keep the Django admin behind a second factor too."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from .decorators import needs_second_factor


class RequireSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        admin_root = reverse("admin:index")
        if (
            request.path.startswith(admin_root)
            and getattr(request.user, "is_staff", False)
            and needs_second_factor(request)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
