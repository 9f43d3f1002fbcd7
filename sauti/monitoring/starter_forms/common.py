"""The building blocks of the starter forms, and the choice lists they share.

A starter form is plain data (questions, choices, labels in seven languages), so that
a reviewer fluent in one language can read and correct it without reading code, and
so that :mod:`sauti.monitoring.starter` can turn it into an XLSForm workbook.

Every label is a :class:`Text`: one string per language, all seven required. The
keys are Sauti's Django language codes; :data:`COLUMN_LANGUAGES` gives the XLSForm
column name of each, in the "Name (code)" form pyxform checks against the IANA
subtags. pyxform 4.5 only knows primary subtags, so Chinese is written "(zh)":
"(zh-hans)" would add a warning to every form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Sauti language code → XLSForm language name, in the order of the columns.
COLUMN_LANGUAGES: dict[str, str] = {
    "en": "English (en)",
    "fr": "Français (fr)",
    "es": "Español (es)",
    "pt": "Português (pt)",
    "ar": "العربية (ar)",
    "ru": "Русский (ru)",
    "zh-hans": "中文 (zh)",
}
LANGUAGE_CODES = tuple(COLUMN_LANGUAGES)
DEFAULT_LANGUAGE = "en"

#: Question types a starter form may use: the ones the built-in web form renders.
ALLOWED_TYPES = (
    "select_one",
    "select_multiple",
    "integer",
    "decimal",
    "text",
    "date",
    "note",
)


@dataclass(frozen=True)
class Text:
    """One label in every language (keys: Sauti language codes)."""

    by_language: dict[str, str]

    def __getitem__(self, language: str) -> str:
        return self.by_language[language]

    def get(self, language: str) -> str:
        """The label in ``language``, or in English when there is none."""
        return self.by_language.get(language) or self.by_language[DEFAULT_LANGUAGE]


def tr(*, en: str, fr: str, es: str, pt: str, ar: str, ru: str, zh: str) -> Text:
    """A label in the seven languages; keyword-only so that none can be swapped or missed."""
    return Text({"en": en, "fr": fr, "es": es, "pt": pt, "ar": ar, "ru": ru, "zh-hans": zh})


@dataclass(frozen=True)
class Choice:
    name: str
    label: Text


@dataclass(frozen=True)
class Question:
    #: An XLSForm type: "integer", "select_one yes_no", "note"…
    type: str
    name: str
    label: Text
    hint: Text | None = None
    required: bool = False


@dataclass(frozen=True)
class StarterForm:
    """One form of the library: what the catalogue page shows and what the workbook holds."""

    slug: str
    form_id: str
    #: Raised with every change, so that phones with an older copy update.
    version: str
    #: English; the page shows it through gettext, the workbook as its form_title.
    title: Any
    description: Any
    questions: tuple[Question, ...]
    choices: dict[str, tuple[Choice, ...]] = field(default_factory=dict)

    @property
    def question_count(self) -> int:
        return sum(1 for q in self.questions if q.type != "note")

    def list_names(self) -> set[str]:
        """The choice lists the questions use."""
        return {q.type.split()[1] for q in self.questions if q.type.startswith("select_")}


# -- Shared choice lists --------------------------------------------------

YES_NO = (
    Choice(
        "yes",
        tr(en="Yes", fr="Oui", es="Sí", pt="Sim", ar="نعم", ru="Да", zh="是"),
    ),
    Choice(
        "no",
        tr(en="No", fr="Non", es="No", pt="Não", ar="لا", ru="Нет", zh="否"),
    ),
    Choice(
        "dont_know",
        tr(
            en="Don't know",
            fr="Ne sait pas",
            es="No sabe",
            pt="Não sabe",
            ar="لا أعرف",
            ru="Не знаю",
            zh="不知道",
        ),
    ),
)

#: The hint under every free-text question: comments must not identify anyone.
NO_NAMES_HINT = tr(
    en="Do not write names or anything that could identify a person.",
    fr="N'écrivez ni nom ni rien qui permette d'identifier une personne.",
    es="No escriba nombres ni nada que permita identificar a una persona.",
    pt="Não escreva nomes nem nada que permita identificar uma pessoa.",
    ar="لا تكتب أسماء ولا أي شيء قد يكشف هوية شخص ما.",
    ru="Не пишите имён и ничего, что позволило бы узнать человека.",
    zh="请勿填写姓名或任何可识别个人身份的信息。",
)
