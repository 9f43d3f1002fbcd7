"""Community scorecard: a group's agreed scores, 1 to 5, on standard service indicators.

One form per group discussion (or per health-worker self-assessment, so the two can
be compared at the interface meeting). The score names are the numbers 1–5, so an
indicator of kind "mean" can be computed on them directly.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .common import NO_NAMES_HINT, Choice, Question, StarterForm, tr

SCORE = (
    Choice(
        "1",
        tr(
            en="1 – Very poor",
            fr="1 – Très mauvais",
            es="1 – Muy malo",
            pt="1 – Muito mau",
            ar="1 – سيئ جدًا",
            ru="1 – Очень плохо",
            zh="1 – 很差",
        ),
    ),
    Choice(
        "2",
        tr(
            en="2 – Poor",
            fr="2 – Mauvais",
            es="2 – Malo",
            pt="2 – Mau",
            ar="2 – سيئ",
            ru="2 – Плохо",
            zh="2 – 差",
        ),
    ),
    Choice(
        "3",
        tr(
            en="3 – Fair",
            fr="3 – Moyen",
            es="3 – Regular",
            pt="3 – Razoável",
            ar="3 – مقبول",
            ru="3 – Удовлетворительно",
            zh="3 – 一般",
        ),
    ),
    Choice(
        "4",
        tr(
            en="4 – Good",
            fr="4 – Bon",
            es="4 – Bueno",
            pt="4 – Bom",
            ar="4 – جيد",
            ru="4 – Хорошо",
            zh="4 – 好",
        ),
    ),
    Choice(
        "5",
        tr(
            en="5 – Very good",
            fr="5 – Très bon",
            es="5 – Muy bueno",
            pt="5 – Muito bom",
            ar="5 – جيد جدًا",
            ru="5 – Очень хорошо",
            zh="5 – 很好",
        ),
    ),
)

GROUP_KIND = (
    Choice(
        "women",
        tr(
            en="Women", fr="Femmes", es="Mujeres", pt="Mulheres", ar="نساء", ru="Женщины", zh="妇女"
        ),
    ),
    Choice(
        "men",
        tr(en="Men", fr="Hommes", es="Hombres", pt="Homens", ar="رجال", ru="Мужчины", zh="男性"),
    ),
    Choice(
        "youth",
        tr(
            en="Young people",
            fr="Jeunes",
            es="Jóvenes",
            pt="Jovens",
            ar="شباب",
            ru="Молодёжь",
            zh="青年",
        ),
    ),
    Choice(
        "older_people",
        tr(
            en="Older people",
            fr="Personnes âgées",
            es="Personas mayores",
            pt="Pessoas idosas",
            ar="كبار السن",
            ru="Пожилые люди",
            zh="老年人",
        ),
    ),
    Choice(
        "disability",
        tr(
            en="Persons with disabilities",
            fr="Personnes handicapées",
            es="Personas con discapacidad",
            pt="Pessoas com deficiência",
            ar="الأشخاص ذوو الإعاقة",
            ru="Люди с инвалидностью",
            zh="残疾人",
        ),
    ),
    Choice(
        "mixed",
        tr(
            en="Mixed community group",
            fr="Groupe communautaire mixte",
            es="Grupo comunitario mixto",
            pt="Grupo comunitário misto",
            ar="مجموعة مجتمعية مختلطة",
            ru="Смешанная группа жителей",
            zh="混合社区小组",
        ),
    ),
    Choice(
        "health_workers",
        tr(
            en="Health workers (self-assessment)",
            fr="Agents de santé (auto-évaluation)",
            es="Personal de salud (autoevaluación)",
            pt="Profissionais de saúde (autoavaliação)",
            ar="العاملون الصحيون (تقييم ذاتي)",
            ru="Медицинские работники (самооценка)",
            zh="卫生工作者（自评）",
        ),
    ),
    Choice(
        "other",
        tr(
            en="Other group",
            fr="Autre groupe",
            es="Otro grupo",
            pt="Outro grupo",
            ar="مجموعة أخرى",
            ru="Другая группа",
            zh="其他群体",
        ),
    ),
)


def _score(name: str, en: str, fr: str, es: str, pt: str, ar: str, ru: str, zh: str) -> Question:
    return Question(
        "select_one score",
        name,
        tr(en=en, fr=fr, es=es, pt=pt, ar=ar, ru=ru, zh=zh),
        required=True,
    )


FORM = StarterForm(
    slug="community_scorecard",
    form_id="sauti_community_scorecard",
    version="2026112601",
    title=_("Community scorecard"),
    description=_(
        "The scores, from 1 (very poor) to 5 (very good), that a group agrees on in a "
        "scorecard meeting: respect, waiting time, medicines, cleanliness, information, "
        "staff presence and participation in the facility committee, with the kind and "
        "size of the group and its first priority."
    ),
    questions=(
        Question(
            "note",
            "intro",
            tr(
                en="Fill in one form per group discussion. The group agrees each score "
                "together: 1 = very poor, 5 = very good. Do not record who said what.",
                fr="Remplissez un formulaire par discussion de groupe. Le groupe convient "
                "ensemble de chaque note : 1 = très mauvais, 5 = très bon. Ne notez pas qui "
                "a dit quoi.",
                es="Llene un formulario por cada discusión de grupo. El grupo acuerda cada "
                "puntuación en conjunto: 1 = muy malo, 5 = muy bueno. No anote quién dijo qué.",
                pt="Preencha um formulário por cada discussão de grupo. O grupo acorda cada "
                "pontuação em conjunto: 1 = muito mau, 5 = muito bom. Não registe quem disse "
                "o quê.",
                ar="املأ استمارة واحدة لكل نقاش جماعي. تتفق المجموعة معًا على كل درجة: 1 = "
                "سيئ جدًا، 5 = جيد جدًا. لا تسجّل من قال ماذا.",
                ru="Заполняйте одну форму на каждое групповое обсуждение. Группа согласует "
                "каждую оценку вместе: 1 = очень плохо, 5 = очень хорошо. Не записывайте, "
                "кто что сказал.",
                zh="每次小组讨论填写一份表单。每项评分由小组共同商定：1 = 很差，5 = 很好。"
                "不要记录谁说了什么。",
            ),
        ),
        Question(
            "date",
            "meeting_date",
            tr(
                en="Date of the meeting",
                fr="Date de la réunion",
                es="Fecha de la reunión",
                pt="Data da reunião",
                ar="تاريخ الاجتماع",
                ru="Дата встречи",
                zh="会议日期",
            ),
            required=True,
        ),
        Question(
            "select_one group_kind",
            "group_kind",
            tr(
                en="Which group gave these scores?",
                fr="Quel groupe a donné ces notes ?",
                es="¿Qué grupo dio estas puntuaciones?",
                pt="Que grupo deu estas pontuações?",
                ar="أي مجموعة أعطت هذه الدرجات؟",
                ru="Какая группа выставила эти оценки?",
                zh="这些评分由哪个群体给出？",
            ),
            required=True,
        ),
        Question(
            "integer",
            "group_size",
            tr(
                en="How many people took part in the discussion?",
                fr="Combien de personnes ont participé à la discussion ?",
                es="¿Cuántas personas participaron en la discusión?",
                pt="Quantas pessoas participaram na discussão?",
                ar="كم عدد الأشخاص الذين شاركوا في النقاش؟",
                ru="Сколько человек участвовало в обсуждении?",
                zh="有多少人参加了讨论？",
            ),
            required=True,
        ),
        _score(
            "score_respect",
            en="Respect shown to service users by health workers",
            fr="Respect témoigné aux usagers par les agents de santé",
            es="Respeto del personal de salud hacia los usuarios",
            pt="Respeito dos profissionais de saúde pelos utentes",
            ar="احترام العاملين الصحيين للمستفيدين من الخدمة",
            ru="Уважительное отношение медицинских работников к пациентам",
            zh="卫生工作者对服务使用者的尊重",
        ),
        _score(
            "score_waiting_time",
            en="Waiting time before being seen",
            fr="Temps d'attente avant d'être reçu",
            es="Tiempo de espera antes de ser atendido",
            pt="Tempo de espera até ser atendido",
            ar="مدة الانتظار قبل تلقّي الخدمة",
            ru="Время ожидания приёма",
            zh="接诊前的等候时间",
        ),
        _score(
            "score_medicines",
            en="Availability of medicines",
            fr="Disponibilité des médicaments",
            es="Disponibilidad de medicamentos",
            pt="Disponibilidade de medicamentos",
            ar="توفّر الأدوية",
            ru="Наличие лекарств",
            zh="药品供应情况",
        ),
        _score(
            "score_cleanliness",
            en="Cleanliness of the facility",
            fr="Propreté de l'établissement",
            es="Limpieza del establecimiento",
            pt="Limpeza da unidade de saúde",
            ar="نظافة المرفق",
            ru="Чистота в учреждении",
            zh="机构的清洁卫生",
        ),
        _score(
            "score_information",
            en="Information given to users (services, fees, rights)",
            fr="Information donnée aux usagers (services, tarifs, droits)",
            es="Información a los usuarios (servicios, tarifas, derechos)",
            pt="Informação dada aos utentes (serviços, taxas, direitos)",
            ar="المعلومات المقدَّمة للمستفيدين (الخدمات والرسوم والحقوق)",
            ru="Информирование пациентов (услуги, цены, права)",
            zh="向服务使用者提供的信息（服务、收费、权利）",
        ),
        _score(
            "score_staff_presence",
            en="Health workers present during opening hours",
            fr="Présence des agents de santé pendant les heures d'ouverture",
            es="Presencia del personal de salud en el horario de atención",
            pt="Presença dos profissionais de saúde durante o horário de funcionamento",
            ar="وجود العاملين الصحيين خلال ساعات العمل",
            ru="Присутствие медицинских работников в часы работы",
            zh="开放时间内卫生工作者在岗情况",
        ),
        _score(
            "score_participation",
            en="Community participation in the health facility committee",
            fr="Participation de la communauté au comité de gestion de l'établissement",
            es="Participación de la comunidad en el comité del establecimiento de salud",
            pt="Participação da comunidade na comissão da unidade de saúde",
            ar="مشاركة المجتمع في لجنة المرفق الصحي",
            ru="Участие жителей в работе комитета медицинского учреждения",
            zh="社区参与卫生机构管理委员会的情况",
        ),
        Question(
            "text",
            "priority",
            tr(
                en="What is the group's first priority for improvement?",
                fr="Quelle est la première priorité d'amélioration du groupe ?",
                es="¿Cuál es la primera prioridad de mejora del grupo?",
                pt="Qual é a primeira prioridade de melhoria do grupo?",
                ar="ما الأولوية الأولى للتحسين لدى المجموعة؟",
                ru="Что группа считает главным приоритетом для улучшения?",
                zh="小组认为最需要优先改进的是什么？",
            ),
            hint=NO_NAMES_HINT,
        ),
    ),
    choices={"score": SCORE, "group_kind": GROUP_KIND},
)
