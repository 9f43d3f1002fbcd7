"""Who may open each page of the accounts app, and who may not.

Every role from ``conftest`` (anonymous, outsider, member, editor, org_admin,
moderator, site_admin) against every URL name in ``sauti/accounts/urls.py``.
``LOGIN`` means "sent to the sign-in page, then back here".
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from sauti.accounts import services
from sauti.accounts import urls as accounts_urls
from sauti.accounts.models import Membership, NetworkMembership, Organisation, Subscription

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory
from ..permissions import LOGIN, ROLES, assert_outcome, user_for


def everyone(status=200):
    return dict.fromkeys(ROLES, status)


def signed_in(status=200):
    return {"anonymous": LOGIN} | dict.fromkeys(ROLES[1:], status)


EDITORS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 200,
    "org_admin": 200,
    "moderator": 403,
    "site_admin": 200,
}
ADMINS = EDITORS | {"editor": 403}


@pytest.fixture
def subscription(db):
    subscription = Subscription.objects.create(email="follower@example.org")
    subscription.topics.set(["campaigns"])
    return subscription


# (URL name, arguments built from the test's objects, expected outcome per role)
GET_PAGES = [
    ("organisations", lambda o: [], everyone()),
    ("organisation", lambda o: [o["org"].slug], everyone()),
    ("organisation_create", lambda o: [], signed_in()),
    ("organisation_edit", lambda o: [o["org"].slug], EDITORS),
    ("organisation_translate", lambda o: [o["org"].slug], EDITORS),
    ("join", lambda o: [o["org"].slug], signed_in()),
    ("members", lambda o: [o["org"].slug], ADMINS),
    ("network_join", lambda o: [o["network"].slug], signed_in()),
    ("dashboard", lambda o: [], signed_in()),
    ("profile", lambda o: [], signed_in()),
    ("data_export", lambda o: [], signed_in()),
    ("delete", lambda o: [], signed_in()),
    ("subscribe", lambda o: [], everyone()),
    (
        "subscription_confirm",
        lambda o: [services.subscription_token(o["subscription"], "confirm")],
        everyone(),
    ),
    (
        "subscription_manage",
        lambda o: [services.subscription_token(o["subscription"], "manage")],
        everyone(),
    ),
    (
        "unsubscribe",
        lambda o: [services.subscription_token(o["subscription"], "unsubscribe")],
        everyone(),
    ),
]
POST_ONLY = ["leave", "membership_decide", "network_decide"]


def test_every_url_name_has_a_permission_test():
    names = {p.name for p in accounts_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == {name for name, _args, _expected in GET_PAGES} | set(POST_ONLY)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "args", "expected"), GET_PAGES, ids=[name for name, *_ in GET_PAGES]
)
def test_get_page(request, organisation, subscription, role, name, args, expected):
    # The people of the matrix all belong to ``organisation`` (except outsider/staff).
    for fixture in ("member", "editor", "org_admin"):
        request.getfixturevalue(fixture)
    network = OrganisationFactory(kind=Organisation.Kind.NETWORK)
    objects = {"org": organisation, "network": network, "subscription": subscription}
    url = reverse(f"accounts:{name}", args=args(objects))
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, expected[role], url)


@pytest.mark.parametrize("name", POST_ONLY)
@pytest.mark.parametrize("role", ["anonymous", "org_admin"])
def test_post_only_views_refuse_get(request, organisation, role, name):
    args = [organisation.slug, 1] if name != "leave" else [organisation.slug]
    response = client_for(user_for(request, role)).get(reverse(f"accounts:{name}", args=args))
    assert response.status_code == 405


LEAVE = {
    "anonymous": LOGIN,
    "outsider": 404,  # no membership to end
    "member": 302,
    "editor": 302,
    "org_admin": 302,  # allowed, but refused with a message: the only administrator
    "moderator": 404,
    "site_admin": 404,
}


@pytest.mark.parametrize("role", ROLES)
def test_leave(request, organisation, role):
    user = user_for(request, role)
    url = reverse("accounts:leave", args=[organisation.slug])
    response = client_for(user).post(url, follow=LEAVE[role] == 302)
    if LEAVE[role] != 302:
        assert_outcome(response, LEAVE[role], url)
        return
    assert response.redirect_chain[-1][0] == organisation.get_absolute_url()
    still_member = Membership.objects.filter(user=user, organisation=organisation).exists()
    if role == "org_admin":
        assert still_member
        assert "An organisation needs at least one administrator." in response.content.decode()
    else:
        assert not still_member
        assert f"You left {organisation.name}." in response.content.decode()


MANAGE = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 403,
    "org_admin": 302,
    "moderator": 403,
    "site_admin": 302,
}


@pytest.mark.parametrize("role", ROLES)
def test_membership_decide(request, organisation, role):
    pending = MembershipFactory(
        organisation=organisation, status=Membership.Status.REQUESTED, decided_at=None
    )
    url = reverse("accounts:membership_decide", args=[organisation.slug, pending.pk])
    response = client_for(user_for(request, role)).post(url, {"action": "decline"})
    pending.refresh_from_db()
    if MANAGE[role] == 302:
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:members", args=[organisation.slug])
        assert pending.status == Membership.Status.DECLINED
    else:
        assert_outcome(response, MANAGE[role], url)
        assert pending.status == Membership.Status.REQUESTED


@pytest.mark.parametrize("role", ROLES)
def test_network_decide(request, organisation, role):
    organisation.kind = Organisation.Kind.NETWORK
    organisation.save()
    link = NetworkMembership.objects.create(network=organisation, member=OrganisationFactory())
    url = reverse("accounts:network_decide", args=[organisation.slug, link.pk])
    response = client_for(user_for(request, role)).post(url, {"action": "accept"})
    link.refresh_from_db()
    if MANAGE[role] == 302:
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:members", args=[organisation.slug])
        assert link.status == NetworkMembership.Status.ACTIVE
    else:
        assert_outcome(response, MANAGE[role], url)
        assert link.status == NetworkMembership.Status.REQUESTED


@pytest.mark.parametrize("role", ROLES)
def test_edit_post_changes_only_for_editors(request, organisation, role):
    url = reverse("accounts:organisation_edit", args=[organisation.slug])
    data = {
        "name": "Renamed Forum",
        "kind": "ngo",
        "level": "local",
        "country": "KE",
        "original_language": "en",
        "description": "New text",
    }
    response = client_for(user_for(request, role)).post(url, data)
    organisation.refresh_from_db()
    if EDITORS[role] == 200:
        assert response.status_code == 302
        assert organisation.name == "Renamed Forum"
    else:
        assert_outcome(response, EDITORS[role], url)
        assert organisation.name == "Kisumu Health Rights Forum"


def test_network_join_is_only_for_networks(outsider, organisation):
    response = client_for(outsider).get(reverse("accounts:network_join", args=[organisation.slug]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["organisation", "organisation_edit", "members", "join"])
def test_unknown_organisation_is_404(site_admin, name):
    response = client_for(site_admin).get(reverse(f"accounts:{name}", args=["no-such-org"]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
