from __future__ import annotations

from datetime import date
from typing import Any

from sauti.core.models import Country
from sauti.opportunities.models import Opportunity
from sauti.opportunities.schedule import build_schedule


def make_opportunity(
    *,
    title: str = "Budget hearing",
    state: str = "published",
    created_by: Any = None,
    start: date = date(2030, 3, 10),
    country: str = "KE",
    **extra: Any,
) -> Opportunity:
    schedule = build_schedule(start_date=start)
    opportunity = Opportunity(
        kind=extra.pop("kind", "budget_cycle"),
        level=extra.pop("level", "national"),
        country=Country.objects.get(pk=country),
        state=state,
        created_by=created_by,
        **{**schedule.as_fields(), **extra},
    )
    opportunity.region_id = opportunity.country.region_id
    opportunity.set_current_language("en")
    opportunity.title = title
    opportunity.save()
    return opportunity
