"""Disclosure control: no published figure rests on fewer than k people, directly or by subtraction.

The property tests check the published tables with their own arithmetic, not
with the module's: line by line (a withheld cell in a row with a published
total has a withheld partner, and together they hold at least k people),
and over the whole table (exact rank arithmetic: no withheld figure is a
linear consequence of the published ones; for small tables, a search over
every table of whole numbers that agrees with what is published).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from sauti.core.privacy import MINIMUM_THRESHOLD
from sauti.monitoring.disclosure import (
    COMPLEMENT,
    SMALL_GROUP,
    Figure,
    ProtectedTable,
    protect_groups,
    protect_table,
)
from sauti.monitoring.models import SMALLEST_GROUP


def shown(figures):
    return [f.shown_count for f in figures]


def grid(table: ProtectedTable):
    return [shown(row) for row in table.cells]


# --- examples --------------------------------------------------------------------------------


def test_one_small_cell_gets_a_partner_in_its_row_and_its_column():
    table = protect_table([[3, 20, 30], [25, 12, 40], [35, 50, 14]], k=10)
    assert grid(table) == [[None, None, 30], [None, None, 40], [35, 50, 14]]
    assert table.cells[0][0].withheld_as == SMALL_GROUP
    assert {table.cells[0][1].withheld_as, table.cells[1][0].withheld_as} == {COMPLEMENT}
    # The partners are the smallest cells left in that row (20) and column (25);
    # the fourth (12) closes the rectangle, so no row or column gives one away.
    assert table.cells[1][1].withheld_as == COMPLEMENT
    # Totals all rest on at least 10 people and stay published.
    assert shown(table.row_totals) == [53, 77, 99]
    assert shown(table.column_totals) == [63, 82, 84]
    assert table.total.shown_count == 229
    assert table.withheld_cells == 4


def test_a_small_row_hides_its_total_and_another_row_total():
    table = protect_table([[2, 1], [20, 30], [15, 12]], k=10)
    # Row totals 3, 50, 27: the smallest other one (27) is withheld with the 3.
    assert shown(table.row_totals) == [None, 50, None]
    assert table.row_totals[0].withheld_as == SMALL_GROUP
    assert table.row_totals[2].withheld_as == COMPLEMENT
    assert table.total.published


def test_a_cell_that_combined_lines_would_give_away_gets_one_more_complement():
    table = protect_table(
        [[30, 15, 0, 20], [0, 30, 0, 12], [12, 30, 15, 12], [20, 20, 12, 3]], k=10
    )
    assert grid(table) == [
        [30, None, 0, None],
        [0, None, 0, None],
        [None, 30, None, None],
        [None, 20, None, None],
    ]
    # Row by row and column by column, the 3 already had partners holding at least
    # 10 people without the 12 at row 2, column 3; adding and subtracting several
    # rows and columns still gave the 3 away, so that 12 is withheld as well.
    assert table.cells[2][3].withheld_as == COMPLEMENT
    assert table.cells[3][3].withheld_as == SMALL_GROUP


def test_zeros_beside_large_groups_are_published_as_zero():
    table = protect_table([[0, 20], [15, 12]], k=10)
    assert grid(table) == [[0, 20], [15, 12]]


def test_a_zero_beside_a_small_total_is_withheld():
    # "0 of the 3 people at this clinic said no" would say "all 3 said yes".
    table = protect_table([[3, 0], [15, 12]], k=10)
    assert table.cells[0][1].shown_count is None
    assert table.cells[0][1].withheld_as == SMALL_GROUP


def test_an_empty_row_is_shown_empty():
    table = protect_table([[0, 0], [15, 12]], k=10)
    assert grid(table) == [[0, 0], [15, 12]]
    assert shown(table.row_totals) == [0, 27]


def test_a_table_of_fewer_than_k_people_publishes_nothing():
    table = protect_table([[1, 0], [2, 3]], k=10)
    assert grid(table) == [[None, None], [None, None]]
    assert table.total.shown_count is None


def test_a_single_row_table_keeps_each_column_total_with_its_cell():
    table = protect_table([[3, 20, 30]], k=10)
    assert grid(table) == [[None, None, 30]]
    assert shown(table.column_totals) == [None, None, 30]
    assert shown(table.row_totals) == [53]


def test_groups_with_a_total():
    groups = protect_groups([3, 20, 30, 0], k=10, values=[4.0, 3.5, 2.0, None])
    assert shown(groups.groups) == [None, None, 30, 0]
    assert [g.shown_value for g in groups.groups] == [None, None, 2.0, None]
    assert groups.total.shown_count == 53
    assert groups.share(2) == Fraction(30, 53)
    assert groups.share(0) is None
    assert groups.withheld_groups == 2


def test_means_and_shares_follow_their_denominators():
    table = protect_table(
        [[3, 20, 30], [25, 12, 40], [35, 50, 14]],
        k=10,
        values=[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
        row_values=[10.0, 11.0, 12.0],
        total_value=13.0,
    )
    assert table.cells[0][0].shown_value is None
    assert table.cells[0][1].shown_value is None  # a complement hides its mean too
    assert table.cells[0][2].shown_value == 3.0
    assert table.cells[0][0].value == 1.0  # kept for the organisation's own view
    assert [f.shown_value for f in table.row_totals] == [10.0, 11.0, 12.0]
    assert table.total.shown_value == 13.0
    assert table.row_share(0, 2) == Fraction(30, 53)
    assert table.row_share(0, 0) is None
    assert table.column_share(2, 2) == Fraction(14, 84)


def test_a_share_next_to_a_withheld_total_is_withheld():
    table = protect_table([[0, 30, 0], [2, 3, 2], [12, 12, 0]], k=10)
    assert table.row_totals[2].withheld_as == COMPLEMENT
    assert table.cells[2][1].shown_count == 12  # 12 is shown…
    assert table.row_share(2, 1) is None  # …but "12, or half the row" would give the row away
    assert table.column_share(2, 1) == Fraction(12, 45)


def test_the_threshold_is_the_one_the_projects_use():
    assert MINIMUM_THRESHOLD == SMALLEST_GROUP == 5
    assert protect_table([[5, 5]], k=5).cells[0][0].published


@pytest.mark.parametrize("k", [4, 0, -1, 4.5, "10", True])
def test_a_threshold_below_five_or_not_a_number_is_refused(k):
    with pytest.raises(ValueError):
        protect_table([[20, 30]], k=k)
    with pytest.raises(ValueError):
        protect_groups([20, 30], k=k)


@pytest.mark.parametrize("counts", [[], [[]], [[1, 2], [3]], [[-1, 20]], [[1.5, 20]]])
def test_malformed_tables_are_refused(counts):
    with pytest.raises(ValueError):
        protect_table(counts, k=10)


# --- properties over random tables -----------------------------------------------------------

tables = st.integers(1, 6).flatmap(
    lambda rows: st.integers(1, 6).flatmap(
        lambda columns: st.lists(
            st.lists(st.integers(0, 40), min_size=columns, max_size=columns),
            min_size=rows,
            max_size=rows,
        )
    )
)
thresholds = st.integers(5, 15)


def lines(table: ProtectedTable):
    """Each total with the parts it is the sum of."""
    yield from zip(table.row_totals, table.cells, strict=True)
    yield from zip(table.column_totals, zip(*table.cells, strict=True), strict=True)
    yield table.total, table.row_totals
    yield table.total, table.column_totals


def check_line(total: Figure, parts, k: int) -> None:
    if not total.published:
        return
    withheld = [p.count for p in parts if not p.published]
    # Nothing withheld, or at least two whose sum (total minus what is shown) is no small group.
    assert not withheld or (len(withheld) >= 2 and sum(withheld) >= k), (total, parts)


@hypothesis_settings(max_examples=300, deadline=None)
@given(tables, thresholds)
def test_every_published_figure_rests_on_at_least_k_people(counts, k):
    table = protect_table(counts, k)
    figures = [(f, "cell", r, c) for r, row in enumerate(table.cells) for c, f in enumerate(row)]
    figures += [(f, "row", r, None) for r, f in enumerate(table.row_totals)]
    figures += [(f, "column", None, c) for c, f in enumerate(table.column_totals)]
    figures += [(table.total, "total", None, None)]
    for figure, kind, r, c in figures:
        if not figure.published:
            assert figure.withheld_as in (SMALL_GROUP, COMPLEMENT)
            continue
        if figure.count >= k:
            continue
        # A published figure under k is a zero, and a zero only ever speaks of large
        # groups: the whole table, and its row and column unless one is empty.
        assert figure.count == 0
        assert table.total.count >= k
        if kind == "cell":
            row, column = table.row_totals[r].count, table.column_totals[c].count
            assert row == 0 or column == 0 or (row >= k and column >= k)


@hypothesis_settings(max_examples=300, deadline=None)
@given(tables, thresholds)
def test_no_row_or_column_gives_a_withheld_cell_away(counts, k):
    table = protect_table(counts, k)
    for total, parts in zip(table.row_totals, table.cells, strict=True):
        check_line(total, parts, k)
    for total, parts in zip(table.column_totals, zip(*table.cells, strict=True), strict=True):
        check_line(total, parts, k)


@hypothesis_settings(max_examples=300, deadline=None)
@given(tables, thresholds)
def test_the_grand_total_gives_no_withheld_total_away(counts, k):
    table = protect_table(counts, k)
    check_line(table.total, table.row_totals, k)
    check_line(table.total, table.column_totals, k)
    for total, parts in lines(table):  # a withheld total is never the sum of shown parts
        if not total.published:
            assert any(not p.published for p in parts)


def rank(matrix: list[list[Fraction]]) -> int:
    rows = [list(r) for r in matrix]
    found = 0
    for column in range(len(rows[0]) if rows else 0):
        pivot = next((i for i in range(found, len(rows)) if rows[i][column]), None)
        if pivot is None:
            continue
        rows[found], rows[pivot] = rows[pivot], rows[found]
        for i in range(found + 1, len(rows)):
            factor = rows[i][column] / rows[found][column]
            rows[i] = [a - factor * b for a, b in zip(rows[i], rows[found], strict=True)]
        found += 1
    return found


@hypothesis_settings(max_examples=200, deadline=None)
@given(tables, thresholds)
def test_no_combination_of_published_figures_pins_a_withheld_one(counts, k):
    table = protect_table(counts, k)
    figures = [f for row in table.cells for f in row]
    figures += [*table.row_totals, *table.column_totals, table.total]
    hidden = [i for i, f in enumerate(figures) if not f.published]
    if not hidden:
        return
    # One equation per line, total minus parts, in the withheld figures only.
    position = {id(f): i for i, f in enumerate(figures)}
    equations = []
    for total, parts in lines(table):
        coefficients = dict.fromkeys(hidden, Fraction(0))
        if not total.published:
            coefficients[position[id(total)]] += 1
        for part in parts:
            if not part.published:
                coefficients[position[id(part)]] -= 1
        equations.append([coefficients[i] for i in hidden])
    base = rank(equations)
    for j in range(len(hidden)):
        unit = [Fraction(int(i == j)) for i in range(len(hidden))]
        # The figure is determined exactly iff its unit vector adds nothing to the rank.
        assert rank([*equations, unit]) > base, figures[hidden[j]]


small_tables = st.integers(1, 3).flatmap(
    lambda rows: st.integers(1, 3).flatmap(
        lambda columns: st.lists(
            st.lists(st.integers(0, 12), min_size=columns, max_size=columns),
            min_size=rows,
            max_size=rows,
        )
    )
)


def another_table_agrees(table: ProtectedTable, counts, target) -> bool:
    """Whether some table of whole numbers shows the same figures yet differs at ``target``.

    A depth-first search over the withheld cells (true values tried first),
    cut short as soon as a row or column overshoots its published total.
    """
    rows, columns = len(counts), len(counts[0])
    hidden = [
        (r, c) for r in range(rows) for c in range(columns) if not table.cells[r][c].published
    ]
    ceiling = max(table.total.count, 12)
    guess = [
        [n if table.cells[r][c].published else 0 for c, n in enumerate(row)]
        for r, row in enumerate(counts)
    ]

    def fits(r: int, c: int, last_in_row: bool, last_in_column: bool) -> bool:
        row_total, column_total = table.row_totals[r], table.column_totals[c]
        row_sum, column_sum = sum(guess[r]), sum(guess[i][c] for i in range(rows))
        grand = sum(map(sum, guess))
        for figure, value, complete in (
            (row_total, row_sum, last_in_row),
            (column_total, column_sum, last_in_column),
            (table.total, grand, (r, c) == hidden[-1]),
        ):
            if figure.published and (value > figure.count or (complete and value != figure.count)):
                return False
        return True

    def search(i: int) -> bool:
        if i == len(hidden):
            return True
        r, c = hidden[i]
        true = counts[r][c]
        domain = sorted(range(ceiling + 1), key=lambda v: (v != true, abs(v - true)))
        if (r, c) == target:
            domain = domain[1:]
        last_in_row = all(cell[0] != r for cell in hidden[i + 1 :])
        last_in_column = all(cell[1] != c for cell in hidden[i + 1 :])
        for value in domain:
            guess[r][c] = value
            if fits(r, c, last_in_row, last_in_column) and search(i + 1):
                return True
        guess[r][c] = 0
        return False

    return search(0)


@hypothesis_settings(max_examples=150, deadline=None)
@given(small_tables, st.integers(5, 8))
def test_whole_number_tables_that_agree_with_the_published_one_differ_in_every_withheld_cell(
    counts, k
):
    """Counts cannot be negative: every withheld cell has another possible value."""
    table = protect_table(counts, k)
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            if not cell.published:
                assert another_table_agrees(table, counts, (r, c)), (r, c)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=8), thresholds)
def test_groups_never_show_a_small_group_directly_or_by_subtraction(counts, k):
    groups = protect_groups(counts, k)
    assert sum(g.count for g in groups.groups) == groups.total.count
    for group in groups.groups:
        assert (
            not group.published
            or group.count >= k
            or (group.count == 0 and groups.total.count >= k)
        )
    check_line(groups.total, groups.groups, k)
    if not groups.total.published:
        assert all(not g.published or g.count == 0 for g in groups.groups)


@hypothesis_settings(max_examples=200, deadline=None)
@given(tables, thresholds)
def test_values_and_shares_follow_their_counts(counts, k):
    values = [[(r, c) for c in range(len(counts[0]))] for r in range(len(counts))]
    table = protect_table(counts, k, values=values)
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            assert (cell.shown_value is None) == (not cell.published)
            if table.row_share(r, c) is not None:
                assert cell.published and table.row_totals[r].published
            if table.column_share(r, c) is not None:
                assert cell.published and table.column_totals[c].published


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=12), thresholds)
def test_groups_are_protected_exactly_as_a_one_row_table(counts, k):
    """The direct one-way path and the general table machinery agree figure by figure."""
    groups = protect_groups(counts, k)
    table = protect_table([counts], k)
    assert [g.withheld_as for g in groups.groups] == [c.withheld_as for c in table.cells[0]]
    assert groups.total.published == table.total.published
