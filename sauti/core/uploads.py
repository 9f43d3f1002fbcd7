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
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024

# Office Open XML and OpenDocument files are ZIP archives; the extension says
# which, and a macro-enabled variant (.docm, .xlsm) is not in the list.
_ZIP_FORMATS = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot != -1 else ""


def _document_suffix(upload: UploadedFile) -> str | None:
    """The extension to store the file under, or None if its content is not accepted."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    suffix = _suffix(upload.name or "")
    if head.startswith(b"PK\x03\x04") and suffix in _ZIP_FORMATS:
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names or "mimetype" in names:
            return suffix
    return None


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
