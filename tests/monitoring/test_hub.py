"""The monitoring hub: the "Monitoring" nav item, the monitoring home and the project page.

The home is public (published dashboards and the barrier report form are for
everyone); one's own projects show only to the people on their team or running
their organisation. The project page offers each role only what it may do.
"""

from __future__ import annotations

import pytest

from sauti.monitoring.models import BarrierReport, Project
from sauti.monitoring.services_barriers import hash_code, new_follow_up_code

from ..conftest import client_for
from ..permissions import LOGIN, assert_outcome, user_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch Kisumu")


@pytest.fixture
def published(organisation):
    return Project.objects.create(
        organisation=organisation, title="Maternity watch Siaya", is_published=True
    )


def page(user, address):
    response = client_for(user).get(address)
    assert response.status_code == 200
    return response.content.decode()


# --- The nav --------------------------------------------------------------------------------


def test_the_nav_links_to_monitoring_between_campaigns_and_organisations(db):
    html = page(None, "/en/")
    assert '<a href="/en/monitoring/">Monitoring</a>' in html
    nav = html[html.index("<nav") : html.index("</nav>")]
    assert nav.index("Campaigns") < nav.index("Monitoring") < nav.index("Organisations")


# --- The monitoring home --------------------------------------------------------------------


def test_anonymous_sees_only_published_dashboards(project, published):
    html = page(None, "/en/monitoring/")
    assert "Published dashboards" in html
    assert published.title in html
    assert f'href="/en/monitoring/{published.pk}/public/"' in html
    assert f'href="/en/monitoring/{published.pk}/report/"' in html
    assert "Report a barrier to care" in html
    assert project.title not in html
    assert "Your projects" not in html
    assert "New project" not in html


def test_a_hidden_published_project_is_not_listed(published):
    Project.objects.filter(pk=published.pk).update(hidden_at=published.created_at)
    assert published.title not in page(None, "/en/monitoring/")


def test_the_team_sees_its_projects_and_the_published_ones(project, published, viewer):
    html = page(viewer, "/en/monitoring/")
    yours = html[html.index("Your projects") : html.index("Published dashboards")]
    assert project.title in yours
    assert published.title not in yours  # not on its team
    assert published.title in html[html.index("Published dashboards") :]
    assert "New project" not in html


def test_an_outsider_is_told_they_are_on_no_team(project, published, outsider):
    html = page(outsider, "/en/monitoring/")
    assert "You are not on the team of any monitoring project yet." in html
    assert project.title not in html
    assert published.title in html


def test_an_organisation_admin_may_start_a_new_project(project, org_admin):
    html = page(org_admin, "/en/monitoring/")
    assert "New project" in html
    assert 'href="/en/monitoring/new/"' in html
    assert project.title in html[html.index("Your projects") :]


def test_the_home_links_to_the_starter_form_library(db):
    assert "Starter form library" in page(None, "/en/monitoring/")


def test_project_titles_are_escaped(organisation):
    Project.objects.create(
        organisation=organisation, title="<script>alert(1)</script>", is_published=True
    )
    html = page(None, "/en/monitoring/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- The project page -----------------------------------------------------------------------

EVERYONE = ["Forms", "Sites", "Dashboard", "Public form to report a barrier to care"]
# What each role sees on the project page (and, below, what it must not see).
LINKS = {
    "Upload an XLSForm": {"coordinator", "org_admin"},
    "Start from the starter form library": {"coordinator", "org_admin"},
    "Collector tokens for ODK Collect": {"coordinator", "monitor"},
    "Submissions": {"coordinator", "analyst"},
    "Barrier reports": {"coordinator", "org_admin"},
    "Indicators": {"coordinator", "analyst"},
    "Publish the dashboard": {"coordinator", "org_admin"},
    "Published texts": {"coordinator", "org_admin"},
    "Manage the team": {"coordinator", "org_admin"},
    "Edit the project": {"coordinator", "org_admin"},
}
EXPORTS = "Download the submissions of a form as CSV, Excel or GeoJSON"


@pytest.mark.parametrize("role", ["coordinator", "monitor", "analyst", "viewer", "org_admin"])
def test_the_project_page_offers_what_the_role_allows(request, project, role):
    html = page(user_for(request, role), f"/en/monitoring/{project.pk}/")
    for text in EVERYONE:
        assert text in html, text
    for text, roles in LINKS.items():
        assert (f">{text}</a>" in html) == (role in roles), (role, text)
    assert (EXPORTS in html) == (role in {"coordinator", "analyst"})


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", LOGIN), ("outsider", 404), ("member", 404), ("moderator", 404)],
)
def test_people_off_the_team_do_not_get_the_project_page(request, project, role, expected):
    address = f"/en/monitoring/{project.pk}/"
    assert_outcome(client_for(user_for(request, role)).get(address), expected, address)


def test_the_coordinator_sees_what_waits_for_them(project, coordinator):
    for status in (BarrierReport.Status.RECEIVED, BarrierReport.Status.CLOSED):
        BarrierReport.objects.create(
            project=project,
            barrier=BarrierReport.Barrier.STOCK_OUT,
            country_id="KE",
            follow_up_hash=hash_code(new_follow_up_code()),
            status=status,
        )
    html = page(coordinator, f"/en/monitoring/{project.pk}/")
    assert "0 submissions to review" in html
    assert "1 open report" in html


def test_the_project_page_says_whether_it_is_published(published, organisation, org_admin):
    html = page(org_admin, f"/en/monitoring/{published.pk}/")
    assert "The public dashboard is published." in html
    assert f'href="/en/monitoring/{published.pk}/public/"' in html
    other = Project.objects.create(organisation=organisation, title="Draft")
    html = page(org_admin, f"/en/monitoring/{other.pk}/")
    assert "The public dashboard is not published." in html
    assert f'href="/en/monitoring/{other.pk}/public/"' not in html
