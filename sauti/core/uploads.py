"""Documents people attach as evidence: what is accepted, judged by content, not by name.

Evidence (a law, minutes, a report) is downloaded by other people, often on
phones: so only formats that cannot run code when opened are accepted, the
type is read from the file's first bytes rather than trusted from its name or
the browser, and the stored name is random so that an uploader's file name
(which may carry a person's name) is never published.
"""

from __future__ import annotations

import secrets
import zipfile

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024

# Office Open XML and OpenDocument files are ZIP archives. What they are is read
# from inside: the main part's content type (OOXML) or the ``mimetype`` entry (ODF),
# which must match the extension; macro-enabled variants and parts that carry code
# (VBA projects, ActiveX controls, OpenDocument Basic/Scripts) are refused.
_OOXML_MAIN = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
_ODF_MIMETYPE = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
    ".odp": b"application/vnd.oasis.opendocument.presentation",
}
_ZIP_FORMATS = (*_OOXML_MAIN, *_ODF_MIMETYPE)
_CODE_PARTS = ("vbaproject.bin", "activex", "basic/", "scripts/")
# The two small parts read to tell the type; a larger one is a decompression bomb.
_MAX_PART = 1024 * 1024


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot != -1 else ""


def _document_suffix(upload: UploadedFile) -> str | None:
    """The extension to store the file under, or None if its content is not accepted."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        # A PDF ends with its end-of-file marker (a little trailing junk is allowed);
        # a page of HTML that merely starts like a PDF does not.
        upload.seek(max(upload.size - 1024, 0))
        tail = upload.read()
        upload.seek(0)
        return ".pdf" if b"%%EOF" in tail else None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    suffix = _suffix(upload.name or "")
    if head.startswith(b"PK\x03\x04") and suffix in _ZIP_FORMATS:
        try:
            with zipfile.ZipFile(upload) as archive:
                return suffix if _is_office_document(archive, suffix) else None
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        finally:
            upload.seek(0)
    return None


def _is_office_document(archive: zipfile.ZipFile, suffix: str) -> bool:
    names = archive.namelist()
    if any(part in name.lower() for name in names for part in _CODE_PARTS):
        return False
    if suffix in _ODF_MIMETYPE:
        return _small_part(archive, "mimetype").strip() == _ODF_MIMETYPE[suffix]
    types = _small_part(archive, "[Content_Types].xml").decode("utf-8", "replace")
    return f'ContentType="{_OOXML_MAIN[suffix]}"' in types and "macroEnabled" not in types


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part of the archive, read only if it is small (never unpacked beyond the limit)."""
    if archive.getinfo(name).file_size > _MAX_PART:
        return b""
    with archive.open(name) as part:
        return part.read(_MAX_PART + 1)[:_MAX_PART]


def clean_document(upload: UploadedFile | None) -> UploadedFile | None:
    """Check an evidence document and give it a random name; a translated error if refused."""
    if not upload:
        return None
    if upload.size > MAX_DOCUMENT_SIZE:
        raise forms.ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_SIZE)}
        )
    suffix = _document_suffix(upload)
    if suffix is None:
        raise forms.ValidationError(
            _(
                "This kind of file is not accepted. Send a PDF, a Word, Excel or PowerPoint "
                "file (.docx, .xlsx, .pptx), an OpenDocument file, or a JPEG or PNG image."
            )
        )
    upload.name = secrets.token_hex(12) + suffix
    return upload


def download_response(
    field: FieldFile, *, filename: str | None = None, content_type: str | None = None
) -> FileResponse:
    """A stored file as a download, never displayed inside Sauti's pages: a document from a
    stranger runs in a sandbox with nothing allowed. A missing file is a 404, not a 500."""
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename or field.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
