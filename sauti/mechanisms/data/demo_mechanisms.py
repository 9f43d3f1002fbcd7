"""Fictional but realistic participation mechanisms and assessments for the demo.

Every record here is invented: the places are real, the bodies and facts are
not. Each is marked ``is_demo`` and carries "(demo)" or its equivalent in its
name. Names and descriptions are written in the country's language where one
of Sauti's seven languages is natural there, English otherwise.

The hand-written part of each record (name, description, country, level,
kind, formal or not, legal basis, constituencies) lives in ``SPECS``; the rest
(resources, transparency, stages, composition, meetings…) is drawn from a
random generator seeded per record, so the data are the same on every run and
adding a record does not change the others. About one answer in five is left
unknown, as in a real mapping.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

SEED = "sauti-mechanisms-demo-2026"

GHVC = "demo-global-health-voices"
EACHN = "demo-east-africa-health-network"
KISUMU = "demo-kisumu-health-rights"
ASCS = "demo-senegal-sante-communautaire"
FPCS = "demo-conselhos-de-saude-brasil"
RADS = "demo-red-salud-andina"
TUNISIA = "demo-tunisie-sante-citoyenne"
KYRGYZ = "demo-kyrgyz-patients-union"
PACIFIC = "demo-pacific-youth-health"
MEKONG = "demo-mekong-community-health"
NEPAL = "demo-nepal-health-workers"

ORGANISATIONS = (GHVC, EACHN, KISUMU, ASCS, FPCS, RADS, TUNISIA, KYRGYZ, PACIFIC, MEKONG, NEPAL)

# The language each demo organisation writes its assessments in (as in load_demo).
ORGANISATION_LANGUAGE = {
    GHVC: "en",
    EACHN: "en",
    KISUMU: "en",
    ASCS: "fr",
    FPCS: "pt",
    RADS: "es",
    TUNISIA: "ar",
    KYRGYZ: "ru",
    PACIFIC: "en",
    MEKONG: "zh-hans",
    NEPAL: "en",
}

# What "(demo)" is in each language; every demo name carries one of these.
DEMO_MARKERS = {
    "en": "(demo)",
    "fr": "(démo)",
    "es": "(demo)",
    "pt": "(demo)",
    "ar": "(تجريبي)",
    "ru": "(демо)",
    "zh-hans": "（演示）",
}


def _m(
    ref: str,
    country: str,
    lang: str,
    org: str,
    level: str,
    kind: str,
    formal: bool | None,
    legal: str,
    name: str,
    description: str,
    *,
    area: str = "",
    year: int | None = None,
    constituencies: tuple[str, ...] = (),
    host: str = "",
    citation: str = "",
    **fixed: Any,
) -> dict[str, Any]:
    return {
        "ref": ref,
        "country": country,
        "lang": lang,
        "org": org,
        "level": level,
        "kind": kind,
        "formal": formal,
        "legal": legal,
        "name": name,
        "description": description,
        "area": area,
        "year": year,
        "constituencies": list(constituencies),
        "host": host,
        "citation": citation,
        "fixed": fixed,
    }


# fmt: off
SPECS: list[dict[str, Any]] = [
    # --- African Region -----------------------------------------------------------------
    _m(
        "ke-nyalenda", "KE", "en", KISUMU, "facility", "committee", True, "decree",
        "Nyalenda Health Centre Committee (demo)",
        "Fictional committee of community representatives and staff that oversees how the "
        "health centre spends its user-fee income and follows up on medicine stock-outs.",
        area="Kisumu County", year=2013, constituencies=("hiv", "women", "youth"),
        host="Kisumu County Department of Health",
    ),
    _m(
        "ke-nakuru", "KE", "en", EACHN, "regional", "platform", True, "policy",
        "Nakuru County Health Stakeholders Forum (demo)",
        "Fictional county forum where the health department, NGOs, faith-based providers and "
        "community groups review the annual work plan before it goes to the county assembly.",
        area="Nakuru County", year=2016, constituencies=("rural", "women", "disability"),
        host="Nakuru County Department of Health",
    ),
    _m(
        "ke-kibera", "KE", "en", KISUMU, "community", "forum", False, "none",
        "Kibera Youth Health Dialogue (demo)",
        "Fictional monthly dialogue run by youth groups, where young people raise problems "
        "with local clinics and sub-county health officials are invited to respond.",
        area="Nairobi", year=2021, constituencies=("youth", "key_populations"),
    ),
    _m(
        "ug-gulu", "UG", "en", EACHN, "district", "advisory", True, "guideline",
        "Gulu District Community Advisory Panel on Health (demo)",
        "Fictional panel that advises the district health team on outreach priorities, with "
        "seats for refugees, people with disabilities and older people.",
        area="Gulu District", year=2018, constituencies=("migrants", "disability", "older"),
    ),
    _m(
        "ug-mbale", "UG", "en", EACHN, "community", "forum", False, "none",
        "Mbale Village Health Team Forum (demo)",
        "Fictional quarterly meeting of village health team members and local leaders that "
        "gathers community complaints and passes them to the health sub-district.",
        area="Mbale District", constituencies=("rural", "women"),
    ),
    _m(
        "tz-dodoma", "TZ", "en", EACHN, "municipal", "council", True, "law",
        "Dodoma City Council Health Services Board (demo)",
        "Fictional board of community and government members that approves the council's "
        "comprehensive health plan and follows how its budget is spent.",
        area="Dodoma", year=2009, constituencies=("women", "health_workers"),
        host="Dodoma City Council",
    ),
    _m(
        "rw-huye", "RW", "en", EACHN, "facility", "committee", True, "guideline",
        "Huye Health Centre Management Committee (demo)",
        "Fictional committee that meets health centre staff every month to review community "
        "health insurance enrolment and what patients say about the services.",
        area="Huye District", year=2012, constituencies=("rural", "women"),
    ),
    _m(
        "sn-keur-massar", "SN", "fr", ASCS, "facility", "committee", True, "decree",
        "Comité de développement sanitaire du poste de santé de Keur Massar (démo)",
        "Comité fictif qui réunit élus, usagers, groupements de femmes et personnel du poste "
        "de santé pour suivre les recettes, les stocks de médicaments et la satisfaction des "
        "usagers.",
        area="Région de Dakar", year=2018, constituencies=("women", "youth"),
        host="Commune de Keur Massar", citation="Décret n° 2018-35 du 5 janvier 2018",
    ),
    _m(
        "sn-kolda", "SN", "fr", ASCS, "regional", "platform", True, "policy",
        "Cadre régional de concertation en santé de Kolda (démo)",
        "Espace fictif de concertation entre la région médicale, les collectivités "
        "territoriales, les ONG et les associations d'usagers, réuni avant l'élaboration des "
        "plans de travail annuels.",
        area="Région de Kolda", year=2015, constituencies=("rural", "women", "youth"),
        host="Région médicale de Kolda",
    ),
    _m(
        "sn-thies", "SN", "fr", ASCS, "community", "forum", False, "none",
        "Forum communautaire des jeunes sur la santé de Thiès (démo)",
        "Rencontres fictives animées par des associations de jeunes, où les adolescents "
        "interrogent les prestataires sur l'accueil et la confidentialité dans les services "
        "de santé.",
        area="Région de Thiès", year=2022, constituencies=("youth",),
    ),
    _m(
        "ml-sikasso", "ML", "fr", ASCS, "community", "committee", True, "law",
        "Association de santé communautaire de Sikasso-Centre (démo)",
        "Association fictive d'usagers qui gère le centre de santé communautaire par "
        "convention avec la mairie, fixe les tarifs et recrute une partie du personnel.",
        area="Cercle de Sikasso", year=1998, constituencies=("women", "rural"),
        host="Mairie de Sikasso",
    ),
    _m(
        "bf-koudougou", "BF", "fr", ASCS, "facility", "committee", True, "decree",
        "Comité de gestion du CSPS du secteur 5 de Koudougou (démo)",
        "Comité de gestion fictif, élu par la population de l'aire sanitaire, qui suit la "
        "caisse du dépôt pharmaceutique et les travaux d'entretien.",
        area="Région du Centre-Ouest", constituencies=("rural", "women"),
    ),
    _m(
        "ci-csu", "CI", "fr", ASCS, "national", "platform", True, "policy",
        "Plateforme de dialogue société civile–ministère sur la CSU (démo)",
        "Plateforme fictive où les organisations de la société civile et le ministère de la "
        "Santé examinent chaque semestre la mise en œuvre de la couverture sanitaire "
        "universelle.",
        year=2019, constituencies=("key_populations", "women", "disability"),
        host="Ministère de la Santé",
    ),
    _m(
        "cd-kimbanseke", "CD", "fr", ASCS, "community", "committee", True, "guideline",
        "Comité de développement de l'aire de santé de Kimbanseke (démo)",
        "Comité fictif de relais communautaires et de leaders locaux qui participe au "
        "microplan de l'aire de santé et fait remonter les plaintes des ménages.",
        area="Kinshasa", constituencies=("women", "youth"),
    ),
    _m(
        "mz-chamanculo", "MZ", "pt", FPCS, "facility", "committee", True, "guideline",
        "Comité de Cogestão e Humanização do Centro de Saúde de Chamanculo (demo)",
        "Comité fictício que reúne utentes, líderes comunitários e profissionais de saúde "
        "para acompanhar o atendimento, os tempos de espera e as reclamações na unidade "
        "sanitária.",
        area="Cidade de Maputo", year=2017, constituencies=("women", "hiv"),
    ),
    _m(
        "mz-nhamatanda", "MZ", "pt", GHVC, "district", "forum", False, "none",
        "Fórum Distrital de Saúde de Nhamatanda (demo)",
        "Encontro fictício de organizações comunitárias, associações de pessoas vivendo com "
        "HIV e autoridades distritais para discutir a reabilitação dos serviços de saúde "
        "depois das cheias.",
        area="Província de Sofala", year=2020, constituencies=("hiv", "rural"),
    ),
    _m(
        "ng-ikorodu", "NG", "en", GHVC, "community", "committee", True, "guideline",
        "Ikorodu Ward Development Committee (demo)",
        "Fictional ward committee that links households to the primary health care centre, "
        "mobilises for immunisation days and checks whether essential drugs are in stock.",
        area="Lagos State", constituencies=("women", "youth"),
        host="Lagos State Primary Health Care Board",
    ),
    _m(
        "gh-tamale", "GH", "en", GHVC, "municipal", "panel", False, "none",
        "Tamale Citizens' Jury on Maternal Health (demo)",
        "Fictional jury of 18 residents chosen at random who heard evidence over three days "
        "and made recommendations to the metropolitan health directorate.",
        area="Northern Region", year=2024, constituencies=("women",), selection="random",
    ),
    _m(
        "za-khayelitsha", "ZA", "en", GHVC, "facility", "committee", True, "law",
        "Khayelitsha Community Health Centre Clinic Committee (demo)",
        "Fictional clinic committee that meets facility management every month, runs a "
        "suggestion box and reports back to ward councillors.",
        area="Western Cape", year=2011, constituencies=("hiv", "women", "youth"),
    ),
    # --- Region of the Americas ------------------------------------------------------------
    _m(
        "br-juazeiro", "BR", "pt", FPCS, "municipal", "council", True, "law",
        "Conselho Municipal de Saúde de Juazeiro (demo)",
        "Conselho fictício e paritário que aprova o plano municipal de saúde, fiscaliza o "
        "fundo municipal e realiza reuniões ordinárias mensais abertas ao público.",
        area="Bahia", year=1991, constituencies=("rural", "women", "health_workers"),
        host="Secretaria Municipal de Saúde", citation="Lei nº 8.142/1990; lei municipal",
    ),
    _m(
        "br-para", "BR", "pt", FPCS, "regional", "council", True, "law",
        "Conselho Estadual de Saúde do Pará (demo)",
        "Registro fictício de um conselho estadual com representantes de usuários, "
        "trabalhadores, gestores e prestadores, que acompanha a execução orçamentária da "
        "saúde no estado.",
        area="Pará", year=1991, constituencies=("indigenous", "rural", "health_workers"),
        citation="Lei nº 8.142/1990; lei estadual",
    ),
    _m(
        "br-vila-esperanca", "BR", "pt", FPCS, "facility", "council", True, "law",
        "Conselho Local de Saúde da UBS Vila Esperança (demo)",
        "Conselho local fictício de uma unidade básica de saúde, onde moradores e equipe "
        "discutem horários, filas e a agenda dos agentes comunitários de saúde.",
        area="São Paulo (SP)", year=2004, constituencies=("older", "women"),
    ),
    _m(
        "br-conferencia-bh", "BR", "pt", FPCS, "municipal", "assembly", True, "law",
        "Conferência Municipal de Saúde de Belo Horizonte (demo)",
        "Conferência fictícia realizada a cada quatro anos, com etapas nos distritos "
        "sanitários, que elege delegados e aprova diretrizes para o plano municipal de saúde.",
        area="Minas Gerais", year=1992, constituencies=("women", "older", "health_workers"),
        selection="election", meeting_frequency="irregular",
    ),
    _m(
        "br-rio-negro", "BR", "pt", FPCS, "district", "council", True, "law",
        "Conselho Distrital de Saúde Indígena do Alto Rio Negro (demo)",
        "Conselho fictício de um distrito sanitário especial indígena, com maioria de "
        "representantes indígenas, que acompanha o trabalho das equipes de saúde nas aldeias.",
        area="Amazonas", year=2000, constituencies=("indigenous", "rural"),
        community_majority=True,
    ),
    _m(
        "pe-ayaviri", "PE", "es", RADS, "facility", "committee", True, "law",
        "Comité Local de Administración en Salud de Ayaviri (demo)",
        "Comité ficticio de cogestión en el que la comunidad y el Estado administran juntos "
        "el establecimiento de salud, con un plan de salud local y una rendición de cuentas "
        "anual.",
        area="Puno", year=2002, constituencies=("indigenous", "rural", "women"),
        co_governs=True,
    ),
    _m(
        "pe-cusco", "PE", "es", RADS, "regional", "platform", True, "policy",
        "Mesa Regional de Concertación en Salud de Cusco (demo)",
        "Espacio ficticio de diálogo entre la Dirección Regional de Salud, los gobiernos "
        "locales y las organizaciones sociales para priorizar la anemia infantil y la salud "
        "materna.",
        area="Cusco", year=2010, constituencies=("indigenous", "women"),
    ),
    _m(
        "bo-el-alto", "BO", "es", RADS, "municipal", "council", True, "law",
        "Consejo Social Municipal de Salud de El Alto (demo)",
        "Consejo ficticio, previsto en la política de Salud Familiar Comunitaria "
        "Intercultural, donde autoridades de salud y representantes vecinales planifican y "
        "ejercen control social.",
        area="La Paz", year=2013, constituencies=("indigenous", "women", "rural"),
    ),
    _m(
        "ec-otavalo", "EC", "es", RADS, "community", "committee", False, "none",
        "Comité Ciudadano de Salud de Otavalo (demo)",
        "Comité ficticio de comunidades kichwas que dialoga con el centro de salud sobre el "
        "parto culturalmente adecuado y la medicina ancestral.",
        area="Imbabura", year=2019, constituencies=("indigenous", "women"),
    ),
    _m(
        "co-comuna-13", "CO", "es", RADS, "municipal", "other", True, "law",
        "Veeduría Ciudadana en Salud de la Comuna 13 (demo)",
        "Veeduría ficticia de vecinas y vecinos que vigila la entrega de medicamentos y la "
        "calidad de la atención en la comuna y presenta informes a la Personería.",
        area="Medellín, Antioquia", year=2017, constituencies=("older", "disability"),
    ),
    _m(
        "mx-iztapalapa", "MX", "es", RADS, "facility", "advisory", True, "guideline",
        "Aval Ciudadano del Centro de Salud San Miguel Teotongo (demo)",
        "Grupo ficticio de personas usuarias que evalúa el trato digno y el surtido de "
        "recetas mediante encuestas y firma cartas compromiso con la dirección de la unidad.",
        area="Iztapalapa, Ciudad de México", year=2008, constituencies=("women", "older"),
    ),
    _m(
        "gt-sacatepequez", "GT", "es", RADS, "community", "committee", True, "law",
        "Comisión de Salud del COCODE de San Juan Sacatepéquez (demo)",
        "Comisión ficticia del Consejo Comunitario de Desarrollo que prioriza obras de agua y "
        "saneamiento y da seguimiento al puesto de salud.",
        area="Departamento de Guatemala", year=2006, constituencies=("indigenous", "rural"),
    ),
    _m(
        "cl-pudahuel", "CL", "es", RADS, "facility", "council", True, "guideline",
        "Consejo de Desarrollo Local del CESFAM Pudahuel Poniente (demo)",
        "Consejo ficticio de organizaciones vecinales que participa en el diagnóstico "
        "participativo anual del centro de salud familiar y en su cuenta pública.",
        area="Región Metropolitana", year=2005, constituencies=("older", "migrants"),
    ),
    _m(
        "ca-toronto", "CA", "en", GHVC, "facility", "advisory", True, "policy",
        "Patient and Family Advisory Council, East Toronto Community Hospital (demo)",
        "Fictional council of patients and caregivers who review discharge materials and sit "
        "on the hospital's quality committee.",
        area="Ontario", year=2014, constituencies=("older", "disability", "migrants"),
    ),
    # --- South-East Asia Region -----------------------------------------------------------
    _m(
        "np-dhulikhel", "NP", "en", NEPAL, "facility", "committee", True, "law",
        "Dhulikhel Health Post Operation and Management Committee (demo)",
        "Fictional committee chaired by the ward chair, with female community health "
        "volunteers and Dalit representatives, that approves the health post's annual plan.",
        area="Kavrepalanchok District, Bagmati Province", year=2017,
        constituencies=("women", "health_workers", "rural"),
    ),
    _m(
        "np-kaski", "NP", "en", NEPAL, "district", "platform", True, "policy",
        "Kaski District Health Coordination Committee (demo)",
        "Fictional committee of the district health office, municipalities, NGOs and "
        "professional associations that coordinates outreach and reviews quarterly service "
        "data.",
        area="Gandaki Province", year=2019, constituencies=("health_workers", "women"),
    ),
    _m(
        "in-khed", "IN", "en", GHVC, "community", "committee", True, "guideline",
        "Village Health, Sanitation and Nutrition Committee, Khed block (demo)",
        "Fictional village committee with a small untied fund, led by its women members and "
        "the community health worker, that prepares a village health plan.",
        area="Pune district, Maharashtra", year=2008, constituencies=("women", "rural"),
        has_budget=True,
    ),
    _m(
        "in-barwani", "IN", "en", GHVC, "district", "consultation", False, "none",
        "Public Hearing on Health Services, Barwani (demo)",
        "Fictional jan sunwai where patients testify before district officials about denied "
        "care and informal payments, followed by an action-taken report.",
        area="Madhya Pradesh", year=2015, constituencies=("rural", "indigenous", "women"),
    ),
    _m(
        "bd-kazipur", "BD", "en", GHVC, "facility", "committee", True, "policy",
        "Community Clinic Management Group, Kazipur (demo)",
        "Fictional group of local residents that runs the community clinic on land a "
        "villager donated and raises small funds for repairs.",
        area="Sirajganj District", year=2010, constituencies=("women", "rural"),
    ),
    _m(
        "th-khon-kaen", "TH", "en", GHVC, "regional", "assembly", True, "law",
        "Khon Kaen Provincial Health Assembly (demo)",
        "Fictional area-based health assembly where provincial agencies, local governments, "
        "academics and community networks agree on yearly health resolutions.",
        area="Khon Kaen Province", year=2009, constituencies=("older", "rural"),
    ),
    _m(
        "id-yogyakarta", "ID", "en", GHVC, "municipal", "consultation", True, "law",
        "Yogyakarta Musrenbang Health Session (demo)",
        "Fictional health session of the city's participatory development planning "
        "deliberation, where neighbourhood delegates rank health proposals for the next "
        "budget.",
        area="Special Region of Yogyakarta", year=2005, constituencies=("women", "disability"),
    ),
    _m(
        "lk-colombo", "LK", "en", GHVC, "facility", "committee", True, "guideline",
        "Hospital Development Committee, Colombo South (demo)",
        "Fictional committee of hospital staff, donors and residents that raises funds for "
        "equipment and reviews patient complaints.",
        area="Western Province", constituencies=("older",),
    ),
    # --- European Region -------------------------------------------------------------------
    _m(
        "kg-ministry", "KG", "ru", KYRGYZ, "national", "advisory", True, "decree",
        "Общественный наблюдательный совет при Министерстве здравоохранения (демо)",
        "Вымышленный совет из представителей пациентских организаций, НКО и экспертов, "
        "который рассматривает проекты нормативных актов министерства и публикует свои "
        "заключения.",
        year=2014, constituencies=("disability", "older", "hiv"),
        host="Министерство здравоохранения Кыргызской Республики",
    ),
    _m(
        "kg-kara-suu", "KG", "ru", KYRGYZ, "community", "committee", True, "guideline",
        "Сельский комитет здоровья, село Кара-Суу (демо)",
        "Вымышленный комитет сельских активистов, который вместе с группой семейных врачей "
        "проводит кампании по профилактике гипертонии и йододефицита.",
        area="Ошская область", year=2006, constituencies=("rural", "older", "women"),
    ),
    _m(
        "kz-almaty", "KZ", "ru", KYRGYZ, "municipal", "advisory", True, "law",
        "Общественный совет по вопросам здравоохранения города Алматы (демо)",
        "Вымышленный общественный совет при городском управлении здравоохранения, который "
        "проводит слушания по бюджету и рассматривает жалобы на доступность первичной помощи.",
        area="Алматы", year=2016, constituencies=("older", "disability"),
    ),
    _m(
        "tj-vahdat", "TJ", "ru", KYRGYZ, "community", "forum", False, "none",
        "Форум жителей по вопросам здоровья, город Вахдат (демо)",
        "Вымышленные встречи жителей махалли с медицинским персоналом, на которых "
        "обсуждаются здоровье матерей, семьи трудовых мигрантов и доступ к лекарствам.",
        area="Вахдат", year=2020, constituencies=("migrants", "women"),
    ),
    _m(
        "uz-samarkand", "UZ", "ru", KYRGYZ, "community", "committee", True, "decree",
        "Махаллинская комиссия по здоровью, Самарканд (демо)",
        "Вымышленная комиссия при сходе граждан махалли, которая помогает семейной "
        "поликлинике с патронажем пожилых людей и людей с инвалидностью.",
        area="Самаркандская область", year=2019, constituencies=("older", "disability"),
    ),
    _m(
        "fr-occitanie", "FR", "fr", GHVC, "regional", "assembly", True, "law",
        "Conférence régionale de la santé et de l'autonomie d'Occitanie (démo)",
        "Fiche fictive d'une conférence régionale où usagers, collectivités, professionnels "
        "et associations rendent des avis sur le projet régional de santé.",
        area="Occitanie", year=2016, constituencies=("older", "disability", "health_workers"),
        host="Agence régionale de santé", citation="Code de la santé publique",
    ),
    _m(
        "pt-lisboa", "PT", "pt", GHVC, "regional", "advisory", True, "decree",
        "Conselho da Comunidade do ACES Lisboa Norte (demo)",
        "Conselho fictício que reúne autarquias, escolas, associações de utentes e serviços "
        "sociais para dar parecer sobre o plano de atividades dos cuidados de saúde "
        "primários.",
        area="Lisboa", year=2009, constituencies=("older", "migrants"),
    ),
    _m(
        "es-vallecas", "ES", "es", GHVC, "municipal", "council", True, "law",
        "Consejo de Salud de la Zona Básica de Vallecas (demo)",
        "Consejo ficticio donde asociaciones vecinales y profesionales de atención primaria "
        "debaten cada trimestre las listas de espera y los programas comunitarios del centro "
        "de salud.",
        area="Madrid", year=1990, constituencies=("older", "migrants"),
    ),
    _m(
        "gb-leeds", "GB", "en", GHVC, "municipal", "panel", False, "none",
        "Leeds Citizens' Jury on Health Priorities (demo)",
        "Fictional jury of 24 residents selected by civic lottery who deliberated over four "
        "weekends on how the city should spend new prevention funding.",
        area="West Yorkshire", year=2023, constituencies=("older", "disability", "migrants"),
        selection="random",
    ),
    # --- Eastern Mediterranean Region ------------------------------------------------------
    _m(
        "tn-kasserine", "TN", "ar", TUNISIA, "regional", "consultation", True, "policy",
        "الحوار المجتمعي حول الصحة في ولاية القصرين (تجريبي)",
        "حوار وهمي للعرض تنظّمه الإدارة الجهوية للصحة مع الجمعيات والمواطنين لتحديد أولويات "
        "الرعاية الصحية الأساسية في الجهة.",
        area="ولاية القصرين", year=2012, constituencies=("youth", "women", "rural"),
    ),
    _m(
        "tn-ettadhamen", "TN", "ar", TUNISIA, "facility", "committee", True, "guideline",
        "لجنة الصحة بالمركز الصحي الأساسي بحي التضامن (تجريبي)",
        "لجنة وهمية للعرض تضم ممثلين عن السكان والإطار الطبي وشبه الطبي، تتابع أوقات العمل "
        "وتوفّر الأدوية وشكاوى المرضى.",
        area="ولاية أريانة", year=2016, constituencies=("youth", "disability"),
    ),
    _m(
        "ma-haouz", "MA", "ar", TUNISIA, "regional", "platform", True, "policy",
        "اللجنة الإقليمية للتشاور حول الصحة بإقليم الحوز (تجريبي)",
        "لجنة وهمية للعرض تجمع المندوبية الإقليمية للصحة والجماعات الترابية وجمعيات المجتمع "
        "المدني لتنسيق برامج الصحة في الدواوير الجبلية.",
        area="جهة مراكش-آسفي", year=2018, constituencies=("rural", "women"),
    ),
    _m(
        "eg-assiut", "EG", "ar", TUNISIA, "facility", "committee", True, "decree",
        "مجلس أمناء مستشفى أسيوط العام (تجريبي)",
        "مجلس وهمي للعرض يضم شخصيات عامة وممثلين عن المرضى وإدارة المستشفى، يتابع جودة "
        "الخدمة ويجمع التبرعات لتطوير الأقسام.",
        area="محافظة أسيوط", year=2007, constituencies=("older", "women"),
    ),
    _m(
        "jo-ramtha", "JO", "ar", TUNISIA, "district", "committee", True, "guideline",
        "لجنة صحة المجتمع في لواء الرمثا (تجريبي)",
        "لجنة وهمية للعرض تضم ممثلين عن البلدية والمراكز الصحية والمجتمع المحلي واللاجئين، "
        "تناقش حملات التطعيم وخدمات الأمراض المزمنة.",
        area="محافظة إربد", year=2014, constituencies=("migrants", "older"),
    ),
    _m(
        "lb-bekaa", "LB", "ar", TUNISIA, "community", "forum", False, "none",
        "منتدى الحوار الصحي مع اللاجئين في البقاع (تجريبي)",
        "لقاءات وهمية للعرض تجمع لاجئين ومجتمعات مضيفة ومقدمي خدمات لمناقشة كلفة الاستشفاء "
        "والوصول إلى الرعاية الصحية الأولية.",
        area="محافظة البقاع", year=2017, constituencies=("migrants", "women"),
    ),
    _m(
        "pk-lahore", "PK", "en", GHVC, "municipal", "advisory", True, "policy",
        "Lahore Primary Health Care Citizens' Advisory Group (demo)",
        "Fictional group of residents, lady health workers and NGO members that advises the "
        "district health authority on basic health unit opening hours and outreach.",
        area="Punjab", year=2019, constituencies=("women", "health_workers"),
    ),
    # --- Western Pacific Region ------------------------------------------------------------
    _m(
        "cn-wuhou", "CN", "zh-hans", MEKONG, "facility", "forum", True, "guideline",
        "成都市武侯区社区卫生服务中心居民议事会（演示）",
        "虚构的居民议事会，由居民代表、家庭医生团队和街道干部组成，每季度讨论家庭医生签约"
        "服务和慢性病管理中的问题。",
        area="四川省成都市", year=2017, constituencies=("older", "migrants"),
    ),
    _m(
        "cn-mengla", "CN", "zh-hans", MEKONG, "community", "committee", True, "guideline",
        "勐腊县村级健康促进小组（演示）",
        "虚构的村级小组，由村医、妇女代表和村委会成员组成，负责组织健康教育活动，并收集村"
        "民对乡镇卫生院的意见。",
        area="云南省西双版纳州", year=2015, constituencies=("rural", "women"),
    ),
    _m(
        "cn-changning", "CN", "zh-hans", MEKONG, "municipal", "consultation", True, "policy",
        "长宁区医疗服务公众意见征询会（演示）",
        "虚构的公众意见征询会，由区卫生健康部门召开，就社区卫生服务布局和服务时间听取居民"
        "意见，并在网上公布意见采纳情况。",
        area="上海市", year=2020, constituencies=("older", "disability"), gives_feedback=True,
    ),
    _m(
        "vn-hoa-khanh", "VN", "en", MEKONG, "community", "committee", True, "decree",
        "Hoa Khanh Ward Health Station Steering Committee (demo)",
        "Fictional committee of ward officials, the Women's Union and the health station that "
        "plans vaccination days and health insurance enrolment drives.",
        area="Da Nang", year=2011, constituencies=("women", "migrants"),
    ),
    _m(
        "la-nambak", "LA", "en", MEKONG, "community", "other", False, "none",
        "Village Health Volunteer Network, Nambak district (demo)",
        "Fictional informal network of village health volunteers who meet at the district "
        "hospital to share problems and pass on community concerns.",
        area="Luang Prabang Province", year=2016, constituencies=("rural", "women"),
    ),
    _m(
        "fj-youth", "FJ", "en", PACIFIC, "national", "advisory", True, "policy",
        "Fiji Youth Health Advisory Group (demo)",
        "Fictional group of young people from youth networks that advises the health "
        "ministry on adolescent health services and sexual and reproductive health campaigns.",
        year=2018, constituencies=("youth",), host="Ministry of Health",
    ),
    _m(
        "ws-upolu", "WS", "en", PACIFIC, "community", "forum", False, "none",
        "Upolu Village Women's Committee Health Forum (demo)",
        "Fictional forum led by village women's committees, where nurses and women's "
        "representatives discuss screening for diabetes and cervical cancer.",
        area="Upolu", constituencies=("women", "older"),
    ),
    _m(
        "ph-quezon", "PH", "en", GHVC, "municipal", "council", True, "law",
        "Quezon City Local Health Board (demo)",
        "Fictional local health board chaired by the mayor, with an NGO representative, that "
        "recommends the city's annual health budget and reviews performance.",
        area="Metro Manila", year=1992, constituencies=("women", "disability", "key_populations"),
    ),
    _m(
        "to-ncd", "TO", "en", PACIFIC, "national", "consultation", True, "policy",
        "National Consultation on Non-Communicable Diseases, Tonga (demo)",
        "Fictional nationwide consultation with church groups, youth and village councils on "
        "the next NCD strategy, with a published summary of what was heard.",
        year=2025, constituencies=("older", "youth"), gives_feedback=True,
    ),
]
# fmt: on


# (mechanism ref, assessing organisation, date). Some mechanisms are assessed two or three
# times by different organisations, so that the history and the spread show something.
ASSESSMENTS: list[tuple[str, str, str]] = [
    ("sn-keur-massar", ASCS, "2024-02-14"),
    ("sn-keur-massar", GHVC, "2025-03-20"),
    ("sn-keur-massar", ASCS, "2026-04-09"),
    ("br-juazeiro", FPCS, "2023-09-12"),
    ("br-juazeiro", RADS, "2024-10-03"),
    ("br-juazeiro", FPCS, "2025-11-18"),
    ("ke-nyalenda", KISUMU, "2024-05-07"),
    ("ke-nyalenda", EACHN, "2025-06-16"),
    ("kg-ministry", KYRGYZ, "2024-11-21"),
    ("kg-ministry", GHVC, "2026-02-10"),
    ("tn-kasserine", TUNISIA, "2025-01-28"),
    ("tn-kasserine", GHVC, "2026-05-06"),
    ("pe-ayaviri", RADS, "2024-07-22"),
    ("pe-ayaviri", FPCS, "2025-08-26"),
    ("cn-wuhou", MEKONG, "2025-04-15"),
    ("cn-wuhou", GHVC, "2026-03-18"),
    ("ke-nakuru", EACHN, "2025-09-09"),
    ("ug-gulu", EACHN, "2024-12-03"),
    ("tz-dodoma", EACHN, "2025-02-25"),
    ("rw-huye", EACHN, "2026-01-20"),
    ("sn-kolda", ASCS, "2025-05-13"),
    ("ml-sikasso", ASCS, "2024-09-17"),
    ("ci-csu", ASCS, "2026-06-02"),
    ("mz-chamanculo", FPCS, "2025-10-07"),
    ("ng-ikorodu", GHVC, "2025-07-01"),
    ("za-khayelitsha", GHVC, "2024-04-23"),
    ("br-para", FPCS, "2026-03-03"),
    ("br-rio-negro", FPCS, "2025-05-27"),
    ("bo-el-alto", RADS, "2025-12-02"),
    ("mx-iztapalapa", RADS, "2026-07-14"),
    ("np-dhulikhel", NEPAL, "2025-03-11"),
    ("np-kaski", NEPAL, "2026-08-19"),
    ("in-khed", GHVC, "2024-08-06"),
    ("th-khon-kaen", GHVC, "2025-11-25"),
    ("kz-almaty", KYRGYZ, "2025-09-30"),
    ("fr-occitanie", GHVC, "2026-09-15"),
    ("jo-ramtha", TUNISIA, "2025-10-21"),
    ("eg-assiut", TUNISIA, "2026-02-24"),
    ("fj-youth", PACIFIC, "2025-06-24"),
    ("ph-quezon", GHVC, "2026-10-06"),
    ("cn-changning", MEKONG, "2026-09-01"),
]


# --- Text banks, one entry per language -----------------------------------------------------

SOURCE_TITLES = {
    "founding": {
        "en": "Founding text (fictional demo document)",
        "fr": "Texte fondateur (document fictif de démonstration)",
        "es": "Texto de creación (documento ficticio de demostración)",
        "pt": "Ato de criação (documento fictício de demonstração)",
        "ar": "النص التأسيسي (وثيقة وهمية للعرض)",
        "ru": "Учредительный документ (вымышленный демонстрационный документ)",
        "zh-hans": "设立文件（虚构的演示文件）",
    },
    "minutes": {
        "en": "Minutes of the latest meeting (fictional demo document)",
        "fr": "Procès-verbal de la dernière réunion (document fictif de démonstration)",
        "es": "Acta de la última reunión (documento ficticio de demostración)",
        "pt": "Ata da última reunião (documento fictício de demonstração)",
        "ar": "محضر آخر اجتماع (وثيقة وهمية للعرض)",
        "ru": "Протокол последнего заседания (вымышленный демонстрационный документ)",
        "zh-hans": "最近一次会议纪要（虚构的演示文件）",
    },
}

ASSESSMENT_NOTES = {
    "desk": {
        "en": "Desk review of the founding text and the last three sets of minutes, followed by "
        "interviews with two community members (demo assessment).",
        "fr": "Revue documentaire du texte fondateur et des trois derniers procès-verbaux, puis "
        "entretiens avec deux membres issus de la communauté (évaluation de démonstration).",
        "es": "Revisión documental del texto de creación y de las tres últimas actas, seguida "
        "de entrevistas con dos integrantes de la comunidad (evaluación de demostración).",
        "pt": "Análise documental do ato de criação e das três últimas atas, seguida de "
        "entrevistas com dois representantes da comunidade (avaliação de demonstração).",
        "ar": "مراجعة مكتبية للنص التأسيسي ولمحاضر الاجتماعات الثلاثة الأخيرة، تلتها مقابلات "
        "مع عضوين من المجتمع المحلي (تقييم تجريبي).",
        "ru": "Изучение учредительного документа и протоколов трёх последних заседаний, затем "
        "интервью с двумя представителями сообщества (демонстрационная оценка).",
        "zh-hans": "查阅了设立文件和最近三次会议纪要，并访谈了两名社区成员（演示评估）。",
    },
    "meeting": {
        "en": "Assessed at a meeting with members and staff; scores agreed by consensus (demo "
        "assessment).",
        "fr": "Évaluation réalisée lors d'une réunion avec les membres et le personnel ; notes "
        "fixées par consensus (évaluation de démonstration).",
        "es": "Evaluación realizada en una reunión con integrantes y personal; puntuaciones "
        "acordadas por consenso (evaluación de demostración).",
        "pt": "Avaliação feita em reunião com membros e profissionais; notas definidas por "
        "consenso (avaliação de demonstração).",
        "ar": "أُجري التقييم خلال اجتماع مع الأعضاء والعاملين، وحُدّدت الدرجات بالتوافق "
        "(تقييم تجريبي).",
        "ru": "Оценка проведена на встрече с членами и персоналом; баллы согласованы "
        "консенсусом (демонстрационная оценка).",
        "zh-hans": "评估在与成员和工作人员的会议上进行，评分经协商一致确定（演示评估）。",
    },
    "follow_up": {
        "en": "Follow-up assessment: see the evidence for each dimension for what has changed "
        "since the previous one (demo assessment).",
        "fr": "Évaluation de suivi : voir les éléments de preuve de chaque dimension pour ce qui "
        "a changé depuis la précédente (évaluation de démonstration).",
        "es": "Evaluación de seguimiento: ver la evidencia de cada dimensión para saber qué "
        "cambió desde la anterior (evaluación de demostración).",
        "pt": "Avaliação de acompanhamento: veja as evidências de cada dimensão para saber o "
        "que mudou desde a anterior (avaliação de demonstração).",
        "ar": "تقييم متابعة: انظر الأدلة الخاصة بكل بُعد لمعرفة ما تغيّر منذ التقييم السابق "
        "(تقييم تجريبي).",
        "ru": "Повторная оценка: что изменилось с прошлого раза, см. в обоснованиях по каждому "
        "измерению (демонстрационная оценка).",
        "zh-hans": "跟踪评估：各维度的证据说明了与上次评估相比的变化（演示评估）。",
    },
}

EVIDENCE = {
    ("legal", True): {
        "en": "Founding text seen; it sets out the mandate and membership rules.",
        "fr": "Texte fondateur consulté ; il précise le mandat et les règles de composition.",
        "es": "Se consultó el texto de creación; establece el mandato y las reglas de composición.",
        "pt": "Ato de criação consultado; define o mandato e as regras de composição.",
        "ar": "اطّلعنا على النص التأسيسي، وهو يحدد الولاية وقواعد العضوية.",
        "ru": "Учредительный документ изучен: в нём определены мандат и правила формирования "
        "состава.",
        "zh-hans": "已查阅设立文件，其中规定了职责和成员构成规则。",
    },
    ("legal", False): {
        "en": "No founding text found; the body meets when the convenor invites it.",
        "fr": "Aucun texte fondateur trouvé ; l'instance se réunit à l'initiative de qui la "
        "convoque.",
        "es": "No se encontró texto de creación; el espacio se reúne cuando lo convoca quien lo "
        "organiza.",
        "pt": "Nenhum ato de criação encontrado; o espaço se reúne quando quem o organiza o "
        "convoca.",
        "ar": "لم نعثر على نص تأسيسي، وتنعقد الهيئة متى دعتها الجهة المنظِّمة.",
        "ru": "Учредительный документ не найден; орган собирается, когда его созывает организатор.",
        "zh-hans": "未找到设立文件；该机构在召集方邀请时才开会。",
    },
    ("resources", True): {
        "en": "Has its own budget line and a secretariat that prepares meetings.",
        "fr": "Dispose d'une ligne budgétaire propre et d'un secrétariat qui prépare les réunions.",
        "es": "Cuenta con una partida presupuestaria propia y una secretaría que prepara las "
        "reuniones.",
        "pt": "Tem rubrica orçamentária própria e uma secretaria que prepara as reuniões.",
        "ar": "لها بند خاص في الميزانية وأمانة تتولى التحضير للاجتماعات.",
        "ru": "Есть собственная строка бюджета и секретариат, который готовит заседания.",
        "zh-hans": "有单独的预算科目和负责筹备会议的秘书处。",
    },
    ("resources", False): {
        "en": "No budget of its own; community members pay their own transport to meetings.",
        "fr": "Pas de budget propre ; les membres issus de la communauté paient eux-mêmes leur "
        "transport.",
        "es": "No tiene presupuesto propio; los integrantes de la comunidad pagan su propio "
        "transporte.",
        "pt": "Não tem orçamento próprio; os membros da comunidade pagam o próprio transporte.",
        "ar": "لا ميزانية خاصة بها، ويتحمّل أعضاء المجتمع المحلي تكاليف تنقّلهم بأنفسهم.",
        "ru": "Собственного бюджета нет; представители сообщества сами оплачивают проезд на "
        "заседания.",
        "zh-hans": "没有自己的预算；社区成员自付参会交通费。",
    },
    ("accountability", True): {
        "en": "Agendas and minutes are posted, and participants hear back on what was done with "
        "their input.",
        "fr": "Ordres du jour et procès-verbaux sont affichés, et les participants sont informés "
        "des suites données à leurs contributions.",
        "es": "Se publican el orden del día y las actas, y se informa a los participantes de lo "
        "que se hizo con sus aportes.",
        "pt": "Pautas e atas são divulgadas, e os participantes recebem retorno sobre o que foi "
        "feito com suas contribuições.",
        "ar": "تُنشر جداول الأعمال والمحاضر، ويُبلَّغ المشاركون بما اتُّخذ بشأن مساهماتهم.",
        "ru": "Повестки и протоколы публикуются, а участникам сообщают, что было сделано с их "
        "предложениями.",
        "zh-hans": "会议议程和纪要对外公布，参与者会得到其意见处理情况的反馈。",
    },
    ("accountability", False): {
        "en": "Minutes are not published and participants are not told what happened to their "
        "input.",
        "fr": "Les procès-verbaux ne sont pas publiés et les participants ne savent pas ce "
        "qu'il advient de leurs contributions.",
        "es": "Las actas no se publican y no se informa a los participantes de lo que pasó con "
        "sus aportes.",
        "pt": "As atas não são publicadas e os participantes não sabem o que aconteceu com suas "
        "contribuições.",
        "ar": "لا تُنشر المحاضر، ولا يُبلَّغ المشاركون بمصير مساهماتهم.",
        "ru": "Протоколы не публикуются, и участникам не сообщают, что стало с их предложениями.",
        "zh-hans": "会议纪要不公开，参与者也不知道自己的意见后来如何处理。",
    },
}


# --- Generation ---------------------------------------------------------------------------

# Chance that a stage of the policy cycle is touched, by kind.
STAGE_ODDS = {
    "committee": (0.5, 0.7, 0.4, 0.8, 0.8, 0.3),
    "council": (0.8, 0.8, 0.6, 0.3, 0.8, 0.5),
    "assembly": (0.9, 0.5, 0.2, 0.2, 0.5, 0.3),
    "platform": (0.6, 0.8, 0.3, 0.5, 0.6, 0.4),
    "consultation": (0.8, 0.5, 0.2, 0.1, 0.2, 0.1),
    "panel": (0.9, 0.3, 0.2, 0.1, 0.1, 0.3),
    "forum": (0.6, 0.3, 0.1, 0.3, 0.6, 0.2),
    "advisory": (0.7, 0.5, 0.2, 0.2, 0.4, 0.4),
    "other": (0.2, 0.2, 0.1, 0.7, 0.6, 0.3),
}
STAGES = (
    "stage_priority_setting",
    "stage_planning",
    "stage_budgeting",
    "stage_implementation",
    "stage_monitoring",
    "stage_evaluation",
)
SPECTRUM = {
    "committee": ("collaborate", "involve", "empower"),
    "council": ("collaborate", "involve", "empower"),
    "assembly": ("involve", "collaborate"),
    "platform": ("involve", "collaborate"),
    "consultation": ("consult", "consult", "involve"),
    "panel": ("involve", "consult"),
    "forum": ("inform", "consult", "involve"),
    "advisory": ("consult", "involve"),
    "other": ("involve", "collaborate"),
}
SELECTION = {
    "committee": ("election", "appointment", "election"),
    "council": ("election", "election", "appointment"),
    "assembly": ("election", "outreach"),
    "platform": ("appointment", "election"),
    "consultation": ("open", "outreach"),
    "panel": ("random",),
    "forum": ("open", "outreach"),
    "advisory": ("appointment", "outreach"),
    "other": ("outreach", "open"),
}
FREQUENCY = {
    "committee": ("monthly", "monthly", "quarterly"),
    "council": ("monthly", "monthly", "quarterly"),
    "assembly": ("yearly", "yearly", "irregular"),
    "platform": ("quarterly", "twice_yearly"),
    "consultation": ("yearly", "irregular"),
    "panel": ("irregular",),
    "forum": ("monthly", "quarterly", "irregular"),
    "advisory": ("quarterly", "twice_yearly", "monthly"),
    "other": ("monthly", "irregular"),
}
# Kinds with a fixed membership whose seats can be counted.
SEATED = {"committee", "council", "platform", "advisory", "assembly"}
# The latest date a demo meeting can have taken place.
LAST_DAY = datetime.date(2026, 10, 31)


def _rng(*parts: str) -> random.Random:
    # A string seed is hashed with SHA-512, so this does not depend on PYTHONHASHSEED.
    return random.Random(":".join((SEED, *parts)))  # noqa: S311 - demo data, not secrets


def _answer(rng: random.Random, p_yes: float, p_unknown: float = 0.2) -> bool | None:
    """A yes/no fact: unknown with probability ``p_unknown``, else yes with ``p_yes``."""
    unknown = rng.random() < p_unknown
    yes = rng.random() < p_yes
    return None if unknown else yes


def build_mechanism(spec: dict[str, Any]) -> dict[str, Any]:
    """Turn a hand-written spec into the ``data`` and ``sources`` for ``create_mechanism``."""
    rng = _rng("mechanism", spec["country"], spec["name"])
    kind, level, formal = spec["kind"], spec["level"], spec["formal"]
    strong = 0.55 if formal else 0.15
    data: dict[str, Any] = {
        "original_language": spec["lang"],
        "name": spec["name"],
        "description": spec["description"],
        "country_id": spec["country"],
        "subnational_area": spec["area"],
        "level": level,
        "kind": kind,
        "is_formal": formal,
        "legal_basis": spec["legal"],
        "legal_citation": spec["citation"],
        "host_institution": spec["host"],
        "is_demo": True,
    }
    if spec["year"] is not None:
        data["year_established"] = spec["year"]
    elif rng.random() < 0.6:
        data["year_established"] = rng.randint(1995, 2022) if formal else rng.randint(2012, 2024)

    for stage, odds in zip(STAGES, STAGE_ODDS[kind], strict=True):
        data[stage] = _answer(rng, odds, 0.15)

    if rng.random() < 0.1:
        data["outcome"] = ""
    elif kind in ("council", "committee") and formal:
        data["outcome"] = "binding" if rng.random() < 0.4 else "advisory"
    else:
        data["outcome"] = "advisory"
    co_governs_odds = {"committee": 0.6, "council": 0.4}.get(kind, 0.1)
    data["co_governs"] = _answer(rng, co_governs_odds)
    data["spectrum"] = "" if rng.random() < 0.1 else rng.choice(SPECTRUM[kind])
    if data["co_governs"] and data["spectrum"] in ("inform", "consult"):
        data["spectrum"] = "collaborate"
    data["selection"] = "" if rng.random() < 0.1 else rng.choice(SELECTION[kind])
    majority_odds = {"committee": 0.6, "forum": 0.7, "council": 0.3}.get(kind, 0.3)
    data["community_majority"] = _answer(rng, majority_odds, 0.25)

    if kind in SEATED and rng.random() < 0.7:
        community = rng.randint(3, 12)
        seats = {
            "seats_government": rng.randint(1, 6),
            "seats_civil_society": rng.randint(0, 6),
            "seats_community": community,
            "seats_health_workers": rng.randint(1, 5),
            "seats_academia": rng.choice((0, 0, 1, 2)),
            "seats_private": rng.choice((0, 0, 0, 1, 2)),
        }
        others = sum(v for k, v in seats.items() if k != "seats_community")
        data.update(seats)
        data["community_majority"] = community > others

    data["meeting_frequency"] = "" if rng.random() < 0.1 else rng.choice(FREQUENCY[kind])
    if rng.random() < 0.8:
        data["last_meeting"] = LAST_DAY - datetime.timedelta(days=rng.randint(5, 480))

    data["has_budget"] = _answer(rng, strong - 0.1)
    data["has_secretariat"] = _answer(rng, strong + 0.1)
    data["has_office"] = _answer(rng, strong - 0.2)
    data["has_allowances"] = _answer(rng, strong - 0.15)
    data["publishes_agendas"] = _answer(rng, 0.6 if formal else 0.3)
    data["publishes_minutes"] = _answer(rng, 0.5 if formal else 0.2)
    data["publishes_decisions"] = _answer(rng, 0.55 if formal else 0.25)
    data["gives_feedback"] = _answer(rng, 0.4 if formal else 0.3)
    data["offers_capacity_building"] = _answer(rng, 0.45 if formal else 0.35)

    # Facts the spec states outright win over the drawn ones.
    data.update(spec["fixed"])
    data["constituencies"] = list(spec["constituencies"])

    sources = []
    if formal and spec["legal"] not in ("", "none"):
        sources.append(
            {
                "title": SOURCE_TITLES["founding"][spec["lang"]],
                "note": spec["citation"][:300],
            }
        )
    if data["publishes_minutes"]:
        sources.append({"title": SOURCE_TITLES["minutes"][spec["lang"]]})
    return {"data": data, "sources": sources}


def _clamp(value: int) -> int:
    return max(0, min(3, value))


def build_assessment(
    mechanism: dict[str, Any], organisation: str, assessed_on: str, *, follow_up: bool
) -> dict[str, Any]:
    """Scores that follow the mechanism's facts, with some disagreement between assessors."""
    rng = _rng("assessment", mechanism["country_id"], mechanism["name"], organisation, assessed_on)
    legal = {"constitution": 3, "law": 3, "decree": 2, "policy": 1, "guideline": 1, "none": 0}
    outcome = mechanism.get("outcome", "")
    spectrum = mechanism.get("spectrum", "")
    resources = sum(
        bool(mechanism.get(f))
        for f in ("has_budget", "has_secretariat", "has_office", "has_allowances")
    )
    published = sum(
        bool(mechanism.get(f))
        for f in ("publishes_agendas", "publishes_minutes", "publishes_decisions", "gives_feedback")
    )
    base = {
        "legal": legal.get(mechanism.get("legal_basis", ""), 1),
        "inclusion": 1
        + (len(mechanism.get("constituencies", [])) >= 3)
        + bool(mechanism.get("community_majority")),
        "influence": (2 if outcome == "binding" else 1 if outcome else 0)
        + bool(mechanism.get("co_governs"))
        + (spectrum in ("collaborate", "empower")),
        "capacity": {True: 2, None: 1, False: 0}[mechanism.get("offers_capacity_building")],
        "accountability": (0, 1, 1, 2, 3)[published],
        "resources": (0, 1, 2, 2, 3)[resources],
    }
    scores = {}
    for name, value in base.items():
        shift = rng.choice((-1, 0, 0, 0, 1))
        if follow_up and rng.random() < 0.35:
            shift += 1
        scores[name] = _clamp(value + shift)
    language = ORGANISATION_LANGUAGE[organisation]
    evidence = {
        name: EVIDENCE[(name, scores[name] >= 2)][language]
        for name in ("legal", "resources", "accountability")
        if rng.random() < 0.8
    }
    note_key = "follow_up" if follow_up else rng.choice(("desk", "meeting"))
    return {
        **scores,
        "assessed_on": datetime.date.fromisoformat(assessed_on),
        "evidence": evidence,
        "note": ASSESSMENT_NOTES[note_key][language],
    }
