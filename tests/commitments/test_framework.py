"""The built-in WHA77 framework (migration 0002) and its administration.

The framework, the reporting cycles and the indicator library are data: the
migration loads them in all seven languages, and site administrators extend them
in the admin without code changes.
"""

from __future__ import annotations

import importlib
import re
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from sauti.commitments.data import wha77
from sauti.commitments.models import Commitment, Cycle, Framework, Indicator

from ..conftest import client_for

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TODAY = date(2026, 11, 26)

# The script each language must be written in: a text that is not is an untranslated copy.
SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
}


def translations(obj, field: str) -> dict[str, str]:
    return {t.language_code: getattr(t, field) for t in obj.translations.all()}


def assert_translated(obj, field: str) -> None:
    texts = translations(obj, field)
    assert set(texts) == set(LANGUAGES), f"{obj.code}.{field}: {sorted(texts)}"
    for language, text in texts.items():
        assert text.strip(), f"{obj.code}.{field} is empty in {language}"
        if language != "en":
            assert text != texts["en"], f"{obj.code}.{field} is English in {language}"
        if language in SCRIPTS:
            assert SCRIPTS[language].search(text), f"{obj.code}.{field} in {language}: {text}"


# --- What the migration loaded ------------------------------------------------------------
def test_the_data_module_has_every_text_in_every_language():
    """Checked without a database, so a gap fails here before it reaches a migration."""
    assert tuple(LANGUAGES) == wha77.LANGUAGES
    records = [
        (wha77.FRAMEWORK, ["name", "description"]),
        *((spec, ["title", "description", "evidence_guidance"]) for spec in wha77.COMMITMENTS),
        *((spec, ["name"]) for spec in wha77.CYCLES),
        *((spec, ["text", "guidance"]) for spec in wha77.INDICATORS),
    ]
    for spec, fields in records:
        for field in fields:
            assert set(spec[field]) == set(LANGUAGES), (spec["code"], field)
    commitment_codes = {spec["code"] for spec in wha77.COMMITMENTS}
    for spec in wha77.INDICATORS:
        assert spec["commitment"] is None or spec["commitment"] in commitment_codes


@pytest.mark.django_db
def test_the_wha77_framework_is_loaded_in_seven_languages():
    framework = Framework.objects.get(code="wha77")
    assert framework.adopted_on == date(2024, 5, 29)
    assert framework.source_url.startswith("https://apps.who.int/gb/")
    assert framework.is_active
    assert_translated(framework, "name")
    assert_translated(framework, "description")


@pytest.mark.django_db
def test_ten_commitments_numbered_one_to_ten_with_guidance_in_every_language():
    commitments = list(Commitment.objects.filter(framework__code="wha77").order_by("number"))
    assert [c.number for c in commitments] == list(range(1, 11))
    assert len({c.code for c in commitments}) == 10
    for commitment in commitments:
        assert commitment.is_active
        for field in ("title", "description", "evidence_guidance"):
            assert_translated(commitment, field)
    titles = [c.safe_translation_getter("title", language_code="en") for c in commitments]
    assert titles[0] == "Build government capacities"
    assert titles[9] == "Build the capacity of civil society"


@pytest.mark.django_db
def test_the_guidance_reads_in_the_readers_language():
    commitment = Commitment.objects.get(framework__code="wha77", number=10)
    commitment.set_current_language("fr")
    assert commitment.title == "Renforcer les capacités de la société civile"
    assert "société civile" in commitment.evidence_guidance
    commitment.set_current_language("es")
    assert "sociedad civil" in commitment.title


@pytest.mark.django_db
def test_the_three_official_cycles_and_which_are_open_today():
    cycles = {cycle.code: cycle for cycle in Cycle.objects.all()}
    assert {"2026", "2028", "2030"} <= set(cycles)
    for code in ("2026", "2028", "2030"):
        cycle = cycles[code]
        assert cycle.year == int(code)
        assert not cycle.is_custom
        assert cycle.closes_on == date(int(code), 5, 31)
        assert_translated(cycle, "name")
    assert cycles["2026"].opens_on == date(2024, 5, 29)
    # The 2026 report has gone to the Health Assembly: that cycle takes no more assessments.
    assert not cycles["2026"].is_open(today=TODAY)
    assert cycles["2028"].is_open(today=TODAY)
    assert not cycles["2030"].is_open(today=TODAY)
    assert cycles["2030"].is_open(today=date(2028, 6, 1))
    assert cycles["2026"].is_open(today=date(2026, 5, 31))
    assert not cycles["2028"].is_open(today=date(2026, 5, 31))


