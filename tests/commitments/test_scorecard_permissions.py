"""Who may open each page of community scorecards, and who may not.

Every role from ``conftest`` against every URL name that
``sauti/commitments/scorecard_views.py`` serves, for a published and for an
unpublished scorecard. Anyone reads a published scorecard; an unpublished one
is a 404 to everyone but the organisation's editors and administrators,
moderators and site administrators; only editors and administrators of the
organisation (and site administrators, who pass every rule) record.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from sauti.commitments import scorecard_views
from sauti.commitments import urls_scorecards as scorecard_urls
from sauti.commitments.models import Scorecard
from sauti.core.models import AuditLogEntry

from ..conftest import client_for
from ..permissions import LOGIN, ROLES, assert_outcome, user_for
from .scorecard_factories import ActionFactory, example_scorecard

EVERYONE = dict.fromkeys(ROLES, 200)
# An unpublished scorecard: hidden from those who may not see it, without saying it exists.
DRAFT_READERS = {
    "anonymous": 404,
    "outsider": 404,
    "member": 404,  # a plain member reads published work only
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,
    "site_admin": 200,
}
EDITORS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 200,
    "org_admin": 200,
    "moderator": 403,
    "site_admin": 200,
}
DRAFT_EDITORS = EDITORS | {"outsider": 404, "member": 404}
CREATORS = EDITORS  # editors of some organisation; site administrators may act for any


@pytest.fixture
def objects(request, organisation):
    for fixture in ("member", "editor", "org_admin"):
        request.getfixturevalue(fixture)
    published, _items = example_scorecard(organisation)
    draft, _items = example_scorecard(organisation, is_published=False)
    return {
        "published": published,
        "draft": draft,
        "published_action": ActionFactory(scorecard=published),
        "draft_action": ActionFactory(scorecard=draft),
    }


def _args(name, scorecard, action):
    if name == "scorecard_scores":
        return [scorecard.pk, scorecard.groups.order_by("id").first().pk]
    if name == "scorecard_follow_up":
        return [scorecard.pk, action.pk]
    return [scorecard.pk]


# (URL name, expected per role for a published scorecard, for an unpublished one)
PAGES = [
    ("scorecard", EVERYONE, DRAFT_READERS),
    ("scorecard_export", EVERYONE, DRAFT_READERS),
    ("scorecard_full", EDITORS, DRAFT_EDITORS),
    ("scorecard_edit", EDITORS, DRAFT_EDITORS),
    ("scorecard_groups", EDITORS, DRAFT_EDITORS),
    ("scorecard_indicators", EDITORS, DRAFT_EDITORS),
    ("scorecard_scores", EDITORS, DRAFT_EDITORS),
    ("scorecard_self_assessment", EDITORS, DRAFT_EDITORS),
    ("scorecard_interface", EDITORS, DRAFT_EDITORS),
    ("scorecard_actions", EDITORS, DRAFT_EDITORS),
    ("scorecard_follow_up", EDITORS, DRAFT_EDITORS),
]
LISTS = [
    ("scorecard_list", EVERYONE),
    ("scorecard_list_export", EVERYONE),
    ("scorecard_create", CREATORS),
]
POST_ONLY = ["scorecard_publish"]


def test_every_url_name_of_the_views_has_a_permission_test():
    names = {
        p.name
        for p in scorecard_urls.urlpatterns
        if isinstance(p, URLPattern) and p.callback.__module__ == scorecard_views.__name__
    }
    assert names == {n for n, *_ in PAGES} | {n for n, _ in LISTS} | set(POST_ONLY)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "published", "draft"), PAGES, ids=[n for n, *_ in PAGES])
def test_pages_of_a_published_scorecard(request, objects, role, name, published, draft):
    url = reverse(
        f"commitments:{name}",
        args=_args(name, objects["published"], objects["published_action"]),
    )
    assert_outcome(client_for(user_for(request, role)).get(url), published[role], url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "published", "draft"), PAGES, ids=[n for n, *_ in PAGES])
def test_pages_of_an_unpublished_scorecard(request, objects, role, name, published, draft):
    url = reverse(
        f"commitments:{name}", args=_args(name, objects["draft"], objects["draft_action"])
    )
    assert_outcome(client_for(user_for(request, role)).get(url), draft[role], url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "expected"), LISTS, ids=[n for n, _ in LISTS])
def test_list_pages(request, objects, role, name, expected):
    url = reverse(f"commitments:{name}")
    assert_outcome(client_for(user_for(request, role)).get(url), expected[role], url)


def test_a_hidden_scorecard_is_a_404_for_the_public_but_not_for_moderators(
    objects, moderator, editor
):
    from django.utils import timezone

    scorecard = objects["published"]
    scorecard.hidden_at = timezone.now()
    scorecard.hidden_reason = "Names a patient"
    scorecard.save()
    url = scorecard.get_absolute_url()
    assert client_for(None).get(url).status_code == 404
    page = client_for(moderator).get(url).content.decode()
    assert "Moderators have hidden this scorecard from the public. Reason: Names a patient" in page
    assert client_for(editor).get(url).status_code == 200
    listing = client_for(None).get(reverse("commitments:scorecard_list")).content.decode()
    assert scorecard.place_name not in listing


def test_a_scorecard_of_another_organisation_is_not_editable_by_our_editor(objects, editor):
    from ..factories import OrganisationFactory

    theirs, _items = example_scorecard(OrganisationFactory())
    url = reverse("commitments:scorecard_edit", args=[theirs.pk])
    assert client_for(editor).get(url).status_code == 403
    theirs_draft, _items = example_scorecard(OrganisationFactory(), is_published=False)
    url = reverse("commitments:scorecard_edit", args=[theirs_draft.pk])
    assert client_for(editor).get(url).status_code == 404


def test_a_group_or_action_of_another_scorecard_is_a_404(objects, editor):
    published, draft = objects["published"], objects["draft"]
    other_group = draft.groups.first()
    url = reverse("commitments:scorecard_scores", args=[published.pk, other_group.pk])
    assert client_for(editor).get(url).status_code == 404
    url = reverse(
        "commitments:scorecard_follow_up", args=[published.pk, objects["draft_action"].pk]
    )
    assert client_for(editor).get(url).status_code == 404


PUBLISHERS = {
    "anonymous": LOGIN,
    "outsider": 404,
    "member": 404,
    "editor": 302,
    "org_admin": 302,
    "moderator": 403,
    "site_admin": 302,
}


@pytest.mark.parametrize("role", ROLES)
def test_publish(request, objects, role):
    draft = objects["draft"]
    url = reverse("commitments:scorecard_publish", args=[draft.pk])
    response = client_for(user_for(request, role)).post(url, {"publish": "yes"})
    assert_outcome(response, PUBLISHERS[role], url)
    draft.refresh_from_db()
    assert draft.is_published is (PUBLISHERS[role] == 302)
    logged = AuditLogEntry.objects.filter(action="scorecard.publish", target_id=str(draft.pk))
    assert logged.exists() is (PUBLISHERS[role] == 302)


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_publish_refuses_get(request, objects, role):
    url = reverse("commitments:scorecard_publish", args=[objects["draft"].pk])
    assert client_for(user_for(request, role)).get(url).status_code == 405
    assert not Scorecard.objects.get(pk=objects["draft"].pk).is_published
