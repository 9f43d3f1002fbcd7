"""/api/v1/frameworks/, cycles, country assessments, consolidated assessments, scorecards.

Holding governments to their commitments, as data:

- the commitment frameworks (WHA77 on social participation, …) and the reporting
  cycles, with texts in the language chosen with ``lang``;
- organisations' country assessments (a status per commitment, country and
  cycle, with a narrative and evidence), which a token with the
  ``commitments:write`` scope records and changes for an organisation its owner
  edits for: the same service as the web form, so the same checks (a closed
  cycle takes nothing), the same version history and audit log;
- coalitions' published consolidated assessments, with where members agreed;
- published community scorecards. A participant group smaller than the
  disclosure threshold (``sauti.core.privacy``) is withheld exactly as on the
  public page: no score, no reasons and no exact size (``size`` is ``null``,
  ``withheld`` is ``true``), and averages count only the groups shown.

Reading is public and anonymous. This module registers its routers with the API
itself (see the end), like the registry of mechanisms.
"""

from datetime import date, datetime
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Max, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import override
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import AuthorizationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate
from pydantic import field_validator, model_validator

from sauti.accounts.models import Organisation
from sauti.commitments import scorecard_selectors, selectors, services
from sauti.commitments.models import (
    ActionItem,
    Commitment,
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Cycle,
    Evidence,
    Framework,
    Scorecard,
)
from sauti.commitments.models import Status as AssessmentStatus
from sauti.core.i18n import sort_key
from sauti.core.models import Country
from sauti.mechanisms.models import Mechanism

from .api import BoundedPageNumberPagination, Error, _lang, api
from .auth import require_scope, token_auth
from .mechanisms import (
    MAX_ID,
    SLUG_PATTERN,
    WRITE_RESPONSES,
    WRITE_THROTTLE,
    InputSchema,
    OrganisationRef,
    _clean,
    _country,
    _url,
)
from .models import Scope

StatusCode = Literal[tuple(AssessmentStatus.values)]
PlaceKind = Literal[tuple(Scorecard.PlaceKind.values)]
Progress = Literal[tuple(ActionItem.Progress.values)]
MAX_EVIDENCE = services.MAX_EVIDENCE_PER_SAVE
LANG_DESCRIPTION = "Language of titles, descriptions and labels: en, fr, es, pt, ar, ru, zh-hans"

# Which request field a refusal of the tracking services is about (``ValidationError.code``).
FIELD_OF_REFUSAL = {
    "cycle_not_open": "cycle",
    "cycle_closed": "cycle",
    "inactive": "commitment",
    "status": "status",
    "too_long": "narrative",
    "evidence_count": "evidence",
    "evidence_empty": "evidence",
    "evidence_title": "evidence",
    "title": "evidence",
    "url": "evidence",
    "mechanism": "evidence",
}


# --- Language ------------------------------------------------------------------------
def _request_lang(context: dict | None) -> str:
    request = (context or {}).get("request")
    return _lang(request.GET.get("lang") if request is not None else None)


def _translated(obj: Any, field: str, lang: str) -> str:
    """``field`` in ``lang``, else in English, else in any language there is."""
    return obj.safe_translation_getter(field, default="", language_code=lang, any_language=True)


def _label(choice: Any, lang: str) -> str:
    with override(lang):
        return str(choice.label)


def _page_url(lang: str, name: str, *args: Any) -> str:
    with override(lang):
        return settings.SITE_URL + reverse(name, args=args)


# --- Output schemas ----------------------------------------------------------------
class CommitmentOut(Schema):
    id: int
    code: str
    number: int
    title: str = Field(description="In the language asked for (`lang`)")
    description: str
    evidence_guidance: str = Field(description="What evidence counts for this commitment")
    url: str

    @staticmethod
    def resolve_title(obj: Commitment, context: dict) -> str:
        return _translated(obj, "title", _request_lang(context))

    @staticmethod
    def resolve_description(obj: Commitment, context: dict) -> str:
        return _translated(obj, "description", _request_lang(context))

    @staticmethod
    def resolve_evidence_guidance(obj: Commitment, context: dict) -> str:
        return _translated(obj, "evidence_guidance", _request_lang(context))

    @staticmethod
    def resolve_url(obj: Commitment, context: dict) -> str:
        return _page_url(
            _request_lang(context), "commitments:commitment", obj.framework.code, obj.code
        )


