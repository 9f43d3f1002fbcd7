"""OpenRosa with HTTP Basic (email address and password) over HTTPS, as ODK Collect sends it.

The same views as the collector-token URLs (``test_openrosa.py``) behind
``/collect/p/<project>/…``: refused over plain HTTP, a 401 challenge without
or with wrong credentials, only monitors and coordinators, and a limit on
failed attempts per username so that passwords cannot be guessed.
"""

from __future__ import annotations

import base64

import defusedxml.ElementTree as ET
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sauti.monitoring import openrosa
from sauti.monitoring.models import Project, Submission, TeamMember

from ..factories import UserFactory
from .test_openrosa import COLLECT, FORM_XML, RESPONSE, XFORMS, instance
from .test_openrosa import form as form  # the fixture

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # UserFactory's


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


def on_team(project, role=TeamMember.Role.MONITOR):
    user = UserFactory()
    TeamMember.objects.create(project=project, user=user, role=role)
    return user


@pytest.fixture
def monitor(project):
    return on_team(project)


def basic(username: str, password: str = PASSWORD) -> dict[str, str]:
    encoded = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {encoded}", **COLLECT}


def url(name: str, project, *args) -> str:
    return reverse(f"openrosa:{name}", args=[project.pk, *args])


def submit(project, xml: bytes, headers: dict[str, str], *, secure: bool = True):
    data = {"xml_submission_file": SimpleUploadedFile("submission.xml", xml, "text/xml")}
    return Client().post(url("submission_basic", project), data, secure=secure, **headers)


def message_of(response) -> str:
    return ET.fromstring(response.content).findtext(f"{RESPONSE}message")


def test_the_form_list_points_at_basic_urls_over_https(project, form, monitor):
    response = Client().get(url("form_list_basic", project), secure=True, **basic(monitor.email))
    assert response.status_code == 200
    assert response["X-OpenRosa-Version"] == "1.0"
    (item,) = ET.fromstring(response.content).findall(f"{XFORMS}xform")
    assert item.findtext(f"{XFORMS}formID") == "exit_interview"
    download = item.findtext(f"{XFORMS}downloadUrl")
    assert download == "https://testserver" + url(
        "form_basic", project, "exit_interview", form.versions.get().version
    )
    assert item.findtext(f"{XFORMS}manifestUrl").startswith(
        f"https://testserver/collect/p/{project.pk}/"
    )
    xml = Client().get(
        download.removeprefix("https://testserver"), secure=True, **basic(monitor.email)
    )
    assert xml.status_code == 200
    assert xml.content.decode() == FORM_XML
    manifest = Client().get(
        item.findtext(f"{XFORMS}manifestUrl").removeprefix("https://testserver"),
        secure=True,
        **basic(monitor.email),
    )
    assert manifest.status_code == 200
    assert b"xformsManifest" in manifest.content


def test_a_submission_is_accepted_and_stored_as_the_member(project, form, monitor):
    response = submit(project, instance("uuid:basic-1"), basic(monitor.email))
    assert response.status_code == 201
    assert ET.fromstring(response.content).find(f"{RESPONSE}message").get("nature") == (
        "submit_success"
    )
    stored = Submission.objects.get()
    assert stored.submitted_by.user == monitor
    assert stored.source == Submission.Source.OPENROSA
    # Sent again (a retry): stored once.
    assert submit(project, instance("uuid:basic-1"), basic(monitor.email)).status_code == 201
    assert Submission.objects.count() == 1


def test_head_then_post_as_collect_does(project, form, monitor):
    head = Client().head(url("submission_basic", project), secure=True, **COLLECT)
    assert head.status_code == 401
    assert head["WWW-Authenticate"].startswith('Basic realm="Sauti"')
    head = Client().head(url("submission_basic", project), secure=True, **basic(monitor.email))
    assert head.status_code == 204
    assert int(head["X-OpenRosa-Accept-Content-Length"]) > 1_000_000


def test_a_coordinator_may_collect_too(project, form):
    coordinator = on_team(project, TeamMember.Role.COORDINATOR)
    assert submit(project, instance("uuid:c"), basic(coordinator.email)).status_code == 201


@pytest.mark.parametrize(
    ("method", "name"), [("get", "form_list_basic"), ("head", "submission_basic")]
)
def test_no_credentials_is_a_401_challenge(project, form, method, name):
    response = getattr(Client(), method)(url(name, project), secure=True, **COLLECT)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith('Basic realm="Sauti"')
    assert response["X-OpenRosa-Version"] == "1.0"


