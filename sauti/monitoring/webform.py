"""The built-in web form: simple XForms filled in a phone browser, without JavaScript.

Monitors without ODK Collect (a borrowed phone, a cyber café) can still send a
submission. The page is plain HTML, so only *simple* forms are offered: no
repeat, no ``relevant``, no constraint, no calculation or choice filter, no
photo/audio/video question, no question type a plain HTML input cannot hold.
Everything else needs the logic of a real XForms engine: the page says why and
points to ODK Collect instead of collecting data that would break the form's
own rules.

:func:`parse_form` reads a ``FormVersion.xml`` into a :class:`WebForm`
(questions in the page language), :func:`clean_answers` checks what was posted,
and :func:`build_instance` writes the instance XML exactly as ODK Collect would
(root element and its ``id``/``version`` taken from the primary instance,
``meta/instanceID``). Those are pure. :func:`submit` is the thin adapter that
hands the XML to ``services.ingest`` (source "web") like any other submission,
so idempotency on the instance ID and every check are the same as for phones.
The page carries its instance ID from GET to POST (signed, with the start
time), so a page posted twice (a cut connection, a double tap) is stored once.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, SubElement, tostring

from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Form, Project, Site, Submission, TeamMember
from .submission_xml import SubmissionXMLError, _parse_root

__all__ = [
    "Choice",
    "Question",
    "Section",
    "WebForm",
    "build_instance",
    "clean_answers",
    "new_instance_token",
    "parse_form",
    "read_instance_token",
    "submit",
]

#: Radio buttons up to this many choices, a drop-down list beyond.
MAX_RADIOS = 6
MAX_TEXT = 10_000
INT_LIMIT = 2**31 - 1  # JavaRosa stores int answers in 32 bits
INSTANCE_SALT = "sauti.monitoring.webform"
_LANG_CODE = re.compile(r"\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\)\s*$")
_INTEGER = re.compile(r"[-+]?\d{1,10}")
_ITEXT_REF = re.compile(r"""jr:itext\(\s*['"]([^'"]+)['"]\s*\)""")
TRUE = ("true()", "true")
FALSE = ("false()", "false", "")

#: bind type → kind of HTML input (anything else is not offered on the web).
INPUT_TYPES = {
    "string": "text",
    "int": "integer",
    "integer": "integer",
    "decimal": "decimal",
    "date": "date",
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass
class Question:
    """One question of the page; ``path`` is the answer's path under the root (``grp/q``)."""

    path: str
    kind: str  # text, integer, decimal, date, select1, select, note
    label: str
    hint: str = ""
    required: bool = False
    required_message: str = ""
    choices: list[Choice] = field(default_factory=list)
    default: str = ""

    @property
    def as_radios(self) -> bool:
        return self.kind == "select1" and len(self.choices) <= MAX_RADIOS

    @property
    def field_name(self) -> str:
        return f"q:{self.path}"


@dataclass
class Section:
    """Questions under one heading (a group's label; nested groups are flattened)."""

    heading: str
    questions: list[Question] = field(default_factory=list)


@dataclass
class WebForm:
    form_id: str
    version: str
    title: str
    sections: list[Section]
    problems: list[str]  # why the form cannot be filled here ([] when simple)
    root_name: str = ""
    root_attributes: dict[str, str] = field(default_factory=dict)
    leaves: list[str] = field(default_factory=list)  # every answer path, in instance order
    defaults: dict[str, str] = field(default_factory=dict)
    preloads: dict[str, str] = field(default_factory=dict)  # path → start/end/today/...
    groups: set[str] = field(default_factory=set)  # paths that are elements with children

    @property
    def is_simple(self) -> bool:
        return not self.problems

    @property
    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _attr(elem: Element, name: str) -> str:
    for key, value in elem.attrib.items():
        if _local(key) == name:
            return value.strip()
    return ""


def _children(elem: Element, name: str | None = None) -> list[Element]:
    return [c for c in elem if isinstance(c.tag, str) and (name is None or _local(c.tag) == name)]