class FrameworkOut(Schema):
    code: str
    name: str = Field(description="In the language asked for (`lang`)")
    description: str
    adopted_on: date | None
    source_url: str
    url: str
    commitments: list[CommitmentOut] = Field(description="The commitments tracked, in order")

    @staticmethod
    def resolve_name(obj: Framework, context: dict) -> str:
        return _translated(obj, "name", _request_lang(context))

    @staticmethod
    def resolve_description(obj: Framework, context: dict) -> str:
        return _translated(obj, "description", _request_lang(context))

    @staticmethod
    def resolve_url(obj: Framework, context: dict) -> str:
        return _page_url(_request_lang(context), "commitments:framework", obj.code)

    @staticmethod
    def resolve_commitments(obj: Framework) -> list[Commitment]:
        return selectors.commitments_of(obj)


class CycleOut(Schema):
    code: str
    name: str = Field(description="In the language asked for (`lang`)")
    year: int
    is_custom: bool = Field(description="A cycle a coalition added, not a WHA reporting year")
    opens_on: date
    closes_on: date | None
    is_open: bool = Field(description="Whether assessments can be recorded or changed today")

    @staticmethod
    def resolve_name(obj: Cycle, context: dict) -> str:
        return _translated(obj, "name", _request_lang(context))

    @staticmethod
    def resolve_is_open(obj: Cycle) -> bool:
        return obj.is_open()


class CommitmentRef(Schema):
    id: int
    framework: str = Field(description="The framework's code")
    code: str
    number: int
    title: str = Field(description="In the language asked for (`lang`)")

    @staticmethod
    def resolve_framework(obj: Commitment) -> str:
        return obj.framework.code

    @staticmethod
    def resolve_title(obj: Commitment, context: dict) -> str:
        return _translated(obj, "title", _request_lang(context))


class EvidenceOut(Schema):
    id: int
    title: str
    url: str = Field(description="A web address, or empty")
    document: str | None = Field(description="Address of an attached document, if any")
    mechanism: int | None = Field(description="A mechanism of the registry, by id")
    added_at: datetime

    @staticmethod
    def resolve_document(obj: Evidence) -> str | None:
        if not obj.document:
            return None
        return _page_url(settings.LANGUAGE_CODE, "commitments:evidence_document", obj.pk)

    @staticmethod
    def resolve_mechanism(obj: Evidence) -> int | None:
        mechanism = obj.mechanism
        return mechanism.pk if mechanism is not None and not mechanism.is_hidden else None


class CountryAssessmentOut(Schema):
    id: int
    organisation: OrganisationRef = Field(description="The assessing organisation")
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    cycle: str = Field(description="The reporting cycle's code")
    commitment: CommitmentRef
    status: StatusCode
    status_label: str = Field(description="The status in the language asked for (`lang`)")
    narrative: str
    evidence: list[EvidenceOut]
    is_demo: bool
    url: str = Field(description="The country's page")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_country(obj: CountryAssessment) -> str:
        return obj.country_id

    @staticmethod
    def resolve_cycle(obj: CountryAssessment) -> str:
        return obj.cycle.code

    @staticmethod
    def resolve_status_label(obj: CountryAssessment, context: dict) -> str:
        return _label(AssessmentStatus(obj.status), _request_lang(context))

    @staticmethod
    def resolve_evidence(obj: CountryAssessment) -> list[Evidence]:
        return list(obj.evidence.all())

    @staticmethod
    def resolve_url(obj: CountryAssessment, context: dict) -> str:
        return _page_url(_request_lang(context), "commitments:country", obj.country_id.lower())


class MemberStatusOut(Schema):
    organisation: OrganisationRef
    status: StatusCode
    status_label: str
    agrees: bool = Field(description="Whether the member recorded the coalition's status")


class EntryOut(Schema):
    commitment: CommitmentRef
    status: StatusCode = Field(description="The coalition's status")
    status_label: str
    note: str

    @staticmethod
    def resolve_status_label(obj: ConsolidatedEntry, context: dict) -> str:
        return _label(AssessmentStatus(obj.status), _request_lang(context))


