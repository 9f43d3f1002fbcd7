"""Sending the letter, recording it sent by hand, the response and its notices, following."""

from __future__ import annotations

import io
import re
import smtplib
import sys
import time
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings as django_settings
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks.signals import task_enqueued
from pypdf import PdfReader

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns import exports, services_delivery
from sauti.campaigns.forms_delivery import ResponseForm
from sauti.campaigns.models import Addressee, Campaign, Delivery, Follower, Letter, Signature
from sauti.core.models import AuditLogEntry
from sauti.reports.pdf import PdfUnavailable

from ..conftest import client_for, with_second_factor
from ..factories import MembershipFactory, OrganisationFactory, UserFactory
from ..permissions import LOGIN, ROLES, assert_outcome, user_for
from .conftest import make_campaign

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TOTP = reverse("mfa_activate_totp")
OK = "ok"
# Organisers of the campaign may; nobody else, an editor of another coalition included.
ORGANISERS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": OK,
    "org_admin": OK,
    "moderator": OK,
    "site_admin": OK,
    "other_editor": 403,
}
ALL_ROLES = [*ROLES, "other_editor"]


def signed(campaign, email, *, name="Signer", language="en", show_name=True, **fields):
    """A signature that counts (confirmed, not held, not removed)."""
    return Signature.objects.create(
        campaign=campaign,
        kind=fields.pop("kind", Signature.Kind.INDIVIDUAL),
        name=name,
        email=email,
        language=language,
        show_name=show_name,
        confirmed_at=fields.pop("confirmed_at", timezone.now()),
        **fields,
    )


def followed(campaign, email, *, language="en", confirmed=True):
    return Follower.objects.create(
        campaign=campaign,
        email=email,
        language=language,
        confirmed_at=timezone.now() if confirmed else None,
    )


@pytest.fixture
def other_editor(db):
    network = OrganisationFactory(name="Another Coalition", kind=Organisation.Kind.NETWORK)
    user = MembershipFactory(organisation=network, role=Membership.Role.EDITOR).user
    return with_second_factor(user)


def actor(request, role):
    """The user of ``role``; the editor with the second factor every organiser needs here."""
    if role == "other_editor":
        return request.getfixturevalue("other_editor")
    if role == "editor":
        return request.getfixturevalue("organiser")
    return user_for(request, role)


@pytest.fixture
def organiser(editor):
    return with_second_factor(editor)


@pytest.fixture
def closed(coalition):
    campaign = make_campaign(coalition, state=Campaign.State.CLOSED)
    Letter.objects.filter(campaign=campaign, language="en").update(
        subject="Social participation: {{ institution }}",
        body="Dear {{ addressee_title }},\n\nWe ask for a *legal* basis.",
    )
    Addressee.objects.create(
        campaign=campaign,
        name="Dr Achieng Oduor",
        title="Minister of Health",
        institution="Ministry of Health",
        email="minister@health.example",
    )
    Addressee.objects.create(
        campaign=campaign,
        name="Mr Kamau",
        title="Principal Secretary",
        institution="The Treasury",
        email="ps@treasury.example",
    )
    Addressee.objects.create(campaign=campaign, name="County Assembly", institution="Kisumu")
    signed(campaign, "amina@example.org", name="Amina Odhiambo")
    return campaign


@pytest.fixture
def no_pdf(monkeypatch):
    """The letter goes without attachment (as where PDFs cannot be printed)."""

    def letter_pdf(campaign, language, addressee):
        raise PdfUnavailable("libraries", "no pango here")

    monkeypatch.setattr(exports, "letter_pdf", letter_pdf)


@pytest.fixture
def sent(closed, organiser, no_pdf):
    services_delivery.send_campaign(closed, language="en", acting_user=organiser)
    closed.refresh_from_db()
    mail.outbox.clear()
    return closed


def send(client, campaign, language="en"):
    return client.post(reverse("campaigns:send", args=[campaign.pk]), {"language": language})


def respond(client, campaign, **overrides):
    data = {"response_date": timezone.localdate().isoformat(), "response_text": "We agree."}
    data.update(overrides)
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(reverse("campaigns:response", args=[campaign.pk]), data)


