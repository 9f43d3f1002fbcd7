"""Forms to record, assess and verify participation mechanisms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Constituency, Membership, Organisation
from sauti.core.choices import country_choices
from sauti.core.models import Country
from sauti.core.text import clean_plain_text, validate_printable
from sauti.core.uploads import clean_document

from .descriptors import DIMENSIONS
from .models import Mechanism

UNKNOWN_YES_NO = [("unknown", _("Not known")), ("true", _("Yes")), ("false", _("No"))]

# The form in sections, as the page shows them; each name is a form field.
SECTIONS: list[tuple[Any, list[str]]] = [
    (
        _("Identity"),
        [
            "name",
            "description",
            "original_language",
            "country",
            "subnational_area",
            "level",
            "kind",
            "is_formal",
            "host_institution",
            "year_established",
            "organisation",
        ],
    ),
    (_("Legal basis"), ["legal_basis", "legal_citation"]),
    (
        _("Policy cycle and influence"),
        [*Mechanism.STAGES, "outcome", "co_governs", "spectrum"],
    ),
    (
        _("Members"),
        [
            "selection",
            "community_majority",
            "seats_government",
            "seats_civil_society",
            "seats_community",
            "seats_health_workers",
            "seats_academia",
            "seats_private",
            "constituencies",
        ],
    ),
    (_("Meetings"), ["meeting_frequency", "last_meeting"]),
    (_("Resources"), ["has_budget", "has_secretariat", "has_office", "has_allowances"]),
    (
        _("Transparency and capacity"),
        [
            "publishes_agendas",
            "publishes_minutes",
            "publishes_decisions",
            "gives_feedback",
            "offers_capacity_building",
        ],
    ),
    (_("Source"), ["source_title", "source_url", "source_document", "source_note"]),
]

NULL_BOOLEANS = [
    "is_formal",
    *Mechanism.STAGES,
    "co_governs",
    "community_majority",
    "has_budget",
    "has_secretariat",
    "has_office",
    "has_allowances",
    "publishes_agendas",
    "publishes_minutes",
    "publishes_decisions",
    "gives_feedback",
    "offers_capacity_building",
]


def member_organisations(user: Any) -> Any:
    return Organisation.objects.visible().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )


class YesNoUnknownField(forms.TypedChoiceField):
    """Yes / No / Not known, stored as True / False / None."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(
            choices=UNKNOWN_YES_NO,
            coerce=lambda value: {"true": True, "false": False}.get(value),
            empty_value=None,
            **kwargs,
        )

    def prepare_value(self, value: Any) -> str:
        return {True: "true", False: "false"}.get(value, "unknown")


