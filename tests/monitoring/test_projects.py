"""Monitoring projects in the browser: create and edit a project, its team, its sites
(one by one or imported from a spreadsheet) and the monitors' collector tokens.

Someone who may not see a project gets "not found" for all of its pages; someone
who sees it but may not do a thing gets "not allowed"; bad input changes nothing.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sauti.accounts.models import Membership
from sauti.core.models import AuditLogEntry
from sauti.monitoring.models import CollectorToken, Project, Site, TeamMember

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory, UserFactory
from ..permissions import LOGIN, assert_outcome, user_for

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "member",
    "org_admin",
    "coordinator",
    "monitor",
    "analyst",
    "viewer",
    "moderator",
]
HEADER = ["code", "name", "kind", "country", "area", "latitude", "longitude"]


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch Kisumu")


def on_team(project, role, name):
    user = UserFactory(display_name=name)
    TeamMember.objects.create(project=project, user=user, role=role)
    return user


@pytest.fixture
def coordinator(project):
    return on_team(project, TeamMember.Role.COORDINATOR, "Coordinator")


@pytest.fixture
def monitor(project):
    return on_team(project, TeamMember.Role.MONITOR, "Monitor")


@pytest.fixture
def analyst(project):
    return on_team(project, TeamMember.Role.ANALYST, "Analyst")


@pytest.fixture
def viewer(project):
    return on_team(project, TeamMember.Role.VIEWER, "Viewer")


def url(project, suffix=""):
    return f"/en/monitoring/{project.pk}/{suffix}"


def csv_upload(rows, header=HEADER, name="sites.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type="text/csv")


def project_data(organisation, **overrides):
    data = {
        "organisation": str(organisation.pk),
        "title": "Stock-outs in Kisumu clinics",
        "description": "Medicines and supplies at public facilities.",
        "countries": ["KE"],
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "min_group_size": "10",
        "public_coordinate_decimals": "1",
    }
    data.update(overrides)
    return data


# --- Who may open each page -----------------------------------------------

NOT_FOUND_TO_OTHERS = {"anonymous": LOGIN, "outsider": 404, "member": 404, "moderator": 404}
TEAM_SEES = {
    **NOT_FOUND_TO_OTHERS,
    "org_admin": 200,
    "coordinator": 200,
    "monitor": 200,
    "analyst": 200,
    "viewer": 200,
}
RUNNERS_ONLY = {
    **NOT_FOUND_TO_OTHERS,
    "org_admin": 200,
    "coordinator": 200,
    "monitor": 403,
    "analyst": 403,
    "viewer": 403,
}
COLLECTORS_ONLY = {
    **NOT_FOUND_TO_OTHERS,
    "org_admin": 403,
    "coordinator": 200,
    "monitor": 200,
    "analyst": 403,
    "viewer": 403,
}
PAGES = {
    "": TEAM_SEES,
    "edit/": RUNNERS_ONLY,
    "team/": RUNNERS_ONLY,
    "sites/": TEAM_SEES,
    "sites/new/": RUNNERS_ONLY,
    "sites/import/": RUNNERS_ONLY,
    "tokens/": COLLECTORS_ONLY,
}


@pytest.mark.parametrize("suffix", list(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_each_project_page(request, project, role, suffix):
    address = url(project, suffix)
    response = client_for(user_for(request, role)).get(address)
    assert_outcome(response, PAGES[suffix][role], address)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("outsider", 403),
        ("member", 403),
        ("org_admin", 200),
        ("coordinator", 403),
        ("monitor", 403),
        ("analyst", 403),
        ("viewer", 403),
        ("moderator", 403),
    ],
)
def test_who_may_create_a_project(request, project, role, expected):
    response = client_for(user_for(request, role)).get("/en/monitoring/new/")
    assert_outcome(response, expected, "/en/monitoring/new/")


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_only_projects_one_may_view(request, project, role):
    user = user_for(request, role)
    response = client_for(user).get("/en/monitoring/")
    assert response.status_code == 200  # the list of published dashboards is public
    shown = project.title in response.content.decode()
    assert shown == (user is not None and TEAM_SEES[role] == 200)


def test_a_hidden_project_is_not_found_even_by_its_team(project, coordinator):
    Project.objects.filter(pk=project.pk).update(hidden_at=timezone.now())
    assert client_for(coordinator).get(url(project)).status_code == 404
    assert "Clinic watch" not in client_for(coordinator).get("/en/monitoring/").content.decode()


@pytest.mark.parametrize(
    ("suffix", "allowed"),
    [
        ("team/", {"org_admin", "coordinator"}),
        ("sites/new/", {"org_admin", "coordinator"}),
        ("edit/", {"org_admin", "coordinator"}),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_posts_by_people_who_may_not_change_nothing(request, project, role, suffix, allowed):
    if role in allowed:
        return
    client = client_for(user_for(request, role))
    before = (TeamMember.objects.count(), Site.objects.count(), project.title)
    address = url(project, suffix)
    data = {
        "email": "someone@example.org",
        "role": "coordinator",
        "name": "Clinic",
        "kind": "facility",
        "country": "KE",
        "title": "Taken over",
        "min_group_size": "10",
    }
    response = client.post(address, data)
    assert_outcome(response, PAGES[suffix][role], address)
    project.refresh_from_db()
    assert (TeamMember.objects.count(), Site.objects.count(), project.title) == before


# --- Creating and editing a project ---------------------------------------


def test_an_org_admin_creates_a_project_and_becomes_its_coordinator(organisation, org_admin):
    response = client_for(org_admin).post("/en/monitoring/new/", project_data(organisation))
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert project.organisation == organisation
    assert project.created_by == org_admin
    assert list(project.countries.values_list("code", flat=True)) == ["KE"]
    assert project.min_group_size == 10
    assert TeamMember.objects.get(project=project).user == org_admin
    assert TeamMember.objects.get(project=project).role == TeamMember.Role.COORDINATOR
    assert AuditLogEntry.objects.filter(action="monitoring.project_create").count() == 1
    page = client_for(org_admin).get(project.get_absolute_url()).content.decode()
    assert "Stock-outs in Kisumu clinics" in page
    assert "Kenya" in page


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"min_group_size": "4"}, "min_group_size"),
        ({"min_group_size": "0"}, "min_group_size"),
        ({"starts_on": "2026-06-01", "ends_on": "2026-05-31"}, "ends_on"),
        ({"title": ""}, "title"),
        ({"countries": ["ZZ"]}, "countries"),
    ],
)
def test_bad_project_input_creates_nothing(organisation, org_admin, overrides, field):
    response = client_for(org_admin).post(
        "/en/monitoring/new/", project_data(organisation, **overrides)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Project.objects.exists()
    assert not TeamMember.objects.exists()


def test_an_admin_cannot_create_for_an_organisation_they_do_not_administer(organisation, org_admin):
    other = OrganisationFactory(name="Another forum")
    MembershipFactory(organisation=other, user=org_admin, role=Membership.Role.EDITOR)
    response = client_for(org_admin).post("/en/monitoring/new/", project_data(other))
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Project.objects.exists()


def test_a_coordinator_edits_the_project(project, coordinator):
    data = project_data(
        project.organisation,
        title="Clinic watch 2026",
        min_group_size="12",
        public_coordinate_decimals="0",
    )
    response = client_for(coordinator).post(url(project, "edit/"), data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Clinic watch 2026"
    assert project.min_group_size == 12
    assert project.public_coordinate_decimals == 0
    assert AuditLogEntry.objects.filter(action="monitoring.project_update").exists()


@pytest.mark.parametrize(
    "overrides",
    [{"min_group_size": "4"}, {"starts_on": "2026-06-01", "ends_on": "2026-01-01"}],
)
def test_bad_edit_changes_nothing(project, coordinator, overrides):
    data = project_data(project.organisation, title="Changed", **overrides)
    response = client_for(coordinator).post(url(project, "edit/"), data)
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.title == "Clinic watch Kisumu"
    assert project.min_group_size == 10
    assert not AuditLogEntry.objects.filter(action="monitoring.project_update").exists()


# --- Team --------------------------------------------------------------------


def test_a_coordinator_adds_changes_and_removes_team_members(project, coordinator):
    person = UserFactory(email="amina@example.org", display_name="Amina")
    client = client_for(coordinator)
    response = client.post(url(project, "team/"), {"email": "AMINA@example.org", "role": "monitor"})
    assert response.status_code == 302
    member = TeamMember.objects.get(project=project, user=person)
    assert member.role == TeamMember.Role.MONITOR
    assert "Amina" in client.get(url(project, "team/")).content.decode()

    response = client.post(
        url(project, f"team/{member.pk}/role/"), {f"m{member.pk}-role": "analyst"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == TeamMember.Role.ANALYST

    response = client.post(url(project, f"team/{member.pk}/remove/"))
    assert response.status_code == 302
    assert not TeamMember.objects.filter(pk=member.pk).exists()
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"monitoring.team_add", "monitoring.team_role", "monitoring.team_remove"} <= actions


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "nobody@example.org", "role": "monitor"}, "email"),
        ({"email": "not an address", "role": "monitor"}, "email"),
        ({"email": "amina@example.org", "role": "boss"}, "role"),
    ],
)
def test_bad_team_input_changes_nothing(project, coordinator, data, field):
    UserFactory(email="amina@example.org")
    response = client_for(coordinator).post(url(project, "team/"), data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert TeamMember.objects.filter(project=project).count() == 1


def test_someone_already_on_the_team_is_not_added_twice(project, coordinator, monitor):
    response = client_for(coordinator).post(
        url(project, "team/"), {"email": monitor.email, "role": "viewer"}
    )
    assert response.status_code == 400
    assert TeamMember.objects.get(project=project, user=monitor).role == TeamMember.Role.MONITOR


def test_the_last_coordinator_can_be_neither_removed_nor_demoted(project, coordinator):
    member = TeamMember.objects.get(user=coordinator)
    client = client_for(coordinator)
    response = client.post(url(project, f"team/{member.pk}/remove/"), follow=True)
    assert "at least one coordinator" in response.content.decode()
    response = client.post(
        url(project, f"team/{member.pk}/role/"), {f"m{member.pk}-role": "viewer"}, follow=True
    )
    assert "at least one coordinator" in response.content.decode()
    member.refresh_from_db()
    assert member.role == TeamMember.Role.COORDINATOR
    assert not AuditLogEntry.objects.filter(action__startswith="monitoring.team").exists()


def test_with_a_second_coordinator_the_first_may_step_down(project, coordinator, org_admin):
    second = on_team(project, TeamMember.Role.COORDINATOR, "Second")
    first = TeamMember.objects.get(user=coordinator)
    response = client_for(second).post(
        url(project, f"team/{first.pk}/role/"), {f"m{first.pk}-role": "monitor"}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.role == TeamMember.Role.MONITOR


def test_an_org_admin_manages_the_team_without_being_on_it(project, coordinator, org_admin):
    person = UserFactory(email="baraka@example.org")
    response = client_for(org_admin).post(
        url(project, "team/"), {"email": "baraka@example.org", "role": "viewer"}
    )
    assert response.status_code == 302
    assert TeamMember.objects.filter(project=project, user=person, role="viewer").exists()


def test_a_member_of_another_project_cannot_be_changed_through_this_one(
    project, coordinator, organisation
):
    other = Project.objects.create(organisation=organisation, title="Other")
    stranger = on_team(other, TeamMember.Role.MONITOR, "Elsewhere")
    member = TeamMember.objects.get(user=stranger)
    client = client_for(coordinator)
    assert client.post(url(project, f"team/{member.pk}/remove/")).status_code == 404
    response = client.post(
        url(project, f"team/{member.pk}/role/"), {f"m{member.pk}-role": "viewer"}
    )
    assert response.status_code == 404
    member.refresh_from_db()
    assert member.role == TeamMember.Role.MONITOR


def test_team_changes_are_posts_only(project, coordinator):
    member = TeamMember.objects.get(user=coordinator)
    assert client_for(coordinator).get(url(project, f"team/{member.pk}/remove/")).status_code == 405


# --- Sites --------------------------------------------------------------------


SITE = {"code": "KSM-1", "name": "Kisumu County Hospital", "kind": "facility", "country": "KE"}


def test_a_coordinator_adds_and_edits_a_site(project, coordinator, viewer):
    client = client_for(coordinator)
    response = client.post(url(project, "sites/new/"), {**SITE, "area": "Kisumu"})
    assert response.status_code == 302
    site = Site.objects.get(project=project)
    assert (site.code, site.country_id, site.area) == ("KSM-1", "KE", "Kisumu")
    response = client.post(
        url(project, f"sites/{site.pk}/edit/"), {**SITE, "name": "Jaramogi Oginga Odinga"}
    )
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.name == "Jaramogi Oginga Odinga"
    page = client_for(viewer).get(url(project, "sites/")).content.decode()
    assert "Jaramogi Oginga Odinga" in page
    assert f"sites/{site.pk}/edit/" not in page  # a viewer reads, does not edit


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({**SITE, "latitude": "91"}, "latitude"),
        ({**SITE, "country": "ZZ"}, "country"),
        ({**SITE, "name": ""}, "name"),
        ({**SITE, "code": "TAKEN"}, "code"),
    ],
)
def test_bad_site_input_changes_nothing(project, coordinator, data, field):
    Site.objects.create(project=project, code="TAKEN", name="First", country_id="KE")
    response = client_for(coordinator).post(url(project, "sites/new/"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Site.objects.count() == 1


def test_a_site_of_another_project_is_not_found(project, coordinator, organisation):
    other = Project.objects.create(organisation=organisation, title="Other")
    site = Site.objects.create(project=other, name="Elsewhere", country_id="KE")
    assert client_for(coordinator).get(url(project, f"sites/{site.pk}/edit/")).status_code == 404


def test_a_site_import_shows_each_problem_and_writes_nothing(project, coordinator):
    upload = csv_upload(
        [
            ["A-1", "Good clinic", "facility", "KE", "", "", ""],
            ["A-2", "", "facility", "Atlantis", "", "100", ""],
        ]
    )
    client = client_for(coordinator)
    response = client.post(url(project, "sites/import/"), {"file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "cannot be imported" in page
    problems = response.context["result"].problems
    assert {problem.row for problem in problems} == {3}
    assert {problem.column for problem in problems} >= {"name", "country"}
    assert not Site.objects.exists()
    assert not client.session.get(f"monitoring_site_import_{project.pk}")
    assert client.get(url(project, "sites/import/confirm/")).status_code == 302


def test_a_site_import_is_checked_previewed_then_confirmed(project, coordinator):
    Site.objects.create(project=project, code="A-1", name="Old name", country_id="KE")
    client = client_for(coordinator)
    upload = csv_upload(
        [
            ["A-1", "New name", "facility", "KE", "Kisumu", "-0.0917", "34.768"],
            ["", "Obunga", "community", "Kenya", "Kisumu Central", "", ""],
        ]
    )
    response = client.post(url(project, "sites/import/"), {"file": upload})
    assert response.status_code == 302
    assert response["Location"] == url(project, "sites/import/confirm/")
    assert Site.objects.count() == 1  # nothing written yet

    preview = client.get(url(project, "sites/import/confirm/"))
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "1 site will be created." in page
    assert "1 site will be updated." in page
    assert "Obunga" in page

    response = client.post(url(project, "sites/import/confirm/"), {"confirm": ""})
    assert response.status_code == 302
    assert Site.objects.count() == 2
    assert Site.objects.get(code="A-1").name == "New name"
    assert AuditLogEntry.objects.filter(action="monitoring.sites_import").count() == 1
    # The kept file is gone: confirming again writes nothing more.
    response = client.post(url(project, "sites/import/confirm/"), {"confirm": ""})
    assert response.status_code == 302
    assert response["Location"] == url(project, "sites/import/")
    assert AuditLogEntry.objects.filter(action="monitoring.sites_import").count() == 1


def test_a_cancelled_import_writes_nothing(project, coordinator, settings):
    client = client_for(coordinator)
    upload = csv_upload([["", "Obunga", "community", "KE", "", "", ""]])
    client.post(url(project, "sites/import/"), {"file": upload})
    response = client.post(url(project, "sites/import/confirm/"), {"cancel": ""})
    assert response.status_code == 302
    assert not Site.objects.exists()
    assert not list((settings.MEDIA_ROOT / "site_imports").iterdir())


def test_someone_else_cannot_confirm_an_import_they_did_not_check(project, coordinator, org_admin):
    upload = csv_upload([["", "Obunga", "community", "KE", "", "", ""]])
    client_for(coordinator).post(url(project, "sites/import/"), {"file": upload})
    response = client_for(org_admin).post(url(project, "sites/import/confirm/"), {"confirm": ""})
    assert response.status_code == 302
    assert not Site.objects.exists()


def test_a_monitor_cannot_confirm_an_import(project, monitor):
    response = client_for(monitor).post(url(project, "sites/import/confirm/"), {"confirm": ""})
    assert_outcome(response, 403, url(project, "sites/import/confirm/"))


def test_an_import_checked_again_at_confirmation(project, coordinator):
    """A site created with the same code in between: the confirmation updates it, as the
    new preview shows, rather than failing on the unique code."""
    client = client_for(coordinator)
    upload = csv_upload([["B-1", "From the file", "facility", "KE", "", "", ""]])
    client.post(url(project, "sites/import/"), {"file": upload})
    Site.objects.create(project=project, code="B-1", name="Meanwhile", country_id="KE")
    client.post(url(project, "sites/import/confirm/"), {"confirm": ""})
    assert Site.objects.get().name == "From the file"


# --- Collector tokens ----------------------------------------------------------


def test_a_monitor_creates_sees_and_revokes_their_own_token(project, monitor):
    client = client_for(monitor)
    response = client.post(url(project, "tokens/"), {"label": "Tecno phone"})
    assert response.status_code == 302
    token = CollectorToken.objects.get()
    assert token.member.user == monitor
    page = client.get(url(project, "tokens/")).content.decode()
    assert f"http://testserver/collect/{token.key}/" in page
    assert "Tecno phone" in page
    # The URL is the one phones use: its form list answers.
    assert client.get(f"/collect/{token.key}/formList").status_code != 403

    response = client.post(url(project, f"tokens/{token.pk}/revoke/"))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.key not in client.get(url(project, "tokens/")).content.decode()
    assert client.get(f"/collect/{token.key}/formList").status_code == 403
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"monitoring.token_create", "monitoring.token_revoke"} <= actions


def test_monitors_see_only_their_tokens_and_coordinators_all(project, coordinator, monitor):
    other = on_team(project, TeamMember.Role.MONITOR, "Other monitor")
    client_for(monitor).post(url(project, "tokens/"), {"label": "mine"})
    client_for(other).post(url(project, "tokens/"), {"label": "theirs"})
    mine = CollectorToken.objects.get(label="mine")
    theirs = CollectorToken.objects.get(label="theirs")

    page = client_for(monitor).get(url(project, "tokens/")).content.decode()
    assert mine.key in page
    assert "theirs" not in page
    assert theirs.key not in page
    response = client_for(monitor).post(url(project, f"tokens/{theirs.pk}/revoke/"))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None

    page = client_for(coordinator).get(url(project, "tokens/")).content.decode()
    assert "mine" in page and "theirs" in page
    assert mine.key not in page and theirs.key not in page  # keys stay with their owners
    response = client_for(coordinator).post(url(project, f"tokens/{theirs.pk}/revoke/"))
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.revoked_at is not None


@pytest.mark.parametrize("role", ["analyst", "viewer", "org_admin"])
def test_people_who_do_not_collect_cannot_create_tokens(request, project, role):
    response = client_for(user_for(request, role)).post(url(project, "tokens/"), {"label": "x"})
    assert_outcome(response, 403, url(project, "tokens/"))
    assert not CollectorToken.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "member", "moderator", "analyst", "viewer"])
def test_others_cannot_revoke_a_token(request, project, monitor, role):
    client_for(monitor).post(url(project, "tokens/"), {"label": "mine"})
    token = CollectorToken.objects.get()
    response = client_for(user_for(request, role)).post(url(project, f"tokens/{token.pk}/revoke/"))
    assert response.status_code in (403, 404)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_removing_a_monitor_removes_their_tokens(project, coordinator, monitor):
    client_for(monitor).post(url(project, "tokens/"), {"label": "mine"})
    key = CollectorToken.objects.get().key
    member = TeamMember.objects.get(user=monitor)
    client_for(coordinator).post(url(project, f"team/{member.pk}/remove/"))
    assert not CollectorToken.objects.exists()
    assert client_for(None).get(f"/collect/{key}/formList").status_code == 403


def test_the_operator_threshold_wins_when_higher(project, settings):
    """A project may raise k above the platform's threshold, never go under it."""
    settings.SAUTI_DISCLOSURE_THRESHOLD = 15
    assert project.min_group_size == 10
    assert project.k == 15
    settings.SAUTI_DISCLOSURE_THRESHOLD = 5
    assert project.k == 10


def test_a_project_cannot_go_under_the_operator_threshold(project, coordinator, settings):
    settings.SAUTI_DISCLOSURE_THRESHOLD = 12
    data = project_data(project.organisation, title="Changed", min_group_size="10")
    response = client_for(coordinator).post(url(project, "edit/"), data)
    assert response.status_code == 200
    assert "never below 12" in response.content.decode()
    project.refresh_from_db()
    assert project.title != "Changed"


def test_the_tokens_page_gives_the_basic_server_url(project, monitor):
    page = client_for(monitor).get(url(project, "tokens/")).content.decode()
    assert f"http://testserver/collect/p/{project.pk}/" in page
