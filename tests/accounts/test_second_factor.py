"""Administrators and moderators must have a second factor before they act.

Without an authenticator they are sent to set one up; people who are not
privileged for the page get a plain 403 instead of being asked for one.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from sauti.accounts.models import MODERATORS_GROUP, Membership

from ..conftest import client_for, with_second_factor
from ..factories import MembershipFactory, UserFactory

TOTP = reverse("mfa_activate_totp")  # /en/accounts/2fa/totp/activate/


@pytest.fixture
def bare_admin(organisation):
    """An organisation administrator who never set up a second factor."""
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


@pytest.fixture
def bare_moderator(db):
    user = UserFactory()
    Group.objects.get(name=MODERATORS_GROUP).user_set.add(user)
    return user


def test_admin_without_second_factor_is_sent_to_set_one_up(bare_admin, organisation):
    response = client_for(bare_admin).get(
        reverse("accounts:members", args=[organisation.slug]), follow=True
    )
    assert response.redirect_chain[0] == (TOTP, 302)
    assert "must protect their account with a second factor" in response.content.decode()


def test_admin_without_second_factor_cannot_decide_requests(bare_admin, organisation):
    pending = MembershipFactory(
        organisation=organisation, status=Membership.Status.REQUESTED, decided_at=None
    )
    response = client_for(bare_admin).post(
        reverse("accounts:membership_decide", args=[organisation.slug, pending.pk]),
        {"action": "accept", "role": "member"},
    )
    assert response.status_code == 302
    assert response["Location"] == TOTP
    pending.refresh_from_db()
    assert pending.status == Membership.Status.REQUESTED


def test_admin_with_second_factor_gets_the_members_page(bare_admin, organisation):
    with_second_factor(bare_admin)
    response = client_for(bare_admin).get(reverse("accounts:members", args=[organisation.slug]))
    assert response.status_code == 200
    assert "Members and requests" in response.content.decode()


def test_admin_without_second_factor_still_reads_public_pages(bare_admin, organisation):
    response = client_for(bare_admin).get(organisation.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["outsider", "member", "editor"])
def test_people_who_are_not_admins_get_403_not_a_second_factor_request(request, organisation, role):
    user = request.getfixturevalue(role)
    response = client_for(user).get(reverse("accounts:members", args=[organisation.slug]))
    assert response.status_code == 403


def test_org_admin_without_second_factor_is_still_refused_the_moderation_queue(bare_admin):
    # Not a moderator: the permission check comes first.
    response = client_for(bare_admin).get(reverse("core:moderation"))
    assert response.status_code == 403


def test_moderator_without_second_factor_is_sent_to_set_one_up(bare_moderator):
    response = client_for(bare_moderator).get(reverse("core:moderation"))
    assert response.status_code == 302
    assert response["Location"] == TOTP


def test_superuser_without_second_factor_cannot_read_the_audit_log(db):
    user = UserFactory(is_staff=True, is_superuser=True)
    response = client_for(user).get(reverse("core:audit_log"))
    assert response.status_code == 302
    assert response["Location"] == TOTP


def test_staff_without_second_factor_is_kept_out_of_the_django_admin(db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    for path in ("/en/admin/", "/en/admin/accounts/user/"):
        response = client_for(staff).get(path)
        assert response.status_code == 302
        assert response["Location"] == TOTP


def test_staff_with_second_factor_reaches_the_django_admin(site_admin):
    response = client_for(site_admin).get("/en/admin/")
    assert response.status_code == 200


def test_the_rule_can_be_switched_off(settings, bare_admin, organisation):
    settings.SAUTI_REQUIRE_MFA_FOR_PRIVILEGED = False
    response = client_for(bare_admin).get(reverse("accounts:members", args=[organisation.slug]))
    assert response.status_code == 200
