"""Deleting an account: personal data goes, shared content stays as "former member"."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.urls import reverse

from sauti.accounts import services
from sauti.accounts.models import Membership, Organisation, Subscription, User
from sauti.core.models import AuditLogEntry

from ..conftest import client_for
from ..factories import MembershipFactory, UserFactory

URL = reverse("accounts:delete")
PASSWORD = "correct horse battery"


def create(user, name):
    return services.create_organisation(
        acting_user=user, data={"name": name, "kind": "ngo", "level": "local"}
    )


@pytest.fixture
def person(db):
    return UserFactory(display_name="Leaving Person", email="leaving@example.org")


def test_sole_admin_of_an_organisation_with_members_is_blocked(person):
    organisation = create(person, "Needs An Admin")
    MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER)
    with pytest.raises(ValidationError, match="Appoint another administrator first for"):
        services.delete_account(person, remove_content=False, acting_user=person)
    assert User.objects.filter(pk=person.pk).exists()


def test_blocked_page_lists_the_organisation_and_offers_no_form(person):
    organisation = create(person, "Needs An Admin")
    MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER)
    client = client_for(person)
    html = client.get(URL).content.decode()
    assert "Appoint another administrator first" in html
    assert reverse("accounts:members", args=[organisation.slug]) in html
    assert "Delete my account" not in html
    response = client.post(URL, {"password": PASSWORD})
    assert response.status_code == 200
    assert User.objects.filter(pk=person.pk).exists()


def test_wrong_password_deletes_nothing(person):
    response = client_for(person).post(URL, {"password": "guess"})
    assert "That password is not correct." in response.content.decode()
    assert User.objects.filter(pk=person.pk).exists()


def test_content_is_kept_and_attributed_to_no_one(person):
    shared = create(person, "Shared Forum")
    MembershipFactory(organisation=shared, role=Membership.Role.ADMIN)
    response = client_for(person).post(URL, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain == [(reverse("core:home"), 302)]
    assert "Your account has been deleted." in response.content.decode()
    assert not User.objects.filter(pk=person.pk).exists()
    assert not EmailAddress.objects.filter(email="leaving@example.org").exists()
    shared.refresh_from_db()
    assert shared.created_by is None
    assert not Membership.objects.filter(organisation=shared, user_id=person.pk).exists()
    # Signed out: the account pages now ask to sign in.
    assert client_for(None).get(reverse("accounts:dashboard")).status_code == 302


def test_remove_content_deletes_only_lonely_organisations(person):
    lonely = create(person, "Only Me")
    shared = create(person, "Shared Forum")
    MembershipFactory(organisation=shared, role=Membership.Role.ADMIN)
    only_a_request = create(person, "Only A Request")
    MembershipFactory(organisation=only_a_request, status=Membership.Status.REQUESTED)
    someone_elses = create(UserFactory(), "Someone Else's")
    MembershipFactory(user=person, organisation=someone_elses, role=Membership.Role.MEMBER)

    client_for(person).post(URL, {"password": PASSWORD, "remove_content": "on"})

    remaining = set(Organisation.objects.values_list("name", flat=True))
    assert remaining == {"Shared Forum", "Someone Else's"}
    assert Organisation.objects.get(name="Shared Forum").created_by is None
    deleted = AuditLogEntry.objects.filter(action="organisation.delete")
    assert sorted(deleted.values_list("target_repr", flat=True)) == ["Only A Request", "Only Me"]
    assert not Organisation.objects.filter(pk=lonely.pk).exists()


def test_without_remove_content_lonely_organisations_stay(person):
    create(person, "Only Me")
    client_for(person).post(URL, {"password": PASSWORD})
    organisation = Organisation.objects.get(name="Only Me")
    assert organisation.created_by is None


def test_subscription_of_the_address_is_deleted(person):
    Subscription.objects.create(email=person.email)
    Subscription.objects.create(email="someone.else@example.org")
    client_for(person).post(URL, {"password": PASSWORD})
    assert list(Subscription.objects.values_list("email", flat=True)) == [
        "someone.else@example.org"
    ]


def test_audit_log_keeps_no_name_or_email(person):
    client_for(person).post(URL, {"password": PASSWORD})
    entry = AuditLogEntry.objects.get(action="account.delete")
    assert entry.actor is None
    assert "leaving" not in str(entry.data).lower()
    assert "Leaving Person" not in entry.target_repr
