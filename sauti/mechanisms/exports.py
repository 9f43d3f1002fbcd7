"""What Sauti writes out about mechanisms: the filtered list as CSV, XLSX and JSON, and the
import template.

An export has the template's columns, in the template's order, so that a
downloaded list can be edited and imported again; then columns for readers
(``id``, ``url``, ``is_verified``, ``updated_at`` and the latest scores) that an
import ignores. Codes, not labels, fill the cells: they read the same in every
language and survive a round trip.

Lists of any length stream: records are read 2 000 at a time, with one query
each for their translations, constituencies and sources, and CSV and JSON are
written as they are read. Every text cell of CSV and XLSX
goes through :func:`sauti.core.exports.safe_cell` against formula injection.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import IO, Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.accounts.models import Constituency
from sauti.core.exports import safe_cell
from sauti.core.i18n import country_name, sort_key
from sauti.core.models import Country

from . import imports
from .models import Assessment, Mechanism, Source

CHUNK_SIZE = 2000
SCORES = tuple(f"score_{name}" for name in Assessment.DIMENSIONS)
EXTRA = ("id", "url", "is_verified", "updated_at", *SCORES)
HEADERS = (*imports.KEYS, *EXTRA)
_PLAIN = tuple(
    key
    for key in imports.KEYS
    if key not in ("name", "description", "country", "constituencies", "source_title", "source_url")
)


_COLUMNS = ("id", "country_id", *_PLAIN, "is_verified", "updated_at", *SCORES)


def records(queryset: QuerySet[Mechanism], *, detail_url: str) -> Iterator[dict[str, Any]]:
    """One dict per mechanism, with Python values (dates, booleans, lists), in the list's order.

    ``detail_url`` is the absolute address of a record with ``{id}`` in place of
    its id: computed once by the caller, in the reader's language. Plain values
    rather than model instances: building 100 000 instances (and their
    translations, sources and constituencies) would cost more than the export.
    """
    rows = queryset.values_list(*_COLUMNS).iterator(chunk_size=CHUNK_SIZE)
    for chunk in _chunks(rows, CHUNK_SIZE):
        yield from _records(chunk, detail_url)


def _chunks(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _records(chunk: list[tuple[Any, ...]], detail_url: str) -> Iterator[dict[str, Any]]:
    ids = [row[0] for row in chunk]
    texts: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
    translation_model = Mechanism._parler_meta.root_model
    for master_id, language, name, description in translation_model.objects.filter(
        master_id__in=ids
    ).values_list("master_id", "language_code", "name", "description"):
        texts[master_id][language] = (name, description)
    codes: dict[int, list[str]] = defaultdict(list)
    through = Mechanism.constituencies.through
    for mechanism_id, code in (
        through.objects.filter(mechanism_id__in=ids)
        .order_by("constituency_id")
        .values_list("mechanism_id", "constituency_id")
    ):
        codes[mechanism_id].append(code)
    sources: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for mechanism_id, title, url in (
        Source.objects.filter(mechanism_id__in=ids)
        .order_by("added_at", "id")
        .values_list("mechanism_id", "title", "url")
    ):
        sources[mechanism_id].append((title, url))
    for row in chunk:
        values = dict(zip(_COLUMNS, row, strict=True))
        pk = values["id"]
        by_language = texts.get(pk, {})
        name, description = by_language.get(values["original_language"]) or next(
            iter(by_language.values()), ("", "")
        )
        values["name"], values["description"] = name, description
        values["country"] = values.pop("country_id")
        values["constituencies"] = codes.get(pk, [])
        values["source_title"] = [title for title, _url in sources.get(pk, [])]
        values["source_url"] = [url for _title, url in sources.get(pk, [])]
        values["url"] = detail_url.replace("{id}", str(pk))
        yield {key: values[key] for key in HEADERS}


def filename(extension: str) -> str:
    return f"sauti-mechanisms-{timezone.localdate():%Y-%m-%d}.{extension}"


# --- Cells -----------------------------------------------------------------


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _joined(key: str, value: list[str]) -> str:
    # Several sources: one per line (titles and links in the same order), as the import reads them.
    return (";" if key == "constituencies" else "\n").join(value)


def csv_cell(key: str, value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return safe_cell(_joined(key, value))
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return safe_cell(value)
    return value


def xlsx_cell(key: str, value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, list):
        value = _joined(key, value)
    if isinstance(value, datetime):
        return _iso(value)  # Excel has no time zones; the text says UTC
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value)) if value else None
    return value  # numbers, booleans and dates stay typed: sortable and filterable


def json_record(values: dict[str, Any]) -> dict[str, Any]:
    """JSON keeps types: lists stay lists, and the sources are objects."""
    result = {key: value for key, value in values.items() if not key.startswith("source_")}
    result["sources"] = [
        {"title": title, "url": url}
        for title, url in zip(values["source_title"], values["source_url"], strict=True)
    ]
    if isinstance(values["updated_at"], datetime):
        result["updated_at"] = _iso(values["updated_at"])
    return result


# --- Formats ---------------------------------------------------------------


class _Echo:
    """A file-like object that hands back what csv.writer writes, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """CSV in UTF-8 with a byte-order mark (so that Excel reads the accents), in pieces."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    yield writer.writerow(HEADERS)
    buffer: list[str] = []
    for values in rows:
        buffer.append(writer.writerow([csv_cell(key, values[key]) for key in HEADERS]))
        if len(buffer) >= 500:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def json_chunks(rows: Iterator[dict[str, Any]], *, query: str = "") -> Iterator[str]:
    """A JSON document that states the licence, then the records, written as they are read."""
    head = {
        "source": settings.SITE_URL,
        "licence": settings.SAUTI_CONTENT_LICENCE,
        "licence_url": settings.SAUTI_CONTENT_LICENCE_URL,
        "generated_at": _iso(timezone.now()),
        "filters": query,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "mechanisms": ['
    separator = "\n"
    for values in rows:
        yield separator + json.dumps(json_record(values), cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def write_xlsx(rows: Iterator[dict[str, Any]], handle: IO[bytes], *, query: str = "") -> None:
    """An XLSX workbook written row by row (openpyxl's write-only mode keeps memory flat)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("mechanisms")
    sheet.freeze_panes = "B2"
    sheet.append(list(HEADERS))
    for values in rows:
        sheet.append([xlsx_cell(key, values[key]) for key in HEADERS])
    about = workbook.create_sheet(_sheet_title(_("About this file")))
    about.append([_("Source"), settings.SITE_URL])
    about.append([_("Licence"), settings.SAUTI_CONTENT_LICENCE, settings.SAUTI_CONTENT_LICENCE_URL])
    about.append([_("Downloaded at (UTC)"), _iso(timezone.now())])
    about.append([_("Filters"), safe_cell(query) or None])
    workbook.save(handle)


def xlsx_file(rows: Iterator[dict[str, Any]], *, query: str = "") -> IO[bytes]:
    """The workbook in a temporary file (on disk past a few MB), rewound for reading."""
    handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    write_xlsx(rows, handle, query=query)
    handle.seek(0)
    return handle


# --- The import template ---------------------------------------------------


def _sheet_title(text: str) -> str:
    for character in "[]:*?/\\":
        text = text.replace(character, " ")
    return text.strip()[:31] or "Sheet"


def _allowed(column: imports.Column) -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in column.choices]


