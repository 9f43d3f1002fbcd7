"""Factories for participation mechanisms, their assessments and case studies.

``MechanismFactory(name="…", original_language="fr")`` writes the name (and
description) in the record's original language, as the service does;
``translated={"fr": {"name": "…", "description": "…"}}`` adds translations.
"""

from __future__ import annotations

import datetime

import factory

from sauti.mechanisms.models import Assessment, CaseStudy, Mechanism, Source
from sauti.mechanisms.services import refresh_latest_scores

from ..factories import OrganisationFactory


class MechanismFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mechanism
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"District Health Committee {n}")
    description = ""
    original_language = "en"
    country_id = "KE"
    level = Mechanism.Level.DISTRICT
    kind = Mechanism.Kind.COMMITTEE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # parler writes translated keyword arguments in the "current" language.
        kwargs["_current_language"] = kwargs.get("original_language", "en")
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def translated(self, create: bool, extracted: dict | None, **kwargs: object) -> None:
        if create and extracted:
            for language, fields in extracted.items():
                self.set_current_language(language)
                for field, value in fields.items():
                    setattr(self, field, value)
            self.save()
            self.set_current_language(self.original_language)

    @factory.post_generation
    def constituencies(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.constituencies.set(extracted)

    @factory.post_generation
    def sources(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        """``sources=["Act 12 of 2019", …]``: one Source row per title."""
        if create and extracted:
            for title in extracted:
                Source.objects.create(mechanism=self, title=title)


class AssessmentFactory(factory.django.DjangoModelFactory):
    """An assessment; the mechanism's latest scores are refreshed, as the service does."""

    class Meta:
        model = Assessment

    mechanism = factory.SubFactory(MechanismFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    assessed_on = datetime.date(2025, 3, 1)
    legal = 2
    inclusion = 1
    influence = 1
    capacity = 0
    accountability = 2
    resources = 1

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        assessment = super()._create(model_class, *args, **kwargs)
        refresh_latest_scores(assessment.mechanism)
        return assessment


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudy
        skip_postgeneration_save = True

    country_id = "TH"
    slug = factory.Sequence(lambda n: f"case-study-{n}")
    original_language = "en"
    title = factory.Sequence(lambda n: f"Case study {n}")
    summary = "How people came to have a say."
    sources = factory.LazyFunction(
        lambda: [{"title": "National Health Act", "url": "https://example.org/act"}]
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["_current_language"] = kwargs.get("original_language", "en")
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def translated(self, create: bool, extracted: dict | None, **kwargs: object) -> None:
        if create and extracted:
            for language, fields in extracted.items():
                self.set_current_language(language)
                for field, value in fields.items():
                    setattr(self, field, value)
            self.save()
            self.set_current_language(self.original_language)


NO_SOURCE = {"source_title": "", "source_url": "", "source_note": ""}


def mechanism_form_data(organisation, **overrides) -> dict:
    """What a person fills in on the record form: "Not known" wherever unsure."""
    data = {
        "name": "Kisumu County Health Forum",
        "description": "Residents and the county health team meet each quarter.",
        "original_language": "en",
        "country": "KE",
        "subnational_area": "Kisumu County",
        "level": Mechanism.Level.REGIONAL,
        "kind": Mechanism.Kind.FORUM,
        "host_institution": "County Department of Health",
        "year_established": "2014",
        "organisation": organisation.pk if organisation is not None else "",
        "legal_basis": Mechanism.LegalBasis.LAW,
        "legal_citation": "Kisumu County Health Act, 2019, s. 12",
        "outcome": Mechanism.Outcome.ADVISORY,
        "spectrum": Mechanism.Spectrum.CONSULT,
        "selection": Mechanism.Selection.ELECTION,
        "seats_government": "4",
        "seats_civil_society": "3",
        "seats_community": "6",
        "seats_health_workers": "",
        "seats_academia": "",
        "seats_private": "",
        "constituencies": ["women", "youth"],
        "meeting_frequency": Mechanism.Frequency.QUARTERLY,
        "last_meeting": "2025-02-14",
        "source_title": "Kisumu County Health Act, 2019",
        "source_url": "https://example.org/kisumu-health-act",
        "source_note": "Establishes the forum",
    }
    for name in (
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
    ):
        data[name] = "unknown"
    data.update(overrides)
    return data


def assessment_form_data(organisation, **overrides) -> dict:
    data = {
        "organisation": organisation.pk,
        "assessed_on": "2025-04-10",
        "note": "",
        **{name: "1" for name in Assessment.DIMENSIONS},
        **{f"{name}_evidence": "" for name in Assessment.DIMENSIONS},
    }
    data.update(overrides)
    return data
