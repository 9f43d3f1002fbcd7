"""Disclosure control for public monitoring dashboards: which figures may be shown.

A dashboard shows tables of respondents: sites by period, areas by answer… A
figure resting on fewer than ``k`` people (the project's ``min_group_size``,
default 10, never below five; see ``sauti.core.privacy`` and decision 0012)
can point at them. This module decides, for one table, which figures are
*published* and which are *withheld*. It is pure: counts in, decisions out, no
database, nothing stored pre-suppressed, so raising ``k`` takes effect at once.

The table is additive: every respondent counts in exactly one cell, a row
total is the sum of its cells, a column total the sum of its column, the grand
total the sum of everything. (A multi-select question is not one table: make
each option its own one-way table, "chose it" / "did not".)

The rules, in the order they are applied:

1. **Small groups** (primary suppression). A cell or a total with
   ``0 < count < k`` is withheld.
2. **Zeros.** A zero names nobody, so it is published as 0 when the groups
   around it are large: the grand total is at least k, and the zero's row
   total and column total are both at least k (or one of them is itself 0:
   an empty row is all zeros, which its published total of 0 says already).
   It then says "none of these ten or more people", the same kind of
   statement as the figures beside it, and subtracting 0 from a total
   uncovers nothing. A zero next to a small total is withheld: "0 of the 3
   people at this clinic said no" is "all 3 said yes", a statement about
   fewer than k people. (A table of fewer than k people publishes nothing,
   not even its zeros.)
3. **Complements** (secondary suppression). Otherwise a withheld cell is
   recovered by subtracting the published cells from the published total. So
   in every *line* (a row with its total, a column with its total, the row
   totals with the grand total, the column totals with the grand total):

   - if the line's total is published, either none of its parts is withheld,
     or at least two are *and together they hold at least k people*, so their
     sum (which anyone can compute) is not itself a small group;
   - if the total is withheld, at least one part is withheld too (else the
     total is the sum of the published parts);
   - a line with a single part (a table with one row or one column) has a
     total equal to that part: both are shown or both are withheld.

   Where a line breaks a rule, the *smallest published part that is not zero*
   is withheld as well (a zero adds nobody to the withheld sum; it is taken
   only when nothing else is left), and the lines are checked again until
   none changes (a fixed point).
4. **Combined subtraction.** Lines can also be combined: adding and
   subtracting several published rows and columns can isolate one withheld
   cell even when each line on its own is safe (two withheld blocks joined by
   a single withheld cell, for instance), and counts cannot be negative: a
   withheld part is 0 when the published parts already make the total. Last,
   every withheld figure is checked to be able to move in some table of
   non-negative counts that agrees with everything published (a cycle through
   withheld figures in the table's flow network); any that cannot gets a
   further complement (the smallest published cell in its row or column), and
   rule 3 runs again. A 0 that an empty line's total of 0 gives away is never
   taken as a complement: it protects nothing.

The heuristic is simple and explainable, not optimal: it may withhold more
than a linear-programming cell-suppression method would. It is safe in the
sense the tests check: no published figure rests on fewer than ``k`` people
(zeros aside, as above); no withheld figure can be computed exactly from the
published ones, even knowing that counts are never negative; and wherever
withheld cells can be summed by subtraction, the sum holds at least ``k``
people. What it does not promise: a reader can still *bound* a withheld cell
(between 0 and the withheld sum of its row, say).

Means, rates and shares follow their denominators: a figure's ``value`` (the
mean score at that site in that period, a rate…) is shown only when its count
is, and a share of a row or column total only when both the cell and that
total are published (a share next to a withheld total gives the total away).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sauti.core.privacy import DEFAULT_THRESHOLD, MINIMUM_THRESHOLD

SMALL_GROUP = "small group"  # withheld because it rests on fewer than k people
COMPLEMENT = "complement"  # withheld so that a small group cannot be recovered


@dataclass(frozen=True)
class Figure:
    """One cell or total: how many people it rests on, and whether it is shown."""

    count: int
    value: Any = None
    withheld_as: str = ""  # "", SMALL_GROUP or COMPLEMENT

    @property
    def published(self) -> bool:
        return not self.withheld_as

    @property
    def shown_count(self) -> int | None:
        """The count a reader may see, or ``None`` when it is withheld."""
        return self.count if self.published else None

    @property
    def shown_value(self) -> Any:
        """The mean, rate… resting on this figure, or ``None`` when it is withheld."""
        return self.value if self.published else None


def _share(part: Figure, whole: Figure) -> Fraction | None:
    if part.published and whole.published and whole.count:
        return Fraction(part.count, whole.count)
    return None


@dataclass(frozen=True)
class ProtectedTable:
    """A two-way table after disclosure control; figures keep their true counts."""

    k: int
    cells: tuple[tuple[Figure, ...], ...]
    row_totals: tuple[Figure, ...]
    column_totals: tuple[Figure, ...]
    total: Figure

    def row_share(self, row: int, column: int) -> Fraction | None:
        """The cell's share of its row total, if both are published."""
        return _share(self.cells[row][column], self.row_totals[row])

    def column_share(self, row: int, column: int) -> Fraction | None:
        """The cell's share of its column total, if both are published."""
        return _share(self.cells[row][column], self.column_totals[column])

    @property
    def withheld_cells(self) -> int:
        return sum(not cell.published for row in self.cells for cell in row)


