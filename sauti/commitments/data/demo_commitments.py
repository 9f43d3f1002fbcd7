"""Demo data for country tracking and community scorecards (``load_commitments_demo``).

Everything here is invented to show how Sauti works: the countries and places
are real, the assessments, scores, meetings and documents are not. Every
record the command writes is marked ``is_demo``; place names carry "(demo)",
and links to documents that do not exist point to example.org and say
"fictional demo document". The only real links are to public texts that do
exist (the WHO handbook on social participation, Brazil's Lei 8.142/1990 and published reviews
already cited by the mechanisms registry).

Five countries where the demo organisations of ``load_demo`` work, each
assessed by two or three of them for the 2026 cycle (closed: historic data)
and the 2028 cycle (open: assessments still coming in, so some organisations
have assessed only part of the commitments). Organisations write in their own
language: the Senegalese alliance in French, the Brazilian forum in
Portuguese, the Andean network in Spanish, the others in English.
"""

from __future__ import annotations

from typing import Any

from sauti.mechanisms.data.demo_mechanisms import ASCS, EACHN, FPCS, GHVC, KISUMU, NEPAL, RADS

FRAMEWORK = "wha77"
CYCLES = ("2026", "2028")
COUNTRIES = ("KE", "UG", "SN", "BR", "NP")
ORGANISATIONS = (GHVC, EACHN, KISUMU, ASCS, FPCS, RADS, NEPAL)

# One token per commitment (1 to 10, in order), separated by spaces.
# "-" means the organisation has not assessed that commitment (yet).
STATUS_TOKENS = {
    "?": "no_information",
    "0": "no_action",
    "1": "initial",
    "2": "in_progress",
    "3": "largely_achieved",
    "R": "regressing",
}

# Real public texts (checked: they are cited by the mechanisms registry's case studies).
WHO_HANDBOOK = {
    "title": "Voice, agency, empowerment – handbook on social participation for universal "
    "health coverage (WHO, 2021)",
    "url": "https://www.who.int/publications/i/item/9789240027794",
}
BRAZIL_LAW = {
    "title": "Lei nº 8.142, de 28 de dezembro de 1990 (participação da comunidade na gestão "
    "do SUS)",
    "url": "https://www.planalto.gov.br/ccivil_03/leis/l8142.htm",
}
BRAZIL_STUDY = {
    "title": "Social participation in the unified health system of Brazil: an exploratory study "
    "on the adequacy of health councils to resolution 453/2012 (BMC Health Services Research, "
    "2021)",
    "url": "https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-021-07161-1",
}
SENEGAL_REVIEW = {
    "title": "Gouvernance sanitaire : vers une évaluation des comités de développement "
    "sanitaire (CDS) – 3CapSanté",
    "url": "https://3capsante.org/gouvernance-sanitaire-vers-une-evaluation-des-comites-de-"
    "developpement-sanitaire-cds",
}

DEMO_URL = "https://example.org/sauti-demo/"


def demo_doc(title: str, path: str) -> dict[str, str]:
    """A document that does not exist: the title says so, the link goes to example.org."""
    return {"title": title, "url": DEMO_URL + path}


def mech(ref: str) -> dict[str, str]:
    """A mechanism of the registry, by its reference in ``demo_mechanisms`` or
    ``case_studies.REAL_MECHANISMS``."""
    return {"mechanism": ref}


# --- Country assessments ----------------------------------------------------------------------
#
# One entry per organisation, country and cycle. ``recorded_on`` is when it was
# recorded; ``earlier`` holds, for some commitments, the status and narrative
# first recorded, changed on ``updated_on`` to what ``statuses``/``narratives`` say
# (so that the history of those commitments has two versions).

