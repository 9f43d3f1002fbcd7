"""/api/v1/campaigns/: coalitions' joint letters and their public lists of signatories.

Read-only and anonymous. A campaign is public once it leaves the draft and as
long as no moderator hid it (``Campaign.objects.public()``); a draft or a hidden
campaign is a 404, the same answer as for an id that does not exist, so that
nobody learns it is there. The letters are given as the public page shows them
(``sauti.campaigns.letters``: addressed to the first addressee, dated the day
they were sent or today); addressees without their email addresses.

The list of signatories is the public page's, no more: signatures that count
(confirmed, approved by the organisation where needed, neither held nor
removed); every organisation by its name, a person's name and role only where
they chose to show them, individuals who did not counted apart, and never an
email address. The signatures that do not count are not counted either.

This module registers its router with the API itself (see the end), like the
other parts of the API.
"""

from datetime import UTC, date, datetime
from typing import Any, Literal

from django.conf import settings
from django.db.models import Count, IntegerField, Max, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import override
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import field_validator

from sauti.campaigns import letters as final_letters
from sauti.campaigns import signatories
from sauti.campaigns.models import Addressee, Campaign, Letter, Signature
from sauti.core.models import MAX_ID

from .api import LANG_CODES, BoundedPageNumberPagination, Error, api
from .mechanisms import SLUG_PATTERN

Language = Literal[tuple(LANG_CODES)]
PublicState = Literal[
    tuple(value for value in Campaign.State.values if value != Campaign.State.DRAFT)
]
SignersCode = Literal[tuple(Campaign.Signers.values)]
SignatureKind = Literal[tuple(Signature.Kind.values)]
COUNTRY_PATTERN = r"^[A-Za-z]{2}$"
SIGNATORIES_PAGE_SIZE = signatories.PAGE_SIZE
# ninja's own ceiling for page sizes (NINJA_MAX_PER_PAGE_SIZE), the same for every list.
MAX_PAGE_SIZE = 100


# --- Output schemas ----------------------------------------------------------------


class CoalitionRef(Schema):
    id: int
    slug: str = Field(description="The coalition's address in /organisations/{slug}")
    name: str


class LetterOut(Schema):
    language: Language
    subject: str
    body: str = Field(
        description="The final text as the public page shows it, in the letters' plain-text "
        "markup: paragraphs separated by a blank line, `*emphasis*`, lines starting with `- ` "
        "for lists. Addressed to the first addressee (each gets a copy addressed to them) and "
        "dated the day it was sent, or today until then."
    )


class AddresseeOut(Schema):
    name: str
    title: str
    institution: str


class CampaignOut(Schema):
    id: int
    url: str = Field(description="The campaign's web page")
    title: str = Field(description="As the coalition wrote it, in its own language")
    coalition: CoalitionRef
    country: str | None = Field(
        description="ISO 3166-1 alpha-2 code; none for a campaign that is not about one country"
    )
    state: PublicState = Field(
        description="`open` for signatures, `closed`, `sent` to the addressees, or `responded` "
        "(the addressees' response is recorded)"
    )
    signers: SignersCode = Field(description="Who may sign")
    deadline: datetime | None = Field(description="Deadline for signatures, if any")
    opened_at: datetime | None
    closed_at: datetime | None
    sent_at: datetime | None
    response_date: date | None
    response_text: str = Field(description="The response received, as the coalition recorded it")
    signatory_count: int = Field(
        description="Signatures that count (confirmed and, for an organisation registered on "
        "Sauti, approved by it), named or not"
    )
    letters: list[LetterOut] = Field(description="The letter, in each language it is written in")
    addressees: list[AddresseeOut]
    is_demo: bool = Field(description="An example made for demonstrations, not a real campaign")
    updated_at: datetime

    @staticmethod
    def resolve_url(obj: Campaign) -> str:
        # The default language's address: the answer must not depend on Accept-Language.
        with override(settings.LANGUAGE_CODE):
            return settings.SITE_URL + reverse("campaigns:detail", args=[obj.pk])

    @staticmethod
    def resolve_country(obj: Campaign) -> str | None:
        return obj.country_id

    @staticmethod
    def resolve_signatory_count(obj: Campaign) -> int:
        return getattr(obj, "api_signatory_count", None) or 0

    @staticmethod
    def resolve_letters(obj: Campaign) -> list[dict[str, str]]:
        addressee = final_letters.first_addressee(obj)
        return [
            {
                "language": letter.language,
                "subject": final_letters.final_subject(letter, addressee),
                "body": final_letters.final_body(letter, addressee),
            }
            for letter in obj.letters.all()
        ]

    @staticmethod
    def resolve_addressees(obj: Campaign) -> list[Addressee]:
        return list(obj.addressees.all())


