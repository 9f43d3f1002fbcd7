"""The form of a coalition's key message (its own, or an adaptation of another)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Membership, Organisation
from sauti.core.choices import country_choices
from sauti.core.forms import BoundedModelChoiceField
from sauti.core.i18n import native_language_name
from sauti.core.models import Country
from sauti.core.text import clean_plain_text, refuse_active_content, validate_printable

from .models import KeyMessage
from .selectors import audience_choices, topic_choices

TEXT_LENGTH = KeyMessage._parler_meta.root_model._meta.get_field("text").max_length  # type: ignore[attr-defined]
SOURCE_LENGTH = KeyMessage._meta.get_field("source").max_length
SOURCE_URL_LENGTH = KeyMessage._meta.get_field("source_url").max_length


def language_choices() -> list[tuple[str, str]]:
    return [(code, native_language_name(code)) for code, _name in settings.LANGUAGES]


def coalitions_for(user: Any) -> Any:
    """The visible coalitions ``user`` edits for (who a message may be written for)."""
    return Organisation.objects.filter(
        kind=Organisation.Kind.NETWORK,
        hidden_at__isnull=True,
        memberships__user=user,
        memberships__status=Membership.Status.ACTIVE,
        memberships__role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
    ).distinct()


class KeyMessageForm(forms.Form):
    coalition = BoundedModelChoiceField(
        label=_("Coalition"), queryset=Organisation.objects.none(), empty_label=None
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    language = forms.ChoiceField(label=_("Language of the message"), choices=language_choices)
    topic = forms.ChoiceField(label=_("Topic"), choices=topic_choices)
    audiences = forms.MultipleChoiceField(
        label=_("Written for"),
        choices=audience_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    text = forms.CharField(
        label=_("Message"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text: one short, quotable message."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=SOURCE_LENGTH,
        required=False,
        help_text=_("Where the facts of the message come from."),
    )
    source_url = forms.URLField(
        label=_("Link to the source"),
        max_length=SOURCE_URL_LENGTH,
        required=False,
        assume_scheme="https",
        validators=[validate_printable],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coalitions = coalitions_for(user).order_by("name")
        self.fields["coalition"].queryset = coalitions  # type: ignore[attr-defined]
        first = coalitions.first()
        if first is not None and "country" not in self.initial and first.country_id:
            self.initial["country"] = first.country_id

    def clean_country(self) -> Country:
        country = Country.objects.filter(pk=self.cleaned_data["country"]).first()
        if country is None:
            raise forms.ValidationError(_("Choose a country from the list."))
        return country

    def clean_text(self) -> str:
        raw = self.cleaned_data["text"]
        refuse_active_content(raw)
        text = clean_plain_text(raw, multiline=True)
        if not text:
            raise forms.ValidationError(_("Write the message."))
        return text

    def clean_source(self) -> str:
        raw = self.cleaned_data["source"]
        refuse_active_content(raw)
        return clean_plain_text(raw)
