"""Shared vocabulary of the permission tests: the roles and what each may get."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse

ROLES = ["anonymous", "outsider", "member", "editor", "org_admin", "moderator", "site_admin"]
LOGIN = "login"  # sent to the sign-in page, then back here


def user_for(request, role):
    """The fixture user for ``role`` (``None`` for anonymous)."""
    return None if role == "anonymous" else request.getfixturevalue(role)


def assert_outcome(response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next={quote(url)}"
    else:
        assert response.status_code == expected
        if expected == 403:
            assert "Not allowed" in response.content.decode()
