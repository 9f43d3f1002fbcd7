"""XLSForm upload: check, convert with pyxform, validate with ODK Validate.

A pure module (no models, no database): ``convert(data, filename)`` takes the
bytes of an uploaded ``.xlsx`` and returns a :class:`Conversion` (the XForm XML,
its OpenRosa ``md5:`` hash, form id, version, title, languages, media files and
every warning), or raises :class:`XLSFormError` with the problems that stopped it.
Nothing is written to the project tree; pyxform and ODK Validate work in a
temporary directory that is removed afterwards.

Each :class:`Problem` carries a plain English ``message`` (our own sentences go
through gettext) and, where it came from pyxform or ODK Validate, the tool's own
text in ``detail``. ``sheet`` and ``row`` point at the spreadsheet cell row the
way Excel numbers it (the header is row 1 when it is the first row).

ODK Validate (the Java engine ODK Collect uses, shipped inside pyxform) runs only
when ``java`` is on the PATH; without it the form is still converted,
``validated`` is ``None`` and a warning says the check did not run. We call the
jar ourselves rather than through ``Survey.to_xml(validate=True)`` because
pyxform hard-codes a 100-second timeout there and turns a timeout into a mere
warning; here the timeout is ``settings.SAUTI_XLSFORM_VALIDATE_TIMEOUT``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: An .xlsx is a zip: refuse one that unpacks to more than this (zip bombs).
DEFAULT_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
DEFAULT_VALIDATE_TIMEOUT = 60  # seconds; ODK Validate itself takes about 0.5 s

SURVEY = "survey"
SETTINGS = "settings"
#: Survey columns holding XPath formulas, checked for balanced brackets.
FORMULA_COLUMNS = (
    "relevant",
    "constraint",
    "calculation",
    "required",
    "read_only",
    "choice_filter",
    "repeat_count",
)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"

ROW_RE = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
#: Only pyxform's "On the 'x' sheet" names the sheet a row is on; "not in choices
#: sheet" messages still point at a survey row.
SHEET_RE = re.compile(r"\b[Oo]n the '([A-Za-z_]+)' sheet")
QUOTED_RE = re.compile(r"'([^']+)'")
REF_RE = re.compile(r"\$\{([^}\s]+)\}")
MEDIA_RE = re.compile(r"jr://(?:images|audio|video|file|file-csv)/([^<>\"'\s]+)")

Level = Literal["error", "warning"]


@dataclass
class Problem:
    """One thing wrong with (or worth knowing about) an uploaded form."""

    sheet: str | None
    row: int | None
    message: str
    level: Level = "error"
    #: The converter's own words (pyxform or ODK Validate), when they differ.
    detail: str = ""

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(_("sheet “%(sheet)s”") % {"sheet": self.sheet})
        if self.row:
            where.append(_("row %(row)d") % {"row": self.row})
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class Conversion:
    """A converted form, ready to be stored as one version."""

    form_id: str
    version: str | None
    title: str
    xml: str
    md5: str  # "md5:<hex>" as the OpenRosa formList wants
    problems: list[Problem] = field(default_factory=list)
    #: True: ODK Validate passed; None: it did not run (no Java, timeout, or not asked).
    validated: bool | None = None
    languages: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    #: CSV of external choices (pyxform's itemsets.csv), to serve as a media file.
    itemsets_csv: str | None = None
    validate_seconds: float | None = None

    @property
    def has_media(self) -> bool:
        return bool(self.media)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


class XLSFormError(Exception):
    """The upload cannot be turned into a form; ``problems`` says why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


# --------------------------------------------------------------------------
# Checks before pyxform
# --------------------------------------------------------------------------


def _fail(message: str, *, sheet: str | None = None, row: int | None = None, detail: str = ""):
    raise XLSFormError([Problem(sheet, row, message, "error", detail)])


