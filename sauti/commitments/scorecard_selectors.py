"""Reads for community scorecards: the filtered list, and the breakdown with small groups
withheld.

The breakdown is the one place where suppression is decided: the public page,
the chart, and the CSV and XLSX exports all read it, so that they cannot
disagree on what a reader may see. A group with fewer people than
:func:`~sauti.core.privacy.disclosure_threshold` is withheld whole: its
scores, its reasons and its exact size. Averages use only the groups shown, so
that a withheld group's score cannot be worked out by subtracting the shown
groups from an average of everyone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from sauti.accounts.models import Membership, Organisation
from sauti.core.i18n import country_name, sort_key
from sauti.core.privacy import disclosure_threshold

from .models import ActionItem, GroupScore, Indicator, ParticipantGroup, Scorecard, ScorecardItem

PAGE_SIZE = 25


# --- Who edits for which organisation ---------------------------------------------------
def editable_organisations(user: Any) -> QuerySet[Organisation]:
    """The organisations ``user`` may run scorecards for: those they edit or administer
    (every visible one for a site administrator)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.visible()
    return Organisation.objects.visible().filter(
        memberships__user=user,
        memberships__status=Membership.Status.ACTIVE,
        memberships__role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
    )


def drafts_for(user: Any) -> QuerySet[Scorecard]:
    """Unpublished scorecards of the organisations ``user`` edits for, newest first."""
    if not user.is_authenticated:
        return Scorecard.objects.none()
    organisations = Organisation.objects.filter(
        memberships__user=user,
        memberships__status=Membership.Status.ACTIVE,
        memberships__role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN],
    )
    return (
        Scorecard.objects.filter(is_published=False, organisation__in=organisations)
        .select_related("organisation")
        .order_by("-updated_at", "-id")[:20]
    )


def items_of(scorecard: Scorecard) -> list[ScorecardItem]:
    """The exercise's indicators in order, with library texts in the reader's language."""
    return list(
        scorecard.items.select_related("indicator").prefetch_related("indicator__translations")
    )


def library(*, keeping: Iterable[int] = ()) -> QuerySet[Indicator]:
    """The active indicators of the library, and retired ones an exercise still uses
    (``keeping``), so that saving the exercise does not drop them."""
    return Indicator.objects.filter(Q(is_active=True) | Q(pk__in=list(keeping))).prefetch_related(
        "translations"
    )


# --- The list -------------------------------------------------------------------------
@dataclass
class Filter:
    name: str
    label: Any
    choices: list[tuple[str, str]]
    selected: str


def public_scorecards() -> QuerySet[Scorecard]:
    """Published, and neither the scorecard nor its organisation hidden by moderators."""
    return Scorecard.objects.visible().filter(
        is_published=True, organisation__hidden_at__isnull=True
    )


class ScorecardSearch:
    """Turn GET parameters into a queryset of published scorecards.

    Unknown values filter nothing out rather than fail, as on the mechanisms
    list: an old shared link still opens.
    """

    def __init__(self, params: QueryDict) -> None:
        base = public_scorecards()
        self.country = params.get("country", "").upper()[:2]
        countries = set(base.values_list("country_id", flat=True).distinct())
        if self.country not in countries:
            self.country = ""
        self.organisation = params.get("organisation", "")[:80]
        organisations = dict(
            Organisation.objects.filter(scorecards__in=base).distinct().values_list("slug", "name")
        )
        if self.organisation not in organisations:
            self.organisation = ""
        self.place_kind = params.get("place_kind", "")
        if self.place_kind not in Scorecard.PlaceKind.values:
            self.place_kind = ""
        years = sorted({d.year for d in base.dates("held_on", "year")}, reverse=True)
        self.year = params.get("year", "")
        if not (self.year.isascii() and self.year.isdigit() and int(self.year) in years):
            self.year = ""
        self.filters = [
            Filter(
                "country",
                _("Country"),
                sorted(
                    ((code, country_name(code)) for code in countries),
                    key=lambda pair: sort_key(pair[1]),
                ),
                self.country,
            ),
            Filter(
                "organisation",
                _("Organisation"),
                sorted(organisations.items(), key=lambda pair: sort_key(pair[1])),
                self.organisation,
            ),
            Filter(
                "place_kind",
                _("Kind of place"),
                [(value, str(label)) for value, label in Scorecard.PlaceKind.choices],
                self.place_kind,
            ),
            Filter("year", _("Year"), [(str(y), str(y)) for y in years], self.year),
        ]

    @property
    def is_filtered(self) -> bool:
        return any(f.selected for f in self.filters)

    def queryset(self) -> QuerySet[Scorecard]:
        qs = public_scorecards().select_related("organisation", "country", "cycle")
        if self.country:
            qs = qs.filter(country_id=self.country)
        if self.organisation:
            qs = qs.filter(organisation__slug=self.organisation)
        if self.place_kind:
            qs = qs.filter(place_kind=self.place_kind)
        if self.year:
            qs = qs.filter(held_on__year=int(self.year))
        return qs.prefetch_related("cycle__translations").order_by("-held_on", "-id")

    def page(self, number: str | None) -> Page:
        return Paginator(self.queryset(), PAGE_SIZE).get_page(number)

    def query(self) -> str:
        """The filters as a query string, for pagination and export links."""
        return urlencode([(f.name, f.selected) for f in self.filters if f.selected])


