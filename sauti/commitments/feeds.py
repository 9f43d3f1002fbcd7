"""Atom feed of the consolidated assessments coalitions publish for a country."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from sauti.core.models import Country

from .models import Consolidated

FEED_SIZE = 30


class CountryConsolidatedFeed(Feed):
    """Newest first; readers follow a country without giving Sauti an email address."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, code: str) -> Country:
        return get_object_or_404(Country, code=code.upper())

    def title(self, country: Country) -> str:
        return _("Consolidated assessments for %(country)s · Sauti") % {"country": country.name}

    def subtitle(self, country: Country) -> str:
        return _(
            "What civil-society coalitions conclude, as they publish it, about the progress "
            "of %(country)s on its commitments."
        ) % {"country": country.name}

    def link(self, country: Country) -> str:
        return reverse("commitments:country", args=[country.code.lower()])

    def feed_url(self, country: Country) -> str:
        return reverse("commitments:country_feed", args=[country.code.lower()])

    def items(self, country: Country) -> list[Consolidated]:
        return list(
            Consolidated.objects.visible()
            .filter(
                country=country,
                state=Consolidated.State.PUBLISHED,
                coalition__hidden_at__isnull=True,
            )
            .select_related("coalition", "cycle", "country")
            .prefetch_related("cycle__translations")
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item: Consolidated) -> str:
        return _("%(coalition)s: %(country)s, %(cycle)s") % {
            "coalition": item.coalition.name,
            "country": item.country.name,
            "cycle": item.cycle,
        }

    def item_description(self, item: Consolidated) -> str:
        # Atom's summary is HTML: the plain text of the summary is escaped once here.
        return escape(item.summary) or escape(
            _("%(coalition)s published its assessment.") % {"coalition": item.coalition.name}
        )

    def item_link(self, item: Consolidated) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Consolidated) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Consolidated) -> datetime | None:
        return item.updated_at

    def item_author_name(self, item: Consolidated) -> str:
        return item.coalition.name
