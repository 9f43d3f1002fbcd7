"""Fixtures: one organisation and a person in each role (the alice/bob/charlie habit).

- ``anonymous``: a client nobody signed in to
- ``outsider``: signed in, no link to the organisation
- ``member``, ``editor``, ``org_admin``: active members of ``organisation``
- ``moderator``: in the moderators group; ``site_admin``: superuser
Privileged people get a TOTP authenticator, as Sauti requires of them.
"""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from sauti.accounts.models import MODERATORS_GROUP, Membership

from .factories import MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _immediate_tasks(settings, tmp_path):
    """Run queued tasks at once and keep email in memory during tests."""
    # A deliberately slow hasher costs ~0.3 s per user; tests need no such cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start each test with an empty cache.

    The database is rolled back after each test but the local-memory cache is
    not: parler's cached translations, allauth's rate-limit counters and the
    API throttle would otherwise leak from one test into the next.
    """
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_until_a_request_says_otherwise():
    """Each test starts in English, whatever language the previous test's last request
    activated: ``reverse()`` in a test builds ``/en/…`` addresses."""
    with translation.override(django_settings.LANGUAGE_CODE):
        yield


def with_second_factor(user):
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return user


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Kisumu Health Rights Forum", slug="kisumu-health-rights")


@pytest.fixture
def outsider(db):
    return UserFactory(display_name="Outsider")


@pytest.fixture
def member(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER).user


@pytest.fixture
def editor(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user


@pytest.fixture
def org_admin(organisation):
    user = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    return with_second_factor(user)


@pytest.fixture
def moderator(db):
    user = UserFactory(display_name="Moderator")
    Group.objects.get(name=MODERATORS_GROUP).user_set.add(user)
    return with_second_factor(user)


@pytest.fixture
def site_admin(db):
    user = UserFactory(display_name="Site admin", is_staff=True, is_superuser=True)
    return with_second_factor(user)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def catalogue(settings, tmp_path):
    """Add test translations in front of Sauti's catalogues: ``catalogue("fr", {msgid: text})``.

    Tests of "rendered in the recipient's language" then do not depend on how far
    the real translators have got.
    """

    def add(language: str, messages: dict[str, str]) -> None:
        catalog = Catalog(locale=language.replace("-", "_"))
        for msgid, msgstr in messages.items():
            catalog.add(msgid, msgstr, flags=["python-format"] if "%(" in msgid else [])
        folder = tmp_path / "locale" / language.replace("-", "_") / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "django.mo").open("wb") as handle:
            write_mo(handle, catalog)
        # Assigning the setting resets Django's translation caches.
        others = [path for path in settings.LOCALE_PATHS if path != tmp_path / "locale"]
        settings.LOCALE_PATHS = [tmp_path / "locale", *others]

    return add
