"""The real recurring moments of the global health calendar, with their sources.

Facts from WHO's "Dates of constitutional meetings", UN and UHC2030 pages,
resolution A/RES/72/138 and Thailand's National Health Commission Office
(see /docs and the ``source`` of each moment). Meetings whose dates are set
each year carry the dates known so far in ``dates``; moderators add a year's
dates when they are announced and run ``generate_recurring_opportunities``.
Fixed days (UHC Day, World Health Day) are generated for every coming year.

Migrations import this module, so it must stay free of model imports.
Texts are dicts keyed by language code; every dict holds all of ``LANGUAGES``.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "fr", "es", "pt", "ar", "ru", "zh-hans")

WHO_GOVERNING_BODIES = "WHO governing bodies, “Dates of constitutional meetings” (apps.who.int/gb)"

_REGIONS: dict[str, dict[str, str]] = {
    "AFR": {
        "en": "Africa",
        "fr": "l’Afrique",
        "es": "África",
        "pt": "a África",
        "ar": "أفريقيا",
        "ru": "Африки",
        "zh-hans": "非洲",
    },
    "AMR": {
        "en": "the Americas",
        "fr": "les Amériques",
        "es": "las Américas",
        "pt": "as Américas",
        "ar": "الأمريكتين",
        "ru": "стран Америки",
        "zh-hans": "美洲",
    },
    "SEAR": {
        "en": "South-East Asia",
        "fr": "l’Asie du Sud-Est",
        "es": "Asia Sudoriental",
        "pt": "o Sudeste Asiático",
        "ar": "جنوب شرق آسيا",
        "ru": "Юго-Восточной Азии",
        "zh-hans": "东南亚",
    },
    "EMR": {
        "en": "the Eastern Mediterranean",
        "fr": "la Méditerranée orientale",
        "es": "el Mediterráneo Oriental",
        "pt": "o Mediterrâneo Oriental",
        "ar": "شرق المتوسط",
        "ru": "Восточного Средиземноморья",
        "zh-hans": "东地中海",
    },
    "WPR": {
        "en": "the Western Pacific",
        "fr": "le Pacifique occidental",
        "es": "el Pacífico Occidental",
        "pt": "o Pacífico Ocidental",
        "ar": "غرب المحيط الهادئ",
        "ru": "западной части Тихого океана",
        "zh-hans": "西太平洋",
    },
    "EUR": {
        "en": "Europe",
        "fr": "l’Europe",
        "es": "Europa",
        "pt": "a Europa",
        "ar": "أوروبا",
        "ru": "Европы",
        "zh-hans": "欧洲",
    },
}

_RC_TITLE = {
    "en": "WHO Regional Committee for {}",
    "fr": "Comité régional de l’OMS pour {}",
    "es": "Comité Regional de la OMS para {}",
    "pt": "Comité Regional da OMS para {}",
    "ar": "اللجنة الإقليمية لمنظمة الصحة العالمية – {}",
    "ru": "Региональный комитет ВОЗ для {}",
    "zh-hans": "世卫组织{}区域委员会",
}

_RC_DESCRIPTION = {
    "en": "Ministers of health of the region meet once a year to set WHO's regional policy "
    "and budget. Non-State actors in official relations may deliver statements.",
    "fr": "Les ministres de la santé de la région se réunissent une fois par an pour fixer la "
    "politique et le budget régionaux de l’OMS. Les acteurs non étatiques en relations "
    "officielles peuvent faire des déclarations.",
    "es": "Los ministros de salud de la región se reúnen una vez al año para definir la "
    "política y el presupuesto regionales de la OMS. Los agentes no estatales en relaciones "
    "oficiales pueden presentar declaraciones.",
    "pt": "Os ministros da saúde da região reúnem-se uma vez por ano para definir a política "
    "e o orçamento regionais da OMS. Atores não estatais em relações oficiais podem "
    "apresentar declarações.",
    "ar": "يجتمع وزراء الصحة في الإقليم مرة كل عام لتحديد السياسة والميزانية الإقليمية "
    "لمنظمة الصحة العالمية. ويمكن للجهات الفاعلة غير الدول التي تربطها علاقات رسمية "
    "بالمنظمة الإدلاء ببيانات.",
    "ru": "Министры здравоохранения региона ежегодно собираются, чтобы определить "
    "региональную политику и бюджет ВОЗ. Негосударственные структуры, состоящие в "
    "официальных отношениях с ВОЗ, могут выступать с заявлениями.",
    "zh-hans": "本区域卫生部长每年开会一次，确定世卫组织的区域政策和预算。"
    "与世卫组织有正式关系的非国家行为者可以发言。",
}

# 2024 dates (WHO governing bodies); the order of the committees varies by year.
_RC_2024 = {
    "AFR": ("2024-08-26", "2024-08-30", "Brazzaville"),
    "AMR": ("2024-09-30", "2024-10-04", "Washington, D.C."),
    "SEAR": ("2024-10-07", "2024-10-10", "Dhaka"),
    "EMR": ("2024-10-14", "2024-10-17", "Doha"),
    "WPR": ("2024-10-21", "2024-10-25", "Manila"),
    "EUR": ("2024-10-29", "2024-10-31", "Copenhagen"),
}
# Other years, "to be confirmed": the usual week (month, nth Monday, -1 the last; days).
_RC_USUAL = {
    "AFR": (8, -1, 5),
    "AMR": (9, -1, 5),
    "SEAR": (10, 1, 4),
    "EMR": (10, 2, 4),
    "WPR": (10, 3, 5),
    "EUR": (10, -1, 3),
}


def _regional_committees() -> list[dict[str, Any]]:
    moments = []
    for code, (start, end, place) in _RC_2024.items():
        title = {lang: _RC_TITLE[lang].format(_REGIONS[code][lang]) for lang in LANGUAGES}
        if code == "AMR":
            # In the Americas the PAHO Directing Council acts as WHO's Regional Committee.
            title = {lang: f"{text} (PAHO/OPS)" for lang, text in title.items()}
        moments.append(
            {
                "code": f"who-rc-{code.lower()}",
                "kind": "who_regional_committee",
                "level": "regional",
                "region": code,
                "rule": "dates",
                "dates": {"2024": [start, end]},
                "month": _RC_USUAL[code][0],
                "weekday": 0,
                "nth": _RC_USUAL[code][1],
                "duration_days": _RC_USUAL[code][2],
                "place": place,
                "organiser": "WHO",
                "official_url": "https://apps.who.int/gb/",
                "source": WHO_GOVERNING_BODIES,
                "title": title,
                "description": _RC_DESCRIPTION,
            }
        )
    return moments


MOMENTS: list[dict[str, Any]] = [
    {
        "code": "world-health-assembly",
        "kind": "who_governing_body",
        "level": "global",
        "rule": "dates",
        # WHA77: 27 May–1 June 2024; WHA78: 19–27 May 2025.
        "dates": {"2024": ["2024-05-27", "2024-06-01"], "2025": ["2025-05-19", "2025-05-27"]},
        # Other years: the usual third Monday of May, nine days, "to be confirmed".
        "month": 5,
        "weekday": 0,
        "nth": 3,
        "duration_days": 9,
        "place": "Geneva",
        "organiser": "WHO",
        "official_url": "https://apps.who.int/gb/",
        "source": WHO_GOVERNING_BODIES,
        "topics": ["commitments"],
        "title": {
            "en": "World Health Assembly",
            "fr": "Assemblée mondiale de la Santé",
            "es": "Asamblea Mundial de la Salud",
            "pt": "Assembleia Mundial da Saúde",
            "ar": "جمعية الصحة العالمية",
            "ru": "Всемирная ассамблея здравоохранения",
            "zh-hans": "世界卫生大会",
        },
        "description": {
            "en": "WHO's decision-making body meets every May in Geneva. WHO reports on the "
            "WHA77 social participation resolution in 2026, 2028 and 2030.",
            "fr": "L’organe décisionnel de l’OMS se réunit chaque année en mai à Genève. L’OMS "
            "rend compte de la résolution WHA77 sur la participation sociale en 2026, 2028 "
            "et 2030.",
            "es": "El órgano decisorio de la OMS se reúne cada mayo en Ginebra. La OMS informa "
            "sobre la resolución WHA77 sobre participación social en 2026, 2028 y 2030.",
            "pt": "O órgão de decisão da OMS reúne-se todos os anos em maio, em Genebra. A OMS "
            "informa sobre a resolução WHA77 sobre participação social em 2026, 2028 e 2030.",
            "ar": "تجتمع الهيئة المسؤولة عن اتخاذ القرارات في منظمة الصحة العالمية كل عام في "
            "أيار/مايو في جنيف. وتقدم المنظمة تقارير عن قرار المشاركة الاجتماعية WHA77 في "
            "الأعوام 2026 و2028 و2030.",
            "ru": "Директивный орган ВОЗ ежегодно собирается в мае в Женеве. ВОЗ отчитывается "
            "о выполнении резолюции WHA77 о социальном участии в 2026, 2028 и 2030 годах.",
            "zh-hans": "世卫组织的决策机构每年五月在日内瓦开会。世卫组织将在2026年、2028年"
            "和2030年报告WHA77社会参与决议的执行情况。",
        },
    },
    {
        "code": "who-executive-board",
        "kind": "who_governing_body",
        "level": "global",
        "rule": "dates",
        # EB154: 22–27 Jan 2024; EB156: 3–11 Feb 2025 (EB155, 3–4 June 2024, follows the WHA).
        "dates": {"2024": ["2024-01-22", "2024-01-27"], "2025": ["2025-02-03", "2025-02-11"]},
        # Other years: the usual first Monday of February, seven days, "to be confirmed".
        "month": 2,
        "weekday": 0,
        "nth": 1,
        "duration_days": 7,
        "place": "Geneva",
        "organiser": "WHO",
        "official_url": "https://apps.who.int/gb/",
        "source": WHO_GOVERNING_BODIES,
        "title": {
            "en": "WHO Executive Board",
            "fr": "Conseil exécutif de l’OMS",
            "es": "Consejo Ejecutivo de la OMS",
            "pt": "Conselho Executivo da OMS",
            "ar": "المجلس التنفيذي لمنظمة الصحة العالمية",
            "ru": "Исполнительный комитет ВОЗ",
            "zh-hans": "世卫组织执行委员会",
        },
        "description": {
            "en": "The Board meets in late January or early February to prepare the "
            "Assembly's agenda and resolutions: the earliest point to influence them.",
            "fr": "Le Conseil se réunit fin janvier ou début février pour préparer l’ordre du "
            "jour et les résolutions de l’Assemblée : le premier moment pour les influencer.",
            "es": "El Consejo se reúne a finales de enero o principios de febrero para preparar "
            "el orden del día y las resoluciones de la Asamblea: el primer momento para "
            "influir en ellos.",
            "pt": "O Conselho reúne-se no final de janeiro ou início de fevereiro para preparar "
            "a agenda e as resoluções da Assembleia: o primeiro momento para as influenciar.",
            "ar": "يجتمع المجلس في أواخر كانون الثاني/يناير أو أوائل شباط/فبراير لإعداد جدول "
            "أعمال الجمعية وقراراتها، وهو أول فرصة للتأثير فيها.",
            "ru": "Комитет собирается в конце января или начале февраля, чтобы подготовить "
            "повестку дня и резолюции Ассамблеи: это самый ранний момент, чтобы на них повлиять.",
            "zh-hans": "执行委员会于一月底或二月初开会，筹备世界卫生大会的议程和决议，"
            "这是影响它们的最早时机。",
        },
    },
    *_regional_committees(),
    {
        "code": "un-hlm-uhc",
        "kind": "unga_high_level",
        "level": "global",
        "rule": "dates",
        # 23 Sep 2019 and 21 Sep 2023; the 2023 declaration foresees a follow-up (2027, TBC).
        # Not annual: no rule; the 2027 meeting is placed in the usual high-level week.
        "dates": {
            "2019": ["2019-09-23"],
            "2023": ["2023-09-21"],
            "2027": {"start": "2027-09-21", "tentative": True},
        },
        "place": "New York",
        "organiser": "United Nations General Assembly",
        "official_url": "https://www.uhc2030.org/",
        "source": "United Nations; UHC2030",
        "topics": ["commitments"],
        "title": {
            "en": "UN General Assembly high-level meeting on universal health coverage",
            "fr": "Réunion de haut niveau de l’Assemblée générale des Nations Unies sur la "
            "couverture sanitaire universelle",
            "es": "Reunión de alto nivel de la Asamblea General de las Naciones Unidas sobre la "
            "cobertura sanitaria universal",
            "pt": "Reunião de alto nível da Assembleia Geral das Nações Unidas sobre a "
            "cobertura universal de saúde",
            "ar": "الاجتماع الرفيع المستوى للجمعية العامة للأمم المتحدة بشأن التغطية الصحية "
            "الشاملة",
            "ru": "Совещание высокого уровня Генеральной Ассамблеи ООН по всеобщему охвату "
            "услугами здравоохранения",
            "zh-hans": "联合国大会全民健康覆盖问题高级别会议",
        },
        "description": {
            "en": "Heads of State adopt a political declaration on UHC during the General "
            "Assembly's high-level week (2019, 2023). A follow-up meeting is foreseen, "
            "expected in 2027 (to be confirmed).",
            "fr": "Les chefs d’État adoptent une déclaration politique sur la CSU pendant la "
            "semaine de haut niveau de l’Assemblée générale (2019, 2023). Une réunion de suivi "
            "est prévue, attendue en 2027 (à confirmer).",
            "es": "Los jefes de Estado adoptan una declaración política sobre la CSU durante la "
            "semana de alto nivel de la Asamblea General (2019, 2023). Se prevé una reunión de "
            "seguimiento, esperada en 2027 (por confirmar).",
            "pt": "Os chefes de Estado adotam uma declaração política sobre a CUS durante a "
            "semana de alto nível da Assembleia Geral (2019, 2023). Está prevista uma reunião "
            "de seguimento, esperada em 2027 (a confirmar).",
            "ar": "يعتمد رؤساء الدول إعلاناً سياسياً بشأن التغطية الصحية الشاملة خلال الأسبوع "
            "الرفيع المستوى للجمعية العامة (2019 و2023). ومن المتوقع عقد اجتماع متابعة في "
            "عام 2027 (لم يتأكد بعد).",
            "ru": "Главы государств принимают политическую декларацию о ВОУЗ во время недели "
            "высокого уровня Генеральной Ассамблеи (2019, 2023 годы). Предусмотрено "
            "последующее совещание, ожидаемое в 2027 году (требует подтверждения).",
            "zh-hans": "各国元首在联合国大会高级别周期间通过关于全民健康覆盖的政治宣言"
            "（2019年、2023年）。预计将于2027年举行后续会议（待确认）。",
        },
    },
    {
        "code": "hlpf",
        "kind": "political_forum",
        "level": "global",
        "rule": "dates",
        "dates": {"2025": ["2025-07-14", "2025-07-23"]},
        # Other years: the usual second Monday of July, ten days, "to be confirmed".
        "month": 7,
        "weekday": 0,
        "nth": 2,
        "duration_days": 10,
        "place": "New York",
        "organiser": "United Nations ECOSOC",
        "official_url": "https://hlpf.un.org/",
        "source": "UN High-level Political Forum (hlpf.un.org)",
        "title": {
            "en": "High-level Political Forum on Sustainable Development",
            "fr": "Forum politique de haut niveau pour le développement durable",
            "es": "Foro Político de Alto Nivel sobre el Desarrollo Sostenible",
            "pt": "Fórum Político de Alto Nível sobre Desenvolvimento Sustentável",
            "ar": "المنتدى السياسي الرفيع المستوى المعني بالتنمية المستدامة",
            "ru": "Политический форум высокого уровня по устойчивому развитию",
            "zh-hans": "可持续发展问题高级别政治论坛",
        },
        "description": {
            "en": "Every July, for eight days under ECOSOC, countries present voluntary national "
            "reviews of the Sustainable Development Goals, including SDG 3 on health.",
            "fr": "Chaque juillet, pendant huit jours sous l’égide de l’ECOSOC, les pays "
            "présentent leurs examens nationaux volontaires des objectifs de développement "
            "durable, dont l’ODD 3 sur la santé.",
            "es": "Cada julio, durante ocho días bajo el ECOSOC, los países presentan exámenes "
            "nacionales voluntarios de los Objetivos de Desarrollo Sostenible, incluido el "
            "ODS 3 sobre salud.",
            "pt": "Todos os anos em julho, durante oito dias sob o ECOSOC, os países apresentam "
            "revisões nacionais voluntárias dos Objetivos de Desenvolvimento Sustentável, "
            "incluindo o ODS 3 sobre saúde.",
            "ar": "في تموز/يوليو من كل عام، ولمدة ثمانية أيام تحت إشراف المجلس الاقتصادي "
            "والاجتماعي، تعرض البلدان استعراضاتها الوطنية الطوعية لأهداف التنمية المستدامة، "
            "ومنها الهدف 3 المتعلق بالصحة.",
            "ru": "Каждый июль в течение восьми дней под эгидой ЭКОСОС страны представляют "
            "добровольные национальные обзоры достижения Целей устойчивого развития, в том "
            "числе ЦУР 3 о здоровье.",
            "zh-hans": "每年七月，在经社理事会主持下为期八天，各国提交可持续发展目标（包括"
            "关于健康的目标3）的自愿国别评估。",
        },
    },
    {
        "code": "uhc-day",
        "kind": "international_day",
        "level": "global",
        "rule": "fixed",
        "month": 12,
        "day": 12,
        "official_url": "https://www.uhcday.org/",
        "source": "UN General Assembly resolution A/RES/72/138 (2017)",
        "topics": ["commitments"],
        "title": {
            "en": "Universal Health Coverage Day",
            "fr": "Journée de la couverture sanitaire universelle",
            "es": "Día de la Cobertura Sanitaria Universal",
            "pt": "Dia da Cobertura Universal de Saúde",
            "ar": "يوم التغطية الصحية الشاملة",
            "ru": "День всеобщего охвата услугами здравоохранения",
            "zh-hans": "全民健康覆盖日",
        },
        "description": {
            "en": "12 December, proclaimed by the UN General Assembly (resolution 72/138): a "
            "moment to hold governments to their UHC promises.",
            "fr": "Le 12 décembre, proclamé par l’Assemblée générale des Nations Unies "
            "(résolution 72/138) : un moment pour rappeler aux gouvernements leurs promesses "
            "sur la CSU.",
            "es": "El 12 de diciembre, proclamado por la Asamblea General de las Naciones Unidas "
            "(resolución 72/138): un momento para exigir a los gobiernos que cumplan sus "
            "promesas sobre la CSU.",
            "pt": "12 de dezembro, proclamado pela Assembleia Geral das Nações Unidas "
            "(resolução 72/138): um momento para cobrar dos governos as suas promessas "
            "sobre a CUS.",
            "ar": "12 كانون الأول/ديسمبر، الذي أعلنته الجمعية العامة للأمم المتحدة (القرار "
            "72/138): مناسبة لمساءلة الحكومات عن وعودها بشأن التغطية الصحية الشاملة.",
            "ru": "12 декабря, провозглашённое Генеральной Ассамблеей ООН (резолюция 72/138): "
            "повод потребовать от правительств выполнения обещаний по ВОУЗ.",
            "zh-hans": "12月12日，由联合国大会第72/138号决议宣布：督促各国政府兑现全民健康"
            "覆盖承诺的时机。",
        },
    },
    {
        "code": "world-health-day",
        "kind": "international_day",
        "level": "global",
        "rule": "fixed",
        "month": 4,
        "day": 7,
        "official_url": "https://www.who.int/",
        "source": "WHO (founded 7 April 1948)",
        "title": {
            "en": "World Health Day",
            "fr": "Journée mondiale de la santé",
            "es": "Día Mundial de la Salud",
            "pt": "Dia Mundial da Saúde",
            "ar": "يوم الصحة العالمي",
            "ru": "Всемирный день здоровья",
            "zh-hans": "世界卫生日",
        },
        "description": {
            "en": "7 April marks WHO's founding in 1948; each year has a theme.",
            "fr": "Le 7 avril marque la fondation de l’OMS en 1948 ; chaque année a son thème.",
            "es": "El 7 de abril conmemora la fundación de la OMS en 1948; cada año tiene un tema.",
            "pt": "O dia 7 de abril assinala a fundação da OMS em 1948; cada ano tem um tema.",
            "ar": "يصادف 7 نيسان/أبريل ذكرى تأسيس منظمة الصحة العالمية عام 1948، ولكل عام موضوعه.",
            "ru": "7 апреля — годовщина основания ВОЗ в 1948 году; у каждого года своя тема.",
            "zh-hans": "4月7日是世卫组织1948年成立的纪念日，每年都有一个主题。",
        },
    },
    {
        "code": "thailand-national-health-assembly",
        "kind": "health_planning",
        "level": "national",
        "country": "TH",
        "rule": "dates",
        "dates": {"2024": ["2024-11-27"]},
        "place": "Bangkok",
        "organiser": "National Health Commission Office, Thailand",
        "official_url": "https://en.nationalhealth.or.th/",
        "source": "National Health Commission Office, Thailand (NHA17, 27 Nov 2024)",
        "topics": ["mechanisms"],
        "title": {
            "en": "Thailand National Health Assembly",
            "fr": "Assemblée nationale de la santé de la Thaïlande",
            "es": "Asamblea Nacional de Salud de Tailandia",
            "pt": "Assembleia Nacional de Saúde da Tailândia",
            "ar": "الجمعية الوطنية للصحة في تايلند",
            "ru": "Национальная ассамблея здравоохранения Таиланда",
            "zh-hans": "泰国国家卫生大会",
        },
        "description": {
            "en": "Held at least once a year, the Assembly brings government, civil society, "
            "academia and communities together to agree health policy resolutions.",
            "fr": "Tenue au moins une fois par an, l’Assemblée réunit gouvernement, société "
            "civile, universités et communautés pour adopter des résolutions de politique de "
            "santé.",
            "es": "Celebrada al menos una vez al año, la Asamblea reúne a gobierno, sociedad "
            "civil, academia y comunidades para acordar resoluciones de política sanitaria.",
            "pt": "Realizada pelo menos uma vez por ano, a Assembleia reúne governo, sociedade "
            "civil, academia e comunidades para aprovar resoluções de política de saúde.",
            "ar": "تُعقد الجمعية مرة واحدة على الأقل كل عام، وتجمع الحكومة والمجتمع المدني "
            "والأوساط الأكاديمية والمجتمعات المحلية للاتفاق على قرارات بشأن السياسات الصحية.",
            "ru": "Ассамблея проводится не реже раза в год и объединяет правительство, "
            "гражданское общество, научные круги и сообщества для принятия резолюций по "
            "политике здравоохранения.",
            "zh-hans": "国家卫生大会每年至少举行一次，汇集政府、民间社会、学术界和社区，"
            "共同商定卫生政策决议。",
        },
    },
    {
        # Demo data: an invented national moment, clearly marked, for trying the calendar.
        "code": "demo-kenya-budget-hearings",
        "is_demo": True,
        "kind": "budget_cycle",
        "level": "national",
        "country": "KE",
        "rule": "nth_weekday",
        "month": 2,
        "weekday": 0,
        "nth": 2,
        "duration_days": 5,
        "source": "Demo data (invented for illustration)",
        "title": {
            "en": "Demo: public hearings on the national health budget",
            "fr": "Démo : auditions publiques sur le budget national de la santé",
            "es": "Demostración: audiencias públicas sobre el presupuesto nacional de salud",
            "pt": "Demonstração: audiências públicas sobre o orçamento nacional da saúde",
            "ar": "تجريبي: جلسات استماع عامة بشأن الميزانية الوطنية للصحة",
            "ru": "Демо: публичные слушания по национальному бюджету здравоохранения",
            "zh-hans": "演示：国家卫生预算公开听证会",
        },
        "description": {
            "en": "Demo data, not a real event: a week of hearings on the health budget in the "
            "second week of February.",
            "fr": "Données de démonstration, pas un vrai événement : une semaine d’auditions sur "
            "le budget de la santé la deuxième semaine de février.",
            "es": "Datos de demostración, no un evento real: una semana de audiencias sobre el "
            "presupuesto de salud en la segunda semana de febrero.",
            "pt": "Dados de demonstração, não um evento real: uma semana de audiências sobre o "
            "orçamento da saúde na segunda semana de fevereiro.",
            "ar": "بيانات تجريبية وليست حدثاً حقيقياً: أسبوع من جلسات الاستماع بشأن ميزانية "
            "الصحة في الأسبوع الثاني من شباط/فبراير.",
            "ru": "Демонстрационные данные, а не реальное событие: неделя слушаний по бюджету "
            "здравоохранения во вторую неделю февраля.",
            "zh-hans": "演示数据，并非真实活动：二月第二周举行为期一周的卫生预算听证会。",
        },
    },
]
