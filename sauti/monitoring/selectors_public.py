"""What the public may see of a monitoring project, built in one place.

The public dashboard and the team's "what is published" preview render the
same :class:`PublicPage`, so what a coordinator checks before publishing is
exactly what the public gets. Everything here is already disclosure-controlled:

- indicators: only ``is_public`` ones, through :func:`indicators.compute` with
  ``k = project.k`` and their own grouping only (a second grouping
  of the same figures could be subtracted from the first);
- sites: coordinates rounded to ``public_coordinate_decimals``, never the exact
  ones, and per-site counts of approved submissions through ``protect_groups``;
- barrier reports: one area × kind table through ``protect_table`` (its row and
  column totals are the counts by area and by kind, so no second table can be
  subtracted from it); an area is named only when it is a public site's area,
  never as a reporter typed it;
- free text: only :class:`PublicText` a reviewer approved (and, for an answer,
  only while its submission still counts). Barrier outcomes never: "the reporter
  may read the outcome" means through the follow-up code, and an outcome can
  name the person it happened to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.numbers import format_percent
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sauti.core import charts
from sauti.core.i18n import current_locale

from . import indicators, panels
from .disclosure import Figure, ProtectedTable, protect_table
from .models import BarrierReport, Indicator, Project, PublicText, Submission
from .services_publication import looks_like_free_text


def published_projects() -> QuerySet[Project]:
    """Projects anyone may read: published and not hidden by a moderator."""
    return (
        Project.objects.visible()
        .filter(is_published=True)
        .select_related("organisation")
        .prefetch_related("countries")
        .order_by("-published_at", "-id")
    )


def is_public(project: Project) -> bool:
    return project.is_published and not project.is_hidden


# --- Formatting ----------------------------------------------------------------------------


def format_figure(indicator: Indicator, value: Any) -> str:
    """A published figure as a reader sees it (a share as a percentage)."""
    if indicator.kind == Indicator.Kind.SHARE:
        return format_percent(float(value), locale=current_locale())
    if indicator.kind == Indicator.Kind.MEAN:
        return charts.format_number(round(float(value), 1))
    return charts.format_number(value)


def coarse(value: Decimal | None, decimals: int) -> Decimal | None:
    """A coordinate rounded to ``decimals`` places (0: about 100 km, 2: about 1 km)."""
    if value is None:
        return None
    decimals = max(0, min(int(decimals), 2))
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


# --- Indicators ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicIndicator:
    panel: panels.Panel
    total_text: str  # the published total, or why it is withheld
    target_text: str  # "" when the indicator has no target
    target_met: bool | None  # None: no target, or the total is withheld

    @property
    def result(self) -> indicators.Result:
        return self.panel.result


def public_indicators(project: Project) -> list[Indicator]:
    """The public indicators, all at one spatial level: by site, or by area (and by quarter).

    An area is the sum of its sites, so a site withheld in one public table
    could be recovered from its area's figure in another. ``Indicator.clean``
    refuses the mix; this guards data written around it (the first level in
    the indicators' order wins).
    """
    chosen = list(project.indicators.filter(is_public=True).select_related("form"))
    spatial = [i.group_by for i in chosen if i.group_by != Indicator.GroupBy.QUARTER]
    if spatial:
        chosen = [i for i in chosen if i.group_by in (spatial[0], Indicator.GroupBy.QUARTER)]
    return chosen


def public_indicator(indicator: Indicator, k: int, *, every_group: bool = False) -> PublicIndicator:
    result = indicators.compute(indicator, k=k)
    panel = panels.panel(result, limit=None if every_group else panels.MAX_GROUPS_SHOWN)
    total = result.total
    value = total.shown_value
    met = indicators.target_met(indicator, value)
    target_text = panels.target_text(indicator)
    return PublicIndicator(
        panel=panel, total_text=panel.total_text, target_text=target_text, target_met=met
    )


# --- Sites ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicSite:
    pk: int
    name: str
    kind: str
    area: str
    country: str
    latitude: Decimal | None
    longitude: Decimal | None


def public_sites(project: Project) -> list[PublicSite]:
    """The project's sites with coarse coordinates, and nothing counted about them.

    Counts per site are published only through the public indicators: a second
    table of counts per site (all submissions, say) would be protected on its
    own, and subtracting one table from the other could recover a withheld site.
    """
    decimals = project.public_coordinate_decimals
    return [
        PublicSite(
            pk=site.pk,
            name=site.name,
            kind=site.get_kind_display(),
            area=site.area.strip(),
            country=site.country.name,
            latitude=coarse(site.latitude, decimals),
            longitude=coarse(site.longitude, decimals),
        )
        for site in project.sites.select_related("country").order_by("name", "id")
    ]


def sites_geojson(project: Project) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the sites that have coordinates, coarse, counts protected."""
    k = project.k
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(site.longitude), float(site.latitude)],
            },
            "properties": {
                "name": site.name,
                "kind": site.kind,
                "area": site.area,
                "country": site.country,
            },
        }
        for site in public_sites(project)
        if site.latitude is not None and site.longitude is not None
    ]
    return {
        "type": "FeatureCollection",
        "properties": {
            "project": project.title,
            "smallest_group_published": k,
            "coordinate_decimals": project.public_coordinate_decimals,
        },
        "features": features,
    }


