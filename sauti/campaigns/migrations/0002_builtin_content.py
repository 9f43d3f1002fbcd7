"""Load the built-in key-message library and the built-in advocacy letter template.

Safe to run again: messages, the template and its optional paragraphs are
found by code and updated, their translations by language. Reversing deletes
the built-in content only (coalitions' own messages stay; their adaptations of
a built-in message lose the link, as ``adapted_from`` is SET_NULL).
"""

from django.db import migrations
from django.utils import timezone

from sauti.campaigns.data import key_messages, letter_template


def load(apps, schema_editor):
    KeyMessage = apps.get_model("campaigns", "KeyMessage")
    KeyMessageTranslation = apps.get_model("campaigns", "KeyMessageTranslation")
    LetterTemplate = apps.get_model("campaigns", "LetterTemplate")
    LetterTemplateTranslation = apps.get_model("campaigns", "LetterTemplateTranslation")
    OptionalParagraph = apps.get_model("campaigns", "OptionalParagraph")
    OptionalParagraphTranslation = apps.get_model("campaigns", "OptionalParagraphTranslation")
    now = timezone.now()

    for spec in key_messages.MESSAGES:
        message, _ = KeyMessage.objects.update_or_create(
            code=spec["code"],
            defaults={
                "topic": spec["topic"],
                "audiences": list(spec["audiences"]),
                "source": key_messages.SOURCES[spec["source"]],
                "original_language": "en",
                "organisation": None,
                "country": None,
                "updated_at": now,
            },
        )
        for language in key_messages.LANGUAGES:
            KeyMessageTranslation.objects.update_or_create(
                master=message, language_code=language, defaults={"text": spec["text"][language]}
            )

    spec = letter_template.TEMPLATE
    template, _ = LetterTemplate.objects.update_or_create(
        code=spec["code"],
        defaults={"original_language": "en", "organisation": None, "updated_at": now},
    )
    for language in letter_template.LANGUAGES:
        LetterTemplateTranslation.objects.update_or_create(
            master=template,
            language_code=language,
            defaults={
                "title": spec["title"][language],
                "subject": spec["subject"][language],
                "body": spec["body"][language],
            },
        )
    for position, optional in enumerate(spec["optional"]):
        paragraph, _ = OptionalParagraph.objects.update_or_create(
            template=template, code=optional["code"], defaults={"position": position}
        )
        for language in letter_template.LANGUAGES:
            OptionalParagraphTranslation.objects.update_or_create(
                master=paragraph,
                language_code=language,
                defaults={"label": optional["label"][language], "text": optional["text"][language]},
            )


def unload(apps, schema_editor):
    KeyMessage = apps.get_model("campaigns", "KeyMessage")
    LetterTemplate = apps.get_model("campaigns", "LetterTemplate")
    KeyMessage.objects.filter(code__in=[spec["code"] for spec in key_messages.MESSAGES]).delete()
    LetterTemplate.objects.filter(code=letter_template.TEMPLATE["code"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, unload)]
