"""Create the coming years' opportunities from the recurring moments (safe to run again)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sauti.opportunities.models import RecurringMoment
from sauti.opportunities.services import generate_occurrences


class Command(BaseCommand):
    help = "Generate opportunities for the coming years from the recurring moments."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--years", type=int, default=3, help="How many years, this one included."
        )
        parser.add_argument("--from-year", type=int, default=None)

    def handle(self, *args: Any, years: int, from_year: int | None, **options: Any) -> None:
        first = from_year or timezone.localdate().year
        wanted = list(range(first, first + max(1, min(years, 20))))
        created = 0
        for moment in RecurringMoment.objects.filter(is_active=True).prefetch_related(
            "translations", "topics"
        ):
            created += len(generate_occurrences(moment, wanted))
        self.stdout.write(f"{created} opportunities created for {wanted[0]}–{wanted[-1]}.")
