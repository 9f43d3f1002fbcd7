"""The built-in case studies and the demo mechanisms: complete, marked, loaded once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from sauti.core.models import Region
from sauti.mechanisms.data import case_studies, demo_mechanisms
from sauti.mechanisms.models import Assessment, CaseStudy, Mechanism, Source

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def counts() -> dict[str, int]:
    return {
        "mechanisms": Mechanism.objects.count(),
        "sources": Source.objects.count(),
        "assessments": Assessment.objects.count(),
        "case_studies": CaseStudy.objects.count(),
        "case_study_translations": CaseStudy.translations.field.model.objects.count(),
        "mechanism_translations": Mechanism.translations.field.model.objects.count(),
    }


@pytest.fixture
def loaded(db):
    call_command("load_demo", stdout=StringIO())
    call_command("load_mechanisms_demo", stdout=StringIO())


def test_needs_the_demo_organisations_first(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_mechanisms_demo", stdout=StringIO())
    assert Mechanism.objects.count() == 0
    assert CaseStudy.objects.count() == 0


def test_a_second_run_changes_nothing(loaded):
    first = counts()
    assert first["case_studies"] == len(case_studies.CASE_STUDIES) == 5
    assert first["mechanisms"] == len(case_studies.REAL_MECHANISMS) + len(demo_mechanisms.SPECS)
    assert first["assessments"] == len(demo_mechanisms.ASSESSMENTS)

    out = StringIO()
    call_command("load_mechanisms_demo", stdout=out)

    assert counts() == first
    assert "case studies: 0 added, 5 already there" in out.getvalue()
    assert f"demo mechanisms: 0 added, {len(demo_mechanisms.SPECS)} already there" in (
        out.getvalue()
    )


def test_every_case_study_is_written_in_all_seven_languages(loaded):
    for study in CaseStudy.objects.all():
        assert sorted(study.get_available_languages()) == sorted(LANGUAGES), study.slug
        for language in LANGUAGES:
            study.set_current_language(language)
            assert study.title.strip(), (study.slug, language)
            assert study.summary.strip(), (study.slug, language)
            assert study.what_worked.strip(), (study.slug, language)
            assert study.challenges.strip(), (study.slug, language)


def test_every_case_study_has_sources_and_its_mechanism(loaded):
    for study in CaseStudy.objects.select_related("mechanism"):
        assert study.sources, study.slug
        assert all(source["title"] for source in study.sources)
        assert study.mechanism is not None
        assert study.mechanism.country_id == study.country_id
        assert not study.mechanism.is_demo


def test_the_real_mechanisms_are_sourced_and_not_demo(loaded):
    real = Mechanism.objects.filter(is_demo=False)
    assert real.count() == len(case_studies.REAL_MECHANISMS)
    for mechanism in real:
        assert mechanism.sources.exists(), mechanism
        assert sorted(mechanism.get_available_languages()) == sorted(LANGUAGES)


def test_demo_mechanisms_are_marked_as_demo(loaded):
    demo = Mechanism.objects.exclude(pk__in=[s.mechanism_id for s in CaseStudy.objects.all()])
    assert demo.count() == len(demo_mechanisms.SPECS) >= 55
    markers = tuple(demo_mechanisms.DEMO_MARKERS.values())
    for mechanism in demo:
        assert mechanism.is_demo, mechanism
        assert mechanism.organisation is not None and mechanism.organisation.is_demo
        name = mechanism.safe_translation_getter("name", language_code=mechanism.original_language)
        assert name.endswith(markers), name


def test_demo_mechanisms_cover_every_who_region(loaded):
    demo = Mechanism.objects.filter(is_demo=True)
    for region in Region.objects.all():
        assert demo.filter(country__region=region).exists(), region.code
    assert demo.values("country").distinct().count() >= 20


def test_records_pass_model_validation(loaded):
    for mechanism in Mechanism.objects.all():
        # The model's yes/no facts are null=True without blank=True, so full_clean() calls
        # "unknown" blank; leave those out and check everything else.
        unknown = [
            field.name
            for field in Mechanism._meta.concrete_fields
            if field.null and getattr(mechanism, field.attname) is None
        ]
        mechanism.full_clean(exclude=unknown)
    for study in CaseStudy.objects.all():
        study.full_clean()


def test_some_mechanisms_have_assessments_from_several_organisations(loaded):
    several = [
        mechanism
        for mechanism in Mechanism.objects.filter(is_demo=True)
        if mechanism.assessments.values("organisation").distinct().count() >= 2
    ]
    assert len(several) >= 3
    for mechanism in several:
        latest = mechanism.assessments.order_by("-assessed_on", "-id").first()
        assert mechanism.latest_assessment_id == latest.pk
        assert mechanism.score_legal == latest.legal
    assert not Assessment.objects.filter(mechanism__is_demo=False).exists()


def test_the_demo_data_are_the_same_on_every_build():
    for spec in demo_mechanisms.SPECS:
        assert demo_mechanisms.build_mechanism(spec) == demo_mechanisms.build_mechanism(spec)
    refs = [spec["ref"] for spec in demo_mechanisms.SPECS]
    assert len(refs) == len(set(refs))
    keys = [(spec["country"], spec["lang"], spec["name"]) for spec in demo_mechanisms.SPECS]
    assert len(keys) == len(set(keys))
