"""Commitments benchmark: server time of the global overview and the other commitments pages.

Run from the project root:

    .venv/bin/python bench/commitments_overview.py                 # the full data set
    .venv/bin/python bench/commitments_overview.py --runs 50 --scorecards 1000

It builds a throwaway SQLite database in a temporary folder (``SAUTI_VAR_DIR``
is set before Django starts), migrates it (migration
``commitments/0002_wha77_framework`` loads the WHA77 framework, its 10
commitments and the cycles 2026, 2028 and 2030), and generates with
``bulk_create``:

- 20 organisations, 3 of them coalitions (networks) with 6 active members each;
- a status from every organisation for every commitment, country and cycle:
  194 countries × 10 commitments × 3 cycles × 20 organisations = 116 400
  country assessments. Statuses are random with a realistic skew: each country
  has a level of progress that rises from one cycle to the next, some
  commitments are further along than others, organisations mostly agree and
  sometimes differ by a step; in 15 % of the countries most say "no
  information" (elsewhere one in ten); now and then (2 % after the first
  cycle) a country goes back on a commitment and most say "regressing"; 2 % of
  the other statuses are "regressing" too. A quarter carry a one-sentence
  narrative, a tenth an evidence link;
- a published consolidated assessment of a coalition for 30 countries in the
  2028 cycle (10 of them also for 2026), with its members' statuses kept as
  published;
- 5 000 published community scorecards, spread over 80 countries with a
  Zipf-like skew, each with 3–4 participant groups (some below the disclosure
  threshold), 6 indicators (4 from the library, 2 written for the exercise)
  with a self-assessment, every group's score of every indicator, and 0–3
  actions.

With ``DATABASE_URL`` set it uses (and migrates) that database instead, e.g.
PostgreSQL: the rows it adds are deleted at the end.

Then it times each page with Django's test client (the whole request through
the middleware and the template, i.e. the server's time; no network), after
one warm-up request, and prints a Markdown table: the median and the 95th
percentile of the elapsed time; the median CPU time of this process (on SQLite,
which runs in the process, the same as the elapsed time on an idle machine; on
PostgreSQL it leaves out the database server's work); the queries per request;
the compressed size of the page. Timed: the world overview for each cycle, the
region with the most countries (AFR), the country page of a country with
consolidated assessments in two cycles, the scorecard list unfiltered and for
the country with the most scorecards, and the CSV export of one country's
assessments (read to the end inside the timing). It is a benchmark, not a
test: it prints, it never fails the build.

Target (issue 4): the global overview answers in ≤ 150 ms median server time
on SQLite with this data set.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta

from _mechanisms_data import PLACES, setup_django, time_view

BENCH_MARK = "sauti-bench-commitments"  # slug prefix of every generated organisation
BATCH = 5000
ORGANISATIONS = 20
COALITIONS = 3
MEMBERS_PER_COALITION = 6
CONSOLIDATED_COUNTRIES = 30
CONSOLIDATED_PREVIOUS = 10  # of them also published for the previous cycle
SCORECARD_COUNTRIES = 80

# Status by rank, the scale of ``sauti.commitments.models.STATUS_RANK``.
BY_RANK = {
    -1: "regressing",
    0: "no_action",
    1: "initial",
    2: "in_progress",
    3: "largely_achieved",
}
CYCLE_DRIFT = {"2026": 0.0, "2028": 0.5, "2030": 0.9}  # progress gained by each cycle
NARRATIVE = (
    "The ministry held {n} public consultations on the national health plan this year; "
    "minutes were published for some of them."
)
GROUPS = (
    ("women", "Women"),
    ("youth", "Young people"),
    ("older", "Older people"),
    ("disability", "Persons with disabilities"),
    ("rural", "Villagers"),
    (None, "Men"),
)
CUSTOM_INDICATORS = (
    "Drugs are available at the dispensary",
    "The clinic opens at the posted hours",
    "Waiting time is under one hour",
    "The suggestion box is opened and answered",
)
PLACE_WORDS = {
    "facility": "Health Centre",
    "district": "District",
    "mechanism": "Health Committee",
    "other": "Community",
}


def _organisations(rng: random.Random) -> tuple[list, list, dict[int, list[int]]]:
    """20 organisations, the first 3 coalitions; {coalition id: member ids}."""
    from sauti.accounts.models import NetworkMembership, Organisation
    from sauti.core.models import Country

    countries = list(Country.objects.values_list("code", flat=True))
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Benchmark {'Coalition' if i < COALITIONS else 'Organisation'} {i + 1:02d}",
            slug=f"{BENCH_MARK}-{i + 1:02d}",
            kind="network" if i < COALITIONS else rng.choice(("ngo", "community", "academic")),
            level="regional" if i < COALITIONS else "national",
            country_id=rng.choice(countries),
        )
        for i in range(ORGANISATIONS)
    )
    coalitions, others = organisations[:COALITIONS], organisations[COALITIONS:]
    members = {c.pk: [o.pk for o in rng.sample(others, MEMBERS_PER_COALITION)] for c in coalitions}
    NetworkMembership.objects.bulk_create(
        NetworkMembership(network_id=network, member_id=member, status="active")
        for network, ids in members.items()
        for member in ids
    )
    return organisations, coalitions, members


def _assessments(rng: random.Random, organisations, countries, commitments, cycles) -> dict:
    """One status per organisation, country, cycle and commitment; returns
    {(country, cycle id, commitment id): {organisation id: status}} for consolidation."""
    from sauti.commitments.models import CountryAssessment, Evidence

    level = {code: rng.uniform(-0.3, 2.6) for code in countries}
    # Where little is known, most organisations say "no information".
    unknown = {code: 0.6 if rng.random() < 0.15 else 0.1 for code in countries}
    ahead = {c.pk: rng.uniform(-0.8, 0.6) for c in commitments}
    statuses: dict[tuple[str, int, int], dict[int, str]] = {}
    batch: list[CountryAssessment] = []
    linked: list[bool] = []

    def flush() -> None:
        created = CountryAssessment.objects.bulk_create(batch)
        Evidence.objects.bulk_create(
            Evidence(
                assessment_id=a.pk,
                title=f"Report on {a.country_id}, cycle {a.cycle_id}",
                url=f"https://example.org/reports/{a.country_id.lower()}/{a.pk}",
            )
            for a, link in zip(created, linked, strict=True)
            if link
        )
        batch.clear()
        linked.clear()

    for country in countries:
        for cycle in cycles:
            for commitment in commitments:
                truth = level[country] + ahead[commitment.pk] + CYCLE_DRIFT.get(cycle.code, 0)
                # Now and then a government goes back on a commitment after the first cycle.
                regressed = cycle.code != "2026" and rng.random() < 0.02
                recorded = statuses.setdefault((country, cycle.pk, commitment.pk), {})
                for organisation in organisations:
                    if rng.random() < unknown[country]:
                        status = "no_information"
                    elif rng.random() < (0.6 if regressed else 0.02):
                        status = "regressing"
                    else:
                        rank = round(truth + rng.choices((0, -1, 1), (70, 15, 15))[0])
                        status = BY_RANK[max(0, min(3, rank))]
                    recorded[organisation.pk] = status
                    batch.append(
                        CountryAssessment(
                            organisation_id=organisation.pk,
                            country_id=country,
                            cycle_id=cycle.pk,
                            commitment_id=commitment.pk,
                            status=status,
                            narrative=NARRATIVE.format(n=rng.randint(1, 9))
                            if rng.random() < 0.25
                            else "",
                        )
                    )
                    linked.append(rng.random() < 0.1)
                    if len(batch) >= BATCH:
                        flush()
    if batch:
        flush()
    return statuses


def _consolidated(rng, coalitions, members, countries, commitments, cycles, statuses) -> int:
    """Published consolidated assessments: 30 countries in 2028, 10 of them also in 2026."""
    from django.utils import timezone

    from sauti.commitments.models import Consolidated, ConsolidatedEntry
    from sauti.commitments.selectors import most_common

    by_code = {c.code: c for c in cycles}
    chosen = rng.sample(countries, CONSOLIDATED_COUNTRIES)
    plan = [(code, by_code["2028"]) for code in chosen]
    plan += [(code, by_code["2026"]) for code in chosen[:CONSOLIDATED_PREVIOUS]]
    now = timezone.now()
    published = Consolidated.objects.bulk_create(
        Consolidated(
            coalition=rng.choice(coalitions),
            country_id=code,
            cycle=cycle,
            summary="Our members met twice and agreed this position.",
            state=Consolidated.State.PUBLISHED,
            published_at=now - timedelta(days=rng.randint(1, 400)),
        )
        for code, cycle in plan
    )
    entries = []
    for consolidated in published:
        ids = members[consolidated.coalition_id]
        for commitment in commitments:
            recorded = statuses[(consolidated.country_id, consolidated.cycle_id, commitment.pk)]
            kept = {str(pk): recorded[pk] for pk in ids}
            entries.append(
                ConsolidatedEntry(
                    consolidated=consolidated,
                    commitment=commitment,
                    status=most_common(Counter(kept.values())) or "no_information",
                    member_statuses=kept,
                )
            )
    ConsolidatedEntry.objects.bulk_create(entries, batch_size=BATCH)
    return len(published)


def _scorecards(rng: random.Random, n: int, organisations, cycles) -> None:
    """N published scorecards with groups, items, every group's scores and a few actions."""
    from sauti.commitments.models import (
        ActionItem,
        GroupScore,
        Indicator,
        ParticipantGroup,
        Scorecard,
        ScorecardItem,
    )
    from sauti.core.models import Country

    countries = list(Country.objects.values_list("code", flat=True))
    rng.shuffle(countries)
    countries = countries[:SCORECARD_COUNTRIES]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(countries))]
    library = list(Indicator.objects.values_list("pk", flat=True))
    by_code = {c.code: c for c in cycles}
    runners = organisations[COALITIONS:]
    first, last = date(2024, 1, 15), date(2026, 11, 15)
    done = 0
    while done < n:
        size = min(1000, n - done)
        cards = []
        for number in range(done + 1, done + size + 1):
            kind = rng.choice(Scorecard.PlaceKind.values)
            held_on = first + timedelta(days=rng.randint(0, (last - first).days))
            cards.append(
                Scorecard(
                    organisation=rng.choice(runners),
                    country_id=rng.choices(countries, weights)[0],
                    place_kind=kind,
                    place_name=f"{rng.choice(PLACES)} {PLACE_WORDS[kind]} {number}",
                    held_on=held_on,
                    facilitators="Two trained community facilitators",
                    interface_outcome="Providers and users agreed an action plan.",
                    cycle=None
                    if rng.random() < 0.1
                    else by_code["2026" if held_on < date(2026, 6, 1) else "2028"],
                    is_published=True,
                )
            )
        cards = Scorecard.objects.bulk_create(cards)
        groups, items, actions = [], [], []
        for card in cards:
            for constituency, label in rng.sample(GROUPS, rng.choice((3, 4))):
                groups.append(
                    ParticipantGroup(
                        scorecard=card,
                        constituency_id=constituency,
                        label=label,
                        size=rng.choice((4, 6, 8)) if rng.random() < 0.15 else rng.randint(10, 40),
                    )
                )
            for order, indicator in enumerate(rng.sample(library, 4)):
                items.append(
                    ScorecardItem(
                        scorecard=card, indicator_id=indicator, order=order,
                        self_score=rng.randint(2, 5), self_reasons="As we see it.",
                    )
                )  # fmt: skip
            for order, text in enumerate(rng.sample(CUSTOM_INDICATORS, 2), start=4):
                items.append(
                    ScorecardItem(
                        scorecard=card, text=text, order=order, self_score=rng.randint(2, 5)
                    )
                )
            for step in range(rng.choice((0, 1, 2, 3))):
                actions.append(
                    ActionItem(
                        scorecard=card,
                        action=f"Follow-up action {step + 1}",
                        responsible="Facility in-charge",
                        due_on=card.held_on + timedelta(days=90),
                        progress=rng.choice(ActionItem.Progress.values),
                    )
                )
        groups = ParticipantGroup.objects.bulk_create(groups, batch_size=BATCH)
        items = ScorecardItem.objects.bulk_create(items, batch_size=BATCH)
        ActionItem.objects.bulk_create(actions, batch_size=BATCH)
        groups_of: dict[int, list] = {}
        for group in groups:
            groups_of.setdefault(group.scorecard_id, []).append(group)
        GroupScore.objects.bulk_create(
            (
                GroupScore(
                    item=item,
                    group=group,
                    score=rng.choices((1, 2, 3, 4, 5), (1, 2, 3, 3, 2))[0],
                    reasons="Said by several participants." if rng.random() < 0.3 else "",
                )
                for item in items
                for group in groups_of[item.scorecard_id]
            ),
            batch_size=BATCH,
        )
        done += size


