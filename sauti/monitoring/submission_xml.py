"""Reading the XForm instance XML that ODK Collect and Enketo submit (pure, no database).

``parse_submission(xml_bytes)`` turns one submitted instance into a
:class:`ParsedSubmission`, or raises :class:`SubmissionXMLError` whose ``code`` says
what was wrong and whose ``message`` (translatable) says it to the person or tool
that sent it. Nothing here stores anything: the caller stores only what parsed.

Decisions worth knowing:

* **Safe parser.** defusedxml with ``forbid_dtd``, ``forbid_entities`` and
  ``forbid_external``: an instance never needs a DTD, so any ``<!DOCTYPE`` (billion
  laughs, external entities / XXE) is refused with code ``entities`` before anything
  is expanded or fetched. Size is checked before parsing, nesting depth while
  flattening (an instance of a real form is a few levels deep).
* **UTF-8 only.** ODK Collect and Enketo always send UTF-8. The bytes are decoded
  strictly and the *text* is parsed, so ``xml_text`` (what the caller stores in
  ``Submission.xml``) is exactly what was parsed and ``xml_text.encode() == xml``.
* **sha256 of the raw bytes**, not normalised. A phone that retries sends the same
  bytes (Collect resends its instance file, Enketo its stored record), so "same
  XML → accepted once" holds; a checksum of exactly what is stored can be checked
  against ``Submission.xml`` later, and normalising would make a second, fuzzier
  notion of "same" under which two different stored documents could collide.
* **Namespaces are ignored** for paths: ``meta`` may be ``orx:meta``
  (``http://openrosa.org/xforms``) or un-namespaced, and some tools put a default
  namespace on the root; elements are known by their local name.
* **data** flattens answers by slash path without the root element
  (``"group/question": "text"``); all values are strings as sent (never stripped,
  empty answers kept as ``""``); the root's ``meta`` block is left out. A *repeat*
  becomes a list of dicts (keys relative to the repeat) under its path. Without the
  form, a repeat is recognised because its element occurs more than once; a repeat
  filled in once then looks like a group — pass ``shape=form_shape(form_xml)`` (the
  XForm of the version) to know repeats for certain.
* **media** lists the attachment file names the instance refers to: with a shape,
  the values of ``binary`` questions; without, any answer that looks like a file
  name with a common photo/audio/video/document extension (good enough to tell
  whether all announced attachments arrived; a free-text answer "photo.jpg" would
  count too). Names with a path separator, ``..`` or control characters are never
  listed.
* **collected_on** is the device's local date of the ``start`` (else ``today``)
  field, as written (not converted to UTC), or ``None``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import errors as expat_errors

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.conf import settings
from django.utils.translation import gettext_lazy as _

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "FormShape",
    "ParsedSubmission",
    "SubmissionXMLError",
    "form_shape",
    "parse_submission",
]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # unless settings.SAUTI_SUBMISSION_XML_MAX_BYTES
MAX_DEPTH = 32  # element nesting under the root; real forms stay under ten
MAX_INSTANCE_ID = 100  # Submission.instance_id max_length

MEDIA_EXTENSIONS = frozenset(
    {
        # photos, drawings, signatures
        *("jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff"),
        *("mp3", "m4a", "aac", "amr", "ogg", "oga", "opus", "wav", "3ga", "flac"),  # audio
        *("mp4", "m4v", "3gp", "webm", "mov", "mkv", "avi"),  # video
        *("pdf", "csv", "txt", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"),  # files
    }
)
_MEDIA_NAME = re.compile(r"[^/\\\x00-\x1f\x7f]{1,250}\.([A-Za-z0-9]{1,5})")
_UNDEFINED_ENTITY = expat_errors.codes[expat_errors.XML_ERROR_UNDEFINED_ENTITY]
_ENCODING_DECL = re.compile(r"""\A\ufeff?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']""")


class SubmissionXMLError(ValueError):
    """An instance we refuse; ``code`` is stable for programs, ``message`` is for people."""

    def __init__(self, code: str, message) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class FormShape:
    """What an instance alone does not say, read from the form's XForm.

    Paths are slash paths without the root, repeat positions left out
    (``"household/member/photo"``).
    """

    repeats: frozenset[str] = frozenset()
    binaries: frozenset[str] = frozenset()


