"""Shadow report benchmark: the time to generate one report with ten charts, DOCX and PDF.

Run from the project root:

    .venv/bin/python bench/shadow_report.py
    .venv/bin/python bench/shadow_report.py --languages es ar zh-hans --runs 3

It builds a throwaway SQLite database in a temporary folder, migrates it, and
generates the data of one country: the ten WHA77 commitments assessed in each
of three cycles by twenty organisations (600 assessments, each with one or two
pieces of evidence), a coalition of those organisations that published a
consolidated assessment on six commitments, twenty published community
scorecards (five indicators, four groups of which one is under the disclosure
threshold, an action plan), three case studies, and the mechanisms of
``bench/_mechanisms_data.py`` (the report's country is the one with the most).

Then it generates a report in each language as the task does
(:func:`sauti.reports.services.generate`: assemble, DOCX, PDF, store the
files) and prints, per language, the median time of each step and of the
whole, the number of charts, pages and file sizes. It is a benchmark, not a
test: it prints, it never fails the build.

Target (issue 4): a shadow report with 10 charts generates in ≤ 10 s.
"""

from __future__ import annotations

import argparse
import datetime
import io
import random
import statistics
import sys
import tempfile
import time

from _mechanisms_data import generate as generate_mechanisms
from _mechanisms_data import setup_django

ORGANISATIONS = 20
CYCLES = 3
SCORECARDS = 20


def _country_data(seed: int = 7):  # type: ignore[no-untyped-def]
    from django.db.models import Count
    from django.utils import timezone

    from sauti.accounts.models import NetworkMembership, Organisation
    from sauti.commitments.models import (
        ActionItem,
        Commitment,
        Consolidated,
        ConsolidatedEntry,
        CountryAssessment,
        Cycle,
        Evidence,
        GroupScore,
        ParticipantGroup,
        Scorecard,
        ScorecardItem,
        Status,
    )
    from sauti.mechanisms.models import CaseStudy, Mechanism

    rng = random.Random(seed)
    country = (
        Mechanism.objects.values("country_id").annotate(n=Count("pk")).order_by("-n").first()
    )["country_id"]
    commitments = list(Commitment.objects.filter(framework__code="wha77").order_by("number"))[:10]
    cycles = list(Cycle.objects.order_by("year"))[:CYCLES]
    for year in range(len(cycles), CYCLES):
        cycles.append(
            Cycle.objects.create(
                code=f"bench-{year}",
                year=2040 + year,
                opens_on=datetime.date(2040 + year, 1, 1),
                _current_language="en",
                name=f"Bench cycle {year}",
            )
        )
    coalition = Organisation.objects.create(
        name="Bench Health Coalition", slug="bench-coalition", kind="network", level="national"
    )
    organisations = [
        Organisation.objects.create(
            name=f"Bench organisation {n}", slug=f"bench-org-{n}", kind="ngo", level="national"
        )
        for n in range(ORGANISATIONS)
    ]
    NetworkMembership.objects.bulk_create(
        NetworkMembership(network=coalition, member=o, status="active") for o in organisations
    )
    statuses = list(Status.values)
    assessments = CountryAssessment.objects.bulk_create(
        CountryAssessment(
            organisation=o,
            country_id=country,
            cycle=cycle,
            commitment=c,
            status=rng.choice(statuses),
            narrative="What the ministry did and did not do.",
        )
        for o in organisations
        for cycle in cycles
        for c in commitments
    )
    Evidence.objects.bulk_create(
        Evidence(
            assessment=a,
            title=f"Budget speech {a.pk}-{k}",
            url=f"https://example.org/evidence/{a.pk}/{k}",
        )
        for a in assessments
        for k in range(rng.choice((1, 2)))
    )
    consolidated = Consolidated.objects.create(
        coalition=coalition,
        country_id=country,
        cycle=cycles[-1],
        state="published",
        published_at=timezone.now(),
        summary="The coalition's members agree on most commitments.",
    )
    ConsolidatedEntry.objects.bulk_create(
        ConsolidatedEntry(
            consolidated=consolidated, commitment=c, status=rng.choice(statuses), note="Agreed."
        )
        for c in commitments[:6]
    )
    for n in range(SCORECARDS):
        card = Scorecard.objects.create(
            organisation=organisations[n % ORGANISATIONS],
            country_id=country,
            cycle=cycles[-1],
            place_kind="facility",
            place_name=f"Bench clinic {n}",
            held_on=datetime.date(2026, 1 + n % 12, 1 + n),
            interface_outcome="The clinic agreed to post its opening hours.",
            is_published=True,
        )
        items = ScorecardItem.objects.bulk_create(
            ScorecardItem(scorecard=card, text=f"Indicator {k}", order=k, self_score=4)
            for k in range(5)
        )
        groups = ParticipantGroup.objects.bulk_create(
            ParticipantGroup(scorecard=card, label=label, size=size)
            for label, size in (("Women", 14), ("Youth", 11), ("Elders", 20), ("Sex workers", 4))
        )
        GroupScore.objects.bulk_create(
            GroupScore(item=i, group=g, score=rng.randint(1, 5), reasons="Because.")
            for i in items
            for g in groups
        )
        ActionItem.objects.create(scorecard=card, action="Post opening hours", responsible="Matron")
    studies = [
        CaseStudy.objects.create(
            country_id=country,
            slug=f"bench-case-{n}",
            _current_language="en",
            title=f"Bench case study {n}",
            summary="How a council won a budget line.",
            what_worked="Joint letters and a public hearing.",
            challenges="Turnover of officials.",
            sources=[{"title": f"Source {n}", "url": f"https://example.org/case/{n}"}],
        )
        for n in range(3)
    ]
    return coalition, country, cycles[-1], studies


