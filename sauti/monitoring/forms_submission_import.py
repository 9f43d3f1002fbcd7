"""The upload form of the submissions import (KoboToolbox or ODK Central exports)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import submission_import


class SubmissionImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Exported submissions (CSV or XLSX)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "At most %(size)s and %(rows)s rows. The first row holds the column names."
        ) % {
            "size": filesizeformat(submission_import.max_bytes()),
            "rows": formats.number_format(submission_import.max_rows(), force_grouping=True),
        }
        self.fields["file"].widget.attrs["accept"] = (
            ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    def clean_file(self) -> Any:
        """Refuse an oversized file before reading a single row of it."""
        upload = self.cleaned_data["file"]
        limit = submission_import.max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload
