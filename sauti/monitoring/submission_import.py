"""Import submissions exported from KoboToolbox or ODK Central (CSV or XLSX) into a form.

Projects often start collecting on another server and move to Sauti later; their
history must come along without retyping. The flow is the site import's
(:mod:`sauti.monitoring.site_import`), in two steps:

1. :func:`check_submissions` reads the upload and checks *every* row against the
   form's XForm. It never writes. Each problem is a ``(row, column, message)``
   triple: the row as the spreadsheet shows it (the header is row 1), the column
   header as the file spells it, and a reason in the reader's language. A file
   with any problem can write nothing.
2. :func:`write_submissions` builds for each new row the instance XML a phone
   would have sent and hands it to :func:`sauti.monitoring.services.ingest`, the
   one door every submission enters by, so idempotency (one submission per
   ``meta/instanceID``), history and the form checks are the same as for phones.
   It writes in one transaction per batch of :data:`BATCH` rows.

Columns are matched to the question paths of the form version a row names (the
``FormVersion`` column of Central, ``__version__`` of Kobo, when Sauti has that
version), else of the current version. A question's column may be spelled as the
XML path with ``/`` (Kobo, "group names" on) or ``-`` (Central) between groups,
or as the bare question name when no other question has that name. The
platforms' own metadata columns (:data:`METADATA_COLUMNS`) are left out; any
other unknown column is a warning. An optional ``site`` column (a site's code or
name; a form question called ``site`` wins over it) sets the submission's site.

Every row needs an instance ID: ``meta-instanceID``/``meta/instanceID``, else
Central's ``KEY``, else Kobo's ``_uuid`` (given the ``uuid:`` prefix it lacks).
A row whose instance ID Sauti already has with the same answers is skipped, so
importing the same file twice adds nothing; with other answers it is a problem.
Text that looks like a spreadsheet formula is data, kept as written; a real
formula in a workbook cell is refused, since its value is not in the file.
Answers inside repeats are exported to other sheets/files and are not imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from sauti.core.services import log_action
from sauti.mechanisms.imports import (
    CellError,
    Formula,
    Rejected,
    _header_text,
    _is_empty,
    _shown,
    normalise,
    read_rows,
)

from . import site_import
from .file_checks import Problem, ProblemsFound
from .models import Form, FormVersion, Site, Submission, TeamMember
from .services import ingest
from .submission_xml import (
    MAX_INSTANCE_ID,
    SubmissionXMLError,
    _attribute,
    _children,
    _local,
    _parse_root,
    form_shape,
    parse_submission,
)

DEFAULT_MAX_ROWS = 20_000
BATCH = 500
PREVIEW_ROWS = 10
PREVIEW_QUESTIONS = 4

#: Columns ODK Central and KoboToolbox add about a submission, not answers of the form.
CENTRAL_COLUMNS = (
    "SubmissionDate",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
    "meta-instanceID",
    "meta-instanceName",
    "meta-deprecatedID",
    "meta-audit",
)
KOBO_COLUMNS = (
    "_uuid",
    "_submission_time",
    "_id",
    "_index",
    "_validation_status",
    "meta/instanceID",
    "meta/instanceName",
    "meta/deprecatedID",
    "meta/rootUuid",
    "meta/audit",
    "_submitted_by",
    "__version__",
    "_tags",
    "_notes",
    "_status",
    "_parent_index",
    "_parent_table_name",
    "_submission__id",
    "_submission__uuid",
    "_submission__submission_time",
    "_submission__validation_status",
    "_submission__notes",
    "_submission__status",
    "_submission__submitted_by",
    "_submission__tags",
    "_attachments",
    "_geolocation",
    "_xform_id_string",
    "_media_all_received",
    "_total_media",
    "_media_count",
    "formhub/uuid",
)
METADATA_COLUMNS = CENTRAL_COLUMNS + KOBO_COLUMNS
_METADATA = {normalise(name) for name in METADATA_COLUMNS}
# Where each platform puts the instance ID, best first; "uuid:" is added when missing.
_INSTANCE_ID_COLUMNS = ("meta-instanceID", "meta/instanceID", "KEY", "_uuid")
_VERSION_COLUMNS = ("FormVersion", "__version__")
_RECEIVED_COLUMNS = ("SubmissionDate", "_submission_time")
_DEVICE_COLUMNS = ("DeviceID",)
_SITE_COLUMN = "site"
# Kobo adds "_<question>_latitude" … beside a geopoint; Central splits it into "-Latitude" ….
_KOBO_GEO = re.compile(r"^_(.+)_(latitude|longitude|altitude|precision)$", re.IGNORECASE)
_INSTANCE_REF = re.compile(r"""\s*instance\(\s*['"]([^'"]+)['"]\s*\)""")
_CENTRAL_GEO = ("Latitude", "Longitude", "Altitude", "Accuracy")


def max_rows() -> int:
    return int(getattr(settings, "SAUTI_SUBMISSION_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS))


def max_bytes() -> int:
    """The site import's limit: one setting for every spreadsheet a coordinator uploads."""
    return site_import.max_bytes()


