"""Pre-aggregated indicator cells, kept exact whenever a submission starts or stops counting.

A dashboard over a million submissions cannot re-read them on every request,
so each indicator keeps one :class:`~sauti.monitoring.models.IndicatorCell` per
(site, quarter): how many respondents it counted, how many gave the share's
answer, and the sum of the mean's numbers. Dashboards group cells (by site,
area, quarter or in total) and run disclosure control on the groups at read
time; cells themselves are never shown.

*Never stale*: a cell is not patched with +1/−1 (which drifts as soon as one
update is missed) but recomputed from its own submissions — a few hundred at
most — whenever a submission that counts, or counted, is saved or deleted.
The signal handlers below see every ``save()``: review, an edit replacing a
submission, the web form, the import, the admin. Code that changes
submissions with ``QuerySet.update()`` must call :func:`refresh_for` itself
(``services_review.approve_many`` does).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

from .models import (
    FormVersion,
    Indicator,
    IndicatorCell,
    Project,
    Site,
    Submission,
)

NO_SITE = 0
BATCH = 2000

# A cell's key: (form pk, site pk or None, first day of the quarter).
CellKey = tuple[int, int | None, date]


def answered(answer: Any) -> bool:
    return answer is not None and str(answer).strip() != ""


def number(answer: Any) -> Decimal | None:
    """The answer as a finite number, or ``None`` (text, blank, NaN, infinity)."""
    if isinstance(answer, bool) or not answered(answer):
        return None
    try:
        value = Decimal(str(answer).strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def contribution(indicator: Indicator, data: dict[str, Any]) -> tuple[int, int, float] | None:
    """What one submission adds to its cell: (respondents, hits, sum), or ``None`` if nothing."""
    field = indicator.field.strip()
    answer = data.get(field) if field else None
    if indicator.kind == Indicator.Kind.MEAN:
        value = number(answer)
        return None if value is None else (1, 0, float(value))
    if field and not answered(answer):
        return None
    if indicator.kind == Indicator.Kind.SHARE:
        return (1, int(str(answer).strip() == indicator.value.strip()), 0.0)
    return (1, 0, 0.0)


def _counted(form_pk: int):
    return Submission.objects.filter(
        form_version__form_id=form_pk, status=Submission.Status.APPROVED, is_current=True
    )


def _add(cells: dict, key: tuple, part: tuple[int, int, float]) -> None:
    n, hits, total = cells.get(key, (0, 0, 0.0))
    cells[key] = (n + part[0], hits + part[1], total + part[2])


def _cells(indicators: list[Indicator], rows: Iterable[tuple[int | None, date, dict]]) -> dict:
    """{(indicator pk, site key, quarter): (n, hits, total)} over ``rows`` of submissions."""
    cells: dict[tuple[int, int, date], tuple[int, int, float]] = {}
    for site_id, quarter, data in rows:
        for indicator in indicators:
            part = contribution(indicator, data or {})
            if part is not None:
                _add(cells, (indicator.pk, site_id or NO_SITE, quarter), part)
    return cells


def _write(cells: dict) -> None:
    IndicatorCell.objects.bulk_create(
        [
            IndicatorCell(indicator_id=ind, site_key=site, quarter=quarter, n=n, hits=h, total=t)
            for (ind, site, quarter), (n, h, t) in cells.items()
        ],
        batch_size=BATCH,
    )


def refresh_cell(form_pk: int, site_id: int | None, quarter: date | None) -> None:
    """Recompute every indicator of the form for one site and quarter from its submissions."""
    if quarter is None:
        return
    with transaction.atomic():
        # Locked, so that a full rebuild (the worker's) and this refresh take turns.
        indicators = list(Indicator.objects.select_for_update().filter(form_id=form_pk))
        if not indicators:
            return
        rows = _counted(form_pk).filter(site_id=site_id, quarter=quarter)
        rows = rows.values_list("data", flat=True)
        IndicatorCell.objects.filter(
            indicator__in=indicators, site_key=site_id or NO_SITE, quarter=quarter
        ).delete()
        _write(_cells(indicators, ((site_id, quarter, data) for data in rows.iterator())))


def refresh_for(submissions: Iterable[Submission]) -> None:
    """Recompute the cells the given submissions fall in (each cell once)."""
    keys: set[CellKey] = {
        (s.form_version.form_id, s.site_id, s.quarter) for s in submissions if s.quarter is not None
    }
    for form_pk, site_id, quarter in sorted(keys, key=lambda k: (k[0], k[1] or 0, k[2])):
        refresh_cell(form_pk, site_id, quarter)


def rebuild(indicators: list[Indicator]) -> None:
    """Recompute all cells of indicators of one form in one pass over its counted submissions."""
    if not indicators:
        return
    (form_pk,) = {indicator.form_id for indicator in indicators}
    with transaction.atomic():
        # Taking the lock before reading: a refresh waiting on it runs after, on the new cells.
        list(Indicator.objects.select_for_update().filter(pk__in=[i.pk for i in indicators]))
        rows = _counted(form_pk).values_list("site_id", "quarter", "data")
        rows = rows.iterator(chunk_size=BATCH)
        IndicatorCell.objects.filter(indicator__in=indicators).delete()
        _write(_cells(indicators, ((s, q, d) for s, q, d in rows if q is not None)))
        built_at = timezone.now()
        Indicator.objects.filter(pk__in=[i.pk for i in indicators]).update(cells_built_at=built_at)
        for indicator in indicators:
            indicator.cells_built_at = built_at


def rebuild_indicator(indicator: Indicator) -> None:
    """Recompute an indicator's cells: after it is created or its definition changes."""
    rebuild([indicator])


