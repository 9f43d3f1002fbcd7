"""What a shadow report says: assembled once, in the report's language, for both renderers.

The content is a flat list of blocks (headings, paragraphs, lists, tables and
figures) that :mod:`.docx` and :mod:`.pdf` turn into their formats, so the two
files cannot disagree. Everything is read from the models here, inside
``translation.override(report.language)``: labels, statuses, numbers, dates and
the direction of the charts all follow the report, not the person who clicked.

Privacy: scorecard figures come from
:mod:`sauti.commitments.scorecard_selectors`, which withholds every group of
fewer people than :func:`~sauti.core.privacy.disclosure_threshold` and leaves
them out of every average; nothing about such a group reaches a report.
Only public data goes in: organisations and scorecards that are hidden, and
scorecards that are not published, are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from babel.dates import format_date
from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sauti.commitments import scorecard_selectors
from sauti.commitments.models import (
    Consolidated,
    CountryAssessment,
    Evidence,
    Scorecard,
    Status,
)
from sauti.commitments.scorecard_charts import score_text, scorecard_chart
from sauti.commitments.selectors import frameworks, most_common, status_label
from sauti.core import charts
from sauti.core.i18n import current_locale, language_name
from sauti.core.privacy import disclosure_threshold
from sauti.mechanisms.gaps import FACTS, country_gaps
from sauti.mechanisms.models import CaseStudy, Mechanism, Source

from .models import ShadowReport

MAX_CHARTS = 10
# The mechanism figures of the toolkit's gap analysis (the 2017 study of Brazil's councils).
KEY_FACTS = (
    "legal_basis",
    "has_budget",
    "has_secretariat",
    "has_office",
    "publishes_minutes",
    "gives_feedback",
)
PROGRESS = (Status.IN_PROGRESS, Status.LARGELY_ACHIEVED)

Progress = Callable[[int], None]


# --- Blocks -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Plain text; a line break inside it is kept. ``style``: "" or "note"."""

    text: str
    style: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Columns holding numbers (aligned to the end of the cell).
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A chart: the SVG of :mod:`sauti.core.charts` and its numbers as a table."""

    title: str
    svg: SafeString
    table: Table


Block = Heading | Paragraph | Bullets | Table | Figure


@dataclass
class ReportContent:
    language: str
    rtl: bool
    title: str
    # Under the title: who, where, when.
    lines: tuple[str, ...]
    blocks: list[Block] = field(default_factory=list)

    @property
    def figures(self) -> list[Figure]:
        return [block for block in self.blocks if isinstance(block, Figure)]


def paragraphs(text: str) -> list[Paragraph]:
    """Plain text split into paragraphs at blank lines."""
    chunks = [chunk.strip() for chunk in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(chunk) for chunk in chunks if chunk]


def _date(value) -> str:  # type: ignore[no-untyped-def]
    return format_date(value, format="long", locale=current_locale())


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


class _Charts:
    """Hands out at most :data:`MAX_CHARTS` figures; after that, the table alone."""

    def __init__(self, limit: int = MAX_CHARTS) -> None:
        self.left = limit

    def add(self, blocks: list[Block], title: str, svg: SafeString | None, table: Table) -> None:
        if svg is not None and self.left > 0:
            self.left -= 1
            blocks.append(Figure(title=title, svg=svg, table=table))
        else:
            blocks.append(table)


def _chart_table(table: charts.ChartTable) -> Table:
    return Table(
        caption=table.caption,
        headers=table.headers,
        rows=tuple((row.label, *row.cells) for row in table.rows),
        numeric=tuple(range(1, len(table.headers))),
    )


# --- Sections ------------------------------------------------------------------------------
def _commitments(report: ShadowReport, blocks: list[Block], figures: _Charts) -> None:
    country, cycle = report.country, report.cycle
    assessments = CountryAssessment.objects.filter(
        country=country, cycle=cycle, organisation__hidden_at__isnull=True
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for commitment_id, status, n in (
        assessments.values_list("commitment_id", "status").annotate(n=Count("id")).order_by()
    ):
        counts[commitment_id][status] = n
    evidence = dict(
        Evidence.objects.filter(
            assessment__country=country,
            assessment__cycle=cycle,
            assessment__organisation__hidden_at__isnull=True,
        )
        .values_list("assessment__commitment_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    consolidated = (
        Consolidated.objects.visible()
        .filter(
            coalition=report.coalition,
            country=country,
            cycle=cycle,
            state=Consolidated.State.PUBLISHED,
        )
        .first()
    )
    entries = {}
    if consolidated is not None:
        entries = {
            entry.commitment_id: entry
            for entry in consolidated.entries.select_related("commitment")
        }

    blocks.append(
        Heading(
            _("Commitments of %(country)s in %(cycle)s") % {"country": country.name, "cycle": cycle}
        )
    )
    if consolidated is not None:
        blocks.append(
            Paragraph(
                _(
                    "The statuses are those of the consolidated assessment %(coalition)s "
                    "published on %(date)s, which weighs what its members recorded."
                )
                % {
                    "coalition": report.coalition.name,
                    "date": _date(timezone.localtime(consolidated.published_at).date())
                    if consolidated.published_at
                    else "–",
                }
            )
        )
        if consolidated.summary:
            blocks.extend(paragraphs(consolidated.summary))
    else:
        blocks.append(
            Paragraph(
                _(
                    "%(coalition)s has not published a consolidated assessment for this cycle: "
                    "each status is the one most organisations recorded (a tie goes to the "
                    "status that claims less progress), with how many of them recorded it."
                )
                % {"coalition": report.coalition.name}
            )
        )

    shown: dict[str, int] = dict.fromkeys(Status.values, 0)
    progress_rows: list[tuple[str, int, int]] = []
    notes: list[str] = []
    tables = 0
    for framework in frameworks():
        # A framework nobody assessed in this country and cycle says nothing: left out.
        if not any(c.pk in counts or c.pk in entries for c in framework.active):
            continue
        rows = []
        for commitment in framework.active:
            recorded = counts.get(commitment.pk, {})
            total = sum(recorded.values())
            entry = entries.get(commitment.pk)
            if entry is not None:
                status = entry.status
                source = _("Consolidated assessment of %(coalition)s") % {
                    "coalition": report.coalition.name
                }
                if entry.note:
                    notes.append(f"{commitment}: {entry.note}")
            else:
                status = most_common(recorded) or Status.NO_INFORMATION
                source = (
                    ngettext(
                        "%(agree)s of %(total)s organisation",
                        "%(agree)s of %(total)s organisations",
                        total,
                    )
                    % {"agree": recorded.get(status, 0), "total": total}
                    if total
                    else _("No organisation recorded a status")
                )
            shown[status] += 1
            breakdown = "; ".join(
                _("%(status)s: %(count)s")
                % {"status": status_label(value), "count": charts.format_number(recorded[value])}
                for value in Status.values
                if recorded.get(value)
            )
            rows.append(
                (
                    str(commitment),
                    status_label(status),
                    source,
                    breakdown or "–",
                    charts.format_number(evidence.get(commitment.pk, 0)),
                )
            )
            informed = total - recorded.get(Status.NO_INFORMATION, 0)
            if informed:
                progress_rows.append(
                    (str(commitment), sum(recorded.get(s, 0) for s in PROGRESS), informed)
                )
        if rows:
            tables += 1
            blocks.append(
                Table(
                    caption=str(framework),
                    headers=(
                        _("Commitment"),
                        _("Status"),
                        _("Where the status comes from"),
                        _("Statuses organisations recorded"),
                        _("Evidence"),
                    ),
                    rows=tuple(rows),
                    numeric=(4,),
                )
            )
    if not tables:
        blocks.append(
            Paragraph(
                _("No organisation has recorded a status for %(country)s in this cycle yet.")
                % {"country": country.name}
            )
        )
        return
    if notes:
        blocks.append(Heading(_("Notes of the coalition"), 2))
        blocks.append(Bullets(tuple(notes)))

    status_rows = [(status_label(value), shown[value]) for value in Status.values]
    title = _("Commitments by status")
    figures.add(
        blocks,
        title,
        charts.bar_chart(
            status_rows,
            title=title,
            description=_("Number of commitments at each status in this report."),
        )
        if any(n for _label, n in status_rows)
        else None,
        _chart_table(
            charts.bar_table(
                status_rows,
                caption=title,
                label_header=_("Status"),
                value_header=_("Commitments"),
            )
        ),
    )
    if progress_rows:
        title = _("Organisations that see progress, per commitment")
        figures.add(
            blocks,
            title,
            charts.share_bars(
                progress_rows,
                title=title,
                description=_(
                    "Share of the organisations that recorded a status other than "
                    "“no information” and said “in progress” or “largely achieved”."
                ),
            ),
            _chart_table(
                charts.share_table(progress_rows, caption=title, label_header=_("Commitment"))
            ),
        )


def _mechanisms(report: ShadowReport, blocks: list[Block], figures: _Charts) -> int:
    """The mechanism gap figures; returns the number of mechanisms counted."""
    gaps = country_gaps(report.country)
    blocks.append(Heading(_("Participation mechanisms")))
    total = gaps["total"]
    if not total:
        blocks.append(
            Paragraph(
                _("No participation mechanism of %(country)s is recorded in Sauti's registry.")
                % {"country": report.country.name}
            )
        )
        return 0
    blocks.append(
        Paragraph(
            ngettext(
                "Sauti's registry holds %(total)s participation mechanism in %(country)s; "
                "%(assessed)s of them have been assessed.",
                "Sauti's registry holds %(total)s participation mechanisms in %(country)s; "
                "%(assessed)s of them have been assessed.",
                total,
            )
            % {
                "total": charts.format_number(total),
                "country": report.country.name,
                "assessed": charts.format_number(gaps["assessed"]),
            }
        )
    )
    if gaps["missing"]:
        blocks.append(Heading(_("What is missing"), 2))
        blocks.append(Bullets(tuple(gaps["missing"])))
    rows = [row for fact, row in zip(FACTS, gaps["facts"], strict=False) if fact.key in KEY_FACTS]
    title = _("Share of mechanisms with a legal basis, resources and accountability")
    table = Table(
        caption=title,
        headers=(_("Feature"), _("Share of known answers"), _("Yes"), _("No"), _("Not known")),
        rows=tuple(
            (
                row.label,
                row.share,
                charts.format_number(row.yes),
                charts.format_number(row.no),
                charts.format_number(row.unknown),
            )
            for row in rows
        ),
        numeric=(2, 3, 4),
    )
    known = [(row.label, row.yes, row.yes + row.no) for row in rows if row.yes + row.no]
    figures.add(
        blocks,
        title,
        charts.share_bars(
            known,
            title=title,
            description=_("Each share counts only the mechanisms for which the answer is known."),
        )
        if known
        else None,
        table,
    )
    scores = gaps.get("scores")
    if scores is not None:
        figures.add(blocks, scores.table.caption, scores.chart, _chart_table(scores.table))
    return total


def _scorecards(report: ShadowReport, blocks: list[Block], figures: _Charts) -> None:
    queryset = (
        Scorecard.objects.visible()
        .filter(
            is_published=True,
            country=report.country,
            organisation__hidden_at__isnull=True,
        )
        .filter(Q(cycle=report.cycle) | Q(cycle__isnull=True))
        .select_related("organisation")
        .order_by("-held_on", "-id")
    )
    summaries = list(scorecard_selectors.summaries(queryset))
    blocks.append(Heading(_("Community scorecards")))
    if not summaries:
        blocks.append(
            Paragraph(
                _("No community scorecard of %(country)s is published for this cycle.")
                % {"country": report.country.name}
            )
        )
        return
    blocks.append(
        Paragraph(
            _(
                "Participants score each indicator from 1 (very bad) to 5 (very good). "
                "To protect participants, a group of fewer than %(threshold)s people is not "
                "shown, and its scores count in no average."
            )
            % {"threshold": disclosure_threshold()}
        )
    )
    rows = []
    averages = []
    for summary in summaries:
        scorecard = summary.scorecard
        place = f"{scorecard.place_name} ({_date(scorecard.held_on)})"
        rows.append(
            (
                scorecard.place_name,
                _date(scorecard.held_on),
                scorecard.organisation.name,
                charts.format_number(summary.people_shown),
                score_text(summary.average),
                _("%(done)s of %(total)s")
                % {
                    "done": charts.format_number(summary.actions_done),
                    "total": charts.format_number(summary.actions),
                },
            )
        )
        if summary.average is not None:
            averages.append((place, round(summary.average, 1)))
    title = _("Average score of each scorecard")
    table = Table(
        caption=_("Community scorecards"),
        headers=(
            _("Place"),
            _("Date"),
            _("Organisation"),
            _("People in the groups shown"),
            _("Average score (groups shown)"),
            _("Actions done"),
        ),
        rows=tuple(rows),
        numeric=(3, 4),
    )
    blocks.append(table)
    if averages:
        figures.add(
            blocks,
            title,
            charts.bar_chart(
                averages,
                title=title,
                description=_("Average of the scores given by the groups shown, from 1 to 5."),
                max_value=5,
                value_format=score_text,
            ),
            _chart_table(
                charts.bar_table(
                    averages,
                    caption=title,
                    label_header=_("Scorecard"),
                    value_header=_("Average score"),
                    value_format=score_text,
                )
            ),
        )
    for summary in summaries:
        if figures.left <= 0:
            break
        if summary.average is None:
            continue
        scorecard = summary.scorecard
        data = scorecard_selectors.breakdown(scorecard)
        if not data.items:
            continue
        blocks.append(Heading(f"{scorecard.place_name} ({_date(scorecard.held_on)})", 2))
        figures.add(
            blocks,
            _("Average score per indicator, and the provider's self-assessment"),
            scorecard_chart(data),
            Table(
                caption=_("Average score per indicator, and the provider's self-assessment"),
                headers=(_("Indicator"), _("Participants' average"), _("Self-assessment")),
                rows=tuple(
                    (item.label, score_text(item.average), score_text(item.self_score))
                    for item in data.items
                ),
                numeric=(1, 2),
            ),
        )
        if scorecard.interface_outcome:
            blocks.append(Heading(_("Outcome of the interface meeting"), 3))
            blocks.extend(paragraphs(scorecard.interface_outcome))


def _in_language(study: CaseStudy, language: str) -> str:
    """The language to read a case study in: the report's, else its original, else any."""
    available = study.get_available_languages()
    for candidate in (language, study.original_language):
        if candidate in available:
            return candidate
    return available[0] if available else language


