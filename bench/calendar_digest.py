"""Digest benchmark: the weekly calendar digest to 100 000 subscribers.

Run from the project root:

    .venv/bin/python bench/calendar_digest.py                 # 100 000 subscribers
    .venv/bin/python bench/calendar_digest.py --subscribers 10000 --opportunities 500

It builds a throwaway SQLite database in a temporary folder and migrates it.
With ``DATABASE_URL`` set it uses (and migrates) that database instead, e.g.
PostgreSQL; it refuses to run there if the database holds real confirmed
subscriptions (the run would mark them as sent this week), and it deletes the
rows it adds at the end.

A first process generates the data with ``bulk_create``: N confirmed
subscriptions (about 3 % unconfirmed and 5 % with the digest off) in the seven
languages, most following one country, some two or three, a WHO region, topics
only, or a country and topics, countries skewed like real audiences (a few
countries have most subscribers); and about 2 000 published opportunities over
the coming eight weeks across countries (national, subnational, regional,
global), each with a title in its original language and in one to three other
languages, 40 % with a deadline to engage, some with topics, some cancelled,
and a few thousand engagements. A second, fresh process then times
:func:`sauti.opportunities.digest.send_weekly_digest` (so that its peak memory
is the digest's, not the generator's) with an email backend that builds each
message as SMTP would send it (``message().as_bytes()``) and discards it, and a
second run the same week (which must send nothing). It prints a Markdown table.
It is a benchmark, not a test: it prints, it never fails the build.

Target (issue 6): 100 000 subscribers in ≤ 5 minutes on two cores, without
holding every subscriber in memory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta

from _mechanisms_data import setup_django

BENCH_MARK = "sauti-bench"  # organiser of the generated opportunities
EMAIL_DOMAIN = "bench.sauti.invalid"  # of the generated subscriptions
BATCH = 5000
LANGUAGES = (("en", 35), ("fr", 20), ("es", 15), ("pt", 8), ("ar", 10), ("ru", 6), ("zh-hans", 6))
TITLES = {
    "en": "{kind} in {country} {n}",
    "fr": "{kind} : {country} {n}",
    "es": "{kind} en {country} {n}",
    "pt": "{kind} em {country} {n}",
    "ar": "{kind} في {country} {n}",
    "ru": "{kind}: {country} {n}",
    "zh-hans": "{country}{kind} {n}",
}


class CountingBackend:
    """Builds each message as an SMTP backend would, counts it and throws it away."""

    sent = 0
    size = 0

    def __init__(self, fail_silently: bool = False, **kwargs: object) -> None:
        pass

    def open(self) -> bool:
        return True

    def close(self) -> None:
        pass

    def send_messages(self, messages: list) -> int:
        for message in messages:
            CountingBackend.size += len(message.message().as_bytes())
        CountingBackend.sent += len(messages)
        return len(messages)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(subscribers: int, opportunities: int, seed: int = 6) -> None:
    """The subscriptions, opportunities and engagements (in a process of their own)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from sauti.accounts.models import Organisation, Subscription
    from sauti.core.models import Country, Region, Topic
    from sauti.opportunities.models import Engagement, Kind, Opportunity
    from sauti.opportunities.schedule import build_schedule

    rng = random.Random(seed)
    started = time.time()
    countries = list(Country.objects.values_list("code", "region_id"))
    rng.shuffle(countries)
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(countries))]
    codes = [code for code, _region in countries]
    regions = list(Region.Code.values)
    topics = list(Topic.Code.values)
    languages = [code for code, _weight in LANGUAGES]
    language_weights = [weight for _code, weight in LANGUAGES]
    today = timezone.localdate()
    now = timezone.now()

    with transaction.atomic():
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench organisation {n}",
                slug=f"{BENCH_MARK}-{n}",
                kind="ngo",
                level="national",
                country_id=rng.choices(codes, weights)[0],
            )
            for n in range(40)
        )
        translation_model = Opportunity.translations.field.model
        made: list[Opportunity] = []
        texts = []
        for n in range(opportunities):
            level = rng.choices(("national", "subnational", "regional", "global"), (75, 8, 12, 5))[
                0
            ]
            country, region = rng.choices(countries, weights)[0]
            if level == "regional":
                country, region = None, rng.choice(regions)
            elif level == "global":
                country, region = None, None
            start = today + timedelta(days=rng.randrange(-3, 56))
            schedule = build_schedule(
                start_date=start, end_date=start + timedelta(days=rng.choice((0, 0, 0, 1, 4)))
            )
            original = rng.choices(languages, language_weights)[0]
            kind = rng.choice(Kind.values)
            made.append(
                Opportunity(
                    kind=kind,
                    level=level,
                    country_id=country,
                    region_id=region,
                    state="cancelled" if rng.random() < 0.03 else "published",
                    published_at=now,
                    original_language=original,
                    organiser=BENCH_MARK,
                    engagement_deadline=start - timedelta(days=rng.randrange(0, 21))
                    if rng.random() < 0.4
                    else None,
                    **schedule.as_fields(),
                )
            )
            others = rng.sample([code for code in languages if code != original], rng.randint(1, 3))
            texts.append(
                [
                    (code, TITLES[code].format(kind=kind, country=country or region or "", n=n))
                    for code in (original, *others)
                ]
            )
        Opportunity.objects.bulk_create(made, batch_size=500)
        translation_model.objects.bulk_create(
            (
                translation_model(master_id=o.pk, language_code=code, title=title)
                for o, rows in zip(made, texts, strict=True)
                for code, title in rows
            ),
            batch_size=BATCH,
        )
        Opportunity.topics.through.objects.bulk_create(
            (
                Opportunity.topics.through(opportunity_id=o.pk, topic_id=topic)
                for o in made
                for topic in rng.sample(topics, rng.choice((0, 0, 1, 1, 2)))
            ),
            batch_size=BATCH,
        )
        Engagement.objects.bulk_create(
            (
                Engagement(
                    opportunity_id=o.pk,
                    organisation_id=org.pk,
                    visibility=rng.choice(("public", "public", "members")),
                )
                for o in made
                for org in rng.sample(organisations, rng.choice((0, 0, 1, 2, 3)))
            ),
            batch_size=BATCH,
        )

        through = {
            "countries": (Subscription.countries.through, "country_id"),
            "regions": (Subscription.regions.through, "region_id"),
            "topics": (Subscription.topics.through, "topic_id"),
        }
        done = 0
        while done < subscribers:
            size = min(BATCH, subscribers - done)
            batch = []
            follows = []
            for n in range(done, done + size):
                batch.append(
                    Subscription(
                        email=f"s{n}@{EMAIL_DOMAIN}",
                        language=rng.choices(languages, language_weights)[0],
                        confirmed_at=None if rng.random() < 0.03 else now,
                        calendar_digest=rng.random() >= 0.05,
                    )
                )
                shape = rng.choices(
                    ("country", "countries", "region", "topics", "country+topics"),
                    (60, 15, 10, 10, 5),
                )[0]
                chosen: dict[str, list[str]] = {"countries": [], "regions": [], "topics": []}
                if shape == "country" or shape == "country+topics":
                    chosen["countries"] = [rng.choices(codes, weights)[0]]
                if shape == "countries":
                    chosen["countries"] = list(
                        set(rng.choices(codes, weights, k=rng.randint(2, 3)))
                    )
                if shape == "region":
                    chosen["regions"] = [rng.choice(regions)]
                if shape in ("topics", "country+topics"):
                    chosen["topics"] = rng.sample(topics, rng.randint(1, 2))
                follows.append(chosen)
            Subscription.objects.bulk_create(batch)
            for name, (model, column) in through.items():
                model.objects.bulk_create(
                    model(subscription_id=s.pk, **{column: code})
                    for s, chosen in zip(batch, follows, strict=True)
                    for code in chosen[name]
                )
            done += size
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Generated {subscribers:,} subscriptions and {opportunities:,} opportunities "
        f"in {time.time() - started:.1f} s.",
        file=sys.stderr,
    )


