"""Load demo campaigns: one open for signatures, one sent and answered, one draft.

The built-in letter template and the key-message library come with the
migrations; this command writes three invented campaigns from them, so that a
fresh installation shows each stage of a joint letter:

- an *open* campaign of a Senegalese coalition, in French and English, to two
  ministries, with 25 signatures that count (organisations and individuals of
  several countries, some without their name shown) and one held for review;
- a campaign of a Brazilian network, in Portuguese, *sent* by hand to two
  addressees and *answered* (the response recorded, with its date);
- a *draft* of the East African network, which only its members see.

Letters are composed as the template's form composes them: the placeholders
shared by all addressees filled (country, coalition, priorities from the
library, next moment, contact), the four filled when the letter is shown or
sent (addressee's name, form of address, institution, date) left in place,
and each optional paragraph's marker replaced by the paragraph or removed.

Every campaign is ``is_demo`` and says so in its title; every organisation
named is invented and says so in its name; people are first names and an
initial, as in ``load_demo``; addresses end in ``demo.sauti.localhost``, a
domain no mail ever reaches.

Idempotent: the Senegalese coalition is found by its slug, a campaign by its
coalition and title; whatever is there is left as it is. Run ``load_demo``
first (it makes the demo people and the other coalitions).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from babel.dates import format_date
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import to_locale

from sauti.accounts.models import Membership, NetworkMembership, Organisation, User
from sauti.campaigns import markup
from sauti.campaigns.data import letter_template
from sauti.campaigns.letters import FILLED_LATE
from sauti.campaigns.models import (
    Addressee,
    Campaign,
    Delivery,
    KeyMessage,
    Letter,
    LetterTemplate,
    Signature,
)
from sauti.core.i18n import country_name

MAIL_DOMAIN = "demo.sauti.localhost"
MARKER = re.compile(r"\{\{\s*paragraph:([-\w]+)\s*\}\}")

# The coalition of the open campaign: a network as ``load_demo`` makes its organisations.
SENEGAL_COALITION: dict[str, Any] = {
    "slug": "demo-coalition-sante-senegal",
    "name": "Coalition citoyenne pour la participation en santé au Sénégal (démo)",
    "acronym": "CCPS",
    "kind": Organisation.Kind.NETWORK,
    "level": Organisation.Level.NATIONAL,
    "country": "SN",
    "countries": ["SN"],
    "regions": ["AFR"],
    "constituencies": ["women", "rural", "youth"],
    "lang": "fr",
    "description": {
        "fr": "Coalition fictive, créée pour la démonstration : elle réunit des associations "
        "d’usagers, des comités de développement sanitaire et des organisations de femmes et "
        "de jeunes qui demandent une participation sociale en santé garantie par la loi.",
        "en": "Fictional coalition, made for the demonstration: users’ associations, health "
        "development committees and women’s and youth organisations asking for social "
        "participation in health guaranteed by law.",
    },
    "admin": f"moussa@{MAIL_DOMAIN}",
    "members": ["demo-senegal-sante-communautaire"],
}


def org(
    name: str,
    kind: str,
    country: str | None,
    person: str,
    role: str = "",
    *,
    show: bool = True,
    registered: str = "",
    held: bool = False,
) -> dict[str, Any]:
    """A signature on behalf of an organisation (``registered``: its slug on Sauti)."""
    return {
        "kind": Signature.Kind.ORGANISATION,
        "organisation_name": name,
        "organisation_kind": kind,
        "registered": registered,
        "name": person,
        "role": role,
        "country": country,
        "show_name": show,
        "held": held,
    }


def person(
    name: str, role: str, country: str | None, *, show: bool = True, held: bool = False
) -> dict[str, Any]:
    """A signature of an individual."""
    return {
        "kind": Signature.Kind.INDIVIDUAL,
        "organisation_name": "",
        "organisation_kind": "",
        "registered": "",
        "name": name,
        "role": role,
        "country": country,
        "show_name": show,
        "held": held,
    }


OPEN_SIGNATURES = [
    org(
        "Alliance pour la santé communautaire du Sénégal (démo)",
        "ngo",
        "SN",
        "Moussa D.",
        "Coordinateur",
        registered="demo-senegal-sante-communautaire",
    ),
    org(
        "Réseau des associations de femmes pour la santé de Thiès (démo)",
        "community",
        "SN",
        "Ndèye F.",
        "Présidente",
    ),
    org(
        "Collectif des usagers des postes de santé de Kolda (démo)",
        "community",
        "SN",
        "Samba B.",
        "Secrétaire général",
        show=False,
    ),
    org(
        "Jeunesse et santé Ziguinchor (démo)",
        "community",
        "SN",
        "Aminata C.",
        "Chargée de plaidoyer",
    ),
    org(
        "Association des personnes handicapées pour l’accès aux soins (démo)",
        "ngo",
        "SN",
        "Ousmane F.",
        "Président",
        show=False,
    ),
    org(
        "Union des relais communautaires de Tambacounda (démo)",
        "professional",
        "SN",
        "Khady N.",
        "Relais communautaire",
    ),
    org(
        "Observatoire citoyen de la santé de Saint-Louis (démo)",
        "ngo",
        "SN",
        "Abdou L.",
        show=False,
    ),
    org(
        "Plateforme malienne pour la santé communautaire (démo)",
        "network",
        "ML",
        "Bakary T.",
        "Coordinateur",
    ),
    org(
        "Association ivoirienne des usagers des services de santé (démo)",
        "ngo",
        "CI",
        "Adjoua K.",
        "Présidente",
    ),
    org(
        "Réseau burkinabè pour la participation en santé (démo)",
        "network",
        "BF",
        "Issa O.",
        show=False,
    ),
    org(
        "Coalition guinéenne pour la couverture sanitaire universelle (démo)",
        "network",
        "GN",
        "Mamadou B.",
        "Secrétaire exécutif",
    ),
    org(
        "Centre d’études sur la santé et la société de Cotonou (démo)",
        "academic",
        "BJ",
        "Prudence A.",
        "Chercheuse",
    ),
    org(
        "Kisumu Health Rights Forum (demo)",
        "community",
        "KE",
        "Amina K.",
        "Coordinator",
        registered="demo-kisumu-health-rights",
    ),
    org(
        "جمعية الصحة والمواطنة (تجريبي)",
        "ngo",
        "TN",
        "Leila B.",
        "منسقة المشاريع",
        registered="demo-tunisie-sante-citoyenne",
    ),
    org("Health Citizens Ghana Network (demo)", "network", "GH", "Kwame A.", show=False),
    org(
        "Association camerounaise pour la santé des femmes rurales (démo)",
        "community",
        "CM",
        "Brigitte E.",
        "Animatrice",
    ),
    org(
        "Global Health Voices Coalition (demo)",
        "network",
        None,
        "Amina K.",
        registered="demo-global-health-voices",
        show=False,
    ),
    org(
        "Association nigérienne des usagers de la santé (démo)",
        "ngo",
        "NE",
        "Hadiza M.",
        show=False,
    ),
    org(
        "Collectif togolais pour l’accès aux soins (démo)",
        "community",
        "TG",
        "Kossi A.",
        "Président",
    ),
    person("Fatou N.", "Sage-femme, Dakar", "SN"),
    person("Ibrahima S.", "Étudiant en santé publique", "SN"),
    person("Aïda M.", "", "SN", show=False),
    person("Marie-Claire D.", "Médecin généraliste", "FR"),
    person("Seydou K.", "", "ML", show=False),
    person("Cheikh T.", "Conseiller municipal", "SN"),
    # Came in a burst from one network: waits for an organiser, does not count meanwhile.
    person("Test T.", "", "SN", held=True),
]

ANSWERED_SIGNATURES = [
    org(
        "Conselho Municipal de Saúde de Vila Esperança (demo)",
        "community",
        "BR",
        "Joana M.",
        "Conselheira usuária",
    ),
    org(
        "Associação de Usuários do SUS do Vale do Ribeira (demo)",
        "community",
        "BR",
        "Carlos P.",
        "Presidente",
    ),
    org(
        "Movimento Popular de Saúde da Zona Leste (demo)", "community", "BR", "Rita S.", show=False
    ),
    org(
        "Rede de Mulheres Negras pela Saúde (demo)",
        "network",
        "BR",
        "Luana F.",
        "Coordenadora",
    ),
    org(
        "Fórum de Conselheiros Indígenas de Saúde (demo)",
        "network",
        "BR",
        "Raoni T.",
        "Conselheiro",
        show=False,
    ),
    org(
        "Coletivo de Agentes Comunitários de Saúde do Sertão (demo)",
        "professional",
        "BR",
        "Francisca L.",
        "Agente comunitária de saúde",
    ),
    org(
        "Instituto de Pesquisa em Participação e Saúde (demo)",
        "academic",
        "BR",
        "Paulo R.",
        "Pesquisador",
    ),
    org(
        "Associação de Pessoas com Deficiência pelo Direito à Saúde (demo)",
        "ngo",
        "BR",
        "Marta C.",
        show=False,
    ),
    org("Frente Estadual em Defesa do SUS (demo)", "network", "BR", "Sônia V.", "Secretária"),
    org(
        "Red Andina por el Derecho a la Salud (demo)",
        "network",
        "PE",
        "Lúcia S.",
        "Coordinadora",
        registered="demo-red-salud-andina",
    ),
]

CAMPAIGNS: list[dict[str, Any]] = [
    {
        "coalition": SENEGAL_COALITION["slug"],
        "title": "Sénégal : une participation sociale en santé inscrite dans la loi et dans le "
        "budget (démo)",
        "country": "SN",
        "state": Campaign.State.OPEN,
        "signers": Campaign.Signers.BOTH,
        "languages": ["fr", "en"],
        "messages": [
            "ask-governments-legal-basis",
            "ask-governments-budget-line",
            "ask-governments-include-marginalised",
        ],
        "paragraphs": ["budget", "marginalised"],
        "next_moment_in_days": 60,
        "next_moment": {
            "fr": "la revue annuelle conjointe du secteur de la santé, prévue le {date}",
            "en": "the joint annual review of the health sector, planned for {date}",
        },
        "contact": {
            "fr": "le secrétariat de la coalition, à l’adresse secretariat@ccps." + MAIL_DOMAIN,
            "en": "the coalition’s secretariat at secretariat@ccps." + MAIL_DOMAIN,
        },
        "addressees": [
            (
                "Ministre de la Santé et de l’Action sociale",
                "Madame la Ministre",
                "Ministère de la Santé et de l’Action sociale",
                "sante@ministere." + MAIL_DOMAIN,
            ),
            (
                "Ministre des Finances et du Budget",
                "Monsieur le Ministre",
                "Ministère des Finances et du Budget",
                "finances@ministere." + MAIL_DOMAIN,
            ),
        ],
        "opened_days_ago": 12,
        "deadline_in_days": 30,
        "signatures": OPEN_SIGNATURES,
        "signature_spacing": timedelta(hours=10),
    },
    {
        "coalition": "demo-conselhos-de-saude-brasil",
        "title": "Brasil: orçamento e estrutura próprios para os conselhos de saúde (demo)",
        "country": "BR",
        "state": Campaign.State.RESPONDED,
        "signers": Campaign.Signers.ORGANISATIONS,
        "languages": ["pt"],
        "messages": [
            "meaningful-resources-not-paper",
            "meaningful-close-the-loop",
            "ask-governments-publish-feedback",
        ],
        "paragraphs": ["monitoring", "meeting-request"],
        "next_moment_in_days": -40,
        "next_moment": {
            "pt": "a votação do Projeto de Lei de Diretrizes Orçamentárias, prevista para {date}",
        },
        "contact": {
            "pt": "a secretaria executiva do Fórum, pelo endereço secretaria@fpcs." + MAIL_DOMAIN,
        },
        "addressees": [
            (
                "Ministro de Estado da Saúde",
                "Senhor Ministro",
                "Ministério da Saúde",
                "gabinete@saude." + MAIL_DOMAIN,
            ),
            (
                "Presidência do Conselho Nacional de Saúde",
                "Senhora Presidenta",
                "Conselho Nacional de Saúde",
                "presidencia@cns." + MAIL_DOMAIN,
            ),
        ],
        "opened_days_ago": 120,
        "closed_days_ago": 80,
        "sent_days_ago": 75,
        "response_days_ago": 30,
        "response_text": "Resposta fictícia, escrita para a demonstração.\n\n"
        "O Ministério da Saúde agradece a carta do Fórum Popular dos Conselhos de Saúde e das "
        "organizações que a assinaram. Reconhecemos o papel dos conselhos de saúde na gestão "
        "participativa do SUS e concordamos que eles precisam de condições próprias para "
        "funcionar.\n\n"
        "Informamos que a proposta de uma rubrica orçamentária específica para apoiar a "
        "secretaria executiva dos conselhos municipais será examinada na elaboração do próximo "
        "orçamento. Propomos uma reunião técnica com a coordenação do Fórum nos próximos 60 "
        "dias para discutir os critérios de repasse e a publicação periódica das deliberações "
        "dos conselhos.",
        "by_hand": True,
        "signatures": ANSWERED_SIGNATURES,
        "signature_spacing": timedelta(days=3),
    },
    {
        "coalition": "demo-east-africa-health-network",
        "title": "Kenya: fund county health committees in the next budget (demo)",
        "country": "KE",
        "state": Campaign.State.DRAFT,
        "signers": Campaign.Signers.ORGANISATIONS,
        "languages": ["en"],
        "messages": ["ask-governments-budget-line", "why-money-well-spent"],
        "paragraphs": ["budget"],
        "next_moment_in_days": 90,
        "next_moment": {"en": "the county budget hearings, starting on {date}"},
        "contact": {"en": "the network’s secretariat at secretariat@eachn." + MAIL_DOMAIN},
        "addressees": [
            (
                "Cabinet Secretary for Health",
                "Cabinet Secretary",
                "Ministry of Health",
                "cabinet@health." + MAIL_DOMAIN,
            ),
        ],
        "signatures": [],
    },
]

# Organisations the campaigns need from ``load_demo`` (the coalitions and their admins).
REQUIRED_ORGANISATIONS = ("demo-conselhos-de-saude-brasil", "demo-east-africa-health-network")


def compose(
    template: LetterTemplate,
    language: str,
    values: dict[str, str],
    paragraphs: list[str],
) -> tuple[str, str]:
    """(subject, body) of ``template`` in ``language``, as the compose form writes them.

    The optional paragraphs chosen replace their markers, the others' markers go;
    the late placeholders stay for ``sauti.campaigns.letters`` to fill.
    """
    optional = {
        paragraph.code: paragraph.safe_translation_getter("text", language_code=language) or ""
        for paragraph in template.optional_paragraphs.all()
    }
    chunks = []
    body = template.safe_translation_getter("body", language_code=language) or ""
    for chunk in re.split(r"\n\s*\n", body):
        marker = MARKER.fullmatch(chunk.strip())
        if marker is None:
            chunks.append(chunk)
        elif marker.group(1) in paragraphs:
            chunks.append(optional[marker.group(1)])
    keep = {name: "{{ " + name + " }}" for name in FILLED_LATE}
    filled = {**values, **keep}
    subject = template.safe_translation_getter("subject", language_code=language) or ""
    return markup.fill(subject, filled), markup.fill("\n\n".join(chunks), filled)


class Command(BaseCommand):
    help = (
        "Load demo campaigns (open with signatures, sent and answered, draft) written from "
        "the built-in letter template (idempotent; run load_demo first)."
    )

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        template = LetterTemplate.objects.filter(code=letter_template.TEMPLATE["code"]).first()
        if template is None:
            raise CommandError(
                "The built-in letter template is missing: run `manage.py migrate` first."
            )
        missing = [
            slug
            for slug in (*REQUIRED_ORGANISATIONS, *SENEGAL_COALITION["members"])
            if not Organisation.objects.filter(slug=slug, is_demo=True).exists()
        ]
        if missing or not User.objects.filter(email=SENEGAL_COALITION["admin"]).exists():
            raise CommandError(
                "The demo organisations are not there yet (missing: "
                f"{', '.join(missing) or SENEGAL_COALITION['admin']}). Run `manage.py load_demo` "
                "first, then `manage.py load_campaigns_demo`."
            )
        self._senegal_coalition()
        added = sum(self._campaign(spec, template) for spec in CAMPAIGNS)
        self.stdout.write(f"demo campaigns: {added} added, {len(CAMPAIGNS) - added} already there")

    def _senegal_coalition(self) -> Organisation:
        spec = SENEGAL_COALITION
        coalition = Organisation.objects.filter(slug=spec["slug"]).first()
        if coalition is not None:
            return coalition
        admin = User.objects.get(email=spec["admin"])
        coalition = Organisation(
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
            coalition.set_current_language(language)
            coalition.description = text
        coalition.save()
        coalition.countries.set(spec["countries"])
        coalition.regions.set(spec["regions"])
        coalition.constituencies.set(spec["constituencies"])
        Membership.objects.create(
            user=admin,
            organisation=coalition,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
            decided_at=timezone.now(),
        )
        for slug in spec["members"]:
            NetworkMembership.objects.get_or_create(
                network=coalition,
                member=Organisation.objects.get(slug=slug),
                defaults={"status": NetworkMembership.Status.ACTIVE, "decided_at": timezone.now()},
            )
        return coalition

    def _campaign(self, spec: dict[str, Any], template: LetterTemplate) -> int:
        coalition = Organisation.objects.get(slug=spec["coalition"])
        if Campaign.objects.filter(is_demo=True, coalition=coalition, title=spec["title"]).exists():
            return 0
        admin = (
            Membership.objects.filter(organisation=coalition, role=Membership.Role.ADMIN)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        organiser = admin.user if admin else None
        now = timezone.now().replace(minute=0, second=0, microsecond=0)

        def ago(key: str) -> datetime | None:
            return now - timedelta(days=spec[key]) if key in spec else None

        opened_at, sent_at = ago("opened_days_ago"), ago("sent_days_ago")
        response_at = ago("response_days_ago")
        campaign = Campaign.objects.create(
            coalition=coalition,
            template=template,
            title=spec["title"],
            country_id=spec["country"],
            signers=spec["signers"],
            deadline=now + timedelta(days=spec["deadline_in_days"])
            if "deadline_in_days" in spec
            else None,
            state=spec["state"],
            opened_at=opened_at,
            closed_at=ago("closed_days_ago"),
            sent_at=sent_at,
            sent_by_hand=spec.get("by_hand", False),
            response_date=timezone.localdate(response_at) if response_at else None,
            response_text=spec.get("response_text", ""),
            # Told already: a demo never mails anyone about its invented response.
            response_notified_at=response_at,
            optional_paragraphs=list(spec["paragraphs"]),
            created_by=organiser,
            created_at=(opened_at or now) - timedelta(days=3),
            updated_at=response_at or now,
            is_demo=True,
        )
        messages = {
            message.code: message
            for message in KeyMessage.objects.filter(code__in=spec["messages"]).prefetch_related(
                "translations"
            )
        }
        campaign.key_messages.set([messages[code] for code in spec["messages"] if code in messages])
        moment_day = timezone.localdate() + timedelta(days=spec["next_moment_in_days"])
        for language in spec["languages"]:
            values = self._values(spec, coalition, language, messages, moment_day)
            if language == spec["languages"][0]:
                # As the compose form keeps them, to go back to it: its texts are one per
                # campaign, so those of the first language.
                campaign.values = {
                    "coalition": coalition.name,
                    "contact": values["contact"],
                    "next_moment": values["next_moment"],
                    "opportunity": None,
                }
            subject, body = compose(template, language, values, spec["paragraphs"])
            Letter.objects.create(campaign=campaign, language=language, subject=subject, body=body)
        campaign.save(update_fields=["values"])
        addressees = [
            Addressee.objects.create(
                campaign=campaign, name=name, title=title, institution=institution, email=email
            )
            for name, title, institution, email in spec["addressees"]
        ]
        if sent_at is not None:
            for addressee in addressees:
                Delivery.objects.create(
                    campaign=campaign,
                    addressee=addressee,
                    sent_at=sent_at,
                    by_hand=spec.get("by_hand", False),
                    recorded_by=organiser,
                    created_at=sent_at,
                )
        self._signatures(campaign, spec, opened_at or now)
        return 1

    def _values(
        self,
        spec: dict[str, Any],
        coalition: Organisation,
        language: str,
        messages: dict[str, KeyMessage],
        moment_day: Any,
    ) -> dict[str, str]:
        priorities = [
            messages[code].safe_translation_getter("text", language_code=language)
            for code in spec["messages"]
            if code in messages
        ]
        day = format_date(moment_day, format="long", locale=to_locale(language))
        return {
            "country": country_name(spec["country"], language),
            "coalition": coalition.name,
            "priorities": "\n".join(f"- {text}" for text in priorities if text),
            "next_moment": spec["next_moment"][language].format(date=day),
            "contact": spec["contact"][language],
        }

    def _signatures(self, campaign: Campaign, spec: dict[str, Any], start: datetime) -> None:
        spacing: timedelta = spec.get("signature_spacing", timedelta(hours=6))
        registered = {
            organisation.slug: organisation
            for organisation in Organisation.objects.filter(
                slug__in=[item["registered"] for item in spec["signatures"] if item["registered"]]
            )
        }
        language = spec["languages"][0]
        for number, item in enumerate(spec["signatures"], start=1):
            signed_at = start + spacing * number
            confirmed_at = signed_at + timedelta(minutes=20)
            organisation = registered.get(item["registered"])
            Signature.objects.create(
                campaign=campaign,
                kind=item["kind"],
                name=item["name"],
                email=f"signatory-{campaign.pk}-{number}@{MAIL_DOMAIN}",
                role=item["role"],
                organisation_name=item["organisation_name"],
                organisation=organisation,
                organisation_kind=organisation.kind if organisation else item["organisation_kind"],
                country_id=item["country"],
                show_name=item["show_name"],
                language=language,
                created_at=signed_at,
                confirmed_at=confirmed_at,
                organisation_approved_at=confirmed_at + timedelta(hours=2)
                if organisation
                else None,
                held_for_review=item["held"],
            )
