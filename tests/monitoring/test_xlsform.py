"""XLSForm upload: checks before pyxform, conversion, ODK Validate (issue 7).

Workbooks are built here with openpyxl; no binary fixtures are committed.
No database is needed.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import zipfile

import openpyxl
import pytest

from sauti.monitoring import xlsform
from sauti.monitoring.xlsform import Conversion, XLSFormError, convert

HAS_JAVA = shutil.which("java") is not None
IN_CI = bool(os.environ.get("CI"))

SURVEY = [
    ["type", "name", "label", "relevant", "constraint"],
    ["integer", "age", "Age", "", ". >= 0"],
    ["select_one yn", "waited", "Did you wait more than an hour?", "${age} > 5", ""],
    ["text", "comment", "Comment", "", ""],
]
CHOICES = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
SETTINGS = [["form_id", "version", "form_title"], ["clinic_queue", "2025060101", "Clinic queue"]]


def workbook(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def good(**overrides) -> dict[str, list[list]]:
    return {"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS, **overrides}


def with_relevant(expr: str) -> dict[str, list[list]]:
    survey = [
        ["type", "name", "label", "relevant"],
        ["integer", "age", "Age", ""],
        ["text", "reason", "Why?", expr],
    ]
    return good(survey=survey)


def errors_of(excinfo) -> list[xlsform.Problem]:
    return [p for p in excinfo.value.problems if p.level == "error"]


@pytest.fixture
def no_java(monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(
        xlsform.shutil,
        "which",
        lambda cmd, *a, **k: None if cmd == "java" else real_which(cmd, *a, **k),
    )


# -- a good form -----------------------------------------------------------


def test_good_form_converts_without_validate():
    c = convert(workbook(good()), "clinic.xlsx", validate=False)
    assert isinstance(c, Conversion)
    assert c.form_id == "clinic_queue"
    assert c.version == "2025060101"
    assert c.title == "Clinic queue"
    assert c.md5 == "md5:" + hashlib.md5(c.xml.encode("utf-8"), usedforsecurity=False).hexdigest()
    assert 'id="clinic_queue"' in c.xml and 'version="2025060101"' in c.xml
    assert c.validated is None  # not asked
    assert c.problems == []
    assert c.languages == [] and not c.has_media


def test_missing_form_id_is_derived_from_file_name_and_reported():
    c = convert(
        workbook({"survey": SURVEY, "choices": CHOICES}), "My clinic form (2).xlsx", validate=False
    )
    assert c.form_id == "My_clinic_form_2"
    warnings = [p for p in c.problems if p.sheet == "settings"]
    assert any("My_clinic_form_2" in p.message and "form_id" in p.message for p in warnings)
    assert any("version" in p.message for p in warnings)
    assert c.version is None


@pytest.mark.skipif(not HAS_JAVA and not IN_CI, reason="ODK Validate needs Java")
def test_good_form_passes_odk_validate():
    # In CI Java must be installed: this test then fails instead of skipping.
    assert HAS_JAVA, "Java is required in CI (apt-get install default-jre-headless)"
    c = convert(workbook(good()), "clinic.xlsx")
    assert c.validated is True
    assert c.problems == []
    assert c.validate_seconds is not None and c.validate_seconds < 30


@pytest.mark.skipif(not HAS_JAVA, reason="ODK Validate needs Java")
def test_odk_validate_error_is_mapped_to_the_row():
    # pyxform lets this through; ODK Validate (the JavaRosa parser) refuses it.
    with pytest.raises(XLSFormError) as excinfo:
        convert(workbook(with_relevant("${age} > ")), "clinic.xlsx")
    [problem] = errors_of(excinfo)
    assert (problem.sheet, problem.row) == ("survey", 3)
    assert "reason" in problem.message
    assert "ODK Validate" in problem.message and problem.detail


def test_java_missing_still_converts_with_a_warning(no_java):
    c = convert(workbook(good()), "clinic.xlsx")
    assert c.validated is None
    assert c.xml and c.form_id == "clinic_queue"
    [warning] = c.problems
    assert warning.level == "warning"
    assert warning.message == (
        "The form was not checked by ODK Validate: Java is not installed on the server."
    )


def test_two_languages_are_listed_and_media_found():
    survey = [
        ["type", "name", "label::English (en)", "label::Kiswahili (sw)", "image::English (en)"],
        ["text", "clinic", "Clinic name", "Jina la kliniki", "clinic.png"],
    ]
    settings = [["form_id", "version", "default_language"], ["bilingual", "1", "English (en)"]]
    c = convert(workbook({"survey": survey, "settings": settings}), "b.xlsx", validate=False)
    assert c.languages == ["English (en)", "Kiswahili (sw)"]
    assert c.has_media and c.media == ["clinic.png"]
    # pyxform warns the Kiswahili image is missing; kept as a warning with its row-less text.
    assert any(p.level == "warning" and "Kiswahili" in p.message for p in c.problems)


# -- bad formulas ----------------------------------------------------------


def test_bad_formula_names_sheet_and_row():
    with pytest.raises(XLSFormError) as excinfo:
        convert(workbook(with_relevant("${age > 5")), "clinic.xlsx", validate=False)
    [problem] = errors_of(excinfo)
    assert (problem.sheet, problem.row) == ("survey", 3)
    assert "relevant" in problem.message
    assert "Reference variables" in problem.detail  # pyxform's own words kept


def test_unknown_reference_names_the_field_and_row():
    with pytest.raises(XLSFormError) as excinfo:
        convert(workbook(with_relevant("${agee} > 5")), "clinic.xlsx", validate=False)
    [problem] = errors_of(excinfo)
    assert (problem.sheet, problem.row) == ("survey", 3)
    assert "agee" in problem.message


def test_unbalanced_parentheses_caught_without_java(no_java):
    with pytest.raises(XLSFormError) as excinfo:
        convert(workbook(with_relevant("(${age} > 5")), "clinic.xlsx")
    [problem] = errors_of(excinfo)
    assert (problem.sheet, problem.row) == ("survey", 3)
    assert "unbalanced" in problem.message


def test_brackets_inside_string_literals_are_fine():
    c = convert(workbook(with_relevant("${age} > 5 and 'a(' != ')b'")), "c.xlsx", validate=False)
    assert c.form_id == "clinic_queue"


def test_unknown_question_type_row_is_found():
    survey = [["type", "name", "label"], ["text", "a", "A"], ["integr", "age", "Age"]]
    with pytest.raises(XLSFormError) as excinfo:
        convert(workbook(good(survey=survey)), "clinic.xlsx", validate=False)
    [problem] = errors_of(excinfo)
    assert (problem.sheet, problem.row) == ("survey", 3)
    assert "integr" in problem.message


def test_missing_choice_list_points_at_the_survey_row():
    survey = [["type", "name", "label"], ["select_one nope", "q", "Q"]]
    with pytest.raises(XLSFormError) as excinfo:
        convert(workbook(good(survey=survey)), "clinic.xlsx", validate=False)
    [problem] = errors_of(excinfo)
    assert (problem.sheet, problem.row) == ("survey", 2)
    assert "nope" in problem.message


# -- refused before pyxform ------------------------------------------------


def test_missing_survey_sheet():
    with pytest.raises(XLSFormError) as excinfo:
        convert(workbook({"questions": SURVEY, "settings": SETTINGS}), "clinic.xlsx")
    [problem] = excinfo.value.problems
    assert "survey" in problem.message and "questions" in problem.message


def test_xls_renamed_xlsx_is_refused():
    fake_xls = xlsform.OLE2_MAGIC + b"\x00" * 512
    with pytest.raises(XLSFormError) as excinfo:
        convert(fake_xls, "clinic.xlsx")
    assert ".xls" in str(excinfo.value)


def test_csv_renamed_xlsx_is_refused():
    csv = b"type,name,label\ninteger,age,Age\n"
    with pytest.raises(XLSFormError) as excinfo:
        convert(csv, "clinic.xlsx")
    assert "not an Excel workbook" in str(excinfo.value)


def test_other_zip_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(XLSFormError, match="not an Excel workbook"):
        convert(buf.getvalue(), "clinic.xlsx")


def test_empty_file_is_refused():
    with pytest.raises(XLSFormError, match="empty"):
        convert(b"", "clinic.xlsx")


def test_oversize_is_refused(settings):
    data = workbook(good())
    settings.SAUTI_XLSFORM_MAX_BYTES = len(data) - 1
    with pytest.raises(XLSFormError) as excinfo:
        convert(data, "clinic.xlsx")
    assert "MB" in str(excinfo.value)


def test_nothing_left_in_the_temp_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsform.tempfile, "tempdir", str(tmp_path))
    convert(workbook(good()), "clinic.xlsx", validate=False)
    with pytest.raises(XLSFormError):
        convert(workbook(with_relevant("${agee}")), "clinic.xlsx", validate=False)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("sauti-xlsform-")]
