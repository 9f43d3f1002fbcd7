"""Forms of the campaign page: signing, and the organisers' removal of a signature."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Organisation
from sauti.core.choices import country_choices
from sauti.core.models import Country
from sauti.core.text import clean_plain_text, refuse_active_content

from .models import Campaign, Signature

TEXT_FIELDS = ("name", "organisation_name", "role")


class SignatureForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I sign"), choices=Signature.Kind.choices, widget=forms.RadioSelect
    )
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=300,
        required=False,
        help_text=_("The organisation you sign for. Its name is shown on the public list."),
    )
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", "—"), *Organisation.Kind.choices],
        required=False,
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    role = forms.CharField(
        label=_("Your role"),
        max_length=200,
        required=False,
        help_text=_("For example: director, programme officer."),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=lambda: [("", "—"), *country_choices()],
        required=False,
        help_text=_("Leave empty for a regional or international organisation."),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "We send a link to confirm your signature. Your address is never shown; "
            "the organisers use it to tell you of the response."
        ),
    )
    show_name = forms.BooleanField(
        label=_("Show my name on the public list"),
        required=False,
        help_text=_(
            "Otherwise your signature counts and only the organisers see your name. "
            "An organisation's name is always shown."
        ),
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"class": "hp", "tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        if campaign.signers == Campaign.Signers.ORGANISATIONS:
            self.fields["kind"].choices = [
                (Signature.Kind.ORGANISATION.value, Signature.Kind.ORGANISATION.label)
            ]
            self.initial.setdefault("kind", Signature.Kind.ORGANISATION.value)
        elif campaign.signers == Campaign.Signers.INDIVIDUALS:
            self.fields["kind"].choices = [
                (Signature.Kind.INDIVIDUAL.value, Signature.Kind.INDIVIDUAL.label)
            ]
            self.initial.setdefault("kind", Signature.Kind.INDIVIDUAL.value)
            for name in ("organisation_name", "organisation_kind"):
                del self.fields[name]
        if campaign.country_id and "country" not in self.initial:
            self.initial["country"] = campaign.country_id

    def _clean_text(self, name: str) -> str:
        value = self.cleaned_data.get(name, "")
        refuse_active_content(value)
        return clean_plain_text(value)

    def clean_name(self) -> str:
        value = self._clean_text("name")
        if not value:
            raise forms.ValidationError(_("Write your name."))
        return value

    def clean_organisation_name(self) -> str:
        return self._clean_text("organisation_name")

    def clean_role(self) -> str:
        return self._clean_text("role")

    def clean_country(self) -> Country | None:
        code = self.cleaned_data.get("country")
        return Country.objects.filter(pk=code).first() if code else None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        missing = not data.get("organisation_name") and "organisation_name" not in self.errors
        if data.get("kind") == Signature.Kind.ORGANISATION and missing:
            self.add_error("organisation_name", _("Give the name of your organisation."))
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("website", None)
        return data


class RemoveSignatureForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this signature removed?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_reason(self) -> str:
        value = self.cleaned_data["reason"]
        refuse_active_content(value)
        return clean_plain_text(value, multiline=True)