# --- The breakdown ----------------------------------------------------------------------
@dataclass(frozen=True)
class GroupView:
    """A participant group as a reader may see it."""

    group: ParticipantGroup
    shown: bool
    # The exact number of people, or ``None`` when withheld ("fewer than N").
    size: int | None
    # Whether the public sees this group (on the full page, small groups are marked).
    public: bool

    @property
    def label(self) -> str:
        return self.group.label


@dataclass(frozen=True)
class Cell:
    """One group's score of one indicator; ``shown`` is False when the group is withheld."""

    group: GroupView
    score: int | None
    reasons: str

    @property
    def shown(self) -> bool:
        return self.group.shown


@dataclass(frozen=True)
class ItemView:
    item: ScorecardItem
    label: str
    cells: tuple[Cell, ...]
    # The mean of the scores of the groups shown that scored it (None: none did).
    average: float | None
    groups_counted: int
    people_counted: int
    self_score: int | None
    self_reasons: str


@dataclass(frozen=True)
class Breakdown:
    """A scorecard's scores, with small groups withheld unless ``full``."""

    scorecard: Scorecard
    full: bool
    threshold: int
    groups: tuple[GroupView, ...]
    items: tuple[ItemView, ...]
    actions: tuple[ActionItem, ...] = field(default=())

    @property
    def withheld(self) -> tuple[GroupView, ...]:
        return tuple(g for g in self.groups if not g.shown)

    @property
    def small_groups(self) -> tuple[GroupView, ...]:
        """Groups under the threshold: withheld in public, flagged on the full page."""
        return tuple(g for g in self.groups if not g.public)

    @property
    def people_shown(self) -> int:
        return sum(g.size or 0 for g in self.groups if g.shown)

    @property
    def withheld_people_bound(self) -> int:
        """An upper bound of the people in withheld groups that reveals no group's size:
        each had fewer than the threshold."""
        return len(self.withheld) * self.threshold

    @property
    def has_scores(self) -> bool:
        return any(cell.score is not None for item in self.items for cell in item.cells)


def _scorecard_parts(
    scorecard: Scorecard,
) -> tuple[list[ParticipantGroup], list[ScorecardItem], dict[tuple[int, int], GroupScore]]:
    groups = list(scorecard.groups.select_related("constituency").order_by("id"))
    items = items_of(scorecard)
    scores = {
        (s.item_id, s.group_id): s for s in GroupScore.objects.filter(item__scorecard=scorecard)
    }
    return groups, items, scores


def breakdown(scorecard: Scorecard, *, full: bool = False) -> Breakdown:
    """The scores per indicator and group: as the public sees them, or (``full``) everything,
    for the organisation's editors only."""
    threshold = disclosure_threshold()
    groups, items, scores = _scorecard_parts(scorecard)
    views = tuple(
        GroupView(
            group=g,
            shown=full or g.size >= threshold,
            size=g.size if full or g.size >= threshold else None,
            public=g.size >= threshold,
        )
        for g in groups
    )
    rows = []
    for item in items:
        cells = []
        counted: list[tuple[int, int]] = []  # (score, people) of the groups in the average
        for view in views:
            score = scores.get((item.pk, view.group.pk))
            if not view.shown:
                cells.append(Cell(group=view, score=None, reasons=""))
                continue
            cells.append(
                Cell(
                    group=view,
                    score=score.score if score else None,
                    reasons=score.reasons if score else "",
                )
            )
            if score:
                counted.append((score.score, view.group.size))
        rows.append(
            ItemView(
                item=item,
                label=item.label,
                cells=tuple(cells),
                average=sum(s for s, _p in counted) / len(counted) if counted else None,
                groups_counted=len(counted),
                people_counted=sum(p for _s, p in counted),
                self_score=item.self_score,
                self_reasons=item.self_reasons,
            )
        )
    actions = tuple(scorecard.actions.all())
    return Breakdown(
        scorecard=scorecard,
        full=full,
        threshold=threshold,
        groups=views,
        items=tuple(rows),
        actions=actions,
    )