class EntryDetailOut(EntryOut):
    members: list[MemberStatusOut] = Field(
        description="The statuses the coalition's members had recorded when it was published"
    )

    @staticmethod
    def resolve_members(obj: ConsolidatedEntry, context: dict) -> list[dict[str, Any]]:
        lang = _request_lang(context)
        return [
            {
                "organisation": organisation,
                "status": status,
                "status_label": _label(AssessmentStatus(status), lang),
                "agrees": status == obj.status,
            }
            for organisation, status in getattr(obj, "api_members", [])
        ]


class ConsolidatedOut(Schema):
    id: int
    coalition: OrganisationRef
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    cycle: str = Field(description="The reporting cycle's code")
    summary: str
    published_at: datetime | None
    is_demo: bool
    url: str
    entries: list[EntryOut] = Field(description="The coalition's status per commitment")

    @staticmethod
    def resolve_country(obj: Consolidated) -> str:
        return obj.country_id

    @staticmethod
    def resolve_cycle(obj: Consolidated) -> str:
        return obj.cycle.code

    @staticmethod
    def resolve_url(obj: Consolidated, context: dict) -> str:
        return _page_url(_request_lang(context), "commitments:consolidated", obj.pk)

    @staticmethod
    def resolve_entries(obj: Consolidated) -> list[ConsolidatedEntry]:
        prepared = getattr(obj, "api_entries", None)
        return prepared if prepared is not None else list(obj.entries.all())


class ConsolidatedDetailOut(ConsolidatedOut):
    entries: list[EntryDetailOut] = Field(
        description="The coalition's status per commitment, and its members' statuses"
    )


class ScorecardOut(Schema):
    id: int
    organisation: OrganisationRef = Field(description="The organisation that ran the exercise")
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    place_kind: PlaceKind
    place_kind_label: str
    place_name: str
    mechanism: int | None = Field(description="The mechanism of the registry scored, by id")
    held_on: date
    facilitators: str
    cycle: str | None = Field(description="The reporting cycle's code, if any")
    is_demo: bool
    url: str
    updated_at: datetime

    @staticmethod
    def resolve_country(obj: Scorecard) -> str:
        return obj.country_id

    @staticmethod
    def resolve_place_kind_label(obj: Scorecard, context: dict) -> str:
        return _label(Scorecard.PlaceKind(obj.place_kind), _request_lang(context))

    @staticmethod
    def resolve_mechanism(obj: Scorecard) -> int | None:
        mechanism = obj.mechanism
        return mechanism.pk if mechanism is not None and not mechanism.is_hidden else None

    @staticmethod
    def resolve_cycle(obj: Scorecard) -> str | None:
        return obj.cycle.code if obj.cycle_id else None

    @staticmethod
    def resolve_url(obj: Scorecard, context: dict) -> str:
        return _page_url(_request_lang(context), "commitments:scorecard", obj.pk)


class GroupOut(Schema):
    id: int
    label: str
    constituency: str | None = Field(description="A constituency code, if the group is one")
    size: int | None = Field(
        description="How many people took part; null when withheld (fewer than `threshold`)"
    )
    withheld: bool = Field(
        description="True for a group of fewer than `threshold` people: its size, scores and "
        "reasons are not published and no average counts it"
    )


class ScoreOut(Schema):
    group: int = Field(description="The participant group's id")
    score: int | None = Field(description="1–5; null when not scored or withheld")
    reasons: str | None = Field(description="null when the group is withheld")
    withheld: bool


class ItemOut(Schema):
    id: int
    indicator: str | None = Field(description="The library indicator's code, if from the library")
    text: str = Field(description="Library indicators in the language asked for (`lang`)")
    scores: list[ScoreOut] = Field(description="One per participant group, in group order")
    average: float | None = Field(
        description="Mean score of the groups shown that scored it: withheld groups never count"
    )
    groups_counted: int
    people_counted: int = Field(description="People in the groups the average counts")
    self_score: int | None = Field(description="The provider's self-assessment, 1–5")
    self_reasons: str


