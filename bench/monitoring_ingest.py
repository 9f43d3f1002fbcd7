"""Monitoring benchmark: how many OpenRosa submissions a second gunicorn stores.

Run from the project root:

    .venv/bin/python bench/monitoring_ingest.py                 # 2 000 submissions
    .venv/bin/python bench/monitoring_ingest.py --count 500 --workers 2 --concurrency 4

It builds a throwaway SQLite database in a temporary folder and migrates it
(``bench/_mechanisms_data.py``), or with ``DATABASE_URL`` set uses that
database (the rows it adds are deleted at the end). It creates a project, the
demo exit-interview form (the XLSForm of ``load_monitoring_demo``, converted as
an upload is), a monitor and their collector token, starts ``gunicorn
sauti.wsgi`` (sync workers, ``--workers`` of them, ``DEBUG`` off) on a free
local port, and sends ``--count`` distinct submissions exactly as ODK Collect
does: a multipart POST to ``/collect/<token>/submission`` with the instance as
``xml_submission_file`` and the OpenRosa headers, from ``--concurrency`` client
threads, each request on its own connection. It counts the answers, checks in
the database how many submissions were stored, and prints submissions per
second with the median and 95th-percentile latency seen by the client.

Every submission goes through ``services.ingest`` (safe XML parsing, the form
and role checks, idempotency on the instance ID, the indicator cells kept
exact), so the figure is that of the real path, not of a bare insert.

The client runs on the same machine, so it takes CPU from the server: on a
two-core machine the figure is a floor. It is a benchmark, not a test: it
prints, it never fails the build.

Target (issue 7): ≥ 200 submissions a second on two cores under gunicorn.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from _mechanisms_data import setup_django

BENCH_MARK = "sauti-bench-ingest"
ROOT = Path(__file__).resolve().parent.parent
BOUNDARY = "----sauti-bench-boundary-7d3f"


def generate(count: int) -> tuple[int, str, list[bytes]]:
    """A project with the exit-interview form and a monitor's token, and ``count`` instances."""
    from sauti.accounts.models import Organisation, User
    from sauti.monitoring import xlsform
    from sauti.monitoring.management.commands.load_monitoring_demo import (
        exit_interview_xlsform,
        instance_xml,
    )
    from sauti.monitoring.models import (
        CollectorToken,
        Form,
        FormVersion,
        Indicator,
        Project,
        TeamMember,
    )

    organisation = Organisation.objects.create(
        name="Benchmark monitoring group", slug=BENCH_MARK, kind="community", level="local"
    )
    project = Project.objects.create(organisation=organisation, title="Benchmark: ingest")
    conversion = xlsform.convert(exit_interview_xlsform(), "exit.xlsx", validate=False)
    form = Form.objects.create(project=project, form_id=conversion.form_id, title="Exit")
    FormVersion.objects.create(
        form=form,
        version=conversion.version,
        xml=conversion.xml,
        md5=conversion.md5,
        validation=FormVersion.Validation.NOT_RUN,
    )
    # Indicators make every approved submission refresh cells; new ones do not count yet,
    # but the signal handlers still run on every save, as in production.
    Indicator.objects.create(
        project=project, form=form, title="Respect", kind="share", field="respected", value="yes"
    )
    user = User.objects.create_user(email=f"monitor@{BENCH_MARK}.localhost", password=None)
    member = TeamMember.objects.create(project=project, user=user, role=TeamMember.Role.MONITOR)
    key = CollectorToken.objects.create(project=project, member=member).key
    rng = random.Random(7)
    instances = []
    for _ in range(count):
        day = date(2025, 1, 1) + timedelta(days=rng.randint(0, 364))
        answers = {
            "today": day.isoformat(),
            "waited_minutes": str(rng.randint(5, 240)),
            "respected": rng.choice(["yes", "no"]),
            "paid_informally": rng.choice(["yes", "no"]),
            "got_medicines": rng.choice(["yes", "no"]),
            "comment": "",
        }
        instances.append(instance_xml(f"uuid:{uuid.uuid4()}", answers))
    return project.pk, key, instances


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, key: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", f"/collect/{key}/formList")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def multipart(xml: bytes) -> bytes:
    """The body ODK Collect sends: the instance file as ``xml_submission_file``."""
    return (
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="xml_submission_file"; '
            'filename="submission.xml"\r\n'
            "Content-Type: text/xml\r\n\r\n"
        ).encode()
        + xml
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def submit(port: int, key: str, xml: bytes) -> tuple[int, float]:
    body = multipart(xml)
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        f"/collect/{key}/submission",
        body=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
            "X-OpenRosa-Version": "1.0",
            "User-Agent": "org.odk.collect.android/v2025.2 (sauti bench)",
        },
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, (time.perf_counter() - start) * 1000


def run(count: int, workers: int, concurrency: int, var_dir: str) -> None:
    from django.db import connection

    from sauti.monitoring.models import Submission

    project_pk, key, instances = generate(count + 20)
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
        wait_for(port, key)
        # Warm-up: the first requests of each worker import and compile.
        for xml in instances[:20]:
            submit(port, key, xml)
        timed = instances[20:]
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(lambda xml: submit(port, key, xml), timed))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    statuses: dict[int, int] = {}
    for status, _latency in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(latency for _status, latency in results)
    stored = Submission.objects.filter(project_id=project_pk).count()
    print(
        f"Database: {connection.vendor}; gunicorn sync workers: {workers}; client threads: "
        f"{concurrency}; CPU cores on the machine: {os.cpu_count()}.\n"
    )
    print("| submissions | submissions/s | median latency | p95 latency | answers | stored |")
    print("|--:|--:|--:|--:|---|--:|")
    answers = ", ".join(f"{status}: {number}" for status, number in sorted(statuses.items()))
    p95 = statistics.quantiles(latencies, n=20, method="inclusive")[18]
    print(
        f"| {len(timed):,} | {len(timed) / elapsed:.0f} | {statistics.median(latencies):.0f} ms "
        f"| {p95:.0f} ms | {answers} | {stored:,} of {count + 20:,} |"
    )


def delete_generated() -> None:
    from sauti.accounts.models import Organisation, User
    from sauti.monitoring.models import Project

    projects = Project.objects.filter(organisation__slug=BENCH_MARK)
    for project in projects:
        project.submissions.all().delete()
    projects.delete()
    Organisation.objects.filter(slug=BENCH_MARK).delete()
    User.objects.filter(email=f"monitor@{BENCH_MARK}.localhost").delete()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="submissions to send")
    parser.add_argument(
        "--workers",
        type=int,
        default=3,
        help="gunicorn sync workers (one more than the cores: one waits on the write lock)",
    )
    parser.add_argument("--concurrency", type=int, default=6, help="client threads")
    args = parser.parse_args()
    external = bool(os.environ.get("DATABASE_URL"))
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        try:
            run(args.count, args.workers, args.concurrency, var_dir)
        finally:
            if external:
                delete_generated()
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"monitoring_ingest: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
