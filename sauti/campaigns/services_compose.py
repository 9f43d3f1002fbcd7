"""Writing a campaign from a letter template, editing it, and timing it to the calendar.

A coalition turns a template into a campaign: the final letter in one or more
languages, its addressees, a deadline and who may sign. Composing fills the
placeholders that are the same for every copy (country, coalition, priorities,
next moment, contact) in each letter's own language; the addressee's name,
form of address and institution, and the date, stay in the stored ``Letter``
(``sauti.campaigns.letters`` fills them when the letter is shown, exported or
sent). Signers sign a text: once someone signed, the letters are locked; the
details (title, country, deadline, signers, addressees) stay editable until
the letter is sent.

The functions that write are atomic and audit-logged; the pure ones
(``compose``, ``check_final_letter``) also serve the preview, which saves
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from babel.dates import format_date, format_interval, format_skeleton
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sauti.accounts.models import Membership, Organisation
from sauti.core.i18n import babel_locale, country_name
from sauti.core.models import Country
from sauti.core.services import log_action
from sauti.opportunities.models import Opportunity

from . import letters, markup, template_checks
from .models import Addressee, Campaign, KeyMessage, Letter, LetterTemplate
from .selectors import shown_text

MAX_ADDRESSEES = 10
# How far ahead the calendar's moments are offered (a campaign is timed for what comes).
MOMENTS_AHEAD = timedelta(days=550)
# The placeholders composing fills, and the form field that gives each its value
# (an empty one is reported on that field).
FILLED_NOW = ("country", "coalition", "priorities", "next_moment", "contact")
VALUE_FIELDS = {
    "country": "country",
    "coalition": "coalition_name",
    "priorities": "key_messages",
    "next_moment": "next_moment",
    "contact": "contact",
}
EDITABLE_STATES = (Campaign.State.DRAFT, Campaign.State.OPEN, Campaign.State.CLOSED)
MARKER = re.compile(r"\{\{\s*paragraph:([^{}]*?)\s*\}\}")


@dataclass
class AddresseeData:
    name: str
    title: str = ""
    institution: str = ""
    email: str = ""
    # The addressee being edited (``None``: a new one).
    id: int | None = None


@dataclass
class Composition:
    """Everything a campaign is written from (what the compose form gathers)."""

    coalition: Organisation
    template: LetterTemplate
    title: str
    languages: list[str]
    country: Country | None = None
    coalition_name: str = ""
    contact: str = ""
    next_moment: str = ""
    opportunity: Opportunity | None = None
    key_messages: list[KeyMessage] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    signers: str = Campaign.Signers.ORGANISATIONS
    deadline: datetime | None = None
    addressees: list[AddresseeData] = field(default_factory=list)

    @property
    def sender(self) -> str:
        return self.coalition_name or self.coalition.name


# --- What may be chosen ----------------------------------------------------


def coalitions_for(user: Any) -> QuerySet[Organisation]:
    """The visible coalitions ``user`` may start a campaign for (all of them for a site admin)."""
    coalitions = Organisation.objects.filter(
        kind=Organisation.Kind.NETWORK, hidden_at__isnull=True
    ).order_by("name", "id")
    if getattr(user, "is_superuser", False):
        return coalitions
    if not getattr(user, "is_authenticated", False):
        return coalitions.none()
    return coalitions.filter(
        memberships__user=user,
        memberships__status=Membership.Status.ACTIVE,
        memberships__role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
    ).distinct()


def usable_templates() -> QuerySet[LetterTemplate]:
    """Templates a campaign may be written from: the built-in ones and every visible
    coalition's (coalitions' templates are shared with everyone; sharing is the point)."""
    return (
        LetterTemplate.objects.visible()
        .filter(Q(organisation__isnull=True) | Q(organisation__hidden_at__isnull=True))
        .select_related("organisation")
        .prefetch_related("translations", "optional_paragraphs__translations")
        .order_by("organisation_id", "id")
    )


def template_languages(template: LetterTemplate) -> list[str]:
    """The languages the template is written in, in the site's language order."""
    written = {t.language_code for t in template.translations.all() if t.body.strip()}  # type: ignore[attr-defined]
    return [code for code, _name in settings.LANGUAGES if code in written]


def upcoming_moments() -> QuerySet[Opportunity]:
    """Published moments of the calendar that have not ended (cancelled ones excluded)."""
    today = timezone.localdate()
    return (
        Opportunity.objects.visible()
        .filter(
            state=Opportunity.State.PUBLISHED,
            end_date__gte=today,
            start_date__lte=today + MOMENTS_AHEAD,
        )
        .prefetch_related("translations")
        .order_by("starts_at", "id")
    )


