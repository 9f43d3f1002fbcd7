"""Small factories for the commitments API tests: frameworks, cycles, country assessments,
consolidated assessments and scorecards.

Kept apart from ``tests/commitments`` so that the API's tests do not move when
those do. The test database already holds the WHA77 framework and its cycles
(migration 0002); these factories add their own, dated from today.
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
    Indicator,
    ParticipantGroup,
    Scorecard,
    ScorecardItem,
    Status,
)

from ..factories import OrganisationFactory


class _English(factory.django.DjangoModelFactory):
    """parler writes translated keyword arguments in the current language: English."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["_current_language"] = "en"
        return super()._create(model_class, *args, **kwargs)


class FrameworkFactory(_English):
    class Meta:
        model = Framework

    code = factory.Sequence(lambda n: f"api-framework-{n}")
    name = factory.Sequence(lambda n: f"API test framework {n}")
    order = 90


class CommitmentFactory(_English):
    class Meta:
        model = Commitment

    framework = factory.SubFactory(FrameworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"c{n}")
    title = factory.Sequence(lambda n: f"Commitment {n}")
    description = "What the government promised."
    evidence_guidance = "Laws, budgets and minutes."


class CycleFactory(_English):
    class Meta:
        model = Cycle

    code = factory.Sequence(lambda n: f"api-cycle-{n}")
    name = factory.Sequence(lambda n: f"API test cycle {n}")
    year = factory.Sequence(lambda n: 2200 + n)
    is_custom = True
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


def closed_cycle(**kwargs) -> Cycle:
    today = timezone.localdate()
    kwargs.setdefault("opens_on", today - datetime.timedelta(days=400))
    kwargs.setdefault("closes_on", today - datetime.timedelta(days=1))
    return CycleFactory(**kwargs)


def future_cycle(**kwargs) -> Cycle:
    today = timezone.localdate()
    kwargs.setdefault("opens_on", today + datetime.timedelta(days=10))
    kwargs.setdefault("closes_on", today + datetime.timedelta(days=400))
    return CycleFactory(**kwargs)


def framework_with(count: int = 3, **kwargs) -> tuple[Framework, list[Commitment]]:
    """A framework and ``count`` commitments numbered 1…count."""
    framework = FrameworkFactory(**kwargs)
    return framework, [
        CommitmentFactory(framework=framework, number=n, code=f"c{n}", title=f"Commitment {n}")
        for n in range(1, count + 1)
    ]


def translate(obj, language: str, **fields) -> None:
    obj.set_current_language(language)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    obj.set_current_language("en")


class CountryAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryAssessment

    organisation = factory.SubFactory(OrganisationFactory)
    country_id = "KE"
    cycle = factory.SubFactory(CycleFactory)
    commitment = factory.SubFactory(CommitmentFactory)
    status = Status.IN_PROGRESS
    narrative = "The ministry set up a national health assembly."


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    assessment = factory.SubFactory(CountryAssessmentFactory)
    title = factory.Sequence(lambda n: f"Report {n}")
    url = "https://example.org/report"


class ConsolidatedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consolidated

    coalition = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.NETWORK)
    country_id = "KE"
    cycle = factory.SubFactory(CycleFactory)
    summary = "Progress is slow."


def published(**kwargs) -> Consolidated:
    return ConsolidatedFactory(
        state=Consolidated.State.PUBLISHED, published_at=timezone.now(), **kwargs
    )


class ConsolidatedEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsolidatedEntry

    consolidated = factory.SubFactory(ConsolidatedFactory)
    commitment = factory.SubFactory(CommitmentFactory)
    status = Status.IN_PROGRESS


def join(network: Organisation, member: Organisation) -> None:
    NetworkMembership.objects.create(
        network=network, member=member, status=NetworkMembership.Status.ACTIVE
    )


class IndicatorFactory(_English):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"api-indicator-{n:03d}")
    text = factory.Sequence(lambda n: f"Library indicator {n}")


class ScorecardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scorecard
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    country_id = "KE"
    place_kind = Scorecard.PlaceKind.FACILITY
    place_name = factory.Sequence(lambda n: f"Kondele Health Centre {n}")
    held_on = datetime.date(2025, 3, 14)
    facilitators = "Kisumu Health Rights Forum"
    is_published = True

    @factory.post_generation
    def groups(self, create: bool, extracted: list[tuple[str, int]] | None, **kwargs: object):
        """``groups=[("Women", 12), …]``: one participant group per (label, size)."""
        if create and extracted:
            for label, size in extracted:
                ParticipantGroup.objects.create(scorecard=self, label=label, size=size)


def add_item(scorecard: Scorecard, text: str = "", indicator=None, **kwargs) -> ScorecardItem:
    return ScorecardItem.objects.create(
        scorecard=scorecard,
        text=text,
        indicator=indicator,
        order=scorecard.items.count(),
        **kwargs,
    )


def give(scorecard: Scorecard, label: str, item: ScorecardItem, score: int, reasons: str = ""):
    return GroupScore.objects.create(
        item=item, group=scorecard.groups.get(label=label), score=score, reasons=reasons
    )


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    scorecard = factory.SubFactory(ScorecardFactory)
    action = factory.Sequence(lambda n: f"Post the price list at the entrance ({n})")
    responsible = "Facility in-charge"
    due_on = datetime.date(2025, 6, 30)


def example_scorecard(organisation=None, **kwargs) -> tuple[Scorecard, list[ScorecardItem]]:
    """A published exercise: Women (12) and Health workers (15) are shown, Youth (4) is not.

    Youth's scores are distinctive (1 on both, reasons "YOUTH-SECRET") so that a test can
    prove they appear nowhere; with them the averages would be 2.0 and 2.67, without them
    2.5 and 3.5.
    """
    if organisation is not None:
        kwargs["organisation"] = organisation
    scorecard = ScorecardFactory(
        groups=[("Women", 12), ("Youth", 4), ("Health workers", 15)], **kwargs
    )
    waiting = add_item(
        scorecard, text="Waiting time is reasonable", self_score=4, self_reasons="Two nurses"
    )
    respect = add_item(scorecard, text="Staff treat patients with respect", self_score=5)
    give(scorecard, "Women", waiting, 2, "Queues from six in the morning")
    give(scorecard, "Health workers", waiting, 3, "Too few nurses")
    give(scorecard, "Youth", waiting, 1, "YOUTH-SECRET waiting")
    give(scorecard, "Women", respect, 3, "Mostly polite")
    give(scorecard, "Health workers", respect, 4, "")
    give(scorecard, "Youth", respect, 1, "YOUTH-SECRET respect")
    return scorecard, [waiting, respect]
