"""Import a project's sites (health facilities, communities) from a CSV or XLSX file.

Two steps, like the mechanisms import whose reader this reuses
(:mod:`sauti.mechanisms.imports`):

1. :func:`check_sites` reads the upload and checks every row. It never writes.
   Each problem is a ``(row, column, message)`` triple: the row as the
   spreadsheet shows it (the header is row 1), the column header as the file
   spells it, and a reason in the reader's language. A problem with the header
   has the header's row; one about the whole file has row ``None``; neither
   names a column unless one is to blame.
2. :func:`write_sites` writes a clean check in one transaction: a row whose
   ``code`` matches a site of the project updates it, any other row creates one.

Columns are ``code, name, kind, country, area, latitude, longitude``; a header
may also be the field's label in any of Sauti's languages, in any case and
spacing. ``name``, ``kind`` and ``country`` are required. A column left out of
the file leaves that field of an updated site alone; a blank cell clears it.
Countries are ISO codes (alpha-2 or alpha-3) or names in any Sauti language;
kinds are ``facility``/``community`` or their labels. Text that looks like a
spreadsheet formula is kept as plain text (exports quote it); a real formula in
a workbook cell is refused, since its value is not in the file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sauti.core.services import log_action
from sauti.mechanisms.imports import (
    TEXT,
    CellError,
    Column,
    Formula,
    Rejected,
    _as_text,
    _CellProblem,
    _choice_map,
    _clean_text,
    _country_map,
    _header_text,
    _is_comment,
    _is_empty,
    _languages,
    _prepare,
    _shown,
    _unambiguous,
    normalise,
    read_rows,
)

from .file_checks import Problem, ProblemsFound
from .models import Project, Site

DEFAULT_MAX_ROWS = 5000
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Every row is checked, but a list of thousands of errors helps nobody.
_BATCH = 500

KEYS = ("code", "name", "kind", "country", "area", "latitude", "longitude")
REQUIRED = ("name", "kind", "country")
_TEXT_KEYS = ("code", "name", "area")
_PLACES = Decimal("0.00001")  # the model keeps five decimals (about a metre)
_RANGES = {"latitude": Decimal(90), "longitude": Decimal(180)}
# What sauti.core.exports.safe_cell puts a quote before: undone on import.
_EXPORT_QUOTED = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def max_rows() -> int:
    return int(getattr(settings, "SAUTI_SITE_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS))


def max_bytes() -> int:
    return int(getattr(settings, "SAUTI_SITE_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


@dataclass
class SiteImport(ProblemsFound):
    """The outcome of :func:`check_sites`: clean rows, or the problems that stop them."""

    project_id: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    columns: tuple[str, ...] = ()  # the keys the file has, in KEYS order
    ignored_columns: list[str] = field(default_factory=list)
    existing_codes: set[str] = field(default_factory=set)  # codes that will update a site

    @property
    def to_update(self) -> int:
        return sum(1 for row in self.rows if row.get("code") in self.existing_codes)

    @property
    def to_create(self) -> int:
        return len(self.rows) - self.to_update

    @property
    def warnings(self) -> list[str]:
        """Worth a look before confirming, not a reason to stop (worded in the active language)."""
        if not self.ignored_columns:
            return []
        return [
            _("These columns are not recognised and will be ignored: %(columns)s.")
            % {"columns": ", ".join(f"“{header}”" for header in self.ignored_columns)}
        ]


# --- Vocabulary ------------------------------------------------------------


# Spelled here rather than read from the model: Site.country has no translated verbose_name.
_LABELS = {
    "code": gettext_lazy("code"),
    "name": gettext_lazy("name"),
    "kind": gettext_lazy("kind"),
    "country": gettext_lazy("country"),
    "area": gettext_lazy("area"),
    "latitude": gettext_lazy("latitude"),
    "longitude": gettext_lazy("longitude"),
}


def _columns() -> dict[str, Column]:
    columns = {}
    for key in KEYS:
        max_length = Site._meta.get_field(key).max_length if key in _TEXT_KEYS else None
        columns[key] = Column(key, _LABELS[key], TEXT, key in REQUIRED, max_length)
    return columns


def header_map() -> dict[str, str]:
    """Normalised header text → key, for the keys and the labels in every language."""
    candidates: dict[str, set[str]] = defaultdict(set)
    for language in _languages():
        with translation.override(language):
            for column in _columns().values():
                candidates[normalise(column.label)].add(column.key)
    mapping = _unambiguous(candidates)
    mapping.update({normalise(key): key for key in KEYS})
    return mapping


@dataclass
class _Vocabulary:
    headers: dict[str, str]
    kinds: dict[str, str]
    countries: dict[str, str]

    @classmethod
    def build(cls) -> _Vocabulary:
        return cls(
            headers=header_map(), kinds=_choice_map(Site.Kind.choices), countries=_country_map()
        )


# --- Cells -----------------------------------------------------------------


def _cell(value: Any) -> Any:
    """Refuse workbook formulas and error cells; keep formula-looking text as text."""
    if isinstance(value, Formula | CellError):
        _prepare(value)  # raises _CellProblem with the mechanisms import's wording
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_EXPORT_QUOTED):
        return value[1:]  # undo the quote an export puts before = + - @
    return value


def _coordinate(key: str, value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _CellProblem(_not_a_number(value))
    if isinstance(value, int | float | Decimal):
        text = str(value)
    else:
        text = "".join(_as_text(value).split()).replace("\u2212", "-")
        if "," in text and "." not in text and text.count(",") == 1:
            text = text.replace(",", ".")  # 1,2921 from a spreadsheet in French or Spanish
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _CellProblem(_not_a_number(value)) from None
    if not number.is_finite():
        raise _CellProblem(_not_a_number(value))
    limit = _RANGES[key]
    if not -limit <= number <= limit:
        raise _CellProblem(
            _("%(value)s is out of range: it must be between %(min)s and %(max)s")
            % {"value": _shown(value), "min": -limit, "max": limit}
        )
    return number.quantize(_PLACES, rounding=ROUND_HALF_UP)


def _not_a_number(value: Any) -> str:
    return _("“%(value)s” is not a number in decimal degrees, such as -1.29210") % {
        "value": _shown(value)
    }


class _RowChecker:
    def __init__(self, positions: dict[str, int], headers: list[str], vocabulary: _Vocabulary):
        self.positions = positions
        self.headers = headers
        self.vocabulary = vocabulary
        self.columns = _columns()
        self.first_row_of_code: dict[str, int] = {}

    def header(self, key: str) -> str:
        return self.headers[self.positions[key]] if key in self.positions else key

    def check(self, number: int, cells: list[Any], result: SiteImport) -> dict[str, Any] | None:
        row: dict[str, Any] = {"row": number}
        failed = False
        for key, position in self.positions.items():
            value = cells[position] if position < len(cells) else None
            try:
                row[key] = self._clean(key, _cell(value))
            except _CellProblem as problem:
                result.add(number, self.headers[position], problem.message)
                failed = True
        if not failed:
            failed = self._check_pairs(number, row, result)
        return None if failed else row

    def _clean(self, key: str, value: Any) -> Any:
        column = self.columns[key]
        if _is_empty(value):
            if column.required:
                raise _CellProblem(_("a value is required"))
            return None if key in _RANGES else ""
        if key in _RANGES:
            return _coordinate(key, value)
        if key == "kind":
            kind = self.vocabulary.kinds.get(normalise(_as_text(value)))
            if kind is None:
                raise _CellProblem(
                    _("unknown value “%(value)s”; use one of: %(allowed)s")
                    % {"value": _shown(value), "allowed": ", ".join(Site.Kind.values)}
                )
            return kind
        if key == "country":
            code = self.vocabulary.countries.get(normalise(_as_text(value)))
            if code is None:
                raise _CellProblem(_("unknown country “%(value)s”") % {"value": _shown(value)})
            return code
        text = _clean_text(column, value)
        if column.required and not text:
            raise _CellProblem(_("a value is required"))
        return text

    def _check_pairs(self, number: int, row: dict[str, Any], result: SiteImport) -> bool:
        failed = False
        code = row.get("code")
        if code:
            first = self.first_row_of_code.setdefault(code, number)
            if first != number:
                result.add(
                    number,
                    self.header("code"),
                    _("the code “%(code)s” is already used in row %(row)s; a code names one site")
                    % {"code": _shown(code), "row": first},
                )
                failed = True
        latitude, longitude = row.get("latitude"), row.get("longitude")
        if (latitude is None) != (longitude is None):
            missing = "latitude" if latitude is None else "longitude"
            result.add(
                number,
                self.header(missing),
                _("give both latitude and longitude, or neither"),
            )
            failed = True
        return failed


# --- Checking a file -------------------------------------------------------


def _size(upload: Any) -> int | None:
    size = getattr(upload, "size", None)
    if size is None and hasattr(upload, "seek"):
        try:
            upload.seek(0, 2)
            size = upload.tell()
        finally:
            upload.seek(0)
    return size


def check_sites(project: Project, upload: Any) -> SiteImport:
    """Read and check every row of a CSV or XLSX upload for ``project``. Writes nothing.

    ``upload`` is an uploaded file (or any binary file object). The result's
    ``rows`` are the clean rows when there is no problem at all, else empty.
    """
    result = SiteImport(project_id=project.pk)
    try:
        size, limit = _size(upload), max_bytes()
        if size is not None and size > limit:
            raise Rejected(
                _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files.")
                % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
            )
        _check(read_rows(upload), result)
    except Rejected as rejected:
        result.rows = []
        result.add(None, "", rejected.message)
        return result
    if result.problem_count:
        result.rows = []
    else:
        codes = {row["code"] for row in result.rows if row.get("code")}
        result.existing_codes = set(
            Site.objects.filter(project=project, code__in=codes).values_list("code", flat=True)
        )
    return result


def _check(rows: Any, result: SiteImport) -> None:
    vocabulary = _Vocabulary.build()
    checker: _RowChecker | None = None
    data_rows = 0
    limit = max_rows()
    for number, cells in rows:
        if all(_is_empty(cell) for cell in cells):
            continue
        if checker is None:
            if _is_comment(cells):
                continue  # an explanation above the header
            checker = _read_header(number, cells, vocabulary, result)
            if checker is None:
                return
            continue
        if data_rows == 0 and _is_comment(cells):
            continue  # a row of hints under the header
        data_rows += 1
        if data_rows > limit:
            result.problems.clear()
            result.problem_count = 0
            raise Rejected(
                _(
                    "The file has too many rows: one import takes at most %(max)s sites. "
                    "Split it into several files and import them one after another."
                )
                % {"max": formats.number_format(limit, force_grouping=True)}
            )
        row = checker.check(number, cells, result)
        if row is not None and result.problem_count == 0:
            result.rows.append(row)
    if checker is None:
        raise Rejected(_("The file is empty."))
    if data_rows == 0:
        raise Rejected(_("The file has column names but no sites. Add one row per site."))


def _read_header(
    number: int, cells: list[Any], vocabulary: _Vocabulary, result: SiteImport
) -> _RowChecker | None:
    headers = [_header_text(cell) for cell in cells]
    positions: dict[str, int] = {}
    ignored = []
    for position, header in enumerate(headers):
        if not header:
            continue
        key = vocabulary.headers.get(normalise(header))
        if key is None:
            ignored.append(header)
            continue
        if key in positions:
            result.add(
                number,
                header,
                _("The columns “%(first)s” and “%(second)s” are the same field; keep one.")
                % {"first": headers[positions[key]], "second": header},
            )
            return None
        positions[key] = position
    missing = [key for key in REQUIRED if key not in positions]
    if missing:
        result.add(
            number,
            "",
            _(
                "Required columns are missing: %(columns)s. The first row must hold the column "
                "names: %(all)s."
            )
            % {"columns": ", ".join(missing), "all": ", ".join(KEYS)},
        )
        return None
    result.ignored_columns = ignored
    result.columns = tuple(key for key in KEYS if key in positions)
    return _RowChecker(positions, headers, vocabulary)


# --- Writing ---------------------------------------------------------------


def _values(row: dict[str, Any]) -> dict[str, Any]:
    values = {key: row[key] for key in KEYS if key in row and key not in ("code", "country")}
    if "country" in row:
        values["country_id"] = row["country"]
    return values


@transaction.atomic
def write_sites(project: Project, checked: SiteImport, *, acting_user: Any) -> tuple[int, int]:
    """Write a clean :func:`check_sites` result for ``project``; return (created, updated).

    A row whose code matches a site of the project updates that site (only the
    columns the file has); any other row creates a site. All or nothing.
    """
    if checked.project_id != project.pk:
        raise ValueError("This check was made for another project.")
    if not checked.ok:
        raise ValueError("Only a check without problems can be written.")
    codes = [row["code"] for row in checked.rows if row.get("code")]
    existing: dict[str, Site] = {}
    for start in range(0, len(codes), _BATCH):
        batch = codes[start : start + _BATCH]
        for site in Site.objects.select_for_update().filter(project=project, code__in=batch):
            existing[site.code] = site
    new_sites, changed = [], []
    fields: set[str] = set()
    for row in checked.rows:
        values = _values(row)
        site = existing.get(row.get("code") or "")
        if site is None:
            new_sites.append(Site(project=project, code=row.get("code") or "", **values))
            continue
        for name, value in values.items():
            setattr(site, name, value)
        fields.update(values)
        changed.append(site)
    Site.objects.bulk_create(new_sites, batch_size=_BATCH)
    if changed:
        Site.objects.bulk_update(changed, sorted(fields), batch_size=_BATCH)
    log_action(
        "monitoring.sites_import",
        acting_user=acting_user,
        target=project,
        data={
            "created": len(new_sites),
            "updated": len(changed),
            "columns": list(checked.columns),
        },
    )
    return len(new_sites), len(changed)
