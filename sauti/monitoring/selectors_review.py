"""Reading submissions for review: the filtered data table, its columns, one submission's history.

The table shows only current submissions (an edit replaces the submission it
edits), newest first. Its columns are the answer paths of the chosen form's
current version, taken from the ``data`` keys of that version's submissions
(the first :data:`MAX_COLUMNS`); a repeat (a list of answers) shows as a count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Form, FormVersion, Project, Site, Submission

MAX_COLUMNS = 20
PAGE_SIZE = 50
#: How many of the current version's latest submissions are read to find its answer paths.
COLUMN_SAMPLE = 200
#: Longest replaces chain shown on a submission's page.
MAX_HISTORY = 50


class SubmissionFilterForm(forms.Form):
    """The data table's filters (read from the query string)."""

    form = forms.ModelChoiceField(
        label=_("Form"), queryset=Form.objects.none(), required=False, empty_label=_("All forms")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    site = forms.ModelChoiceField(
        label=_("Site"), queryset=Site.objects.none(), required=False, empty_label=_("All sites")
    )
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, project: Project, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = Form.objects.filter(project=project)
        self.fields["site"].queryset = Site.objects.filter(project=project)
        self.fields["status"].choices = [("", _("Any status")), *Submission.Status.choices]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("received_from"), cleaned.get("received_to")
        if start and end and start > end:
            raise forms.ValidationError(_("“Received from” must not be after “Received until”."))
        return cleaned


def current_submissions(project: Project) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(project=project, is_current=True)
        .select_related("form_version__form", "site")
        .order_by("-received_at", "-id")
    )


def filtered(project: Project, filters: dict[str, Any]) -> QuerySet[Submission]:
    """Current submissions of ``project`` matching the cleaned filters."""
    submissions = current_submissions(project)
    if filters.get("form"):
        submissions = submissions.filter(form_version__form=filters["form"])
    if filters.get("status"):
        submissions = submissions.filter(status=filters["status"])
    if filters.get("site"):
        submissions = submissions.filter(site=filters["site"])
    if filters.get("received_from"):
        submissions = submissions.filter(received_at__date__gte=filters["received_from"])
    if filters.get("received_to"):
        submissions = submissions.filter(received_at__date__lte=filters["received_to"])
    return submissions


def columns_for(form: Form | None) -> list[str]:
    """The answer paths of ``form``'s current version (first :data:`MAX_COLUMNS`), in order."""
    if form is None:
        return []
    version = FormVersion.objects.filter(form=form, is_current=True).first()
    if version is None:
        return []
    paths: list[str] = []
    rows = (
        Submission.objects.filter(form_version=version)
        .order_by("-received_at", "-id")
        .values_list("data", flat=True)[:COLUMN_SAMPLE]
    )
    for data in rows:
        for path in data or {}:
            if path not in paths:
                paths.append(path)
                if len(paths) >= MAX_COLUMNS:
                    return paths
    return paths


def cell(value: Any) -> dict[str, Any]:
    """How one answer shows in the table: a repeat as its count, anything else as text."""
    if isinstance(value, list):
        return {"count": len(value), "text": ""}
    if value is None:
        return {"count": None, "text": ""}
    return {"count": None, "text": str(value)}


@dataclass
class Row:
    submission: Submission
    cells: list[dict[str, Any]]


def rows_for(submissions: list[Submission], columns: list[str]) -> list[Row]:
    return [
        Row(submission, [cell((submission.data or {}).get(c)) for c in columns])
        for submission in submissions
    ]


def history(submission: Submission) -> list[Submission]:
    """The submission's chain of edits, oldest first (what it replaces, what replaced it)."""
    older: list[Submission] = []
    current = submission
    while current.replaces_id and len(older) < MAX_HISTORY:
        current = Submission.objects.select_related("form_version").get(pk=current.replaces_id)
        older.append(current)
    newer: list[Submission] = []
    current = submission
    while len(newer) < MAX_HISTORY:
        current = Submission.objects.select_related("form_version").filter(replaces=current).first()
        if current is None:
            break
        newer.append(current)
    return [*reversed(older), submission, *newer]


def answers(submission: Submission) -> list[tuple[str, Any]]:
    """All answers of a submission as (path, value) pairs, in the order stored."""
    return list((submission.data or {}).items())
