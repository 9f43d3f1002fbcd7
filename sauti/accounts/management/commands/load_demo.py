"""Load the demo data: an admin, a few people, and fictional organisations.

Idempotent: a second run finds everything in place and changes nothing.
Every organisation it makes is marked ``is_demo`` and says so on its page.
"""

from __future__ import annotations

import os
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from sauti.accounts.models import (
    MODERATORS_GROUP,
    Membership,
    NetworkMembership,
    Organisation,
    User,
)

ADMIN_EMAIL = "admin@sauti.localhost"
DEFAULT_PASSWORD = "sauti-demo-2026"  # noqa: S105 - demo only, printed on screen

PEOPLE = [
    ("amina@demo.sauti.localhost", "Amina K.", "en"),
    ("moussa@demo.sauti.localhost", "Moussa D.", "fr"),
    ("lucia@demo.sauti.localhost", "Lúcia S.", "pt"),
    ("leila@demo.sauti.localhost", "Leila B.", "ar"),
]

# (slug, name, acronym, kind, level, country, work countries, regions, constituencies,
#  original language, {language: description}, admin email)
ORGANISATIONS: list[dict[str, Any]] = [
    {
        "slug": "demo-global-health-voices",
        "name": "Global Health Voices Coalition (demo)",
        "acronym": "GHVC",
        "kind": "network",
        "level": "global",
        "country": None,
        "regions": ["AFR", "AMR", "SEAR", "EUR", "EMR", "WPR"],
        "constituencies": ["women", "youth", "key_populations"],
        "lang": "en",
        "description": {
            "en": "A fictional global coalition used to show how networks nest on Sauti: "
            "regional networks join it, and national organisations join them.",
            "fr": "Une coalition mondiale fictive qui montre comment les réseaux s'emboîtent "
            "sur Sauti : les réseaux régionaux y adhèrent, les organisations nationales "
            "adhèrent aux réseaux régionaux.",
            "es": "Una coalición mundial ficticia que muestra cómo se anidan las redes en Sauti.",
        },
        "admin": "amina@demo.sauti.localhost",
    },
    {
        "slug": "demo-east-africa-health-network",
        "name": "East Africa Community Health Network (demo)",
        "acronym": "EACHN",
        "kind": "network",
        "level": "regional",
        "country": "KE",
        "countries": ["KE", "UG", "TZ", "RW"],
        "regions": ["AFR"],
        "constituencies": ["rural", "women", "hiv"],
        "lang": "en",
        "description": {
            "en": "Fictional regional network of community groups that sit on health facility "
            "committees and push for budgets that reach primary health care.",
            "fr": "Réseau régional fictif de groupes communautaires siégeant dans les comités de "
            "santé des formations sanitaires.",
        },
        "admin": "amina@demo.sauti.localhost",
    },
    {
        "slug": "demo-kisumu-health-rights",
        "name": "Kisumu Health Rights Forum (demo)",
        "acronym": "",
        "kind": "community",
        "level": "local",
        "country": "KE",
        "countries": ["KE"],
        "constituencies": ["hiv", "youth"],
        "lang": "en",
        "description": {
            "en": "Fictional community group of young people living with HIV who "
            "monitor clinic waiting times and stock-outs."
        },
        "admin": "amina@demo.sauti.localhost",
        "networks": ["demo-east-africa-health-network"],
    },
    {
        "slug": "demo-senegal-sante-communautaire",
        "name": "Alliance pour la santé communautaire du Sénégal (démo)",
        "acronym": "ASCS",
        "kind": "ngo",
        "level": "national",
        "country": "SN",
        "countries": ["SN"],
        "constituencies": ["women", "rural"],
        "lang": "fr",
        "description": {
            "fr": "Organisation fictive qui accompagne les comités de développement sanitaire et "
            "plaide pour que les usagers participent réellement à la gestion des postes de santé.",
            "en": "Fictional NGO supporting health development committees so that service users "
            "take a real part in running health posts.",
        },
        "admin": "moussa@demo.sauti.localhost",
    },
    {
        "slug": "demo-conselhos-de-saude-brasil",
        "name": "Fórum Popular dos Conselhos de Saúde (demo)",
        "acronym": "FPCS",
        "kind": "network",
        "level": "national",
        "country": "BR",
        "countries": ["BR"],
        "regions": ["AMR"],
        "constituencies": ["indigenous", "rural", "health_workers"],
        "lang": "pt",
        "description": {
            "pt": "Rede fictícia de conselheiros de saúde usuários que troca experiências sobre "
            "orçamento, secretaria executiva e transparência dos conselhos municipais.",
            "es": "Red ficticia de consejeros de salud usuarios que comparte experiencias sobre "
            "presupuesto y transparencia de los consejos municipales.",
        },
        "admin": "lucia@demo.sauti.localhost",
        "networks": ["demo-global-health-voices"],
    },
    {
        "slug": "demo-red-salud-andina",
        "name": "Red Andina por el Derecho a la Salud (demo)",
        "acronym": "RADS",
        "kind": "network",
        "level": "regional",
        "country": "PE",
        "countries": ["PE", "BO", "EC"],
        "regions": ["AMR"],
        "constituencies": ["indigenous", "migrants"],
        "lang": "es",
        "description": {
            "es": "Red ficticia de organizaciones andinas que promueve la participación "
            "social en la planificación de la atención primaria."
        },
        "admin": "lucia@demo.sauti.localhost",
        "networks": ["demo-global-health-voices"],
    },
    {
        "slug": "demo-tunisie-sante-citoyenne",
        "name": "جمعية الصحة والمواطنة (تجريبي)",
        "acronym": "",
        "kind": "ngo",
        "level": "national",
        "country": "TN",
        "countries": ["TN"],
        "constituencies": ["youth", "disability"],
        "lang": "ar",
        "description": {
            "ar": "جمعية وهمية للعرض تعمل على إشراك المواطنين في الحوار المجتمعي حول السياسات "
            "الصحية ومتابعة التزامات الحكومة.",
            "fr": "Association fictive qui associe les citoyens au dialogue sociétal sur les "
            "politiques de santé.",
        },
        "admin": "leila@demo.sauti.localhost",
        "networks": ["demo-global-health-voices"],
    },
    {
        "slug": "demo-kyrgyz-patients-union",
        "name": "Союз пациентов Кыргызстана (демо)",
        "acronym": "",
        "kind": "community",
        "level": "national",
        "country": "KG",
        "countries": ["KG"],
        "constituencies": ["older", "disability"],
        "lang": "ru",
        "description": {
            "ru": "Вымышленное объединение пациентов, которое добивается участия "
            "сообществ в работе советов по здравоохранению."
        },
        "admin": "amina@demo.sauti.localhost",
    },
    {
        "slug": "demo-pacific-youth-health",
        "name": "Pacific Youth for Health (demo)",
        "acronym": "PYH",
        "kind": "community",
        "level": "regional",
        "country": "FJ",
        "countries": ["FJ", "WS", "TO"],
        "regions": ["WPR"],
        "constituencies": ["youth"],
        "lang": "en",
        "description": {"en": "Fictional youth network across Pacific island countries."},
        "admin": "amina@demo.sauti.localhost",
        "networks": ["demo-global-health-voices"],
    },
    {
        "slug": "demo-mekong-community-health",
        "name": "湄公河社区健康倡议 (演示)",
        "acronym": "",
        "kind": "academic",
        "level": "regional",
        "country": "CN",
        "countries": ["CN", "LA", "VN"],
        "regions": ["WPR"],
        "constituencies": ["migrants", "rural"],
        "lang": "zh-hans",
        "description": {"zh-hans": "虚构的研究机构，用于演示：研究社区参与卫生规划的做法。"},
        "admin": "amina@demo.sauti.localhost",
    },
    {
        "slug": "demo-nepal-health-workers",
        "name": "Nepal Community Health Workers Association (demo)",
        "acronym": "",
        "kind": "professional",
        "level": "national",
        "country": "NP",
        "countries": ["NP"],
        "constituencies": ["health_workers", "women"],
        "lang": "en",
        "description": {"en": "Fictional association of community health workers."},
        "admin": "amina@demo.sauti.localhost",
    },
]


