"""Team exports of a form's submissions: CSV, XLSX (one sheet per repeat group), GeoJSON.

Pure file building (no request, no permission): the views decide who may
download. Only *current* submissions are exported (an edit replaces the
submission it corrects). Every text cell goes through
:func:`sauti.core.exports.safe_cell`, so an answer such as ``=HYPERLINK(…)``
is never a formula in a spreadsheet.

Layout:

* the main table has one row per submission: fixed columns (``_uid``, instance,
  received, status, site, form version) then one column per answer path, in the
  order paths first appear;
* each repeat path (``visits``, nested ``visits/items``) gets its own sheet in the
  XLSX, one row per repeat entry, with ``_parent_key`` (the submission's ``_uid``
  or the parent entry's ``_key``) and its own ``_key``;
* the CSV holds the main table only (a repeat column says how many entries);
* GeoJSON has the project's sites as Points (name, kind, area; coordinates as
  stored, not rounded) and each geopoint answer (``"lat lon alt acc"``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from openpyxl import Workbook

from sauti.core.exports import safe_cell

from .models import Form, Project, Site, Submission

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}

FIXED_COLUMNS = ["_uid", "_instance_id", "_received_at", "_status", "_site", "_form_version"]
REPEAT_COLUMNS = ["_parent_key", "_key"]
MAIN_SHEET = "submissions"
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_GEOPOINT = re.compile(rf"^\s*({_NUMBER})\s+({_NUMBER})(?:\s+({_NUMBER}))?(?:\s+({_NUMBER}))?\s*$")


def current_submissions(form: Form):
    """The form's current submissions (all versions), oldest first."""
    return (
        Submission.objects.filter(form_version__form=form, is_current=True)
        .select_related("site", "form_version")
        .order_by("received_at", "id")
    )


def filename(form: Form, extension: str) -> str:
    """A safe ASCII name: ``monitoring-3-exit_interview-submissions.csv``."""
    stem = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in form.form_id
    )
    return f"monitoring-{form.project_id}-{stem}-submissions.{extension}"


@dataclass
class _Table:
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)

    def add_columns(self, keys: Iterable[str]) -> None:
        for key in keys:
            if key not in self.columns:
                self.columns.append(key)


@dataclass
class Tables:
    main: _Table
    repeats: dict[str, _Table]  # repeat path → its table


def _is_repeat(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _split(
    data: dict, prefix: str, parent_key: str, repeats: dict[str, _Table]
) -> dict[str, object]:
    """Scalar answers of ``data`` for its row; repeat entries go to their own tables."""
    row: dict[str, object] = {}
    for key, value in data.items():
        if _is_repeat(value):
            path = f"{prefix}{key}"
            row[key] = len(value)
            table = repeats.setdefault(path, _Table(columns=list(REPEAT_COLUMNS)))
            for index, entry in enumerate(value, start=1):
                entry_key = f"{parent_key}/{key}[{index}]"
                entry_row = {"_parent_key": parent_key, "_key": entry_key}
                entry_row.update(_split(entry, f"{path}/", entry_key, repeats))
                table.add_columns(entry_row)
                table.rows.append(entry_row)
        elif isinstance(value, (dict, list)):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


def build_tables(submissions: Iterable[Submission]) -> Tables:
    main = _Table(columns=list(FIXED_COLUMNS))
    repeats: dict[str, _Table] = {}
    for submission in submissions:
        uid = str(submission.uid)
        row: dict[str, object] = {
            "_uid": uid,
            "_instance_id": submission.instance_id,
            "_received_at": submission.received_at.isoformat(),
            "_status": submission.status,
            "_site": submission.site.name if submission.site else "",
            "_form_version": submission.form_version.version,
        }
        answers = submission.data if isinstance(submission.data, dict) else {}
        row.update(_split(answers, "", uid, repeats))
        main.add_columns(row)
        main.rows.append(row)
    return Tables(main=main, repeats=repeats)


def _cells(table: _Table) -> Iterator[list[str]]:
    yield [safe_cell(column) for column in table.columns]
    for row in table.rows:
        yield [safe_cell(row.get(column, "")) for column in table.columns]


def submissions_csv(form: Form) -> bytes:
    tables = build_tables(current_submissions(form))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(_cells(tables.main))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def _sheet_title(path: str, taken: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("_", path).strip("'")[:31] or "repeat"
    title, number = base, 1
    while title.lower() in taken:
        number += 1
        suffix = f"~{number}"
        title = base[: 31 - len(suffix)] + suffix
    taken.add(title.lower())
    return title


def submissions_xlsx(form: Form) -> bytes:
    tables = build_tables(current_submissions(form))
    workbook = Workbook(write_only=True)
    taken = {MAIN_SHEET}
    sheets = [(MAIN_SHEET, tables.main)]
    sheets += [(_sheet_title(path, taken), table) for path, table in tables.repeats.items()]
    for title, table in sheets:
        sheet = workbook.create_sheet(title)
        for cells in _cells(table):
            sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def parse_geopoint(value: object) -> tuple[float, float] | None:
    """``"lat lon alt acc"`` (alt and acc optional) → ``(lat, lon)``, else ``None``."""
    if not isinstance(value, str):
        return None
    match = _GEOPOINT.match(value)
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _geopoints(data: dict, prefix: str = "") -> Iterator[tuple[str, float, float]]:
    for key, value in data.items():
        if _is_repeat(value):
            for index, entry in enumerate(value, start=1):
                yield from _geopoints(entry, f"{prefix}{key}[{index}]/")
            continue
        point = parse_geopoint(value)
        if point is not None:
            yield f"{prefix}{key}", point[0], point[1]


def _site_feature(site: Site) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(site.longitude), float(site.latitude)]},
        "properties": {
            "feature": "site",
            "code": site.code,
            "name": site.name,
            "kind": site.kind,
            "area": site.area,
        },
    }


def submissions_geojson(form: Form) -> bytes:
    """Sites of the project and the form's geopoint answers, GeoJSON order ``[lon, lat]``."""
    project: Project = form.project
    features = [
        _site_feature(site)
        for site in project.sites.filter(latitude__isnull=False, longitude__isnull=False)
    ]
    for submission in current_submissions(form):
        answers = submission.data if isinstance(submission.data, dict) else {}
        for path, lat, lon in _geopoints(answers):
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "feature": "submission",
                        "uid": str(submission.uid),
                        "field": path,
                        "site": submission.site.name if submission.site else "",
                        "status": submission.status,
                    },
                }
            )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")
