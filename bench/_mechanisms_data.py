"""Shared by the mechanisms benchmarks: a throwaway database, N synthetic mechanisms, a timer.

Not a benchmark itself. ``mechanisms_gaps.py`` and ``mechanisms_list.py`` import
it (``bench/`` is on ``sys.path`` when a script in it runs).

The generator spreads N mechanisms over the WHO Member States with a skew like
real registries (a few countries hold thousands of councils, most a handful):
every yes/no fact yes, no or not known, a legal basis or none or not known,
constituencies, and for about 60 % of them an assessment whose scores are
copied onto the mechanism as the service does, all with ``bulk_create``. About
1 % are hidden. Names read like real ones ("Kisumu Health Council 17"): a
place from :data:`PLACES` (each in about 1 in 40 names), the kind, a number;
half carry a one-sentence description; one in ten is recorded in French only
and one in ten has a French translation besides English, so the list shows
both the reader's language and the fallback to the original.
"""

from __future__ import annotations

import gzip
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_MARK = "sauti-bench"  # host_institution of every generated row, to delete them after
BATCH = 2000

PLACES = (
    "Kisumu",
    "Recife",
    "Thiès",
    "Khon Kaen",
    "Toamasina",
    "Nampula",
    "Pune",
    "Iloilo",
    "Medellín",
    "Lviv",
    "Asyut",
    "Chengdu",
    "Gulu",
    "Sylhet",
    "Porto Alegre",
    "Kaolack",
    "Homa Bay",
    "Cusco",
    "Tamale",
    "Mwanza",
    "Bobo-Dioulasso",
    "Jos",
    "Herat",
    "Tanga",
    "Ndola",
    "Blantyre",
    "Kandy",
    "Surabaya",
    "Hue",
    "Davao",
    "Oaxaca",
    "Quetzaltenango",
    "Santa Cruz",
    "Cochabamba",
    "Arequipa",
    "Mombasa",
    "Mekelle",
    "Gitega",
    "Goma",
    "Kumasi",
)
KIND_NAMES = {
    "assembly": ("Health Assembly", "Assemblée de santé"),
    "council": ("Health Council", "Conseil de santé"),
    "committee": ("Health Committee", "Comité de santé"),
    "platform": ("Health Platform", "Plateforme de santé"),
    "consultation": ("Health Hearing", "Audience publique sur la santé"),
    "panel": ("Citizens' Health Panel", "Panel citoyen sur la santé"),
    "forum": ("Community Health Forum", "Forum communautaire de santé"),
    "advisory": ("Patients' Advisory Group", "Groupe consultatif des patients"),
    "other": ("Health Dialogue", "Dialogue sur la santé"),
}
DESCRIPTION = (
    "Residents of {place} meet the health management team to set priorities, "
    "review the budget and follow up on complaints about services.",
    "Les habitants de {place} rencontrent l'équipe de santé pour fixer les priorités, "
    "suivre le budget et les plaintes sur les services.",
)