def column_hint(column: imports.Column) -> str:
    """What to write in a column, in one or two sentences of the reader's language."""
    kind = column.kind
    if kind in (imports.TEXT, imports.MULTILINE):
        hint = _("Text, at most %(max)s characters.") % {"max": column.max_length}
    elif kind == imports.CHOICE:
        hint = _("One of: %(values)s.") % {"values": ", ".join(c for c, _l in column.choices)}
    elif kind == imports.BOOLEAN:
        hint = _("yes or no; leave the cell empty if it is not known.")
    elif kind == imports.INTEGER:
        hint = _("A whole number from %(min)s to %(max)s.") % {
            "min": column.minimum,
            "max": column.maximum,
        }
    elif kind == imports.DATE:
        hint = _("A date written as YEAR-MONTH-DAY, e.g. 2024-03-31.")
    elif kind == imports.COUNTRY:
        hint = _("The country's ISO code (KE or KEN) or its name.")
    elif kind == imports.LANGUAGE:
        hint = _(
            "The language the name and description are written in: %(values)s. When empty, "
            "the language chosen on the import page."
        ) % {"values": ", ".join(code for code, _n in settings.LANGUAGES)}
    elif kind == imports.CONSTITUENCIES:
        hint = _("Codes separated by “;”, e.g. women;youth. Codes: %(values)s.") % {
            "values": ", ".join(Constituency.Code.values)
        }
    elif kind == imports.SOURCE_TITLE:
        hint = _(
            "The title of a law, report, minutes or web page that supports the record. "
            "Several sources: one per line."
        )
    else:
        hint = _(
            "The web address of the source. Several sources: one per line, in the same order "
            "as their titles."
        )
    if column.required:
        return _("Required.") + " " + hint
    return hint