def _case_studies(report: ShadowReport, blocks: list[Block]) -> list[CaseStudy]:
    studies = list(
        report.case_studies.select_related("mechanism").prefetch_related(
            "translations", "mechanism__translations"
        )
    )
    if not studies:
        return []
    blocks.append(Heading(_("Case studies")))
    for study in studies:
        shown_in = _in_language(study, report.language)
        study.set_current_language(shown_in)
        blocks.append(Heading(study.safe_translation_getter("title", any_language=True), 2))
        about = [study.country.name]
        if study.mechanism is not None and not study.mechanism.is_hidden:
            about.append(str(study.mechanism))
        blocks.append(Paragraph(" · ".join(about), style="note"))
        if shown_in != report.language:
            blocks.append(
                Paragraph(
                    _("This case study is not translated; it is shown in %(language)s.")
                    % {"language": language_name(shown_in)},
                    style="note",
                )
            )
        blocks.extend(paragraphs(study.safe_translation_getter("summary", default="")))
        for label, name in ((_("What worked"), "what_worked"), (_("Challenges"), "challenges")):
            text = study.safe_translation_getter(name, default="")
            if text:
                blocks.append(Heading(label, 3))
                blocks.extend(paragraphs(text))
    return studies


def _sources(
    report: ShadowReport, studies: list[CaseStudy], mechanisms_total: int
) -> tuple[tuple[str, str, str], ...]:
    """(title, link, what it supports) of every source the report rests on, once each."""
    found: dict[tuple[str, str], str] = {}

    def add(title: str, link: str, used_for: str) -> None:
        key = (title.strip() or link, link)
        found.setdefault(key, used_for)

    country = report.country
    add(
        _("Sauti: commitments of %(country)s") % {"country": country.name},
        _absolute(reverse("commitments:country", args=[country.code.lower()])),
        _("Statuses recorded by organisations and coalitions"),
    )
    if mechanisms_total:
        add(
            _("Sauti: gap analysis of the participation mechanisms of %(country)s")
            % {"country": country.name},
            _absolute(reverse("mechanisms:gaps_country", args=[country.code.lower()])),
            _("Mechanism gap figures"),
        )
    evidence = (
        Evidence.objects.filter(
            assessment__country=country,
            assessment__cycle=report.cycle,
            assessment__organisation__hidden_at__isnull=True,
        )
        .select_related("assessment__organisation", "assessment__commitment")
        .order_by("assessment__commitment__number", "assessment__organisation__name", "id")
    )
    cited: set[int] = set()
    for item in evidence:
        if item.url:
            link = item.url
        elif item.document:
            link = _absolute(reverse("commitments:evidence_document", args=[item.pk]))
        elif item.mechanism_id:
            link = _absolute(reverse("mechanisms:detail", args=[item.mechanism_id]))
        else:
            link = ""
        if item.mechanism_id:
            cited.add(item.mechanism_id)
        add(
            item.title,
            link,
            _("Evidence on commitment %(number)s, from %(organisation)s")
            % {
                "number": item.assessment.commitment.number,
                "organisation": item.assessment.organisation.name,
            },
        )
    cited |= {study.mechanism_id for study in studies if study.mechanism_id}
    mechanisms = {
        m.pk: m
        for m in Mechanism.objects.visible().filter(pk__in=cited).prefetch_related("translations")
    }
    for source in Source.objects.filter(mechanism_id__in=list(mechanisms)).order_by(
        "mechanism_id", "id"
    ):
        if source.url:
            link = source.url
        elif source.document:
            link = _absolute(reverse("mechanisms:source_document", args=[source.pk]))
        else:
            link = ""
        add(
            source.title,
            link,
            _("Source on the mechanism %(mechanism)s")
            % {"mechanism": mechanisms[source.mechanism_id]},
        )
    for study in studies:
        title = study.safe_translation_getter("title", any_language=True)
        for item in study.sources or []:
            if not isinstance(item, dict):
                continue
            add(
                str(item.get("title", "")),
                str(item.get("url", "")),
                _("Source of the case study “%(title)s”") % {"title": title},
            )
    return tuple((title, link, used) for (title, link), used in found.items())


