"""The OpenRosa API driven by raw HTTP exactly as ODK Collect sends it."""

from __future__ import annotations

import hashlib

import defusedxml.ElementTree as ET
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sauti.monitoring.models import (
    Attachment,
    CollectorToken,
    Form,
    FormVersion,
    Project,
    Submission,
    TeamMember,
)

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

XFORMS = "{http://openrosa.org/xforms/xformsList}"
RESPONSE = "{http://openrosa.org/http/response}"
# What ODK Collect sends with every request.
COLLECT = {"HTTP_X_OPENROSA_VERSION": "1.0", "HTTP_USER_AGENT": "org.odk.collect.android/v2025.2"}
FORM_XML = (
    '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">'
    "<h:head><h:title>Exit interview</h:title><model><instance>"
    '<data id="exit_interview" version="2026111501"><wait/><meta><instanceID/></meta></data>'
    "</instance></model></h:head><h:body/></h:html>"
)


def instance(
    instance_id: str, wait: str = "45", version: str = "2026111501", extra: str = ""
) -> bytes:
    return (
        f'<data xmlns:orx="http://openrosa.org/xforms" id="exit_interview" version="{version}">'
        f"<wait>{wait}</wait>{extra}"
        f"<orx:meta><orx:instanceID>{instance_id}</orx:instanceID></orx:meta></data>"
    ).encode()


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


@pytest.fixture
def form(project):
    form = Form.objects.create(project=project, form_id="exit_interview", title="Exit interview")
    FormVersion.objects.create(
        form=form,
        version="2026111501",
        xml=FORM_XML,
        md5="md5:" + hashlib.md5(FORM_XML.encode()).hexdigest(),  # noqa: S324 - OpenRosa's hash
        validation=FormVersion.Validation.PASSED,
    )
    return form


def token_for(project, role=TeamMember.Role.MONITOR) -> str:
    member = TeamMember.objects.create(project=project, user=UserFactory(), role=role)
    return CollectorToken.objects.create(project=project, member=member).key


@pytest.fixture
def key(project):
    return token_for(project)


def submit(key: str, xml: bytes, *files, incomplete: bool = False):
    data = {"xml_submission_file": SimpleUploadedFile("submission.xml", xml, "text/xml")}
    for number, file in enumerate(files):
        data[f"file{number}"] = file
    if incomplete:
        data["*isIncomplete*"] = "yes"
    return Client().post(f"/collect/{key}/submission?deviceID=collect:abc123", data, **COLLECT)


def test_form_list_as_collect_reads_it(key, form):
    response = Client().get(f"/collect/{key}/formList", **COLLECT)
    assert response.status_code == 200
    assert response["X-OpenRosa-Version"] == "1.0"
    assert response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)
    (item,) = root.findall(f"{XFORMS}xform")
    assert item.findtext(f"{XFORMS}formID") == "exit_interview"
    assert item.findtext(f"{XFORMS}version") == "2026111501"
    assert item.findtext(f"{XFORMS}hash") == "md5:" + hashlib.md5(FORM_XML.encode()).hexdigest()  # noqa: S324
    download = item.findtext(f"{XFORMS}downloadUrl")
    form_xml = Client().get(download.removeprefix("http://testserver"), **COLLECT)
    assert form_xml.status_code == 200
    assert form_xml.content.decode() == FORM_XML
    assert form_xml["X-OpenRosa-Version"] == "1.0"


def test_form_list_filters_by_form_id(key, form):
    response = Client().get(f"/collect/{key}/formList?formID=other", **COLLECT)
    assert ET.fromstring(response.content).findall(f"{XFORMS}xform") == []


@pytest.mark.parametrize("path", ["formList", "submission"])
def test_a_bad_or_revoked_token_is_403_not_401(project, form, path):
    assert Client().head(f"/collect/not-a-token/{path}", **COLLECT).status_code == 403
    key = token_for(project)
    CollectorToken.objects.filter(key=key).update(revoked_at="2026-01-01T00:00Z")
    response = Client().head(f"/collect/{key}/submission", **COLLECT)
    assert response.status_code == 403


def test_head_says_what_size_is_accepted(key):
    response = Client().head(f"/collect/{key}/submission", **COLLECT)
    assert response.status_code == 204
    assert response["X-OpenRosa-Version"] == "1.0"
    assert int(response["X-OpenRosa-Accept-Content-Length"]) > 1_000_000


def test_a_submission_is_stored_once(key, form):
    first = submit(key, instance("uuid:1"))
    assert first.status_code == 201
    assert ET.fromstring(first.content).find(f"{RESPONSE}message").get("nature") == (
        "submit_success"
    )
    again = submit(key, instance("uuid:1"))
    assert again.status_code == 201
    assert Submission.objects.count() == 1
    stored = Submission.objects.get()
    assert stored.data["wait"] == "45"
    assert stored.device_id == "collect:abc123"


