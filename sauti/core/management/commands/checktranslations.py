"""Fail when any UI string lacks a translation in one of Sauti's languages.

Reads every catalogue in LOCALE_PATHS: an entry that is empty, fuzzy, or
missing a plural form counts as untranslated. Placeholders must match the
source (``%(name)s``, ``{name}``), or the page would crash or lie.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


class Command(BaseCommand):
    help = "Check that every language has every UI string translated."

    def handle(self, *args: object, **options: object) -> None:
        problems: list[str] = []
        languages = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        generated = Path(settings.GENERATED_LOCALE).resolve()
        own = [p for p in map(Path, settings.LOCALE_PATHS) if p.resolve() != generated]
        for locale_dir in own:
            for code in languages:
                folder = code.replace("-", "_")
                if folder == "zh_hans":
                    folder = "zh_Hans"
                po_path = Path(locale_dir) / folder / "LC_MESSAGES" / "django.po"
                if not po_path.exists():
                    problems.append(f"{code}: no catalogue at {po_path}")
                    continue
                with po_path.open("rb") as handle:
                    catalog = read_po(handle)
                for message in catalog:
                    if not message.id:
                        continue
                    ids = message.id if isinstance(message.id, tuple) else (message.id,)
                    strings = (
                        message.string if isinstance(message.string, tuple) else (message.string,)
                    )
                    label = f"{code}: {ids[0][:70]!r}"
                    if message.fuzzy:
                        problems.append(f"{label} is fuzzy")
                    elif not all(strings):
                        problems.append(f"{label} is not translated")
                    else:
                        expected = set(_placeholders(ids[-1]))
                        plural = len(ids) > 1
                        for text in strings:
                            found = set(_placeholders(text))
                            # A plural form may leave out the number ("one file"), never add one.
                            if not found <= expected or (not plural and found != expected):
                                problems.append(
                                    f"{label} has placeholders {sorted(found)}, "
                                    f"expected {sorted(expected)}"
                                )
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} translation problem(s)")
        self.stdout.write(f"all UI strings translated in {len(languages)} languages")