# --- The form's questions ----------------------------------------------------


@dataclass(frozen=True)
class Question:
    path: str  # "group/question", without the root
    kind: str  # the bind type: string, int, decimal, date, dateTime, geopoint, …
    choices: frozenset[str] | None = None  # select_one values, when the form lists them
    multiple: bool = False  # select_multiple: values separated by spaces


@dataclass(frozen=True)
class Schema:
    """What a form version's XForm says about the answers a row may hold."""

    root: str
    questions: dict[str, Question]  # path → question, in the instance's order
    repeats: frozenset[str]
    template: Element  # the primary instance's root, for building instance XML


def _path(ref: str, root: str) -> str:
    parts = [p.rpartition(":")[2] for p in ref.strip().split("/") if p]
    if parts and parts[0] == root:
        parts = parts[1:]
    return "/".join(parts)


def _secondary_instances(html: Element) -> dict[str, Element]:
    found = {}
    for elem in html.iter():
        if _local(elem.tag) == "instance" and _attribute(elem, "id"):
            found[_attribute(elem, "id")] = elem
    return found


def _choices(control: Element, instances: dict[str, Element]) -> frozenset[str] | None:
    """The values a select offers: inline items or a secondary instance (else unknown)."""
    values = set()
    for child in _children(control):
        tag = _local(child.tag)
        if tag == "item":
            for part in _children(child):
                if _local(part.tag) == "value":
                    values.add((part.text or "").strip())
        elif tag == "itemset":
            match = _INSTANCE_REF.match(_attribute(child, "nodeset"))
            value_ref = next(
                (_attribute(p, "ref") for p in _children(child) if _local(p.tag) == "value"), ""
            )
            source = instances.get(match.group(1)) if match else None
            if source is None or not value_ref or "/" in value_ref:
                return None  # a choice list from a file or a filter we do not evaluate
            for item in source.iter():
                if _local(item.tag) != "item":
                    continue
                for part in _children(item):
                    if _local(part.tag) == value_ref:
                        values.add((part.text or "").strip())
    return frozenset(values) if values else None


def _leaves(elem: Element, prefix: str, repeats: frozenset[str], out: list[str]) -> None:
    seen = set()
    for child in _children(elem):
        name = _local(child.tag)
        path = f"{prefix}/{name}" if prefix else name
        if name in seen or path in repeats or (not prefix and name == "meta"):
            continue
        seen.add(name)
        if _children(child):
            _leaves(child, path, repeats, out)
        else:
            out.append(path)


