"""Download of everything Sauti holds about the signed-in person (GDPR art. 15/20)."""

from __future__ import annotations

import json

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from sauti.accounts.models import Organisation, Subscription
from sauti.core.models import AbuseReport

from ..conftest import client_for


def test_export_is_a_json_attachment_with_account_and_memberships(member, organisation):
    Subscription.objects.create(email=member.email).topics.set(["campaigns"])
    AbuseReport.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(organisation.pk),
        reason="spam",
        details="Looks like an advert",
        reporter=member,
    )
    response = client_for(member).get(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="sauti-my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["account"]["public_name"] == member.display_name
    assert data["email_addresses"] == [{"email": member.email, "verified": True, "primary": True}]
    [membership] = data["memberships"]
    assert membership["organisation"] == "Kisumu Health Rights Forum"
    assert (membership["role"], membership["status"]) == ("member", "active")
    assert data["subscription"]["topics"] == ["campaigns"]
    assert data["abuse_reports_sent"][0]["details"] == "Looks like an advert"


def test_export_holds_only_the_persons_own_data(member, editor):
    data = json.loads(client_for(member).get(reverse("accounts:data_export")).content)
    text = json.dumps(data)
    assert editor.email not in text
    assert editor.display_name not in text


def test_second_factor_is_listed_without_its_secret(org_admin):
    data = json.loads(client_for(org_admin).get(reverse("accounts:data_export")).content)
    assert [f["type"] for f in data["second_factors"]] == ["totp"]
    assert "JBSWY3DPEHPK3PXP" not in json.dumps(data)