def generate(scorecards: int, seed: int = 4) -> None:
    """The organisations, 116 400 assessments, consolidated assessments and scorecards."""
    from django.db import connection, transaction

    from sauti.commitments.models import Commitment, Cycle
    from sauti.core.models import Country

    rng = random.Random(seed)
    started = time.time()
    countries = list(Country.objects.values_list("code", flat=True))
    commitments = list(Commitment.objects.filter(framework__code="wha77", is_active=True))
    cycles = list(Cycle.objects.filter(code__in=CYCLE_DRIFT).order_by("year"))
    with transaction.atomic():
        organisations, coalitions, members = _organisations(rng)
        statuses = _assessments(rng, organisations, countries, commitments, cycles)
        consolidated = _consolidated(
            rng, coalitions, members, countries, commitments, cycles, statuses
        )
        _scorecards(rng, scorecards, organisations, cycles)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum gathers within a minute of a bulk load
        # (SQLite gets none: the project never runs ANALYZE there).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Generated {len(statuses) * len(organisations)} assessments, {consolidated} "
        f"consolidated assessments and {scorecards} scorecards in {time.time() - started:.1f} s.",
        file=sys.stderr,
    )


def delete_generated() -> None:
    from sauti.accounts.models import Organisation
    from sauti.commitments.models import Consolidated, CountryAssessment, Scorecard

    mine = Organisation.objects.filter(slug__startswith=BENCH_MARK)
    Scorecard.objects.filter(organisation__in=mine).delete()  # groups, items, scores, actions
    Consolidated.objects.filter(coalition__in=mine).delete()  # and their entries
    CountryAssessment.objects.filter(organisation__in=mine).delete()  # and their evidence
    mine.delete()  # and their network memberships


