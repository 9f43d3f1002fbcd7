"""Send the reminders due before deadlines to engage (run it daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sauti.opportunities.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "Queue the reminders due before the deadlines to engage, including any missed "
        "on days the command did not run (safe to run again)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_deadline_reminders()
        self.stdout.write(f"{sent} reminders queued.")
