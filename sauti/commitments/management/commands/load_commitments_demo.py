"""Load demo data for country tracking and community scorecards.

- country assessments of the ten WHA77 commitments in five countries, by two or
  three demo organisations each, for the 2026 and 2028 cycles, with narratives
  and evidence (links and mechanisms of the registry);
- two published consolidated assessments for 2026, one per coalition;
- eight community scorecards, one of them a draft.

Everything is marked ``is_demo`` and written straight with the ORM (data in
``sauti.commitments.data.demo_commitments``): the rules of the services do not
apply to demo data — the 2026 cycle is closed, and its assessments are
history. Each assessment gets its versions (django-reversion) dated when it
was recorded, by the demo person who administers the organisation.

Idempotent: assessments are found by organisation, country, cycle and
commitment; consolidated assessments by coalition, country and cycle;
scorecards by organisation, country, place and date. Whatever is there is
left as it is. Run ``load_demo`` and ``load_mechanisms_demo`` first.
"""

from __future__ import annotations

import datetime
from typing import Any

import reversion
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sauti.accounts.models import Constituency, Membership, Organisation, User
from sauti.commitments import selectors
from sauti.commitments.data import demo_commitments as demo
from sauti.commitments.models import (
    ActionItem,
    Commitment,
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Cycle,
    Evidence,
    GroupScore,
    Indicator,
    ParticipantGroup,
    Scorecard,
    ScorecardItem,
)
from sauti.core.models import Country
from sauti.mechanisms.data import case_studies, demo_mechanisms
from sauti.mechanisms.models import Mechanism

Actors = dict[str, tuple[Organisation, User]]


def moment(day: str, hour: int = 10) -> datetime.datetime:
    """A time on a demo date (UTC)."""
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=datetime.UTC
    )


def statuses(tokens: str) -> dict[int, str]:
    """{commitment number: status} from a line of tokens; "-" means not assessed."""
    values = tokens.split()
    if len(values) != 10:
        raise ValueError(f"ten statuses expected, got {tokens!r}")
    return {
        number: demo.STATUS_TOKENS[mark]
        for number, mark in enumerate(values, start=1)
        if mark != "-"
    }


def _mechanism_keys() -> dict[str, tuple[str, str, str]]:
    """{reference: (country, language, name)} of the demo and the real mechanisms."""
    keys = {
        spec["ref"]: (spec["country"], spec["lang"], spec["name"]) for spec in demo_mechanisms.SPECS
    }
    for spec in case_studies.REAL_MECHANISMS:
        language = spec["original_language"]
        keys[spec["ref"]] = (spec["data"]["country_id"], language, spec["name"][language])
    return keys


def _references() -> set[str]:
    refs = {spec["mechanism"] for spec in demo.SCORECARDS if spec.get("mechanism")}
    for spec in demo.ASSESSMENTS:
        for items in spec["evidence"].values():
            refs.update(item["mechanism"] for item in items if "mechanism" in item)
    return refs