class SignatoryOut(Schema):
    kind: SignatureKind = Field(description="Signed on behalf of an organisation, or as a person")
    organisation: str | None = Field(description="The organisation's name (organisations only)")
    country: str | None = Field(description="ISO 3166-1 alpha-2 code, if the signer gave one")
    name: str | None = Field(
        description="The person's name, only if they chose to show it (`null` otherwise)"
    )
    role: str | None = Field(
        description="The person's role, only if they chose to show their name (`null` otherwise)"
    )

    @staticmethod
    def resolve_organisation(obj: Signature) -> str | None:
        return obj.organisation_name if obj.kind == Signature.Kind.ORGANISATION else None

    @staticmethod
    def resolve_country(obj: Signature) -> str | None:
        return obj.country_id

    @staticmethod
    def resolve_name(obj: Signature) -> str | None:
        return obj.name if obj.show_name else None

    @staticmethod
    def resolve_role(obj: Signature) -> str | None:
        return obj.role if obj.show_name else None


class SignatoryPage(Schema):
    count: int = Field(description="Signatories listed (on every page together)")
    total: int = Field(description="Signatures that count, listed or not")
    unnamed: int = Field(
        description="People who signed as individuals without showing their name: they count "
        "in `total` and are not listed"
    )
    items: list[SignatoryOut]


# --- Input schemas ----------------------------------------------------------------


class CampaignFilter(Schema):
    country: str | None = Field(
        None, pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-2 code, e.g. KE"
    )
    state: PublicState | None = None
    coalition: str | None = Field(
        None, max_length=80, pattern=SLUG_PATTERN, description="The coalition's slug"
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


class SignatoryPageQuery(Schema):
    page: int = Field(1, ge=1, le=1_000_000)
    page_size: int = Field(SIGNATORIES_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


# --- Reads ------------------------------------------------------------------------------


def _with_api_data(queryset: QuerySet[Campaign]) -> QuerySet[Campaign]:
    """Everything the answer shows, in a fixed number of queries whatever the page size."""
    counted = (
        Signature.objects.filter(campaign=OuterRef("pk"))
        .counted()
        .order_by()
        .values("campaign")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        queryset.select_related("coalition")
        .annotate(
            api_signatory_count=Coalesce(
                Subquery(counted, output_field=IntegerField()), 0, output_field=IntegerField()
            )
        )
        .prefetch_related(
            Prefetch("letters", queryset=Letter.objects.order_by("id")),
            Prefetch("addressees", queryset=Addressee.objects.order_by("id")),
        )
    )


def _public_campaign(pk: int) -> Campaign:
    campaign = Campaign.objects.public().filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


def _last_modified(response: HttpResponse, qs: QuerySet[Campaign]) -> None:
    latest = qs.aggregate(latest=Max("updated_at"))["latest"]
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())


# --- Endpoints -------------------------------------------------------------------------

campaigns = Router(tags=["campaigns"])


@campaigns.get(
    "/",
    response=list[CampaignOut],
    summary="Campaigns",
    description="Coalitions' joint letters that are open for signatures, closed, sent or "
    "answered (never drafts), newest first, as on the web list. A client that keeps a copy "
    "asks for what changed with `updated_since`.",
)
@paginate(BoundedPageNumberPagination, page_size=50)
def list_campaigns(request: HttpRequest, response: HttpResponse, filters: Query[CampaignFilter]):
    qs = Campaign.objects.public()
    if filters.country:
        qs = qs.filter(country_id=filters.country.upper())
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.coalition:
        qs = qs.filter(coalition__slug=filters.coalition)
    if filters.updated_since is not None:
        qs = qs.filter(updated_at__gte=filters.updated_since)
    _last_modified(response, qs)
    return _with_api_data(qs.order_by("-created_at", "-id"))


@campaigns.get(
    "/{id}",
    response={200: CampaignOut, 404: Error},
    summary="One campaign",
    description="A draft, or a campaign a moderator hid, is not found.",
)
def get_campaign(
    request: HttpRequest, response: HttpResponse, id: int = Path(..., ge=1, le=MAX_ID)
):
    campaign = _public_campaign(id)
    response["Last-Modified"] = http_date(campaign.updated_at.timestamp())
    return _with_api_data(Campaign.objects.filter(pk=campaign.pk)).get()


@campaigns.get(
    "/{id}/signatories",
    response={200: SignatoryPage, 404: Error},
    summary="The public list of a campaign's signatories",
    description="What the campaign's page lists, in its order (by country, then organisations "
    "before individuals, then by name): every organisation whose signature counts, and the "
    "individuals who chose to show their name. A person's name and role are given only if "
    "they chose to show them. Individuals who did not are counted in `unnamed`.",
)
def list_signatories(
    request: HttpRequest,
    query: Query[SignatoryPageQuery],
    id: int = Path(..., ge=1, le=MAX_ID),
) -> dict[str, Any]:
    campaign = _public_campaign(id)
    listed = signatories.listed(campaign)
    count = listed.count()
    offset = (query.page - 1) * query.page_size
    # Past the last page: an empty page, as the other lists of the API answer.
    items = list(listed[offset : offset + query.page_size]) if offset < count else []
    total = signatories.count(campaign)
    return {"count": count, "total": total, "unnamed": max(total - count, 0), "items": items}


api.add_router("/campaigns/", campaigns)