def _check_file(data: bytes) -> None:
    """Refuse what is not a real, reasonably sized .xlsx workbook."""
    max_bytes = getattr(settings, "SAUTI_XLSFORM_MAX_BYTES", DEFAULT_MAX_BYTES)
    if not data:
        _fail(_("The file is empty."))
    if len(data) > max_bytes:
        _fail(
            _("The file is %(size)s MB; the largest form accepted is %(max)s MB.")
            % {"size": f"{len(data) / 1048576:.1f}", "max": f"{max_bytes / 1048576:g}"}
        )
    save_as = _("Open it in a spreadsheet program and save it as “Excel Workbook (.xlsx)”.")
    if data.startswith(OLE2_MAGIC):
        _fail(
            _("This is an old-style Excel (.xls) file or a password-protected workbook.")
            + " "
            + save_as
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        _fail(
            _("This file is not an Excel workbook (.xlsx); it may be a CSV or text file.")
            + " "
            + save_as
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            unzipped = sum(i.file_size for i in zf.infolist())
            if "mimetype" in names and zf.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument"
            ):
                _fail(
                    _("This is an OpenDocument (.ods) file, not an Excel workbook.") + " " + save_as
                )
            content_types = (
                zf.read("[Content_Types].xml").decode("utf-8", "replace")
                if "[Content_Types].xml" in names
                else ""
            )
    except zipfile.BadZipFile as exc:
        _fail(_("The workbook is damaged and cannot be opened."), detail=str(exc))
    if XLSM_MAIN in content_types:
        _fail(_("Macro-enabled workbooks (.xlsm) are not accepted.") + " " + save_as)
    if XLSX_MAIN not in content_types:
        _fail(_("This file is a zip archive but not an Excel workbook (.xlsx).") + " " + save_as)
    max_unzipped = getattr(settings, "SAUTI_XLSFORM_MAX_UNZIPPED_BYTES", DEFAULT_MAX_UNZIPPED_BYTES)
    if unzipped > max_unzipped:
        _fail(_("The workbook is too large once unpacked to be a form."))


def _header_index(rows: list[tuple]) -> int | None:
    """Index of the header row: the first of the first 100 with a 'type' or 'name' cell."""
    for i, values in enumerate(rows[:100]):
        cells = {_cell(v).lower() for v in values}
        if "type" in cells or "name" in cells or "form_id" in cells or "id_string" in cells:
            return i
    return None


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def _read_sheet(ws) -> list[tuple[int, dict[str, str]]]:
    """Rows of a sheet as (spreadsheet row number, {lower-case header: value})."""
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    h = _header_index(rows)
    if h is None:
        return []
    headers = [_cell(v).lower() for v in rows[h]]
    out = []
    for offset, values in enumerate(rows[h + 1 :], start=h + 2):
        record = {k: _cell(v) for k, v in zip(headers, values, strict=False) if k and _cell(v)}
        if record:
            out.append((offset, record))
    return out


@dataclass
class _Workbook:
    sheet_names: list[str]
    survey: list[tuple[int, dict[str, str]]]
    settings: dict[str, str]


def _read_workbook(data: bytes) -> _Workbook:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        _fail(_("The workbook is damaged and cannot be opened."), detail=str(exc))
    try:
        by_lower = {name.strip().lower(): name for name in wb.sheetnames}
        if SURVEY not in by_lower:
            _fail(
                _(
                    "The workbook has no sheet named “survey”, which holds the questions. "
                    "Sheets found: %(sheets)s."
                )
                % {"sheets": ", ".join(f"“{n}”" for n in wb.sheetnames)},
            )
        survey = _read_sheet(wb[by_lower[SURVEY]])
        settings_rows = _read_sheet(wb[by_lower[SETTINGS]]) if SETTINGS in by_lower else []
        return _Workbook(
            sheet_names=list(wb.sheetnames),
            survey=survey,
            settings=settings_rows[0][1] if settings_rows else {},
        )
    finally:
        wb.close()


def _safe_id(filename: str) -> str:
    """A form id pyxform may fall back to, derived from the file name."""
    stem = Path(filename or "form").stem
    ident = re.sub(r"[^A-Za-z0-9_]+", "_", stem).strip("_") or "form"
    if not ident[0].isalpha():
        ident = f"form_{ident}"
    return ident[:64]


# --------------------------------------------------------------------------
# Mapping pyxform and ODK Validate messages to sheet/row
# --------------------------------------------------------------------------


def _row_of_name(wb: _Workbook, name: str) -> int | None:
    for row, record in wb.survey:
        if record.get("name") == name:
            return row
    return None


def _row_of_value(wb: _Workbook, value: str) -> int | None:
    """The survey row holding ``value`` in some cell, if exactly one does."""
    rows = {row for row, record in wb.survey if value in record.values()}
    return rows.pop() if len(rows) == 1 else None


def _explain(raw: str, code_name: str | None, context: dict) -> str | None:
    """Our own plain sentence for the pyxform errors people meet most."""
    column = context.get("column")
    if code_name == "PYREF_003" and context.get("q"):
        return _(
            "The formula in the “%(column)s” column refers to ${%(name)s}, but no "
            "question on the survey sheet is named “%(name)s”. Check the spelling."
        ) % {"column": column, "name": context["q"]}
    if code_name == "PYREF_001" or "Reference variables must start with" in raw:
        return _(
            "The formula in the “%(column)s” column has a malformed reference: write "
            "a question as ${name}, with both braces."
        ) % {"column": column or "?"}
    if raw.startswith("Unknown question type"):
        return _(
            "The question type %(type)s is not an XLSForm type (check the spelling, "
            "e.g. “integer”, “select_one list”)."
        ) % {"type": raw.removeprefix("Unknown question type").strip(" .")}
    if "List name not in choices sheet" in raw:
        return _(
            "This select question uses the list “%(list)s”, but the choices sheet "
            "has no list_name of that name."
        ) % {"list": raw.rsplit(":", 1)[-1].strip()}
    if "must be unique" in raw:
        return _("Two questions have the same name; each name must be unique.")
    return None


def _from_pyxform(raw: str, level: Level, wb: _Workbook, code=None, context=None) -> Problem:
    context = dict(context or {})
    row = context.get("row")
    m = ROW_RE.search(raw)
    if row is None and m:
        row = int(m.group(1))
    text = ROW_RE.sub("", raw).strip()
    sheet = context.get("sheet")
    if sheet is None:
        sm = SHEET_RE.search(text)
        if sm:
            sheet = sm.group(1)
    if row is None:
        # No row given: try the quoted names and values in the message.
        for quoted in QUOTED_RE.findall(text):
            row = _row_of_value(wb, quoted)
            if row:
                break
    if row is not None and sheet is None:
        sheet = SURVEY
    try:
        row = int(row) if row is not None else None
    except (TypeError, ValueError):
        row = None
    code_name = getattr(code, "name", None)
    message = _explain(text, code_name, context)
    if message is None:
        return Problem(sheet, row, text, level)
    return Problem(sheet, row, message, level, detail=text)


def _bracket_error(expr: str) -> bool:
    """True when parentheses or brackets outside string literals do not balance."""
    depth = {"(": 0, "[": 0}
    closing = {")": "(", "]": "["}
    quote = None
    for ch in expr:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in depth:
            depth[ch] += 1
        elif ch in closing:
            depth[closing[ch]] -= 1
            if depth[closing[ch]] < 0:
                return True
    return quote is not None or any(depth.values())


def _check_formulas(wb: _Workbook) -> list[Problem]:
    problems = []
    for row, record in wb.survey:
        for column in FORMULA_COLUMNS:
            expr = record.get(column)
            if expr and _bracket_error(expr):
                problems.append(
                    Problem(
                        SURVEY,
                        row,
                        _(
                            "The formula in the “%(column)s” column has unbalanced "
                            "brackets, parentheses or quotes: %(expr)s"
                        )
                        % {"column": column, "expr": expr},
                        "error",
                    )
                )
    return problems


# --------------------------------------------------------------------------
# ODK Validate
# --------------------------------------------------------------------------

ODK_NOISE = (
    "The following files failed validation:",
    "Result: Invalid",
    "Result: Valid",
    ">> XForm is invalid.",
    ">> Xform is invalid.",
)


def _odk_problems(stderr: str, level: Level, wb: _Workbook, xml_path: Path) -> list[Problem]:
    from pyxform.validators.error_cleaner import ErrorCleaner

    cleaned = ErrorCleaner.odk_validate(stderr)
    lines = [
        line.strip(" :")
        for line in cleaned.splitlines()
        if line.strip(" :")
        and not any(line.strip().startswith(n) for n in ODK_NOISE)
        and not line.strip().startswith("... ")  # Java stack trace tail
        and xml_path.stem not in line
        and str(xml_path) not in line
    ]
    if not lines:
        return []
    detail = "\n".join(lines)
    row = name = None
    for ref in REF_RE.findall(detail):
        row = _row_of_name(wb, ref)
        if row:
            name = ref
            break
    if level == "error":
        if name:
            message = _(
                "ODK Validate, which checks the form the way ODK Collect will read it, "
                "found a problem with the question “%(name)s”: most often a formula it "
                "cannot read."
            ) % {"name": name}
        else:
            message = _(
                "ODK Validate, which checks the form the way ODK Collect will read it, "
                "rejected the form."
            )
    else:
        message = _("ODK Validate reported a warning.")
    return [Problem(SURVEY if row else None, row, message, level, detail=detail)]


def _run_odk_validate(
    xml: str, form_id: str, workdir: Path, wb: _Workbook
) -> tuple[bool | None, list[Problem], float | None]:
    """Run ODK Validate on ``xml``; return (validated, problems, seconds)."""
    from pyxform.validators.odk_validate import ODK_VALIDATE_PATH

    java = shutil.which("java")
    if java is None:
        return (
            None,
            [
                Problem(
                    None,
                    None,
                    _(
                        "The form was not checked by ODK Validate: "
                        "Java is not installed on the server."
                    ),
                    "warning",
                )
            ],
            None,
        )
    timeout = getattr(settings, "SAUTI_XLSFORM_VALIDATE_TIMEOUT", DEFAULT_VALIDATE_TIMEOUT)
    xml_path = workdir / f"{form_id}.xml"
    xml_path.write_text(xml, encoding="utf-8")
    started = time.monotonic()
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [java, "-Djava.awt.headless=true", "-jar", ODK_VALIDATE_PATH, str(xml_path)],
            capture_output=True,
            timeout=timeout,
            cwd=workdir,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return (
            None,
            [
                Problem(
                    None,
                    None,
                    _(
                        "The form was not checked by ODK Validate: the check did not "
                        "finish within %(seconds)s seconds."
                    )
                    % {"seconds": timeout},
                    "warning",
                )
            ],
            time.monotonic() - started,
        )
    except OSError as exc:
        logger.warning("ODK Validate could not start: %s", exc)
        return (
            None,
            [
                Problem(
                    None,
                    None,
                    _("The form was not checked by ODK Validate: Java could not be started."),
                    "warning",
                    detail=str(exc),
                )
            ],
            None,
        )
    seconds = time.monotonic() - started
    logger.info("ODK Validate of %s took %.2f s (exit %s)", form_id, seconds, result.returncode)
    stderr = result.stderr.decode("utf-8", "replace")
    if result.returncode == 0:
        return True, _odk_problems(stderr, "warning", wb, xml_path), seconds
    problems = _odk_problems(
        stderr or result.stdout.decode("utf-8", "replace"), "error", wb, xml_path
    )
    if not problems:
        problems = [
            Problem(
                None,
                None,
                _("ODK Validate rejected the form without saying why."),
                "error",
                detail=f"exit code {result.returncode}",
            )
        ]
    return False, problems, seconds


# --------------------------------------------------------------------------
# Reading the result
# --------------------------------------------------------------------------

XF = "{http://www.w3.org/2002/xforms}"
XH = "{http://www.w3.org/1999/xhtml}"


def _describe(xml: str) -> tuple[str, str | None, str, list[str]]:
    """(form id, version, title, languages) read from the XForm itself."""
    root = ET.fromstring(xml)  # noqa: S314 - our own pyxform output
    title = root.findtext(f"{XH}head/{XH}title") or ""
    model = root.find(f"{XH}head/{XF}model")
    instance = model.find(f"{XF}instance")
    data = next(iter(instance))
    languages = []
    itext = model.find(f"{XF}itext")
    if itext is not None:
        languages = [t.get("lang") for t in itext.findall(f"{XF}translation")]
    return data.get("id"), data.get("version"), title, [lang for lang in languages if lang]


def md5_of(xml: str) -> str:
    """The OpenRosa formList hash of the XForm as stored (UTF-8 bytes)."""
    return "md5:" + hashlib.md5(xml.encode("utf-8"), usedforsecurity=False).hexdigest()


# --------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------


def convert(data: bytes, filename: str, *, validate: bool = True) -> Conversion:
    """Convert an uploaded XLSForm; raise :class:`XLSFormError` if it cannot be used.

    ``validate=False`` skips ODK Validate (``validated`` is then ``None``).
    """
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert as pyxform_convert

    _check_file(data)
    wb = _read_workbook(data)
    if not wb.survey:
        _fail(_("The “survey” sheet has no questions."), sheet=SURVEY)

    problems: list[Problem] = []
    fallback_id = _safe_id(filename)
    if not (wb.settings.get("form_id") or wb.settings.get("id_string")):
        problems.append(
            Problem(
                SETTINGS,
                None,
                _(
                    "No form_id is set on the settings sheet, so the form ID “%(id)s” was "
                    "made from the file name. Add a form_id so that new versions "
                    "replace this form instead of becoming a new one."
                )
                % {"id": fallback_id},
                "warning",
            )
        )
    if not wb.settings.get("version"):
        problems.append(
            Problem(
                SETTINGS,
                None,
                _(
                    "No version is set on the settings sheet. Add one (for example today's "
                    "date, 2025010101) and raise it with every change so phones update."
                ),
                "warning",
            )
        )

    with tempfile.TemporaryDirectory(prefix="sauti-xlsform-") as tmp:
        workdir = Path(tmp)
        source = workdir / f"{fallback_id}.xlsx"
        source.write_bytes(data)
        warnings: list[str] = []
        try:
            result = pyxform_convert(xlsform=source, warnings=warnings, validate=False)
        except PyXFormError as exc:
            raise XLSFormError(
                [_from_pyxform(str(exc), "error", wb, exc.code, exc.context)]
                + [_from_pyxform(w, "warning", wb) for w in warnings]
            ) from exc
        except Exception as exc:  # pyxform has unguarded paths on odd input
            logger.warning("pyxform failed on %s: %r", filename, exc)
            raise XLSFormError(
                [
                    Problem(
                        None,
                        None,
                        _("The form could not be converted; check it against the XLSForm rules."),
                        "error",
                        detail=f"{type(exc).__name__}: {exc}",
                    )
                ]
            ) from exc
        problems += [_from_pyxform(w, "warning", wb) for w in warnings]

        errors = _check_formulas(wb)
        if errors:
            raise XLSFormError(errors + problems)

        xml = result.xform
        form_id, version, title, languages = _describe(xml)
        validated, seconds = None, None
        if validate:
            validated, odk, seconds = _run_odk_validate(xml, _safe_id(form_id), workdir, wb)
            if validated is False:
                raise XLSFormError(odk + problems)
            problems += odk

    media = list(dict.fromkeys(MEDIA_RE.findall(xml)))
    if result.itemsets is not None and "itemsets.csv" not in media:
        media.append("itemsets.csv")
    return Conversion(
        form_id=form_id,
        version=version,
        title=title,
        xml=xml,
        md5=md5_of(xml),
        problems=problems,
        validated=validated,
        languages=languages,
        media=media,
        itemsets_csv=result.itemsets,
        validate_seconds=seconds,
    )