class Command(BaseCommand):
    help = (
        "Load demo country assessments, consolidated assessments and community scorecards "
        "(idempotent; run load_demo and load_mechanisms_demo first)."
    )

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        actors = self._actors()
        mechanisms = self._mechanisms()
        commitments, cycles = self._framework()
        countries = Country.objects.in_bulk(list(demo.COUNTRIES))

        assessments_added = self._assessments(actors, mechanisms, commitments, cycles, countries)
        consolidated_added = self._consolidated(actors, commitments, cycles, countries)
        scorecards_added = self._scorecards(actors, mechanisms, cycles, countries)

        def line(label: str, added: int, total: int) -> str:
            return f"{label}: {added} added, {total - added} already there"

        self.stdout.write(
            line("demo country assessments", assessments_added, demo.assessment_count())
        )
        self.stdout.write(
            line("demo consolidated assessments", consolidated_added, len(demo.CONSOLIDATED))
        )
        self.stdout.write(line("demo scorecards", scorecards_added, len(demo.SCORECARDS)))

    # --- What must be there first -------------------------------------------------------
    def _actors(self) -> Actors:
        """Each demo organisation used here, with the demo person who administers it."""
        actors: Actors = {}
        missing = []
        for slug in demo.ORGANISATIONS:
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
                f"The demo organisations are not there yet (missing: {', '.join(missing)}). "
                "Run `manage.py load_demo` and `manage.py load_mechanisms_demo` first."
            )
        return actors

    def _mechanisms(self) -> dict[str, Mechanism]:
        keys = _mechanism_keys()
        found: dict[str, Mechanism] = {}
        missing = []
        for ref in sorted(_references()):
            country, language, name = keys[ref]
            mechanism = (
                Mechanism.objects.filter(
                    country_id=country,
                    translations__language_code=language,
                    translations__name=name,
                )
                .order_by("pk")
                .first()
            )
            if mechanism is None:
                missing.append(ref)
            else:
                found[ref] = mechanism
        if missing:
            raise CommandError(
                f"The demo mechanisms are not there yet (missing: {', '.join(missing)}). "
                "Run `manage.py load_mechanisms_demo` first."
            )
        return found

    def _framework(self) -> tuple[dict[int, Commitment], dict[str, Cycle]]:
        commitments = {
            c.number: c for c in Commitment.objects.filter(framework__code=demo.FRAMEWORK)
        }
        cycles = {c.code: c for c in Cycle.objects.filter(code__in=demo.CYCLES)}
        if len(commitments) < 10 or len(cycles) < len(demo.CYCLES):
            raise CommandError(
                "The WHA77 framework and its cycles are missing: run `manage.py migrate` first."
            )
        return commitments, cycles

    # --- Country assessments ------------------------------------------------------------
    def _assessments(
        self,
        actors: Actors,
        mechanisms: dict[str, Mechanism],
        commitments: dict[int, Commitment],
        cycles: dict[str, Cycle],
        countries: dict[str, Country],
    ) -> int:
        added = 0
        for spec in demo.ASSESSMENTS:
            organisation, user = actors[spec["org"]]
            country, cycle = countries[spec["country"]], cycles[spec["cycle"]]
            existing = set(
                CountryAssessment.objects.filter(
                    organisation=organisation, country=country, cycle=cycle
                ).values_list("commitment__number", flat=True)
            )
            earlier = spec.get("earlier", {})
            for number, status in statuses(spec["statuses"]).items():
                if number in existing:
                    continue
                narrative = spec["narratives"].get(number, "")
                evidence = self._evidence(spec["evidence"].get(number, []), mechanisms)
                first = earlier.get(number)
                assessment = CountryAssessment(
                    organisation=organisation,
                    country=country,
                    cycle=cycle,
                    commitment=commitments[number],
                    status=demo.STATUS_TOKENS[first[0]] if first else status,
                    narrative=first[1] if first else narrative,
                    created_by=user,
                    is_demo=True,
                )
                # One revision per version of an assessment: the history lists a revision's
                # evidence with it.
                self._revision(
                    assessment,
                    user=user,
                    when=moment(spec["recorded_on"]),
                    comment="create,demo",
                    evidence=[] if first else evidence,
                )
                if first:
                    # Changed later, with the evidence for the change: the history of this
                    # commitment shows both versions.
                    assessment.status, assessment.narrative = status, narrative
                    self._revision(
                        assessment,
                        user=user,
                        when=moment(spec["updated_on"], hour=15),
                        comment="status,narrative," + ("evidence," if evidence else "") + "demo",
                        evidence=evidence,
                    )
                added += 1
        return added

    @staticmethod
    def _evidence(
        items: list[dict[str, str]], mechanisms: dict[str, Mechanism]
    ) -> list[dict[str, Any]]:
        resolved = []
        for item in items:
            mechanism = mechanisms.get(item.get("mechanism", ""))
            resolved.append(
                {
                    "title": item.get("title") or str(mechanism)[:300],
                    "url": item.get("url", ""),
                    "mechanism": mechanism,
                }
            )
        return resolved

    def _revision(
        self,
        assessment: CountryAssessment,
        *,
        user: User,
        when: datetime.datetime,
        comment: str,
        evidence: list[dict[str, Any]],
    ) -> None:
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            reversion.set_date_created(when)
            if assessment.pk is None:
                assessment.created_at = when
            assessment.updated_at = when
            assessment.save()
            for item in evidence:
                Evidence.objects.create(assessment=assessment, added_at=when, **item)

    # --- Consolidated assessments -------------------------------------------------------
    def _consolidated(
        self,
        actors: Actors,
        commitments: dict[int, Commitment],
        cycles: dict[str, Cycle],
        countries: dict[str, Country],
    ) -> int:
        added = 0
        for spec in demo.CONSOLIDATED:
            coalition, user = actors[spec["coalition"]]
            country, cycle = countries[spec["country"]], cycles[spec["cycle"]]
            if Consolidated.objects.filter(
                coalition=coalition, country=country, cycle=cycle
            ).exists():
                continue
            when = moment(spec["published_on"], hour=12)
            consolidated = Consolidated.objects.create(
                coalition=coalition,
                country=country,
                cycle=cycle,
                summary=spec["summary"],
                state=Consolidated.State.PUBLISHED,
                published_at=when,
                published_by=user,
                created_at=when - datetime.timedelta(days=6),
                updated_at=when,
                is_demo=True,
            )
            # The members' statuses as they stood at publication.
            snapshot = selectors.member_statuses(coalition, country, cycle)
            ConsolidatedEntry.objects.bulk_create(
                ConsolidatedEntry(
                    consolidated=consolidated,
                    commitment=commitments[number],
                    status=status,
                    note=spec["notes"].get(number, ""),
                    member_statuses=snapshot.get(commitments[number].pk, {}),
                )
                for number, status in statuses(spec["statuses"]).items()
            )
            added += 1
        return added

    # --- Scorecards ---------------------------------------------------------------------
    def _scorecards(
        self,
        actors: Actors,
        mechanisms: dict[str, Mechanism],
        cycles: dict[str, Cycle],
        countries: dict[str, Country],
    ) -> int:
        indicators = Indicator.objects.in_bulk(field_name="code")
        constituencies = Constituency.objects.in_bulk()
        now = timezone.now()
        added = 0
        for spec in demo.SCORECARDS:
            organisation, user = actors[spec["org"]]
            held_on = datetime.date.fromisoformat(spec["held_on"])
            if Scorecard.objects.filter(
                organisation=organisation,
                country_id=spec["country"],
                place_name=spec["place_name"],
                held_on=held_on,
            ).exists():
                continue
            written = moment(spec["held_on"], hour=17) + datetime.timedelta(days=2)
            scorecard = Scorecard.objects.create(
                organisation=organisation,
                country=countries[spec["country"]],
                place_kind=spec["place_kind"],
                place_name=spec["place_name"],
                mechanism=mechanisms.get(spec.get("mechanism") or ""),
                held_on=held_on,
                facilitators=spec["facilitators"],
                interface_outcome=spec["outcome"],
                cycle=cycles[spec["cycle"]] if spec.get("cycle") else None,
                is_published=spec["published"],
                created_by=user,
                created_at=written,
                updated_at=written,
                is_demo=True,
            )
            groups = [
                ParticipantGroup.objects.create(
                    scorecard=scorecard,
                    label=label,
                    constituency=constituencies[code] if code else None,
                    size=size,
                )
                for label, code, size in spec["groups"]
            ]
            for order, item_spec in enumerate(spec["items"]):
                if len(item_spec["scores"]) != len(groups):
                    raise ValueError(f"one score per group expected: {spec['place_name']}")
                item = ScorecardItem.objects.create(
                    scorecard=scorecard,
                    indicator=indicators[item_spec["indicator"]]
                    if "indicator" in item_spec
                    else None,
                    text=item_spec.get("text", ""),
                    order=order,
                    self_score=item_spec["self_score"],
                    self_reasons=item_spec["self_reasons"],
                )
                GroupScore.objects.bulk_create(
                    GroupScore(item=item, group=group, score=score, reasons=reasons)
                    for group, (score, reasons) in zip(groups, item_spec["scores"], strict=True)
                )
            for action, responsible, due_on, progress, note in spec["actions"]:
                ActionItem.objects.create(
                    scorecard=scorecard,
                    action=action,
                    responsible=responsible,
                    due_on=datetime.date.fromisoformat(due_on),
                    progress=progress,
                    follow_up_note=note,
                    updated_at=min(max(written, moment(due_on)), now) if note else written,
                )
            added += 1
        return added
