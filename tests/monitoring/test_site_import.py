"""Importing a project's sites from CSV or XLSX: every row is checked before anything
is written, each problem names its row and column, and bad input changes nothing."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from sauti.core.models import AuditLogEntry
from sauti.monitoring import site_import
from sauti.monitoring.models import Project, Site
from sauti.monitoring.site_import import check_sites, write_sites

pytestmark = pytest.mark.django_db

HEADER = ["code", "name", "kind", "country", "area", "latitude", "longitude"]
GOOD = [
    [
        "KSM-001",
        "Kisumu County Referral Hospital",
        "facility",
        "KE",
        "Kisumu",
        "-0.09170",
        "34.7680",
    ],
    ["", "Obunga", "community", "Kenya", "Kisumu Central", "", ""],
    [
        "DKR-7",
        "Centre de santé de Pikine",
        "Health facility",
        "Sénégal",
        "Dakar",
        "14.75",
        "-17.39",
    ],
]


@pytest.fixture
def project(organisation):
    return Project.objects.create(organisation=organisation, title="Clinic watch")


def csv_file(rows, header=HEADER, *, delimiter=",", encoding="utf-8", name="sites.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), content_type="text/csv")


def xlsx_file(rows, header=HEADER, *, name="sites.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def import_sites(project, upload, user=None):
    checked = check_sites(project, upload)
    assert checked.problems == [], checked.problems
    return write_sites(project, checked, acting_user=user)


def refused(project, upload):
    """Check a bad file: it has problems, no rows, and nothing is written."""
    before = Site.objects.count()
    checked = check_sites(project, upload)
    assert checked.problems
    assert checked.rows == []
    assert not checked.ok
    with pytest.raises(ValueError):
        write_sites(project, checked, acting_user=None)
    assert Site.objects.count() == before
    return checked.problems


# --- Good files ------------------------------------------------------------------


def test_a_good_csv_creates_every_site(project, editor):
    checked = check_sites(project, csv_file(GOOD))
    assert checked.problems == []
    assert [row["row"] for row in checked.rows] == [2, 3, 4]
    assert not Site.objects.exists()  # checking writes nothing

    assert write_sites(project, checked, acting_user=editor) == (3, 0)

    hospital = Site.objects.get(code="KSM-001")
    assert hospital.project == project
    assert hospital.kind == Site.Kind.FACILITY
    assert hospital.country_id == "KE"
    assert hospital.area == "Kisumu"
    assert hospital.latitude == Decimal("-0.09170")
    assert hospital.longitude == Decimal("34.76800")
    obunga = Site.objects.get(name="Obunga")
    assert (obunga.code, obunga.kind, obunga.country_id) == ("", "community", "KE")
    assert obunga.latitude is None and obunga.longitude is None
    pikine = Site.objects.get(code="DKR-7")
    assert (pikine.kind, pikine.country_id) == ("facility", "SN")
    entry = AuditLogEntry.objects.get(action="monitoring.sites_import")
    assert entry.actor == editor
    assert entry.data["created"] == 3 and entry.data["updated"] == 0


def test_a_good_xlsx_with_numbers_in_cells(project):
    rows = [
        [
            "KSM-001",
            "Kisumu County Referral Hospital",
            "facility",
            "KEN",
            "Kisumu",
            -0.0917,
            34.768,
        ],
        [42, "Nyalenda", "Community", "kenya", None, None, None],
    ]
    assert import_sites(project, xlsx_file(rows)) == (2, 0)
    hospital = Site.objects.get(code="KSM-001")
    assert hospital.latitude == Decimal("-0.09170")
    assert Site.objects.get(code="42").kind == "community"


FRENCH = {
    "name": "nom",
    "kind": "type",
    "country": "pays",
    "area": "zone",
    "Health facility": "Établissement de santé",
    "Community": "Communauté",
    "a value is required": "une valeur est requise",
}


def test_utf8_with_bom_and_semicolons_and_decimal_commas(project, catalogue):
    catalogue("fr", FRENCH)
    rows = [
        [
            "ABJ-1",
            "Centre de santé d’Abobo",
            "Établissement de santé",
            "Côte d’Ivoire",
            "",
            "5,4167",
            "-4,0167",
        ]
    ]
    upload = csv_file(rows, delimiter=";", encoding="utf-8-sig")
    assert upload.read(3) == b"\xef\xbb\xbf"
    assert import_sites(project, upload) == (1, 0)
    site = Site.objects.get(code="ABJ-1")
    assert site.name == "Centre de santé d’Abobo"
    assert site.kind == "facility"
    assert site.country_id == "CI"
    assert site.latitude == Decimal("5.41670") and site.longitude == Decimal("-4.01670")


def test_headers_in_any_case_spacing_or_language(project, catalogue):
    catalogue("fr", FRENCH)
    header = ["  CODE ", "Nom", "TYPE", " pays", "Zone", "LATITUDE", "longitude"]
    assert import_sites(project, csv_file([GOOD[0]], header)) == (1, 0)
    assert Site.objects.get().name == GOOD[0][1]


def test_kind_accepts_the_translated_labels(project, catalogue):
    catalogue("es", {"Community": "Comunidad"})
    rows = [["", "Barrio Norte", "comunidad", "Perú", "", "", ""]]
    import_sites(project, csv_file(rows))
    site = Site.objects.get()
    assert (site.kind, site.country_id) == ("community", "PE")


def test_formula_looking_text_is_kept_as_text(project):
    rows = [["=1+1", '=HYPERLINK("http://x")', "facility", "KE", "@area", "", ""]]
    import_sites(project, csv_file(rows))
    site = Site.objects.get()
    assert (site.code, site.name, site.area) == ("=1+1", '=HYPERLINK("http://x")', "@area")


def test_the_quote_an_export_adds_is_undone(project):
    rows = [["'-A1", "Clinic", "facility", "KE", "", "'-1.5", "'+36.8"]]
    import_sites(project, csv_file(rows))
    site = Site.objects.get()
    assert site.code == "-A1"
    assert site.latitude == Decimal("-1.50000") and site.longitude == Decimal("36.80000")


def test_unknown_columns_are_ignored_with_a_warning(project):
    header = [*HEADER, "Notes"]
    checked = check_sites(project, csv_file([[*GOOD[0], "call first"]], header))
    assert checked.problems == []
    assert checked.ignored_columns == ["Notes"]
    assert "Notes" in checked.warnings[0]


def test_more_decimals_than_kept_are_rounded(project):
    rows = [["A", "Clinic", "facility", "KE", "", "-0.0917449", "34.7680051"]]
    import_sites(project, csv_file(rows))
    site = Site.objects.get()
    assert site.latitude == Decimal("-0.09174") and site.longitude == Decimal("34.76801")


# --- Updating by code ------------------------------------------------------------


def test_a_known_code_updates_the_site_and_others_are_created(project, editor):
    Site.objects.create(
        project=project,
        code="KSM-001",
        name="Old name",
        kind="community",
        country_id="UG",
        area="Old area",
        latitude=Decimal(1),
        longitude=Decimal(2),
    )
    other_project = Project.objects.create(organisation=project.organisation, title="Other")
    elsewhere = Site.objects.create(
        project=other_project, code="DKR-7", name="Not mine", country_id="SN"
    )

    checked = check_sites(project, csv_file(GOOD))
    assert (checked.to_create, checked.to_update) == (2, 1)
    assert write_sites(project, checked, acting_user=editor) == (2, 1)

    updated = Site.objects.get(project=project, code="KSM-001")
    assert (updated.name, updated.kind, updated.country_id, updated.area) == (
        "Kisumu County Referral Hospital",
        "facility",
        "KE",
        "Kisumu",
    )
    assert updated.latitude == Decimal("-0.09170")
    assert Site.objects.filter(project=project).count() == 3
    elsewhere.refresh_from_db()
    assert elsewhere.name == "Not mine"  # another project's code is another site


def test_a_column_left_out_leaves_that_field_alone(project):
    Site.objects.create(
        project=project,
        code="A",
        name="Clinic",
        country_id="KE",
        area="Kisumu",
        latitude=Decimal("1.5"),
        longitude=Decimal("2.5"),
    )
    header = ["code", "name", "kind", "country"]
    import_sites(project, csv_file([["A", "Clinic renamed", "facility", "KE"]], header))
    site = Site.objects.get()
    assert (site.name, site.area, site.latitude) == ("Clinic renamed", "Kisumu", Decimal("1.5"))


def test_a_blank_cell_clears_the_field(project):
    Site.objects.create(
        project=project,
        code="A",
        name="Clinic",
        country_id="KE",
        area="Kisumu",
        latitude=Decimal("1.5"),
        longitude=Decimal("2.5"),
    )
    import_sites(project, csv_file([["A", "Clinic", "facility", "KE", "", "", ""]]))
    site = Site.objects.get()
    assert (site.area, site.latitude, site.longitude) == ("", None, None)


def test_a_check_for_another_project_is_not_written(project):
    other = Project.objects.create(organisation=project.organisation, title="Other")
    checked = check_sites(project, csv_file(GOOD))
    with pytest.raises(ValueError):
        write_sites(other, checked, acting_user=None)
    assert not Site.objects.exists()


# --- Bad rows: each names its row and column and writes nothing -----------------


def row(**changes):
    values = dict(zip(HEADER, GOOD[0], strict=True))
    values.update(changes)
    return [values[key] for key in HEADER]


@pytest.mark.parametrize(
    ("bad", "column", "words"),
    [
        ({"name": ""}, "name", "required"),
        ({"name": "   "}, "name", "required"),
        ({"country": "Atlantis"}, "country", "unknown country"),
        ({"country": ""}, "country", "required"),
        ({"kind": "hospital"}, "kind", "facility, community"),
        ({"latitude": "91"}, "latitude", "between -90 and 90"),
        ({"latitude": "-90.5"}, "latitude", "between -90 and 90"),
        ({"longitude": "180.1"}, "longitude", "between -180 and 180"),
        ({"latitude": "north"}, "latitude", "not a number"),
        ({"latitude": "1°17'S"}, "latitude", "not a number"),
        ({"longitude": "NaN"}, "longitude", "not a number"),
        ({"longitude": "inf"}, "longitude", "not a number"),
        ({"latitude": "", "longitude": "34.7"}, "latitude", "both"),
        ({"name": "x" * 201}, "name", "too long"),
        ({"code": "c" * 61}, "code", "too long"),
    ],
)
def test_a_bad_cell_is_refused(project, bad, column, words):
    rows = [GOOD[1], GOOD[2], row(**bad)]
    problems = refused(project, csv_file(rows))
    assert [(p.row, p.column) for p in problems] == [(4, column)]
    assert words in problems[0].message


def test_the_column_is_named_as_the_file_spells_it(project):
    header = ["Code", " Name ", "KIND", "Country", "Area", "Latitude", "Longitude"]
    problems = refused(project, csv_file([row(country="Atlantis")], header))
    assert problems == [(2, "Country", "unknown country “Atlantis”")]


def test_a_bad_xlsx_cell_names_the_spreadsheet_row(project):
    rows = [GOOD[0], [None] * 7, row(code="B", latitude=123.4)]
    problems = refused(project, xlsx_file(rows))
    assert [(p.row, p.column) for p in problems] == [(4, "latitude")]


def test_a_workbook_formula_is_refused(project):
    rows = [row(name='=CONCAT("a","b")')]
    problems = refused(project, xlsx_file(rows))
    assert [(p.row, p.column) for p in problems] == [(2, "name")]
    assert "formula" in problems[0].message


def test_a_code_twice_in_the_file_names_the_first_row(project):
    rows = [row(), GOOD[1], row(name="Another")]
    problems = refused(project, csv_file(rows))
    assert [(p.row, p.column) for p in problems] == [(4, "code")]
    assert "row 2" in problems[0].message


def test_every_problem_of_every_row_is_reported(project):
    rows = [row(name="", country="Atlantis"), GOOD[1], row(code="Z", latitude="x")]
    problems = refused(project, csv_file(rows))
    assert [(p.row, p.column) for p in problems] == [(2, "name"), (2, "country"), (4, "latitude")]


def test_problems_are_translated(project, catalogue):
    catalogue("fr", FRENCH)
    with translation.override("fr"):
        problems = refused(project, csv_file([row(name="")]))
    assert problems[0].message == "une valeur est requise"


def test_a_bad_file_changes_no_existing_site(project):
    Site.objects.create(project=project, code="KSM-001", name="Kept", country_id="KE")
    refused(project, csv_file([row(), row(code="X", country="Atlantis")]))
    assert Site.objects.get().name == "Kept"


# --- Bad files -------------------------------------------------------------------


def test_a_required_column_missing_is_refused(project):
    header = ["code", "name", "kind", "area"]
    problems = refused(project, csv_file([["A", "Clinic", "facility", "Kisumu"]], header))
    assert problems[0].row == 1
    assert "country" in problems[0].message


def test_the_same_column_twice_is_refused(project):
    header = ["name", "kind", "country", "Country"]
    problems = refused(project, csv_file([["Clinic", "facility", "KE", "UG"]], header))
    assert (problems[0].row, problems[0].column) == (1, "Country")


def test_too_many_rows_is_refused(project, settings):
    settings.SAUTI_SITE_IMPORT_MAX_ROWS = 3
    rows = [row(code=f"C{n}") for n in range(4)]
    problems = refused(project, csv_file(rows))
    assert len(problems) == 1
    assert problems[0].row is None and "at most 3 sites" in problems[0].message


def test_the_default_row_limit_is_5000():
    assert site_import.max_rows() == 5000


def test_a_file_over_5_mb_is_refused(project):
    padding = "x" * 199
    rows = [[f"C{n}", padding, "facility", "KE", padding, "", ""] for n in range(13_000)]
    upload = csv_file(rows)
    assert upload.size > 5 * 1024 * 1024
    problems = refused(project, upload)
    assert problems[0].row is None and "limit is 5.0" in problems[0].message


def test_an_empty_file_or_a_header_alone_is_refused(project):
    assert "empty" in refused(project, SimpleUploadedFile("sites.csv", b""))[0].message
    assert "no sites" in refused(project, csv_file([]))[0].message


def test_a_file_that_is_no_table_is_refused(project):
    upload = SimpleUploadedFile("sites.csv", b"%PDF-1.7 not a table")
    assert "CSV or XLSX" in refused(project, upload)[0].message


@pytest.mark.parametrize("name", ["كينيا", "Кения", "肯尼亚", "Quénia", "KEN", "ke"])
def test_country_names_in_every_language(project, name):
    import_sites(project, csv_file([row(country=name)]))
    assert Site.objects.get().country_id == "KE"


def test_a_plain_binary_file_object_is_read_too(project):
    upload = io.BytesIO(csv_file(GOOD).read())
    assert import_sites(project, upload) == (3, 0)


def test_kept_uploads_nobody_confirmed_are_deleted_a_day_later(tmp_path, settings):
    """A file kept for confirmation holds people's data: it goes after a day."""
    import io
    import os
    import time

    from sauti.monitoring import services_projects

    settings.MEDIA_ROOT = str(tmp_path)
    old = services_projects.keep_upload(io.BytesIO(b"name,kind\nA,facility\n"))
    old_path = services_projects.kept_upload_path(old)
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old_path, (two_days_ago, two_days_ago))
    fresh = services_projects.keep_upload(io.BytesIO(b"name,kind\nB,facility\n"))
    assert services_projects.kept_upload_path(old) is None
    assert services_projects.kept_upload_path(fresh) is not None