ASSESSMENTS: list[dict[str, Any]] = [
    # --- Kenya ----------------------------------------------------------------------------
    {
        "country": "KE",
        "org": KISUMU,
        "cycle": "2026",
        "recorded_on": "2026-03-12",
        "statuses": "1 1 2 2 1 2 1 0 ? 1",
        "narratives": {
            1: "The county health department named a community engagement focal person in "
            "2025, but the post has no budget line and no terms of reference we could find.",
            2: "Facility in-charges in Kisumu had one half-day briefing on working with health "
            "facility committees; most staff we spoke to had never heard of it.",
            3: "Health facility committees meet at most of the facilities we follow, Nyalenda "
            "included, and minutes are kept. Meetings still depend on the in-charge calling them.",
            4: "Youth dialogues such as the one in Kibera get a sub-county official most months. "
            "They are tolerated rather than part of the county's planning calendar.",
            5: "Young people living with HIV and women from informal settlements are invited, but "
            "meetings are held in working hours and transport is not refunded.",
            6: "National law provides for community participation in health and there are "
            "guidelines on facility committees. County regulations to apply them are in draft.",
            7: "We have seen one decision change after community input (opening hours at "
            "Nyalenda). Budget and staffing decisions come with no feedback to committees.",
            8: "No county budget line pays for participation. Committee members pay their own "
            "transport since sitting allowances stopped in 2024.",
            9: "We found no county data on participation; the department did not answer our "
            "written request.",
            10: "Partners trained a few committee members in budget tracking; the government "
            "gives no support to civil society groups.",
        },
        "evidence": {
            3: [
                mech("ke-nyalenda"),
                demo_doc(
                    "Minutes of the Nyalenda health facility committee, 2025 (fictional demo "
                    "document)",
                    "ke/nyalenda-committee-minutes-2025",
                ),
            ],
            4: [mech("ke-kibera")],
            6: [
                demo_doc(
                    "Draft Kisumu County regulations on health facility committees (fictional "
                    "demo document)",
                    "ke/kisumu-draft-regulations",
                )
            ],
            7: [mech("ke-nyalenda")],
            8: [
                demo_doc(
                    "Kisumu County health budget 2025/26, community health lines (fictional demo "
                    "document)",
                    "ke/kisumu-health-budget-2025-26",
                )
            ],
        },
    },
    {
        "country": "KE",
        "org": KISUMU,
        "cycle": "2028",
        "recorded_on": "2026-07-14",
        "updated_on": "2026-10-20",
        "statuses": "1 2 2 2 2 2 1 R 1 2",
        "narratives": {
            2: "Since July the county runs a short course on community engagement for facility "
            "in-charges; two of the four in-charges we follow have taken it.",
            3: "No change: committees meet, but Nyalenda's did not meet from June to August while "
            "the post of in-charge was vacant.",
            5: "Three facilities now hold committee meetings late in the afternoon and Nyalenda "
            "added a youth seat. Transport is still not refunded.",
            7: "Still initial: the committee's request for a second clinical officer is "
            "unanswered after five months.",
            8: "The allocation for committee training in the draft budget was cut from the budget "
            "approved in October, and facility improvement funds are late. Regressing.",
            9: "After our request the county shared a list of functioning facility committees, "
            "with no attendance or decisions.",
            10: "Kisumu's youth groups formed a joint budget-tracking team; the county invited it "
            "to one budget hearing.",
        },
        "earlier": {
            8: (
                "1",
                "A small allocation for training facility committee members appears in the draft "
                "county budget for 2026/27.",
            ),
        },
        "evidence": {
            5: [mech("ke-nyalenda")],
            8: [
                demo_doc(
                    "Kisumu County approved budget 2026/27, health chapter (fictional demo "
                    "document)",
                    "ke/kisumu-approved-budget-2026-27",
                )
            ],
            10: [mech("ke-kibera")],
        },
    },
    {
        "country": "KE",
        "org": EACHN,
        "cycle": "2026",
        "recorded_on": "2026-04-02",
        "statuses": "1 1 2 1 1 2 1 0 1 1",
        "narratives": {
            4: "Across the counties of our network, Nakuru's stakeholder forum is the only regular "
            "space beyond facility committees, and it met twice in 2025.",
            6: "The legal basis is there nationally; counties differ widely in how far they have "
            "written it into their own laws.",
            8: "We found no county in our network with a line for participation in its 2025/26 "
            "health budget.",
            9: "Two counties publish lists of facility committees, with nothing on who takes part "
            "or what changed.",
        },
        "evidence": {
            4: [mech("ke-nakuru")],
            6: [
                demo_doc(
                    "County health laws in East Africa: a desk review (fictional demo document)",
                    "eachn/county-health-laws-review",
                )
            ],
        },
    },
    {
        "country": "KE",
        "org": EACHN,
        "cycle": "2028",
        "recorded_on": "2026-09-03",
        "statuses": "2 1 2 2 1 3 1 R 1 -",
        "narratives": {
            1: "Nakuru and Kisumu now both have a named community engagement unit in the county "
            "health department.",
            4: "The Nakuru forum met three times this year and its report was annexed to the "
            "county's annual work plan.",
            6: "Nakuru adopted its regulations on health facility committees in August; in the "
            "counties we follow the legal framework is now largely in place.",
            8: "Community health budgets fell in three of the four counties we track in 2026/27.",
        },
        "evidence": {
            4: [mech("ke-nakuru")],
            6: [
                demo_doc(
                    "Nakuru County health facility committees regulations, 2026 (fictional demo "
                    "document)",
                    "ke/nakuru-committee-regulations-2026",
                )
            ],
        },
    },
    {
        "country": "KE",
        "org": GHVC,
        "cycle": "2026",
        "recorded_on": "2026-05-06",
        "statuses": "1 1 2 2 1 2 0 0 ? 1",
        "narratives": {
            3: "Based on the reports of our members in Kenya and on the county documents they "
            "shared.",
            7: "In the documents we reviewed we could not find one national or county decision "
            "that changed because of community input.",
        },
        "evidence": {1: [WHO_HANDBOOK]},
    },
    # --- Uganda ---------------------------------------------------------------------------
    {
        "country": "UG",
        "org": EACHN,
        "cycle": "2026",
        "recorded_on": "2026-02-17",
        "statuses": "1 1 1 2 1 1 0 0 1 1",
        "narratives": {
            1: "The community health strategy mentions participation, but district health teams "
            "have nobody responsible for it.",
            2: "Health workers in Gulu told us they were never trained to run meetings with the "
            "community; village health teams do it informally.",
            3: "Health unit management committees exist on paper; in Gulu and Mbale fewer than "
            "half of them met in 2025.",
            4: "The Gulu advisory panel and the Mbale village health team forum are both active "
            "and district officers listen to them.",
            5: "The Gulu panel has seats for refugees and persons with disabilities, but people "
            "from the settlements rarely attend because of the distance.",
            6: "Guidelines on health unit management committees are old and under revision; no "
            "law sets out how people take part.",
            7: "The districts could not show us a plan or budget that changed after community "
            "input.",
            8: "District budgets have no line for community participation; partners pay for the "
            "panel's meetings.",
            9: "The district health information system counts village health team visits, "
            "nothing about participation.",
            10: "NGOs train village health teams; government support is limited to supervision "
            "visits.",
        },
        "evidence": {
            3: [
                demo_doc(
                    "Attendance of health unit management committees in Gulu and Mbale, 2025 "
                    "(fictional demo document)",
                    "ug/hummc-attendance-2025",
                )
            ],
            4: [mech("ug-gulu"), mech("ug-mbale")],
        },
    },
    {
        "country": "UG",
        "org": EACHN,
        "cycle": "2028",
        "recorded_on": "2026-08-25",
        "statuses": "1 1 2 2 R 1 1 0 1 2",
        "narratives": {
            3: "Since the revised guidelines were circulated most committees in Gulu have met at "
            "least twice this year.",
            5: "The refugee seats on the Gulu panel have been empty since the district stopped "
            "paying transport from the settlements. Fewer voices, not more.",
            7: "The Mbale forum's complaint about stock-outs led the district to change its "
            "medicine delivery schedule: the first change we can document.",
            10: "The district now invites village health team leaders to its quarterly review "
            "and pays their transport.",
        },
        "evidence": {
            5: [mech("ug-gulu")],
            7: [
                mech("ug-mbale"),
                demo_doc(
                    "Mbale district letter on medicine deliveries (fictional demo document)",
                    "ug/mbale-medicine-deliveries-letter",
                ),
            ],
        },
    },
    {
        "country": "UG",
        "org": GHVC,
        "cycle": "2026",
        "recorded_on": "2026-05-11",
        "statuses": "1 0 1 1 1 1 0 0 ? 1",
        "narratives": {
            2: "We found no training of public sector staff on participation in the national "
            "plans we reviewed.",
            4: "Spaces exist locally, but there is no national platform where civil society meets "
            "the Ministry of Health regularly.",
            9: "No national data on participation are published.",
        },
        "evidence": {},
    },
    {
        "country": "UG",
        "org": GHVC,
        "cycle": "2028",
        "recorded_on": "2026-10-08",
        "statuses": "- - 2 - R - - 0 - -",
        "narratives": {
            3: "Committees meet more often since the guidelines were revised.",
            5: "We agree with the East African network: empty refugee seats in Gulu mean that "
            "participation is narrowing.",
        },
        "evidence": {5: [mech("ug-gulu")]},
    },
    # --- Senegal --------------------------------------------------------------------------
    {
        "country": "SN",
        "org": ASCS,
        "cycle": "2026",
        "recorded_on": "2026-01-28",
        "statuses": "2 1 2 2 1 3 1 1 1 2",
        "narratives": {
            1: "Le ministère a désigné des points focaux « participation communautaire » dans "
            "chaque région médicale ; leur rôle se limite surtout au suivi des CDS.",
            2: "Les infirmiers chefs de poste sont formés à la gestion des CDS, mais rien ne les "
            "prépare à animer le dialogue avec les usagers.",
            3: "Les CDS se réunissent dans la plupart des postes que nous suivons, dont Keur "
            "Massar, et présentent leurs comptes aux usagers une fois par an.",
            4: "Le cadre de concertation de Kolda se réunit avant les plans de travail annuels ; "
            "ailleurs, ces espaces dépendent des ONG.",
            5: "Les groupements de femmes siègent dans les CDS, les jeunes et les personnes "
            "handicapées presque jamais.",
            6: "Le décret de 2018 fixe la composition, les missions et le contrôle des comités "
            "de développement sanitaire : le cadre juridique est en place.",
            7: "Les CDS décident de l'usage des recettes, mais les usagers ne sont pas consultés "
            "sur les plans de district.",
            8: "Les CDS vivent des recettes des tickets ; l'État ne finance ni la formation de "
            "leurs membres ni leur fonctionnement.",
            9: "Le ministère a lancé une évaluation des CDS ; les résultats ne sont pas publiés.",
            10: "Des formations de membres de CDS existent avec l'appui des partenaires, et le "
            "ministère y participe.",
        },
        "evidence": {
            3: [mech("sn-keur-massar")],
            4: [mech("sn-kolda")],
            6: [mech("sn-health-development-committees")],
            9: [SENEGAL_REVIEW],
        },
    },
    {
        "country": "SN",
        "org": ASCS,
        "cycle": "2028",
        "recorded_on": "2026-07-02",
        "updated_on": "2026-10-15",
        "statuses": "2 2 2 3 2 3 1 R 1 2",
        "narratives": {
            2: "Depuis juin, la formation des infirmiers chefs de poste comprend un module sur le "
            "dialogue avec les usagers dans deux régions.",
            4: "Le cadre de concertation de Kolda a maintenant un calendrier annuel et publie ses "
            "comptes rendus ; Thiès a lancé un forum des jeunes.",
            5: "Deux CDS de Keur Massar ont ouvert un siège aux jeunes ; les personnes handicapées "
            "restent absentes.",
            7: "Toujours au stade initial : les remarques des usagers de Keur Massar sur l'accueil "
            "ne figurent pas dans le plan de district.",
            8: "La ligne annoncée pour la formation des CDS a disparu de la loi de finances "
            "adoptée et la part des recettes laissée aux CDS a baissé : régression.",
        },
        "earlier": {
            8: (
                "1",
                "Le projet de budget 2027 annonce une ligne pour la formation des membres de CDS.",
            ),
        },
        "evidence": {
            4: [mech("sn-kolda"), mech("sn-thies")],
            8: [
                demo_doc(
                    "Loi de finances 2027, extrait du budget de la santé (document fictif de "
                    "démonstration)",
                    "sn/loi-de-finances-2027-sante",
                )
            ],
        },
    },
    {
        "country": "SN",
        "org": GHVC,
        "cycle": "2026",
        "recorded_on": "2026-05-12",
        "statuses": "2 1 2 2 1 2 1 1 ? 1",
        "narratives": {
            6: "The 2018 decree is solid for health development committees, but no law covers "
            "participation in national policy-making, so we keep this at in progress.",
            9: "We found no published data on participation.",
            10: "Training of committee members depends on donor-funded projects.",
        },
        "evidence": {6: [mech("sn-health-development-committees")]},
    },
    {
        "country": "SN",
        "org": GHVC,
        "cycle": "2028",
        "recorded_on": "2026-09-21",
        "statuses": "2 - 2 - 1 3 - R - -",
        "narratives": {
            5: "Still initial for us: one youth seat does not yet make the committees inclusive.",
            6: "On reflection we align with the Senegalese alliance: the decree is applied and "
            "enforced.",
            8: "We confirm the cut reported by our Senegalese partner.",
        },
        "evidence": {},
    },
    # --- Brazil ---------------------------------------------------------------------------
    {
        "country": "BR",
        "org": FPCS,
        "cycle": "2026",
        "recorded_on": "2025-12-09",
        "statuses": "3 2 3 3 2 3 2 1 2 2",
        "narratives": {
            1: "O SUS tem secretarias executivas dos conselhos e áreas de gestão participativa em "
            "muitos estados e municípios: a capacidade existe, ainda que desigual.",
            2: "Há cursos para conselheiros e gestores, mas a formação dos trabalhadores da ponta "
            "sobre participação ainda é rara.",
            3: "A Lei 8.142/1990 garante conselhos e conferências em todas as esferas; os "
            "conselhos que acompanhamos se reúnem todo mês.",
            4: "Conselhos locais, conferências e ouvidorias formam uma rede ativa de espaços, como "
            "mostrou a conferência de Belo Horizonte.",
            5: "A paridade dos usuários é respeitada, mas povos indígenas, população de rua e "
            "pessoas com deficiência seguem sub-representados fora dos seus próprios conselhos.",
            6: "A lei e as resoluções do Conselho Nacional de Saúde estão em vigor; o desafio é "
            "o cumprimento, não o texto.",
            7: "Os conselhos aprovam planos e relatórios de gestão, mas parte das deliberações é "
            "ignorada pelos gestores sem justificativa.",
            8: "Muitos conselhos municipais não têm orçamento próprio; em Juazeiro a secretaria "
            "executiva depende da boa vontade da secretaria de saúde.",
            9: "Existe um sistema de acompanhamento dos conselhos, mas os dados estão "
            "desatualizados e são pouco usados.",
            10: "Há programas de educação permanente para conselheiros, com alcance desigual "
            "entre as regiões.",
        },
        "evidence": {
            3: [BRAZIL_LAW, mech("br-national-health-council"), mech("br-juazeiro")],
            4: [mech("br-conferencia-bh")],
            8: [
                mech("br-juazeiro"),
                demo_doc(
                    "Orçamento do Conselho Municipal de Saúde de Juazeiro, 2025 (documento "
                    "fictício de demonstração)",
                    "br/juazeiro-orcamento-conselho-2025",
                ),
            ],
            9: [BRAZIL_STUDY],
        },
    },
    {
        "country": "BR",
        "org": FPCS,
        "cycle": "2028",
        "recorded_on": "2026-06-23",
        "updated_on": "2026-11-04",
        "statuses": "3 2 3 3 2 3 R 1 2 2",
        "narratives": {
            3: "Os conselhos que acompanhamos mantiveram as reuniões mensais.",
            5: "O Conselho Distrital de Saúde Indígena do Alto Rio Negro voltou a se reunir, "
            "agora com intérpretes; fora dele, pouca mudança.",
            7: "Em outubro o Conselho Estadual do Pará rejeitou o relatório de gestão e a "
            "secretaria seguiu adiante; em Juazeiro, as propostas aprovadas em junho saíram do "
            "plano. Registramos regressão.",
            8: "Nenhuma mudança: os conselhos continuam sem orçamento próprio.",
        },
        "earlier": {
            7: (
                "2",
                "Em junho o plano municipal de Juazeiro incorporou três propostas aprovadas pelo "
                "conselho.",
            ),
        },
        "evidence": {5: [mech("br-rio-negro")], 7: [mech("br-para"), mech("br-juazeiro")]},
    },
    {
        "country": "BR",
        "org": RADS,
        "cycle": "2026",
        "recorded_on": "2026-03-19",
        "statuses": "3 2 3 2 2 3 2 1 2 3",
        "narratives": {
            4: "Los espacios existen por ley, pero en los municipios amazónicos que visitamos "
            "muchos consejos locales no funcionan; por eso no los calificamos como logrados.",
            5: "Los consejos indígenas son un avance, pero la participación de migrantes "
            "venezolanos en el norte es casi nula.",
            10: "Brasil es una referencia regional en formación de consejeros; compartimos sus "
            "materiales con las redes andinas.",
        },
        "evidence": {4: [mech("br-rio-negro")], 10: [mech("br-juazeiro")]},
    },
    {
        "country": "BR",
        "org": GHVC,
        "cycle": "2026",
        "recorded_on": "2026-04-28",
        "statuses": "3 2 3 3 1 3 2 1 ? 2",
        "narratives": {
            5: "Representation in the councils is largely organised by established associations; "
            "we saw little that reaches people who are not already organised.",
            9: "We could not verify how current the council monitoring data are.",
        },
        "evidence": {3: [BRAZIL_LAW]},
    },
    {
        "country": "BR",
        "org": GHVC,
        "cycle": "2028",
        "recorded_on": "2026-10-27",
        "statuses": "3 - 3 3 2 3 2 - - -",
        "narratives": {
            5: "Revised after our members' reports: indigenous health councils meeting again, "
            "with interpreters, is real progress.",
            7: "We keep this at in progress until the dispute in Pará is settled.",
        },
        "evidence": {5: [mech("br-rio-negro")]},
    },
    # --- Nepal ----------------------------------------------------------------------------
    {
        "country": "NP",
        "org": NEPAL,
        "cycle": "2026",
        "recorded_on": "2026-02-05",
        "statuses": "1 1 2 2 2 2 1 1 1 1",
        "narratives": {
            1: "Provincial health directorates mention community participation in their plans, "
            "but no unit is responsible for it.",
            2: "Health post in-charges get management training that includes one session on "
            "working with the operation and management committee.",
            3: "Operation and management committees are required and meet in most wards where we "
            "work, chaired by the ward chair.",
            4: "District coordination committees such as Kaski's invite NGOs and professional "
            "associations to quarterly reviews.",
            5: "Committees must include women and Dalit members, and female community health "
            "volunteers sit on most of them. People with disabilities are rarely included.",
            6: "Public health and local government laws both provide for community participation; "
            "the guidelines for committees are being updated.",
            7: "Committees approve health post plans, but provincial and federal budgets are set "
            "without community input.",
            8: "Some municipalities pay for committee meetings from their own budget; others "
            "do not.",
            9: "A pilot records committee meetings in the health information system in a few "
            "municipalities.",
            10: "The government trains community health volunteers; associations like ours get "
            "no support.",
        },
        "evidence": {
            3: [mech("np-dhulikhel")],
            4: [mech("np-kaski")],
            6: [
                demo_doc(
                    "Draft revised guidelines for health post operation and management "
                    "committees (fictional demo document)",
                    "np/committee-guidelines-draft",
                )
            ],
        },
    },
    {
        "country": "NP",
        "org": NEPAL,
        "cycle": "2028",
        "recorded_on": "2026-08-11",
        "statuses": "2 1 2 2 2 2 1 1 2 2",
        "narratives": {
            1: "Bagmati province named a community engagement officer in its health directorate "
            "in July.",
            9: "The pilot recording committee meetings now covers the whole of Kavrepalanchok "
            "district.",
            10: "Our association was invited to co-design the volunteers' refresher training, "
            "with provincial funding.",
        },
        "evidence": {
            9: [
                demo_doc(
                    "Kavrepalanchok: committee meetings in the health information system, first "
                    "quarter (fictional demo document)",
                    "np/kavre-committee-meetings-hmis",
                )
            ],
            3: [mech("np-dhulikhel")],
        },
    },
    {
        "country": "NP",
        "org": GHVC,
        "cycle": "2028",
        "recorded_on": "2026-11-02",
        "statuses": "1 1 2 2 1 2 1 1 - -",
        "narratives": {
            1: "One provincial officer is a start; we will look for the same in the other six "
            "provinces.",
            5: "Seats are reserved, but women and Dalit members we interviewed said they are "
            "rarely asked to speak in meetings.",
        },
        "evidence": {4: [mech("np-kaski")]},
    },
]