def key_message_library() -> QuerySet[KeyMessage]:
    """The key messages a campaign may take as priorities (the library as readers see it)."""
    return (
        KeyMessage.objects.visible()
        .filter(Q(organisation__isnull=True) | Q(organisation__hidden_at__isnull=True))
        .select_related("country", "organisation", "adapted_from")
        .prefetch_related("translations", "adapted_from__translations")
    )


def linked_moments(campaign: Campaign) -> list[Opportunity]:
    """The calendar's public moments the campaign is timed for, soonest first."""
    return list(
        campaign.opportunities.published()  # type: ignore[attr-defined]
        .prefetch_related("translations")
        .order_by("starts_at", "id")
    )


# --- Composing -------------------------------------------------------------


def moment_label(opportunity: Opportunity, language: str) -> str:
    """The moment's name and dates in ``language``: what the letter says of the next moment."""
    title = opportunity.safe_translation_getter("title", language_code=language, any_language=True)
    return f"{title or ''}, {moment_dates(opportunity, language)}"


def moment_dates(opportunity: Opportunity, language: str) -> str:
    locale = babel_locale(language)
    start: date = opportunity.start_date
    end: date = opportunity.end_date
    if opportunity.tentative:
        # Expected but not announced: the month only, never a day nobody confirmed.
        return format_skeleton("yMMMM", start, locale=locale)
    if end != start:
        return format_interval(start, end, "yMMMMd", locale=locale)
    return format_date(start, format="long", locale=locale)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def values_in(composition: Composition, language: str) -> dict[str, str]:
    """The shared placeholders' values in ``language``."""
    priorities = []
    for message in composition.key_messages:
        text, _language = shown_text(message, language)
        if text:
            priorities.append(f"- {_one_line(text)}")
    if composition.opportunity is not None:
        next_moment = moment_label(composition.opportunity, language)
    else:
        next_moment = composition.next_moment
    return {
        "country": country_name(composition.country.code, language) if composition.country else "",
        "coalition": composition.sender,
        "priorities": "\n".join(priorities),
        "next_moment": next_moment,
        "contact": composition.contact,
    }


def _translations(obj: Any) -> dict[str, Any]:
    return {t.language_code: t for t in obj.translations.all()}


def _paragraph_texts(template: LetterTemplate, language: str) -> dict[str, str]:
    """Each optional paragraph's text in ``language`` (else in any language it has)."""
    texts = {}
    for paragraph in template.optional_paragraphs.all():  # type: ignore[attr-defined]
        translations = _translations(paragraph)
        chosen = translations.get(language) or translations.get(template.original_language)
        chosen = chosen or next(iter(translations.values()), None)
        texts[paragraph.code] = chosen.text if chosen is not None else ""
    return texts


def _fill(text: str, values: dict[str, str]) -> str:
    """Fill the shared placeholders; the late ones stay (written ``{{ name }}``), unknown
    ones stay as typed (the check then names them)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in letters.FILLED_LATE:
            return "{{ " + name + " }}"
        if name in FILLED_NOW:
            return values.get(name, "")
        return match.group(0)

    return markup.PLACEHOLDER.sub(replace, text)


def _tidy(text: str) -> str:
    """One blank line between paragraphs (a switched-off paragraph leaves none behind)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", text).strip()


def compose_letter(
    template: LetterTemplate, language: str, values: dict[str, str], paragraphs: Collection[str]
) -> tuple[str, str]:
    """(subject, body) of the template in ``language`` with ``values`` filled in."""
    translation = _translations(template).get(language)
    if translation is None:
        return "", ""
    texts = _paragraph_texts(template, language)
    body = MARKER.sub(
        lambda match: (
            f"\n\n{texts.get(match.group(1), '')}\n\n" if match.group(1) in paragraphs else ""
        ),
        translation.body,
    )
    subject = _one_line(_fill(translation.subject or "", values))
    return subject, _tidy(_fill(body, values))


def compose(composition: Composition) -> dict[str, tuple[str, str]]:
    """The letters of a composition: {language: (subject, body)}.

    A template without a subject gives the letter the campaign's title as subject.
    """
    letters_: dict[str, tuple[str, str]] = {}
    for language in composition.languages:
        subject, body = compose_letter(
            composition.template, language, values_in(composition, language), composition.paragraphs
        )
        letters_[language] = (subject or _one_line(composition.title), body)
    return letters_


