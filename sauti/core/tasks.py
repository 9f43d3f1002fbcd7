"""Background tasks of the core app (run by ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task

from .mail import send_now


@task()
def send_email(
    *, subject: str, body: str, to: list[str], headers: dict[str, str], html: str = ""
) -> None:
    """Send one already-rendered email."""
    send_now(subject=subject, body=body, to=to, headers=headers, html=html)
