"""Bulk import of mechanisms from a CSV or XLSX file: read, validate every row, then write
all rows or none.

The flow has two steps with a pause between them, because the person importing
must see what will happen before anything is written:

1. :func:`validate_upload` reads the file and checks every row. It never writes
   to the database. Each problem is reported with its row (counted as a
   spreadsheet shows it: the header is row 1), its column and a reason in the
   reader's language.
2. When there are no errors, :func:`save_pending` keeps the cleaned rows in a
   file tied to the user, for :data:`PENDING_LIFETIME`; :func:`import_mechanisms`
   later writes them in one transaction.

A column is recognised by its English key (``country``) or by the field's label
in any of Sauti's languages (``Pays``, ``País``…), so that the template a
person downloads in French comes back in French and is still understood. Choice
values accept the code or the label in any language; yes/no cells accept the
common words of every language.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import json
import os
import re
import secrets
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import URLValidator
from django.db import connection, models, router, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone, translation
from django.utils.encoding import force_str, is_protected_type
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sauti.accounts.models import Constituency, Organisation
from sauti.core.i18n import babel_locale, language_name
from sauti.core.models import Country
from sauti.core.services import log_action
from sauti.core.text import clean_plain_text, validate_printable

from .models import Assessment, Mechanism, Source

MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX is a zip: a small file can unpack to gigabytes. Refuse before parsing.
MAX_UNPACKED_SIZE = 200 * 1024 * 1024
MAX_COLUMNS = 200
# Every row is checked, but a page listing 20 000 errors helps nobody.
MAX_ERRORS_KEPT = 200
PENDING_LIFETIME = timedelta(hours=24)
# Ten thousand rows are written in seconds: an import "running" for this long lost its
# worker, and is offered to be confirmed again rather than left running for ever.
RUNNING_TIMEOUT = timedelta(minutes=15)
PREVIEW_ROWS = 10

REQUIRED = ("name", "country", "level", "kind")
TRANSLATED = ("name", "description")
# Columns an export adds for readers; a re-imported export ignores them quietly.
EXPORT_ONLY = (
    "id",
    "url",
    "is_verified",
    "updated_at",
    *(f"score_{name}" for name in Assessment.DIMENSIONS),
)

# The template's columns, in order: one per field a person records.
KEYS = (
    "name",
    "description",
    "original_language",
    "country",
    "subnational_area",
    "level",
    "kind",
    "is_formal",
    "legal_basis",
    "legal_citation",
    "year_established",
    "host_institution",
    *Mechanism.STAGES,
    "outcome",
    "co_governs",
    "spectrum",
    "selection",
    "community_majority",
    "seats_government",
    "seats_civil_society",
    "seats_community",
    "seats_health_workers",
    "seats_academia",
    "seats_private",
    "constituencies",
    "meeting_frequency",
    "last_meeting",
    "has_budget",
    "has_secretariat",
    "has_office",
    "has_allowances",
    "publishes_agendas",
    "publishes_minutes",
    "publishes_decisions",
    "gives_feedback",
    "offers_capacity_building",
    "source_title",
    "source_url",
)

TEXT, MULTILINE, CHOICE, BOOLEAN, INTEGER, DATE = (
    "text",
    "multiline",
    "choice",
    "bool",
    "int",
    "date",
)
COUNTRY, LANGUAGE, CONSTITUENCIES, SOURCE_TITLE, SOURCE_URL = (
    "country",
    "language",
    "constituencies",
    "source_title",
    "source_url",
)

# Yes/no words people type, in Sauti's seven languages (and what spreadsheets
# in those languages write for TRUE/FALSE). The UI's own "Yes"/"No" in every
# catalogue are added at run time.
TRUE_WORDS = {"yes", "y", "true", "1", "oui", "vrai", "si", "verdadero", "sim", "verdadeiro"}
TRUE_WORDS |= {"نعم", "да", "истина", "是", "对"}
FALSE_WORDS = {"no", "n", "false", "0", "non", "faux", "falso", "nao", "لا", "нет", "ложь", "否"}
UNKNOWN_WORDS = {"unknown", "not known", "?"}

_QUOTE_TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What an export puts a quote before (sauti.core.exports.safe_cell), to undo on import.
_QUOTED = (*_QUOTE_TRIGGERS, "\t", "\r", "\n")
_EQUALS = ("=", "\uff1d")
_SIGNS = ("+", "-", "@", "\uff0b", "\uff0d", "\uff20")
# What follows + - @ in a formula: a function call, a cell reference, a sheet
# reference, a DDE call (cmd|…) or arithmetic on numbers.
_FORMULA_BODY = re.compile(
    r"""^[\s(]*(?:
        [A-Za-z_][\w.]*\s*\(          # SUM(  HYPERLINK(
      | \$?[A-Za-z]{1,3}\$?\d+\b      # A1  $B$2
      | [^\s!]+!                      # Sheet1!
      | [^|\n]*\|                     # cmd|
      | \d[\d.,]*\s*[-+*/^&]          # 1+2
    )""",
    re.VERBOSE,
)


# --- Columns ---------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise | str
    kind: str
    required: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[tuple[str, Any], ...] = ()


def _model_column(key: str) -> Column:
    if key in TRANSLATED:
        model_field = Mechanism._parler_meta.root_model._meta.get_field(key)
    else:
        model_field = Mechanism._meta.get_field(key)
    label = model_field.verbose_name
    required = key in REQUIRED
    if key == "original_language":
        return Column(key, label, LANGUAGE)
    if key == "country":
        return Column(key, label, COUNTRY, required)
    if key == "constituencies":
        return Column(key, label, CONSTITUENCIES, choices=tuple(Constituency.Code.choices))
    if isinstance(model_field, models.BooleanField):
        return Column(key, label, BOOLEAN)
    if isinstance(model_field, models.DateField):
        return Column(key, label, DATE)
    if isinstance(model_field, models.PositiveSmallIntegerField):
        minimum, maximum = 0, 32767
        for validator in model_field.validators:
            if validator.code == "min_value":
                minimum = validator.limit_value
            elif validator.code == "max_value":
                maximum = validator.limit_value
        return Column(key, label, INTEGER, minimum=minimum, maximum=maximum)
    if model_field.choices:
        return Column(key, label, CHOICE, required, choices=tuple(model_field.choices))
    kind = MULTILINE if isinstance(model_field, models.TextField) else TEXT
    return Column(key, label, kind, required, max_length=model_field.max_length)


def _columns() -> tuple[Column, ...]:
    title_length = Source._meta.get_field("title").max_length
    url_length = Source._meta.get_field("url").max_length
    sources = (
        # Same words as the mechanism form, so that the catalogues share them.
        Column("source_title", gettext_lazy("Source title"), SOURCE_TITLE, max_length=title_length),
        Column("source_url", gettext_lazy("Source link"), SOURCE_URL, max_length=url_length),
    )
    return (*(_model_column(key) for key in KEYS[:-2]), *sources)


COLUMNS: tuple[Column, ...] = _columns()
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}


def normalise(text: object) -> str:
    """Fold case, accents, underscores and spacing so that "Année_établie " == "annee etablie"."""
    return _normalise(str(text))


@lru_cache(maxsize=8192)  # cells repeat ("yes", "KE", "district"): fold each spelling once
def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("_", " ").replace("\u2019", "'")
    return " ".join(folded.split()).strip(" *:")


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _unambiguous(candidates: dict[str, set[str]]) -> dict[str, str]:
    """Keep only the spellings that point to one value (two fields may share a word somewhere)."""
    return {text: next(iter(values)) for text, values in candidates.items() if len(values) == 1}


def header_map() -> dict[str, str]:
    """Normalised header text → column key, for keys and labels in every language."""
    candidates: dict[str, set[str]] = defaultdict(set)
    for language in _languages():
        with translation.override(language):
            for column in COLUMNS:
                candidates[normalise(column.label)].add(column.key)
    mapping = _unambiguous(candidates)
    # The English key always wins: it is what exports use.
    mapping.update({normalise(column.key): column.key for column in COLUMNS})
    return mapping


def column_label(column: Column, mapping: dict[str, str] | None = None) -> str:
    """The column's header in the active language (its key when the label is ambiguous)."""
    mapping = mapping if mapping is not None else header_map()
    label = str(column.label)
    if mapping.get(normalise(label)) != column.key:
        return column.key
    return label[:1].upper() + label[1:]


def _choice_map(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    choices = list(choices)
    candidates: dict[str, set[str]] = defaultdict(set)
    for language in _languages():
        with translation.override(language):
            for code, label in choices:
                candidates[normalise(label)].add(code)
    mapping = _unambiguous(candidates)
    mapping.update({normalise(code): code for code, _label in choices})
    return mapping


def _boolean_map() -> dict[str, bool | None]:
    mapping: dict[str, bool | None] = {}
    for language in _languages():
        with translation.override(language):
            mapping[normalise(_("Not known"))] = None
            mapping[normalise(_("Yes"))] = True
            mapping[normalise(_("No"))] = False
    mapping.update({normalise(word): None for word in UNKNOWN_WORDS})
    mapping.update({normalise(word): True for word in TRUE_WORDS})
    mapping.update({normalise(word): False for word in FALSE_WORDS})
    return mapping


def _country_map() -> dict[str, str]:
    candidates: dict[str, set[str]] = defaultdict(set)
    codes = dict(Country.objects.values_list("code", "alpha3"))
    for code in codes:
        for language in _languages():
            name = babel_locale(language).territories.get(code)
            if name:
                candidates[normalise(name)].add(code)
        record = pycountry.countries.get(alpha_2=code)
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(record, attribute, None) if record else None
            if name:
                candidates[normalise(name)].add(code)
    mapping = _unambiguous(candidates)
    for code, alpha3 in codes.items():
        mapping[normalise(code)] = code
        mapping[normalise(alpha3)] = code
    return mapping


def _language_map() -> dict[str, str]:
    candidates: dict[str, set[str]] = defaultdict(set)
    for code, native in settings.LANGUAGES:
        candidates[normalise(native)].add(code)
        for language in _languages():
            candidates[normalise(language_name(code, in_language=language))].add(code)
    mapping = _unambiguous(candidates)
    for code in _languages():
        mapping[normalise(code)] = code
        mapping[normalise(code.replace("-", "_"))] = code
    mapping.setdefault("zh", "zh-hans")
    mapping.setdefault("zh cn", "zh-hans")
    return mapping


@dataclass
class _Vocabulary:
    """Every spelling a cell may use, built once per import in every language."""

    headers: dict[str, str]
    choices: dict[str, dict[str, str]]
    booleans: dict[str, bool | None]
    countries: dict[str, str]
    languages: dict[str, str]

    @classmethod
    def build(cls) -> _Vocabulary:
        return cls(
            headers=header_map(),
            choices={
                column.key: _choice_map(column.choices)
                for column in COLUMNS
                if column.kind in (CHOICE, CONSTITUENCIES)
            },
            booleans=_boolean_map(),
            countries=_country_map(),
            languages=_language_map(),
        )


# --- Reading the file ------------------------------------------------------


class Rejected(Exception):
    """The file as a whole cannot be imported; the message says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Formula(str):
    """A spreadsheet cell holding a formula (never evaluated, never imported)."""

    __slots__ = ()


class CellError(str):
    """A spreadsheet cell showing an error value such as #N/A."""

    __slots__ = ()


def _not_a_table() -> Rejected:
    return Rejected(
        _(
            "This file is not a CSV or XLSX spreadsheet. Save your table as CSV or as an "
            "Excel workbook (.xlsx) and upload it again."
        )
    )


def read_rows(upload: Any) -> Iterator[tuple[int, list[Any]]]:
    """Yield (spreadsheet row number, cell values) from a CSV or XLSX upload.

    The format is told by the content, not the file name: a workbook renamed
    .csv is still read, and a PDF renamed .csv is refused.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_FILE_SIZE:
        raise Rejected(
            _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_FILE_SIZE)}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head:
        raise Rejected(_("The file is empty."))
    if head.startswith(b"PK\x03\x04"):
        return _xlsx_rows(upload)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise Rejected(
            _(
                "This is an old Excel file (.xls). Open it in your spreadsheet and save it as "
                ".xlsx or as CSV, then upload it again."
            )
        )
    if head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z")):
        raise _not_a_table()
    data = upload.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise Rejected(
            _("The file is larger than %(limit)s. Split it into smaller files.")
            % {"limit": filesizeformat(MAX_FILE_SIZE)}
        )
    return _csv_rows(_decode(data))


def _decode(data: bytes) -> str:
    """Try UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), then Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _not_a_table() from error
    else:
        if b"\x00" in data:
            raise _not_a_table()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if not text.strip():
        raise Rejected(_("The file is empty."))
    if controls > len(sample) // 100:
        raise _not_a_table()
    return text


def _delimiter(text: str) -> str:
    """Comma, semicolon (Excel in many languages) or tab: whichever splits the header most."""
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            header = line
            break
    else:
        return ","
    counts = {}
    for candidate in (",", ";", "\t"):
        counts[candidate] = len(next(csv.reader([header], delimiter=candidate), []))
    return max(counts, key=lambda candidate: counts[candidate])


def _csv_rows(text: str) -> Iterator[tuple[int, list[Any]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells[:MAX_COLUMNS]
    except csv.Error as error:
        raise Rejected(
            _(
                "The file could not be read as CSV near row %(row)s. Save it again as CSV "
                "(UTF-8) from your spreadsheet and upload it again."
            )
            % {"row": number + 1}
        ) from error


def _xlsx_rows(upload: Any) -> Iterator[tuple[int, list[Any]]]:
    import openpyxl

    try:
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _not_a_table() from error
    if unpacked > MAX_UNPACKED_SIZE:
        raise Rejected(_("The workbook is too large once unpacked. Split it into smaller files."))
    upload.seek(0)
    try:
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a zip that is no workbook
        raise _not_a_table() from error
    return _sheet_rows(workbook)


def _sheet_rows(workbook: Any) -> Iterator[tuple[int, list[Any]]]:
    number = 0
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        # Some writers store a wrong sheet size; read what is really there.
        sheet.reset_dimensions()
        for cells in sheet.iter_rows():
            number += 1
            values: list[Any] = []
            for cell in cells[:MAX_COLUMNS]:
                row = getattr(cell, "row", None)
                if row:
                    number = row
                if cell.data_type == "f":
                    values.append(Formula(str(cell.value)))
                elif cell.data_type == "e":
                    values.append(CellError(str(cell.value)))
                else:
                    values.append(cell.value)
            yield number, values
    except Rejected:
        raise
    except Exception as error:  # a damaged sheet: tell the user, never a 500
        raise Rejected(
            _("The workbook could not be read near row %(row)s. Save it again and retry.")
            % {"row": number + 1}
        ) from error
    finally:
        workbook.close()


# --- Validating ------------------------------------------------------------


@dataclass
class Problem:
    """One reason a file or a row cannot be imported."""

    message: str
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("Row %(row)s, column %(column)s: %(reason)s") % {
            "row": self.row,
            "column": self.column,
            "reason": self.message,
        }


@dataclass
class ValidationResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0 and bool(self.rows)

    def add(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_ERRORS_KEPT:
            self.problems.append(problem)

    @property
    def hidden_problem_count(self) -> int:
        return self.problem_count - len(self.problems)


class _CellProblem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_formula(text: str) -> bool:
    """Would a spreadsheet run this text as a formula?"""
    stripped = text.lstrip()
    if stripped.startswith(_EQUALS):
        return len(stripped) > 1
    if stripped.startswith(_SIGNS):
        return bool(_FORMULA_BODY.match(stripped[1:]))
    return False


def _prepare(value: Any) -> Any:
    """Refuse formulas and error cells; undo the quote an export puts before a harmless - or +."""
    if isinstance(value, Formula):
        raise _CellProblem(_("formulas are not accepted"))
    if isinstance(value, CellError):
        raise _CellProblem(
            _("the cell shows a spreadsheet error (%(error)s)") % {"error": str(value)}
        )
    if isinstance(value, str):
        if value.startswith("'") and value[1:].startswith(_QUOTED):
            # A quoted formula stays quoted: it is text, and remains harmless text.
            return value if is_formula(value[1:]) else value[1:]
        if is_formula(value):
            raise _CellProblem(_("formulas are not accepted"))
    return value


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time.min else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _shown(value: Any) -> str:
    """A cell's value as the error message quotes it (short: a message is no place for an essay)."""
    text = " ".join(_as_text(value).split())
    return text if len(text) <= 60 else text[:59] + "…"


def _clean_text(column: Column, value: Any) -> str:
    text = clean_plain_text(_as_text(value), multiline=column.kind == MULTILINE)
    if column.max_length and len(text) > column.max_length:
        raise _CellProblem(
            _("too long: %(length)s characters, at most %(max)s")
            % {"length": len(text), "max": column.max_length}
        )
    return text


def _clean_choice(column: Column, value: Any, vocabulary: _Vocabulary) -> str:
    code = vocabulary.choices[column.key].get(normalise(_as_text(value)))
    if code is None:
        raise _CellProblem(
            _("unknown value “%(value)s”; use one of: %(allowed)s")
            % {"value": _shown(value), "allowed": ", ".join(c for c, _l in column.choices)}
        )
    return code


def _clean_boolean(value: Any, vocabulary: _Vocabulary) -> bool | None:
    if isinstance(value, bool):
        return value
    key = normalise(_as_text(value))
    if key not in vocabulary.booleans:
        raise _CellProblem(
            _("“%(value)s” is not yes or no; leave the cell empty if it is not known")
            % {"value": _shown(value)}
        )
    return vocabulary.booleans[key]


def _clean_integer(column: Column, value: Any) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*\d+(\.0+)?\s*", value):
        number = int(float(value))
    if number is None or not column.minimum <= number <= column.maximum:  # type: ignore[operator]
        raise _CellProblem(
            _("“%(value)s” is not a whole number from %(min)s to %(max)s")
            % {"value": _shown(value), "min": column.minimum, "max": column.maximum}
        )
    return number


def _clean_date(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _as_text(value).strip()
    try:
        return date.fromisoformat(
            text[:10] if re.match(r"\d{4}-\d\d-\d\dT", text) else text
        ).isoformat()
    except ValueError:
        raise _CellProblem(
            _("“%(value)s” is not a date written as YEAR-MONTH-DAY (e.g. 2024-03-31)")
            % {"value": _shown(value)}
        ) from None


def _clean_constituencies(column: Column, value: Any, vocabulary: _Vocabulary) -> list[str]:
    codes: list[str] = []
    mapping = vocabulary.choices[column.key]
    for part in re.split(r"[;\n؛；]", _as_text(value)):
        if not part.strip():
            continue
        code = mapping.get(normalise(part))
        if code is None:
            raise _CellProblem(
                _("unknown constituency “%(value)s”; use codes separated by “;”: %(allowed)s")
                % {"value": _shown(part), "allowed": ", ".join(c for c, _l in column.choices)}
            )
        if code not in codes:
            codes.append(code)
    return codes


def _lines(value: Any) -> list[str]:
    """A source cell may list several sources, one per line (how exports write them)."""
    lines = _as_text(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


_url_validator = URLValidator(schemes=["http", "https"])


def _clean_url(text: str, column: Column) -> str:
    url = text.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url  # as the form does (assume_scheme="https")
    if column.max_length and len(url) > column.max_length:
        raise _CellProblem(
            _("too long: %(length)s characters, at most %(max)s")
            % {"length": len(url), "max": column.max_length}
        )
    try:
        _url_validator(url)
        validate_printable(url)
    except ValidationError:
        raise _CellProblem(
            _("“%(value)s” is not a web address") % {"value": _shown(text)}
        ) from None
    return url


class _RowChecker:
    """Check one row at a time against the columns the header named."""

    def __init__(
        self,
        positions: dict[str, int],
        headers: list[str],
        vocabulary: _Vocabulary,
        default_language: str,
    ) -> None:
        self.positions = positions
        self.headers = headers
        self.vocabulary = vocabulary
        self.default_language = default_language

    def check(
        self, number: int, cells: list[Any], result: ValidationResult
    ) -> dict[str, Any] | None:
        row: dict[str, Any] = {"row": number}
        problems: list[Problem] = []
        raw_sources: dict[str, list[str]] = {}
        for key, position in self.positions.items():
            column = COLUMNS_BY_KEY[key]
            value = cells[position] if position < len(cells) else None
            header = self.headers[position]
            try:
                value = _prepare(value)
                if _is_empty(value):
                    if column.required:
                        raise _CellProblem(_("a value is required"))
                    continue
                if column.kind in (SOURCE_TITLE, SOURCE_URL):
                    raw_sources[key] = _lines(value)
                    continue
                cleaned = self._clean(column, value)
                if column.required and cleaned in ("", None):
                    raise _CellProblem(_("a value is required"))
                if cleaned not in ("", None, []):
                    row[key] = cleaned
            except _CellProblem as problem:
                problems.append(Problem(problem.message, number, header))
        sources = self._sources(number, raw_sources, problems)
        if sources:
            row["sources"] = sources
        for problem in problems:
            result.add(problem)
        if problems:
            return None
        row.setdefault("original_language", self.default_language)
        return row

    def _clean(self, column: Column, value: Any) -> Any:
        vocabulary = self.vocabulary
        if column.kind in (TEXT, MULTILINE):
            return _clean_text(column, value)
        if column.kind == CHOICE:
            return _clean_choice(column, value, vocabulary)
        if column.kind == BOOLEAN:
            return _clean_boolean(value, vocabulary)
        if column.kind == INTEGER:
            return _clean_integer(column, value)
        if column.kind == DATE:
            return _clean_date(value)
        if column.kind == COUNTRY:
            code = vocabulary.countries.get(normalise(_as_text(value)))
            if code is None:
                raise _CellProblem(_("unknown country “%(value)s”") % {"value": _shown(value)})
            return code
        if column.kind == LANGUAGE:
            code = vocabulary.languages.get(normalise(_as_text(value)))
            if code is None:
                raise _CellProblem(
                    _("unknown language “%(value)s”; use one of: %(allowed)s")
                    % {"value": _shown(value), "allowed": ", ".join(_languages())}
                )
            return code
        if column.kind == CONSTITUENCIES:
            return _clean_constituencies(column, value, vocabulary)
        raise AssertionError(column.kind)  # pragma: no cover

    def _sources(
        self, number: int, raw: dict[str, list[str]], problems: list[Problem]
    ) -> list[dict[str, str]]:
        titles, urls = raw.get("source_title", []), raw.get("source_url", [])
        sources = []
        for index in range(max(len(titles), len(urls))):
            title = titles[index] if index < len(titles) else ""
            url = urls[index] if index < len(urls) else ""
            try:
                clean_title = _clean_text(COLUMNS_BY_KEY["source_title"], title)
            except _CellProblem as problem:
                problems.append(Problem(problem.message, number, self._header("source_title")))
                continue
            try:
                clean_url = _clean_url(url, COLUMNS_BY_KEY["source_url"])
            except _CellProblem as problem:
                problems.append(Problem(problem.message, number, self._header("source_url")))
                continue
            if clean_url and not clean_title:
                problems.append(
                    Problem(_("give the source a title"), number, self._header("source_title"))
                )
            elif clean_title:
                sources.append({"title": clean_title, "url": clean_url})
        return sources

    def _header(self, key: str) -> str:
        position = self.positions.get(key)
        return self.headers[position] if position is not None else key


def _header_text(value: Any) -> str:
    return "" if value is None else " ".join(_as_text(value).split())


def _is_comment(cells: list[Any]) -> bool:
    first = next((cell for cell in cells if not _is_empty(cell)), None)
    return isinstance(first, str) and first.lstrip().startswith("#")


def validate_upload(upload: Any, *, default_language: str) -> ValidationResult:
    """Read and check every row of an uploaded file. Writes nothing."""
    result = ValidationResult()
    try:
        _validate(read_rows(upload), result, default_language)
    except Rejected as rejected:
        result.rows = []
        result.add(Problem(rejected.message))
    return result


def _validate(
    rows: Iterator[tuple[int, list[Any]]], result: ValidationResult, default_language: str
) -> None:
    vocabulary = _Vocabulary.build()
    checker: _RowChecker | None = None
    data_rows = 0
    for number, cells in rows:
        if all(_is_empty(cell) for cell in cells):
            continue
        if checker is None:
            if _is_comment(cells):
                continue  # lines before the header (an explanation) are not data
            checker = _read_header(cells, vocabulary, result, default_language)
            if checker is None:
                return
            continue
        if data_rows == 0 and _is_comment(cells):
            continue  # the template's row of hints under the header
        data_rows += 1
        if data_rows > MAX_ROWS:
            result.rows = []
            result.problems = []
            result.problem_count = 0
            raise Rejected(
                _(
                    "The file has too many rows: one import takes at most %(max)s mechanisms. "
                    "Split it into several files and import them one after another."
                )
                % {"max": formats.number_format(MAX_ROWS, force_grouping=True)}
            )
        row = checker.check(number, cells, result)
        if row is not None and result.problem_count == 0:
            result.rows.append(row)
    if checker is None:
        raise Rejected(_("The file is empty."))
    if data_rows == 0:
        raise Rejected(_("The file has column names but no mechanisms. Add one row per mechanism."))
    if result.problem_count:
        result.rows = []


def _read_header(
    cells: list[Any], vocabulary: _Vocabulary, result: ValidationResult, default_language: str
) -> _RowChecker | None:
    headers = [_header_text(cell) for cell in cells]
    positions: dict[str, int] = {}
    ignored = []
    for position, header in enumerate(headers):
        if not header:
            continue
        key = vocabulary.headers.get(normalise(header))
        if key is None:
            if normalise(header) not in {normalise(k) for k in EXPORT_ONLY}:
                ignored.append(header)
            continue
        if key in positions:
            result.add(
                Problem(
                    _("The columns “%(first)s” and “%(second)s” are the same field; keep one.")
                    % {"first": headers[positions[key]], "second": header}
                )
            )
            return None
        positions[key] = position
    missing = [COLUMNS_BY_KEY[key] for key in REQUIRED if key not in positions]
    if missing:
        names = ", ".join(f"“{column_label(c, vocabulary.headers)}” ({c.key})" for c in missing)
        result.add(
            Problem(
                _(
                    "Required columns are missing: %(columns)s. The first row must hold the "
                    "column names; download the template to see them."
                )
                % {"columns": names}
            )
        )
        return None
    result.ignored_columns = ignored
    return _RowChecker(positions, headers, vocabulary, default_language)


def _row_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:20])
    return shown + ("…" if len(numbers) > 20 else "")


def warnings(rows: list[dict[str, Any]], ignored_columns: list[str]) -> list[str]:
    """Things worth a second look before confirming, that do not stop the import.

    Worded when the confirm page is shown, in the reader's language of that moment.
    """
    notes = []
    if ignored_columns:
        notes.append(
            _("These columns are not recognised and will be ignored: %(columns)s.")
            % {"columns": ", ".join(f"“{header}”" for header in ignored_columns)}
        )
    without_source = [row["row"] for row in rows if not row.get("sources")]
    if without_source:
        notes.append(
            ngettext(
                "%(count)s row has no source (row %(rows)s). A source lets others check each "
                "claim; you can add one later on the record.",
                "%(count)s rows have no source (rows %(rows)s). A source lets others check each "
                "claim; you can add them later on each record.",
                len(without_source),
            )
            % {"count": len(without_source), "rows": _row_list(without_source)}
        )
    translation_model = Mechanism._parler_meta.root_model
    countries = {row["country"] for row in rows}
    known = set()
    existing = translation_model.objects.filter(
        master__country_id__in=countries, master__hidden_at__isnull=True
    ).values_list("master__country_id", "name")
    for country, name in existing.iterator(chunk_size=5000):
        known.add((country, normalise(name)))
    duplicates = []
    for row in rows:
        key = (row["country"], normalise(row["name"]))
        if key in known:
            duplicates.append(row["row"])
        known.add(key)
    if duplicates:
        notes.append(
            ngettext(
                "%(count)s row has the same name and country as a mechanism already on Sauti "
                "or earlier in the file (row %(rows)s). Importing it creates a duplicate.",
                "%(count)s rows have the same name and country as a mechanism already on Sauti "
                "or earlier in the file (rows %(rows)s). Importing them creates duplicates.",
                len(duplicates),
            )
            % {"count": len(duplicates), "rows": _row_list(duplicates)}
        )
    return notes


# --- Keeping validated rows between the two steps --------------------------


PENDING, RUNNING, DONE = "pending", "running", "done"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


class PendingNotFound(Exception):
    """No import waits under this token (never existed, expired, or already done)."""


@dataclass
class PendingImport:
    token: str
    user_id: int
    organisation_id: int | None
    created_at: datetime
    filename: str
    rows: list[dict[str, Any]]
    ignored_columns: list[str]
    state: str = PENDING
    count: int = 0
    countries: list[str] = field(default_factory=list)

    @property
    def expires_at(self) -> datetime:
        return self.created_at + PENDING_LIFETIME

    def preview(self) -> list[dict[str, Any]]:
        return self.rows[:PREVIEW_ROWS]


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _path(token: str, state: str) -> Path:
    # The file name is a hash of the token: even if the media folder were
    # served, the address of the confirm page would not lead to the data.
    digest = hashlib.sha256(token.encode()).hexdigest()
    return _folder() / f"{digest}.{state}.json"


def _write(path: Path, payload: dict[str, Any]) -> None:
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
    os.replace(temporary, path)


def _remove_expired() -> None:
    limit = timezone.now().timestamp() - PENDING_LIFETIME.total_seconds()
    for path in _folder().glob("*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:
            pass


def save_pending(
    result: ValidationResult, *, user: Any, organisation: Organisation | None, filename: str
) -> str:
    """Keep validated rows for the user's confirmation; return the token that names them."""
    _remove_expired()
    token = secrets.token_urlsafe(32)
    _write(
        _path(token, PENDING),
        {
            "user": user.pk,
            "organisation": organisation.pk if organisation else None,
            "created_at": timezone.now().isoformat(),
            "filename": filename[:200],
            "rows": result.rows,
            "ignored_columns": result.ignored_columns,
        },
    )
    return token


def load_pending(token: str, *, user: Any) -> PendingImport:
    """The import waiting under ``token``; only its owner may see or confirm it."""
    if not _TOKEN.match(token or ""):
        raise PendingNotFound
    for state in (PENDING, RUNNING, DONE):
        path = _path(token, state)
        try:
            with path.open(encoding="utf-8") as handle:
                payload = json.load(handle)
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as error:
            raise PendingNotFound from error
        pending = PendingImport(
            token=token,
            user_id=payload["user"],
            organisation_id=payload.get("organisation"),
            created_at=datetime.fromisoformat(payload["created_at"]),
            filename=payload.get("filename", ""),
            rows=payload.get("rows", []),
            ignored_columns=payload.get("ignored_columns", []),
            state=state,
            count=payload.get("count", len(payload.get("rows", []))),
            countries=payload.get("countries", []),
        )
        if pending.user_id != user.pk:
            raise PermissionDenied
        if state == RUNNING:
            started = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
            if started < timezone.now() - RUNNING_TIMEOUT:
                stop_started(pending)
                pending.state = PENDING
        if pending.expires_at < timezone.now() and pending.state != RUNNING:
            _path(token, pending.state).unlink(missing_ok=True)
            raise PendingNotFound
        return pending
    raise PendingNotFound


def start_pending(pending: PendingImport) -> None:
    """Mark the import as running, once: of two confirms sent at once, only one starts
    (renaming is atomic); the other gets ``PendingNotFound``."""
    running = _path(pending.token, RUNNING)
    try:
        os.rename(_path(pending.token, PENDING), running)
    except FileNotFoundError as error:
        raise PendingNotFound from error
    os.utime(running)  # when it started, for RUNNING_TIMEOUT


def stop_started(pending: PendingImport) -> None:
    """Make a started import pending again (its task could not be queued, or was lost)."""
    with contextlib.suppress(FileNotFoundError):
        os.rename(_path(pending.token, RUNNING), _path(pending.token, PENDING))


def run_started(
    pending: PendingImport, *, acting_user: Any, organisation: Organisation | None
) -> int:
    """Write the rows of a started import, all or none, and record that it is done.

    If writing fails, the import is pending again, so that its owner can confirm
    it once more rather than upload the file again.
    """
    running = _path(pending.token, RUNNING)
    try:
        count = import_mechanisms(pending.rows, organisation=organisation, acting_user=acting_user)
    except BaseException:
        os.rename(running, _path(pending.token, PENDING))
        raise
    _write(
        _path(pending.token, DONE),
        {
            "user": pending.user_id,
            "organisation": pending.organisation_id,
            "created_at": timezone.now().isoformat(),
            "filename": pending.filename,
            "count": count,
            "countries": sorted({row["country"] for row in pending.rows}),
        },
    )
    running.unlink(missing_ok=True)
    return count


def confirm_pending(
    pending: PendingImport, *, acting_user: Any, organisation: Organisation | None
) -> int:
    """Import the rows waiting under the token, once, now: a second confirm finds it
    started or done. (The confirm page runs the same two steps in the background.)"""
    start_pending(pending)
    return run_started(pending, acting_user=acting_user, organisation=organisation)


# --- Writing ---------------------------------------------------------------

_BATCH = 500


_SET_LATER = (
    *TRANSLATED,
    "country",
    "constituencies",
    "last_meeting",
    "source_title",
    "source_url",
)
_PLAIN = tuple(key for key in KEYS if key not in _SET_LATER)


def _mechanism(row: dict[str, Any], **common: Any) -> Mechanism:
    values = {key: row[key] for key in _PLAIN if key in row}
    if "last_meeting" in row:
        values["last_meeting"] = date.fromisoformat(row["last_meeting"])
    return Mechanism(country_id=row["country"], **values, **common)


@transaction.atomic
def import_mechanisms(
    rows: list[dict[str, Any]], *, organisation: Organisation | None, acting_user: Any
) -> int:
    """Create a mechanism per validated row, all or none, as one version in the history.

    The bulk counterpart of :func:`services.create_mechanism`: the same records,
    sources and first version, but written with a few hundred queries for ten
    thousand rows, and one revision ("import") instead of one per record.
    """
    if not rows:
        return 0
    now = timezone.now()
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    mechanisms = [
        _mechanism(row, organisation=organisation, created_by=user, created_at=now) for row in rows
    ]
    if connection.features.can_return_rows_from_bulk_insert:
        Mechanism.objects.bulk_create(mechanisms, batch_size=_BATCH)
    else:  # pragma: no cover - SQLite ≥ 3.35 and PostgreSQL return the new ids
        for mechanism in mechanisms:
            mechanism.save()

    translation_model = Mechanism._parler_meta.root_model
    translations = [
        translation_model(
            master_id=mechanism.pk,
            language_code=mechanism.original_language,
            name=row["name"],
            description=row.get("description", ""),
        )
        for mechanism, row in zip(mechanisms, rows, strict=True)
    ]
    translation_model.objects.bulk_create(translations, batch_size=_BATCH)

    through = Mechanism.constituencies.through
    links = [
        through(mechanism_id=mechanism.pk, constituency_id=code)
        for mechanism, row in zip(mechanisms, rows, strict=True)
        for code in row.get("constituencies", [])
    ]
    through.objects.bulk_create(links, batch_size=_BATCH)

    sources = [
        Source(mechanism_id=mechanism.pk, title=source["title"], url=source["url"], added_at=now)
        for mechanism, row in zip(mechanisms, rows, strict=True)
        for source in row.get("sources", [])
    ]
    Source.objects.bulk_create(sources, batch_size=_BATCH)

    revision = _record_versions(mechanisms, rows, translations, sources, user=user, date=now)
    log_action(
        "mechanism.import",
        acting_user=acting_user,
        target=organisation,
        data={
            "count": len(mechanisms),
            "first_id": mechanisms[0].pk,
            "last_id": mechanisms[-1].pk,
            "revision": revision.pk if revision else None,
        },
    )
    return len(mechanisms)


def _record_versions(
    mechanisms: list[Mechanism],
    rows: list[dict[str, Any]],
    translations: list[Any],
    sources: list[Source],
    *,
    user: Any,
    date: datetime,
) -> Any:
    """One reversion revision holding the first version of every imported record.

    ``reversion.add_to_revision`` would query each record's translations and
    sources again and copy its bookkeeping per object (quadratic for 10 000
    records); the versions here hold the same data as Django's serialiser writes
    (a test compares them), built from what is in hand.
    """
    import reversion
    from reversion.models import Revision, Version
    from reversion.revisions import _get_options

    if not reversion.is_registered(Mechanism):  # pragma: no cover - registered in apps.py
        return None
    revision = Revision.objects.create(date_created=date, user=user, comment="import")
    constituencies = {
        mechanism.pk: {"constituencies": sorted(row.get("constituencies", []))}
        for mechanism, row in zip(mechanisms, rows, strict=True)
    }
    names = {mechanism.pk: row["name"] for mechanism, row in zip(mechanisms, rows, strict=True)}
    groups: list[tuple[list[Any], Any, Any]] = [
        (mechanisms, lambda obj: names[obj.pk], lambda obj: constituencies[obj.pk]),
        (translations, force_str, lambda obj: {}),
        (sources, force_str, lambda obj: {}),
    ]
    versions: list[Version] = []
    for objects, describe, many in groups:
        if not objects:
            continue
        model = type(objects[0])
        options = _get_options(model)
        dump = _Dumper(model, options.fields)
        common = {
            "revision": revision,
            "content_type": ContentType.objects.get_for_model(model),
            "db": router.db_for_write(model),
            "format": options.format,
        }
        for obj in objects:
            versions.append(
                Version(
                    object_id=str(obj.pk),
                    serialized_data=dump(obj, many(obj)),
                    object_repr=describe(obj),
                    **common,
                )
            )
    Version.objects.bulk_create(versions, batch_size=_BATCH)
    return revision


class _Dumper:
    """Django's JSON serialisation of one object (what reversion stores), without its
    per-object machinery: the fields to write are worked out once per model."""

    def __init__(self, model: type[models.Model], selected: Iterable[str] | None) -> None:
        meta = model._meta.concrete_model._meta
        chosen = set(selected) if selected is not None else None
        self.label = str(meta)
        self.fields = [
            model_field
            for model_field in meta.local_fields
            if model_field.serialize and (chosen is None or _selected_name(model_field) in chosen)
        ]
        self.many = [
            model_field.name
            for model_field in meta.local_many_to_many
            if model_field.serialize and (chosen is None or model_field.attname in chosen)
        ]

    def __call__(self, obj: models.Model, many: dict[str, list[Any]]) -> str:
        values: dict[str, Any] = {}
        for model_field in self.fields:
            value = model_field.value_from_object(obj)
            if not is_protected_type(value):
                value = model_field.value_to_string(obj)
            values[model_field.name] = value
        for name in self.many:
            values[name] = many.get(name, [])
        item = {"model": self.label, "pk": obj.pk, "fields": values}
        return json.dumps([item], cls=DjangoJSONEncoder, ensure_ascii=False)


def _selected_name(model_field: Any) -> str:
    # As django.core.serializers.base.Serializer matches ``fields=`` (FKs without "_id").
    return model_field.attname if model_field.remote_field is None else model_field.attname[:-3]
