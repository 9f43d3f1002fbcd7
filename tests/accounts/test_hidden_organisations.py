"""An organisation hidden by moderators disappears for the public only."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from ..conftest import client_for

NOTICE = "Moderators have hidden this organisation from the public. Reason: Fake organisation"


@pytest.fixture
def hidden(organisation):
    organisation.hidden_at = timezone.now()
    organisation.hidden_reason = "Fake organisation"
    organisation.save()
    return organisation


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_public_gets_404(request, hidden, role):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    response = client_for(user).get(hidden.get_absolute_url())
    assert response.status_code == 404
    assert "Kisumu Health Rights Forum" not in response.content.decode()


@pytest.mark.parametrize("role", ["member", "editor", "org_admin", "moderator", "site_admin"])
def test_members_and_moderators_see_it_with_the_notice(request, hidden, role):
    response = client_for(request.getfixturevalue(role)).get(hidden.get_absolute_url())
    assert response.status_code == 200
    assert NOTICE in response.content.decode()


def test_visible_organisation_has_no_notice(member, organisation):
    response = client_for(member).get(organisation.get_absolute_url())
    assert "Moderators have hidden" not in response.content.decode()


def test_absent_from_directory_country_page_home_and_csv(hidden):
    client = client_for(None)
    for url in ("/en/organisations/", "/en/countries/ke/", "/en/regions/afr/", "/en/"):
        assert "Kisumu Health Rights Forum" not in client.get(url).content.decode(), url
    csv_text = client.get("/en/organisations/?format=csv").content.decode()
    assert "Kisumu" not in csv_text
    search = client.get("/en/organisations/?q=Kisumu").content.decode()
    assert '<p role="status">0 organisations' in search


def test_outsider_cannot_ask_to_join_or_report_it(outsider, hidden):
    client = client_for(outsider)
    assert client.get(reverse("accounts:join", args=[hidden.slug])).status_code == 404
    assert client.get(reverse("core:report", args=["organisation", hidden.pk])).status_code == 404
