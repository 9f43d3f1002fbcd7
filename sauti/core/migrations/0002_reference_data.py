"""Load the WHO regions, the 194 Member States and the topics (codes only)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "who_member_states.csv"
REGIONS = ["AFR", "AMR", "SEAR", "EUR", "EMR", "WPR"]
TOPICS = ["mechanisms", "commitments", "campaigns", "opportunities", "monitoring", "consultations"]


def load(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    Country = apps.get_model("core", "Country")
    Topic = apps.get_model("core", "Topic")
    for code in REGIONS:
        Region.objects.get_or_create(code=code)
    for code in TOPICS:
        Topic.objects.get_or_create(code=code)
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            Country.objects.update_or_create(
                code=row["alpha2"],
                defaults={"alpha3": row["alpha3"], "numeric": row["numeric"], "region_id": row["who_region"]},
            )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