class Command(BaseCommand):
    help = "Load Sauti's demo data (idempotent) and print the admin login."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_PASSWORD)
        first_load = not User.objects.filter(email=ADMIN_EMAIL).exists()
        admin = self._user(ADMIN_EMAIL, "Sauti admin", "en", password, superuser=True)
        Group.objects.get(name=MODERATORS_GROUP).user_set.add(admin)
        people = {email: self._user(email, name, lang, password) for email, name, lang in PEOPLE}
        created = 0
        for spec in ORGANISATIONS:
            created += self._organisation(spec, people)
        for spec in ORGANISATIONS:
            for network_slug in spec.get("networks", []):
                NetworkMembership.objects.get_or_create(
                    network=Organisation.objects.get(slug=network_slug),
                    member=Organisation.objects.get(slug=spec["slug"]),
                    defaults={
                        "status": NetworkMembership.Status.ACTIVE,
                        "decided_at": timezone.now(),
                    },
                )
        # Nest: the regional East African network belongs to the global coalition.
        NetworkMembership.objects.get_or_create(
            network=Organisation.objects.get(slug="demo-global-health-voices"),
            member=Organisation.objects.get(slug="demo-east-africa-health-network"),
            defaults={"status": NetworkMembership.Status.ACTIVE, "decided_at": timezone.now()},
        )
        kept = len(ORGANISATIONS) - created
        self.stdout.write(f"demo data: {created} organisation(s) added, {kept} already there")
        shown = password if first_load else f"{password} (unless changed since the first load)"
        self.stdout.write(f"admin login: {ADMIN_EMAIL} / {shown}")
        self.stdout.write(f"demo members: {', '.join(e for e, _n, _l in PEOPLE)} (same password)")

    def _user(
        self, email: str, name: str, language: str, password: str, superuser: bool = False
    ) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            factory = User.objects.create_superuser if superuser else User.objects.create_user
            user = factory(email=email, password=password, display_name=name, language=language)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _organisation(self, spec: dict[str, Any], people: dict[str, User]) -> int:
        if Organisation.objects.filter(slug=spec["slug"]).exists():
            return 0
        admin = people[spec["admin"]]
        organisation = Organisation(
            slug=spec["slug"],
            name=spec["name"],
            acronym=spec["acronym"],
            kind=spec["kind"],
            level=spec["level"],
            country_id=spec["country"],
            original_language=spec["lang"],
            created_by=admin,
            is_demo=True,
        )
        for language, text in spec["description"].items():
            organisation.set_current_language(language)
            organisation.description = text
        organisation.save()
        organisation.countries.set(spec.get("countries", []))
        organisation.regions.set(spec.get("regions", []))
        organisation.constituencies.set(spec.get("constituencies", []))
        Membership.objects.create(
            user=admin,
            organisation=organisation,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
            decided_at=timezone.now(),
        )
        return 1
