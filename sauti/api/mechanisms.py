"""/api/v1/mechanisms/ and /api/v1/assessments/: the registry of participation mechanisms.

Reading is public and anonymous. Writing (record, edit, assess) takes an API
token (``Authorization: Bearer <token>``) with the ``mechanisms:write`` scope and
acts as the token's owner: the same permissions and the same services as the
web forms, the same audit log and version history.

This module registers its routers with the API itself (see the end), so that it
can be imported before or after ``sauti.api.api``.
"""

from datetime import date, datetime, timedelta
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import override
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import AuthorizationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate
from pydantic import ConfigDict, field_validator

from sauti.accounts.models import Constituency, Membership, Organisation
from sauti.accounts.rules import is_org_member
from sauti.core.models import MAX_ID, Country
from sauti.core.text import clean_plain_text
from sauti.mechanisms import services
from sauti.mechanisms.models import Assessment, Mechanism
from sauti.mechanisms.selectors import MechanismSearch

from .api import LANG_CODES, BoundedPageNumberPagination, Error, api
from .auth import TokenRateThrottle, require_scope, token_auth
from .models import Scope

MAX_SEATS = 32767  # PositiveSmallIntegerField
MAX_SOURCES = 20
WRITE_THROTTLE = [TokenRateThrottle("120/m")]

Language = Literal[tuple(LANG_CODES)]
Level = Literal[tuple(Mechanism.Level.values)]
Kind = Literal[tuple(Mechanism.Kind.values)]
LegalBasis = Literal[tuple(Mechanism.LegalBasis.values)]
Outcome = Literal[tuple(Mechanism.Outcome.values)]
Spectrum = Literal[tuple(Mechanism.Spectrum.values)]
Selection = Literal[tuple(Mechanism.Selection.values)]
Frequency = Literal[tuple(Mechanism.Frequency.values)]
ConstituencyCode = Literal[tuple(Constituency.Code.values)]
Sort = Literal["updated", "name", "country", "established", "score"]

# Choice fields that may be unknown: ``null`` in the API, ``""`` in the database.
BLANK_CHOICES = ("legal_basis", "outcome", "spectrum", "selection", "meeting_frequency")
ONE_LINE_TEXT = ("name", "subnational_area", "legal_citation", "host_institution")
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
TRANSLATION_MODEL = Mechanism._parler_meta.root_model


# --- Shared validation -------------------------------------------------------


