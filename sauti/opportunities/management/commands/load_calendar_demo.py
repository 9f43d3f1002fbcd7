"""Load demo national moments on the calendar, with organisations engaging in them.

The real recurring moments (World Health Assembly, UHC Day…) come with the
migrations; this command adds the invented national ones of
``sauti.opportunities.data.demo_calendar``, dated from today, each marked
``is_demo`` and saying so in its text, and the demo organisations' engagements
(one of them with what was done, on a past moment). It also generates the
recurring moments' opportunities for this year and the next two, so that a
demo loaded in a later year still has its coming World Health Assembly.

Idempotent: a demo moment is found by its English title; an engagement by
opportunity and organisation. Run ``load_demo`` first (it makes the
organisations); missing organisations are skipped, not an error.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import reversion
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from sauti.accounts.models import Membership, Organisation
from sauti.core.models import Country
from sauti.opportunities.data.demo_calendar import MOMENTS
from sauti.opportunities.models import Engagement, Opportunity
from sauti.opportunities.schedule import build_schedule


class Command(BaseCommand):
    help = "Load demo national moments and engagements on the advocacy calendar."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("generate_recurring_opportunities", stdout=self.stdout)
        added = sum(self._moment(spec) for spec in MOMENTS)
        self.stdout.write(f"demo calendar moments: {added} added, {len(MOMENTS) - added} there")

    @transaction.atomic
    def _moment(self, spec: dict[str, Any]) -> int:
        existing = Opportunity.objects.filter(
            is_demo=True,
            translations__language_code="en",
            translations__title=spec["title"]["en"],
        ).first()
        if existing is not None:
            return 0
        today = timezone.localdate()
        start = today + timedelta(days=spec["offset"])
        clock = spec.get("start_time")
        schedule = build_schedule(
            start_date=start,
            end_date=start + timedelta(days=spec["days"] - 1),
            start_time=time.fromisoformat(clock) if clock else None,
            end_time=time.fromisoformat(spec["end_time"]) if clock else None,
            time_zone=spec["time_zone"],
        )
        country = Country.objects.get(pk=spec["country"])
        with reversion.create_revision():
            opportunity = Opportunity(
                kind=spec["kind"],
                level=spec["level"],
                country=country,
                region_id=country.region_id,
                subnational_area=spec.get("subnational_area", ""),
                place=spec["place"],
                organiser=spec["organiser"],
                engagement_deadline=today + timedelta(days=spec["deadline_offset"]),
                original_language=spec["original_language"],
                state=Opportunity.State.PUBLISHED,
                published_at=timezone.now(),
                is_demo=True,
                **schedule.as_fields(),
            )
            for language, title in spec["title"].items():
                opportunity.set_current_language(language)
                opportunity.title = title
                opportunity.description = spec["description"][language]
                opportunity.how_to_engage = spec["how_to_engage"][language]
            opportunity.save()
            reversion.set_comment("create")
        for engagement in spec["engagements"]:
            self._engagement(opportunity, *engagement)
        return 1

    def _engagement(
        self,
        opportunity: Opportunity,
        slug: str,
        visibility: str,
        note: dict[str, str],
        outcome: dict[str, str] | None = None,
    ) -> None:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            return
        admin = (
            organisation.memberships.filter(role=Membership.Role.ADMIN)
            .select_related("user")
            .first()
        )
        Engagement.objects.get_or_create(
            opportunity=opportunity,
            organisation=organisation,
            defaults={
                "note": next(iter(note.values())),
                "visibility": visibility,
                "created_by": admin.user if admin else None,
                "remind_days_before": None,
                "outcome": next(iter(outcome.values())) if outcome else "",
                "outcome_at": timezone.now() if outcome else None,
            },
        )