def test_different_xml_under_the_same_instance_id_is_409(key, form):
    submit(key, instance("uuid:1"))
    response = submit(key, instance("uuid:1", wait="90"))
    assert response.status_code == 409
    assert Submission.objects.get().data["wait"] == "45"


def test_an_edit_keeps_the_history(key, form):
    submit(key, instance("uuid:1"))
    edited = instance("uuid:2", wait="50", extra="").replace(
        b"</orx:instanceID>", b"</orx:instanceID><orx:deprecatedID>uuid:1</orx:deprecatedID>"
    )
    assert submit(key, edited).status_code == 201
    new = Submission.objects.get(instance_id="uuid:2")
    assert new.replaces.instance_id == "uuid:1"
    assert not Submission.objects.get(instance_id="uuid:1").is_current


def test_a_split_submission_is_reassembled(key, form):
    xml = instance("uuid:9", extra="<photo>a.jpg</photo><sound>b.m4a</sound>")
    photo = SimpleUploadedFile("a.jpg", b"\xff\xd8\xff jpeg", "image/jpeg")
    assert submit(key, xml, photo, incomplete=True).status_code == 201
    assert not Submission.objects.get().complete
    sound = SimpleUploadedFile("b.m4a", b"audio", "audio/mp4")
    assert submit(key, xml, sound).status_code == 201
    stored = Submission.objects.get()
    assert stored.complete
    assert sorted(Attachment.objects.values_list("name", flat=True)) == ["a.jpg", "b.m4a"]


def test_an_attachment_of_the_wrong_kind_is_refused_and_nothing_stored(key, form):
    script = SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")
    response = submit(key, instance("uuid:3"), script)
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_unknown_or_closed_form(key, form):
    unknown = instance("uuid:4").replace(b'id="exit_interview"', b'id="nope"')
    assert submit(key, unknown).status_code == 404
    Form.objects.filter(pk=form.pk).update(is_open=False)
    assert submit(key, instance("uuid:5")).status_code == 403
    assert not Submission.objects.exists()


def test_billion_laughs_is_refused(key, form):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<data id="exit_interview" version="2026111501"><wait>&lol2;</wait></data>'
    )
    assert submit(key, bomb).status_code == 400
    assert not Submission.objects.exists()


def test_a_viewer_token_cannot_submit(project, form):
    key = token_for(project, TeamMember.Role.VIEWER)
    assert submit(key, instance("uuid:6")).status_code == 403
    assert not Submission.objects.exists()


def test_a_token_of_another_project_sees_nothing(organisation, form):
    other = Project.objects.create(organisation=organisation, title="Another")
    key = token_for(other)
    response = Client().get(f"/collect/{key}/formList", **COLLECT)
    assert ET.fromstring(response.content).findall(f"{XFORMS}xform") == []
    assert submit(key, instance("uuid:7")).status_code == 404


OTHER_FORM = FORM_XML.replace("exit_interview", "stock").replace("Exit interview", "Stock")


def test_an_edit_cannot_replace_another_form_or_another_monitors_submission(
    project,
    form,
):
    stock = Form.objects.create(project=project, form_id="stock", title="Stock")
    FormVersion.objects.create(
        form=stock,
        version="2026111501",
        xml=OTHER_FORM,
        md5="md5:" + hashlib.md5(OTHER_FORM.encode(), usedforsecurity=False).hexdigest(),
        validation="passed",
    )
    alice, bob = token_for(project), token_for(project)
    assert submit(alice, instance("uuid:a1")).status_code == 201
    Submission.objects.filter(instance_id="uuid:a1").update(status=Submission.Status.APPROVED)
    edit = (
        instance("uuid:b1")
        .replace(b'id="exit_interview"', b'id="stock"')
        .replace(
            b"<orx:instanceID>uuid:b1</orx:instanceID>",
            b"<orx:instanceID>uuid:b1</orx:instanceID><orx:deprecatedID>uuid:a1</orx:deprecatedID>",
        )
    )
    assert submit(bob, edit).status_code == 409
    same_form_by_bob = instance("uuid:b2").replace(
        b"<orx:instanceID>uuid:b2</orx:instanceID>",
        b"<orx:instanceID>uuid:b2</orx:instanceID><orx:deprecatedID>uuid:a1</orx:deprecatedID>",
    )
    assert submit(bob, same_form_by_bob).status_code == 409
    alice_submission = Submission.objects.get(instance_id="uuid:a1")
    assert alice_submission.is_current and alice_submission.status == Submission.Status.APPROVED
    assert not Submission.objects.filter(instance_id__in=["uuid:b1", "uuid:b2"]).exists()
