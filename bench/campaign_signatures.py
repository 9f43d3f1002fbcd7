"""Campaign benchmark: a joint letter with 20 000 confirmed signatories.

Run from the project root:

    .venv/bin/python bench/campaign_signatures.py              # 20 000 signatories
    .venv/bin/python bench/campaign_signatures.py --n 2000 --runs 50

It builds a throwaway SQLite database in a temporary folder and migrates it
(``bench/_mechanisms_data.py``), or with ``DATABASE_URL`` set uses (and migrates)
that database instead, e.g. PostgreSQL: the rows it adds are deleted at the end.

It generates one open campaign of a benchmark coalition with the built-in
letter in English, French and Arabic and two addressees, and N signatures
with ``bulk_create``: seven in ten on behalf of organisations (a few hundred of
them registered on Sauti and approved), the rest individuals, half of whom hide
their name; spread over the WHO Member States with a skew (a few countries
hold most signers, as in a national campaign with international support);
all confirmed, plus 2 % unconfirmed and 1 % removed that must not count.

Then it times with Django's test client (the whole request through the
middleware and the template; no network), after one warm-up request: the
public campaign page (first, a middle and the last page of the list, 100
signatories a page), the organisers' list of signatures, the API's public
signatory list, and, once each (they are files an organiser downloads at the
deadline), the DOCX and PDF of the letter with all signatories and the CSV and
XLSX of the signatures. It prints Markdown tables. It is a benchmark, not a
test: it prints, it never fails the build.

Targets (issue 5): the public page ≤ 100 ms median server time, the DOCX with
all signatories ≤ 10 s. (Confirmation throughput: ``bench/campaign_confirm.py``.)
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta

from _mechanisms_data import setup_django, time_view

BENCH_MARK = "sauti-bench-campaign"
BATCH = 5000
FIRST = ("Amina", "Jean", "María", "João", "Fatima", "Olga", "Li", "Kofi", "Ana", "Rahul")
LAST = ("Odhiambo", "Diallo", "García", "Silva", "Haddad", "Ivanova", "Wang", "Mensah")
ORGS = ("Health Rights Network", "Community Health Forum", "Patients' Alliance", "Youth for UHC")


def generate(n: int, seed: int = 5):
    """One open campaign with N counted signatures (and some that must not count)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from sauti.accounts.models import Membership, Organisation
    from sauti.campaigns import markup
    from sauti.campaigns.data import letter_template
    from sauti.campaigns.models import Addressee, Campaign, Letter, Signature
    from sauti.core.models import Country

    rng = random.Random(seed)
    countries = list(Country.objects.values_list("code", flat=True))
    rng.shuffle(countries)
    weights = [1 / (rank + 1) for rank in range(len(countries))]
    coalition = Organisation.objects.create(
        name="Benchmark coalition",
        slug=BENCH_MARK,
        kind=Organisation.Kind.NETWORK,
        level="national",
        country_id=countries[0],
    )
    user = get_user_model().objects.create_user(email=f"{BENCH_MARK}@example.org")
    Membership.objects.create(
        user=user,
        organisation=coalition,
        role=Membership.Role.EDITOR,
        status=Membership.Status.ACTIVE,
    )
    registered = Organisation.objects.bulk_create(
        Organisation(
            name=f"Benchmark member organisation {number}",
            slug=f"{BENCH_MARK}-{number}",
            kind="ngo",
            level="national",
            country_id=rng.choices(countries, weights)[0],
        )
        for number in range(300)
    )
    now = timezone.now()
    campaign = Campaign.objects.create(
        coalition=coalition,
        title="Benchmark: fund the health councils",
        country_id=countries[0],
        state=Campaign.State.OPEN,
        signers=Campaign.Signers.BOTH,
        opened_at=now - timedelta(days=20),
        deadline=now + timedelta(days=10),
    )
    body = letter_template.TEMPLATE["body"]
    for language in ("en", "fr", "ar"):
        # The built-in letter with everything but the late placeholders filled, markers out.
        text = body[language]
        text = markup.PLACEHOLDER.sub(
            lambda match: (
                match.group(0)
                if match.group(1) in ("addressee_name", "addressee_title", "institution", "date")
                else "- A legal basis\n- A budget line"
                if match.group(1) == "priorities"
                else ""
                if match.group(1).startswith("paragraph:")
                else "X"
            ),
            text,
        )
        Letter.objects.create(
            campaign=campaign, language=language, subject="Social participation", body=text
        )
    Addressee.objects.create(
        campaign=campaign, name="Minister of Health", title="Minister", institution="Ministry"
    )
    Addressee.objects.create(
        campaign=campaign, name="Minister of Finance", title="Minister", institution="Treasury"
    )
    started = time.time()
    with transaction.atomic():
        total = int(n * 1.03)
        for first in range(0, total, BATCH):
            batch = []
            for number in range(first, min(first + BATCH, total)):
                is_org = rng.random() < 0.7
                organisation = rng.choice(registered) if is_org and rng.random() < 0.05 else None
                extra = number >= n  # the 3 % that must not count
                batch.append(
                    Signature(
                        campaign=campaign,
                        kind="organisation" if is_org else "individual",
                        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                        email=f"signer{number}@example.org",
                        role=rng.choice(("Director", "Coordinator", "Nurse", "")),
                        organisation_name=(
                            organisation.name
                            if organisation
                            else f"{rng.choice(ORGS)} {number}"
                            if is_org
                            else ""
                        ),
                        organisation=organisation,
                        organisation_kind="ngo" if is_org else "",
                        country_id=rng.choices(countries, weights)[0],
                        show_name=rng.random() < 0.5,
                        language=rng.choice(("en", "fr", "ar")),
                        created_at=now - timedelta(minutes=number),
                        confirmed_at=None
                        if extra and number % 3
                        else now - timedelta(minutes=number),
                        organisation_approved_at=now if organisation else None,
                        removed_at=now if extra and not number % 3 else None,
                    )
                )
            Signature.objects.bulk_create(batch)
    print(f"Generated {total:,} signatures in {time.time() - started:.1f} s.", file=sys.stderr)
    return campaign, user


