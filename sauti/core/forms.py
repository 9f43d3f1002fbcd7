from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AbuseReport
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
