"""The team dashboard: charts and tables, targets, filters, withheld groups (issue 7)."""

from __future__ import annotations

import datetime as dt
import gzip
import re

import pytest
from django.urls import reverse

from sauti.core.models import Country
from sauti.monitoring import aggregates
from sauti.monitoring.models import Form, FormVersion, Indicator, Project, Site, Submission
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .test_review import make

pytestmark = pytest.mark.django_db

K = 5
ROLES = ["anonymous", "outsider", "org_admin", "coordinator", "analyst", "monitor", "viewer"]
READERS = {"org_admin", "coordinator", "analyst", "monitor", "viewer"}
DEFINERS = {"coordinator", "analyst"}
APPROVED = Submission.Status.APPROVED
Q1, Q2 = dt.date(2025, 2, 10), dt.date(2025, 5, 10)


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch", min_group_size=K)


@pytest.fixture
def version(project):
    form = Form.objects.create(project=project, form_id="exit", title="Exit interview")
    return FormVersion.objects.create(
        form=form, version="1", xml="<x/>", md5="md5:0", validation="passed"
    )


@pytest.fixture
def country(db):
    return Country.objects.first() or Country.objects.create(code="KE", name="Kenya")


def new_site(project, country, name, area):
    return Site.objects.create(project=project, name=name, area=area, country=country)


def fill(version, site, answers, collected_on=Q1):
    for paid, wait in answers:
        make(
            version,
            site=site,
            status=APPROVED,
            data={"paid": paid, "wait": wait},
            collected_on=collected_on,
        )


@pytest.fixture
def sites(project, country, version):
    alpha = new_site(project, country, "Alpha clinic", "North")
    beta = new_site(project, country, "Beta clinic", "North")
    gamma = new_site(project, country, "Gamma clinic", "South")
    delta = new_site(project, country, "Delta post", "South")
    fill(version, alpha, [("yes", "10")] * 3 + [("no", "20")] * 3)  # 6: 50 %
    fill(version, beta, [("yes", "30")] * 6 + [("no", "45")] * 2)  # 8: 75 %, mean 33.75
    fill(version, gamma, [("yes", "7")] * 5, collected_on=Q2)  # 5: 100 %
    fill(version, delta, [("no", "4321")] * 3, collected_on=Q2)  # 3: fewer than k
    make(version, site=alpha, data={"paid": "yes", "wait": "999"})  # not approved: never counted
    return alpha, beta, gamma, delta


def define(project, version, title, kind, **fields):
    indicator = Indicator.objects.create(
        project=project, form=version.form, title=title, kind=kind, **fields
    )
    aggregates.rebuild_indicator(indicator)  # as the indicator pages do on saving
    return indicator


def row(page, label):
    """The cells of the table row headed ``label``, as text."""
    match = re.search(rf'<th scope="row" dir="auto">{re.escape(label)}</th>(.*?)</tr>', page)
    assert match, f"no row {label!r}"
    return re.findall(r"<td>(.*?)</td>", match.group(1))