def _used_placeholders(
    template: LetterTemplate, language: str, paragraphs: Collection[str]
) -> set[str]:
    translation = _translations(template).get(language)
    if translation is None:
        return set()
    texts = _paragraph_texts(template, language)
    used = set(markup.placeholders_in(translation.subject or ""))
    used |= set(markup.placeholders_in(translation.body))
    for code in paragraphs:
        used |= set(markup.placeholders_in(texts.get(code, "")))
    return used


def missing_values(composition: Composition) -> dict[str, str]:
    """{form field: message} for each placeholder the letters use but nothing fills."""
    messages = {
        "country": _("The letter names the country: choose it."),
        "coalition": _("The letter names the coalition: write its name."),
        "priorities": _("The letter lists priorities: choose at least one key message."),
        "next_moment": _(
            "The letter names the next policy moment: write it, or choose one from the calendar."
        ),
        "contact": _("The letter gives a contact: write who to contact and how."),
    }
    missing: dict[str, str] = {}
    for language in composition.languages:
        used = _used_placeholders(composition.template, language, composition.paragraphs)
        values = values_in(composition, language)
        for name in FILLED_NOW:
            if name in used and not values[name].strip():
                missing[VALUE_FIELDS[name]] = messages[name]
    return missing


# --- Checking a final letter -----------------------------------------------


def check_final_letter(subject: str, body: str) -> dict[str, list[str]]:
    """What is wrong in a campaign's final letter: the template checks, and no placeholder
    left but the four filled for each copy (addressee's name, form of address,
    institution, and the date)."""
    errors = template_checks.check_letter(subject, body, allow_markers=False)
    if not subject.strip():
        errors.setdefault("subject", []).insert(0, _("Write the subject of the letter."))
    late = ", ".join("{{ " + name + " }}" for name in letters.FILLED_LATE)
    for name, text in (("subject", subject), ("body", body)):
        unfilled = [
            placeholder
            for placeholder in dict.fromkeys(markup.placeholders_in(text))
            if placeholder in markup.PLACEHOLDERS and placeholder not in letters.FILLED_LATE
        ]
        if unfilled:
            errors.setdefault(name, []).append(
                _(
                    "%(names)s is not filled in: write its text instead. Only %(late)s "
                    "stay, filled for each addressee when the letter is sent."
                )
                % {"names": ", ".join("{{ " + item + " }}" for item in unfilled), "late": late}
            )
    return errors


# --- Rules of state --------------------------------------------------------


def details_editable(campaign: Campaign) -> bool:
    """Title, country, deadline, signers and addressees change until the letter is sent."""
    return campaign.state in EDITABLE_STATES


def letters_locked(campaign: Campaign) -> bool:
    """Signers sign a text: once anyone signed (or the letter went), it stays as it is."""
    return not details_editable(campaign) or campaign.signatures.exists()


def same_minute(one: datetime, other: datetime) -> bool:
    """Whether two moments fall in the same minute (the form gives minutes, not seconds)."""
    return one.replace(second=0, microsecond=0) == other.replace(second=0, microsecond=0)


def _check_deadline(deadline: datetime | None, previous: datetime | None = None) -> None:
    if deadline is None:
        raise ValidationError({"deadline": _("Give a deadline for signatures.")})
    # An unchanged deadline that has passed may stay (a closed campaign's title can be
    # corrected); a new one must be to come. The form gives minutes: compare minutes.
    unchanged = previous is not None and same_minute(deadline, previous)
    if not unchanged and deadline <= timezone.now():
        raise ValidationError({"deadline": _("The deadline must be in the future.")})


def _check_addressees(addressees: list[AddresseeData]) -> None:
    if not addressees:
        raise ValidationError(
            {"addressees": _("Add at least one addressee: the letter is written to them.")}
        )
    if len(addressees) > MAX_ADDRESSEES:
        raise ValidationError(
            {
                "addressees": ngettext(
                    "Write to at most %(count)d addressee.",
                    "Write to at most %(count)d addressees.",
                    MAX_ADDRESSEES,
                )
                % {"count": MAX_ADDRESSEES}
            }
        )
    for addressee in addressees:
        if not addressee.name.strip():
            raise ValidationError({"addressees": _("Give each addressee's name.")})


