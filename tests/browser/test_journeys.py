"""Journeys people make through Sauti, in a real Chromium against a live server."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.factories import OrganisationFactory, UserFactory

from .helpers import Site, activate_totp, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.browser
def test_found_an_organisation_and_admit_a_member(
    new_page: Callable[..., Page], site: Site
) -> None:
    """Sign up, verify, create an organisation; set up TOTP and accept a member."""
    amina = new_page()

    # Sign up from the header.
    amina.goto(site("/"))
    expect(amina).to_have_url(re.compile(r"/en/$"))
    amina.get_by_role("navigation", name="Main").get_by_role("link", name="Sign up").click()
    amina.get_by_label("Email:").fill("amina@example.org")
    amina.get_by_label("Password:", exact=True).fill("a long walk to Kisumu")
    amina.get_by_label("Password (again)").fill("a long walk to Kisumu")
    amina.get_by_label("Public name").fill("Amina Otieno")
    amina.get_by_role("button", name="Sign Up").click()
    expect(amina.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")

    # Open the verification email from the mail folder and follow its link.
    message = site.mail.latest(to="amina@example.org")
    link = site.mail.link(message, "/accounts/confirm-email/")
    assert link.startswith(site.url), link
    amina.goto(link)
    amina.get_by_role("button", name="Confirm").click()
    expect(amina.get_by_role("heading", level=1)).to_have_text("Welcome, Amina Otieno")

    # Create the organisation from "My account".
    amina.get_by_role("link", name="Add your organisation").click()
    amina.get_by_label("Name:", exact=True).fill("Lakeside Health Watch")
    amina.get_by_label("Acronym").fill("LHW")
    amina.get_by_label("Type").select_option(label="Community group")
    amina.get_by_label("Level").select_option(label="Local")
    amina.get_by_label("Country of the head office").select_option(label="Kenya")
    amina.get_by_label("African Region").check()
    amina.get_by_label("Website").fill("lakeside.example.org")
    amina.get_by_label("Description:", exact=True).fill(
        "Community health monitoring around Lake Victoria."
    )
    amina.get_by_role("button", name="Save").click()

    expect(amina).to_have_url(re.compile(r"/en/organisations/lakeside-health-watch/$"))
    expect(amina.get_by_role("heading", level=1)).to_have_text("Lakeside Health Watch (LHW)")
    expect(amina.get_by_role("status")).to_contain_text("You are its administrator")
    expect(amina.get_by_text("Community health monitoring around Lake Victoria.")).to_be_visible()
    expect(amina.get_by_role("link", name="https://lakeside.example.org")).to_be_visible()

    # A second person (verified by the factory) signs in and asks to join.
    UserFactory(email="baraka@example.org", display_name="Baraka Mwangi")
    baraka = new_page()
    sign_in(baraka, site, "baraka@example.org")
    baraka.get_by_role("navigation", name="Main").get_by_role("link", name="Organisations").click()
    baraka.get_by_role("link", name="Lakeside Health Watch").click()
    baraka.get_by_role("link", name="Ask to join").click()
    baraka.get_by_label("Message to the administrators").fill("I run the youth clinic.")
    baraka.get_by_role("button", name="Send request").click()
    expect(baraka.get_by_role("status")).to_contain_text("Your request was sent")
    expect(baraka.get_by_text("Your request to join is waiting for an answer.")).to_be_visible()

    # The administrator opens the requests and is sent to set up a second factor first.
    amina.get_by_role("link", name="Members and requests").click()
    expect(amina.get_by_role("status")).to_contain_text("second factor")
    # allauth asks for the password again before a second factor is added.
    expect(amina.get_by_role("heading", level=1)).to_have_text("Confirm Access")
    amina.get_by_label("Password:", exact=True).fill("a long walk to Kisumu")
    amina.get_by_role("button", name="Confirm").click()
    expect(amina).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    activate_totp(amina)
    expect(amina.get_by_role("heading", level=1)).to_have_text("Recovery Codes")

    # Back to the organisation's members page, now allowed.
    amina.goto(site("/en/organisations/lakeside-health-watch/"))
    amina.get_by_role("link", name="Members and requests").click()
    expect(amina.get_by_role("heading", level=1)).to_have_text("Members and requests")
    request = amina.locator("form", has_text="Baraka Mwangi")
    expect(request).to_contain_text("I run the youth clinic.")
    request.get_by_label("Role").select_option("editor")
    request.get_by_role("button", name="Accept").click()
    expect(amina.get_by_role("status")).to_contain_text("Baraka Mwangi is now a member.")
    expect(amina.get_by_role("row", name=re.compile("Baraka Mwangi"))).to_contain_text("Editor")

    # Baraka sees the organisation, with his role, in "My account".
    baraka.get_by_role("link", name="My account").click()
    mine = baraka.get_by_role("listitem").filter(has_text="Lakeside Health Watch")
    expect(mine).to_contain_text("Editor")
    expect(mine).not_to_contain_text("Requested")
    accepted = site.mail.latest(to="baraka@example.org")
    assert site("/en/organisations/lakeside-health-watch/") in site.mail.text(accepted)


@pytest.mark.browser
def test_switch_to_arabic(new_page: Callable[..., Page], site: Site) -> None:
    """The language menu keeps the reader on the same page, right to left."""
    page = new_page()
    OrganisationFactory(name="Kisumu Health Rights Forum", slug="kisumu-health-rights")
    page.goto(site("/en/organisations/?country=KE"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.get_by_role("banner").get_by_text("Language", exact=True).click()
    page.get_by_role("link", name="العربية").click()

    expect(page).to_have_url(site("/ar/organisations/?country=KE"))
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Organisations")
    expect(page.get_by_role("link", name="Kisumu Health Rights Forum")).to_be_visible()


@pytest.mark.browser
def test_subscribe_to_a_country(new_page: Callable[..., Page], site: Site) -> None:
    """Double opt-in: choose what to follow, confirm from the email."""
    page = new_page()
    page.goto(site("/en/"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Follow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get email updates")
    page.get_by_label("Email address").fill("wanjiru@example.org")
    page.get_by_label("Countries").select_option(label="Kenya")
    page.get_by_label("Community-led monitoring").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    message = site.mail.latest(to="wanjiru@example.org")
    # A confirmation is not list mail: it may only carry List-Unsubscribe if it
    # points back to this site.
    if message["List-Unsubscribe"] is not None:
        assert f"<{site.url}/" in str(message["List-Unsubscribe"])
    page.goto(site.mail.link(message, "/subscribe/confirm/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    expect(page.get_by_text("wanjiru@example.org")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subscription confirmed")
    # What was chosen is what is followed.
    page.get_by_role("link", name="Change your choices").click()
    expect(page.get_by_label("Countries")).to_have_values(["KE"])
    expect(page.get_by_label("Community-led monitoring")).to_be_checked()
    expect(page.get_by_label("African Region")).not_to_be_checked()

    # Subscribing a confirmed address again sends a manage link, which is list
    # mail: it must offer one-click unsubscribe back to this site.
    page.goto(site("/en/subscribe/"))
    page.get_by_label("Email address").fill("wanjiru@example.org")
    page.get_by_label("African Region").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    again = site.mail.latest(to="wanjiru@example.org")
    assert again["Message-ID"] != message["Message-ID"]
    unsubscribe = str(again["List-Unsubscribe"]).strip()  # a long header is folded
    assert re.fullmatch(rf"<{re.escape(site.url)}/en/unsubscribe/[^>\s]+/>", unsubscribe)
    assert again["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
