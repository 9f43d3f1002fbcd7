"""Who may open each page of the mechanisms registry, and who may not.

Every role from ``conftest`` (anonymous, outsider, member, editor, org_admin,
moderator, site_admin) against every URL name that ``sauti/mechanisms/views.py``
serves. Anyone reads; an active member of any organisation records, edits and
assesses; moderators verify and delete. ``LOGIN`` means "sent to the sign-in
page, then back here".
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, reverse
from django.utils import timezone

from sauti.accounts.models import MODERATORS_GROUP, Membership
from sauti.core.models import AuditLogEntry
from sauti.mechanisms import urls as mechanism_urls
from sauti.mechanisms import views as mechanism_views
from sauti.mechanisms.models import Assessment, Mechanism

from ..conftest import client_for
from ..factories import MembershipFactory, UserFactory
from ..permissions import LOGIN, ROLES, assert_outcome, user_for
from .factories import (
    NO_SOURCE,
    CaseStudyFactory,
    MechanismFactory,
    assessment_form_data,
    mechanism_form_data,
)

EVERYONE = dict.fromkeys(ROLES, 200)
MEMBERS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 200,
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,  # moderators may record and correct, like members
    "site_admin": 200,
}
# Assessing is done on behalf of an organisation the assessor belongs to; a
# moderator belongs to none. Superusers pass every rule (Django's has_perm).
ASSESSORS = MEMBERS | {"moderator": 403}
MODERATORS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 403,
    "org_admin": 403,
    "moderator": 302,
    "site_admin": 302,
}


@pytest.fixture
def objects(request, organisation):
    # The people of the matrix all belong to ``organisation`` (except outsider/staff).
    for fixture in ("member", "editor", "org_admin"):
        request.getfixturevalue(fixture)
    mechanism = MechanismFactory(organisation=organisation, sources=["County Health Act"])
    study = CaseStudyFactory(slug="thailand-national-health-assembly", mechanism=mechanism)
    return {"mechanism": mechanism, "study": study}


# (URL name, arguments, query string, expected outcome per role)
GET_PAGES = [
    ("list", lambda o: [], "", EVERYONE),
    ("create", lambda o: [], "", MEMBERS),
    ("compare", lambda o: [], "?id={pk}", EVERYONE),
    ("case_studies", lambda o: [], "", EVERYONE),
    ("case_study", lambda o: [o["study"].slug], "", EVERYONE),
    ("detail", lambda o: [o["mechanism"].pk], "", EVERYONE),
    ("edit", lambda o: [o["mechanism"].pk], "", MEMBERS),
    ("history", lambda o: [o["mechanism"].pk], "", EVERYONE),
    ("assess", lambda o: [o["mechanism"].pk], "", ASSESSORS),
]
POST_ONLY = ["verify", "delete"]


def test_every_url_name_of_the_views_has_a_permission_test():
    names = {
        p.name
        for p in mechanism_urls.urlpatterns
        if isinstance(p, URLPattern) and p.callback.__module__ == mechanism_views.__name__
    }
    # source_document: see test_source_documents.py
    assert names == {name for name, *_ in GET_PAGES} | set(POST_ONLY) | {"source_document"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "args", "query", "expected"), GET_PAGES, ids=[name for name, *_ in GET_PAGES]
)
def test_get_page(request, objects, role, name, args, query, expected):
    url = reverse(f"mechanisms:{name}", args=args(objects))
    url += query.format(pk=objects["mechanism"].pk)
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, expected[role], url)


@pytest.mark.parametrize("name", POST_ONLY)
@pytest.mark.parametrize("role", ["anonymous", "moderator"])
def test_post_only_views_refuse_get(request, objects, role, name):
    url = reverse(f"mechanisms:{name}", args=[objects["mechanism"].pk])
    response = client_for(user_for(request, role)).get(url)
    assert response.status_code == 405
    objects["mechanism"].refresh_from_db()
    assert not objects["mechanism"].is_verified


@pytest.mark.parametrize("role", ROLES)
def test_verify(request, objects, role):
    mechanism = objects["mechanism"]
    url = reverse("mechanisms:verify", args=[mechanism.pk])
    response = client_for(user_for(request, role)).post(url, {"verified": "yes"})
    mechanism.refresh_from_db()
    if MODERATORS[role] == 302:
        assert response.status_code == 302
        assert response["Location"] == mechanism.get_absolute_url()
        assert mechanism.is_verified
    else:
        assert_outcome(response, MODERATORS[role], url)
        assert not mechanism.is_verified
        assert not AuditLogEntry.objects.filter(action="mechanism.verify").exists()


@pytest.mark.parametrize("role", ROLES)
def test_delete(request, objects, role):
    mechanism = objects["mechanism"]
    url = reverse("mechanisms:delete", args=[mechanism.pk])
    response = client_for(user_for(request, role)).post(url, {"reason": "Duplicate record"})
    if MODERATORS[role] == 302:
        assert response.status_code == 302
        assert response["Location"] == reverse("mechanisms:list")
        assert not Mechanism.objects.filter(pk=mechanism.pk).exists()
    else:
        assert_outcome(response, MODERATORS[role], url)
        assert Mechanism.objects.filter(pk=mechanism.pk).exists()
        assert not AuditLogEntry.objects.filter(action="mechanism.delete").exists()


# --- Writing: the POSTs behind the forms -----------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_create_post(request, objects, organisation, role):
    url = reverse("mechanisms:create")
    data = mechanism_form_data(organisation, name="Busia Health Committee")
    if role in ("moderator", "site_admin"):
        data["organisation"] = ""  # they belong to no organisation
    response = client_for(user_for(request, role)).post(url, data)
    created = Mechanism.objects.filter(translations__name="Busia Health Committee")
    if MEMBERS[role] == 200:
        assert response.status_code == 302
        assert response["Location"] == created.get().get_absolute_url()
    else:
        assert_outcome(response, MEMBERS[role], url)
        assert not created.exists()


@pytest.mark.parametrize("role", ROLES)
def test_edit_post(request, objects, organisation, role):
    mechanism = objects["mechanism"]
    url = reverse("mechanisms:edit", args=[mechanism.pk])
    data = mechanism_form_data(organisation, name="Renamed committee", **NO_SOURCE)
    response = client_for(user_for(request, role)).post(url, data)
    mechanism = Mechanism.objects.get(pk=mechanism.pk)
    if MEMBERS[role] == 200:
        assert response.status_code == 302
        assert mechanism.safe_translation_getter("name") == "Renamed committee"
    else:
        assert_outcome(response, MEMBERS[role], url)
        assert mechanism.safe_translation_getter("name") != "Renamed committee"


@pytest.mark.parametrize("role", ROLES)
def test_assess_post(request, objects, organisation, role):
    mechanism = objects["mechanism"]
    url = reverse("mechanisms:assess", args=[mechanism.pk])
    response = client_for(user_for(request, role)).post(url, assessment_form_data(organisation))
    stored = Assessment.objects.filter(mechanism=mechanism).exists()
    if role in ("member", "editor", "org_admin"):
        assert response.status_code == 302
        assert stored
    elif role == "site_admin":
        # The rule lets a superuser in, but they may only assess on behalf of
        # an organisation they belong to: the page says so and nothing is stored.
        assert response.status_code == 200
        assert "you are not an active member of any" in response.content.decode()
        assert not stored
    else:
        assert_outcome(response, ASSESSORS[role], url)
        assert not stored


# --- Hidden records ---------------------------------------------------------------

HIDDEN_READ = {
    "anonymous": 404,
    "outsider": 404,
    "member": 404,
    "editor": 404,
    "org_admin": 404,
    "moderator": 200,
    "site_admin": 200,
}
HIDDEN_WRITE = HIDDEN_READ | {"anonymous": LOGIN}


@pytest.fixture
def hidden(objects):
    mechanism = objects["mechanism"]
    mechanism.hidden_at = timezone.now()
    mechanism.hidden_reason = "Reported as invented"
    mechanism.save()
    return mechanism


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("detail", HIDDEN_READ),
        ("history", HIDDEN_READ),
        ("edit", HIDDEN_WRITE),
        ("assess", HIDDEN_WRITE | {"moderator": 403}),
    ],
)
def test_hidden_mechanism_is_not_found_except_by_moderators(request, hidden, role, name, expected):
    url = reverse(f"mechanisms:{name}", args=[hidden.pk])
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, expected[role], url)
    if name == "detail" and expected[role] == 200:
        assert "Moderators have hidden this record from the public." in response.content.decode()
        assert "Reported as invented" in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member", "moderator"])
def test_hidden_mechanism_stays_out_of_list_and_comparison(request, hidden, role):
    client = client_for(user_for(request, role))
    name = hidden.safe_translation_getter("name")
    assert name not in client.get(reverse("mechanisms:list")).content.decode()
    compared = client.get(reverse("mechanisms:compare") + f"?id={hidden.pk}")
    assert name not in compared.content.decode()


@pytest.mark.parametrize("name", POST_ONLY)
def test_moderator_can_act_on_a_hidden_mechanism(moderator, hidden, name):
    url = reverse(f"mechanisms:{name}", args=[hidden.pk])
    response = client_for(moderator).post(url, {"verified": "yes", "reason": "Invented"})
    assert response.status_code == 302


# --- A second factor for moderators -------------------------------------------------


@pytest.fixture
def moderator_without_second_factor(db):
    user = UserFactory(display_name="New moderator")
    Group.objects.get(name=MODERATORS_GROUP).user_set.add(user)
    return user


@pytest.mark.parametrize("name", POST_ONLY)
def test_moderator_without_second_factor_is_sent_to_set_one_up(
    moderator_without_second_factor, objects, name
):
    mechanism = objects["mechanism"]
    url = reverse(f"mechanisms:{name}", args=[mechanism.pk])
    response = client_for(moderator_without_second_factor).post(
        url, {"verified": "yes", "reason": "Duplicate"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    mechanism.refresh_from_db()  # still there
    assert not mechanism.is_verified
    assert not AuditLogEntry.objects.filter(action__startswith="mechanism.").exists()


def test_member_without_second_factor_gets_a_plain_refusal(member, objects):
    url = reverse("mechanisms:verify", args=[objects["mechanism"].pk])
    response = client_for(member).post(url, {"verified": "yes"})
    assert_outcome(response, 403, url)


# --- What each role is offered on the page ------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_detail_offers_only_the_actions_the_reader_may_take(request, objects, role):
    mechanism = objects["mechanism"]
    page = client_for(user_for(request, role)).get(mechanism.get_absolute_url()).content.decode()
    assert (reverse("mechanisms:edit", args=[mechanism.pk]) in page) == (MEMBERS[role] == 200)
    assert (reverse("mechanisms:assess", args=[mechanism.pk]) in page) == (ASSESSORS[role] == 200)
    assert (reverse("mechanisms:verify", args=[mechanism.pk]) in page) == (MODERATORS[role] == 302)
    assert (reverse("mechanisms:delete", args=[mechanism.pk]) in page) == (MODERATORS[role] == 302)


def test_a_pending_membership_request_does_not_allow_recording(organisation):
    user = MembershipFactory(
        organisation=organisation, status=Membership.Status.REQUESTED, decided_at=None
    ).user
    url = reverse("mechanisms:create")
    assert_outcome(client_for(user).get(url), 403, url)