def link_in(message, name) -> str:
    match = re.search(rf"https?://[^/\s]+(/\S+/campaigns/{name}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


# --- Sending ---------------------------------------------------------------


def test_send_confirmation_page_lists_recipients_and_languages(closed, organiser):
    page = client_for(organiser).get(reverse("campaigns:send", args=[closed.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "minister@health.example" in html
    assert "ps@treasury.example" in html
    assert "Not sent: no email address" in html
    assert "County Assembly" in html
    # One language for the send, the first letter's by default.
    assert '<option value="en" selected>' in html
    assert '<option value="fr">' in html
    assert "Send the letter now" in html
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_send_emails_each_addressee_their_copy(client, closed, organiser, no_pdf):
    signed(closed, "hidden@example.org", name="Hidden Person", show_name=False)
    response = send(client_for(organiser), closed)
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:deliveries", args=[closed.pk])
    closed.refresh_from_db()
    assert closed.state == Campaign.State.SENT
    assert closed.sent_at is not None
    assert not closed.sent_by_hand
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"minister@health.example", "ps@treasury.example"}
    assert len(mail.outbox) == 2
    minister = by_recipient["minister@health.example"]
    assert minister.subject == "Social participation: Ministry of Health"
    assert minister.body.startswith("Dear Minister of Health,")
    assert by_recipient["ps@treasury.example"].body.startswith("Dear Principal Secretary,")
    assert minister.from_email == django_settings.DEFAULT_FROM_EMAIL
    assert minister.reply_to == [organiser.email]
    html, mimetype = minister.alternatives[0]
    assert mimetype == "text/html"
    assert "<em>legal</em>" in html
    assert "Signed by 2 signatories:" in minister.body
    assert "Amina Odhiambo" in minister.body
    assert "Hidden Person" not in minister.body and "Hidden Person" not in html
    assert "hidden@example.org" not in minister.body
    assert "and 1 more signatory." in minister.body
    assert f"/en/campaigns/{closed.pk}/" in minister.body
    assert minister.attachments == []
    deliveries = Delivery.objects.filter(campaign=closed)
    assert deliveries.count() == 2
    assert all(d.sent_at and not d.error and d.recorded_by == organiser for d in deliveries)
    entry = AuditLogEntry.objects.get(action="campaign.send")
    assert entry.actor == organiser
    assert entry.data["language"] == "en"
    # The log shows it to the organisers.
    log = client_for(organiser).get(reverse("campaigns:deliveries", args=[closed.pk]))
    text = log.content.decode()
    assert text.count(">Sent<") == 2
    assert "minister@health.example" in text
    assert organiser.display_name in text


def test_send_in_the_chosen_language(closed, organiser, no_pdf):
    send(client_for(organiser), closed, language="fr")
    message = mail.outbox[0]
    assert message.body.startswith("Madame la *Ministre*,")
    assert "<em>Ministre</em>" in message.alternatives[0][0]
    assert f"/fr/campaigns/{closed.pk}/" in message.body


def test_send_refuses_a_language_without_letter(closed, organiser):
    response = send(client_for(organiser), closed, language="ar")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    closed.refresh_from_db()
    assert closed.state == Campaign.State.CLOSED
    assert mail.outbox == []


def test_never_sent_twice(client, closed, organiser, no_pdf):
    send(client_for(organiser), closed)
    assert len(mail.outbox) == 2
    again = send(client_for(organiser), closed)
    assert again.status_code == 400
    assert "The letter has already been sent." in again.content.decode()
    assert len(mail.outbox) == 2
    assert Delivery.objects.count() == 2
    with pytest.raises(services_delivery.ValidationError):
        services_delivery.send_campaign(closed, language="en", acting_user=organiser)
    assert len(mail.outbox) == 2


def test_open_campaign_past_its_deadline_is_closed_then_sent(coalition, organiser, no_pdf):
    campaign = make_campaign(coalition)
    Addressee.objects.create(campaign=campaign, name="Minister", email="minister@health.example")
    signed(campaign, "amina@example.org")
    Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.now() - timedelta(days=1))
    assert send(client_for(organiser), campaign).status_code == 302
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.SENT
    assert campaign.closed_at is not None
    assert [m.to for m in mail.outbox] == [["minister@health.example"]]
    actions = list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["campaign.close", "campaign.send"]


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (Campaign.State.DRAFT, "This campaign is a draft"),
        (Campaign.State.OPEN, "Close the signatures before sending the letter."),
        (Campaign.State.RESPONDED, "The letter has already been sent."),
    ],
)
def test_send_refused_in_state(coalition, organiser, state, message):
    campaign = make_campaign(coalition, state=state)
    Addressee.objects.create(campaign=campaign, name="Minister", email="minister@health.example")
    signed(campaign, "amina@example.org")
    page = client_for(organiser).get(reverse("campaigns:send", args=[campaign.pk]))
    assert message in page.content.decode()
    assert "Send the letter now" not in page.content.decode()
    response = send(client_for(organiser), campaign)
    assert response.status_code == 400
    assert message in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.state == state
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_send_needs_a_counted_signature(closed, organiser):
    Signature.objects.update(confirmed_at=None)  # not confirmed: does not count
    response = send(client_for(organiser), closed)
    assert response.status_code == 400
    assert "No signature counts yet" in response.content.decode()
    closed.refresh_from_db()
    assert closed.state == Campaign.State.CLOSED
    assert mail.outbox == []


