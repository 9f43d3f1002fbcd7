"""Background tasks of shadow reports (run by ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def generate_report(report_id: int) -> str:
    """Generate a report's DOCX and PDF. In the background because ten charts and a PDF
    take seconds; the report's page shows the progress and reloads itself."""
    return services.generate(report_id)
