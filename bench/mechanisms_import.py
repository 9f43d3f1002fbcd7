"""Import benchmark: check and write 10 000 mechanisms from one CSV file.

Run from the project root:

    .venv/bin/python bench/mechanisms_import.py [--rows 10000] [--xlsx]

It builds a throwaway SQLite database in a temporary folder (migrations only;
with DATABASE_URL set, that database instead, e.g. an empty PostgreSQL one),
generates a CSV (or XLSX) of N realistic mechanisms (names, countries, levels,
yes/no answers, seats, constituencies, dates, one or two sources each), then
times the two steps of the import as the pages run them:

- check: read and validate every row (``imports.validate_upload``), then keep
  the rows for confirmation (``imports.save_pending``);
- write: ``imports.confirm_pending`` → ``imports.import_mechanisms``, one
  transaction and one reversion revision.

and, for scale, exporting the imported list as CSV, XLSX and JSON. The target
from issue 3 is ≤ 15 s for 10 000 rows. It is a benchmark, not a test: it
prints, it never fails.

``--xlsx`` uploads a workbook written by openpyxl, which stores every text as an
inline string; Excel and LibreOffice write shared strings, which openpyxl reads
faster, so this is the slow case of XLSX.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = [
    ("KE", "Kisumu"),
    ("KE", "Homa Bay"),
    ("BR", "Porto Alegre"),
    ("BR", "Recife"),
    ("SN", "Thiès"),
    ("SN", "Kaolack"),
    ("TH", "Khon Kaen"),
    ("MG", "Toamasina"),
    ("MZ", "Nampula"),
    ("IN", "Pune"),
    ("PH", "Iloilo"),
    ("CO", "Medellín"),
    ("UA", "Lviv"),
    ("EG", "Asyut"),
    ("CN", "Chengdu"),
    ("Uganda", "Gulu"),
    ("Bangladesh", "Sylhet"),
]
KINDS = {
    "council": "Health Council",
    "committee": "Health Facility Committee",
    "forum": "Community Health Forum",
    "assembly": "Health Assembly",
    "platform": "Multi-stakeholder Platform on UHC",
    "advisory": "Patients' Advisory Group",
}
LEVELS = ["national", "regional", "district", "municipal", "facility", "community"]
YES_NO = ["yes", "no", "", "yes", "oui", "no"]
CONSTITUENCIES = ["women", "youth", "hiv", "disability", "rural", "older", "migrants"]


def setup_django(var_dir: str) -> None:
    os.environ["SAUTI_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sauti.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def generate_rows(count: int, seed: int = 3) -> tuple[list[str], list[list[object]]]:
    from sauti.mechanisms import imports

    rng = random.Random(seed)
    header = list(imports.KEYS)
    rows = []
    for number in range(count):
        country, place = rng.choice(PLACES)
        kind = rng.choice(list(KINDS))
        level = rng.choice(LEVELS)
        values: dict[str, object] = {
            "name": f"{place} {KINDS[kind]} {number + 1}",
            "description": (
                f"Residents of {place} and the health management team meet to set priorities, "
                "review the budget and follow up on complaints about services."
            ),
            "original_language": rng.choice(["en", "fr", "pt", ""]),
            "country": country,
            "subnational_area": place,
            "level": level,
            "kind": kind,
            "legal_basis": rng.choice(["law", "decree", "policy", "none", ""]),
            "legal_citation": f"Act No. {rng.randint(1, 40)} of {rng.randint(1990, 2022)}",
            "year_established": str(rng.randint(1988, 2024)),
            "host_institution": f"{place} Health Department",
            "outcome": rng.choice(["advisory", "binding", ""]),
            "spectrum": rng.choice(["inform", "consult", "involve", "collaborate", "empower"]),
            "selection": rng.choice(["open", "election", "appointment", ""]),
            "constituencies": ";".join(rng.sample(CONSTITUENCIES, rng.randint(0, 4))),
            "meeting_frequency": rng.choice(["monthly", "quarterly", "yearly", ""]),
            "last_meeting": f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-"
            f"{rng.randint(1, 28):02d}",
            "source_title": "Founding act\nMinutes of the last meeting"
            if number % 3
            else "Founding act",
            "source_url": f"https://example.org/{number}/act\nhttps://example.org/{number}/minutes"
            if number % 3
            else f"example.org/{number}/act",
        }
        for key in header:
            if key.startswith("seats_"):
                values[key] = str(rng.randint(0, 12))
            elif key not in values:
                values[key] = rng.choice(YES_NO)
        rows.append([values.get(key, "") for key in header])
    return header, rows


def as_csv(header: list[str], rows: list[list[object]]) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(header: list[str], rows: list[list[object]]) -> bytes:
    """A workbook as Excel and LibreOffice write one: shared strings and a sheet dimension
    (openpyxl's write-only mode writes neither, which costs a reader twice the time)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--xlsx", action="store_true", help="upload an XLSX instead of a CSV")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir)
        from django.conf import settings
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.db import connection
        from django.utils import translation

        from sauti.accounts.models import Membership, Organisation, User
        from sauti.mechanisms import exports, imports
        from sauti.mechanisms.models import Mechanism

        settings.MEDIA_ROOT = Path(var_dir) / "media"
        translation.activate("en")
        user = User.objects.create_user(email="bench@example.org", password=None)
        organisation = Organisation.objects.create(
            name="Bench Health Rights Network", slug="bench", kind="network", level="global"
        )
        Membership.objects.create(
            user=user, organisation=organisation, role="member", status="active"
        )

        header, rows = generate_rows(arguments.rows)
        fmt = "xlsx" if arguments.xlsx else "csv"
        data = as_xlsx(header, rows) if arguments.xlsx else as_csv(header, rows)
        upload = SimpleUploadedFile(f"bench.{fmt}", data)

        steps: list[tuple[str, float, float]] = []
        statements = [0]

        def count_statements(execute, sql, params, many, context):
            statements[0] += 1
            return execute(sql, params, many, context)

        def step(label: str, work):
            wall, cpu = time.perf_counter(), time.process_time()
            with connection.execute_wrapper(count_statements):
                value = work()
            steps.append((label, time.perf_counter() - wall, time.process_time() - cpu))
            return value

        result = step(
            "read and validate every row",
            lambda: imports.validate_upload(upload, default_language="en"),
        )
        assert result.ok, [str(p) for p in result.problems[:5]]
        token = step(
            "keep the rows for confirmation (JSON file)",
            lambda: imports.save_pending(
                result, user=user, organisation=organisation, filename=upload.name
            ),
        )
        pending = step("load them on confirm", lambda: imports.load_pending(token, user=user))
        statements[0] = 0
        count = step(
            "write every row: one transaction, one revision",
            lambda: imports.confirm_pending(pending, acting_user=user, organisation=organisation),
        )
        written_with = statements[0]
        assert count == Mechanism.objects.count() == arguments.rows
        import_steps = list(steps)

        def export(kind: str) -> int:
            stream = exports.records(Mechanism.objects.all(), detail_url="/m/{id}/")
            if kind == "csv":
                return sum(len(chunk.encode()) for chunk in exports.csv_chunks(stream))
            if kind == "json":
                return sum(len(chunk.encode()) for chunk in exports.json_chunks(stream))
            return len(exports.xlsx_file(stream).read())

        sizes = {}
        for kind in ("csv", "xlsx", "json"):
            statements[0] = 0
            sizes[kind] = step(f"export {kind.upper()}", lambda kind=kind: export(kind))
            sizes[kind] = (sizes[kind], statements[0])

        vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(connection.vendor)
        print(f"## Import of {arguments.rows:,} mechanisms from {fmt.upper()}, {vendor}\n")
        print(f"file: {len(data) / 1e6:.1f} MB\n")
        print("| step | wall s | CPU s |")
        print("|---|---:|---:|")
        for label, wall, cpu in import_steps:
            if label.startswith("write"):
                label += f" ({written_with} SQL statements)"
            print(f"| {label} | {wall:.2f} | {cpu:.2f} |")
        wall = sum(s[1] for s in import_steps)
        cpu = sum(s[2] for s in import_steps)
        print(f"| **upload to done** (target ≤ 15 s) | **{wall:.2f}** | {cpu:.2f} |")
        for label, wall, cpu in steps[len(import_steps) :]:
            kind = label.split()[-1].lower()
            size, queries = sizes[kind]
            print(f"| {label} ({size / 1e6:.1f} MB, {queries} queries) | {wall:.2f} | {cpu:.2f} |")
        print(f"\npeak memory of the process: {peak_mb():.0f} MB")
        print(f"load average when done: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
