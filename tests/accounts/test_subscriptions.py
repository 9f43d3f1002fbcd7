"""Email updates: double opt-in, managing, unsubscribing (incl. RFC 8058 one-click)."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sauti.accounts import services
from sauti.accounts.models import Subscription

SITE = "http://127.0.0.1:8000"
SUBSCRIBE = reverse("accounts:subscribe")


def link_in(body, name):
    """The path of the first link to the named view in an email body."""
    prefix = reverse(f"accounts:{name}", args=["TOKEN"]).replace("TOKEN/", "")
    match = re.search(re.escape(SITE + prefix) + r"[^/\s]+/", body)
    assert match, body
    return match.group(0).removeprefix(SITE)


def subscribe(client, **overrides):
    data = {
        "email": "Follower@Example.org",
        "language": "en",
        "countries": ["KE"],
        "topics": ["campaigns", "consultations"],
        "website": "",
    } | overrides
    return client.post(SUBSCRIBE, data)


@pytest.fixture
def confirmed(db):
    subscription = Subscription.objects.create(
        email="follower@example.org", language="en", confirmed_at=timezone.now()
    )
    subscription.topics.set(["campaigns"])
    return subscription


def test_double_opt_in(db):
    client = Client()
    response = subscribe(client)
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.email == "follower@example.org"
    assert not subscription.is_confirmed
    assert sorted(subscription.topics.values_list("code", flat=True)) == [
        "campaigns",
        "consultations",
    ]

    [message] = mail.outbox
    assert message.to == ["follower@example.org"]
    assert message.subject == "[Sauti] Confirm your email updates"
    confirm_path = link_in(message.body, "subscription_confirm")

    # Opening the link (mail scanners do) confirms nothing: it shows a button.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert '<form method="post">' in page.content.decode()
    assert "Confirm that follower@example.org should receive" in page.content.decode()
    subscription.refresh_from_db()
    assert not subscription.is_confirmed

    done = client.post(confirm_path)
    assert done.status_code == 200
    assert "Subscription confirmed" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    assert reverse("accounts:subscription_manage", args=["x"]).rsplit("x/", 1)[0] in (
        done.content.decode()
    )


def test_choosing_nothing_to_follow_is_refused(db):
    response = subscribe(Client(), countries=[], topics=[])
    assert "Choose at least one country, region or topic to follow." in (response.content.decode())
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_honeypot_stores_nothing_but_answers_the_same(db):
    response = subscribe(Client(), website="http://spam.example")
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_token_older_than_seven_days_has_expired(db, monkeypatch):
    subscription = Subscription.objects.create(email="late@example.org")
    eight_days_ago = time.time() - 8 * 24 * 3600
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: eight_days_ago)
        token = services.subscription_token(subscription, "confirm")
    response = Client().get(reverse("accounts:subscription_confirm", args=[token]))
    assert response.status_code == 400
    assert "This link has expired. Please subscribe again." in response.content.decode()
    assert Client().post(reverse("accounts:subscription_confirm", args=[token])).status_code == (
        400
    )
    subscription.refresh_from_db()
    assert not subscription.is_confirmed


def test_token_six_days_old_still_works(db, monkeypatch):
    subscription = Subscription.objects.create(email="slow@example.org")
    six_days_ago = time.time() - 6 * 24 * 3600
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: six_days_ago)
        token = services.subscription_token(subscription, "confirm")
    assert Client().get(reverse("accounts:subscription_confirm", args=[token])).status_code == (200)


def test_expired_token_is_refused_by_the_service(db):
    subscription = Subscription.objects.create(email="late@example.org")
    token = services.subscription_token(subscription, "confirm")
    with pytest.raises(ValidationError, match="expired"):
        services.subscription_from_token(token, "confirm", max_age=-1)


@pytest.mark.parametrize("view", ["subscription_confirm", "subscription_manage", "unsubscribe"])
def test_tampered_token_gets_a_clear_400_page(confirmed, view):
    token = services.subscription_token(confirmed, "unsubscribe" if view == "unsubscribe" else view)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    response = Client().get(reverse(f"accounts:{view}", args=[tampered]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This link does not work" in html
    assert "This link is not valid. Check that you copied all of it." in html
    assert Subscription.objects.filter(pk=confirmed.pk).exists()


def test_token_for_another_purpose_is_refused(confirmed):
    manage_token = services.subscription_token(confirmed, "manage")
    response = Client().post(reverse("accounts:unsubscribe", args=[manage_token]))
    assert response.status_code == 400
    assert Subscription.objects.filter(pk=confirmed.pk).exists()


def test_link_to_a_deleted_subscription_says_so(confirmed):
    token = services.subscription_token(confirmed, "manage")
    confirmed.delete()
    response = Client().get(reverse("accounts:subscription_manage", args=[token]))
    assert response.status_code == 400
    assert "This subscription no longer exists." in response.content.decode()


def test_confirmed_address_gets_a_manage_link_and_nothing_changes(confirmed):
    response = subscribe(Client(), language="fr", topics=["mechanisms"], countries=["SN"])
    assert "Check your email" in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.language == "en"
    assert list(confirmed.topics.values_list("code", flat=True)) == ["campaigns"]
    assert not confirmed.countries.exists()
    [message] = mail.outbox
    assert message.to == ["follower@example.org"]
    assert message.subject == "[Sauti] Your email updates"
    manage_path = link_in(message.body, "subscription_manage")
    assert Client().get(manage_path).status_code == 200
    # A confirmed subscription's email carries the list headers (RFC 2369 / RFC 8058).
    unsubscribe_url = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe_url.startswith(f"<{SITE}/en/unsubscribe/") and unsubscribe_url.endswith(">")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent = message.message()
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_list_unsubscribe_header_works_with_one_click(confirmed):
    subscribe(Client())
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    path = header.strip("<>").removeprefix(SITE)
    client = Client(enforce_csrf_checks=True)  # a mail client has no CSRF cookie
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    # A second click (or a retry) is answered calmly.
    again = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert again.status_code == 200


def test_unsubscribe_page_asks_before_deleting(confirmed):
    url = reverse(
        "accounts:unsubscribe", args=[services.subscription_token(confirmed, "unsubscribe")]
    )
    client = Client()
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Stop all emails to follower@example.org and forget this address." in html
    assert '<form method="post">' in html
    assert Subscription.objects.filter(pk=confirmed.pk).exists()
    done = client.post(url)
    assert "You are unsubscribed" in done.content.decode()
    assert not Subscription.objects.exists()


def test_manage_page_changes_the_choices(confirmed):
    url = reverse(
        "accounts:subscription_manage", args=[services.subscription_token(confirmed, "manage")]
    )
    client = Client()
    page = client.get(url).content.decode()
    assert "follower@example.org" in page
    assert reverse("accounts:unsubscribe", args=["x"]).rsplit("x/", 1)[0] in page
    response = client.post(url, {"language": "fr", "regions": ["AFR"]}, follow=True)
    assert "Your choices are saved." in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.language == "fr"
    assert list(confirmed.regions.values_list("code", flat=True)) == ["AFR"]
    assert not confirmed.topics.exists()


def test_confirmation_email_is_in_the_chosen_language(db, catalogue):
    catalogue("fr", {"Confirm your email updates": "Confirmez vos actualités par e-mail"})
    subscribe(Client(), language="fr")
    assert mail.outbox[0].subject == "[Sauti] Confirmez vos actualités par e-mail"
