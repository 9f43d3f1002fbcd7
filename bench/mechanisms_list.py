"""List benchmark: server time of the registry's filtered list page and of its CSV export.

Run from the project root:

    .venv/bin/python bench/mechanisms_list.py            # 100 000 mechanisms
    .venv/bin/python bench/mechanisms_list.py --n 10000 --runs 50

It builds a throwaway SQLite database in a temporary folder, migrates it and
generates N synthetic mechanisms with the generator of ``mechanisms_gaps.py``
(``bench/_mechanisms_data.py``: names like "Kisumu Health Council 17", half
with a description, a tenth in French only and a tenth in English and French).
With ``DATABASE_URL`` set it uses (and migrates) that database instead, e.g.
PostgreSQL: the rows it adds are deleted at the end.

Then it times ``/en/mechanisms/`` with Django's test client (the whole request
through the middleware and the template; no network), after one warm-up
request, for the requests people make: no filter; a country; country, level and
kind; a region with a yes/no fact; full-text search (``q``) for a place name
found in about 1 name in 40, and for a word in nearly every name; sort by name
(in English, and on ``/fr/``: most records have no French name, so each costs
two look-ups), and within a country; sort by year; a late page; and the CSV
export of the country, read to the end. The country is
the one with the most mechanisms. It prints a Markdown table like
``mechanisms_gaps.py`` (median, 95th percentile, median CPU of this process,
queries per request, compressed size). It is a benchmark, not a test: it
prints, it never fails the build.

Target (issue 3): the filtered list page ≤ 100 ms median server time with
100 000 mechanisms on SQLite. The export streams every matching row and has
no target of its own; it is here for scale.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from _mechanisms_data import PLACES, delete_generated, generate, setup_django, time_view


def run(n: int, runs: int) -> None:
    from django.db import connection
    from django.db.models import Count
    from django.http import QueryDict
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from sauti.mechanisms.models import Mechanism
    from sauti.mechanisms.selectors import MechanismSearch

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
    country, region = top["country_id"], top["country__region_id"]
    place = PLACES[0]
    requests = [
        ("no filter, page 1", "", "en"),
        ("country", f"country={country}", "en"),
        ("country + level + kind", f"country={country}&level=district&kind=council", "en"),
        ("region + dedicated budget = yes", f"region={region}&has_budget=yes", "en"),
        (f"search q={place} (a place name)", f"q={place}", "en"),
        ("search q=health (in most names)", "q=health", "en"),
        ("sort by name", "sort=name", "en"),
        # Most records have no French name: two name look-ups per record.
        ("sort by name, in French", "sort=name", "fr"),
        ("country, sort by name", f"country={country}&sort=name", "en"),
        ("country, sort by year established", f"country={country}&sort=established", "en"),
        ("page 50", "page=50", "en"),
    ]
    with translation.override("en"):
        export_url = reverse("mechanisms:export")
    rows = []
    for label, query, language in requests:
        with translation.override(language):
            list_url = reverse("mechanisms:list")
            matching = MechanismSearch(QueryDict(query)).queryset().count()
        rows.append((f"{label} ({matching:,})", f"{list_url}?{query}" if query else list_url))
    with translation.override("en"):
        matching = MechanismSearch(QueryDict(f"country={country}")).queryset().count()
    rows.append(
        (f"CSV export of the country ({matching:,} rows)", f"{export_url}?country={country}")
    )

    client = Client()
    total = Mechanism.objects.visible().count()
    print(
        f"Database: {connection.vendor}; {total:,} visible mechanisms; country {country}, "
        f"region {region}; {runs} runs per request after one warm-up.\n"
    )
    print("| request (matching mechanisms) | median | p95 | median CPU | queries | page (gzip) |")
    print("|---|--:|--:|--:|--:|--:|")
    for label, url in rows:
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
        print(f"mechanisms_list: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
