"""The import pages: upload → problems or preview → confirm → done, and who may use them."""

from __future__ import annotations

import io
import os
import re
import time
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from sauti.core.models import AuditLogEntry
from sauti.mechanisms import exports, imports, tasks
from sauti.mechanisms.models import Mechanism

from ..conftest import client_for
from ..factories import MembershipFactory, OrganisationFactory
from ..permissions import LOGIN, ROLES, assert_outcome, user_for
from .test_import_files import HEADER, csv_file, good_row, xlsx_file

IMPORTERS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 200,
    "editor": 200,
    "org_admin": 200,
    "moderator": 200,
    "site_admin": 200,
}


def upload(client, organisation, file, language="en"):
    data = {"file": file, "original_language": language}
    if organisation is not None:
        data["organisation"] = organisation.pk
    return client.post(reverse("mechanisms:import"), data)


def confirm_url(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


# --- Permissions -----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_import_page(request, organisation, role):
    url = reverse("mechanisms:import")
    response = client_for(user_for(request, role)).get(url)
    assert_outcome(response, IMPORTERS[role], url)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_upload(request, organisation, role):
    user = user_for(request, role)
    on_behalf = organisation if role in ("member", "editor", "org_admin") else None
    url = reverse("mechanisms:import")
    response = upload(client_for(user), on_behalf, csv_file([good_row(1)]))
    if IMPORTERS[role] == 200:
        assert response.status_code == 302
        assert response["Location"].startswith("/en/mechanisms/import/")
    else:
        assert_outcome(response, IMPORTERS[role], url)
    assert not Mechanism.objects.exists()


def test_a_member_may_only_import_for_their_own_organisations(member):
    other = OrganisationFactory()
    response = upload(client_for(member), other, csv_file([good_row(1)]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_another_user_cannot_see_or_confirm_someone_elses_import(member, organisation):
    url = confirm_url(upload(client_for(member), organisation, csv_file([good_row(1)])))
    colleague = MembershipFactory(organisation=organisation).user
    assert client_for(colleague).get(url).status_code == 403
    assert client_for(colleague).post(url).status_code == 403
    assert not Mechanism.objects.exists()
    assert client_for(None).post(url).status_code == 302  # to the sign-in page
    assert not Mechanism.objects.exists()


def test_a_person_who_left_the_organisation_cannot_confirm(member, organisation):
    client = client_for(member)
    url = confirm_url(upload(client, organisation, csv_file([good_row(1)])))
    member.memberships.update(status="declined")
    assert client.post(url).status_code == 403
    assert not Mechanism.objects.exists()


# --- The flow --------------------------------------------------------------------


def test_upload_preview_confirm_done(member, organisation):
    client = client_for(member)
    rows = [
        good_row(1, source_title="County Health Act", source_url="https://example.org/act"),
        good_row(2, name="Homa Bay Facility Committee", level="facility", kind="committee"),
    ]
    url = confirm_url(
        upload(client, organisation, csv_file(rows, [*HEADER, "source_title", "source_url"]))
    )

    preview = client.get(url)
    page = preview.content.decode()
    assert "passed every check: 2 mechanisms are ready to import." in page
    assert "Homa Bay Facility Committee" in page
    assert "Health facility" in page
    assert "on behalf of Kisumu Health Rights Forum" in page
    assert "1 row has no source (row 3)" in page
    assert not Mechanism.objects.exists()

    done = client.post(url)
    assert done.status_code == 302
    assert done["Location"] == url
    page = client.get(url).content.decode()
    assert "2 mechanisms are now in the registry." in page
    assert f'href="{reverse("mechanisms:list")}?country=KE"' in page

    assert Mechanism.objects.count() == 2
    forum = Mechanism.objects.get(translations__name="Kisumu County Health Forum 1")
    assert forum.organisation == organisation
    assert forum.created_by == member
    assert list(forum.sources.values_list("title", "url")) == [
        ("County Health Act", "https://example.org/act")
    ]
    entry = AuditLogEntry.objects.get(action="mechanism.import")
    assert entry.actor == member
    assert entry.data["count"] == 2


def test_confirming_twice_writes_once(member, organisation):
    client = client_for(member)
    url = confirm_url(upload(client, organisation, csv_file([good_row(1)])))
    client.post(url)
    again = client.post(url, follow=True)
    assert "already imported; nothing was written twice" in again.content.decode()
    assert Mechanism.objects.count() == 1
    assert AuditLogEntry.objects.filter(action="mechanism.import").count() == 1


def test_a_confirm_sent_while_the_import_runs_writes_nothing_more(member, organisation):
    client = client_for(member)
    url = confirm_url(upload(client, organisation, csv_file([good_row(1)])))
    token = url.rstrip("/").rsplit("/", 1)[1]
    # The first click's import is under way: its rows were moved aside.
    imports._path(token, imports.PENDING).rename(imports._path(token, imports.RUNNING))
    response = client.post(url, follow=True)
    assert "The import is running" in response.content.decode()
    assert not Mechanism.objects.exists()


def test_the_rows_are_written_in_the_background_while_the_page_waits(
    member, organisation, settings
):
    # A real queue, with no worker yet: the confirm only starts the import.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = client_for(member)
    url = confirm_url(upload(client, organisation, csv_file([good_row(1), good_row(2)])))
    token = url.rstrip("/").rsplit("/", 1)[1]

    waiting = client.post(url, follow=True).content.decode()
    assert "The import is running" in waiting
    assert '<meta http-equiv="refresh"' in waiting
    assert not Mechanism.objects.exists()

    # The worker picks the task up.
    assert tasks.import_confirmed_rows.call(token, member.pk, organisation.pk) == 2
    done = client.get(url).content.decode()
    assert "The import is running" not in done
    assert Mechanism.objects.count() == 2


def test_an_import_whose_worker_was_lost_can_be_confirmed_again(member, organisation, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = client_for(member)
    url = confirm_url(upload(client, organisation, csv_file([good_row(1)])))
    token = url.rstrip("/").rsplit("/", 1)[1]
    client.post(url)
    assert "The import is running" in client.get(url).content.decode()

    # Twenty minutes later nothing has written it: the worker was lost.
    running = imports._path(token, imports.RUNNING)
    long_ago = time.time() - 20 * 60
    os.utime(running, (long_ago, long_ago))
    page = client.get(url).content.decode()
    assert "The import is running" not in page
    assert not Mechanism.objects.exists()

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client.post(url)
    assert Mechanism.objects.count() == 1


def test_an_import_whose_task_cannot_be_queued_stays_pending(member, organisation, monkeypatch):
    client = client_for(member)
    url = confirm_url(upload(client, organisation, csv_file([good_row(1)])))
    token = url.rstrip("/").rsplit("/", 1)[1]

    def broken(*args, **kwargs):
        raise RuntimeError("queue unavailable")

    monkeypatch.setattr(tasks, "import_confirmed_rows", SimpleNamespace(enqueue=broken))
    with pytest.raises(RuntimeError):
        client.post(url)
    assert imports.load_pending(token, user=member).state == imports.PENDING
    assert not Mechanism.objects.exists()


def test_an_expired_import_cannot_be_confirmed(member, organisation, monkeypatch):
    import datetime

    client = client_for(member)
    url = confirm_url(upload(client, organisation, csv_file([good_row(1)])))
    monkeypatch.setattr(imports, "PENDING_LIFETIME", datetime.timedelta(seconds=-1))
    response = client.post(url)
    assert response.status_code == 404
    assert "This import is no longer waiting" in response.content.decode()
    assert not Mechanism.objects.exists()


def test_a_made_up_token_is_not_found(member):
    client = client_for(member)
    assert client.get("/en/mechanisms/import/..%2F..%2Fsettings.py/").status_code == 404
    assert client.get("/en/mechanisms/import/short/").status_code == 404
    url = reverse("mechanisms:import_confirm", args=["x" * 43])
    assert client.get(url).status_code == 404


def test_the_kept_rows_are_not_in_a_file_named_by_the_token(member, organisation, settings):
    url = confirm_url(upload(client_for(member), organisation, csv_file([good_row(1)])))
    token = url.rstrip("/").rsplit("/", 1)[1]
    files = list((settings.MEDIA_ROOT / "imports").iterdir())
    assert len(files) == 1
    assert token not in files[0].name
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"


def test_a_moderator_imports_without_an_organisation(moderator):
    client = client_for(moderator)
    url = confirm_url(upload(client, None, csv_file([good_row(1)])))
    client.post(url)
    assert Mechanism.objects.get().organisation is None


# --- Bad input through the page ---------------------------------------------------


def test_a_file_over_10_mb_is_refused_with_the_limit(member, organisation):
    big = SimpleUploadedFile("big.csv", b"name,country,level,kind\n" + b"x" * (11 * 1024 * 1024))
    response = upload(client_for(member), organisation, big)
    page = response.content.decode()
    assert response.status_code == 200
    assert "the limit is 10.0\xa0MB" in page
    assert not Mechanism.objects.exists()


def test_a_pdf_is_answered_clearly(member, organisation):
    pdf = SimpleUploadedFile("list.csv", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj")
    page = upload(client_for(member), organisation, pdf).content.decode()
    assert "This file is not a CSV or XLSX spreadsheet." in page
    assert "Nothing was written." in page


def test_a_formula_is_answered_with_its_row_and_column(member, organisation):
    rows = [good_row(1), good_row(2, name='=HYPERLINK("http://evil.example","Click me")')]
    page = upload(client_for(member), organisation, csv_file(rows)).content.decode()
    assert "Row 3, column name: formulas are not accepted" in page
    assert not Mechanism.objects.exists()


def test_a_200_row_workbook_with_three_bad_rows_then_fixed(member, organisation):
    """The issue's journey: three errors named by row and column, nothing written; fix; import."""
    header = [*HEADER, "has_budget", "year_established"]
    rows = [
        {**good_row(n), "has_budget": "yes" if n % 2 else "no", "year_established": 1990 + n % 30}
        for n in range(200)
    ]
    rows[6]["country"] = "Atlantis"  # spreadsheet row 8
    rows[49]["kind"] = "tribunal"  # row 51
    rows[150]["has_budget"] = "sometimes"  # row 152
    client = client_for(member)

    response = upload(client, organisation, xlsx_file(rows, header))
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file cannot be imported: 3 problems." in page
    problems = re.findall(r'<li class="error" dir="auto">(.*?)</li>', page)
    assert problems == [
        "Row 8, column country: unknown country “Atlantis”",
        "Row 51, column kind: unknown value “tribunal”; use one of: assembly, council, committee, "
        "platform, consultation, panel, forum, advisory, other",
        "Row 152, column has_budget: “sometimes” is not yes or no; leave the cell empty if it "
        "is not known",
    ]
    assert not Mechanism.objects.exists()
    assert not list(imports._folder().glob("*.json"))  # nothing kept for a refused file

    rows[6]["country"] = "Kenya"
    rows[49]["kind"] = "committee"
    rows[150]["has_budget"] = ""
    url = confirm_url(upload(client, organisation, xlsx_file(rows, header)))
    assert "200 mechanisms are ready to import" in client.get(url).content.decode()
    client.post(url)
    assert Mechanism.objects.count() == 200
    assert Mechanism.objects.filter(has_budget__isnull=True).count() == 1
    assert Mechanism.objects.filter(organisation=organisation).count() == 200


# --- The template -----------------------------------------------------------------


def test_the_csv_template_has_every_column_and_a_hint_row(db, client):
    response = client.get(reverse("mechanisms:import_template", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="sauti-mechanisms-template-en.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    import csv

    header, hints = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header == exports.template_headers()
    assert len(header) == len(imports.KEYS) == 43
    assert header[:4] == ["Name", "Description", "Language of the record", "Country"]
    assert hints[0].startswith("# Required.")
    assert hints[header.index("Level")] == (
        "Required. One of: national, regional, district, municipal, facility, community."
    )


def test_the_xlsx_template_in_french(db, client, catalogue):
    catalogue(
        "fr",
        {
            "country": "pays",
            "Allowed values": "Valeurs acceptées",
            "Health council": "Conseil de santé",
        },
    )
    response = client.get("/fr/mechanisms/import/template.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[3] == "Pays"
    guide = workbook["Valeurs acceptées"]
    kinds = next(row for row in guide.iter_rows(values_only=True) if row[1] == "kind")
    assert "council — Conseil de santé" in kinds[3]
    assert len(workbook.sheetnames) == 3  # mechanisms, allowed values, countries


def test_the_empty_template_imports_as_no_rows(client, member, organisation):
    template = client.get(reverse("mechanisms:import_template", args=["xlsx"])).content
    page = upload(
        client_for(member), organisation, SimpleUploadedFile("t.xlsx", template)
    ).content.decode()
    assert "The file has column names but no mechanisms." in page


def test_an_unknown_template_format_is_not_found(client):
    assert client.get("/en/mechanisms/import/template.pdf").status_code == 404
