"""Stock-out check: are tracer medicines and commodities on the shelf today?

Seven tracer items, after the WHO service availability and readiness assessment
(SARA): for each, whether it is seen in stock today, and how many days it was out of
stock in the last 30 days according to the stock card. "Not offered here" keeps a
facility that never provides a service (insulin at a health post) out of the
stock-out share. The questions are generated from one list of items so that the
two questions of an item always say the same thing.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .common import Choice, Question, StarterForm, Text, tr

STOCK = (
    Choice(
        "available",
        tr(
            en="Available: seen in stock today",
            fr="Disponible : vu en stock aujourd'hui",
            es="Disponible: visto en existencia hoy",
            pt="Disponível: visto em stock hoje",
            ar="متوفر: شوهد في المخزون اليوم",
            ru="В наличии: сегодня видели на складе",
            zh="有货：今天亲眼看到有库存",
        ),
    ),
    Choice(
        "out_of_stock",
        tr(
            en="Out of stock today",
            fr="En rupture de stock aujourd'hui",
            es="Agotado hoy",
            pt="Em rutura de stock hoje",
            ar="نفد من المخزون اليوم",
            ru="Сегодня нет в наличии",
            zh="今天缺货",
        ),
    ),
    Choice(
        "not_offered",
        tr(
            en="Not offered at this facility",
            fr="Non proposé dans cet établissement",
            es="No se ofrece en este establecimiento",
            pt="Não disponibilizado nesta unidade",
            ar="لا يُقدَّم في هذا المرفق",
            ru="Не предоставляется в этом учреждении",
            zh="本机构不提供",
        ),
    ),
)

#: (name, label) of each tracer item, in the order a dispensary is usually walked.
ITEMS: tuple[tuple[str, Text], ...] = (
    (
        "amoxicillin",
        tr(
            en="Amoxicillin (tablets or oral suspension)",
            fr="Amoxicilline (comprimés ou suspension buvable)",
            es="Amoxicilina (comprimidos o suspensión oral)",
            pt="Amoxicilina (comprimidos ou suspensão oral)",
            ar="أموكسيسيلين (أقراص أو معلّق فموي)",
            ru="Амоксициллин (таблетки или суспензия для приёма внутрь)",
            zh="阿莫西林（片剂或口服混悬液）",
        ),
    ),
    (
        "ors_zinc",
        tr(
            en="Oral rehydration salts (ORS) and zinc",
            fr="Sels de réhydratation orale (SRO) et zinc",
            es="Sales de rehidratación oral (SRO) y zinc",
            pt="Sais de reidratação oral (SRO) e zinco",
            ar="أملاح الإماهة الفموية وزنك",
            ru="Соли для пероральной регидратации (СПР) и цинк",
            zh="口服补液盐（ORS）和锌",
        ),
    ),
    (
        "oxytocin",
        tr(
            en="Oxytocin (injection)",
            fr="Ocytocine (injectable)",
            es="Oxitocina (inyectable)",
            pt="Ocitocina (injetável)",
            ar="أوكسيتوسين (حقن)",
            ru="Окситоцин (раствор для инъекций)",
            zh="缩宫素（注射剂）",
        ),
    ),
    (
        "malaria_rdt",
        tr(
            en="Malaria rapid diagnostic tests (RDT)",
            fr="Tests de diagnostic rapide du paludisme (TDR)",
            es="Pruebas de diagnóstico rápido de la malaria (PDR)",
            pt="Testes de diagnóstico rápido da malária (TDR)",
            ar="اختبارات التشخيص السريع للملاريا",
            ru="Экспресс-тесты на малярию",
            zh="疟疾快速诊断检测（RDT）",
        ),
    ),
    (
        "arv",
        tr(
            en="Antiretroviral medicines (ARVs) for HIV",
            fr="Antirétroviraux (ARV) contre le VIH",
            es="Antirretrovirales (ARV) para el VIH",
            pt="Antirretrovirais (ARV) para o VIH",
            ar="الأدوية المضادة للفيروسات القهقرية لعلاج فيروس العوز المناعي البشري",
            ru="Антиретровирусные препараты (АРВ) против ВИЧ",
            zh="艾滋病病毒抗逆转录病毒药物（ARV）",
        ),
    ),
    (
        "contraceptives",
        tr(
            en="Modern contraceptives (pills, injectables or implants)",
            fr="Contraceptifs modernes (pilules, injectables ou implants)",
            es="Anticonceptivos modernos (píldoras, inyectables o implantes)",
            pt="Contracetivos modernos (pílulas, injetáveis ou implantes)",
            ar="وسائل منع الحمل الحديثة (حبوب أو حقن أو غرسات)",
            ru="Современные контрацептивы (таблетки, инъекции или импланты)",
            zh="现代避孕药具（口服避孕药、注射剂或皮下埋植剂）",
        ),
    ),
    (
        "insulin",
        tr(
            en="Insulin (injection)",
            fr="Insuline (injectable)",
            es="Insulina (inyectable)",
            pt="Insulina (injetável)",
            ar="إنسولين (حقن)",
            ru="Инсулин (раствор для инъекций)",
            zh="胰岛素（注射剂）",
        ),
    ),
)

DAYS_OUT_HINT = tr(
    en="Days out of stock in the last 30 days, from the stock card: 0 if it never ran "
    "out; leave empty if there is no stock card or the item is not offered.",
    fr="Jours de rupture au cours des 30 derniers jours, d'après la fiche de stock : 0 "
    "s'il n'a jamais manqué ; laissez vide s'il n'y a pas de fiche de stock ou si "
    "l'article n'est pas proposé.",
    es="Días sin existencias en los últimos 30 días, según la tarjeta de inventario: 0 "
    "si nunca se agotó; deje en blanco si no hay tarjeta de inventario o si el artículo "
    "no se ofrece.",
    pt="Dias em rutura nos últimos 30 dias, segundo a ficha de stock: 0 se nunca faltou; "
    "deixe em branco se não houver ficha de stock ou se o artigo não for disponibilizado.",
    ar="عدد أيام نفاد المخزون خلال آخر 30 يومًا وفق بطاقة المخزون: 0 إذا لم ينفد قط؛ "
    "اتركه فارغًا إذا لم توجد بطاقة مخزون أو كان الصنف لا يُقدَّم.",
    ru="Число дней отсутствия за последние 30 дней по карточке складского учёта: 0, если "
    "товар не заканчивался; оставьте пустым, если карточки нет или товар не "
    "предоставляется.",
    zh="根据库存卡，过去30天内缺货的天数：从未缺货填0；如无库存卡或本机构不提供该品种，请留空。",
)

DAYS_OUT_PREFIX = tr(
    en="Days out of stock in the last 30 days",
    fr="Jours de rupture au cours des 30 derniers jours",
    es="Días sin existencias en los últimos 30 días",
    pt="Dias em rutura nos últimos 30 dias",
    ar="أيام نفاد المخزون خلال آخر 30 يومًا",
    ru="Дней отсутствия за последние 30 дней",
    zh="过去30天内缺货天数",
)


def _days_label(item: Text) -> Text:
    """ "Days out of stock in the last 30 days: <item>", in each language."""
    return Text(
        {
            lang: f"{DAYS_OUT_PREFIX[lang]}{'：' if lang == 'zh-hans' else ': '}{label}"
            for lang, label in item.by_language.items()
        }
    )


def _item_questions() -> tuple[Question, ...]:
    questions: list[Question] = []
    for name, label in ITEMS:
        questions.append(Question("select_one stock", name, label, required=True))
        questions.append(
            Question("integer", f"{name}_days_out", _days_label(label), hint=DAYS_OUT_HINT)
        )
    return tuple(questions)


FORM = StarterForm(
    slug="stockout_check",
    form_id="sauti_stockout_check",
    version="2026112601",
    title=_("Stock-out check"),
    description=_(
        "Whether seven tracer medicines and commodities are in stock today (amoxicillin, "
        "ORS and zinc, oxytocin, malaria rapid tests, ARVs, contraceptives, insulin) and "
        "how many days each was out of stock in the last 30 days."
    ),
    questions=(
        Question(
            "note",
            "intro",
            tr(
                en="Ask the person in charge of the store or dispensary to show you each "
                "item. Answer “Available” only for what you see, in date; look at the stock "
                "card for the last 30 days.",
                fr="Demandez à la personne responsable du magasin ou de la pharmacie de "
                "vous montrer chaque article. Répondez « Disponible » seulement pour ce que "
                "vous voyez, non périmé ; consultez la fiche de stock des 30 derniers jours.",
                es="Pida a la persona responsable del almacén o de la farmacia que le "
                "muestre cada artículo. Responda «Disponible» solo para lo que vea, sin "
                "caducar; consulte la tarjeta de inventario de los últimos 30 días.",
                pt="Peça à pessoa responsável pelo armazém ou pela farmácia que lhe mostre "
                "cada artigo. Responda «Disponível» apenas para o que vir, dentro do prazo "
                "de validade; consulte a ficha de stock dos últimos 30 dias.",
                ar="اطلب من المسؤول عن المخزن أو الصيدلية أن يريك كل صنف. أجب بـ«متوفر» فقط "
                "لما تراه بنفسك وصلاحيته سارية؛ واطّلع على بطاقة المخزون لآخر 30 يومًا.",
                ru="Попросите ответственного за склад или аптеку показать вам каждый товар. "
                "Отвечайте «В наличии» только о том, что видите сами и что не просрочено; "
                "посмотрите карточку складского учёта за последние 30 дней.",
                zh="请库房或药房负责人逐一出示每个品种。只有亲眼看到且在有效期内的，才回答"
                "“有货”；并查看过去30天的库存卡。",
            ),
        ),
        *_item_questions(),
    ),
    choices={"stock": STOCK},
)