def run(scorecards: int, runs: int) -> None:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from sauti.commitments.models import Consolidated, CountryAssessment, Scorecard
    from sauti.core.models import Country

    generate(scorecards)
    assessments = CountryAssessment.objects.count()
    twice = (
        Consolidated.objects.filter(state=Consolidated.State.PUBLISHED)
        .values("country_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .order_by("country_id")
        .first()
    )
    country = twice["country_id"] if twice else "KE"
    top = (
        Scorecard.objects.filter(is_published=True)
        .values("country_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    published = Scorecard.objects.filter(is_published=True).count()
    in_country = CountryAssessment.objects.filter(country_id=country).count()
    africa = Country.objects.filter(region_id="AFR").count()
    with translation.override("en"):
        world = reverse("commitments:world")
        views = [
            (f"world overview, cycle {code} ({assessments:,} assessments)", f"{world}?cycle={code}")
            for code in CYCLE_DRIFT
        ]
        views += [
            (
                f"region AFR, cycle 2028 ({africa} countries)",
                reverse("commitments:region", args=["afr"]) + "?cycle=2028",
            ),
            (
                f"country ({country}, {in_country} assessments, 2 consolidated)",
                reverse("commitments:country", args=[country.lower()]),
            ),
            (
                f"scorecard list ({published:,} published)",
                reverse("commitments:scorecard_list"),
            ),
        ]
        if top is not None:
            views.append(
                (
                    f"scorecard list, country {top['country_id']} ({top['n']:,})",
                    reverse("commitments:scorecard_list") + f"?country={top['country_id']}",
                )
            )
        views += [
            (
                f"CSV export of the country ({in_country} rows)",
                reverse("commitments:export") + f"?country={country}&format=csv",
            ),
        ]
    client = Client()
    print(f"Database: {connection.vendor}; {runs} runs per view after one warm-up.\n")
    print("| view | median | p95 | median CPU | queries | page (gzip) |")
    print("|---|--:|--:|--:|--:|--:|")
    for label, url in views:
        result = time_view(client, url, runs)
        print(
            f"| {label} | {result['median']:.1f} ms | {result['p95']:.1f} ms "
            f"| {result['cpu']:.1f} ms | {result['queries']} | {result['gzip']:.1f} KB |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorecards", type=int, default=5000, help="scorecards to generate")
    parser.add_argument("--runs", type=int, default=20, help="timed requests per view")
    args = parser.parse_args()
    external = bool(os.environ.get("DATABASE_URL"))
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        try:
            run(args.scorecards, args.runs)
        finally:
            if external:
                delete_generated()
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"commitments_overview: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