def test_send_needs_an_addressee_with_email(closed, organiser):
    Addressee.objects.update(email="")
    response = send(client_for(organiser), closed)
    assert response.status_code == 400
    assert "No addressee has an email address" in response.content.decode()
    assert mail.outbox == []
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_send(request, closed, role, no_pdf):
    url = reverse("campaigns:send", args=[closed.pk])
    response = client_for(actor(request, role)).post(url, {"language": "en"})
    expected = ORGANISERS[role]
    assert_outcome(response, 302 if expected == OK else expected, url)
    closed.refresh_from_db()
    assert (closed.state == Campaign.State.SENT) == (expected == OK)
    assert len(mail.outbox) == (2 if expected == OK else 0)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_sees_the_send_page(request, closed, role):
    url = reverse("campaigns:send", args=[closed.pk])
    response = client_for(actor(request, role)).get(url)
    expected = ORGANISERS[role]
    assert_outcome(response, 200 if expected == OK else expected, url)


def test_drafts_stay_secret_to_outsiders(coalition, outsider):
    draft = make_campaign(coalition, state=Campaign.State.DRAFT)
    for name in ("send", "sent_by_hand", "response", "deliveries"):
        assert (
            client_for(outsider).get(reverse(f"campaigns:{name}", args=[draft.pk])).status_code
            == 404
        )


def test_sending_needs_the_second_factor(closed, editor):
    client = client_for(editor)  # an editor without a second factor
    for name in ("send", "sent_by_hand"):
        response = client.get(reverse(f"campaigns:{name}", args=[closed.pk]))
        assert response.status_code == 302
        assert response["Location"] == TOTP
    response = send(client, closed)
    assert response["Location"] == TOTP
    response = client.post(
        reverse("campaigns:sent_by_hand", args=[closed.pk]),
        {"date": timezone.localdate().isoformat()},
    )
    assert response["Location"] == TOTP
    closed.refresh_from_db()
    assert closed.state == Campaign.State.CLOSED
    assert mail.outbox == []
    assert not Delivery.objects.exists()


# --- The PDF attachment ----------------------------------------------------


def test_letter_pdf_is_attached_when_exports_provide_it(closed, organiser, monkeypatch):
    calls = []

    def letter_pdf(campaign, language, addressee):
        calls.append((campaign.pk, language, addressee.name))
        return b"%PDF-1.7 the letter"

    monkeypatch.setattr(exports, "letter_pdf", letter_pdf)
    send(client_for(organiser), closed, language="fr")
    # Each addressee gets their own copy, not the others'.
    assert sorted(calls) == sorted(
        (closed.pk, "fr", addressee.name) for addressee in closed.addressees.exclude(email="")
    )
    message = mail.outbox[0]
    assert message.attachments == [
        (f"letter-{closed.pk}-fr.pdf", b"%PDF-1.7 the letter", "application/pdf")
    ]
    with translation.override("fr"):
        attached = gettext("The letter with the list of its signatories is attached as a PDF.")
    assert attached in message.body


def test_letter_goes_without_pdf_where_pdfs_cannot_be_printed(closed, organiser, monkeypatch):
    def letter_pdf(campaign, language, addressee):
        raise PdfUnavailable("libraries", "no pango here")

    monkeypatch.setattr(exports, "letter_pdf", letter_pdf)
    send(client_for(organiser), closed)
    assert len(mail.outbox) == 2
    assert mail.outbox[0].attachments == []
    attached = gettext("The letter with the list of its signatories is attached as a PDF.")
    assert attached not in mail.outbox[0].body
    assert all(delivery.sent_at for delivery in Delivery.objects.all())


def test_real_letter_pdf_is_attached(closed, organiser):
    from sauti.reports import pdf

    try:
        pdf.check()
    except PdfUnavailable:
        pytest.skip("WeasyPrint cannot print on this machine")
    send(client_for(organiser), closed)
    names = {
        addressee.email: addressee.institution for addressee in closed.addressees.exclude(email="")
    }
    assert len(mail.outbox) == len(names) > 1
    for message in mail.outbox:
        name, content, mimetype = message.attachments[0]
        assert name == f"letter-{closed.pk}-en.pdf"
        assert mimetype == "application/pdf"
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
        (recipient,) = message.to
        assert names[recipient] in text
        assert not any(name in text for email, name in names.items() if email != recipient)


# --- A failed send, and trying again ---------------------------------------


