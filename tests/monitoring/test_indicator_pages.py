"""Indicator pages: the list, defining, changing and deleting an indicator (issue 7)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sauti.commitments.models import Indicator as ScorecardIndicator
from sauti.core.models import AuditLogEntry, Country
from sauti.monitoring import indicators
from sauti.monitoring.forms_indicators import question_paths
from sauti.monitoring.models import Form, FormVersion, Indicator, Project, Site, Submission
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .test_review import make

pytestmark = pytest.mark.django_db

K = 5
ROLES = ["anonymous", "outsider", "org_admin", "coordinator", "analyst", "monitor", "viewer"]
READERS = {"org_admin", "coordinator", "analyst", "monitor", "viewer"}
DEFINERS = {"coordinator", "analyst"}
HUGE = 2**70

FORM_XML = (
    '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" '
    'xmlns:jr="http://openrosa.org/javarosa">'
    "<h:head><h:title>Exit interview</h:title><model>"
    '<instance><data id="exit" version="1"><paid/><wait/><care><respect/></care><photo/>'
    "<visit jr:template=''><reason/></visit><meta><instanceID/></meta></data></instance>"
    '<instance id="lists"><root><item/></root></instance>'
    '<bind nodeset="/data/paid" type="string"/><bind nodeset="/data/wait" type="int"/>'
    '<bind nodeset="/data/photo" type="binary"/>'
    "</model></h:head><h:body>"
    '<repeat nodeset="/data/visit"><input ref="/data/visit/reason"/></repeat>'
    "</h:body></h:html>"
)


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch", min_group_size=K)


@pytest.fixture
def form(project):
    return Form.objects.create(project=project, form_id="exit", title="Exit interview")


@pytest.fixture
def version(form):
    return FormVersion.objects.create(
        form=form, version="1", xml=FORM_XML, md5="md5:0", validation="passed"
    )


@pytest.fixture
def site(project):
    country = Country.objects.first() or Country.objects.create(code="KE", name="Kenya")
    return Site.objects.create(project=project, name="Alpha clinic", area="North", country=country)


@pytest.fixture
def existing(project, form, version):
    return Indicator.objects.create(
        project=project, form=form, title="Waiting time", kind="mean", field="wait"
    )


def post_data(chosen, **overrides):
    data = {
        "title": "Asked to pay",
        "form": str(chosen.pk),
        "kind": "share",
        "field": "paid",
        "value": "yes",
        "group_by": "site",
        "target": "",
        "target_direction": "at_most",
        "scorecard_indicator": "",
        "order": "0",
    }
    data.update(overrides)
    return data


def test_question_paths_leave_out_meta_repeats_and_attachments():
    assert question_paths(FORM_XML) == ["paid", "wait", "care/respect"]


def test_question_paths_of_unreadable_xml_are_none():
    assert question_paths("<x") == []
    assert question_paths('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>') == []


# --- Who may -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_list(request, project, existing, role):
    url = reverse("monitoring:indicators", args=[project.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = LOGIN if role == "anonymous" else 200 if role in READERS else 404
    assert_outcome(response, expected, url)
    if expected == 200:
        page = response.content.decode()
        assert "Waiting time" in page
        edit = reverse("monitoring:indicator_edit", args=[project.pk, existing.pk])
        assert (edit in page) == (role in DEFINERS)


@pytest.mark.parametrize("name", ["indicator_add", "indicator_edit", "indicator_delete"])
@pytest.mark.parametrize("role", ROLES)
def test_who_may_define(request, project, existing, role, name):
    args = [project.pk] if name == "indicator_add" else [project.pk, existing.pk]
    url = reverse(f"monitoring:{name}", args=args)
    response = client_for(user_for(request, role)).get(url)
    expected = (
        LOGIN
        if role == "anonymous"
        else 200
        if role in DEFINERS
        else 403
        if role in READERS
        else 404
    )
    assert_outcome(response, expected, url)


@pytest.mark.parametrize("role", ["monitor", "viewer", "org_admin", "outsider"])
def test_others_cannot_post(request, project, form, version, existing, role):
    client = client_for(user_for(request, role))
    client.post(reverse("monitoring:indicator_add", args=[project.pk]), post_data(form))
    client.post(reverse("monitoring:indicator_delete", args=[project.pk, existing.pk]))
    assert list(Indicator.objects.values_list("title", flat=True)) == ["Waiting time"]


# --- Defining -----------------------------------------------------------------------------


def test_the_form_offers_the_questions_of_the_form(project, version, analyst):
    page = client_for(analyst).get(reverse("monitoring:indicator_add", args=[project.pk]))
    html = page.content.decode()
    assert '<option value="care/respect">care/respect</option>' in html
    assert '<optgroup label="Exit interview">' in html
    assert "photo" not in html and "visit/reason" not in html and "instanceID" not in html


def test_without_forms_the_page_says_to_upload_one(project, coordinator):
    page = client_for(coordinator).get(reverse("monitoring:indicator_add", args=[project.pk]))
    assert "This project has no forms yet" in page.content.decode()


def test_define_a_share_builds_its_figures(project, form, version, site, analyst):
    for answer in ["yes"] * 3 + ["no"] * 3:
        make(version, site=site, status=Submission.Status.APPROVED, data={"paid": answer})
    scorecard = ScorecardIndicator.objects.create(code="no-payment", text="No informal payment")
    url = reverse("monitoring:indicator_add", args=[project.pk])
    client = client_for(analyst)
    response = client.post(url, post_data(form, target="20", scorecard_indicator=str(scorecard.pk)))
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:indicators", args=[project.pk])
    indicator = Indicator.objects.get()
    assert (indicator.project, indicator.created_by, indicator.scorecard_indicator) == (
        project,
        analyst,
        scorecard,
    )
    assert indicator.cells_built_at is not None and indicator.cells.exists()
    result = indicators.compute(indicator, k=K)
    assert result.groups[0].value == 0.5
    entry = AuditLogEntry.objects.get(action="monitoring.indicator_create")
    assert entry.actor == analyst and entry.target_id == str(indicator.pk)
    page = client.get(response["Location"]).content.decode()
    assert "The indicator is saved." in page and "Asked to pay" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"value": ""}, "A share needs the answer it counts."),
        ({"kind": "mean", "field": ""}, "A share or a mean needs the question"),
        ({"field": "nowhere"}, "“nowhere” is not a question of the form"),
        ({"target": "150"}, "The target of a share is a percentage, 0 to 100."),
        ({"kind": "ratio"}, "Select a valid choice."),
        ({"form": str(HUGE)}, "Select a valid choice."),
        ({"scorecard_indicator": "-1"}, "Select a valid choice."),
        ({"title": ""}, "This field is required."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(
    project, form, version, coordinator, overrides, message
):
    url = reverse("monitoring:indicator_add", args=[project.pk])
    response = client_for(coordinator).post(url, post_data(form, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Indicator.objects.exists()
    assert not AuditLogEntry.objects.filter(action__startswith="monitoring.indicator").exists()


def test_a_form_of_another_project_is_refused(organisation, project, version, coordinator):
    other = Project.objects.create(organisation=organisation, title="Other watch")
    foreign = Form.objects.create(project=other, form_id="exit", title="Their exit interview")
    url = reverse("monitoring:indicator_add", args=[project.pk])
    response = client_for(coordinator).post(url, post_data(foreign))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert "Their exit interview" not in response.content.decode()
    assert not Indicator.objects.exists()


def test_impossible_or_foreign_ids_are_not_found(organisation, project, existing, coordinator):
    other = Project.objects.create(organisation=organisation, title="Other watch")
    on_team_elsewhere = Form.objects.create(project=other, form_id="x", title="X")
    theirs = Indicator.objects.create(
        project=other, form=on_team_elsewhere, title="T", kind="count"
    )
    client = client_for(coordinator)
    for name in ["indicator_edit", "indicator_delete"]:
        for pk in [HUGE, 0, theirs.pk]:
            assert (
                client.get(reverse(f"monitoring:{name}", args=[project.pk, pk])).status_code == 404
            )
    assert client.get(reverse("monitoring:indicators", args=[HUGE])).status_code == 404


def test_edit_rebuilds_and_logs(project, form, version, site, existing, coordinator):
    for wait in ["10", "20", "30", "40", "50"]:
        make(version, site=site, status=Submission.Status.APPROVED, data={"wait": wait})
    existing.cells_built_at = None
    existing.save()
    url = reverse("monitoring:indicator_edit", args=[project.pk, existing.pk])
    client = client_for(coordinator)
    page = client.get(url).content.decode()
    assert 'value="Waiting time"' in page and '<option value="wait" selected>' in page
    response = client.post(
        url, post_data(form, title="Waiting time (minutes)", kind="mean", field="wait", value="")
    )
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.title == "Waiting time (minutes)"
    assert existing.cells_built_at is not None
    assert indicators.compute(existing, k=K).groups[0].value == 30
    assert AuditLogEntry.objects.filter(
        action="monitoring.indicator_update", target_id=str(existing.pk)
    ).exists()


def test_a_removed_question_stays_choosable_when_editing(project, form, version, coordinator):
    item = Indicator.objects.create(
        project=project, form=form, title="Old", kind="count", field="gone/question"
    )
    url = reverse("monitoring:indicator_edit", args=[project.pk, item.pk])
    client = client_for(coordinator)
    assert "(not in the current version)" in client.get(url).content.decode()
    response = client.post(url, post_data(form, title="Old", kind="count", field="gone/question"))
    assert response.status_code == 302


def test_delete_asks_first_then_deletes(project, existing, coordinator):
    url = reverse("monitoring:indicator_delete", args=[project.pk, existing.pk])
    client = client_for(coordinator)
    page = client.get(url).content.decode()
    assert "Delete the indicator “<bdi>Waiting time</bdi>”?" in page
    assert Indicator.objects.exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not Indicator.objects.exists()
    entry = AuditLogEntry.objects.get(action="monitoring.indicator_delete")
    assert entry.data["title"] == "Waiting time" and entry.target_id == str(project.pk)


def test_an_analyst_cannot_put_an_indicator_before_the_public(project, analyst, form, version):
    """Defining is the analyst's work; publishing stays the coordinator's decision."""
    url = reverse("monitoring:indicator_add", args=[project.pk])
    response = client_for(analyst).post(
        url,
        {
            "title": "Respected",
            "form": form.pk,
            "kind": "count",
            "group_by": "site",
            "target_direction": "at_least",
            "is_public": "on",
            "order": 0,
        },
    )
    assert response.status_code == 302
    assert Indicator.objects.get(title="Respected").is_public is False
