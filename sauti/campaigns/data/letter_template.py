"""The built-in advocacy letter: asking a government to implement WHA77 on social participation.

It follows the "Social participation advocacy letter template" of the CSEM *Advocacy
Toolkit on Social Participation for UHC, Health and Well-Being* (section 5, tool 1) and
its strategy 2: write to the ministries of health and finance, ideally as a joint letter
signed by as many organisations as possible, to ask for concrete steps. The facts on the
resolution (institutionalised participation with a legal basis, resources, inclusion and
feedback; WHO reports in 2026, 2028 and 2030) come from the resolution and section 2.C
of the toolkit. The letter itself is not the toolkit's: every sentence is written in our
own words, in all seven languages.

Markup (ours, tiny and safe, never HTML):

- paragraphs are separated by a blank line; a single line break stays inside its
  paragraph (the signature);
- ``*text*`` is emphasis;
- lines starting with ``- `` are list items.

Placeholders are written ``{{ name }}`` with the ASCII names of ``PLACEHOLDERS``, in
every language, and every body uses the same nine. ``{{ priorities }}`` stands alone in
its paragraph and is replaced by the list of key messages chosen from the key-message
library. The texts are written so that bare values (a country name from CLDR, an
organisation name, a moment's name and date) fit wherever they appear, without articles
or case endings: in French, Portuguese and Russian the country appears only in the
address line and the subject, the next moment and the contact come after a colon, and
the coalition stands in apposition.

``optional`` lists paragraphs an editor switches on or off, by ``code``, in the order of
their markers. Each body marks their places with ``{{ paragraph:<code> }}``, alone in its
paragraph: ``budget``, ``marginalised`` and ``monitoring`` right after the list of steps
(each expands one step), ``meeting-request`` after the request for a meeting. A marker
is not a placeholder: it is replaced by the paragraph when switched on, else removed.

This module is pure data (no Django imports) so that migrations can import it.
Texts are dicts keyed by language code; every dict holds all of ``LANGUAGES``.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "fr", "es", "pt", "ar", "ru", "zh-hans")

SOURCES = [
    {
        "title": "Advocacy Toolkit on Social Participation for Universal Health Coverage, "
        "Health and Well-Being (Civil Society Engagement Mechanism for UHC2030 – CSEM), "
        "section 3 (strategy 2) and section 5 (tool 1: advocacy letter template)",
        "url": "https://www.uhc2030.org/",
    },
    {
        "title": "Resolution WHA77.2 – Social participation for universal health coverage, "
        "health and well-being (Seventy-seventh World Health Assembly, 2024)",
        "url": "https://apps.who.int/gb/ebwha/pdf_files/WHA77/A77_R2-en.pdf",
    },
]


def _paragraphs(*paragraphs: str) -> str:
    """Join paragraphs with a blank line, the paragraph break of our markup."""
    return "\n\n".join(paragraphs)


PLACEHOLDERS: dict[str, dict[str, str]] = {
    "addressee_name": {
        "en": "Name of the addressee",
        "fr": "Nom de la personne destinataire",
        "es": "Nombre de la persona destinataria",
        "pt": "Nome do destinatário",
        "ar": "اسم المرسَل إليه",
        "ru": "Имя и фамилия адресата",
        "zh-hans": "收信人姓名",
    },
    "addressee_title": {
        "en": "Form of address used in the salutation (e.g. Minister)",
        "fr": "Formule d’appel (p. ex. Madame la Ministre)",
        "es": "Tratamiento en el saludo (p. ej., Señora Ministra)",
        "pt": "Forma de tratamento na saudação (p. ex., Senhora Ministra)",
        "ar": "اللقب وصيغة المخاطبة (مثل: معالي وزيرة الصحة)",
        "ru": "Обращение (например: Уважаемая госпожа министр)",
        "zh-hans": "称谓（如：部长）",
    },
    "institution": {
        "en": "Institution (e.g. Ministry of Health)",
        "fr": "Institution (p. ex. ministère de la Santé)",
        "es": "Institución (p. ej., Ministerio de Salud)",
        "pt": "Instituição (p. ex., Ministério da Saúde)",
        "ar": "الجهة (مثل: وزارة الصحة)",
        "ru": "Учреждение (например: Министерство здравоохранения)",
        "zh-hans": "机构（如：卫生部）",
    },
    "country": {
        "en": "Country",
        "fr": "Pays",
        "es": "País",
        "pt": "País",
        "ar": "البلد",
        "ru": "Страна",
        "zh-hans": "国家",
    },
    "coalition": {
        "en": "Sending coalition",
        "fr": "Coalition signataire",
        "es": "Coalición remitente",
        "pt": "Coalizão remetente",
        "ar": "الائتلاف المرسِل",
        "ru": "Коалиция-отправитель",
        "zh-hans": "发函联盟",
    },
    "priorities": {
        "en": "Priorities (chosen from the key-message library)",
        "fr": "Priorités (choisies dans la bibliothèque de messages clés)",
        "es": "Prioridades (elegidas en la biblioteca de mensajes clave)",
        "pt": "Prioridades (escolhidas na biblioteca de mensagens-chave)",
        "ar": "الأولويات (المختارة من مكتبة الرسائل الرئيسية)",
        "ru": "Приоритеты (выбранные из библиотеки ключевых сообщений)",
        "zh-hans": "优先事项（从核心信息库中选取）",
    },
    "next_moment": {
        "en": "Next policy moment (name and date)",
        "fr": "Prochaine échéance politique (nom et date)",
        "es": "Próxima cita política (nombre y fecha)",
        "pt": "Próximo momento político (nome e data)",
        "ar": "الاستحقاق السياسي المقبل (الاسم والتاريخ)",
        "ru": "Следующее политическое событие (название и дата)",
        "zh-hans": "下一个政策节点（名称和日期）",
    },
    "contact": {
        "en": "Contact person and details",
        "fr": "Personne à contacter et coordonnées",
        "es": "Persona de contacto y datos",
        "pt": "Pessoa de contato e dados",
        "ar": "جهة الاتصال وبياناتها",
        "ru": "Контактное лицо и контактные данные",
        "zh-hans": "联系人及联系方式",
    },
    "date": {
        "en": "Date of the letter",
        "fr": "Date de la lettre",
        "es": "Fecha de la carta",
        "pt": "Data da carta",
        "ar": "تاريخ الرسالة",
        "ru": "Дата письма",
        "zh-hans": "发函日期",
    },
}

_BODY = {
    "en": _paragraphs(
        "{{ date }}",
        "{{ addressee_name }}, {{ institution }}, {{ country }}",
        "Dear {{ addressee_title }},",
        "We write on behalf of {{ coalition }}, which brings together civil "
        "society organisations and community groups working for health and universal health "
        "coverage in {{ country }}. Our members work daily alongside the people the "
        "health system exists to serve.",
        "In May 2024, the Seventy-seventh World Health Assembly adopted the first resolution "
        "ever devoted to social participation for universal health coverage, health and "
        "well-being. Together with all WHO Member States, {{ country }} committed to "
        "*institutionalise* social participation, so that people, communities and civil "
        "society have a real say in health decisions at every stage of the policy cycle and "
        "at every level of the health system. In practice, this calls for participation "
        "mechanisms that have a legal basis and public resources of their own, that include "
        "the groups most often left out, and that tell participants how their views were "
        "used. WHO will report on progress to the World Health Assembly in 2026, 2028 and "
        "2030.",
        "Participation is not a favour granted to civil society. Policies shaped with the "
        "people they affect are better targeted, better accepted and easier to implement, "
        "and they build the public trust on which every health system depends, above all in "
        "times of crisis.",
        "Our members have agreed on the following priorities:",
        "{{ priorities }}",
        "To turn these commitments into practice, we ask you to take four concrete steps:",
        "- adopt a national framework for social participation in health, with a legal "
        "basis that sets out who takes part, how often and with what mandate;\n"
        "- open a dedicated budget line, so that participation mechanisms, and the community "
        "organisations that make them work, are funded year after year;\n"
        "- make sure that people in vulnerable or marginalised situations, including women, "
        "young people, people with disabilities and people living in poverty or in remote "
        "areas, are actively reached and heard;\n"
        "- report back publicly on how the views gathered have shaped decisions, and on "
        "progress ahead of each WHO report.",
        "{{ paragraph:budget }}",
        "{{ paragraph:marginalised }}",
        "{{ paragraph:monitoring }}",
        "We would welcome a meeting with you or your team to discuss these steps, and how "
        "our members can contribute, ahead of the next key policy moment: "
        "{{ next_moment }}. Civil society can bring its knowledge of local realities, help "
        "reach people whom public services find hard to reach, and share what has worked "
        "elsewhere.",
        "{{ paragraph:meeting-request }}",
        "To arrange a meeting or for more information, please contact {{ contact }}.",
        "Thank you for your attention. We look forward to working with you so that everyone "
        "in {{ country }} has a voice in the decisions that shape their health.",
        "Yours sincerely,\n{{ coalition }}",
    ),
    "fr": _paragraphs(
        "{{ date }}",
        "{{ addressee_name }}, {{ institution }}, {{ country }}",
        "{{ addressee_title }},",
        "Nous vous écrivons au nom de notre coalition, {{ coalition }}, qui rassemble des "
        "organisations de la société civile et des associations communautaires engagées pour "
        "la santé et la couverture sanitaire universelle. Nos membres travaillent chaque jour "
        "aux côtés des personnes que le système de santé a pour mission de servir.",
        "En mai 2024, la Soixante-Dix-Septième Assemblée mondiale de la Santé a adopté la "
        "toute première résolution consacrée à la participation sociale pour la couverture "
        "sanitaire universelle, la santé et le bien-être. Avec l’ensemble des États Membres "
        "de l’OMS, votre gouvernement s’est engagé à *institutionnaliser* la participation "
        "sociale, afin que la population, les communautés et la société civile pèsent "
        "réellement sur les décisions de santé, à chaque étape du cycle des politiques et à "
        "tous les niveaux du système. Concrètement, cela suppose des mécanismes de "
        "participation dotés d’une base juridique et de ressources publiques propres, ouverts "
        "aux groupes le plus souvent exclus, et qui font savoir aux participants quelle suite "
        "a été donnée à leurs avis. L’OMS rendra compte des progrès accomplis à l’Assemblée "
        "mondiale de la Santé en 2026, 2028 et 2030.",
        "La participation n’est pas une faveur accordée à la société civile. Les politiques "
        "élaborées avec les personnes qu’elles concernent sont mieux ciblées, mieux acceptées "
        "et plus faciles à mettre en œuvre ; elles renforcent la confiance du public, dont "
        "tout système de santé a besoin, en particulier en temps de crise.",
        "Nos membres se sont accordés sur les priorités suivantes :",
        "{{ priorities }}",
        "Pour traduire ces engagements dans les faits, nous vous demandons de prendre quatre "
        "mesures concrètes :",
        "- adopter un cadre national de participation sociale en santé, doté d’une base "
        "juridique qui précise qui participe, à quelle fréquence et avec quel mandat ;\n"
        "- créer une ligne budgétaire dédiée, afin que les mécanismes de participation et les "
        "organisations communautaires qui les font vivre soient financés d’une année sur "
        "l’autre ;\n"
        "- veiller à ce que les personnes en situation de vulnérabilité ou de "
        "marginalisation, notamment les femmes, les jeunes, les personnes handicapées et les "
        "personnes vivant dans la pauvreté ou dans des zones isolées, soient activement "
        "associées et entendues ;\n"
        "- rendre compte publiquement de la manière dont les avis recueillis ont pesé sur les "
        "décisions, ainsi que des progrès accomplis avant chaque rapport de l’OMS.",
        "{{ paragraph:budget }}",
        "{{ paragraph:marginalised }}",
        "{{ paragraph:monitoring }}",
        "Nous souhaiterions vous rencontrer, vous ou vos équipes, pour examiner ces mesures "
        "et la contribution que nos membres peuvent y apporter, avant la prochaine échéance "
        "politique : {{ next_moment }}. La société civile peut apporter sa connaissance des "
        "réalités locales, aider à atteindre les personnes que les services publics peinent à "
        "toucher et faire connaître ce qui a fonctionné ailleurs.",
        "{{ paragraph:meeting-request }}",
        "Pour convenir d’un rendez-vous ou pour toute information complémentaire, voici nos "
        "coordonnées : {{ contact }}.",
        "Nous vous remercions de l’attention que vous porterez à cette lettre et nous "
        "réjouissons de travailler avec vous pour que chacune et chacun, dans le pays, puisse "
        "faire entendre sa voix dans les décisions qui concernent sa santé.",
        "Nous vous prions d’agréer, {{ addressee_title }}, l’expression de notre très haute "
        "considération.\n{{ coalition }}",
    ),
    "es": _paragraphs(
        "{{ date }}",
        "{{ addressee_name }}, {{ institution }}, {{ country }}",
        "{{ addressee_title }}:",
        "Nos dirigimos a usted en nombre de nuestra coalición, {{ coalition }}, que reúne a "
        "organizaciones de la sociedad civil y grupos comunitarios que trabajan por la salud "
        "y la cobertura sanitaria universal en {{ country }}. Nuestros miembros trabajan a "
        "diario junto a las personas a las que el sistema de salud debe servir.",
        "En mayo de 2024, la 77.ª Asamblea Mundial de la Salud aprobó la primera resolución "
        "dedicada a la participación social para la cobertura sanitaria universal, la salud y "
        "el bienestar. Junto con todos los Estados Miembros de la OMS, {{ country }} se "
        "comprometió a *institucionalizar* la participación social, de modo que las personas, "
        "las comunidades y la sociedad civil incidan realmente en las decisiones de salud en "
        "cada etapa del ciclo de las políticas y en todos los niveles del sistema. En la "
        "práctica, esto exige mecanismos de participación con base jurídica y recursos "
        "públicos propios, abiertos a los grupos que con más frecuencia quedan excluidos, y "
        "que informen a quienes participan sobre el uso que se ha dado a sus aportes. La OMS "
        "informará de los avances a la Asamblea Mundial de la Salud en 2026, 2028 y 2030.",
        "La participación no es un favor que se concede a la sociedad civil. Las políticas "
        "elaboradas con las personas a las que afectan están mejor orientadas, se aceptan "
        "mejor y son más fáciles de aplicar; además, generan la confianza pública de la que "
        "depende todo sistema de salud, sobre todo en tiempos de crisis.",
        "Nuestros miembros han acordado las siguientes prioridades:",
        "{{ priorities }}",
        "Para llevar estos compromisos a la práctica, le pedimos que adopte cuatro medidas "
        "concretas:",
        "- aprobar un marco nacional de participación social en salud, con una base jurídica "
        "que establezca quién participa, con qué frecuencia y con qué mandato;\n"
        "- crear una partida presupuestaria específica, para que los mecanismos de "
        "participación, y las organizaciones comunitarias que los sostienen, cuenten con "
        "financiación año tras año;\n"
        "- garantizar que las personas en situación de vulnerabilidad o marginación, entre "
        "ellas las mujeres, la juventud, las personas con discapacidad y quienes viven en la "
        "pobreza o en zonas remotas, sean convocadas activamente y escuchadas;\n"
        "- informar públicamente sobre cómo las opiniones recogidas han influido en las "
        "decisiones, y sobre los avances antes de cada informe de la OMS.",
        "{{ paragraph:budget }}",
        "{{ paragraph:marginalised }}",
        "{{ paragraph:monitoring }}",
        "Nos gustaría reunirnos con usted o con su equipo para conversar sobre estas medidas "
        "y sobre la contribución que pueden hacer nuestros miembros, antes de la próxima cita "
        "clave de la agenda política: {{ next_moment }}. La sociedad civil puede aportar su "
        "conocimiento de las realidades locales, ayudar a llegar a las personas a las que los "
        "servicios públicos difícilmente llegan y compartir lo que ha funcionado en otros "
        "lugares.",
        "{{ paragraph:meeting-request }}",
        "Para concertar una reunión o para cualquier información adicional, le facilitamos "
        "nuestros datos de contacto: {{ contact }}.",
        "Le agradecemos su atención y esperamos trabajar con usted para que todas las "
        "personas en {{ country }} tengan voz en las decisiones que afectan a su salud.",
        "Reciba, {{ addressee_title }}, el testimonio de nuestra más alta consideración.\n"
        "{{ coalition }}",
    ),
    "pt": _paragraphs(
        "{{ date }}",
        "{{ addressee_name }}, {{ institution }}, {{ country }}",
        "{{ addressee_title }},",
        "Dirigimo-nos a Vossa Excelência em nome da nossa coalizão, {{ coalition }}, que "
        "reúne organizações da sociedade civil e grupos comunitários empenhados na saúde e na "
        "cobertura universal de saúde. Os nossos membros trabalham todos os dias junto das "
        "pessoas que o sistema de saúde existe para servir.",
        "Em maio de 2024, a 77.ª Assembleia Mundial da Saúde aprovou a primeira resolução "
        "dedicada à participação social para a cobertura universal de saúde, a saúde e o "
        "bem-estar. Juntamente com todos os Estados-Membros da OMS, o Governo de Vossa "
        "Excelência comprometeu-se a *institucionalizar* a participação social, para que as "
        "pessoas, as comunidades e a sociedade civil influenciem efetivamente as decisões de "
        "saúde em todas as etapas do ciclo das políticas e em todos os níveis do sistema. Na "
        "prática, isto exige mecanismos de participação com base legal e recursos públicos "
        "próprios, abertos aos grupos mais frequentemente excluídos, e que informem os "
        "participantes sobre o destino dado às suas contribuições. A OMS apresentará "
        "relatórios sobre os progressos à Assembleia Mundial da Saúde em 2026, 2028 e 2030.",
        "A participação não é um favor concedido à sociedade civil. As políticas construídas "
        "com as pessoas a quem dizem respeito são mais bem direcionadas, têm maior aceitação "
        "e são mais fáceis de executar; além disso, geram a confiança pública de que qualquer "
        "sistema de saúde depende, sobretudo em tempos de crise.",
        "Os nossos membros definiram em conjunto as seguintes prioridades:",
        "{{ priorities }}",
        "Para passar destes compromissos à prática, solicitamos a Vossa Excelência que adote "
        "quatro medidas concretas:",
        "- aprovar um quadro nacional de participação social na saúde, com uma base legal que "
        "defina quem participa, com que frequência e com que mandato;\n"
        "- criar uma rubrica orçamental específica, para que os mecanismos de participação, "
        "e as organizações comunitárias que os fazem funcionar, sejam financiados ano após "
        "ano;\n"
        "- garantir que as pessoas em situação de vulnerabilidade ou marginalização, "
        "incluindo mulheres, jovens, pessoas com deficiência e pessoas que vivem na pobreza "
        "ou em zonas remotas, sejam ativamente envolvidas e ouvidas;\n"
        "- prestar contas publicamente sobre a forma como as opiniões expressas influenciaram "
        "as decisões, e sobre os progressos antes de cada relatório da OMS.",
        "{{ paragraph:budget }}",
        "{{ paragraph:marginalised }}",
        "{{ paragraph:monitoring }}",
        "Gostaríamos de nos reunir com Vossa Excelência ou com os seus colaboradores para "
        "debater estas medidas e a contribuição que os nossos membros podem dar, antes do "
        "próximo momento político decisivo: {{ next_moment }}. A sociedade civil pode trazer "
        "o seu conhecimento das realidades locais, ajudar a chegar às pessoas que os serviços "
        "públicos têm dificuldade em alcançar e compartilhar o que funcionou em outros "
        "contextos.",
        "{{ paragraph:meeting-request }}",
        "Para agendar uma reunião ou obter mais informações, os nossos dados de contato são "
        "os seguintes: {{ contact }}.",
        "Agradecemos a atenção de Vossa Excelência e esperamos trabalhar em conjunto para que "
        "todas as pessoas no país tenham voz nas decisões que afetam a sua saúde.",
        "Com os nossos mais respeitosos cumprimentos,\n{{ coalition }}",
    ),
    "ar": _paragraphs(
        "{{ date }}",
        "{{ addressee_title }} {{ addressee_name }}، {{ institution }}، {{ country }}",
        "تحية طيبة وبعد،",
        "نتوجه إليكم باسم ائتلافنا، {{ coalition }}، الذي يجمع منظمات المجتمع المدني "
        "والمجموعات المجتمعية العاملة من أجل الصحة والتغطية الصحية الشاملة في {{ country }}. "
        "ويعمل أعضاؤنا يومياً إلى جانب الناس الذين وُجد النظام الصحي لخدمتهم.",
        "في أيار/مايو 2024، اعتمدت جمعية الصحة العالمية السابعة والسبعون أول قرار على الإطلاق "
        "بشأن المشاركة الاجتماعية من أجل التغطية الصحية الشاملة والصحة والعافية. وقد التزمت "
        "حكومتكم، إلى جانب جميع الدول الأعضاء في منظمة الصحة العالمية، بأن *تضفي الطابع "
        "المؤسسي* على المشاركة الاجتماعية، بحيث يكون للناس والمجتمعات المحلية والمجتمع المدني "
        "تأثير فعلي في القرارات الصحية في كل مرحلة من مراحل دورة السياسات وعلى جميع مستويات "
        "النظام الصحي. ويقتضي ذلك عملياً آليات للمشاركة تستند إلى أساس قانوني وتتمتع بموارد "
        "عامة مخصصة لها، وتنفتح على الفئات الأكثر تعرضاً للإقصاء، وتُطلع المشاركين على كيفية "
        "الأخذ بآرائهم. وسترفع منظمة الصحة العالمية تقارير عن التقدم المحرز إلى جمعية الصحة "
        "العالمية في الأعوام 2026 و2028 و2030.",
        "إن المشاركة ليست منّة تُمنح للمجتمع المدني. فالسياسات التي تُصاغ مع الناس المعنيين "
        "بها تكون أدق استهدافاً وأوسع قبولاً وأيسر تنفيذاً، وهي تبني الثقة العامة التي يعتمد "
        "عليها كل نظام صحي، ولا سيما في أوقات الأزمات.",
        "وقد اتفق أعضاؤنا على الأولويات التالية:",
        "{{ priorities }}",
        "ومن أجل تحويل هذه الالتزامات إلى واقع، نرجو منكم اتخاذ أربع خطوات ملموسة:",
        "- اعتماد إطار وطني للمشاركة الاجتماعية في الصحة، يستند إلى أساس قانوني يحدد من "
        "يشارك، وبأي وتيرة، وبأي صلاحيات؛\n"
        "- تخصيص بند مستقل في الميزانية يضمن تمويل آليات المشاركة، والمنظمات المجتمعية التي "
        "تُسيّرها، عاماً بعد عام؛\n"
        "- ضمان الوصول الفعلي إلى الأشخاص الذين يعيشون أوضاعاً هشة أو مهمشة والاستماع إليهم، "
        "ومنهم النساء والشباب والأشخاص ذوو الإعاقة ومن يعيشون في فقر أو في مناطق نائية؛\n"
        "- الإبلاغ العلني عن كيفية تأثير الآراء التي جُمعت في القرارات، وعن التقدم المحرز قبل "
        "كل تقرير تصدره منظمة الصحة العالمية.",
        "{{ paragraph:budget }}",
        "{{ paragraph:marginalised }}",
        "{{ paragraph:monitoring }}",
        "ويسعدنا أن نلتقي بكم أو بفريق عملكم لمناقشة هذه الخطوات وسبل إسهام أعضائنا فيها، "
        "قبل الاستحقاق السياسي المقبل: {{ next_moment }}. فبوسع المجتمع المدني أن يقدم معرفته "
        "بالواقع المحلي، وأن يساعد على الوصول إلى من يصعب على الخدمات العامة الوصول إليهم، "
        "وأن يتبادل ما أثبت نجاحه في أماكن أخرى.",
        "{{ paragraph:meeting-request }}",
        "ولتحديد موعد للقاء أو للحصول على مزيد من المعلومات، يُرجى التواصل مع: {{ contact }}.",
        "نشكركم على اهتمامكم، ونتطلع إلى العمل معكم كي يكون لكل شخص في {{ country }} صوت في "
        "القرارات التي تمس صحته.",
        "وتفضلوا بقبول فائق الاحترام والتقدير،\n{{ coalition }}",
    ),
    "ru": _paragraphs(
        "{{ date }}",
        "{{ addressee_name }}, {{ institution }}, {{ country }}",
        "{{ addressee_title }}!",
        "Мы, {{ coalition }}, обращаемся к Вам от имени входящих в нашу коалицию организаций "
        "гражданского общества и общественных объединений, которые работают в интересах "
        "здоровья и всеобщего охвата услугами здравоохранения. Наши члены каждый день "
        "работают рядом с людьми, ради которых существует система здравоохранения.",
        "В мае 2024 года семьдесят седьмая сессия Всемирной ассамблеи здравоохранения "
        "приняла первую в истории резолюцию о социальном участии в интересах всеобщего "
        "охвата услугами здравоохранения, здоровья и благополучия. Вместе со всеми "
        "государствами — членами ВОЗ Ваше правительство взяло на себя обязательство "
        "*институционализировать* социальное участие, чтобы люди, сообщества и гражданское "
        "общество реально влияли на решения в сфере здравоохранения на каждом этапе цикла "
        "политики и на всех уровнях системы. На практике для этого нужны механизмы участия, "
        "которые имеют правовую основу и собственные государственные ресурсы, открыты для "
        "групп, чаще всего остающихся в стороне, и сообщают участникам, как были учтены их "
        "мнения. ВОЗ будет докладывать Всемирной ассамблее здравоохранения о ходе выполнения "
        "резолюции в 2026, 2028 и 2030 годах.",
        "Участие — это не уступка гражданскому обществу. Политика, выработанная вместе с "
        "теми, кого она касается, точнее нацелена, лучше воспринимается и легче реализуется; "
        "она укрепляет доверие общества, на котором держится любая система здравоохранения, "
        "особенно во время кризисов.",
        "Наши члены согласовали следующие приоритеты:",
        "{{ priorities }}",
        "Чтобы эти обязательства были выполнены на деле, мы просим Вас предпринять четыре "
        "конкретных шага:",
        "- закрепить в законодательстве национальную систему социального участия в "
        "здравоохранении: кто участвует, как часто и с какими полномочиями;\n"
        "- предусмотреть отдельную статью бюджета, чтобы механизмы участия и обеспечивающие "
        "их работу общественные организации получали финансирование из года в год;\n"
        "- обеспечить, чтобы люди в уязвимом или маргинализированном положении, в том числе "
        "женщины, молодёжь, люди с инвалидностью, а также люди, живущие в бедности или в "
        "отдалённых районах, активно вовлекались и были услышаны;\n"
        "- публично отчитываться о том, как собранные мнения повлияли на принятые решения, и "
        "о достигнутом прогрессе перед каждым докладом ВОЗ.",
        "{{ paragraph:budget }}",
        "{{ paragraph:marginalised }}",
        "{{ paragraph:monitoring }}",
        "Мы были бы рады встретиться с Вами или с Вашими сотрудниками, чтобы обсудить эти "
        "шаги и вклад, который могут внести наши члены, до следующего важного политического "
        "события: {{ next_moment }}. Гражданское общество может поделиться знанием местных "
        "условий, помочь охватить тех, до кого государственным службам трудно дотянуться, и "
        "рассказать о том, что оказалось эффективным в других местах.",
        "{{ paragraph:meeting-request }}",
        "По вопросам организации встречи и за дополнительной информацией просим обращаться: "
        "{{ contact }}.",
        "Благодарим Вас за внимание и надеемся на совместную работу, чтобы каждый житель "
        "страны мог влиять на решения, касающиеся его здоровья.",
        "С уважением,\n{{ coalition }}",
    ),
    "zh-hans": _paragraphs(
        "尊敬的{{ addressee_name }}{{ addressee_title }}：",
        "您好！",
        "我们谨代表{{ coalition }}致函。本联盟汇聚了致力于在{{ country }}促进健康、实现全民"
        "健康覆盖的民间社会组织和社区团体。我们的成员每天与卫生系统所服务的民众并肩工作。",
        "2024年5月，第七十七届世界卫生大会通过了首个关于促进全民健康覆盖、健康和福祉的社会"
        "参与决议。{{ country }}与世卫组织所有会员国一道，承诺将社会参与*制度化*，使民众、"
        "社区和民间社会在政策周期的每个阶段、卫生系统的每个层级都能切实影响卫生决策。具体"
        "而言，参与机制需要具有法律依据和专门的公共资源，向最常被排斥在外的群体开放，并向"
        "参与者反馈其意见的采纳情况。世卫组织将于2026年、2028年和2030年向世界卫生大会报告"
        "进展。",
        "社会参与并不是对民间社会的恩赐。与受影响民众共同制定的政策更有针对性，更易被接受，"
        "也更便于实施；这样的政策还能增进公众信任，而这种信任正是任何卫生系统赖以运转的基础，"
        "在危机时期尤其如此。",
        "我们的成员商定了以下优先事项：",
        "{{ priorities }}",
        "为将上述承诺落到实处，我们恳请{{ institution }}采取以下四项具体措施：",
        "- 制定国家社会参与框架并赋予其法律依据，明确由谁参与、多久开展一次以及拥有何种"
        "职权；\n"
        "- 在预算中设立专项科目，使参与机制以及支撑其运转的社区组织能够年年获得资金；\n"
        "- 确保主动接触并倾听处于弱势或边缘化境况的人群，包括妇女、青年、残疾人以及生活"
        "贫困或居住在偏远地区的人；\n"
        "- 公开反馈所收集的意见如何影响了决策，并在世卫组织每次报告之前公布进展情况。",
        "{{ paragraph:budget }}",
        "{{ paragraph:marginalised }}",
        "{{ paragraph:monitoring }}",
        "我们希望能在下一个重要政策节点（{{ next_moment }}）之前与您或您的团队会面，商讨上述"
        "措施以及我们的成员可以作出的贡献。民间社会可以提供对当地实际情况的了解，帮助接触"
        "公共服务难以覆盖的人群，并分享其他地方的成功经验。",
        "{{ paragraph:meeting-request }}",
        "如需安排会面或了解更多信息，请联系：{{ contact }}。",
        "感谢您拨冗阅信。我们期待与您携手合作，让{{ country }}的每一个人都能在关乎自身健康的"
        "决策中发出声音。",
        "此致\n敬礼！",
        "{{ coalition }}\n{{ date }}",
    ),
}

TEMPLATE: dict[str, Any] = {
    "code": "wha77-social-participation-letter",
    "sources": SOURCES,
    "title": {
        "en": "Advocacy letter: implementing WHA77 on social participation",
        "fr": "Lettre de plaidoyer : mise en œuvre de la résolution WHA77 sur la participation "
        "sociale",
        "es": "Carta de incidencia: aplicación de la resolución WHA77 sobre participación social",
        "pt": "Carta de advocacy: implementação da resolução WHA77 sobre participação social",
        "ar": "رسالة مناصرة: تنفيذ القرار WHA77 بشأن المشاركة الاجتماعية",
        "ru": "Письмо-обращение: выполнение резолюции WHA77 о социальном участии",
        "zh-hans": "倡导信：落实WHA77社会参与决议",
    },
    "subject": {
        "en": "Implementing resolution WHA77 on social participation for health in {{ country }}",
        "fr": "Mise en œuvre de la résolution WHA77 sur la participation sociale en santé – "
        "{{ country }}",
        "es": "Aplicación de la resolución WHA77 sobre participación social en salud en "
        "{{ country }}",
        "pt": "Implementação da resolução WHA77 sobre participação social na saúde – {{ country }}",
        "ar": "تنفيذ القرار WHA77 بشأن المشاركة الاجتماعية في الصحة في {{ country }}",
        "ru": "Выполнение резолюции WHA77 о социальном участии в сфере здравоохранения — "
        "{{ country }}",
        "zh-hans": "关于在{{ country }}落实WHA77社会参与决议的函",
    },
    "body": _BODY,
    "optional": [
        {
            "code": "budget",
            "label": {
                "en": "Budget: copy to the ministry of finance",
                "fr": "Budget : copie au ministère des finances",
                "es": "Presupuesto: copia al ministerio de finanzas",
                "pt": "Orçamento: cópia para o ministério das finanças",
                "ar": "الميزانية: نسخة إلى وزارة المالية",
                "ru": "Бюджет: копия в министерство финансов",
                "zh-hans": "预算：抄送财政部门",
            },
            "text": {
                "en": "Because participation cannot last without stable funding, we are also "
                "sending this letter to the ministry responsible for finance and the budget. "
                "We ask that the next national budget include an identifiable allocation for "
                "social participation in health, covering the running costs of health "
                "councils, committees and assemblies, the time and travel of the community "
                "members who take part, and flexible support for the civil society "
                "organisations that prepare and accompany them.",
                "fr": "Parce que la participation ne peut pas durer sans financement stable, "
                "nous adressons également cette lettre au ministère chargé des finances et du "
                "budget. Nous demandons que le prochain budget de l’État comporte une dotation "
                "identifiable pour la participation sociale en santé, couvrant le "
                "fonctionnement des conseils, comités et assemblées de santé, le temps et les "
                "déplacements des membres des communautés qui y prennent part, ainsi qu’un "
                "soutien souple aux organisations de la société civile qui les préparent et "
                "les accompagnent.",
                "es": "Como la participación no puede sostenerse sin una financiación estable, "
                "enviamos también esta carta al ministerio responsable de las finanzas y el "
                "presupuesto. Pedimos que el próximo presupuesto nacional incluya una "
                "asignación identificable para la participación social en salud, que cubra el "
                "funcionamiento de los consejos, comités y asambleas de salud, el tiempo y los "
                "desplazamientos de los miembros de la comunidad que participan, y un apoyo "
                "flexible a las organizaciones de la sociedad civil que los preparan y "
                "acompañan.",
                "pt": "Como a participação não se mantém sem financiamento estável, enviamos "
                "também esta carta ao ministério responsável pelas finanças e pelo orçamento. "
                "Solicitamos que o próximo orçamento nacional inclua uma dotação identificável "
                "para a participação social na saúde, que cubra o funcionamento dos conselhos, "
                "comissões e assembleias de saúde, o tempo e as despesas de transporte dos "
                "membros das comunidades que neles participam, e um apoio flexível às "
                "organizações da sociedade civil que os preparam e acompanham.",
                "ar": "ولأن المشاركة لا يمكن أن تستمر دون تمويل مستقر، فإننا نوجه نسخة من هذه "
                "الرسالة أيضاً إلى الوزارة المسؤولة عن المالية والميزانية. ونطلب أن تتضمن "
                "الميزانية الوطنية المقبلة مخصصات واضحة للمشاركة الاجتماعية في الصحة، تغطي "
                "تكاليف تسيير المجالس واللجان والجمعيات الصحية، ووقت أفراد المجتمع المشاركين "
                "فيها وتكاليف تنقلهم، ودعماً مرناً لمنظمات المجتمع المدني التي تتولى التحضير "
                "لها ومرافقة المشاركين فيها.",
                "ru": "Поскольку участие невозможно поддерживать без стабильного "
                "финансирования, мы направляем это письмо также в министерство, отвечающее за "
                "финансы и бюджет. Мы просим предусмотреть в следующем государственном "
                "бюджете отдельные, чётко обозначенные средства на социальное участие в "
                "здравоохранении: на работу советов, комитетов и ассамблей по вопросам "
                "здоровья, на компенсацию времени и транспортных расходов участвующих в них "
                "представителей сообществ, а также на гибкую поддержку организаций "
                "гражданского общества, которые готовят и сопровождают этот процесс.",
                "zh-hans": "参与离不开稳定的资金，因此我们也将本函抄送负责财政和预算的部门。"
                "我们请求在下一年度国家预算中为卫生领域的社会参与安排可识别的专项拨款，用于"
                "卫生理事会、委员会和卫生大会的运行经费，参与其中的社区成员的时间和交通补贴，"
                "以及对负责筹备和支持参与进程的民间社会组织的灵活资助。",
            },
        },
        {
            "code": "marginalised",
            "label": {
                "en": "Groups in marginalised situations",
                "fr": "Groupes en situation de marginalisation",
                "es": "Grupos en situación de marginación",
                "pt": "Grupos em situação de marginalização",
                "ar": "الفئات المهمشة",
                "ru": "Маргинализированные группы",
                "zh-hans": "边缘化群体",
            },
            "text": {
                "en": "We draw your particular attention to the people who are heard least "
                "often, such as communities in remote areas, people with disabilities, "
                "migrants and refugees, older people, young people and people living with HIV "
                "or other stigmatised conditions. Reaching them takes more than an open "
                "invitation: meetings held where and when they can attend, information in "
                "local languages and accessible formats, support for their time and travel, "
                "and protection for those who speak out, so that they can take part safely.",
                "fr": "Nous appelons tout particulièrement votre attention sur les personnes "
                "que l’on entend le moins : communautés des zones isolées, personnes "
                "handicapées, personnes migrantes et réfugiées, personnes âgées, jeunes, "
                "personnes vivant avec le VIH ou avec d’autres affections stigmatisées. Les "
                "atteindre demande plus qu’une invitation ouverte : des réunions organisées là "
                "où elles peuvent se rendre et à des horaires qui leur conviennent, des "
                "informations dans les langues locales et sous des formats accessibles, une "
                "prise en charge de leur temps et de leurs déplacements, et une protection "
                "pour celles et ceux qui prennent la parole, afin que chacun puisse participer "
                "en toute sécurité.",
                "es": "Queremos llamar especialmente su atención sobre las personas a las que "
                "menos se escucha, como las comunidades de zonas remotas, las personas con "
                "discapacidad, las personas migrantes y refugiadas, las personas mayores, la "
                "juventud y las personas que viven con el VIH u otras condiciones "
                "estigmatizadas. Llegar a ellas exige más que una invitación abierta: "
                "reuniones celebradas donde y cuando puedan asistir, información en las "
                "lenguas locales y en formatos accesibles, apoyo para cubrir su tiempo y sus "
                "desplazamientos, y protección para quienes alzan la voz, de modo que puedan "
                "participar con seguridad.",
                "pt": "Chamamos a especial atenção de Vossa Excelência para as pessoas que "
                "menos são ouvidas, como as comunidades de zonas remotas, as pessoas com "
                "deficiência, as pessoas migrantes e refugiadas, as pessoas idosas, os jovens "
                "e as pessoas que vivem com HIV ou com outras condições estigmatizadas. Chegar "
                "até elas exige mais do que um convite aberto: reuniões realizadas onde e "
                "quando possam participar, informação nas línguas locais e em formatos "
                "acessíveis, apoio para cobrir o seu tempo e as despesas de transporte, e "
                "proteção para quem se manifesta, para que todos possam participar em "
                "segurança.",
                "ar": "ونلفت عنايتكم بشكل خاص إلى الفئات التي نادراً ما يُسمع صوتها، مثل "
                "المجتمعات في المناطق النائية، والأشخاص ذوي الإعاقة، والمهاجرين واللاجئين، "
                "وكبار السن، والشباب، والمتعايشين مع فيروس نقص المناعة البشرية أو مع حالات "
                "صحية أخرى تلحقها الوصمة. والوصول إليهم يتطلب أكثر من دعوة مفتوحة: اجتماعات "
                "تُعقد في أماكن وأوقات تتيح لهم الحضور، ومعلومات باللغات المحلية وبصيغ "
                "ميسّرة، ودعماً يعوّض وقتهم وتكاليف تنقلهم، وحمايةً لمن يرفعون أصواتهم، حتى "
                "يتمكن الجميع من المشاركة بأمان.",
                "ru": "Мы особо обращаем Ваше внимание на тех, чей голос звучит реже всего: "
                "жителей отдалённых районов, людей с инвалидностью, мигрантов и беженцев, "
                "пожилых людей, молодёжь, людей, живущих с ВИЧ или другими "
                "стигматизируемыми заболеваниями. Чтобы до них дойти, недостаточно открытого "
                "приглашения: нужны встречи в удобных для них местах и в удобное время, "
                "информация на местных языках и в доступных форматах, компенсация их времени "
                "и транспортных расходов, а также защита тех, кто высказывается открыто, "
                "чтобы все могли участвовать без опасений.",
                "zh-hans": "我们特别提请您关注那些最少被倾听的人群，例如偏远地区的社区、残疾人、"
                "移民和难民、老年人、青年，以及艾滋病毒感染者和其他受污名影响的人群。要接触到"
                "他们，仅仅发出公开邀请是不够的：会议的时间和地点应便于他们参加，信息应使用当地"
                "语言并采用无障碍形式，应为他们付出的时间和交通费用提供补贴，并应保护敢于发声的"
                "人，使所有人都能安全地参与。",
            },
        },
        {
            "code": "monitoring",
            "label": {
                "en": "Community-led monitoring and shadow report",
                "fr": "Suivi communautaire et rapport parallèle",
                "es": "Seguimiento comunitario e informe sombra",
                "pt": "Monitoramento comunitário e relatório-sombra",
                "ar": "الرصد المجتمعي وتقرير الظل",
                "ru": "Мониторинг силами сообществ и альтернативный доклад",
                "zh-hans": "社区主导的监测和影子报告",
            },
            "text": {
                "en": "For our part, civil society will follow the implementation of the "
                "resolution through community-led monitoring, including community "
                "scorecards, and will publish a shadow report ahead of WHO's 2026 report to "
                "the World Health Assembly. We would be glad to share our findings with your "
                "services in advance, and we invite the government to share its own data on "
                "participation mechanisms, so that the progress reported reflects what "
                "communities actually experience.",
                "fr": "De notre côté, la société civile observera la mise en œuvre de la "
                "résolution grâce à un suivi mené par les communautés, notamment au moyen de "
                "fiches d’évaluation communautaires, et publiera un rapport parallèle avant "
                "le rapport que l’OMS présentera à l’Assemblée mondiale de la Santé en 2026. "
                "Nous serions heureux de communiquer au préalable nos constats à vos "
                "services, et nous invitons le gouvernement à partager ses propres données sur "
                "les mécanismes de participation, afin que les progrès rapportés reflètent ce "
                "que vivent réellement les communautés.",
                "es": "Por nuestra parte, la sociedad civil hará seguimiento a la aplicación "
                "de la resolución mediante un monitoreo liderado por las comunidades, que "
                "incluye tarjetas de puntuación comunitarias, y publicará un informe sombra "
                "antes del informe que la OMS presentará a la Asamblea Mundial de la Salud en "
                "2026. Con gusto compartiremos de antemano nuestras conclusiones con su "
                "equipo, e invitamos al Gobierno a compartir sus propios datos sobre los "
                "mecanismos de participación, para que los avances que se comuniquen reflejen "
                "lo que viven realmente las comunidades.",
                "pt": "Da nossa parte, a sociedade civil acompanhará a implementação da "
                "resolução por meio de um monitoramento conduzido pelas comunidades, "
                "incluindo boletins de avaliação comunitários, e publicará um relatório-sombra "
                "antes do relatório que a OMS apresentará à Assembleia Mundial da Saúde em "
                "2026. Teremos o maior prazer em compartilhar antecipadamente as nossas "
                "conclusões com os serviços de Vossa Excelência, e convidamos o Governo a "
                "compartilhar os seus próprios dados sobre os mecanismos de participação, "
                "para que os progressos relatados reflitam o que as comunidades realmente "
                "vivem.",
                "ar": "ومن جانبنا، سيتابع المجتمع المدني تنفيذ القرار من خلال رصد يقوده "
                "المجتمع، بما في ذلك بطاقات الأداء المجتمعية، وسينشر تقرير ظل قبل التقرير "
                "الذي ستقدمه منظمة الصحة العالمية إلى جمعية الصحة العالمية في عام 2026. "
                "ويسعدنا أن نطلع أجهزتكم على نتائجنا مسبقاً، وندعو الحكومة إلى إتاحة بياناتها "
                "عن آليات المشاركة، حتى يعكس التقدم المُبلغ عنه ما تعيشه المجتمعات فعلاً.",
                "ru": "Со своей стороны гражданское общество будет отслеживать выполнение "
                "резолюции с помощью мониторинга силами сообществ, в том числе общественных "
                "оценочных карт, и опубликует альтернативный доклад до того, как ВОЗ "
                "представит свой доклад Всемирной ассамблее здравоохранения в 2026 году. Мы "
                "будем рады заранее поделиться своими выводами с Вашими сотрудниками и "
                "предлагаем правительству, в свою очередь, предоставить свои данные о "
                "механизмах участия, чтобы отчёты о прогрессе отражали реальный опыт "
                "сообществ.",
                "zh-hans": "就我们而言，民间社会将通过社区主导的监测（包括社区评分卡）跟踪决议的"
                "落实情况，并在世卫组织2026年向世界卫生大会提交报告之前发布影子报告。我们乐意"
                "事先与贵方分享监测结果，也请政府分享其掌握的参与机制数据，使所报告的进展真实"
                "反映社区的切身经历。",
            },
        },
        {
            "code": "meeting-request",
            "label": {
                "en": "Proposal for a joint working meeting",
                "fr": "Proposition de réunion de travail conjointe",
                "es": "Propuesta de reunión de trabajo conjunta",
                "pt": "Proposta de reunião de trabalho conjunta",
                "ar": "اقتراح اجتماع عمل مشترك",
                "ru": "Предложение о совместном рабочем совещании",
                "zh-hans": "关于召开联合工作会议的建议",
            },
            "text": {
                "en": "We also propose a joint working meeting that brings together your "
                "services, the ministry responsible for finance, members of the parliamentary "
                "health committee and representatives of our coalition, to agree on a road "
                "map and a timetable for implementing the resolution. We would be glad to "
                "help prepare it and to send a draft agenda in advance.",
                "fr": "Nous proposons également une réunion de travail conjointe réunissant "
                "vos services, le ministère chargé des finances, des membres de la commission "
                "parlementaire de la santé et des représentants de notre coalition, afin de "
                "convenir d’une feuille de route et d’un calendrier pour la mise en œuvre de "
                "la résolution. Nous serions heureux de contribuer à sa préparation et de vous "
                "adresser au préalable un projet d’ordre du jour.",
                "es": "Proponemos además una reunión de trabajo conjunta con su equipo, el "
                "ministerio responsable de las finanzas, integrantes de la comisión de salud "
                "del parlamento y representantes de nuestra coalición, para acordar una hoja "
                "de ruta y un calendario de aplicación de la resolución. Con gusto "
                "contribuiremos a prepararla y le enviaremos de antemano una propuesta de "
                "orden del día.",
                "pt": "Propomos ainda uma reunião de trabalho conjunta com os serviços de "
                "Vossa Excelência, o ministério responsável pelas finanças, membros da "
                "comissão parlamentar de saúde e representantes da nossa coalizão, para "
                "acordar um roteiro e um calendário de implementação da resolução. Teremos o "
                "maior prazer em colaborar na sua preparação e em enviar antecipadamente uma "
                "proposta de agenda.",
                "ar": "ونقترح كذلك عقد اجتماع عمل مشترك يضم أجهزتكم، والوزارة المسؤولة عن "
                "المالية، وأعضاء لجنة الصحة البرلمانية، وممثلين عن ائتلافنا، للاتفاق على "
                "خريطة طريق وجدول زمني لتنفيذ القرار. ويسعدنا أن نسهم في التحضير له وأن نرسل "
                "إليكم مسبقاً مشروع جدول أعمال.",
                "ru": "Мы также предлагаем провести совместное рабочее совещание с участием "
                "Ваших сотрудников, министерства, отвечающего за финансы, членов "
                "парламентского комитета по здравоохранению и представителей нашей коалиции, "
                "чтобы согласовать дорожную карту и график выполнения резолюции. Мы готовы "
                "помочь в его подготовке и заранее направить проект повестки дня.",
                "zh-hans": "我们还建议召开一次联合工作会议，邀请贵方相关部门、负责财政的部门、"
                "议会卫生委员会成员以及本联盟代表参加，共同商定落实决议的路线图和时间表。我们"
                "愿意协助筹备会议，并提前提交议程草案。",
            },
        },
    ],
}
