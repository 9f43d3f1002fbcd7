"""Signed-in sessions never record where someone connects from."""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from ..factories import UserFactory

NO_IP = "0.0.0.0"  # noqa: S104 - the placeholder stored instead of an address


def test_login_stores_no_ip_address(db):
    user = UserFactory(email="activist@example.org")
    client = Client(REMOTE_ADDR="198.51.100.23")
    response = client.post(
        reverse("account_login"),
        {"login": "activist@example.org", "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    [session] = UserSession.objects.filter(user=user)
    assert session.ip == NO_IP

    # Later requests from another address do not record it either.
    assert client.get(reverse("accounts:dashboard"), REMOTE_ADDR="203.0.113.77").status_code == 200
    session.refresh_from_db()
    assert session.ip == NO_IP


def test_sessions_page_shows_no_address(db):
    user = UserFactory(email="activist@example.org")
    client = Client(REMOTE_ADDR="198.51.100.23")
    client.post(
        reverse("account_login"),
        {"login": "activist@example.org", "password": "correct horse battery"},
    )
    html = client.get(reverse("usersessions_list")).content.decode()
    assert "198.51.100.23" not in html
    assert UserSession.objects.filter(user=user).count() == 1


def test_wrong_password_signs_no_one_in(db):
    UserFactory(email="activist@example.org")
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": "activist@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )
    assert not UserSession.objects.exists()
