"""Campaign benchmark: how many sign-on confirmations a second gunicorn serves.

Run from the project root:

    .venv/bin/python bench/campaign_confirm.py                  # 3 000 confirmations
    .venv/bin/python bench/campaign_confirm.py --n 1000 --workers 2 --concurrency 8

It builds a throwaway SQLite database in a temporary folder and migrates it
(``bench/_mechanisms_data.py``), or with ``DATABASE_URL`` set uses that
database (the rows it adds are deleted at the end). It creates an open
campaign and N unconfirmed signatures, starts ``gunicorn sauti.wsgi`` (sync
workers, ``--workers`` of them, ``DEBUG`` off) on a free local port, and sends
every confirmation exactly as a browser does after the emailed link: a POST to
``/en/campaigns/confirm/<token>/`` with the CSRF cookie and token, from
``--concurrency`` client threads, each request on its own connection (sync
workers close them). It counts the answers, checks in the database that every
signature was confirmed once, and prints requests per second with the median
and 95th-percentile latency seen by the client.

The client runs on the same machine, so it takes CPU from the server: on a
two-core machine the figure is a floor. It is a benchmark, not a test: it
prints, it never fails the build.

Target (issue 5): ≥ 50 confirmations a second on two cores under gunicorn.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

from _mechanisms_data import setup_django

BENCH_MARK = "sauti-bench-confirm"
ROOT = Path(__file__).resolve().parent.parent


def generate(n: int) -> tuple[int, list[str]]:
    from django.utils import timezone

    from sauti.accounts.models import Organisation
    from sauti.campaigns import services
    from sauti.campaigns.models import Campaign, Letter, Signature

    coalition = Organisation.objects.create(
        name="Benchmark coalition", slug=BENCH_MARK, kind="network", level="national"
    )
    campaign = Campaign.objects.create(
        coalition=coalition,
        title="Benchmark: confirmations",
        state=Campaign.State.OPEN,
        signers=Campaign.Signers.BOTH,
        opened_at=timezone.now(),
        deadline=timezone.now() + timedelta(days=3),
    )
    Letter.objects.create(campaign=campaign, language="en", subject="S", body="Dear Minister,")
    signatures = Signature.objects.bulk_create(
        Signature(
            campaign=campaign,
            kind="individual",
            name=f"Signer {number}",
            email=f"confirm{number}@example.org",
            show_name=bool(number % 2),
        )
        for number in range(n)
    )
    return campaign.pk, [services.signature_token(signature) for signature in signatures]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/en/campaigns/")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def csrf(port: int, token: str) -> tuple[str, str]:
    """A CSRF cookie and a form token for it, as a browser has after opening the link."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", f"/en/campaigns/confirm/{token}/")
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie", "")
    match = re.search(r"csrftoken=([^;]+)", cookie)
    if not match:
        raise RuntimeError("no CSRF cookie")
    # The unmasked secret is accepted as the form token (Django masks only for BREACH).
    return match.group(1), match.group(1)


def confirm(port: int, token: str, cookie: str, form_token: str) -> tuple[int, float]:
    body = f"csrfmiddlewaretoken={form_token}".encode()
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        f"/en/campaigns/confirm/{token}/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
        },
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, (time.perf_counter() - start) * 1000


def run(n: int, workers: int, concurrency: int, var_dir: str) -> None:
    from django.db import connection

    from sauti.campaigns.models import Signature

    campaign_pk, tokens = generate(n)
    connection.close()  # gunicorn's workers write to the same database
    port = free_port()
    env = {**os.environ, "DEBUG": "false", "SAUTI_VAR_DIR": var_dir}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "sauti.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port)
        cookie, form_token = csrf(port, tokens[0])
        # Warm-up: the first requests of each worker import and compile.
        for token in tokens[:20]:
            confirm(port, token, cookie, form_token)
        timed = tokens[20:]
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(lambda t: confirm(port, t, cookie, form_token), timed))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    statuses: dict[int, int] = {}
    for status, _latency in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(latency for _status, latency in results)
    confirmed = Signature.objects.filter(
        campaign_id=campaign_pk, confirmed_at__isnull=False
    ).count()
    print(
        f"Database: {connection.vendor}; gunicorn sync workers: {workers}; client threads: "
        f"{concurrency}; CPU cores on the machine: {os.cpu_count()}.\n"
    )
    print("| confirmations | requests/s | median latency | p95 latency | answers | confirmed |")
    print("|--:|--:|--:|--:|---|--:|")
    answers = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
    p95 = statistics.quantiles(latencies, n=20, method="inclusive")[18]
    print(
        f"| {len(timed):,} | {len(timed) / elapsed:.0f} | {statistics.median(latencies):.0f} ms "
        f"| {p95:.0f} ms | {answers} | {confirmed:,} of {n:,} |"
    )


def delete_generated() -> None:
    from sauti.accounts.models import Organisation
    from sauti.campaigns.models import Campaign

    Campaign.objects.filter(coalition__slug=BENCH_MARK).delete()
    Organisation.objects.filter(slug=BENCH_MARK).delete()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="signatures to confirm")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    args = parser.parse_args()
    external = bool(os.environ.get("DATABASE_URL"))
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        try:
            run(args.n, args.workers, args.concurrency, var_dir)
        finally:
            if external:
                delete_generated()
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"campaign_confirm: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