def test_failing_smtp_records_the_error_and_can_be_retried(closed, organiser, monkeypatch, no_pdf):
    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"minister@health.example": (550, b"No such user")})

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    assert send(client_for(organiser), closed, language="fr").status_code == 302
    closed.refresh_from_db()
    assert closed.state == Campaign.State.SENT
    assert mail.outbox == []
    failed = Delivery.objects.get(recipient="minister@health.example")
    assert failed.sent_at is None
    assert "SMTPRecipientsRefused" in failed.error
    log_url = reverse("campaigns:deliveries", args=[closed.pk])
    log = client_for(organiser).get(log_url).content.decode()
    assert log.count("Failed:") == 2
    assert "No such user" in log
    assert log.count("Send again") == 2
    assert log.count('<option value="fr" selected>') == 2  # the send's language by default

    monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "sauti.campaigns.exports", None)
    Addressee.objects.filter(email="minister@health.example").update(email="achieng@health.example")
    retry_url = reverse("campaigns:delivery_retry", args=[closed.pk, failed.pk])
    response = client_for(organiser).post(retry_url, {"language": "fr"})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["achieng@health.example"]]
    assert mail.outbox[0].body.startswith("Madame la *Ministre*,")
    retry = Delivery.objects.latest("id")
    assert retry.sent_at is not None
    assert retry.recipient == "achieng@health.example"
    assert AuditLogEntry.objects.filter(action="campaign.send_retry").count() == 1
    # The failed line stays in the log; it cannot be retried a second time.
    log = client_for(organiser).get(log_url).content.decode()
    assert log.count("Send again") == 1  # the other addressee's failure only
    again = client_for(organiser).post(retry_url, {"language": "en"}, follow=True)
    assert "Only a failed send that was not tried again can be retried." in again.content.decode()
    assert len(mail.outbox) == 1


def test_a_sent_delivery_cannot_be_retried(sent, organiser):
    delivery = Delivery.objects.filter(campaign=sent).first()
    url = reverse("campaigns:delivery_retry", args=[sent.pk, delivery.pk])
    response = client_for(organiser).post(url, {"language": "en"}, follow=True)
    assert "Only a failed send" in response.content.decode()
    assert mail.outbox == []
    assert Delivery.objects.count() == 2


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_retry(request, closed, role, monkeypatch, organiser, no_pdf):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", refuse)
        services_delivery.send_campaign(closed, language="en", acting_user=organiser)
    failed = Delivery.objects.order_by("id").first()
    url = reverse("campaigns:delivery_retry", args=[closed.pk, failed.pk])
    response = client_for(actor(request, role)).post(url, {"language": "en"})
    expected = ORGANISERS[role]
    assert_outcome(response, 302 if expected == OK else expected, url)
    assert len(mail.outbox) == (1 if expected == OK else 0)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_sees_the_delivery_log(request, sent, role):
    url = reverse("campaigns:deliveries", args=[sent.pk])
    response = client_for(actor(request, role)).get(url)
    expected = ORGANISERS[role]
    assert_outcome(response, 200 if expected == OK else expected, url)
    if expected == OK:
        assert "minister@health.example" in response.content.decode()


# --- Sent by hand ----------------------------------------------------------


def by_hand(client, campaign, **data):
    payload = {"date": timezone.localdate().isoformat(), "note": ""}
    payload.update(data)
    return client.post(reverse("campaigns:sent_by_hand", args=[campaign.pk]), payload)


def test_record_sent_by_hand(closed, organiser):
    followed(closed, "watcher@example.org")
    day = timezone.localdate() - timedelta(days=2)
    response = by_hand(
        client_for(organiser), closed, date=day.isoformat(), note="Given at the hearing"
    )
    assert response.status_code == 302
    closed.refresh_from_db()
    assert closed.state == Campaign.State.SENT
    assert closed.sent_by_hand
    assert timezone.localdate(closed.sent_at) == day
    delivery = Delivery.objects.get()
    assert delivery.by_hand and delivery.recorded_by == organiser
    assert delivery.addressee is None
    entry = AuditLogEntry.objects.get(action="campaign.send_by_hand")
    assert entry.reason == "Given at the hearing"
    assert entry.actor == organiser
    log = client_for(organiser).get(reverse("campaigns:deliveries", args=[closed.pk]))
    assert "Sent by hand" in log.content.decode()
    assert "Given at the hearing" in log.content.decode()
    # Followers hear that it went out; no addressee got an email from us.
    assert [message.to for message in mail.outbox] == [["watcher@example.org"]]
    assert "was sent" in mail.outbox[0].subject


def test_sent_by_hand_cannot_be_in_the_future(closed, organiser):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = by_hand(client_for(organiser), closed, date=tomorrow.isoformat())
    assert response.status_code == 400
    assert "The date cannot be in the future." in response.content.decode()
    closed.refresh_from_db()
    assert closed.state == Campaign.State.CLOSED
    assert not Delivery.objects.exists()


def test_sent_by_hand_refuses_a_script_in_the_note(closed, organiser):
    response = by_hand(client_for(organiser), closed, note="<script>alert(1)</script>")
    assert response.status_code == 400
    assert "Remove the script or code" in response.content.decode()
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(
    "state", [Campaign.State.DRAFT, Campaign.State.OPEN, Campaign.State.RESPONDED]
)
def test_sent_by_hand_refused_in_state(coalition, organiser, state):
    campaign = make_campaign(coalition, state=state)
    response = by_hand(client_for(organiser), campaign)
    assert response.status_code == 400
    campaign.refresh_from_db()
    assert campaign.state == state
    assert not Delivery.objects.exists()


