"""Asking to join, accepting, declining, changing roles and leaving.

Administrators are told of requests by email, each in their own language;
an organisation always keeps at least one administrator.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from sauti.accounts import services
from sauti.accounts.models import Membership
from sauti.core.models import AuditLogEntry

from ..conftest import client_for, with_second_factor
from ..factories import MembershipFactory, UserFactory

MEMBERS_LINK = "http://127.0.0.1:8000/en/organisations/kisumu-health-rights/members/"
ORG_LINK = "http://127.0.0.1:8000/en/organisations/kisumu-health-rights/"


@pytest.fixture
def french_admin(organisation):
    user = UserFactory(language="fr", email="admin.fr@example.org")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    return with_second_factor(user)


def test_request_emails_every_administrator_and_no_one_else(
    organisation, org_admin, french_admin, editor, member, outsider
):
    services.request_membership(organisation, acting_user=outsider, message="We work in Kisumu.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([org_admin.email, french_admin.email])
    for message in mail.outbox:
        assert MEMBERS_LINK in message.body
        assert "We work in Kisumu." in message.body
        assert "Outsider" in message.body
    membership = Membership.objects.get(user=outsider)
    assert membership.status == Membership.Status.REQUESTED
    assert membership.message == "We work in Kisumu."
    assert AuditLogEntry.objects.filter(action="membership.request", actor=outsider).exists()


def test_request_email_is_in_each_administrators_language(
    catalogue, organisation, org_admin, french_admin, outsider
):
    catalogue("fr", {"Request to join %(name)s": "Demande d’adhésion à %(name)s"})
    services.request_membership(organisation, acting_user=outsider)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[french_admin.email] == (
        "[Sauti] Demande d’adhésion à Kisumu Health Rights Forum"
    )
    assert subjects[org_admin.email] == "[Sauti] Request to join Kisumu Health Rights Forum"


def test_inactive_administrators_are_not_emailed(organisation, org_admin, outsider):
    org_admin.is_active = False
    org_admin.save()
    services.request_membership(organisation, acting_user=outsider)
    assert mail.outbox == []


def test_asking_twice_is_refused(organisation, outsider):
    services.request_membership(organisation, acting_user=outsider)
    with pytest.raises(ValidationError, match="already waiting for an answer"):
        services.request_membership(organisation, acting_user=outsider)


def test_members_cannot_ask_again(organisation, member):
    with pytest.raises(ValidationError, match="already a member"):
        services.request_membership(organisation, acting_user=member)


def test_join_page_sends_the_request(organisation, org_admin, outsider):
    response = client_for(outsider).post(
        reverse("accounts:join", args=[organisation.slug]),
        {"message": "<b>Hello</b> from Kisumu"},
        follow=True,
    )
    html = response.content.decode()
    assert "Your request was sent to the organisation&#x27;s administrators." in html
    assert "Your request to join is waiting for an answer." in html
    assert Membership.objects.get(user=outsider).message == "Hello from Kisumu"
    assert [m.to for m in mail.outbox] == [[org_admin.email]]


def test_join_page_shows_the_error_for_a_second_request(organisation, outsider):
    client = client_for(outsider)
    url = reverse("accounts:join", args=[organisation.slug])
    client.post(url, {"message": ""})
    response = client.post(url, {"message": ""}, follow=True)
    assert "Your request to join is already waiting for an answer." in response.content.decode()
    assert Membership.objects.filter(user=outsider).count() == 1


@pytest.fixture
def pending(organisation):
    user = UserFactory(language="fr", display_name="Awino")
    return services.request_membership(organisation, acting_user=user)


def test_accept_gives_the_role_and_tells_the_person(catalogue, organisation, org_admin, pending):
    catalogue("fr", {"Welcome to %(name)s": "Bienvenue à %(name)s"})
    mail.outbox.clear()
    response = client_for(org_admin).post(
        reverse("accounts:membership_decide", args=[organisation.slug, pending.pk]),
        {"action": "accept", "role": "editor"},
        follow=True,
    )
    assert "Awino is now a member." in response.content.decode()
    pending.refresh_from_db()
    assert (pending.status, pending.role) == (Membership.Status.ACTIVE, Membership.Role.EDITOR)
    assert pending.decided_at is not None
    [message] = mail.outbox
    assert message.to == [pending.user.email]
    assert message.subject == "[Sauti] Bienvenue à Kisumu Health Rights Forum"
    assert ORG_LINK in message.body
    entry = AuditLogEntry.objects.get(action="membership.accept")
    assert entry.actor == org_admin
    assert entry.data == {"user": pending.user_id, "role": "editor"}


def test_accept_with_an_unknown_role_changes_nothing(organisation, org_admin, pending):
    response = client_for(org_admin).post(
        reverse("accounts:membership_decide", args=[organisation.slug, pending.pk]),
        {"action": "accept", "role": "owner"},
        follow=True,
    )
    assert "That action is not possible." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Membership.Status.REQUESTED


def test_decline_and_ask_again(organisation, org_admin, pending):
    mail.outbox.clear()
    client_for(org_admin).post(
        reverse("accounts:membership_decide", args=[organisation.slug, pending.pk]),
        {"action": "decline"},
    )
    pending.refresh_from_db()
    assert pending.status == Membership.Status.DECLINED
    assert mail.outbox == []
    again = services.request_membership(organisation, acting_user=pending.user, message="Please")
    assert again.pk == pending.pk
    assert (again.status, again.message) == (Membership.Status.REQUESTED, "Please")


def test_decision_on_another_organisations_membership_is_404(organisation, org_admin):
    elsewhere = MembershipFactory(status=Membership.Status.REQUESTED)
    response = client_for(org_admin).post(
        reverse("accounts:membership_decide", args=[organisation.slug, elsewhere.pk]),
        {"action": "decline"},
    )
    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == Membership.Status.REQUESTED


def test_the_only_administrator_cannot_step_down(organisation, org_admin):
    membership = Membership.objects.get(user=org_admin)
    with pytest.raises(ValidationError, match="at least one administrator"):
        services.change_role(membership, role="member", acting_user=org_admin)
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN


def test_the_only_administrator_cannot_be_removed(organisation, org_admin):
    membership = Membership.objects.get(user=org_admin)
    response = client_for(org_admin).post(
        reverse("accounts:membership_decide", args=[organisation.slug, membership.pk]),
        {"action": "remove"},
        follow=True,
    )
    assert "An organisation needs at least one administrator." in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_with_a_second_administrator_the_first_may_step_down(organisation, org_admin, french_admin):
    membership = Membership.objects.get(user=org_admin)
    services.change_role(membership, role="editor", acting_user=org_admin)
    membership.refresh_from_db()
    assert membership.role == Membership.Role.EDITOR
    other = Membership.objects.get(user=french_admin)
    with pytest.raises(ValidationError):
        services.remove_membership(other, acting_user=french_admin)


def test_change_role_and_remove_through_the_members_page(organisation, org_admin, member):
    membership = Membership.objects.get(user=member)
    client = client_for(org_admin)
    url = reverse("accounts:membership_decide", args=[organisation.slug, membership.pk])
    response = client.post(url, {"action": "role", "role": "editor"}, follow=True)
    assert "Role changed." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Membership.Role.EDITOR
    response = client.post(url, {"action": "remove"}, follow=True)
    assert "Member removed." in response.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditLogEntry.objects.filter(action="membership.remove", actor=org_admin).exists()


def test_members_page_lists_requests_and_members(organisation, org_admin, member, pending):
    html = client_for(org_admin).get(reverse("accounts:members", args=[organisation.slug]))
    html = html.content.decode()
    requests_part, members_part = html.split("<h2>Members</h2>")
    assert "Awino" in requests_part
    assert member.display_name in members_part
    assert org_admin.display_name in members_part
