"""Monitoring benchmark: dashboards over 1 000 000 submissions, 500 sites, 8 quarters.

Run from the project root:

    .venv/bin/python bench/monitoring_dashboard.py                  # 1 000 000 submissions
    .venv/bin/python bench/monitoring_dashboard.py --n 100000 --runs 20

It builds a throwaway SQLite database in a temporary folder and migrates it
(``bench/_mechanisms_data.py``), or with ``DATABASE_URL`` set uses that database
(the rows it adds stay in it: use a scratch database).

It generates one project with 500 sites in 25 areas and one exit-interview
form, and N approved submissions spread over the sites (unevenly: some sites
get only a handful a quarter, so suppression has work to do) and over 8
quarters, with answers whose rates drift over time. Ten indicators cover the
kinds and groupings (shares, means and counts; by site, by area, by quarter).
Cells are built once (timed), then it times with Django's test client, after a
warm-up, the team dashboard and the public dashboard (if the project is
published), and the ten indicators computed directly. Last, it approves one
new submission and times that, and checks that the dashboard's total moved
(cells are never stale). It prints Markdown; it never fails the build.

Target (issue 7): a dashboard of 10 indicators ≤ 300 ms median server time on SQLite.
(Ingest over OpenRosa: ``bench/monitoring_ingest.py``.)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta

from _mechanisms_data import setup_django, time_view

BENCH_MARK = "sauti-bench-monitoring"
BATCH = 10_000
QUARTERS = [date(2024 + q // 4, q % 4 * 3 + 1, 1) for q in range(8)]
INDICATORS = [
    ("Treated with respect", "share", "respected", "yes", "site", 80, "at_least"),
    ("Asked for an informal payment", "share", "paid", "yes", "site", 5, "at_most"),
    ("Got all prescribed medicines", "share", "medicines", "yes", "area", 90, "at_least"),
    ("Consultation in private", "share", "privacy", "yes", "area", 90, "at_least"),
    ("Waiting time (minutes)", "mean", "waited", "", "site", 60, "at_most"),
    ("Waiting time by quarter", "mean", "waited", "", "quarter", 60, "at_most"),
    ("Score given to the facility", "mean", "score", "", "area", 4, "at_least"),
    ("Interviews", "count", "", "", "quarter", None, "at_least"),
    ("Respect over time", "share", "respected", "yes", "quarter", 80, "at_least"),
    ("Would come back", "share", "return", "yes", "area", None, "at_least"),
]


def generate(n: int, seed: int = 7):
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from sauti.accounts.models import Organisation
    from sauti.core.models import Country
    from sauti.monitoring.models import (
        Form,
        FormVersion,
        Indicator,
        Project,
        Site,
        Submission,
        TeamMember,
    )

    rng = random.Random(seed)
    country = Country.objects.order_by("code").first()
    organisation = Organisation.objects.create(
        name="Benchmark monitors",
        slug=BENCH_MARK,
        kind=Organisation.Kind.NETWORK,
        level="national",
        country=country,
    )
    user = get_user_model().objects.create_user(email=f"{BENCH_MARK}@example.org")
    project = Project.objects.create(
        organisation=organisation, title="Benchmark clinic watch", is_published=True
    )
    TeamMember.objects.create(project=project, user=user, role=TeamMember.Role.COORDINATOR)
    sites = Site.objects.bulk_create(
        [
            Site(
                project=project,
                name=f"Clinic {i:03d}",
                code=f"C{i:03d}",
                country=country,
                area=f"District {i % 25:02d}",
            )
            for i in range(500)
        ]
    )
    form = Form.objects.create(project=project, form_id="exit_interview", title="Exit interview")
    version = FormVersion.objects.create(
        form=form, version="1", xml="<h:html/>", md5="md5:0", validation="not_run"
    )
    # Uneven sites: a few get ~6 a quarter (suppressed), most a few hundred.
    weights = [0.02 if i % 50 == 0 else rng.uniform(0.5, 1.5) for i in range(500)]
    started = time.time()
    made = 0
    while made < n:
        rows = []
        for site in rng.choices(sites, weights=weights, k=min(BATCH, n - made)):
            q = rng.randrange(8)
            drift = q / 8
            day = QUARTERS[q] + timedelta(days=rng.randrange(85))
            data = {
                "respected": "yes" if rng.random() < 0.6 + 0.25 * drift else "no",
                "paid": "yes" if rng.random() < 0.2 - 0.12 * drift else "no",
                "medicines": "yes" if rng.random() < 0.7 else "no",
                "privacy": "yes" if rng.random() < 0.75 else "no",
                "waited": str(int(rng.gauss(90 - 40 * drift, 25)) if rng.random() > 0.02 else ""),
                "score": str(rng.randint(1, 5)),
                "return": rng.choice(["yes", "no", "unsure"]),
                "comment": "",
            }
            made += 1
            rows.append(
                Submission(
                    project=project,
                    form_version=version,
                    site=site,
                    instance_id=f"uuid:{BENCH_MARK}-{made}",
                    xml="<data/>",
                    xml_sha256="0" * 64,
                    data=data,
                    status=Submission.Status.APPROVED,
                    collected_on=day,
                    quarter=QUARTERS[q],
                    received_at=datetime(day.year, day.month, day.day, 12, tzinfo=_utc()),
                )
            )
        with transaction.atomic():
            Submission.objects.bulk_create(rows, batch_size=2000)
    print(f"Generated {made:,} submissions in {time.time() - started:.0f} s.", file=sys.stderr)
    for order, (title, kind, field, value, group_by, target, direction) in enumerate(INDICATORS):
        Indicator.objects.create(
            project=project,
            form=form,
            title=title,
            kind=kind,
            field=field,
            value=value,
            group_by=group_by,
            target=target,
            target_direction=direction,
            is_public=True,
            order=order,
        )
    return project, version, user


def _utc():
    from datetime import UTC

    return UTC


def run(n: int, runs: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from sauti.monitoring import aggregates, indicators, services_review
    from sauti.monitoring.models import Submission

    project, version, user = generate(n)
    started = time.perf_counter()
    aggregates.rebuild_project(project)
    build = time.perf_counter() - started
    cells = sum(i.cells.count() for i in project.indicators.all())
    print(
        f"Database: {connection.vendor}; {n:,} approved submissions, 500 sites, 8 quarters, "
        f"10 indicators; cells built once in {build:.1f} s ({cells:,} cells); "
        f"{runs} runs per request after one warm-up.\n"
    )
    client = Client()
    client.force_login(user)
    pages = []
    with translation.override("en"):
        for label, name in (
            ("team dashboard, 10 indicators", "monitoring:project_dashboard"),
            ("public dashboard, 10 indicators", "monitoring:public_dashboard"),
        ):
            try:
                pages.append((label, reverse(name, args=[project.pk])))
            except NoReverseMatch:
                continue
        pages.append(("team dashboard in Arabic", "/ar" + pages[0][1].removeprefix("/en")))
    print("| request | median | p95 | median CPU | queries | size (gzip) |")
    print("|---|--:|--:|--:|--:|--:|")
    for label, url in pages:
        try:
            result = time_view(client, url, runs)
        except RuntimeError as error:
            print(f"| {label} | {error} | | | | |")
            continue
        print(
            f"| {label} | {result['median']:.1f} ms | {result['p95']:.1f} ms "
            f"| {result['cpu']:.1f} ms | {result['queries']} | {result['gzip']:.1f} KB |"
        )

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for indicator in project.indicators.all():
            indicators.compute(indicator, k=project.k)
        times.append((time.perf_counter() - start) * 1000)
    print(f"\nThe 10 indicators computed directly: {statistics.median(times):.1f} ms median.")

    count = project.indicators.get(title="Interviews")
    before = indicators.compute(count, k=project.k).total.value
    site = project.sites.order_by("pk")[1]
    new = Submission.objects.create(
        project=project,
        form_version=version,
        site=site,
        instance_id="uuid:bench-new",
        xml="<data/>",
        xml_sha256="0" * 64,
        collected_on=QUARTERS[-1],
        data=json.loads('{"respected": "yes", "waited": "30", "score": "5"}'),
    )
    start = time.perf_counter()
    services_review.review(new, action="approve", acting_user=user)
    approve_ms = (time.perf_counter() - start) * 1000
    after = indicators.compute(count, k=project.k).total.value
    print(
        f"Approving one submission (its cells recomputed in the same transaction): "
        f"{approve_ms:.1f} ms; the total of 'Interviews' went from {before:,} to {after:,}."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="approved submissions")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        run(args.n, args.runs)
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"monitoring_dashboard: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
