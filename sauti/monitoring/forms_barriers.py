"""Forms of the barrier reports: the public report, the follow-up code, the triage."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sauti.core.models import Country
from sauti.core.text import clean_plain_text, refuse_active_content

from .forms_projects import DATE, country_choices
from .models import BarrierReport, Project


def _plain(value: str, *, multiline: bool = False) -> str:
    refuse_active_content(value)
    return clean_plain_text(value, multiline=multiline)


class BarrierReportForm(forms.ModelForm):
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this field empty"),
        widget=forms.TextInput(attrs={"class": "hp", "tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = BarrierReport
        fields = [
            "barrier",
            "site",
            "place",
            "country",
            "area",
            "happened_on",
            "description",
            "contact",
        ]
        labels = {"site": gettext_lazy("facility or place of the project")}
        help_texts = {
            "place": gettext_lazy("If it is not in the list above. Give only what you want to."),
            "contact": gettext_lazy(
                "A phone number or e-mail, only if you want the organisation to reach you. "
                "Leave it empty to stay anonymous."
            ),
        }
        widgets = {
            "happened_on": DATE,
            "place": forms.TextInput(attrs={"dir": "auto"}),
            "area": forms.TextInput(attrs={"dir": "auto"}),
            "contact": forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
            "description": forms.Textarea(attrs={"dir": "auto", "rows": 6}),
        }

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["site"].queryset = project.sites.order_by("name")
        self.fields["site"].required = False
        country = self.fields["country"]
        country.queryset = Country.objects.all()
        country.widget.choices = [("", "---------"), *country_choices()]
        if not self.is_bound:
            codes = list(project.countries.values_list("code", flat=True)[:2])
            if len(codes) == 1:
                self.initial.setdefault("country", codes[0])

    def clean_place(self) -> str:
        return _plain(self.cleaned_data.get("place", ""))

    def clean_area(self) -> str:
        return _plain(self.cleaned_data.get("area", ""))

    def clean_contact(self) -> str:
        return _plain(self.cleaned_data.get("contact", ""))

    def clean_description(self) -> str:
        return _plain(self.cleaned_data.get("description", ""), multiline=True)

    def clean_happened_on(self) -> Any:
        value = self.cleaned_data.get("happened_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("site") and not data.get("place") and not self.has_error("place"):
            self.add_error("place", _("Choose the facility or write the place."))
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("website", None)
        return data


class FollowUpForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Your follow-up code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class TriageForm(forms.ModelForm):
    class Meta:
        model = BarrierReport
        fields = ["status", "referred_to", "outcome", "outcome_public"]
        labels = {
            "status": gettext_lazy("status"),
            "outcome_public": gettext_lazy("The reporter may read the outcome"),
        }
        help_texts = {
            "outcome_public": gettext_lazy(
                "Shown to whoever enters the follow-up code. Write nothing there that "
                "identifies anyone."
            ),
        }
        widgets = {
            "referred_to": forms.TextInput(attrs={"dir": "auto"}),
            "outcome": forms.Textarea(attrs={"dir": "auto", "rows": 5}),
        }

    def clean_referred_to(self) -> str:
        return _plain(self.cleaned_data.get("referred_to", ""))

    def clean_outcome(self) -> str:
        return _plain(self.cleaned_data.get("outcome", ""), multiline=True)
