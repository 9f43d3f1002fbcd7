"""The final text of a campaign's letter, as an addressee reads it.

Composing a campaign fills the placeholders that are the same for everyone
(country, coalition, priorities, next moment, contact). Four are left in the
stored ``Letter`` and filled only here, when the letter is shown, exported or
sent: the addressee's name, form of address and institution (each addressee
gets a copy addressed to them) and the date (the day it is sent, or today
until then). Every page, file and email goes through ``final_subject`` and
``final_body`` so they all say the same thing.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from django.utils import timezone
from django.utils.translation import to_locale

from . import markup
from .models import Addressee, Campaign, Letter

PER_ADDRESSEE = ("addressee_name", "addressee_title", "institution")
AT_SENDING = ("date",)
FILLED_LATE = PER_ADDRESSEE + AT_SENDING


def letter_date(campaign: Campaign, language: str) -> str:
    """The date written on the letter: when it was sent, else today, in the letter's language."""
    day: date = timezone.localdate(campaign.sent_at) if campaign.sent_at else timezone.localdate()
    return format_date(day, format="long", locale=to_locale(language))


def late_values(letter: Letter, addressee: Addressee | None) -> dict[str, str]:
    values = {"date": letter_date(letter.campaign, letter.language)}
    if addressee is not None:
        values.update(
            addressee_name=addressee.name,
            addressee_title=addressee.title or addressee.name,
            institution=addressee.institution,
        )
    return values


def _fill_late(text: str, values: dict[str, str]) -> str:
    # Only the late placeholders: anything else left in braces was already refused
    # when the letter was saved, so it cannot appear here.
    return markup.PLACEHOLDER.sub(
        lambda match: (
            values.get(match.group(1), "") if match.group(1) in FILLED_LATE else match.group(0)
        ),
        text,
    )


def final_subject(letter: Letter, addressee: Addressee | None = None) -> str:
    return _fill_late(letter.subject, late_values(letter, addressee))


def final_body(letter: Letter, addressee: Addressee | None = None) -> str:
    """The letter's text for ``addressee`` (``None``: for no one in particular, e.g. a draft)."""
    return _fill_late(letter.body, late_values(letter, addressee))


def first_addressee(campaign: Campaign) -> Addressee | None:
    """The addressee the public page shows the letter to (each gets their own copy)."""
    return next(iter(campaign.addressees.all()), None)