def setup_django(var_dir: str, *, keep_database_url: bool = True) -> None:
    """Django on a throwaway SQLite database in ``var_dir`` (or DATABASE_URL), migrated."""
    os.environ["SAUTI_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sauti.settings")
    if not keep_database_url:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def generate(n: int, seed: int = 3) -> None:
    """N synthetic mechanisms, their translations, constituencies and assessments."""
    from django.db import connection, transaction
    from django.utils import timezone

    from sauti.accounts.models import Constituency, Organisation
    from sauti.core.models import Country
    from sauti.mechanisms.models import Assessment, Mechanism

    rng = random.Random(seed)
    countries = list(Country.objects.values_list("code", flat=True))
    rng.shuffle(countries)
    # A Zipf-like skew: the first country has the most mechanisms.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(countries))]
    constituencies = list(Constituency.objects.values_list("code", flat=True))
    organisation, _created = Organisation.objects.get_or_create(
        slug=BENCH_MARK,
        defaults={"name": "Benchmark", "kind": "ngo", "level": "national", "country_id": "KE"},
    )

    def answer() -> bool | None:
        return rng.choice((True, True, False, False, False, None))

    booleans = (
        "is_formal",
        *Mechanism.STAGES,
        "co_governs",
        "community_majority",
        "has_budget",
        "has_secretariat",
        "has_office",
        "has_allowances",
        "publishes_agendas",
        "publishes_minutes",
        "publishes_decisions",
        "gives_feedback",
        "offers_capacity_building",
    )
    legal = [*Mechanism.LegalBasis.values, "", ""]
    spectrum = [*Mechanism.Spectrum.values, ""]
    translation_model = Mechanism.translations.field.model
    through = Mechanism.constituencies.through
    now = time.time()
    hidden_at = timezone.now()
    with transaction.atomic():
        done = 0
        while done < n:
            size = min(BATCH, n - done)
            batch = []
            scored = []
            texts = []  # (language, name, description) per translation, per mechanism
            for number in range(done + 1, done + size + 1):
                languages = rng.choices((("en",), ("fr",), ("en", "fr")), (8, 1, 1))[0]
                kind = rng.choice(Mechanism.Kind.values)
                place = rng.choice(PLACES)
                described = rng.random() < 0.5
                mechanism = Mechanism(
                    country_id=rng.choices(countries, weights)[0],
                    level=rng.choice(Mechanism.Level.values),
                    kind=kind,
                    legal_basis=rng.choice(legal),
                    spectrum=rng.choice(spectrum),
                    year_established=rng.choice((None, rng.randint(1980, 2025))),
                    subnational_area=place,
                    host_institution=BENCH_MARK,
                    original_language=languages[0],
                    hidden_at=hidden_at if rng.random() < 0.01 else None,
                    **{name: answer() for name in booleans},
                )
                assess = rng.random() < 0.6
                if assess:
                    for dimension in Assessment.DIMENSIONS:
                        setattr(mechanism, f"score_{dimension}", rng.choice((0, 1, 1, 2, 2, 3)))
                batch.append(mechanism)
                scored.append(assess)
                texts.append(
                    [
                        (
                            language,
                            f"{place} {KIND_NAMES[kind][language == 'fr']} {number}",
                            DESCRIPTION[language == "fr"].format(place=place) if described else "",
                        )
                        for language in languages
                    ]
                )
            Mechanism.objects.bulk_create(batch)
            translation_model.objects.bulk_create(
                translation_model(
                    master_id=m.pk, language_code=language, name=name, description=description
                )
                for m, rows in zip(batch, texts, strict=True)
                for language, name, description in rows
            )
            through.objects.bulk_create(
                through(mechanism_id=m.pk, constituency_id=code)
                for m in batch
                for code in rng.sample(constituencies, rng.choice((0, 1, 1, 2, 3, 4)))
            )
            assessed = [m for m, assess in zip(batch, scored, strict=True) if assess]
            assessments = Assessment.objects.bulk_create(
                Assessment(
                    mechanism_id=m.pk,
                    organisation=organisation,
                    **{d: getattr(m, f"score_{d}") for d in Assessment.DIMENSIONS},
                )
                for m in assessed
            )
            # The link the service keeps from a mechanism to its latest assessment.
            for mechanism, assessment in zip(assessed, assessments, strict=True):
                mechanism.latest_assessment_id = assessment.pk
            Mechanism.objects.bulk_update(assessed, ["latest_assessment"], batch_size=500)
            done += size
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum gathers within a minute of a bulk load.
        # SQLite gets none: the project never runs ANALYZE there, so its planner
        # works without statistics in production too.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"Generated {n} mechanisms in {time.time() - now:.1f} s.", file=sys.stderr)


def delete_generated() -> None:
    from sauti.accounts.models import Organisation
    from sauti.mechanisms.models import Assessment, Mechanism

    Assessment.objects.filter(mechanism__host_institution=BENCH_MARK).delete()
    Mechanism.objects.filter(host_institution=BENCH_MARK).delete()
    Organisation.objects.filter(slug=BENCH_MARK).delete()


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def time_view(client, url: str, runs: int) -> dict[str, float]:
    """Median and p95 elapsed time, median CPU, queries and gzip size of GET ``url``.

    A streamed response (an export) is read to the end inside the timing: the
    rows are queried and written while it streams.
    """
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)  # warm-up
        body = _body(response)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        _body(client.get(url))
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if runs > 1 else times[0]
    return {
        "median": statistics.median(times),
        "p95": p95,
        "cpu": statistics.median(cpu),
        "queries": len(queries),
        "gzip": len(gzip.compress(body, compresslevel=6, mtime=0)) / 1024,
    }
