"""Load the WHA77 framework, its reporting cycles and the starter indicator library.

Safe to run again: every record is found by its code and updated. Undoing it
removes only what nobody has used yet (no assessment, consolidated entry or
scorecard refers to it); the rest stays.
"""

from django.db import migrations

from sauti.commitments.data import wha77


def _translate(Translation, master, texts: dict[str, dict[str, str]]) -> None:
    """Store ``{field: {language: text}}`` as one translation row per language."""
    languages = sorted({language for values in texts.values() for language in values})
    for language in languages:
        Translation.objects.update_or_create(
            master=master,
            language_code=language,
            defaults={field: values.get(language, "") for field, values in texts.items()},
        )


def load(apps, schema_editor):
    Framework = apps.get_model("commitments", "Framework")
    Commitment = apps.get_model("commitments", "Commitment")
    Cycle = apps.get_model("commitments", "Cycle")
    Indicator = apps.get_model("commitments", "Indicator")

    spec = wha77.FRAMEWORK
    framework, _ = Framework.objects.update_or_create(
        code=spec["code"],
        defaults={
            "adopted_on": spec["adopted_on"],
            "source_url": spec["source_url"],
            "order": spec["order"],
        },
    )
    _translate(
        apps.get_model("commitments", "FrameworkTranslation"),
        framework,
        {"name": spec["name"], "description": spec["description"]},
    )

    commitments = {}
    CommitmentTranslation = apps.get_model("commitments", "CommitmentTranslation")
    for spec in wha77.COMMITMENTS:
        commitment, _ = Commitment.objects.update_or_create(
            framework=framework, code=spec["code"], defaults={"number": spec["number"]}
        )
        _translate(
            CommitmentTranslation,
            commitment,
            {
                "title": spec["title"],
                "description": spec["description"],
                "evidence_guidance": spec["evidence_guidance"],
            },
        )
        commitments[spec["code"]] = commitment

    CycleTranslation = apps.get_model("commitments", "CycleTranslation")
    for spec in wha77.CYCLES:
        cycle, _ = Cycle.objects.update_or_create(
            code=spec["code"],
            defaults={
                "year": spec["year"],
                "is_custom": False,
                "opens_on": spec["opens_on"],
                "closes_on": spec["closes_on"],
            },
        )
        _translate(CycleTranslation, cycle, {"name": spec["name"]})

    IndicatorTranslation = apps.get_model("commitments", "IndicatorTranslation")
    for spec in wha77.INDICATORS:
        indicator, _ = Indicator.objects.update_or_create(
            code=spec["code"],
            defaults={"commitment": commitments.get(spec["commitment"] or "")},
        )
        _translate(
            IndicatorTranslation, indicator, {"text": spec["text"], "guidance": spec["guidance"]}
        )


def unload(apps, schema_editor):
    Framework = apps.get_model("commitments", "Framework")
    Commitment = apps.get_model("commitments", "Commitment")
    Cycle = apps.get_model("commitments", "Cycle")
    Indicator = apps.get_model("commitments", "Indicator")
    CountryAssessment = apps.get_model("commitments", "CountryAssessment")
    Consolidated = apps.get_model("commitments", "Consolidated")
    ConsolidatedEntry = apps.get_model("commitments", "ConsolidatedEntry")
    Scorecard = apps.get_model("commitments", "Scorecard")
    ScorecardItem = apps.get_model("commitments", "ScorecardItem")

    used = ScorecardItem.objects.filter(indicator__isnull=False).values("indicator_id")
    Indicator.objects.filter(code__in=[spec["code"] for spec in wha77.INDICATORS]).exclude(
        pk__in=used
    ).delete()

    codes = [spec["code"] for spec in wha77.CYCLES]
    Cycle.objects.filter(code__in=codes).exclude(
        pk__in=CountryAssessment.objects.values("cycle_id")
    ).exclude(pk__in=Consolidated.objects.values("cycle_id")).exclude(
        pk__in=Scorecard.objects.filter(cycle__isnull=False).values("cycle_id")
    ).delete()

    framework = Framework.objects.filter(code=wha77.FRAMEWORK["code"]).first()
    if framework is None:
        return
    Commitment.objects.filter(
        framework=framework, code__in=[spec["code"] for spec in wha77.COMMITMENTS]
    ).exclude(pk__in=CountryAssessment.objects.values("commitment_id")).exclude(
        pk__in=ConsolidatedEntry.objects.values("commitment_id")
    ).delete()
    if not Commitment.objects.filter(framework=framework).exists():
        framework.delete()


class Migration(migrations.Migration):
    dependencies = [("commitments", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
