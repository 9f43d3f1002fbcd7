"""Forms for the steps of a community scorecard exercise.

Each step is an ordinary form posted on its own, so the exercise works
without JavaScript and each step is saved when it is sent. Rows that can be
added (groups, custom indicators, actions) are formsets with a few empty
rows; saving gives a fresh set of empty rows for more.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sauti.accounts.models import Constituency
from sauti.core.choices import country_choices
from sauti.core.models import Country
from sauti.core.text import clean_plain_text
from sauti.mechanisms.models import Mechanism

from .models import ActionItem, Cycle, Indicator, ParticipantGroup, Scorecard, ScorecardItem

SCORE_CHOICES = [
    ("", _("Not scored")),
    ("1", _("1 – very bad")),
    ("2", _("2 – bad")),
    ("3", _("3 – neither good nor bad")),
    ("4", _("4 – good")),
    ("5", _("5 – very good")),
]
SCORE_ERROR = _("Give a score from 1 (very bad) to 5 (very good), or “Not scored”.")
DATE_ERROR = _("Write the date as YEAR-MONTH-DAY, e.g. 2025-06-30.")
REASONS_MAX = 5000
_MECHANISM_NUMBER = re.compile(r"(?:^|/mechanisms/)(\d{1,12})/?$")


def _plain(value: str, *, multiline: bool = False) -> str:
    return clean_plain_text(value or "", multiline=multiline)


def _country_choices() -> list[tuple[str, str]]:
    return [("", _("Choose a country")), *country_choices()]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ScorecardForm(forms.ModelForm):
    """The exercise's details: who ran it, where, when, with whom facilitating."""

    organisation = forms.ModelChoiceField(
        label=_("Run by"), queryset=None, empty_label=None, required=True
    )
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices)
    mechanism_ref = forms.CharField(
        label=_("Participation mechanism in the registry (optional)"),
        max_length=300,
        required=False,
        help_text=_(
            "When the exercise scored a mechanism of the registry: paste the address of its "
            "page, or its number (the number in that address)."
        ),
    )
    cycle = forms.ModelChoiceField(
        label=_("Reporting cycle (optional)"),
        queryset=Cycle.objects.prefetch_related("translations"),
        required=False,
        help_text=_("The reporting cycle for which this scorecard serves as evidence."),
    )

    class Meta:
        model = Scorecard
        fields = ["place_kind", "place_name", "held_on", "facilitators"]
        widgets = {"held_on": DateInput()}
        help_texts = {
            "facilitators": _(
                "Organisations or roles. Leave out the name of anyone who could be put at risk."
            ),
        }
        error_messages = {"held_on": {"invalid": DATE_ERROR}}

    field_order = [
        "organisation",
        "country",
        "place_kind",
        "place_name",
        "mechanism_ref",
        "held_on",
        "facilitators",
        "cycle",
    ]

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The organisation that collected the data keeps it.
            del self.fields["organisation"]
            self.initial["country"] = self.instance.country_id
            self.initial["cycle"] = self.instance.cycle_id
            if self.instance.mechanism_id:
                self.initial["mechanism_ref"] = str(self.instance.mechanism_id)
        else:
            self.fields["organisation"].queryset = organisations

    def clean_place_name(self) -> str:
        name = _plain(self.cleaned_data["place_name"])
        if not name:
            raise forms.ValidationError(self.fields["place_name"].error_messages["required"])
        return name

    def clean_facilitators(self) -> str:
        return _plain(self.cleaned_data["facilitators"])

    def clean_country(self) -> Country:
        return Country.objects.get(pk=self.cleaned_data["country"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        reference = (data.get("mechanism_ref") or "").strip()
        data["mechanism"] = None
        if reference:
            match = _MECHANISM_NUMBER.search(reference.split("?")[0].split("#")[0])
            mechanism = (
                Mechanism.objects.visible().filter(pk=int(match.group(1))).first()
                if match
                else None
            )
            if mechanism is None:
                self.add_error(
                    "mechanism_ref",
                    _("No mechanism of the registry has this address or number."),
                )
            elif data.get("country") and mechanism.country_id != data["country"].pk:
                self.add_error(
                    "mechanism_ref",
                    _("This mechanism is in a different country from the exercise."),
                )
            else:
                data["mechanism"] = mechanism
        return data

    def service_data(self) -> dict[str, Any]:
        data = {
            name: self.cleaned_data[name]
            for name in ("country", "place_kind", "place_name", "held_on", "facilitators", "cycle")
        }
        data["mechanism"] = self.cleaned_data["mechanism"]
        if "organisation" in self.cleaned_data:
            data["organisation"] = self.cleaned_data["organisation"]
        return data


class GroupForm(forms.ModelForm):
    label = forms.CharField(label=_("Group"), max_length=100)
    size = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        max_value=100_000,
        error_messages={
            "min_value": _("A group has at least one person."),
            "max_value": _("Write a number of people below 100 000."),
            "invalid": _("Write the number of people as a whole number, e.g. 12."),
        },
    )
    constituency = forms.ModelChoiceField(
        label=_("Constituency (optional)"),
        queryset=Constituency.objects.all(),
        required=False,
        empty_label=_("None"),
    )

    class Meta:
        model = ParticipantGroup
        fields = ["label", "constituency", "size"]

    def clean_label(self) -> str:
        label = _plain(self.cleaned_data["label"])
        if not label:
            raise forms.ValidationError(_("Name the group, e.g. “Women”, “Youth”."))
        return label


class RowsFormSet(forms.BaseModelFormSet):
    """A model formset whose "delete" box says what it does."""

    delete_label: Any = _("Remove")

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.delete_label


class BaseGroupFormSet(RowsFormSet):
    delete_label = _("Remove this group and its scores")

    def clean(self) -> None:
        super().clean()
        labels = []
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            label = (form.cleaned_data or {}).get("label")
            if label:
                if label.casefold() in labels:
                    form.add_error("label", _("Two groups have this name; give each its own."))
                labels.append(label.casefold())


GroupFormSet = forms.modelformset_factory(
    ParticipantGroup,
    form=GroupForm,
    formset=BaseGroupFormSet,
    extra=3,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class IndicatorChoiceForm(forms.Form):
    library = forms.ModelMultipleChoiceField(
        label=_("Indicators from the library"),
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Unticking an indicator removes the scores already given for it."),
    )

    def __init__(self, *args: Any, library: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = library


class CustomIndicatorForm(forms.ModelForm):
    text = forms.CharField(label=_("Indicator written for this exercise"), max_length=300)

    class Meta:
        model = ScorecardItem
        fields = ["text"]

    def clean_text(self) -> str:
        text = _plain(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(
                _("Write the indicator, or tick “Remove this indicator and its scores”.")
            )
        return text


class BaseCustomIndicatorFormSet(RowsFormSet):
    delete_label = _("Remove this indicator and its scores")


CustomIndicatorFormSet = forms.modelformset_factory(
    ScorecardItem,
    form=CustomIndicatorForm,
    formset=BaseCustomIndicatorFormSet,
    extra=3,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class ScoreGridForm(forms.Form):
    """A score (1–5 or not scored) and reasons for each indicator of the exercise."""

    def __init__(
        self, *args: Any, items: list[ScorecardItem], reasons_label: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"score_{item.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": SCORE_ERROR},
            )
            self.fields[f"reasons_{item.pk}"] = forms.CharField(
                label=reasons_label,
                max_length=REASONS_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self) -> list[tuple[ScorecardItem, forms.BoundField, forms.BoundField]]:
        return [(item, self[f"score_{item.pk}"], self[f"reasons_{item.pk}"]) for item in self.items]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for item in self.items:
            reasons = _plain(data.get(f"reasons_{item.pk}") or "", multiline=True)
            data[f"reasons_{item.pk}"] = reasons
            if (
                reasons
                and data.get(f"score_{item.pk}") is None
                and not self.has_error(f"score_{item.pk}")
            ):
                self.add_error(
                    f"score_{item.pk}", _("Give a score with the reasons, or leave both empty.")
                )
        return data

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            item.pk: (
                self.cleaned_data[f"score_{item.pk}"],
                self.cleaned_data[f"reasons_{item.pk}"],
            )
            for item in self.items
        }


class InterfaceForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome of the interface meeting"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Where community and provider agreed and disagreed, and what they decided. "
            "Leave out the names of participants."
        ),
    )

    def clean_outcome(self) -> str:
        return _plain(self.cleaned_data["outcome"], multiline=True)


class ActionForm(forms.ModelForm):
    action = forms.CharField(label=pgettext_lazy("planned action", "Action"), max_length=500)
    responsible = forms.CharField(
        label=_("Who is responsible"),
        max_length=200,
        help_text=_("A role or an office rather than a person's name."),
    )
    due_on = forms.DateField(
        label=_("Due date (optional)"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": DATE_ERROR},
    )

    class Meta:
        model = ActionItem
        fields = ["action", "responsible", "due_on"]

    def clean_action(self) -> str:
        action = _plain(self.cleaned_data["action"])
        if not action:
            raise forms.ValidationError(self.fields["action"].error_messages["required"])
        return action

    def clean_responsible(self) -> str:
        responsible = _plain(self.cleaned_data["responsible"])
        if not responsible:
            raise forms.ValidationError(self.fields["responsible"].error_messages["required"])
        return responsible


class BaseActionFormSet(RowsFormSet):
    delete_label = _("Remove this action")


ActionFormSet = forms.modelformset_factory(
    ActionItem,
    form=ActionForm,
    formset=BaseActionFormSet,
    extra=3,
    can_delete=True,
    max_num=100,
    validate_max=True,
)


class FollowUpForm(forms.Form):
    progress = forms.ChoiceField(
        label=_("Follow-up"), choices=ActionItem.Progress.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Follow-up note"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What happened, and how you know."),
    )

    def clean_note(self) -> str:
        return _plain(self.cleaned_data["note"], multiline=True)


def formset_changes(formset: forms.BaseModelFormSet) -> tuple[list[tuple[Any, dict]], list[Any]]:
    """From a valid model formset: (instance or None, values) of each filled row, and the
    instances ticked for removal."""
    kept: list[tuple[Any, dict]] = []
    removed: list[Any] = []
    deleted = formset.deleted_forms
    for form in formset.forms:
        if form in deleted:
            if form.instance.pk:
                removed.append(form.instance)
            continue
        if not form.instance.pk and not form.has_changed():
            continue  # an empty extra row
        kept.append((form.instance if form.instance.pk else None, form.cleaned_data))
    return kept, removed