# --- Barrier reports -----------------------------------------------------------------------


@dataclass(frozen=True)
class BarrierPatterns:
    kinds: list[str]  # column labels
    areas: list[str]  # row labels
    table: ProtectedTable
    reports: int  # how many reports the table rests on (shown only when the total is)

    @property
    def rows(self) -> list[tuple[str, tuple[Figure, ...], Figure]]:
        return [
            (area, self.table.cells[r], self.table.row_totals[r])
            for r, area in enumerate(self.areas)
        ]


def barrier_patterns(project: Project, k: int) -> BarrierPatterns:
    """Reports counted by area and kind in one protected table (totals: by kind, by area)."""
    site_areas = {
        area.strip().casefold(): area.strip()
        for area in project.sites.exclude(area="").values_list("area", flat=True)
        if area.strip()
    }
    elsewhere = _("Elsewhere or not given")
    counts: Counter[tuple[str, str]] = Counter()
    for barrier, site_area, area in BarrierReport.objects.filter(project=project).values_list(
        "barrier", "site__area", "area"
    ):
        typed = (site_area or area or "").strip().casefold()
        counts[site_areas.get(typed, elsewhere), barrier] += 1
    kinds = list(BarrierReport.Barrier.values)
    areas = sorted({area for area, _kind in counts} - {elsewhere}, key=str.casefold)
    areas.append(elsewhere)
    grid = [[counts[area, kind] for kind in kinds] for area in areas]
    return BarrierPatterns(
        kinds=[BarrierReport.Barrier(kind).label for kind in kinds],
        areas=areas,
        table=protect_table(grid, k),
        reports=sum(counts.values()),
    )


def public_texts(project: Project) -> QuerySet[PublicText]:
    """Approved free text; an answer's only while its submission still counts in the figures."""
    return (
        PublicText.objects.filter(project=project)
        .filter(
            Q(barrier__isnull=False)
            | Q(submission__is_current=True, submission__status=Submission.Status.APPROVED)
        )
        .only("pk", "text", "approved_at", "barrier_id", "submission_id")
        .order_by("-approved_at", "-id")
    )


# --- The page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicPage:
    project: Project
    k: int
    indicators: list[PublicIndicator]
    sites: list[PublicSite]
    barriers: BarrierPatterns
    texts: list[PublicText]

    def as_context(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "k": self.k,
            "public_indicators": self.indicators,
            "public_sites": self.sites,
            "barriers": self.barriers,
            "public_texts": self.texts,
        }


