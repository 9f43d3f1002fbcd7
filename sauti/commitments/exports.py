"""Country assessments written out as CSV or XLSX, filtered by country and cycle.

One row per organisation's assessment of one commitment. Codes fill the cells
(country, cycle, framework, commitment, status): they read the same in every
language; the status label follows for people. Evidence is listed in the row,
one piece per line. Every text cell goes through
:func:`sauti.core.exports.safe_cell` against spreadsheet formula injection.
Rows are read 2 000 at a time, with one more query per chunk for the evidence.
"""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.core.exports import safe_cell

from .models import CountryAssessment, Evidence, Status

CHUNK_SIZE = 2000
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADERS = (
    "country",
    "cycle",
    "framework",
    "commitment_number",
    "commitment",
    "organisation",
    "organisation_slug",
    "status",
    "status_label",
    "narrative",
    "evidence_titles",
    "evidence_links",
    "updated_at",
    "is_demo",
    "url",
)
_COLUMNS = (
    "id",
    "country_id",
    "cycle__code",
    "commitment__framework__code",
    "commitment__number",
    "commitment__code",
    "organisation__name",
    "organisation__slug",
    "status",
    "narrative",
    "updated_at",
    "is_demo",
)


def queryset(*, country: str = "", cycle: str = "") -> QuerySet[CountryAssessment]:
    """Assessments of organisations that are not hidden, filtered by country and cycle codes."""
    qs = CountryAssessment.objects.filter(organisation__hidden_at__isnull=True)
    if country:
        qs = qs.filter(country_id=country)
    if cycle:
        qs = qs.filter(cycle__code=cycle)
    return qs.order_by(
        "country_id", "cycle__year", "cycle__code", "commitment__framework__code",
        "commitment__number", "organisation__name", "id",
    )  # fmt: skip


def records(qs: QuerySet[CountryAssessment]) -> Iterator[dict[str, Any]]:
    """One dict per assessment, in the queryset's order (built in the reader's language)."""
    country_url = settings.SITE_URL + reverse("commitments:country", args=["zz"])
    labels = {value: str(label) for value, label in Status.choices}
    chunk: list[tuple[Any, ...]] = []
    for row in qs.values_list(*_COLUMNS).iterator(chunk_size=CHUNK_SIZE):
        chunk.append(row)
        if len(chunk) >= CHUNK_SIZE:
            yield from _records(chunk, country_url, labels)
            chunk = []
    if chunk:
        yield from _records(chunk, country_url, labels)


def _records(
    chunk: list[tuple[Any, ...]], country_url: str, labels: dict[str, str]
) -> Iterator[dict[str, Any]]:
    evidence: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for assessment_id, title, url in (
        Evidence.objects.filter(assessment_id__in=[row[0] for row in chunk])
        .order_by("added_at", "id")
        .values_list("assessment_id", "title", "url")
    ):
        evidence[assessment_id].append((title, url))
    for row in chunk:
        values = dict(zip(_COLUMNS, row, strict=True))
        found = evidence.get(values["id"], [])
        yield {
            "country": values["country_id"],
            "cycle": values["cycle__code"],
            "framework": values["commitment__framework__code"],
            "commitment_number": values["commitment__number"],
            "commitment": values["commitment__code"],
            "organisation": values["organisation__name"],
            "organisation_slug": values["organisation__slug"],
            "status": values["status"],
            "status_label": labels.get(values["status"], values["status"]),
            "narrative": values["narrative"],
            "evidence_titles": "\n".join(title for title, _url in found),
            "evidence_links": "\n".join(url for _title, url in found),
            "updated_at": values["updated_at"],
            "is_demo": "yes" if values["is_demo"] else "no",
            "url": country_url.replace("/zz/", f"/{values['country_id'].lower()}/"),
        }


def filename(extension: str, *, country: str = "", cycle: str = "") -> str:
    parts = [
        "sauti-country-assessments",
        country.lower(),
        cycle,
        f"{timezone.localdate():%Y-%m-%d}",
    ]
    return "-".join(p for p in parts if p) + f".{extension}"


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, str):
        return safe_cell(value)
    return value


def xlsx_cell(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, datetime):
        return _iso(value)  # Excel has no time zones; the text says UTC
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value)) if value else None
    return value


def _sheet_title(text: str) -> str:
    for character in "[]:*?/\\":
        text = text.replace(character, " ")
    return text.strip()[:31] or "Sheet"


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
        buffer.append(writer.writerow([csv_cell(values[key]) for key in HEADERS]))
        if len(buffer) >= 500:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def write_xlsx(rows: Iterator[dict[str, Any]], handle: IO[bytes]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("assessments")
    sheet.freeze_panes = "B2"
    sheet.append(list(HEADERS))
    for values in rows:
        sheet.append([xlsx_cell(values[key]) for key in HEADERS])
    about = workbook.create_sheet(_sheet_title(_("About this file")))
    about.append([_("Source"), settings.SITE_URL])
    about.append([_("Licence"), settings.SAUTI_CONTENT_LICENCE, settings.SAUTI_CONTENT_LICENCE_URL])
    about.append([_("Downloaded at (UTC)"), _iso(timezone.now())])
    workbook.save(handle)


def xlsx_file(rows: Iterator[dict[str, Any]]) -> IO[bytes]:
    """The workbook in a temporary file (on disk past a few MB), rewound for reading."""
    handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    write_xlsx(rows, handle)
    handle.seek(0)
    return handle