def _first(elem: Element, name: str) -> Element | None:
    found = _children(elem, name)
    return found[0] if found else None


def _text(elem: Element | None) -> str:
    """An element's text, ``<output>`` references left out, whitespace collapsed."""
    if elem is None:
        return ""
    return " ".join("".join(elem.itertext()).split())


def _path(nodeset: str, root_name: str) -> str:
    parts = [p.rpartition(":")[2] for p in nodeset.strip().split("/") if p]
    if parts and parts[0] == root_name:
        parts = parts[1:]
    return "/".join(parts)


def _language_code(lang: str) -> str:
    match = _LANG_CODE.search(lang)
    return match.group(1).lower().replace("_", "-") if match else lang.strip().lower()


def _translation(model: Element, language: str) -> dict[str, str]:
    """itext id → text in ``language`` (Django code), else the default or first language."""
    itext = _first(model, "itext")
    if itext is None:
        return {}
    translations = _children(itext, "translation")
    if not translations:
        return {}
    wanted = (language or "").lower()
    chosen = None
    for candidate in (wanted, wanted.split("-")[0]):
        chosen = next(
            (t for t in translations if _language_code(_attr(t, "lang")) == candidate), None
        )
        if chosen is not None:
            break
    if chosen is None:
        chosen = next((t for t in translations if _attr(t, "default") in TRUE), translations[0])
    texts: dict[str, str] = {}
    for text in _children(chosen, "text"):
        values = _children(text, "value")
        plain = [v for v in values if _attr(v, "form") in ("", "long")]
        if plain:
            texts[_attr(text, "id")] = _text(plain[0])
    return texts


