"""Load the constituencies and create the moderators group."""

from django.db import migrations

CONSTITUENCIES = [
    "women", "youth", "hiv", "key_populations", "disability", "indigenous",
    "rural", "migrants", "older", "health_workers",
]


def load(apps, schema_editor):
    Constituency = apps.get_model("accounts", "Constituency")
    Group = apps.get_model("auth", "Group")
    for code in CONSTITUENCIES:
        Constituency.objects.get_or_create(code=code)
    Group.objects.get_or_create(name="moderators")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
