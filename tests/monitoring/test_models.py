"""The monitoring models' own guarantees, which no service may bypass."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from sauti.monitoring.models import Form, FormVersion, Project, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


@pytest.fixture
def version(project):
    form = Form.objects.create(project=project, form_id="exit_interview", title="Exit interview")
    return FormVersion.objects.create(
        form=form, version="1", xml="<h:html/>", md5="md5:0", validation="passed"
    )


def test_no_project_publishes_groups_under_five(project):
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(min_group_size=4)
    project.refresh_from_db()
    assert project.min_group_size == 10


def test_one_submission_per_instance_id(project, version):
    Submission.objects.create(
        project=project, form_version=version, instance_id="uuid:1", xml="<a/>", xml_sha256="x"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(
            project=project, form_version=version, instance_id="uuid:1", xml="<b/>", xml_sha256="y"
        )
    assert Submission.objects.count() == 1


def test_one_current_version_per_form(version):
    with pytest.raises(IntegrityError), transaction.atomic():
        FormVersion.objects.create(
            form=version.form, version="2", xml="<h:html/>", md5="md5:1", validation="passed"
        )
