"""/api/v1/opportunities/: the advocacy calendar.

Reading is public and anonymous: published and cancelled opportunities, with
the same filters as the web list. Proposing and editing take an API token with
the ``calendar:write`` scope and act as the token's owner: the same permission
rules, the same form validation (so the same refusals, in the same words, in
the language of ``Accept-Language``) and the same services as the web pages.
A member's proposal waits for a moderator; a moderator's is published at once;
a change of time or status raises the event's ``sequence``.

This module registers its router with the API itself (see the end), like the
registry of mechanisms.
"""

from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Max, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import override
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import AuthorizationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate
from pydantic import field_validator

from sauti.accounts.models import Organisation
from sauti.commitments.models import Commitment
from sauti.core.models import Topic
from sauti.opportunities import services
from sauti.opportunities.forms import OpportunityForm
from sauti.opportunities.models import Engagement, Opportunity
from sauti.opportunities.selectors import OpportunitySearch

from .api import LANG_CODES, BoundedPageNumberPagination, Error, api
from .auth import require_scope, token_auth
from .mechanisms import (
    MAX_ID,
    SLUG_PATTERN,
    WRITE_RESPONSES,
    WRITE_THROTTLE,
    InputSchema,
    OrganisationRef,
)
from .models import ApiToken, Scope

Language = Literal[tuple(LANG_CODES)]
KindCode = Literal[tuple(Opportunity.Kind.values)]
LevelCode = Literal[tuple(Opportunity.Level.values)]
StateCode = Literal[tuple(Opportunity.State.values)]
TopicCode = Literal[tuple(Topic.Code.values)]
PUBLIC_STATES = (Opportunity.State.PUBLISHED, Opportunity.State.CANCELLED)
CommitmentId = Annotated[int, Field(ge=1, le=MAX_ID)]

# The form's fields that the API takes under the same name and gives to the form as sent.
FORM_FIELDS = (
    "title",
    "description",
    "how_to_engage",
    "original_language",
    "kind",
    "level",
    "subnational_area",
    "start_date",
    "end_date",
    "time_zone",
    "place",
    "online_url",
    "organiser",
    "official_url",
    "engagement_deadline",
    "commitments",
    "topics",
    "not_a_duplicate",
)


# --- Output schemas ----------------------------------------------------------------


class OpportunityTextOut(Schema):
    title: str
    description: str
    how_to_engage: str


class CommitmentLinkOut(Schema):
    id: int
    framework: str = Field(description="The framework's code (see /frameworks/)")
    number: int = Field(description="The commitment's number in its framework")


class EngagementOut(Schema):
    organisation: OrganisationRef
    note: str = Field(description="How the organisation will engage")


def _original(opportunity: Opportunity) -> Any:
    translations = list(opportunity.translations.all())
    for translation in translations:
        if translation.language_code == opportunity.original_language:
            return translation
    return translations[0] if translations else None


def _original_text(opportunity: Opportunity, field: str) -> str:
    original = _original(opportunity)
    return getattr(original, field) if original is not None else ""


def _page(name: str, pk: int) -> str:
    # The default language's address: what the API answers must not depend on Accept-Language.
    with override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse(name, args=[pk])


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