@lru_cache(maxsize=64)
def _schema(version_pk: int, md5: str, xml: str) -> Schema:
    """Parse a version's XForm once (a version's XML never changes)."""
    html = _parse_root(xml)
    template = None
    for elem in html.iter():
        if _local(elem.tag) == "instance" and not _attribute(elem, "id"):
            first = _children(elem)
            template = first[0] if first else None
            break
    if template is None:
        raise Rejected(_("The form's XForm has no primary instance; upload the form again."))
    root = _local(template.tag)
    shape = form_shape(xml)
    types: dict[str, str] = {}
    for elem in html.iter():
        if _local(elem.tag) == "bind":
            kind = _attribute(elem, "type").rpartition(":")[2] or "string"
            types[_path(_attribute(elem, "nodeset"), root)] = kind
    instances = _secondary_instances(html)
    selects: dict[str, tuple[frozenset[str] | None, bool]] = {}
    for elem in html.iter():
        tag = _local(elem.tag)
        if tag in ("select1", "select"):
            selects[_path(_attribute(elem, "ref"), root)] = (
                _choices(elem, instances),
                tag == "select",
            )
    paths: list[str] = []
    _leaves(template, "", shape.repeats, paths)
    questions = {}
    for path in paths:
        if any(path.startswith(f"{repeat}/") for repeat in shape.repeats):
            continue
        choices, multiple = selects.get(path, (None, False))
        questions[path] = Question(path, types.get(path, "string"), choices, multiple)
    return Schema(root=root, questions=questions, repeats=shape.repeats, template=template)


def schema_of(version: FormVersion) -> Schema:
    return _schema(version.pk, version.md5, version.xml)


def _header_keys(schema: Schema) -> dict[str, str]:
    """Normalised header → question path, for every unambiguous spelling of each path."""
    candidates: dict[str, set[str]] = {}
    for path in schema.questions:
        for spelling in {path, path.replace("/", "-"), path.rpartition("/")[2]}:
            candidates.setdefault(normalise(spelling), set()).add(path)
    exact = {normalise(path): path for path in schema.questions}
    mapping = {key: next(iter(paths)) for key, paths in candidates.items() if len(paths) == 1}
    mapping.update(exact)  # a full path always names its own question
    return mapping


# --- The result of a check ---------------------------------------------------


@dataclass
class Row:
    """A clean row: its instance XML, ready for ``ingest``, and what the preview shows."""

    number: int
    instance_id: str
    version_pk: int
    version: str
    xml: bytes
    site_pk: int | None = None
    site_name: str = ""
    received_at: datetime | None = None
    device_id: str = ""
    shown: list[tuple[str, str]] = field(default_factory=list)  # first answers, for the preview
    exists: bool = False  # already in Sauti with the same answers: skipped


@dataclass
class SubmissionImport(ProblemsFound):
    """The outcome of :func:`check_submissions`: clean rows, or the problems that stop them."""

    form_id: int
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    conflicts: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    repeat_columns: list[str] = field(default_factory=list)
    preview_questions: list[str] = field(default_factory=list)

    @property
    def to_create(self) -> int:
        return sum(1 for row in self.rows if not row.exists)

    @property
    def to_skip(self) -> int:
        return sum(1 for row in self.rows if row.exists)

    @property
    def warnings(self) -> list[str]:
        """Worth a look before confirming, not a reason to stop (worded in the active language)."""
        found = []
        if self.ignored_columns:
            found.append(
                _("These columns are not questions of the form and will be ignored: %(columns)s.")
                % {"columns": ", ".join(f"“{header}”" for header in self.ignored_columns)}
            )
        if self.repeat_columns:
            found.append(
                _(
                    "These columns are answers inside a repeat, which this import does not "
                    "bring in: %(columns)s."
                )
                % {"columns": ", ".join(f"“{header}”" for header in self.repeat_columns)}
            )
        return found


# --- Cells -------------------------------------------------------------------


