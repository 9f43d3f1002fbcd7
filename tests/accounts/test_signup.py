"""Signing up with email, verifying it, and what happens with bad input."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from sauti.accounts.models import User

from ..factories import UserFactory

SIGNUP = reverse("account_signup")


def signup(client, email="new.person@example.org", **overrides):
    data = {
        "email": email,
        "password1": "a long and unusual passphrase",
        "password2": "a long and unusual passphrase",
        "display_name": "New Person",
    } | overrides
    return client.post(SIGNUP, data)


def test_signup_sends_a_verification_email_in_the_page_language(db):
    client = Client()
    response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.person@example.org")
    assert (user.display_name, user.language) == ("New Person", "en")
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == ["new.person@example.org"]
    match = re.search(r"http://testserver(/en/accounts/confirm-email/[^/\s]+/)", message.body)
    assert match, message.body
    # Confirming takes a POST (ACCOUNT_CONFIRM_EMAIL_ON_GET is off) and signs the person in.
    page = client.get(match.group(1))
    assert page.status_code == 200
    assert not EmailAddress.objects.get(user=user).verified
    client.post(match.group(1))
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_signup_in_french_records_french_as_the_language(db):
    Client().post(
        reverse("account_signup").replace("/en/", "/fr/"),
        {
            "email": "fr@example.org",
            "password1": "a long and unusual passphrase",
            "password2": "a long and unusual passphrase",
            "display_name": "Aminata",
        },
    )
    assert User.objects.get(email="fr@example.org").language == "fr"


def test_unverified_account_cannot_sign_in(db):
    signup(Client())
    mail.outbox.clear()
    client = Client()
    response = client.post(
        reverse("account_login"),
        {"login": "new.person@example.org", "password": "a long and unusual passphrase"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_duplicate_email_creates_no_second_user_and_reveals_nothing(db):
    UserFactory(email="taken@example.org")
    response = signup(Client(), email="Taken@Example.org")
    # The same answer as a fresh sign-up: whether an address has an account stays private.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    # The owner of the address is told instead.
    [message] = mail.outbox
    assert message.to == ["taken@example.org"]


def test_display_name_is_required_and_cleaned(db):
    response = signup(Client(), display_name="")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not User.objects.exists()
    signup(Client(), display_name="<i>Ama</i>")
    assert User.objects.get().display_name == "Ama"


def test_mismatched_passwords_are_refused(db):
    response = signup(Client(), password2="something else entirely")
    assert response.status_code == 200
    assert "You must type the same password each time." in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize("key", ["bogus", "MQ:1tXyZa:abcdefghijklmnopqrstuvwxyz0123456789"])
def test_bogus_confirmation_key_gets_a_message_not_an_error(db, key):
    response = Client().get(reverse("account_confirm_email", args=[key]))
    assert response.status_code == 200
    assert "This email confirmation link expired or is invalid." in response.content.decode()
    post = Client().post(reverse("account_confirm_email", args=[key]))
    assert post.status_code == 404
    assert not EmailAddress.objects.filter(verified=True).exists()