def _check_composition(composition: Composition, acting_user: Any) -> None:
    if not acting_user.has_perm("campaigns.add_campaign", composition.coalition):
        raise PermissionDenied
    if not usable_templates().filter(pk=composition.template.pk).exists():
        raise ValidationError({"template": _("This letter template is not available.")})
    if not composition.languages:
        raise ValidationError({"languages": _("Choose at least one language for the letter.")})
    unwritten = set(composition.languages) - set(template_languages(composition.template))
    if unwritten:
        raise ValidationError(
            {"languages": _("The template is not written in every language chosen.")}
        )
    _check_deadline(composition.deadline)
    _check_addressees(composition.addressees)
    if composition.signers not in Campaign.Signers.values:
        raise ValidationError({"signers": _("Choose who may sign.")})
    if composition.opportunity is not None and (
        not upcoming_moments().filter(pk=composition.opportunity.pk).exists()
    ):
        raise ValidationError(
            {"opportunity": _("Choose a moment of the calendar that is still to come.")}
        )
    missing = missing_values(composition)
    if missing:
        raise ValidationError(missing)


def composition_errors(composition: Composition) -> dict[str, list[str]]:
    """What stops these letters from being saved: missing values, then the letters' checks
    ({form field or "<language>-subject"/"<language>-body": [messages]})."""
    errors: dict[str, list[str]] = {
        name: [message] for name, message in missing_values(composition).items()
    }
    if errors:
        return errors
    for language, (subject, body) in compose(composition).items():
        for name, messages in check_final_letter(subject, body).items():
            errors[f"{language}-{name}"] = messages
    return errors


# --- Writing ---------------------------------------------------------------


def _save_addressees(campaign: Campaign, addressees: Iterable[AddresseeData]) -> dict[str, int]:
    """Update, add and delete addressees so that the campaign has exactly ``addressees``."""
    existing = {item.pk: item for item in campaign.addressees.all()}
    kept: set[int] = set()
    added = changed = 0
    for data in addressees:
        fields = {
            "name": data.name,
            "title": data.title,
            "institution": data.institution,
            "email": data.email,
        }
        current = existing.get(data.id) if data.id is not None else None
        if current is None or current.pk in kept:
            Addressee.objects.create(campaign=campaign, **fields)
            added += 1
            continue
        kept.add(current.pk)
        if any(getattr(current, key) != value for key, value in fields.items()):
            for key, value in fields.items():
                setattr(current, key, value)
            current.save(update_fields=list(fields))
            changed += 1
    removed = [pk for pk in existing if pk not in kept]
    Addressee.objects.filter(pk__in=removed).delete()
    return {"added": added, "changed": changed, "removed": len(removed)}


@transaction.atomic
def create_campaign(composition: Composition, *, acting_user: Any) -> Campaign:
    """Write a campaign from a template, as a draft with one letter per chosen language."""
    _check_composition(composition, acting_user)
    texts = compose(composition)
    errors = {
        f"{language}-{name}": messages
        for language, (subject, body) in texts.items()
        for name, messages in check_final_letter(subject, body).items()
    }
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    campaign = Campaign.objects.create(
        coalition=composition.coalition,
        template=composition.template,
        title=composition.title,
        country=composition.country,
        signers=composition.signers,
        deadline=composition.deadline,
        values={
            "coalition": composition.coalition_name,
            "contact": composition.contact,
            "next_moment": composition.next_moment,
            "opportunity": composition.opportunity.pk if composition.opportunity else None,
        },
        optional_paragraphs=list(composition.paragraphs),
        state=Campaign.State.DRAFT,
        created_by=acting_user,
        created_at=now,
        updated_at=now,
    )
    campaign.key_messages.set(composition.key_messages)
    for language, (subject, body) in texts.items():
        Letter.objects.create(campaign=campaign, language=language, subject=subject, body=body)
    _save_addressees(campaign, composition.addressees)
    if composition.opportunity is not None:
        composition.opportunity.campaigns.add(campaign)  # type: ignore[attr-defined]
    log_action(
        "campaign.create",
        acting_user=acting_user,
        target=campaign,
        data={
            "template": composition.template.pk,
            "languages": list(texts),
            "key_messages": [message.pk for message in composition.key_messages],
            "paragraphs": list(composition.paragraphs),
            "addressees": len(composition.addressees),
            "opportunity": composition.opportunity.pk if composition.opportunity else None,
        },
    )
    return campaign


def _locked(campaign: Campaign) -> Campaign:
    """The campaign read again under a row lock (a signature or a send may be under way)."""
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