# --- Consolidated assessments (2026, published) ---------------------------------------------
#
# ``entries`` gives the coalition's own status per commitment (same tokens) and,
# for some, a note; the members' statuses are taken from their assessments.

CONSOLIDATED: list[dict[str, Any]] = [
    {
        "coalition": EACHN,
        "country": "KE",
        "cycle": "2026",
        "published_on": "2026-05-22",
        "summary": "Demo data. The East Africa Community Health Network's position on Kenya for "
        "the 2026 report, drawn from its own review and from the Kisumu Health Rights Forum. "
        "Kenya has the laws and the committees; what is missing is money, and proof that "
        "community voices change decisions.",
        "statuses": "1 1 2 2 1 2 1 0 1 1",
        "notes": {
            3: "Committees meet regularly where our members work.",
            4: "We follow the Kisumu forum here: the youth dialogues and the Nakuru forum are "
            "real, if irregular.",
            8: "No county budget line pays for participation.",
            9: "The Kisumu forum found no county data; lists of committees exist in two other "
            "counties.",
        },
    },
    {
        "coalition": GHVC,
        "country": "BR",
        "cycle": "2026",
        "published_on": "2026-05-26",
        "summary": "Demo data. The Global Health Voices Coalition's position on Brazil for the "
        "2026 report, drawn from the Fórum Popular dos Conselhos de Saúde and the Red Andina por "
        "el Derecho a la Salud. Brazil's councils and conferences rest on law and meet; the gaps "
        "are between what councils decide and what managers do, and councils without budgets "
        "of their own.",
        "statuses": "3 2 3 3 2 3 2 1 2 2",
        "notes": {
            3: "Regular councils and conferences backed by Lei 8.142/1990.",
            4: "Most members see an active network of spaces; the Andean network found idle local "
            "councils in Amazon municipalities.",
            7: "Council resolutions are often ignored without explanation.",
            8: "Most municipal councils have no budget of their own.",
            10: "Members differ: the Andean network considers council training a regional model.",
        },
    },
]


