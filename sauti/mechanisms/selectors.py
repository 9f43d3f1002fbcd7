"""Reads for mechanisms: the filtered list shared by pages, exports and the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Constituency
from sauti.core.choices import country_choices, region_choices

from .models import Mechanism

# Yes/no fields that can be filtered with ?<field>=yes|no|unknown.
BOOLEAN_FILTERS = (
    "is_formal",
    "co_governs",
    "community_majority",
    *Mechanism.STAGES,
    "has_budget",
    "has_secretariat",
    "has_office",
    "has_allowances",
    "publishes_agendas",
    "publishes_minutes",
    "publishes_decisions",
    "gives_feedback",
    "offers_capacity_building",
    "is_verified",
)
CHOICE_FILTERS = {
    "level": Mechanism.Level,
    "kind": Mechanism.Kind,
    "legal_basis": Mechanism.LegalBasis,
    "outcome": Mechanism.Outcome,
    "spectrum": Mechanism.Spectrum,
    "selection": Mechanism.Selection,
    "meeting_frequency": Mechanism.Frequency,
}
SORTS = {
    "updated": "-updated_at",
    "name": "translations__name",
    "country": "country_id",
    "established": "year_established",
    "score": "-score_legal",
}


@dataclass
class Filter:
    name: str
    label: str
    choices: list[tuple[str, str]]
    selected: str


class MechanismSearch:
    """Turn GET parameters into a queryset of visible mechanisms.

    Unknown values filter nothing out rather than fail: a shared link with an
    old parameter still opens.
    """

    def __init__(self, params: QueryDict) -> None:
        self.params = params
        self.q = params.get("q", "").strip()[:100]
        self.country = params.get("country", "").upper()
        self.region = params.get("region", "").upper()
        self.constituency = params.get("constituency", "")
        self.sort = params.get("sort", "updated")
        if self.sort not in SORTS:
            self.sort = "updated"

    def queryset(self) -> QuerySet[Mechanism]:
        qs = Mechanism.objects.visible().select_related("country")
        if self.q:
            ids = Mechanism.translations.field.model.objects.filter(
                Q(name__icontains=self.q) | Q(description__icontains=self.q)
            ).values("master_id")
            qs = qs.filter(pk__in=ids)
        if self.country:
            qs = qs.filter(country_id=self.country)
        if self.region:
            qs = qs.filter(country__region_id=self.region)
        if self.constituency:
            qs = qs.filter(constituencies__code=self.constituency)
        for name, choices in CHOICE_FILTERS.items():
            value = self.params.get(name, "")
            if value in choices.values:
                qs = qs.filter(**{name: value})
        for name in BOOLEAN_FILTERS:
            value = self.params.get(name, "")
            if value == "yes":
                qs = qs.filter(**{name: True})
            elif value == "no":
                qs = qs.filter(**{name: False})
            elif value == "unknown" and name != "is_verified":
                qs = qs.filter(**{f"{name}__isnull": True})
        if self.sort == "name":
            return qs.order_by("translations__name", "id").distinct()
        return qs.order_by(SORTS[self.sort], "-id")

    def filters(self) -> list[Filter]:
        main = [
            Filter("country", str(_("Country")), country_choices(), self.country),
            Filter("region", str(_("WHO region")), region_choices(), self.region),
            Filter(
                "constituency",
                str(_("Constituency represented")),
                [(c, str(label)) for c, label in Constituency.Code.choices],
                self.constituency,
            ),
        ]
        for name, choices in CHOICE_FILTERS.items():
            label = str(Mechanism._meta.get_field(name).verbose_name).capitalize()
            main.append(
                Filter(
                    name,
                    label,
                    [(c, str(lbl)) for c, lbl in choices.choices],
                    self.params.get(name, ""),
                )
            )
        return main

    def boolean_filters(self) -> list[Filter]:
        answers = [("yes", str(_("Yes"))), ("no", str(_("No"))), ("unknown", str(_("Not known")))]
        result = []
        for name in BOOLEAN_FILTERS:
            label = str(Mechanism._meta.get_field(name).verbose_name).capitalize()
            choices = answers[:2] if name == "is_verified" else answers
            result.append(Filter(name, label, choices, self.params.get(name, "")))
        return result

    def query_without(self, *names: str) -> str:
        params = self.params.copy()
        for name in ("page", "format", *names):
            params.pop(name, None)
        return params.urlencode()

    @property
    def is_filtered(self) -> bool:
        ignored = {"page", "sort", "format"}
        return any(value for key, value in self.params.items() if key not in ignored)


def name_for_reader(mechanism: Mechanism, language: str) -> dict[str, Any]:
    """The name and description in the reader's language if translated, else the original."""
    if language in mechanism.get_available_languages():
        return {
            "name": mechanism.safe_translation_getter("name", language_code=language),
            "description": mechanism.safe_translation_getter(
                "description", language_code=language, default=""
            ),
            "language": language,
            "is_original_fallback": False,
        }
    original = mechanism.original_language
    return {
        "name": mechanism.safe_translation_getter(
            "name", language_code=original, any_language=True
        ),
        "description": mechanism.safe_translation_getter(
            "description", language_code=original, default=""
        ),
        "language": original,
        "is_original_fallback": language != original,
    }