@pytest.mark.django_db
def test_the_indicator_library():
    indicators = list(Indicator.objects.all())
    assert len(indicators) >= 10
    for indicator in indicators:
        assert indicator.is_active
        assert_translated(indicator, "text")
        assert_translated(indicator, "guidance")
    linked = Indicator.objects.get(code="facility-committee-meets")
    assert linked.commitment.code == "regular-participation"
    assert linked.commitment.framework.code == "wha77"
    assert Indicator.objects.get(code="respectful-treatment").commitment is None


@pytest.mark.django_db
def test_loading_again_changes_nothing_and_keeps_what_administrators_added():
    migration = importlib.import_module("sauti.commitments.migrations.0002_wha77_framework")
    extra = Commitment.objects.create(
        framework=Framework.objects.get(code="wha77"), code="extra", number=11
    )
    counts = [model.objects.count() for model in (Framework, Commitment, Cycle, Indicator)]
    translation_count = Commitment.translations.field.model.objects.count()

    migration.load(django_apps, None)

    assert [m.objects.count() for m in (Framework, Commitment, Cycle, Indicator)] == counts
    assert Commitment.translations.field.model.objects.count() == translation_count
    assert Commitment.objects.filter(pk=extra.pk).exists()


@pytest.mark.django_db
def test_undoing_keeps_what_is_in_use(organisation):
    from sauti.commitments.models import CountryAssessment, Status

    migration = importlib.import_module("sauti.commitments.migrations.0002_wha77_framework")
    commitment = Commitment.objects.get(framework__code="wha77", number=3)
    CountryAssessment.objects.create(
        organisation=organisation,
        country_id="KE",
        cycle=Cycle.objects.get(code="2028"),
        commitment=commitment,
        status=Status.INITIAL,
    )

    migration.unload(django_apps, None)

    assert list(Commitment.objects.values_list("number", flat=True)) == [3]
    assert list(Cycle.objects.values_list("code", flat=True)) == ["2028"]
    assert Framework.objects.filter(code="wha77").exists()
    assert not Indicator.objects.exists()

    migration.load(django_apps, None)
    assert Commitment.objects.filter(framework__code="wha77").count() == 10


# --- The admin ----------------------------------------------------------------------------
def admin_url(name: str, *args, language: str = "en") -> str:
    """The admin in ``language``; a change or add view edits that language's translation."""
    with translation.override(language):
        url = reverse(f"admin:commitments_{name}", args=args)
    return url if name.endswith("changelist") else f"{url}?language={language}"


def empty_inline(prefix: str = "commitments") -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


UHC_2023 = {
    "code": "uhc-2023",
    "name": "Political Declaration of the UN High-Level Meeting on UHC (2023)",
    "description": "Commitments on participatory, inclusive health governance.",
    "adopted_on": "2023-09-21",
    "source_url": "",
    "is_active": "on",
    "order": "1",
}


