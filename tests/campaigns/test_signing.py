"""Signing a campaign: double opt-in, one signature per address, anti-abuse, removal, drafts."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from sauti.accounts.models import Membership
from sauti.campaigns import services, signatories
from sauti.campaigns.models import Campaign, Signature
from sauti.core.models import AuditLogEntry

from ..conftest import client_for, with_second_factor
from ..factories import MembershipFactory, OrganisationFactory
from ..permissions import LOGIN, ROLES, assert_outcome, user_for
from .conftest import make_campaign

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "kind": "individual",
        "name": "Amina Odhiambo",
        "role": "Nurse",
        "country": "KE",
        "email": "amina@example.org",
        "show_name": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign(client, campaign, **overrides):
    return client.post(reverse("campaigns:sign", args=[campaign.pk]), form_data(**overrides))


def confirm_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+/campaigns/confirm/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_sign_email_confirm_counts(client, campaign):
    response = sign(client, campaign)
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:sign_sent", args=[campaign.pk])
    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    assert signatories.count(campaign) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    link = confirm_link(mail.outbox[0])

    # A mail scanner following the link confirms nothing.
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirm my signature" in page.content.decode()
    signature.refresh_from_db()
    assert signature.confirmed_at is None

    done = client.post(link)
    assert done.status_code == 200
    assert "Your signature is confirmed and counts." in done.content.decode()
    signature.refresh_from_db()
    assert signature.confirmed_at is not None
    assert signatories.count(campaign) == 1
    # Confirming again changes nothing.
    assert client.post(link).status_code == 200
    assert Signature.objects.get().confirmed_at == signature.confirmed_at

    detail = client.get(campaign.get_absolute_url()).content.decode()
    assert "Amina Odhiambo" in detail
    assert "amina@example.org" not in detail
    assert "1 signatory" in detail
    assert "<em>Minister</em>" in detail


def test_letter_in_the_readers_language(client, campaign):
    page = client.get(campaign.get_absolute_url().replace("/en/", "/fr/", 1))
    assert "<em>Ministre</em>" in page.content.decode()


def test_expired_link(client, campaign, monkeypatch):
    sign(client, campaign)
    signature = Signature.objects.get()
    eight_days_ago = int(time.time()) - 8 * 24 * 3600
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago)
    )
    token = services.signature_token(signature)
    monkeypatch.undo()
    response = client.post(reverse("campaigns:confirm", args=[token]))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    signature.refresh_from_db()
    assert signature.confirmed_at is None


def test_tampered_link(client, campaign):
    sign(client, campaign)
    link = confirm_link(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = signing.dumps({"s": Signature.objects.get().pk + 1, "c": campaign.pk})
    for bad in (token[:-3] + "abc", forged):
        response = client.post(reverse("campaigns:confirm", args=[bad]))
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_same_email_twice_makes_one_signature(client, campaign):
    sign(client, campaign)
    client.post(confirm_link(mail.outbox[0]))
    second = sign(client, campaign, email="AMINA@Example.ORG", name="Someone else")
    # The same answer as for a new signer: the page reveals nothing.
    assert second.status_code == 302
    assert second["Location"] == reverse("campaigns:sign_sent", args=[campaign.pk])
    assert Signature.objects.count() == 1
    assert Signature.objects.get().name == "Amina Odhiambo"
    assert mail.outbox[-1].to == ["amina@example.org"]
    assert "already been used to sign" in mail.outbox[-1].body


def test_unconfirmed_second_attempt_resends_the_link(client, campaign):
    sign(client, campaign)
    sign(client, campaign, email="Amina@example.org")
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "/campaigns/confirm/" in mail.outbox[1].body


def test_honeypot_pretends_and_stores_nothing(client, campaign):
    response = sign(client, campaign, website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:sign_sent", args=[campaign.pk])
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_name_of_ten_thousand_characters(client, campaign):
    response = sign(client, campaign, name="x" * 10_000)
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()
    assert not Signature.objects.exists()


def test_script_in_a_name_is_refused(client, campaign):
    response = sign(client, campaign, name="<script>alert(1)</script>")
    assert response.status_code == 400
    assert "Remove the script or code" in response.content.decode()
    assert not Signature.objects.exists()


def test_organisation_needs_a_name_and_campaign_decides_who_signs(client, coalition):
    campaign = make_campaign(coalition, signers=Campaign.Signers.ORGANISATIONS)
    response = sign(client, campaign, kind="organisation", organisation_name="")
    assert "Give the name of your organisation." in response.content.decode()
    response = sign(client, campaign, kind="individual")
    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_burst_is_held_for_review(client, settings, campaign, editor):
    settings.SAUTI_CAMPAIGN_BURST = 2
    for n in range(3):
        sign(client, campaign, email=f"person{n}@example.org", name=f"Signer {n}")
    held = Signature.objects.filter(held_for_review=True)
    assert list(held.values_list("name", flat=True)) == ["Signer 2"]
    for message in mail.outbox:
        client.post(confirm_link(message))
    assert signatories.count(campaign) == 2
    assert "Signer 2" not in client.get(campaign.get_absolute_url()).content.decode()
    response = client_for(editor).post(
        reverse("campaigns:release", args=[campaign.pk, held.get().pk])
    )
    assert response.status_code == 302
    assert signatories.count(campaign) == 3


def test_network_limit_refuses_clearly_and_stores_nothing(client, settings, campaign):
    settings.SAUTI_CAMPAIGN_NETWORK_LIMIT = 3
    for n in range(3):
        sign(client, campaign, email=f"person{n}@example.org")
    response = client.post(
        reverse("campaigns:sign", args=[campaign.pk]),
        form_data(email="one-more@example.org"),
        REMOTE_ADDR="127.0.0.9",  # same /24
    )
    assert response.status_code == 400
    assert "Too many signatures came from your network" in response.content.decode()
    assert Signature.objects.count() == 3
    other = client.post(
        reverse("campaigns:sign", args=[campaign.pk]),
        form_data(email="elsewhere@example.org"),
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 302
    assert Signature.objects.count() == 4


def test_network_key_hashes_the_prefix():
    assert services.network_key("192.0.2.1") == services.network_key("192.0.2.200")
    assert services.network_key("192.0.2.1") != services.network_key("192.0.3.1")
    assert services.network_key("2001:db8:1:2::1") == services.network_key("2001:db8:1:ff::9")
    assert "192.0.2" not in services.network_key("192.0.2.1")
    assert services.network_key("not an address") == "unknown"


def test_hidden_name_counts_but_is_not_shown(client, campaign):
    sign(client, campaign, name="Hidden Person", email="hidden@example.org", show_name=None)
    sign(
        client,
        campaign,
        kind="organisation",
        organisation_name="Mombasa Patients Union",
        name="Quiet Contact",
        email="quiet@example.org",
        show_name=None,
    )
    for message in mail.outbox:
        client.post(confirm_link(message))
    assert signatories.count(campaign) == 2
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Hidden Person" not in page
    assert "Quiet Contact" not in page
    assert "Mombasa Patients Union" in page
    assert "2 signatories" in page
    assert "1 person signed without showing their name" in page


def test_registered_organisation_needs_its_administrators_approval(client, campaign, outsider):
    signing_org = OrganisationFactory(name="Nairobi Health Watch")
    admin = with_second_factor(
        MembershipFactory(organisation=signing_org, role=Membership.Role.ADMIN).user
    )
    sign(client, campaign, kind="organisation", organisation_name="nairobi health watch")
    signature = Signature.objects.get()
    assert signature.organisation == signing_org
    assert signature.organisation_kind == signing_org.kind
    client.post(confirm_link(mail.outbox[0]))
    assert signatories.count(campaign) == 0
    assert mail.outbox[-1].to == [admin.email]
    approve = reverse("campaigns:approve", args=[signature.pk])
    assert approve in mail.outbox[-1].body
    assert client_for(outsider).post(approve).status_code == 403
    assert client_for(admin).post(approve).status_code == 302
    assert signatories.count(campaign) == 1


def test_remove_signature_is_audit_logged(campaign, editor):
    sign(client_for(None), campaign)
    signature = Signature.objects.get()
    with pytest.raises(services.ValidationError):
        services.remove_signature(signature, reason="  ", acting_user=editor)
    services.remove_signature(signature, reason="Signed twice under two names", acting_user=editor)
    entry = AuditLogEntry.objects.get(action="signature.remove")
    assert entry.actor == editor
    assert entry.reason == "Signed twice under two names"
    assert entry.data == {"signature": signature.pk}
    signature.refresh_from_db()
    assert signature.removed_at is not None
    assert signature.removed_by == editor


ORGANISERS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 302,
    "org_admin": 302,
    "moderator": 302,
    "site_admin": 302,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_remove_a_signature(request, campaign, role):
    sign(client_for(None), campaign)
    signature = Signature.objects.get()
    url = reverse("campaigns:remove", args=[campaign.pk, signature.pk])
    response = client_for(user_for(request, role)).post(url, {"reason": "Spam"})
    assert_outcome(response, ORGANISERS[role], url)
    signature.refresh_from_db()
    assert (signature.removed_at is not None) == (ORGANISERS[role] == 302)


ORGANISER_PAGES = {role: 200 if outcome == 302 else outcome for role, outcome in ORGANISERS.items()}


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_organisers_list(request, campaign, role):
    url = reverse("campaigns:signatures", args=[campaign.pk])
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, ORGANISER_PAGES[role], url)


DRAFT_READERS = {
    "anonymous": 404,
    "outsider": 404,
    "member": 200,
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,
    "site_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_not_public(request, draft, role):
    url = draft.get_absolute_url()
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, DRAFT_READERS[role], url)


def test_drafts_are_not_listed_and_cannot_be_signed(client, draft, campaign):
    page = client.get(reverse("campaigns:list")).content.decode()
    assert page.count("Fund the health councils") == 1
    assert sign(client, draft).status_code == 404
    assert not Signature.objects.exists()


def test_closed_campaign_takes_no_signature(client, campaign, editor):
    services.close_campaign(campaign, acting_user=editor)
    response = sign(client, campaign)
    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert "Sign this letter" not in client.get(campaign.get_absolute_url()).content.decode()


def test_open_and_close(draft, editor, member):
    open_url = reverse("campaigns:open", args=[draft.pk])
    assert client_for(member).post(open_url).status_code == 403
    assert client_for(editor).post(open_url).status_code == 302
    draft.refresh_from_db()
    assert draft.state == Campaign.State.OPEN
    client_for(editor).post(reverse("campaigns:close", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.state == Campaign.State.CLOSED
    assert AuditLogEntry.objects.filter(action__in=["campaign.open", "campaign.close"]).count() == 2


def test_unconfirmed_signatures_are_forgotten_after_seven_days(client, campaign):
    sign(client, campaign)
    Signature.objects.update(created_at=timezone.now() - timedelta(days=8))
    sign(client, campaign, email="someone@example.org")
    assert list(Signature.objects.values_list("email", flat=True)) == ["someone@example.org"]


def test_confirming_after_the_campaign_closed(client, campaign, editor):
    sign(client, campaign)
    services.close_campaign(campaign, acting_user=editor)
    response = client.post(confirm_link(mail.outbox[0]))
    assert response.status_code == 400
    assert "closed before the signature was confirmed" in response.content.decode()
    assert signatories.count(campaign) == 0


def test_removed_signature_leaves_the_public_list(client, campaign, moderator):
    sign(client, campaign)
    client.post(confirm_link(mail.outbox[0]))
    services.remove_signature(Signature.objects.get(), reason="Abuse", acting_user=moderator)
    assert signatories.count(campaign) == 0
    assert "Amina Odhiambo" not in client.get(campaign.get_absolute_url()).content.decode()
    # The removed signer cannot sign again, and is not told on the page.
    assert sign(client, campaign)["Location"].endswith("/sign/sent/")
    assert Signature.objects.count() == 1


def test_a_burst_of_500_sign_ons_from_one_address(client, campaign):
    """With the default limits: ten count normally, the next fifty wait for review, the
    rest are refused with a clear message; nothing else is stored or emailed."""
    answers = [
        client.post(
            reverse("campaigns:sign", args=[campaign.pk]),
            form_data(email=f"bot{n}@example.org", name=f"Bot {n}"),
            REMOTE_ADDR="198.51.100.7",
        )
        for n in range(500)
    ]
    assert [answer.status_code for answer in answers[:60]] == [302] * 60
    assert {answer.status_code for answer in answers[60:]} == {400}
    assert "Too many signatures came from your network" in answers[-1].content.decode()
    assert Signature.objects.count() == 60
    assert Signature.objects.filter(held_for_review=True).count() == 50
    assert len(mail.outbox) == 60
    for message in mail.outbox:
        client.post(confirm_link(message))
    assert signatories.count(campaign) == 10
    assert "10 signatories" in client.get(campaign.get_absolute_url()).content.decode()