def test_a_wrong_password_is_a_401_and_nothing_is_stored(project, form, monitor):
    response = submit(project, instance("uuid:1"), basic(monitor.email, "wrong password"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith('Basic realm="Sauti"')
    assert response["X-OpenRosa-Version"] == "1.0"
    assert message_of(response) == "The email address or the password is wrong."
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    "header", ["Basic", "Basic !!!", "Basic " + base64.b64encode(b"no-colon").decode(), "Bearer x"]
)
def test_an_unreadable_authorization_header_is_a_401(project, form, header):
    response = Client().get(
        url("form_list_basic", project), secure=True, HTTP_AUTHORIZATION=header, **COLLECT
    )
    assert response.status_code == 401


def test_an_inactive_account_is_refused(project, form, monitor):
    monitor.is_active = False
    monitor.save(update_fields=["is_active"])
    response = Client().get(url("form_list_basic", project), secure=True, **basic(monitor.email))
    assert response.status_code == 401


def test_plain_http_is_refused_even_with_the_right_password(project, form, monitor):
    response = submit(project, instance("uuid:1"), basic(monitor.email), secure=False)
    assert response.status_code == 403
    assert response["X-OpenRosa-Version"] == "1.0"
    assert "HTTPS" in message_of(response)
    assert not Submission.objects.exists()
    listing = Client().get(url("form_list_basic", project), **basic(monitor.email))
    assert listing.status_code == 403


def test_plain_http_works_with_debug_for_a_local_server(settings, project, form, monitor):
    settings.DEBUG = True
    response = Client().get(url("form_list_basic", project), **basic(monitor.email))
    assert response.status_code == 200


@pytest.mark.parametrize("role", [TeamMember.Role.VIEWER, TeamMember.Role.ANALYST])
def test_a_team_member_who_does_not_collect_is_refused(project, form, role):
    user = on_team(project, role)
    listing = Client().get(url("form_list_basic", project), secure=True, **basic(user.email))
    assert listing.status_code == 403
    assert "does not allow collecting" in message_of(listing)
    assert submit(project, instance("uuid:1"), basic(user.email)).status_code == 403
    assert not Submission.objects.exists()


def test_an_unknown_project_or_another_team_is_404(organisation, project, form, monitor):
    unknown = Client().get(
        reverse("openrosa:form_list_basic", args=[project.pk + 1000]),
        secure=True,
        **basic(monitor.email),
    )
    assert unknown.status_code == 404
    assert unknown["X-OpenRosa-Version"] == "1.0"
    other = Project.objects.create(organisation=organisation, title="Other watch")
    response = Client().get(url("form_list_basic", other), secure=True, **basic(monitor.email))
    assert response.status_code == 404
    huge = Client().get(
        reverse("openrosa:form_list_basic", args=[2**70]), secure=True, **basic(monitor.email)
    )
    assert huge.status_code == 404


def test_an_outsider_with_a_good_password_sees_nothing(project, form, outsider):
    response = Client().get(url("form_list_basic", project), secure=True, **basic(outsider.email))
    assert response.status_code == 404
    assert b"exit_interview" not in response.content


def test_a_hidden_project_is_404(project, form, monitor):
    Project.objects.filter(pk=project.pk).update(hidden_at="2026-01-01T00:00Z")
    response = Client().get(url("form_list_basic", project), secure=True, **basic(monitor.email))
    assert response.status_code == 404


def test_failed_attempts_are_limited_per_username(project, form, monitor):
    other = on_team(project)
    for _attempt in range(openrosa.BASIC_FAILURES_PER_HOUR):
        wrong = Client().get(
            url("form_list_basic", project), secure=True, **basic(monitor.email, "guess")
        )
        assert wrong.status_code == 401
    # Now even the right password is refused, for this username only.
    blocked = Client().get(url("form_list_basic", project), secure=True, **basic(monitor.email))
    assert blocked.status_code == 429
    assert blocked["X-OpenRosa-Version"] == "1.0"
    assert int(blocked["Retry-After"]) > 0
    assert "Too many wrong passwords" in message_of(blocked)
    # The username is counted whatever its case.
    upper = Client().get(
        url("form_list_basic", project), secure=True, **basic(monitor.email.upper())
    )
    assert upper.status_code == 429
    fine = Client().get(url("form_list_basic", project), secure=True, **basic(other.email))
    assert fine.status_code == 200


def test_the_token_urls_still_work_alongside(project, form, monitor):
    from sauti.monitoring.models import CollectorToken

    member = TeamMember.objects.get(user=monitor)
    key = CollectorToken.objects.create(project=project, member=member).key
    response = Client().get(f"/collect/{key}/formList", **COLLECT)
    assert response.status_code == 200
    download = (
        ET.fromstring(response.content).find(f"{XFORMS}xform").findtext(f"{XFORMS}downloadUrl")
    )
    assert f"/collect/{key}/forms/" in download
