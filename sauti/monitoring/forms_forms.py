"""The XLSForm upload form: one .xlsx file, its size checked before it is read."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import xlsform

ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def max_bytes() -> int:
    return getattr(settings, "SAUTI_XLSFORM_MAX_BYTES", xlsform.DEFAULT_MAX_BYTES)


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("XLSForm (.xlsx)"),
        help_text=gettext_lazy(
            "An Excel workbook with a survey sheet, and choices and settings sheets if "
            "the form needs them. To replace a form, keep its form_id and raise its "
            "version in the settings sheet."
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = max_bytes()
        if upload.size > limit:
            # Refused before it is read into memory.
            raise forms.ValidationError(
                _("The file is %(size)s; the largest form accepted is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        # What the file really is (.xls, .ods, CSV…) is checked by xlsform.convert.
        return upload

    def data_and_name(self) -> tuple[bytes, str]:
        upload = self.cleaned_data["file"]
        upload.seek(0)
        return upload.read(), upload.name