@dataclass
class ParsedSubmission:
    form_id: str
    version: str
    instance_id: str
    deprecated_id: str
    data: dict[str, object]
    media: list[str]
    sha256: str
    collected_on: date | None
    xml_text: str = field(repr=False, default="")  # the bytes decoded (UTF-8), to store


def _local(tag: object) -> str:
    """``{namespace}name`` → ``name`` (comments and processing instructions → "")."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _children(elem: Element) -> list[Element]:
    return [child for child in elem if isinstance(child.tag, str)]


def _safe_fromstring(text: str) -> Element:
    return SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)


def _decode(xml: bytes) -> str:
    try:
        text = xml.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionXMLError(
            "encoding", _("The submission must be XML encoded as UTF-8.")
        ) from None
    declared = _ENCODING_DECL.match(text[:500])
    if declared and declared.group(1).strip().lower() not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise SubmissionXMLError("encoding", _("The submission must be XML encoded as UTF-8."))
    return text


def _parse_root(text: str) -> Element:
    try:
        return _safe_fromstring(text)
    except DefusedXmlException:
        raise SubmissionXMLError(
            "entities",
            _(
                "The submission declares a DTD or entities, which are not allowed "
                "in a form instance."
            ),
        ) from None
    except ParseError as exc:
        if exc.code == _UNDEFINED_ENTITY:  # "&e;" without any DTD: an entity all the same
            raise SubmissionXMLError(
                "entities", _("The submission refers to entities, which are not allowed.")
            ) from None
        raise SubmissionXMLError("not_xml", _("The submission is not well-formed XML.")) from None


def _safe_media_name(value: str) -> bool:
    return (
        bool(value)
        and value not in (".", "..")
        and len(value) <= 255
        and value == value.strip()
        and not any(c in value for c in "/\\")
        and not any(ord(c) < 32 or ord(c) == 127 for c in value)
    )


def _looks_like_media(value: str) -> bool:
    match = _MEDIA_NAME.fullmatch(value)
    return bool(match) and match.group(1).lower() in MEDIA_EXTENSIONS and _safe_media_name(value)


class _Flattener:
    def __init__(self, shape: FormShape | None) -> None:
        self.shape = shape
        self.media: list[str] = []

    def flatten(self, elem: Element, path: str, depth: int) -> dict[str, object]:
        """Answers under ``elem`` keyed relative to it; ``path`` is ``elem``'s form path."""
        if depth > MAX_DEPTH:
            raise SubmissionXMLError(
                "too_deep", _("The submission nests elements deeper than any form does.")
            )
        out: dict[str, object] = {}
        groups: dict[str, list[Element]] = {}
        for child in _children(elem):
            groups.setdefault(_local(child.tag), []).append(child)
        for name, elems in groups.items():
            child_path = f"{path}/{name}" if path else name
            is_repeat = (self.shape is not None and child_path in self.shape.repeats) or len(
                elems
            ) > 1
            if is_repeat:
                out[name] = [self._entry(e, child_path, depth + 1) for e in elems]
                continue
            (child,) = elems
            if _children(child):
                for key, value in self.flatten(child, child_path, depth + 1).items():
                    out[f"{name}/{key}"] = value
            else:
                out[name] = self._leaf(child, child_path)
        return out

    def _entry(self, elem: Element, path: str, depth: int) -> object:
        if _children(elem):
            return self.flatten(elem, path, depth)
        if self.shape is not None and path in self.shape.repeats:
            return {}  # an empty repeat instance
        return self._leaf(elem, path)  # an element repeated though not a group: keep its text

    def _leaf(self, elem: Element, path: str) -> str:
        value = elem.text or ""
        if self.shape is not None:
            is_media = path in self.shape.binaries and _safe_media_name(value)
        else:
            is_media = _looks_like_media(value)
        if is_media and value not in self.media:
            self.media.append(value)
        return value


def _meta_value(meta: Element | None, name: str) -> str:
    if meta is None:
        return ""
    for child in _children(meta):
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _attribute(elem: Element, name: str) -> str:
    for key, value in elem.attrib.items():
        if _local(key) == name:
            return value.strip()
    return ""


