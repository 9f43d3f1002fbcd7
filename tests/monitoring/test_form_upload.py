"""Uploading XLSForms to a monitoring project: versions, problems, permissions (issue 7).

Workbooks are built with openpyxl (see ``test_xlsform.py``); ODK Validate runs
when Java is installed, except where a test takes Java away.
"""

from __future__ import annotations

import shutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sauti.core.models import AuditLogEntry
from sauti.monitoring import xlsform
from sauti.monitoring.models import Form, FormVersion, Project, TeamMember
from tests.conftest import client_for
from tests.permissions import LOGIN, assert_outcome, user_for

from .test_xlsform import CHOICES, SURVEY, good, workbook

HAS_JAVA = shutil.which("java") is not None
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def settings_sheet(version: str, form_id: str = "clinic_queue", title: str = "Clinic queue"):
    return [["form_id", "version", "form_title"], [form_id, version, title]]


def xlsx(version: str = "2025060101", **overrides) -> bytes:
    return workbook(good(settings=settings_sheet(version), **overrides))


def upload(client, project, data: bytes, name: str = "clinic.xlsx"):
    return client.post(
        reverse("monitoring:form_upload", args=[project.pk]),
        {"file": SimpleUploadedFile(name, data, content_type=XLSX)},
    )


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


@pytest.fixture
def no_java(monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(
        xlsform.shutil,
        "which",
        lambda cmd, *a, **k: None if cmd == "java" else real_which(cmd, *a, **k),
    )


@pytest.fixture
def coordinator_client(coordinator):
    return client_for(coordinator)


def stored_nothing():
    return not Form.objects.exists() and not FormVersion.objects.exists()


# -- uploading -------------------------------------------------------------


def test_a_good_form_becomes_version_one(project, coordinator, coordinator_client):
    data = xlsx()
    response = upload(coordinator_client, project, data)
    form = Form.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:form", args=[project.pk, form.pk])
    assert (form.form_id, form.title, form.project) == ("clinic_queue", "Clinic queue", project)
    version = form.versions.get()
    assert version.is_current and version.version == "2025060101"
    assert version.md5 == xlsform.md5_of(version.xml)
    assert 'id="clinic_queue"' in version.xml
    assert version.uploaded_by == coordinator
    assert version.xlsform.read() == data
    expected = FormVersion.Validation.PASSED if HAS_JAVA else FormVersion.Validation.NOT_RUN
    assert version.validation == expected
    assert AuditLogEntry.objects.filter(action="monitoring.form_upload").count() == 1

    page = coordinator_client.get(response["Location"]).content.decode()
    assert "2025060101" in page and "Clinic queue" in page
    listing = coordinator_client.get(reverse("monitoring:forms", args=[project.pk]))
    assert "clinic_queue" in listing.content.decode()


def test_a_new_version_becomes_current_and_the_old_one_stays(project, coordinator_client, no_java):
    first_bytes = xlsx("2025060101")
    upload(coordinator_client, project, first_bytes)
    response = upload(coordinator_client, project, xlsx("2025060102"))
    assert response.status_code == 302
    form = Form.objects.get()
    v2, v1 = form.versions.order_by("-id")
    assert (v2.version, v2.is_current) == ("2025060102", True)
    assert (v1.version, v1.is_current) == ("2025060101", False)

    old = coordinator_client.get(
        reverse("monitoring:form_xlsform", args=[project.pk, form.pk, v1.pk])
    )
    assert old.status_code == 200
    assert b"".join(old.streaming_content) == first_bytes
    assert "attachment" in old["Content-Disposition"]
    xml = coordinator_client.get(reverse("monitoring:form_xml", args=[project.pk, form.pk, v1.pk]))
    assert xml.status_code == 200
    assert xml.content.decode() == v1.xml
    assert 'version="2025060101"' in v1.xml


def test_a_new_title_renames_the_form(project, coordinator_client, no_java):
    upload(coordinator_client, project, xlsx("1"))
    renamed = workbook(good(settings=settings_sheet("2", title="Queue at the clinic")))
    upload(coordinator_client, project, renamed)
    assert Form.objects.get().title == "Queue at the clinic"


def test_the_same_version_twice_is_refused(project, coordinator_client, no_java):
    upload(coordinator_client, project, xlsx("2025060101"))
    changed = workbook(
        good(settings=settings_sheet("2025060101"), survey=[*SURVEY, ["text", "more", "More"]])
    )
    response = upload(coordinator_client, project, changed)
    assert response.status_code == 200
    assert "change the version in the settings sheet" in response.content.decode().lower()
    assert FormVersion.objects.count() == 1
    assert "/data/more" not in FormVersion.objects.get().xml


def test_a_form_without_a_version_is_refused(project, coordinator_client, no_java):
    data = workbook(good(settings=[["form_id", "form_title"], ["clinic_queue", "Clinic"]]))
    response = upload(coordinator_client, project, data)
    assert response.status_code == 200
    assert "No version is set on the settings sheet" in response.content.decode()
    assert stored_nothing()


def test_a_version_with_a_slash_is_refused(project, coordinator_client, no_java):
    response = upload(coordinator_client, project, xlsx("2025/06/01"))
    assert "without “/”" in response.content.decode()
    assert stored_nothing()


def test_a_missing_survey_sheet_is_shown_with_the_sheet_named(project, coordinator_client):
    data = workbook({"choices": CHOICES, "settings": settings_sheet("1")})
    response = upload(coordinator_client, project, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<table class="problems">' in page
    # xlsform names the missing sheet in the message (there is no row to point at).
    assert "no sheet named “survey”" in page
    assert "The form was not stored" in page
    assert stored_nothing()


def test_a_wrong_reference_is_shown_with_its_row(project, coordinator_client):
    survey = [
        ["type", "name", "label", "relevant"],
        ["integer", "age", "Age", ""],
        ["text", "why", "Why?", "${agee} > 5"],
    ]
    response = upload(coordinator_client, project, workbook(good(survey=survey)))
    page = response.content.decode()
    assert "<td>3</td>" in page
    assert "agee" in page
    assert stored_nothing()


def test_without_java_the_form_is_stored_not_checked(project, coordinator_client, no_java):
    response = upload(coordinator_client, project, xlsx())
    version = FormVersion.objects.get()
    assert version.validation == FormVersion.Validation.NOT_RUN
    assert any("Java is not installed" in w["message"] for w in version.warnings)
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "Not checked" in page
    assert "Java is not installed" in page
    listing = coordinator_client.get(reverse("monitoring:forms", args=[project.pk]))
    assert "Not checked" in listing.content.decode()


def test_a_file_over_the_limit_is_refused_before_conversion(
    project, coordinator_client, settings, monkeypatch
):
    settings.SAUTI_XLSFORM_MAX_BYTES = 1000

    def never(*args, **kwargs):
        raise AssertionError("the file should not be converted")

    monkeypatch.setattr(xlsform, "convert", never)
    response = upload(coordinator_client, project, xlsx())
    assert response.status_code == 200
    assert "the largest form accepted is" in response.content.decode()
    assert stored_nothing()


def test_a_huge_body_is_refused_from_its_length(project, coordinator_client, settings):
    settings.SAUTI_XLSFORM_MAX_BYTES = 1000
    response = upload(coordinator_client, project, b"PK" + b"\0" * 200_000)
    assert response.status_code == 200
    assert "the largest form accepted is 1000" in response.content.decode()
    assert stored_nothing()


def test_a_csv_is_refused_with_a_plain_explanation(project, coordinator_client):
    response = upload(coordinator_client, project, b"type,name\ntext,a\n", name="form.xlsx")
    assert "save it as" in response.content.decode()
    assert stored_nothing()


def test_a_form_id_is_per_project(organisation, project, coordinator_client, no_java):
    other = Project.objects.create(organisation=organisation, title="Other")
    Form.objects.create(project=other, form_id="clinic_queue", title="Elsewhere")
    upload(coordinator_client, project, xlsx())
    assert Form.objects.filter(project=project).count() == 1
    assert Form.objects.get(project=other).versions.count() == 0


def test_close_and_reopen(project, coordinator_client, no_java):
    upload(coordinator_client, project, xlsx())
    form = Form.objects.get()
    url = reverse("monitoring:form_state", args=[project.pk, form.pk])
    assert coordinator_client.post(url, {"open": "0"}).status_code == 302
    form.refresh_from_db()
    assert not form.is_open
    assert AuditLogEntry.objects.filter(action="monitoring.form_close").exists()
    assert coordinator_client.post(url, {"open": "1"}).status_code == 302
    form.refresh_from_db()
    assert form.is_open
    assert coordinator_client.get(url).status_code == 405


def test_a_version_of_another_project_is_404(organisation, project, coordinator_client, no_java):
    upload(coordinator_client, project, xlsx())
    form = Form.objects.get()
    version = form.versions.get()
    other = Project.objects.create(organisation=organisation, title="Other")
    TeamMember.objects.create(
        project=other,
        user=TeamMember.objects.get(project=project).user,
        role=TeamMember.Role.COORDINATOR,
    )
    url = reverse("monitoring:form_xml", args=[other.pk, form.pk, version.pk])
    assert coordinator_client.get(url).status_code == 404


# -- permissions -----------------------------------------------------------

PERMISSION_ROLES = [
    "anonymous",
    "outsider",
    "member",
    "org_admin",
    "coordinator",
    "monitor",
    "analyst",
    "viewer",
]
# Not on the team: the project does not exist for them (404), as everywhere in monitoring.
VIEWS = {"anonymous": LOGIN, "outsider": 404, "member": 404}
VIEW_PROJECT = {**VIEWS, "org_admin": 200, "coordinator": 200, "monitor": 200}
VIEW_PROJECT |= {"analyst": 200, "viewer": 200}
MANAGE = {**VIEWS, "org_admin": 200, "coordinator": 200, "monitor": 403}
MANAGE |= {"analyst": 403, "viewer": 403}


@pytest.fixture
def stored(project):
    form = Form.objects.create(project=project, form_id="clinic_queue", title="Clinic queue")
    version = FormVersion.objects.create(
        form=form,
        version="1",
        xml="<h:html/>",
        md5="md5:0",
        validation=FormVersion.Validation.NOT_RUN,
        xlsform=SimpleUploadedFile("x.xlsx", b"PK"),
    )
    return form, version


@pytest.mark.parametrize("role", PERMISSION_ROLES)
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("forms", VIEW_PROJECT),
        ("form_upload", MANAGE),
        ("form", MANAGE),
        ("form_xlsform", MANAGE),
        ("form_xml", MANAGE),
    ],
)
def test_who_may_get(request, project, stored, role, name, expected):
    form, version = stored
    args = {
        "forms": [project.pk],
        "form_upload": [project.pk],
        "form": [project.pk, form.pk],
        "form_xlsform": [project.pk, form.pk, version.pk],
        "form_xml": [project.pk, form.pk, version.pk],
    }[name]
    url = reverse(f"monitoring:{name}", args=args)
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, expected[role], url)