def _unicode(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("the text is not valid Unicode (it contains a lone surrogate)") from None
    return value


def _clean(value: str | None, *, multiline: bool = False) -> str | None:
    if value is None:
        return None
    return clean_plain_text(_unicode(value), multiline=multiline)


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = _unicode(value).strip().upper()
    if not (len(code) == 2 and code.isascii() and code.isalpha()) or not (
        Country.objects.filter(pk=code).exists()
    ):
        raise ValueError(
            f"unknown country {value[:10]!r}: give the ISO 3166-1 alpha-2 code of a "
            "WHO Member State, e.g. 'KE'"
        )
    return code


_url_validator = URLValidator(schemes=["http", "https"])


def _url(value: str) -> str:
    value = _unicode(value).strip()
    if not value:
        return ""
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise ValueError("the link contains control characters")
    try:
        _url_validator(value)
    except DjangoValidationError:
        raise ValueError("enter a full web address starting with http:// or https://") from None
    return value


class InputSchema(Schema):
    """Request bodies: unknown fields are refused rather than silently ignored."""

    model_config = ConfigDict(extra="forbid")


# --- Output schemas ----------------------------------------------------------


class OrganisationRef(Schema):
    slug: str
    name: str


class TranslationOut(Schema):
    name: str
    description: str


class SourceOut(Schema):
    title: str
    url: str = Field(description="A web address, or empty")
    document: str | None = Field(description="Address of an attached document, if any")
    note: str = Field(description="What the source supports")

    @staticmethod
    def resolve_document(obj) -> str | None:
        return settings.SITE_URL + obj.document.url if obj.document else None


class LatestScoresOut(Schema):
    """The newest assessment's six scores (0–3), as the gap views count them."""

    assessment_id: int
    assessed_on: date
    organisation: OrganisationRef
    legal: int
    inclusion: int
    influence: int
    capacity: int
    accountability: int
    resources: int


def _original(mechanism: Mechanism) -> Any:
    translations = list(mechanism.translations.all())
    for translation in translations:
        if translation.language_code == mechanism.original_language:
            return translation
    return translations[0] if translations else None


class MechanismOut(Schema):
    id: int
    name: str = Field(description="In the language of the record (`language`)")
    description: str = Field(description="In the language of the record (`language`)")
    language: Language = Field(description="The language the record was written in")
    translations: dict[str, TranslationOut] = Field(
        description="Name and description in every language they exist in, by language code"
    )
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    region: str = Field(description="WHO region code")
    subnational_area: str
    level: Level
    kind: Kind
    is_formal: bool | None
    legal_basis: LegalBasis | None
    legal_citation: str
    year_established: int | None
    host_institution: str
    stage_priority_setting: bool | None
    stage_planning: bool | None
    stage_budgeting: bool | None
    stage_implementation: bool | None
    stage_monitoring: bool | None
    stage_evaluation: bool | None
    outcome: Outcome | None
    co_governs: bool | None
    spectrum: Spectrum | None
    selection: Selection | None
    community_majority: bool | None
    seats_government: int | None
    seats_civil_society: int | None
    seats_community: int | None
    seats_health_workers: int | None
    seats_academia: int | None
    seats_private: int | None
    constituencies: list[str] = Field(description="Constituency codes represented")
    meeting_frequency: Frequency | None
    last_meeting: date | None
    has_budget: bool | None
    has_secretariat: bool | None
    has_office: bool | None
    has_allowances: bool | None
    publishes_agendas: bool | None
    publishes_minutes: bool | None
    publishes_decisions: bool | None
    gives_feedback: bool | None
    offers_capacity_building: bool | None
    sources: list[SourceOut]
    latest_scores: LatestScoresOut | None
    is_verified: bool
    verified_at: datetime | None
    recorded_by: OrganisationRef | None
    is_demo: bool
    url: str
    created_at: datetime
    updated_at: datetime

    @field_validator(*BLANK_CHOICES, mode="before")
    @classmethod
    def _blank_is_unknown(cls, value: Any) -> Any:
        return value or None

    @staticmethod
    def resolve_name(obj: Mechanism) -> str:
        original = _original(obj)
        return original.name if original else ""

    @staticmethod
    def resolve_description(obj: Mechanism) -> str:
        original = _original(obj)
        return original.description if original else ""

    @staticmethod
    def resolve_language(obj: Mechanism) -> str:
        return obj.original_language

    @staticmethod
    def resolve_translations(obj: Mechanism) -> dict[str, dict[str, str]]:
        return {
            t.language_code: {"name": t.name, "description": t.description}
            for t in sorted(obj.translations.all(), key=lambda t: t.language_code)
        }

    @staticmethod
    def resolve_country(obj: Mechanism) -> str:
        return obj.country_id

    @staticmethod
    def resolve_region(obj: Mechanism) -> str:
        return obj.country.region_id

    @staticmethod
    def resolve_constituencies(obj: Mechanism) -> list[str]:
        return sorted(c.code for c in obj.constituencies.all())

    @staticmethod
    def resolve_sources(obj: Mechanism) -> list[Any]:
        return list(obj.sources.all())

    @staticmethod
    def resolve_latest_scores(obj: Mechanism) -> dict[str, Any] | None:
        latest = obj.latest_assessment
        if latest is None:
            return None
        return {
            "assessment_id": latest.pk,
            "assessed_on": latest.assessed_on,
            "organisation": latest.organisation,
            **{name: getattr(latest, name) for name in Assessment.DIMENSIONS},
        }

    @staticmethod
    def resolve_recorded_by(obj: Mechanism) -> Organisation | None:
        return obj.organisation

    @staticmethod
    def resolve_url(obj: Mechanism) -> str:
        with override(settings.LANGUAGE_CODE):
            return settings.SITE_URL + reverse("mechanisms:detail", args=[obj.pk])


class AssessmentOut(Schema):
    id: int
    mechanism: int = Field(description="The assessed mechanism's id")
    country: str = Field(description="The assessed mechanism's country")
    organisation: OrganisationRef = Field(description="The assessing organisation")
    assessed_on: date
    legal: int = Field(description="Legal foundation, 0–3")
    inclusion: int = Field(description="Inclusive representation, 0–3")
    influence: int = Field(description="Interaction and influence on decisions, 0–3")
    capacity: int = Field(description="Capacity building, 0–3")
    accountability: int = Field(description="Accountability and transparency, 0–3")
    resources: int = Field(description="Resources and independence, 0–3")
    evidence: dict[str, str] = Field(description="Evidence per dimension, by dimension name")
    note: str
    created_at: datetime

    @staticmethod
    def resolve_mechanism(obj: Assessment) -> int:
        return obj.mechanism_id

    @staticmethod
    def resolve_country(obj: Assessment) -> str:
        return obj.mechanism.country_id

    @staticmethod
    def resolve_evidence(obj: Assessment) -> dict[str, str]:
        evidence = obj.evidence if isinstance(obj.evidence, dict) else {}
        return {str(k): str(v) for k, v in evidence.items()}


class ValidationItem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: list[ValidationItem]


# --- Input schemas -------------------------------------------------------------


class MechanismFilter(Schema):
    q: str | None = Field(None, max_length=100, description="Words in a name or description")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    region: str | None = Field(None, description="WHO region code (AFR, AMR, SEAR, EUR, EMR, WPR)")
    level: Level | None = None
    kind: Kind | None = None
    legal_basis: LegalBasis | None = None
    constituency: ConstituencyCode | None = Field(None, description="A constituency represented")
    is_verified: bool | None = Field(None, description="Only records a moderator has checked")
    sort: Sort = "updated"


class AssessmentFilter(Schema):
    country: str | None = Field(None, description="The assessed mechanism's country")
    mechanism: int | None = Field(None, ge=1, le=MAX_ID, description="A mechanism's id")
    organisation: str | None = Field(None, description="The assessing organisation's slug")


class SourceIn(InputSchema):
    title: str = Field(min_length=1, max_length=300)
    url: str = Field("", max_length=500, description="http(s) address")
    note: str = Field("", max_length=300, description="What the source supports")

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        value = _clean(value)
        if not value:
            raise ValueError("give the source a title")
        return value

    @field_validator("note")
    @classmethod
    def _note(cls, value: str) -> str:
        return _clean(value)

    @field_validator("url")
    @classmethod
    def _link(cls, value: str) -> str:
        return _url(value)


class MechanismFacts(InputSchema):
    """Everything about a mechanism but its identity; ``null`` means "not known"."""

    description: str = Field(None, max_length=5000)
    language: Language = Field(None, description="The language name and description are in")
    subnational_area: str = Field(None, max_length=200)
    is_formal: bool | None = None
    legal_basis: LegalBasis | None = None
    legal_citation: str = Field(None, max_length=300)
    year_established: int | None = Field(None, ge=1800, le=2100)
    host_institution: str = Field(None, max_length=200)
    stage_priority_setting: bool | None = None
    stage_planning: bool | None = None
    stage_budgeting: bool | None = None
    stage_implementation: bool | None = None
    stage_monitoring: bool | None = None
    stage_evaluation: bool | None = None
    outcome: Outcome | None = None
    co_governs: bool | None = None
    spectrum: Spectrum | None = None
    selection: Selection | None = None
    community_majority: bool | None = None
    seats_government: int | None = Field(None, ge=0, le=MAX_SEATS)
    seats_civil_society: int | None = Field(None, ge=0, le=MAX_SEATS)
    seats_community: int | None = Field(None, ge=0, le=MAX_SEATS)
    seats_health_workers: int | None = Field(None, ge=0, le=MAX_SEATS)
    seats_academia: int | None = Field(None, ge=0, le=MAX_SEATS)
    seats_private: int | None = Field(None, ge=0, le=MAX_SEATS)
    constituencies: list[ConstituencyCode] = Field(
        None, max_length=len(Constituency.Code.values), description="Constituencies represented"
    )
    meeting_frequency: Frequency | None = None
    last_meeting: date | None = None
    has_budget: bool | None = None
    has_secretariat: bool | None = None
    has_office: bool | None = None
    has_allowances: bool | None = None
    publishes_agendas: bool | None = None
    publishes_minutes: bool | None = None
    publishes_decisions: bool | None = None
    gives_feedback: bool | None = None
    offers_capacity_building: bool | None = None
    organisation: str = Field(
        None,
        max_length=80,
        pattern=SLUG_PATTERN,
        description="Slug of the organisation the record is made on behalf of; "
        "the token's owner must be an active member of it",
    )

    @field_validator(*ONE_LINE_TEXT, check_fields=False)
    @classmethod
    def _one_line(cls, value: str) -> str:
        return _clean(value)

    @field_validator("description")
    @classmethod
    def _multiline(cls, value: str) -> str:
        return _clean(value, multiline=True)

    @field_validator("last_meeting")
    @classmethod
    def _not_in_the_future(cls, value: date | None) -> date | None:
        if value is not None and value > timezone.localdate() + timedelta(days=1):
            raise ValueError("the last meeting cannot be in the future")
        return value


class MechanismIn(MechanismFacts):
    """A new mechanism. Name, country, level and kind are required, and at least one source."""

    name: str = Field(min_length=1, max_length=200)
    country: str = Field(description="ISO 3166-1 alpha-2 code of a WHO Member State")
    level: Level
    kind: Kind
    sources: list[SourceIn] = Field(
        min_length=1,
        max_length=MAX_SOURCES,
        description="Where the facts come from: a law, a report, minutes, a web page",
    )

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = _clean(value)
        if not value:
            raise ValueError("the name is empty once markup is removed")
        return value

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        return _country(value)


class MechanismPatch(MechanismFacts):
    """A change: only the fields sent are changed; sources sent are added to the record."""

    name: str = Field(None, min_length=1, max_length=200)
    country: str = Field(None, description="ISO 3166-1 alpha-2 code of a WHO Member State")
    level: Level = None
    kind: Kind = None
    sources: list[SourceIn] = Field(None, max_length=MAX_SOURCES, description="Sources to add")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = _clean(value)
        if not value:
            raise ValueError("the name is empty once markup is removed")
        return value

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        return _country(value)


class EvidenceIn(InputSchema):
    legal: str = Field("", max_length=2000)
    inclusion: str = Field("", max_length=2000)
    influence: str = Field("", max_length=2000)
    capacity: str = Field("", max_length=2000)
    accountability: str = Field("", max_length=2000)
    resources: str = Field("", max_length=2000)

    @field_validator("*")
    @classmethod
    def _text(cls, value: str) -> str:
        return _clean(value, multiline=True)


class AssessmentIn(InputSchema):
    """Six scores from 0 to 3, against the descriptors at /mechanisms/<id>/assess/."""

    organisation: str = Field(
        max_length=80,
        pattern=SLUG_PATTERN,
        description="Slug of the assessing organisation; the token's owner must be an "
        "active member of it",
    )
    assessed_on: date = Field(None, description="Defaults to today")
    legal: int = Field(ge=0, le=3, description="Legal foundation")
    inclusion: int = Field(ge=0, le=3, description="Inclusive representation")
    influence: int = Field(ge=0, le=3, description="Interaction and influence on decisions")
    capacity: int = Field(ge=0, le=3, description="Capacity building")
    accountability: int = Field(ge=0, le=3, description="Accountability and transparency")
    resources: int = Field(ge=0, le=3, description="Resources and independence")
    evidence: EvidenceIn = Field(None, description="What each score rests on")
    note: str = Field("", max_length=5000)

    @field_validator("note")
    @classmethod
    def _note(cls, value: str) -> str:
        return _clean(value, multiline=True)

    @field_validator("assessed_on")
    @classmethod
    def _plausible_date(cls, value: date) -> date:
        if value > timezone.localdate() + timedelta(days=1):
            raise ValueError("an assessment cannot be dated in the future")
        if value.year < 1900:
            raise ValueError("the date is too far in the past")
        return value


# --- Helpers -----------------------------------------------------------------------

WRITE_RESPONSES = {401: Error, 403: Error, 404: Error, 422: ValidationErrorOut}


def _mechanisms() -> QuerySet[Mechanism]:
    return (
        Mechanism.objects.visible()
        .select_related(
            "country", "organisation", "latest_assessment", "latest_assessment__organisation"
        )
        .prefetch_related("translations", "constituencies", "sources")
    )


def _assessments() -> QuerySet[Assessment]:
    return (
        Assessment.objects.filter(mechanism__hidden_at__isnull=True)
        .select_related("organisation", "mechanism")
        .order_by("-assessed_on", "-id")
    )


def _invalid(field: str, message: str) -> NinjaValidationError:
    return NinjaValidationError(
        [{"type": "value_error", "loc": ["body", "payload", field], "msg": message}]
    )


def _organisation_for(owner, slug: str) -> Organisation:
    """The organisation named in a request body, which the token's owner must belong to."""
    organisation = Organisation.objects.visible().filter(slug=slug).first()
    if organisation is None:
        raise _invalid("organisation", f"no organisation has the slug {slug!r}")
    if not is_org_member(owner, organisation):
        raise AuthorizationError(
            message=f"The token's owner is not an active member of {organisation.name!r}."
        )
    return organisation


def _sole_organisation(owner) -> Organisation | None:
    organisations = list(
        Organisation.objects.visible().filter(
            memberships__user=owner, memberships__status=Membership.Status.ACTIVE
        )[:2]
    )
    return organisations[0] if len(organisations) == 1 else None


def _service_data(payload: MechanismFacts) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The fields sent, as the mechanism services take them, and the sources to add."""
    sent = payload.model_dump(exclude_unset=True, exclude={"sources", "organisation", "evidence"})
    data: dict[str, Any] = {}
    for field, value in sent.items():
        if field == "language":
            data["original_language"] = value
        elif field == "country":
            data["country_id"] = value
        elif field == "constituencies":
            data["constituencies"] = sorted(set(value or []))
        elif field in BLANK_CHOICES or field in (*ONE_LINE_TEXT, "description"):
            data[field] = value or ""
        else:
            data[field] = value
    sources = [source.model_dump() for source in (payload.sources or [])]
    return data, sources


# --- Mechanisms --------------------------------------------------------------------

mechanisms = Router(tags=["mechanisms"])
assessments = Router(tags=["assessments"])


@mechanisms.get(
    "/",
    response=list[MechanismOut],
    summary="Participation mechanisms",
    description="The registry, filtered as on the web list. Besides the parameters below, "
    "every yes/no fact filters with `yes`, `no` or `unknown` (e.g. `has_budget=yes`), and "
    "`outcome`, `spectrum`, `selection`, `meeting_frequency` take a value of their field.",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_mechanisms(request: HttpRequest, response: HttpResponse, filters: Query[MechanismFilter]):
    params = request.GET.copy()
    if filters.is_verified is not None:
        params["is_verified"] = "yes" if filters.is_verified else "no"
    if filters.sort == "name":
        # The web list sorts by the name in the reader's language; the API's `name` is the
        # one in the record's own language, and the order must not depend on Accept-Language.
        params["sort"] = "updated"
        original_name = Subquery(
            TRANSLATION_MODEL.objects.filter(
                master_id=OuterRef("pk"), language_code=OuterRef("original_language")
            ).values("name")[:1]
        )
        qs = (
            MechanismSearch(params)
            .queryset()
            .annotate(sort_name=Lower(original_name))
            .order_by("sort_name", "id")
        )
    else:
        qs = MechanismSearch(params).queryset()
    latest = qs.aggregate(latest=Max("updated_at"))["latest"]
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    return qs.select_related(
        "organisation", "latest_assessment", "latest_assessment__organisation"
    ).prefetch_related("translations", "constituencies", "sources")


@mechanisms.get(
    "/{id}", response={200: MechanismOut, 404: Error}, summary="One participation mechanism"
)
def get_mechanism(
    request: HttpRequest, response: HttpResponse, id: int = Path(..., ge=1, le=MAX_ID)
):
    mechanism = get_object_or_404(_mechanisms(), pk=id)
    response["Last-Modified"] = http_date(mechanism.updated_at.timestamp())
    return mechanism


@mechanisms.post(
    "/",
    auth=token_auth,
    throttle=WRITE_THROTTLE,
    response={201: MechanismOut, **WRITE_RESPONSES},
    summary="Record a mechanism",
    description="Needs a token with the `mechanisms:write` scope whose owner is an active "
    "member of an organisation. `organisation` defaults to the owner's organisation when "
    "they belong to exactly one.",
)
def create_mechanism(request: HttpRequest, payload: MechanismIn):
    owner = request.auth.owner
    require_scope(request.auth, Scope.MECHANISMS_WRITE)
    if not owner.has_perm("mechanisms.add_mechanism"):
        raise AuthorizationError(
            message="Only active members of an organisation can record mechanisms."
        )
    data, sources = _service_data(payload)
    if payload.organisation is not None:
        data["organisation"] = _organisation_for(owner, payload.organisation)
    else:
        data["organisation"] = _sole_organisation(owner)
    data.setdefault("original_language", settings.LANGUAGE_CODE)
    created = services.create_mechanism(acting_user=owner, data=data, sources=sources)
    return Status(201, _mechanisms().get(pk=created.pk))


@mechanisms.patch(
    "/{id}",
    auth=token_auth,
    throttle=WRITE_THROTTLE,
    response={200: MechanismOut, **WRITE_RESPONSES},
    summary="Change a mechanism",
    description='Only the fields sent change; `null` sets a fact to "not known"; sources '
    "sent are added. Every change is a new version in the record's history.",
)
def update_mechanism(
    request: HttpRequest, payload: MechanismPatch, id: int = Path(..., ge=1, le=MAX_ID)
):
    owner = request.auth.owner
    require_scope(request.auth, Scope.MECHANISMS_WRITE)
    mechanism = get_object_or_404(Mechanism.objects.visible(), pk=id)
    if not owner.has_perm("mechanisms.change_mechanism", mechanism):
        raise AuthorizationError(
            message="Only active members of an organisation can change mechanisms."
        )
    data, sources = _service_data(payload)
    if payload.organisation is not None:
        data["organisation"] = _organisation_for(owner, payload.organisation)
    if data or sources:
        services.update_mechanism(mechanism, acting_user=owner, data=data, sources=sources)
    return Status(200, _mechanisms().get(pk=mechanism.pk))


# --- Assessments -----------------------------------------------------------------


@mechanisms.get(
    "/{id}/assessments",
    response={200: list[AssessmentOut], 404: Error},
    summary="Assessments of one mechanism, newest first",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_mechanism_assessments(request: HttpRequest, id: int = Path(..., ge=1, le=MAX_ID)):
    mechanism = get_object_or_404(Mechanism.objects.visible(), pk=id)
    return _assessments().filter(mechanism=mechanism)


@mechanisms.post(
    "/{id}/assessments",
    auth=token_auth,
    throttle=WRITE_THROTTLE,
    response={201: AssessmentOut, **WRITE_RESPONSES},
    summary="Assess a mechanism",
    description="Needs a token with the `mechanisms:write` scope whose owner is an active "
    "member of the assessing organisation. Scores run from 0 to 3; the descriptors of each "
    "level are on the mechanism's assessment page.",
)
def create_assessment(
    request: HttpRequest, payload: AssessmentIn, id: int = Path(..., ge=1, le=MAX_ID)
):
    owner = request.auth.owner
    require_scope(request.auth, Scope.MECHANISMS_WRITE)
    mechanism = get_object_or_404(Mechanism.objects.visible(), pk=id)
    if not owner.has_perm("mechanisms.assess_mechanism", mechanism):
        raise AuthorizationError(
            message="Only active members of an organisation can assess mechanisms."
        )
    organisation = _organisation_for(owner, payload.organisation)
    evidence = payload.evidence.model_dump() if payload.evidence else {}
    data = {
        "organisation": organisation,
        "assessed_on": payload.assessed_on or timezone.localdate(),
        "note": payload.note,
        "evidence": {name: text for name, text in evidence.items() if text},
        **{name: getattr(payload, name) for name in Assessment.DIMENSIONS},
    }
    assessment = services.record_assessment(mechanism, acting_user=owner, data=data)
    return Status(201, _assessments().get(pk=assessment.pk))


@assessments.get(
    "/", response=list[AssessmentOut], summary="Assessments of all mechanisms, newest first"
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_assessments(request: HttpRequest, filters: Query[AssessmentFilter]):
    qs = _assessments()
    if filters.country:
        qs = qs.filter(mechanism__country_id=filters.country.strip().upper())
    if filters.mechanism:
        qs = qs.filter(mechanism_id=filters.mechanism)
    if filters.organisation:
        qs = qs.filter(organisation__slug=filters.organisation)
    return qs


api.add_router("/mechanisms/", mechanisms)
api.add_router("/assessments/", assessments)
