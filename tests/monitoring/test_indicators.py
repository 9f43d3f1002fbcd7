"""Indicators over form fields and the team dashboard, with disclosure control (issue 7)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sauti.core.models import Country
from sauti.monitoring import indicators
from sauti.monitoring.models import Form, FormVersion, Indicator, Project, Site, Submission
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .test_review import make

pytestmark = pytest.mark.django_db

K = 5
ROLES = ["anonymous", "outsider", "org_admin", "coordinator", "analyst", "monitor", "viewer"]
READERS = {"org_admin", "coordinator", "analyst", "monitor", "viewer"}


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch", min_group_size=K)


@pytest.fixture
def form(project):
    return Form.objects.create(project=project, form_id="exit", title="Exit interview")


@pytest.fixture
def version(form):
    return FormVersion.objects.create(
        form=form, version="1", xml="<x/>", md5="md5:0", validation="passed"
    )


@pytest.fixture
def sites(project):
    country = Country.objects.first() or Country.objects.create(code="KE", name="Kenya")
    return [
        Site.objects.create(project=project, name="Alpha clinic", area="North", country=country),
        Site.objects.create(project=project, name="Beta clinic", area="North", country=country),
        Site.objects.create(project=project, name="Gamma clinic", area="South", country=country),
    ]


APPROVED = Submission.Status.APPROVED


def fill(version, site, answers, **extra):
    for paid, wait in answers:
        make(version, site=site, status=APPROVED, data={"paid": paid, "wait": wait}, **extra)


@pytest.fixture
def data(version, sites):
    alpha, beta, gamma = sites
    fill(version, alpha, [("yes", "10")] * 3 + [("no", "20")] * 3)  # 6: 50 %, mean 15
    fill(version, beta, [("yes", "30")] * 6 + [("no", "abc")] * 2)  # 8: 75 %, mean 30
    fill(version, gamma, [("yes", "7")] * 5)  # 5: 100 %, mean 7
    # Never counted: not approved, or replaced by an edit.
    make(version, site=alpha, status=Submission.Status.NEW, data={"paid": "yes", "wait": "999"})
    make(version, site=alpha, status=APPROVED, is_current=False, data={"paid": "yes"})


def indicator(project, form, kind, **fields):
    return Indicator.objects.create(
        project=project, form=form, title=f"{kind} indicator", kind=kind, **fields
    )


def by_label(result):
    return {group.label: group for group in result.groups}


def test_count_by_site(project, form, data):
    result = indicators.compute(indicator(project, form, "count"), k=K)
    groups = by_label(result)
    assert [g.label for g in result.groups] == ["Alpha clinic", "Beta clinic", "Gamma clinic"]
    assert [groups[name].value for name in groups] == [6, 8, 5]
    assert result.total.shown_count == 19


def test_share_by_site(project, form, data):
    result = indicators.compute(indicator(project, form, "share", field="paid", value="yes"), k=K)
    groups = by_label(result)
    assert groups["Alpha clinic"].value == Fraction(1, 2)
    assert groups["Beta clinic"].value == Fraction(3, 4)
    assert groups["Gamma clinic"].value == 1
    assert result.total.shown_value == Fraction(14, 19)


def test_mean_by_site_skips_answers_that_are_not_numbers(project, form, data):
    result = indicators.compute(indicator(project, form, "mean", field="wait"), k=K)
    groups = by_label(result)
    assert groups["Alpha clinic"].value == 15
    assert groups["Beta clinic"].value == 30  # the two "abc" left out: 6 respondents
    assert groups["Beta clinic"].figure.count == 6
    assert groups["Gamma clinic"].value == 7


def test_by_area_and_quarter(project, form, version, sites, data):
    result = indicators.compute(indicator(project, form, "count", group_by="area"), k=K)
    assert {g.label: g.value for g in result.groups} == {"North": 14, "South": 5}
    fill(version, sites[0], [("yes", "1")] * 5, collected_on=dt.date(2025, 2, 3))
    result = indicators.compute(indicator(project, form, "count", group_by="quarter"), k=K)
    assert result.groups[0].label == "2025 Q1"
    assert result.groups[0].value == 5


def test_small_group_is_withheld(project, form, version, sites, data):
    country = sites[0].country
    delta = Site.objects.create(project=project, name="Delta post", country=country)
    fill(version, delta, [("yes", "1")] * 3)
    result = indicators.compute(indicator(project, form, "count"), k=K)
    groups = by_label(result)
    assert groups["Delta post"].value is None and groups["Delta post"].small
    # Its complement is withheld too, else 22 - 6 - 8 - 5 gives it away.
    assert len(result.withheld) >= 2
    assert result.total.shown_count == 22


def test_threshold_never_below_five(project, form, data):
    with pytest.raises(ValueError):
        indicators.compute(indicator(project, form, "count"), k=3)


def test_share_needs_field_and_value(project, form):
    item = Indicator(project=project, form=form, title="x", kind="share")
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert {"field", "value"} <= set(error.value.message_dict)


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_dashboard(request, project, form, data, role):
    indicator(project, form, "count")
    url = reverse("monitoring:project_dashboard", args=[project.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = LOGIN if role == "anonymous" else 200 if role in READERS else 404
    assert_outcome(response, expected, url)


def test_dashboard_charts_and_withholds(project, form, version, sites, data, viewer):
    country = sites[0].country
    delta = Site.objects.create(project=project, name="Delta post", country=country)
    fill(version, delta, [("no", "4321")] * 3)
    indicator(project, form, "mean", field="wait")
    url = reverse("monitoring:project_dashboard", args=[project.pk])
    page = client_for(viewer).get(url).content.decode()
    assert "<svg" in page and "Gamma clinic" in page
    assert "Delta post" in page
    assert "fewer than 5" in page
    assert "4321" not in page and "4,321" not in page  # the small group's mean
    assert "999" not in page  # a submission not approved


def test_dashboard_without_indicators(project, viewer):
    url = reverse("monitoring:project_dashboard", args=[project.pk])
    page = client_for(viewer).get(url).content.decode()
    assert "No indicator is defined" in page
