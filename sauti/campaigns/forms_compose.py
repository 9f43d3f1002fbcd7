"""Forms of composing and editing a campaign: the composition, its addressees, the
letters' final text, and timing to a moment of the calendar.

The choices (coalitions, languages, optional paragraphs, key messages, moments)
depend on the user and the template, so each form takes them in ``__init__``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils import timezone
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Organisation
from sauti.core.choices import country_choices
from sauti.core.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from sauti.core.i18n import native_language_name
from sauti.core.models import Country
from sauti.core.text import clean_plain_text, refuse_active_content
from sauti.opportunities.models import Opportunity

from . import selectors, services_compose
from .models import Addressee, Campaign, KeyMessage, Letter, LetterTemplate

DEADLINE = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TITLE_LENGTH = Campaign._meta.get_field("title").max_length
SUBJECT_LENGTH = Letter._meta.get_field("subject").max_length
BODY_LENGTH = Letter._meta.get_field("body").max_length


def plain(value: str, *, multiline: bool = False) -> str:
    """User text that goes into a letter: no script, no placeholder braces, no tags."""
    refuse_active_content(value)
    if "{{" in value or "}}" in value:
        raise forms.ValidationError(
            _("Remove the double braces {{ }}: they mark placeholders in letters."),
            code="braces",
        )
    return clean_plain_text(value, multiline=multiline)


class MomentChoiceField(BoundedModelChoiceField):
    """A moment of the calendar, named "title · dates" in the reader's language."""

    def label_from_instance(self, obj: Opportunity) -> str:
        language = get_language() or "en"
        return f"{obj.display_title} · {services_compose.moment_dates(obj, language)}"


class DetailsForm(forms.Form):
    """What may change until the letter is sent."""

    title = forms.CharField(
        label=_("Title of the campaign"),
        max_length=TITLE_LENGTH,
        help_text=_("Shown on the campaign's page and in lists, not in the letter."),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=lambda: [("", "—"), *country_choices()],
        required=False,
        help_text=_("The country the letter is about. Leave empty for a regional letter."),
    )
    signers = forms.ChoiceField(
        label=_("Who may sign"),
        choices=Campaign.Signers.choices,
        initial=Campaign.Signers.ORGANISATIONS,
        widget=forms.RadioSelect,
    )
    deadline = forms.DateTimeField(
        label=_("Deadline for signatures"),
        widget=DEADLINE,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deadline"].help_text = _("Date and time, in your time zone (%(zone)s).") % {
            "zone": timezone.get_current_timezone_name()
        }

    def clean_title(self) -> str:
        value = plain(self.cleaned_data.get("title", ""))
        if not value:
            raise forms.ValidationError(_("Give the campaign a title."))
        return value

    def clean_country(self) -> Country | None:
        code = self.cleaned_data.get("country")
        return Country.objects.filter(pk=code).first() if code else None

    def clean_deadline(self) -> Any:
        deadline = self.cleaned_data.get("deadline")
        previous = self.initial.get("deadline")
        unchanged = previous is not None and deadline is not None
        unchanged = unchanged and services_compose.same_minute(deadline, previous)
        # A deadline that has passed may stay as it was (to correct a closed campaign's
        # title); a new one must be to come.
        if deadline is not None and not unchanged and deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline must be in the future."))
        return deadline