class _Reader:
    def __init__(self, html: Element, language: str) -> None:
        head = _first(html, "head")
        self.body = _first(html, "body")
        self.model = _first(head, "model") if head is not None else None
        if self.model is None or self.body is None:
            raise SubmissionXMLError("not_xform", _("This is not an XForm."))
        self.title = _text(_first(head, "title"))
        self.texts = _translation(self.model, language)
        self.problems: list[str] = []
        self.instances: dict[str, Element] = {}
        self.primary: Element | None = None
        for instance in _children(self.model, "instance"):
            name = _attr(instance, "id")
            content = _children(instance)
            if not name:
                if self.primary is None and content:
                    self.primary = content[0]
            elif content:
                self.instances[name] = content[0]
            elif _attr(instance, "src"):
                self.problem(_("choices read from a file"))
        if self.primary is None:
            raise SubmissionXMLError("not_xform", _("This is not an XForm."))
        self.root_name = _local(self.primary.tag)
        self.binds: dict[str, Element] = {}
        for bind in _children(self.model, "bind"):
            self.binds[_path(_attr(bind, "nodeset"), self.root_name)] = bind
        self.sections: list[Section] = []

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def label(self, elem: Element | None) -> str:
        if elem is None:
            return ""
        ref = _attr(elem, "ref")
        if ref:
            match = _ITEXT_REF.fullmatch(ref.strip())
            if match:
                return self.texts.get(match.group(1), "")
            return ""
        return _text(elem)

    def check_binds(self) -> None:
        for bind in self.binds.values():
            if _attr(bind, "relevant"):
                self.problem(_("questions shown only under conditions (relevant)"))
            if _attr(bind, "constraint"):
                self.problem(_("answer checks (constraint)"))
            if _attr(bind, "calculate"):
                self.problem(_("calculations"))
            if _attr(bind, "required") not in TRUE + FALSE:
                self.problem(_("questions required only under conditions"))
            if _attr(bind, "type").rpartition(":")[2] == "binary":
                self.problem(_("photo, audio or video questions"))
        for elem in self.model.iter():
            if _local(elem.tag) in ("setvalue", "setgeopoint", "setlocation"):
                self.problem(_("values set by the form itself (actions)"))

    # -- body -----------------------------------------------------------

    def section(self, heading: str) -> Section:
        if not self.sections or self.sections[-1].heading != heading:
            self.sections.append(Section(heading))
        return self.sections[-1]

    def walk(self, container: Element, heading: str) -> None:
        for elem in _children(container):
            tag = _local(elem.tag)
            if tag in ("label", "hint"):
                continue
            if tag == "repeat":
                self.problem(_("repeated groups (repeat)"))
            elif tag == "group":
                if _first(elem, "repeat") is not None:
                    self.problem(_("repeated groups (repeat)"))
                    continue
                own = self.label(_first(elem, "label"))
                self.walk(elem, own or heading)
                self.section(heading)
            elif tag in ("input", "select1", "select", "trigger"):
                question = self.question(elem, tag)
                if question is not None:
                    self.section(heading).questions.append(question)
            elif tag in ("upload",):
                self.problem(_("photo, audio or video questions"))
            else:
                self.problem(
                    _("questions of a kind the web form does not show (%(kind)s)") % {"kind": tag}
                )

    def question(self, elem: Element, tag: str) -> Question | None:
        path = _path(_attr(elem, "ref") or _attr(elem, "nodeset"), self.root_name)
        bind = self.binds.get(path)
        bind_type = (_attr(bind, "type") if bind is not None else "").rpartition(":")[2]
        readonly = bind is not None and _attr(bind, "readonly") in TRUE
        label = self.label(_first(elem, "label"))
        hint = self.label(_first(elem, "hint"))
        if tag == "trigger" or (tag == "input" and readonly):
            return Question(path=path, kind="note", label=label, hint=hint)
        required = bind is not None and _attr(bind, "required") in TRUE
        message = ""
        if bind is not None:
            raw = _attr(bind, "requiredMsg")
            match = _ITEXT_REF.fullmatch(raw)
            message = self.texts.get(match.group(1), "") if match else raw
        question = Question(
            path=path,
            kind="",
            label=label or path.rpartition("/")[2],
            hint=hint,
            required=required,
            required_message=message,
        )
        if tag == "input":
            kind = INPUT_TYPES.get(bind_type or "string")
            if kind is None:
                self.problem(
                    _("questions of a kind the web form does not show (%(kind)s)")
                    % {"kind": bind_type}
                )
                return None
            question.kind = kind
        else:
            question.kind = tag
            question.choices = self.choices(elem)
        return question

    def choices(self, elem: Element) -> list[Choice]:
        items = [
            Choice(_text(_first(item, "value")), self.label(_first(item, "label")))
            for item in _children(elem, "item")
        ]
        itemset = _first(elem, "itemset")
        if itemset is None:
            return items
        nodeset = _attr(itemset, "nodeset")
        match = re.fullmatch(r"""instance\(\s*['"]([^'"]+)['"]\s*\)((?:/[\w:.-]+)+)""", nodeset)
        if "[" in nodeset or not match or match.group(1) not in self.instances:
            self.problem(_("choices filtered by earlier answers (choice filter)"))
            return items
        value_ref = _attr(_first(itemset, "value") or Element("value"), "ref") or "name"
        label_elem = _first(itemset, "label")
        label_ref = _attr(label_elem, "ref") if label_elem is not None else "label"
        node = self.instances[match.group(1)]
        steps = [s for s in match.group(2).split("/") if s][1:]  # the first step is the root
        nodes = [node]
        for step in steps:
            nodes = [c for n in nodes for c in _children(n, step.rpartition(":")[2])]
        for item in nodes:
            value = _text(_first(item, value_ref))
            if label_ref.startswith("jr:itext("):
                key = _text(_first(item, "itextId"))
                label = self.texts.get(key, "")
            else:
                label = _text(_first(item, label_ref))
            items.append(Choice(value, label or value))
        return items


