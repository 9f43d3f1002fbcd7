"""Shared fixtures of the campaign tests: a coalition (with a member, an editor and an
administrator from the root conftest) and campaigns with English and French letters."""

from __future__ import annotations

import pytest

from sauti.accounts.models import Organisation
from sauti.campaigns import services
from sauti.campaigns.models import Campaign, Letter


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    """Rate limits count per hour: a test must not straddle two hours (a burst of 500
    sign-ons takes half a minute, and once ran across 12:00 in CI)."""
    window = services.current_window()
    monkeypatch.setattr(services, "current_window", lambda: window)


@pytest.fixture
def coalition(organisation, member, editor, org_admin):
    Organisation.objects.filter(pk=organisation.pk).update(kind=Organisation.Kind.NETWORK)
    organisation.refresh_from_db()
    return organisation


def make_campaign(coalition, *, state=Campaign.State.OPEN, signers=Campaign.Signers.BOTH):
    campaign = Campaign.objects.create(
        coalition=coalition, title="Fund the health councils", state=state, signers=signers
    )
    Letter.objects.create(
        campaign=campaign,
        language="en",
        subject="Social participation",
        body="Dear *Minister*,\n\nWe ask:\n\n- a legal basis\n- a budget line",
    )
    Letter.objects.create(
        campaign=campaign, language="fr", subject="Participation", body="Madame la *Ministre*,"
    )
    return campaign


@pytest.fixture
def campaign(coalition):
    return make_campaign(coalition)


@pytest.fixture
def draft(coalition):
    return make_campaign(coalition, state=Campaign.State.DRAFT)
