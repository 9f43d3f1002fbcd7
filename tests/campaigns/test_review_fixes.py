"""Regressions found by the review before closing issue 5: each answered clearly, never a 500."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sauti.campaigns import services, signatories
from sauti.campaigns.models import Campaign, KeyMessage

from ..conftest import client_for
from .conftest import make_campaign
from .test_compose import builtin, form_data  # noqa: F401 - fixtures and helpers reused
from .test_signing import confirm_link, sign

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ids", ["99999999999999999999", "9223372036854775808", "²", "-1"])
def test_a_brief_of_impossible_message_ids_is_empty_not_an_error(client, ids):
    response = client.get(reverse("campaigns:brief"), {"m": ids})
    assert response.status_code == 200
    assert response.context["count"] == 0
    assert client.get(reverse("campaigns:brief_pdf"), {"m": ids}).status_code < 500


def test_composing_with_an_impossible_priority_is_refused(client, builtin, coalition, editor):  # noqa: F811
    data = form_data(builtin, coalition, key_messages=["99999999999999999999999"], preview="1")
    response = client_for(editor).post(reverse("campaigns:new"), data)
    assert response.status_code == 400
    assert not Campaign.objects.exists()


def test_letters_page_of_a_campaign_without_letter_answers_400(coalition, editor):
    campaign = Campaign.objects.create(coalition=coalition, title="No letter yet")
    response = client_for(editor).post(reverse("campaigns:edit_letters", args=[campaign.pk]), {})
    assert response.status_code == 400


def test_a_hidden_coalitions_campaigns_are_not_public(client, coalition, campaign):
    coalition.hidden_at = timezone.now()
    coalition.save(update_fields=["hidden_at"])
    assert client.get(campaign.get_absolute_url()).status_code == 404
    assert campaign.title not in client.get(reverse("campaigns:list")).content.decode()
    assert client.get(f"/api/v1/campaigns/{campaign.pk}").status_code == 404
    assert campaign.title not in client.get(reverse("campaigns:feed")).content.decode()


def test_a_hidden_campaign_takes_no_more_confirmations(client, campaign):
    sign(client, campaign)
    link = confirm_link(mail.outbox[0])
    campaign.hidden_at = timezone.now()
    campaign.save(update_fields=["hidden_at"])
    page = client.get(link)
    assert page.status_code == 400
    assert campaign.title not in page.content.decode()
    assert client.post(link).status_code == 400
    assert signatories.count(campaign) == 0


def test_opening_an_out_of_date_campaign_cannot_undo_a_send(coalition, editor):
    campaign = make_campaign(coalition, state=Campaign.State.CLOSED)
    stale = Campaign.objects.get(pk=campaign.pk)
    Campaign.objects.filter(pk=campaign.pk).update(state=Campaign.State.SENT)
    with pytest.raises(services.ValidationError):
        services.open_campaign(stale, acting_user=editor)
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.SENT


def test_email_subjects_are_not_html_escaped(client, coalition):
    campaign = make_campaign(coalition)
    Campaign.objects.filter(pk=campaign.pk).update(title="Health & Rights 'now'")
    campaign.refresh_from_db()
    sign(client, campaign)
    assert "Health & Rights 'now'" in mail.outbox[0].subject


def test_key_message_ids_are_still_chosen(client):
    message = KeyMessage.objects.first()
    response = client.get(reverse("campaigns:brief"), {"m": str(message.pk)})
    assert response.status_code == 200
    assert str(message.safe_translation_getter("text", any_language=True))[:40] in (
        response.content.decode().replace("&#x27;", "'")
    )
