"""What the checks of an uploaded file (sites, submissions) have in common.

A file is checked whole before anything is written: every problem is counted,
the first :data:`MAX_PROBLEMS_KEPT` are kept to show (naming row and column),
and the file is clean only with rows and no problem at all.
"""

from __future__ import annotations

from typing import Any, NamedTuple

MAX_PROBLEMS_KEPT = 200


class Problem(NamedTuple):
    """One reason the file cannot be imported; ``row`` is None for the whole file."""

    row: int | None
    column: str
    message: str


class ProblemsFound:
    """Mixin for the outcome of a check (a dataclass with rows, problems, problem_count)."""

    rows: list[Any]
    problems: list[Problem]
    problem_count: int

    @property
    def ok(self) -> bool:
        return self.problem_count == 0 and bool(self.rows)

    @property
    def hidden_problem_count(self) -> int:
        return self.problem_count - len(self.problems)

    def add(self, row: int | None, column: str, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(Problem(row, column, message))
