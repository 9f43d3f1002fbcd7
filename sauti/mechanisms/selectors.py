"""Reads for mechanisms: the filtered list shared by pages, exports and the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.lists import format_list
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page, Paginator
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat, Lower
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Constituency
from sauti.core.choices import country_choices, region_choices
from sauti.core.i18n import current_locale
from sauti.core.models import Region

from .models import Assessment, Mechanism

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
# Above this many matches, a search's page walks the list in order (see MechanismSearch.page).
WALK_AFTER = 1000

SORTS = {
    "updated": "-updated_at",
    "name": "translations__name",
    "country": "country_id",
    "established": "year_established",
    "score": "score_total",  # annotated in queryset()
}


def _name_for_sorting() -> Coalesce:
    """The name in the reader's language where translated, else in the original language."""
    # The language is compared as "code || ''": the same test, but one the unique
    # (language, record) index cannot serve, so SQLite looks the name up in the
    # index that holds it (mechanism_names_by_record) instead of reading the
    # translation's row: sorting 100 000 records takes a third less time.
    names = Mechanism._parler_meta.root_model.objects.filter(master_id=OuterRef("pk")).alias(
        language=Concat("language_code", Value(""))
    )
    return Coalesce(
        Subquery(names.filter(language=get_language() or "en").values("name")[:1]),
        Subquery(names.filter(language=OuterRef("original_language")).values("name")[:1]),
    )


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
        if self.region not in Region.Code.values:
            self.region = ""
        self.constituency = params.get("constituency", "")
        if self.constituency not in Constituency.Code.values:
            self.constituency = ""
        self.sort = params.get("sort", "updated")
        if self.sort not in SORTS:
            self.sort = "updated"
        self.year_from = _year(params.get("year_from"))
        self.year_to = _year(params.get("year_to"))
        self.assessed = params.get("assessed", "")
        if self.assessed not in ("yes", "no"):
            self.assessed = ""

    def queryset(self, *, walk_in_order: bool = False) -> QuerySet[Mechanism]:
        """The matching records, in the chosen order.

        ``walk_in_order`` is for fetching one page of a search that matches
        many records (see :meth:`page`): the same records, but the database
        walks them in the list's order and stops at the end of the page,
        instead of looking every match up and sorting them all.
        """
        qs = Mechanism.objects.visible().select_related("country")
        if self.q:
            ids = Mechanism.translations.field.model.objects.filter(
                Q(name__icontains=self.q) | Q(description__icontains=self.q)
            ).values("master_id")
            if walk_in_order:
                # "pk + 0" is the same number, but one SQLite cannot use to look rows up.
                qs = qs.alias(search_pk=F("pk") + 0).filter(search_pk__in=ids)
            else:
                qs = qs.filter(pk__in=ids)
        if self.country:
            qs = qs.filter(country_id=self.country)
        if self.region:
            qs = qs.filter(country__region_id=self.region)
        if self.constituency:
            qs = qs.filter(constituencies__code=self.constituency)
        if self.year_from is not None:
            qs = qs.filter(year_established__gte=self.year_from)
        if self.year_to is not None:
            qs = qs.filter(year_established__lte=self.year_to)
        if self.assessed:
            qs = qs.filter(latest_assessment__isnull=self.assessed == "no")
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
            # Each record once, under the name the reader sees: a join on the
            # translations would list it once per language (and the paginator,
            # counting distinct records, would then drop others).
            return qs.annotate(sort_name=Lower(_name_for_sorting())).order_by("sort_name", "id")
        if self.sort == "score":
            # The latest assessment's total over the six dimensions, best first;
            # records never assessed last on every database.
            total = sum((F(f"score_{name}") for name in Assessment.DIMENSIONS), Value(0))
            return qs.annotate(score_total=total).order_by(
                F("score_total").desc(nulls_last=True), "-id"
            )
        return qs.order_by(SORTS[self.sort], "-id")

    def page(self, number: Any, per_page: int = 25) -> Page:
        """One page of the list, its records loaded with their country and translations.

        Counted, filtered and sorted on ids only; then only the page's records
        are loaded, so the database never sorts every column of every match.
        A search matching many records, in the default order, walks the list
        in order instead (``walk_in_order``): its first pages are found after
        a few rows, where sorting 80 000 matches takes longer than the rest
        of the page (figures in docs/benchmarks.md, bench/mechanisms_list.py).
        """
        paginator = Paginator(
            self.queryset().values_list("pk", flat=True), per_page, allow_empty_first_page=True
        )
        if self.q and self.sort == "updated" and paginator.count > WALK_AFTER:
            count = paginator.count
            paginator = Paginator(
                self.queryset(walk_in_order=True).values_list("pk", flat=True),
                per_page,
                allow_empty_first_page=True,
            )
            paginator.count = count  # the same records, counted the faster way
        page = paginator.get_page(number)
        found = (
            Mechanism.objects.visible()
            .select_related("country")
            .prefetch_related("translations")
            .in_bulk(list(page.object_list))
        )
        page.object_list = [found[pk] for pk in page.object_list if pk in found]
        return page

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

    def assessed_filter(self) -> Filter:
        answers = [("yes", str(_("Yes"))), ("no", str(_("No")))]
        return Filter("assessed", str(_("Assessed")), answers, self.assessed)

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
        # The search form sends its empty fields too; links and exports need only the chosen.
        for name in [name for name, value in params.items() if not value]:
            if not any(params.getlist(name)):
                params.pop(name)
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


