"""Documents attached as sources: what is accepted, how it is stored, who may download it."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sauti.mechanisms.models import Mechanism, Source

from ..conftest import client_for
from ..permissions import ROLES, assert_outcome, user_for
from .factories import NO_SOURCE, MechanismFactory, mechanism_form_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def office_file(name: str, macro: bool = False) -> SimpleUploadedFile:
    """A real Word document (python-docx); ``macro`` adds a VBA project as .docm files have."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    if macro:
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.writestr("word/vbaProject.bin", b"\0")
    return SimpleUploadedFile(name, buffer.getvalue())


def zip_file(name: str, entries: dict[str, bytes | str]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, content in entries.items():
            archive.writestr(entry, content)
    return SimpleUploadedFile(name, buffer.getvalue())


ODT = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}


def record_with(member, organisation, document, **fields):
    data = mechanism_form_data(organisation, **NO_SOURCE)
    data.update({"source_title": "Minutes of 12 March", "source_document": document, **fields})
    return client_for(member).post(reverse("mechanisms:create"), data)


def test_a_pdf_is_kept_under_a_random_name_and_offered_for_download(member, organisation):
    response = record_with(
        member, organisation, SimpleUploadedFile("Amina Otieno - minutes.pdf", PDF)
    )
    assert response.status_code == 302
    source = Source.objects.get()
    assert source.document.name.endswith(".pdf")
    assert "Amina" not in source.document.name  # an uploader's file name is not published

    page = client_for(None).get(response["Location"]).content.decode()
    link = reverse("mechanisms:source_document", args=[source.pk])
    assert f'href="{link}"' in page

    download = client_for(None).get(link)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content) == PDF


def test_an_office_document_is_accepted(member, organisation):
    assert record_with(member, organisation, office_file("report.docx")).status_code == 302
    assert Source.objects.get().document.name.endswith(".docx")


def test_an_opendocument_text_is_accepted(member, organisation):
    assert record_with(member, organisation, zip_file("minutes.odt", ODT)).status_code == 302
    assert Source.objects.get().document.name.endswith(".odt")


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("minutes.pdf", b"<html><script>alert(1)</script></html>"),
        SimpleUploadedFile("tool.exe", b"MZ\x90\x00\x03"),
        SimpleUploadedFile("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        office_file("report.docm", macro=True),
        SimpleUploadedFile("report.docx", b"PK\x03\x04 not really a zip"),
        SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>"),
        zip_file("report.odt", {"mimetype": "application/x-msdownload", "setup.exe": b"MZ"}),
        zip_file("report.odt", {**ODT, "Basic/Standard/Module1.xml": "<macro/>"}),
        zip_file("report.docx", {"[Content_Types].xml": "<Types/>", "setup.exe": b"MZ"}),
        office_file("report.xlsx"),
    ],
    ids=[
        "html-named-pdf",
        "exe",
        "svg",
        "macro-word",
        "broken-zip",
        "pdf-html-polyglot",
        "zip-named-odt",
        "odt-with-basic",
        "zip-named-docx",
        "word-named-xlsx",
    ],
)
def test_a_file_that_could_run_code_is_refused_and_nothing_is_written(member, organisation, upload):
    response = record_with(member, organisation, upload)
    assert response.status_code == 200
    assert "This kind of file is not accepted." in response.content.decode()
    assert not Mechanism.objects.exists()
    assert not Source.objects.exists()


def test_a_decompression_bomb_is_refused_without_being_unpacked(member, organisation):
    # 300 MB of spaces in the part read to tell the type, under 1 MB compressed.
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("[Content_Types].xml", "w") as part,
    ):
        for _chunk in range(300):
            part.write(b" " * 1024 * 1024)
    response = record_with(member, organisation, SimpleUploadedFile("law.docx", bomb.getvalue()))
    assert response.status_code == 200
    assert "This kind of file is not accepted." in response.content.decode()
    assert not Source.objects.exists()


def test_a_file_over_10_mb_is_refused_with_the_limit(member, organisation):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    response = record_with(member, organisation, big)
    assert response.status_code == 200
    assert "the limit is 10.0\xa0MB" in response.content.decode()
    assert not Mechanism.objects.exists()


def test_a_document_needs_a_title(member, organisation):
    response = record_with(member, organisation, SimpleUploadedFile("m.pdf", PDF), source_title="")
    assert response.status_code == 200
    assert "Give the source a title." in response.content.decode()
    assert not Mechanism.objects.exists()


def test_a_document_alone_is_enough_as_a_first_source(member, organisation):
    response = record_with(member, organisation, SimpleUploadedFile("m.pdf", PDF), source_url="")
    assert response.status_code == 302


def test_a_document_can_be_added_when_editing(member, organisation):
    mechanism = MechanismFactory(organisation=organisation, sources=["County Health Act"])
    data = mechanism_form_data(organisation, **NO_SOURCE)
    data.update(
        {"source_title": "Budget 2025", "source_document": SimpleUploadedFile("b.pdf", PDF)}
    )
    response = client_for(member).post(reverse("mechanisms:edit", args=[mechanism.pk]), data)
    assert response.status_code == 302
    assert mechanism.sources.filter(title="Budget 2025").exclude(document="").exists()


@pytest.fixture
def hidden_document(organisation):
    mechanism = MechanismFactory(organisation=organisation, hidden_at=timezone.now())
    source = Source.objects.create(mechanism=mechanism, title="Minutes")
    source.document.save("abc.pdf", io.BytesIO(PDF))
    return source


# As the record page: moderators and site administrators only.
HIDDEN_DOWNLOAD = {role: 404 for role in ROLES} | {"moderator": 200, "site_admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_the_document_of_a_hidden_record_is_for_moderators_only(request, hidden_document, role):
    url = reverse("mechanisms:source_document", args=[hidden_document.pk])
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, HIDDEN_DOWNLOAD[role], url)


def test_a_source_without_document_or_an_unknown_one_is_not_found(organisation):
    source = Source.objects.create(mechanism=MechanismFactory(), title="Link only")
    assert (
        client_for(None).get(reverse("mechanisms:source_document", args=[source.pk])).status_code
        == 404
    )
    assert (
        client_for(None).get(reverse("mechanisms:source_document", args=[999999])).status_code
        == 404
    )


def test_a_document_missing_from_the_disk_is_not_found_not_an_error(organisation):
    source = Source.objects.create(mechanism=MechanismFactory(), title="Lost", document="gone.pdf")
    assert (
        client_for(None).get(reverse("mechanisms:source_document", args=[source.pk])).status_code
        == 404
    )
