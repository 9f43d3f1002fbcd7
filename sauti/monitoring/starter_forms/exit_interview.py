"""Service-user exit interview: a short, anonymous talk with someone leaving the facility.

Consent comes first. The built-in web form has no skip logic, so a "No" is followed by
a note telling the monitor to stop and send the form with nothing else filled in;
only the consent question is required for that reason. Only adults are interviewed
(consent of a minor needs a guardian). Age and gender are asked in broad groups,
each with "Prefer not to say", and no name, address or phone number is ever asked.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .common import NO_NAMES_HINT, YES_NO, Choice, Question, StarterForm, tr

YN = "select_one yes_no"

PREFER_NOT = tr(
    en="Prefer not to say",
    fr="Préfère ne pas répondre",
    es="Prefiere no decirlo",
    pt="Prefere não dizer",
    ar="يفضّل عدم الإجابة",
    ru="Предпочитает не отвечать",
    zh="不愿透露",
)

CONSENT = (
    Choice(
        "yes",
        tr(
            en="Yes, agrees to answer",
            fr="Oui, accepte de répondre",
            es="Sí, acepta responder",
            pt="Sim, aceita responder",
            ar="نعم، يوافق على الإجابة",
            ru="Да, согласен(на) ответить",
            zh="是，同意回答",
        ),
    ),
    Choice(
        "no",
        tr(
            en="No, does not agree",
            fr="Non, n'accepte pas",
            es="No, no acepta",
            pt="Não, não aceita",
            ar="لا، لا يوافق",
            ru="Нет, не согласен(на)",
            zh="否，不同意",
        ),
    ),
)

MEDICINES = (
    Choice(
        "all",
        tr(
            en="Yes, all of them",
            fr="Oui, tous",
            es="Sí, todos",
            pt="Sim, todos",
            ar="نعم، جميعها",
            ru="Да, все",
            zh="是，全部拿到",
        ),
    ),
    Choice(
        "some",
        tr(
            en="Only some of them",
            fr="Seulement une partie",
            es="Solo algunos",
            pt="Só alguns",
            ar="بعضها فقط",
            ru="Только часть",
            zh="只拿到部分",
        ),
    ),
    Choice(
        "none",
        tr(
            en="None of them",
            fr="Aucun",
            es="Ninguno",
            pt="Nenhum",
            ar="لا شيء منها",
            ru="Ни одного",
            zh="一种也没拿到",
        ),
    ),
    Choice(
        "none_prescribed",
        tr(
            en="No medicine was prescribed",
            fr="Aucun médicament n'a été prescrit",
            es="No se recetó ningún medicamento",
            pt="Não foi receitado nenhum medicamento",
            ar="لم توصف أي أدوية",
            ru="Лекарства не назначались",
            zh="未开任何药",
        ),
    ),
)

AGE_GROUP = (
    Choice(
        "age_18_24",
        tr(
            en="18–24",
            fr="18–24 ans",
            es="18–24 años",
            pt="18–24 anos",
            ar="18–24 سنة",
            ru="18–24 года",
            zh="18–24岁",
        ),
    ),
    Choice(
        "age_25_34",
        tr(
            en="25–34",
            fr="25–34 ans",
            es="25–34 años",
            pt="25–34 anos",
            ar="25–34 سنة",
            ru="25–34 года",
            zh="25–34岁",
        ),
    ),
    Choice(
        "age_35_49",
        tr(
            en="35–49",
            fr="35–49 ans",
            es="35–49 años",
            pt="35–49 anos",
            ar="35–49 سنة",
            ru="35–49 лет",
            zh="35–49岁",
        ),
    ),
    Choice(
        "age_50_64",
        tr(
            en="50–64",
            fr="50–64 ans",
            es="50–64 años",
            pt="50–64 anos",
            ar="50–64 سنة",
            ru="50–64 года",
            zh="50–64岁",
        ),
    ),
    Choice(
        "age_65_plus",
        tr(
            en="65 or older",
            fr="65 ans ou plus",
            es="65 años o más",
            pt="65 anos ou mais",
            ar="65 سنة أو أكثر",
            ru="65 лет и старше",
            zh="65岁及以上",
        ),
    ),
    Choice("prefer_not", PREFER_NOT),
)

GENDER = (
    Choice(
        "woman",
        tr(en="Woman", fr="Femme", es="Mujer", pt="Mulher", ar="امرأة", ru="Женщина", zh="女"),
    ),
    Choice(
        "man",
        tr(en="Man", fr="Homme", es="Hombre", pt="Homem", ar="رجل", ru="Мужчина", zh="男"),
    ),
    Choice(
        "another",
        tr(
            en="Another gender",
            fr="Autre genre",
            es="Otro género",
            pt="Outro género",
            ar="نوع اجتماعي آخر",
            ru="Другой гендер",
            zh="其他性别",
        ),
    ),
    Choice("prefer_not", PREFER_NOT),
)

FORM = StarterForm(
    slug="exit_interview",
    form_id="sauti_exit_interview",
    version="2026112601",
    title=_("Service-user exit interview"),
    description=_(
        "A short anonymous interview with adults leaving the facility, after their "
        "consent: waiting time, respect, privacy, informal payments, medicines received, "
        "whether they understood the explanation and would come back."
    ),
    questions=(
        Question(
            "note",
            "intro",
            tr(
                en="Read aloud: “We are asking people about the care they received here, "
                "to help improve it. It takes about five minutes. We do not write your name, "
                "you may skip any question and stop at any time, and your answers do not "
                "affect the care you receive.” Interview adults only (18 or older).",
                fr="Lisez à voix haute : « Nous interrogeons les personnes sur les soins "
                "reçus ici, pour aider à les améliorer. Cela prend environ cinq minutes. "
                "Nous n'écrivons pas votre nom, vous pouvez passer une question ou arrêter "
                "à tout moment, et vos réponses n'ont aucun effet sur les soins que vous "
                "recevez. » N'interrogez que des adultes (18 ans ou plus).",
                es="Lea en voz alta: «Preguntamos a las personas sobre la atención que "
                "recibieron aquí, para ayudar a mejorarla. Toma unos cinco minutos. No "
                "anotamos su nombre, puede saltarse cualquier pregunta y parar en cualquier "
                "momento, y sus respuestas no afectan la atención que recibe». Entreviste "
                "solo a personas adultas (18 años o más).",
                pt="Leia em voz alta: «Estamos a perguntar às pessoas sobre os cuidados que "
                "receberam aqui, para ajudar a melhorá-los. Demora cerca de cinco minutos. "
                "Não escrevemos o seu nome, pode saltar qualquer pergunta e parar a qualquer "
                "momento, e as suas respostas não afetam os cuidados que recebe.» "
                "Entreviste apenas adultos (18 anos ou mais).",
                ar="اقرأ بصوت مسموع: «نسأل الناس عن الرعاية التي تلقّوها هنا للمساعدة في "
                "تحسينها. يستغرق ذلك نحو خمس دقائق. لا نكتب اسمك، ويمكنك تخطّي أي سؤال أو "
                "التوقف في أي وقت، ولن تؤثر إجاباتك في الرعاية التي تتلقاها.» أجرِ المقابلة "
                "مع البالغين فقط (18 سنة فأكثر).",
                ru="Прочитайте вслух: «Мы спрашиваем людей о помощи, которую они получили "
                "здесь, чтобы помочь её улучшить. Это займёт около пяти минут. Мы не "
                "записываем ваше имя, вы можете пропустить любой вопрос и остановиться в "
                "любой момент, и ваши ответы никак не повлияют на получаемую вами помощь». "
                "Опрашивайте только взрослых (18 лет и старше).",
                zh="请朗读：“我们正在向大家了解在这里接受服务的情况，以帮助改进服务。"
                "大约需要五分钟。我们不记录您的姓名，您可以跳过任何问题，也可以随时停止，"
                "您的回答不会影响您得到的服务。”只访谈成年人（18岁及以上）。",
            ),
        ),
        Question(
            "select_one consent",
            "consent",
            tr(
                en="Does the person agree to answer?",
                fr="La personne accepte-t-elle de répondre ?",
                es="¿La persona acepta responder?",
                pt="A pessoa aceita responder?",
                ar="هل يوافق الشخص على الإجابة؟",
                ru="Согласен(на) ли человек ответить на вопросы?",
                zh="受访者是否同意回答？",
            ),
            required=True,
        ),
        Question(
            "note",
            "stop_if_no",
            tr(
                en="If the person does not agree, stop here: thank them and send the form "
                "without answering the other questions.",
                fr="Si la personne n'accepte pas, arrêtez-vous ici : remerciez-la et envoyez "
                "le formulaire sans répondre aux autres questions.",
                es="Si la persona no acepta, deténgase aquí: agradézcale y envíe el "
                "formulario sin responder las demás preguntas.",
                pt="Se a pessoa não aceitar, pare aqui: agradeça-lhe e envie o formulário "
                "sem responder às outras perguntas.",
                ar="إذا لم يوافق الشخص، فتوقف هنا: اشكره وأرسل الاستمارة دون الإجابة عن "
                "بقية الأسئلة.",
                ru="Если человек не согласен, остановитесь: поблагодарите его и отправьте "
                "форму, не отвечая на остальные вопросы.",
                zh="如果受访者不同意，请到此为止：向其致谢，并在不回答其他问题的情况下提交表单。",
            ),
        ),
        Question(
            "integer",
            "wait_minutes",
            tr(
                en="About how many minutes did you wait before you were seen?",
                fr="Combien de minutes environ avez-vous attendu avant d'être reçu(e) ?",
                es="¿Aproximadamente cuántos minutos esperó antes de ser atendido(a)?",
                pt="Quantos minutos, aproximadamente, esperou até ser atendido(a)?",
                ar="كم دقيقة تقريبًا انتظرت قبل أن يستقبلك أحد؟",
                ru="Сколько примерно минут вы ждали, прежде чем вас приняли?",
                zh="您大约等了多少分钟才得到接诊？",
            ),
            hint=tr(
                en="In minutes: write 90 for an hour and a half.",
                fr="En minutes : écrivez 90 pour une heure et demie.",
                es="En minutos: escriba 90 para una hora y media.",
                pt="Em minutos: escreva 90 para uma hora e meia.",
                ar="بالدقائق: اكتب 90 لساعة ونصف.",
                ru="В минутах: для полутора часов напишите 90.",
                zh="以分钟计：一个半小时请填90。",
            ),
        ),
        Question(
            YN,
            "respect",
            tr(
                en="Did the health workers treat you with respect?",
                fr="Les agents de santé vous ont-ils traité(e) avec respect ?",
                es="¿El personal de salud lo/la trató con respeto?",
                pt="Os profissionais de saúde trataram-no(a) com respeito?",
                ar="هل عاملك العاملون الصحيون باحترام؟",
                ru="Относились ли к вам медицинские работники с уважением?",
                zh="卫生工作者是否尊重您？",
            ),
        ),
        Question(
            YN,
            "privacy",
            tr(
                en="Could you speak with the health worker without other people hearing?",
                fr="Avez-vous pu parler à l'agent de santé sans que d'autres personnes entendent ?",
                es="¿Pudo hablar con el personal de salud sin que otras personas oyeran?",
                pt="Conseguiu falar com o profissional de saúde sem que outras pessoas ouvissem?",
                ar="هل تمكّنت من التحدث مع العامل الصحي دون أن يسمعك الآخرون؟",
                ru="Могли ли вы говорить с медицинским работником так, чтобы другие не слышали?",
                zh="您与卫生工作者交谈时，是否能不被其他人听到？",
            ),
        ),
        Question(
            YN,
            "informal_payment",
            tr(
                en="Were you asked to pay anything that is not an official fee, or to give a gift?",
                fr="Vous a-t-on demandé de payer quelque chose qui n'est pas un tarif "
                "officiel, ou de faire un cadeau ?",
                es="¿Le pidieron pagar algo que no es una tarifa oficial, o hacer un regalo?",
                pt="Pediram-lhe para pagar algo que não é uma taxa oficial, ou para dar "
                "um presente?",
                ar="هل طُلب منك دفع أي مبلغ ليس من الرسوم الرسمية، أو تقديم هدية؟",
                ru="Просили ли вас заплатить что-либо сверх официальной цены или сделать подарок?",
                zh="是否有人要求您支付官方收费以外的费用或送礼？",
            ),
        ),
        Question(
            "select_one medicines",
            "got_medicines",
            tr(
                en="Did you get all the medicines you were prescribed today?",
                fr="Avez-vous obtenu tous les médicaments qui vous ont été prescrits aujourd'hui ?",
                es="¿Recibió todos los medicamentos que le recetaron hoy?",
                pt="Recebeu todos os medicamentos que lhe foram receitados hoje?",
                ar="هل حصلت على جميع الأدوية التي وُصفت لك اليوم؟",
                ru="Получили ли вы сегодня все назначенные вам лекарства?",
                zh="今天给您开的药，您是否都拿到了？",
            ),
        ),
        Question(
            YN,
            "understood",
            tr(
                en="Did you understand what the health worker explained about your health "
                "and treatment?",
                fr="Avez-vous compris ce que l'agent de santé vous a expliqué sur votre "
                "santé et votre traitement ?",
                es="¿Entendió lo que el personal de salud le explicó sobre su salud y su "
                "tratamiento?",
                pt="Compreendeu o que o profissional de saúde lhe explicou sobre a sua "
                "saúde e o seu tratamento?",
                ar="هل فهمت ما شرحه لك العامل الصحي عن صحتك وعلاجك؟",
                ru="Поняли ли вы то, что медицинский работник объяснил вам о вашем "
                "здоровье и лечении?",
                zh="卫生工作者对您的健康状况和治疗所作的解释，您听懂了吗？",
            ),
        ),
        Question(
            YN,
            "would_return",
            tr(
                en="Would you come back to this facility?",
                fr="Reviendriez-vous dans cet établissement ?",
                es="¿Volvería a este establecimiento?",
                pt="Voltaria a esta unidade de saúde?",
                ar="هل ستعود إلى هذا المرفق؟",
                ru="Вы бы снова обратились в это учреждение?",
                zh="您还会再来这家机构吗？",
            ),
        ),
        Question(
            "select_one age_group",
            "age_group",
            tr(
                en="Age group",
                fr="Tranche d'âge",
                es="Grupo de edad",
                pt="Grupo etário",
                ar="الفئة العمرية",
                ru="Возрастная группа",
                zh="年龄组",
            ),
        ),
        Question(
            "select_one gender",
            "gender",
            tr(
                en="Gender",
                fr="Genre",
                es="Género",
                pt="Género",
                ar="النوع الاجتماعي",
                ru="Гендер",
                zh="性别",
            ),
        ),
        Question(
            "text",
            "comment",
            tr(
                en="Is there anything else you would like to say about the care here? (optional)",
                fr="Souhaitez-vous ajouter quelque chose sur les soins reçus ici ? (facultatif)",
                es="¿Hay algo más que quiera decir sobre la atención aquí? (opcional)",
                pt="Há mais alguma coisa que queira dizer sobre os cuidados aqui? (opcional)",
                ar="هل هناك أي شيء آخر تودّ قوله عن الرعاية هنا؟ (اختياري)",
                ru="Хотите ли вы добавить что-нибудь о помощи, полученной здесь? (необязательно)",
                zh="关于这里的服务，您还有什么想说的吗？（选填）",
            ),
            hint=NO_NAMES_HINT,
        ),
    ),
    choices={
        "consent": CONSENT,
        "yes_no": YES_NO,
        "medicines": MEDICINES,
        "age_group": AGE_GROUP,
        "gender": GENDER,
    },
)