def _display(mechanism: Mechanism, field: str) -> str:
    from django.utils.translation import gettext as gettext_now

    value = getattr(mechanism, field)
    if value is None or value == "":
        return gettext_now("Not known")
    if isinstance(value, bool):
        return gettext_now("Yes") if value else gettext_now("No")
    display = getattr(mechanism, f"get_{field}_display", None)
    return str(display()) if display else str(value)


COMPARED_FIELDS = (
    "country",
    "level",
    "kind",
    "is_formal",
    "legal_basis",
    "year_established",
    *Mechanism.STAGES,
    "outcome",
    "co_governs",
    "spectrum",
    "selection",
    "community_majority",
    "meeting_frequency",
    "has_budget",
    "has_secretariat",
    "has_office",
    "has_allowances",
    "publishes_agendas",
    "publishes_minutes",
    "publishes_decisions",
    "gives_feedback",
    "offers_capacity_building",
)


def comparison_rows(mechanisms: list[Mechanism]) -> list[dict[str, Any]]:
    """One row per field, one cell per mechanism, for the side-by-side comparison."""
    from .descriptors import DIMENSIONS

    rows = []
    for field in COMPARED_FIELDS:
        label = str(Mechanism._meta.get_field(field).verbose_name).capitalize()
        if field == "country":
            cells = [m.country.name for m in mechanisms]
        else:
            cells = [_display(m, field) for m in mechanisms]
        rows.append({"label": label, "cells": cells, "differs": len(set(cells)) > 1})
    constituency_cells = [
        ", ".join(str(c) for c in m.constituencies.all()) or "—" for m in mechanisms
    ]
    rows.append(
        {
            "label": str(_("Constituencies represented")),
            "cells": constituency_cells,
            "differs": len(set(constituency_cells)) > 1,
        }
    )
    for dimension in DIMENSIONS:
        cells = [
            "—"
            if getattr(m, f"score_{dimension.name}") is None
            else f"{getattr(m, f'score_{dimension.name}')}/3"
            for m in mechanisms
        ]
        rows.append({"label": str(dimension.label), "cells": cells, "differs": len(set(cells)) > 1})
    return rows


def describe_change(comment: str) -> str:
    """What a version changed, in the reader's language.

    The services store a stable, untranslated comment in each revision: "create",
    "import", "source", or the names of the changed fields. The history page turns
    it into words when it is read, so that it speaks every reader's language.
    """
    fixed = {
        "create": _("Recorded"),
        "import": _("Recorded by an import"),
        "source": _("Source added"),
    }
    if comment in fixed:
        return str(fixed[comment])
    labels = []
    translated_fields = Mechanism._parler_meta.root_model._meta
    for name in filter(None, (part.strip() for part in comment.split(","))):
        if name == "sources":
            labels.append(str(_("sources")))
            continue
        for meta in (Mechanism._meta, translated_fields):
            try:
                labels.append(str(meta.get_field(name).verbose_name))
                break
            except FieldDoesNotExist:
                continue
        else:
            labels.append(name)
    return format_list(labels, locale=current_locale()) if labels else str(_("Edited"))


def _year(value: str | None) -> int | None:
    """A plausible year from a query parameter, or None (a typo filters nothing out)."""
    try:
        year = int((value or "").strip())
    except ValueError:
        return None
    return year if 1800 <= year <= 2100 else None
