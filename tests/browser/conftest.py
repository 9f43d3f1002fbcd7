"""Fixtures for the browser journeys: Debian's Chromium, a live server and a mail folder.

These tests are marked ``browser`` and deselected by default; run them with
``make test-browser`` (``pytest -m browser tests/browser``). Nothing is
downloaded: Playwright drives the Chromium installed at ``/usr/bin/chromium``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .helpers import Mailbox, Site

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium phones Google, which this
# closed network refuses (and which would muddle the same-origin checks).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Fail a broken step in seconds rather than after Playwright's 30 s default.
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get install --no-install-recommends chromium "
            "(never `playwright install`)."
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url() -> None:
    """None: pages are opened by full URL, as the live server's port changes each run.

    Defining it here also replaces pytest-playwright's fallback fixture, which
    pytest 9 warns about (a session fixture written as an instance method).
    """
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    # A fixed locale makes the bare "/" redirect to /en/ whatever the machine says.
    return {**browser_context_args, "locale": "en-GB"}


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright() -> Iterator[None]:
    """Let Django's ORM run while Playwright's sync API holds an event loop.

    Playwright keeps a running loop in the test thread; without this Django's
    async-safety check refuses to create the test database or run a factory.
    Session-scoped and autouse, so it is in place before the browser starts.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def site(live_server, settings, tmp_path) -> Site:
    """The live server, sending its email as .eml files into a fresh folder.

    Runs after the autouse fixture in tests/conftest.py, so it overrides its
    in-memory email backend.
    """
    folder = tmp_path / "mail"
    settings.EMAIL_BACKEND = "sauti.core.mail.DevMailBackend"
    settings.EMAIL_FILE_PATH = folder
    settings.SITE_URL = live_server.url  # links in Sauti's own emails point here
    return Site(url=live_server.url, mail=Mailbox(folder))


@pytest.fixture
def new_page(browser: Browser, browser_context_args: dict) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh browser context: one per person, or per setting.

    Keyword arguments go to ``browser.new_context`` (``viewport=...``,
    ``java_script_enabled=False``...).
    """
    contexts: list[BrowserContext] = []

    def open_page(**context_args: object) -> Page:
        context = browser.new_context(**{**browser_context_args, **context_args})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
