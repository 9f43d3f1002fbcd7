"""The starter library as XLSForms: build a workbook from a definition, add it to a project.

The definitions live in :mod:`sauti.monitoring.starter_forms` as plain data; the
workbook is built in memory with openpyxl each time it is asked for, so there is no
binary file to keep in step with the definitions. Adding a starter form to a project
goes through :func:`sauti.monitoring.services_forms.upload_form`, exactly as if a
coordinator had uploaded the downloaded workbook: the same conversion, the same
checks, the same versioning and the same audit entry.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import services_forms
from .models import Project
from .starter_forms import CATALOGUE, COLUMN_LANGUAGES, StarterForm
from .starter_forms.common import DEFAULT_LANGUAGE

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _columns(kind: str) -> list[str]:
    """``label::English (en)``… in the catalogue's language order."""
    return [f"{kind}::{name}" for name in COLUMN_LANGUAGES.values()]


def sheets(form: StarterForm) -> dict[str, list[list[Any]]]:
    """The survey, choices and settings sheets of ``form``, as rows of cells."""
    has_hints = any(q.hint for q in form.questions)
    header = ["type", "name", *_columns("label")]
    if has_hints:
        header += _columns("hint")
    header.append("required")
    survey: list[list[Any]] = [header]
    for question in form.questions:
        row: list[Any] = [question.type, question.name]
        row += [question.label[lang] for lang in COLUMN_LANGUAGES]
        if has_hints:
            row += [question.hint[lang] if question.hint else None for lang in COLUMN_LANGUAGES]
        row.append("yes" if question.required else None)
        survey.append(row)

    choices: list[list[Any]] = [["list_name", "name", *_columns("label")]]
    for list_name, options in form.choices.items():
        for choice in options:
            choices.append(
                [list_name, choice.name, *(choice.label[lang] for lang in COLUMN_LANGUAGES)]
            )

    settings = [
        ["form_id", "version", "form_title", "default_language"],
        [form.form_id, form.version, str(form.title), COLUMN_LANGUAGES[DEFAULT_LANGUAGE]],
    ]
    return {"survey": survey, "choices": choices, "settings": settings}


def build_xlsx(form: StarterForm) -> bytes:
    """The XLSForm workbook of ``form`` (.xlsx bytes), readable by people as well as pyxform."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets(form).items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            letter = column[0].column_letter
            header = str(column[0].value or "")
            wide = header.startswith(("label::", "hint::"))
            sheet.column_dimensions[letter].width = 45 if wide else 20
            if wide:
                for cell in column[1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(form: StarterForm) -> str:
    return f"{form.slug}-{form.version}.xlsx"


def catalogue() -> list[StarterForm]:
    return list(CATALOGUE.values())


def add_to_project(
    project: Project, form: StarterForm, *, acting_user: Any
) -> services_forms.Upload:
    """Add ``form`` to ``project`` as an upload of its workbook would.

    Raises what :func:`services_forms.upload_form` raises: ``XLSFormError`` (the
    workbook does not convert, which the tests rule out) or ``VersionExists`` (this
    version of the starter form is already the project's).
    """
    return services_forms.upload_form(
        project, data=build_xlsx(form), filename=filename(form), acting_user=acting_user
    )
