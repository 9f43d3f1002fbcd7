"""Forms of sending the letter, recording it sent by hand, the response, and following."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from sauti.core.text import clean_plain_text, refuse_active_content

from . import services_delivery
from .models import Campaign

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_in_future(value: date | None) -> date | None:
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return value


def _plain(value: str, *, multiline: bool = True) -> str:
    refuse_active_content(value)
    return clean_plain_text(value, multiline=multiline)


class SendForm(forms.Form):
    """The letter language of a send (one for every addressee: simple and predictable)."""

    language = forms.ChoiceField(
        label=_("Language of the letter"),
        help_text=_("Every addressee receives the letter in this language."),
    )

    def __init__(
        self, *args: Any, campaign: Campaign, initial_language: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        letters = list(campaign.letters.all())
        self.fields["language"].choices = [
            (letter.language, letter.get_language_display()) for letter in letters
        ]
        if letters:
            self.initial.setdefault("language", initial_language or letters[0].language)


class SentByHandForm(forms.Form):
    date = forms.DateField(
        label=_("Date it was delivered"),
        widget=DATE,
        help_text=_("By post, by hand or at a meeting."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: who received it, or the post's tracking number."),
    )

    def clean_date(self) -> date | None:
        return _not_in_future(self.cleaned_data.get("date"))

    def clean_note(self) -> str:
        return _plain(self.cleaned_data.get("note", ""))


class ResponseForm(forms.Form):
    response_date = forms.DateField(label=_("Date of the response"), widget=DATE)
    response_text = forms.CharField(
        label=_("Response"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        help_text=_(
            "The text of the response, or a summary. It is shown on the campaign's public page."
        ),
    )
    response_document = forms.FileField(
        label=_("Document of the response"),
        required=False,
        help_text=_("A PDF, Word (.docx) or OpenDocument (.odt) file of at most 10 MB."),
    )
    remove_document = forms.BooleanField(label=_("Remove the current document"), required=False)

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        if not campaign.response_document:
            del self.fields["remove_document"]
        if not self.is_bound:
            self.initial.setdefault("response_date", campaign.response_date or timezone.localdate())
            self.initial.setdefault("response_text", campaign.response_text)

    def clean_response_date(self) -> date | None:
        value = _not_in_future(self.cleaned_data.get("response_date"))
        sent_at = self.campaign.sent_at
        if value is not None and sent_at is not None and value < timezone.localdate(sent_at):
            raise forms.ValidationError(
                _("The response cannot come before the letter was sent (%(date)s).")
                % {"date": date_format(timezone.localdate(sent_at), "DATE_FORMAT")}
            )
        return value

    def clean_response_text(self) -> str:
        return _plain(self.cleaned_data.get("response_text", ""))

    def clean_response_document(self) -> UploadedFile | None:
        try:
            return services_delivery.clean_response_document(
                self.cleaned_data.get("response_document")
            )
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["response_document"]) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        keeps = bool(self.campaign.response_document) and not data.get("remove_document")
        has_errors = "response_text" in self.errors or "response_document" in self.errors
        if not has_errors and not (
            data.get("response_text") or data.get("response_document") or keeps
        ):
            raise forms.ValidationError(_("Write the response or attach its document."))
        return data


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send a link to confirm. Your address is used for nothing else."),
    )
    # A field people never see; bots fill it in (as on the sign form).
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"class": "hp", "tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