class ActionOut(Schema):
    id: int
    action: str
    responsible: str
    due_on: date | None
    progress: Progress
    progress_label: str
    follow_up_note: str
    is_overdue: bool
    updated_at: datetime


class ScorecardDetailOut(ScorecardOut):
    interface_outcome: str = Field(description="What the interface meeting agreed")
    threshold: int = Field(description="Groups of fewer people than this are withheld")
    groups: list[GroupOut]
    groups_withheld: int
    people_shown: int = Field(description="People in the groups shown")
    items: list[ItemOut] = Field(description="The indicators, with scores and self-assessment")
    actions: list[ActionOut] = Field(description="The action plan and its follow-up")

    @staticmethod
    def resolve_threshold(obj: Scorecard) -> int:
        return obj.api_breakdown.threshold

    @staticmethod
    def resolve_groups(obj: Scorecard) -> list[dict[str, Any]]:
        return [
            {
                "id": view.group.pk,
                "label": view.group.label,
                "constituency": view.group.constituency_id,
                "size": view.size if view.shown else None,
                "withheld": not view.shown,
            }
            for view in obj.api_breakdown.groups
        ]

    @staticmethod
    def resolve_groups_withheld(obj: Scorecard) -> int:
        return len(obj.api_breakdown.withheld)

    @staticmethod
    def resolve_people_shown(obj: Scorecard) -> int:
        return obj.api_breakdown.people_shown

    @staticmethod
    def resolve_items(obj: Scorecard, context: dict) -> list[dict[str, Any]]:
        lang = _request_lang(context)
        rows = []
        for row in obj.api_breakdown.items:
            item = row.item
            indicator = item.indicator
            rows.append(
                {
                    "id": item.pk,
                    "indicator": indicator.code if indicator is not None else None,
                    "text": item.text
                    or (_translated(indicator, "text", lang) if indicator else ""),
                    "scores": [
                        {
                            "group": cell.group.group.pk,
                            "score": cell.score if cell.shown else None,
                            "reasons": cell.reasons if cell.shown else None,
                            "withheld": not cell.shown,
                        }
                        for cell in row.cells
                    ],
                    "average": row.average,
                    "groups_counted": row.groups_counted,
                    "people_counted": row.people_counted,
                    "self_score": row.self_score,
                    "self_reasons": row.self_reasons,
                }
            )
        return rows

    @staticmethod
    def resolve_actions(obj: Scorecard, context: dict) -> list[dict[str, Any]]:
        lang = _request_lang(context)
        today = timezone.localdate()
        return [
            {
                "id": action.pk,
                "action": action.action,
                "responsible": action.responsible,
                "due_on": action.due_on,
                "progress": action.progress,
                "progress_label": _label(ActionItem.Progress(action.progress), lang),
                "follow_up_note": action.follow_up_note,
                "is_overdue": action.is_overdue(today),
                "updated_at": action.updated_at,
            }
            for action in obj.api_breakdown.actions
        ]


# --- Input schemas ------------------------------------------------------------------
class LangQuery(Schema):
    lang: str | None = Field(None, description=LANG_DESCRIPTION)


class AssessmentFilter(Schema):
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    cycle: str | None = Field(None, description="A reporting cycle's code, e.g. 2026")
    framework: str | None = Field(None, description="A framework's code, e.g. wha77")
    commitment: int | None = Field(None, ge=1, le=MAX_ID, description="A commitment's id")
    organisation: str | None = Field(None, description="The assessing organisation's slug")
    status: StatusCode | None = None
    lang: str | None = Field(None, description=LANG_DESCRIPTION)


class ConsolidatedFilter(Schema):
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    cycle: str | None = Field(None, description="A reporting cycle's code")
    coalition: str | None = Field(None, description="The coalition's slug")
    lang: str | None = Field(None, description=LANG_DESCRIPTION)


class ScorecardFilter(Schema):
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    organisation: str | None = Field(None, description="The organisation's slug")
    year: int | None = Field(None, ge=1900, le=2100, description="The year it was held")
    place_kind: PlaceKind | None = None
    cycle: str | None = Field(None, description="A reporting cycle's code")
    lang: str | None = Field(None, description=LANG_DESCRIPTION)


