"""Send this week's digest of the advocacy calendar to subscribers (run it weekly, e.g. Monday)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sauti.opportunities.digest import send_weekly_digest


class Command(BaseCommand):
    help = (
        "Email the weekly digest of the advocacy calendar to confirmed subscribers who "
        "have not had it this week (safe to run again)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Render and count the digests; send nothing and mark nobody.",
        )
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args: Any, dry_run: bool, batch_size: int, **options: Any) -> None:
        result = send_weekly_digest(batch_size=max(1, batch_size), dry_run=dry_run)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(
            f"{result.sent} digests {verb}; {result.skipped} subscribers skipped "
            f"(nothing for them this week); {result.rendered} distinct digests rendered."
        )