def run(languages: list[str], runs: int, mechanisms: int) -> None:
    from pypdf import PdfReader

    from sauti.accounts.models import User
    from sauti.reports import content, docx, pdf, services
    from sauti.reports.models import ShadowReport

    started = time.perf_counter()
    generate_mechanisms(mechanisms)
    coalition, country, cycle, studies = _country_data()
    print(
        f"Data for {country}: 10 commitments × {CYCLES} cycles × {ORGANISATIONS} organisations, "
        f"{SCORECARDS} scorecards, {mechanisms} mechanisms in the registry "
        f"(made in {time.perf_counter() - started:.1f} s).\n"
    )
    user = User.objects.create_user("bench@example.org", display_name="Bench")
    print("| language | assemble | DOCX | PDF | whole task | charts | pages | DOCX | PDF |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for language in languages:
        report = services.create_report(
            coalition=coalition,
            country=coalition.country or _country(country),
            cycle=cycle,
            language=language,
            title="Promises and practice",
            foreword="Why we wrote this report.\n\nWho took part.",
            recommendations="Fund the councils.\n\nPublish the minutes.",
            case_studies=studies,
            acting_user=user,
        )
        steps: dict[str, list[float]] = {"assemble": [], "docx": [], "pdf": [], "whole": []}
        charts = pages = 0
        for _run in range(runs):
            t0 = time.perf_counter()
            assembled = content.assemble(report)
            t1 = time.perf_counter()
            docx.render(assembled)
            t2 = time.perf_counter()
            try:
                printed = pdf.render(assembled)
            except pdf.PdfUnavailable as error:
                print(f"({language}: no PDF here: {error})")
                printed = b""
            t3 = time.perf_counter()
            services.generate(report.pk)
            t4 = time.perf_counter()
            steps["assemble"].append(t1 - t0)
            steps["docx"].append(t2 - t1)
            steps["pdf"].append(t3 - t2)
            steps["whole"].append(t4 - t3)
            charts = len(assembled.figures)
            pages = len(PdfReader(io.BytesIO(printed)).pages) if printed else 0
        report = ShadowReport.objects.get(pk=report.pk)
        sizes = [
            f"{field.size / 1024:.0f} KB" if field else "–" for field in (report.docx, report.pdf)
        ]
        median = {key: statistics.median(values) for key, values in steps.items()}
        print(
            f"| {language} | {median['assemble']:.2f} s | {median['docx']:.2f} s "
            f"| {median['pdf']:.2f} s | {median['whole']:.2f} s | {charts} | {pages} "
            f"| {sizes[0]} | {sizes[1]} |"
        )


def _country(code: str):  # type: ignore[no-untyped-def]
    from sauti.core.models import Country

    return Country.objects.get(pk=code)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", nargs="+", default=["es", "ar", "zh-hans"])
    parser.add_argument("--runs", type=int, default=3, help="generations per language")
    parser.add_argument("--mechanisms", type=int, default=5000, help="mechanisms in the registry")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sauti-bench-") as var_dir:
        setup_django(var_dir, keep_database_url=False)
        run(args.languages, args.runs, args.mechanisms)
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a benchmark reports, it does not fail the build
        print(f"shadow_report: could not finish: {error!r}", file=sys.stderr)
    sys.exit(0)
