"""Load the mechanisms registry's built-in and demo data.

- the real mechanisms behind the toolkit's five case studies (sourced, not demo);
- the five case studies, in all seven languages, each linked to its mechanism;
- about sixty fictional mechanisms across the six WHO regions (``is_demo``),
  recorded by the demo organisations of ``load_demo``, and about forty
  assessments by those organisations.

Idempotent: case studies are found by slug, mechanisms by their name in their
original language and their country, assessments by mechanism, organisation
and date; whatever is already there is left as it is. Run ``load_demo`` first.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import reversion
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sauti.accounts.models import Membership, Organisation, User
from sauti.mechanisms.data import case_studies, demo_mechanisms
from sauti.mechanisms.models import Assessment, CaseStudy, Mechanism
from sauti.mechanisms.services import create_mechanism, record_assessment


def find_mechanism(country: str, language: str, name: str) -> Mechanism | None:
    """The mechanism with this name in this language, in this country, if recorded."""
    return (
        Mechanism.objects.filter(
            country_id=country,
            translations__language_code=language,
            translations__name=name,
        )
        .order_by("pk")
        .first()
    )


class Command(BaseCommand):
    help = (
        "Load the five case studies, the real mechanisms behind them, and demo mechanisms "
        "and assessments (idempotent; run load_demo first)."
    )

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        actors = self._demo_actors()
        real, real_added = self._real_mechanisms()
        studies_added = self._case_studies(real)
        demo, demo_added = self._demo_mechanisms(actors)
        assessments_added = self._assessments(demo, actors)

        def line(label: str, added: int, total: int) -> str:
            return f"{label}: {added} added, {total - added} already there"

        self.stdout.write(line("real mechanisms", real_added, len(case_studies.REAL_MECHANISMS)))
        self.stdout.write(line("case studies", studies_added, len(case_studies.CASE_STUDIES)))
        self.stdout.write(line("demo mechanisms", demo_added, len(demo_mechanisms.SPECS)))
        self.stdout.write(
            line("demo assessments", assessments_added, len(demo_mechanisms.ASSESSMENTS))
        )

    def _demo_actors(self) -> dict[str, tuple[Organisation, User]]:
        """Each demo organisation with the demo person who administers it."""
        actors: dict[str, tuple[Organisation, User]] = {}
        missing = []
        for slug in demo_mechanisms.ORGANISATIONS:
            membership = (
                Membership.objects.filter(
                    organisation__slug=slug,
                    organisation__is_demo=True,
                    role=Membership.Role.ADMIN,
                    status=Membership.Status.ACTIVE,
                )
                .select_related("organisation", "user")
                .order_by("pk")
                .first()
            )
            if membership is None:
                missing.append(slug)
            else:
                actors[slug] = (membership.organisation, membership.user)
        if missing:
            raise CommandError(
                "The demo organisations are not there yet (missing: "
                f"{', '.join(missing)}). Run `manage.py load_demo` first, "
                "then `manage.py load_mechanisms_demo`."
            )
        return actors

    def _real_mechanisms(self) -> tuple[dict[str, Mechanism], int]:
        found: dict[str, Mechanism] = {}
        added = 0
        for spec in case_studies.REAL_MECHANISMS:
            language = spec["original_language"]
            country = spec["data"]["country_id"]
            mechanism = find_mechanism(country, language, spec["name"][language])
            if mechanism is None:
                mechanism = self._create_real(spec)
                added += 1
            found[spec["ref"]] = mechanism
        return found, added

    def _create_real(self, spec: dict[str, Any]) -> Mechanism:
        language = spec["original_language"]
        data = {
            **spec["data"],
            "original_language": language,
            "name": spec["name"][language],
            "description": spec["description"][language],
            "is_demo": False,
        }
        # One revision holds the record in every language, not only the original one.
        with reversion.create_revision():
            mechanism = create_mechanism(acting_user=None, data=data, sources=spec["sources"])
            for other in case_studies.LANGUAGES:
                if other == language:
                    continue
                mechanism.set_current_language(other)
                mechanism.name = spec["name"][other]
                mechanism.description = spec["description"][other]
            mechanism.save()
        mechanism.set_current_language(language)
        return mechanism

    def _case_studies(self, mechanisms: dict[str, Mechanism]) -> int:
        added = 0
        for spec in case_studies.CASE_STUDIES:
            if CaseStudy.objects.filter(slug=spec["slug"]).exists():
                continue
            study = CaseStudy(
                slug=spec["slug"],
                country_id=spec["country"],
                mechanism=mechanisms[spec["mechanism"]],
                original_language=spec["original_language"],
                sources=[
                    {"title": source["title"], "url": source["url"]} for source in spec["sources"]
                ],
            )
            for language in case_studies.LANGUAGES:
                text = spec["text"][language]
                study.set_current_language(language)
                study.title = text["title"]
                study.summary = text["summary"]
                study.what_worked = "\n".join(text["what_worked"])
                study.challenges = "\n".join(text["challenges"])
            study.set_current_language(spec["original_language"])
            study.save()
            added += 1
        return added

    def _demo_mechanisms(
        self, actors: dict[str, tuple[Organisation, User]]
    ) -> tuple[dict[str, tuple[Mechanism, dict[str, Any]]], int]:
        found: dict[str, tuple[Mechanism, dict[str, Any]]] = {}
        added = 0
        for spec in demo_mechanisms.SPECS:
            built = demo_mechanisms.build_mechanism(spec)
            mechanism = find_mechanism(spec["country"], spec["lang"], spec["name"])
            if mechanism is None:
                organisation, user = actors[spec["org"]]
                mechanism = create_mechanism(
                    acting_user=user,
                    data={**built["data"], "organisation": organisation},
                    sources=built["sources"],
                )
                added += 1
            found[spec["ref"]] = (mechanism, built["data"])
        return found, added

    def _assessments(
        self,
        mechanisms: dict[str, tuple[Mechanism, dict[str, Any]]],
        actors: dict[str, tuple[Organisation, User]],
    ) -> int:
        added = 0
        seen: defaultdict[str, int] = defaultdict(int)
        for ref, slug, assessed_on in sorted(
            demo_mechanisms.ASSESSMENTS, key=lambda row: (row[0], row[2])
        ):
            mechanism, facts = mechanisms[ref]
            organisation, user = actors[slug]
            data = demo_mechanisms.build_assessment(
                facts, slug, assessed_on, follow_up=seen[ref] > 0
            )
            seen[ref] += 1
            if Assessment.objects.filter(
                mechanism=mechanism, organisation=organisation, assessed_on=data["assessed_on"]
            ).exists():
                continue
            record_assessment(
                mechanism, acting_user=user, data={**data, "organisation": organisation}
            )
            added += 1
        return added
