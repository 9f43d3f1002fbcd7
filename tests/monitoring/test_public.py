"""Publishing safely: public dashboard, preview, free-text approval, coarse coordinates,
barrier patterns and the feed to community scorecards (issue 7)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from sauti.core.models import AuditLogEntry, Country
from sauti.monitoring.models import (
    BarrierReport,
    Form,
    FormVersion,
    Indicator,
    Project,
    PublicText,
    Site,
    Submission,
)
from tests.commitments.scorecard_factories import IndicatorFactory, ScorecardFactory, add_item
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .factories import on_team
from .test_review import make

pytestmark = pytest.mark.django_db

K = 5
ROLES = ["anonymous", "outsider", "org_admin", "coordinator", "analyst", "monitor", "viewer"]
PUBLISHERS = {"org_admin", "coordinator"}
TEAM = {"org_admin", "coordinator", "analyst", "monitor", "viewer"}
APPROVED = Submission.Status.APPROVED
SECRET_MEAN = "777"  # Gamma's mean waiting time: a group of 2, never public


def shows_secret(text: str) -> bool:
    """Whether 777 appears as a figure (a word), not inside an SVG id such as "cdf77713c"."""
    return re.search(rf"\b{SECRET_MEAN}\b", text) is not None


COMMENT = "The nurse asked me for money, Mary Atieno at the desk saw it"


@pytest.fixture
def kenya(db):
    return Country.objects.get(code="KE")


@pytest.fixture
def project(organisation, kenya):
    project = Project.objects.create(
        organisation=organisation,
        title="Clinic watch",
        description="Waiting times in Kisumu",
        min_group_size=K,
        public_coordinate_decimals=1,
    )
    project.countries.set([kenya])
    return project


@pytest.fixture
def version(project):
    form = Form.objects.create(project=project, form_id="exit", title="Exit interview")
    return FormVersion.objects.create(
        form=form, version="1", xml="<x/>", md5="md5:0", validation="passed"
    )


def site(project, name, area, lat, lon, country):
    return Site.objects.create(
        project=project,
        name=name,
        area=area,
        country=country,
        latitude=Decimal(lat),
        longitude=Decimal(lon),
    )


@pytest.fixture
def sites(project, kenya):
    return {
        "alpha": site(project, "Alpha clinic", "North", "-0.10234", "34.76543", kenya),
        "beta": site(project, "Beta clinic", "North", "-0.20871", "34.61234", kenya),
        "gamma": site(project, "Gamma clinic", "South", "-0.39912", "34.91276", kenya),
    }


def fill(version, site, answers):
    for paid, wait in answers:
        make(version, site=site, status=APPROVED, data={"paid": paid, "wait": wait})


@pytest.fixture
def data(project, version, sites):
    """Alpha 10 (5 paid), Beta 12 (3 paid), Gamma 2 (a small group, both paid, waits 777)."""
    fill(version, sites["alpha"], [("yes", "30")] * 5 + [("no", "30")] * 5)
    fill(version, sites["beta"], [("yes", "40")] * 3 + [("no", "40")] * 9)
    fill(version, sites["gamma"], [("yes", SECRET_MEAN)] * 2)
    form = version.form
    Indicator.objects.create(
        project=project,
        form=form,
        title="Asked to pay",
        kind="share",
        field="paid",
        value="yes",
        group_by="site",
        target=Decimal("10"),
        target_direction="at_most",
        is_public=True,
    )
    Indicator.objects.create(
        project=project,
        form=form,
        title="Waiting time",
        kind="mean",
        field="wait",
        group_by="site",
        is_public=True,
    )
    Indicator.objects.create(
        project=project, form=form, title="Team-only indicator", kind="count", group_by="site"
    )
    return project


def publish(project):
    project.is_published = True
    project.save()


def public_url(project):
    return reverse("monitoring:public_dashboard", args=[project.pk])


def public_page(project, client=None):
    response = (client or client_for(None)).get(public_url(project))
    assert response.status_code == 200
    return response.content.decode()


# --- Who sees what -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_dashboard_is_not_found_except_to_the_team(request, project, role):
    response = client_for(user_for(request, role)).get(public_url(project))
    assert response.status_code == (200 if role in TEAM else 404)
    if role in TEAM:
        assert "only the project team can see this page" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_published_dashboard_is_for_everyone(request, project, role):
    publish(project)
    response = client_for(user_for(request, role)).get(public_url(project))
    assert response.status_code == 200
    assert "Preview" not in response.content.decode()


def test_hidden_project_is_not_found_even_when_published(project, coordinator):
    publish(project)
    Project.objects.filter(pk=project.pk).update(hidden_at="2025-01-01T00:00:00Z")
    assert client_for(None).get(public_url(project)).status_code == 404
    assert client_for(coordinator).get(public_url(project)).status_code == 404
    geojson = reverse("monitoring:public_sites_geojson", args=[project.pk])
    assert client_for(None).get(geojson).status_code == 404
    assert (
        "Clinic watch"
        not in client_for(None).get(reverse("monitoring:public_projects")).content.decode()
    )


def test_impossible_ids_are_not_found(client):
    for name in ("public_dashboard", "public_sites_geojson"):
        assert client.get(reverse(f"monitoring:{name}", args=[2**64])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_who_previews(request, project, role):
    url = reverse("monitoring:publish", args=[project.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = (
        LOGIN if role == "anonymous" else 404 if role == "outsider" else
        200 if role in PUBLISHERS else 403
    )  # fmt: skip
    assert_outcome(response, expected, url)
    if expected == 200:
        assert "Preview: this is what the public sees" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_who_publishes(request, project, role):
    url = reverse("monitoring:publish", args=[project.pk])
    response = client_for(user_for(request, role)).post(url, {"action": "publish"})
    project.refresh_from_db()
    assert project.is_published == (role in PUBLISHERS)
    if role == "anonymous":
        assert response.status_code == 302
    elif role == "outsider":
        assert response.status_code == 404
    elif role not in PUBLISHERS:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_who_approves_texts(request, project, role):
    url = reverse("monitoring:public_texts", args=[project.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = (
        LOGIN if role == "anonymous" else 404 if role == "outsider" else
        200 if role in PUBLISHERS else 403
    )  # fmt: skip
    assert_outcome(response, expected, url)


def test_publish_and_unpublish_are_logged(project, coordinator):
    client = client_for(coordinator)
    url = reverse("monitoring:publish", args=[project.pk])
    client.post(url, {"action": "publish"})
    project.refresh_from_db()
    assert project.is_published and project.published_at is not None
    assert client_for(None).get(public_url(project)).status_code == 200
    client.post(url, {"action": "unpublish"})
    project.refresh_from_db()
    assert not project.is_published and project.published_at is None
    assert client_for(None).get(public_url(project)).status_code == 404
    actions = list(AuditLogEntry.objects.values_list("action", flat=True))
    assert "monitoring.publish" in actions and "monitoring.unpublish" in actions


def test_bad_publish_action_is_an_error(project, coordinator):
    url = reverse("monitoring:publish", args=[project.pk])
    response = client_for(coordinator).post(url, {"action": "explode"})
    assert response.status_code == 400
    assert "Choose to publish or to unpublish." in response.content.decode()
    project.refresh_from_db()
    assert not project.is_published


# --- What the public sees ------------------------------------------------------------------


def test_public_sees_published_figures_never_a_small_group(data):
    publish(data)
    page = public_page(data)
    assert "Clinic watch" in page and "Waiting times in Kisumu" in page
    assert "Asked to pay" in page and "Waiting time" in page
    assert "Team-only indicator" not in page
    # Beta is published: 3 of 12 paid (25%), waits 40.
    assert "25%" in page
    # Gamma (2 people) is named as withheld, its figures never shown.
    assert "Gamma clinic" in page
    assert "fewer than 5 respondents, not shown" in page
    assert not shows_secret(page)
    assert ">100%<" not in page
    # The total (10 of 24 paid) against a target of at most 10%.
    assert "42%" in page
    assert "Target: at most 10%." in page and "Not met." in page


def test_coordinates_are_coarse(data):
    publish(data)
    page = public_page(data)
    assert "-0.1, 34.8" in page
    for exact in ("-0.10234", "34.76543", "34.61234", "-0.39912"):
        assert exact not in page


def test_geojson_is_coarse_and_counts_nothing(data):
    publish(data)
    url = reverse("monitoring:public_sites_geojson", args=[data.pk])
    response = client_for(None).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    body = response.content.decode()
    assert not shows_secret(body)
    for exact in ("-0.10234", "34.76543", "0.39912"):
        assert exact not in body
    features = {f["properties"]["name"]: f for f in json.loads(body)["features"]}
    assert features["Alpha clinic"]["geometry"]["coordinates"] == [34.8, -0.1]
    # No counts per site: they are published only through the public indicators.
    assert set(features["Beta clinic"]["properties"]) == {"name", "kind", "area", "country"}


def test_geojson_of_an_unpublished_project_is_not_found(data):
    url = reverse("monitoring:public_sites_geojson", args=[data.pk])
    assert client_for(None).get(url).status_code == 404


def test_preview_shows_the_same_figures_as_the_public(data, coordinator):
    def body(html):
        return html.split('<h1 dir="auto">', 1)[1].split("</main>", 1)[0]

    preview = client_for(coordinator).get(reverse("monitoring:publish", args=[data.pk]))
    preview_html = preview.content.decode()
    assert "Preview: this is what the public sees" in preview_html
    assert not shows_secret(preview_html)
    publish(data)
    assert body(preview_html) == body(public_page(data))


def test_published_projects_list(data, organisation):
    hidden_draft = Project.objects.create(organisation=organisation, title="Draft watch")
    publish(data)
    page = client_for(None).get(reverse("monitoring:public_projects")).content.decode()
    assert "Clinic watch" in page and public_url(data) in page
    assert hidden_draft.title not in page


# --- Barrier reports -----------------------------------------------------------------------


def report(project, country, *, barrier, site=None, area="", **extra):
    return BarrierReport.objects.create(
        project=project,
        barrier=barrier,
        site=site,
        area=area,
        country=country,
        follow_up_hash=f"{BarrierReport.objects.count():064d}",
        **extra,
    )


def test_barrier_patterns_are_suppressed_under_k(project, sites, kenya):
    for _ in range(7):
        report(project, kenya, barrier="stock_out", site=sites["alpha"])
    report(project, kenya, barrier="discrimination", site=sites["gamma"])
    report(project, kenya, barrier="discrimination", area="South")
    report(project, kenya, barrier="cost", area="My village by the river")
    publish(project)
    page = public_page(project)
    assert "Reports by area and by what happened" in page
    assert "10 reports in all." in page
    assert "<td>0</td>" in page  # figures are rendered bare: the checks below mean something
    assert "<td>2</td>" not in page  # South's discrimination: two people
    assert "<td>1</td>" not in page
    assert "My village by the river" not in page  # a typed place is never a row
    assert "Elsewhere or not given" in page


def test_few_barrier_reports_show_no_figure(project, sites, kenya):
    for _ in range(3):
        report(project, kenya, barrier="stock_out", site=sites["alpha"])
    publish(project)
    page = public_page(project)
    assert "Fewer than 5 reports: no figure is shown." in page
    assert "Reports by area" not in page


def test_outcomes_go_to_the_reporter_never_to_the_public_page(project, kenya):
    """ "The reporter may read the outcome" means through the follow-up code, not on the dashboard:
    an outcome can name the person it happened to."""
    report(
        project,
        kenya,
        barrier="informal_payment",
        place="Ward 4 of Kondele",
        description="SECRET-ACCOUNT of what happened",
        contact="call-me-0722000000",
        outcome="The money was paid back after a paralegal's letter.",
        outcome_public=True,
        status="closed",
    )
    report(project, kenya, barrier="cost", outcome="PRIVATE-OUTCOME", outcome_public=False)
    publish(project)
    page = public_page(project)
    for private in (
        "The money was paid back after a paralegal",
        "SECRET-ACCOUNT",
        "call-me-0722000000",
        "Ward 4 of Kondele",
        "PRIVATE-OUTCOME",
    ):
        assert private not in page


# --- Free text -----------------------------------------------------------------------------


@pytest.fixture
def answered(data, version, sites):
    return make(
        version,
        site=sites["beta"],
        status=APPROVED,
        data={"paid": "yes", "wait": "40", "comment": COMMENT, "choice": "very_long_choice_code"},
    )


def test_free_text_is_published_only_after_approval_and_edit(answered, coordinator):
    project = answered.project
    publish(project)
    assert "Mary Atieno" not in public_page(project)

    client = client_for(coordinator)
    url = reverse("monitoring:public_texts", args=[project.pk])
    page = client.get(url).content.decode()
    assert "Mary Atieno" in page  # a candidate for the reviewer
    assert "very_long_choice_code" not in page  # a code, not free text

    edited = "The nurse asked me for money at the desk"
    response = client.post(
        url, {"source": "answer", "submission": answered.pk, "field": "comment", "text": edited}
    )
    assert response.status_code == 302
    public = public_page(project)
    assert edited in public and "Mary Atieno" not in public
    item = PublicText.objects.get()
    assert AuditLogEntry.objects.filter(action="monitoring.public_text_approve").exists()

    # No longer a candidate; listed as published, and "unpublish" removes it.
    page = client.get(url).content.decode()
    assert "Mary Atieno" not in page and edited in page
    delete = reverse("monitoring:public_text_delete", args=[project.pk, item.pk])
    assert client.post(delete).status_code == 302
    assert edited not in public_page(project)
    assert not PublicText.objects.exists()
    assert AuditLogEntry.objects.filter(action="monitoring.public_text_unpublish").exists()


def test_text_of_a_rejected_submission_leaves_the_public_page(answered, coordinator):
    project = answered.project
    publish(project)
    client_for(coordinator).post(
        reverse("monitoring:public_texts", args=[project.pk]),
        {"source": "answer", "submission": answered.pk, "field": "comment", "text": COMMENT},
    )
    assert "Mary Atieno" in public_page(project)
    answered.status = Submission.Status.REJECTED
    answered.save()
    assert "Mary Atieno" not in public_page(project)


def test_barrier_account_is_approved_word_for_word(project, kenya, coordinator):
    barrier = report(
        project,
        kenya,
        barrier="disrespect",
        description="They shouted at me in front of everyone",
        contact="call-me-0722000000",
    )
    publish(project)
    assert "They shouted" not in public_page(project)
    url = reverse("monitoring:public_texts", args=[project.pk])
    client = client_for(coordinator)
    assert "They shouted at me" in client.get(url).content.decode()
    client.post(url, {"source": "barrier", "barrier": barrier.pk, "text": barrier.description})
    page = public_page(project)
    assert "They shouted at me in front of everyone" in page
    assert "call-me-0722000000" not in page


@pytest.mark.parametrize(
    "values, message",
    [
        ({"source": "answer", "submission": 99999, "field": "comment", "text": "x"}, "not in"),
        ({"source": "answer", "field": "choice", "text": "x"}, "no free-text answer"),
        ({"source": "answer", "field": "comment", "text": "   "}, "cannot be empty"),
        ({"source": "barrier", "barrier": 999999, "text": "x"}, "no account to publish"),
        ({"source": "gossip", "text": "x"}, "Unknown source"),
        ({"source": "answer", "field": "comment", "text": "x" * 2001}, "at most 2000 characters"),
    ],
)  # fmt: skip
def test_bad_approvals_store_nothing(answered, coordinator, values, message):
    values = {"submission": answered.pk, **values}
    url = reverse("monitoring:public_texts", args=[answered.project.pk])
    response = client_for(coordinator).post(url, values)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PublicText.objects.exists()


def test_unapproved_submission_text_cannot_be_published(data, version, coordinator):
    pending = make(version, data={"comment": COMMENT})
    url = reverse("monitoring:public_texts", args=[data.pk])
    client = client_for(coordinator)
    assert "Mary Atieno" not in client.get(url).content.decode()
    response = client.post(
        url, {"source": "answer", "submission": pending.pk, "field": "comment", "text": COMMENT}
    )
    assert response.status_code == 400
    assert not PublicText.objects.exists()


def test_analyst_cannot_approve_or_unpublish(answered, analyst):
    project = answered.project
    item = PublicText.objects.create(
        project=project, submission=answered, field="comment", text="Approved words"
    )
    client = client_for(analyst)
    url = reverse("monitoring:public_texts", args=[project.pk])
    post = {"source": "answer", "submission": answered.pk, "field": "comment", "text": "x"}
    assert client.post(url, post).status_code == 403
    delete = reverse("monitoring:public_text_delete", args=[project.pk, item.pk])
    assert client.post(delete).status_code == 403
    assert PublicText.objects.count() == 1


def test_text_of_another_project_is_not_found(answered, coordinator, organisation):
    other = Project.objects.create(organisation=organisation, title="Other")
    on_team_other = on_team(other, "coordinator")
    item = PublicText.objects.create(
        project=answered.project, submission=answered, field="comment", text="Approved words"
    )
    delete = reverse("monitoring:public_text_delete", args=[other.pk, item.pk])
    assert client_for(on_team_other).post(delete).status_code == 404
    assert PublicText.objects.count() == 1


# --- Scorecards ----------------------------------------------------------------------------


@pytest.fixture
def linked(data, organisation):
    library = IndicatorFactory(text="Patients are not asked for informal payments")
    Indicator.objects.filter(project=data, title="Asked to pay").update(scorecard_indicator=library)
    scorecard = ScorecardFactory(organisation=organisation, country_id="KE")
    add_item(scorecard, indicator=library)
    return scorecard


def scorecard_page(scorecard):
    response = client_for(None).get(reverse("commitments:scorecard", args=[scorecard.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_scorecard_shows_the_published_figure(linked, data):
    publish(data)
    page = scorecard_page(linked)
    assert "Community monitoring:" in page
    assert "Clinic watch" in page and "42%" in page and "24 respondents" in page
    assert public_url(data) in page


def test_scorecard_shows_nothing_while_unpublished(linked, data):
    page = scorecard_page(linked)
    assert "Community monitoring:" not in page and "Clinic watch" not in page


def test_scorecard_shows_nothing_for_a_private_indicator(linked, data):
    Indicator.objects.filter(project=data).update(is_public=False)
    publish(data)
    assert "Community monitoring:" not in scorecard_page(linked)


def test_scorecard_of_another_country_shows_nothing(data, organisation):
    library = IndicatorFactory()
    Indicator.objects.filter(project=data, title="Asked to pay").update(scorecard_indicator=library)
    scorecard = ScorecardFactory(organisation=organisation, country_id="UG")
    add_item(scorecard, indicator=library)
    publish(data)
    assert "Community monitoring:" not in scorecard_page(scorecard)


def test_scorecard_withholds_a_small_total(linked, data):
    Submission.objects.filter(project=data).exclude(site__name="Gamma clinic").delete()
    publish(data)
    assert "Community monitoring:" not in scorecard_page(linked)
