"""Factories for country tracking: frameworks, commitments, cycles, assessments, evidence,
consolidated assessments and subscribers.

The test database already holds the WHA77 framework and its cycles (migration
0002); these factories add small frameworks of their own so that a test's
figures do not depend on that data. ``open_cycle()`` and ``closed_cycle()``
are dated from today.
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from sauti.accounts.models import NetworkMembership, Organisation, Subscription
from sauti.commitments.models import (
    Commitment,
    Consolidated,
    ConsolidatedEntry,
    CountryAssessment,
    Cycle,
    Evidence,
    Framework,
    Status,
)

from ..factories import OrganisationFactory

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class _Translated(factory.django.DjangoModelFactory):
    """parler writes translated keyword arguments in the "current" language: English."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["_current_language"] = "en"
        return super()._create(model_class, *args, **kwargs)


class FrameworkFactory(_Translated):
    class Meta:
        model = Framework

    code = factory.Sequence(lambda n: f"framework-{n}")
    name = factory.Sequence(lambda n: f"Test framework {n}")
    order = 50


class CommitmentFactory(_Translated):
    class Meta:
        model = Commitment

    framework = factory.SubFactory(FrameworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"commitment-{n}")
    title = factory.Sequence(lambda n: f"Commitment number {n}")
    description = "What the government promised."
    evidence_guidance = "Laws, budgets and minutes."


class CycleFactory(_Translated):
    class Meta:
        model = Cycle

    code = factory.Sequence(lambda n: f"cycle-{n}")
    name = factory.Sequence(lambda n: f"Test cycle {n}")
    year = factory.Sequence(lambda n: 2100 + n)
    is_custom = True
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


def open_cycle(**kwargs) -> Cycle:
    return CycleFactory(**kwargs)


def closed_cycle(**kwargs) -> Cycle:
    today = timezone.localdate()
    kwargs.setdefault("opens_on", today - datetime.timedelta(days=400))
    kwargs.setdefault("closes_on", today - datetime.timedelta(days=1))
    return CycleFactory(**kwargs)


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


class ConsolidatedEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsolidatedEntry

    consolidated = factory.SubFactory(ConsolidatedFactory)
    commitment = factory.SubFactory(CommitmentFactory)
    status = Status.IN_PROGRESS


def join(network: Organisation, member: Organisation, *, active: bool = True) -> None:
    """Make ``member`` a member of ``network`` (active, or still asking)."""
    NetworkMembership.objects.create(
        network=network,
        member=member,
        status=NetworkMembership.Status.ACTIVE if active else NetworkMembership.Status.REQUESTED,
    )


def subscriber(email: str, *, countries=("KE",), language: str = "en", confirmed: bool = True):
    subscription = Subscription.objects.create(
        email=email, language=language, confirmed_at=timezone.now() if confirmed else None
    )
    subscription.countries.set(countries)
    return subscription


def framework_with(count: int = 3, **kwargs) -> tuple[Framework, list[Commitment]]:
    """A framework and ``count`` commitments numbered 1…count."""
    framework = FrameworkFactory(**kwargs)
    commitments = [
        CommitmentFactory(framework=framework, number=n, code=f"c{n}", title=f"Commitment {n}")
        for n in range(1, count + 1)
    ]
    return framework, commitments