def rebuild_project(project: Project) -> None:
    """Recompute every indicator of a project (after a bulk load or a site removal)."""
    by_form: dict[int, list[Indicator]] = {}
    for indicator in project.indicators.all():
        by_form.setdefault(indicator.form_id, []).append(indicator)
    for indicators in by_form.values():
        rebuild(indicators)


# Past this many counted submissions, building an indicator's cells (seconds per hundred
# thousand) goes to the worker rather than holding the request that saved the indicator.
SYNC_REBUILD_LIMIT = 50_000


def _too_big_to_build_now(indicator: Indicator) -> bool:
    counted = _counted(indicator.form_id).values("pk")[: SYNC_REBUILD_LIMIT + 1]
    return counted.count() > SYNC_REBUILD_LIMIT


def build_or_queue(indicator: Indicator) -> bool:
    """Build the indicator's cells now if its form is small, else queue it; True when built."""
    if _too_big_to_build_now(indicator):
        from .tasks import rebuild_indicator_cells

        rebuild_indicator_cells.enqueue(indicator_id=indicator.pk)
        return False
    rebuild_indicator(indicator)
    return True


def ensure_built(indicator: Indicator) -> bool:
    """Whether the indicator's cells can be read: built already, or now if the form is small.

    On a large form whose cells are not built (the definition just changed), the
    worker builds them; an indicator written around the pages (a shell) is queued
    here, at most once every ten minutes.
    """
    if indicator.cells_built_at is not None:
        return True
    if not _too_big_to_build_now(indicator):
        rebuild_indicator(indicator)
        return True
    if cache.add(f"monitoring-cells-queued-{indicator.pk}", True, timeout=600):
        from .tasks import rebuild_indicator_cells

        rebuild_indicator_cells.enqueue(indicator_id=indicator.pk)
    return False


# --- Keeping cells exact on every save -----------------------------------------------------
UNKNOWN = "unknown"  # loaded with deferred fields: where it counted is not known without a query
_WHERE = ("form_version_id", "site_id", "quarter", "is_current", "status")


def _where(instance: Submission) -> tuple[int, int | None, date] | None:
    if not (instance.is_current and instance.status == Submission.Status.APPROVED):
        return None
    return (instance.form_version_id, instance.site_id, instance.quarter)


def _remember(sender, instance: Submission, **kwargs) -> None:
    """Note, as loaded, where the submission counted (if it did), to know what a save changes.

    Reads ``__dict__`` only: touching a deferred field here would cost a query per row.
    """
    if instance.__dict__.get("id") is None:  # new (_state.adding is still True while loading)
        instance._cell_before = None
    elif all(name in instance.__dict__ for name in _WHERE):
        instance._cell_before = _where(instance)
    else:
        instance._cell_before = UNKNOWN


def _refresh(keys: set) -> None:
    for version_pk, site_id, quarter in keys - {None}:
        form_pk = (
            FormVersion.objects.filter(pk=version_pk).values_list("form_id", flat=True).first()
        )
        if form_pk is not None:
            refresh_cell(form_pk, site_id, quarter)


def _saved(sender, instance: Submission, update_fields=None, **kwargs) -> None:
    before = getattr(instance, "_cell_before", UNKNOWN)
    after = _where(instance)
    if before == UNKNOWN:
        before = after
        changed = True
    else:
        data_touched = update_fields is None or bool(
            {"data", "site", "collected_on", "quarter"} & set(update_fields)
        )
        changed = before != after or (after is not None and data_touched)
    if changed:
        _refresh({before, after})
    instance._cell_before = after


def _deleted(sender, instance: Submission, origin=None, **kwargs) -> None:
    # When a project, form or site is deleted, its indicators (or the site handler) take care.
    if isinstance(origin, Submission) or getattr(origin, "model", None) is Submission:
        before = getattr(instance, "_cell_before", UNKNOWN)
        _refresh({_where(instance) if before == UNKNOWN else before})


def _site_removed(sender, instance: Site, origin=None, **kwargs) -> None:
    """Submissions of a removed site now count under "no site": rebuild its project's cells."""
    if isinstance(origin, Site) or getattr(origin, "model", None) is Site:
        project = Project.objects.filter(pk=instance.project_id).first()
        if project is not None:
            rebuild_project(project)


def connect() -> None:
    post_init.connect(_remember, sender=Submission, dispatch_uid="monitoring_cells_init")
    post_save.connect(_saved, sender=Submission, dispatch_uid="monitoring_cells_save")
    post_delete.connect(_deleted, sender=Submission, dispatch_uid="monitoring_cells_delete")
    post_delete.connect(_site_removed, sender=Site, dispatch_uid="monitoring_cells_site")
