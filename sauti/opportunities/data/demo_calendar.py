"""Invented national moments for trying the calendar: demo data, never real events.

Dates are given relative to the day the demo is loaded (``offset`` days from
today), so that a freshly loaded demo always has coming moments with open
deadlines and one past moment with what was done. Each moment says in its
title and description that it is a demonstration. Organisations are the demo
organisations of ``load_demo``, found by slug.
"""

from __future__ import annotations

from typing import Any

MOMENTS: list[dict[str, Any]] = [
    {
        "key": "demo-br-plan-consultation",
        "kind": "consultation",
        "level": "national",
        "country": "BR",
        "offset": 24,
        "days": 1,
        "start_time": "14:00",
        "end_time": "17:00",
        "time_zone": "America/Sao_Paulo",
        "deadline_offset": 17,
        "place": "Brasília",
        "organiser": "Demo: Ministry of Health",
        "original_language": "pt",
        "engagements": [
            (
                "demo-conselhos-de-saude-brasil",
                "public",
                {
                    "pt": "Contribuição escrita conjunta dos conselhos municipais.",
                },
            ),
            (
                "demo-global-health-voices",
                "members",
                {
                    "en": "Sharing the WHA77 brief with the Brazilian councils.",
                },
            ),
        ],
        "title": {
            "en": "Demo: public hearing on the National Health Plan",
            "fr": "Démo : audience publique sur le Plan national de santé",
            "es": "Demostración: audiencia pública sobre el Plan Nacional de Salud",
            "pt": "Demonstração: audiência pública sobre o Plano Nacional de Saúde",
            "ar": "تجريبي: جلسة استماع عامة بشأن الخطة الصحية الوطنية",
            "ru": "Демо: публичные слушания по Национальному плану здравоохранения",
            "zh-hans": "演示：国家卫生计划公开听证会",
        },
        "description": {
            "en": "Demo data, not a real event. The ministry hears the public on the draft "
            "four-year health plan before the National Health Council votes on it.",
            "fr": "Données de démonstration, pas un vrai événement. Le ministère entend le "
            "public sur le projet de plan de santé quadriennal avant le vote du Conseil "
            "national de santé.",
            "es": "Datos de demostración, no un evento real. El ministerio escucha al público "
            "sobre el proyecto de plan de salud cuatrienal antes de que lo vote el Consejo "
            "Nacional de Salud.",
            "pt": "Dados de demonstração, não um evento real. O ministério ouve a população "
            "sobre a proposta de plano de saúde quadrienal antes da votação no Conselho "
            "Nacional de Saúde.",
            "ar": "بيانات تجريبية وليست حدثاً حقيقياً. تستمع الوزارة إلى الجمهور بشأن مشروع "
            "الخطة الصحية الرباعية قبل أن يصوّت عليها المجلس الوطني للصحة.",
            "ru": "Демонстрационные данные, а не реальное событие. Министерство выслушивает "
            "общественность по проекту четырёхлетнего плана здравоохранения до голосования "
            "Национального совета по здравоохранению.",
            "zh-hans": "演示数据，并非真实活动。在国家卫生理事会表决之前，卫生部就四年期卫生"
            "计划草案听取公众意见。",
        },
        "how_to_engage": {
            "en": "Send a written contribution before the deadline and ask to speak at the "
            "hearing.",
            "fr": "Envoyer une contribution écrite avant la date limite et demander la parole "
            "lors de l’audience.",
            "es": "Enviar una contribución escrita antes de la fecha límite y pedir la palabra "
            "en la audiencia.",
            "pt": "Enviar uma contribuição escrita antes do prazo e pedir a palavra na audiência.",
            "ar": "إرسال مساهمة مكتوبة قبل الموعد النهائي وطلب الكلمة خلال الجلسة.",
            "ru": "Направить письменные предложения до крайнего срока и записаться на "
            "выступление на слушаниях.",
            "zh-hans": "在截止日期前提交书面意见，并申请在听证会上发言。",
        },
    },
    {
        "key": "demo-ph-senate-budget",
        "kind": "parliamentary",
        "level": "national",
        "country": "PH",
        "offset": 40,
        "days": 1,
        "start_time": "09:30",
        "end_time": "12:30",
        "time_zone": "Asia/Manila",
        "deadline_offset": 30,
        "place": "Pasay City",
        "organiser": "Demo: Senate Committee on Health",
        "original_language": "en",
        "engagements": [
            (
                "demo-mekong-community-health",
                "public",
                {
                    "en": "Position paper on financing community health workers.",
                },
            ),
        ],
        "title": {
            "en": "Demo: Senate hearing on the health budget",
            "fr": "Démo : audition du Sénat sur le budget de la santé",
            "es": "Demostración: audiencia del Senado sobre el presupuesto de salud",
            "pt": "Demonstração: audiência do Senado sobre o orçamento da saúde",
            "ar": "تجريبي: جلسة استماع في مجلس الشيوخ بشأن ميزانية الصحة",
            "ru": "Демо: слушания в Сенате по бюджету здравоохранения",
            "zh-hans": "演示：参议院卫生预算听证会",
        },
        "description": {
            "en": "Demo data, not a real event. The committee examines the health budget line "
            "by line; written position papers are accepted from civil society.",
            "fr": "Données de démonstration, pas un vrai événement. La commission examine le "
            "budget de la santé ligne par ligne ; elle reçoit les notes de position écrites de "
            "la société civile.",
            "es": "Datos de demostración, no un evento real. La comisión examina el presupuesto "
            "de salud partida por partida; acepta documentos de posición de la sociedad civil.",
            "pt": "Dados de demonstração, não um evento real. A comissão examina o orçamento da "
            "saúde rubrica por rubrica; aceita documentos de posição da sociedade civil.",
            "ar": "بيانات تجريبية وليست حدثاً حقيقياً. تدرس اللجنة ميزانية الصحة بنداً بنداً، "
            "وتقبل أوراق المواقف المكتوبة من المجتمع المدني.",
            "ru": "Демонстрационные данные, а не реальное событие. Комитет постатейно "
            "рассматривает бюджет здравоохранения и принимает письменные позиции гражданского "
            "общества.",
            "zh-hans": "演示数据，并非真实活动。委员会逐项审议卫生预算，接受民间社会提交的书面"
            "立场文件。",
        },
        "how_to_engage": {
            "en": "Submit a position paper to the committee secretariat.",
            "fr": "Déposer une note de position auprès du secrétariat de la commission.",
            "es": "Presentar un documento de posición a la secretaría de la comisión.",
            "pt": "Apresentar um documento de posição ao secretariado da comissão.",
            "ar": "تقديم ورقة موقف إلى أمانة اللجنة.",
            "ru": "Направить позиционный документ в секретариат комитета.",
            "zh-hans": "向委员会秘书处提交立场文件。",
        },
    },
    {
        "key": "demo-sn-dialogue",
        "kind": "health_planning",
        "level": "national",
        "country": "SN",
        "offset": 12,
        "days": 2,
        "start_time": None,
        "time_zone": "",
        "deadline_offset": 6,
        "place": "Dakar",
        "organiser": "Demo: Ministère de la Santé et de l’Action sociale",
        "original_language": "fr",
        "engagements": [
            (
                "demo-senegal-sante-communautaire",
                "public",
                {
                    "fr": "Présentation des résultats des comités de développement sanitaire.",
                },
            ),
            (
                "demo-east-africa-health-network",
                "public",
                {
                    "en": "Sharing lessons from Kenya's community health committees.",
                },
            ),
        ],
        "title": {
            "en": "Demo: national policy dialogue on community health",
            "fr": "Démo : dialogue national sur la santé communautaire",
            "es": "Demostración: diálogo nacional sobre salud comunitaria",
            "pt": "Demonstração: diálogo nacional sobre saúde comunitária",
            "ar": "تجريبي: حوار وطني حول الصحة المجتمعية",
            "ru": "Демо: национальный диалог по вопросам здоровья на уровне сообществ",
            "zh-hans": "演示：社区卫生国家政策对话",
        },
        "description": {
            "en": "Demo data, not a real event. Two days to review the community health "
            "strategy with health development committees and civil society.",
            "fr": "Données de démonstration, pas un vrai événement. Deux jours pour revoir la "
            "stratégie de santé communautaire avec les comités de développement sanitaire et "
            "la société civile.",
            "es": "Datos de demostración, no un evento real. Dos días para revisar la estrategia "
            "de salud comunitaria con los comités de desarrollo sanitario y la sociedad civil.",
            "pt": "Dados de demonstração, não um evento real. Dois dias para rever a estratégia "
            "de saúde comunitária com os comitês de desenvolvimento sanitário e a sociedade "
            "civil.",
            "ar": "بيانات تجريبية وليست حدثاً حقيقياً. يومان لمراجعة استراتيجية الصحة "
            "المجتمعية مع لجان التنمية الصحية والمجتمع المدني.",
            "ru": "Демонстрационные данные, а не реальное событие. Два дня на обсуждение "
            "стратегии здравоохранения на уровне сообществ с комитетами развития "
            "здравоохранения и гражданским обществом.",
            "zh-hans": "演示数据，并非真实活动。用两天时间与卫生发展委员会和民间社会一起审议"
            "社区卫生战略。",
        },
        "how_to_engage": {
            "en": "Register a delegation and send a one-page statement.",
            "fr": "Inscrire une délégation et envoyer une déclaration d’une page.",
            "es": "Inscribir una delegación y enviar una declaración de una página.",
            "pt": "Inscrever uma delegação e enviar uma declaração de uma página.",
            "ar": "تسجيل وفد وإرسال بيان من صفحة واحدة.",
            "ru": "Зарегистрировать делегацию и направить заявление на одну страницу.",
            "zh-hans": "登记代表团并提交一页纸的声明。",
        },
    },
    {
        "key": "demo-ke-county-forum",
        "kind": "consultation",
        "level": "subnational",
        "country": "KE",
        "subnational_area": "Kisumu County",
        "offset": -30,
        "days": 1,
        "start_time": None,
        "time_zone": "",
        "deadline_offset": -37,
        "place": "Kisumu",
        "organiser": "Demo: County Department of Health",
        "original_language": "en",
        "engagements": [
            (
                "demo-kisumu-health-rights",
                "public",
                {
                    "en": "Community scorecard results from five health centres.",
                },
                {
                    "en": "We presented the scorecard; the county agreed to publish the drug "
                    "stock-out reports every quarter.",
                },
            ),
        ],
        "title": {
            "en": "Demo: county health budget forum",
            "fr": "Démo : forum du comté sur le budget de la santé",
            "es": "Demostración: foro del condado sobre el presupuesto de salud",
            "pt": "Demonstração: fórum do condado sobre o orçamento da saúde",
            "ar": "تجريبي: منتدى المقاطعة بشأن ميزانية الصحة",
            "ru": "Демо: форум округа по бюджету здравоохранения",
            "zh-hans": "演示：郡卫生预算论坛",
        },
        "description": {
            "en": "Demo data, not a real event. A past forum, kept with what was done.",
            "fr": "Données de démonstration, pas un vrai événement. Un forum passé, conservé "
            "avec ce qui a été fait.",
            "es": "Datos de demostración, no un evento real. Un foro pasado, conservado con lo "
            "que se hizo.",
            "pt": "Dados de demonstração, não um evento real. Um fórum passado, guardado com o "
            "que foi feito.",
            "ar": "بيانات تجريبية وليست حدثاً حقيقياً. منتدى سابق محفوظ مع ما تم إنجازه.",
            "ru": "Демонстрационные данные, а не реальное событие. Прошедший форум, "
            "сохранённый вместе с тем, что было сделано.",
            "zh-hans": "演示数据，并非真实活动。一次已举行的论坛，连同所做的工作一并保留。",
        },
        "how_to_engage": {
            "en": "Attend and present evidence from community monitoring.",
            "fr": "Participer et présenter les données du suivi communautaire.",
            "es": "Asistir y presentar datos del monitoreo comunitario.",
            "pt": "Participar e apresentar dados do monitoramento comunitário.",
            "ar": "الحضور وعرض أدلة من الرصد المجتمعي.",
            "ru": "Принять участие и представить данные общественного мониторинга.",
            "zh-hans": "出席并介绍社区监测的证据。",
        },
    },
]
