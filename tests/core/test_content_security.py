"""The Content-Security-Policy forbids inline script and style; no page needs them."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from sauti.accounts import services
from sauti.accounts.models import Organisation, Subscription
from sauti.core.models import AbuseReport

from ..conftest import client_for


class Inline(HTMLParser):
    """Collects inline scripts, event handlers, ``style`` elements/attributes and
    assets loaded from another origin."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        inline = tag == "script" and not attributes.get("src")
        if inline and attributes.get("type") != "application/json":
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in attributes:
            self.problems.append(f"style attribute on <{tag}>")
        for name in attributes:
            if name.startswith("on"):
                self.problems.append(f"{name} handler on <{tag}>")
        for name in ("src",) + (("href",) if tag == "link" else ()):
            value = attributes.get(name) or ""
            if value.startswith(("http:", "https:", "//")):
                self.problems.append(f"{tag} {name} from another origin: {value}")
        if (attributes.get("href") or "").startswith("javascript:"):
            self.problems.append(f"javascript: link on <{tag}>")


def problems_in(html: str) -> list[str]:
    parser = Inline()
    parser.feed(html)
    return parser.problems


@pytest.fixture
def pages(organisation, member, editor, org_admin, moderator, site_admin, outsider):
    network = Organisation.objects.create(
        name="Coalition", slug="coalition", kind="network", level="global"
    )
    subscription = Subscription.objects.create(email="f@example.org")
    AbuseReport.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(organisation.pk),
        reason="spam",
    )
    slug = organisation.slug
    token = services.subscription_token
    return [
        (None, "/en/"),
        (None, "/ar/"),
        (None, "/en/countries/"),
        (None, "/en/countries/ke/"),
        (None, "/en/regions/afr/"),
        (None, "/en/organisations/"),
        (None, f"/en/organisations/{slug}/"),
        (None, reverse("core:report", args=["organisation", organisation.pk])),
        (None, "/en/subscribe/"),
        (None, reverse("accounts:subscription_confirm", args=[token(subscription, "confirm")])),
        (None, reverse("accounts:subscription_manage", args=[token(subscription, "manage")])),
        (None, reverse("accounts:unsubscribe", args=[token(subscription, "unsubscribe")])),
        (None, "/en/accounts/login/"),
        (None, "/en/accounts/signup/"),
        (None, "/en/accounts/password/reset/"),
        (None, "/en/open-data/"),
        (None, "/en/no-such-page/"),
        (None, "/api/v1/docs/"),
        (outsider, "/en/me/"),
        (outsider, "/en/me/profile/"),
        (outsider, "/en/me/delete/"),
        (outsider, "/en/organisations/new/"),
        (outsider, f"/en/organisations/{slug}/join/"),
        (outsider, f"/en/organisations/{network.slug}/network/join/"),
        (outsider, "/en/accounts/email/"),
        (outsider, "/en/accounts/2fa/"),
        (outsider, "/en/accounts/sessions/"),
        (editor, f"/en/organisations/{slug}/edit/"),
        (editor, f"/en/organisations/{slug}/translate/"),
        (org_admin, f"/en/organisations/{slug}/members/"),
        (moderator, "/en/moderation/"),
        (site_admin, "/en/moderation/audit/"),
        (member, f"/en/organisations/{slug}/"),
    ]


def test_pages_have_no_inline_script_or_style_and_no_foreign_assets(pages):
    checked = 0
    for user, url in pages:
        response = client_for(user).get(url)
        assert response.status_code == (404 if "no-such-page" in url else 200), url
        assert response["Content-Type"].startswith("text/html"), url
        assert problems_in(response.content.decode()) == [], url
        checked += 1
    assert checked == len(pages)


def test_the_checker_catches_what_it_should():
    assert problems_in('<script>alert(1)</script><p style="color:red" onclick="x()">') == [
        "inline <script>",
        "style attribute on <p>",
        "onclick handler on <p>",
    ]
    assert problems_in('<script src="https://cdn.example/x.js"></script>') == [
        "script src from another origin: https://cdn.example/x.js"
    ]
    assert problems_in('<script type="application/json">{}</script>') == []


@pytest.mark.parametrize("url", ["/en/", "/en/organisations/", "/api/v1/docs/", "/api/v1/regions/"])
def test_csp_header_forbids_inline_script(db, url):
    policy = client_for(None).get(url)["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy


def test_pages_cannot_be_framed_and_do_not_sniff(db):
    response = client_for(None).get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