@transaction.atomic
def update_details(
    campaign: Campaign,
    *,
    title: str,
    country: Country | None,
    deadline: datetime | None,
    signers: str,
    addressees: list[AddresseeData],
    acting_user: Any,
) -> Campaign:
    """Change the campaign's title, country, deadline, signers and addressees (until sent)."""
    current = _locked(campaign)
    if not details_editable(current):
        raise ValidationError(_("The letter was sent: its details can no longer change."))
    if not title.strip():
        raise ValidationError({"title": _("Give the campaign a title.")})
    _check_deadline(deadline, current.deadline)
    if signers not in Campaign.Signers.values:
        raise ValidationError({"signers": _("Choose who may sign.")})
    _check_addressees(addressees)
    changed = [
        name
        for name, value in (
            ("title", title),
            ("country_id", country.pk if country else None),
            ("deadline", deadline),
            ("signers", signers),
        )
        if getattr(current, name) != value
    ]
    campaign.title = title
    campaign.country = country
    campaign.deadline = deadline
    campaign.signers = signers
    campaign.updated_at = timezone.now()
    campaign.save(update_fields=["title", "country", "deadline", "signers", "updated_at"])
    counts = _save_addressees(campaign, addressees)
    log_action(
        "campaign.update_details",
        acting_user=acting_user,
        target=campaign,
        data={"changed": changed, "addressees": counts},
    )
    return campaign


@transaction.atomic
def update_letters(
    campaign: Campaign, texts: dict[str, tuple[str, str]], *, acting_user: Any
) -> list[Letter]:
    """Replace the letters' text ({language: (subject, body)}); a new language adds a letter.

    Refused once anyone signed: the signers signed this text.
    """
    current = _locked(campaign)
    if letters_locked(current):
        raise ValidationError(_("Someone has signed this letter: its text can no longer change."))
    languages = dict(settings.LANGUAGES)
    errors: dict[str, list[str]] = {}
    for language, (subject, body) in texts.items():
        if language not in languages:
            errors[f"{language}-body"] = [_("This language is not one of Sauti's.")]
            continue
        for name, messages in check_final_letter(subject, body).items():
            errors[f"{language}-{name}"] = messages
    if not texts:
        errors["__all__"] = [_("Write the letter in at least one language.")]
    if errors:
        raise ValidationError(errors)
    existing = {letter.language: letter for letter in campaign.letters.all()}
    saved, added, changed = [], [], []
    for language, (subject, body) in texts.items():
        letter = existing.get(language)
        if letter is None:
            letter = Letter.objects.create(
                campaign=campaign, language=language, subject=subject, body=body
            )
            added.append(language)
        elif (letter.subject, letter.body) != (subject, body):
            letter.subject, letter.body = subject, body
            letter.save(update_fields=["subject", "body"])
            changed.append(language)
        saved.append(letter)
    campaign.updated_at = timezone.now()
    campaign.save(update_fields=["updated_at"])
    log_action(
        "campaign.update_letters",
        acting_user=acting_user,
        target=campaign,
        data={"added": added, "changed": changed},
    )
    return saved


def composition_of(campaign: Campaign, languages: list[str]) -> Composition | None:
    """The campaign's composition again (to write its letter in another language), or
    ``None`` when its template is gone."""
    template = usable_templates().filter(pk=campaign.template_id).first()
    if template is None:
        return None
    values = campaign.values or {}
    opportunity = None
    if values.get("opportunity"):
        opportunity = (
            Opportunity.objects.filter(pk=values["opportunity"])
            .prefetch_related("translations")
            .first()
        )
    return Composition(
        coalition=campaign.coalition,
        template=template,
        title=campaign.title,
        languages=languages,
        country=campaign.country,
        coalition_name=str(values.get("coalition") or ""),
        contact=str(values.get("contact") or ""),
        next_moment=str(values.get("next_moment") or ""),
        opportunity=opportunity,
        key_messages=list(campaign.key_messages.prefetch_related("translations")),
        paragraphs=[str(code) for code in campaign.optional_paragraphs or []],
    )


# --- Timing to the calendar ------------------------------------------------


@transaction.atomic
def link_opportunity(campaign: Campaign, opportunity: Opportunity, *, acting_user: Any) -> None:
    """Say that the campaign is timed for a moment of the calendar that is still to come."""
    if not upcoming_moments().filter(pk=opportunity.pk).exists():
        raise ValidationError(
            {"opportunity": _("Choose a moment of the calendar that is still to come.")}
        )
    opportunity.campaigns.add(campaign)  # type: ignore[attr-defined]
    log_action(
        "campaign.link_opportunity",
        acting_user=acting_user,
        target=campaign,
        data={"opportunity": opportunity.pk},
    )


@transaction.atomic
def unlink_opportunity(campaign: Campaign, opportunity: Opportunity, *, acting_user: Any) -> None:
    """Take the campaign off a moment (the moment itself is untouched)."""
    opportunity.campaigns.remove(campaign)  # type: ignore[attr-defined]
    log_action(
        "campaign.unlink_opportunity",
        acting_user=acting_user,
        target=campaign,
        data={"opportunity": opportunity.pk},
    )
