"""Who may open each page of shadow reports, and who may not: every role against every URL.

A coalition's editors and administrators write and generate; any member reads
the coalition's reports and downloads their files; only administrators make a
report public. Outside the coalition, a report that is not public does not
exist (404); a public one is read and downloaded by anyone.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from sauti.reports import urls
from sauti.reports.models import ShadowReport

from ..conftest import client_for
from ..permissions import LOGIN, ROLES, assert_outcome, user_for

pytestmark = pytest.mark.django_db

EVERYONE = dict.fromkeys(ROLES, 200)
WRITERS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "editor": 200,
    "org_admin": 200,
    "moderator": 403,
    "site_admin": 200,
}
# A private report: the coalition's members, nobody else (not even moderators) knows of it.
READERS = {
    "anonymous": 404,
    "outsider": 404,
    "member": 200,
    "editor": 200,
    "org_admin": 200,
    "moderator": 404,
    "site_admin": 200,
}
PRIVATE_WRITERS = READERS | {"anonymous": LOGIN, "member": 403}
PUBLIC_WRITERS = WRITERS

# (URL name, arguments, which report, expected outcome per role)
GET_PAGES = [
    ("index", lambda c, r: [], "private", EVERYONE),
    ("coalition", lambda c, r: [c.slug], "private", EVERYONE),
    ("create", lambda c, r: [c.slug], "private", WRITERS),
    ("detail", lambda c, r: [r.pk], "private", READERS),
    ("detail", lambda c, r: [r.pk], "public", EVERYONE),
    ("edit", lambda c, r: [r.pk], "private", PRIVATE_WRITERS),
    ("edit", lambda c, r: [r.pk], "public", PUBLIC_WRITERS),
    ("download", lambda c, r: [r.pk, "docx"], "private", READERS),
    ("download", lambda c, r: [r.pk, "pdf"], "private", READERS),
    ("download", lambda c, r: [r.pk, "docx"], "public", EVERYONE),
    ("download", lambda c, r: [r.pk, "pdf"], "public", EVERYONE),
]
POST_ONLY = {"generate", "publish"}


def test_every_url_name_has_a_permission_test():
    names = {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == {name for name, *_ in GET_PAGES} | POST_ONLY


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "args", "which", "expected"),
    GET_PAGES,
    ids=[f"{name}-{which}-{i}" for i, (name, _a, which, _e) in enumerate(GET_PAGES)],
)
def test_get_page(
    request, coalition, private_report, public_report, role, name, args, which, expected
):
    report = private_report if which == "private" else public_report
    url = reverse(f"reports:{name}", args=args(coalition, report))
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, expected[role], url)


def test_the_coalition_list_shows_private_reports_to_members_only(
    coalition, private_report, public_report, member, outsider
):
    url = reverse("reports:coalition", args=[coalition.slug])
    private_report.title = "Draft for the members"
    private_report.save()
    public_report.title = "Out in the open"
    public_report.save()
    for_member = client_for(member).get(url).content.decode()
    assert "Draft for the members" in for_member
    assert "Out in the open" in for_member
    for_outsider = client_for(outsider).get(url).content.decode()
    assert "Draft for the members" not in for_outsider
    assert "Out in the open" in for_outsider
    index = client_for(None).get(reverse("reports:index")).content.decode()
    assert "Out in the open" in index
    assert "Draft for the members" not in index


@pytest.mark.parametrize("role", ROLES)
def test_who_may_generate(request, private_report, role, monkeypatch):
    queued = []
    monkeypatch.setattr("sauti.reports.services.generate", queued.append)
    url = reverse("reports:generate", args=[private_report.pk])
    response = client_for(user_for(request, role)).post(url)
    expected = PRIVATE_WRITERS[role]
    if expected == 200:
        assert response.status_code == 302
        assert queued == [private_report.pk]
    else:
        assert_outcome(response, expected, url)
        assert queued == []


PUBLISHERS = {
    "anonymous": LOGIN,
    "outsider": 404,
    "member": 403,
    "editor": 403,
    "org_admin": 302,
    "moderator": 404,
    "site_admin": 302,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_make_a_report_public(request, private_report, role):
    url = reverse("reports:publish", args=[private_report.pk])
    response = client_for(user_for(request, role)).post(url, {"public": "1"})
    private_report.refresh_from_db()
    if PUBLISHERS[role] == 302:
        assert response.status_code == 302
        assert private_report.is_public
    else:
        assert_outcome(response, PUBLISHERS[role], url)
        assert not private_report.is_public


def test_get_is_not_allowed_on_actions(private_report, editor):
    for name in sorted(POST_ONLY):
        response = client_for(editor).get(reverse(f"reports:{name}", args=[private_report.pk]))
        assert response.status_code == 405


def test_a_private_report_is_not_downloadable_by_outsiders(private_report, outsider):
    for fmt in ("docx", "pdf"):
        url = reverse("reports:download", args=[private_report.pk, fmt])
        assert client_for(outsider).get(url).status_code == 404
        assert client_for(None).get(url).status_code == 404


def test_a_public_report_becomes_private_again(private_report, org_admin, outsider):
    url = reverse("reports:publish", args=[private_report.pk])
    download = reverse("reports:download", args=[private_report.pk, "docx"])
    client_for(org_admin).post(url, {"public": "1"})
    assert client_for(outsider).get(download).status_code == 200
    client_for(org_admin).post(url, {"public": "0"})
    assert client_for(outsider).get(download).status_code == 404


def test_a_public_report_without_files_stays_private(coalition, cycle, outsider):
    from .factories import ShadowReportFactory

    report = ShadowReportFactory(coalition=coalition, cycle=cycle, is_public=True)
    assert client_for(outsider).get(report.get_absolute_url()).status_code == 404


def test_a_hidden_coalition_has_no_public_report(coalition, public_report, outsider):
    from django.utils import timezone

    type(coalition).objects.filter(pk=coalition.pk).update(hidden_at=timezone.now())
    url = reverse("reports:download", args=[public_report.pk, "docx"])
    assert client_for(outsider).get(url).status_code == 404


def test_downloads_are_attachments_in_a_sandbox(private_report, member):
    url = reverse("reports:download", args=[private_report.pk, "docx"])
    response = client_for(member).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="promises-and-practice-' in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_an_unknown_format_is_not_found(private_report, member):
    url = reverse("reports:download", args=[private_report.pk, "exe"])
    assert client_for(member).get(url).status_code == 404


def test_an_editor_of_a_plain_organisation_cannot_start_a_report(organisation, editor):
    # ``organisation`` is not made a coalition here.
    url = reverse("reports:create", args=[organisation.slug])
    assert client_for(editor).get(url).status_code == 403
    assert not ShadowReport.objects.exists()


def test_the_public_list_filters_by_country(public_report, outsider):
    response = client_for(outsider).get(reverse("reports:index") + "?country=ke")
    assert public_report.title in response.content.decode()
    response = client_for(outsider).get(reverse("reports:index") + "?country=br")
    assert public_report.title not in response.content.decode()
    assert client_for(outsider).get(reverse("reports:index") + "?country=%00x").status_code == 200