class OpportunityOut(Schema):
    id: int
    uid: UUID = Field(description="The iCalendar UID (`<uid>@sauti`); it never changes")
    sequence: int = Field(
        description="The iCalendar SEQUENCE: goes up with each change of time or status"
    )
    state: StateCode = Field(description="Public lists hold `published` and `cancelled` only")
    kind: KindCode
    level: LevelCode
    region: str | None = Field(description="WHO region code")
    country: str | None = Field(description="ISO 3166-1 alpha-2 code")
    subnational_area: str
    all_day: bool = Field(
        description="All-day opportunities have dates only: the same days in every time zone"
    )
    start_date: date = Field(description="First day, in the opportunity's own time zone")
    end_date: date = Field(description="Last day (inclusive), in the opportunity's time zone")
    starts_at: datetime = Field(description="Start in UTC (midnight UTC of the day if all-day)")
    ends_at: datetime = Field(description="End in UTC (midnight UTC after the last day if all-day)")
    time_zone: str = Field(description="IANA time zone of a timed opportunity; empty if all-day")
    place: str
    online_url: str
    organiser: str
    official_url: str
    engagement_deadline: date | None = Field(description="Last day to engage, if any")
    title: str = Field(description="In the language of the record (`original_language`)")
    description: str = Field(description="In the language of the record")
    how_to_engage: str = Field(description="In the language of the record")
    original_language: Language = Field(description="The language the record was written in")
    translations: dict[str, OpportunityTextOut] = Field(
        description="Title, description and how to engage in every language they exist in, "
        "by language code"
    )
    topics: list[TopicCode]
    commitments: list[CommitmentLinkOut] = Field(description="The commitments it relates to")
    engagements: list[EngagementOut] = Field(
        description="Organisations that said publicly how they will engage"
    )
    is_demo: bool
    url: str = Field(description="The opportunity's web page")
    ics_url: str = Field(description="The opportunity as an iCalendar file")
    updated_at: datetime

    @staticmethod
    def resolve_region(obj: Opportunity) -> str | None:
        return obj.region_id

    @staticmethod
    def resolve_country(obj: Opportunity) -> str | None:
        return obj.country_id

    @staticmethod
    def resolve_starts_at(obj: Opportunity) -> datetime:
        return _utc(obj.starts_at)

    @staticmethod
    def resolve_ends_at(obj: Opportunity) -> datetime:
        return _utc(obj.ends_at)

    @staticmethod
    def resolve_title(obj: Opportunity) -> str:
        return _original_text(obj, "title")

    @staticmethod
    def resolve_description(obj: Opportunity) -> str:
        return _original_text(obj, "description")

    @staticmethod
    def resolve_how_to_engage(obj: Opportunity) -> str:
        return _original_text(obj, "how_to_engage")

    @staticmethod
    def resolve_translations(obj: Opportunity) -> dict[str, dict[str, str]]:
        return {
            t.language_code: {
                "title": t.title,
                "description": t.description,
                "how_to_engage": t.how_to_engage,
            }
            for t in sorted(obj.translations.all(), key=lambda t: t.language_code)
        }

    @staticmethod
    def resolve_topics(obj: Opportunity) -> list[str]:
        return sorted(topic.code for topic in obj.topics.all())

    @staticmethod
    def resolve_commitments(obj: Opportunity) -> list[dict[str, Any]]:
        return [
            {"id": c.pk, "framework": c.framework.code, "number": c.number}
            for c in obj.commitments.all()
        ]

    @staticmethod
    def resolve_engagements(obj: Opportunity) -> list[Engagement]:
        prepared = getattr(obj, "public_engagements", None)
        return prepared if prepared is not None else list(_public_engagements(obj.engagements))

    @staticmethod
    def resolve_url(obj: Opportunity) -> str:
        return _page("opportunities:detail", obj.pk)

    @staticmethod
    def resolve_ics_url(obj: Opportunity) -> str:
        return _page("opportunities:event_ics", obj.pk)

    @staticmethod
    def resolve_updated_at(obj: Opportunity) -> datetime:
        return _utc(obj.updated_at)


class ValidationItem(Schema):
    loc: list[str | int]
    msg: str
    type: str


# --- Input schemas ----------------------------------------------------------------

# Text and links are checked by the web form (lengths, markup, addresses) so that the
# API refuses exactly what the form refuses, in the same words; the lengths are
# declared here for the documentation.


def _text(max_length: int, description: str = "") -> Any:
    return Field(None, description=description, json_schema_extra={"maxLength": max_length})


