"""/api/v1/monitoring/: community-led monitoring projects and their public aggregates.

Read-only. The public endpoints show what a project's public dashboard shows and
nothing more: only projects whose dashboard is published (and that no moderator
hid; anything else is a 404, as for an id that does not exist), their sites
with coordinates rounded to the project's public precision, their forms (no
XML), and the *public* indicators after disclosure control
(``sauti.monitoring.indicators.compute`` with the project's ``k``): a group
resting on fewer than ``k`` respondents, or withheld so that such a group
cannot be recovered by subtraction, has no count and no value, only the reason.

Raw submissions are never public: ``/projects/{id}/submissions`` needs an API
token (``Authorization: Bearer …``; no scope exists for reading private data
yet, so any valid token) whose owner may read the project's submissions
(``monitoring.view_submissions``: coordinators and analysts). For anyone else
the project is a 404, published or not, so that a token does not reveal which
unpublished projects exist. Each read is recorded in the audit log, as the
exports are.

This module registers its router with the API itself (see the end), like the
other parts of the API.
"""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal
from uuid import UUID

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import override
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from sauti.core.models import MAX_ID
from sauti.core.services import log_action
from sauti.monitoring import indicators
from sauti.monitoring.disclosure import COMPLEMENT, SMALL_GROUP, Figure
from sauti.monitoring.models import Form, FormVersion, Indicator, Project, Site, Submission
from sauti.monitoring.selectors_public import coarse, public_indicators

from .api import BoundedPageNumberPagination, Error, api
from .auth import TokenRateThrottle, token_auth

SiteKind = Literal[tuple(Site.Kind.values)]
IndicatorKind = Literal[tuple(Indicator.Kind.values)]
GroupBy = Literal[tuple(Indicator.GroupBy.values)]
TargetDirection = Literal[tuple(Indicator.TargetDirection.values)]
SubmissionStatus = Literal[tuple(Submission.Status.values)]
Withheld = Literal["small", "complement"]
WITHHELD = {SMALL_GROUP: "small", COMPLEMENT: "complement"}
# Shares and means as decimals: more digits would only suggest a precision the data lacks.
DIGITS = 4
PRIVATE_THROTTLE = [TokenRateThrottle("120/m")]


# --- Output schemas ----------------------------------------------------------------


class MonitoringOrganisationRef(Schema):
    slug: str = Field(description="The organisation's address in /organisations/{slug}")
    name: str


class MonitoringPeriodOut(Schema):
    starts_on: date | None
    ends_on: date | None


class MonitoringProjectOut(Schema):
    id: int
    title: str = Field(description="As the organisation wrote it, in its own language")
    description: str
    organisation: MonitoringOrganisationRef
    countries: list[str] = Field(description="ISO 3166-1 alpha-2 codes")
    period: MonitoringPeriodOut = Field(description="The period monitored")
    k: int = Field(
        description="The smallest group published: a figure resting on fewer respondents is "
        "withheld (never below 5)"
    )
    coordinate_decimals: int = Field(
        description="Site coordinates are rounded to this many decimals (1: about 10 km)"
    )
    url: str = Field(description="The project's public dashboard")
    is_demo: bool = Field(description="An example made for demonstrations, not real data")
    published_at: datetime | None

    @staticmethod
    def resolve_countries(obj: Project) -> list[str]:
        return sorted(country.code for country in obj.countries.all())

    @staticmethod
    def resolve_period(obj: Project) -> dict[str, date | None]:
        return {"starts_on": obj.starts_on, "ends_on": obj.ends_on}

    @staticmethod
    def resolve_k(obj: Project) -> int:
        return obj.k

    @staticmethod
    def resolve_coordinate_decimals(obj: Project) -> int:
        return obj.public_coordinate_decimals

    @staticmethod
    def resolve_url(obj: Project) -> str:
        return public_url(obj)


class MonitoringSiteOut(Schema):
    id: int
    name: str
    kind: SiteKind
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    area: str
    latitude: float | None = Field(description="Rounded to the project's public precision")
    longitude: float | None = Field(description="Rounded to the project's public precision")


