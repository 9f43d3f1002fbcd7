"""Calendar benchmark: server time of the advocacy calendar's list, month table and feeds.

Run from the project root:

    .venv/bin/python bench/calendar_list.py             # 50 000 opportunities
    .venv/bin/python bench/calendar_list.py --n 5000 --runs 50

It builds a throwaway SQLite database in a temporary folder and migrates it
(``bench/_mechanisms_data.py``), or with ``DATABASE_URL`` set uses (and migrates)
that database instead, e.g. PostgreSQL: the rows it adds are deleted at the end.

It generates N published opportunities with ``bulk_create``, spread over ten
years (five past, five to come) and the WHO Member States with a mild skew (a
few countries hold several times the average): every kind and level (global
ones without a country, regional ones with a region), a third of them timed in
a local time zone and the rest all-day, one in three with a deadline to engage,
2 % cancelled; each with a title and description in its original language and
one or two translations (so two or three languages); half with a topic or two,
one in five with engagements of benchmark organisations (one in ten of those
members-only).

Then it times with Django's test client (the whole request through the
middleware and the template; no network), after one warm-up request: the
coming list (first page), the list for the country with the most
opportunities, the list with an open deadline, the past list (which counts
engagements), the month table of the busiest coming month, the iCalendar feed
of that country and the unfiltered one (capped at ``views.ICS_SIZE`` events),
the Atom feed, and the API's list. It prints a Markdown table (median, 95th
percentile, median CPU of this process, queries per request, compressed size).
It is a benchmark, not a test: it prints, it never fails the build.

Target (issue 6): the coming list and a filtered iCalendar feed ≤ 100 ms median
server time with 50 000 opportunities on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from _mechanisms_data import setup_django, time_view

BENCH_MARK = "sauti-bench"  # organiser of every generated opportunity, to delete them after
BATCH = 2000
ZONES = (
    "Africa/Nairobi",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "America/Sao_Paulo",
    "America/Bogota",
    "America/New_York",
    "Asia/Manila",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Europe/Zurich",
    "Europe/Kyiv",
    "Pacific/Fiji",
)
TITLES = {
    "en": ("{kind} of {place}", "Read the agenda and send a written submission."),
    "fr": ("{kind} – {place}", "Lisez l'ordre du jour et envoyez une contribution écrite."),
    "es": ("{kind} – {place}", "Lea el orden del día y envíe una contribución escrita."),
    "pt": ("{kind} – {place}", "Leia a pauta e envie uma contribuição escrita."),
    "ar": ("{kind} – {place}", "اقرأ جدول الأعمال وأرسل مساهمة مكتوبة."),
    "ru": ("{kind} – {place}", "Прочитайте повестку дня и направьте письменный вклад."),
    "zh-hans": ("{kind} – {place}", "阅读议程并提交书面意见。"),
}


def generate(n: int, seed: int = 6) -> None:
    """N published opportunities, their translations, topics and engagements."""
    from django.db import connection, transaction
    from django.utils import timezone

    from sauti.accounts.models import Organisation
    from sauti.core.models import Country, Topic
    from sauti.opportunities.models import Engagement, Kind, Level, Opportunity

    rng = random.Random(seed)
    countries = list(Country.objects.values_list("code", "region_id"))
    rng.shuffle(countries)
    # A mild skew: the first country has about five times the average.
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(countries))]
    regions = sorted({region for _code, region in countries})
    languages = list(TITLES)
    topics = list(Topic.objects.values_list("code", flat=True))
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Benchmark organisation {number}",
            slug=f"{BENCH_MARK}-{number}",
            kind="ngo",
            level="national",
            country_id=rng.choice(countries)[0],
        )
        for number in range(300)
    )
    translation_model = Opportunity._parler_meta.root_model
    topic_through = Opportunity.topics.through
    today = timezone.localdate()
    first_day = today - timedelta(days=5 * 365)
    now = timezone.now()
    started = time.time()
    with transaction.atomic():
        done = 0
        while done < n:
            size = min(BATCH, n - done)
            batch, texts = [], []
            for number in range(done + 1, done + size + 1):
                kind = rng.choice(Kind.values)
                level = rng.choices(Level.values, (1, 2, 6, 2))[0]
                code, region = rng.choices(countries, weights)[0]
                if level == Level.GLOBAL:
                    code, region = None, None
                elif level == Level.REGIONAL:
                    code, region = None, rng.choice(regions)
                start = first_day + timedelta(days=rng.randrange(3650))
                end = start + timedelta(days=rng.choice((0, 0, 0, 0, 1, 2, 4)))
                if rng.random() < 0.33:
                    zone = rng.choice(ZONES)
                    hour = rng.choice((8, 9, 10, 14, 15))
                    local = datetime.combine(start, clock(hour), tzinfo=ZoneInfo(zone))
                    local_end = datetime.combine(end, clock(hour + 3), tzinfo=ZoneInfo(zone))
                    times = {
                        "all_day": False,
                        "starts_at": local.astimezone(UTC),
                        "ends_at": local_end.astimezone(UTC),
                        "time_zone": zone,
                    }
                else:
                    times = {
                        "all_day": True,
                        "starts_at": datetime.combine(start, clock(0), tzinfo=UTC),
                        "ends_at": datetime.combine(end + timedelta(days=1), clock(0), tzinfo=UTC),
                        "time_zone": "",
                    }
                deadline = (
                    start - timedelta(days=rng.randint(3, 45)) if rng.random() < 0.33 else None
                )
                spoken = [rng.choice(languages)]
                spoken += rng.sample([x for x in languages if x != spoken[0]], rng.choice((1, 2)))
                batch.append(
                    Opportunity(
                        kind=kind,
                        level=level,
                        country_id=code,
                        region_id=region,
                        start_date=start,
                        end_date=end,
                        engagement_deadline=deadline,
                        state=Opportunity.State.CANCELLED
                        if rng.random() < 0.02
                        else Opportunity.State.PUBLISHED,
                        published_at=now,
                        original_language=spoken[0],
                        organiser=BENCH_MARK,
                        place=f"Place {number % 500}",
                        created_at=now,
                        updated_at=now,
                        **times,
                    )
                )
                place = code or region or "the world"
                texts.append(
                    [
                        (
                            language,
                            TITLES[language][0].format(kind=kind, place=place) + f" {number}",
                            TITLES[language][1],
                        )
                        for language in spoken
                    ]
                )
            Opportunity.objects.bulk_create(batch)
            translation_model.objects.bulk_create(
                translation_model(
                    master_id=o.pk,
                    language_code=language,
                    title=title,
                    description=description,
                    how_to_engage=description if language == o.original_language else "",
                )
                for o, rows in zip(batch, texts, strict=True)
                for language, title, description in rows
            )
            topic_through.objects.bulk_create(
                topic_through(opportunity_id=o.pk, topic_id=code)
                for o in batch
                if rng.random() < 0.5
                for code in rng.sample(topics, rng.choice((1, 1, 2)))
            )
            Engagement.objects.bulk_create(
                Engagement(
                    opportunity_id=o.pk,
                    organisation=organisation,
                    note="We will send a joint statement.",
                    visibility=Engagement.Visibility.MEMBERS
                    if rng.random() < 0.1
                    else Engagement.Visibility.PUBLIC,
                )
                for o in batch
                if rng.random() < 0.2
                for organisation in rng.sample(organisations, rng.choice((1, 1, 2, 3)))
            )
            done += size
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum gathers within a minute of a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"Generated {n} opportunities in {time.time() - started:.1f} s.", file=sys.stderr)


def delete_generated() -> None:
    from sauti.accounts.models import Organisation
    from sauti.opportunities.models import Opportunity

    Opportunity.objects.filter(organiser=BENCH_MARK).delete()
    Organisation.objects.filter(slug__startswith=f"{BENCH_MARK}-").delete()


def run(n: int, runs: int) -> None:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone, translation

    from sauti.opportunities.models import Opportunity
    from sauti.opportunities.selectors import OpportunitySearch
    from sauti.opportunities.views import ICS_SIZE

    if n:
        generate(n)
    public = Opportunity.objects.published()
    top = (
        public.exclude(country=None)
        .values("country_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if top is None:
        print("No opportunity to measure.", file=sys.stderr)
        return
    country = top["country_id"].lower()
    today = timezone.localdate()
    months = Counter(
        (d.year, d.month)
        for d in public.filter(start_date__gte=today).values_list("start_date", flat=True)
    )
    (year, month), in_month = months.most_common(1)[0]

    def matching(query: dict[str, str]) -> int:
        return OpportunitySearch.from_query(query).results().count()

    in_country = matching({"country": country})
    with translation.override("en"):
        list_url = reverse("opportunities:list")
        ics_url = reverse("opportunities:ics")
        rows = [
            (f"coming, page 1 ({matching({}):,})", list_url),
            (
                f"country {country.upper()} ({in_country:,})",
                f"{list_url}?country={country}",
            ),
            (
                f"open deadline ({matching({'open_deadline': '1'}):,})",
                f"{list_url}?open_deadline=1",
            ),
            (f"past, page 1 ({matching({'past': '1'}):,})", f"{list_url}?past=1"),
            (
                f"month {year}-{month:02d} ({in_month:,} starting)",
                reverse("opportunities:month", args=[year, month]),
            ),
            (
                f"iCalendar, country {country.upper()} ({min(in_country, ICS_SIZE):,})",
                f"{ics_url}?country={country}",
            ),
            (f"iCalendar, unfiltered ({min(matching({}), ICS_SIZE):,})", ics_url),
            ("Atom feed (50)", reverse("opportunities:atom")),
            ("API list, page 1 (50)", "/api/v1/opportunities/"),
            (f"API list, country {country.upper()}", f"/api/v1/opportunities/?country={country}"),
        ]

    client = Client()
    print(
        f"Database: {connection.vendor}; {public.count():,} public opportunities; "
        f"country {country.upper()}; {runs} runs per request after one warm-up.\n"
    )
    print(
        "| request (matching opportunities) | median | p95 | median CPU | queries | size (gzip) |"
    )
    print("|---|--:|--:|--:|--:|--:|")
    for label, url in rows:
        result = time_view(client, url, runs)
        print(
            f"| {label} | {result['median']:.1f} ms | {result['p95']:.1f} ms "
            f"| {result['cpu']:.1f} ms | {result['queries']} | {result['gzip']:.1f} KB |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="opportunities to generate")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per view")
    args = parser.parse_args()
    external = bool(os.environ.get("DATABASE_URL"))
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        try:
            run(args.n, args.runs)
        finally:
            if external:
                delete_generated()
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"calendar_list: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