def test_another_delivery_by_hand_after_sending(sent, organiser):
    first_sent_at = sent.sent_at
    assert by_hand(client_for(organiser), sent).status_code == 302
    sent.refresh_from_db()
    assert sent.sent_at == first_sent_at
    assert not sent.sent_by_hand
    assert Delivery.objects.filter(by_hand=True).count() == 1
    assert mail.outbox == []  # followers heard of the send once, already


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_record_sent_by_hand(request, closed, role):
    url = reverse("campaigns:sent_by_hand", args=[closed.pk])
    response = client_for(actor(request, role)).post(
        url, {"date": timezone.localdate().isoformat()}
    )
    expected = ORGANISERS[role]
    assert_outcome(response, 302 if expected == OK else expected, url)
    assert Delivery.objects.filter(by_hand=True).exists() == (expected == OK)


# --- The response ----------------------------------------------------------


def test_record_the_response_with_its_document(client, sent, organiser):
    document = SimpleUploadedFile("Reply from the minister.pdf", PDF, "application/pdf")
    response = respond(
        client_for(organiser),
        sent,
        response_text="We will fund the councils.\n\nSee the annex.",
        response_document=document,
    )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.state == Campaign.State.RESPONDED
    assert sent.response_date == timezone.localdate()
    assert sent.response_text == "We will fund the councils.\n\nSee the annex."
    assert sent.response_document.name.startswith("campaigns/responses/")
    assert "minister" not in sent.response_document.name  # the uploader's name is not kept
    assert AuditLogEntry.objects.get(action="campaign.response").actor == organiser
    page = client.get(sent.get_absolute_url()).content.decode()
    assert "We will fund the councils." in page
    download_url = reverse("campaigns:response_document", args=[sent.pk])
    assert download_url in page
    download = client.get(download_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert f'filename="campaign-{sent.pk}-response.pdf"' in download["Content-Disposition"]
    assert download["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_response_as_a_document_only(client, sent, organiser):
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    document = SimpleUploadedFile("reply.docx", buffer.getvalue())
    assert (
        respond(
            client_for(organiser), sent, response_text="", response_document=document
        ).status_code
        == 302
    )
    sent.refresh_from_db()
    assert sent.response_document.name.endswith(".docx")
    page = client.get(sent.get_absolute_url()).content.decode()
    assert '<h2 id="response">Response</h2>' in page
    assert reverse("campaigns:response_document", args=[sent.pk]) in page


def test_response_needs_text_or_document(sent, organiser):
    response = respond(client_for(organiser), sent, response_text="")
    assert response.status_code == 400
    assert "Write the response or attach its document." in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == Campaign.State.SENT


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("reply.exe", b"MZ\x90\x00" + b"\x00" * 100, "This kind of file is not accepted."),
        ("reply.pdf", b"<html><script>alert(1)</script>", "This kind of file is not accepted."),
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
            "Attach the response as a PDF, Word (.docx) or OpenDocument (.odt) file.",
        ),
    ],
)
def test_response_document_refused_changes_nothing(sent, organiser, name, content, error):
    document = SimpleUploadedFile(name, content)
    response = respond(client_for(organiser), sent, response_document=document)
    assert response.status_code == 400
    assert error in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == Campaign.State.SENT
    assert not sent.response_document
    assert sent.response_text == ""
    assert sent.response_notified_at is None
    assert mail.outbox == []


def test_response_document_over_the_limit_changes_nothing(sent, organiser):
    too_big = PDF[:-7] + b"\x00" * (10 * 1024 * 1024) + b"%%EOF\n"
    document = SimpleUploadedFile("reply.pdf", too_big)
    response = respond(client_for(organiser), sent, response_document=document)
    assert response.status_code == 400
    assert "the limit is 10.0\xa0MB" in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == Campaign.State.SENT
    assert not sent.response_document
    assert mail.outbox == []


def test_a_200_megabyte_document_is_refused(sent):
    document = SimpleUploadedFile("reply.pdf", PDF)
    document.size = 200 * 1024 * 1024  # what the upload handler reports; no need to build it
    form = ResponseForm(
        {"response_date": timezone.localdate().isoformat(), "response_text": "Yes"},
        {"response_document": document},
        campaign=sent,
    )
    assert not form.is_valid()
    assert form.errors["response_document"] == ["The file is 200.0\xa0MB; the limit is 10.0\xa0MB."]


def test_response_date_rules(sent, organiser):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = respond(client_for(organiser), sent, response_date=tomorrow.isoformat())
    assert response.status_code == 400
    assert "The date cannot be in the future." in response.content.decode()
    Campaign.objects.filter(pk=sent.pk).update(sent_at=timezone.now() - timedelta(days=3))
    before = timezone.localdate() - timedelta(days=5)
    response = respond(client_for(organiser), sent, response_date=before.isoformat())
    assert response.status_code == 400
    assert "The response cannot come before the letter was sent" in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == Campaign.State.SENT
    assert mail.outbox == []


