"""Gap analysis: what the registry says about mechanisms in a country, a region or the world.

Why like this (written for the query planner; budget with 100 000 mechanisms on
SQLite: country page ≤ 100 ms, world page ≤ 300 ms, see ``bench/mechanisms_gaps.py``):

- **One pass per scope.** Every figure of a gap page (counts by kind, level and
  participation spectrum, the "Brazil-study" shares, policy-cycle stages, the
  dimension scores) is one aggregate column (``COUNT(…) FILTER (WHERE …)``,
  ``SUM``) of a single query over the scope's visible mechanisms: never a
  query per indicator. A region's query is grouped by country, so the same rows
  give the region's figures (summed here), its map and its table of countries.
- **The world map is a second, light GROUP BY** over the columns of the chosen
  indicator only: grouping all 60-odd columns by country makes SQLite sort
  every wide row, which costs more than the pass itself.
- **Counted from an index where possible.** The number of mechanisms per
  country (the default map) and the constituencies of the world are counted
  from an index alone, minus the few hidden mechanisms, instead of reading
  every row to check it is not hidden. Constituencies of a country or region:
  one GROUP BY over the many-to-many rows of its mechanisms.
- **Shares over what is known.** The yes/no facts are nullable: ``None`` means
  "not known", and a share is ``yes / known``, with the unknowns shown beside
  it. A legal basis is known when the field is filled; "none" is a known "no".
- **Sentences, not fragments.** "What is missing" is built from one full,
  translated sentence per gap, so translators see whole sentences.

Visible (not hidden) mechanisms only, everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sauti.accounts.models import Constituency
from sauti.core import charts, maps
from sauti.core.charts import ChartTable, TableRow
from sauti.core.i18n import country_name, current_locale, sort_key
from sauti.core.models import Country, Region

from .descriptors import DIMENSIONS
from .models import Mechanism

Through = Mechanism.constituencies.through

# A share below this is "missing" enough to be named; at most this many are named.
LOW_SHARE = 0.5
LOWEST_SHARES = 3
# A dimension averaging under this (of 3) is named as a gap.
LOW_SCORE = 1.5


# --- What is counted -------------------------------------------------------------------
@dataclass(frozen=True)
class Fact:
    """A yes/no question of the Brazil-study table.

    ``yes`` and ``known`` are the conditions counted; ``filters`` the list's GET
    parameters for the yes / no / not-known mechanisms (``None``: the list
    cannot filter on it); ``gap`` the full sentence naming a low share.
    """

    key: str
    label: Promise | str
    yes: Q
    known: Q | str
    filters: tuple[dict[str, str] | None, dict[str, str] | None, dict[str, str] | None]
    gap: Promise | None


def _boolean(name: str, gap: Promise | None) -> Fact:
    return Fact(
        key=name,
        label=Mechanism._meta.get_field(name).verbose_name,
        yes=Q(**{name: True}),
        known=name,  # COUNT(column) counts the non-null answers
        filters=({name: "yes"}, {name: "no"}, {name: "unknown"}),
        gap=gap,
    )


# The order of the table: the figures of the 2017 study of Brazil's health
# councils first, then the rest of what the registry records.
FACTS: tuple[Fact, ...] = (
    Fact(
        key="legal_basis",
        label=gettext_lazy("Legal basis"),
        yes=~Q(legal_basis__in=["", Mechanism.LegalBasis.NONE]),
        known=~Q(legal_basis=""),
        filters=(None, {"legal_basis": Mechanism.LegalBasis.NONE}, None),
        gap=gettext_lazy(
            "Only %(percent)s of mechanisms have a legal basis (%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "has_budget",
        gettext_lazy(
            "Only %(percent)s of mechanisms have a dedicated budget (%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "has_secretariat",
        gettext_lazy(
            "Only %(percent)s of mechanisms have an executive secretariat "
            "(%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "has_office",
        gettext_lazy(
            "Only %(percent)s of mechanisms have their own office space "
            "(%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "publishes_minutes",
        gettext_lazy(
            "Only %(percent)s of mechanisms publish their minutes (%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "gives_feedback",
        gettext_lazy(
            "Only %(percent)s of mechanisms tell participants what was done with their input "
            "(%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "publishes_agendas",
        gettext_lazy(
            "Only %(percent)s of mechanisms publish their agendas (%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "publishes_decisions",
        gettext_lazy(
            "Only %(percent)s of mechanisms publish their decisions (%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "has_allowances",
        gettext_lazy(
            "Only %(percent)s of mechanisms pay allowances or reimburse community members "
            "(%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "offers_capacity_building",
        gettext_lazy(
            "Only %(percent)s of mechanisms offer capacity building (%(count)s of %(known)s known)."
        ),
    ),
    _boolean(
        "community_majority",
        gettext_lazy(
            "Community members are a majority in only %(percent)s of mechanisms "
            "(%(count)s of %(known)s known)."
        ),
    ),
    # Informal mechanisms are not a gap in themselves: counted, never named.
    _boolean("is_formal", None),
)
FACTS_BY_KEY = {fact.key: fact for fact in FACTS}
STAGES: tuple[Fact, ...] = tuple(_boolean(name, None) for name in Mechanism.STAGES)

SCORE_GAPS: dict[str, Promise] = {
    "legal": gettext_lazy(
        "Legal foundation averages only %(score)s out of 3 in the latest assessments."
    ),
    "inclusion": gettext_lazy(
        "Inclusive representation averages only %(score)s out of 3 in the latest assessments."
    ),
    "influence": gettext_lazy(
        "Interaction and influence on decisions averages only %(score)s out of 3 "
        "in the latest assessments."
    ),
    "capacity": gettext_lazy(
        "Capacity building averages only %(score)s out of 3 in the latest assessments."
    ),
    "accountability": gettext_lazy(
        "Accountability and transparency averages only %(score)s out of 3 "
        "in the latest assessments."
    ),
    "resources": gettext_lazy(
        "Resources and independence averages only %(score)s out of 3 in the latest assessments."
    ),
}


def _count(condition: Q | str) -> Count:
    if isinstance(condition, str):
        return Count(condition)
    return Count("pk", filter=condition)


def _aggregates() -> dict[str, Any]:
    """Every column of the one-pass query, by a flat key."""
    columns: dict[str, Any] = {"total": Count("*")}
    for value in Mechanism.Kind.values:
        columns[f"kind:{value}"] = _count(Q(kind=value))
    for value in Mechanism.Level.values:
        columns[f"level:{value}"] = _count(Q(level=value))
    for value in Mechanism.Spectrum.values:
        columns[f"spectrum:{value}"] = _count(Q(spectrum=value))
    for fact in (*FACTS, *STAGES):
        columns[f"yes:{fact.key}"] = _count(fact.yes)
        columns[f"known:{fact.key}"] = _count(fact.known)
    # The service writes the six latest scores together, so one count of the
    # assessed mechanisms serves every dimension's average.
    for dimension in DIMENSIONS:
        columns[f"sum:{dimension.name}"] = Sum(f"score_{dimension.name}")
    columns["assessed"] = Count(f"score_{DIMENSIONS[0].name}")
    return columns


# Database column aliases may not contain ":"; the query uses c0, c1…
_KEYS = tuple(_aggregates())
_ALIASES = {key: f"c{index}" for index, key in enumerate(_KEYS)}


def _aliased() -> dict[str, Any]:
    return {_ALIASES[key]: aggregate for key, aggregate in _aggregates().items()}


@dataclass
class Tally:
    """The counts of one scope (or one country of it)."""

    values: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: Mapping[str, Any], keys: Iterable[str] = _KEYS) -> Tally:
        return cls({key: row.get(_ALIASES[key]) or 0 for key in keys})

    @classmethod
    def summed(cls, tallies: Iterable[Tally]) -> Tally:
        total: dict[str, int] = {}
        for tally in tallies:
            for key, value in tally.values.items():
                total[key] = total.get(key, 0) + value
        return cls(total)

    def __getitem__(self, key: str) -> int:
        return self.values.get(key, 0)

    @property
    def total(self) -> int:
        return self["total"]

    def answers(self, fact: Fact) -> tuple[int, int]:
        """(yes, known)."""
        return self[f"yes:{fact.key}"], self[f"known:{fact.key}"]

    def share(self, fact: Fact) -> float | None:
        yes, known = self.answers(fact)
        return yes / known if known else None

    @property
    def assessed(self) -> int:
        return self["assessed"]

    def average(self, dimension: str) -> float | None:
        return self[f"sum:{dimension}"] / self.assessed if self.assessed else None

    @property
    def mean_score(self) -> float | None:
        """The average of all six dimensions over the assessed mechanisms."""
        count = self.assessed * len(DIMENSIONS)
        return sum(self[f"sum:{d.name}"] for d in DIMENSIONS) / count if count else None


# --- Scopes and their queries ----------------------------------------------------------
@dataclass(frozen=True)
class Scope:
    """The world, a WHO region or a country."""

    country: Country | None = None
    region: Region | None = None

    @property
    def is_world(self) -> bool:
        return self.country is None and self.region is None

    def mechanisms(self) -> QuerySet[Mechanism]:
        qs = Mechanism.objects.visible()
        if self.country is not None:
            return qs.filter(country_id=self.country.code)
        if self.region is not None:
            return qs.filter(country__region_id=self.region.code)
        return qs

    def list_params(self) -> dict[str, str]:
        if self.country is not None:
            return {"country": self.country.code}
        if self.region is not None:
            return {"region": self.region.code}
        return {}


def scope_tally(scope: Scope) -> Tally:
    """Every figure of a scope: one aggregate query, one pass over its mechanisms."""
    return Tally.from_row(scope.mechanisms().aggregate(**_aliased()))


def tallies_by_country(scope: Scope, keys: Iterable[str] = _KEYS) -> dict[str, Tally]:
    """The figures (``keys``, default all) of each country with a visible mechanism: one
    GROUP BY query.

    Grouped by ``LOWER(country_id)`` on purpose: grouped by the column itself,
    SQLite walks the country index and fetches every row out of table order (a
    random read per mechanism, twice as slow at 100 000 rows as a plain scan
    and a sort). PostgreSQL hashes either way.
    """
    keys = tuple(keys)
    if keys == ("total",) and scope.is_world:
        return {code: Tally({"total": n}) for code, n in _visible_counts_by_country().items()}
    aggregates = _aggregates()
    columns = {_ALIASES[key]: aggregates[key] for key in keys}
    rows = scope.mechanisms().order_by().values(code=Lower("country_id")).annotate(**columns)
    return {row["code"].upper(): Tally.from_row(row, keys) for row in rows}


def _visible_counts_by_country() -> dict[str, int]:
    """The number of visible mechanisms in each country, from the country index alone
    (no table read) minus the hidden ones (few): two queries, ten times faster than
    one that reads every row to check that it is not hidden."""
    every = Mechanism.objects.order_by().values_list("country_id").annotate(n=Count("pk"))
    hidden = (
        Mechanism.objects.filter(hidden_at__isnull=False)
        .order_by()
        .values_list(Lower("country_id"))
        .annotate(n=Count("pk"))
    )
    counts = dict(every)
    for code, n in hidden:
        counts[code.upper()] -= n
    return {code: n for code, n in counts.items() if n}


def constituency_counts(scope: Scope) -> dict[str, int]:
    """How many visible mechanisms represent each constituency.

    For a country or region: one GROUP BY over the many-to-many rows of its
    mechanisms, found through the (mechanism, constituency) index. For the
    world: every row counted from the constituency index alone, minus the rows
    of hidden mechanisms (few), rather than a join per row: two cheap queries.
    """
    if not scope.is_world:
        rows = Through.objects.filter(mechanism_id__in=scope.mechanisms().values("pk"))
        return _count_by_constituency(rows)
    counts = _count_by_constituency(Through.objects.all())
    hidden = Mechanism.objects.filter(hidden_at__isnull=False).values("pk")
    for code, n in _count_by_constituency(Through.objects.filter(mechanism_id__in=hidden)).items():
        counts[code] -= n
    return {code: n for code, n in counts.items() if n}


def _count_by_constituency(rows: QuerySet) -> dict[str, int]:
    grouped = rows.order_by().values("constituency_id").annotate(n=Count("pk"))
    return {row["constituency_id"]: row["n"] for row in grouped}


# --- Formatting --------------------------------------------------------------------------
def percent(ratio: float) -> str:
    return format_percent(ratio, locale=current_locale())


def score_text(value: float) -> str:
    return format_decimal(value, format="0.0", locale=current_locale())


def known_share_text(yes: int, known: int) -> str:
    """``3 of 4 known (75 %)``, or that nothing is known."""
    if not known:
        return _("No answer known")
    return _("%(count)s of %(known)s known (%(percent)s)") % {
        "count": charts.format_number(yes),
        "known": charts.format_number(known),
        "percent": percent(yes / known),
    }


class ListLinks:
    """Links to the filtered mechanism list within one scope; resolves the list's
    address once for the dozens of links on a page."""

    def __init__(self, **base: str) -> None:
        self.path = reverse("mechanisms:list")
        self.base = base

    def __call__(self, **params: str) -> str:
        merged = {**self.base, **params}
        query = urlencode({key: value for key, value in merged.items() if value})
        return f"{self.path}?{query}" if query else self.path


# --- Sections of a gap page ------------------------------------------------------------
@dataclass(frozen=True)
class FactRow:
    """A row of the Brazil-study table; ``cells``: the yes, no and not-known counts as
    (formatted number, list URL or ``None``)."""

    label: str
    share: str
    yes: int
    no: int
    unknown: int
    cells: tuple[tuple[str, str | None], ...]

    @property
    def yes_url(self) -> str | None:
        return self.cells[0][1]


@dataclass(frozen=True)
class Section:
    """A chart (``None`` when it would have nothing to draw) and its table equivalent."""

    chart: SafeString | None
    table: ChartTable


def _fact_rows(tally: Tally, facts: Iterable[Fact], scope: Scope) -> list[FactRow]:
    links = ListLinks(**scope.list_params())
    rows = []
    for fact in facts:
        yes, known = tally.answers(fact)
        counts = (yes, known - yes, tally.total - known)
        # A link to the list where it has something to show and the list can filter on it.
        urls = [
            links(**f) if f is not None and n else None
            for f, n in zip(fact.filters, counts, strict=True)
        ]
        rows.append(
            FactRow(
                label=capfirst(str(fact.label)),
                share=known_share_text(yes, known),
                yes=yes,
                no=known - yes,
                unknown=tally.total - known,
                cells=tuple(zip((charts.format_number(n) for n in counts), urls, strict=True)),
            )
        )
    return rows


def _known_shares_chart(rows: list[FactRow], *, title: str) -> SafeString | None:
    """Share bars of the yes/no rows with at least one known answer ("0 of 0" says
    nothing); the table beside the chart lists them all."""
    known = [(row.label, row.yes, row.yes + row.no) for row in rows if row.yes + row.no]
    if not known:
        return None
    return charts.share_bars(
        known,
        title=title,
        description=_(
            "Each share counts only the mechanisms for which the answer is known; "
            "questions with no known answer are left out of the chart."
        ),
    )


def _share_section(
    rows: list[tuple[str, int, int, str | None]], *, title: str, description: str, header: str
) -> Section:
    """Share bars of ``(label, count, total, list url)`` rows, and their table with links."""
    chart = charts.share_bars(
        [(label, count, total) for label, count, total, _url in rows],
        title=title,
        description=description,
    )
    table = ChartTable(
        caption=title,
        headers=(header, _("Number"), _("Total"), _("Share")),
        rows=tuple(
            TableRow(
                label,
                (
                    charts.format_number(count),
                    charts.format_number(total),
                    percent(count / total) if total else "–",
                ),
                href=url if count else None,
            )
            for label, count, total, url in rows
        ),
    )
    return Section(chart, table)


def _bar_section(
    rows: list[tuple[str, int, str | None]], *, title: str, description: str, header: str
) -> Section:
    """Bars of ``(label, count, list url)`` rows, and their table with links."""
    chart = charts.bar_chart(
        [(label, count) for label, count, _url in rows], title=title, description=description
    )
    table = ChartTable(
        caption=title,
        headers=(header, _("Mechanisms")),
        rows=tuple(
            TableRow(label, (charts.format_number(count),), href=url if count else None)
            for label, count, url in rows
        ),
    )
    return Section(chart, table)


def _score_section(tally: Tally) -> Section | None:
    if not tally.assessed:
        return None
    rows = [(str(d.label), tally[f"sum:{d.name}"] / tally.assessed) for d in DIMENSIONS]

    def out_of_three(value: float) -> str:
        return _("%(score)s of 3") % {"score": score_text(value)}

    title = _("Average score on each dimension (0 to 3)")
    chart = charts.bar_chart(
        rows,
        title=title,
        description=_("The latest assessment of each assessed mechanism, averaged."),
        max_value=3,
        value_format=out_of_three,
    )
    table = ChartTable(
        caption=title,
        headers=(_("Dimension"), _("Average score")),
        rows=tuple(TableRow(label, (out_of_three(average),)) for label, average in rows),
    )
    return Section(chart, table)


def missing(tally: Tally, constituencies: Mapping[str, int]) -> list[str]:
    """The largest gaps, as full sentences: low shares, weak dimensions, absent groups."""
    if not tally.total:
        return []
    sentences = []
    lows = sorted(
        (
            (share, fact)
            for fact in FACTS
            if fact.gap is not None
            and (share := tally.share(fact)) is not None
            and share < LOW_SHARE
        ),
        key=lambda item: item[0],
    )
    for share, fact in lows[:LOWEST_SHARES]:
        yes, known = tally.answers(fact)
        sentences.append(
            str(fact.gap)
            % {
                "percent": percent(share),
                "count": charts.format_number(yes),
                "known": charts.format_number(known),
            }
        )
    if not tally.assessed:
        sentences.append(_("No mechanism here has been assessed yet."))
    for dimension in DIMENSIONS:
        average = tally.average(dimension.name)
        if average is not None and average < LOW_SCORE:
            sentences.append(str(SCORE_GAPS[dimension.name]) % {"score": score_text(average)})
    absent = [
        str(label) for code, label in Constituency.Code.choices if not constituencies.get(code)
    ]
    if absent:
        sentences.append(
            _("No mechanism is recorded as representing these groups: %(groups)s.")
            % {"groups": format_list(absent, locale=current_locale())}
        )
    answers = tally.total * len(FACTS)
    unknown = sum(tally.total - tally.answers(fact)[1] for fact in FACTS)
    if answers and unknown * 2 > answers:
        sentences.append(
            _(
                "More than half of the answers in the table below are not known: "
                "completing the records would make these figures more reliable."
            )
        )
    return sentences


def sections(tally: Tally, constituencies: Mapping[str, int], scope: Scope) -> dict[str, Any]:
    """Everything a gap page shows about one scope, ready for the templates."""
    links = ListLinks(**scope.list_params())
    total = tally.total
    context: dict[str, Any] = {
        "total": total,
        "assessed": tally.assessed,
        "list_url": links(),
        "missing": missing(tally, constituencies),
    }
    if not total:
        return context
    facts = _fact_rows(tally, FACTS, scope)
    context["facts"] = facts
    context["facts_chart"] = _known_shares_chart(
        facts, title=_("Share of mechanisms with each feature")
    )
    context["constituencies"] = _share_section(
        [
            (str(label), constituencies.get(code, 0), total, links(constituency=code))
            for code, label in Constituency.Code.choices
        ],
        title=_("Share of mechanisms that represent each group"),
        description=_("Out of all the mechanisms recorded here."),
        header=_("Constituency"),
    )
    stages = _fact_rows(tally, STAGES, scope)
    stages_title = _("Stages of the policy cycle the mechanisms take part in")
    context["stages"] = Section(
        chart=_known_shares_chart(stages, title=stages_title),
        table=ChartTable(
            caption=stages_title,
            headers=(_("Stage"), _("Share of known answers"), _("Yes"), _("No"), _("Not known")),
            rows=tuple(
                TableRow(
                    row.label,
                    (row.share, *(text for text, _url in row.cells)),
                    href=row.yes_url,
                )
                for row in stages
            ),
        ),
    )
    spectrum = [
        (str(label), tally[f"spectrum:{value}"], links(spectrum=value))
        for value, label in Mechanism.Spectrum.choices
    ]
    spectrum_known = sum(count for _label, count, _url in spectrum)
    spectrum.append((_("Not known"), total - spectrum_known, None))
    context["spectrum"] = _bar_section(
        spectrum,
        title=_("Level of participation, from informing people to empowering them"),
        description=_("Number of mechanisms at each level of the public participation spectrum."),
        header=_("Level of participation"),
    )
    context["kinds"] = _bar_section(
        [
            (str(label), tally[f"kind:{value}"], links(kind=value))
            for value, label in Mechanism.Kind.choices
        ],
        title=_("Mechanisms by kind"),
        description=_("Number of mechanisms of each kind."),
        header=_("Kind"),
    )
    context["levels"] = _bar_section(
        [
            (str(label), tally[f"level:{value}"], links(level=value))
            for value, label in Mechanism.Level.choices
        ],
        title=_("Mechanisms by level"),
        description=_("Number of mechanisms at each level, from national to community."),
        header=_("Level"),
    )
    context["scores"] = _score_section(tally)
    return context


# --- The map -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Indicator:
    key: str
    label: Promise
    title: Promise
    description: Promise
    no_data: Promise
    bins: tuple[float, ...]
    value: Callable[[Tally], float | None]
    value_format: Callable[[float], str]
    columns: tuple[str, ...]  # what ``value`` reads: the map's query counts only these


def _share_percent(key: str) -> Callable[[Tally], float | None]:
    def value(tally: Tally) -> float | None:
        share = tally.share(FACTS_BY_KEY[key])
        return None if share is None else 100 * share

    return value


def _percent_of_hundred(value: float) -> str:
    return percent(value / 100)


INDICATORS: dict[str, Indicator] = {
    indicator.key: indicator
    for indicator in (
        Indicator(
            "count",
            gettext_lazy("Number of mechanisms"),
            gettext_lazy("Number of participation mechanisms recorded in each country"),
            gettext_lazy(
                "World map of the WHO Member States, shaded by the number of mechanisms recorded."
            ),
            gettext_lazy("No mechanism recorded"),
            (5, 20, 100, 500),
            lambda tally: tally.total or None,
            charts.format_number,
            ("total",),
        ),
        Indicator(
            "legal",
            gettext_lazy("Share with a legal basis"),
            gettext_lazy("Share of mechanisms with a legal basis in each country"),
            gettext_lazy(
                "World map of the WHO Member States, shaded by the share of mechanisms with a "
                "legal basis, among those whose legal basis is known."
            ),
            gettext_lazy("No mechanism recorded, or no answer known"),
            (20, 40, 60, 80),
            _share_percent("legal_basis"),
            _percent_of_hundred,
            ("total", "yes:legal_basis", "known:legal_basis"),
        ),
        Indicator(
            "budget",
            gettext_lazy("Share with a dedicated budget"),
            gettext_lazy("Share of mechanisms with a dedicated budget in each country"),
            gettext_lazy(
                "World map of the WHO Member States, shaded by the share of mechanisms with a "
                "dedicated budget, among those for which this is known."
            ),
            gettext_lazy("No mechanism recorded, or no answer known"),
            (20, 40, 60, 80),
            _share_percent("has_budget"),
            _percent_of_hundred,
            ("total", "yes:has_budget", "known:has_budget"),
        ),
        Indicator(
            "score",
            gettext_lazy("Average score"),
            gettext_lazy("Average assessment score (0 to 3) in each country"),
            gettext_lazy(
                "World map of the WHO Member States, shaded by the average of the six dimension "
                "scores of the assessed mechanisms."
            ),
            gettext_lazy("No mechanism assessed"),
            (0.5, 1, 1.5, 2, 2.5),
            lambda tally: tally.mean_score,
            score_text,
            ("total", "assessed", *(f"sum:{d.name}" for d in DIMENSIONS)),
        ),
    )
}
DEFAULT_INDICATOR = "count"


def indicator_from(value: str | None) -> Indicator:
    """The indicator a ``?indicator=`` asks for; the default for anything else."""
    return INDICATORS.get(value or "", INDICATORS[DEFAULT_INDICATOR])


def _country_link_pattern() -> str:
    return reverse("mechanisms:gaps_country", args=["xx"]).replace("/xx/", "/{code}/")


def _map_parts(values: Mapping[str, float | None], indicator: Indicator):
    return maps.choropleth_parts(
        values,
        bins=indicator.bins,
        title=str(indicator.title),
        description=str(indicator.description),
        value_format=indicator.value_format,
        no_data_label=str(indicator.no_data),
    )


def _map_values(
    tallies: Mapping[str, Tally], indicator: Indicator, only: Iterable[str] | None
) -> dict[str, float | None]:
    shapes = maps.world_map().shapes
    codes = [code for code in (only if only is not None else tallies) if code in shapes]
    return {code: (indicator.value(tallies[code]) if code in tallies else None) for code in codes}


def world_map(
    tallies: Mapping[str, Tally],
    indicator: Indicator,
    *,
    only: Iterable[str] | None = None,
    region: Region | None = None,
) -> dict[str, Any]:
    """What a gap page shows of the map: the address of its image, its legend and its
    table; ``only``: the countries to list.

    The map itself (about 13 KB compressed) is a separate image, ``map_svg``: inline
    it would push the page past the 14 KB of its first response, and as an image the
    browser caches it. Its countries cannot be links inside an ``<img>``; the table,
    which lists the same values, links each country to its page.
    """
    values = _map_values(tallies, indicator, only)
    link_pattern = _country_link_pattern()
    title = str(indicator.title)
    _svg, legend = _map_parts(values, indicator)
    query = {"indicator": indicator.key} if indicator.key != DEFAULT_INDICATOR else {}
    if region is not None:
        query["region"] = region.code
    image_url = reverse("mechanisms:gaps_map")
    if query:
        image_url += "?" + urlencode(query)
    _x, _y, width, height = maps.world_map().view_box
    return {
        "image_url": image_url,
        "width": width,
        "height": height,
        "legend": legend,
        "table": maps.choropleth_table(
            values,
            caption=title,
            value_header=str(indicator.label),
            value_format=indicator.value_format,
            no_data_label=str(indicator.no_data),
            link_pattern=link_pattern,
            include_missing=False,
        ),
        "indicator": indicator,
        "indicators": [(key, str(item.label)) for key, item in INDICATORS.items()],
    }


def map_svg(indicator: Indicator, region: Region | None = None) -> str:
    """The map of ``indicator`` as a standalone SVG document, for ``<img src>``."""
    if region is None:
        tallies = tallies_by_country(Scope(), indicator.columns)
        only = None
    else:
        tallies = tallies_by_country(Scope(region=region), indicator.columns)
        only = tuple(Country.objects.filter(region=region).values_list("code", flat=True))
    svg, _legend = _map_parts(_map_values(tallies, indicator, only), indicator)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg


@dataclass(frozen=True)
class PlaceRow:
    """A country or region in a table of places: its count and a few headline values."""

    name: str
    url: str
    list_url: str
    total: int
    total_text: str
    values: tuple[str, ...]


def _place_row(
    name: str, url: str, list_url_: str, tally: Tally | None, indicators: Iterable[Indicator]
) -> PlaceRow:
    total = tally.total if tally is not None else 0
    values = []
    for indicator in indicators:
        value = indicator.value(tally) if tally is not None and total else None
        values.append("–" if value is None else indicator.value_format(value))
    return PlaceRow(name, url, list_url_, total, charts.format_number(total), tuple(values))


# --- The three pages -------------------------------------------------------------------------
def country_gaps(country: Country) -> dict[str, Any]:
    """The country gap page: two queries."""
    scope = Scope(country=country)
    tally = scope_tally(scope)
    constituencies = constituency_counts(scope) if tally.total else {}
    return {"scope": scope, "country": country, **sections(tally, constituencies, scope)}


# The columns of the table of a region's countries.
COUNTRY_COLUMNS = ("legal", "budget", "score")


def region_gaps(region: Region, indicator: Indicator) -> dict[str, Any]:
    """The region gap page: its countries, then one pass grouped by country (the
    region's figures are the sum) and the constituencies."""
    codes = tuple(Country.objects.filter(region=region).values_list("code", flat=True))
    scope = Scope(region=region)
    tallies = tallies_by_country(scope)
    tally = Tally.summed(tallies.values())
    constituencies = constituency_counts(scope) if tally.total else {}
    columns = [INDICATORS[key] for key in COUNTRY_COLUMNS]
    country_page = _country_link_pattern()
    links = ListLinks()
    rows = sorted(
        (
            _place_row(
                country_name(code),
                maps.country_href(country_page, code),
                links(country=code),
                tallies.get(code),
                columns,
            )
            for code in codes
        ),
        key=lambda row: sort_key(row.name),
    )
    return {
        "scope": scope,
        "region": region,
        "places": rows,
        "place_headers": [str(column.label) for column in columns],
        "map": world_map(tallies, indicator, only=codes, region=region) if tally.total else None,
        **sections(tally, constituencies, scope),
    }


def global_gaps(indicator: Indicator) -> dict[str, Any]:
    """The global gap page: one pass over every mechanism for the figures, a light
    GROUP BY country for the map's indicator, the constituencies and the regions."""
    scope = Scope()
    tally = scope_tally(scope)
    if not tally.total:
        return {"scope": scope, "places": [], "map": None, **sections(tally, {}, scope)}
    tallies = tallies_by_country(scope, indicator.columns)
    constituencies = constituency_counts(scope)
    region_of = dict(Country.objects.values_list("code", "region_id"))
    by_region: dict[str, list[Tally]] = {code: [] for code in Region.Code.values}
    for code, country_tally in tallies.items():
        if region_of.get(code) in by_region:
            by_region[region_of[code]].append(country_tally)
    columns = [] if indicator.key == "count" else [indicator]
    links = ListLinks()
    regions = [
        _place_row(
            str(label),
            reverse("mechanisms:gaps_region", args=[code.lower()]),
            links(region=code),
            Tally.summed(by_region[code]),
            columns,
        )
        for code, label in Region.Code.choices
    ]
    return {
        "scope": scope,
        "places": regions,
        "place_headers": [str(column.label) for column in columns],
        "map": world_map(tallies, indicator),
        **sections(tally, constituencies, scope),
    }