def delete_generated() -> None:
    from sauti.accounts.models import Organisation, Subscription
    from sauti.opportunities.models import Opportunity

    Subscription.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
    Opportunity.objects.filter(organiser=BENCH_MARK).delete()
    Organisation.objects.filter(slug__startswith=f"{BENCH_MARK}-").delete()


def real_subscribers() -> int:
    from sauti.accounts.models import Subscription

    return (
        Subscription.objects.filter(confirmed_at__isnull=False)
        .exclude(email__endswith=f"@{EMAIL_DOMAIN}")
        .count()
    )


def measure(batch_size: int) -> None:
    from django.conf import settings
    from django.db import connection

    from sauti.accounts.models import Subscription
    from sauti.opportunities.digest import send_weekly_digest

    settings.EMAIL_BACKEND = f"{__name__}.CountingBackend"
    subscriptions = Subscription.objects.count()
    before = rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    result = send_weekly_digest(batch_size=batch_size)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = rss_mb()
    again = time.perf_counter()
    second = send_weekly_digest(batch_size=batch_size)
    again = time.perf_counter() - again

    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(connection.vendor)
    print(f"## Weekly calendar digest, {vendor}, batches of {batch_size:,}\n")
    print("| figure | value |")
    print("|---|--:|")
    print(f"| subscriptions in the database | {subscriptions:,} |")
    print(f"| subscribers due (confirmed, digest on) | {result.subscribers:,} |")
    print(f"| emails sent | {result.sent:,} |")
    print(f"| skipped (nothing for them) | {result.skipped:,} |")
    print(f"| distinct digests rendered | {result.rendered:,} |")
    print(f"| wall time (target ≤ 300 s) | {wall:.1f} s |")
    print(f"| CPU time of this process | {cpu:.1f} s |")
    print(f"| emails/s | {result.sent / wall:,.0f} |")
    print(
        f"| average message size | {CountingBackend.size / max(1, CountingBackend.sent):,.0f} B |"
    )
    print(f"| peak RSS before the run (Django loaded) | {before:.0f} MB |")
    print(f"| peak RSS after the run | {peak:.0f} MB |")
    print(f"| second run the same week: sent, time | {second.sent}, {again:.1f} s |")
    print(f"\nload average when done: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--opportunities", type=int, default=2_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--generate-in", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.generate_in:
        setup_django(args.generate_in)
        generate(args.subscribers, args.opportunities)
        return 0
    external = bool(os.environ.get("DATABASE_URL"))
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        if external and real_subscribers():
            print(
                "calendar_digest: this database has real confirmed subscriptions; "
                "run the benchmark on a throwaway database.",
                file=sys.stderr,
            )
            return 0
        try:
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--generate-in",
                    var_dir,
                    "--subscribers",
                    str(args.subscribers),
                    "--opportunities",
                    str(args.opportunities),
                ],
                check=True,
            )
            measure(args.batch_size)
        finally:
            if external:
                delete_generated()
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"calendar_digest: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