# --- The whole report -------------------------------------------------------------------------
def assemble(report: ShadowReport, progress: Progress | None = None) -> ReportContent:
    """Everything the report says, in its language; ``progress`` hears percentages (5–60)."""
    step = progress or (lambda percent: None)
    with translation.override(report.language):
        # The cycle was loaded in the language of whoever asked; it speaks the report's.
        report.cycle.set_current_language(report.language)
        content = ReportContent(
            language=report.language,
            rtl=translation.get_language_bidi(),
            title=report.title,
            lines=(
                report.coalition.name,
                _("%(country)s · %(cycle)s")
                % {"country": report.country.name, "cycle": report.cycle},
                _("Generated on %(date)s") % {"date": _date(timezone.localdate())},
            ),
        )
        blocks = content.blocks
        figures = _Charts()
        if report.foreword:
            blocks.append(Heading(_("Foreword")))
            blocks.extend(paragraphs(report.foreword))
        _commitments(report, blocks, figures)
        step(20)
        mechanisms_total = _mechanisms(report, blocks, figures)
        step(35)
        if report.include_scorecards:
            _scorecards(report, blocks, figures)
        step(50)
        studies = _case_studies(report, blocks)
        if report.recommendations:
            blocks.append(Heading(_("Recommendations")))
            blocks.extend(paragraphs(report.recommendations))
        sources = _sources(report, studies, mechanisms_total)
        blocks.append(Heading(_("Sources")))
        blocks.append(
            Table(
                caption=_("Sources"),
                headers=("#", _("Source"), _("Link"), _("What it supports")),
                rows=tuple(
                    (charts.format_number(number), title, link, used)
                    for number, (title, link, used) in enumerate(sources, start=1)
                ),
                numeric=(0,),
            )
        )
        step(60)
    return content
