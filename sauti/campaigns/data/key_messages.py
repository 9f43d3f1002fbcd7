"""Key messages on social participation in health: the coalition's talking points.

The key-message library: short, quotable messages on what social participation
is, why governments should prioritise it, what meaningful participation takes,
the WHA77 commitments, and what civil society asks of governments, donors and
WHO. Each message names its topic, the audiences it is written for (a message
may serve several) and the source of its facts, a key of ``SOURCES``.
Campaigners adapt the wording to their country; the facts stay as sourced.

Facts come from the CSEM *Advocacy Toolkit on Social Participation for UHC,
Health and Well-Being* (sections 1 to 4; its section 5 announces the
"priorities and messaging paper" this library plays the part of), from
resolution WHA77 on social participation (2024), the 2023 UN Political
Declaration on UHC and the WHO handbook *Voice, agency, empowerment* (2021).
Every sentence is written in our own words, in all seven languages.

Migrations import this module, so it must stay free of model imports.
Texts are dicts keyed by language code; every dict holds all of ``LANGUAGES``.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "fr", "es", "pt", "ar", "ru", "zh-hans")

# Who a message is written for; a message may carry several audiences.
AUDIENCES: dict[str, dict[str, str]] = {
    "ministry_of_health": {
        "en": "Ministry of health",
        "fr": "Ministère de la santé",
        "es": "Ministerio de salud",
        "pt": "Ministério da saúde",
        "ar": "وزارة الصحة",
        "ru": "Министерство здравоохранения",
        "zh-hans": "卫生部",
    },
    "ministry_of_finance": {
        "en": "Ministry of finance",
        "fr": "Ministère des finances",
        "es": "Ministerio de finanzas",
        "pt": "Ministério das finanças",
        "ar": "وزارة المالية",
        "ru": "Министерство финансов",
        "zh-hans": "财政部",
    },
    "parliamentarians": {
        "en": "Parliamentarians",
        "fr": "Parlementaires",
        "es": "Parlamentarios",
        "pt": "Parlamentares",
        "ar": "البرلمانيون",
        "ru": "Парламентарии",
        "zh-hans": "议员",
    },
    "donors": {
        "en": "Donors",
        "fr": "Bailleurs de fonds",
        "es": "Donantes",
        "pt": "Doadores",
        "ar": "الجهات المانحة",
        "ru": "Доноры",
        "zh-hans": "捐助方",
    },
    "media": {
        "en": "Media",
        "fr": "Médias",
        "es": "Medios de comunicación",
        "pt": "Meios de comunicação",
        "ar": "وسائل الإعلام",
        "ru": "СМИ",
        "zh-hans": "媒体",
    },
    "communities": {
        "en": "Communities",
        "fr": "Communautés",
        "es": "Comunidades",
        "pt": "Comunidades",
        "ar": "المجتمعات المحلية",
        "ru": "Сообщества",
        "zh-hans": "社区",
    },
}

# What a message is about; every message has exactly one topic.
TOPICS: dict[str, dict[str, str]] = {
    "what_it_is": {
        "en": "What social participation is",
        "fr": "Ce qu’est la participation sociale",
        "es": "Qué es la participación social",
        "pt": "O que é a participação social",
        "ar": "ما هي المشاركة الاجتماعية",
        "ru": "Что такое социальное участие",
        "zh-hans": "什么是社会参与",
    },
    "why_prioritise": {
        "en": "Why governments should prioritise it",
        "fr": "Pourquoi les gouvernements doivent en faire une priorité",
        "es": "Por qué los gobiernos deben darle prioridad",
        "pt": "Por que os governos devem priorizá-la",
        "ar": "لماذا ينبغي للحكومات أن تجعلها أولوية",
        "ru": "Почему правительствам следует сделать социальное участие приоритетом",
        "zh-hans": "政府为何应优先重视社会参与",
    },
    "meaningful_participation": {
        "en": "What meaningful participation takes",
        "fr": "Les conditions d’une participation significative",
        "es": "Qué requiere una participación significativa",
        "pt": "O que exige uma participação significativa",
        "ar": "مقومات المشاركة الهادفة",
        "ru": "Что необходимо для значимого участия",
        "zh-hans": "有意义的参与需要什么",
    },
    "wha77_commitments": {
        "en": "The WHA77 commitments",
        "fr": "Les engagements de la résolution WHA77",
        "es": "Los compromisos de la resolución WHA77",
        "pt": "Os compromissos da resolução WHA77",
        "ar": "التزامات القرار WHA77",
        "ru": "Обязательства по резолюции WHA77",
        "zh-hans": "WHA77决议的各项承诺",
    },
    "asks_governments": {
        "en": "Asks to governments",
        "fr": "Demandes aux gouvernements",
        "es": "Peticiones a los gobiernos",
        "pt": "Reivindicações aos governos",
        "ar": "مطالب موجهة إلى الحكومات",
        "ru": "Призывы к правительствам",
        "zh-hans": "对各国政府的诉求",
    },
    "asks_donors": {
        "en": "Asks to donors",
        "fr": "Demandes aux bailleurs de fonds",
        "es": "Peticiones a los donantes",
        "pt": "Reivindicações aos doadores",
        "ar": "مطالب موجهة إلى الجهات المانحة",
        "ru": "Призывы к донорам",
        "zh-hans": "对捐助方的诉求",
    },
    "asks_who": {
        "en": "Asks to WHO",
        "fr": "Demandes à l’OMS",
        "es": "Peticiones a la OMS",
        "pt": "Reivindicações à OMS",
        "ar": "مطالب موجهة إلى منظمة الصحة العالمية",
        "ru": "Призывы к ВОЗ",
        "zh-hans": "对世卫组织的诉求",
    },
}

# Where the facts of a message come from (the ``source`` of each message).
SOURCES: dict[str, str] = {
    "toolkit": "Civil Society Engagement Mechanism for UHC2030 (CSEM), Advocacy Toolkit on Social "
    "Participation for Universal Health Coverage, Health and Well-Being",
    "wha77": "WHA77 resolution on social participation for UHC, health and well-being (2024)",
    "handbook": "WHO, Voice, agency, empowerment – handbook on social participation for UHC (2021)",
    "uhc_declaration_2023": "Political declaration of the UN General Assembly high-level meeting "
    "on universal health coverage (2023)",
}

MESSAGES: list[dict[str, Any]] = [
    # --- What social participation is -------------------------------------------------
    {
        "code": "what-it-is-definition",
        "topic": "what_it_is",
        "audiences": ["media", "communities"],
        "source": "wha77",
        "text": {
            "en": "Social participation in health means that people, communities and civil society "
            "have a real say in the decisions that affect their health – at every stage of "
            "policy-making and at every level of the health system, from the local clinic to the "
            "ministry.",
            "fr": "La participation sociale en santé, c’est donner à la population, aux "
            "communautés et à la société civile un vrai pouvoir d’influence sur les décisions qui "
            "touchent leur santé – à chaque étape de l’élaboration des politiques et à chaque "
            "niveau du système de santé, du centre de santé local jusqu’au ministère.",
            "es": "La participación social en salud significa que las personas, las comunidades y "
            "la sociedad civil tienen una voz real en las decisiones que afectan a su salud, en "
            "cada etapa de las políticas y en cada nivel del sistema de salud, desde el centro de "
            "salud local hasta el ministerio.",
            "pt": "Participação social em saúde significa que as pessoas, as comunidades e a "
            "sociedade civil têm voz real nas decisões que afetam sua saúde – em cada etapa das "
            "políticas e em cada nível do sistema de saúde, da unidade de saúde local ao "
            "ministério.",
            "ar": "تعني المشاركة الاجتماعية في مجال الصحة أن يكون للناس والمجتمعات المحلية "
            "والمجتمع المدني رأي فعلي في القرارات التي تمس صحتهم، في كل مرحلة من مراحل رسم "
            "السياسات وعلى كل مستوى من مستويات النظام الصحي، من المركز الصحي المحلي إلى الوزارة.",
            "ru": "Социальное участие в здравоохранении означает, что люди, сообщества и "
            "гражданское общество реально влияют на решения, касающиеся их здоровья, — на каждом "
            "этапе выработки политики и на каждом уровне системы здравоохранения, от местного "
            "медпункта до министерства.",
            "zh-hans": "卫生领域的社会参与，是指民众、社区和民间社会在影响其健康的决策中拥有真正的"
            "发言权——贯穿政策制定的每个阶段，覆盖卫生系统的每个层级，从基层诊所到卫生部。",
        },
    },
    {
        "code": "what-it-is-lived-knowledge",
        "topic": "what_it_is",
        "audiences": ["ministry_of_health", "communities"],
        "source": "toolkit",
        "text": {
            "en": "The people who use health services know first-hand what works, what does not "
            "and why. Social participation brings that knowledge to the table where priorities, "
            "plans and budgets are decided.",
            "fr": "Les personnes qui utilisent les services de santé savent, par expérience, ce "
            "qui fonctionne, ce qui ne fonctionne pas et pourquoi. La participation sociale "
            "apporte ce savoir à la table où se décident les priorités, les plans et les budgets.",
            "es": "Quienes usan los servicios de salud saben por experiencia propia qué funciona, "
            "qué no y por qué. La participación social lleva ese conocimiento a la mesa donde se "
            "deciden las prioridades, los planes y los presupuestos.",
            "pt": "Quem usa os serviços de saúde sabe, por experiência própria, o que funciona, o "
            "que não funciona e por quê. A participação social leva esse conhecimento à mesa onde "
            "se decidem prioridades, planos e orçamentos.",
            "ar": "يعرف مستخدمو الخدمات الصحية من واقع تجربتهم ما ينجح وما لا ينجح وأسباب ذلك. "
            "والمشاركة الاجتماعية تنقل هذه المعرفة إلى الطاولة التي تُحدَّد عندها الأولويات والخطط "
            "والميزانيات.",
            "ru": "Те, кто пользуется услугами здравоохранения, на собственном опыте знают, что "
            "работает, что нет и почему. Социальное участие приносит это знание туда, где "
            "определяются приоритеты, планы и бюджеты.",
            "zh-hans": "使用卫生服务的人亲身知道什么行之有效、什么行不通，以及原因何在。社会参与把"
            "这些知识带到确定优先事项、规划和预算的决策桌上。",
        },
    },
    {
        "code": "what-it-is-whole-policy-cycle",
        "topic": "what_it_is",
        "audiences": ["ministry_of_health", "parliamentarians"],
        "source": "wha77",
        "text": {
            "en": "Participation is more than a one-off consultation. It should run through the "
            "whole policy cycle: setting priorities, designing policies and budgets, putting them "
            "into practice and checking what they achieved.",
            "fr": "La participation ne se résume pas à une consultation ponctuelle. Elle doit "
            "accompagner tout le cycle des politiques : fixer les priorités, concevoir les "
            "politiques et les budgets, les mettre en œuvre et évaluer leurs résultats.",
            "es": "La participación es más que una consulta puntual. Debe recorrer todo el ciclo "
            "de las políticas: fijar prioridades, diseñar políticas y presupuestos, ponerlos en "
            "práctica y evaluar sus resultados.",
            "pt": "A participação é mais do que uma consulta pontual. Ela deve percorrer todo o "
            "ciclo das políticas: definir prioridades, formular políticas e orçamentos, colocá-los "
            "em prática e avaliar seus resultados.",
            "ar": "المشاركة أكثر من مجرد مشاورة تُجرى مرة واحدة. فينبغي أن تمتد عبر دورة السياسات "
            "بأكملها: تحديد الأولويات، وتصميم السياسات والميزانيات، وتنفيذها، وتقييم ما حققته من "
            "نتائج.",
            "ru": "Участие — это не разовая консультация. Оно должно охватывать весь цикл "
            "политики: определение приоритетов, разработку политики и бюджетов, их реализацию и "
            "оценку достигнутых результатов.",
            "zh-hans": "社会参与不是一次性的征求意见，而应贯穿整个政策周期：确定优先事项、制定政策"
            "和预算、付诸实施，并评估取得的成效。",
        },
    },
    {
        "code": "what-it-is-many-forms",
        "topic": "what_it_is",
        "audiences": ["parliamentarians", "media"],
        "source": "toolkit",
        "text": {
            "en": "There is no single blueprint. Brazil's health councils, Thailand's National "
            "Health Assembly and Senegal's health development committees all look different; what "
            "they share is a regular, recognised place for people's voices in health decisions.",
            "fr": "Il n’existe pas de modèle unique. Les conseils de santé du Brésil, l’Assemblée "
            "nationale de la santé de la Thaïlande et les comités de développement sanitaire du "
            "Sénégal prennent des formes différentes ; leur point commun est d’offrir à la voix "
            "des citoyens une place régulière et reconnue dans les décisions de santé.",
            "es": "No existe un modelo único. Los consejos de salud de Brasil, la Asamblea "
            "Nacional de Salud de Tailandia y los comités de desarrollo sanitario de Senegal "
            "tienen formas distintas; lo que comparten es un lugar regular y reconocido para la "
            "voz de la gente en las decisiones de salud.",
            "pt": "Não existe um modelo único. Os conselhos de saúde do Brasil, a Assembleia "
            "Nacional de Saúde da Tailândia e os comitês de desenvolvimento sanitário do Senegal "
            "têm formatos diferentes; o que os une é um espaço regular e reconhecido para a voz da "
            "população nas decisões de saúde.",
            "ar": "لا يوجد نموذج واحد يصلح للجميع. فالمجالس الصحية في البرازيل، والجمعية الوطنية "
            "للصحة في تايلند، ولجان التنمية الصحية في السنغال تتخذ أشكالاً مختلفة، لكنها تشترك في "
            "أنها تمنح صوت الناس مكاناً منتظماً ومعترفاً به في القرارات الصحية.",
            "ru": "Единого образца не существует. Советы по здравоохранению в Бразилии, "
            "Национальная ассамблея здравоохранения Таиланда и комитеты по развитию "
            "здравоохранения в Сенегале устроены по-разному; их объединяет то, что голос людей "
            "получает в них постоянное и признанное место в решениях о здравоохранении.",
            "zh-hans": "社会参与没有统一的模式。巴西的卫生理事会、泰国国家卫生大会和塞内加尔的卫生"
            "发展委员会形式各异，但共同点在于：民众的声音在卫生决策中拥有固定且得到认可的位置。",
        },
    },
    # --- Why governments should prioritise it -----------------------------------------
    {
        "code": "why-policies-that-work",
        "topic": "why_prioritise",
        "audiences": ["ministry_of_health", "ministry_of_finance"],
        "source": "toolkit",
        "text": {
            "en": "Health policies designed with the people they are meant to serve are more "
            "likely to work, to be accepted and to be carried through. Participation tells "
            "governments early what will succeed on the ground.",
            "fr": "Les politiques de santé conçues avec celles et ceux qu’elles doivent servir ont "
            "plus de chances de fonctionner, d’être acceptées et d’être menées à bien. La "
            "participation indique tôt aux gouvernements ce qui marchera sur le terrain.",
            "es": "Las políticas de salud diseñadas con las personas a las que deben servir tienen "
            "más probabilidades de funcionar, de ser aceptadas y de llevarse a término. La "
            "participación indica a los gobiernos, desde el principio, qué dará resultado sobre el "
            "terreno.",
            "pt": "Políticas de saúde formuladas com as pessoas a quem se destinam têm mais "
            "chances de funcionar, de ser aceitas e de ser levadas adiante. A participação mostra "
            "cedo aos governos o que vai dar certo na prática.",
            "ar": "السياسات الصحية التي تُصمَّم بمشاركة الناس الذين وُضعت لخدمتهم أوفر حظاً في "
            "النجاح والقبول والتنفيذ الكامل. فالمشاركة تنبّه الحكومات مبكراً إلى ما سينجح على أرض "
            "الواقع.",
            "ru": "Политика здравоохранения, разработанная вместе с теми, кому она адресована, с "
            "большей вероятностью окажется действенной, получит поддержку и будет доведена до "
            "конца. Участие заранее подсказывает правительствам, что сработает на практике.",
            "zh-hans": "与服务对象共同制定的卫生政策，更有可能取得成效、获得认可并得到切实执行。社"
            "会参与能让政府及早了解哪些做法在实践中行得通。",
        },
    },
    {
        "code": "why-trust-and-accountability",
        "topic": "why_prioritise",
        "audiences": ["parliamentarians", "media"],
        "source": "toolkit",
        "text": {
            "en": "Trust in health systems cannot be ordered; it has to be earned. When people see "
            "their input shape decisions, confidence grows, and health governance becomes more "
            "open and accountable.",
            "fr": "La confiance dans les systèmes de santé ne se décrète pas, elle se gagne. Quand "
            "les citoyens voient que leur avis pèse sur les décisions, la confiance grandit, et "
            "avec elle la transparence et la redevabilité de la gouvernance de la santé.",
            "es": "La confianza en los sistemas de salud no se decreta: se gana. Cuando la gente "
            "ve que sus aportes influyen en las decisiones, la confianza crece, y con ella la "
            "transparencia y la rendición de cuentas en la gobernanza de la salud.",
            "pt": "A confiança nos sistemas de saúde não se decreta: se conquista. Quando as "
            "pessoas veem que suas contribuições influenciam as decisões, a confiança cresce, e "
            "com ela a transparência e a prestação de contas na governança da saúde.",
            "ar": "الثقة في النظم الصحية لا تُفرض بقرار، بل تُكتسب. فعندما يرى الناس أن آراءهم "
            "تؤثر في القرارات تزداد ثقتهم، وتزداد معها الشفافية والمساءلة في حوكمة الصحة.",
            "ru": "Доверие к системе здравоохранения нельзя ввести приказом — его нужно заслужить. "
            "Когда люди видят, что их мнение влияет на решения, доверие растёт, а вместе с ним — "
            "прозрачность и подотчётность управления здравоохранением.",
            "zh-hans": "对卫生系统的信任无法靠命令获得，只能靠争取。当民众看到自己的意见影响了决"
            "策，信任就会增强，卫生治理的透明度和问责也会随之提升。",
        },
    },
    {
        "code": "why-equity",
        "topic": "why_prioritise",
        "audiences": ["communities", "donors"],
        "source": "toolkit",
        "text": {
            "en": "Participation drives equity. It gives marginalised and under-represented groups "
            "a platform to name the barriers they face – distance, discrimination, laws that "
            "exclude – and to shape the answers, so that no one is left behind.",
            "fr": "La participation fait progresser l’équité. Elle offre aux groupes marginalisés "
            "et sous-représentés une tribune pour nommer les obstacles qu’ils rencontrent – "
            "l’éloignement, la discrimination, des lois qui excluent – et pour façonner les "
            "réponses, afin de ne laisser personne de côté.",
            "es": "La participación impulsa la equidad. Da a los grupos marginados y "
            "subrepresentados un espacio para nombrar las barreras que enfrentan —la distancia, la "
            "discriminación, leyes que excluyen— y para dar forma a las soluciones, de modo que "
            "nadie se quede atrás.",
            "pt": "A participação promove a equidade. Ela dá aos grupos marginalizados e "
            "sub-representados um espaço para nomear as barreiras que enfrentam – a distância, a "
            "discriminação, leis que excluem – e para moldar as respostas, sem deixar ninguém para "
            "trás.",
            "ar": "المشاركة محرّك للإنصاف. فهي تمنح الفئات المهمشة والممثلة تمثيلاً ناقصاً منبراً "
            "لتسمية العوائق التي تواجهها، من بُعد المسافة إلى التمييز والقوانين الإقصائية، "
            "وللإسهام في صياغة الحلول، حتى لا يتخلف أحد عن الركب.",
            "ru": "Участие служит справедливости. Оно даёт маргинализированным и недостаточно "
            "представленным группам возможность назвать барьеры, с которыми они сталкиваются, — "
            "удалённость, дискриминацию, исключающие их законы — и участвовать в поиске решений, "
            "чтобы никто не был забыт.",
            "zh-hans": "社会参与推动健康公平。它为边缘化群体和代表性不足的群体提供平台，让他们说出"
            "自己面临的障碍——路途遥远、歧视、排斥性的法律——并参与制定解决办法，做到不让任何人掉"
            "队。",
        },
    },
    {
        "code": "why-crisis-preparedness",
        "topic": "why_prioritise",
        "audiences": ["ministry_of_health", "donors", "media"],
        "source": "toolkit",
        "text": {
            "en": "COVID-19 showed that outbreaks are brought under control with trust, local "
            "knowledge and community action. Countries that build participation mechanisms before "
            "a crisis are better placed to detect threats early, reach vulnerable groups fast and "
            "coordinate their response.",
            "fr": "La COVID-19 a montré que l’on maîtrise une épidémie grâce à la confiance, aux "
            "savoirs locaux et à l’action des communautés. Les pays qui mettent en place des "
            "mécanismes de participation avant une crise sont mieux armés pour détecter tôt les "
            "menaces, atteindre vite les groupes vulnérables et coordonner leur riposte.",
            "es": "La COVID-19 demostró que los brotes se controlan con confianza, conocimiento "
            "local y acción comunitaria. Los países que crean mecanismos de participación antes de "
            "una crisis están mejor preparados para detectar pronto las amenazas, llegar rápido a "
            "los grupos vulnerables y coordinar su respuesta.",
            "pt": "A covid-19 mostrou que surtos se controlam com confiança, conhecimento local e "
            "ação comunitária. Países que criam mecanismos de participação antes de uma crise "
            "estão mais bem preparados para detectar ameaças cedo, alcançar rapidamente os grupos "
            "vulneráveis e coordenar sua resposta.",
            "ar": "أثبتت جائحة كوفيد-19 أن السيطرة على الفاشيات تقوم على الثقة والمعرفة المحلية "
            "والعمل المجتمعي. والبلدان التي تنشئ آليات للمشاركة قبل وقوع الأزمات تكون أقدر على "
            "الكشف المبكر عن التهديدات، والوصول سريعاً إلى الفئات الضعيفة، وتنسيق استجابتها.",
            "ru": "Пандемия COVID-19 показала, что вспышки удаётся сдержать благодаря доверию, "
            "знанию местных условий и действиям сообществ. Страны, создавшие механизмы участия до "
            "кризиса, лучше готовы к тому, чтобы рано выявлять угрозы, быстро охватывать уязвимые "
            "группы и координировать ответные меры.",
            "zh-hans": "COVID-19大流行表明，控制疫情要靠信任、本地知识和社区行动。在危机到来之前就"
            "建立参与机制的国家，更有能力及早发现威胁、迅速覆盖弱势群体并协调应对行动。",
        },
    },
    {
        "code": "why-money-well-spent",
        "topic": "why_prioritise",
        "audiences": ["ministry_of_finance", "parliamentarians"],
        "source": "toolkit",
        "text": {
            "en": "Participation helps public money go where it is needed. Communities know which "
            "services are missing and why people stay away; involving them steers resources "
            "towards care that people will actually use.",
            "fr": "La participation aide l’argent public à aller là où il est utile. Les "
            "communautés savent quels services manquent et pourquoi certains n’y ont pas recours ; "
            "les associer oriente les ressources vers des soins que la population utilisera "
            "vraiment.",
            "es": "La participación ayuda a que el dinero público llegue adonde se necesita. Las "
            "comunidades saben qué servicios faltan y por qué la gente no acude; involucrarlas "
            "orienta los recursos hacia una atención que la población realmente utilizará.",
            "pt": "A participação ajuda o dinheiro público a chegar aonde é necessário. As "
            "comunidades sabem quais serviços faltam e por que as pessoas não os procuram; "
            "envolvê-las direciona os recursos para cuidados que a população vai de fato usar.",
            "ar": "تساعد المشاركة على توجيه المال العام إلى حيث تشتد الحاجة إليه. فالمجتمعات "
            "المحلية تعرف الخدمات الناقصة وأسباب عزوف الناس عن الخدمات القائمة، وإشراكها يوجّه "
            "الموارد نحو رعاية سيستخدمها الناس فعلاً.",
            "ru": "Участие помогает направлять государственные средства туда, где они "
            "действительно нужны. Сообщества знают, каких услуг не хватает и почему люди не "
            "обращаются за помощью; их вовлечение направляет ресурсы на ту помощь, которой люди "
            "действительно будут пользоваться.",
            "zh-hans": "社会参与有助于把公共资金用在真正需要的地方。社区清楚缺少哪些服务、民众为何"
            "不去就医；让社区参与，能把资源引向民众真正会使用的卫生服务。",
        },
    },
    # --- What meaningful participation takes ------------------------------------------
    {
        "code": "meaningful-not-a-box-to-tick",
        "topic": "meaningful_participation",
        "audiences": ["ministry_of_health", "communities"],
        "source": "toolkit",
        "text": {
            "en": "Participation is not a box to tick. It is meaningful when people are involved "
            "early, for a clear purpose, with enough time and information – and when what they say "
            "can change the decision.",
            "fr": "La participation n’est pas une case à cocher. Elle est significative lorsque "
            "les personnes sont associées tôt, dans un but clair, avec assez de temps et "
            "d’informations – et lorsque ce qu’elles disent peut changer la décision.",
            "es": "La participación no es un mero trámite. Es significativa cuando las personas "
            "intervienen desde el principio, con un propósito claro, con tiempo e información "
            "suficientes, y cuando lo que dicen puede cambiar la decisión.",
            "pt": "A participação não é mera formalidade. Ela é significativa quando as pessoas "
            "são envolvidas cedo, com um propósito claro, com tempo e informação suficientes – e "
            "quando o que dizem pode mudar a decisão.",
            "ar": "المشاركة ليست إجراءً شكلياً. فهي تكون هادفة عندما يُشرَك الناس في وقت مبكر، "
            "ولغرض واضح، مع ما يكفي من الوقت والمعلومات، وعندما يكون لما يقولونه أثر في تغيير "
            "القرار.",
            "ru": "Участие — это не формальность для галочки. Оно становится значимым, когда людей "
            "привлекают рано, с понятной целью, дают им достаточно времени и информации и когда их "
            "слова могут изменить решение.",
            "zh-hans": "社会参与不是走过场。只有让民众及早参与、目的明确、有充足的时间和信息，并且"
            "他们的意见能够改变决定，参与才有意义。",
        },
    },
    {
        "code": "meaningful-beyond-usual-voices",
        "topic": "meaningful_participation",
        "audiences": ["communities", "parliamentarians"],
        "source": "wha77",
        "text": {
            "en": "Meaningful participation reaches beyond the usual voices. Women, young people, "
            "people in remote areas and groups facing discrimination must be actively sought out "
            "and supported to take part, not merely invited.",
            "fr": "Une participation significative va au-delà des voix habituelles. Les femmes, "
            "les jeunes, les habitants des zones isolées et les groupes victimes de "
            "discrimination doivent être activement recherchés et soutenus pour participer, pas "
            "seulement invités.",
            "es": "La participación significativa va más allá de las voces de siempre. Hay que "
            "buscar activamente a las mujeres, a la juventud, a quienes viven en zonas remotas y a "
            "los grupos que sufren discriminación, y apoyarlos para que participen, no solo "
            "invitarlos.",
            "pt": "A participação significativa vai além das vozes de sempre. Mulheres, jovens, "
            "moradores de áreas remotas e grupos que sofrem discriminação devem ser ativamente "
            "procurados e apoiados para participar, e não apenas convidados.",
            "ar": "المشاركة الهادفة تتجاوز الأصوات المعتادة. فلا يكفي توجيه الدعوة إلى النساء "
            "والشباب وسكان المناطق النائية والفئات التي تعاني من التمييز، بل يجب السعي إليهم بنشاط "
            "ودعمهم كي يشاركوا.",
            "ru": "Значимое участие не ограничивается привычными голосами. Женщин, молодёжь, "
            "жителей отдалённых районов и группы, сталкивающиеся с дискриминацией, нужно не просто "
            "приглашать, а активно искать и поддерживать, чтобы они могли участвовать.",
            "zh-hans": "有意义的参与要超越惯常的声音。对妇女、青年、偏远地区居民和遭受歧视的群体，"
            "不能只是发出邀请，而要主动寻找并支持他们参与。",
        },
    },
    {
        "code": "meaningful-resources-not-paper",
        "topic": "meaningful_participation",
        "audiences": ["ministry_of_finance", "parliamentarians", "donors"],
        "source": "toolkit",
        "text": {
            "en": "A mechanism on paper is not enough. A study of 4,742 health councils in Brazil, "
            "based on 2017 data, found that 95.8% had been set up by law, yet only about a third "
            "had a budget of their own and about half an executive secretariat. Participation "
            "needs money, staff and premises.",
            "fr": "Un mécanisme sur le papier ne suffit pas. Une étude portant sur 4 742 conseils "
            "de santé au Brésil, à partir de données de 2017, a montré que 95,8 % avaient été "
            "créés par la loi, mais qu’environ un tiers seulement disposait d’un budget propre et "
            "environ la moitié d’un secrétariat exécutif. La participation a besoin d’argent, de "
            "personnel et de locaux.",
            "es": "Un mecanismo en el papel no basta. Un estudio sobre 4742 consejos de salud de "
            "Brasil, con datos de 2017, constató que el 95,8 % se había creado por ley, pero solo "
            "alrededor de un tercio tenía presupuesto propio y cerca de la mitad, una secretaría "
            "ejecutiva. La participación necesita dinero, personal y locales.",
            "pt": "Um mecanismo no papel não basta. Um estudo com 4.742 conselhos de saúde no "
            "Brasil, baseado em dados de 2017, constatou que 95,8% haviam sido criados por lei, "
            "mas apenas cerca de um terço tinha orçamento próprio e cerca da metade, secretaria "
            "executiva. A participação precisa de recursos, equipe e sede.",
            "ar": "لا تكفي آلية موجودة على الورق. فقد وجدت دراسة شملت 4742 مجلساً صحياً في "
            "البرازيل، استناداً إلى بيانات عام 2017، أن 95.8 في المائة منها أُنشئ بموجب القانون، "
            "لكن نحو ثلثها فقط كانت لديه ميزانية خاصة، ونحو نصفها أمانة تنفيذية. فالمشاركة تحتاج "
            "إلى المال والموظفين والمقار.",
            "ru": "Механизма на бумаге недостаточно. Исследование 4742 советов по здравоохранению "
            "в Бразилии по данным 2017 года показало, что 95,8 % из них были созданы в "
            "соответствии с законом, но лишь около трети имели собственный бюджет и около половины "
            "— исполнительный секретариат. Участию нужны деньги, персонал и помещения.",
            "zh-hans": "仅有纸面上的机制是不够的。一项基于2017年数据、涵盖巴西4742个卫生理事会的研"
            "究发现，95.8%依法设立，但只有约三分之一拥有专项预算，约一半设有执行秘书处。社会参与需"
            "要资金、人员和办公场所。",
        },
    },
    {
        "code": "meaningful-civic-space",
        "topic": "meaningful_participation",
        "audiences": ["media", "donors", "communities"],
        "source": "toolkit",
        "text": {
            "en": "Participation needs civic space. In Nicaragua, at least 209 organisations were "
            "shut down between 2018 and 2022, some 137 of them in the first five months of 2022 "
            "alone. Where civil society is silenced, health decisions lose the voices they most "
            "need.",
            "fr": "La participation a besoin d’un espace civique. Au Nicaragua, au moins 209 "
            "organisations ont été fermées entre 2018 et 2022, dont environ 137 entre janvier et "
            "mai 2022. Là où la société civile est réduite au silence, les décisions de santé "
            "perdent les voix dont elles ont le plus besoin.",
            "es": "La participación necesita espacio cívico. En Nicaragua se cerraron al menos 209 "
            "organizaciones entre 2018 y 2022, unas 137 de ellas solo entre enero y mayo de 2022. "
            "Donde se silencia a la sociedad civil, las decisiones de salud pierden las voces que "
            "más necesitan.",
            "pt": "A participação precisa de espaço cívico. Na Nicarágua, pelo menos 209 "
            "organizações foram fechadas entre 2018 e 2022, cerca de 137 delas apenas entre "
            "janeiro e maio de 2022. Onde a sociedade civil é silenciada, as decisões de saúde "
            "perdem as vozes de que mais precisam.",
            "ar": "تحتاج المشاركة إلى فضاء مدني. ففي نيكاراغوا أُغلقت 209 منظمات على الأقل بين "
            "عامي 2018 و2022، منها نحو 137 منظمة بين كانون الثاني/يناير وأيار/مايو 2022 وحدها. "
            "وحيثما يُسكَت المجتمع المدني، تفقد القرارات الصحية الأصوات التي هي في أمسّ الحاجة "
            "إليها.",
            "ru": "Участию нужно гражданское пространство. В Никарагуа в 2018–2022 годах были "
            "закрыты не менее 209 организаций, из них около 137 — только с января по май 2022 "
            "года. Там, где гражданское общество заставляют замолчать, решения в сфере "
            "здравоохранения лишаются самых нужных им голосов.",
            "zh-hans": "社会参与需要公民空间。2018年至2022年间，尼加拉瓜至少有209个组织被关闭，其中"
            "约137个是在2022年1月至5月间关闭的。民间社会一旦被迫噤声，卫生决策就失去了最需要倾听的"
            "声音。",
        },
    },
    {
        "code": "meaningful-skills-on-both-sides",
        "topic": "meaningful_participation",
        "audiences": ["ministry_of_health", "communities"],
        "source": "wha77",
        "text": {
            "en": "Both sides need the skills to engage. Officials need training to run "
            "participatory processes well; community members and local organisations need support "
            "to take part with confidence. WHA77 commits governments to both.",
            "fr": "Les deux parties ont besoin de compétences. Les agents publics doivent être "
            "formés pour bien conduire les processus participatifs ; les membres des communautés "
            "et les organisations locales ont besoin d’appui pour y prendre part avec assurance. "
            "La résolution WHA77 engage les gouvernements sur ces deux fronts.",
            "es": "Ambas partes necesitan capacidades. El funcionariado necesita formación para "
            "conducir bien los procesos participativos; los miembros de la comunidad y las "
            "organizaciones locales necesitan apoyo para participar con confianza. La resolución "
            "WHA77 compromete a los gobiernos en ambos frentes.",
            "pt": "Os dois lados precisam de capacidades. Os servidores públicos precisam de "
            "formação para conduzir bem os processos participativos; membros da comunidade e "
            "organizações locais precisam de apoio para participar com confiança. A resolução "
            "WHA77 compromete os governos com as duas frentes.",
            "ar": "يحتاج الطرفان كلاهما إلى المهارات. فالمسؤولون الحكوميون يحتاجون إلى التدريب "
            "لإدارة العمليات التشاركية على نحو جيد، وأفراد المجتمعات المحلية والمنظمات المحلية "
            "يحتاجون إلى الدعم للمشاركة بثقة. وقد تعهدت الحكومات في القرار WHA77 بالأمرين معاً.",
            "ru": "Навыки нужны обеим сторонам. Чиновникам нужна подготовка, чтобы грамотно "
            "организовывать процессы участия; членам сообществ и местным организациям — поддержка, "
            "чтобы участвовать уверенно. В резолюции WHA77 правительства взяли на себя "
            "обязательства и в том, и в другом.",
            "zh-hans": "双方都需要参与能力。政府官员需要培训，才能组织好参与进程；社区成员和地方组"
            "织需要支持，才能自信地参与。各国政府在WHA77决议中对这两方面都作出了承诺。",
        },
    },
    {
        "code": "meaningful-close-the-loop",
        "topic": "meaningful_participation",
        "audiences": ["ministry_of_health", "communities", "media"],
        "source": "toolkit",
        "text": {
            "en": "People who give their time deserve to know what came of it. Meaningful "
            "participation closes the loop: what was taken up, what was not and why, and how "
            "implementation will be followed.",
            "fr": "Celles et ceux qui donnent de leur temps méritent de savoir ce qu’il en est "
            "advenu. Une participation significative boucle la boucle : ce qui a été retenu, ce "
            "qui ne l’a pas été et pourquoi, et comment la mise en œuvre sera suivie.",
            "es": "Quien dedica su tiempo merece saber qué resultó de ello. La participación "
            "significativa cierra el círculo: qué se tomó en cuenta, qué no y por qué, y cómo se "
            "dará seguimiento a su aplicación.",
            "pt": "Quem dedica seu tempo merece saber o que resultou dele. A participação "
            "significativa fecha o ciclo: o que foi acolhido, o que não foi e por quê, e como a "
            "implementação será acompanhada.",
            "ar": "من يبذل وقته يستحق أن يعرف ما الذي ترتب على ذلك. فالمشاركة الهادفة تكتمل "
            "بالتغذية الراجعة: ما الذي أُخذ به، وما الذي لم يُؤخذ به ولماذا، وكيف ستُتابَع عملية "
            "التنفيذ.",
            "ru": "Те, кто тратит своё время на участие, вправе знать, к чему оно привело. "
            "Значимое участие предполагает обратную связь: что было учтено, что нет и почему, и "
            "как будет отслеживаться выполнение.",
            "zh-hans": "付出时间参与的人，有权知道结果如何。有意义的参与必须形成闭环：哪些意见被采"
            "纳，哪些没有及其原因，以及后续执行将如何跟进。",
        },
    },
    # --- The WHA77 commitments --------------------------------------------------------
    {
        "code": "wha77-first-resolution",
        "topic": "wha77_commitments",
        "audiences": ["media", "communities"],
        "source": "wha77",
        "text": {
            "en": "In May 2024 the Seventy-seventh World Health Assembly adopted the first-ever "
            "resolution on social participation for universal health coverage, health and "
            "well-being. Governments have committed to make participation a lasting part of how "
            "health decisions are taken.",
            "fr": "En mai 2024, la Soixante-Dix-Septième Assemblée mondiale de la Santé a adopté "
            "la toute première résolution sur la participation sociale pour la couverture "
            "sanitaire universelle, la santé et le bien-être. Les gouvernements se sont engagés à "
            "faire de la participation une composante durable de la prise de décision en santé.",
            "es": "En mayo de 2024, la 77.ª Asamblea Mundial de la Salud adoptó la primera "
            "resolución de su historia sobre la participación social para la cobertura sanitaria "
            "universal, la salud y el bienestar. Los gobiernos se han comprometido a que la "
            "participación forme parte permanente de la toma de decisiones en salud.",
            "pt": "Em maio de 2024, a 77.ª Assembleia Mundial da Saúde aprovou a primeira "
            "resolução de sua história sobre participação social para a cobertura universal de "
            "saúde, a saúde e o bem-estar. Os governos se comprometeram a tornar a participação "
            "parte permanente da tomada de decisões em saúde.",
            "ar": "في أيار/مايو 2024، اعتمدت جمعية الصحة العالمية السابعة والسبعون أول قرار على "
            "الإطلاق بشأن المشاركة الاجتماعية من أجل التغطية الصحية الشاملة والصحة والعافية. وقد "
            "التزمت الحكومات بأن تجعل المشاركة جزءاً دائماً من طريقة اتخاذ القرارات الصحية.",
            "ru": "В мае 2024 года семьдесят седьмая сессия Всемирной ассамблеи здравоохранения "
            "приняла первую в истории резолюцию о социальном участии в интересах всеобщего охвата "
            "услугами здравоохранения, здоровья и благополучия. Правительства обязались сделать "
            "участие неотъемлемой частью принятия решений в сфере здравоохранения.",
            "zh-hans": "2024年5月，第七十七届世界卫生大会通过了首个关于促进全民健康覆盖、健康和福祉"
            "的社会参与决议。各国政府承诺使社会参与成为卫生决策中的长期组成部分。",
        },
    },
    {
        "code": "wha77-member-state-commitments",
        "topic": "wha77_commitments",
        "audiences": ["ministry_of_health", "ministry_of_finance", "parliamentarians"],
        "source": "wha77",
        "text": {
            "en": "Under WHA77, governments committed to build their own capacity, sustain regular "
            "and transparent participation backed by policy and law, create participatory spaces, "
            "include marginalised voices, invest public resources, monitor and evaluate, and "
            "strengthen civil society.",
            "fr": "Au titre de la résolution WHA77, les gouvernements se sont engagés à renforcer "
            "leurs propres capacités, à assurer une participation régulière et transparente "
            "appuyée par des politiques et des lois, à créer des espaces participatifs, à inclure "
            "les voix marginalisées, à investir des ressources publiques, à assurer le suivi et "
            "l’évaluation et à renforcer la société civile.",
            "es": "Con la resolución WHA77, los gobiernos se comprometieron a fortalecer sus "
            "propias capacidades, sostener una participación regular y transparente respaldada por "
            "políticas y leyes, crear espacios participativos, incluir las voces marginadas, "
            "invertir recursos públicos, hacer seguimiento y evaluación, y fortalecer a la "
            "sociedad civil.",
            "pt": "Com a resolução WHA77, os governos se comprometeram a fortalecer suas próprias "
            "capacidades, manter uma participação regular e transparente respaldada por políticas "
            "e leis, criar espaços participativos, incluir as vozes marginalizadas, investir "
            "recursos públicos, monitorar e avaliar, e fortalecer a sociedade civil.",
            "ar": "بموجب القرار WHA77، التزمت الحكومات ببناء قدراتها، وضمان مشاركة منتظمة وشفافة "
            "تدعمها السياسات والقوانين، وإنشاء فضاءات تشاركية، وإشراك الأصوات المهمشة، واستثمار "
            "الموارد العامة، والرصد والتقييم، وتعزيز المجتمع المدني.",
            "ru": "В соответствии с резолюцией WHA77 правительства обязались укреплять собственный "
            "потенциал, обеспечивать регулярное и прозрачное участие с опорой на политику и "
            "законодательство, создавать пространства для участия, включать голоса "
            "маргинализированных групп, вкладывать государственные ресурсы, вести мониторинг и "
            "оценку и укреплять гражданское общество.",
            "zh-hans": "根据WHA77决议，各国政府承诺：加强自身能力，在政策和法律支持下开展定期、透明"
            "的社会参与，建立参与空间，纳入边缘化群体的声音，投入公共资源，开展监测评价，并加强民间"
            "社会能力。",
        },
    },
    {
        "code": "wha77-who-reports-2026-2028-2030",
        "topic": "wha77_commitments",
        "audiences": ["media", "parliamentarians", "communities"],
        "source": "wha77",
        "text": {
            "en": "WHO will report on progress to the World Health Assembly in 2026, 2028 and "
            "2030. Each report is a checkpoint: a moment for civil society to show what has "
            "changed in each country, and what has not.",
            "fr": "L’OMS rendra compte des progrès à l’Assemblée mondiale de la Santé en 2026, "
            "2028 et 2030. Chaque rapport est un point d’étape : l’occasion pour la société civile "
            "de montrer ce qui a changé dans chaque pays, et ce qui n’a pas changé.",
            "es": "La OMS informará de los progresos a la Asamblea Mundial de la Salud en 2026, "
            "2028 y 2030. Cada informe es un punto de control: una ocasión para que la sociedad "
            "civil muestre qué ha cambiado en cada país y qué no.",
            "pt": "A OMS vai informar sobre os progressos à Assembleia Mundial da Saúde em 2026, "
            "2028 e 2030. Cada relatório é um ponto de verificação: um momento para a sociedade "
            "civil mostrar o que mudou em cada país, e o que não mudou.",
            "ar": "ستقدّم منظمة الصحة العالمية تقارير عن التقدم المحرز إلى جمعية الصحة العالمية في "
            "الأعوام 2026 و2028 و2030. وكل تقرير محطة للمراجعة، وفرصة للمجتمع المدني ليبيّن ما "
            "تغيّر في كل بلد وما لم يتغيّر.",
            "ru": "ВОЗ будет докладывать Всемирной ассамблее здравоохранения о ходе выполнения "
            "резолюции в 2026, 2028 и 2030 годах. Каждый доклад — это контрольная точка: "
            "возможность для гражданского общества показать, что изменилось в каждой стране, а что "
            "нет.",
            "zh-hans": "世卫组织将于2026年、2028年和2030年向世界卫生大会报告进展。每一次报告都是一"
            "个检查节点，是民间社会展示各国哪些方面有了改变、哪些没有改变的时机。",
        },
    },
    {
        "code": "wha77-builds-on-uhc-declaration",
        "topic": "wha77_commitments",
        "audiences": ["parliamentarians", "ministry_of_finance", "donors"],
        "source": "uhc_declaration_2023",
        "text": {
            "en": "WHA77 did not come out of nowhere. In the 2023 UN Political Declaration on UHC, "
            "world leaders pledged to promote social participation and participatory, inclusive "
            "health governance. The resolution turns that pledge into concrete commitments for "
            "health.",
            "fr": "La résolution WHA77 ne sort pas de nulle part. Dans la Déclaration politique "
            "des Nations Unies de 2023 sur la CSU, les dirigeants du monde se sont engagés à "
            "promouvoir la participation sociale et une gouvernance de la santé participative et "
            "inclusive. La résolution traduit cette promesse en engagements concrets pour la "
            "santé.",
            "es": "La resolución WHA77 no surgió de la nada. En la Declaración Política de las "
            "Naciones Unidas sobre la CSU de 2023, los líderes mundiales se comprometieron a "
            "promover la participación social y una gobernanza de la salud participativa e "
            "inclusiva. La resolución convierte esa promesa en compromisos concretos para la "
            "salud.",
            "pt": "A resolução WHA77 não surgiu do nada. Na Declaração Política das Nações Unidas "
            "sobre a cobertura universal de saúde de 2023, os líderes mundiais se comprometeram a "
            "promover a participação social e uma governança da saúde participativa e inclusiva. A "
            "resolução transforma essa promessa em compromissos concretos para a saúde.",
            "ar": "لم يأتِ القرار WHA77 من فراغ. ففي الإعلان السياسي للأمم المتحدة بشأن التغطية "
            "الصحية الشاملة لعام 2023، تعهّد قادة العالم بتعزيز المشاركة الاجتماعية وحوكمة صحية "
            "تشاركية وشاملة للجميع. ويحوّل القرار هذا التعهد إلى التزامات ملموسة في مجال الصحة.",
            "ru": "Резолюция WHA77 появилась не на пустом месте. В Политической декларации ООН "
            "2023 года по всеобщему охвату услугами здравоохранения мировые лидеры обязались "
            "содействовать социальному участию и инклюзивному управлению здравоохранением с "
            "широким участием. Резолюция превращает это обещание в конкретные обязательства в "
            "сфере здравоохранения.",
            "zh-hans": "WHA77决议并非凭空而来。在2023年联合国《全民健康覆盖问题高级别会议政治宣言》"
            "中，各国领导人承诺促进社会参与以及参与式、包容性的卫生治理。该决议把这一承诺转化为卫生"
            "领域的具体承诺。",
        },
    },
    # --- Asks to governments ----------------------------------------------------------
    {
        "code": "ask-governments-budget-line",
        "topic": "asks_governments",
        "audiences": ["ministry_of_finance", "ministry_of_health", "parliamentarians"],
        "source": "wha77",
        "text": {
            "en": "Put participation in the budget. We ask governments to create a dedicated, "
            "sustained budget line for participation mechanisms – secretariat, meetings, travel, "
            "interpretation and outreach – so that they no longer depend on goodwill or short-term "
            "projects.",
            "fr": "Inscrire la participation au budget. Nous demandons aux gouvernements de créer "
            "une ligne budgétaire dédiée et pérenne pour les mécanismes de participation – "
            "secrétariat, réunions, déplacements, interprétation et sensibilisation – afin qu’ils "
            "ne dépendent plus de la bonne volonté ni de projets de court terme.",
            "es": "Incluir la participación en el presupuesto. Pedimos a los gobiernos que creen "
            "una partida presupuestaria específica y estable para los mecanismos de participación "
            "—secretaría, reuniones, desplazamientos, interpretación y difusión— para que dejen de "
            "depender de la buena voluntad o de proyectos de corto plazo.",
            "pt": "Colocar a participação no orçamento. Pedimos aos governos que criem uma rubrica "
            "orçamentária específica e permanente para os mecanismos de participação – secretaria, "
            "reuniões, deslocamentos, interpretação e mobilização – para que deixem de depender de "
            "boa vontade ou de projetos de curto prazo.",
            "ar": "أدرجوا المشاركة في الميزانية. نطالب الحكومات بإنشاء بند مخصص ومستدام في "
            "الميزانية لآليات المشاركة، يغطي الأمانة والاجتماعات والتنقل والترجمة الشفوية والتواصل "
            "مع المجتمعات، حتى لا تبقى رهينة حسن النوايا أو المشاريع القصيرة الأجل.",
            "ru": "Заложить участие в бюджет. Мы призываем правительства предусмотреть отдельную "
            "постоянную бюджетную статью на механизмы участия — секретариат, заседания, поездки, "
            "устный перевод и информационную работу, — чтобы они не зависели от доброй воли или "
            "краткосрочных проектов.",
            "zh-hans": "把社会参与纳入预算。我们呼吁各国政府为参与机制设立专门、可持续的预算项目，"
            "涵盖秘书处、会议、差旅、口译和外联工作，使这些机制不再依赖善意或短期项目。",
        },
    },
    {
        "code": "ask-governments-legal-basis",
        "topic": "asks_governments",
        "audiences": ["parliamentarians", "ministry_of_health"],
        "source": "toolkit",
        "text": {
            "en": "Give participation the force of law. Legislation should set out which "
            "mechanisms exist, who sits on them and how members are chosen, what they must be "
            "consulted on and how authorities respond. Thailand's National Health Act of 2007 "
            "shows how law gives participation legitimacy and staying power.",
            "fr": "Donner force de loi à la participation. La législation doit préciser quels "
            "mécanismes existent, qui y siège et comment les membres sont choisis, sur quoi ils "
            "doivent être consultés et comment les autorités leur répondent. La loi nationale sur "
            "la santé adoptée par la Thaïlande en 2007 montre comment la loi donne à la "
            "participation légitimité et durabilité.",
            "es": "Dar fuerza de ley a la participación. La legislación debe establecer qué "
            "mecanismos existen, quién los integra y cómo se elige a sus miembros, sobre qué "
            "deben ser consultados y cómo responden las autoridades. La Ley Nacional de Salud de "
            "Tailandia de 2007 muestra cómo la ley da a la participación legitimidad y "
            "permanencia.",
            "pt": "Dar força de lei à participação. A legislação deve definir quais mecanismos "
            "existem, quem os integra e como seus membros são escolhidos, sobre o que devem ser "
            "consultados e como as autoridades respondem. A Lei Nacional de Saúde da Tailândia, de "
            "2007, mostra como a lei dá à participação legitimidade e permanência.",
            "ar": "امنحوا المشاركة قوة القانون. ينبغي أن يحدد التشريع الآليات القائمة، ومن يشارك "
            "فيها وكيف يُختار أعضاؤها، والمسائل التي يجب استشارتها فيها، وكيف ترد السلطات عليها. "
            "ويبيّن قانون الصحة الوطني في تايلند لعام 2007 كيف يمنح القانونُ المشاركةَ الشرعية "
            "والاستمرارية.",
            "ru": "Закрепить участие в законе. Законодательство должно определять, какие механизмы "
            "существуют, кто в них входит и как отбираются их члены, по каким вопросам с ними "
            "обязательно консультируются и как власти отвечают на их рекомендации. Национальный "
            "закон о здравоохранении Таиланда 2007 года показывает, как закон придаёт участию "
            "легитимность и устойчивость.",
            "zh-hans": "赋予社会参与法律效力。立法应明确设立哪些参与机制、由谁参加及成员如何产生、"
            "哪些事项必须征求其意见，以及政府部门如何回应。泰国2007年《国家卫生法》表明，法律能够赋"
            "予社会参与合法性和持久性。",
        },
    },
    {
        "code": "ask-governments-publish-feedback",
        "topic": "asks_governments",
        "audiences": ["ministry_of_health", "communities", "media"],
        "source": "toolkit",
        "text": {
            "en": "Show what participation changed. After each consultation, governments should "
            "publish what was proposed, what was adopted and why the rest was not. Thailand's "
            "National Health Assembly already puts its background papers and draft resolutions "
            "online.",
            "fr": "Montrer ce que la participation a changé. Après chaque consultation, les "
            "gouvernements devraient publier ce qui a été proposé, ce qui a été adopté et pourquoi "
            "le reste ne l’a pas été. L’Assemblée nationale de la santé de la Thaïlande publie "
            "déjà en ligne ses documents de référence et ses projets de résolution.",
            "es": "Mostrar lo que la participación cambió. Tras cada consulta, los gobiernos "
            "deberían publicar qué se propuso, qué se adoptó y por qué no se adoptó el resto. La "
            "Asamblea Nacional de Salud de Tailandia ya publica en línea sus documentos de base y "
            "sus proyectos de resolución.",
            "pt": "Mostrar o que a participação mudou. Após cada consulta, os governos devem "
            "publicar o que foi proposto, o que foi adotado e por que o restante não foi. A "
            "Assembleia Nacional de Saúde da Tailândia já publica na internet seus documentos de "
            "referência e projetos de resolução.",
            "ar": "أظهروا ما غيّرته المشاركة. بعد كل مشاورة، ينبغي للحكومات أن تنشر ما اقتُرح، وما "
            "اعتُمد، وأسباب عدم اعتماد الباقي. والجمعية الوطنية للصحة في تايلند تنشر بالفعل ورقات "
            "المعلومات الأساسية ومشاريع القرارات على الإنترنت.",
            "ru": "Показывать, что изменило участие. После каждой консультации правительства "
            "должны публиковать, что было предложено, что принято и почему остальное не принято. "
            "Национальная ассамблея здравоохранения Таиланда уже размещает в интернете свои "
            "справочные материалы и проекты резолюций.",
            "zh-hans": "公开参与带来的改变。每次征求意见之后，政府都应公布收到了哪些建议、采纳了哪"
            "些，以及其余未被采纳的原因。泰国国家卫生大会已在网上公开其背景文件和决议草案。",
        },
    },
    {
        "code": "ask-governments-include-marginalised",
        "topic": "asks_governments",
        "audiences": ["ministry_of_health", "communities", "parliamentarians"],
        "source": "wha77",
        "text": {
            "en": "Make room for those most often left out. Participation mechanisms should "
            "reserve places for marginalised groups, reach out in local languages and accessible "
            "formats, and cover the costs people incur to take part.",
            "fr": "Faire de la place à celles et ceux que l’on oublie le plus souvent. Les "
            "mécanismes de participation devraient réserver des sièges aux groupes marginalisés, "
            "communiquer dans les langues locales et sous des formats accessibles, et prendre en "
            "charge les frais engagés pour participer.",
            "es": "Abrir espacio a quienes suelen quedar fuera. Los mecanismos de participación "
            "deberían reservar plazas para los grupos marginados, comunicarse en las lenguas "
            "locales y en formatos accesibles, y cubrir los gastos que supone participar.",
            "pt": "Abrir espaço para quem costuma ficar de fora. Os mecanismos de participação "
            "devem reservar vagas para grupos marginalizados, comunicar-se em línguas locais e em "
            "formatos acessíveis e cobrir os custos que as pessoas têm para participar.",
            "ar": "افسحوا المجال لمن يُستبعدون في أغلب الأحيان. ينبغي أن تخصص آليات المشاركة مقاعد "
            "للفئات المهمشة، وأن تتواصل باللغات المحلية وبأشكال ميسّرة، وأن تغطي التكاليف التي "
            "يتحملها الناس من أجل المشاركة.",
            "ru": "Дать место тем, кого чаще всего оставляют в стороне. Механизмы участия должны "
            "резервировать места для маргинализированных групп, работать на местных языках и в "
            "доступных форматах и возмещать расходы, которые несут участники.",
            "zh-hans": "为最常被排除在外的人留出位置。参与机制应为边缘化群体保留席位，使用当地语言"
            "和无障碍形式开展外联，并承担民众参与所产生的费用。",
        },
    },
    {
        "code": "ask-governments-report-at-wha",
        "topic": "asks_governments",
        "audiences": ["ministry_of_health", "media", "parliamentarians"],
        "source": "wha77",
        "text": {
            "en": "Be accountable at the World Health Assembly. Ahead of WHO's progress reports in "
            "2026, 2028 and 2030, governments should review how they are implementing WHA77 "
            "together with civil society, publish the findings and report on them at the Assembly.",
            "fr": "Rendre des comptes à l’Assemblée mondiale de la Santé. Avant les rapports de "
            "situation de l’OMS de 2026, 2028 et 2030, les gouvernements devraient examiner avec "
            "la société civile leur mise en œuvre de la résolution WHA77, publier les conclusions "
            "et en rendre compte à l’Assemblée.",
            "es": "Rendir cuentas en la Asamblea Mundial de la Salud. Antes de los informes de "
            "progreso de la OMS de 2026, 2028 y 2030, los gobiernos deberían examinar junto con la "
            "sociedad civil cómo aplican la resolución WHA77, publicar los resultados e informar "
            "de ellos en la Asamblea.",
            "pt": "Prestar contas na Assembleia Mundial da Saúde. Antes dos relatórios de "
            "progresso da OMS de 2026, 2028 e 2030, os governos devem avaliar, junto com a "
            "sociedade civil, como estão implementando a resolução WHA77, publicar as conclusões e "
            "apresentá-las na Assembleia.",
            "ar": "المساءلة أمام جمعية الصحة العالمية. قبل التقارير المرحلية التي تقدمها منظمة "
            "الصحة العالمية في الأعوام 2026 و2028 و2030، ينبغي للحكومات أن تستعرض مع المجتمع "
            "المدني مدى تنفيذها للقرار WHA77، وأن تنشر النتائج وتعرضها أمام الجمعية.",
            "ru": "Отчитываться на Всемирной ассамблее здравоохранения. В преддверии докладов ВОЗ "
            "о ходе работы в 2026, 2028 и 2030 годах правительствам следует вместе с гражданским "
            "обществом оценить, как выполняется резолюция WHA77, опубликовать выводы и доложить о "
            "них на Ассамблее.",
            "zh-hans": "在世界卫生大会上接受问责。在世卫组织2026年、2028年和2030年提交进展报告之"
            "前，各国政府应与民间社会共同评估WHA77决议的执行情况，公布评估结果，并在世界卫生大会上"
            "作出报告。",
        },
    },
    # --- Asks to donors ---------------------------------------------------------------
    {
        "code": "ask-donors-fund-participation",
        "topic": "asks_donors",
        "audiences": ["donors", "communities"],
        "source": "toolkit",
        "text": {
            "en": "Fund civil society to take part, not only to deliver services. We ask donors "
            "for flexible core funding for civil society's work of convening, mobilising and "
            "monitoring policy, including small grants that reach grassroots and marginalised "
            "groups.",
            "fr": "Financer la société civile pour qu’elle participe, pas seulement pour qu’elle "
            "fournisse des services. Nous demandons aux bailleurs de fonds un financement de base "
            "flexible pour le travail de rassemblement, de mobilisation et de suivi des politiques "
            "de la société civile, y compris de petites subventions qui atteignent les "
            "organisations de base et les groupes marginalisés.",
            "es": "Financiar a la sociedad civil para que participe, no solo para que preste "
            "servicios. Pedimos a los donantes financiación básica y flexible para la labor de "
            "convocatoria, movilización y seguimiento de políticas de la sociedad civil, incluidas "
            "pequeñas subvenciones que lleguen a las organizaciones de base y a los grupos "
            "marginados.",
            "pt": "Financiar a sociedade civil para participar, e não apenas para prestar "
            "serviços. Pedimos aos doadores financiamento institucional flexível para o trabalho "
            "de articulação, mobilização e monitoramento de políticas da sociedade civil, "
            "incluindo pequenas doações que cheguem às organizações de base e aos grupos "
            "marginalizados.",
            "ar": "موّلوا المجتمع المدني ليشارك، لا ليقدّم الخدمات فحسب. نطالب الجهات المانحة "
            "بتمويل أساسي مرن لعمل المجتمع المدني في الحشد والتعبئة ورصد السياسات، بما في ذلك منح "
            "صغيرة تصل إلى المنظمات القاعدية والفئات المهمشة.",
            "ru": "Финансировать участие гражданского общества, а не только оказание услуг. Мы "
            "призываем доноров предоставлять гибкое базовое финансирование для работы гражданского "
            "общества по объединению людей, мобилизации и мониторингу политики, включая небольшие "
            "гранты, которые доходят до низовых организаций и маргинализированных групп.",
            "zh-hans": "资助民间社会参与，而不仅仅是资助其提供服务。我们呼吁捐助方为民间社会的召"
            "集、动员和政策监测工作提供灵活的核心资金，包括能够惠及基层组织和边缘化群体的小额赠"
            "款。",
        },
    },
    {
        "code": "ask-donors-protect-independence",
        "topic": "asks_donors",
        "audiences": ["donors", "media"],
        "source": "toolkit",
        "text": {
            "en": "Protect independent voices. Donor funding should allow civil society to take "
            "part safely and free from undue pressure, and it should keep flowing where civic "
            "space is under threat.",
            "fr": "Protéger les voix indépendantes. Les financements des bailleurs doivent "
            "permettre à la société civile de participer en sécurité et à l’abri de toute pression "
            "indue, et continuer d’arriver là où l’espace civique est menacé.",
            "es": "Proteger las voces independientes. La financiación de los donantes debe "
            "permitir que la sociedad civil participe con seguridad y libre de presiones "
            "indebidas, y debe seguir llegando allí donde el espacio cívico está amenazado.",
            "pt": "Proteger as vozes independentes. O financiamento dos doadores deve permitir que "
            "a sociedade civil participe com segurança e livre de pressões indevidas, e deve "
            "continuar chegando onde o espaço cívico está ameaçado.",
            "ar": "احموا الأصوات المستقلة. ينبغي أن يتيح تمويل الجهات المانحة للمجتمع المدني "
            "المشاركة بأمان وبعيداً عن الضغوط غير المشروعة، وأن يستمر في الوصول إلى حيث يتعرض "
            "الفضاء المدني للتهديد.",
            "ru": "Защищать независимые голоса. Донорское финансирование должно позволять "
            "гражданскому обществу участвовать безопасно и без неправомерного давления и не "
            "прекращаться там, где гражданскому пространству угрожает опасность.",
            "zh-hans": "保护独立的声音。捐助资金应让民间社会能够安全参与、免受不当压力，并在公民空"
            "间受到威胁的地方持续提供。",
        },
    },
    {
        "code": "ask-donors-plan-transitions",
        "topic": "asks_donors",
        "audiences": ["donors", "ministry_of_finance", "ministry_of_health"],
        "source": "toolkit",
        "text": {
            "en": "Plan for the day funding ends. In Mozambique, the loss of peer educators and "
            "HIV counsellors paid for by US foreign aid disrupted testing and counselling in "
            "several provinces. Donors and governments should agree on transitions that keep "
            "community roles funded.",
            "fr": "Anticiper la fin des financements. Au Mozambique, la perte de pairs éducateurs "
            "et de conseillers VIH rémunérés par l’aide étrangère des États-Unis a perturbé le "
            "dépistage et le conseil dans plusieurs provinces. Bailleurs et gouvernements doivent "
            "convenir de transitions qui maintiennent le financement des rôles communautaires.",
            "es": "Prever el día en que termine la financiación. En Mozambique, la pérdida de "
            "educadores de pares y consejeros en VIH pagados con la ayuda exterior de los Estados "
            "Unidos interrumpió las pruebas y el asesoramiento en varias provincias. Donantes y "
            "gobiernos deben acordar transiciones que mantengan la financiación de las funciones "
            "comunitarias.",
            "pt": "Planejar para o dia em que o financiamento acabar. Em Moçambique, a perda de "
            "educadores de pares e conselheiros em HIV pagos pela ajuda externa dos Estados Unidos "
            "interrompeu a testagem e o aconselhamento em várias províncias. Doadores e governos "
            "devem acordar transições que mantenham financiadas as funções comunitárias.",
            "ar": "استعدوا لليوم الذي ينتهي فيه التمويل. ففي موزامبيق، أدى فقدان المثقفين الأقران "
            "ومستشاري فيروس العوز المناعي البشري الذين كانت تموّلهم المساعدات الخارجية الأمريكية "
            "إلى تعطّل خدمات الاختبار والمشورة في عدة مقاطعات. وينبغي للجهات المانحة والحكومات أن "
            "تتفق على مراحل انتقالية تضمن استمرار تمويل الأدوار المجتمعية.",
            "ru": "Готовиться к тому дню, когда финансирование закончится. В Мозамбике уход "
            "консультантов по принципу «равный — равному» и консультантов по ВИЧ, работу которых "
            "оплачивала внешняя помощь США, нарушил тестирование и консультирование в ряде "
            "провинций. Доноры и правительства должны договариваться о переходных периодах, "
            "сохраняющих финансирование работы сообществ.",
            "zh-hans": "为资金终止的那一天未雨绸缪。在莫桑比克，由美国对外援助支付报酬的同伴教育者"
            "和艾滋病毒咨询员流失后，多个省份的检测和咨询服务受到干扰。捐助方和政府应商定过渡安排，"
            "确保社区角色持续获得资金。",
        },
    },
    # --- Asks to WHO ------------------------------------------------------------------
    {
        "code": "ask-who-guidance-and-support",
        "topic": "asks_who",
        "audiences": ["ministry_of_health", "donors"],
        "source": "wha77",
        "text": {
            "en": "We ask WHO to deliver what it promised: practical guidance and tools, including "
            "ways to monitor and evaluate participation, and training and technical support for "
            "every country that asks, consistent across all of WHO's divisions and levels.",
            "fr": "Nous demandons à l’OMS de tenir ses promesses : des orientations techniques et "
            "des outils opérationnels, y compris pour le suivi et l’évaluation de la "
            "participation, ainsi que de la formation et un appui technique pour tout pays qui en "
            "fait la demande, harmonisés entre les divisions et les niveaux de l’Organisation.",
            "es": "Pedimos a la OMS que cumpla lo prometido: orientaciones técnicas y herramientas "
            "operativas, también para el seguimiento y la evaluación de la participación, así como "
            "formación y apoyo técnico para todo país que lo solicite, armonizados entre las "
            "divisiones y los niveles de la Organización.",
            "pt": "Pedimos à OMS que cumpra o que prometeu: orientações técnicas e ferramentas "
            "operacionais, inclusive para o monitoramento e a avaliação da participação, além de "
            "formação e apoio técnico a todo país que os solicitar, harmonizados entre as divisões "
            "e os níveis da Organização.",
            "ar": "نطالب منظمة الصحة العالمية بالوفاء بما وعدت به: إرشادات تقنية وأدوات تشغيلية، "
            "منها ما يخص رصد المشاركة وتقييمها، وتدريب ودعم تقني لكل بلد يطلبهما، على نحو منسَّق "
            "بين شُعب المنظمة ومستوياتها.",
            "ru": "Мы призываем ВОЗ выполнить обещанное: подготовить техническое руководство и "
            "практические инструменты, в том числе для мониторинга и оценки участия, а также "
            "обеспечить обучение и техническую поддержку каждой стране, которая о них попросит, "
            "согласованно во всех подразделениях и на всех уровнях Организации.",
            "zh-hans": "我们呼吁世卫组织兑现承诺：提供技术指导和操作工具，包括用于监测和评价社会参"
            "与的工具，并为提出请求的每个国家提供培训和技术支持，同时在本组织各部门和各层级之间协调"
            "一致。",
        },
    },
    {
        "code": "ask-who-handbook-in-practice",
        "topic": "asks_who",
        "audiences": ["ministry_of_health", "communities"],
        "source": "handbook",
        "text": {
            "en": "WHO's 2021 handbook on social participation, Voice, agency, empowerment, "
            "already offers practical guidance. WHO should help countries put it to use, with its "
            "regional and country offices ready to advise governments and civil society alike.",
            "fr": "Le manuel de l’OMS sur la participation sociale publié en 2021, « Voix, agence, "
            "autonomisation », offre déjà des orientations pratiques. L’OMS doit aider les pays à "
            "s’en servir, avec des bureaux régionaux et de pays prêts à conseiller aussi bien les "
            "gouvernements que la société civile.",
            "es": "El manual de la OMS sobre participación social de 2021 (Voice, agency, "
            "empowerment) ya ofrece orientaciones prácticas. La OMS debe ayudar a los países a "
            "aplicarlo, con oficinas regionales y en los países dispuestas a asesorar tanto a los "
            "gobiernos como a la sociedad civil.",
            "pt": "O manual da OMS sobre participação social de 2021 (Voice, agency, empowerment) "
            "já oferece orientações práticas. A OMS deve ajudar os países a aplicá-lo, com "
            "escritórios regionais e nos países prontos para assessorar tanto os governos quanto a "
            "sociedade civil.",
            "ar": "يقدّم دليل منظمة الصحة العالمية بشأن المشاركة الاجتماعية الصادر عام 2021 "
            "(Voice, agency, empowerment) إرشادات عملية بالفعل. وينبغي للمنظمة أن تساعد البلدان "
            "على تطبيقه، وأن تكون مكاتبها الإقليمية والقطرية مستعدة لتقديم المشورة إلى الحكومات "
            "والمجتمع المدني على حد سواء.",
            "ru": "Руководство ВОЗ по социальному участию 2021 года (Voice, agency, empowerment) "
            "уже содержит практические рекомендации. ВОЗ должна помогать странам применять его, а "
            "её региональные и страновые бюро — быть готовыми консультировать как правительства, "
            "так и гражданское общество.",
            "zh-hans": "世卫组织2021年发布的社会参与手册（Voice, agency, empowerment）已经提供了实"
            "用指导。世卫组织应帮助各国加以运用，其区域办事处和国家办事处应随时为政府和民间社会提供"
            "咨询。",
        },
    },
    {
        "code": "ask-who-honest-reporting",
        "topic": "asks_who",
        "audiences": ["media", "parliamentarians", "communities"],
        "source": "wha77",
        "text": {
            "en": "WHO's reports to the World Health Assembly in 2026, 2028 and 2030 should draw "
            "on civil society's evidence, document countries' experience honestly, gaps included, "
            "and be shared widely so that every country can learn from the others.",
            "fr": "Les rapports de l’OMS à l’Assemblée mondiale de la Santé en 2026, 2028 et 2030 "
            "doivent s’appuyer sur les données de la société civile, rendre compte honnêtement de "
            "l’expérience des pays, lacunes comprises, et être largement diffusés pour que chaque "
            "pays puisse apprendre des autres.",
            "es": "Los informes de la OMS a la Asamblea Mundial de la Salud de 2026, 2028 y 2030 "
            "deben nutrirse de la evidencia de la sociedad civil, documentar con honestidad la "
            "experiencia de los países, incluidas sus carencias, y difundirse ampliamente para que "
            "cada país pueda aprender de los demás.",
            "pt": "Os relatórios da OMS à Assembleia Mundial da Saúde de 2026, 2028 e 2030 devem "
            "se apoiar nas evidências da sociedade civil, documentar com honestidade a experiência "
            "dos países, lacunas incluídas, e ser amplamente divulgados para que cada país possa "
            "aprender com os outros.",
            "ar": "ينبغي أن تستند تقارير منظمة الصحة العالمية إلى جمعية الصحة العالمية في الأعوام "
            "2026 و2028 و2030 إلى الأدلة التي يقدّمها المجتمع المدني، وأن توثّق تجارب البلدان بصدق "
            "بما فيها أوجه القصور، وأن تُنشر على نطاق واسع ليتعلم كل بلد من تجارب غيره.",
            "ru": "Доклады ВОЗ Всемирной ассамблее здравоохранения в 2026, 2028 и 2030 годах "
            "должны опираться на данные гражданского общества, честно отражать опыт стран, включая "
            "недостатки, и широко распространяться, чтобы каждая страна могла учиться у других.",
            "zh-hans": "世卫组织在2026年、2028年和2030年向世界卫生大会提交的报告，应当吸纳民间社会"
            "提供的证据，如实记录各国经验（包括不足之处），并广泛传播，使每个国家都能借鉴他国经"
            "验。",
        },
    },
]
