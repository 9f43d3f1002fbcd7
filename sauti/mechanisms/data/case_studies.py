"""The toolkit's five case studies and the real mechanisms behind them.

Facts come from the CSEM *Advocacy Toolkit on Social Participation for UHC,
Health and Well-Being* (section 4) and the sources cited with each record;
every sentence is written in our own words, in all seven languages.

The case studies are authored in English (``original_language = "en"``): the
facts were checked against English-language sources, and the six other
versions are translations of that text.

The real mechanisms carry only the facts their sources support; anything
else stays unknown (``None`` or blank). They are not demo data.

``what_worked`` and ``challenges`` are lists of short points; the loader
stores them one per line.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "fr", "es", "pt", "ar", "ru", "zh-hans")

# Sources shared by several records.
TOOLKIT = {
    "title": "Advocacy Toolkit on Social Participation for Universal Health Coverage, "
    "Health and Well-Being (Civil Society Engagement Mechanism for UHC2030 – CSEM, 2025)",
    "url": "https://www.uhc2030.org/",
}
WHO_HANDBOOK = {
    "title": "Voice, agency, empowerment – handbook on social participation for universal "
    "health coverage (World Health Organization, 2021)",
    "url": "https://www.who.int/publications/i/item/9789240027794",
}
THAI_ACT = {"title": "National Health Act, B.E. 2550 (2007), Thailand", "url": ""}
THAI_NHCO = {
    "title": "National Health Commission Office of Thailand (NHCO): the health assemblies",
    "url": "https://en.nationalhealth.or.th/",
}
BRAZIL_LAW = {
    "title": "Lei nº 8.142, de 28 de dezembro de 1990 (participação da comunidade na gestão "
    "do SUS), Brasil",
    "url": "https://www.planalto.gov.br/ccivil_03/leis/l8142.htm",
}
BRAZIL_RESOLUTION = {
    "title": "Conselho Nacional de Saúde, Resolução nº 453/2012 (diretrizes para a instituição, "
    "reformulação, reestruturação e funcionamento dos conselhos de saúde)",
    "url": "",
}
BRAZIL_STUDY = {
    "title": "Social participation in the unified health system of Brazil: an exploratory study "
    "on the adequacy of health councils to resolution 453/2012 (BMC Health Services Research, "
    "2021; data from the health council monitoring system, 2017)",
    "url": "https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-021-07161-1",
}
SENEGAL_DECREE = {
    "title": "Décret n° 2018-35 du 5 janvier 2018 relatif aux comités de développement "
    "sanitaire, Sénégal",
    "url": "",
}
SENEGAL_REVIEW = {
    "title": "Gouvernance sanitaire : vers une évaluation des comités de développement "
    "sanitaire (CDS) – 3CapSanté",
    "url": "https://3capsante.org/gouvernance-sanitaire-vers-une-evaluation-des-comites-de-"
    "developpement-sanitaire-cds",
}
READY_PLUS = {
    "title": "READY+ (Resilient and Empowered Adolescents and Young People) programme, "
    "Frontline AIDS with the Regional Psychosocial Support Initiative (REPSSI)",
    "url": "",
}


# --- The real mechanisms ---------------------------------------------------------------
#
# ``ref`` links a case study to its mechanism; the loader finds an existing record by its
# name in the original language and its country.

REAL_MECHANISMS: list[dict[str, Any]] = [
    {
        "ref": "th-national-health-assembly",
        "original_language": "en",
        "name": {
            "en": "National Health Assembly",
            "fr": "Assemblée nationale de la santé",
            "es": "Asamblea Nacional de Salud",
            "pt": "Assembleia Nacional de Saúde",
            "ar": "الجمعية الوطنية للصحة",
            "ru": "Национальная ассамблея здравоохранения",
            "zh-hans": "国家卫生大会",
        },
        "description": {
            "en": "Statutory assembly convened by the National Health Commission at least once "
            "a year, where constituency groups from government, civil society and academia "
            "deliberate on health policy and adopt resolutions. The resolutions are "
            "recommendations to the Commission, which may take them to the Cabinet; they are "
            "not binding.",
            "fr": "Assemblée prévue par la loi, convoquée au moins une fois par an par la "
            "Commission nationale de la santé, où des groupes issus des pouvoirs publics, de la "
            "société civile et du monde universitaire délibèrent sur les politiques de santé et "
            "adoptent des résolutions. Ces résolutions sont des recommandations adressées à la "
            "Commission, qui peut les porter devant le Conseil des ministres ; elles ne sont pas "
            "contraignantes.",
            "es": "Asamblea prevista por la ley, convocada al menos una vez al año por la "
            "Comisión Nacional de Salud, en la que grupos del gobierno, la sociedad civil y la "
            "academia deliberan sobre políticas de salud y adoptan resoluciones. Las "
            "resoluciones son recomendaciones a la Comisión, que puede elevarlas al Consejo de "
            "Ministros; no son vinculantes.",
            "pt": "Assembleia prevista em lei, convocada pelo menos uma vez por ano pela Comissão "
            "Nacional de Saúde, na qual grupos do governo, da sociedade civil e da academia "
            "deliberam sobre políticas de saúde e aprovam resoluções. As resoluções são "
            "recomendações à Comissão, que pode levá-las ao Conselho de Ministros; não são "
            "vinculantes.",
            "ar": "جمعية منصوص عليها في القانون تدعو إليها اللجنة الوطنية للصحة مرة واحدة على "
            "الأقل كل عام، تتداول فيها مجموعات من الحكومة والمجتمع المدني والأوساط الأكاديمية "
            "بشأن السياسات الصحية وتعتمد قرارات. وهذه القرارات توصيات تُرفع إلى اللجنة التي "
            "يجوز لها أن تعرضها على مجلس الوزراء، وهي غير ملزمة.",
            "ru": "Предусмотренная законом ассамблея, которую Национальная комиссия по "
            "здравоохранению созывает не реже одного раза в год: представленные группы от "
            "государства, гражданского общества и научного сообщества обсуждают политику "
            "здравоохранения и принимают резолюции. Резолюции являются рекомендациями Комиссии, "
            "которая может вынести их на рассмотрение кабинета министров; обязательной силы они "
            "не имеют.",
            "zh-hans": "依法设立的大会，由国家卫生委员会每年至少召集一次，来自政府、民间社会和"
            "学术界的代表群体在会上审议卫生政策并通过决议。决议是提交给委员会的建议，委员会可将"
            "其提交内阁审议；决议不具约束力。",
        },
        "data": {
            "country_id": "TH",
            "level": "national",
            "kind": "assembly",
            "is_formal": True,
            "legal_basis": "law",
            "legal_citation": "National Health Act, B.E. 2550 (2007)",
            "year_established": 2007,
            "host_institution": "National Health Commission (NHC); secretariat: National "
            "Health Commission Office (NHCO)",
            "stage_priority_setting": True,
            "stage_implementation": True,
            "stage_monitoring": True,
            "stage_evaluation": True,
            "outcome": "advisory",
            "meeting_frequency": "yearly",
            "has_secretariat": True,
            "publishes_agendas": True,
            "publishes_decisions": True,
            "offers_capacity_building": True,
        },
        "sources": [
            {**THAI_ACT, "note": "Legal basis; the assembly is held at least once a year."},
            {
                **THAI_NHCO,
                "note": "Convened by the NHC, organised with the NHCO; resolutions go to the "
                "NHC; participation from agenda setting to monitoring and evaluation.",
            },
            {
                **TOOLKIT,
                "note": "Over 280 constituency groups; documents published online; mandatory "
                "public hearings; resolutions non-binding; builds civil society capacity.",
            },
        ],
    },
    {
        "ref": "br-national-health-council",
        "original_language": "pt",
        "name": {
            "en": "National Health Council (Conselho Nacional de Saúde)",
            "fr": "Conseil national de santé (Conselho Nacional de Saúde)",
            "es": "Consejo Nacional de Salud (Conselho Nacional de Saúde)",
            "pt": "Conselho Nacional de Saúde (CNS)",
            "ar": "المجلس الوطني للصحة (Conselho Nacional de Saúde)",
            "ru": "Национальный совет по здравоохранению (Conselho Nacional de Saúde)",
            "zh-hans": "国家卫生理事会（Conselho Nacional de Saúde）",
        },
        "description": {
            "pt": "Instância colegiada permanente e deliberativa do Sistema Único de Saúde (SUS), "
            "criada em 1937 e reformulada pela Lei nº 8.142/1990: metade dos seus membros "
            "representa os usuários e a outra metade, trabalhadores da saúde, gestores e "
            "prestadores de serviços. Participa da formulação das estratégias de saúde e "
            "fiscaliza a execução da política, incluindo seus aspectos econômicos e "
            "financeiros; suas decisões são homologadas pelo Ministro da Saúde.",
            "en": "Permanent, deliberative council of Brazil's Unified Health System (SUS), "
            "created in 1937 and given its participatory form by Law 8.142/1990: half of its "
            "members represent users, the other half health workers, managers and service "
            "providers. It helps shape health strategies and oversees how policy is carried "
            "out, including its economic and financial side; its decisions are ratified by the "
            "Minister of Health.",
            "fr": "Instance permanente et délibérative du Système unique de santé (SUS), créée "
            "en 1937 et refondue par la loi 8.142 de 1990 : la moitié de ses membres représente "
            "les usagers, l'autre moitié les professionnels de santé, les gestionnaires et les "
            "prestataires de services. Il contribue à définir les stratégies de santé et "
            "contrôle leur exécution, y compris sur le plan économique et financier ; ses "
            "décisions sont homologuées par le ministre de la Santé.",
            "es": "Órgano colegiado permanente y deliberativo del Sistema Único de Salud (SUS), "
            "creado en 1937 y reformulado por la Ley 8.142 de 1990: la mitad de sus miembros "
            "representa a las personas usuarias y la otra mitad al personal de salud, los "
            "gestores y los prestadores de servicios. Participa en la formulación de las "
            "estrategias de salud y fiscaliza su ejecución, incluidos los aspectos económicos y "
            "financieros; sus decisiones son homologadas por el Ministro de Salud.",
            "ar": "هيئة جماعية دائمة ذات صلاحيات تداولية ضمن النظام الصحي الموحد (SUS)، أُنشئت "
            "عام 1937 وأعاد القانون 8.142 لعام 1990 تشكيلها: يمثّل نصف أعضائها مستخدمي "
            "الخدمات، والنصف الآخر العاملين الصحيين والمديرين ومقدمي الخدمات. تشارك في رسم "
            "الاستراتيجيات الصحية وتراقب تنفيذها، بما في ذلك جوانبها الاقتصادية والمالية، "
            "ويصادق وزير الصحة على قراراتها.",
            "ru": "Постоянный коллегиальный орган Единой системы здравоохранения (SUS) с правом "
            "принятия решений, созданный в 1937 году и преобразованный законом № 8.142 от "
            "28 декабря 1990 года: "
            "половина членов представляет пользователей услуг, другая половина — медицинских "
            "работников, руководителей системы и поставщиков услуг. Участвует в выработке "
            "стратегий здравоохранения и контролирует их выполнение, включая экономические и "
            "финансовые аспекты; его решения утверждает министр здравоохранения.",
            "zh-hans": "巴西统一卫生系统（SUS）的常设审议机构，1937年设立，1990年第8.142号法律"
            "对其进行了改组：一半成员代表服务使用者，另一半代表卫生工作者、管理者和服务提供方。"
            "理事会参与制定卫生战略并监督其执行，包括经济和财务方面；其决定须经卫生部长批准。",
        },
        "data": {
            "country_id": "BR",
            "level": "national",
            "kind": "council",
            "is_formal": True,
            "legal_basis": "law",
            "legal_citation": "Constituição Federal de 1988, art. 198, III; Lei nº 8.142/1990; "
            "Resolução CNS nº 453/2012",
            "year_established": 1937,
            "host_institution": "Ministério da Saúde",
            "stage_priority_setting": True,
            "stage_planning": True,
            "stage_monitoring": True,
            "outcome": "binding",
            "selection": "election",
            "community_majority": False,
            "meeting_frequency": "monthly",
            "has_secretariat": True,
            "constituencies": ["health_workers"],
        },
        "sources": [
            {
                **BRAZIL_LAW,
                "note": "Permanent, deliberative councils; users' seats equal to all other "
                "segments together; decisions ratified by the head of government.",
            },
            {
                **BRAZIL_RESOLUTION,
                "note": "Standards for councils: composition, executive secretariat, monthly "
                "meetings, elected board.",
            },
            {
                **TOOLKIT,
                "note": "Health councils at all levels of government since the 1988 Constitution.",
            },
        ],
    },
    {
        "ref": "sn-health-development-committees",
        "original_language": "fr",
        "name": {
            "fr": "Comités de développement sanitaire (CDS)",
            "en": "Health Development Committees (Comités de développement sanitaire)",
            "es": "Comités de Desarrollo Sanitario (Comités de développement sanitaire)",
            "pt": "Comitês de Desenvolvimento Sanitário (Comités de développement sanitaire)",
            "ar": "لجان التنمية الصحية (Comités de développement sanitaire)",
            "ru": "Комитеты по развитию здравоохранения (Comités de développement sanitaire)",
            "zh-hans": "卫生发展委员会（Comités de développement sanitaire）",
        },
        "description": {
            "fr": "Comités créés auprès de chaque centre de santé et poste de santé par le décret "
            "n° 2018-35, en remplacement des anciens comités de santé et comités de gestion. "
            "Présidés par le maire, ils comprennent une assemblée générale qui se réunit tous "
            "les six mois, un conseil de direction et un secrétariat exécutif ; les mandats "
            "durent trois ans.",
            "en": "Committees set up at every health centre and health post by Decree 2018-35, "
            "replacing the former health committees and management committees. Chaired by the "
            "mayor, each has a general assembly that meets every six months, a board and an "
            "executive secretariat; mandates last three years.",
            "es": "Comités creados en cada centro y puesto de salud por el Decreto 2018-35, en "
            "sustitución de los antiguos comités de salud y comités de gestión. Presididos por "
            "el alcalde, cuentan con una asamblea general que se reúne cada seis meses, un "
            "consejo directivo y una secretaría ejecutiva; los mandatos duran tres años.",
            "pt": "Comitês criados em cada centro e posto de saúde pelo Decreto 2018-35, em "
            "substituição aos antigos comitês de saúde e comitês de gestão. Presididos pelo "
            "prefeito, têm uma assembleia geral que se reúne a cada seis meses, um conselho "
            "diretor e uma secretaria executiva; os mandatos duram três anos.",
            "ar": "لجان أُنشئت في كل مركز صحي ومستوصف بموجب المرسوم 2018-35، لتحل محل لجان "
            "الصحة ولجان التسيير السابقة. يرأسها رئيس البلدية، ولكلٍّ منها جمعية عامة تجتمع كل "
            "ستة أشهر ومجلس إدارة وأمانة تنفيذية، ومدة الولاية ثلاث سنوات.",
            "ru": "Комитеты, созданные при каждом центре здоровья и медицинском пункте указом "
            "№ 2018-35 вместо прежних комитетов здравоохранения и комитетов управления. Их "
            "возглавляют мэры; в каждом есть общее собрание, которое собирается раз в полгода, "
            "правление и исполнительный секретариат; срок полномочий — три года.",
            "zh-hans": "依据第2018-35号法令在每个卫生中心和卫生站设立的委员会，取代了原有的卫生"
            "委员会和管理委员会。委员会由市长担任主席，设有每六个月召开一次的全体大会、理事会和"
            "执行秘书处，任期三年。",
        },
        "data": {
            "country_id": "SN",
            "level": "facility",
            "kind": "committee",
            "is_formal": True,
            "legal_basis": "decree",
            "legal_citation": "Décret n° 2018-35 du 5 janvier 2018",
            "year_established": 2018,
            "host_institution": "Ministère de la Santé et de l'Action sociale ; présidés par le "
            "maire",
            "stage_planning": True,
            "stage_implementation": True,
            "stage_monitoring": True,
            "co_governs": True,
            "meeting_frequency": "twice_yearly",
            "has_secretariat": True,
            "constituencies": ["women", "youth"],
        },
        "sources": [
            {
                **SENEGAL_DECREE,
                "note": "Creates the committees: general assembly, board, executive "
                "secretariat; three-year mandates.",
            },
            {
                **SENEGAL_REVIEW,
                "note": "Chaired by mayors; general assembly every six months; only about 20% "
                "fully functional according to the Ministry.",
            },
            {
                **TOOLKIT,
                "note": "Community-based structures in each health facility that manage local "
                "services; women's groups, youth and civil society among members.",
            },
        ],
    },
    {
        "ref": "mg-participatory-health-planning",
        "original_language": "en",
        "name": {
            "en": "Participatory district and regional health planning committees",
            "fr": "Comités de planification sanitaire participative des districts et des régions",
            "es": "Comités de planificación sanitaria participativa de distritos y regiones",
            "pt": "Comitês de planejamento participativo em saúde dos distritos e regiões",
            "ar": "لجان التخطيط الصحي التشاركي في المقاطعات والأقاليم",
            "ru": "Комитеты совместного планирования здравоохранения в районах и регионах",
            "zh-hans": "地区和大区参与式卫生规划委员会",
        },
        "description": {
            "en": "Committees being set up under the Ministry of Public Health's reform of "
            "strategic health planning, to prepare, carry out and follow up district and "
            "regional health development plans with local civil society, communities, service "
            "users and authorities. The reform is still in development.",
            "fr": "Comités prévus par la réforme de la planification stratégique de la santé "
            "menée par le ministère de la Santé publique, chargés d'élaborer, de mettre en œuvre "
            "et de suivre les plans de développement sanitaire de district et de région avec la "
            "société civile locale, les communautés, les usagers et les autorités. La réforme "
            "est en cours d'élaboration.",
            "es": "Comités previstos en la reforma de la planificación estratégica de la salud "
            "del Ministerio de Salud Pública, encargados de elaborar, ejecutar y dar seguimiento "
            "a los planes de desarrollo sanitario distritales y regionales junto con la sociedad "
            "civil local, las comunidades, las personas usuarias y las autoridades. La reforma "
            "aún está en elaboración.",
            "pt": "Comitês previstos na reforma do planejamento estratégico em saúde conduzida "
            "pelo Ministério da Saúde Pública, encarregados de elaborar, executar e acompanhar "
            "os planos de desenvolvimento sanitário distritais e regionais com a sociedade "
            "civil local, as comunidades, os usuários e as autoridades. A reforma ainda está em "
            "elaboração.",
            "ar": "لجان ينص عليها إصلاح التخطيط الاستراتيجي الصحي الذي تقوده وزارة الصحة "
            "العامة، وتتولى إعداد خطط التنمية الصحية للمقاطعات والأقاليم وتنفيذها ومتابعتها "
            "بالتعاون مع المجتمع المدني المحلي والمجتمعات المحلية ومستخدمي الخدمات والسلطات. "
            "ولا يزال الإصلاح قيد الإعداد.",
            "ru": "Комитеты, предусмотренные реформой стратегического планирования "
            "здравоохранения, которую проводит Министерство общественного здравоохранения: они "
            "должны разрабатывать, выполнять и отслеживать районные и региональные планы "
            "развития здравоохранения вместе с местным гражданским обществом, сообществами, "
            "пользователями услуг и органами власти. Реформа ещё разрабатывается.",
            "zh-hans": "公共卫生部卫生战略规划改革中拟设立的委员会，负责与地方民间社会、社区、"
            "服务使用者和政府部门一道，编制、实施并跟踪地区和大区卫生发展计划。改革仍在制定中。",
        },
        "data": {
            "country_id": "MG",
            "subnational_area": "All regions and districts",
            "level": "district",
            "kind": "platform",
            "is_formal": True,
            "legal_basis": "policy",
            "legal_citation": "Reform of strategic health planning, Ministry of Public Health "
            "(in development)",
            "host_institution": "Ministère de la Santé Publique",
            "stage_priority_setting": True,
            "stage_planning": True,
            "stage_implementation": True,
            "stage_monitoring": True,
        },
        "sources": [
            {
                **TOOLKIT,
                "note": "Bottom-up, participatory, results-based planning in all regions and "
                "districts; committee membership; technical support from Action Against "
                "Hunger, ASOS and UNICEF.",
            },
        ],
    },
    {
        "ref": "mz-ready-plus-cats",
        "original_language": "en",
        "name": {
            "en": "READY+ Community Adolescent Treatment Supporters (CATS)",
            "fr": "Pairs aidants adolescents pour le traitement (CATS) du programme READY+",
            "es": "Acompañantes comunitarios adolescentes del tratamiento (CATS) de READY+",
            "pt": "Apoiadores Comunitários de Tratamento para Adolescentes (CATS) do READY+",
            "ar": "داعمو علاج المراهقين في المجتمع (CATS) – برنامج READY+",
            "ru": "Общественные равные консультанты по лечению для подростков (CATS), программа "
            "READY+",
            "zh-hans": "READY+社区青少年治疗支持者（CATS）",
        },
        "description": {
            "en": "Young peer supporters trained under the READY+ programme (REPSSI with "
            "Frontline AIDS) to support treatment adherence and refer adolescents to sexual and "
            "reproductive health services; after further training they also provide HIV testing "
            "and counselling in facilities left short of staff. A community initiative without "
            "a legal mandate.",
            "fr": "Jeunes pairs aidants formés dans le cadre du programme READY+ (REPSSI avec "
            "Frontline AIDS) pour soutenir l'observance du traitement et orienter les "
            "adolescents vers les services de santé sexuelle et reproductive ; après une "
            "formation complémentaire, ils assurent aussi le dépistage et le conseil VIH dans "
            "des structures en manque de personnel. Initiative communautaire sans mandat légal.",
            "es": "Jóvenes acompañantes pares formados en el marco del programa READY+ (REPSSI "
            "con Frontline AIDS) para apoyar la adherencia al tratamiento y derivar a "
            "adolescentes a servicios de salud sexual y reproductiva; tras una formación "
            "adicional, también ofrecen pruebas y consejería de VIH en establecimientos con "
            "falta de personal. Iniciativa comunitaria sin mandato legal.",
            "pt": "Jovens apoiadores de pares formados no âmbito do programa READY+ (REPSSI com a "
            "Frontline AIDS) para apoiar a adesão ao tratamento e encaminhar adolescentes para "
            "serviços de saúde sexual e reprodutiva; após formação adicional, também fazem "
            "testagem e aconselhamento em HIV em unidades sanitárias com falta de pessoal. "
            "Iniciativa comunitária sem mandato legal.",
            "ar": "شباب من الداعمين الأقران درّبهم برنامج READY+ (مبادرة REPSSI بالشراكة مع "
            "Frontline AIDS) على دعم الالتزام بالعلاج وإحالة المراهقين إلى خدمات الصحة "
            "الجنسية والإنجابية، وباتوا بعد تدريب إضافي يقدّمون أيضاً خدمات فحص فيروس نقص "
            "المناعة البشرية والإرشاد في المرافق التي تعاني نقصاً في الموظفين. مبادرة مجتمعية "
            "بلا ولاية قانونية.",
            "ru": "Молодые равные консультанты, подготовленные в рамках программы READY+ (REPSSI "
            "совместно с Frontline AIDS): они поддерживают приверженность лечению и направляют "
            "подростков в службы охраны сексуального и репродуктивного здоровья, а после "
            "дополнительного обучения также проводят тестирование и консультирование по ВИЧ в "
            "учреждениях, где не хватает персонала. Общественная инициатива без правового "
            "мандата.",
            "zh-hans": "在READY+项目（REPSSI与Frontline AIDS合作）下接受培训的青年同伴支持者，"
            "帮助青少年坚持治疗，并将其转介至性与生殖健康服务；经补充培训后，他们还在人手短缺的"
            "卫生机构提供艾滋病检测和咨询。这是一项没有法定授权的社区倡议。",
        },
        "data": {
            "country_id": "MZ",
            "subnational_area": "Several provinces",
            "level": "community",
            "kind": "other",
            "is_formal": False,
            "legal_basis": "none",
            "host_institution": "REPSSI with Frontline AIDS (READY+ programme)",
            "stage_implementation": True,
            "offers_capacity_building": True,
            "constituencies": ["youth", "hiv"],
        },
        "sources": [
            {
                **TOOLKIT,
                "note": "Peer supporters trained for adherence support and SRH referrals, then "
                "for HIV testing and counselling; short-term answer to staff shortages.",
            },
            {**READY_PLUS, "note": "Programme for adolescents and young people living with HIV."},
        ],
    },
]


# --- The case studies ------------------------------------------------------------------

CASE_STUDIES: list[dict[str, Any]] = [
    {
        "slug": "thailand-national-health-assembly",
        "country": "TH",
        "mechanism": "th-national-health-assembly",
        "original_language": "en",
        "sources": [TOOLKIT, THAI_ACT, THAI_NHCO, WHO_HANDBOOK],
        "text": {
            "en": {
                "title": "Thailand's National Health Assembly: participation written into law",
                "summary": "Thailand's National Health Act of 2007 set up a National Health "
                "Assembly, held at least once a year, where more than 280 constituency groups "
                'deliberate on health policy. It rests on the idea of the "triangle that '
                'moves the mountain": government, civil society and academia tackling a '
                "problem together. Its resolutions are recommendations, so their effect "
                "depends on what decision-makers do with them.",
                "what_worked": [
                    "A statute gives the assembly its mandate, which makes participation "
                    "legitimate and lets it outlast changes of government.",
                    "More than 280 constituency groups take part, and their number keeps growing.",
                    "Government officials, civil society and academics work through proposals "
                    "together over several rounds.",
                    "Background documents and draft resolutions are put online for anyone to "
                    "read and circulated widely, and proposals must go through public hearings.",
                    "The assembly has become a valued national public good that builds civil "
                    "society's capacity to engage in policy-making.",
                ],
                "challenges": [
                    "Resolutions are not binding: turning them into policy takes political will.",
                    "Carrying a resolution through to implementation needs government, civil "
                    "society and academia to keep sharing ownership of it after the assembly "
                    "closes.",
                ],
            },
            "fr": {
                "title": "L'Assemblée nationale de la santé en Thaïlande : la participation "
                "inscrite dans la loi",
                "summary": "Créée par la loi nationale sur la santé de 2007, l'Assemblée "
                "nationale de la santé de Thaïlande se réunit au moins une fois par an et "
                "associe plus de 280 groupes représentés à la délibération sur les politiques "
                "de santé. Elle repose sur l'idée du « triangle qui déplace la montagne » : "
                "pouvoirs publics, société civile et milieux universitaires s'attaquent "
                "ensemble à un problème. Ses résolutions ayant valeur de recommandation, leur "
                "portée dépend de la suite que leur donnent les décideurs.",
                "what_worked": [
                    "Un texte de loi fonde le mandat de l'Assemblée, ce qui rend la "
                    "participation légitime et lui permet de survivre aux changements de "
                    "gouvernement.",
                    "Plus de 280 groupes représentés y participent, et leur nombre ne cesse "
                    "d'augmenter.",
                    "Responsables publics, société civile et universitaires examinent ensemble "
                    "les propositions, en plusieurs allers-retours.",
                    "Les documents de référence et les projets de résolution sont publiés en "
                    "ligne et largement diffusés ; des auditions publiques sur les propositions "
                    "sont obligatoires.",
                    "L'Assemblée est devenue un bien public national reconnu, qui renforce la "
                    "capacité de la société civile à peser sur l'élaboration des politiques.",
                ],
                "challenges": [
                    "Les résolutions ne sont pas contraignantes : leur traduction en politiques "
                    "dépend de la volonté politique.",
                    "Pour qu'une résolution soit mise en œuvre, pouvoirs publics, société "
                    "civile et universitaires doivent continuer à se l'approprier ensemble une "
                    "fois l'Assemblée terminée.",
                ],
            },
            "es": {
                "title": "La Asamblea Nacional de Salud de Tailandia: la participación "
                "consagrada en la ley",
                "summary": "La Ley Nacional de Salud de 2007 creó en Tailandia una Asamblea "
                "Nacional de Salud que se reúne al menos una vez al año y en la que más de 280 "
                "grupos representados deliberan sobre políticas de salud. Se basa en la idea "
                "del «triángulo que mueve la montaña»: gobierno, sociedad civil y academia "
                "abordan juntos un problema. Sus resoluciones son recomendaciones, por lo que "
                "su efecto depende de lo que hagan con ellas quienes toman las decisiones.",
                "what_worked": [
                    "Una ley otorga a la Asamblea su mandato, lo que da legitimidad a la "
                    "participación y le permite perdurar más allá de los cambios de gobierno.",
                    "Participan más de 280 grupos representados, y su número sigue creciendo.",
                    "Funcionarios públicos, sociedad civil y academia trabajan juntos las "
                    "propuestas en varias rondas.",
                    "Los documentos de referencia y los proyectos de resolución se publican en "
                    "línea y se difunden ampliamente, y las audiencias públicas sobre las "
                    "propuestas son obligatorias.",
                    "La Asamblea se ha convertido en un bien público nacional reconocido que "
                    "fortalece la capacidad de la sociedad civil para incidir en las políticas.",
                ],
                "challenges": [
                    "Las resoluciones no son vinculantes: convertirlas en políticas requiere "
                    "voluntad política.",
                    "Para que una resolución se aplique, gobierno, sociedad civil y academia "
                    "deben seguir asumiéndola como propia una vez terminada la Asamblea.",
                ],
            },
            "pt": {
                "title": "A Assembleia Nacional de Saúde da Tailândia: a participação inscrita "
                "na lei",
                "summary": "A Lei Nacional de Saúde de 2007 criou na Tailândia uma Assembleia "
                "Nacional de Saúde, realizada pelo menos uma vez por ano, na qual mais de 280 "
                "grupos representados deliberam sobre políticas de saúde. A Assembleia parte "
                'da ideia do "triângulo que move a montanha": governo, sociedade civil e '
                "academia enfrentando juntos um problema. Suas resoluções são recomendações, e "
                "por isso seu efeito depende do que os tomadores de decisão fazem com elas.",
                "what_worked": [
                    "Uma lei confere mandato à Assembleia, o que legitima a participação e "
                    "permite que ela sobreviva às mudanças de governo.",
                    "Participam mais de 280 grupos representados, e esse número continua "
                    "crescendo.",
                    "Gestores públicos, sociedade civil e academia discutem juntos as "
                    "propostas, em várias rodadas.",
                    "Os documentos de referência e as minutas de resolução são publicados na "
                    "internet e amplamente divulgados, e as audiências públicas sobre as "
                    "propostas são obrigatórias.",
                    "A Assembleia tornou-se um bem público nacional reconhecido, que fortalece "
                    "a capacidade da sociedade civil de participar da formulação de políticas.",
                ],
                "challenges": [
                    "As resoluções não são vinculantes: transformá-las em políticas depende de "
                    "vontade política.",
                    "Para que uma resolução seja implementada, governo, sociedade civil e "
                    "academia precisam continuar assumindo-a em conjunto depois que a "
                    "Assembleia termina.",
                ],
            },
            "ar": {
                "title": "الجمعية الوطنية للصحة في تايلند: مشاركة يكرّسها القانون",
                "summary": "أنشأ قانون الصحة الوطني التايلندي لعام 2007 جمعيةً وطنية للصحة "
                "تنعقد مرة واحدة على الأقل كل عام، ويتداول فيها أكثر من 280 مجموعة ممثَّلة بشأن "
                "السياسات الصحية. وتقوم الجمعية على فكرة «المثلث الذي يحرّك الجبل»: الحكومة "
                "والمجتمع المدني والأوساط الأكاديمية يعالجون المشكلة معاً. وقراراتها ذات طابع "
                "استشاري، ولذلك يتوقف أثرها على ما يفعله بها صانعو القرار.",
                "what_worked": [
                    "يمنح القانونُ الجمعيةَ ولايتها، مما يضفي الشرعية على المشاركة ويضمن "
                    "استمرارها رغم تغيّر الحكومات.",
                    "تشارك فيها أكثر من 280 مجموعة ممثَّلة، ولا يزال عددها في ازدياد.",
                    "يتدارس المسؤولون الحكوميون والمجتمع المدني والأكاديميون المقترحات معاً "
                    "على عدة جولات.",
                    "تُنشر الوثائق الخلفية ومشاريع القرارات على الإنترنت وتُوزَّع على نطاق "
                    "واسع، وجلسات الاستماع العامة بشأن المقترحات إلزامية.",
                    "أصبحت الجمعية منفعة عامة وطنية معترفاً بها، تعزّز قدرة المجتمع المدني على "
                    "الإسهام في صنع السياسات.",
                ],
                "challenges": [
                    "القرارات غير ملزمة، وتحويلها إلى سياسات يتطلب إرادة سياسية.",
                    "يتطلب تنفيذ أي قرار أن تواصل الحكومة والمجتمع المدني والأوساط الأكاديمية "
                    "تبنّيه معاً بعد انتهاء أعمال الجمعية.",
                ],
            },
            "ru": {
                "title": "Национальная ассамблея здравоохранения Таиланда: участие, "
                "закреплённое в законе",
                "summary": "Национальный закон о здравоохранении Таиланда 2007 года учредил "
                "Национальную ассамблею здравоохранения, которая собирается не реже одного "
                "раза в год; в обсуждении политики здравоохранения участвуют более 280 "
                "представленных групп. В её основе лежит идея «треугольника, который сдвигает "
                "гору»: государство, гражданское общество и научное сообщество вместе берутся "
                "за решение проблемы. Резолюции ассамблеи носят рекомендательный характер, "
                "поэтому их влияние зависит от того, как ими распорядятся лица, принимающие "
                "решения.",
                "what_worked": [
                    "Мандат ассамблеи закреплён законом: это придаёт участию легитимность и "
                    "позволяет ему пережить смену правительств.",
                    "В работе участвуют более 280 представленных групп, и их число продолжает "
                    "расти.",
                    "Государственные служащие, гражданское общество и учёные совместно "
                    "прорабатывают предложения в несколько этапов.",
                    "Аналитические материалы и проекты резолюций публикуются в интернете и "
                    "широко распространяются, а публичные слушания по предложениям "
                    "обязательны.",
                    "Ассамблея стала признанным общенациональным общественным благом, которое "
                    "укрепляет способность гражданского общества участвовать в выработке "
                    "политики.",
                ],
                "challenges": [
                    "Резолюции не имеют обязательной силы: их превращение в политику требует "
                    "политической воли.",
                    "Чтобы резолюция была выполнена, государство, гражданское общество и "
                    "научное сообщество должны и после завершения ассамблеи продолжать "
                    "совместно нести за неё ответственность.",
                ],
            },
            "zh-hans": {
                "title": "泰国国家卫生大会：以法律保障的参与",
                "summary": "泰国2007年《国家卫生法》设立了国家卫生大会，每年至少召开一次，280多个"
                "代表群体在会上共同审议卫生政策。大会秉持“移山三角”理念：政府、民间社会和学术界"
                "携手解决问题。大会决议属于建议性质，其效果取决于决策者如何采纳。",
                "what_worked": [
                    "大会的职权由法律确立，使参与具有合法性，也不因政府更迭而中断。",
                    "参与的代表群体超过280个，且数量仍在增加。",
                    "政府官员、民间社会和学者对提案进行多轮共同讨论。",
                    "背景文件和决议草案在网上公开并广泛传播，针对提案的公众听证会是必经程序。",
                    "大会已成为公认的国家公共产品，增强了民间社会参与政策制定的能力。",
                ],
                "challenges": [
                    "决议不具约束力，能否转化为政策取决于政治意愿。",
                    "决议要得到落实，政府、民间社会和学术界在大会闭幕后仍需共同推动、共担责任。",
                ],
            },
        },
    },
    {
        "slug": "brazil-health-councils",
        "country": "BR",
        "mechanism": "br-national-health-council",
        "original_language": "en",
        "sources": [TOOLKIT, BRAZIL_STUDY, BRAZIL_LAW, BRAZIL_RESOLUTION, WHO_HANDBOOK],
        "text": {
            "en": {
                "title": "Brazil's health councils: a nationwide system with uneven means",
                "summary": "Since the 1988 Constitution, Brazil has built health councils at "
                "every level of government so that citizens can help shape and oversee health "
                "policy; Law 8.142 of 1990 made them permanent, deliberative bodies in which "
                "service users hold half of the seats. A study of 4,742 councils, based on "
                "2017 data from the national registry of health councils, found that almost "
                "all had been created by law but many lacked the means to work: only about a "
                "third had a dedicated budget, about half an executive secretariat and 30.1% "
                "an office of their own.",
                "what_worked": [
                    "Participation is written into law at federal, state and municipal level: "
                    "95.8% of the councils studied had been created by a legal instrument.",
                    "Users of the health system hold half of the seats, alongside health "
                    "workers, managers and service providers.",
                    "National Health Council Resolution 453/2012 sets common standards for how "
                    "councils are created, structured and run.",
                    "A national registry of councils makes it possible to measure how far those "
                    "standards are met and where support is missing.",
                ],
                "challenges": [
                    "Only about one council in three had a dedicated budget.",
                    "Only about half had an executive secretariat, and 30.1% had their own office.",
                    "A legal framework is not enough on its own: councils need steady "
                    "administrative support, financial autonomy and premises to live up to "
                    "their democratic promise.",
                ],
            },
            "fr": {
                "title": "Les conseils de santé du Brésil : un système national aux moyens inégaux",
                "summary": "Depuis la Constitution de 1988, le Brésil a mis en place des "
                "conseils de santé à tous les niveaux de gouvernement pour que les citoyens "
                "contribuent à définir et à contrôler la politique de santé ; la loi 8.142 de "
                "1990 en a fait des instances permanentes et délibératives où les usagers "
                "occupent la moitié des sièges. Une étude portant sur 4 742 conseils, à partir "
                "des données 2017 du registre national des conseils de santé, montre que "
                "presque tous avaient été créés par un texte légal, mais que beaucoup "
                "manquaient des moyens de fonctionner : environ un tiers seulement disposaient "
                "d'un budget propre, environ la moitié d'un secrétariat exécutif et 30,1 % de "
                "leurs propres locaux.",
                "what_worked": [
                    "La participation est inscrite dans la loi aux niveaux fédéral, des États "
                    "et des municipalités : 95,8 % des conseils étudiés avaient été créés par "
                    "un instrument juridique.",
                    "Les usagers du système de santé détiennent la moitié des sièges, aux côtés "
                    "des professionnels de santé, des gestionnaires et des prestataires de "
                    "services.",
                    "La résolution 453/2012 du Conseil national de santé fixe des normes "
                    "communes pour la création, l'organisation et le fonctionnement des "
                    "conseils.",
                    "Un registre national des conseils permet de mesurer dans quelle mesure ces "
                    "normes sont respectées et où un appui fait défaut.",
                ],
                "challenges": [
                    "Environ un conseil sur trois seulement disposait d'un budget propre.",
                    "Seule la moitié environ avait un secrétariat exécutif, et 30,1 % "
                    "disposaient de leurs propres locaux.",
                    "Un cadre juridique ne suffit pas : pour tenir leur promesse démocratique, "
                    "les conseils ont besoin d'un appui administratif durable, d'une autonomie "
                    "financière et de locaux.",
                ],
            },
            "es": {
                "title": "Los consejos de salud de Brasil: un sistema nacional con recursos "
                "desiguales",
                "summary": "Desde la Constitución de 1988, Brasil ha creado consejos de salud "
                "en todos los niveles de gobierno para que la ciudadanía contribuya a definir "
                "y fiscalizar la política de salud; la Ley 8.142 de 1990 los convirtió en "
                "órganos permanentes y deliberativos en los que las personas usuarias ocupan "
                "la mitad de los escaños. Un estudio de 4.742 consejos, basado en datos de "
                "2017 del registro nacional de consejos de salud, halló que casi todos habían "
                "sido creados por ley, pero que muchos carecían de medios para funcionar: solo "
                "alrededor de un tercio tenía presupuesto propio, cerca de la mitad una "
                "secretaría ejecutiva y el 30,1 % una oficina propia.",
                "what_worked": [
                    "La participación está consagrada en la ley en los niveles federal, "
                    "estatal y municipal: el 95,8 % de los consejos estudiados había sido "
                    "creado mediante un instrumento legal.",
                    "Las personas usuarias del sistema de salud ocupan la mitad de los escaños, "
                    "junto al personal de salud, los gestores y los prestadores de servicios.",
                    "La Resolución 453/2012 del Consejo Nacional de Salud fija normas comunes "
                    "para la creación, la estructura y el funcionamiento de los consejos.",
                    "Un registro nacional de consejos permite medir en qué medida se cumplen "
                    "esas normas y dónde falta apoyo.",
                ],
                "challenges": [
                    "Solo alrededor de uno de cada tres consejos contaba con presupuesto propio.",
                    "Apenas la mitad tenía una secretaría ejecutiva, y el 30,1 % disponía de "
                    "oficina propia.",
                    "Un marco legal no basta: para cumplir su promesa democrática, los "
                    "consejos necesitan apoyo administrativo sostenido, autonomía financiera e "
                    "instalaciones.",
                ],
            },
            "pt": {
                "title": "Os conselhos de saúde do Brasil: um sistema nacional com meios desiguais",
                "summary": "Desde a Constituição de 1988, o Brasil criou conselhos de saúde em "
                "todas as esferas de governo para que a população participe da formulação e "
                "do controle da política de saúde; a Lei 8.142/1990 tornou-os instâncias "
                "permanentes e deliberativas, nas quais os usuários ocupam metade das vagas. "
                "Um estudo com 4.742 conselhos, baseado em dados de 2017 do sistema nacional "
                "de acompanhamento dos conselhos de saúde, constatou que quase todos haviam "
                "sido criados por lei, mas muitos não tinham meios para funcionar: apenas "
                "cerca de um terço contava com orçamento próprio, cerca da metade com "
                "secretaria executiva e 30,1% com sede própria.",
                "what_worked": [
                    "A participação está prevista em lei nas esferas federal, estadual e "
                    "municipal: 95,8% dos conselhos estudados haviam sido criados por "
                    "instrumento legal.",
                    "Os usuários do SUS ocupam metade das vagas, ao lado de trabalhadores da "
                    "saúde, gestores e prestadores de serviços.",
                    "A Resolução nº 453/2012 do Conselho Nacional de Saúde estabelece "
                    "diretrizes comuns para a criação, a estruturação e o funcionamento dos "
                    "conselhos.",
                    "Um cadastro nacional dos conselhos permite medir o quanto essas diretrizes "
                    "são cumpridas e onde falta apoio.",
                ],
                "challenges": [
                    "Apenas cerca de um em cada três conselhos tinha dotação orçamentária própria.",
                    "Só cerca da metade contava com secretaria executiva, e 30,1% tinham sede "
                    "própria.",
                    "Um marco legal não basta: para cumprir sua promessa democrática, os "
                    "conselhos precisam de apoio administrativo contínuo, autonomia financeira "
                    "e estrutura física adequada.",
                ],
            },
            "ar": {
                "title": "المجالس الصحية في البرازيل: منظومة وطنية بإمكانات متفاوتة",
                "summary": "منذ دستور عام 1988، أنشأت البرازيل مجالس صحية على جميع مستويات "
                "الحكم كي يسهم المواطنون في رسم السياسة الصحية ومراقبتها، وجعل القانون 8.142 "
                "لعام 1990 منها هيئات دائمة ذات صلاحيات تداولية يشغل فيها مستخدمو الخدمات "
                "الصحية نصف المقاعد. وخلصت دراسة شملت 4742 مجلساً، استناداً إلى بيانات عام "
                "2017 من السجل الوطني للمجالس الصحية، إلى أن جميعها تقريباً أُنشئ بموجب "
                "القانون، لكن كثيراً منها افتقر إلى وسائل العمل: فنحو الثلث فقط كانت له "
                "ميزانية مخصصة، ونحو النصف أمانة تنفيذية، و30.1 في المائة مقر خاص به.",
                "what_worked": [
                    "المشاركة منصوص عليها في القانون على المستويات الاتحادي والولائي والبلدي: "
                    "فقد أُنشئ 95.8 في المائة من المجالس المدروسة بصك قانوني.",
                    "يشغل مستخدمو النظام الصحي نصف المقاعد، إلى جانب العاملين الصحيين "
                    "والمديرين ومقدمي الخدمات.",
                    "يحدد القرار 453/2012 الصادر عن المجلس الوطني للصحة معايير موحّدة لإنشاء "
                    "المجالس وتنظيمها وتسيير عملها.",
                    "يتيح سجل وطني للمجالس قياس مدى الالتزام بهذه المعايير وتحديد مواطن نقص الدعم.",
                ],
                "challenges": [
                    "لم تتوفر ميزانية مخصصة إلا لنحو مجلس واحد من كل ثلاثة مجالس.",
                    "ولم تتوفر أمانة تنفيذية إلا لنحو نصف المجالس، فيما امتلك 30.1 في المائة "
                    "منها مقراً خاصاً.",
                    "الإطار القانوني وحده لا يكفي: تحتاج المجالس إلى دعم إداري مستدام "
                    "واستقلالية مالية ومقار مناسبة كي تفي بوعدها الديمقراطي.",
                ],
            },
            "ru": {
                "title": "Советы по здравоохранению в Бразилии: общенациональная система с "
                "неравными ресурсами",
                "summary": "После принятия Конституции 1988 года Бразилия создала советы по "
                "здравоохранению на всех уровнях власти, чтобы граждане участвовали в "
                "выработке политики здравоохранения и контроле за её исполнением; принятый в "
                "1990 году закон № 8.142 сделал их постоянными органами с правом принятия "
                "решений, в которых "
                "половина мест принадлежит пользователям услуг. Исследование 4742 советов по "
                "данным национального реестра советов по здравоохранению за 2017 год показало, "
                "что почти все они созданы на основании закона, но многим не хватает средств "
                "для работы: лишь около трети имели собственный бюджет, примерно половина — "
                "исполнительный секретариат и 30,1 % — собственное помещение.",
                "what_worked": [
                    "Участие закреплено законом на федеральном уровне, уровне штатов и "
                    "муниципалитетов: 95,8 % изученных советов были созданы правовым актом.",
                    "Пользователи системы здравоохранения занимают половину мест наряду с "
                    "медицинскими работниками, руководителями системы и поставщиками услуг.",
                    "Резолюция Национального совета по здравоохранению № 453/2012 "
                    "устанавливает единые нормы создания, структуры и работы советов.",
                    "Национальный реестр советов позволяет оценить, насколько соблюдаются эти "
                    "нормы и где не хватает поддержки.",
                ],
                "challenges": [
                    "Собственный бюджет был лишь примерно у каждого третьего совета.",
                    "Исполнительный секретариат был лишь примерно у половины советов, а "
                    "собственное помещение — у 30,1 %.",
                    "Одной правовой базы недостаточно: чтобы реализовать свой демократический "
                    "потенциал, советам нужны устойчивая административная поддержка, финансовая "
                    "самостоятельность и помещения.",
                ],
            },
            "zh-hans": {
                "title": "巴西卫生理事会：覆盖全国但资源不均的体系",
                "summary": "自1988年宪法颁布以来，巴西在各级政府设立了卫生理事会，让公民参与卫生"
                "政策的制定和监督；1990年第8.142号法律使其成为常设的审议决策机构，卫生服务使用者"
                "占一半席位。一项利用2017年全国卫生理事会登记系统数据、涵盖4742个理事会的研究发"
                "现，几乎所有理事会都依法设立，但许多缺乏运转条件：只有约三分之一有专项预算，约一"
                "半设有执行秘书处，30.1%拥有独立办公场所。",
                "what_worked": [
                    "参与在联邦、州和市三级都有法律依据：所研究的理事会中95.8%依据法律文书设立。",
                    "卫生系统使用者占一半席位，其余席位由卫生工作者、管理者和服务提供方分享。",
                    "国家卫生理事会第453/2012号决议为理事会的设立、组织和运作规定了统一标准。",
                    "全国理事会登记系统使人们能够衡量这些标准的落实程度，找出支持不足之处。",
                ],
                "challenges": [
                    "只有约三分之一的理事会拥有专项预算。",
                    "只有约一半设有执行秘书处，30.1%拥有独立办公场所。",
                    "仅有法律框架还不够：理事会需要持续的行政支持、财务自主和办公条件，才能真正"
                    "发挥民主作用。",
                ],
            },
        },
    },
    {
        "slug": "senegal-health-development-committees",
        "country": "SN",
        "mechanism": "sn-health-development-committees",
        "original_language": "en",
        "sources": [TOOLKIT, SENEGAL_DECREE, SENEGAL_REVIEW, WHO_HANDBOOK],
        "text": {
            "en": {
                "title": "Senegal's health development committees: communities in the running "
                "of every health facility",
                "summary": "In Senegal, each health centre and health post has a health "
                "development committee (Comité de Développement Sanitaire, CDS) through which "
                "the community takes part in running local services and in planning. Created "
                "by a 2018 decree, placed under the Ministry of Health and Social Action and "
                "chaired by the mayor, the committees include women's groups, young people and "
                "civil society. Their legal mandate is clear, but few work fully: the Ministry "
                "reported that only about one in five was fully functional, and training and "
                "accountability get little attention.",
                "what_worked": [
                    "A legal basis: Decree 2018-35 of 5 January 2018 creates the committees, "
                    "each with a general assembly, a board and an executive secretariat.",
                    "Committees sit in every health centre and health post, close to where "
                    "people are cared for.",
                    "Women's groups, youth and civil society organisations are members.",
                    "Regular meetings give health staff and communities a standing place to "
                    "discuss everyday questions such as health insurance and essential "
                    "medicines, identify needs and review how services perform.",
                ],
                "challenges": [
                    "Little is said about training committee members.",
                    "Arrangements for accountability and transparency are weak.",
                    "Functioning is uneven: general assemblies, due every six months, are not "
                    "always held, many three-year mandates have not been renewed, and only "
                    "about 20% of committees were found fully functional.",
                ],
            },
            "fr": {
                "title": "Les comités de développement sanitaire du Sénégal : la communauté "
                "associée à la gestion de chaque structure de santé",
                "summary": "Au Sénégal, chaque centre de santé et chaque poste de santé dispose "
                "d'un comité de développement sanitaire (CDS), par lequel la population "
                "participe à la gestion des services de proximité et à la planification. "
                "Créés par un décret de 2018, placés sous la tutelle du ministère de la Santé "
                "et de l'Action sociale et présidés par le maire, ces comités réunissent "
                "notamment des groupements de femmes, des jeunes et des organisations de la "
                "société civile. Leur mandat légal est clair, mais peu fonctionnent "
                "pleinement : selon le ministère, un sur cinq environ seulement est pleinement "
                "fonctionnel, et la formation comme la redevabilité restent peu prises en "
                "compte.",
                "what_worked": [
                    "Une base juridique : le décret n° 2018-35 du 5 janvier 2018 crée les "
                    "comités et les dote d'une assemblée générale, d'un conseil de direction et "
                    "d'un secrétariat exécutif.",
                    "Un comité dans chaque centre et poste de santé, au plus près des lieux de "
                    "soins.",
                    "Des membres issus des groupements de femmes, des associations de jeunes et "
                    "de la société civile.",
                    "Des réunions régulières qui offrent au personnel de santé et à la "
                    "population un espace permanent pour discuter de questions concrètes, comme "
                    "l'assurance maladie et les médicaments essentiels, recenser les besoins et "
                    "examiner les performances des services.",
                ],
                "challenges": [
                    "Le renforcement des capacités des membres est peu évoqué.",
                    "Les dispositifs de redevabilité et de transparence sont faibles.",
                    "Un fonctionnement inégal : les assemblées générales semestrielles ne se "
                    "tiennent pas toujours, de nombreux mandats de trois ans n'ont pas été "
                    "renouvelés et seuls 20 % environ des comités ont été jugés pleinement "
                    "fonctionnels.",
                ],
            },
            "es": {
                "title": "Los comités de desarrollo sanitario de Senegal: la comunidad en la "
                "gestión de cada establecimiento de salud",
                "summary": "En Senegal, cada centro de salud y cada puesto de salud cuenta con "
                "un comité de desarrollo sanitario (Comité de Développement Sanitaire, CDS) a "
                "través del cual la comunidad participa en la gestión de los servicios locales "
                "y en la planificación. Creados por un decreto de 2018, bajo la tutela del "
                "Ministerio de Salud y Acción Social y presididos por el alcalde, los comités "
                "integran a grupos de mujeres, jóvenes y organizaciones de la sociedad civil. "
                "Su mandato legal es claro, pero pocos funcionan plenamente: según el "
                "Ministerio, solo uno de cada cinco aproximadamente es plenamente funcional, y "
                "la formación y la rendición de cuentas reciben poca atención.",
                "what_worked": [
                    "Una base jurídica: el Decreto 2018-35, de 5 de enero de 2018, crea los "
                    "comités, cada uno con una asamblea general, un consejo directivo y una "
                    "secretaría ejecutiva.",
                    "Hay un comité en cada centro y puesto de salud, cerca de donde se atiende "
                    "a la población.",
                    "Forman parte de ellos grupos de mujeres, jóvenes y organizaciones de la "
                    "sociedad civil.",
                    "Las reuniones periódicas ofrecen al personal de salud y a la comunidad un "
                    "espacio estable para tratar cuestiones cotidianas como el seguro de salud "
                    "y los medicamentos esenciales, detectar necesidades y revisar el desempeño "
                    "de los servicios.",
                ],
                "challenges": [
                    "Apenas se menciona la formación de los miembros.",
                    "Los mecanismos de rendición de cuentas y transparencia son débiles.",
                    "El funcionamiento es desigual: las asambleas generales semestrales no "
                    "siempre se celebran, muchos mandatos de tres años no se han renovado y "
                    "solo alrededor del 20 % de los comités resultó plenamente funcional.",
                ],
            },
            "pt": {
                "title": "Os comitês de desenvolvimento sanitário do Senegal: a comunidade na "
                "gestão de cada unidade de saúde",
                "summary": "No Senegal, cada centro de saúde e cada posto de saúde tem um comitê "
                "de desenvolvimento sanitário (Comité de Développement Sanitaire, CDS), por "
                "meio do qual a comunidade participa da gestão dos serviços locais e do "
                "planejamento. Criados por um decreto de 2018, vinculados ao Ministério da "
                "Saúde e da Ação Social e presididos pelo prefeito, os comitês reúnem grupos "
                "de mulheres, jovens e organizações da sociedade civil. Seu mandato legal é "
                "claro, mas poucos funcionam plenamente: segundo o Ministério, apenas cerca de "
                "um em cada cinco está em pleno funcionamento, e a capacitação e a prestação "
                "de contas recebem pouca atenção.",
                "what_worked": [
                    "Base legal: o Decreto 2018-35, de 5 de janeiro de 2018, cria os comitês, "
                    "cada um com assembleia geral, conselho diretor e secretaria executiva.",
                    "Há um comitê em cada centro e posto de saúde, perto de onde as pessoas são "
                    "atendidas.",
                    "Grupos de mulheres, jovens e organizações da sociedade civil fazem parte "
                    "dos comitês.",
                    "Reuniões regulares dão aos profissionais de saúde e à comunidade um espaço "
                    "permanente para discutir questões do dia a dia, como o seguro-saúde e os "
                    "medicamentos essenciais, identificar necessidades e avaliar o desempenho "
                    "dos serviços.",
                ],
                "challenges": [
                    "Pouco se fala em capacitação dos membros.",
                    "Os mecanismos de prestação de contas e transparência são frágeis.",
                    "O funcionamento é desigual: as assembleias gerais semestrais nem sempre "
                    "acontecem, muitos mandatos de três anos não foram renovados e apenas "
                    "cerca de 20% dos comitês foram considerados em pleno funcionamento.",
                ],
            },
            "ar": {
                "title": "لجان التنمية الصحية في السنغال: المجتمع شريك في إدارة كل مرفق صحي",
                "summary": "في السنغال، لكل مركز صحي ومستوصف لجنةٌ للتنمية الصحية (Comité de "
                "Développement Sanitaire) يشارك السكان من خلالها في إدارة الخدمات المحلية وفي "
                "التخطيط. وقد أُنشئت هذه اللجان بمرسوم صدر عام 2018، وهي تخضع لوصاية وزارة "
                "الصحة والعمل الاجتماعي ويرأسها رئيس البلدية، وتضم مجموعات نسائية وشباباً "
                "ومنظمات من المجتمع المدني. ورغم وضوح ولايتها القانونية، فإن القليل منها يعمل "
                "على نحو كامل: إذ أفادت الوزارة بأن لجنة واحدة تقريباً من كل خمس لجان تعمل "
                "بكامل طاقتها، كما لا يحظى التدريب والمساءلة إلا باهتمام ضئيل.",
                "what_worked": [
                    "أساس قانوني: يُنشئ المرسوم رقم 2018-35 المؤرخ 5 يناير/كانون الثاني 2018 "
                    "هذه اللجان، ولكلٍّ منها جمعية عامة ومجلس إدارة وأمانة تنفيذية.",
                    "توجد لجنة في كل مركز صحي ومستوصف، على مقربة من أماكن تلقي الرعاية.",
                    "تضم في عضويتها مجموعات نسائية وشباباً ومنظمات من المجتمع المدني.",
                    "توفّر الاجتماعات المنتظمة للعاملين الصحيين والسكان فضاءً دائماً لمناقشة "
                    "المسائل اليومية مثل التأمين الصحي والأدوية الأساسية، وتحديد الاحتياجات، "
                    "ومراجعة أداء الخدمات.",
                ],
                "challenges": [
                    "لا يكاد يُذكر شيء عن تدريب أعضاء اللجان.",
                    "ترتيبات المساءلة والشفافية ضعيفة.",
                    "الأداء متفاوت: فالجمعيات العامة التي يُفترض أن تنعقد كل ستة أشهر لا تنعقد "
                    "دائماً، ولم تُجدَّد ولايات كثيرة مدتها ثلاث سنوات، ولم يتبيّن أن سوى 20 في "
                    "المائة تقريباً من اللجان تعمل بكامل طاقتها.",
                ],
            },
            "ru": {
                "title": "Комитеты по развитию здравоохранения в Сенегале: сообщество участвует "
                "в управлении каждым медицинским учреждением",
                "summary": "В Сенегале при каждом центре здоровья и медицинском пункте действует "
                "комитет по развитию здравоохранения (Comité de Développement Sanitaire, CDS), "
                "через который местные жители участвуют в управлении местными службами и в "
                "планировании. Комитеты созданы указом 2018 года, подчинены Министерству "
                "здравоохранения и социальных дел, их возглавляют мэры, а в состав входят "
                "женские группы, молодёжь и организации гражданского общества. Правовой мандат "
                "у них чёткий, но в полную силу работают немногие: по данным министерства, "
                "полностью функционирует лишь примерно каждый пятый комитет, а обучению членов "
                "и подотчётности уделяется мало внимания.",
                "what_worked": [
                    "Правовая основа: указ № 2018-35 от 5 января 2018 года учреждает комитеты, "
                    "у каждого из которых есть общее собрание, правление и исполнительный "
                    "секретариат.",
                    "Комитеты есть при каждом центре здоровья и медицинском пункте — рядом с "
                    "местом, где люди получают помощь.",
                    "В их состав входят женские группы, молодёжь и организации гражданского "
                    "общества.",
                    "Регулярные заседания дают медицинскому персоналу и жителям постоянную "
                    "площадку для обсуждения повседневных вопросов, таких как медицинское "
                    "страхование и основные лекарственные средства, для выявления потребностей "
                    "и оценки работы служб.",
                ],
                "challenges": [
                    "Обучению членов комитетов почти не уделяется внимания.",
                    "Механизмы подотчётности и прозрачности слабы.",
                    "Работа неравномерна: общие собрания, которые должны проходить раз в "
                    "полгода, проводятся не всегда, многие трёхлетние мандаты не были "
                    "продлены, и полностью функционирующими признаны лишь около 20 % "
                    "комитетов.",
                ],
            },
            "zh-hans": {
                "title": "塞内加尔卫生发展委员会：让社区参与每一个卫生机构的管理",
                "summary": "在塞内加尔，每个卫生中心和卫生站都设有卫生发展委员会（Comité de "
                "Développement Sanitaire，CDS），社区通过它参与当地卫生服务的管理和规划。这些委员"
                "会依据2018年的一项法令设立，归卫生和社会行动部管辖，由市长担任主席，成员包括妇女"
                "团体、青年和民间社会组织。委员会的法定职责明确，但真正全面运转的不多：据卫生部介"
                "绍，只有约五分之一完全正常运作，成员培训和问责也很少受到重视。",
                "what_worked": [
                    "有法可依：2018年1月5日第2018-35号法令设立了这些委员会，每个委员会设有全体大"
                    "会、理事会和执行秘书处。",
                    "每个卫生中心和卫生站都设有委员会，贴近群众就医的地方。",
                    "成员包括妇女团体、青年和民间社会组织。",
                    "定期会议为医务人员和社区提供了固定的交流平台，讨论医疗保险、基本药物等日常问"
                    "题，识别需求，评估服务绩效。",
                ],
                "challenges": [
                    "很少提及对委员会成员的能力建设。",
                    "问责和透明机制薄弱。",
                    "运作参差不齐：规定每半年召开一次的全体大会并非总能如期举行，许多三年任期届满"
                    "后未能换届，经评估只有约20%的委员会完全正常运作。",
                ],
            },
        },
    },
    {
        "slug": "madagascar-participatory-health-planning",
        "country": "MG",
        "mechanism": "mg-participatory-health-planning",
        "original_language": "en",
        "sources": [TOOLKIT, WHO_HANDBOOK],
        "text": {
            "en": {
                "title": "Madagascar: rebuilding health planning from the bottom up",
                "summary": "Madagascar's Ministry of Public Health is reforming strategic health "
                "planning so that every region and district prepares its own health "
                "development plan in a participatory, results-based way, consistent with the "
                "national health strategy and the annual state budget. Committees bringing "
                "together local civil society organisations, community representatives, "
                "health service users, local authorities and other health actors are to draw "
                "up the district and regional plans and follow their implementation. The "
                "reform is still being designed, with technical support from Action Against "
                "Hunger, Action Socio-sanitaire Organisation Secours (ASOS) and UNICEF.",
                "what_worked": [
                    "Participation is built in for the whole cycle: preparing the plans, "
                    "carrying them out and following them up.",
                    "The planning committees are designed to be broad, with local civil "
                    "society, communities, service users, authorities and other health actors.",
                    "Local plans are linked to the national health strategy and the state "
                    "budget, giving communities a say in how funding is prioritised.",
                    "The Ministry leads the reform, with technical support from "
                    "non-governmental and United Nations partners.",
                ],
                "challenges": [
                    "The reform is still being developed: how the committees will work in "
                    "practice, and with what resources, remains to be seen.",
                    "Community priorities will only shape funding if the link between local "
                    "plans and the annual budget holds in practice.",
                ],
            },
            "fr": {
                "title": "Madagascar : refonder la planification sanitaire à partir de la base",
                "summary": "À Madagascar, le ministère de la Santé publique réforme la "
                "planification stratégique de la santé afin que chaque région et chaque "
                "district élabore son propre plan de développement sanitaire selon une "
                "démarche ascendante, participative et axée sur les résultats, en cohérence "
                "avec la stratégie nationale de santé et le budget annuel de l'État. Des "
                "comités réunissant des organisations locales de la société civile, des "
                "représentants des communautés, des usagers des services de santé, les "
                "autorités locales et d'autres acteurs du secteur prépareront les plans de "
                "district et de région et en suivront la mise en œuvre. La réforme est en "
                "cours d'élaboration, avec l'appui technique d'Action contre la Faim, d'Action "
                "Socio-sanitaire Organisation Secours (ASOS) et de l'UNICEF.",
                "what_worked": [
                    "La participation est prévue sur l'ensemble du cycle : élaboration des "
                    "plans, mise en œuvre et suivi.",
                    "Les comités de planification sont conçus pour être larges : société civile "
                    "locale, communautés, usagers, autorités et autres acteurs de la santé.",
                    "Les plans locaux sont arrimés à la stratégie nationale de santé et au "
                    "budget de l'État, ce qui donne aux communautés voix au chapitre dans la "
                    "priorisation des financements.",
                    "Le ministère pilote la réforme, avec l'appui technique de partenaires non "
                    "gouvernementaux et des Nations Unies.",
                ],
                "challenges": [
                    "La réforme est encore en construction : reste à voir comment les comités "
                    "fonctionneront concrètement, et avec quels moyens.",
                    "Les priorités des communautés n'orienteront les financements que si le "
                    "lien entre plans locaux et budget annuel se vérifie dans la pratique.",
                ],
            },
            "es": {
                "title": "Madagascar: reconstruir la planificación sanitaria desde la base",
                "summary": "En Madagascar, el Ministerio de Salud Pública está reformando la "
                "planificación estratégica de la salud para que cada región y cada distrito "
                "elabore su propio plan de desarrollo sanitario de forma ascendente, "
                "participativa y orientada a resultados, en coherencia con la estrategia "
                "nacional de salud y el presupuesto anual del Estado. Comités que reúnen a "
                "organizaciones locales de la sociedad civil, representantes de las "
                "comunidades, personas usuarias de los servicios, autoridades locales y otros "
                "actores del sector prepararán los planes distritales y regionales y harán el "
                "seguimiento de su ejecución. La reforma aún está en elaboración, con el apoyo "
                "técnico de Acción contra el Hambre, Action Socio-sanitaire Organisation "
                "Secours (ASOS) y UNICEF.",
                "what_worked": [
                    "La participación está prevista en todo el ciclo: elaboración de los "
                    "planes, ejecución y seguimiento.",
                    "Los comités de planificación están pensados para ser amplios: sociedad "
                    "civil local, comunidades, personas usuarias, autoridades y otros actores "
                    "de la salud.",
                    "Los planes locales están vinculados a la estrategia nacional de salud y al "
                    "presupuesto del Estado, lo que da a las comunidades voz en la priorización "
                    "de los fondos.",
                    "El Ministerio lidera la reforma, con apoyo técnico de socios no "
                    "gubernamentales y de las Naciones Unidas.",
                ],
                "challenges": [
                    "La reforma todavía se está diseñando: queda por ver cómo funcionarán los "
                    "comités en la práctica y con qué recursos.",
                    "Las prioridades de las comunidades solo orientarán la financiación si el "
                    "vínculo entre los planes locales y el presupuesto anual se mantiene en la "
                    "práctica.",
                ],
            },
            "pt": {
                "title": "Madagascar: reconstruir o planejamento em saúde a partir da base",
                "summary": "Em Madagascar, o Ministério da Saúde Pública está reformando o "
                "planejamento estratégico em saúde para que cada região e cada distrito "
                "elabore seu próprio plano de desenvolvimento sanitário de forma ascendente, "
                "participativa e orientada a resultados, em sintonia com a estratégia nacional "
                "de saúde e o orçamento anual do Estado. Comitês que reúnem organizações "
                "locais da sociedade civil, representantes das comunidades, usuários dos "
                "serviços de saúde, autoridades locais e outros atores do setor vão elaborar "
                "os planos distritais e regionais e acompanhar sua execução. A reforma ainda "
                "está em elaboração, com apoio técnico da Ação contra a Fome, da Action "
                "Socio-sanitaire Organisation Secours (ASOS) e do UNICEF.",
                "what_worked": [
                    "A participação está prevista em todo o ciclo: elaboração dos planos, "
                    "execução e acompanhamento.",
                    "Os comitês de planejamento foram pensados para ser amplos: sociedade civil "
                    "local, comunidades, usuários, autoridades e outros atores da saúde.",
                    "Os planos locais estão vinculados à estratégia nacional de saúde e ao "
                    "orçamento do Estado, o que dá às comunidades voz na priorização dos "
                    "recursos.",
                    "O Ministério lidera a reforma, com apoio técnico de parceiros não "
                    "governamentais e das Nações Unidas.",
                ],
                "challenges": [
                    "A reforma ainda está sendo construída: falta ver como os comitês vão "
                    "funcionar na prática e com que recursos.",
                    "As prioridades das comunidades só vão orientar o financiamento se o "
                    "vínculo entre os planos locais e o orçamento anual se confirmar na "
                    "prática.",
                ],
            },
            "ar": {
                "title": "مدغشقر: إعادة بناء التخطيط الصحي انطلاقاً من القاعدة",
                "summary": "تعمل وزارة الصحة العامة في مدغشقر على إصلاح التخطيط الاستراتيجي "
                "الصحي بحيث يُعِدّ كل إقليم وكل مقاطعة خطته الخاصة للتنمية الصحية وفق نهج "
                "تصاعدي تشاركي قائم على النتائج، بما يتسق مع الاستراتيجية الوطنية للصحة "
                "والميزانية السنوية للدولة. وستتولى لجانٌ تضم منظمات المجتمع المدني المحلية "
                "وممثلين عن المجتمعات المحلية ومستخدمي الخدمات الصحية والسلطات المحلية وجهات "
                "صحية أخرى إعدادَ خطط المقاطعات والأقاليم ومتابعة تنفيذها. ولا يزال الإصلاح "
                "قيد الإعداد، بدعم تقني من منظمة العمل ضد الجوع ومنظمة Action Socio-sanitaire "
                "Organisation Secours (ASOS) ومنظمة الأمم المتحدة للطفولة (اليونيسف).",
                "what_worked": [
                    "المشاركة مدمجة في الدورة كلها: إعداد الخطط وتنفيذها ومتابعتها.",
                    "صُمّمت لجان التخطيط لتكون واسعة التمثيل: المجتمع المدني المحلي والمجتمعات "
                    "المحلية ومستخدمو الخدمات والسلطات وسائر الجهات الفاعلة في الصحة.",
                    "ترتبط الخطط المحلية بالاستراتيجية الوطنية للصحة وبميزانية الدولة، مما يمنح "
                    "المجتمعات المحلية كلمةً في ترتيب أولويات التمويل.",
                    "تقود الوزارة الإصلاح بدعم تقني من شركاء غير حكوميين ومن الأمم المتحدة.",
                ],
                "challenges": [
                    "لا يزال الإصلاح قيد البناء، ويبقى أن نرى كيف ستعمل اللجان فعلياً وبأي موارد.",
                    "لن توجّه أولويات المجتمعات المحلية التمويلَ إلا إذا صمد الربط بين الخطط "
                    "المحلية والميزانية السنوية على أرض الواقع.",
                ],
            },
            "ru": {
                "title": "Мадагаскар: перестройка планирования здравоохранения снизу вверх",
                "summary": "Министерство общественного здравоохранения Мадагаскара реформирует "
                "стратегическое планирование, чтобы каждый регион и каждый район разрабатывал "
                "собственный план развития здравоохранения по принципу «снизу вверх» — с "
                "участием населения и с ориентацией на результат, в соответствии с "
                "национальной стратегией здравоохранения и ежегодным государственным "
                "бюджетом. Районные и региональные планы будут готовить и сопровождать при "
                "выполнении комитеты, в которые войдут местные организации гражданского "
                "общества, представители сообществ, пользователи медицинских услуг, местные "
                "органы власти и другие участники сектора здравоохранения. Реформа пока "
                "находится в стадии разработки; техническую поддержку оказывают организации "
                "«Действия против голода» (Action contre la Faim), Action Socio-sanitaire "
                "Organisation Secours (ASOS) и ЮНИСЕФ.",
                "what_worked": [
                    "Участие предусмотрено на всём цикле: при разработке планов, их выполнении "
                    "и мониторинге.",
                    "Комитеты по планированию задуманы как широкие по составу: местное "
                    "гражданское общество, сообщества, пользователи услуг, органы власти и "
                    "другие участники сферы здравоохранения.",
                    "Местные планы увязаны с национальной стратегией здравоохранения и "
                    "государственным бюджетом, что даёт сообществам право голоса при расстановке "
                    "приоритетов финансирования.",
                    "Реформой руководит министерство при технической поддержке "
                    "неправительственных партнёров и ООН.",
                ],
                "challenges": [
                    "Реформа ещё только разрабатывается: как комитеты будут работать на "
                    "практике и какими ресурсами располагать, пока неясно.",
                    "Приоритеты сообществ повлияют на финансирование, только если связь между "
                    "местными планами и ежегодным бюджетом будет работать на деле.",
                ],
            },
            "zh-hans": {
                "title": "马达加斯加：自下而上重建卫生规划",
                "summary": "马达加斯加公共卫生部正在改革卫生战略规划，使每个大区和每个地区按照自下"
                "而上、参与式和以结果为导向的方式，制定各自的卫生发展计划，并与国家卫生战略和年度"
                "国家预算相衔接。由地方民间社会组织、社区代表、卫生服务使用者、地方政府和其他卫生"
                "行为体组成的委员会，将负责编制地区和大区计划并跟踪其执行。改革仍在制定之中，由反"
                "饥饿行动、Action Socio-sanitaire Organisation Secours（ASOS）和联合国儿童基金会"
                "提供技术支持。",
                "what_worked": [
                    "参与贯穿整个周期：计划的编制、执行和跟踪。",
                    "规划委员会的设计注重广泛代表性，涵盖地方民间社会、社区、服务使用者、政府部门"
                    "和其他卫生行为体。",
                    "地方计划与国家卫生战略和国家预算挂钩，使社区在资金优先排序上拥有发言权。",
                    "改革由卫生部主导，非政府组织和联合国伙伴提供技术支持。",
                ],
                "challenges": [
                    "改革仍在设计阶段，委员会在实践中如何运作、有哪些资源，尚待观察。",
                    "只有当地方计划与年度预算之间的衔接在实践中真正落实，社区的优先事项才能影响资"
                    "金分配。",
                ],
            },
        },
    },
    {
        "slug": "mozambique-ready-plus-peer-supporters",
        "country": "MZ",
        "mechanism": "mz-ready-plus-cats",
        "original_language": "en",
        "sources": [TOOLKIT, READY_PLUS, WHO_HANDBOOK],
        "text": {
            "en": {
                "title": "Mozambique's READY+ peer supporters: young people filling gaps in HIV "
                "services",
                "summary": "When the loss of peer educators and HIV counsellors funded by US "
                "foreign aid disrupted HIV testing and counselling in several provinces of "
                "Mozambique, some people living with HIV had to travel long distances for "
                "care, including antiretroviral treatment. Through the READY+ programme, the "
                "Regional Psychosocial Support Initiative (REPSSI) and Frontline AIDS "
                "supported young peer supporters, the Community Adolescent Treatment "
                "Supporters (CATS), who received further training and began offering HIV "
                "testing and counselling in the affected facilities. It is a stop-gap, but it "
                "shows what youth-led, community-based models can do when formal services are "
                "stretched.",
                "what_worked": [
                    "Peer supporters were already active in communities and clinics, "
                    "supporting treatment adherence and referring young people to sexual and "
                    "reproductive health services.",
                    "Targeted training allowed them to take on HIV testing and counselling "
                    "quickly.",
                    "The model adapted fast when services were disrupted.",
                    "It builds skills and capacity among adolescents and young people themselves.",
                ],
                "challenges": [
                    "It is a temporary answer to a staff shortage, not a substitute for a "
                    "properly funded health workforce.",
                    "Peer supporters' roles need lasting funding and formal recognition to "
                    "continue.",
                    "The gap opened when foreign funding was withdrawn, showing how fragile "
                    "services that depend on donors can be.",
                ],
            },
            "fr": {
                "title": "Les pairs aidants de READY+ au Mozambique : des jeunes comblent les "
                "lacunes des services VIH",
                "summary": "Lorsque le départ des pairs éducateurs et des conseillers VIH "
                "financés par l'aide extérieure américaine a perturbé le dépistage et le "
                "conseil VIH dans plusieurs provinces du Mozambique, certaines personnes "
                "vivant avec le VIH ont dû parcourir de longues distances pour se soigner, y "
                "compris pour obtenir leur traitement antirétroviral. Dans le cadre du "
                "programme READY+, la Regional Psychosocial Support Initiative (REPSSI) et "
                "Frontline AIDS ont soutenu de jeunes pairs aidants, les Community Adolescent "
                "Treatment Supporters (CATS), qui ont reçu une formation complémentaire et "
                "assurent désormais le dépistage et le conseil VIH dans les structures "
                "touchées. C'est une solution provisoire, mais elle montre ce que peuvent "
                "apporter des modèles communautaires portés par les jeunes lorsque les "
                "services publics sont débordés.",
                "what_worked": [
                    "Les pairs aidants étaient déjà présents dans les communautés et les "
                    "centres de santé, où ils soutenaient l'observance du traitement et "
                    "orientaient vers les services de santé sexuelle et reproductive.",
                    "Une formation ciblée leur a permis de prendre rapidement en charge le "
                    "dépistage et le conseil VIH.",
                    "Le modèle s'est adapté vite à la perturbation des services.",
                    "Il renforce les compétences et les capacités des adolescents et des "
                    "jeunes eux-mêmes.",
                ],
                "challenges": [
                    "C'est une réponse temporaire à une pénurie de personnel, qui ne remplace "
                    "pas des effectifs de santé correctement financés.",
                    "Le rôle des pairs aidants a besoin d'un financement durable et d'une "
                    "reconnaissance officielle pour perdurer.",
                    "La brèche s'est ouverte avec le retrait de financements extérieurs, ce qui "
                    "montre la fragilité des services qui dépendent des bailleurs.",
                ],
            },
            "es": {
                "title": "Los acompañantes pares de READY+ en Mozambique: jóvenes que cubren "
                "brechas en los servicios de VIH",
                "summary": "Cuando la pérdida de educadores pares y consejeros en VIH "
                "financiados por la ayuda exterior de Estados Unidos interrumpió las pruebas "
                "y la consejería de VIH en varias provincias de Mozambique, algunas personas "
                "con VIH tuvieron que recorrer largas distancias para recibir atención, "
                "incluido el tratamiento antirretroviral. A través del programa READY+, la "
                "Regional Psychosocial Support Initiative (REPSSI) y Frontline AIDS apoyaron "
                "a jóvenes acompañantes pares, los Community Adolescent Treatment Supporters "
                "(CATS), que recibieron formación adicional y empezaron a ofrecer pruebas y "
                "consejería de VIH en los establecimientos afectados. Es una solución "
                "provisional, pero muestra lo que pueden lograr los modelos comunitarios "
                "liderados por jóvenes cuando los servicios formales están desbordados.",
                "what_worked": [
                    "Los acompañantes pares ya trabajaban en comunidades y clínicas, apoyando "
                    "la adherencia al tratamiento y derivando a servicios de salud sexual y "
                    "reproductiva.",
                    "Una formación específica les permitió asumir rápidamente las pruebas y la "
                    "consejería de VIH.",
                    "El modelo se adaptó con rapidez a la interrupción de los servicios.",
                    "Fortalece las capacidades de los propios adolescentes y jóvenes.",
                ],
                "challenges": [
                    "Es una respuesta temporal a la falta de personal, no un sustituto de una "
                    "fuerza laboral de salud debidamente financiada.",
                    "El papel de los acompañantes pares necesita financiación estable y "
                    "reconocimiento formal para mantenerse.",
                    "La brecha se abrió con la retirada de la financiación externa, lo que "
                    "muestra la fragilidad de los servicios que dependen de donantes.",
                ],
            },
            "pt": {
                "title": "Os jovens apoiadores do READY+ em Moçambique: preenchendo lacunas nos "
                "serviços de HIV",
                "summary": "Quando a perda de educadores de pares e conselheiros de HIV "
                "financiados pela ajuda externa dos Estados Unidos interrompeu a testagem e o "
                "aconselhamento em HIV em várias províncias de Moçambique, algumas pessoas "
                "vivendo com HIV tiveram de percorrer longas distâncias para receber "
                "cuidados, inclusive o tratamento antirretroviral. Por meio do programa "
                "READY+, a Regional Psychosocial Support Initiative (REPSSI) e a Frontline "
                "AIDS apoiaram jovens apoiadores de pares, os Community Adolescent Treatment "
                "Supporters (CATS), que receberam formação adicional e passaram a oferecer "
                "testagem e aconselhamento em HIV nas unidades afetadas. É uma solução "
                "provisória, mas mostra o que modelos comunitários liderados por jovens podem "
                "fazer quando os serviços formais estão sobrecarregados.",
                "what_worked": [
                    "Os apoiadores de pares já atuavam nas comunidades e nas unidades de saúde, "
                    "apoiando a adesão ao tratamento e encaminhando para serviços de saúde "
                    "sexual e reprodutiva.",
                    "Uma formação específica permitiu que assumissem rapidamente a testagem e o "
                    "aconselhamento em HIV.",
                    "O modelo adaptou-se rapidamente à interrupção dos serviços.",
                    "Fortalece as capacidades dos próprios adolescentes e jovens.",
                ],
                "challenges": [
                    "É uma resposta temporária à falta de pessoal, e não substitui uma força "
                    "de trabalho em saúde devidamente financiada.",
                    "O papel dos apoiadores de pares precisa de financiamento duradouro e de "
                    "reconhecimento formal para se manter.",
                    "A lacuna surgiu com a retirada de financiamento externo, o que mostra a "
                    "fragilidade de serviços dependentes de doadores.",
                ],
            },
            "ar": {
                "title": "الداعمون الأقران في برنامج READY+ بموزمبيق: شباب يسدّون الثغرات في "
                "خدمات فيروس نقص المناعة البشرية",
                "summary": "عندما أدى فقدان المثقفين الأقران والمرشدين المعنيين بفيروس نقص "
                "المناعة البشرية، الذين كانت تموّلهم المساعدات الخارجية الأمريكية، إلى تعطّل "
                "خدمات الفحص والإرشاد في عدة مقاطعات من موزمبيق، اضطر بعض المتعايشين مع "
                "الفيروس إلى قطع مسافات طويلة لتلقي الرعاية، بما في ذلك العلاج المضاد "
                "للفيروسات القهقرية. ومن خلال برنامج READY+، دعمت المبادرة الإقليمية للدعم "
                "النفسي والاجتماعي (REPSSI) ومنظمة Frontline AIDS شباباً من الداعمين الأقران "
                "يُعرفون باسم «داعمي علاج المراهقين في المجتمع» (CATS)، تلقّوا تدريباً إضافياً "
                "وبدأوا يقدمون خدمات الفحص والإرشاد في المرافق المتضررة. إنه حلّ مؤقت، لكنه "
                "يبيّن ما يمكن أن تحققه النماذج المجتمعية التي يقودها الشباب حين تكون الخدمات "
                "الرسمية مثقلة بالأعباء.",
                "what_worked": [
                    "كان الداعمون الأقران ناشطين أصلاً في المجتمعات المحلية والعيادات، يدعمون "
                    "الالتزام بالعلاج ويُحيلون إلى خدمات الصحة الجنسية والإنجابية.",
                    "أتاح لهم تدريب موجَّه تولّي الفحص والإرشاد بسرعة.",
                    "تكيّف النموذج سريعاً مع تعطّل الخدمات.",
                    "يبني مهارات المراهقين والشباب أنفسهم وقدراتهم.",
                ],
                "challenges": [
                    "إنه استجابة مؤقتة لنقص الموظفين، وليس بديلاً عن قوى عاملة صحية ممولة على "
                    "النحو الواجب.",
                    "يحتاج دور الداعمين الأقران إلى تمويل مستدام واعتراف رسمي كي يستمر.",
                    "نشأت الثغرة بعد سحب التمويل الخارجي، مما يكشف هشاشة الخدمات المعتمدة على "
                    "المانحين.",
                ],
            },
            "ru": {
                "title": "Молодые равные консультанты программы READY+ в Мозамбике: молодёжь "
                "восполняет пробелы в услугах по ВИЧ",
                "summary": "Когда из-за ухода равных просветителей и консультантов по ВИЧ, "
                "работавших на средства внешней помощи США, в нескольких провинциях Мозамбика "
                "были нарушены тестирование и консультирование по ВИЧ, некоторым людям, "
                "живущим с ВИЧ, пришлось ездить за помощью, в том числе за антиретровирусной "
                "терапией, на большие расстояния. В рамках программы READY+ организации "
                "Regional Psychosocial Support Initiative (REPSSI) и Frontline AIDS поддержали "
                "молодых равных консультантов — Community Adolescent Treatment Supporters "
                "(CATS), которые прошли дополнительное обучение и начали проводить "
                "тестирование и консультирование по ВИЧ в пострадавших учреждениях. Это "
                "временная мера, но она показывает, на что способны общественные модели под "
                "руководством молодёжи, когда формальные службы перегружены.",
                "what_worked": [
                    "Равные консультанты уже работали в сообществах и клиниках: поддерживали "
                    "приверженность лечению и направляли в службы охраны сексуального и "
                    "репродуктивного здоровья.",
                    "Целевое обучение позволило им быстро взять на себя тестирование и "
                    "консультирование по ВИЧ.",
                    "Модель быстро приспособилась к сбоям в работе служб.",
                    "Она развивает навыки и потенциал самих подростков и молодёжи.",
                ],
                "challenges": [
                    "Это временный ответ на нехватку кадров, а не замена достаточно "
                    "финансируемому кадровому составу здравоохранения.",
                    "Чтобы роль равных консультантов сохранилась, нужны устойчивое "
                    "финансирование и официальное признание.",
                    "Пробел возник после прекращения внешнего финансирования, что показывает "
                    "уязвимость служб, зависящих от доноров.",
                ],
            },
            "zh-hans": {
                "title": "莫桑比克READY+同伴支持者：青年填补艾滋病服务缺口",
                "summary": "由美国对外援助资助的同伴教育者和艾滋病咨询员流失后，莫桑比克多个省份"
                "的艾滋病检测和咨询服务中断，一些艾滋病感染者不得不长途跋涉去接受治疗，包括抗逆转"
                "录病毒治疗。通过READY+项目，区域心理社会支持倡议（REPSSI）和Frontline AIDS支持了"
                "被称为“社区青少年治疗支持者”（CATS）的青年同伴支持者，他们在接受补充培训后，开始"
                "在受影响的卫生机构提供艾滋病检测和咨询服务。这只是权宜之计，但它表明，在正式服务"
                "不堪重负时，以青年为主导、扎根社区的模式能够发挥作用。",
                "what_worked": [
                    "同伴支持者原本就活跃在社区和诊所，帮助患者坚持治疗，并转介性与生殖健康服务。",
                    "有针对性的培训使他们能够迅速承担艾滋病检测和咨询工作。",
                    "该模式能够迅速适应服务中断。",
                    "它增强了青少年和青年自身的能力。",
                ],
                "challenges": [
                    "这是应对人员短缺的临时办法，不能替代资金充足的卫生人力队伍。",
                    "同伴支持者的角色需要长期资金和正式认可才能持续。",
                    "缺口源于外部资金撤出，暴露出依赖捐助方的服务十分脆弱。",
                ],
            },
        },
    },
]