class EvidenceIn(InputSchema):
    """A link (``url``) or a mechanism of the registry in the same country (``mechanism``)."""

    title: str = Field(
        "", max_length=300, description="Required with a link; a mechanism's name by default"
    )
    url: str = Field("", max_length=500, description="http(s) address")
    mechanism: int | None = Field(None, ge=1, le=MAX_ID, description="A mechanism's id")

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return _clean(value)

    @field_validator("url")
    @classmethod
    def _link(cls, value: str) -> str:
        return _url(value)

    @model_validator(mode="after")
    def _something(self) -> "EvidenceIn":
        if not self.url and self.mechanism is None:
            raise ValueError("evidence needs a link (url) or a mechanism of the registry")
        if self.url and not self.title and self.mechanism is None:
            raise ValueError("give the link a title")
        return self


class CountryAssessmentIn(InputSchema):
    """An organisation's status for one commitment, in one country, for one open cycle."""

    organisation: str = Field(
        max_length=80,
        pattern=SLUG_PATTERN,
        description="Slug of the assessing organisation; the token's owner must be one of its "
        "editors or administrators",
    )
    country: str = Field(description="ISO 3166-1 alpha-2 code of a WHO Member State")
    cycle: str = Field(max_length=40, description="The reporting cycle's code; it must be open")
    commitment: int = Field(ge=1, le=MAX_ID, description="The commitment's id (see /frameworks/)")
    status: StatusCode
    narrative: str = Field("", max_length=services.MAX_NARRATIVE)
    evidence: list[EvidenceIn] = Field(
        default_factory=list, max_length=MAX_EVIDENCE, description="Links and mechanisms"
    )

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        return _country(value)

    @field_validator("narrative")
    @classmethod
    def _narrative(cls, value: str) -> str:
        return _clean(value, multiline=True)


class CountryAssessmentPatch(InputSchema):
    """A change: only the fields sent change; evidence sent is added."""

    status: StatusCode = None
    narrative: str = Field(None, max_length=services.MAX_NARRATIVE)
    evidence: list[EvidenceIn] = Field(None, max_length=MAX_EVIDENCE, description="To add")
    remove_evidence: list[int] = Field(
        None, max_length=100, description="Ids of this assessment's evidence to remove"
    )

    @field_validator("narrative")
    @classmethod
    def _narrative(cls, value: str) -> str:
        return _clean(value, multiline=True)

    @field_validator("remove_evidence")
    @classmethod
    def _ids(cls, value: list[int]) -> list[int]:
        if any(not 1 <= pk <= MAX_ID for pk in value):
            raise ValueError("evidence ids are positive integers")
        return sorted(set(value))


# --- Querysets ------------------------------------------------------------------
def _assessments() -> QuerySet[CountryAssessment]:
    """Assessments of organisations that are not hidden, as on the country pages."""
    return (
        CountryAssessment.objects.filter(organisation__hidden_at__isnull=True)
        .select_related("organisation", "cycle", "commitment__framework")
        .prefetch_related(
            "commitment__translations",
            Prefetch("evidence", queryset=Evidence.objects.select_related("mechanism")),
        )
        .order_by(
            "country_id",
            "cycle__year",
            "cycle__code",
            "commitment__framework__order",
            "commitment__framework__code",
            "commitment__number",
            "organisation__name",
            "id",
        )
    )


def _published() -> QuerySet[Consolidated]:
    entries = ConsolidatedEntry.objects.select_related("commitment__framework").prefetch_related(
        "commitment__translations"
    )
    return (
        Consolidated.objects.visible()
        .filter(state=Consolidated.State.PUBLISHED, coalition__hidden_at__isnull=True)
        .select_related("coalition", "cycle")
        .prefetch_related(Prefetch("entries", queryset=entries))
        .order_by("-published_at", "-id")
    )


def _scorecards() -> QuerySet[Scorecard]:
    """Published scorecards that are not hidden, of organisations that are not hidden."""
    return (
        scorecard_selectors.public_scorecards()
        .filter(organisation__hidden_at__isnull=True)
        .select_related("organisation", "cycle", "mechanism")
        .order_by("-held_on", "-id")
    )


def _last_modified(response: HttpResponse, qs: QuerySet) -> None:
    latest = qs.aggregate(latest=Max("updated_at"))["latest"]
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())


