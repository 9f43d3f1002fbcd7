"""Resolution WHA77 on social participation (2024): the Member State commitments,
the reporting cycles and a starter indicator library for community scorecards.

Facts come from the resolution as summarised by WHO and from the CSEM *Advocacy
Toolkit on Social Participation for UHC, Health and Well-Being* (section 2.C),
which groups the Member States' commitments. We follow the ten lines of that
grouping: the toolkit pairs several headings with a longer sentence ("Develop
policy and legislation — ensure that social participation influences…"), and
each line is something a government can be held to separately. Every sentence
is written in our own words, in all seven languages.

The framework is *data*: this module seeds it once (migration 0002); from then
on site administrators extend or correct it in the admin, e.g. by adding the
2023 UN Political Declaration on UHC as a second framework, without code
changes. Migrations import this module, so it must stay free of model imports.

Texts are dicts keyed by language code; every dict holds all of ``LANGUAGES``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

LANGUAGES = ("en", "fr", "es", "pt", "ar", "ru", "zh-hans")

SOURCES = [
    {
        "title": "Resolution WHA77.2 – Social participation for universal health coverage, "
        "health and well-being (Seventy-seventh World Health Assembly, 2024)",
        "url": "https://apps.who.int/gb/ebwha/pdf_files/WHA77/A77_R2-en.pdf",
    },
    {
        "title": "Advocacy Toolkit on Social Participation for Universal Health Coverage, "
        "Health and Well-Being (Civil Society Engagement Mechanism for UHC2030 – CSEM), "
        "section 2.C",
        "url": "https://www.uhc2030.org/",
    },
]

# --- The framework --------------------------------------------------------------------

FRAMEWORK: dict[str, Any] = {
    "code": "wha77",
    # Approved by the Health Assembly's committee on 29 May 2024 (WHO daily update).
    "adopted_on": date(2024, 5, 29),
    "source_url": SOURCES[0]["url"],
    "order": 0,
    "name": {
        "en": "Resolution WHA77 on social participation for universal health coverage, "
        "health and well-being",
        "fr": "Résolution WHA77 sur la participation sociale pour la couverture sanitaire "
        "universelle, la santé et le bien-être",
        "es": "Resolución WHA77 sobre la participación social para la cobertura sanitaria "
        "universal, la salud y el bienestar",
        "pt": "Resolução WHA77 sobre participação social para a cobertura universal de saúde, "
        "a saúde e o bem-estar",
        "ar": "قرار جمعية الصحة العالمية WHA77 بشأن المشاركة الاجتماعية من أجل التغطية الصحية "
        "الشاملة والصحة والعافية",
        "ru": "Резолюция WHA77 о социальном участии в интересах всеобщего охвата услугами "
        "здравоохранения, здоровья и благополучия",
        "zh-hans": "世界卫生大会WHA77决议：促进全民健康覆盖、健康和福祉的社会参与",
    },
    "description": {
        "en": "Adopted by the Seventy-seventh World Health Assembly in May 2024, the "
        "resolution asks Member States to institutionalise social participation, so that "
        "people, communities and civil society influence health decisions across the policy "
        "cycle and at all levels of the system. WHO reports on progress to the Health "
        "Assembly in 2026, 2028 and 2030. The ten commitments follow the grouping of the "
        "CSEM advocacy toolkit.",
        "fr": "Adoptée par la Soixante-Dix-Septième Assemblée mondiale de la Santé en mai 2024, "
        "la résolution demande aux États Membres d'institutionnaliser la participation "
        "sociale, afin que la population, les communautés et la société civile influencent "
        "les décisions de santé à toutes les étapes du cycle des politiques et à tous les "
        "niveaux du système. L'OMS rend compte des progrès à l'Assemblée de la Santé en 2026, "
        "2028 et 2030. Les dix engagements suivent le regroupement de la boîte à outils de "
        "plaidoyer du CSEM.",
        "es": "Aprobada por la 77.ª Asamblea Mundial de la Salud en mayo de 2024, la resolución "
        "pide a los Estados Miembros que institucionalicen la participación social, para que "
        "las personas, las comunidades y la sociedad civil incidan en las decisiones de salud "
        "a lo largo del ciclo de las políticas y en todos los niveles del sistema. La OMS "
        "informa de los progresos a la Asamblea de la Salud en 2026, 2028 y 2030. Los diez "
        "compromisos siguen la agrupación del conjunto de herramientas de incidencia del CSEM.",
        "pt": "Aprovada pela 77.ª Assembleia Mundial da Saúde em maio de 2024, a resolução pede "
        "aos Estados-Membros que institucionalizem a participação social, para que as "
        "pessoas, as comunidades e a sociedade civil influenciem as decisões de saúde em todo "
        "o ciclo das políticas e em todos os níveis do sistema. A OMS informa sobre os "
        "progressos à Assembleia da Saúde em 2026, 2028 e 2030. Os dez compromissos seguem o "
        "agrupamento do kit de ferramentas de advocacy do CSEM.",
        "ar": "اعتمدت جمعية الصحة العالمية السابعة والسبعون هذا القرار في أيار/مايو 2024، وهو "
        "يطلب إلى الدول الأعضاء إضفاء الطابع المؤسسي على المشاركة الاجتماعية، كي يؤثر الناس "
        "والمجتمعات المحلية والمجتمع المدني في القرارات الصحية عبر دورة السياسات وعلى جميع "
        "مستويات النظام. وتقدم منظمة الصحة العالمية تقارير عن التقدم المحرز إلى جمعية الصحة "
        "في الأعوام 2026 و2028 و2030. وتتبع الالتزامات العشرة التصنيف الوارد في مجموعة أدوات "
        "المناصرة الصادرة عن آلية إشراك المجتمع المدني (CSEM).",
        "ru": "Резолюция, принятая семьдесят седьмой сессией Всемирной ассамблеи "
        "здравоохранения в мае 2024 года, призывает государства-члены институционализировать "
        "социальное участие, чтобы люди, сообщества и гражданское общество влияли на решения "
        "в сфере здравоохранения на всех этапах цикла политики и на всех уровнях системы. "
        "ВОЗ докладывает Ассамблее здравоохранения о ходе выполнения в 2026, 2028 и 2030 "
        "годах. Десять обязательств сгруппированы так же, как в пособии по адвокации CSEM.",
        "zh-hans": "该决议由第七十七届世界卫生大会于2024年5月通过，要求会员国将社会参与制度化，"
        "使民众、社区和民间社会在政策周期的各个阶段和卫生系统的各个层级影响卫生决策。"
        "世卫组织于2026年、2028年和2030年向世界卫生大会报告进展。以下十项承诺沿用民间社会"
        "参与机制（CSEM）倡导工具包的分组方式。",
    },
}

# --- The Member States' commitments -----------------------------------------------------

COMMITMENTS: list[dict[str, Any]] = [
    {
        "code": "government-capacities",
        "number": 1,
        "title": {
            "en": "Build government capacities",
            "fr": "Renforcer les capacités des pouvoirs publics",
            "es": "Fortalecer las capacidades del gobierno",
            "pt": "Fortalecer as capacidades do governo",
            "ar": "بناء قدرات الحكومة",
            "ru": "Укреплять потенциал органов власти",
            "zh-hans": "加强政府能力",
        },
        "description": {
            "en": "Government makes social participation part of how the health system is "
            "run: a clear mandate, a unit or focal point in charge, and coordination across "
            "ministries and levels of government.",
            "fr": "Les pouvoirs publics font de la participation sociale une composante du "
            "pilotage du système de santé : un mandat clair, une unité ou un point focal "
            "responsable, et une coordination entre ministères et entre niveaux de "
            "gouvernement.",
            "es": "El gobierno incorpora la participación social a la conducción del sistema de "
            "salud: un mandato claro, una unidad o un punto focal responsable y coordinación "
            "entre ministerios y niveles de gobierno.",
            "pt": "O governo incorpora a participação social à gestão do sistema de saúde: um "
            "mandato claro, uma unidade ou um ponto focal responsável e coordenação entre "
            "ministérios e esferas de governo.",
            "ar": "تجعل الحكومة المشاركة الاجتماعية جزءاً من طريقة إدارة النظام الصحي: ولاية "
            "واضحة، ووحدة أو جهة اتصال مسؤولة، وتنسيق بين الوزارات ومستويات الحكم.",
            "ru": "Государство делает социальное участие частью управления системой "
            "здравоохранения: четкий мандат, ответственное подразделение или координатор и "
            "согласованная работа министерств и уровней власти.",
            "zh-hans": "政府将社会参与纳入卫生系统的治理方式：明确的职责授权、负责的部门或联络人，"
            "以及各部委和各级政府之间的协调。",
        },
        "evidence_guidance": {
            "en": "A decree, organisation chart or terms of reference naming a unit or focal "
            "point for social participation in the ministry of health; a national strategy or "
            "action plan on participation with responsibilities and deadlines; records of "
            "coordination between ministries or with subnational authorities.",
            "fr": "Un décret, un organigramme ou des termes de référence désignant une unité ou "
            "un point focal chargé de la participation sociale au ministère de la Santé ; une "
            "stratégie ou un plan d'action national sur la participation précisant les "
            "responsabilités et les échéances ; des traces de coordination entre ministères ou "
            "avec les autorités infranationales.",
            "es": "Un decreto, un organigrama o unos términos de referencia que designen una "
            "unidad o un punto focal de participación social en el ministerio de salud; una "
            "estrategia o un plan de acción nacional de participación con responsabilidades y "
            "plazos; constancia de coordinación entre ministerios o con las autoridades "
            "subnacionales.",
            "pt": "Um decreto, um organograma ou termos de referência que designem uma unidade ou "
            "um ponto focal de participação social no ministério da saúde; uma estratégia ou um "
            "plano de ação nacional de participação com responsabilidades e prazos; registros de "
            "coordenação entre ministérios ou com as autoridades subnacionais.",
            "ar": "مرسوم أو هيكل تنظيمي أو اختصاصات تحدد وحدة أو جهة اتصال مسؤولة عن المشاركة "
            "الاجتماعية في وزارة الصحة؛ استراتيجية أو خطة عمل وطنية للمشاركة تحدد المسؤوليات "
            "والمواعيد؛ ما يثبت التنسيق بين الوزارات أو مع السلطات دون الوطنية.",
            "ru": "Постановление, организационная структура или положение, определяющие "
            "подразделение или координатора по социальному участию в министерстве "
            "здравоохранения; национальная стратегия или план действий по участию с "
            "распределением ответственности и сроками; подтверждения координации между "
            "министерствами или с региональными и местными органами власти.",
            "zh-hans": "在卫生部内指定社会参与负责部门或联络人的法令、组织架构图或职权范围文件；"
            "明确职责和时限的国家社会参与战略或行动计划；各部委之间或与地方政府协调的记录。",
        },
    },
    {
        "code": "public-sector-capacities",
        "number": 2,
        "title": {
            "en": "Strengthen public sector capacities for meaningful participation",
            "fr": "Renforcer les capacités du secteur public en faveur d'une participation "
            "significative",
            "es": "Fortalecer las capacidades del sector público para una participación "
            "significativa",
            "pt": "Fortalecer as capacidades do setor público para uma participação significativa",
            "ar": "تعزيز قدرات القطاع العام من أجل مشاركة هادفة",
            "ru": "Укреплять потенциал государственного сектора для обеспечения значимого участия",
            "zh-hans": "加强公共部门开展有意义参与的能力",
        },
        "description": {
            "en": "Officials who design and run participatory processes have the skills, "
            "guidance and time to do it well, at national and local level.",
            "fr": "Les agents publics qui conçoivent et animent les processus participatifs "
            "disposent des compétences, des orientations et du temps nécessaires pour bien le "
            "faire, au niveau national comme local.",
            "es": "Las y los funcionarios que diseñan y conducen los procesos participativos "
            "cuentan con las competencias, las orientaciones y el tiempo necesarios para "
            "hacerlo bien, en el nivel nacional y local.",
            "pt": "Os servidores públicos que concebem e conduzem processos participativos têm as "
            "competências, as orientações e o tempo necessários para fazê-lo bem, nos níveis "
            "nacional e local.",
            "ar": "يمتلك المسؤولون الذين يصممون العمليات التشاركية ويديرونها المهاراتِ "
            "والإرشاداتِ والوقتَ اللازم لأداء ذلك على نحو جيد، على المستويين الوطني والمحلي.",
            "ru": "Должностные лица, которые разрабатывают и проводят процессы участия, обладают "
            "навыками, методическими указаниями и временем, чтобы делать это качественно, на "
            "национальном и местном уровнях.",
            "zh-hans": "负责设计和组织参与进程的官员在国家和地方层面都具备做好这项工作所需的"
            "技能、指导和时间。",
        },
        "evidence_guidance": {
            "en": "Training curricula and attendance lists for health officials trained in "
            "facilitation and dialogue; operational guidelines or handbooks issued to health "
            "managers; job descriptions or performance objectives that include working with "
            "communities.",
            "fr": "Des programmes de formation et des listes de présence de responsables "
            "sanitaires formés à l'animation et au dialogue ; des guides opérationnels remis "
            "aux gestionnaires de santé ; des fiches de poste ou des objectifs de performance "
            "qui incluent le travail avec les communautés.",
            "es": "Programas de capacitación y listas de asistencia de funcionarios de salud "
            "formados en facilitación y diálogo; guías operativas entregadas a los gestores de "
            "salud; descripciones de puesto u objetivos de desempeño que incluyan el trabajo "
            "con las comunidades.",
            "pt": "Programas de capacitação e listas de presença de gestores e técnicos de saúde "
            "formados em facilitação e diálogo; guias operacionais distribuídos aos gestores de "
            "saúde; descrições de cargo ou metas de desempenho que incluam o trabalho com as "
            "comunidades.",
            "ar": "مناهج تدريبية وقوائم حضور لمسؤولي الصحة الذين تدربوا على التيسير والحوار؛ "
            "أدلة تشغيلية موزعة على مديري الخدمات الصحية؛ توصيفات وظيفية أو أهداف أداء تشمل "
            "العمل مع المجتمعات المحلية.",
            "ru": "Учебные программы и списки участников обучения сотрудников органов "
            "здравоохранения методам фасилитации и диалога; методические руководства, "
            "направленные руководителям здравоохранения; должностные инструкции или показатели "
            "эффективности, включающие работу с населением.",
            "zh-hans": "卫生官员接受引导和对话技能培训的课程大纲和签到名单；向卫生管理人员下发的"
            "操作指南或手册；包含与社区合作内容的岗位职责说明或绩效目标。",
        },
    },
    {
        "code": "regular-participation",
        "number": 3,
        "title": {
            "en": "Implement and sustain regular, transparent participation through mechanisms "
            "backed by policy and law",
            "fr": "Mettre en œuvre et pérenniser une participation régulière et transparente "
            "grâce à des mécanismes appuyés par les politiques et la loi",
            "es": "Implementar y sostener una participación regular y transparente mediante "
            "mecanismos respaldados por políticas y leyes",
            "pt": "Implementar e manter uma participação regular e transparente por meio de "
            "mecanismos amparados por políticas e leis",
            "ar": "تنفيذ مشاركة منتظمة وشفافة واستدامتها عبر آليات تدعمها السياسات والقوانين",
            "ru": "Обеспечивать регулярное и прозрачное участие через механизмы, закрепленные в "
            "политике и законодательстве",
            "zh-hans": "通过有政策和法律支撑的机制，实施并维持定期、透明的参与",
        },
        "description": {
            "en": "Participation does not depend on goodwill or a single project: health "
            "councils, assemblies, committees or consultations meet regularly, under rules set "
            "in policy or law, and their work is public.",
            "fr": "La participation ne dépend ni de la bonne volonté ni d'un projet isolé : "
            "conseils de santé, assemblées, comités ou consultations se réunissent "
            "régulièrement, selon des règles fixées par une politique ou une loi, et leurs "
            "travaux sont publics.",
            "es": "La participación no depende de la buena voluntad ni de un proyecto aislado: "
            "consejos de salud, asambleas, comités o consultas se reúnen con regularidad, con "
            "reglas fijadas en una política o una ley, y su trabajo es público.",
            "pt": "A participação não depende de boa vontade nem de um projeto isolado: "
            "conselhos de saúde, assembleias, comitês ou consultas se reúnem regularmente, "
            "segundo regras definidas em política ou lei, e seu trabalho é público.",
            "ar": "لا تتوقف المشاركة على حسن النية أو على مشروع منفرد: تجتمع المجالس الصحية "
            "والجمعيات واللجان أو تُعقد المشاورات بانتظام وفق قواعد تحددها سياسة أو قانون، "
            "وتكون أعمالها علنية.",
            "ru": "Участие не зависит от доброй воли или отдельного проекта: советы по "
            "здравоохранению, ассамблеи, комитеты или консультации собираются регулярно по "
            "правилам, установленным политикой или законом, а их работа открыта для общества.",
            "zh-hans": "参与不依赖善意或单个项目：卫生理事会、卫生大会、委员会或磋商按照政策或"
            "法律规定的规则定期召开，其工作向社会公开。",
        },
        "evidence_guidance": {
            "en": "A law, decree or policy establishing the mechanism and how often it meets; "
            "published calendars, agendas and minutes showing that meetings were actually held "
            "during the period; the mechanism's record and functionality assessment in "
            "Sauti's registry.",
            "fr": "Une loi, un décret ou une politique qui crée le mécanisme et fixe la "
            "fréquence de ses réunions ; des calendriers, ordres du jour et procès-verbaux "
            "publiés montrant que les réunions se sont effectivement tenues sur la période ; la "
            "fiche du mécanisme et son évaluation de fonctionnalité dans le registre de Sauti.",
            "es": "Una ley, un decreto o una política que cree el mecanismo y fije la frecuencia "
            "de sus reuniones; calendarios, órdenes del día y actas publicados que muestren que "
            "las reuniones se celebraron efectivamente durante el período; la ficha del "
            "mecanismo y su evaluación de funcionamiento en el registro de Sauti.",
            "pt": "Uma lei, um decreto ou uma política que institua o mecanismo e defina a "
            "periodicidade das reuniões; calendários, pautas e atas publicados que mostrem que "
            "as reuniões de fato ocorreram no período; o registro do mecanismo e sua avaliação "
            "de funcionamento no cadastro do Sauti.",
            "ar": "قانون أو مرسوم أو سياسة تُنشئ الآلية وتحدد وتيرة اجتماعاتها؛ جداول زمنية "
            "وجداول أعمال ومحاضر منشورة تُثبت أن الاجتماعات عُقدت فعلاً خلال الفترة؛ بطاقة "
            "الآلية وتقييم أدائها في سجل Sauti.",
            "ru": "Закон, постановление или политический документ, учреждающие механизм и "
            "определяющие периодичность его заседаний; опубликованные графики, повестки и "
            "протоколы, подтверждающие, что заседания действительно проводились в отчетный "
            "период; карточка механизма и оценка его работы в реестре Sauti.",
            "zh-hans": "设立该机制并规定其会议频率的法律、法令或政策；已公布的会议日程、议程和"
            "会议纪要，证明报告期内会议确实召开；该机制在Sauti登记册中的条目及其运作评估。",
        },
    },
    {
        "code": "participatory-spaces",
        "number": 4,
        "title": {
            "en": "Establish or strengthen participatory spaces",
            "fr": "Créer ou renforcer des espaces de participation",
            "es": "Crear o fortalecer espacios de participación",
            "pt": "Criar ou fortalecer espaços de participação",
            "ar": "إنشاء فضاءات للمشاركة أو تعزيزها",
            "ru": "Создавать или укреплять пространства для участия",
            "zh-hans": "建立或加强参与空间",
        },
        "description": {
            "en": "There are places, physical or online, where people and communities can take "
            "part in health decisions at every level, from the health facility to the nation; "
            "existing ones are revived or improved rather than left dormant.",
            "fr": "Il existe des espaces, physiques ou en ligne, où la population et les "
            "communautés peuvent prendre part aux décisions de santé à tous les niveaux, de la "
            "formation sanitaire au niveau national ; ceux qui existent sont relancés ou "
            "améliorés plutôt que laissés en sommeil.",
            "es": "Existen espacios, presenciales o en línea, donde las personas y las "
            "comunidades pueden intervenir en las decisiones de salud en todos los niveles, del "
            "establecimiento de salud al nivel nacional; los existentes se reactivan o mejoran "
            "en lugar de quedar inactivos.",
            "pt": "Existem espaços, presenciais ou on-line, onde as pessoas e as comunidades "
            "podem participar das decisões de saúde em todos os níveis, da unidade de saúde ao "
            "nível nacional; os que já existem são reativados ou aprimorados em vez de ficarem "
            "inativos.",
            "ar": "توجد فضاءات، حضورية أو إلكترونية، يستطيع فيها الناس والمجتمعات المحلية "
            "المشاركة في القرارات الصحية على جميع المستويات، من المرفق الصحي إلى المستوى "
            "الوطني؛ ويُعاد تنشيط القائم منها أو تحسينه بدلاً من تركه معطلاً.",
            "ru": "Существуют очные или онлайн-площадки, где люди и сообщества могут участвовать "
            "в решениях в сфере здравоохранения на всех уровнях — от медицинского учреждения "
            "до страны в целом; существующие площадки возобновляют работу или "
            "совершенствуются, а не бездействуют.",
            "zh-hans": "从卫生机构到国家层面，各级都有线下或线上的空间，让民众和社区参与卫生决策；"
            "已有的空间得到恢复或改进，而不是闲置。",
        },
        "evidence_guidance": {
            "en": "The number of functioning health councils, facility committees or forums at "
            "each level, compared with the previous cycle; the orders creating or reviving "
            "them, with their terms of reference and membership lists; online consultation "
            "platforms open to the public.",
            "fr": "Le nombre de conseils de santé, de comités de santé des formations sanitaires "
            "ou de forums fonctionnels à chaque niveau, comparé au cycle précédent ; les arrêtés "
            "qui les créent ou les relancent, avec leurs termes de référence et la liste de "
            "leurs membres ; des plateformes de consultation en ligne ouvertes au public.",
            "es": "El número de consejos de salud, comités de establecimientos de salud o foros "
            "en funcionamiento en cada nivel, comparado con el ciclo anterior; las resoluciones "
            "que los crean o reactivan, con sus términos de referencia y la lista de sus "
            "integrantes; plataformas de consulta en línea abiertas al público.",
            "pt": "O número de conselhos de saúde, comitês de unidades de saúde ou fóruns em "
            "funcionamento em cada nível, comparado com o ciclo anterior; os atos que os criam "
            "ou reativam, com seus termos de referência e a lista de membros; plataformas de "
            "consulta on-line abertas ao público.",
            "ar": "عدد المجالس الصحية أو لجان المرافق الصحية أو المنتديات العاملة على كل مستوى "
            "مقارنة بالدورة السابقة؛ القرارات التي تُنشئها أو تعيد تفعيلها، مع اختصاصاتها "
            "وقوائم أعضائها؛ منصات تشاور إلكترونية مفتوحة للجمهور.",
            "ru": "Число действующих советов по здравоохранению, комитетов при медицинских "
            "учреждениях или форумов на каждом уровне в сравнении с предыдущим циклом; приказы "
            "об их создании или возобновлении работы с положениями и списками членов; открытые "
            "для всех онлайн-платформы для консультаций.",
            "zh-hans": "各级正常运作的卫生理事会、卫生机构委员会或论坛数量，并与上一周期比较；"
            "设立或恢复这些机构的命令，及其职权范围和成员名单；向公众开放的在线磋商平台。",
        },
    },
    {
        "code": "inclusive-participation",
        "number": 5,
        "title": {
            "en": "Enable equitable, diverse and inclusive participation, with a focus on people "
            "in vulnerable or marginalised situations",
            "fr": "Permettre une participation équitable, diverse et inclusive, en particulier "
            "des personnes en situation de vulnérabilité ou de marginalisation",
            "es": "Hacer posible una participación equitativa, diversa e inclusiva, con especial "
            "atención a las personas en situación de vulnerabilidad o marginación",
            "pt": "Possibilitar uma participação equitativa, diversa e inclusiva, com foco nas "
            "pessoas em situação de vulnerabilidade ou marginalização",
            "ar": "تمكين مشاركة منصفة ومتنوعة وشاملة، مع التركيز على الأشخاص في أوضاع هشة أو مهمشة",
            "ru": "Обеспечивать справедливое, разнообразное и инклюзивное участие с особым "
            "вниманием к людям, находящимся в уязвимом или маргинализированном положении",
            "zh-hans": "促进公平、多元和包容的参与，重点关注处境脆弱或边缘化的人群",
        },
        "description": {
            "en": "The people most affected by health decisions, and most often left out, have "
            "a real seat and voice: women, young people, people with disabilities, people "
            "living with HIV, key populations, indigenous peoples, migrants, rural communities "
            "and others.",
            "fr": "Les personnes les plus concernées par les décisions de santé, et le plus "
            "souvent tenues à l'écart, y ont réellement une place et une voix : femmes, jeunes, "
            "personnes handicapées, personnes vivant avec le VIH, populations clés, peuples "
            "autochtones, personnes migrantes, communautés rurales et d'autres encore.",
            "es": "Las personas más afectadas por las decisiones de salud, y las que más a "
            "menudo quedan excluidas, tienen un lugar y una voz reales: mujeres, jóvenes, "
            "personas con discapacidad, personas con VIH, poblaciones clave, pueblos indígenas, "
            "personas migrantes, comunidades rurales y otras.",
            "pt": "As pessoas mais afetadas pelas decisões de saúde, e que com mais frequência "
            "ficam de fora, têm lugar e voz de verdade: mulheres, jovens, pessoas com "
            "deficiência, pessoas vivendo com HIV, populações-chave, povos indígenas, migrantes, "
            "comunidades rurais e outras.",
            "ar": "يحظى الأشخاص الأكثر تأثراً بالقرارات الصحية، والأكثر عرضة للإقصاء، بمقعد "
            "وصوت حقيقيين: النساء والشباب والأشخاص ذوو الإعاقة والمتعايشون مع فيروس نقص المناعة "
            "البشرية والفئات السكانية الرئيسية والشعوب الأصلية والمهاجرون والمجتمعات الريفية "
            "وغيرهم.",
            "ru": "Те, кого решения в сфере здравоохранения затрагивают больше всего и кого чаще "
            "всего не слышат, получают реальное место и голос: женщины, молодежь, люди с "
            "инвалидностью, люди, живущие с ВИЧ, ключевые группы населения, коренные народы, "
            "мигранты, сельские сообщества и другие.",
            "zh-hans": "受卫生决策影响最大、又最常被排除在外的人群拥有真正的席位和发言权：妇女、"
            "青年、残疾人、艾滋病病毒感染者、重点人群、土著人民、移民、农村社区等。",
        },
        "evidence_guidance": {
            "en": "Membership rules that reserve seats for under-represented groups, and who "
            "actually holds them; attendance data broken down by group; accessibility measures "
            "such as interpretation, sign language, local languages, transport or childcare "
            "support; records of outreach to communities that rarely take part.",
            "fr": "Des règles de composition réservant des sièges aux groupes sous-représentés, "
            "et la liste de ceux qui les occupent réellement ; des données de participation "
            "ventilées par groupe ; des mesures d'accessibilité comme l'interprétation, la "
            "langue des signes, les langues locales, la prise en charge du transport ou de la "
            "garde d'enfants ; des traces d'actions d'information auprès des communautés qui "
            "participent rarement.",
            "es": "Normas de composición que reserven puestos a grupos subrepresentados, y "
            "quiénes los ocupan de hecho; datos de asistencia desglosados por grupo; medidas de "
            "accesibilidad como interpretación, lengua de señas, idiomas locales, apoyo para "
            "transporte o cuidado infantil; constancia de acciones de acercamiento a "
            "comunidades que rara vez participan.",
            "pt": "Regras de composição que reservem vagas para grupos sub-representados, e quem "
            "de fato as ocupa; dados de participação desagregados por grupo; medidas de "
            "acessibilidade como interpretação, língua de sinais, línguas locais, apoio para "
            "transporte ou cuidado de crianças; registros de ações de mobilização junto a "
            "comunidades que raramente participam.",
            "ar": "قواعد عضوية تخصص مقاعد للفئات الممثلة تمثيلاً ناقصاً، ومن يشغلها فعلاً؛ "
            "بيانات حضور مصنفة حسب الفئة؛ تدابير لتيسير الوصول مثل الترجمة الشفوية ولغة الإشارة "
            "واللغات المحلية ودعم النقل أو رعاية الأطفال؛ سجلات التواصل مع المجتمعات التي "
            "نادراً ما تشارك.",
            "ru": "Правила формирования состава, резервирующие места за недостаточно "
            "представленными группами, и сведения о том, кто их фактически занимает; данные "
            "об участии в разбивке по группам; меры доступности — устный перевод, жестовый "
            "язык, местные языки, компенсация проезда или помощь с уходом за детьми; "
            "подтверждения работы с сообществами, которые редко участвуют.",
            "zh-hans": "为代表性不足群体保留席位的成员规则，以及实际担任这些席位的人员；按群体"
            "分列的参与数据；口译、手语、当地语言、交通或托儿补贴等无障碍措施；面向很少参与的"
            "社区开展外展工作的记录。",
        },
    },
    {
        "code": "policy-and-legislation",
        "number": 6,
        "title": {
            "en": "Develop policy and legislation",
            "fr": "Élaborer des politiques et des lois",
            "es": "Elaborar políticas y leyes",
            "pt": "Elaborar políticas e leis",
            "ar": "وضع السياسات والتشريعات",
            "ru": "Разрабатывать политику и законодательство",
            "zh-hans": "制定政策和立法",
        },
        "description": {
            "en": "Social participation in health is written into national policy and law, so "
            "that it outlasts changes of government and people can claim it as a right.",
            "fr": "La participation sociale en santé est inscrite dans les politiques et la "
            "législation nationales, afin qu'elle survive aux changements de gouvernement et "
            "que la population puisse la revendiquer comme un droit.",
            "es": "La participación social en salud queda recogida en las políticas y la "
            "legislación nacionales, para que sobreviva a los cambios de gobierno y la "
            "población pueda exigirla como un derecho.",
            "pt": "A participação social em saúde está inscrita nas políticas e na legislação "
            "nacionais, para que sobreviva às mudanças de governo e a população possa "
            "reivindicá-la como um direito.",
            "ar": "تُكرَّس المشاركة الاجتماعية في الصحة في السياسات والتشريعات الوطنية، حتى "
            "تصمد أمام تغيّر الحكومات ويتمكن الناس من المطالبة بها بوصفها حقاً.",
            "ru": "Социальное участие в здравоохранении закреплено в национальной политике и "
            "законодательстве, чтобы оно сохранялось при смене правительства, а люди могли "
            "отстаивать его как свое право.",
            "zh-hans": "将卫生领域的社会参与写入国家政策和法律，使其不因政府更迭而中断，民众也能"
            "将其作为一项权利来主张。",
        },
        "evidence_guidance": {
            "en": "An adopted law, decree or national policy on social participation in health, "
            "or participation provisions in the national health strategy or health act; "
            "implementing regulations; bills before parliament or draft policies published "
            "for comment.",
            "fr": "Une loi, un décret ou une politique nationale adoptés sur la participation "
            "sociale en santé, ou des dispositions sur la participation dans la stratégie "
            "nationale de santé ou le code de la santé ; les textes d'application ; des projets "
            "de loi devant le parlement ou des projets de politique publiés pour consultation.",
            "es": "Una ley, un decreto o una política nacional aprobados sobre participación "
            "social en salud, o disposiciones sobre participación en la estrategia nacional de "
            "salud o la ley general de salud; sus reglamentos; proyectos de ley en el "
            "parlamento o borradores de política publicados para consulta.",
            "pt": "Uma lei, um decreto ou uma política nacional aprovados sobre participação "
            "social em saúde, ou dispositivos sobre participação na estratégia nacional de "
            "saúde ou na lei de saúde; a regulamentação correspondente; projetos de lei no "
            "parlamento ou minutas de política publicadas para consulta.",
            "ar": "قانون أو مرسوم أو سياسة وطنية معتمدة بشأن المشاركة الاجتماعية في الصحة، أو "
            "أحكام تتعلق بالمشاركة في الاستراتيجية الصحية الوطنية أو قانون الصحة؛ اللوائح "
            "التنفيذية؛ مشاريع قوانين معروضة على البرلمان أو مسودات سياسات منشورة لتلقي "
            "التعليقات.",
            "ru": "Принятый закон, постановление или национальная политика о социальном участии "
            "в здравоохранении либо положения об участии в национальной стратегии "
            "здравоохранения или законе о здравоохранении; подзаконные акты; законопроекты, "
            "внесенные в парламент, или проекты политических документов, опубликованные для "
            "обсуждения.",
            "zh-hans": "已通过的关于卫生领域社会参与的法律、法令或国家政策，或国家卫生战略、"
            "卫生法中有关参与的条款；实施细则；提交议会审议的法案或公开征求意见的政策草案。",
        },
    },
    {
        "code": "influence-on-decisions",
        "number": 7,
        "title": {
            "en": "Ensure participation influences transparent decision-making across the "
            "policy cycle at all levels",
            "fr": "Veiller à ce que la participation influence une prise de décision "
            "transparente à toutes les étapes du cycle des politiques et à tous les niveaux",
            "es": "Garantizar que la participación incida en una toma de decisiones "
            "transparente a lo largo del ciclo de las políticas y en todos los niveles",
            "pt": "Garantir que a participação influencie uma tomada de decisão transparente em "
            "todo o ciclo das políticas e em todos os níveis",
            "ar": "ضمان أن تؤثر المشاركة في صنع قرار شفاف عبر دورة السياسات وعلى جميع المستويات",
            "ru": "Добиваться, чтобы участие влияло на прозрачное принятие решений на всех "
            "этапах цикла политики и на всех уровнях",
            "zh-hans": "确保参与在政策周期各阶段和各个层级影响透明的决策",
        },
        "description": {
            "en": "What people say changes decisions, from setting priorities to planning, "
            "budgeting, implementation and evaluation, nationally and locally, and the "
            "authorities explain what they did with each recommendation.",
            "fr": "Ce que la population exprime modifie les décisions, de la définition des "
            "priorités à la planification, à la budgétisation, à la mise en œuvre et à "
            "l'évaluation, au niveau national comme local, et les autorités expliquent la suite "
            "donnée à chaque recommandation.",
            "es": "Lo que la gente plantea cambia las decisiones, desde la fijación de "
            "prioridades hasta la planificación, la presupuestación, la ejecución y la "
            "evaluación, en el nivel nacional y local, y las autoridades explican qué hicieron "
            "con cada recomendación.",
            "pt": "O que as pessoas dizem muda as decisões, da definição de prioridades ao "
            "planejamento, ao orçamento, à execução e à avaliação, nos níveis nacional e local, "
            "e as autoridades explicam o que fizeram com cada recomendação.",
            "ar": "ما يقوله الناس يغيّر القرارات، من تحديد الأولويات إلى التخطيط والميزنة "
            "والتنفيذ والتقييم، على المستويين الوطني والمحلي، وتوضح السلطات ما فعلته بكل "
            "توصية.",
            "ru": "Мнение людей меняет решения — от определения приоритетов до планирования, "
            "бюджетирования, реализации и оценки, на национальном и местном уровнях, — а "
            "органы власти объясняют, как поступили с каждой рекомендацией.",
            "zh-hans": "民众的意见能够改变决策，从确定优先事项到规划、预算编制、实施和评估，在"
            "国家和地方层面皆然；主管部门说明对每项建议的处理情况。",
        },
        "evidence_guidance": {
            "en": "Written government responses to the recommendations of participatory "
            "mechanisms; plans, budgets or policies that cite participatory input; published "
            "consultation reports showing how comments were taken into account; mechanisms "
            "whose decisions are binding or must be answered within a set time.",
            "fr": "Des réponses écrites des pouvoirs publics aux recommandations des mécanismes "
            "participatifs ; des plans, budgets ou politiques qui citent les contributions "
            "issues de la participation ; des rapports de consultation publiés montrant comment "
            "les commentaires ont été pris en compte ; des mécanismes dont les décisions sont "
            "contraignantes ou appellent une réponse dans un délai fixé.",
            "es": "Respuestas escritas del gobierno a las recomendaciones de los mecanismos "
            "participativos; planes, presupuestos o políticas que citen los aportes de la "
            "participación; informes de consulta publicados que muestren cómo se tuvieron en "
            "cuenta los comentarios; mecanismos cuyas decisiones sean vinculantes o deban "
            "responderse en un plazo fijado.",
            "pt": "Respostas por escrito do governo às recomendações dos mecanismos "
            "participativos; planos, orçamentos ou políticas que citem as contribuições da "
            "participação; relatórios de consulta publicados que mostrem como os comentários "
            "foram considerados; mecanismos cujas decisões sejam vinculantes ou exijam resposta "
            "em prazo definido.",
            "ar": "ردود حكومية مكتوبة على توصيات آليات المشاركة؛ خطط أو ميزانيات أو سياسات "
            "تستند صراحة إلى مدخلات المشاركة؛ تقارير تشاور منشورة تبيّن كيف أُخذت التعليقات في "
            "الاعتبار؛ آليات تكون قراراتها ملزمة أو يتعين الرد عليها خلال مهلة محددة.",
            "ru": "Письменные ответы правительства на рекомендации механизмов участия; планы, "
            "бюджеты или политические документы со ссылками на предложения, полученные в ходе "
            "участия; опубликованные отчеты о консультациях, показывающие, как были учтены "
            "замечания; механизмы, решения которых обязательны или требуют ответа в "
            "установленный срок.",
            "zh-hans": "政府对参与机制所提建议的书面答复；明确引用参与意见的规划、预算或政策；"
            "说明意见如何被采纳的已公布磋商报告；其决定具有约束力或须在规定期限内答复的机制。",
        },
    },
    {
        "code": "public-resources",
        "number": 8,
        "title": {
            "en": "Invest adequate and sustainable public resources",
            "fr": "Investir des ressources publiques suffisantes et pérennes",
            "es": "Invertir recursos públicos suficientes y sostenibles",
            "pt": "Investir recursos públicos adequados e sustentáveis",
            "ar": "استثمار موارد عامة كافية ومستدامة",
            "ru": "Выделять достаточные и устойчивые государственные ресурсы",
            "zh-hans": "投入充足且可持续的公共资源",
        },
        "description": {
            "en": "Participation is funded from public budgets, not only by donors, with enough "
            "money, staff and time for mechanisms to work year after year.",
            "fr": "La participation est financée par des budgets publics, et pas seulement par "
            "des bailleurs, avec assez d'argent, de personnel et de temps pour que les "
            "mécanismes fonctionnent année après année.",
            "es": "La participación se financia con presupuestos públicos, no solo con fondos de "
            "donantes, con suficiente dinero, personal y tiempo para que los mecanismos "
            "funcionen año tras año.",
            "pt": "A participação é financiada com orçamento público, e não só por doadores, com "
            "dinheiro, pessoal e tempo suficientes para que os mecanismos funcionem ano após "
            "ano.",
            "ar": "تُموَّل المشاركة من الميزانيات العامة، لا من المانحين وحدهم، بما يكفي من "
            "المال والموظفين والوقت لكي تعمل الآليات عاماً بعد عام.",
            "ru": "Участие финансируется из государственного бюджета, а не только донорами, и "
            "денег, персонала и времени хватает, чтобы механизмы работали из года в год.",
            "zh-hans": "参与工作由公共预算而不仅由捐助方出资，并有足够的资金、人员和时间，使各类"
            "机制年复一年地运转。",
        },
        "evidence_guidance": {
            "en": "Budget lines for participatory mechanisms in the approved health budget, and "
            "how much of them was actually spent; funding for secretariats, meeting rooms, and "
            "the travel and allowances of community representatives; multi-year funding "
            "commitments or expenditure reports.",
            "fr": "Des lignes budgétaires consacrées aux mécanismes participatifs dans le budget "
            "de la santé adopté, et leur taux d'exécution ; le financement des secrétariats, "
            "des salles de réunion, des déplacements et des indemnités des représentants "
            "communautaires ; des engagements de financement pluriannuels ou des rapports de "
            "dépenses.",
            "es": "Partidas para los mecanismos participativos en el presupuesto de salud "
            "aprobado, y cuánto se ejecutó realmente; financiación de secretarías, salas de "
            "reunión, traslados y viáticos de los representantes comunitarios; compromisos de "
            "financiación plurianuales o informes de gasto.",
            "pt": "Rubricas para os mecanismos participativos no orçamento da saúde aprovado, e "
            "quanto foi efetivamente executado; financiamento de secretarias executivas, salas "
            "de reunião, deslocamentos e diárias dos representantes comunitários; compromissos "
            "de financiamento plurianuais ou relatórios de despesas.",
            "ar": "بنود مخصصة لآليات المشاركة في ميزانية الصحة المعتمدة، ومقدار ما أُنفق منها "
            "فعلاً؛ تمويل الأمانات وقاعات الاجتماعات وتنقلات ممثلي المجتمعات المحلية وبدلاتهم؛ "
            "التزامات تمويل متعددة السنوات أو تقارير الإنفاق.",
            "ru": "Статьи расходов на механизмы участия в утвержденном бюджете здравоохранения и "
            "данные об их фактическом исполнении; финансирование секретариатов, помещений для "
            "заседаний, проезда и компенсаций представителям сообществ; многолетние "
            "обязательства по финансированию или отчеты о расходах.",
            "zh-hans": "经批准的卫生预算中用于参与机制的预算科目及其实际执行情况；为秘书处、会议"
            "场地以及社区代表的交通和补贴提供的资金；多年期供资承诺或支出报告。",
        },
    },
    {
        "code": "research-and-data",
        "number": 9,
        "title": {
            "en": "Monitor, research and use data",
            "fr": "Suivre, mener des recherches et utiliser les données",
            "es": "Monitorear, investigar y utilizar los datos",
            "pt": "Monitorar, pesquisar e usar dados",
            "ar": "الرصد والبحث واستخدام البيانات",
            "ru": "Вести мониторинг, проводить исследования и использовать данные",
            "zh-hans": "开展监测和研究并利用数据",
        },
        "description": {
            "en": "Government tracks how participation works and what difference it makes, "
            "supports research and pilot projects with their evaluation, and uses the findings "
            "to improve.",
            "fr": "Les pouvoirs publics suivent le fonctionnement de la participation et ce "
            "qu'elle change, soutiennent la recherche et des projets pilotes assortis de leur "
            "évaluation, et se servent des résultats pour progresser.",
            "es": "El gobierno da seguimiento al funcionamiento de la participación y a los "
            "cambios que produce, apoya investigaciones y proyectos piloto con su evaluación, y "
            "usa los resultados para mejorar.",
            "pt": "O governo acompanha como a participação funciona e que diferença ela faz, "
            "apoia pesquisas e projetos-piloto com sua avaliação e usa os resultados para "
            "melhorar.",
            "ar": "تتابع الحكومة كيف تعمل المشاركة وما الفرق الذي تُحدثه، وتدعم البحوث "
            "والمشاريع التجريبية مع تقييمها، وتستخدم النتائج للتحسين.",
            "ru": "Государство отслеживает, как работает участие и что оно меняет, поддерживает "
            "исследования и пилотные проекты с их оценкой и использует полученные результаты "
            "для улучшений.",
            "zh-hans": "政府跟踪社会参与的运作情况及其带来的改变，支持相关研究和试点项目并开展"
            "评估，利用结果不断改进。",
        },
        "evidence_guidance": {
            "en": "Indicators on social participation in the national health monitoring "
            "framework, with published results; evaluations, studies or pilot projects on "
            "participation that government funded or commissioned, and their reports; the "
            "country's report to WHO on the resolution for this cycle.",
            "fr": "Des indicateurs de participation sociale dans le cadre national de suivi de "
            "la santé, avec des résultats publiés ; des évaluations, études ou projets pilotes "
            "sur la participation financés ou commandés par les pouvoirs publics, et leurs "
            "rapports ; le rapport du pays à l'OMS sur la résolution pour ce cycle.",
            "es": "Indicadores de participación social en el marco nacional de monitoreo de la "
            "salud, con resultados publicados; evaluaciones, estudios o proyectos piloto sobre "
            "participación financiados o encargados por el gobierno, y sus informes; el informe "
            "del país a la OMS sobre la resolución para este ciclo.",
            "pt": "Indicadores de participação social no marco nacional de monitoramento da "
            "saúde, com resultados publicados; avaliações, estudos ou projetos-piloto sobre "
            "participação financiados ou encomendados pelo governo, e seus relatórios; o "
            "relatório do país à OMS sobre a resolução para este ciclo.",
            "ar": "مؤشرات للمشاركة الاجتماعية في الإطار الوطني لرصد الصحة مع نتائج منشورة؛ "
            "تقييمات أو دراسات أو مشاريع تجريبية بشأن المشاركة موّلتها الحكومة أو طلبتها، "
            "وتقاريرها؛ تقرير البلد المقدم إلى منظمة الصحة العالمية بشأن القرار لهذه الدورة.",
            "ru": "Показатели социального участия в национальной системе мониторинга "
            "здравоохранения с опубликованными результатами; оценки, исследования или пилотные "
            "проекты по участию, профинансированные или заказанные государством, и отчеты по "
            "ним; доклад страны ВОЗ о выполнении резолюции за этот цикл.",
            "zh-hans": "国家卫生监测框架中关于社会参与的指标及已公布的结果；政府资助或委托开展的"
            "关于参与的评估、研究或试点项目及其报告；该国就本周期决议执行情况向世卫组织提交的"
            "报告。",
        },
    },
    {
        "code": "civil-society-capacity",
        "number": 10,
        "title": {
            "en": "Build the capacity of civil society",
            "fr": "Renforcer les capacités de la société civile",
            "es": "Fortalecer las capacidades de la sociedad civil",
            "pt": "Fortalecer as capacidades da sociedade civil",
            "ar": "بناء قدرات المجتمع المدني",
            "ru": "Укреплять потенциал гражданского общества",
            "zh-hans": "加强民间社会能力",
        },
        "description": {
            "en": "Civil society organisations and community representatives get the "
            "information, skills and support they need to take part on an equal footing, in an "
            "environment where they can organise and speak freely.",
            "fr": "Les organisations de la société civile et les représentants des communautés "
            "reçoivent l'information, les compétences et le soutien nécessaires pour participer "
            "sur un pied d'égalité, dans un environnement où ils peuvent s'organiser et "
            "s'exprimer librement.",
            "es": "Las organizaciones de la sociedad civil y quienes representan a las "
            "comunidades reciben la información, las competencias y el apoyo que necesitan para "
            "participar en pie de igualdad, en un entorno en el que pueden organizarse y "
            "expresarse libremente.",
            "pt": "As organizações da sociedade civil e os representantes das comunidades "
            "recebem a informação, as competências e o apoio de que precisam para participar em "
            "pé de igualdade, num ambiente em que possam se organizar e se expressar "
            "livremente.",
            "ar": "تحصل منظمات المجتمع المدني وممثلو المجتمعات المحلية على المعلومات والمهارات "
            "والدعم اللازم للمشاركة على قدم المساواة، في بيئة يستطيعون فيها التنظيم والتعبير "
            "بحرية.",
            "ru": "Организации гражданского общества и представители сообществ получают "
            "информацию, навыки и поддержку, необходимые для участия на равных, в условиях, где "
            "они могут свободно объединяться и высказываться.",
            "zh-hans": "民间社会组织和社区代表获得平等参与所需的信息、技能和支持，并处在能够自由"
            "组织和表达意见的环境中。",
        },
        "evidence_guidance": {
            "en": "Government-funded training, grants or mentoring for civil society "
            "organisations and community representatives; documents sent to participants in "
            "good time and in plain language; allowances or reimbursed costs for community "
            "representatives; laws and practice on registering and funding organisations that "
            "enable their work rather than restrict it.",
            "fr": "Des formations, subventions ou accompagnements financés par les pouvoirs "
            "publics pour les organisations de la société civile et les représentants "
            "communautaires ; des documents transmis aux participants suffisamment à l'avance "
            "et dans un langage clair ; des indemnités ou remboursements de frais pour les "
            "représentants communautaires ; des lois et pratiques d'enregistrement et de "
            "financement des associations qui facilitent leur action au lieu de la restreindre.",
            "es": "Capacitación, subvenciones o acompañamiento financiados por el gobierno para "
            "organizaciones de la sociedad civil y representantes comunitarios; documentos "
            "entregados a los participantes con antelación y en lenguaje claro; viáticos o "
            "reembolsos para los representantes comunitarios; leyes y prácticas de registro y "
            "financiación de organizaciones que faciliten su trabajo en lugar de restringirlo.",
            "pt": "Capacitações, financiamentos ou acompanhamento pagos pelo governo para "
            "organizações da sociedade civil e representantes comunitários; documentos enviados "
            "aos participantes com antecedência e em linguagem simples; diárias ou reembolsos "
            "para os representantes comunitários; leis e práticas de registro e financiamento "
            "de organizações que facilitem seu trabalho em vez de restringi-lo.",
            "ar": "تدريب أو منح أو مرافقة تموّلها الحكومة لمنظمات المجتمع المدني وممثلي "
            "المجتمعات المحلية؛ وثائق تُرسل إلى المشاركين في وقت مبكر وبلغة بسيطة؛ بدلات أو "
            "تعويض نفقات لممثلي المجتمعات المحلية؛ قوانين وممارسات لتسجيل المنظمات وتمويلها "
            "تيسّر عملها بدلاً من تقييده.",
            "ru": "Обучение, гранты или наставничество для организаций гражданского общества и "
            "представителей сообществ за счет государства; документы, которые участники "
            "получают заблаговременно и на понятном языке; компенсации расходов представителям "
            "сообществ; законы и практика регистрации и финансирования организаций, которые "
            "содействуют их работе, а не ограничивают ее.",
            "zh-hans": "政府资助的面向民间社会组织和社区代表的培训、资助或辅导；提前并以通俗语言"
            "向参与者提供的文件；为社区代表提供的补贴或费用报销；便利而非限制组织登记和筹资的"
            "法律和实践。",
        },
    },
]

# --- Reporting cycles -----------------------------------------------------------------------
#
# WHO reports to the Health Assembly in 2026, 2028 and 2030. Each cycle is open for
# assessments from the end of the previous one until the end of May of its year, when
# the Health Assembly meets; the first opens on the day the resolution was approved.

CYCLES: list[dict[str, Any]] = [
    {
        "code": str(year),
        "year": year,
        "opens_on": opens_on,
        "closes_on": date(year, 5, 31),
        "name": {
            "en": f"{year} report to the World Health Assembly",
            "fr": f"Rapport {year} à l'Assemblée mondiale de la Santé",
            "es": f"Informe de {year} a la Asamblea Mundial de la Salud",
            "pt": f"Relatório de {year} à Assembleia Mundial da Saúde",
            "ar": f"تقرير عام {year} إلى جمعية الصحة العالمية",
            "ru": f"Доклад Всемирной ассамблее здравоохранения {year} года",
            "zh-hans": f"{year}年向世界卫生大会提交的报告",
        },
    }
    for year, opens_on in (
        (2026, date(2024, 5, 29)),
        (2028, date(2026, 6, 1)),
        (2030, date(2028, 6, 1)),
    )
]

# --- Starter indicator library for community scorecards -------------------------------------
#
# ``commitment`` is the code of the related commitment of this framework, or None for
# indicators about the quality of services rather than participation itself.
# ``guidance`` helps a facilitator explain the indicator to a participant group.

INDICATORS: list[dict[str, Any]] = [
    {
        "code": "respectful-treatment",
        "commitment": None,
        "text": {
            "en": "Staff treat patients with respect",
            "fr": "Le personnel traite les patients avec respect",
            "es": "El personal trata a los pacientes con respeto",
            "pt": "Os profissionais tratam os pacientes com respeito",
            "ar": "يعامل العاملون المرضى باحترام",
            "ru": "Персонал относится к пациентам с уважением",
            "zh-hans": "工作人员尊重患者",
        },
        "guidance": {
            "en": "Think of your last visits: were you welcomed, listened to and spoken to "
            "politely, whatever your age, sex, origin or health condition?",
            "fr": "Pensez à vos dernières visites : avez-vous été accueilli, écouté et traité "
            "poliment, quels que soient votre âge, votre sexe, votre origine ou votre état de "
            "santé ?",
            "es": "Piense en sus últimas visitas: ¿le recibieron, le escucharon y le hablaron "
            "con cortesía, sin importar su edad, sexo, origen o estado de salud?",
            "pt": "Pense nas suas últimas visitas: você foi acolhido, ouvido e tratado com "
            "educação, independentemente da sua idade, sexo, origem ou condição de saúde?",
            "ar": "فكّر في زياراتك الأخيرة: هل استُقبلت وأُصغي إليك وخوطبت بلباقة، أياً كان "
            "عمرك أو جنسك أو أصلك أو حالتك الصحية؟",
            "ru": "Вспомните последние посещения: вас встретили, выслушали и говорили с вами "
            "вежливо независимо от возраста, пола, происхождения или состояния здоровья?",
            "zh-hans": "回想最近几次就诊：无论年龄、性别、出身或健康状况如何，你是否受到接待、"
            "倾听并被礼貌对待？",
        },
    },
    {
        "code": "reasonable-waiting-times",
        "commitment": None,
        "text": {
            "en": "Waiting times are reasonable",
            "fr": "Les temps d'attente sont raisonnables",
            "es": "Los tiempos de espera son razonables",
            "pt": "O tempo de espera é razoável",
            "ar": "أوقات الانتظار معقولة",
            "ru": "Время ожидания разумное",
            "zh-hans": "候诊时间合理",
        },
        "guidance": {
            "en": "How long do people usually wait between arriving and being seen, and is the "
            "order of patients fair and explained?",
            "fr": "Combien de temps attend-on habituellement entre l'arrivée et la "
            "consultation, et l'ordre de passage est-il juste et expliqué ?",
            "es": "¿Cuánto se suele esperar entre la llegada y la atención, y el orden de "
            "atención es justo y se explica?",
            "pt": "Quanto tempo as pessoas costumam esperar entre a chegada e o atendimento, e a "
            "ordem de atendimento é justa e explicada?",
            "ar": "كم ينتظر الناس عادة بين وصولهم وتلقي الخدمة، وهل ترتيب الدور عادل ومشروح؟",
            "ru": "Сколько обычно приходится ждать от прихода до приема, справедлив ли порядок "
            "очереди и объясняют ли его?",
            "zh-hans": "人们从到达到就诊通常要等多久？就诊顺序是否公平并有说明？",
        },
    },
    {
        "code": "essential-medicines",
        "commitment": None,
        "text": {
            "en": "Essential medicines are available",
            "fr": "Les médicaments essentiels sont disponibles",
            "es": "Los medicamentos esenciales están disponibles",
            "pt": "Os medicamentos essenciais estão disponíveis",
            "ar": "الأدوية الأساسية متوفرة",
            "ru": "Основные лекарственные средства имеются в наличии",
            "zh-hans": "基本药物有供应",
        },
        "guidance": {
            "en": "When they are prescribed, can people get the medicines on the essential list "
            "at the facility, without being sent to buy them elsewhere?",
            "fr": "Lorsqu'ils sont prescrits, les médicaments de la liste des médicaments "
            "essentiels peuvent-ils être obtenus sur place, sans devoir les acheter ailleurs ?",
            "es": "Cuando se recetan, ¿se pueden obtener en el establecimiento los medicamentos "
            "de la lista de medicamentos esenciales, sin tener que comprarlos en otro lugar?",
            "pt": "Quando receitados, os medicamentos da lista de medicamentos essenciais podem "
            "ser obtidos na própria unidade, sem precisar comprá-los em outro lugar?",
            "ar": "عند وصفها، هل يمكن الحصول على أدوية قائمة الأدوية الأساسية في المرفق نفسه "
            "دون الاضطرار إلى شرائها من مكان آخر؟",
            "ru": "Можно ли получить назначенные лекарства из перечня основных лекарственных "
            "средств в самом учреждении, не покупая их в другом месте?",
            "zh-hans": "开具处方后，人们能否在本机构拿到基本药物目录中的药品，而不必去别处购买？",
        },
    },
    {
        "code": "privacy-respected",
        "commitment": None,
        "text": {
            "en": "Privacy is respected during consultations",
            "fr": "La confidentialité est respectée pendant les consultations",
            "es": "Se respeta la privacidad durante las consultas",
            "pt": "A privacidade é respeitada durante as consultas",
            "ar": "تُحترم الخصوصية أثناء الاستشارات الطبية",
            "ru": "Во время приема соблюдается конфиденциальность",
            "zh-hans": "就诊时隐私得到尊重",
        },
        "guidance": {
            "en": "Are examinations and conversations held where others cannot see or hear, and "
            "is personal information kept confidential?",
            "fr": "Les examens et les échanges ont-ils lieu à l'abri des regards et des "
            "oreilles, et les informations personnelles restent-elles confidentielles ?",
            "es": "¿Los exámenes y las conversaciones se hacen donde otras personas no pueden "
            "ver ni oír, y se mantiene la confidencialidad de la información personal?",
            "pt": "Os exames e as conversas acontecem onde outras pessoas não podem ver nem "
            "ouvir, e as informações pessoais são mantidas em sigilo?",
            "ar": "هل تُجرى الفحوص والمحادثات في مكان لا يستطيع فيه الآخرون الرؤية أو السماع، "
            "وهل تبقى المعلومات الشخصية سرية؟",
            "ru": "Проходят ли осмотры и беседы там, где посторонние не видят и не слышат, и "
            "сохраняется ли конфиденциальность личных данных?",
            "zh-hans": "检查和问诊是否在他人看不到、听不到的地方进行？个人信息是否得到保密？",
        },
    },
    {
        "code": "facility-committee-meets",
        "commitment": "regular-participation",
        "text": {
            "en": "The facility committee meets and shares its decisions",
            "fr": "Le comité de santé se réunit et fait connaître ses décisions",
            "es": "El comité del establecimiento se reúne y da a conocer sus decisiones",
            "pt": "O comitê da unidade se reúne e divulga suas decisões",
            "ar": "تجتمع لجنة المرفق الصحي وتُعلن قراراتها",
            "ru": "Комитет учреждения собирается и сообщает о своих решениях",
            "zh-hans": "机构委员会定期开会并公开其决定",
        },
        "guidance": {
            "en": "Does the health facility committee meet as often as its rules say, and are "
            "its decisions posted or reported back to the community?",
            "fr": "Le comité de santé de la formation sanitaire se réunit-il aussi souvent que "
            "le prévoient ses règles, et ses décisions sont-elles affichées ou restituées à la "
            "communauté ?",
            "es": "¿El comité del establecimiento de salud se reúne con la frecuencia que fijan "
            "sus normas, y sus decisiones se publican o se comunican a la comunidad?",
            "pt": "O comitê da unidade de saúde se reúne com a frequência prevista nas suas "
            "regras, e suas decisões são afixadas ou comunicadas à comunidade?",
            "ar": "هل تجتمع لجنة المرفق الصحي بالوتيرة التي تنص عليها قواعدها، وهل تُعلَّق "
            "قراراتها أو تُبلَّغ إلى المجتمع المحلي؟",
            "ru": "Собирается ли комитет медицинского учреждения так часто, как предусмотрено "
            "его правилами, и вывешиваются ли его решения или доводятся ли они до сведения "
            "жителей?",
            "zh-hans": "卫生机构委员会是否按其规则规定的频率开会？其决定是否张贴公布或向社区反馈？",
        },
    },
    {
        "code": "complaints-answered",
        "commitment": "influence-on-decisions",
        "text": {
            "en": "Complaints are answered",
            "fr": "Les plaintes reçoivent une réponse",
            "es": "Las quejas reciben respuesta",
            "pt": "As reclamações são respondidas",
            "ar": "يُرد على الشكاوى",
            "ru": "На жалобы отвечают",
            "zh-hans": "投诉得到答复",
        },
        "guidance": {
            "en": "Is there a known way to complain or make suggestions, and do people get an "
            "answer or see a change within a reasonable time?",
            "fr": "Existe-t-il un moyen connu de déposer une plainte ou une suggestion, et "
            "obtient-on une réponse ou voit-on un changement dans un délai raisonnable ?",
            "es": "¿Existe una vía conocida para presentar quejas o sugerencias, y la gente "
            "recibe respuesta o ve algún cambio en un plazo razonable?",
            "pt": "Existe um canal conhecido para reclamações ou sugestões, e as pessoas recebem "
            "resposta ou veem mudanças em prazo razoável?",
            "ar": "هل توجد وسيلة معروفة لتقديم الشكاوى أو الاقتراحات، وهل يتلقى الناس رداً أو "
            "يرون تغييراً خلال مدة معقولة؟",
            "ru": "Есть ли известный людям способ подать жалобу или предложение, и получают ли "
            "они ответ или видят ли изменения в разумный срок?",
            "zh-hans": "是否有众所周知的投诉或建议渠道？人们能否在合理时间内得到答复或看到改变？",
        },
    },
    {
        "code": "fees-displayed",
        "commitment": None,
        "text": {
            "en": "User fees are displayed and respected",
            "fr": "Les tarifs sont affichés et respectés",
            "es": "Las tarifas están a la vista y se respetan",
            "pt": "As taxas cobradas estão afixadas e são respeitadas",
            "ar": "رسوم الخدمات معلنة ومحترمة",
            "ru": "Тарифы на услуги вывешены и соблюдаются",
            "zh-hans": "收费标准公示并得到遵守",
        },
        "guidance": {
            "en": "Are the official fees, and the services that are free, posted where everyone "
            "can see them, and does nobody ask for more or for informal payments?",
            "fr": "Les tarifs officiels, et les services gratuits, sont-ils affichés à la vue de "
            "tous, sans que personne ne demande davantage ni de paiement informel ?",
            "es": "¿Las tarifas oficiales y los servicios gratuitos están publicados donde todos "
            "pueden verlos, sin que nadie cobre de más ni pida pagos informales?",
            "pt": "As taxas oficiais, e os serviços gratuitos, estão afixados onde todos podem "
            "ver, sem que ninguém cobre a mais nem peça pagamentos informais?",
            "ar": "هل الرسوم الرسمية، والخدمات المجانية، معلنة في مكان يراه الجميع، دون أن "
            "يطلب أحد مبالغ إضافية أو مدفوعات غير رسمية؟",
            "ru": "Вывешены ли на видном месте официальные тарифы и перечень бесплатных услуг и "
            "не требуют ли сверх этого неофициальных платежей?",
            "zh-hans": "官方收费标准和免费服务是否张贴在人人可见之处？是否没有人多收费或索要"
            "非正式费用？",
        },
    },
    {
        "code": "clean-with-water",
        "commitment": None,
        "text": {
            "en": "The facility is clean and has water",
            "fr": "La formation sanitaire est propre et dispose d'eau",
            "es": "El establecimiento está limpio y tiene agua",
            "pt": "A unidade está limpa e tem água",
            "ar": "المرفق نظيف ويتوفر فيه الماء",
            "ru": "В учреждении чисто и есть вода",
            "zh-hans": "机构干净并有水",
        },
        "guidance": {
            "en": "Are the rooms, beds and toilets clean, and is there safe water, piped or "
            "stored, for patients and staff every day?",
            "fr": "Les salles, les lits et les toilettes sont-ils propres, et y a-t-il chaque "
            "jour de l'eau potable, courante ou stockée, pour les patients et le personnel ?",
            "es": "¿Las salas, las camas y los baños están limpios, y hay agua segura, corriente "
            "o almacenada, todos los días para pacientes y personal?",
            "pt": "As salas, os leitos e os banheiros estão limpos, e há água potável, encanada "
            "ou armazenada, todos os dias para pacientes e profissionais?",
            "ar": "هل الغرف والأسرّة ودورات المياه نظيفة، وهل تتوفر كل يوم مياه مأمونة، جارية "
            "أو مخزنة، للمرضى والعاملين؟",
            "ru": "Чисты ли палаты, койки и туалеты и есть ли каждый день безопасная вода — "
            "водопроводная или запасенная — для пациентов и персонала?",
            "zh-hans": "诊室、病床和厕所是否干净？每天是否都有供患者和员工使用的安全自来水或"
            "储备水？",
        },
    },
    {
        "code": "people-know-rights",
        "commitment": "civil-society-capacity",
        "text": {
            "en": "People know their rights as patients",
            "fr": "Les gens connaissent leurs droits de patients",
            "es": "La gente conoce sus derechos como pacientes",
            "pt": "As pessoas conhecem seus direitos como pacientes",
            "ar": "يعرف الناس حقوقهم بوصفهم مرضى",
            "ru": "Люди знают свои права как пациенты",
            "zh-hans": "民众了解自己作为患者的权利",
        },
        "guidance": {
            "en": "Do community members know which services they are entitled to, what they "
            "should pay and how to claim their rights, for example from a posted charter or "
            "information sessions?",
            "fr": "Les membres de la communauté savent-ils à quels services ils ont droit, ce "
            "qu'ils doivent payer et comment faire valoir leurs droits, par exemple grâce à une "
            "charte affichée ou à des séances d'information ?",
            "es": "¿Las personas de la comunidad saben a qué servicios tienen derecho, cuánto "
            "deben pagar y cómo reclamar sus derechos, por ejemplo gracias a una carta de "
            "derechos a la vista o a sesiones informativas?",
            "pt": "Os membros da comunidade sabem a que serviços têm direito, quanto devem pagar "
            "e como reivindicar seus direitos, por exemplo por meio de uma carta de direitos "
            "afixada ou de rodas de conversa?",
            "ar": "هل يعرف أفراد المجتمع المحلي الخدمات التي يحق لهم الحصول عليها، وما ينبغي "
            "أن يدفعوه، وكيف يطالبون بحقوقهم، مثلاً من خلال ميثاق معلّق أو جلسات توعية؟",
            "ru": "Знают ли жители, на какие услуги они имеют право, сколько должны платить и "
            "как отстоять свои права, например благодаря вывешенной хартии или "
            "информационным встречам?",
            "zh-hans": "社区成员是否知道自己有权获得哪些服务、应付多少费用以及如何维护权利，例如"
            "通过张贴的患者权利章程或宣传活动？",
        },
    },
    {
        "code": "community-in-planning",
        "commitment": "influence-on-decisions",
        "text": {
            "en": "Community members take part in planning",
            "fr": "Les membres de la communauté participent à la planification",
            "es": "La comunidad participa en la planificación",
            "pt": "A comunidade participa do planejamento",
            "ar": "يشارك أفراد المجتمع المحلي في التخطيط",
            "ru": "Жители участвуют в планировании",
            "zh-hans": "社区成员参与规划",
        },
        "guidance": {
            "en": "Were community representatives involved in preparing the facility's or "
            "district's plan and budget, and can they point to something that changed because "
            "of them?",
            "fr": "Des représentants de la communauté ont-ils été associés à l'élaboration du "
            "plan et du budget de la formation sanitaire ou du district, et peuvent-ils citer "
            "quelque chose qui a changé grâce à eux ?",
            "es": "¿Participaron representantes de la comunidad en la elaboración del plan y el "
            "presupuesto del establecimiento o del distrito, y pueden señalar algo que cambió "
            "gracias a ellos?",
            "pt": "Representantes da comunidade participaram da elaboração do plano e do "
            "orçamento da unidade ou do distrito, e conseguem apontar algo que mudou graças a "
            "eles?",
            "ar": "هل أُشرك ممثلو المجتمع المحلي في إعداد خطة المرفق أو المنطقة وميزانيتها، "
            "وهل يستطيعون الإشارة إلى أمر تغيّر بفضلهم؟",
            "ru": "Участвовали ли представители сообщества в подготовке плана и бюджета "
            "учреждения или района и могут ли они назвать что-то, что изменилось благодаря им?",
            "zh-hans": "社区代表是否参与了卫生机构或地区规划和预算的编制？他们能否指出因自己的"
            "参与而发生的变化？",
        },
    },
    {
        "code": "disability-access",
        "commitment": None,
        "text": {
            "en": "Services are accessible to people with disabilities",
            "fr": "Les services sont accessibles aux personnes handicapées",
            "es": "Los servicios son accesibles para las personas con discapacidad",
            "pt": "Os serviços são acessíveis às pessoas com deficiência",
            "ar": "الخدمات متاحة للأشخاص ذوي الإعاقة",
            "ru": "Услуги доступны для людей с инвалидностью",
            "zh-hans": "残疾人能够获得服务",
        },
        "guidance": {
            "en": "Can people with physical, sensory or intellectual disabilities get in, move "
            "around, communicate and be examined, thanks to ramps, adapted toilets, sign "
            "language or easy-to-read information?",
            "fr": "Les personnes ayant un handicap physique, sensoriel ou intellectuel "
            "peuvent-elles entrer, se déplacer, communiquer et être examinées, grâce à des "
            "rampes, des toilettes adaptées, la langue des signes ou des informations faciles "
            "à lire ?",
            "es": "¿Las personas con discapacidad física, sensorial o intelectual pueden entrar, "
            "desplazarse, comunicarse y ser examinadas, gracias a rampas, baños adaptados, "
            "lengua de señas o información de lectura fácil?",
            "pt": "Pessoas com deficiência física, sensorial ou intelectual conseguem entrar, "
            "circular, se comunicar e ser examinadas, graças a rampas, banheiros adaptados, "
            "língua de sinais ou informações em linguagem simples?",
            "ar": "هل يستطيع الأشخاص ذوو الإعاقة الجسدية أو الحسية أو الذهنية الدخول والتنقل "
            "والتواصل والخضوع للفحص، بفضل المنحدرات ودورات المياه المهيأة ولغة الإشارة أو "
            "المعلومات سهلة القراءة؟",
            "ru": "Могут ли люди с физическими, сенсорными или интеллектуальными нарушениями "
            "войти, передвигаться, общаться и пройти осмотр — есть ли пандусы, приспособленные "
            "туалеты, жестовый язык или информация в легком для чтения формате?",
            "zh-hans": "身体、感官或智力残疾者能否进入机构、在内部行动、沟通交流并接受检查？是否"
            "有坡道、无障碍厕所、手语或易读信息？",
        },
    },
    {
        "code": "staff-present",
        "commitment": None,
        "text": {
            "en": "Health workers are present at opening hours",
            "fr": "Les soignants sont présents aux heures d'ouverture",
            "es": "El personal de salud está presente en el horario de atención",
            "pt": "Os profissionais de saúde estão presentes no horário de funcionamento",
            "ar": "العاملون الصحيون حاضرون خلال ساعات العمل",
            "ru": "Медицинские работники на месте в часы работы",
            "zh-hans": "开放时间内医务人员在岗",
        },
        "guidance": {
            "en": "Is the facility open at the posted hours, with the expected health workers on "
            "duty, including at night and at weekends where that is promised?",
            "fr": "La formation sanitaire est-elle ouverte aux heures affichées, avec les "
            "soignants prévus en poste, y compris la nuit et le week-end lorsque c'est annoncé ?",
            "es": "¿El establecimiento abre en el horario publicado, con el personal de salud "
            "previsto de turno, incluso de noche y los fines de semana cuando así se anuncia?",
            "pt": "A unidade abre no horário afixado, com os profissionais previstos de plantão, "
            "inclusive à noite e nos fins de semana quando isso é prometido?",
            "ar": "هل يفتح المرفق في الساعات المعلنة ويكون العاملون الصحيون المقررون في "
            "مناوبتهم، بما في ذلك ليلاً وفي عطلات نهاية الأسبوع حين يكون ذلك معلناً؟",
            "ru": "Открыто ли учреждение в объявленные часы и находятся ли на месте положенные "
            "медицинские работники, в том числе ночью и в выходные, если это обещано?",
            "zh-hans": "机构是否按公布的时间开放？应在岗的医务人员是否到岗，包括承诺提供服务的"
            "夜间和周末？",
        },
    },
    {
        "code": "marginalised-voices-heard",
        "commitment": "inclusive-participation",
        "text": {
            "en": "Women, young people and marginalised groups are heard in the facility committee",
            "fr": "Les femmes, les jeunes et les groupes marginalisés sont entendus au sein du "
            "comité de santé",
            "es": "Las mujeres, los jóvenes y los grupos marginados son escuchados en el comité "
            "del establecimiento",
            "pt": "Mulheres, jovens e grupos marginalizados são ouvidos no comitê da unidade",
            "ar": "يُستمع إلى النساء والشباب والفئات المهمشة في لجنة المرفق الصحي",
            "ru": "Женщин, молодежь и маргинализированные группы слышат в комитете учреждения",
            "zh-hans": "妇女、青年和边缘化群体的声音在机构委员会中得到倾听",
        },
        "guidance": {
            "en": "Do these groups have members on the committee, do they speak at meetings, and "
            "are their concerns on the agenda?",
            "fr": "Ces groupes ont-ils des membres au sein du comité, prennent-ils la parole en "
            "réunion et leurs préoccupations sont-elles inscrites à l'ordre du jour ?",
            "es": "¿Estos grupos tienen integrantes en el comité, toman la palabra en las "
            "reuniones y sus preocupaciones figuran en el orden del día?",
            "pt": "Esses grupos têm membros no comitê, tomam a palavra nas reuniões e suas "
            "preocupações estão na pauta?",
            "ar": "هل لهذه الفئات أعضاء في اللجنة، وهل يتحدثون في الاجتماعات، وهل تُدرج "
            "شواغلهم في جدول الأعمال؟",
            "ru": "Есть ли у этих групп представители в комитете, выступают ли они на заседаниях "
            "и включаются ли их вопросы в повестку?",
            "zh-hans": "这些群体在委员会中是否有成员？他们是否在会上发言？他们关心的问题是否列入"
            "议程？",
        },
    },
    {
        "code": "budget-shared",
        "commitment": "public-resources",
        "text": {
            "en": "The facility's budget and spending are shared with the community",
            "fr": "Le budget et les dépenses de la formation sanitaire sont communiqués à la "
            "communauté",
            "es": "El presupuesto y el gasto del establecimiento se comparten con la comunidad",
            "pt": "O orçamento e os gastos da unidade são compartilhados com a comunidade",
            "ar": "يُطلَع المجتمع المحلي على ميزانية المرفق ونفقاته",
            "ru": "Бюджет и расходы учреждения открыты для жителей",
            "zh-hans": "机构预算和支出向社区公开",
        },
        "guidance": {
            "en": "Are the money received, from government and from fees, and how it was spent "
            "posted or presented at community meetings?",
            "fr": "Les fonds reçus, de l'État comme des paiements des usagers, et leur "
            "utilisation sont-ils affichés ou présentés lors de réunions communautaires ?",
            "es": "¿El dinero recibido, del Estado y de los pagos de los usuarios, y el uso que "
            "se le dio se publican o se presentan en reuniones comunitarias?",
            "pt": "Os recursos recebidos, do governo e das taxas pagas pelos usuários, e a forma "
            "como foram gastos são afixados ou apresentados em reuniões comunitárias?",
            "ar": "هل تُعلَّق الأموال الواردة، من الحكومة ومن رسوم المستخدمين، وأوجه إنفاقها، "
            "أو تُعرض في اجتماعات المجتمع المحلي؟",
            "ru": "Вывешиваются ли или представляются на встречах с жителями сведения о "
            "полученных средствах — от государства и от платы пациентов — и о том, на что они "
            "потрачены?",
            "zh-hans": "机构从政府和使用者付费中获得的资金及其使用情况，是否张贴公布或在社区会议"
            "上介绍？",
        },
    },
]
