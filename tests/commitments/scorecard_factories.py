"""Factories for community scorecards: indicators, cycles, exercises, groups, scores, actions.

``ScorecardFactory(groups=[("Women", 12), ("Youth", 4)])`` adds participant groups;
``score(scorecard, {"Women": {item: (4, "reasons")}})`` records scores through
the service, as the form does.
"""

from __future__ import annotations

import datetime

import factory

from sauti.commitments.models import (
    ActionItem,
    Cycle,
    GroupScore,
    Indicator,
    ParticipantGroup,
    Scorecard,
    ScorecardItem,
)

from ..factories import OrganisationFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"indicator-{n:03d}")
    text = factory.Sequence(lambda n: f"Library indicator {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["_current_language"] = "en"
        return super()._create(model_class, *args, **kwargs)


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle

    code = factory.Sequence(lambda n: f"wha-2026-{n}")
    name = "2026 report to the World Health Assembly"
    year = 2026
    opens_on = datetime.date(2024, 6, 1)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["_current_language"] = "en"
        return super()._create(model_class, *args, **kwargs)


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
        """``groups=[("Women", 12), …]``: one ParticipantGroup per (label, size)."""
        if create and extracted:
            for label, size in extracted:
                ParticipantGroup.objects.create(scorecard=self, label=label, size=size)


def add_item(scorecard: Scorecard, text: str = "", indicator: Indicator | None = None, **kw):
    order = scorecard.items.count()
    return ScorecardItem.objects.create(
        scorecard=scorecard, text=text, indicator=indicator, order=order, **kw
    )


def group(scorecard: Scorecard, label: str) -> ParticipantGroup:
    return scorecard.groups.get(label=label)


def give(scorecard: Scorecard, label: str, item: ScorecardItem, score: int, reasons: str = ""):
    return GroupScore.objects.create(
        item=item, group=group(scorecard, label), score=score, reasons=reasons
    )


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    scorecard = factory.SubFactory(ScorecardFactory)
    action = factory.Sequence(lambda n: f"Post the price list at the entrance ({n})")
    responsible = "Facility in-charge"
    due_on = datetime.date(2025, 6, 30)


def example_scorecard(organisation, **kwargs) -> tuple[Scorecard, list[ScorecardItem]]:
    """A published exercise with two large groups (Women 12, Health workers 15), one small
    group (Youth 4), two indicators and scores from every group.

    Youth's scores are distinctive (1 on both, reasons "YOUTH-SECRET") so that a test can
    prove they appear nowhere public.
    """
    scorecard = ScorecardFactory(
        organisation=organisation,
        groups=[("Women", 12), ("Youth", 4), ("Health workers", 15)],
        **kwargs,
    )
    waiting = add_item(scorecard, text="Waiting time is reasonable", self_score=4)
    respect = add_item(scorecard, text="Staff treat patients with respect", self_score=5)
    give(scorecard, "Women", waiting, 2, "Queues from six in the morning")
    give(scorecard, "Health workers", waiting, 3, "Too few nurses")
    give(scorecard, "Youth", waiting, 1, "YOUTH-SECRET waiting")
    give(scorecard, "Women", respect, 3, "Mostly polite")
    give(scorecard, "Health workers", respect, 4, "")
    give(scorecard, "Youth", respect, 1, "YOUTH-SECRET respect")
    return scorecard, [waiting, respect]