def delete_generated() -> None:
    from django.contrib.auth import get_user_model

    from sauti.accounts.models import Organisation
    from sauti.campaigns.models import Campaign

    Campaign.objects.filter(coalition__slug=BENCH_MARK).delete()
    Organisation.objects.filter(slug__startswith=BENCH_MARK).delete()
    get_user_model().objects.filter(email=f"{BENCH_MARK}@example.org").delete()


def time_once(client, url: str) -> tuple[float, float, int]:
    """Elapsed ms, CPU ms and size of one download (files are made once, at the deadline)."""
    start, start_cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed, (time.process_time() - start_cpu) * 1000, len(body)


def run(n: int, runs: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from sauti.campaigns import signatories

    campaign, user = generate(n)
    counted = signatories.count(campaign)
    listed = signatories.listed(campaign).count()
    pages = (listed + signatories.PAGE_SIZE - 1) // signatories.PAGE_SIZE
    with translation.override("en"):
        detail = reverse("campaigns:detail", args=[campaign.pk])
        rows = [
            (f"campaign page, list page 1 of {pages}", detail),
            (f"campaign page, list page {pages // 2}", f"{detail}?page={pages // 2}"),
            (f"campaign page, list page {pages}", f"{detail}?page={pages}"),
            ("campaign page in Arabic, page 1", "/ar" + detail.removeprefix("/en")),
            (
                "organisers' list of signatures, page 1",
                reverse("campaigns:signatures", args=[campaign.pk]),
            ),
            ("API public signatories, page 1", f"/api/v1/campaigns/{campaign.pk}/signatories"),
        ]
        files = []
        for name, label in (
            ("letter_docx", "DOCX, letter in French + all signatories"),
            ("letter_pdf", "PDF, letter in French + all signatories"),
            ("signatures_csv", "CSV of all signatures"),
            ("signatures_xlsx", "XLSX of all signatures"),
        ):
            try:
                url = reverse(f"campaigns:{name}", args=[campaign.pk])
            except NoReverseMatch:
                continue
            files.append((label, url + ("?language=fr" if name.startswith("letter") else "")))

    client = Client()
    client.force_login(user)
    print(
        f"Database: {connection.vendor}; {counted:,} counted signatories "
        f"({listed:,} on the public list); {runs} runs per request after one warm-up.\n"
    )
    print("| request | median | p95 | median CPU | queries | size (gzip) |")
    print("|---|--:|--:|--:|--:|--:|")
    for label, url in rows:
        try:
            result = time_view(client, url, runs)
        except RuntimeError as error:
            print(f"| {label} | {error} | | | | |")
            continue
        print(
            f"| {label} | {result['median']:.1f} ms | {result['p95']:.1f} ms "
            f"| {result['cpu']:.1f} ms | {result['queries']} | {result['gzip']:.1f} KB |"
        )
    if files:
        print("\n| download (once) | time | CPU | size |")
        print("|---|--:|--:|--:|")
        for label, url in files:
            elapsed, cpu, size = time_once(client, url)
            print(
                f"| {label} | {elapsed / 1000:.2f} s | {cpu / 1000:.2f} s | {size / 1024:.0f} KB |"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="counted signatories")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page")
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
        print(f"campaign_signatures: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