def parse_form(xml: str, language: str = "") -> WebForm:
    """Read an XForm (``FormVersion.xml``) into the questions of the web form.

    Raises :class:`SubmissionXMLError` when the text is not an XForm at all.
    """
    html = _parse_root(xml)
    reader = _Reader(html, language)
    reader.check_binds()
    reader.walk(reader.body, "")
    sections = [s for s in reader.sections if s.questions]
    primary = reader.primary
    leaves: list[str] = []
    defaults: dict[str, str] = {}
    groups: set[str] = set()

    def visit(elem: Element, prefix: str) -> None:
        for child in _children(elem):
            path = f"{prefix}/{_local(child.tag)}" if prefix else _local(child.tag)
            if _children(child):
                groups.add(path)
                visit(child, path)
            else:
                leaves.append(path)
                defaults[path] = (child.text or "").strip()

    visit(primary, "")
    preloads = {}
    for path, bind in reader.binds.items():
        preload = _attr(bind, "preload")
        if preload:
            preloads[path] = _attr(bind, "preloadParams") or preload
    questions = [q for s in sections for q in s.questions]
    for question in questions:
        question.default = defaults.get(question.path, "")
        if question.path not in defaults and question.kind != "note":
            reader.problem(_("questions outside the form's data"))
    return WebForm(
        form_id=_attr(primary, "id"),
        version=_attr(primary, "version"),
        title=reader.title,
        sections=sections,
        problems=reader.problems,
        root_name=reader.root_name,
        root_attributes={
            key: value for key, value in primary.attrib.items() if not key.startswith("{")
        },
        leaves=leaves,
        defaults=defaults,
        preloads=preloads,
        groups=groups,
    )


# -- answers ------------------------------------------------------------------


def _clean_one(question: Question, values: list[str]) -> tuple[str, str]:
    """(answer as stored, error message) for one question's posted values."""
    values = [v.strip() for v in values if v.strip()]
    if not values:
        if question.required:
            return "", question.required_message or _("This question needs an answer.")
        return "", ""
    value = values[0]
    if question.kind == "text":
        if len(value) > MAX_TEXT:
            return value, _("Write at most %(limit)s characters.") % {"limit": MAX_TEXT}
        return value, ""
    if question.kind == "integer":
        if not _INTEGER.fullmatch(value) or abs(int(value)) > INT_LIMIT:
            return value, _("Enter a whole number.")
        return str(int(value)), ""
    if question.kind == "decimal":
        try:
            number = Decimal(value.replace(",", "."))
        except InvalidOperation:
            return value, _("Enter a number.")
        if not number.is_finite() or len(value) > 40:
            return value, _("Enter a number.")
        return format(number, "f"), ""
    if question.kind == "date":
        try:
            return date.fromisoformat(value).isoformat(), ""
        except ValueError:
            return value, _("Enter a date as YYYY-MM-DD.")
    allowed = [c.value for c in question.choices]
    if question.kind == "select1":
        if value not in allowed:
            return "", _("Choose one of the answers listed.")
        return value, ""
    if question.kind == "select":
        if any(v not in allowed for v in values):
            return "", _("Choose among the answers listed.")
        return " ".join(c for c in allowed if c in values), ""
    return "", ""


def clean_answers(
    webform: WebForm, posted: dict[str, list[str]]
) -> tuple[dict[str, str], dict[str, str]]:
    """(answers by path, errors by path) from the posted fields (``q:<path>``).

    Answers keep what was typed even when wrong, so the page shows it again.
    """
    answers: dict[str, str] = {}
    errors: dict[str, str] = {}
    for question in webform.questions:
        if question.kind == "note":
            continue
        raw = posted.get(question.field_name, [])
        answer, error = _clean_one(question, raw)
        if error:
            errors[question.path] = error
            answers[question.path] = " ".join(v.strip() for v in raw if v.strip())
        else:
            answers[question.path] = answer
    return answers, errors


def _preload_value(kind: str, started: datetime, now: datetime) -> str:
    if kind == "start":
        return started.isoformat(timespec="milliseconds")
    if kind == "end":
        return now.isoformat(timespec="milliseconds")
    if kind == "today":
        return timezone.localdate(now).isoformat()
    if kind == "deviceid":
        return "sauti-web"
    return ""