class ComposeForm(DetailsForm):
    """A campaign written from ``template`` for one of the user's coalitions."""

    coalition = BoundedModelChoiceField(
        label=_("Coalition"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "invalid_choice": _("You do not write for this coalition: choose one of yours.")
        },
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the letter"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language for the letter.")},
        help_text=_("The letter is written in each language ticked; signers read it in theirs."),
    )
    coalition_name = forms.CharField(
        label=_("Name of the sending coalition"),
        max_length=300,
        required=False,
        help_text=_("As the letter names it. Leave empty to use the coalition's name."),
    )
    contact = forms.CharField(
        label=_("Contact person and details"),
        max_length=500,
        required=False,
        help_text=_("Who the addressees contact, and how (email, phone)."),
    )
    next_moment = forms.CharField(
        label=_("Next policy moment"),
        max_length=300,
        required=False,
        help_text=_("Its name and date, written as the letter should say them."),
    )
    opportunity = MomentChoiceField(
        label=_("Or choose it from the advocacy calendar"),
        queryset=Opportunity.objects.none(),
        required=False,
        empty_label="—",
        help_text=_(
            "Its name and date are written in each letter's language, and the campaign "
            "shows on the moment's page once it is public."
        ),
    )
    key_messages = BoundedModelMultipleChoiceField(
        label=_("Priorities"),
        queryset=KeyMessage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Key messages from the library, listed in the letter in each of its languages."
        ),
    )
    paragraphs = forms.MultipleChoiceField(
        label=_("Optional paragraphs"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = [
        "coalition",
        "title",
        "country",
        "languages",
        "coalition_name",
        "contact",
        "next_moment",
        "opportunity",
        "key_messages",
        "paragraphs",
        "signers",
        "deadline",
    ]

    def __init__(self, *args: Any, user: Any, template: LetterTemplate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.template = template
        coalitions = services_compose.coalitions_for(user)
        self.fields["coalition"].queryset = coalitions  # type: ignore[attr-defined]
        # One coalition: nothing to choose, the page names it.
        listed = list(coalitions[:2])
        self.only_coalition = listed[0] if len(listed) == 1 else None
        if self.only_coalition is not None:
            self.fields["coalition"].widget = forms.HiddenInput()
            self.initial.setdefault("coalition", self.only_coalition.pk)
        first = self.only_coalition or (listed[0] if listed else None)
        if first is not None and first.country_id:
            self.initial.setdefault("country", first.country_id)
        languages = services_compose.template_languages(template)
        self.fields["languages"].choices = [  # type: ignore[attr-defined]
            (code, native_language_name(code)) for code in languages
        ]
        reader = get_language() or "en"
        if languages:
            self.initial.setdefault("languages", [reader if reader in languages else languages[0]])
        self.fields["opportunity"].queryset = services_compose.upcoming_moments()  # type: ignore[attr-defined]
        library = services_compose.key_message_library()
        self.fields["key_messages"].queryset = library  # type: ignore[attr-defined]
        self.library = library
        self.fields["paragraphs"].choices = [  # type: ignore[attr-defined]
            (
                paragraph.code,
                paragraph.safe_translation_getter("label", any_language=True) or paragraph.code,
            )
            for paragraph in template.optional_paragraphs.all()  # type: ignore[attr-defined]
        ]

    def message_groups(self) -> list[tuple[str, str, list[Any]]]:
        """The library by topic, each message with its text in the reader's language and
        ``checked`` when chosen (the template draws the checkboxes grouped by topic)."""
        chosen = {str(value) for value in (self["key_messages"].value() or [])}
        messages = selectors.with_text(list(self.library))
        for message in messages:
            message.checked = str(message.pk) in chosen  # type: ignore[attr-defined]
        return selectors.by_topic(messages)

    def clean_coalition_name(self) -> str:
        return plain(self.cleaned_data.get("coalition_name", ""))

    def clean_contact(self) -> str:
        return plain(self.cleaned_data.get("contact", ""))

    def clean_next_moment(self) -> str:
        return plain(self.cleaned_data.get("next_moment", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("next_moment") and data.get("opportunity"):
            self.add_error(
                "next_moment",
                _("Write the next moment or choose it from the calendar, not both."),
            )
        return data

    def composition(self, addressees: list[services_compose.AddresseeData]) -> Any:
        data = self.cleaned_data
        return services_compose.Composition(
            coalition=data["coalition"],
            template=self.template,
            title=data["title"],
            languages=list(data["languages"]),
            country=data["country"],
            coalition_name=data["coalition_name"],
            contact=data["contact"],
            next_moment=data["next_moment"],
            opportunity=data["opportunity"],
            key_messages=list(data["key_messages"]),
            paragraphs=list(data["paragraphs"]),
            signers=data["signers"],
            deadline=data["deadline"],
            addressees=addressees,
        )

    def check_composition(self, composition: services_compose.Composition) -> bool:
        """Add what stops the letters from being written (an empty value the letter uses,
        a letter that fails its checks) to the form's errors; ``True`` when none."""
        languages = dict(self.fields["languages"].choices)  # type: ignore[attr-defined]
        for key, messages in services_compose.composition_errors(composition).items():
            if key in self.fields:
                self.add_error(key, messages)
                continue
            language, _sep, _field = key.rpartition("-")
            for message in messages:
                self.add_error(
                    None,
                    _("The letter in %(language)s: %(message)s")
                    % {"language": languages.get(language, language), "message": message},
                )
        return not self.errors


class AddresseeForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(
        label=_("Form of address"),
        max_length=200,
        required=False,
        help_text=_("As the letter greets them, e.g. “Minister”."),
    )
    institution = forms.CharField(
        label=_("Institution"),
        max_length=Addressee._meta.get_field("institution").max_length,
        required=False,
    )
    email = forms.EmailField(label=_("Email address"), max_length=254, required=False)

    def clean_name(self) -> str:
        value = plain(self.cleaned_data.get("name", ""))
        if not value:
            raise forms.ValidationError(_("Give the addressee's name."))
        return value

    def clean_title(self) -> str:
        return plain(self.cleaned_data.get("title", ""))

    def clean_institution(self) -> str:
        return plain(self.cleaned_data.get("institution", ""))


class BaseAddresseeFormSet(BaseFormSet):
    default_error_messages = {
        **BaseFormSet.default_error_messages,
        "too_many_forms": ngettext_lazy(
            "Write to at most %(num)d addressee.", "Write to at most %(num)d addressees.", "num"
        ),
        "too_few_forms": _("Add at least one addressee: the letter is written to them."),
    }

    def clean(self) -> None:
        # Not ``min_num``: that makes the first row required, and an empty first row
        # would be told twice that something is missing.
        if not any(self.errors) and not self.addressees():
            raise forms.ValidationError(self.error_messages["too_few_forms"], code="too_few_forms")

    def addressees(self) -> list[services_compose.AddresseeData]:
        """The rows filled in (and not marked for removal), in order."""
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or not data.get("name") or (self.can_delete and data.get("DELETE")):
                continue
            rows.append(
                services_compose.AddresseeData(
                    name=data["name"],
                    title=data.get("title", ""),
                    institution=data.get("institution", ""),
                    email=data.get("email", ""),
                    id=data.get("id"),
                )
            )
        return rows


def _addressee_formset(can_delete: bool) -> type[BaseFormSet]:
    return formset_factory(
        AddresseeForm,
        formset=BaseAddresseeFormSet,
        extra=3 if not can_delete else 2,
        max_num=services_compose.MAX_ADDRESSEES,
        absolute_max=services_compose.MAX_ADDRESSEES,
        validate_max=True,
        can_delete=can_delete,
    )


NewAddresseeFormSet = _addressee_formset(can_delete=False)
AddresseeFormSet = _addressee_formset(can_delete=True)
ADDRESSEE_PREFIX = "addressees"
MORE_ROWS = 3


def with_more_rows(data: Any) -> Any:
    """The posted data with room for more addressees (the "more rows" button, no script)."""
    data = data.copy()
    key = f"{ADDRESSEE_PREFIX}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(max(0, min(total + MORE_ROWS, services_compose.MAX_ADDRESSEES)))
    return data


def addressee_initial(campaign: Campaign) -> list[dict[str, Any]]:
    return [
        {
            "id": item.pk,
            "name": item.name,
            "title": item.title,
            "institution": item.institution,
            "email": item.email,
        }
        for item in campaign.addressees.all()
    ]


class LetterForm(forms.Form):
    """One letter's final text (prefixed with its language)."""

    subject = forms.CharField(
        label=_("Subject"), max_length=Letter._meta.get_field("subject").max_length
    )
    body = forms.CharField(
        label=_("Letter"),
        max_length=BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24, "dir": "auto"}),
        help_text=_(
            "Plain text: a blank line between paragraphs, *stars* for emphasis, lines "
            "starting with “- ” for a list. {{ addressee_name }}, {{ addressee_title }}, "
            "{{ institution }} and {{ date }} are filled for each addressee when the letter "
            "is shown or sent."
        ),
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, prefix=language, **kwargs)
        self.language = language
        self.language_name = native_language_name(language)
        self.fields["subject"].widget.attrs["dir"] = "auto"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "subject" in data and "body" in data:
            for name, messages in services_compose.check_final_letter(
                data["subject"], data["body"]
            ).items():
                self.add_error(name, messages)
        return data


def letter_initial(letter: Letter) -> dict[str, str]:
    return {"subject": letter.subject, "body": letter.body}


class LinkMomentForm(forms.Form):
    opportunity = MomentChoiceField(
        label=_("Moment of the advocacy calendar"),
        queryset=Opportunity.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = services_compose.upcoming_moments().exclude(  # type: ignore[attr-defined]
            campaigns=campaign
        )
