"""Atom feed of the calendar, with the same filters as the list."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import Opportunity
from .selectors import OpportunitySearch

FEED_SIZE = 50


class OpportunityFeed(Feed):
    """Coming opportunities, soonest first."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> OpportunitySearch:
        return OpportunitySearch.from_query(request.GET)

    def title(self, search: OpportunitySearch) -> str:
        return _("Advocacy calendar · Sauti")

    def subtitle(self, search: OpportunitySearch) -> str:
        return _("Coming moments where civil society can make itself heard on health.")

    def link(self, search: OpportunitySearch) -> str:
        query = search.query()
        return reverse("opportunities:list") + (f"?{query}" if query else "")

    def items(self, search: OpportunitySearch) -> list[Opportunity]:
        return list(search.results()[:FEED_SIZE])

    def item_title(self, item: Opportunity) -> str:
        title = item.safe_translation_getter("title", any_language=True) or ""
        if item.is_cancelled:
            return _("Cancelled: %(title)s") % {"title": title}
        return title

    def item_description(self, item: Opportunity) -> str:
        return escape(item.safe_translation_getter("description", any_language=True) or "")

    def item_link(self, item: Opportunity) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Opportunity) -> str:
        return f"urn:uuid:{item.uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Opportunity) -> datetime | None:
        return item.published_at or item.created_at

    def item_updateddate(self, item: Opportunity) -> datetime | None:
        return item.updated_at
