"""Gap-analysis benchmark: server time of the country, region and global gap views.

Run from the project root:

    .venv/bin/python bench/mechanisms_gaps.py            # 100 000 mechanisms
    .venv/bin/python bench/mechanisms_gaps.py --n 10000 --runs 50

It builds a throwaway SQLite database in a temporary folder (``SAUTI_VAR_DIR``
is set before Django starts), migrates it, and generates N synthetic
mechanisms with ``bench/_mechanisms_data.py`` (shared with
``mechanisms_list.py``), spread over the WHO Member States with a skew like
real registries (a few countries hold thousands of councils, most a handful):
every yes/no fact yes, no or not known, a legal basis or none or not known,
constituencies, and for about 60 % of them an assessment whose scores are
copied onto the mechanism as the service does. About 1 % are hidden.

With ``DATABASE_URL`` set it uses (and migrates) that database instead, e.g.
PostgreSQL: the rows it adds are deleted at the end.

Then it times each view with Django's test client (the whole request through
the middleware and the template, i.e. the server's time; no network), after
one warm-up request, and prints a Markdown table: the median and the 95th
percentile of the elapsed time; the median CPU time of this process (on SQLite,
which runs in the process, the same as the elapsed time on an idle machine; on
a busy one it shows what the code costs apart from waiting for a CPU; on
PostgreSQL it leaves out the database server's work); the queries per request;
the compressed size of the page. The country is the one with the most
mechanisms, the region its region. It is a benchmark, not a test: it prints, it
never fails the build.

Targets (issue 3): country view ≤ 100 ms and global view ≤ 300 ms median
server time with 100 000 mechanisms on SQLite.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from _mechanisms_data import delete_generated, generate, setup_django, time_view


def run(n: int, runs: int) -> None:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from sauti.mechanisms.models import Mechanism

    if n:
        generate(n)
    top = (
        Mechanism.objects.visible()
        .values("country_id", "country__region_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if top is None:
        print("No mechanism to measure.", file=sys.stderr)
        return
    country, region, in_country = top["country_id"], top["country__region_id"], top["n"]
    in_region = Mechanism.objects.visible().filter(country__region_id=region).count()
    total = Mechanism.objects.visible().count()
    with translation.override("en"):
        views = [
            (
                f"country ({country}, {in_country} mechanisms)",
                reverse("mechanisms:gaps_country", args=[country.lower()]),
            ),
            (
                f"region ({region}, {in_region} mechanisms)",
                reverse("mechanisms:gaps_region", args=[region.lower()]),
            ),
            (f"global ({total} mechanisms)", reverse("mechanisms:gaps_global")),
            (
                f"global, map of average scores ({total})",
                reverse("mechanisms:gaps_global") + "?indicator=score",
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
    parser.add_argument("--n", type=int, default=100_000, help="mechanisms to generate")
    parser.add_argument("--runs", type=int, default=20, help="timed requests per view")
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
        print(f"mechanisms_gaps: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
