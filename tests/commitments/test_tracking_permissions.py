"""Who may open each page of country tracking, and who may not.

Every role from ``conftest`` against every URL name that ``views.py`` and
``feeds.py`` serve. ``organisation`` is made a coalition here, so that its
editors and administrators both record statuses and consolidate. Anyone reads;
an organisation's editors and administrators record for it; a coalition's
editors draft its consolidated assessment and only its administrators publish.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, reverse
from django.utils import timezone

from sauti.accounts.models import Organisation
from sauti.commitments import feeds, urls_tracking
from sauti.commitments import views as tracking_views
from sauti.commitments.models import Consolidated, CountryAssessment, Status

from ..conftest import client_for
from ..permissions import LOGIN, ROLES, assert_outcome, user_for
from .factories import (
    PDF,
    ConsolidatedEntryFactory,
    ConsolidatedFactory,
    CountryAssessmentFactory,
    EvidenceFactory,
    framework_with,
    open_cycle,
)

pytestmark = pytest.mark.django_db

EVERYONE = dict.fromkeys(ROLES, 200)
# Recording speaks for an organisation: its editors and administrators. Superusers pass
# every rule (Django's has_perm) and see a page that says they edit for no organisation.
EDITORS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 200,
    "org_admin": 200,
    "moderator": 403,
    "site_admin": 200,
}
# A draft is seen by the coalition's editors and by moderators, by nobody else.
DRAFT_READERS = {
    "anonymous": 404,
    "outsider": 404,
    "member": 404,
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,
    "site_admin": 200,
}
DRAFT_EDITORS = DRAFT_READERS | {"anonymous": LOGIN, "moderator": 403}
PUBLISHERS = DRAFT_EDITORS | {"editor": 403}


@pytest.fixture
def objects(request, organisation):
    for fixture in ("member", "editor", "org_admin"):
        request.getfixturevalue(fixture)
    Organisation.objects.filter(pk=organisation.pk).update(kind=Organisation.Kind.NETWORK)
    framework, (commitment,) = framework_with(1)
    cycle = open_cycle()
    assessment = CountryAssessmentFactory(cycle=cycle, commitment=commitment)
    evidence = EvidenceFactory(assessment=assessment)
    evidence.document.save("report.pdf", ContentFile(PDF))
    draft = ConsolidatedFactory(coalition=organisation, cycle=cycle)
    ConsolidatedEntryFactory(consolidated=draft, commitment=commitment)
    published = ConsolidatedFactory(
        cycle=cycle, state=Consolidated.State.PUBLISHED, published_at=timezone.now()
    )
    ConsolidatedEntryFactory(consolidated=published, commitment=commitment)
    return {
        "framework": framework,
        "commitment": commitment,
        "cycle": cycle,
        "evidence": evidence,
        "draft": draft,
        "published": published,
    }


# (URL name, arguments, query string, expected outcome per role)
GET_PAGES = [
    ("index", lambda o: [], "", EVERYONE),
    ("world", lambda o: [], "", EVERYONE),
    ("region", lambda o: ["afr"], "", EVERYONE),
    ("export", lambda o: [], "?format=csv", EVERYONE),
    ("framework", lambda o: [o["framework"].code], "", EVERYONE),
    ("commitment", lambda o: [o["framework"].code, o["commitment"].code], "", EVERYONE),
    ("country", lambda o: ["ke"], "", EVERYONE),
    ("country_feed", lambda o: ["ke"], "", EVERYONE),
    ("history", lambda o: ["ke", o["commitment"].pk], "", EVERYONE),
    ("evidence_document", lambda o: [o["evidence"].pk], "", EVERYONE),
    ("consolidate", lambda o: ["ke"], "", EDITORS),
    ("assess_country", lambda o: ["ke", o["cycle"].code], "", EDITORS),
    ("assess", lambda o: ["ke", o["cycle"].code, o["commitment"].pk], "", EDITORS),
    ("consolidated", lambda o: [o["published"].pk], "", EVERYONE),
    ("consolidated", lambda o: [o["draft"].pk], "", DRAFT_READERS),
    ("consolidated_edit", lambda o: [o["draft"].pk], "", DRAFT_EDITORS),
    ("consolidated_publish", lambda o: [o["draft"].pk], "", PUBLISHERS),
]
IDS = [
    f"{name}-draft" if expected in (DRAFT_READERS, DRAFT_EDITORS, PUBLISHERS) else name
    for name, _args, _query, expected in GET_PAGES
]


def test_every_url_name_of_the_views_has_a_permission_test():
    modules = {tracking_views.__name__, feeds.__name__}
    names = {
        p.name
        for p in urls_tracking.urlpatterns
        if isinstance(p, URLPattern)
        and (p.callback.__module__ in modules or getattr(p.callback, "__self__", None))
    }
    assert names == {name for name, *_ in GET_PAGES}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args", "query", "expected"), GET_PAGES, ids=IDS)
def test_get_page(request, objects, role, name, args, query, expected):
    url = reverse(f"commitments:{name}", args=args(objects))
    response = client_for(user_for(request, role)).get(url + query)
    assert_outcome(response, expected[role], url + query)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_record_for_the_organisation(request, objects, organisation, role):
    url = reverse(
        "commitments:assess", args=["ke", objects["cycle"].code, objects["commitment"].pk]
    )
    data = {"organisation": organisation.pk, "status": Status.INITIAL, "narrative": ""}
    response = client_for(user_for(request, role)).post(url, data)
    stored = CountryAssessment.objects.filter(organisation=organisation).exists()
    if role in ("editor", "org_admin"):
        assert response.status_code == 302
        assert stored
    elif role == "site_admin":
        # A site administrator may open the page but belongs to no organisation: the
        # form refuses an organisation that is not theirs.
        assert response.status_code == 200
        assert not stored
    else:
        assert_outcome(response, EDITORS[role], url)
        assert not stored


def test_nobody_records_for_an_organisation_they_do_not_edit_for(objects, editor):
    other = CountryAssessmentFactory().organisation
    url = reverse(
        "commitments:assess", args=["ke", objects["cycle"].code, objects["commitment"].pk]
    )
    response = client_for(editor).post(url, {"organisation": other.pk, "status": "initial"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not CountryAssessment.objects.filter(
        organisation=other, commitment=objects["commitment"]
    ).exists()


@pytest.mark.parametrize("role", ROLES)
def test_who_may_publish_for_the_coalition(request, objects, role):
    draft = objects["draft"]
    url = reverse("commitments:consolidated_publish", args=[draft.pk])
    response = client_for(user_for(request, role)).post(url)
    draft.refresh_from_db()
    expected = PUBLISHERS[role]
    if expected == 200:
        assert response.status_code == 302
        assert response["Location"] == draft.get_absolute_url()
        assert draft.is_published
    else:
        assert_outcome(response, expected, url)
        assert not draft.is_published


@pytest.mark.parametrize("role", ROLES)
def test_who_may_change_a_draft(request, objects, role):
    draft = objects["draft"]
    url = reverse("commitments:consolidated_edit", args=[draft.pk])
    key = objects["commitment"].pk
    data = {"summary": "Changed", f"status-{key}": "regressing", f"note-{key}": ""}
    response = client_for(user_for(request, role)).post(url, data)
    draft.refresh_from_db()
    expected = DRAFT_EDITORS[role]
    if expected == 200:
        assert response.status_code == 302
        assert draft.summary == "Changed"
    else:
        assert_outcome(response, expected, url)
        assert draft.summary != "Changed"


def test_an_administrator_without_a_second_factor_is_asked_to_set_one_up(objects, organisation):
    from ..factories import MembershipFactory

    admin = MembershipFactory(organisation=organisation, role="admin").user
    draft = objects["draft"]
    response = client_for(admin).post(reverse("commitments:consolidated_publish", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    draft.refresh_from_db()
    assert not draft.is_published


def test_a_draft_of_another_coalition_is_not_found(objects, editor):
    other = ConsolidatedFactory(cycle=objects["cycle"])
    for name in ("consolidated", "consolidated_edit", "consolidated_publish"):
        response = client_for(editor).get(reverse(f"commitments:{name}", args=[other.pk]))
        assert response.status_code == 404, name


def test_a_document_of_a_hidden_organisation_is_not_found(objects):
    evidence = objects["evidence"]
    Organisation.objects.filter(pk=evidence.assessment.organisation_id).update(
        hidden_at=timezone.now()
    )
    url = reverse("commitments:evidence_document", args=[evidence.pk])
    assert client_for(None).get(url).status_code == 404