class MonitoringFormOut(Schema):
    form_id: str = Field(description="The form's ID, as phones know it")
    title: str
    open: bool = Field(description="Whether the form accepts submissions")
    version: str | None = Field(description="The current version; none before the first upload")

    @staticmethod
    def resolve_open(obj: Form) -> bool:
        return obj.is_open

    @staticmethod
    def resolve_version(obj: Form) -> str | None:
        current = list(obj.versions.all())  # prefetched: the current version only
        return current[0].version if current else None


class MonitoringFigureOut(Schema):
    respondents: int | None = Field(
        description="The respondents the figure rests on; `null` when withheld"
    )
    value: float | int | None = Field(
        description="A count, a share (0 to 1) or a mean; `null` when withheld"
    )
    withheld: Withheld | None = Field(
        description="`small`: fewer than k respondents; `complement`: withheld so that a "
        "small group cannot be worked out from the others and the total; `null`: published"
    )


class MonitoringGroupOut(MonitoringFigureOut):
    label: str = Field(description="The site, area or quarter")


class MonitoringAggregateOut(Schema):
    id: int
    title: str
    kind: IndicatorKind = Field(
        description="`count` of submissions, `share` of those answering `field` whose answer "
        "is `answer`, or `mean` of the numeric answers to `field`"
    )
    field: str = Field(description="The question (its path in the form)")
    answer: str = Field(description="For a share, the answer counted")
    form_id: str
    group_by: GroupBy
    target: float | None = Field(description="For a share, a percentage (80 means 80 %)")
    target_direction: TargetDirection
    k: int
    pending: bool = Field(
        description="`true` while the server is still computing this indicator's figures "
        "(just after its definition changed on a large project): no group, no total yet"
    )
    groups: list[MonitoringGroupOut]
    total: MonitoringFigureOut


class MonitoringSubmissionOut(Schema):
    uid: UUID
    instance_id: str
    form_id: str
    version: str
    status: SubmissionStatus
    is_current: bool = Field(description="`false` once an edit replaced it")
    site: int | None = Field(description="The site's id, see /projects/{id}/sites")
    received_at: datetime
    collected_on: date | None
    data: dict[str, Any] = Field(description="The answers, by question path")

    @staticmethod
    def resolve_form_id(obj: Submission) -> str:
        return obj.form_version.form.form_id

    @staticmethod
    def resolve_version(obj: Submission) -> str:
        return obj.form_version.version

    @staticmethod
    def resolve_site(obj: Submission) -> int | None:
        return obj.site_id


class MonitoringSubmissionFilter(Schema):
    status: SubmissionStatus | None = None
    form_id: str | None = Field(None, max_length=100)


# --- Helpers ---------------------------------------------------------------------------


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def public_url(project: Project) -> str:
    """The public dashboard's address, in the default language (not the client's)."""
    with override(settings.LANGUAGE_CODE):
        try:
            path = reverse("monitoring:public_dashboard", args=[project.pk])
        except NoReverseMatch:  # the public dashboard's URLs are not included yet
            path = f"/{settings.LANGUAGE_CODE}/monitoring/{project.pk}/public/"
    return settings.SITE_URL + path


def _number(value: Any) -> float | int | None:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, Fraction | Decimal | float):
        return round(float(value), DIGITS)
    return None


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "respondents": figure.shown_count,
        "value": _number(figure.shown_value),
        "withheld": WITHHELD.get(figure.withheld_as) if figure.withheld_as else None,
    }


def _published() -> QuerySet[Project]:
    return (
        Project.objects.visible()
        .filter(is_published=True)
        .select_related("organisation")
        .prefetch_related("countries")
    )


def _published_project(pk: int) -> Project:
    project = _published().filter(pk=pk).first()
    if project is None:
        raise Http404
    return project


# --- Endpoints -------------------------------------------------------------------------

monitoring = Router(tags=["monitoring"])
ProjectId = Path(..., ge=1, le=MAX_ID)