class OpportunityFields(InputSchema):
    """Everything about an opportunity; on a change, only the fields sent change."""

    title: str | None = _text(200, "Plain text: markup is removed")
    description: str | None = _text(5000, "Plain text: markup is removed")
    how_to_engage: str | None = _text(
        3000, "The concrete entry point: a written submission, a side event, a statement"
    )
    original_language: Language = Field(
        None, description="The language the texts are written in (default: en)"
    )
    kind: KindCode = None
    level: LevelCode = None
    region: str | None = Field(
        None, max_length=4, description="WHO region code, for a regional opportunity"
    )
    country: str | None = Field(
        None,
        max_length=2,
        description="ISO 3166-1 alpha-2 code, for a national or subnational opportunity",
    )
    subnational_area: str | None = _text(200, "Province, state or district")
    start_date: date = Field(None, description="First day, in the place's time zone")
    end_date: date | None = Field(None, description="Last day; empty if it ends the day it starts")
    start_time: time | None = Field(
        None,
        description="Local time in `time_zone`, without a UTC offset (e.g. 14:00); "
        "no times for an all-day opportunity",
    )
    end_time: time | None = Field(None, description="Local time in `time_zone`")
    time_zone: str | None = _text(64, "IANA time zone of the times, e.g. Africa/Nairobi")
    place: str | None = _text(300)
    online_url: str | None = _text(500, "http(s) address")
    organiser: str | None = _text(200)
    official_url: str | None = _text(500, "http(s) address")
    engagement_deadline: date | None = Field(None, description="Last day to engage, if any")
    commitments: list[CommitmentId] = Field(
        None, max_length=100, description="Ids of the commitments it relates to (see /frameworks/)"
    )
    topics: list[TopicCode] = Field(None, max_length=len(Topic.Code.values))
    organisation: str = Field(
        None,
        max_length=80,
        pattern=SLUG_PATTERN,
        description="Slug of the organisation it is proposed on behalf of; the token's owner "
        "must be an active member of it",
    )
    not_a_duplicate: bool = Field(
        None,
        description="An opportunity of the same kind, country and start day is refused as a "
        "likely duplicate unless this is true",
    )

    @field_validator("*")
    @classmethod
    def _valid_unicode(cls, value: Any) -> Any:
        # A lone surrogate cannot be stored or cleaned; refuse it before it gets that far.
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError(_("The text is not valid Unicode.")) from None
        return value


class OpportunityIn(OpportunityFields):
    """A new opportunity: title, kind, level and start date are required."""

    title: str = _text(200, "Plain text: markup is removed")
    kind: KindCode
    level: LevelCode
    start_date: date = Field(description="First day, in the place's time zone")


class OpportunityPatch(OpportunityFields):
    """A change: only the fields sent change; `null` empties an optional field."""


class OpportunityFilter(Schema):
    level: LevelCode | None = None
    region: str | None = Field(None, max_length=10, description="WHO region code, e.g. AFR")
    country: str | None = Field(None, max_length=10, description="ISO 3166-1 alpha-2 code")
    kind: KindCode | None = None
    topic: TopicCode | None = None
    open_deadline: bool = Field(False, description="Only those whose deadline to engage is open")
    past: bool = Field(
        False, description="Past opportunities, newest first, instead of coming ones"
    )
    updated_since: datetime | None = Field(
        None, description="Only those changed at or after this time (ISO 8601)"
    )

    @field_validator("updated_since")
    @classmethod
    def _in_utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if timezone.is_naive(value):
            value = value.replace(tzinfo=UTC)
        try:
            return value.astimezone(UTC)
        except OverflowError:  # e.g. 0001-01-01T00:00+01:00, before the first UTC year
            raise ValueError(_("Enter a valid date/time.")) from None


# --- Helpers ---------------------------------------------------------------------------


def _public_engagements(engagements: QuerySet[Engagement]) -> QuerySet[Engagement]:
    """What anyone may read: engagements marked public, of organisations not hidden."""
    return (
        engagements.filter(
            visibility=Engagement.Visibility.PUBLIC, organisation__hidden_at__isnull=True
        )
        .select_related("organisation")
        .order_by("created_at", "id")
    )