def _collected_on(data: dict[str, object]) -> date | None:
    for key in ("start", "today"):
        value = data.get(key)
        if isinstance(value, str) and len(value.strip()) >= 10:
            try:
                return date.fromisoformat(value.strip()[:10])
            except ValueError:
                continue
    return None


def parse_submission(
    xml: bytes, *, max_bytes: int | None = None, shape: FormShape | None = None
) -> ParsedSubmission:
    """Parse one submitted instance; raise :class:`SubmissionXMLError` if we refuse it.

    Codes: ``too_large``, ``encoding``, ``entities``, ``not_xml``, ``too_deep``,
    ``no_form_id``, ``no_instance_id``, ``bad_instance_id`` (longer than we store),
    ``bad_deprecated_id`` (an edit that would replace itself).
    """
    if max_bytes is None:
        max_bytes = getattr(settings, "SAUTI_SUBMISSION_XML_MAX_BYTES", DEFAULT_MAX_BYTES)
    if len(xml) > max_bytes:
        raise SubmissionXMLError(
            "too_large",
            _("The submission is larger than %(limit)s bytes.") % {"limit": max_bytes},
        )
    if not xml.strip():
        raise SubmissionXMLError("not_xml", _("The submission is empty."))
    text = _decode(xml)
    root = _parse_root(text)

    form_id = _attribute(root, "id")
    if not form_id:
        raise SubmissionXMLError(
            "no_form_id", _("The submission does not say which form it answers (no id).")
        )
    version = _attribute(root, "version")

    meta = next((c for c in _children(root) if _local(c.tag) == "meta"), None)
    instance_id = _meta_value(meta, "instanceID")
    if not instance_id:
        raise SubmissionXMLError("no_instance_id", _("The submission has no meta/instanceID."))
    if len(instance_id) > MAX_INSTANCE_ID:
        raise SubmissionXMLError(
            "bad_instance_id",
            _("The meta/instanceID is longer than %(limit)s characters.")
            % {"limit": MAX_INSTANCE_ID},
        )
    deprecated_id = _meta_value(meta, "deprecatedID")
    if deprecated_id == instance_id:
        raise SubmissionXMLError(
            "bad_deprecated_id", _("The meta/deprecatedID is the same as the meta/instanceID.")
        )

    flattener = _Flattener(shape)
    if meta is not None:
        root.remove(meta)
    data = flattener.flatten(root, "", 1)
    return ParsedSubmission(
        form_id=form_id,
        version=version,
        instance_id=instance_id,
        deprecated_id=deprecated_id,
        data=data,
        media=flattener.media,
        sha256=hashlib.sha256(xml).hexdigest(),
        collected_on=_collected_on(data),
        xml_text=text,
    )


def _form_path(nodeset: str, root_name: str) -> str:
    """``/data/grp/q`` → ``grp/q`` (namespace prefixes dropped)."""
    parts = [p.rpartition(":")[2] for p in nodeset.strip().split("/") if p]
    if parts and parts[0] == root_name:
        parts = parts[1:]
    return "/".join(parts)


def form_shape(xform: str | bytes) -> FormShape:
    """Repeats and binary (attachment) questions of an XForm, e.g. ``FormVersion.xml``."""
    text = xform.decode("utf-8") if isinstance(xform, bytes) else xform
    html = _parse_root(text)
    # The primary instance is the first <instance> without an id; its child is the root.
    root_name = ""
    for elem in html.iter():
        if _local(elem.tag) == "instance" and not _attribute(elem, "id"):
            first = _children(elem)
            root_name = _local(first[0].tag) if first else ""
            break
    repeats: set[str] = set()
    binaries: set[str] = set()
    for elem in html.iter():
        tag = _local(elem.tag)
        if tag == "bind" and _attribute(elem, "type").rpartition(":")[2] == "binary":
            binaries.add(_form_path(_attribute(elem, "nodeset"), root_name))
        elif tag == "repeat":
            repeats.add(_form_path(_attribute(elem, "nodeset"), root_name))
    repeats.discard("")
    binaries.discard("")
    return FormShape(repeats=frozenset(repeats), binaries=frozenset(binaries))
