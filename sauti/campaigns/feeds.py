"""Atom feed of new campaigns, for everyone or for one country.

A reader follows the joint letters coalitions open for signatures without
giving Sauti an email address. "New" means opened for signatures: the newest
opened first. Only public campaigns appear (``Campaign.objects.public()``): a
draft or a campaign a moderator hid never does. The feed is served under the
language prefix, so its texts, dates and links are in the reader's language;
the titles are the coalitions' own, in the language they wrote them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from sauti.core.models import Country

from .models import Campaign

FEED_SIZE = 50


@dataclass(frozen=True)
class FeedScope:
    """Whose campaigns: every country's, or one country's (``by_path``: from the URL's path)."""

    country: Country | None = None
    by_path: bool = False


def _country(code: str) -> Country:
    code = code.strip().upper()
    country = None
    if len(code) == 2 and code.isascii() and code.isalpha():
        country = Country.objects.filter(pk=code).first()
    if country is None:
        # An unknown country is said at once, rather than a feed that stays empty forever.
        raise Http404(_("No such country."))
    return country


def summary(campaign: Campaign) -> str:
    """Where the campaign stands, in plain text: state and deadline, coalition, country."""
    sentences = []
    if campaign.state == Campaign.State.OPEN and not campaign.is_open:
        sentences.append(_("The deadline for signatures has passed."))
    elif campaign.state == Campaign.State.OPEN and campaign.deadline is not None:
        deadline = formats.date_format(timezone.localtime(campaign.deadline), "DATETIME_FORMAT")
        sentences.append(_("Open for signatures until %(deadline)s.") % {"deadline": deadline})
    elif campaign.state == Campaign.State.OPEN:
        sentences.append(_("Open for signatures, without a deadline."))
    else:
        sentences.append(_("Status: %(state)s.") % {"state": campaign.get_state_display()})
    sentences.append(_("Coalition: %(coalition)s.") % {"coalition": campaign.coalition.name})
    if campaign.country_id:
        sentences.append(_("Country: %(country)s.") % {"country": campaign.country.name})
    return " ".join(sentences)


class CampaignFeed(Feed):
    """New campaigns, newest opened first; ``?country=KE`` or ``countries/ke/`` for one country."""

    feed_type = Atom1Feed
    item_guid_is_permalink = False
    # No ``language`` here: Django reads the attribute as is (a method would be written out
    # as its repr) and, left None, takes the active language, the one of the URL's prefix.

    def get_object(self, request: HttpRequest, code: str | None = None) -> FeedScope:
        if code is not None:
            return FeedScope(_country(code), by_path=True)
        wanted = request.GET.get("country", "")
        return FeedScope(_country(wanted) if wanted.strip() else None)

    def title(self, scope: FeedScope) -> str:
        if scope.country is not None:
            return _("Campaigns in %(country)s · Sauti") % {"country": scope.country.name}
        return _("Campaigns · Sauti")

    def subtitle(self, scope: FeedScope) -> str:
        return _("New joint letters that coalitions open for organisations and people to sign.")

    def link(self, scope: FeedScope) -> str:
        link = reverse("campaigns:list")
        if scope.country is not None:
            link += "?" + urlencode({"country": scope.country.code})
        return link

    def feed_url(self, scope: FeedScope) -> str:
        if scope.by_path and scope.country is not None:
            return reverse("campaigns:country_feed", args=[scope.country.code.lower()])
        url = reverse("campaigns:feed")
        if scope.country is not None:
            url += "?" + urlencode({"country": scope.country.code})
        return url

    def items(self, scope: FeedScope) -> list[Campaign]:
        campaigns = Campaign.objects.public().select_related("coalition", "country")
        if scope.country is not None:
            campaigns = campaigns.filter(country=scope.country)
        return list(
            campaigns.order_by(F("opened_at").desc(nulls_last=True), "-created_at", "-id")[
                :FEED_SIZE
            ]
        )

    def item_title(self, item: Campaign) -> str:
        # Plain text: the feed writer escapes it once, as Atom's text titles need.
        return item.title

    def item_description(self, item: Campaign) -> str:
        # Atom's summary is HTML: the plain-text summary (user text in it) is escaped here.
        return escape(summary(item))

    def item_link(self, item: Campaign) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Campaign) -> str:
        return f"urn:uuid:{item.uid}"

    def item_author_name(self, item: Campaign) -> str:
        return item.coalition.name

    def item_pubdate(self, item: Campaign) -> datetime | None:
        return item.opened_at or item.created_at

    def item_updateddate(self, item: Campaign) -> datetime | None:
        return item.updated_at
