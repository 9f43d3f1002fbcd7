"""The public read API, version 1, described by OpenAPI 3 at ``/api/v1/openapi.json``.

Only public data. Lists are paginated; every response carries an ETag (from
Django's ConditionalGetMiddleware) and lists of organisations a Last-Modified,
so clients on slow connections can revalidate for the price of a 304.
"""

from datetime import datetime
from functools import partial

from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.utils.translation import override
from ninja import Field, NinjaAPI, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.throttling import AnonRateThrottle

from sauti.accounts.models import Organisation
from sauti.accounts.selectors import OrganisationDirectory
from sauti.core.i18n import country_name
from sauti.core.models import Country, Region

from .auth import TokenRejected, token_rejected_response
from .docs import SelfHostedSwagger

LICENCE_NOTE = (
    "Content is published under the Creative Commons Attribution 4.0 licence (CC BY 4.0): "
    "https://creativecommons.org/licenses/by/4.0/"
)

api = NinjaAPI(
    title="Sauti API",
    version="1.0.0",
    description=(
        "Public data of Sauti: WHO Member States and regions, the directory of "
        "civil-society organisations, the registry of participation mechanisms with "
        "their assessments, and the tracking of governments' commitments: the commitment "
        "frameworks (resolution WHA77 on social participation, …) and reporting cycles, "
        "organisations' country assessments with their evidence, coalitions' consolidated "
        "assessments, and community scorecards (a participant group smaller than the "
        "disclosure threshold is withheld: no size, scores or reasons), the advocacy "
        "calendar of opportunities to engage, and coalitions' joint-letter campaigns with "
        "their public lists of signatories. Names, titles and "
        "labels are given in the language chosen with `lang` (en, fr, es, pt, ar, ru, "
        "zh-hans). Reading needs no account. Recording, changing and assessing mechanisms, "
        "recording country assessments, and proposing and editing opportunities on the "
        "calendar, needs an API token (`Authorization: Bearer <token>`, created under My "
        "account → API tokens, with the `mechanisms:write`, `commitments:write` or "
        "`calendar:write` scope) and acts as its owner. " + LICENCE_NOTE
    ),
    urls_namespace="api",
    docs=SelfHostedSwagger(),
    docs_url="/docs/",
    openapi_extra={
        "info": {
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
        }
    },
    throttle=[AnonRateThrottle("600/m")],
)

LANG_CODES = [code for code, _name in settings.LANGUAGES]


class Error(Schema):
    detail: str


class RegionOut(Schema):
    code: str
    name: str
    countries: int


class CountryOut(Schema):
    code: str
    alpha3: str
    numeric: str
    name: str
    region: str
    url: str

    @staticmethod
    def resolve_name(obj: Country, context: dict) -> str:
        return country_name(obj.code, _lang(context["request"].GET.get("lang")))

    @staticmethod
    def resolve_region(obj: Country) -> str:
        return obj.region_id

    @staticmethod
    def resolve_url(obj: Country, context: dict) -> str:
        lang = _lang(context["request"].GET.get("lang"))
        return f"{settings.SITE_URL}/{lang}/countries/{obj.code.lower()}/"


class OrganisationOut(Schema):
    slug: str
    name: str
    acronym: str
    type: str
    level: str
    country: str | None
    countries: list[str]
    regions: list[str]
    constituencies: list[str]
    website: str
    description: str
    description_language: str
    url: str
    updated_at: datetime

    @staticmethod
    def resolve_type(obj: Organisation) -> str:
        return obj.kind

    @staticmethod
    def resolve_country(obj: Organisation) -> str | None:
        return obj.country_id

    @staticmethod
    def resolve_countries(obj: Organisation) -> list[str]:
        return [c.code for c in obj.countries.all()]

    @staticmethod
    def resolve_regions(obj: Organisation) -> list[str]:
        return [r.code for r in obj.regions.all()]

    @staticmethod
    def resolve_constituencies(obj: Organisation) -> list[str]:
        return [c.code for c in obj.constituencies.all()]

    @staticmethod
    def resolve_description(obj: Organisation) -> str:
        return obj.safe_translation_getter(
            "description", language_code=obj.original_language, default=""
        )

    @staticmethod
    def resolve_description_language(obj: Organisation) -> str:
        return obj.original_language

    @staticmethod
    def resolve_url(obj: Organisation) -> str:
        return settings.SITE_URL + obj.get_absolute_url()


class OrganisationFilter(Schema):
    q: str | None = None
    country: str | None = None
    region: str | None = None
    type: str | None = None
    level: str | None = None
    constituency: str | None = None


class BoundedPageNumberPagination(PageNumberPagination):
    """Page-number pagination that refuses absurd page numbers with a 422.

    Without a bound, ``?page=887623268178805653504`` overflows the database's
    64-bit OFFSET and the request ends in a 500.
    """

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1)


def _lang(lang: str | None) -> str:
    return lang if lang in LANG_CODES else settings.LANGUAGE_CODE


regions = Router(tags=["countries"])
countries = Router(tags=["countries"])
organisations = Router(tags=["organisations"])


@regions.get("/", response=list[RegionOut], summary="The six WHO regions")
def list_regions(request: HttpRequest, lang: str | None = None):
    with override(_lang(lang)):
        return [
            {"code": r.code, "name": r.name, "countries": r.countries.count()}
            for r in Region.objects.all()
        ]


@countries.get("/", response=list[CountryOut], summary="WHO Member States")
@paginate(BoundedPageNumberPagination, page_size=50)
def list_countries(request: HttpRequest, region: str | None = None, lang: str | None = None):
    qs = Country.objects.all()
    if region:
        qs = qs.filter(region_id=region.upper())
    return qs


@countries.get("/{code}", response={200: CountryOut, 404: Error}, summary="One country")
def get_country(request: HttpRequest, code: str, lang: str | None = None):
    # The exact code: trimming "AUT" (Austria) to "AU" would answer with Australia.
    country = get_object_or_404(Country, code=code.upper())
    return country


@organisations.get("/", response=list[OrganisationOut], summary="The directory of organisations")
@paginate(BoundedPageNumberPagination, page_size=50)
def list_organisations(
    request: HttpRequest, response: HttpResponse, filters: Query[OrganisationFilter]
):
    params = request.GET.copy()
    if filters.type:
        params["kind"] = filters.type
    qs = (
        OrganisationDirectory(params)
        .queryset()
        .prefetch_related("countries", "regions", "constituencies", "translations")
    )
    latest = qs.aggregate(latest=Max("updated_at"))["latest"]
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    return qs


@organisations.get(
    "/{slug}", response={200: OrganisationOut, 404: Error}, summary="One organisation"
)
def get_organisation(request: HttpRequest, response: HttpResponse, slug: str):
    org = get_object_or_404(Organisation.objects.visible(), slug=slug)
    response["Last-Modified"] = http_date(org.updated_at.timestamp())
    return org


api.add_router("/regions/", regions)
api.add_router("/countries/", countries)
api.add_router("/organisations/", organisations)

# Token errors say what is wrong, with the WWW-Authenticate header a 401 needs.
api.add_exception_handler(TokenRejected, partial(token_rejected_response, api=api))

# The registry of mechanisms, the tracking of commitments (frameworks, country
# assessments, consolidated assessments, scorecards), the calendar and the campaigns
# register their own routers: they use the classes above.
from . import campaigns, commitments, mechanisms, monitoring, opportunities  # noqa: E402, F401
