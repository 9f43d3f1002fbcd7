"""Background tasks of monitoring (run by ``manage.py db_worker``).

Building an indicator's cells over a large form takes seconds to minutes; the
page that saved the indicator says the figures are being computed meanwhile.
"""

from __future__ import annotations

from django_tasks import task

from . import aggregates
from .models import Indicator


@task()
def rebuild_indicator_cells(*, indicator_id: int) -> bool:
    """Build one indicator's cells from its form's counted submissions."""
    indicator = Indicator.objects.filter(pk=indicator_id).first()
    if indicator is None:  # deleted meanwhile
        return False
    aggregates.rebuild_indicator(indicator)
    return True