def dashboard(user, project, **query):
    url = reverse("monitoring:project_dashboard", args=[project.pk])
    response = client_for(user).get(url, query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_dashboard(request, project, version, sites, role):
    item = define(project, version, "Visits", "count")
    url = reverse("monitoring:project_dashboard", args=[project.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = LOGIN if role == "anonymous" else 200 if role in READERS else 404
    assert_outcome(response, expected, url)
    if expected == 200:
        edit = reverse("monitoring:indicator_edit", args=[project.pk, item.pk])
        assert (edit in response.content.decode()) == (role in DEFINERS)


def test_a_large_group_shows_its_figure_a_small_one_does_not(project, version, sites, viewer):
    define(project, version, "Waiting time", "mean", field="wait")
    page = dashboard(viewer, project)
    assert "<svg" in page and "<title" in page and "<desc" in page
    assert row(page, "Beta clinic") == ["8", "33.8"]
    assert row(page, "Delta post") == ["fewer than 5", "—"]
    assert "4321" not in page and "4,321" not in page  # the small group's mean
    assert "999" not in page  # a submission not approved
    assert "1 group has fewer than 5 respondents: its figure is not shown" in page
    # Its complement is withheld too, else it could be worked out from the total.
    assert "1 more group is not shown, so that a small group cannot be worked out" in page


def test_targets_are_compared_in_words(project, version, sites, viewer):
    define(project, version, "Not asked to pay", "share", field="paid", value="yes", target=60)
    define(project, version, "Visits", "count")
    page = dashboard(viewer, project)
    assert "Target: at least 60%." in page
    assert row(page, "Alpha clinic") == ["6", "50%", "not met"]
    assert row(page, "Beta clinic") == ["8", "75%", "met"]
    assert row(page, "Delta post")[-1] == "—"
    assert "All groups: target met." in page  # 14 of 22
    assert "No target is set." in page


def test_at_most_target(project, version, sites, viewer):
    define(project, version, "Waiting", "mean", field="wait", target=25, target_direction="at_most")
    page = dashboard(viewer, project)
    assert "Target: at most 25." in page
    assert row(page, "Alpha clinic")[-1] == "met"
    assert row(page, "Beta clinic")[-1] == "not met"


def test_view_by_area_and_over_time(project, version, sites, viewer):
    define(project, version, "Visits", "count")
    page = dashboard(viewer, project, view="area")
    assert row(page, "North") == ["14", "14"]
    assert row(page, "South") == ["8", "8"]
    assert "Alpha clinic" not in page
    page = dashboard(viewer, project, view="quarter")
    assert row(page, "2025 Q1") == ["14", "14"]
    assert row(page, "2025 Q2") == ["8", "8"]
    assert '<th scope="col">Quarter</th>' in page
    assert 'text-anchor="middle" fill="currentColor">2025 Q1</text>' in page  # columns over time


def test_filter_by_quarter_and_area(project, version, sites, viewer):
    define(project, version, "Visits", "count")
    page = dashboard(viewer, project, quarter="2025-01-01")
    assert row(page, "Alpha clinic") == ["6", "6"]
    assert "Gamma clinic" not in page and "Delta post" not in page
    page = dashboard(viewer, project, area="South")
    assert "Alpha clinic" not in page and "Beta clinic" not in page
    assert row(page, "Delta post") == ["fewer than 5", "—"]
    assert "Clear filters" in page


@pytest.mark.parametrize(
    "query",
    [{"quarter": "2031-01-01"}, {"quarter": "yesterday"}, {"area": "Atlantis"}, {"view": "x"}],
)
def test_bad_filters_are_explained_and_ignored(project, version, sites, viewer, query):
    define(project, version, "Visits", "count")
    page = dashboard(viewer, project, **query)
    assert "These filters could not be used; all figures are shown." in page
    assert row(page, "Alpha clinic") == ["6", "6"]


def test_without_indicators(project, coordinator, viewer):
    page = dashboard(viewer, project)
    assert "No indicator is defined for this project yet." in page
    assert reverse("monitoring:indicator_add", args=[project.pk]) not in page
    page = dashboard(coordinator, project)
    assert reverse("monitoring:indicator_add", args=[project.pk]) in page


def test_page_stays_light(project, version, country, viewer):
    """Ten indicators over thirty sites with varied names and figures: under 14 KB compressed."""
    towns = ["Kisumu", "Nakuru", "Eldoret", "Thika", "Malindi", "Kitale", "Garissa", "Kakamega"]
    kinds = ["sub-county hospital", "health centre", "dispensary"]
    for number in range(30):
        name = f"{towns[number % 8]} {kinds[number % 3]} {number}"
        site = new_site(project, country, name, towns[number % 8])
        answers = [
            (
                "yes" if (i * 7 + number) % (number % 4 + 2) else "no",
                str(5 + (i * 13 + number * 7) % 97),
            )
            for i in range(6 + number % 7)
        ]
        fill(version, site, answers, collected_on=[Q1, Q2][number % 2])
    for number in range(10):
        kind = ["count", "share", "mean"][number % 3]
        fields = {"share": {"field": "paid", "value": "yes", "target": 50}}.get(kind, {})
        if kind == "mean":
            fields = {"field": "wait", "target": 40 + number}
        define(project, version, f"Indicator {number}", kind, **fields)
    page = dashboard(viewer, project)
    assert page.count("<svg") == 10
    assert len(gzip.compress(page.encode())) < 14 * 1024


def test_right_to_left_charts(project, version, sites, viewer):
    define(project, version, "Visits", "count", group_by="quarter")
    define(project, version, "Waiting time", "mean", field="wait")
    url = reverse("monitoring:project_dashboard", args=[project.pk]).replace("/en/", "/ar/", 1)
    response = client_for(viewer).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('direction="rtl"') == 2
