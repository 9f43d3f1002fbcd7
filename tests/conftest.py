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
from django.contrib.auth.models import Group
from django.test import Client

from sauti.accounts.models import MODERATORS_GROUP, Membership

from .factories import MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _immediate_tasks(settings, tmp_path):
    """Run queued tasks at once and keep email in memory during tests."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


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
