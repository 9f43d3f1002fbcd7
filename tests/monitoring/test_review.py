"""Coordinators review submissions: the data table, its filters, review actions (issue 7)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sauti.core.models import AuditLogEntry, Country
from sauti.monitoring.models import Form, FormVersion, Project, Site, Submission
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .test_openrosa import FORM_XML

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "outsider", "org_admin", "coordinator", "analyst", "monitor", "viewer",
]  # fmt: skip
READERS = {"coordinator", "analyst"}
REVIEWERS = {"coordinator"}


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


@pytest.fixture
def version(project):
    form = Form.objects.create(project=project, form_id="exit_interview", title="Exit interview")
    return FormVersion.objects.create(
        form=form, version="1", xml=FORM_XML, md5="md5:0", validation="passed"
    )


@pytest.fixture
def site(project):
    country = Country.objects.first() or Country.objects.create(code="KE", name="Kenya")
    return Site.objects.create(project=project, name="Kisumu clinic", country=country)


_counter = iter(range(10**6))


def make(version, *, site=None, status=Submission.Status.NEW, data=None, **extra):
    number = next(_counter)
    return Submission.objects.create(
        project=version.form.project,
        form_version=version,
        site=site,
        instance_id=f"uuid:{number}",
        xml="<data/>",
        xml_sha256="0" * 64,
        data=data if data is not None else {"wait": "45", "visits": [{"a": 1}, {"a": 2}]},
        status=status,
        **extra,
    )


@pytest.fixture
def submission(version):
    return make(version)


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_table(request, project, submission, role):
    url = reverse("monitoring:submissions", args=[project.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = (
        LOGIN
        if role == "anonymous"
        else 200
        if role in READERS
        else 404
        if role == "outsider"
        else 403
    )
    assert_outcome(response, expected, url)


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_a_submission(request, project, submission, role):
    url = reverse("monitoring:submission", args=[project.pk, submission.pk])
    response = client_for(user_for(request, role)).get(url)
    expected = (
        LOGIN
        if role == "anonymous"
        else 200
        if role in READERS
        else 404
        if role == "outsider"
        else 403
    )
    assert_outcome(response, expected, url)


@pytest.mark.parametrize("role", ROLES)
def test_who_reviews(request, project, submission, role):
    url = reverse("monitoring:submission_review", args=[project.pk, submission.pk])
    response = client_for(user_for(request, role)).post(url, {"action": "approve"})
    if role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (
            302 if role in REVIEWERS else 404 if role == "outsider" else 403
        )
    submission.refresh_from_db()
    expected = Submission.Status.APPROVED if role in REVIEWERS else Submission.Status.NEW
    assert submission.status == expected


@pytest.mark.parametrize("role", ROLES)
def test_who_bulk_approves(request, project, submission, role):
    url = reverse("monitoring:submissions_approve", args=[project.pk])
    response = client_for(user_for(request, role)).post(url, {"ids": [submission.pk]})
    if role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (
            302 if role in REVIEWERS else 404 if role == "outsider" else 403
        )
    submission.refresh_from_db()
    expected = Submission.Status.APPROVED if role in REVIEWERS else Submission.Status.NEW
    assert submission.status == expected


def test_table_shows_columns_and_repeat_counts(project, version, coordinator):
    make(version, data={"wait": "45", "visits": [{"a": 1}, {"a": 2}, {"a": 3}]})
    url = reverse("monitoring:submissions", args=[project.pk])
    page = client_for(coordinator).get(url, {"form": version.form.pk}).content.decode()
    assert '<code dir="ltr">wait</code>' in page
    assert '<code dir="ltr">visits</code>' in page
    assert "3 entries" in page


def test_only_current_submissions_newest_first(project, version, coordinator):
    old = make(version, data={"wait": "old-one"}, is_current=False)
    make(version, data={"wait": "earlier"}, received_at=timezone.now() - dt.timedelta(days=1))
    make(version, data={"wait": "later"}, replaces=old)
    url = reverse("monitoring:submissions", args=[project.pk])
    page = client_for(coordinator).get(url, {"form": version.form.pk}).content.decode()
    assert "old-one" not in page
    assert page.index("later") < page.index("earlier")


def test_filters(project, version, site, coordinator):
    make(version, data={"wait": "at-site"}, site=site)
    make(version, data={"wait": "flagged-one"}, status=Submission.Status.FLAGGED)
    make(
        version,
        data={"wait": "long-ago"},
        received_at=dt.datetime(2024, 1, 5, 12, tzinfo=dt.UTC),
    )
    client = client_for(coordinator)
    url = reverse("monitoring:submissions", args=[project.pk])
    form = version.form.pk

    page = client.get(url, {"form": form, "site": site.pk}).content.decode()
    assert "at-site" in page and "flagged-one" not in page

    page = client.get(url, {"form": form, "status": "flagged"}).content.decode()
    assert "flagged-one" in page and "at-site" not in page

    page = client.get(url, {"form": form, "received_to": "2024-01-31"}).content.decode()
    assert "long-ago" in page and "at-site" not in page

    page = client.get(url, {"form": form, "received_from": "2024-02-01"}).content.decode()
    assert "long-ago" not in page and "at-site" in page


def test_bad_filter_is_an_error(project, version, coordinator):
    make(version, data={"wait": "anything"})
    url = reverse("monitoring:submissions", args=[project.pk])
    response = client_for(coordinator).get(
        url, {"received_from": "2025-02-01", "received_to": "2025-01-01"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "must not be after" in page
    assert "No submission matches" in page


@pytest.mark.parametrize("action", ["reject", "flag"])
def test_reject_or_flag_without_note_is_refused(project, submission, coordinator, action):
    url = reverse("monitoring:submission_review", args=[project.pk, submission.pk])
    response = client_for(coordinator).post(url, {"action": action, "note": "  "})
    assert response.status_code == 400
    assert "Write a note" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.NEW
    assert submission.review_note == ""
    assert not AuditLogEntry.objects.filter(action__startswith="monitoring.submission").exists()


def test_reject_with_note_is_logged(project, submission, coordinator):
    url = reverse("monitoring:submission_review", args=[project.pk, submission.pk])
    response = client_for(coordinator).post(url, {"action": "reject", "note": "Wrong clinic"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED
    assert submission.review_note == "Wrong clinic"
    entry = AuditLogEntry.objects.get(action="monitoring.submission_reject")
    assert entry.actor == coordinator


def test_bulk_approve_leaves_flagged_and_other_projects(
    project, version, coordinator, organisation
):
    new = make(version)
    flagged = make(version, status=Submission.Status.FLAGGED)
    other_project = Project.objects.create(organisation=organisation, title="Other")
    other_form = Form.objects.create(project=other_project, form_id="x", title="X")
    other = make(
        FormVersion.objects.create(
            form=other_form, version="1", xml=FORM_XML, md5="md5:0", validation="passed"
        )
    )
    url = reverse("monitoring:submissions_approve", args=[project.pk])
    client_for(coordinator).post(url, {"ids": [new.pk, flagged.pk, other.pk], "status": "new"})
    statuses = {s.pk: s.status for s in Submission.objects.all()}
    assert statuses == {new.pk: "approved", flagged.pk: "flagged", other.pk: "new"}
    assert AuditLogEntry.objects.filter(action="monitoring.submissions_bulk_approve").count() == 1


def test_detail_shows_answers_and_history(project, version, coordinator):
    first = make(version, data={"wait": "first-answer"}, is_current=False)
    second = make(version, data={"wait": "second-answer"}, replaces=first)
    page = (
        client_for(coordinator)
        .get(reverse("monitoring:submission", args=[project.pk, first.pk]))
        .content.decode()
    )
    assert "first-answer" in page
    assert reverse("monitoring:submission", args=[project.pk, second.pk]) in page


def test_other_projects_submission_is_not_found(project, organisation, coordinator):
    other_project = Project.objects.create(organisation=organisation, title="Other")
    other_form = Form.objects.create(project=other_project, form_id="x", title="X")
    other = make(
        FormVersion.objects.create(
            form=other_form, version="1", xml=FORM_XML, md5="md5:0", validation="passed"
        )
    )
    url = reverse("monitoring:submission", args=[project.pk, other.pk])
    assert client_for(coordinator).get(url).status_code == 404


def test_query_count_does_not_grow_with_rows(
    project, version, site, coordinator, django_assert_max_num_queries
):
    client = client_for(coordinator)
    url = reverse("monitoring:submissions", args=[project.pk])
    make(version, site=site)
    client.get(url)  # warm caches (session, permissions)
    with CaptureQueriesContext(connection) as one_row:
        assert client.get(url, {"form": version.form.pk}).status_code == 200
    for _ in range(49):
        make(version, site=site)
    with django_assert_max_num_queries(len(one_row)):
        response = client.get(url, {"form": version.form.pk})
    assert response.status_code == 200
    assert response.content.decode().count("2 entries") == 50