class _CellProblem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _text(value: Any) -> str:
    """A cell as the answer text an XForm holds (ISO dates, no trailing .0 on whole numbers)."""
    if isinstance(value, Formula):
        raise _CellProblem(_("formulas are not accepted: type the value itself"))
    if isinstance(value, CellError):
        raise _CellProblem(
            _("the cell shows a spreadsheet error (%(error)s)") % {"error": str(value)}
        )
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time.min else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _answer(question: Question, value: Any) -> str:
    """The checked answer text for ``question``; raises _CellProblem with the reason."""
    if isinstance(value, datetime) and question.kind == "date":
        value = value.date()
    text = _text(value)
    if not text.strip():
        return ""
    kind = question.kind
    if kind == "int":
        stripped = text.strip()
        if not re.fullmatch(r"[+-]?\d+", stripped):
            raise _CellProblem(_("“%(value)s” is not a whole number") % {"value": _shown(text)})
        return str(int(stripped))
    if kind == "decimal":
        stripped = text.strip()
        try:
            number = Decimal(stripped)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise _CellProblem(_("“%(value)s” is not a number") % {"value": _shown(text)})
        return stripped
    if kind == "date":
        stripped = text.strip()
        try:
            return date.fromisoformat(stripped).isoformat()
        except ValueError:
            raise _CellProblem(
                _("“%(value)s” is not a date written as YEAR-MONTH-DAY (e.g. 2024-03-31)")
                % {"value": _shown(text)}
            ) from None
    if kind == "dateTime":
        stripped = text.strip()
        try:
            datetime.fromisoformat(stripped.replace("Z", "+00:00"))
        except ValueError:
            raise _CellProblem(
                _("“%(value)s” is not a date and time such as 2024-03-31T14:05:00")
                % {"value": _shown(text)}
            ) from None
        return stripped
    if question.choices is not None:
        given = text.split() if question.multiple else [text.strip()]
        for choice in given:
            if choice not in question.choices:
                raise _CellProblem(
                    _("“%(value)s” is not a choice of this question; the choices are: %(allowed)s")
                    % {"value": _shown(choice), "allowed": ", ".join(sorted(question.choices))}
                )
        return " ".join(given)
    return text


def _instance_id(value: Any) -> str:
    text = _text(value).strip()
    if not text:
        return ""
    return text if text.startswith("uuid:") else f"uuid:{text}"


