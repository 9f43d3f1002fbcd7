"""The form of a shadow report: what it covers, in which language, and the coalition's words."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sauti.commitments.models import Cycle
from sauti.core.choices import country_choices
from sauti.core.i18n import native_language_name, sort_key
from sauti.core.models import Country
from sauti.core.text import clean_plain_text
from sauti.mechanisms.models import CaseStudy

PLAIN_TEXT_HELP = _("Plain text. Leave an empty line between paragraphs.")


def language_choices() -> list[tuple[str, str]]:
    return [(code, native_language_name(code)) for code, _name in settings.LANGUAGES]


class CaseStudyChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: CaseStudy) -> str:
        return f"{obj} ({obj.country.name})"


class ReportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    country = forms.TypedChoiceField(label=_("Country"), choices=country_choices)
    cycle = forms.ModelChoiceField(
        label=_("Reporting cycle"), queryset=Cycle.objects.none(), empty_label=None
    )
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=language_choices,
        help_text=_("Headings, tables and charts are written in this language."),
    )
    foreword = forms.CharField(
        label=_("Foreword"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=PLAIN_TEXT_HELP,
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=PLAIN_TEXT_HELP,
    )
    case_studies = CaseStudyChoice(
        label=_("Case studies to include"),
        queryset=CaseStudy.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    include_scorecards = forms.BooleanField(
        label=_("Include the published community scorecards of the country"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cycle_field = self.fields["cycle"]
        cycle_field.queryset = Cycle.objects.prefetch_related("translations")  # type: ignore[attr-defined]
        studies = CaseStudy.objects.select_related("country").prefetch_related("translations")
        field = self.fields["case_studies"]
        field.queryset = studies  # type: ignore[attr-defined]
        # Sorted by country, then title, in the reader's language.
        choices = sorted(
            studies, key=lambda study: (sort_key(study.country.name), sort_key(str(study)))
        )
        field.choices = [(study.pk, field.label_from_instance(study)) for study in choices]  # type: ignore[attr-defined]

    def clean_title(self) -> str:
        title = clean_plain_text(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Give the report a title."))
        return title

    def clean_foreword(self) -> str:
        return clean_plain_text(self.cleaned_data["foreword"], multiline=True)

    def clean_recommendations(self) -> str:
        return clean_plain_text(self.cleaned_data["recommendations"], multiline=True)

    def clean_country(self) -> Country:
        found = Country.objects.filter(pk=self.cleaned_data["country"]).first()
        if found is None:
            raise forms.ValidationError(_("Choose a country from the list."))
        return found