# --- Community scorecards -------------------------------------------------------------------


def lib(code: str, self_score: int | None, self_reasons: str, *scores: tuple[int, str]) -> dict:
    """An indicator of the library, the provider's self-assessment, one score per group."""
    return {
        "indicator": code,
        "self_score": self_score,
        "self_reasons": self_reasons,
        "scores": list(scores),
    }


def own(text: str, self_score: int | None, self_reasons: str, *scores: tuple[int, str]) -> dict:
    """An indicator written for this exercise."""
    return {
        "text": text,
        "self_score": self_score,
        "self_reasons": self_reasons,
        "scores": list(scores),
    }


# Groups: (label, constituency code or None, number of people). Actions: (action,
# who is responsible, due date, follow-up, follow-up note).
SCORECARDS: list[dict[str, Any]] = [
    {
        "org": KISUMU,
        "country": "KE",
        "place_kind": "facility",
        "place_name": "Nyalenda Health Centre, Kisumu (demo)",
        "mechanism": "ke-nyalenda",
        "held_on": "2025-09-18",
        "cycle": "2026",
        "published": True,
        "facilitators": "Two peer facilitators of the Kisumu Health Rights Forum (demo)",
        "groups": [
            ("Young people living with HIV", "hiv", 8),
            ("Women using antenatal care", "women", 23),
            ("Men from Nyalenda", None, 14),
            ("Health workers", "health_workers", 11),
        ],
        "items": [
            lib(
                "respectful-treatment",
                4,
                "All staff had customer care training in 2024.",
                (2, "Nurses talk about our status in front of others"),
                (3, "Depends on the shift"),
                (4, ""),
                (4, "We try, but the queue is long"),
            ),
            lib(
                "reasonable-waiting-times",
                3,
                "Two clinicians for the whole catchment area.",
                (1, "From 7 in the morning to the afternoon"),
                (2, "Half a day for an antenatal visit"),
                (2, ""),
                (2, "Too many patients per clinician"),
            ),
            lib(
                "essential-medicines",
                3,
                "County deliveries are often late.",
                (2, "ARVs are there, other drugs often not"),
                (2, "Told to buy iron tablets outside"),
                (3, ""),
                (2, "Stock-outs every month"),
            ),
            lib(
                "privacy-respected",
                4,
                "",
                (1, "The HIV clinic room has no door"),
                (3, ""),
                (4, ""),
                (3, "Consultation rooms are shared"),
            ),
            lib(
                "facility-committee-meets",
                4,
                "The committee meets every quarter.",
                (2, "We never see the minutes"),
                (2, "We did not know it existed"),
                (3, ""),
                (4, "It meets, but rarely decides"),
            ),
            lib(
                "fees-displayed",
                5,
                "Fees are on the board at the gate.",
                (3, "The board is there, but we still pay for cards"),
                (3, ""),
                (4, ""),
                (5, ""),
            ),
            own(
                "The clinic opens for young people on Saturday mornings",
                2,
                "Not possible with the current staff.",
                (1, "The clinic is closed when we are out of school"),
                (2, ""),
                (3, ""),
                (2, ""),
            ),
        ],
        "outcome": "Staff and community agreed that privacy at the HIV clinic and medicine "
        "stock-outs come first. The in-charge will ask the county for a door and a partition; "
        "the committee will post medicine deliveries at the gate every month. Saturday hours "
        "for young people were discussed but not agreed.",
        "actions": [
            (
                "Fit a door and a partition in the HIV clinic room",
                "Facility in-charge, with the county health department",
                "2025-12-15",
                "done",
                "Done in January 2026, after two reminders.",
            ),
            (
                "Post monthly medicine deliveries and stock-outs at the gate",
                "Health facility committee",
                "2025-11-30",
                "in_progress",
                "Posted in October and November, then stopped.",
            ),
            (
                "Ask the county for a second clinical officer",
                "Facility in-charge",
                "2026-03-31",
                "planned",
                "",
            ),
            (
                "Open one Saturday morning a month for young people",
                "Kisumu Health Rights Forum, with the in-charge",
                "2026-06-30",
                "dropped",
                "The in-charge said no staff could be spared.",
            ),
        ],
    },
    {
        "org": KISUMU,
        "country": "KE",
        "place_kind": "mechanism",
        "place_name": "Kibera Youth Health Dialogue, Nairobi (demo)",
        "mechanism": "ke-kibera",
        "held_on": "2026-08-22",
        "cycle": "2028",
        "published": True,
        "facilitators": "Youth facilitators of the Kibera dialogue (demo)",
        "groups": [
            ("Young women, 15–24", "women", 16),
            ("Young men, 15–24", "youth", 12),
            ("Young people from key populations", "key_populations", 7),
        ],
        "items": [
            lib(
                "marginalised-voices-heard",
                3,
                "Officials attend most months.",
                (3, "They listen, but rarely come back to us"),
                (3, ""),
                (1, "We are not welcome to speak"),
            ),
            lib(
                "complaints-answered",
                3,
                "",
                (2, "The complaints box is never opened"),
                (2, ""),
                (1, "Complaints about harassment at clinics are ignored"),
            ),
            lib(
                "people-know-rights",
                4,
                "Leaflets were handed out in 2025.",
                (2, "Nobody explained the consent rules to us"),
                (3, ""),
                (2, ""),
            ),
            lib(
                "community-in-planning",
                2,
                "The sub-county plan is set by the county.",
                (1, ""),
                (1, "Never asked"),
                (1, ""),
            ),
            lib(
                "respectful-treatment",
                4,
                "",
                (3, ""),
                (4, ""),
                (2, "Judged by the nurses"),
            ),
            own(
                "Officials report back on what they did since the last dialogue",
                2,
                "We have no time to prepare a report.",
                (2, "The same promises every month"),
                (2, ""),
                (2, ""),
            ),
        ],
        "outcome": "The sub-county health office agreed to bring a written follow-up sheet to "
        "every dialogue and to open the clinics' complaints boxes with the youth group each "
        "month. Young people asked for a seat at the sub-county stakeholders meeting; officials "
        "will take the request to the county.",
        "actions": [
            (
                "Bring a written follow-up sheet to each monthly dialogue",
                "Sub-county health office",
                "2026-09-30",
                "done",
                "Brought in September and October.",
            ),
            (
                "Open the complaints boxes with the youth group every month",
                "Clinic in-charges in Kibera",
                "2026-10-31",
                "in_progress",
                "Opened once, in October.",
            ),
            (
                "Propose a youth seat at the sub-county stakeholders meeting",
                "Sub-county medical officer of health",
                "2027-01-31",
                "planned",
                "",
            ),
        ],
    },
    {
        "org": EACHN,
        "country": "UG",
        "place_kind": "district",
        "place_name": "Gulu District health services (demo)",
        "mechanism": "ug-gulu",
        "held_on": "2025-11-12",
        "cycle": "2026",
        "published": True,
        "facilitators": "East Africa Community Health Network and two members of the Gulu "
        "advisory panel (demo)",
        "groups": [
            ("Women", "women", 28),
            ("Refugees from the settlements", "migrants", 9),
            ("Persons with disabilities", "disability", 6),
            ("Older people", "older", 13),
        ],
        "items": [
            lib(
                "staff-present",
                3,
                "Absenteeism is being followed up.",
                (2, "The health centre closes at 2 pm"),
                (1, "One visit a month to the settlement"),
                (2, ""),
                (3, ""),
            ),
            lib(
                "essential-medicines",
                2,
                "National supplies arrive late.",
                (2, ""),
                (1, "Told to come back next week"),
                (2, ""),
                (2, "No medicine for blood pressure"),
            ),
            lib(
                "disability-access",
                2,
                "No budget for ramps.",
                (3, ""),
                (2, ""),
                (1, "We cannot reach the maternity ward"),
                (2, "Steps everywhere"),
            ),
            lib(
                "people-know-rights",
                3,
                "",
                (2, ""),
                (1, "Information is not in our languages"),
                (2, ""),
                (2, ""),
            ),
            lib(
                "marginalised-voices-heard",
                3,
                "The panel has reserved seats.",
                (3, ""),
                (2, "The seats exist but transport is not paid"),
                (2, ""),
                (3, ""),
            ),
            lib(
                "complaints-answered",
                3,
                "",
                (2, ""),
                (1, ""),
                (2, ""),
                (2, "Answers come months later"),
            ),
            own(
                "Outreach visits to the settlements happen as planned",
                3,
                "Fuel shortages.",
                (2, ""),
                (1, "Missed for three months"),
                (2, ""),
                (3, ""),
            ),
        ],
        "outcome": "The district health team and the advisory panel agreed to publish the "
        "outreach calendar for the settlements, to build a ramp at the maternity ward and to "
        "refund transport for panel members from the settlements. Medicine shortages were "
        "referred to the national medical stores.",
        "actions": [
            (
                "Publish the monthly outreach calendar for the settlements at health centres and "
                "on local radio",
                "District health officer",
                "2026-01-31",
                "done",
                "On the radio every month since February.",
            ),
            (
                "Build a ramp to the maternity ward of the health centre IV",
                "District engineer",
                "2026-06-30",
                "in_progress",
                "Funds approved; works not started.",
            ),
            (
                "Refund transport for panel members from the settlements",
                "District health team",
                "2026-02-28",
                "dropped",
                "Stopped after one meeting for lack of budget.",
            ),
        ],
    },
    {
        "org": EACHN,
        "country": "UG",
        "place_kind": "mechanism",
        "place_name": "Mbale Village Health Team Forum (demo)",
        "mechanism": "ug-mbale",
        "held_on": "2026-10-14",
        "cycle": "2028",
        "published": False,
        "facilitators": "East Africa Community Health Network (demo)",
        "groups": [
            ("Village health team members", "health_workers", 18),
            ("Women from Bungokho", "women", 21),
            ("Young people", "youth", 8),
        ],
        "items": [
            lib(
                "essential-medicines",
                None,
                "",
                (2, "Stock-outs reported every month"),
                (2, ""),
                (2, ""),
            ),
            lib(
                "complaints-answered",
                None,
                "",
                (3, ""),
                (2, "We report, nothing happens"),
                (1, ""),
            ),
            lib(
                "community-in-planning",
                None,
                "",
                (2, ""),
                (1, ""),
                (1, "Never invited"),
            ),
            lib(
                "budget-shared",
                None,
                "",
                (1, "We never see the budget"),
                (1, ""),
                (1, ""),
            ),
            lib(
                "clean-with-water",
                None,
                "",
                (3, ""),
                (2, "The borehole is broken"),
                (3, ""),
            ),
            own(
                "The forum's complaints reach the health sub-district within a month",
                None,
                "",
                (3, "Reports are sent but never acknowledged"),
                (2, ""),
                (2, ""),
            ),
        ],
        "outcome": "",
        "actions": [],
    },
    {
        "org": ASCS,
        "country": "SN",
        "place_kind": "facility",
        "place_name": "Poste de santé de Keur Massar, Dakar (démo)",
        "mechanism": "sn-keur-massar",
        "held_on": "2025-10-23",
        "cycle": "2026",
        "published": True,
        "facilitators": "Deux animatrices de l'Alliance pour la santé communautaire (démo)",
        "groups": [
            ("Femmes des groupements de quartier", "women", 26),
            ("Jeunes de 15 à 24 ans", "youth", 15),
            ("Personnes handicapées", "disability", 7),
            ("Relais communautaires", "health_workers", 12),
        ],
        "items": [
            lib(
                "respectful-treatment",
                4,
                "L'équipe a suivi une formation à l'accueil.",
                (3, "Accueil correct le matin, difficile l'après-midi"),
                (2, "On nous fait la morale sur la contraception"),
                (3, ""),
                (4, ""),
            ),
            lib(
                "reasonable-waiting-times",
                3,
                "",
                (2, "Trois heures pour une consultation prénatale"),
                (3, ""),
                (2, "Aucune priorité pour nous"),
                (2, ""),
            ),
            lib(
                "fees-displayed",
                4,
                "Les tarifs sont affichés à l'entrée.",
                (3, "Affichés, mais les carnets sont facturés en plus"),
                (3, ""),
                (3, ""),
                (4, ""),
            ),
            lib(
                "facility-committee-meets",
                4,
                "Le CDS se réunit chaque trimestre.",
                (2, "Nous ne connaissons pas ses décisions"),
                (1, "Jamais entendu parler du CDS"),
                (2, ""),
                (4, "Nous y siégeons"),
            ),
            lib(
                "budget-shared",
                3,
                "Les comptes sont présentés en assemblée générale.",
                (2, "Une fois par an, sans détail"),
                (1, ""),
                (2, ""),
                (3, ""),
            ),
            lib(
                "disability-access",
                2,
                "Pas de rampe à la maternité.",
                (3, ""),
                (3, ""),
                (1, "La salle d'accouchement est à l'étage"),
                (2, ""),
            ),
            own(
                "Les jeunes peuvent consulter sans être accompagnés d'un parent",
                3,
                "Nous appliquons les directives nationales.",
                (3, ""),
                (1, "On nous renvoie chercher un parent"),
                (2, ""),
                (3, ""),
            ),
        ],
        "outcome": "Le CDS et l'équipe du poste ont retenu trois priorités : afficher le détail "
        "des comptes chaque trimestre, réserver un siège aux jeunes au CDS et permettre aux "
        "femmes handicapées d'accoucher au rez-de-chaussée en attendant une rampe. La question "
        "des carnets facturés sera tranchée par le district.",
        "actions": [
            (
                "Afficher chaque trimestre les recettes et les dépenses du CDS",
                "Trésorier du CDS",
                "2026-01-15",
                "done",
                "Affiché en janvier et en avril 2026.",
            ),
            (
                "Réserver un siège aux jeunes au CDS",
                "Président du CDS",
                "2026-03-31",
                "done",
                "Une jeune femme élue en mars 2026.",
            ),
            (
                "Aménager une salle d'accouchement au rez-de-chaussée",
                "Infirmier chef de poste",
                "2026-06-30",
                "in_progress",
                "Salle choisie ; l'équipement est attendu du district.",
            ),
            (
                "Clarifier la facturation des carnets de santé",
                "Médecin-chef de district",
                "2026-02-28",
                "planned",
                "",
            ),
        ],
    },
    {
        "org": FPCS,
        "country": "BR",
        "place_kind": "facility",
        "place_name": "UBS Vila Esperança, São Paulo (demo)",
        "mechanism": "br-vila-esperanca",
        "held_on": "2025-08-14",
        "cycle": "2026",
        "published": True,
        "facilitators": "Conselheiras do Fórum Popular dos Conselhos de Saúde (demo)",
        "groups": [
            ("Mulheres usuárias", "women", 31),
            ("Pessoas idosas", "older", 17),
            ("Agentes comunitários de saúde", "health_workers", 9),
            ("Jovens", "youth", 11),
        ],
        "items": [
            lib(
                "reasonable-waiting-times",
                2,
                "Falta um médico na equipe desde março.",
                (2, "Fila desde as 6h"),
                (1, "Consulta marcada para daqui a dois meses"),
                (2, ""),
                (2, ""),
            ),
            lib(
                "respectful-treatment",
                4,
                "",
                (4, ""),
                (3, "Às vezes nos tratam como crianças"),
                (4, ""),
                (3, ""),
            ),
            lib(
                "essential-medicines",
                3,
                "Farmácia abastecida, com faltas pontuais.",
                (3, ""),
                (2, "Falta remédio de pressão"),
                (3, ""),
                (4, ""),
            ),
            lib(
                "facility-committee-meets",
                5,
                "O conselho local se reúne todo mês.",
                (4, ""),
                (4, ""),
                (5, ""),
                (2, "As reuniões são em horário de aula"),
            ),
            lib(
                "complaints-answered",
                3,
                "A ouvidoria responde em até 30 dias.",
                (2, "Resposta padrão, nada muda"),
                (3, ""),
                (3, ""),
                (2, ""),
            ),
            lib(
                "community-in-planning",
                4,
                "O conselho local discute a agenda da unidade.",
                (3, ""),
                (3, ""),
                (4, ""),
                (1, "Nunca fomos chamados"),
            ),
            own(
                "A agenda dos agentes comunitários é combinada com os moradores",
                4,
                "",
                (3, ""),
                (3, ""),
                (4, ""),
                (3, ""),
            ),
        ],
        "outcome": "A equipe e o conselho local combinaram abrir o acolhimento até as 20h às "
        "terças-feiras, levar a falta de médico à coordenadoria regional e fazer uma reunião do "
        "conselho por trimestre à noite, para que os jovens possam participar.",
        "actions": [
            (
                "Abrir o acolhimento até as 20h às terças-feiras",
                "Gerente da UBS",
                "2025-10-31",
                "done",
                "Funciona desde outubro de 2025.",
            ),
            (
                "Levar a falta de médico à coordenadoria regional de saúde",
                "Conselho local de saúde",
                "2025-09-30",
                "done",
                "Médico contratado em fevereiro de 2026.",
            ),
            (
                "Fazer uma reunião do conselho local por trimestre à noite",
                "Coordenação do conselho local",
                "2026-03-31",
                "in_progress",
                "Uma reunião noturna em março; a de junho foi cancelada.",
            ),
        ],
    },
    {
        "org": FPCS,
        "country": "BR",
        "place_kind": "mechanism",
        "place_name": "Conselho Municipal de Saúde de Juazeiro (demo)",
        "mechanism": "br-juazeiro",
        "held_on": "2026-06-18",
        "cycle": "2028",
        "published": True,
        "facilitators": "Fórum Popular dos Conselhos de Saúde (demo)",
        "groups": [
            ("Conselheiros usuários", None, 12),
            ("Trabalhadores da saúde", "health_workers", 8),
            ("Moradores da zona rural", "rural", 19),
        ],
        "items": [
            lib(
                "community-in-planning",
                4,
                "O plano municipal foi aprovado pelo conselho.",
                (3, "Aprovamos, mas o plano já chega pronto"),
                (3, ""),
                (2, "A zona rural não foi ouvida"),
            ),
            lib(
                "budget-shared",
                3,
                "Relatórios quadrimestrais apresentados ao conselho.",
                (2, "Os relatórios chegam na véspera"),
                (2, ""),
                (1, ""),
            ),
            lib(
                "marginalised-voices-heard",
                3,
                "",
                (3, ""),
                (3, ""),
                (2, "As reuniões são só na cidade"),
            ),
            lib(
                "complaints-answered",
                3,
                "",
                (2, ""),
                (3, ""),
                (2, ""),
            ),
            lib(
                "people-know-rights",
                3,
                "",
                (3, ""),
                (3, ""),
                (2, "Pouca informação no campo"),
            ),
            own(
                "As deliberações do conselho são cumpridas pela secretaria de saúde",
                4,
                "Cumprimos a maioria.",
                (2, "Metade das resoluções fica sem resposta"),
                (2, ""),
                (2, ""),
            ),
        ],
        "outcome": "A secretaria de saúde comprometeu-se a enviar os relatórios ao conselho com "
        "15 dias de antecedência, a responder por escrito a cada resolução e a realizar duas "
        "reuniões por ano na zona rural.",
        "actions": [
            (
                "Enviar os relatórios de gestão ao conselho 15 dias antes da reunião",
                "Secretaria municipal de saúde",
                "2026-08-31",
                "done",
                "Cumprido em agosto.",
            ),
            (
                "Responder por escrito a cada resolução do conselho em até 30 dias",
                "Secretário municipal de saúde",
                "2026-09-30",
                "dropped",
                "As três propostas aprovadas em junho saíram do plano sem resposta.",
            ),
            (
                "Realizar duas reuniões do conselho por ano na zona rural",
                "Mesa diretora do conselho",
                "2026-11-15",
                "planned",
                "",
            ),
            (
                "Publicar as atas do conselho no site da prefeitura",
                "Secretaria executiva do conselho",
                "2027-02-28",
                "planned",
                "",
            ),
        ],
    },
    {
        "org": NEPAL,
        "country": "NP",
        "place_kind": "facility",
        "place_name": "Dhulikhel Health Post, Kavrepalanchok (demo)",
        "mechanism": "np-dhulikhel",
        "held_on": "2026-03-05",
        "cycle": "2026",
        "published": True,
        "facilitators": "Nepal Community Health Workers Association (demo)",
        "groups": [
            ("Mothers' group members", "women", 22),
            ("Female community health volunteers", "health_workers", 10),
            ("Dalit community members", None, 8),
            ("Older people", "older", 12),
        ],
        "items": [
            lib(
                "staff-present",
                4,
                "",
                (3, "Staff come late on market days"),
                (4, ""),
                (3, ""),
                (3, ""),
            ),
            lib(
                "essential-medicines",
                3,
                "The free medicines are mostly available.",
                (3, ""),
                (3, "Zinc is often out"),
                (2, "Told the free medicines are finished"),
                (2, ""),
            ),
            lib(
                "respectful-treatment",
                4,
                "",
                (4, ""),
                (4, ""),
                (2, "We are made to wait until last"),
                (3, ""),
            ),
            lib(
                "clean-with-water",
                3,
                "The water tank is shared with the school.",
                (2, "The toilet is locked"),
                (3, ""),
                (2, ""),
                (2, ""),
            ),
            lib(
                "marginalised-voices-heard",
                3,
                "A Dalit member sits on the committee.",
                (3, ""),
                (3, ""),
                (1, "Our member is not called to meetings"),
                (3, ""),
            ),
            own(
                "The list of free health services is displayed and explained",
                5,
                "The board is at the entrance.",
                (4, ""),
                (5, ""),
                (2, "We cannot read it and nobody explains"),
                (3, "The letters are too small"),
            ),
        ],
        "outcome": "The operation and management committee agreed to send meeting notices to "
        "every member by phone, to keep the toilet open during opening hours and to have the "
        "volunteers explain the free services at mothers' group meetings. The health post will "
        "report zinc stock-outs to the municipality every month.",
        "actions": [
            (
                "Send meeting notices to every committee member by phone",
                "Committee secretary (health post in-charge)",
                "2026-04-15",
                "done",
                "",
            ),
            (
                "Keep the toilet open and clean during opening hours",
                "Health post in-charge",
                "2026-03-31",
                "done",
                "",
            ),
            (
                "Explain the free services at mothers' group meetings",
                "Female community health volunteers",
                "2026-06-30",
                "in_progress",
                "Done in four of the nine wards.",
            ),
            (
                "Report zinc stock-outs to the municipality every month",
                "Health post in-charge",
                "2026-04-30",
                "planned",
                "",
            ),
        ],
    },
]


def assessment_count() -> int:
    """How many country assessments ``ASSESSMENTS`` describes."""
    return sum(1 for spec in ASSESSMENTS for mark in spec["statuses"].split() if mark != "-")
