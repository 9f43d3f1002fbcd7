"""Forms to propose and edit opportunities, to moderate them and to say how one engages."""

from __future__ import annotations

from functools import cache
from typing import Any

from babel.dates import get_timezone_location
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Membership, Organisation
from sauti.commitments.models import Commitment
from sauti.core.choices import country_choices, region_choices, topic_choices
from sauti.core.forms import BoundedModelMultipleChoiceField
from sauti.core.i18n import babel_locale, sort_key
from sauti.core.models import Country, Region, Topic
from sauti.core.text import clean_plain_text, refuse_active_content
from sauti.reports.models import ShadowReport

from . import selectors
from .middleware import reader_zones
from .models import WEB_ADDRESS, Engagement, Kind, Level, Opportunity
from .schedule import build_schedule

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def member_organisations(user: Any) -> Any:
    return Organisation.objects.visible().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )


def _blank_first(choices: Any) -> Any:
    return lambda: [("", "—"), *choices()]


class OpportunityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    original_language = forms.ChoiceField(
        label=_("Language you write in"), choices=settings.LANGUAGES
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    region = forms.ChoiceField(
        label=_("WHO region"),
        choices=_blank_first(region_choices),
        required=False,
        help_text=_("For a regional opportunity."),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=_blank_first(country_choices),
        required=False,
        help_text=_("For a national or subnational opportunity."),
    )
    subnational_area = forms.CharField(
        label=_("Province, state or district"), max_length=200, required=False
    )
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    start_time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=TIME,
        help_text=_("Leave the times empty for an all-day opportunity."),
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty if it ends on the day it starts."),
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=TIME)
    time_zone = forms.CharField(
        label=_("Time zone of the times"),
        max_length=64,
        required=False,
        help_text=_("The place's time zone, e.g. Africa/Nairobi or America/Sao_Paulo."),
    )
    tentative = forms.BooleanField(
        label=_("Dates to be confirmed"),
        required=False,
        help_text=_("Tick while the organiser has not announced the dates yet."),
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        validators=[WEB_ADDRESS],
    )
    organiser = forms.CharField(label=_("Organiser"), max_length=200, required=False)
    official_url = forms.URLField(
        label=_("Official page"),
        max_length=500,
        required=False,
        assume_scheme="https",
        validators=[WEB_ADDRESS],
    )
    how_to_engage = forms.CharField(
        label=_("How to engage"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The concrete entry point: a written submission, a side event, a "
            "statement, a meeting request."
        ),
    )
    engagement_deadline = forms.DateField(
        label=_("Deadline to engage"),
        required=False,
        widget=DATE,
        help_text=_("For example the last day to send a submission or register a statement."),
    )
    commitments = BoundedModelMultipleChoiceField(
        label=_("WHA77 commitments it relates to"),
        required=False,
        queryset=Commitment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        choices=topic_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = forms.ModelChoiceField(
        label=_("Proposed on behalf of"), queryset=Organisation.objects.none(), required=False
    )
    not_a_duplicate = forms.BooleanField(
        label=_("This is not the same opportunity as the one shown above."), required=False
    )

    def __init__(
        self, *args: Any, user: Any, instance: Opportunity | None = None, **kwargs: Any
    ) -> None:
        self.instance = instance
        self.user = user
        if instance is not None:
            kwargs.setdefault("initial", {}).update(self._initial_from(instance))
        super().__init__(*args, **kwargs)
        self.twins: list[Opportunity] = []
        # Active commitments, and any retired one the opportunity already relates to
        # (an edit must not fail on, or silently drop, a commitment retired since).
        offered = Q(is_active=True)
        if instance is not None and instance.pk:
            offered |= Q(pk__in=instance.commitments.values("pk"))
        self.fields["commitments"].queryset = Commitment.objects.filter(offered).prefetch_related(
            "translations"
        )
        self.fields["organisation"].queryset = member_organisations(user)

    @staticmethod
    def _initial_from(o: Opportunity) -> dict[str, Any]:
        def text(name: str) -> str:
            return o.safe_translation_getter(name, language_code=o.original_language, default="")

        local_start, local_end = o.local_start, o.local_end
        return {
            "title": text("title"),
            "description": text("description"),
            "how_to_engage": text("how_to_engage"),
            "original_language": o.original_language,
            "kind": o.kind,
            "level": o.level,
            "region": o.region_id or "",
            "country": o.country_id or "",
            "subnational_area": o.subnational_area,
            "start_date": o.start_date,
            "end_date": o.end_date,
            "start_time": None if o.all_day else local_start.time(),
            "end_time": None if o.all_day else local_end.time(),
            "time_zone": o.time_zone,
            "place": o.place,
            "online_url": o.online_url,
            "organiser": o.organiser,
            "official_url": o.official_url,
            "engagement_deadline": o.engagement_deadline,
            "tentative": o.tentative,
            "commitments": list(o.commitments.values_list("pk", flat=True)),
            "topics": list(o.topics.values_list("pk", flat=True)),
            "organisation": o.organisation_id,
        }

    def clean_title(self) -> str:
        refuse_active_content(self.cleaned_data["title"])
        title = clean_plain_text(self.cleaned_data["title"])
        if not title:  # only markup: nothing would be left to show
            raise ValidationError(self.fields["title"].error_messages["required"])
        return title

    def clean_description(self) -> str:
        refuse_active_content(self.cleaned_data["description"])
        return clean_plain_text(self.cleaned_data["description"], multiline=True)

    def clean_how_to_engage(self) -> str:
        refuse_active_content(self.cleaned_data["how_to_engage"])
        return clean_plain_text(self.cleaned_data["how_to_engage"], multiline=True)

    def clean_place(self) -> str:
        return clean_plain_text(self.cleaned_data["place"])

    def clean_organiser(self) -> str:
        return clean_plain_text(self.cleaned_data["organiser"])

    def clean_subnational_area(self) -> str:
        return clean_plain_text(self.cleaned_data["subnational_area"])

    def clean_country(self) -> Country | None:
        code = self.cleaned_data["country"]
        return Country.objects.filter(pk=code).first() if code else None

    def clean_region(self) -> Region | None:
        code = self.cleaned_data["region"]
        return Region.objects.filter(pk=code).first() if code else None

    def clean_topics(self) -> list[Topic]:
        return list(Topic.objects.filter(pk__in=self.cleaned_data["topics"]))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start_date") is None:
            return data
        if data.get("end_time") and not data.get("start_time"):
            self.add_error("start_time", _("Give the start time as well, or neither time."))
            return data
        try:
            self.schedule = build_schedule(
                start_date=data["start_date"],
                end_date=data.get("end_date"),
                start_time=data.get("start_time"),
                end_time=data.get("end_time"),
                time_zone=data.get("time_zone", ""),
            )
        except ValidationError as error:
            self.add_error(None, error)
            return data
        level = data.get("level")
        if level == Level.REGIONAL and not data.get("region") and not data.get("country"):
            self.add_error("region", _("Choose the WHO region."))
        if level in (Level.NATIONAL, Level.SUBNATIONAL) and not data.get("country"):
            self.add_error("country", _("Choose the country."))
        deadline = data.get("engagement_deadline")
        if deadline is not None and not 1948 <= deadline.year <= 2100:
            self.add_error("engagement_deadline", _("Give a year between 1948 and 2100."))
        if not self.errors and not data.get("not_a_duplicate"):
            self.twins = selectors.likely_twins(
                kind=data["kind"],
                country=data.get("country") if level != Level.GLOBAL else None,
                start_date=self.schedule.start_date,
                user=self.user,
                exclude=self.instance.pk if self.instance else None,
            )
            if self.twins:
                self.add_error(
                    "not_a_duplicate",
                    _(
                        "An opportunity of the same kind, in the same country, starting the same "
                        "day is already on the calendar. Check it; if yours is a different one, "
                        "tick the box and save again."
                    ),
                )
        return data

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        region = data.get("region")
        if data.get("country") is not None and data["level"] != Level.GLOBAL:
            region = data["country"].region
        result = {
            "title": data["title"],
            "description": data["description"],
            "how_to_engage": data["how_to_engage"],
            "original_language": data["original_language"],
            "kind": data["kind"],
            "level": data["level"],
            "region": region,
            "country": data.get("country"),
            "subnational_area": data["subnational_area"],
            "place": data["place"],
            "online_url": data["online_url"],
            "organiser": data["organiser"],
            "official_url": data["official_url"],
            "engagement_deadline": data["engagement_deadline"],
            "tentative": data["tentative"],
            "commitments": list(data["commitments"]),
            "topics": data["topics"],
            **self.schedule.as_fields(),
        }
        if data.get("organisation"):
            result["organisation"] = data["organisation"]
        return result


class EngagementForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    note = forms.CharField(
        label=_("How you will engage"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: a joint statement, a side event, a meeting with the delegation."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see this"),
        choices=Engagement.Visibility.choices,
        initial=Engagement.Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    remind_days_before = forms.TypedChoiceField(
        label=_("Remind me"),
        choices=[("", _("No reminder")), *Engagement.Reminder.choices],
        coerce=int,
        empty_value=None,
        required=False,
        initial=Engagement.Reminder.ONE_WEEK,
        help_text=_("An email to you, when the opportunity has a deadline to engage."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = member_organisations(user)

    def clean_note(self) -> str:
        return clean_plain_text(self.cleaned_data["note"], multiline=True)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)

    def clean_reason(self) -> str:
        reason = clean_plain_text(self.cleaned_data["reason"], multiline=True)
        if not reason:
            raise ValidationError(self.fields["reason"].error_messages["required"])
        return reason


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("What your organisation did"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: the statement you delivered, the meeting you held, what came of it."
        ),
    )

    def clean_outcome(self) -> str:
        outcome = clean_plain_text(self.cleaned_data["outcome"], multiline=True)
        if not outcome:  # only markup: nothing would be left to show
            raise ValidationError(self.fields["outcome"].error_messages["required"])
        return outcome


def linkable_reports(user: Any) -> Any:
    """Shadow reports ``user`` may link: those of the coalitions they edit for."""
    if not user.is_authenticated:
        return ShadowReport.objects.none()
    return (
        ShadowReport.objects.filter(
            coalition__hidden_at__isnull=True,
            coalition__memberships__user=user,
            coalition__memberships__status=Membership.Status.ACTIVE,
            coalition__memberships__role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
        )
        .select_related("coalition")
        .distinct()
        .order_by("-updated_at", "-id")
    )


class ReportLinkForm(forms.Form):
    report = forms.ModelChoiceField(
        label=_("Shadow report"), queryset=ShadowReport.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, user: Any, opportunity: Opportunity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = linkable_reports(user).exclude(opportunities=opportunity)


# The continents and oceans of tzdata's canonical names; the old aliases
# (US/Eastern, Etc/GMT+3…) stay accepted in the cookie but are not offered.
ZONE_AREAS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


@cache
def _zones_in(language: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    locale = babel_locale(language)
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in reader_zones():
        area, _slash, place = name.partition("/")
        if area in ZONE_AREAS and place:
            try:
                city = get_timezone_location(name, locale=locale, return_city=True)
            except LookupError:  # pragma: no cover - a zone newer than Babel's data
                city = place.replace("_", " ")
            groups.setdefault(area, []).append((name, city))
    return tuple(
        (area, tuple(sorted(groups[area], key=lambda choice: sort_key(choice[1]))))
        for area in ZONE_AREAS
        if area in groups
    )


def zone_choices() -> list[tuple[str, Any]]:
    """UTC, then each continent's or ocean's zones by city, in the reader's language."""
    return [
        ("UTC", "UTC"),
        *((ZONE_AREAS[area], list(zones)) for area, zones in _zones_in(get_language())),
    ]


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Show times in"), choices=zone_choices)
    # Checked by the view: an address that is not ours sends the reader to the calendar.
    next = forms.CharField(required=False, widget=forms.HiddenInput)