def _with_api_data(queryset: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    """Everything the answer shows, in a fixed number of queries whatever the page size."""
    return queryset.prefetch_related(
        "translations",
        "topics",
        Prefetch("commitments", queryset=Commitment.objects.select_related("framework")),
        Prefetch(
            "engagements",
            queryset=_public_engagements(Engagement.objects.all()),
            to_attr="public_engagements",
        ),
    )


def _reader(request: HttpRequest) -> Any:
    """Whose permissions a read has: a token's owner (with the calendar scope), else the
    signed-in person, else nobody."""
    if request.headers.get("Authorization"):
        token: ApiToken = token_auth(request)
        return token.owner if token.has_scope(Scope.CALENDAR_WRITE) else AnonymousUser()
    return request.user


def _visible_to(request: HttpRequest, pk: int) -> Opportunity:
    opportunity = Opportunity.objects.filter(pk=pk).first()
    if opportunity is None or not _reader(request).has_perm(
        "opportunities.view_opportunity", opportunity
    ):
        raise Http404
    return opportunity


def _last_modified(response: HttpResponse, qs: QuerySet) -> None:
    latest = qs.aggregate(latest=Max("updated_at"))["latest"]
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())


def _form_data(sent: dict[str, Any]) -> dict[str, Any]:
    """The request's fields as the web form reads them."""
    data = {name: sent[name] for name in FORM_FIELDS if name in sent}
    for name in ("region", "country"):
        if name in sent:
            data[name] = (sent[name] or "").strip().upper()
    for name in ("start_time", "end_time"):
        if name in sent:
            value = sent[name]
            # With a UTC offset the form does not recognise the time ("Enter a valid time."):
            # times are local to ``time_zone``, and an offset would contradict it.
            data[name] = value.isoformat() if value is not None and value.tzinfo else value
    if sent.get("organisation"):
        found = Organisation.objects.visible().filter(slug=sent["organisation"]).first()
        # An unknown slug is sent as is: the form refuses it as it refuses any choice
        # that is not one of the owner's organisations.
        data["organisation"] = found.pk if found is not None else sent["organisation"]
    return data


def _editing_data(opportunity: Opportunity) -> dict[str, Any]:
    """The form's data for an unchanged opportunity, as the edit page starts."""
    data = OpportunityForm._initial_from(opportunity)
    # Not resent: the form would refuse a moderator's edit of another organisation's
    # proposal (its choices are the editor's own organisations), and not sending it
    # keeps the organisation as it is.
    data.pop("organisation", None)
    return data


def _form_errors(form: OpportunityForm) -> NinjaValidationError:
    """The form's refusals as the API's 422, each under the field it is about."""
    items = []
    for field, errors in form.errors.as_data().items():
        loc = ["body", "payload"] if field == "__all__" else ["body", "payload", field]
        seen = set()
        for error in errors:
            for message in error.messages:
                # A link refused by two validators would say "Enter a valid URL." twice.
                if message not in seen:
                    seen.add(message)
                    items.append({"type": error.code or "invalid", "loc": loc, "msg": message})
    return NinjaValidationError(items)


def _service_errors(error: DjangoValidationError) -> NinjaValidationError:
    items = []
    for field, messages in getattr(error, "message_dict", {"__all__": error.messages}).items():
        loc = ["body", "payload"] if field == "__all__" else ["body", "payload", field]
        items.extend({"type": "invalid", "loc": loc, "msg": message} for message in messages)
    return NinjaValidationError(items)


def _validated(data: dict[str, Any], *, owner: Any, instance: Opportunity | None = None) -> Any:
    form = OpportunityForm(data, user=owner, instance=instance)
    if not form.is_valid():
        raise _form_errors(form)
    return form.service_data()


def _answer(pk: int) -> Opportunity:
    return _with_api_data(Opportunity.objects.select_related("country", "region")).get(pk=pk)


# --- Endpoints -------------------------------------------------------------------------

opportunities = Router(tags=["calendar"])


