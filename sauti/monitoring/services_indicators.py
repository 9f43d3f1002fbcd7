"""Defining indicators: saving one rebuilds its cells (the worker does it for a large form).

Every change is audit-logged.
"""

from __future__ import annotations

from django.db import transaction

from sauti.core.services import log_action

from . import aggregates
from .models import Indicator


def save_indicator(indicator: Indicator, *, acting_user: object) -> Indicator:
    """Store a checked indicator, rebuild its cells and log who did it."""
    creating = indicator.pk is None
    indicator.full_clean()
    with transaction.atomic():
        if creating:
            indicator.created_by = acting_user if getattr(acting_user, "pk", None) else None
        indicator.cells_built_at = None  # the old cells no longer match the definition
        indicator.save()
        log_action(
            "monitoring.indicator_create" if creating else "monitoring.indicator_update",
            acting_user=acting_user,
            target=indicator,
            data={"project": indicator.project_id, "kind": indicator.kind},
        )
    aggregates.build_or_queue(indicator)
    return indicator


def delete_indicator(indicator: Indicator, *, acting_user: object) -> None:
    """Delete an indicator (its cells go with it) and log it against the project."""
    with transaction.atomic():
        log_action(
            "monitoring.indicator_delete",
            acting_user=acting_user,
            target=indicator.project,
            data={"indicator": indicator.pk, "title": indicator.title},
        )
        indicator.delete()
