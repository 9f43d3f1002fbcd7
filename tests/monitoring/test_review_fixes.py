"""Regressions found by the review of issue 7, each checked the way it was found."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sauti.core.models import Country
from sauti.monitoring import services_projects
from sauti.monitoring.models import (
    CollectorToken,
    Form,
    FormVersion,
    Indicator,
    Project,
    Site,
    Submission,
    TeamMember,
)
from tests.conftest import client_for

from .factories import on_team
from .test_review import make

pytestmark = pytest.mark.django_db
APPROVED = Submission.Status.APPROVED


@pytest.fixture
def kenya():
    return Country.objects.get(code="KE")


def published(organisation, kenya, sites, group_by):
    project = Project.objects.create(
        organisation=organisation, title="P", min_group_size=5, is_published=True
    )
    project.countries.set([kenya])
    form = Form.objects.create(project=project, form_id="exit", title="Exit")
    version = FormVersion.objects.create(
        form=form, version="1", xml="<x/>", md5="md5:0", validation="passed"
    )
    for name, area, n in sites:
        site = Site.objects.create(
            project=project,
            name=name,
            area=area,
            country=kenya,
            latitude=Decimal("-0.1"),
            longitude=Decimal("34.7"),
        )
        for _ in range(n):
            make(version, site=site, status=APPROVED, data={"q": "x"})
    Indicator.objects.create(
        project=project, form=form, title="Count", kind="count", group_by=group_by, is_public=True
    )
    return project, form


def test_no_table_of_counts_per_site_beside_the_indicators(organisation, kenya):
    """Alpha (3) was recoverable: North (23, published by area) minus Beta (20, site counts)."""
    project, _form = published(
        organisation,
        kenya,
        [
            ("Alpha", "North", 3),
            ("Beta", "North", 20),
            ("Gamma", "South", 11),
            ("Delta", "South", 30),
        ],
        "area",
    )
    client = client_for(None)
    geojson = json.loads(
        client.get(reverse("monitoring:public_sites_geojson", args=[project.pk])).content
    )
    for feature in geojson["features"]:
        assert set(feature["properties"]) == {"name", "kind", "area", "country"}
    page = client.get(reverse("monitoring:public_dashboard", args=[project.pk])).content.decode()
    assert "Approved submissions" not in page


def test_public_indicators_are_all_by_site_or_all_by_area(organisation, kenya):
    project, form = published(organisation, kenya, [("Alpha", "North", 6)], "area")
    by_site = Indicator(
        project=project,
        form=form,
        title="By site",
        kind="count",
        group_by="site",
        is_public=True,
        order=1,
    )
    with pytest.raises(ValidationError) as error:
        by_site.full_clean()
    assert "group_by" in error.value.message_dict
    # Written around the check (a shell), the public page still shows one level only.
    by_site.save()
    api = client_for(None).get(f"/api/v1/monitoring/projects/{project.pk}/aggregates").json()
    assert [item["title"] for item in api] == ["Count"]


@pytest.mark.parametrize("query", ["?indicator=%C2%B2", "?indicator=%D9%A3"])
def test_digits_of_other_scripts_in_a_query_are_not_a_500(organisation, kenya, query):
    project, _form = published(organisation, kenya, [("Alpha", "North", 6)], "site")
    public = reverse("monitoring:public_dashboard", args=[project.pk]) + query
    assert client_for(None).get(public).status_code == 200
    coordinator = on_team(project, "coordinator")
    team = reverse("monitoring:project_dashboard", args=[project.pk]) + query
    assert client_for(coordinator).get(team).status_code == 200
    approve = reverse("monitoring:submissions_approve", args=[project.pk])
    assert client_for(coordinator).post(approve, {"ids": ["²"]}).status_code in (302, 400)


def test_an_analyst_cannot_change_or_delete_a_public_indicator(organisation, kenya):
    project, form = published(organisation, kenya, [("Alpha", "North", 6)], "site")
    indicator = project.indicators.get()
    analyst = client_for(on_team(project, "analyst"))
    edit = reverse("monitoring:indicator_edit", args=[project.pk, indicator.pk])
    response = analyst.post(
        edit,
        {"title": "Changed", "form": form.pk, "kind": "count", "group_by": "area", "order": 0},
    )
    assert response.status_code == 403
    delete = reverse("monitoring:indicator_delete", args=[project.pk, indicator.pk])
    assert analyst.post(delete).status_code == 403
    indicator.refresh_from_db()
    assert (indicator.title, indicator.group_by) == ("Count", "site")


def test_the_barrier_form_of_an_unpublished_project_is_not_found(organisation, kenya):
    project = Project.objects.create(organisation=organisation, title="SECRET project")
    Site.objects.create(project=project, name="Secret clinic X", country=kenya)
    url = reverse("monitoring:barrier_report", args=[project.pk])
    assert client_for(None).get(url).status_code == 404
    assert client_for(on_team(project, "coordinator")).get(url).status_code == 200
    project.is_published = True
    project.save()
    assert client_for(None).get(url).status_code == 200


def test_a_token_stops_when_its_owner_no_longer_collects(organisation):
    project = Project.objects.create(organisation=organisation, title="P")
    user = on_team(project, "monitor")
    member = TeamMember.objects.get(user=user)
    token = CollectorToken.objects.create(project=project, member=member)
    assert client_for(None).get(f"/collect/{token.key}/formList").status_code == 200
    coordinator = on_team(project, "coordinator")
    services_projects.change_role(member, role="viewer", acting_user=coordinator)
    token.refresh_from_db()
    assert token.revoked_at is not None
    # Even a token left unrevoked (written around the service) stops with the role.
    CollectorToken.objects.filter(pk=token.pk).update(revoked_at=None)
    assert client_for(None).get(f"/collect/{token.key}/formList").status_code == 403


def test_a_token_stops_when_its_owners_account_is_closed(organisation):
    project = Project.objects.create(organisation=organisation, title="P")
    user = on_team(project, "monitor")
    token = CollectorToken.objects.create(project=project, member=TeamMember.objects.get(user=user))
    user.is_active = False
    user.save()
    assert client_for(None).get(f"/collect/{token.key}/formList").status_code == 403