@pytest.mark.parametrize("role", PERMISSION_ROLES)
def test_who_may_upload(request, project, role, no_java):
    url = reverse("monitoring:form_upload", args=[project.pk])
    response = upload(client_for(user_for(request, role)), project, xlsx())
    expected = {**MANAGE, "org_admin": 302, "coordinator": 302}[role]
    assert_outcome(response, expected, url)
    assert FormVersion.objects.exists() == (expected == 302)


@pytest.mark.parametrize("role", PERMISSION_ROLES)
def test_who_may_close(request, project, stored, role):
    form, _version = stored
    url = reverse("monitoring:form_state", args=[project.pk, form.pk])
    response = client_for(user_for(request, role)).post(url, {"open": "0"})
    expected = {**MANAGE, "org_admin": 302, "coordinator": 302}[role]
    assert_outcome(response, expected, url)
    form.refresh_from_db()
    assert form.is_open == (expected != 302)


def test_monitors_see_the_list_without_manage_links(project, stored, monitor):
    page = client_for(monitor).get(reverse("monitoring:forms", args=[project.pk]))
    content = page.content.decode()
    assert "Clinic queue" in content
    assert reverse("monitoring:form_upload", args=[project.pk]) not in content
    assert reverse("monitoring:form", args=[project.pk, stored[0].pk]) not in content


def test_a_hidden_project_has_no_form_pages_even_for_its_team(project, coordinator):
    """A moderator's hiding holds on every page of the project, forms and review included."""
    from django.utils import timezone

    Project.objects.filter(pk=project.pk).update(hidden_at=timezone.now())
    for name in ("forms", "form_upload", "submissions"):
        url = reverse(f"monitoring:{name}", args=[project.pk])
        assert client_for(coordinator).get(url).status_code == 404, name
