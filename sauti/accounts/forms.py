"""Forms for accounts, organisations, memberships and subscriptions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sauti.core.choices import country_choices, region_choices, topic_choices
from sauti.core.models import Country
from sauti.core.text import clean_plain_text

from .models import Constituency, Membership, Organisation


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Public name"),
        max_length=80,
        help_text=_("Shown to others. It does not have to be your legal name."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_display_name(self) -> str:
        return clean_plain_text(self.cleaned_data["display_name"])

    def signup(self, request: Any, user: Any) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        user.save(update_fields=["display_name", "language"])


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Public name"),
        max_length=80,
        help_text=_("Shown to others. It does not have to be your legal name."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    def clean_display_name(self) -> str:
        return clean_plain_text(self.cleaned_data["display_name"])


class OrganisationForm(forms.ModelForm):
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        required=False,
        help_text=_("Who you are and what you do. Plain text; links are shown as text."),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries of work"),
        choices=country_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    regions = forms.MultipleChoiceField(
        label=_("WHO regions of work"),
        choices=region_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    constituencies = forms.MultipleChoiceField(
        label=_("Constituencies served"),
        choices=Constituency.Code.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    country = forms.ChoiceField(
        label=_("Country of the head office"),
        choices=lambda: [("", "—"), *country_choices()],
        required=False,
    )

    website = forms.URLField(
        label=_("Website"), required=False, max_length=300, assume_scheme="https"
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "acronym",
            "kind",
            "level",
            "country",
            "regions",
            "countries",
            "constituencies",
            "website",
            "public_email",
            "original_language",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["country"] = self.instance.country_id or ""
            self.initial["countries"] = list(self.instance.countries.values_list("pk", flat=True))
            self.initial["regions"] = list(self.instance.regions.values_list("pk", flat=True))
            self.initial["constituencies"] = list(
                self.instance.constituencies.values_list("pk", flat=True)
            )
            self.initial["description"] = self.instance.safe_translation_getter(
                "description", language_code=self.instance.original_language, default=""
            )

    def clean_name(self) -> str:
        return clean_plain_text(self.cleaned_data["name"])

    def clean_acronym(self) -> str:
        return clean_plain_text(self.cleaned_data["acronym"])

    def clean_description(self) -> str:
        return clean_plain_text(self.cleaned_data["description"], multiline=True)

    def clean_country(self) -> Country | None:
        # A Country, not its code: the ModelForm assigns it to the foreign key.
        code = self.cleaned_data["country"]
        return Country.objects.filter(pk=code).first() if code else None

    def service_data(self) -> dict[str, Any]:
        """The cleaned values in the shape the services take."""
        data = {field: self.cleaned_data[field] for field in self.Meta.fields}
        country = data.pop("country")
        data["country_id"] = country.pk if country else None
        data["description"] = self.cleaned_data["description"]
        return data


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    description = forms.CharField(
        label=_("Description in this language"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )

    def clean_description(self) -> str:
        return clean_plain_text(self.cleaned_data["description"], multiline=True)


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the administrators (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )

    def clean_message(self) -> str:
        return clean_plain_text(self.cleaned_data["message"], multiline=True)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class NetworkJoinForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = organisations


class SubscriptionForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=country_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    regions = forms.MultipleChoiceField(
        label=_("WHO regions"),
        choices=region_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=topic_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    calendar_digest = forms.BooleanField(
        label=_("Weekly digest of the advocacy calendar"),
        help_text=_(
            "Once a week: the deadlines to engage and the moments coming up in the next "
            "eight weeks for what you follow."
        ),
        required=False,
        initial=True,
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"class": "hp", "tabindex": "-1", "autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("countries") or data.get("regions") or data.get("topics")):
            raise forms.ValidationError(
                _("Choose at least one country, region or topic to follow.")
            )
        return data


class SubscriptionManageForm(SubscriptionForm):
    email = None  # type: ignore[assignment]
    website = None  # type: ignore[assignment]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)
    remove_content = forms.BooleanField(
        label=_("Also delete organisations I created that no one else belongs to"),
        required=False,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password