@monitoring.get(
    "/projects/",
    response=list[MonitoringProjectOut],
    summary="Monitoring projects with a public dashboard",
    description="Projects whose organisation published the dashboard, newest first.",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_projects(request: HttpRequest):
    return _published()


@monitoring.get(
    "/projects/{id}",
    response={200: MonitoringProjectOut, 404: Error},
    summary="One monitoring project",
    description="A project whose dashboard is not published is not found.",
)
def get_project(request: HttpRequest, id: int = ProjectId):
    return _published_project(id)


@monitoring.get(
    "/projects/{id}/sites",
    response={200: list[MonitoringSiteOut], 404: Error},
    summary="The sites a project monitors",
    description="Health facilities and communities. Coordinates are rounded to the project's "
    "public precision (`coordinate_decimals`).",
)
@paginate(BoundedPageNumberPagination, page_size=100)
def list_sites(request: HttpRequest, id: int = ProjectId):
    project = _published_project(id)
    decimals = project.public_coordinate_decimals
    return [
        {
            "id": site.pk,
            "name": site.name,
            "kind": site.kind,
            "country": site.country_id,
            "area": site.area,
            "latitude": _float(coarse(site.latitude, decimals)),
            "longitude": _float(coarse(site.longitude, decimals)),
        }
        for site in project.sites.order_by("name", "id")
    ]


@monitoring.get(
    "/projects/{id}/forms",
    response={200: list[MonitoringFormOut], 404: Error},
    summary="A project's forms",
    description="The questionnaires and their current versions (phones download the XForms "
    "through OpenRosa, with a collector's credentials).",
)
def list_forms(request: HttpRequest, id: int = ProjectId):
    project = _published_project(id)
    return project.forms.prefetch_related(
        Prefetch("versions", queryset=FormVersion.objects.filter(is_current=True).only("version"))
    ).order_by("title", "id")


@monitoring.get(
    "/projects/{id}/aggregates",
    response={200: list[MonitoringAggregateOut], 404: Error},
    summary="A project's public indicators, after disclosure control",
    description="Each public indicator by its groups (sites, areas or quarters) and in total. "
    "A figure resting on fewer than `k` respondents is withheld (`withheld: small`), and so "
    "is any figure from which it could be worked out (`withheld: complement`): a withheld "
    "figure has `null` respondents and value. Only approved submissions count.",
)
def list_aggregates(request: HttpRequest, id: int = ProjectId) -> list[dict[str, Any]]:
    project = _published_project(id)
    k = project.k
    answer = []
    for indicator in public_indicators(project):  # one spatial level: see selectors_public
        result = indicators.compute(indicator, k=k)
        answer.append(
            {
                "id": indicator.pk,
                "title": indicator.title,
                "kind": indicator.kind,
                "field": indicator.field,
                "answer": indicator.value,
                "form_id": indicator.form.form_id,
                "group_by": indicator.group_by,
                "target": None if indicator.target is None else float(indicator.target),
                "target_direction": indicator.target_direction,
                "k": k,
                "groups": [
                    {"label": group.label, **_figure(group.figure)} for group in result.groups
                ],
                "total": _figure(result.total),
                "pending": result.pending,
            }
        )
    return answer


@monitoring.get(
    "/projects/{id}/submissions",
    auth=token_auth,
    throttle=PRIVATE_THROTTLE,
    response={200: list[MonitoringSubmissionOut], 401: Error, 404: Error},
    summary="A project's submissions, as received (team only)",
    description="Needs an API token whose owner is a coordinator or an analyst of the project; "
    "for anyone else the project is not found. Newest first, with every answer: personal "
    "data, to be kept as the project's data protection rules say. Each read is recorded.",
)
@paginate(BoundedPageNumberPagination, page_size=100)
def list_submissions(
    request: HttpRequest, filters: Query[MonitoringSubmissionFilter], id: int = ProjectId
) -> QuerySet[Submission]:
    project = Project.objects.visible().filter(pk=id).first()
    if project is None or not request.user.has_perm("monitoring.view_submissions", project):
        raise Http404
    log_action(
        "monitoring.api_read_submissions",
        acting_user=request.user,
        target=project,
        data={"token": request.auth.prefix, "page": request.GET.get("page", "1")[:20]},
    )
    submissions = project.submissions.select_related("form_version__form")
    if filters.status:
        submissions = submissions.filter(status=filters.status)
    if filters.form_id:
        submissions = submissions.filter(form_version__form__form_id=filters.form_id)
    return submissions.order_by("-received_at", "-id")


api.add_router("/monitoring/", monitoring)