@dataclass(frozen=True)
class ProtectedGroups:
    """A one-way table (groups and their total) after disclosure control."""

    k: int
    groups: tuple[Figure, ...]
    total: Figure

    def share(self, group: int) -> Fraction | None:
        """The group's share of the total, if both are published."""
        return _share(self.groups[group], self.total)

    @property
    def withheld_groups(self) -> int:
        return sum(not group.published for group in self.groups)


def check_threshold(k: int) -> int:
    """``k`` itself, or ``ValueError`` if it would publish groups under five."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise ValueError(f"the smallest group published must be a whole number, not {k!r}")
    if k < MINIMUM_THRESHOLD:
        raise ValueError(f"the smallest group published is never below {MINIMUM_THRESHOLD}")
    return k


def protect_groups(
    counts: Sequence[int],
    k: int = DEFAULT_THRESHOLD,
    *,
    values: Sequence[Any] | None = None,
    total_value: Any = None,
) -> ProtectedGroups:
    """Disclosure control for groups with a total (a one-row table).

    The rules are those of :func:`protect_table` for a single row, worked out
    directly: a dashboard grouped by site has hundreds of groups, and the
    general table machinery is quadratic in them. (A test checks that both
    give the same answer.)
    """
    check_threshold(k)
    counts = list(counts)
    if not counts:
        raise ValueError("a table needs at least one row and one column, all of one width")
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in counts):
        raise ValueError("respondent counts are whole numbers, zero or more")
    total = sum(counts)
    if total < k:  # nothing about fewer than k people, not even its zeros
        reasons = [SMALL_GROUP] * len(counts)
        total_reason = SMALL_GROUP
    else:
        # Zeros are safe here: each group is its own column, and a column of 0 says so.
        reasons = [SMALL_GROUP if 0 < n < k else "" for n in counts]
        total_reason = ""
        hidden = [i for i, reason in enumerate(reasons) if reason]
        while hidden and not (len(hidden) >= 2 and sum(counts[i] for i in hidden) >= k):
            # The smallest published group that is not 0 (a 0 protects nobody).
            shown = [i for i, reason in enumerate(reasons) if not reason and counts[i] > 0]
            if not shown:  # only zeros left: the total would give the hidden group away
                total_reason = COMPLEMENT
                break
            extra = min(shown, key=lambda i: (counts[i], i))
            reasons[extra] = COMPLEMENT
            hidden.append(extra)
    return ProtectedGroups(
        k=k,
        groups=tuple(
            Figure(count=n, value=None if values is None else values[i], withheld_as=reasons[i])
            for i, n in enumerate(counts)
        ),
        total=Figure(count=total, value=total_value, withheld_as=total_reason),
    )


def protect_table(
    counts: Sequence[Sequence[int]],
    k: int = DEFAULT_THRESHOLD,
    *,
    values: Sequence[Sequence[Any]] | None = None,
    row_values: Sequence[Any] | None = None,
    column_values: Sequence[Any] | None = None,
    total_value: Any = None,
) -> ProtectedTable:
    """Disclosure control for a table of respondent counts (rows by columns).

    ``counts[r][c]`` is how many respondents fall in row ``r`` and column
    ``c``; totals are their sums. ``values`` (same shape), ``row_values``,
    ``column_values`` and ``total_value`` are what rests on each count (a mean,
    a rate…) and are shown only with it.
    """
    check_threshold(k)
    grid = [list(row) for row in counts]
    if not grid or not grid[0] or any(len(row) != len(grid[0]) for row in grid):
        raise ValueError("a table needs at least one row and one column, all of one width")
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for row in grid for n in row):
        raise ValueError("respondent counts are whole numbers, zero or more")
    table = _Table(grid, k)
    table.suppress()

    def figure(key: _Key, value: Any) -> Figure:
        return Figure(count=table.count[key], value=value, withheld_as=table.withheld.get(key, ""))

    def pick(seq: Sequence[Any] | None, i: int) -> Any:
        return None if seq is None else seq[i]

    rows, columns = table.rows, table.columns
    return ProtectedTable(
        k=k,
        cells=tuple(
            tuple(figure(("cell", r, c), pick(pick(values, r), c)) for c in range(columns))
            for r in range(rows)
        ),
        row_totals=tuple(figure(("row", r), pick(row_values, r)) for r in range(rows)),
        column_totals=tuple(figure(("column", c), pick(column_values, c)) for c in range(columns)),
        total=figure(("total",), total_value),
    )


_Key = tuple  # ("cell", r, c) | ("row", r) | ("column", c) | ("total",)


class _Table:
    """The working state of one table's suppression."""

    def __init__(self, grid: list[list[int]], k: int):
        self.k = k
        self.rows, self.columns = len(grid), len(grid[0])
        self.count: dict[_Key, int] = {}
        for r, row in enumerate(grid):
            for c, n in enumerate(row):
                self.count["cell", r, c] = n
        for r in range(self.rows):
            self.count["row", r] = sum(grid[r])
        for c in range(self.columns):
            self.count["column", c] = sum(row[c] for row in grid)
        self.count["total",] = sum(map(sum, grid))
        # Each line: (its total, its parts). The total is the sum of the parts.
        cells_of_row = [[("cell", r, c) for c in range(self.columns)] for r in range(self.rows)]
        cells_of_column = [[("cell", r, c) for r in range(self.rows)] for c in range(self.columns)]
        self.lines: list[tuple[_Key, list[_Key]]] = [
            *((("row", r), cells_of_row[r]) for r in range(self.rows)),
            *((("column", c), cells_of_column[c]) for c in range(self.columns)),
            (("total",), [("row", r) for r in range(self.rows)]),
            (("total",), [("column", c) for c in range(self.columns)]),
        ]
        self.withheld: dict[_Key, str] = {}

    def hide(self, key: _Key, reason: str = COMPLEMENT) -> None:
        self.withheld.setdefault(key, reason)

    def suppress(self) -> None:
        self._small_groups()
        while True:
            self._complements()
            exposed = self._exactly_derivable()
            if not exposed:
                return
            self._protect(exposed[0])

    def _small_groups(self) -> None:
        for key, n in self.count.items():
            if 0 < n < self.k or (n == 0 and not self._zero_is_safe(key)):
                self.hide(key, SMALL_GROUP)

    def _zero_is_safe(self, key: _Key) -> bool:
        """Whether a 0 here says nothing about a group of fewer than k people."""
        if self.count["total",] < self.k:
            return False
        if key[0] != "cell":
            return True
        row, column = self.count["row", key[1]], self.count["column", key[2]]
        # In an empty row or column every cell is 0 and the published total
        # (0) says so already; otherwise both groups must be large.
        return row == 0 or column == 0 or (row >= self.k and column >= self.k)

    def _complements(self) -> None:
        changed = True
        while changed:
            changed = False
            for total, parts in self.lines:
                extra = self._line_needs(total, parts)
                if extra is not None:
                    self.hide(extra)
                    changed = True

    def _line_needs(self, total: _Key, parts: list[_Key]) -> _Key | None:
        """The next figure this line needs withheld, or ``None`` when it is safe."""
        hidden = [p for p in parts if p in self.withheld]
        if len(parts) == 1:  # the total is its only part: one figure under two names
            if (total in self.withheld) != bool(hidden):
                return parts[0] if hidden == [] else total
            return None
        if total in self.withheld:
            return None if hidden else self._smallest(parts)
        if not hidden:
            return None
        if len(hidden) >= 2 and sum(self.count[p] for p in hidden) >= self.k:
            return None
        # The total is published (so at least k people), hence the published
        # parts are not all zero whenever the withheld ones sum to less than k.
        return self._smallest(parts)

    def _implied_zero(self, key: _Key) -> bool:
        """A 0 that an empty line's total of 0 gives away: counts cannot be negative.

        Withholding it protects nothing (a reader knows it is 0), so it never
        serves as a complement: a small group "protected" by it alone could be
        recovered by subtraction.
        """
        if self.count[key] != 0:
            return False
        if key[0] == "cell":
            return self.count["row", key[1]] == 0 or self.count["column", key[2]] == 0
        return True  # a total of 0: all its parts are 0

    def _smallest(self, candidates: list[_Key]) -> _Key | None:
        shown = [p for p in candidates if p not in self.withheld and not self._implied_zero(p)]
        if not shown:
            return None
        # Smallest non-zero first (a zero adds nobody to the withheld sum), then
        # the first in table order among equals, so the result is deterministic.
        return min(shown, key=lambda p: (self.count[p] == 0, self.count[p]))

    def _protect(self, key: _Key) -> None:
        """Withhold one more figure so that ``key`` is no longer determined."""
        if key[0] == "cell":
            _, r, c = key
            near = [("cell", r, j) for j in range(self.columns)]
            near += [("cell", i, c) for i in range(self.rows)]
        elif key[0] == "row":
            near = [("cell", key[1], j) for j in range(self.columns)]
        elif key[0] == "column":
            near = [("cell", i, key[1]) for i in range(self.rows)]
        else:
            near = [("row", i) for i in range(self.rows)]
        extra = self._smallest(near) or self._smallest(list(self.count))
        # Something is always left to withhold: with everything withheld, no
        # figure is determined (the system has only the trivial equations).
        assert extra is not None
        self.hide(extra)

    def _exactly_derivable(self) -> list[_Key]:
        """Withheld figures that every table agreeing with the published ones shares, in order.

        Counts cannot be negative, and a reader knows it: with a published
        total of 10 and published parts summing to 10, a withheld part is 0
        even if no equation names it alone. So the test is not linear algebra
        but whether the withheld figure can move at all.

        A table is a flow: source → row (row total) → column (cell) → sink
        (column total) → source (grand total), each line a conservation law.
        Published figures are fixed edges; withheld ones can change along a
        cycle of withheld edges, forward always, backward only where the true
        count is above 0. A withheld figure is determined exactly when no such
        cycle passes through it (the constraint matrix of a table with its
        margins is totally unimodular, so this holds for whole numbers too).
        """
        arcs: dict[Any, list[tuple[Any, _Key]]] = defaultdict(list)
        ends = {}
        for key in self.count:
            if key not in self.withheld:
                continue
            tail, head = _edge(key)
            ends[key] = (tail, head)
            arcs[tail].append((head, key))
            if self.count[key] > 0:
                arcs[head].append((tail, key))

        def reaches(start: Any, goal: Any, without: _Key) -> bool:
            seen, stack = {start}, [start]
            while stack:
                node = stack.pop()
                if node == goal:
                    return True
                for nxt, key in arcs[node]:
                    if key != without and nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            return False

        determined = []
        for key, (tail, head) in ends.items():
            can_grow = reaches(head, tail, key)
            can_shrink = self.count[key] > 0 and reaches(tail, head, key)
            if not (can_grow or can_shrink):
                determined.append(key)
        return determined


def _edge(key: _Key) -> tuple[Any, Any]:
    """The (tail, head) of a figure in the table's flow network."""
    if key[0] == "cell":
        return ("row", key[1]), ("column", key[2])
    if key[0] == "row":
        return "source", ("row", key[1])
    if key[0] == "column":
        return ("column", key[1]), "sink"
    return "sink", "source"  # the grand total closes the circulation