def test_response_refuses_active_content(sent, organiser):
    response = respond(client_for(organiser), sent, response_text='<img src=x onerror="alert(1)">')
    assert response.status_code == 400
    assert "Remove the script or code" in response.content.decode()
    sent.refresh_from_db()
    assert sent.response_text == ""


def test_response_text_is_plain_and_escaped(client, sent, organiser):
    respond(client_for(organiser), sent, response_text="<b>Yes</b> & <i>no</i>")
    sent.refresh_from_db()
    assert sent.response_text == "Yes & no"
    assert "Yes &amp; no" in client.get(sent.get_absolute_url()).content.decode()


@pytest.mark.parametrize("state", [Campaign.State.OPEN, Campaign.State.CLOSED])
def test_response_refused_before_sending(coalition, organiser, state):
    campaign = make_campaign(coalition, state=state)
    page = client_for(organiser).get(reverse("campaigns:response", args=[campaign.pk]), follow=True)
    assert "Record that the letter was sent before recording a response." in page.content.decode()
    respond(client_for(organiser), campaign)
    campaign.refresh_from_db()
    assert campaign.state == state
    assert campaign.response_text == ""
    assert campaign.response_notified_at is None
    with pytest.raises(services_delivery.ValidationError):
        services_delivery.record_response(
            campaign, day=timezone.localdate(), text="Yes", acting_user=organiser
        )


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_record_the_response(request, sent, role):
    url = reverse("campaigns:response", args=[sent.pk])
    response = client_for(actor(request, role)).post(
        url, {"response_date": timezone.localdate().isoformat(), "response_text": "Yes"}
    )
    expected = ORGANISERS[role]
    assert_outcome(response, 302 if expected == OK else expected, url)
    sent.refresh_from_db()
    assert (sent.state == Campaign.State.RESPONDED) == (expected == OK)


def test_recording_the_response_needs_the_second_factor(sent, editor):
    Authenticator.objects.filter(user=editor).delete()  # the fixture's sender lost it
    response = respond(client_for(editor), sent)
    assert response["Location"] == TOTP
    sent.refresh_from_db()
    assert sent.state == Campaign.State.SENT


def test_response_document_follows_the_campaign_visibility(coalition, organiser, member):
    draft = make_campaign(coalition, state=Campaign.State.DRAFT)
    draft.response_document.save("reply.pdf", io.BytesIO(PDF))
    url = reverse("campaigns:response_document", args=[draft.pk])
    assert client_for(None).get(url).status_code == 404
    assert client_for(member).get(url).status_code == 200
    campaign = make_campaign(coalition, state=Campaign.State.SENT)
    assert (
        client_for(None).get(reverse("campaigns:response_document", args=[campaign.pk])).status_code
        == 404
    )


# --- Telling signatories and followers -------------------------------------


def test_signatories_and_followers_are_told_once(client, sent, organiser, catalogue):
    catalogue("fr", {"Response to “%(title)s”": "Réponse à « %(title)s »"})
    signed(sent, "marie@example.org", name="Marie", language="fr")
    signed(sent, "unconfirmed@example.org", confirmed_at=None)
    signed(sent, "held@example.org", held_for_review=True)
    signed(sent, "removed@example.org", removed_at=timezone.now())
    followed(sent, "watcher@example.org")
    followed(sent, "pending@example.org", confirmed=False)
    followed(sent, "AMINA@example.org")  # signed too: one email, not two
    respond(client_for(organiser), sent, response_text="We will fund the councils.")
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"amina@example.org", "marie@example.org", "watcher@example.org"}
    assert len(mail.outbox) == 3
    french = by_recipient["marie@example.org"]
    assert french.subject == "[Sauti] Réponse à « Fund the health councils »"
    assert f"/fr/campaigns/{sent.pk}/" in french.body
    assert "We will fund the councils." in french.body
    english = by_recipient["amina@example.org"]
    assert english.subject == "[Sauti] Response to “Fund the health councils”"
    assert f"/en/campaigns/{sent.pk}/" in english.body
    assert "because you signed this letter" in english.body
    assert "/campaigns/unfollow/" not in english.body
    watcher = by_recipient["watcher@example.org"]
    assert "because you follow this campaign" in watcher.body
    stop = link_in(watcher, "unfollow")
    assert watcher.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{stop}>"
    assert watcher.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent.refresh_from_db()
    notified_at = sent.response_notified_at
    assert notified_at is not None

    # Correcting the response tells nobody again.
    mail.outbox.clear()
    assert respond(client_for(organiser), sent, response_text="Corrected.").status_code == 302
    sent.refresh_from_db()
    assert sent.response_text == "Corrected."
    assert sent.response_notified_at == notified_at
    assert mail.outbox == []
    assert AuditLogEntry.objects.filter(action="campaign.response_edit").count() == 1