def template_headers() -> list[str]:
    mapping = imports.header_map()
    return [imports.column_label(column, mapping) for column in imports.COLUMNS]


def template_csv() -> str:
    """The CSV template: the column names, then one comment row of hints (ignored on import)."""
    lines: list[str] = []
    writer = csv.writer(_Echo())
    lines.append("\ufeff")
    lines.append(writer.writerow(template_headers()))
    hints = [column_hint(column) for column in imports.COLUMNS]
    hints[0] = "# " + hints[0]
    lines.append(writer.writerow(hints))
    return "".join(lines)


def template_xlsx(handle: IO[bytes]) -> None:
    """The XLSX template: headers with hints as comments, drop-down lists, and a sheet
    explaining every column's allowed values."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(_("Mechanisms"))
    headers = template_headers()
    last_row = imports.MAX_ROWS + 1
    yes_no = f'"{_("Yes").lower()},{_("No").lower()}"'
    for index, (column, header) in enumerate(zip(imports.COLUMNS, headers, strict=True), 1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = Font(bold=True)
        cell.comment = Comment(column_hint(column), "Sauti", width=300, height=120)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, min(40, len(header) + 4))
        if column.kind in (imports.CHOICE, imports.BOOLEAN):
            values = (
                yes_no
                if column.kind == imports.BOOLEAN
                else '"' + ",".join(c for c, _l in column.choices) + '"'
            )
            # A suggestion, not a lock: labels and other languages are accepted too.
            validation = DataValidation(
                type="list", formula1=values, allow_blank=True, showErrorMessage=False
            )
            validation.add(f"{letter}2:{letter}{last_row}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "B2"

    guide = workbook.create_sheet(_sheet_title(_("Allowed values")))
    guide.append([_("Column"), _("Key"), _("What to write"), _("Allowed values")])
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, header in zip(imports.COLUMNS, headers, strict=True):
        allowed = ""
        if column.kind in (imports.CHOICE, imports.CONSTITUENCIES):
            allowed = "\n".join(f"{code} — {label}" for code, label in _allowed(column))
        elif column.kind == imports.BOOLEAN:
            allowed = "\n".join((_("Yes"), _("No"), _("(empty: not known)")))
        elif column.kind == imports.LANGUAGE:
            allowed = "\n".join(f"{code} — {name}" for code, name in settings.LANGUAGES)
        elif column.kind == imports.COUNTRY:
            allowed = _("See the sheet “%(sheet)s”.") % {"sheet": _sheet_title(_("Countries"))}
        guide.append([header, column.key, column_hint(column), allowed])
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (32, 24, 60, 60), strict=True):
        guide.column_dimensions[letter].width = width

    countries = workbook.create_sheet(_sheet_title(_("Countries")))
    countries.append([_("Country"), _("ISO code"), _("ISO alpha-3 code")])
    pairs = [(country_name(code), code, alpha3) for code, alpha3 in _countries()]
    for name, code, alpha3 in sorted(pairs, key=lambda triple: sort_key(triple[0])):
        countries.append([name, code, alpha3])
    for cell in countries[1]:
        cell.font = Font(bold=True)
    countries.column_dimensions["A"].width = 40
    workbook.save(handle)


def _countries() -> list[tuple[str, str]]:
    return list(Country.objects.values_list("code", "alpha3"))