@opportunities.get(
    "/",
    response=list[OpportunityOut],
    summary="The advocacy calendar",
    description="Published (and cancelled) opportunities, filtered as on the web list: "
    "coming ones (not yet over) soonest first, or with `past=true` past ones newest first. "
    "A client that keeps a copy asks for what changed with `updated_since`.",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_opportunities(
    request: HttpRequest, response: HttpResponse, filters: Query[OpportunityFilter]
):
    search = OpportunitySearch(
        level=filters.level or "",
        region=(filters.region or "").strip().upper(),
        country=(filters.country or "").strip().upper(),
        kind=filters.kind or "",
        topic=filters.topic or "",
        open_deadline=filters.open_deadline,
        past=filters.past,
    )
    qs = search.results()
    if filters.updated_since is not None:
        qs = qs.filter(updated_at__gte=filters.updated_since)
    _last_modified(response, qs)
    return _with_api_data(qs)


@opportunities.get(
    "/{id}",
    response={200: OpportunityOut, 401: Error, 404: Error},
    summary="One opportunity",
    description="Published and cancelled opportunities are public. A proposal waiting for "
    "review is visible to its proposer and to moderators: signed in, or with their API "
    "token (`calendar:write` scope).",
)
def get_opportunity(
    request: HttpRequest, response: HttpResponse, id: int = Path(..., ge=1, le=MAX_ID)
):
    opportunity = _visible_to(request, id)
    response["Last-Modified"] = http_date(opportunity.updated_at.timestamp())
    # Whether a proposal is shown depends on who asks: no shared cache may keep it.
    patch_vary_headers(response, ("Authorization",))
    if opportunity.is_hidden or opportunity.state not in PUBLIC_STATES:
        response["Cache-Control"] = "private"
    return _answer(opportunity.pk)


@opportunities.post(
    "/",
    auth=token_auth,
    throttle=WRITE_THROTTLE,
    response={201: OpportunityOut, **WRITE_RESPONSES},
    summary="Propose an opportunity",
    description="Needs a token with the `calendar:write` scope whose owner is an active member "
    "of an organisation (or a moderator). A member's proposal waits for a moderator "
    "(`state` is `pending`); a moderator's is published at once. Dates without times make "
    "an all-day opportunity; with times, give the place's `time_zone`. Refusals are those of "
    "the web form, in the language of `Accept-Language`.",
)
def create_opportunity(request: HttpRequest, payload: OpportunityIn):
    owner = request.auth.owner
    require_scope(request.auth, Scope.CALENDAR_WRITE)
    if not owner.has_perm("opportunities.add_opportunity"):
        raise AuthorizationError(
            message=_("Only active members of an organisation can propose opportunities.")
        )
    sent = payload.model_dump(exclude_unset=True)
    sent.setdefault("original_language", settings.LANGUAGE_CODE)
    data = _validated(_form_data(sent), owner=owner)
    try:
        created = services.propose_opportunity(acting_user=owner, data=data)
    except DjangoValidationError as error:
        raise _service_errors(error) from None
    return Status(201, _answer(created.pk))


@opportunities.patch(
    "/{id}",
    auth=token_auth,
    throttle=WRITE_THROTTLE,
    response={200: OpportunityOut, **WRITE_RESPONSES},
    summary="Change an opportunity",
    description="Only the fields sent change. Needs a token with the `calendar:write` scope "
    "whose owner proposed the opportunity (and is still an active member of an "
    "organisation), or a moderator's. The fields not sent keep their values: to move an "
    "opportunity, send its new `start_date` and `end_date` (and times) together. Every change "
    "is a new version in the history; a change of time raises `sequence` so that subscribed "
    "calendars replace their copy.",
)
def update_opportunity(
    request: HttpRequest, payload: OpportunityPatch, id: int = Path(..., ge=1, le=MAX_ID)
):
    owner = request.auth.owner
    require_scope(request.auth, Scope.CALENDAR_WRITE)
    opportunity = (
        Opportunity.objects.select_related("country", "region", "organisation")
        .filter(pk=id)
        .first()
    )
    if opportunity is None or not owner.has_perm("opportunities.view_opportunity", opportunity):
        raise Http404
    if not owner.has_perm("opportunities.change_opportunity", opportunity):
        raise AuthorizationError(
            message=_("Only its proposer and moderators can change this opportunity.")
        )
    sent = payload.model_dump(exclude_unset=True)
    if sent:
        data = _validated(
            {**_editing_data(opportunity), **_form_data(sent)}, owner=owner, instance=opportunity
        )
        try:
            services.update_opportunity(opportunity, acting_user=owner, data=data)
        except DjangoValidationError as error:
            raise _service_errors(error) from None
    return Status(200, _answer(opportunity.pk))


api.add_router("/opportunities/", opportunities)