def test_notices_go_in_batches_of_ids(settings, sent, organiser):
    settings.SAUTI_CAMPAIGN_NOTICE_BATCH = 2
    for n in range(4):
        signed(sent, f"person{n}@example.org")
    followed(sent, "watcher@example.org")
    queued = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "send_notices":
            queued.append(task_result.kwargs)

    task_enqueued.connect(record)
    try:
        respond(client_for(organiser), sent)
    finally:
        task_enqueued.disconnect(record)
    assert [(item["kind"], len(item["ids"])) for item in queued] == [
        ("signature", 2),
        ("signature", 2),
        ("signature", 1),
        ("follower", 1),
    ]
    # Ids only: no address or text travels in the task queue.
    assert "@" not in repr(queued)
    assert len(mail.outbox) == 6


def test_a_refused_notice_does_not_stop_the_others(sent, organiser, monkeypatch):
    signed(sent, "bounces@example.org")
    signed(sent, "fine@example.org")
    real = EmailBackend.send_messages

    def picky(self, messages):
        if messages[0].to == ["bounces@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"bounces@example.org": (550, b"No")})
        return real(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", picky)
    respond(client_for(organiser), sent)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "amina@example.org",
        "fine@example.org",
    ]


# --- Following -------------------------------------------------------------


def follow(client, campaign, **data):
    payload = {"email": "watcher@example.org", "website": ""}
    payload.update(data)
    return client.post(reverse("campaigns:follow", args=[campaign.pk]), payload)


def test_follow_with_double_opt_in(client, campaign, organiser, no_pdf):
    assert "Follow this campaign" in client.get(campaign.get_absolute_url()).content.decode()
    response = follow(client, campaign)
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:follow_sent", args=[campaign.pk])
    follower = Follower.objects.get()
    assert follower.confirmed_at is None
    assert mail.outbox[0].to == ["watcher@example.org"]
    link = link_in(mail.outbox[0], "follow")
    # A mail scanner opening the link confirms nothing.
    page = client.get(link)
    assert page.status_code == 200
    assert "<button" in page.content.decode()
    follower.refresh_from_db()
    assert follower.confirmed_at is None
    assert client.post(link).status_code == 200
    follower.refresh_from_db()
    assert follower.confirmed_at is not None

    # The follower hears of the send, then of the response.
    Addressee.objects.create(campaign=campaign, name="Minister", email="minister@health.example")
    signed(campaign, "amina@example.org")
    Campaign.objects.filter(pk=campaign.pk).update(state=Campaign.State.CLOSED)
    mail.outbox.clear()
    send(client_for(organiser), campaign)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "minister@health.example",
        "watcher@example.org",
    ]
    mail.outbox.clear()
    respond(client_for(organiser), campaign, response_text="Agreed.")
    notice = next(message for message in mail.outbox if message.to == ["watcher@example.org"])
    assert "Agreed." in notice.body
    # No follow form once the response is in.
    assert "Follow this campaign" not in client.get(campaign.get_absolute_url()).content.decode()


def test_unfollow_link(client, campaign):
    follower = followed(campaign, "watcher@example.org")
    stop = services_delivery.stop_url(follower).removeprefix(django_settings.SITE_URL)
    page = client.get(stop)
    assert page.status_code == 200
    assert "Stop following" in page.content.decode()
    assert Follower.objects.exists()
    done = client.post(stop)
    assert done.status_code == 200
    assert "You no longer follow this campaign" in done.content.decode()
    assert not Follower.objects.exists()
    # Opening the link again says the same, without error.
    assert "You no longer follow" in client.get(stop).content.decode()


def test_one_click_unfollow_from_the_mail_client(campaign):
    follower = followed(campaign, "watcher@example.org")
    stop = services_delivery.stop_url(follower).removeprefix(django_settings.SITE_URL)
    client = client_for(None)
    client.handler.enforce_csrf_checks = True
    response = client.post(stop, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follower.objects.exists()


def test_bad_follow_links(client, campaign, monkeypatch):
    follower = followed(campaign, "watcher@example.org", confirmed=False)
    confirm = services_delivery.follower_token(follower, "confirm")
    # A confirmation link is no stop link, and a forged or cut one is nothing.
    forged = signing.dumps({"f": follower.pk, "c": campaign.pk, "p": "stop"})
    for bad in (
        reverse("campaigns:unfollow", args=[confirm]),
        reverse("campaigns:unfollow", args=[forged]),
        reverse("campaigns:follow_confirm", args=[confirm[:-3] + "abc"]),
    ):
        response = client.post(bad)
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    assert Follower.objects.get().confirmed_at is None
    eight_days_ago = int(time.time()) - 8 * 24 * 3600
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago)
    )
    old = services_delivery.follower_token(follower, "confirm")
    monkeypatch.undo()
    response = client.post(reverse("campaigns:follow_confirm", args=[old]))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    assert Follower.objects.get().confirmed_at is None


