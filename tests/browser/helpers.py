"""Helpers for the browser journeys: the mail folder, TOTP codes, signing in."""

from __future__ import annotations

import email
import email.policy
import re
import time
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from playwright.sync_api import Page, expect

PASSWORD = "correct horse battery"  # the factories' password
URL_RE = re.compile(r"https?://[^\s<>\"']+")


class Mailbox:
    """The DevMailBackend's folder: one .eml file per message, named by time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def messages(self) -> list[EmailMessage]:
        files = sorted(self.folder.glob("*.eml")) if self.folder.exists() else []
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in files
        ]

    def latest(self, to: str) -> EmailMessage:
        """The newest message sent to ``to`` (sending is immediate in these tests)."""
        for message in reversed(self.messages()):
            if to in str(message["To"]):
                return message
        raise AssertionError(f"No email to {to} in {self.folder}")

    @staticmethod
    def text(message: EmailMessage) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def link(self, message: EmailMessage, contains: str) -> str:
        """The first link in the plain-text body whose URL contains ``contains``."""
        for url in URL_RE.findall(self.text(message)):
            if contains in url:
                return url
        raise AssertionError(f"No link containing {contains!r} in:\n{self.text(message)}")


@dataclass
class Site:
    url: str
    mail: Mailbox

    def __call__(self, path: str) -> str:
        return self.url + path


def totp_code(secret: str) -> str:
    """The current RFC 6238 code for ``secret``, as an authenticator app shows it."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def sign_in(page: Page, site: Site, email_address: str, password: str = PASSWORD) -> None:
    """Sign in through the header link and the login form."""
    page.goto(site("/"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in").click()
    page.get_by_label("Email:", exact=True).fill(email_address)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")


def sign_in_here(page: Page, email_address: str, password: str = PASSWORD) -> None:
    """Fill in the login form on the page already open, in any language.

    By field names rather than labels, for journeys in French or Arabic; where
    to go next is the page's business (its ``next``, or "My account").
    """
    form = page.locator("form", has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(email_address)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()


def expect_language(page: Page, language: str) -> None:
    """The page is in ``language``, and right to left if it is Arabic."""
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


def activate_totp(page: Page) -> str:
    """On allauth's activation page, read the secret as a person would and enter a code.

    The secret is shown as text beside the QR code. allauth accepts only the
    current 30-second step, so a code computed in the last instant of a step
    can arrive late: then the form comes back (200) and a fresh code is sent.
    """
    secret = page.get_by_label("Authenticator secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}=*", secret), secret
    for _attempt in range(2):
        page.get_by_label("Authenticator code").fill(totp_code(secret))
        with page.expect_response(
            lambda response: (
                response.request.method == "POST" and "/2fa/totp/activate/" in response.url
            )
        ) as posted:
            page.get_by_role("button", name="Activate").click()
        if posted.value.status == 302:
            return secret
    raise AssertionError(f"allauth refused two TOTP codes in a row for {secret}")


def enter_totp(page: Page, secret: str) -> None:
    """On allauth's sign-in step for a second factor, enter the current code, in any language.

    As in :func:`activate_totp`, a code computed at the end of a 30-second step
    may arrive late; then the form comes back (200) and a fresh code is sent.
    """
    form = page.locator("form", has=page.locator("input[name=code]"))
    for _attempt in range(2):
        form.locator("input[name=code]").fill(totp_code(secret))
        with page.expect_response(
            lambda response: (
                response.request.method == "POST" and "/2fa/authenticate/" in response.url
            )
        ) as posted:
            form.locator("button[type=submit]").click()
        if posted.value.status == 302:
            return
    raise AssertionError(f"allauth refused two TOTP codes in a row for {secret}")