def public_page(project: Project, *, only_indicator: int | None = None) -> PublicPage:
    """Everything the public dashboard shows, already protected (also the team's preview).

    With ``only_indicator``, that one public indicator is shown alone, with all its groups.
    """
    k = project.k
    chosen = public_indicators(project)
    if only_indicator is not None:
        chosen = [indicator for indicator in chosen if indicator.pk == only_indicator]
    return PublicPage(
        project=project,
        k=k,
        indicators=[
            public_indicator(indicator, k, every_group=only_indicator is not None)
            for indicator in chosen
        ],
        sites=public_sites(project),
        barriers=barrier_patterns(project, k),
        texts=list(public_texts(project)),
    )


# --- Feed to the commitments scorecards -----------------------------------------------------


@dataclass(frozen=True)
class CommunityFigure:
    project: Project
    indicator: Indicator
    figure: str
    respondents: int


def scorecard_feed(scorecard: Any) -> list[tuple[Any, list[CommunityFigure]]]:
    """Published community-monitoring totals for a scorecard's library indicators, per item.

    Only public indicators of published, visible projects that cover the
    scorecard's country, and only totals that pass disclosure control.
    """
    items = [item for item in scorecard.items.all() if item.indicator_id]
    if not items:
        return []
    linked = (
        Indicator.objects.filter(
            is_public=True,
            scorecard_indicator_id__in={item.indicator_id for item in items},
            project__is_published=True,
            project__hidden_at__isnull=True,
            project__countries=scorecard.country_id,
        )
        .select_related("project")
        .distinct()
        .order_by("project__title", "order", "id")
    )
    by_library: dict[int, list[CommunityFigure]] = {}
    for indicator in linked:
        total = indicators.compute(indicator, k=indicator.project.k).total
        if not total.published or total.shown_value is None or not total.count:
            continue
        value = total.shown_value
        by_library.setdefault(indicator.scorecard_indicator_id, []).append(
            CommunityFigure(
                project=indicator.project,
                indicator=indicator,
                figure=format_figure(indicator, value),
                respondents=total.count,
            )
        )
    return [
        (item, by_library[item.indicator_id]) for item in items if item.indicator_id in by_library
    ]


# --- Candidate free text (for the team's approval page) ------------------------------------

TEXT_PAGE_SIZE = 50


@dataclass(frozen=True)
class AnswerCandidate:
    submission: Submission
    field: str
    text: str


def answer_submissions(project: Project) -> QuerySet[Submission]:
    """Approved, current submissions: the only ones whose answers may be published."""
    return (
        Submission.objects.filter(
            project=project, is_current=True, status=Submission.Status.APPROVED
        )
        .select_related("site", "form_version__form")
        .only("pk", "data", "received_at", "site__name", "form_version__form__title", "project_id")
        .order_by("-received_at", "-id")
    )


def answer_candidates(submissions: list[Submission]) -> list[AnswerCandidate]:
    """The free-text answers of these submissions not yet published."""
    done = set(
        PublicText.objects.filter(submission__in=submissions).values_list("submission_id", "field")
    )
    return [
        AnswerCandidate(submission=submission, field=path, text=value.strip())
        for submission in submissions
        for path, value in sorted(submission.data.items())
        if looks_like_free_text(path, value) and (submission.pk, path) not in done
    ]


def barrier_candidates(project: Project) -> QuerySet[BarrierReport]:
    """Barrier accounts not yet published (the contact is never read here)."""
    return (
        BarrierReport.objects.filter(project=project, public_texts__isnull=True)
        .exclude(description="")
        .only("pk", "barrier", "description", "created_at", "project_id")
        .order_by("-created_at", "-id")
    )


def approved_texts(project: Project) -> QuerySet[PublicText]:
    return (
        PublicText.objects.filter(project=project)
        .select_related("approved_by")
        .order_by("-approved_at", "-id")
    )
