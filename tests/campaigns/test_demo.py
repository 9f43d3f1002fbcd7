"""``load_campaigns_demo``: three invented campaigns, one per stage, loaded once however often
it runs; the public ones show on the site as demos, the draft stays the coalition's."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from sauti.accounts.models import Membership, NetworkMembership, Organisation, User
from sauti.campaigns import markup, signatories
from sauti.campaigns.letters import FILLED_LATE
from sauti.campaigns.models import (
    Addressee,
    Campaign,
    Delivery,
    KeyMessage,
    Letter,
    OptionalParagraph,
    Signature,
)
from sauti.core.models import AuditLogEntry

from ..conftest import client_for


def load() -> str:
    out = StringIO()
    call_command("load_campaigns_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())
    load()
    return {
        "open": Campaign.objects.get(state=Campaign.State.OPEN, is_demo=True),
        "answered": Campaign.objects.get(state=Campaign.State.RESPONDED, is_demo=True),
        "draft": Campaign.objects.get(state=Campaign.State.DRAFT, is_demo=True),
    }


def counts() -> dict[str, int]:
    models = (
        Campaign,
        Letter,
        Addressee,
        Signature,
        Delivery,
        Organisation,
        Membership,
        NetworkMembership,
        KeyMessage,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_a_second_run_adds_nothing(demo):
    before = counts()
    assert load() == "demo campaigns: 0 added, 3 already there\n"
    assert counts() == before
    assert before["Campaign"] == 3


def test_without_the_demo_organisations_it_says_what_to_run_first(db):
    with pytest.raises(CommandError, match="load_demo"):
        load()
    assert not Campaign.objects.exists()


def test_everything_is_marked_as_demo(demo):
    assert Campaign.objects.filter(is_demo=False).count() == 0
    for campaign in demo.values():
        assert "(demo)" in campaign.title or "(démo)" in campaign.title
        assert campaign.coalition.is_demo
        # A coalition: its editors may organise campaigns (``campaigns.add_campaign``).
        assert campaign.coalition.kind == Organisation.Kind.NETWORK
        assert campaign.template.code == "wha77-social-participation-letter"
    assert Signature.objects.exclude(email__endswith="@demo.sauti.localhost").count() == 0
    assert Addressee.objects.exclude(email__endswith=".demo.sauti.localhost").count() == 0


def test_the_demo_writes_no_email_and_no_audit_entry(demo, mailoutbox):
    assert mailoutbox == []
    assert not AuditLogEntry.objects.filter(action__startswith="signature.").exists()


def test_the_public_demo_pages_answer(demo):
    anonymous = client_for(None)
    for name in ("open", "answered"):
        campaign = demo[name]
        response = anonymous.get(campaign.get_absolute_url())
        assert response.status_code == 200, name
        page = response.content.decode()
        assert "Demo data: this campaign is an example, not a real letter." in page
        assert "{{" not in page
    listing = anonymous.get(reverse("campaigns:list")).content.decode()
    assert demo["open"].title in listing and demo["answered"].title in listing


def test_the_draft_is_not_public(demo):
    draft = demo["draft"]
    assert draft not in Campaign.objects.public()
    assert client_for(None).get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in client_for(None).get(reverse("campaigns:list")).content.decode()
    # Its coalition's members see it.
    amina = User.objects.get(email="amina@demo.sauti.localhost")
    assert client_for(amina).get(draft.get_absolute_url()).status_code == 200


def test_the_open_campaign(demo):
    campaign = demo["open"]
    assert campaign.is_open
    assert sorted(campaign.letters.values_list("language", flat=True)) == ["en", "fr"]
    assert campaign.addressees.count() == 2
    assert campaign.signers == Campaign.Signers.BOTH
    counted = signatories.counted(campaign)
    assert counted.count() == 25
    assert counted.filter(kind=Signature.Kind.INDIVIDUAL).exists()
    assert counted.filter(kind=Signature.Kind.ORGANISATION, show_name=False).exists()
    assert counted.values("country").distinct().count() >= 8
    # The registered organisations approved; one burst signature waits for review.
    assert counted.filter(organisation__isnull=False).count() == 4
    assert Signature.objects.filter(campaign=campaign, held_for_review=True).count() == 1


def test_the_open_campaign_page_shows_what_signers_chose(demo):
    campaign = demo["open"]
    page = client_for(None).get(campaign.get_absolute_url()).content.decode()
    assert "25 signatories" in page
    assert "(2 people signed without showing their names.)" in page
    # An organisation is listed, its contact person's name only if shown.
    assert "Collectif des usagers des postes de santé de Kolda (démo)" in page
    assert "Samba B." not in page
    assert "Ndèye F." in page and "Présidente" in page
    # Individuals who hid their name, and the held signature, are not listed.
    assert "Aïda M." not in page and "Test T." not in page
    assert "Fatou N." in page
    assert "@demo.sauti.localhost" not in page
    # The form to sign is there: the campaign is open.
    assert reverse("campaigns:sign", args=[campaign.pk]) in page


def test_the_letters_are_composed_from_the_template(demo):
    campaign = demo["open"]
    paragraphs = {p.code: p for p in OptionalParagraph.objects.filter(template=campaign.template)}
    for letter in campaign.letters.all():
        # Only the placeholders filled per addressee and at sending are left.
        assert set(markup.placeholders_in(letter.body)) <= set(FILLED_LATE), letter.language
        assert set(markup.placeholders_in(letter.subject)) <= set(FILLED_LATE)
        assert "paragraph:" not in letter.body
        assert campaign.coalition.name in letter.body
        for code, paragraph in paragraphs.items():
            text = paragraph.safe_translation_getter("text", language_code=letter.language)
            assert (text in letter.body) == (code in campaign.optional_paragraphs), code
        for message in campaign.key_messages.all():
            text = message.safe_translation_getter("text", language_code=letter.language)
            assert f"- {text}" in letter.body
    assert "Sénégal" in campaign.letters.get(language="fr").subject
    assert campaign.letters.get(language="en").subject.endswith("in Senegal")
    english = client_for(None).get(campaign.get_absolute_url(), {"language": "en"})
    page = english.content.decode()
    # The late placeholders filled for the first addressee.
    assert "Dear Madame la Ministre," in page
    assert "Ministre de la Santé et de l’Action sociale, Ministère de la Santé" in page


def test_the_answered_campaign(demo):
    campaign = demo["answered"]
    assert campaign.country_id == "BR"
    assert list(campaign.letters.values_list("language", flat=True)) == ["pt"]
    assert campaign.sent_by_hand and campaign.sent_at is not None
    assert campaign.opened_at < campaign.closed_at < campaign.sent_at
    assert campaign.response_date is not None and campaign.response_text
    # Its signatories were not told of an invented response, and will not be.
    assert campaign.response_notified_at is not None
    deliveries = Delivery.objects.filter(campaign=campaign)
    assert deliveries.count() == 2
    assert all(d.by_hand and d.sent_at == campaign.sent_at for d in deliveries)
    assert {d.addressee for d in deliveries} == set(campaign.addressees.all())
    assert signatories.count(campaign) == 10
    page = client_for(None).get(campaign.get_absolute_url()).content.decode()
    assert "Resposta fictícia" in page
    assert "Sign this letter" not in page
    # Letters sent are dated the day they were sent.
    letter = campaign.letters.get()
    assert "{{ date }}" in letter.body


def test_the_draft(demo):
    draft = demo["draft"]
    assert draft.coalition.slug == "demo-east-africa-health-network"
    assert draft.opened_at is None and not draft.signatures.exists()
    assert draft.letters.get().language == "en"
