"""Load the real recurring moments and generate their opportunities.

Safe to run again: moments are found by code and updated; an occurrence is
created only for a (moment, year) that has none. Fixed-date moments are
generated for this year and the next two; ``generate_recurring_opportunities``
extends that later.
"""

import uuid

from django.db import migrations
from django.utils import timezone

from sauti.opportunities.data import recurring
from sauti.opportunities.recurrence import dates_in_year, has_rule
from sauti.opportunities.schedule import build_schedule

FIELDS = (
    "kind", "level", "rule", "month", "day", "weekday", "nth", "duration_days", "dates",
    "place", "organiser", "official_url", "source", "is_demo",
)


def load(apps, schema_editor):
    Moment = apps.get_model("opportunities", "RecurringMoment")
    MomentTranslation = apps.get_model("opportunities", "RecurringMomentTranslation")
    Opportunity = apps.get_model("opportunities", "Opportunity")
    OpportunityTranslation = apps.get_model("opportunities", "OpportunityTranslation")
    Topic = apps.get_model("core", "Topic")
    this_year = timezone.localdate().year
    for spec in recurring.MOMENTS:
        defaults = {key: spec[key] for key in FIELDS if key in spec}
        defaults["region_id"] = spec.get("region")
        defaults["country_id"] = spec.get("country")
        moment, _ = Moment.objects.update_or_create(code=spec["code"], defaults=defaults)
        for language in recurring.LANGUAGES:
            MomentTranslation.objects.update_or_create(
                master=moment,
                language_code=language,
                defaults={
                    "title": spec["title"][language],
                    "description": spec["description"][language],
                },
            )
        topics = list(Topic.objects.filter(code__in=spec.get("topics", [])))
        moment.topics.set(topics)
        years = {int(year) for year in moment.dates}
        if has_rule(moment):
            years |= {this_year, this_year + 1, this_year + 2}
        region_id = spec.get("region")
        if spec.get("country"):
            region_id = apps.get_model("core", "Country").objects.get(pk=spec["country"]).region_id
        for year in sorted(years):
            if Opportunity.objects.filter(recurring_moment=moment, occurrence_year=year).exists():
                continue
            occurrence = dates_in_year(moment, year)
            if occurrence is None:
                continue
            schedule = build_schedule(start_date=occurrence.start, end_date=occurrence.end)
            now = timezone.now()
            opportunity = Opportunity.objects.create(
                uid=uuid.uuid4(),
                kind=moment.kind,
                level=moment.level,
                region_id=region_id,
                country_id=moment.country_id,
                place=moment.place,
                organiser=moment.organiser,
                official_url=moment.official_url,
                state="published",
                published_at=now,
                created_at=now,
                updated_at=now,
                recurring_moment=moment,
                occurrence_year=year,
                tentative=occurrence.tentative,
                is_demo=moment.is_demo,
                original_language="en",
                **schedule.as_fields(),
            )
            for language in recurring.LANGUAGES:
                OpportunityTranslation.objects.create(
                    master=opportunity,
                    language_code=language,
                    title=spec["title"][language],
                    description=spec["description"][language],
                    how_to_engage="",
                )
            opportunity.topics.set(topics)


def unload(apps, schema_editor):
    Moment = apps.get_model("opportunities", "RecurringMoment")
    Opportunity = apps.get_model("opportunities", "Opportunity")
    codes = [spec["code"] for spec in recurring.MOMENTS]
    # Occurrences someone engaged with stay (they are history); the rest go.
    Opportunity.objects.filter(
        recurring_moment__code__in=codes, engagements__isnull=True
    ).delete()
    Moment.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
        ("core", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(load, unload)]