@pytest.mark.django_db
def test_a_site_administrator_adds_a_framework_with_a_commitment_in_two_languages(site_admin):
    client = client_for(site_admin)
    response = client.post(
        admin_url("framework_add"),
        {
            **UHC_2023,
            "commitments-TOTAL_FORMS": "1",
            "commitments-INITIAL_FORMS": "0",
            "commitments-MIN_NUM_FORMS": "0",
            "commitments-MAX_NUM_FORMS": "1000",
            "commitments-0-number": "1",
            "commitments-0-code": "participatory-governance",
            "commitments-0-title": "Promote participatory, inclusive health governance",
            "commitments-0-description": "",
            "commitments-0-evidence_guidance": "Terms of reference of a national platform.",
            "commitments-0-is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    framework = Framework.objects.get(code="uhc-2023")
    assert framework.safe_translation_getter("name", language_code="en").startswith("Political")
    assert framework.commitments.get().code == "participatory-governance"

    # The French tab adds a translation next to the English one.
    response = client.post(
        admin_url("framework_change", framework.pk, language="fr"),
        {
            **UHC_2023,
            "name": "Déclaration politique de la réunion de haut niveau sur la CSU (2023)",
            "description": "",
            **empty_inline(),
            "commitments-TOTAL_FORMS": "1",
            "commitments-INITIAL_FORMS": "1",
            "commitments-0-id": str(framework.commitments.get().pk),
            "commitments-0-framework": str(framework.pk),
            "commitments-0-number": "1",
            "commitments-0-code": "participatory-governance",
            "commitments-0-title": "Promouvoir une gouvernance de la santé participative",
            "commitments-0-description": "",
            "commitments-0-evidence_guidance": "",
            "commitments-0-is_active": "on",
        },
    )
    assert response.status_code == 302
    names = translations(Framework.objects.get(pk=framework.pk), "name")
    assert set(names) == {"en", "fr"}
    assert names["fr"].startswith("Déclaration politique")
    titles = translations(framework.commitments.get(), "title")
    assert titles["fr"] == "Promouvoir une gouvernance de la santé participative"
    assert titles["en"] == "Promote participatory, inclusive health governance"

    # Each save in the admin is a version, with who made it; the French one holds
    # both languages of the framework and of its commitment.
    versions = Version.objects.get_for_object(framework).order_by("revision__date_created")
    assert versions.count() == 2
    assert {v.revision.user for v in versions} == {site_admin}
    latest = versions.last().revision.version_set.all()
    stored = {(v.content_type.model, v.field_dict.get("language_code")) for v in latest}
    assert ("frameworktranslation", "fr") in stored
    assert ("commitmenttranslation", "fr") in stored
    assert ("commitmenttranslation", "en") in stored
    history = client.get(admin_url("framework_history", framework.pk))
    assert history.status_code == 200


@pytest.mark.django_db
def test_a_site_administrator_adds_a_commitment_and_a_custom_cycle(site_admin):
    client = client_for(site_admin)
    wha = Framework.objects.get(code="wha77")
    response = client.post(
        admin_url("commitment_add", language="pt"),
        {
            "framework": str(wha.pk),
            "number": "11",
            "code": "national-review",
            "title": "Revisão nacional da participação social",
            "description": "",
            "evidence_guidance": "Relatório da revisão publicado.",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    commitment = Commitment.objects.get(framework=wha, code="national-review")
    assert translations(commitment, "title") == {"pt": "Revisão nacional da participação social"}

    response = client.post(
        admin_url("cycle_add"),
        {
            "code": "kenya-review-2027",
            "name": "Kenya national review 2027",
            "year": "2027",
            "is_custom": "on",
            "opens_on": "2026-09-01",
            "closes_on": "",
        },
    )
    assert response.status_code == 302
    assert Cycle.objects.get(code="kenya-review-2027").is_open(today=TODAY)


@pytest.mark.django_db
def test_a_commitment_number_cannot_be_taken_twice(site_admin):
    wha = Framework.objects.get(code="wha77")
    response = client_for(site_admin).post(
        admin_url("commitment_add"),
        {"framework": str(wha.pk), "number": "3", "code": "duplicate", "title": "Duplicate"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not Commitment.objects.filter(code="duplicate").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_framework_admin_pages_open_in_every_language_tab(site_admin, language):
    client = client_for(site_admin)
    wha = Framework.objects.get(code="wha77")
    commitment = wha.commitments.get(number=5)
    for url in (
        admin_url("framework_changelist", language=language),
        admin_url("framework_change", wha.pk, language=language),
        admin_url("commitment_change", commitment.pk, language=language),
        admin_url("cycle_changelist", language=language),
        admin_url("indicator_changelist", language=language),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    text = client.get(admin_url("commitment_change", commitment.pk, language=language))
    title = commitment.translations.get(language_code=language).title
    assert title.split(",")[0] in text.content.decode()


@pytest.mark.django_db
def test_what_organisations_record_is_view_only_in_the_admin(site_admin):
    client = client_for(site_admin)
    for model in ("countryassessment", "consolidated", "scorecard"):
        assert client.get(reverse(f"admin:commitments_{model}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:commitments_{model}_add")).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "outsider", "member"])
def test_people_who_are_not_staff_cannot_change_the_framework(request, who):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = client_for(user)
    frameworks = Framework.objects.count()
    response = client.post(admin_url("framework_add"), {**UHC_2023, **empty_inline()})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert Framework.objects.count() == frameworks
    wha = Framework.objects.get(code="wha77")
    response = client.post(
        admin_url("commitment_add"),
        {"framework": str(wha.pk), "number": "12", "code": "sneaky", "title": "Sneaky"},
    )
    assert response.status_code == 302
    assert not Commitment.objects.filter(code="sneaky").exists()


@pytest.mark.django_db
def test_staff_without_a_second_factor_cannot_change_the_framework():
    from ..factories import UserFactory

    staff = UserFactory(is_staff=True, is_superuser=True)
    response = client_for(staff).post(admin_url("framework_add"), {**UHC_2023, **empty_inline()})
    assert response.status_code == 302
    assert "admin" not in response["Location"]
    assert not Framework.objects.filter(code="uhc-2023").exists()