class MechanismForm(forms.ModelForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    constituencies = forms.MultipleChoiceField(
        label=_("Constituencies represented"),
        choices=Constituency.Code.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = forms.ModelChoiceField(
        label=_("Recorded on behalf of"), queryset=Organisation.objects.none()
    )
    source_title = forms.CharField(label=_("Source title"), max_length=300, required=False)
    source_url = forms.URLField(
        label=_("Source link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        validators=[validate_printable],
    )
    source_document = forms.FileField(
        label=_("Source document"),
        required=False,
        help_text=_(
            "Instead of a link, or as well: a PDF, office document or image of at most 10 MB. "
            "Remove names of people who could be put at risk before you upload it."
        ),
    )
    source_note = forms.CharField(
        label=_("What the source supports"), max_length=300, required=False
    )

    class Meta:
        model = Mechanism
        fields = [
            "original_language",
            "subnational_area",
            "level",
            "kind",
            "is_formal",
            "legal_basis",
            "legal_citation",
            "year_established",
            "host_institution",
            *Mechanism.STAGES,
            "outcome",
            "co_governs",
            "spectrum",
            "selection",
            "community_majority",
            "seats_government",
            "seats_civil_society",
            "seats_community",
            "seats_health_workers",
            "seats_academia",
            "seats_private",
            "meeting_frequency",
            "last_meeting",
            "has_budget",
            "has_secretariat",
            "has_office",
            "has_allowances",
            "publishes_agendas",
            "publishes_minutes",
            "publishes_decisions",
            "gives_feedback",
            "offers_capacity_building",
        ]
        widgets = {"last_meeting": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in NULL_BOOLEANS:
            field = self.fields[name]
            self.fields[name] = YesNoUnknownField(label=field.label, help_text=field.help_text)
        self.fields["original_language"].choices = settings.LANGUAGES
        self.fields["organisation"].queryset = member_organisations(user)
        if not self.fields["organisation"].queryset.exists():
            # Moderators may record without belonging to an organisation (the
            # view lets only members and moderators in); the record then has none.
            self.fields["organisation"].required = False
        instance = self.instance
        if instance.pk:
            self.initial["name"] = instance.safe_translation_getter(
                "name", language_code=instance.original_language, any_language=True
            )
            self.initial["description"] = instance.safe_translation_getter(
                "description", language_code=instance.original_language, default=""
            )
            self.initial["country"] = instance.country_id
            self.initial["constituencies"] = list(
                instance.constituencies.values_list("pk", flat=True)
            )
            self.initial["organisation"] = instance.organisation_id
            self.fields["organisation"].required = False
            self.fields["organisation"].queryset = (
                member_organisations(user)
                | Organisation.objects.filter(pk=instance.organisation_id)
            ).distinct()

    def sections(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def clean_name(self) -> str:
        name = clean_plain_text(self.cleaned_data["name"])
        if not name:  # only markup: nothing would be left to show
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        return name

    def clean_source_title(self) -> str:
        # Cleaned before ``clean`` checks that there is a source: a title of
        # markup only is no title.
        return clean_plain_text(self.cleaned_data["source_title"])

    def clean_description(self) -> str:
        return clean_plain_text(self.cleaned_data["description"], multiline=True)

    def clean_source_document(self) -> Any:
        return clean_document(self.cleaned_data.get("source_document"))

    def clean_country(self) -> Country:
        return Country.objects.get(pk=self.cleaned_data["country"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        title, url = data.get("source_title"), data.get("source_url")
        document = data.get("source_document")
        if (url or document) and not title:
            self.add_error("source_title", _("Give the source a title."))
        if not self.instance.pk and not (title or url or document):
            self.add_error(
                "source_title",
                _("Every record needs at least one source: a law, a report, minutes, a web page."),
            )
        return data

    def service_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["name"] = self.cleaned_data["name"]
        data["description"] = self.cleaned_data["description"]
        data["country"] = self.cleaned_data["country"]
        data["constituencies"] = self.cleaned_data["constituencies"]
        if self.cleaned_data.get("organisation"):
            data["organisation"] = self.cleaned_data["organisation"]
        return data

    def sources(self) -> list[dict[str, Any]]:
        if not self.cleaned_data.get("source_title"):
            return []
        return [
            {
                "title": clean_plain_text(self.cleaned_data["source_title"]),
                "url": self.cleaned_data.get("source_url") or "",
                "note": clean_plain_text(self.cleaned_data.get("source_note") or ""),
                **(
                    {"document": self.cleaned_data["source_document"]}
                    if self.cleaned_data.get("source_document")
                    else {}
                ),
            }
        ]


class AssessmentForm(forms.Form):
    """Six scores with the written descriptor of each level shown as the choice label."""

    organisation = forms.ModelChoiceField(
        label=_("Assessing organisation"), queryset=Organisation.objects.none()
    )
    assessed_on = forms.DateField(
        label=_("Date of the assessment"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Overall note"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = member_organisations(user)
        for dimension in DIMENSIONS:
            self.fields[dimension.name] = forms.TypedChoiceField(
                label=dimension.label,
                help_text=dimension.question,
                choices=[(str(n), text) for n, text in enumerate(dimension.descriptors)],
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"{dimension.name}_evidence"] = forms.CharField(
                label=_("Evidence"),
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def dimension_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[d.name], self[f"{d.name}_evidence"]) for d in DIMENSIONS]

    def clean_note(self) -> str:
        return clean_plain_text(self.cleaned_data["note"], multiline=True)

    def service_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "organisation": self.cleaned_data["organisation"],
            "assessed_on": self.cleaned_data["assessed_on"],
            "note": self.cleaned_data["note"],
            "evidence": {},
        }
        for dimension in DIMENSIONS:
            data[dimension.name] = self.cleaned_data[dimension.name]
            evidence = clean_plain_text(
                self.cleaned_data[f"{dimension.name}_evidence"], multiline=True
            )
            if evidence:
                data["evidence"][dimension.name] = evidence
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)

    def clean_reason(self) -> str:
        reason = clean_plain_text(self.cleaned_data["reason"], multiline=True)
        if not reason:  # only markup: nothing would be left for the audit log
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return reason
