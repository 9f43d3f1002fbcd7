"""Facility observation: what a monitor can see for themselves during a visit.

Each item is observed, not asked, so that the answer does not depend on who the
monitor talks to; "Don't know" is for what could not be seen (a locked room).
No person is named or described.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .common import NO_NAMES_HINT, YES_NO, Question, StarterForm, tr

YN = "select_one yes_no"

FORM = StarterForm(
    slug="facility_observation",
    form_id="sauti_facility_observation",
    version="2026112601",
    title=_("Facility observation"),
    description=_(
        "A checklist the monitor fills in by looking around a health facility: opening "
        "hours and fees posted, a way to complain, waiting area, privacy, water, toilets, "
        "staff on duty, medicines list and an accessible entrance."
    ),
    questions=(
        Question(
            "note",
            "intro",
            tr(
                en="Record only what you see yourself during this visit. Do not interrupt "
                "care and do not write anyone's name.",
                fr="Notez seulement ce que vous voyez vous-même pendant cette visite. "
                "N'interrompez pas les soins et n'écrivez le nom de personne.",
                es="Anote solo lo que usted mismo observa durante esta visita. No "
                "interrumpa la atención y no escriba el nombre de nadie.",
                pt="Registe apenas o que vê pessoalmente durante esta visita. Não "
                "interrompa os cuidados e não escreva o nome de ninguém.",
                ar="سجّل فقط ما تراه بنفسك خلال هذه الزيارة. لا تقاطع تقديم الرعاية ولا "
                "تكتب اسم أي شخص.",
                ru="Отмечайте только то, что вы видите сами во время этого посещения. Не "
                "прерывайте оказание помощи и не записывайте ничьих имён.",
                zh="只记录您在本次访视中亲眼看到的情况。不要打断诊疗，不要写下任何人的姓名。",
            ),
        ),
        Question(
            "date",
            "visit_date",
            tr(
                en="Date of the visit",
                fr="Date de la visite",
                es="Fecha de la visita",
                pt="Data da visita",
                ar="تاريخ الزيارة",
                ru="Дата посещения",
                zh="访视日期",
            ),
            required=True,
        ),
        Question(
            YN,
            "hours_posted",
            tr(
                en="Are the opening hours posted where service users can see them?",
                fr="Les heures d'ouverture sont-elles affichées à la vue des usagers ?",
                es="¿El horario de atención está expuesto a la vista de los usuarios?",
                pt="O horário de funcionamento está afixado à vista dos utentes?",
                ar="هل ساعات العمل معلّقة في مكان يراه المستفيدون من الخدمة؟",
                ru="Вывешены ли часы работы так, чтобы их видели пациенты?",
                zh="开放时间是否张贴在服务使用者看得到的地方？",
            ),
            required=True,
        ),
        Question(
            YN,
            "fees_posted",
            tr(
                en="Are the official fees for services posted where service users can see them?",
                fr="Les tarifs officiels des services sont-ils affichés à la vue des usagers ?",
                es="¿Las tarifas oficiales de los servicios están expuestas a la vista de "
                "los usuarios?",
                pt="As taxas oficiais dos serviços estão afixadas à vista dos utentes?",
                ar="هل الرسوم الرسمية للخدمات معلّقة في مكان يراه المستفيدون من الخدمة؟",
                ru="Вывешены ли официальные цены на услуги так, чтобы их видели пациенты?",
                zh="各项服务的官方收费标准是否张贴在服务使用者看得到的地方？",
            ),
            hint=tr(
                en="Answer Yes also when the services are posted as free of charge.",
                fr="Répondez Oui aussi si les services sont affichés comme gratuits.",
                es="Responda Sí también si los servicios figuran como gratuitos.",
                pt="Responda Sim também se os serviços estiverem afixados como gratuitos.",
                ar="أجب بنعم أيضًا إذا كانت الخدمات معلنة على أنها مجانية.",
                ru="Отвечайте «Да» и в том случае, если указано, что услуги бесплатны.",
                zh="如果张贴的是服务免费的说明，也请回答“是”。",
            ),
            required=True,
        ),
        Question(
            YN,
            "complaint_box",
            tr(
                en="Is there a complaint box, or another way for users to give feedback, "
                "that users can see?",
                fr="Y a-t-il une boîte à plaintes, ou un autre moyen visible pour les "
                "usagers de donner leur avis ?",
                es="¿Hay un buzón de quejas u otro medio visible para que los usuarios "
                "den su opinión?",
                pt="Existe uma caixa de reclamações, ou outro meio visível para os "
                "utentes darem a sua opinião?",
                ar="هل يوجد صندوق شكاوى، أو وسيلة أخرى ظاهرة ليعبّر المستفيدون عن آرائهم؟",
                ru="Есть ли ящик для жалоб или другой видимый для пациентов способ оставить отзыв?",
                zh="是否有投诉箱或其他服务使用者看得到的意见反馈途径？",
            ),
            required=True,
        ),
        Question(
            YN,
            "waiting_area",
            tr(
                en="Is there a sheltered waiting area with enough seats?",
                fr="Y a-t-il une salle d'attente abritée avec suffisamment de places assises ?",
                es="¿Hay una sala de espera cubierta con suficientes asientos?",
                pt="Existe uma sala de espera abrigada com lugares sentados suficientes?",
                ar="هل توجد منطقة انتظار مسقوفة فيها مقاعد كافية؟",
                ru="Есть ли крытая зона ожидания с достаточным количеством мест для сидения?",
                zh="是否有带遮蔽、座位充足的候诊区？",
            ),
            required=True,
        ),
        Question(
            YN,
            "consultation_privacy",
            tr(
                en="Can consultations take place without being seen or heard by others?",
                fr="Les consultations peuvent-elles se dérouler sans être vues ni "
                "entendues par d'autres personnes ?",
                es="¿Las consultas pueden realizarse sin que otras personas vean u oigan?",
                pt="As consultas podem decorrer sem serem vistas ou ouvidas por outras pessoas?",
                ar="هل يمكن إجراء الاستشارات الطبية دون أن يراها أو يسمعها الآخرون؟",
                ru="Можно ли проводить приём так, чтобы посторонние не видели и не слышали?",
                zh="诊疗过程能否不被他人看到或听到？",
            ),
            required=True,
        ),
        Question(
            YN,
            "clean_water",
            tr(
                en="Is clean water for drinking and handwashing available today?",
                fr="De l'eau propre pour boire et se laver les mains est-elle disponible "
                "aujourd'hui ?",
                es="¿Hay agua limpia para beber y lavarse las manos disponible hoy?",
                pt="Há água limpa para beber e lavar as mãos disponível hoje?",
                ar="هل تتوفر اليوم مياه نظيفة للشرب ولغسل اليدين؟",
                ru="Есть ли сегодня чистая вода для питья и мытья рук?",
                zh="今天是否有可供饮用和洗手的清洁用水？",
            ),
            required=True,
        ),
        Question(
            YN,
            "toilets",
            tr(
                en="Are there working toilets that service users may use?",
                fr="Y a-t-il des toilettes en état de marche accessibles aux usagers ?",
                es="¿Hay baños en funcionamiento que los usuarios puedan utilizar?",
                pt="Existem casas de banho a funcionar que os utentes possam usar?",
                ar="هل توجد دورات مياه صالحة للاستعمال يمكن للمستفيدين استخدامها؟",
                ru="Есть ли исправные туалеты, которыми могут пользоваться пациенты?",
                zh="是否有可供服务使用者使用、能正常使用的厕所？",
            ),
            required=True,
        ),
        Question(
            "integer",
            "staff_on_duty",
            tr(
                en="How many health workers are on duty at the time of the visit?",
                fr="Combien d'agents de santé sont en service au moment de la visite ?",
                es="¿Cuántos trabajadores de salud están de turno en el momento de la visita?",
                pt="Quantos profissionais de saúde estão de serviço no momento da visita?",
                ar="كم عدد العاملين الصحيين المناوبين وقت الزيارة؟",
                ru="Сколько медицинских работников находится на смене во время посещения?",
                zh="访视时有多少名卫生工作者在岗？",
            ),
            hint=tr(
                en="Count those present, not those on the duty roster.",
                fr="Comptez les personnes présentes, pas celles inscrites au planning.",
                es="Cuente a quienes están presentes, no a quienes figuran en el turno.",
                pt="Conte quem está presente, não quem consta da escala.",
                ar="احسب الموجودين فعلًا، لا المدرجين في جدول المناوبات.",
                ru="Считайте присутствующих, а не указанных в графике дежурств.",
                zh="请计算实际在场人数，而不是排班表上的人数。",
            ),
            required=True,
        ),
        Question(
            YN,
            "medicines_list",
            tr(
                en="Is a list of the medicines available at the facility displayed?",
                fr="La liste des médicaments disponibles dans l'établissement est-elle affichée ?",
                es="¿Está expuesta la lista de medicamentos disponibles en el establecimiento?",
                pt="A lista dos medicamentos disponíveis na unidade está afixada?",
                ar="هل قائمة الأدوية المتوفرة في المرفق معلّقة؟",
                ru="Вывешен ли список лекарств, имеющихся в учреждении?",
                zh="是否张贴了本机构现有药品清单？",
            ),
            required=True,
        ),
        Question(
            YN,
            "accessible_entrance",
            tr(
                en="Can a person using a wheelchair enter without help (ramp or level entrance)?",
                fr="Une personne en fauteuil roulant peut-elle entrer sans aide (rampe "
                "ou entrée de plain-pied) ?",
                es="¿Puede entrar sin ayuda una persona en silla de ruedas (rampa o "
                "entrada a nivel)?",
                pt="Uma pessoa em cadeira de rodas consegue entrar sem ajuda (rampa ou "
                "entrada ao mesmo nível)?",
                ar="هل يستطيع مستخدم الكرسي المتحرك الدخول دون مساعدة (منحدر أو مدخل مستوٍ)؟",
                ru="Может ли человек на инвалидной коляске войти без посторонней помощи "
                "(пандус или вход без ступенек)?",
                zh="轮椅使用者能否无需协助进入（有坡道或无台阶入口）？",
            ),
            required=True,
        ),
        Question(
            "text",
            "comment",
            tr(
                en="Anything else you observed (optional)",
                fr="Autres observations (facultatif)",
                es="Otras observaciones (opcional)",
                pt="Outras observações (opcional)",
                ar="ملاحظات أخرى (اختياري)",
                ru="Другие наблюдения (необязательно)",
                zh="其他观察（选填）",
            ),
            hint=NO_NAMES_HINT,
        ),
    ),
    choices={"yes_no": YES_NO},
)
