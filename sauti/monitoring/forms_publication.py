"""Forms of the publication pages: the public switch and the approval of one text."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .services_publication import MAX_TEXT_LENGTH


class PublishForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("publish", _("Publish")), ("unpublish", _("Unpublish"))],
        error_messages={"invalid_choice": _("Choose to publish or to unpublish.")},
    )


class ApproveTextForm(forms.Form):
    """One candidate text: where it comes from, and the words to publish (editable)."""

    source = forms.ChoiceField(
        choices=[("answer", _("Answer")), ("barrier", _("Barrier report"))],
        error_messages={"invalid_choice": _("Unknown source of the text.")},
    )
    submission = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    field = forms.CharField(required=False, max_length=200)
    barrier = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    text = forms.CharField(
        label=_("Text as published"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        error_messages={"required": _("Write the text to publish; it cannot be empty.")},
    )
