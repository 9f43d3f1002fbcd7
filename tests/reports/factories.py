"""Factories for shadow reports and the data they are assembled from.

Kept apart from ``tests/commitments`` on purpose: these make small, complete
pictures of one country (a framework of their own, a cycle, assessments with
evidence, a consolidated assessment, scorecards with groups on both sides of
the disclosure threshold, mechanisms and case studies).
"""

from __future__ import annotations

import datetime

import factory
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
    Framework,
    GroupScore,
    ParticipantGroup,
    Scorecard,
    ScorecardItem,
    Status,
)
from sauti.mechanisms.models import CaseStudy, Mechanism, Source
from sauti.reports.models import ShadowReport

from ..factories import OrganisationFactory


class _Translated(factory.django.DjangoModelFactory):
    """parler writes translated keyword arguments in the "current" language: English."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs.setdefault("_current_language", "en")
        return super()._create(model_class, *args, **kwargs)


class FrameworkFactory(_Translated):
    class Meta:
        model = Framework

    code = factory.Sequence(lambda n: f"report-framework-{n}")
    name = factory.Sequence(lambda n: f"Report framework {n}")
    order = 60


class CommitmentFactory(_Translated):
    class Meta:
        model = Commitment

    framework = factory.SubFactory(FrameworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"report-commitment-{n}")
    title = factory.Sequence(lambda n: f"Report commitment {n}")


class CycleFactory(_Translated):
    class Meta:
        model = Cycle

    code = factory.Sequence(lambda n: f"report-cycle-{n}")
    name = factory.Sequence(lambda n: f"Report cycle {n}")
    year = factory.Sequence(lambda n: 2200 + n)
    is_custom = True
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class CoalitionFactory(OrganisationFactory):
    kind = Organisation.Kind.NETWORK


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryAssessment

    organisation = factory.SubFactory(OrganisationFactory)
    country_id = "KE"
    cycle = factory.SubFactory(CycleFactory)
    commitment = factory.SubFactory(CommitmentFactory)
    status = Status.IN_PROGRESS


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    assessment = factory.SubFactory(AssessmentFactory)
    title = factory.Sequence(lambda n: f"Budget report {n}")
    url = factory.Sequence(lambda n: f"https://example.org/evidence/{n}")


class ShadowReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShadowReport

    coalition = factory.SubFactory(CoalitionFactory)
    country_id = "KE"
    cycle = factory.SubFactory(CycleFactory)
    language = "en"
    title = "Promises and practice"
    foreword = "Why we wrote this report."
    recommendations = "Fund the health councils.\n\nPublish the minutes."


def mechanism(country: str = "KE", *, name: str = "County Health Committee", **facts):
    found = Mechanism.objects.create(
        country_id=country,
        level=Mechanism.Level.DISTRICT,
        kind=Mechanism.Kind.COMMITTEE,
        _current_language="en",
        name=name,
        **facts,
    )
    return found


def case_study(country: str = "KE", **fields) -> CaseStudy:
    fields.setdefault("slug", f"report-case-{CaseStudy.objects.count() + 1}")
    fields.setdefault("title", "How a county council won its budget")
    fields.setdefault("summary", "Members pressed for a budget line and got it.")
    fields.setdefault("what_worked", "Joint letters.")
    fields.setdefault("challenges", "Turnover of officials.")
    fields.setdefault("sources", [{"title": "County budget 2025", "url": "https://example.org/b"}])
    return CaseStudy.objects.create(country_id=country, _current_language="en", **fields)


def scorecard(
    organisation: Organisation,
    *,
    country: str = "KE",
    cycle: Cycle | None = None,
    groups: tuple[tuple[str, int, int], ...] = (("Women", 12, 2), ("Youth", 3, 5)),
    place: str = "Kisumu County Hospital",
    published: bool = True,
) -> Scorecard:
    """A scorecard with one indicator; ``groups``: (label, people, score) each."""
    card = Scorecard.objects.create(
        organisation=organisation,
        country_id=country,
        cycle=cycle,
        place_kind=Scorecard.PlaceKind.FACILITY,
        place_name=place,
        held_on=datetime.date(2025, 5, 1),
        interface_outcome="The hospital agreed to post its opening hours.",
        is_published=published,
    )
    item = ScorecardItem.objects.create(scorecard=card, text="Staff treat patients with respect")
    item.self_score = 4
    item.save()
    for label, size, score in groups:
        group = ParticipantGroup.objects.create(scorecard=card, label=label, size=size)
        GroupScore.objects.create(item=item, group=group, score=score, reasons=f"{label} said so")
    ActionItem.objects.create(scorecard=card, action="Post opening hours", responsible="Matron")
    return card


def join(network: Organisation, member: Organisation) -> None:
    NetworkMembership.objects.create(
        network=network, member=member, status=NetworkMembership.Status.ACTIVE
    )


def country_picture(coalition: Organisation, cycle: Cycle, *, commitments: int = 3):
    """A framework of ``commitments`` commitments assessed in Kenya by two organisations,
    with evidence, a mechanism with a source cited, and a published scorecard."""
    framework = FrameworkFactory()
    items = [
        CommitmentFactory(framework=framework, number=n, title=f"Commitment {n}")
        for n in range(1, commitments + 1)
    ]
    first, second = OrganisationFactory(name="Afya Watch"), OrganisationFactory(name="Haki Afya")
    registry = mechanism(has_budget=True, has_secretariat=False, legal_basis="law")
    Source.objects.create(
        mechanism=registry, title="County Health Act", url="https://example.org/act"
    )
    for number, commitment in enumerate(items, start=1):
        a = AssessmentFactory(
            organisation=first, cycle=cycle, commitment=commitment, status=Status.IN_PROGRESS
        )
        AssessmentFactory(
            organisation=second, cycle=cycle, commitment=commitment, status=Status.NO_ACTION
        )
        EvidenceFactory(assessment=a, title=f"Evidence {number}")
    EvidenceFactory(assessment=a, title="Committee minutes", url="", mechanism=registry)
    scorecard(first, cycle=cycle)
    return framework, items


def publish_consolidated(coalition, cycle, statuses: dict[Commitment, str]) -> Consolidated:
    consolidated = Consolidated.objects.create(
        coalition=coalition,
        country_id="KE",
        cycle=cycle,
        state=Consolidated.State.PUBLISHED,
        published_at=timezone.now(),
    )
    for commitment, status in statuses.items():
        ConsolidatedEntry.objects.create(
            consolidated=consolidated, commitment=commitment, status=status, note="Agreed."
        )
    return consolidated