# --- The framework and the cycles --------------------------------------------------
country_assessments = Router(tags=["commitments"])
scorecards = Router(tags=["scorecards"])
frameworks = Router(tags=["commitments"])
cycles = Router(tags=["commitments"])
consolidated = Router(tags=["commitments"])


@frameworks.get(
    "/",
    response=list[FrameworkOut],
    summary="Commitment frameworks and their commitments",
    description="The frameworks governments are held to (resolution WHA77 on social "
    "participation, …) with each commitment's title, description and what evidence counts.",
)
def list_frameworks(request: HttpRequest, filters: Query[LangQuery]):
    return selectors.frameworks()


@frameworks.get(
    "/{code}", response={200: FrameworkOut, 404: Error}, summary="One commitment framework"
)
def get_framework(
    request: HttpRequest, filters: Query[LangQuery], code: str = Path(..., max_length=40)
):
    found = selectors.pick(selectors.frameworks(), code)
    if found is None:
        raise Http404
    return found


@cycles.get("/", response=list[CycleOut], summary="Reporting cycles, oldest first")
def list_cycles(request: HttpRequest, filters: Query[LangQuery]):
    return selectors.cycles()


# --- Country assessments ------------------------------------------------------------------
@country_assessments.get(
    "/",
    response=list[CountryAssessmentOut],
    summary="Organisations' assessments of countries' commitments",
    description="One organisation's status for one commitment in one country and cycle, with "
    "its narrative and evidence. Several organisations may assess the same commitment.",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_country_assessments(
    request: HttpRequest, response: HttpResponse, filters: Query[AssessmentFilter]
):
    qs = _assessments()
    if filters.country:
        qs = qs.filter(country_id=filters.country.strip().upper())
    if filters.cycle:
        qs = qs.filter(cycle__code=filters.cycle)
    if filters.framework:
        qs = qs.filter(commitment__framework__code=filters.framework)
    if filters.commitment:
        qs = qs.filter(commitment_id=filters.commitment)
    if filters.organisation:
        qs = qs.filter(organisation__slug=filters.organisation)
    if filters.status:
        qs = qs.filter(status=filters.status)
    _last_modified(response, qs)
    return qs


@country_assessments.get(
    "/{id}", response={200: CountryAssessmentOut, 404: Error}, summary="One country assessment"
)
def get_country_assessment(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[LangQuery],
    id: int = Path(..., ge=1, le=MAX_ID),
):
    assessment = get_object_or_404(_assessments(), pk=id)
    response["Last-Modified"] = http_date(assessment.updated_at.timestamp())
    return assessment


def _invalid(field: str, message: str, kind: str = "value_error") -> NinjaValidationError:
    return NinjaValidationError([{"type": kind, "loc": ["body", "payload", field], "msg": message}])


def _refused(error: DjangoValidationError) -> NinjaValidationError:
    """A refusal of the tracking services as the API's 422."""
    return NinjaValidationError(
        [
            {
                "type": item.code or "invalid",
                "loc": ["body", "payload", FIELD_OF_REFUSAL.get(item.code or "", "payload")],
                "msg": message,
            }
            for item in error.error_list
            for message in item.messages
        ]
    )


def _assessing_organisation(owner, slug: str) -> Organisation:
    organisation = Organisation.objects.visible().filter(slug=slug).first()
    if organisation is None:
        raise _invalid("organisation", f"no organisation has the slug {slug!r}")
    if not owner.has_perm("commitments.assess_country", organisation):
        raise AuthorizationError(
            message="Only editors and administrators of "
            f"{organisation.name!r} can record its assessments."
        )
    return organisation


def _evidence_items(items: list[EvidenceIn] | None, country: str) -> list[dict[str, Any]]:
    """The service's evidence dicts; mechanisms must be visible and in the country."""
    result = []
    for item in items or []:
        mechanism = None
        if item.mechanism is not None:
            mechanism = (
                Mechanism.objects.visible()
                .filter(pk=item.mechanism, country_id=country)
                .prefetch_related("translations")
                .first()
            )
            if mechanism is None:
                raise _invalid(
                    "evidence", f"no mechanism {item.mechanism} in the registry for {country}"
                )
        result.append({"title": item.title, "url": item.url, "mechanism": mechanism})
    return result


def _record(**kwargs: Any) -> CountryAssessment:
    """Record through the same service as the web form; its refusals become a 422.

    Its messages are in English, like the rest of the API's errors.
    """
    try:
        with override(settings.LANGUAGE_CODE):
            return services.record_assessment(**kwargs)
    except DjangoValidationError as error:
        raise _refused(error) from None


@country_assessments.post(
    "/",
    auth=token_auth,
    throttle=WRITE_THROTTLE,
    response={201: CountryAssessmentOut, 409: Error, **WRITE_RESPONSES},
    summary="Record a country assessment",
    description="Needs a token with the `commitments:write` scope whose owner is an editor or "
    "administrator of the assessing organisation. The cycle must be open (see /cycles/). An "
    "organisation has one assessment per commitment, country and cycle: if it exists, the "
    "answer is 409 with its id, and PATCH changes it. Every change is a new version in the "
    "commitment's history.",
)
def create_country_assessment(request: HttpRequest, payload: CountryAssessmentIn):
    owner = request.auth.owner
    require_scope(request.auth, Scope.COMMITMENTS_WRITE)
    organisation = _assessing_organisation(owner, payload.organisation)
    cycle = Cycle.objects.filter(code=payload.cycle).first()
    if cycle is None:
        raise _invalid("cycle", f"no reporting cycle has the code {payload.cycle[:40]!r}")
    commitment = Commitment.objects.filter(
        pk=payload.commitment, is_active=True, framework__is_active=True
    ).first()
    if commitment is None:
        raise _invalid("commitment", f"no commitment tracked has the id {payload.commitment}")
    try:
        with override(settings.LANGUAGE_CODE):
            services.ensure_open(cycle)
    except DjangoValidationError as error:
        raise _refused(error) from None
    existing = CountryAssessment.objects.filter(
        organisation=organisation, country_id=payload.country, cycle=cycle, commitment=commitment
    ).first()
    if existing is not None:
        return Status(
            409,
            {
                "detail": f"{organisation.name} has already assessed this commitment for this "
                f"country and cycle: change assessment {existing.pk} with PATCH "
                f"/api/v1/country-assessments/{existing.pk}"
            },
        )
    evidence = _evidence_items(payload.evidence, payload.country)
    assessment = _record(
        organisation=organisation,
        country=Country.objects.get(pk=payload.country),
        cycle=cycle,
        commitment=commitment,
        status=payload.status,
        narrative=payload.narrative,
        evidence=evidence,
        acting_user=owner,
    )
    return Status(201, _assessments().get(pk=assessment.pk))


@country_assessments.patch(
    "/{id}",
    auth=token_auth,
    throttle=WRITE_THROTTLE,
    response={200: CountryAssessmentOut, **WRITE_RESPONSES},
    summary="Change a country assessment",
    description="Change the status or the narrative, add evidence (links or mechanisms of the "
    "registry) or remove some. Needs a token with the `commitments:write` scope whose owner "
    "is an editor or administrator of the assessing organisation; the cycle must be open. "
    "Every change is a new version in the commitment's history.",
)
def update_country_assessment(
    request: HttpRequest, payload: CountryAssessmentPatch, id: int = Path(..., ge=1, le=MAX_ID)
):
    owner = request.auth.owner
    require_scope(request.auth, Scope.COMMITMENTS_WRITE)
    assessment = get_object_or_404(_assessments(), pk=id)
    if not owner.has_perm("commitments.assess_country", assessment.organisation):
        raise AuthorizationError(
            message="Only editors and administrators of "
            f"{assessment.organisation.name!r} can change its assessments."
        )
    remove = payload.remove_evidence or []
    if remove:
        known = {evidence.pk for evidence in assessment.evidence.all()}
        unknown = [pk for pk in remove if pk not in known]
        if unknown:
            raise _invalid(
                "remove_evidence", f"assessment {assessment.pk} has no evidence {unknown[0]}"
            )
    evidence = _evidence_items(payload.evidence, assessment.country_id)
    _record(
        organisation=assessment.organisation,
        country=assessment.country,
        cycle=assessment.cycle,
        commitment=assessment.commitment,
        status=payload.status if payload.status is not None else assessment.status,
        narrative=payload.narrative if payload.narrative is not None else assessment.narrative,
        evidence=evidence,
        remove_evidence=remove,
        acting_user=owner,
    )
    return Status(200, _assessments().get(pk=assessment.pk))


# --- Consolidated assessments ------------------------------------------------------------
@consolidated.get(
    "/",
    response=list[ConsolidatedOut],
    summary="Coalitions' published consolidated assessments, newest first",
    description="A coalition's position on a country for a cycle: its status per commitment. "
    "One assessment's page (/{id}) adds where its members agreed and differed.",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_consolidated(
    request: HttpRequest, response: HttpResponse, filters: Query[ConsolidatedFilter]
):
    qs = _published()
    if filters.country:
        qs = qs.filter(country_id=filters.country.strip().upper())
    if filters.cycle:
        qs = qs.filter(cycle__code=filters.cycle)
    if filters.coalition:
        qs = qs.filter(coalition__slug=filters.coalition)
    _last_modified(response, qs)
    return qs


@consolidated.get(
    "/{id}",
    response={200: ConsolidatedDetailOut, 404: Error},
    summary="One consolidated assessment, with its members' statuses",
)
def get_consolidated(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[LangQuery],
    id: int = Path(..., ge=1, le=MAX_ID),
):
    found = get_object_or_404(_published(), pk=id)
    entries = list(found.entries.all())
    # The members' statuses as they were at publication; hidden members are left out.
    snapshots = {
        entry.pk: {
            int(key): status
            for key, status in (entry.member_statuses or {}).items()
            if str(key).isdigit() and status in AssessmentStatus.values
        }
        for entry in entries
    }
    ids = {key for statuses in snapshots.values() for key in statuses}
    members = {o.pk: o for o in Organisation.objects.visible().filter(pk__in=ids)}
    for entry in entries:
        statuses = [
            (members[key], status) for key, status in snapshots[entry.pk].items() if key in members
        ]
        entry.api_members = sorted(statuses, key=lambda pair: sort_key(pair[0].name))
    found.api_entries = entries
    response["Last-Modified"] = http_date(found.updated_at.timestamp())
    return found


# --- Scorecards ------------------------------------------------------------------------
@scorecards.get(
    "/",
    response=list[ScorecardOut],
    summary="Published community scorecards, newest first",
    description="Community Score Card exercises. One scorecard's page (/{id}) gives its "
    "participant groups, scores, self-assessment and action plan.",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_scorecards(request: HttpRequest, response: HttpResponse, filters: Query[ScorecardFilter]):
    qs = _scorecards()
    if filters.country:
        qs = qs.filter(country_id=filters.country.strip().upper())
    if filters.organisation:
        qs = qs.filter(organisation__slug=filters.organisation)
    if filters.year:
        qs = qs.filter(held_on__year=filters.year)
    if filters.place_kind:
        qs = qs.filter(place_kind=filters.place_kind)
    if filters.cycle:
        qs = qs.filter(cycle__code=filters.cycle)
    _last_modified(response, qs)
    return qs


@scorecards.get(
    "/{id}",
    response={200: ScorecardDetailOut, 404: Error},
    summary="One community scorecard: groups, scores, self-assessment and action plan",
    description="A participant group of fewer people than `threshold` is withheld, as on the "
    "public page: `size`, its scores and reasons are null and `withheld` is true; averages "
    "count only the groups shown, so that no withheld score can be worked out from them.",
)
def get_scorecard(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[LangQuery],
    id: int = Path(..., ge=1, le=MAX_ID),
):
    scorecard = get_object_or_404(_scorecards(), pk=id)
    # The public breakdown, never the full one: small groups withheld whoever asks.
    scorecard.api_breakdown = scorecard_selectors.breakdown(scorecard, full=False)
    response["Last-Modified"] = http_date(scorecard.updated_at.timestamp())
    return scorecard


api.add_router("/frameworks/", frameworks)
api.add_router("/cycles/", cycles)
api.add_router("/country-assessments/", country_assessments)
api.add_router("/consolidated-assessments/", consolidated)
api.add_router("/scorecards/", scorecards)
