"""The letter-template editor's live preview in a real Chromium: it follows the typing,
shows unknown placeholders and typed tags as text, and saves nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from sauti.accounts.models import Membership, Organisation
from sauti.campaigns.models import LetterTemplate, OptionalParagraph
from sauti.core.models import AuditLogEntry

from ..factories import MembershipFactory, OrganisationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def counts() -> tuple[int, int, int]:
    return (
        LetterTemplate.objects.count(),
        OptionalParagraph.objects.count(),
        AuditLogEntry.objects.count(),
    )


def test_the_live_preview_follows_the_typing_and_saves_nothing(live_server, page):
    coalition = OrganisationFactory(name="Kenya UHC Coalition", kind=Organisation.Kind.NETWORK)
    editor = MembershipFactory(organisation=coalition, role=Membership.Role.EDITOR).user
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    before = counts()
    page.goto(live_server.url + reverse("campaigns:letter_template_add"))
    page.fill("#id_body", "Dear {{ addressee_title }} and {{ minister }},\n\n<b>x</b>")
    page.fill("#id_paragraphs-0-label", "<b>Budget</b>")
    preview = page.locator("#letter-preview")
    expect(preview.locator("mark.placeholder.unknown")).to_have_text("{{ minister }}")
    expect(preview).to_contain_text("Form of address used in the salutation")
    expect(preview).to_contain_text("{{ minister }} is not a placeholder")
    # Typed tags stay text.
    expect(preview).to_contain_text("<b>x</b>")
    assert preview.locator("b").count() == 0
    assert counts() == before
