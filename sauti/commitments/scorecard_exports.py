"""Scorecards written out as CSV and XLSX: one scorecard's scores and action plan, and a
filtered list of scorecards.

Everything comes from :mod:`.scorecard_selectors` with small groups already
withheld, as on the public page: a withheld group's row says so, and carries
neither score, nor reasons, nor its exact size. Column names are stable keys
(they read the same in every language); labels and reasons are as written.
Every text cell goes through :func:`sauti.core.exports.safe_cell` against
spreadsheet formula injection.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import IO, Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from sauti.core.exports import safe_cell

from .models import ActionItem
from .scorecard_selectors import Breakdown, Summary, overdue_ids

SCORE_HEADERS = (
    "indicator",
    "indicator_code",
    "row",
    "group",
    "constituency",
    "people",
    "withheld",
    "score",
    "reasons",
)
ACTION_HEADERS = (
    "action",
    "responsible",
    "due_on",
    "progress",
    "overdue",
    "follow_up_note",
    "updated_at",
)
LIST_HEADERS = (
    "id",
    "url",
    "country",
    "organisation",
    "place_kind",
    "place_name",
    "mechanism_id",
    "held_on",
    "cycle",
    "groups_shown",
    "people_in_groups_shown",
    "groups_withheld",
    "indicators",
    "average_score_groups_shown",
    "actions",
    "actions_done",
    "actions_overdue",
    "is_demo",
)
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- Rows ---------------------------------------------------------------------------------
def score_rows(data: Breakdown) -> Iterator[dict[str, Any]]:
    """Per indicator: one row per group (withheld groups marked, nothing else of them), the
    average of the groups shown, and the provider's self-assessment."""
    fewer = f"<{data.threshold}"
    for row in data.items:
        base = {
            "indicator": row.label,
            "indicator_code": row.item.indicator.code if row.item.indicator_id else "",
        }
        for cell in row.cells:
            group = cell.group
            yield base | {
                "row": "group",
                "group": group.label,
                "constituency": group.group.constituency_id or "",
                "people": group.size if group.shown else fewer,
                "withheld": not group.shown,
                "score": cell.score,
                "reasons": cell.reasons,
            }
        yield base | {
            "row": "average_of_groups_shown",
            "group": "",
            "constituency": "",
            "people": row.people_counted,
            "withheld": False,
            "score": round(row.average, 2) if row.average is not None else None,
            "reasons": "",
        }
        yield base | {
            "row": "self_assessment",
            "group": "",
            "constituency": "",
            "people": None,
            "withheld": False,
            "score": row.self_score,
            "reasons": row.self_reasons,
        }


def action_rows(actions: Sequence[ActionItem]) -> Iterator[dict[str, Any]]:
    overdue = overdue_ids(actions)
    for action in actions:
        yield {
            "action": action.action,
            "responsible": action.responsible,
            "due_on": action.due_on,
            "progress": action.progress,
            "overdue": action.pk in overdue,
            "follow_up_note": action.follow_up_note,
            "updated_at": action.updated_at,
        }


def list_rows(summaries: Iterable[Summary], *, detail_url: str) -> Iterator[dict[str, Any]]:
    """One row per scorecard; ``detail_url`` holds ``{id}`` in place of the scorecard's id."""
    for summary in summaries:
        scorecard = summary.scorecard
        yield {
            "id": scorecard.pk,
            "url": detail_url.replace("{id}", str(scorecard.pk)),
            "country": scorecard.country_id,
            "organisation": scorecard.organisation.name,
            "place_kind": scorecard.place_kind,
            "place_name": scorecard.place_name,
            "mechanism_id": scorecard.mechanism_id,
            "held_on": scorecard.held_on,
            "cycle": scorecard.cycle.code if scorecard.cycle_id else "",
            "groups_shown": summary.groups_shown,
            "people_in_groups_shown": summary.people_shown,
            "groups_withheld": summary.groups_withheld,
            "indicators": summary.indicators,
            "average_score_groups_shown": (
                round(summary.average, 2) if summary.average is not None else None
            ),
            "actions": summary.actions,
            "actions_done": summary.actions_done,
            "actions_overdue": summary.actions_overdue,
            "is_demo": scorecard.is_demo,
        }


# --- Cells --------------------------------------------------------------------------------
def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return safe_cell(value)
    return value


def xlsx_cell(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, datetime):
        return _iso(value)  # Excel has no time zones; the text says UTC
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value)) if value else None
    return value  # numbers, booleans and dates stay typed


# --- Formats ------------------------------------------------------------------------------
def write_csv(headers: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """CSV in UTF-8 with a byte-order mark, so that Excel reads the accents."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_cell(row[key]) for key in headers])
    return buffer.getvalue()


def _sheet(workbook: Any, title: str, headers: Sequence[str], rows: Iterable[dict]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))
    for row in rows:
        sheet.append([xlsx_cell(row[key]) for key in headers])


def _about(workbook: Any, lines: Sequence[tuple[str, Any]]) -> None:
    about = workbook.create_sheet("about")
    for label, value in lines:
        about.append([safe_cell(label), xlsx_cell(value)])
    about.append([_("Source"), settings.SITE_URL])
    about.append([_("Licence"), settings.SAUTI_CONTENT_LICENCE, settings.SAUTI_CONTENT_LICENCE_URL])
    about.append([_("Downloaded at (UTC)"), _iso(timezone.now())])


def _suppression_note(threshold: int) -> str:
    return _(
        "Groups of fewer than %(threshold)s people are withheld: their scores, reasons and "
        "exact size are left out, and averages count only the groups shown."
    ) % {"threshold": threshold}


def scorecard_xlsx(data: Breakdown, handle: IO[bytes], *, url: str) -> None:
    """One scorecard: its scores, its action plan, and what the file is."""
    from openpyxl import Workbook

    scorecard = data.scorecard
    workbook = Workbook(write_only=True)
    _sheet(workbook, "scores", SCORE_HEADERS, score_rows(data))
    _sheet(workbook, "actions", ACTION_HEADERS, action_rows(data.actions))
    _about(
        workbook,
        [
            (_("Scorecard"), url),
            (_("Place"), scorecard.place_name),
            (_("Country"), scorecard.country_id),
            (_("Date"), scorecard.held_on),
            (_("Run by"), scorecard.organisation.name),
            (_("Privacy"), _suppression_note(data.threshold)),
        ],
    )
    workbook.save(handle)


def list_xlsx(
    rows: Iterable[dict[str, Any]], handle: IO[bytes], *, query: str, threshold: int
) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    _sheet(workbook, "scorecards", LIST_HEADERS, rows)
    _about(workbook, [(_("Filters"), query), (_("Privacy"), _suppression_note(threshold))])
    workbook.save(handle)


def filename(stem: str, extension: str) -> str:
    return f"sauti-{stem}-{timezone.localdate():%Y-%m-%d}.{extension}"