def test_nobody_learns_whether_an_address_follows(campaign):
    followed(campaign, "watcher@example.org")
    known = follow(client_for(None), campaign, email="Watcher@Example.org")
    unknown = follow(client_for(None), campaign, email="new@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert (
        client_for(None).get(known["Location"]).content
        == client_for(None).get(unknown["Location"]).content
    )
    assert Follower.objects.filter(email__iexact="watcher@example.org").count() == 1
    # Only the address's owner hears, by email: the confirmed one gets its stop link.
    to_known = next(message for message in mail.outbox if message.to == ["watcher@example.org"])
    assert "already follows" in to_known.body
    assert "/campaigns/unfollow/" in to_known.body
    to_new = next(message for message in mail.outbox if message.to == ["new@example.org"])
    assert "/campaigns/follow/" in to_new.body


def test_follow_honeypot_pretends_and_stores_nothing(client, campaign):
    response = follow(client, campaign, website="http://spam.example")
    assert response["Location"] == reverse("campaigns:follow_sent", args=[campaign.pk])
    assert not Follower.objects.exists()
    assert mail.outbox == []


def test_follow_with_a_bad_address(client, campaign):
    response = follow(client, campaign, email="not an address")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not Follower.objects.exists()


def test_a_few_emails_an_hour_per_address_at_most(client, campaign):
    for _n in range(5):
        assert follow(client, campaign)["Location"].endswith("/follow/sent/")
    assert len(mail.outbox) == 3
    assert Follower.objects.count() == 1


def test_network_limit_on_following(client, settings, campaign):
    settings.SAUTI_CAMPAIGN_FOLLOW_LIMIT = 2
    follow(client, campaign, email="one@example.org")
    follow(client, campaign, email="two@example.org")
    response = follow(client, campaign, email="three@example.org")
    assert response.status_code == 400
    assert "Too many requests came from your network" in response.content.decode()
    assert Follower.objects.count() == 2


def test_signed_in_user_follows_in_one_click(campaign, outsider):
    client = client_for(outsider)
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert outsider.email in page
    response = client.post(reverse("campaigns:follow", args=[campaign.pk]), {"account": "1"})
    assert response.status_code == 302
    assert response["Location"] == campaign.get_absolute_url()
    follower = Follower.objects.get()
    assert follower.email == outsider.email
    assert follower.confirmed_at is not None
    assert mail.outbox == []
    # Twice is still one follower.
    client.post(reverse("campaigns:follow", args=[campaign.pk]), {"account": "1"})
    assert Follower.objects.count() == 1


def test_an_unverified_account_address_confirms_by_email(campaign):
    user = UserFactory()
    user.emailaddress_set.update(verified=False)
    response = client_for(user).post(
        reverse("campaigns:follow", args=[campaign.pk]), {"account": "1"}
    )
    assert response["Location"] == reverse("campaigns:follow_sent", args=[campaign.pk])
    assert Follower.objects.get().confirmed_at is None
    assert mail.outbox[0].to == [user.email]


def test_cannot_follow_a_draft_or_an_answered_campaign(coalition, client):
    draft = make_campaign(coalition, state=Campaign.State.DRAFT)
    assert follow(client, draft).status_code == 404
    answered = make_campaign(coalition, state=Campaign.State.RESPONDED)
    response = follow(client, answered, email="late@example.org")
    assert response.status_code == 302
    assert response["Location"] == answered.get_absolute_url()
    assert not Follower.objects.exists()
    assert mail.outbox == []


def test_unconfirmed_followers_are_forgotten_after_seven_days(client, campaign):
    followed(campaign, "old@example.org", confirmed=False)
    Follower.objects.update(created_at=timezone.now() - timedelta(days=8))
    follow(client, campaign, email="new@example.org")
    assert list(Follower.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_follower_addresses_never_on_the_page(client, campaign):
    followed(campaign, "watcher@example.org")
    assert "watcher@example.org" not in client.get(campaign.get_absolute_url()).content.decode()


# --- The campaign page's hooks ---------------------------------------------


def test_organisers_see_the_delivery_actions(closed, organiser, member, client):
    page = client_for(organiser).get(closed.get_absolute_url()).content.decode()
    assert reverse("campaigns:send", args=[closed.pk]) in page
    assert reverse("campaigns:sent_by_hand", args=[closed.pk]) in page
    for reader in (client_for(member), client):
        assert (
            reverse("campaigns:send", args=[closed.pk])
            not in reader.get(closed.get_absolute_url()).content.decode()
        )


def test_sent_campaign_offers_the_response_and_the_log(sent, organiser):
    page = client_for(organiser).get(sent.get_absolute_url()).content.decode()
    assert reverse("campaigns:response", args=[sent.pk]) in page
    assert reverse("campaigns:deliveries", args=[sent.pk]) in page
    assert reverse("campaigns:send", args=[sent.pk]) not in page