def build_instance(
    webform: WebForm,
    answers: dict[str, str],
    instance_id: str,
    *,
    started: datetime,
    now: datetime | None = None,
) -> bytes:
    """The instance XML ODK Collect would send for these answers (UTF-8 bytes)."""
    now = timezone.localtime(now or timezone.now())
    started = timezone.localtime(started)
    root = Element(webform.root_name, dict(webform.root_attributes))
    nodes: dict[str, Element] = {"": root}

    def parent_of(path: str) -> Element:
        parent_path = path.rpartition("/")[0]
        if parent_path not in nodes:
            nodes[parent_path] = SubElement(parent_of(parent_path), parent_path.rpartition("/")[2])
        return nodes[parent_path]

    for path in webform.leaves:
        elem = SubElement(parent_of(path), path.rpartition("/")[2])
        nodes[path] = elem
        if path == "meta/instanceID":
            elem.text = instance_id
        elif path in answers:
            elem.text = answers[path]
        elif path in webform.preloads:
            elem.text = _preload_value(webform.preloads[path], started, now) or None
        else:
            elem.text = webform.defaults.get(path) or None
    if "meta/instanceID" not in nodes:
        SubElement(nodes.get("meta") or SubElement(root, "meta"), "instanceID").text = instance_id
    return tostring(root, encoding="unicode", short_empty_elements=True).encode("utf-8")


# -- the hidden instance ID -----------------------------------------------------


def new_instance_token(now: datetime | None = None) -> str:
    """A signed ``uuid:…`` and start time, carried by the page from GET to POST.

    Signed so that a posted page cannot name another submission's ID.
    """
    started = (now or timezone.now()).isoformat()
    return signing.dumps({"id": f"uuid:{uuid.uuid4()}", "start": started}, salt=INSTANCE_SALT)


def read_instance_token(token: str) -> tuple[str, datetime] | None:
    """(instance ID, start time) from a token, or ``None`` when it was altered."""
    try:
        data = signing.loads(token, salt=INSTANCE_SALT)
        instance_id = str(data["id"])
        started = datetime.fromisoformat(str(data["start"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if not instance_id.startswith("uuid:") or len(instance_id) > 100:
        return None
    if timezone.is_naive(started):
        started = timezone.make_aware(started)
    return instance_id, started


# -- storing ----------------------------------------------------------------------


@dataclass
class Sent:
    """What became of a posted page: stored (now or before), or refused with a message."""

    stored: bool
    already: bool = False
    message: str = ""
    submission: Submission | None = None


def submit(
    member: TeamMember,
    webform: WebForm,
    answers: dict[str, str],
    *,
    instance_id: str,
    started: datetime,
    site: Site | None = None,
) -> Sent:
    """Store the answers of one page through ``services.ingest``, once per instance ID.

    A page posted again after it was stored (its instance ID is known) is not
    rebuilt: its ``end`` time would differ, and the first copy is the one kept.
    """
    existing = Submission.objects.filter(project=member.project, instance_id=instance_id).first()
    if existing is not None:
        return Sent(stored=True, already=True, submission=existing)
    xml = build_instance(webform, answers, instance_id, started=started)
    outcome = services.ingest(member, xml, source=Submission.Source.WEB, site=site)
    if outcome.status == 409:  # the same page stored by a parallel request meanwhile
        return Sent(stored=True, already=True)
    if outcome.status != 201:
        return Sent(stored=False, message=outcome.message)
    submission = outcome.submission
    if submission is None or submission.instance_id != instance_id:
        return Sent(stored=True, already=True, submission=submission)
    return Sent(stored=True, submission=submission)


def problems_of(xml: str) -> list[str]:
    """Why a stored XForm cannot be filled here ([] when it can), never an exception."""
    try:
        return parse_form(xml).problems
    except SubmissionXMLError as error:
        return [str(error.message)]


def fillable_forms(project: Project) -> list[Form]:
    """The project's open forms whose current version the web form can show (for the hub)."""
    forms = []
    for form in project.forms.filter(is_open=True).order_by("title"):
        current = form.versions.filter(is_current=True).only("xml").first()
        if current is not None and not problems_of(current.xml):
            forms.append(form)
    return forms
