from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import MAX_ID, AbuseReport
from .text import clean_plain_text


class AbuseReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=AbuseReport.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"class": "hp", "tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_details(self) -> str:
        return clean_plain_text(self.cleaned_data["details"], multiline=True)


class ModerationForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)

    def clean_reason(self) -> str:
        return clean_plain_text(self.cleaned_data["reason"], multiline=True)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids no database row can have before looking them up (SQLite overflows)."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            try:
                if not 1 <= int(str(pk)) <= MAX_ID:
                    raise ValueError
            except ValueError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                ) from None
        return super()._check_values(value)


class BoundedModelChoiceField(forms.ModelChoiceField):
    """Refuses an id no database row can have before looking it up (SQLite overflows)."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values:
            try:
                if not 1 <= int(str(value)) <= MAX_ID:
                    raise ValueError
            except ValueError:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                ) from None
        return super().to_python(value)