def overdue_ids(actions: Iterable[ActionItem], today: date | None = None) -> set[int]:
    today = today or timezone.localdate()
    return {a.pk for a in actions if a.is_overdue(today)}


# --- Progress through the steps --------------------------------------------------------
@dataclass(frozen=True)
class Progress:
    groups: int
    items: int
    scored_groups: frozenset[int]
    self_assessed: int
    has_outcome: bool
    actions: int


def progress(scorecard: Scorecard) -> Progress:
    """How far an exercise has been recorded, for the steps' navigation."""
    items = ScorecardItem.objects.filter(scorecard=scorecard).aggregate(
        total=Count("id"), self_assessed=Count("id", filter=Q(self_score__isnull=False))
    )
    scored = frozenset(
        GroupScore.objects.filter(group__scorecard=scorecard)
        .values_list("group_id", flat=True)
        .distinct()
    )
    return Progress(
        groups=scorecard.groups.count(),
        items=items["total"],
        scored_groups=scored,
        self_assessed=items["self_assessed"],
        has_outcome=bool(scorecard.interface_outcome),
        actions=scorecard.actions.count(),
    )


# --- The list as data -------------------------------------------------------------------
@dataclass(frozen=True)
class Summary:
    """One scorecard in a list export: counts and an average that respect suppression."""

    scorecard: Scorecard
    groups_shown: int
    people_shown: int
    groups_withheld: int
    indicators: int
    average: float | None
    actions: int
    actions_done: int
    actions_overdue: int


def summaries(queryset: QuerySet[Scorecard], *, chunk_size: int = 500) -> Iterator[Summary]:
    """One :class:`Summary` per scorecard, a few queries per ``chunk_size`` scorecards.

    The average is the mean of every score given by a group shown, across the
    scorecard's indicators: withheld groups count nowhere.
    """
    threshold = disclosure_threshold()
    today = timezone.localdate()
    chunk: list[Scorecard] = []
    for scorecard in queryset.iterator(chunk_size=chunk_size):
        chunk.append(scorecard)
        if len(chunk) >= chunk_size:
            yield from _summaries(chunk, threshold, today)
            chunk = []
    if chunk:
        yield from _summaries(chunk, threshold, today)


def _summaries(chunk: list[Scorecard], threshold: int, today: date) -> Iterator[Summary]:
    ids = [s.pk for s in chunk]
    sizes: dict[int, dict[int, int]] = defaultdict(dict)
    for scorecard_id, group_id, size in ParticipantGroup.objects.filter(
        scorecard_id__in=ids
    ).values_list("scorecard_id", "id", "size"):
        sizes[scorecard_id][group_id] = size
    indicators = dict(
        ScorecardItem.objects.filter(scorecard_id__in=ids)
        .values("scorecard_id")
        .annotate(n=Count("id"))
        .values_list("scorecard_id", "n")
    )
    scores: dict[int, list[int]] = defaultdict(list)
    for scorecard_id, score in GroupScore.objects.filter(
        group__scorecard_id__in=ids, group__size__gte=threshold
    ).values_list("group__scorecard_id", "score"):
        scores[scorecard_id].append(score)
    actions: dict[int, list[ActionItem]] = defaultdict(list)
    for action in ActionItem.objects.filter(scorecard_id__in=ids).only(
        "scorecard", "due_on", "progress"
    ):
        actions[action.scorecard_id].append(action)
    for scorecard in chunk:
        group_sizes = sizes.get(scorecard.pk, {})
        shown = [size for size in group_sizes.values() if size >= threshold]
        given = scores.get(scorecard.pk, [])
        plan = actions.get(scorecard.pk, [])
        yield Summary(
            scorecard=scorecard,
            groups_shown=len(shown),
            people_shown=sum(shown),
            groups_withheld=len(group_sizes) - len(shown),
            indicators=indicators.get(scorecard.pk, 0),
            average=sum(given) / len(given) if given else None,
            actions=len(plan),
            actions_done=sum(1 for a in plan if a.progress == ActionItem.Progress.DONE),
            actions_overdue=sum(1 for a in plan if a.is_overdue(today)),
        )
