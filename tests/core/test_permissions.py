"""Who may open each page of the core app, and who may not.

Every role from ``conftest`` against every URL name in ``sauti/core/urls.py``.
``LOGIN`` means "sent to the sign-in page, then back here".
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, reverse

from sauti.accounts.models import Organisation
from sauti.core import urls as core_urls
from sauti.core.models import AbuseReport

from ..conftest import client_for
from ..permissions import LOGIN, ROLES, assert_outcome, user_for

EVERYONE = dict.fromkeys(ROLES, 200)
MODERATORS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 403,
    "org_admin": 403,
    "moderator": 200,
    "site_admin": 200,
}
SITE_ADMIN = MODERATORS | {"moderator": 403}

GET_PAGES = [
    ("home", lambda org: [], EVERYONE),
    ("countries", lambda org: [], EVERYONE),
    ("country", lambda org: ["ke"], EVERYONE),
    ("region", lambda org: ["afr"], EVERYONE),
    ("report", lambda org: ["organisation", org.pk], EVERYONE),
    ("moderation", lambda org: [], MODERATORS),
    ("audit_log", lambda org: [], SITE_ADMIN),
    ("open_data", lambda org: [], EVERYONE),
]
POST_ONLY = ["moderation_decide"]


def test_every_url_name_has_a_permission_test():
    names = {p.name for p in core_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == {name for name, _args, _expected in GET_PAGES} | set(POST_ONLY)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "args", "expected"), GET_PAGES, ids=[name for name, *_ in GET_PAGES]
)
def test_get_page(request, organisation, role, name, args, expected):
    url = reverse(f"core:{name}", args=args(organisation))
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, expected[role], url)


@pytest.fixture
def open_report(organisation):
    return AbuseReport.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(organisation.pk),
        reason=AbuseReport.Reason.SPAM,
    )


@pytest.mark.parametrize("role", ROLES)
def test_moderation_decide(request, open_report, role):
    url = reverse("core:moderation_decide", args=[open_report.pk])
    response = client_for(user_for(request, role)).post(
        url, {"action": "dismiss", "reason": "Not spam"}
    )
    open_report.refresh_from_db()
    if MODERATORS[role] == 200:
        assert response.status_code == 302
        assert response["Location"] == reverse("core:moderation")
        assert open_report.status == AbuseReport.Status.DISMISSED
    else:
        assert_outcome(response, MODERATORS[role], url)
        assert open_report.status == AbuseReport.Status.OPEN


@pytest.mark.parametrize("role", ["anonymous", "moderator"])
def test_moderation_decide_refuses_get(request, open_report, role):
    url = reverse("core:moderation_decide", args=[open_report.pk])
    assert client_for(user_for(request, role)).get(url).status_code == 405


@pytest.mark.parametrize(
    "url",
    [
        "/en/countries/zz/",
        "/en/regions/xyz/",
        "/en/report/user/1/",
        "/en/report/organisation/999999/",
        "/en/report/organisation/not-a-number/",
        "/en/report/organisation/99999999999999999999999/",
    ],
)
def test_unknown_objects_are_404(db, url):
    response = client_for(None).get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("pk", [424242, 99999999999999999999999])
def test_unknown_report_is_404_for_moderator(moderator, pk):
    response = client_for(moderator).post(
        reverse("core:moderation_decide", args=[pk]), {"action": "hide", "reason": "x"}
    )
    assert response.status_code == 404
