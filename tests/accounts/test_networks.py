"""Organisations joining networks and coalitions; networks never contain themselves."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sauti.accounts import services
from sauti.accounts.models import Membership, NetworkMembership, Organisation

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory


def network(name):
    return OrganisationFactory(name=name, kind=Organisation.Kind.NETWORK)


def join(member, parent, user):
    link = services.request_network_membership(member, parent, acting_user=user)
    return services.decide_network_membership(link, accept=True, acting_user=user)


def test_only_networks_take_member_organisations(org_admin, organisation):
    ngo = OrganisationFactory(kind=Organisation.Kind.NGO)
    with pytest.raises(ValidationError, match="Only a network or coalition"):
        services.request_network_membership(organisation, ngo, acting_user=org_admin)
    assert not NetworkMembership.objects.exists()


def test_a_network_cannot_join_itself(site_admin):
    a = network("A")
    with pytest.raises(ValidationError, match="cannot be a member of itself"):
        services.request_network_membership(a, a, acting_user=site_admin)


def test_direct_cycle_is_refused(site_admin):
    a, b = network("A"), network("B")
    join(a, b, site_admin)  # A is in B
    with pytest.raises(ValidationError, match="cannot be a member of itself"):
        services.request_network_membership(b, a, acting_user=site_admin)  # B in A
    assert not NetworkMembership.objects.filter(network=a, member=b).exists()


def test_indirect_cycle_is_refused(site_admin):
    a, b, c = network("A"), network("B"), network("C")
    join(a, b, site_admin)
    join(b, c, site_admin)  # A in B in C
    with pytest.raises(ValidationError, match="cannot be a member of itself"):
        services.request_network_membership(c, a, acting_user=site_admin)


def test_accepting_rechecks_for_cycles(site_admin):
    a, b = network("A"), network("B")
    a_in_b = services.request_network_membership(a, b, acting_user=site_admin)
    b_in_a = services.request_network_membership(b, a, acting_user=site_admin)
    services.decide_network_membership(a_in_b, accept=True, acting_user=site_admin)
    with pytest.raises(ValidationError, match="cannot be a member of itself"):
        services.decide_network_membership(b_in_a, accept=True, acting_user=site_admin)
    b_in_a.refresh_from_db()
    assert b_in_a.status == NetworkMembership.Status.REQUESTED


def test_nesting_without_a_cycle_is_fine(site_admin):
    a, b, c = network("A"), network("B"), network("C")
    join(a, b, site_admin)
    join(a, c, site_admin)
    join(b, c, site_admin)
    assert NetworkMembership.objects.filter(status="active").count() == 3


def test_join_page_offers_only_organisations_the_person_administers(org_admin, organisation):
    coalition = network("East Africa Health Coalition")
    other = OrganisationFactory(name="Not Mine")
    url = reverse("accounts:network_join", args=[coalition.slug])
    client = client_for(org_admin)
    html = client.get(url).content.decode()
    assert "Kisumu Health Rights Forum" in html
    assert "Not Mine" not in html
    # Posting an organisation the person does not administer is refused.
    response = client.post(url, {"member": other.pk})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not NetworkMembership.objects.exists()
    response = client.post(url, {"member": organisation.pk}, follow=True)
    assert "The network&#x27;s administrators will review the request." in (
        response.content.decode()
    )
    link = NetworkMembership.objects.get()
    assert (link.network, link.member, link.status) == (coalition, organisation, "requested")


def test_member_organisations_are_shown_on_the_network_page(site_admin):
    coalition = network("East Africa Health Coalition")
    ngo = OrganisationFactory(name="Mombasa Clinic Watch")
    join(ngo, coalition, site_admin)
    coalition_page = client_for(None).get(coalition.get_absolute_url()).content.decode()
    assert "Mombasa Clinic Watch" in coalition_page
    ngo_page = client_for(None).get(ngo.get_absolute_url()).content.decode()
    assert "Member of" in ngo_page
    assert "East Africa Health Coalition" in ngo_page


def test_network_admin_declines_through_the_members_page(org_admin, organisation):
    coalition = network("Coalition")
    MembershipFactory(user=org_admin, organisation=coalition, role=Membership.Role.ADMIN)
    link = services.request_network_membership(organisation, coalition, acting_user=org_admin)
    response = client_for(org_admin).post(
        reverse("accounts:network_decide", args=[coalition.slug, link.pk]), {"action": "decline"}
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.status == NetworkMembership.Status.DECLINED