def _received_at(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        moment = value
    else:
        text = _text(value).strip().replace("Z", "+00:00")
        try:
            moment = parse_datetime(text)
        except ValueError:
            moment = None
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


# --- Building the instance XML -------------------------------------------------


def build_xml(
    form: Form, version: FormVersion, schema: Schema, answers: dict[str, str], instance_id: str
) -> bytes:
    """The instance a phone would send: the primary instance's elements, in its order."""
    root = Element(schema.root, {"id": form.form_id, "version": version.version})

    def fill(template: Element, target: Element, prefix: str) -> None:
        seen = set()
        for child in _children(template):
            name = _local(child.tag)
            path = f"{prefix}/{name}" if prefix else name
            if name in seen or path in schema.repeats or (not prefix and name == "meta"):
                continue
            seen.add(name)
            element = SubElement(target, name)
            if _children(child):
                fill(child, element, path)
            else:
                element.text = answers.get(path, "")

    fill(schema.template, root, "")
    meta = SubElement(root, "meta")
    SubElement(meta, "instanceID").text = instance_id
    return tostring(root, encoding="unicode").encode("utf-8")


# --- Checking a file -----------------------------------------------------------


@dataclass
class _Header:
    headers: list[str]
    instance_id: list[int]  # positions, best first
    version: int | None
    received: int | None
    device: int | None
    site: int | None
    answers: list[int]  # positions of every other column


def _read_header(cells: list[Any]) -> _Header:
    headers = [_header_text(cell) for cell in cells]
    by_name = {normalise(h): i for i, h in reversed(list(enumerate(headers))) if h}

    def find(names: tuple[str, ...]) -> list[int]:
        return [by_name[normalise(n)] for n in names if normalise(n) in by_name]

    special = set()
    ids = find(_INSTANCE_ID_COLUMNS)
    version = next(iter(find(_VERSION_COLUMNS)), None)
    received = next(iter(find(_RECEIVED_COLUMNS)), None)
    device = next(iter(find(_DEVICE_COLUMNS)), None)
    special.update(ids, [p for p in (version, received, device) if p is not None])
    answers = [
        i for i, h in enumerate(headers) if h and i not in special and normalise(h) not in _METADATA
    ]
    site = by_name.get(normalise(_SITE_COLUMN))
    return _Header(headers, ids, version, received, device, site, answers)


class _Checker:
    def __init__(self, form: Form, header: _Header, result: SubmissionImport) -> None:
        self.form = form
        self.header = header
        self.result = result
        self.versions = {v.version: v for v in form.versions.all()}
        self.current = next((v for v in self.versions.values() if v.is_current), None)
        self.maps: dict[int, tuple[dict[int, str], dict[str, dict[str, int]]]] = {}
        sites = list(Site.objects.filter(project=form.project_id).only("pk", "code", "name"))
        self.sites: dict[str, Site | None] = {}
        for site in sites:  # a name two sites share names neither
            key = normalise(site.name)
            self.sites[key] = None if key in self.sites else site
        for site in sites:
            if site.code:
                self.sites[normalise(site.code)] = site
        self.first_row: dict[str, int] = {}
        self.used: set[int] = set()
        self.repeat_positions: set[int] = set()

    def columns(self, version: FormVersion) -> tuple[dict[int, str], dict[str, dict[str, int]]]:
        """Column position → question path for ``version``, and Central's split geopoints."""
        if version.pk not in self.maps:
            schema = schema_of(version)
            keys = _header_keys(schema)
            mapping: dict[int, str] = {}
            geo: dict[str, dict[str, int]] = {}
            geopoints = {p for p, q in schema.questions.items() if q.kind == "geopoint"}
            for position in self.header.answers:
                text = self.header.headers[position]
                path = keys.get(normalise(text))
                if path is not None:
                    mapping[position] = path
                    continue
                stem, _dash, part = text.rpartition("-")
                stem_path = keys.get(normalise(stem)) if stem else None
                if stem_path in geopoints and part in _CENTRAL_GEO:
                    geo.setdefault(stem_path, {})[part] = position
                    continue
                if self._derived(text, schema, keys):
                    self.used.add(position)
                    continue
                if any(
                    normalise(text).startswith(normalise(r) + sep)
                    for r in schema.repeats
                    for sep in ("/", "-")
                ):
                    self.repeat_positions.add(position)
            self.maps[version.pk] = (mapping, geo)
        return self.maps[version.pk]

    @staticmethod
    def _derived(text: str, schema: Schema, keys: dict[str, str]) -> bool:
        """Kobo's one-column-per-option of a select_multiple, and its geopoint parts."""
        match = _KOBO_GEO.match(text)
        if match and keys.get(normalise(match.group(1))) in schema.questions:
            return True
        for sep in ("/", "-", "."):
            stem, found, option = text.rpartition(sep)
            if not found:
                continue
            question = schema.questions.get(keys.get(normalise(stem), ""))
            if question is not None and question.multiple:
                return question.choices is None or option in question.choices
        return False

    def cell(self, cells: list[Any], position: int) -> Any:
        return cells[position] if position < len(cells) else None

    def check(self, number: int, cells: list[Any]) -> Row | None:
        header, result = self.header, self.result
        failed = False
        # The instance ID.
        instance_id, id_column = "", header.headers[header.instance_id[0]]
        for position in header.instance_id:
            try:
                instance_id = _instance_id(self.cell(cells, position))
            except _CellProblem as problem:
                result.add(number, header.headers[position], problem.message)
                return None
            if instance_id:
                id_column = header.headers[position]
                break
        if not instance_id:
            result.add(number, id_column, _("the instance ID is missing"))
            failed = True
        elif len(instance_id) > MAX_INSTANCE_ID:
            result.add(
                number,
                id_column,
                _("the instance ID is longer than %(max)s characters") % {"max": MAX_INSTANCE_ID},
            )
            failed = True
        else:
            first = self.first_row.setdefault(instance_id, number)
            if first != number:
                result.add(
                    number,
                    id_column,
                    _("the instance ID “%(id)s” is already in row %(row)s")
                    % {"id": _shown(instance_id), "row": first},
                )
                failed = True
        # The form version.
        version = self.current
        if header.version is not None:
            named = _text(self.cell(cells, header.version)).strip()
            version = self.versions.get(named, self.current)
        if version is None:
            result.add(number, "", _("The form has no version to import into."))
            return None
        mapping, geo = self.columns(version)
        schema = schema_of(version)
        # The answers.
        answers: dict[str, str] = {}
        for position, path in mapping.items():
            self.used.add(position)
            try:
                answers[path] = _answer(schema.questions[path], self.cell(cells, position))
            except _CellProblem as problem:
                result.add(number, header.headers[position], problem.message)
                failed = True
        for path, parts in geo.items():
            if answers.get(path):
                continue
            values = []
            for part in _CENTRAL_GEO:
                if part not in parts:
                    continue
                self.used.add(parts[part])
                text = _text(self.cell(cells, parts[part])).strip()
                try:
                    if text:
                        Decimal(text)
                except InvalidOperation:
                    result.add(
                        number,
                        header.headers[parts[part]],
                        _("“%(value)s” is not a number") % {"value": _shown(text)},
                    )
                    failed = True
                values.append(text)
            if any(values):
                answers[path] = " ".join(v or "0" for v in values)
        # The site.
        site = None
        if header.site is not None and header.site not in mapping:
            self.used.add(header.site)
            given = _text(self.cell(cells, header.site)).strip()
            if given:
                key = normalise(given)
                site = self.sites.get(key)
                if site is None:
                    message = (
                        _("two sites of the project are called “%(value)s”: use the site's code")
                        if key in self.sites
                        else _("no site of the project has the code or name “%(value)s”")
                    )
                    result.add(
                        number, header.headers[header.site], message % {"value": _shown(given)}
                    )
                    failed = True
        if failed:
            return None
        received = device = None
        if header.received is not None:
            try:
                received = _received_at(self.cell(cells, header.received))
            except _CellProblem:
                received = None
        if header.device is not None:
            device = _text(self.cell(cells, header.device)).strip()[:100]
        shown = [(path, answers.get(path, "")) for path in self.result.preview_questions]
        return Row(
            number=number,
            instance_id=instance_id,
            version_pk=version.pk,
            version=version.version,
            xml=build_xml(self.form, version, schema, answers, instance_id),
            site_pk=site.pk if site else None,
            site_name=site.name if site else "",
            received_at=received,
            device_id=device or "",
            shown=shown,
        )


def _size(upload: Any) -> int | None:
    size = getattr(upload, "size", None)
    if size is None and hasattr(upload, "seek"):
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    return size


def check_submissions(form: Form, upload: Any) -> SubmissionImport:
    """Read and check every row of a CSV or XLSX export for ``form``. Writes nothing.

    The result's ``rows`` are the clean rows when there is no problem at all, else empty.
    """
    result = SubmissionImport(form_id=form.pk)
    try:
        size, limit = _size(upload), max_bytes()
        if size is not None and size > limit:
            raise Rejected(
                _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files.")
                % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
            )
        if not form.is_open:
            raise Rejected(_("The form is closed to submissions: reopen it to import into it."))
        _check(form, read_rows(upload), result)
    except Rejected as rejected:
        result.rows = []
        result.add(None, "", rejected.message)
        return result
    if result.problem_count:
        result.rows = []
        return result
    _compare_with_stored(form, result)
    if result.problem_count:
        result.rows = []
    return result


def _check(form: Form, rows: Any, result: SubmissionImport) -> None:
    checker: _Checker | None = None
    data_rows = 0
    limit = max_rows()
    for number, cells in rows:
        if all(_is_empty(cell) for cell in cells):
            continue
        if checker is None:
            header = _read_header(cells)
            if not header.instance_id:
                result.add(
                    number,
                    "",
                    _(
                        "No column holds the instance ID. Export the submissions again from "
                        "ODK Central (column “meta-instanceID” or “KEY”) or KoboToolbox "
                        "(column “_uuid” or “meta/instanceID”), with XML names as headers."
                    ),
                )
                return
            checker = _Checker(form, header, result)
            if checker.current is None:
                raise Rejected(_("The form has no version to import into."))
            result.preview_questions = list(schema_of(checker.current).questions)[
                :PREVIEW_QUESTIONS
            ]
            continue
        data_rows += 1
        if data_rows > limit:
            result.problems.clear()
            result.problem_count = 0
            raise Rejected(
                _(
                    "The file has too many rows: one import takes at most %(max)s submissions. "
                    "Split it into several files and import them one after another."
                )
                % {"max": formats.number_format(limit, force_grouping=True)}
            )
        row = checker.check(number, cells)
        if row is not None and result.problem_count == 0:
            result.rows.append(row)
    if checker is None:
        raise Rejected(_("The file is empty."))
    if data_rows == 0:
        raise Rejected(_("The file has column names but no submissions."))
    if not any(position in checker.used for position in checker.header.answers):
        raise Rejected(
            _(
                "No column matches a question of the form “%(form)s”. Export the submissions "
                "with XML names (not labels) as column headers, from this same form."
            )
            % {"form": form.title}
        )
    ignored = [
        position
        for position in checker.header.answers
        if position not in checker.used and position not in checker.repeat_positions
    ]
    result.ignored_columns = [checker.header.headers[p] for p in ignored]
    result.repeat_columns = [checker.header.headers[p] for p in sorted(checker.repeat_positions)]


def _compare_with_stored(form: Form, result: SubmissionImport) -> None:
    """Mark rows Sauti already has with the same answers; the others with that ID conflict."""
    versions = {v.pk: v for v in form.versions.all()}
    shapes = {pk: form_shape(v.xml) for pk, v in versions.items()}
    by_id = {row.instance_id: row for row in result.rows}
    ids = list(by_id)
    for start in range(0, len(ids), BATCH):
        stored = Submission.objects.filter(
            project=form.project_id, instance_id__in=ids[start : start + BATCH]
        ).only("instance_id", "data", "xml_sha256", "form_version_id")
        for submission in stored:
            row = by_id[submission.instance_id]
            version = versions[row.version_pk]
            try:
                parsed = parse_submission(row.xml, shape=shapes[version.pk])
            except SubmissionXMLError as error:
                result.add(row.number, "", str(error))
                continue
            same_form = submission.form_version_id in versions
            if same_form and (
                submission.xml_sha256 == parsed.sha256 or submission.data == parsed.data
            ):
                row.exists = True
            else:
                result.conflicts += 1
                result.add(
                    row.number,
                    "",
                    _(
                        "Sauti already has the submission %(id)s with other answers; "
                        "remove this row or correct it in Sauti."
                    )
                    % {"id": row.instance_id},
                )


# --- Writing -------------------------------------------------------------------


class ImportFailed(Exception):
    """``ingest`` refused a row the check had accepted (the form changed meanwhile)."""

    def __init__(self, row: int, message: str, created: int) -> None:
        super().__init__(message)
        self.row = row
        self.message = message
        self.created = created


def write_submissions(
    form: Form, checked: SubmissionImport, *, member: TeamMember, acting_user: Any
) -> tuple[int, int]:
    """Store the new rows of a clean check through ``ingest``; return (created, skipped).

    One transaction per batch of :data:`BATCH` rows: a batch is all or nothing,
    and importing the same file again after a failure skips what was stored.
    """
    if checked.form_id != form.pk:
        raise ValueError("This check was made for another form.")
    if not checked.ok:
        raise ValueError("Only a check without problems can be written.")
    new = [row for row in checked.rows if not row.exists]
    sites = {site.pk: site for site in form.project.sites.all()}
    created = 0
    for start in range(0, len(new), BATCH):
        with transaction.atomic():
            for row in new[start : start + BATCH]:
                outcome = ingest(
                    member,
                    row.xml,
                    device_id=row.device_id,
                    source=Submission.Source.IMPORT,
                    site=sites.get(row.site_pk),
                    received_at=row.received_at,
                )
                if outcome.status != 201 or outcome.submission is None:
                    raise ImportFailed(row.number, str(outcome.message), created)
        created += len(new[start : start + BATCH])
    log_action(
        "monitoring.submissions_import",
        acting_user=acting_user,
        target=form.project,
        data={"form": form.pk, "created": created, "skipped": checked.to_skip},
    )
    return created, checked.to_skip
