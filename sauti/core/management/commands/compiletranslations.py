"""Compile every ``django.po`` to ``django.mo`` with Babel (no GNU gettext needed).

``make`` runs this so a fresh machine without gettext still gets translated pages.

It also fills a gap: some apps (django-allauth) ship Portuguese only as
``pt_BR``/``pt_PT`` while Sauti serves ``pt``, and gettext does not fall back
from ``pt`` to a regional variant. For such a language the regional catalogue
is compiled into ``var/locale/<lang>`` (see ``GENERATED_LOCALE`` in settings).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

# Sauti language -> the regional catalogue to use when an app has none for it.
REGIONAL_FALLBACKS = {"pt": "pt_BR"}


class Command(BaseCommand):
    help = "Compile the translation catalogues in LOCALE_PATHS with Babel."

    def handle(self, *args: object, **options: object) -> None:
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                self._compile(po_path, mo_path)
                count += 1
        for language, regional in REGIONAL_FALLBACKS.items():
            merged = Catalog(locale=regional)
            for app in apps.get_app_configs():
                locale = Path(app.path) / "locale"
                source = locale / regional / "LC_MESSAGES" / "django.po"
                if source.exists() and not (locale / language).exists():
                    with source.open("rb") as handle:
                        for message in read_po(handle, locale=regional):
                            if message.id and message.string and not message.fuzzy:
                                merged[message.id] = message
            if len(merged):
                target = Path(settings.GENERATED_LOCALE) / language / "LC_MESSAGES" / "django.mo"
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as handle:
                    write_mo(handle, merged, use_fuzzy=False)
                count += 1
        self.stdout.write(f"compiled {count} catalogue(s)")

    def _compile(self, po_path: Path, mo_path: Path) -> None:
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
