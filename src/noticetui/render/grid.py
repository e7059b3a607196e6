"""A table's cells placed on a grid (rowspan and colspan resolved), and its column widths."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from noticetui.render.document import Cell, Table

MIN_CAP = 10
"""A column never insists on more cells than this for its longest word: longer words are cut."""


class Placed(NamedTuple):
    """A cell and the grid slots it covers (a NamedTuple: tables create thousands of them)."""

    cell: Cell
    row: int
    col: int
    rows: int
    cols: int


@dataclass(frozen=True)
class Grid:
    """The placed cells of a table."""

    cells: list[Placed]
    """In reading order (row by row, left to right)."""
    rows: int
    cols: int
    header_rows: int
    """Leading header rows (0 when every row is a header row: then none is set apart)."""


def place(table: Table) -> Grid:
    """Places ``table``'s cells as the HTML table model does; holes become empty cells."""
    rows = len(table.rows)
    taken: list[set[int]] = [set() for _ in range(rows)]
    placed: list[Placed] = []
    for r, row in enumerate(table.rows):
        c = 0
        here = taken[r]
        for cell in row.cells:
            while c in here:
                c += 1
            height = max(1, min(cell.rowspan, rows - r))
            span = range(c, c + cell.colspan)
            for dr in range(height):
                taken[r + dr].update(span)
            placed.append(Placed(cell, r, c, height, cell.colspan))
            c += cell.colspan
    cols = max((p.col + p.cols for p in placed), default=0)
    for r in range(rows):
        if len(taken[r]) < cols:
            placed += [Placed(Cell([]), r, c, 1, 1) for c in range(cols) if c not in taken[r]]
    placed.sort(key=lambda p: (p.row, p.col))
    header = 0
    while header < rows and table.rows[header].header:
        header += 1
    return Grid(placed, rows, cols, 0 if header == rows else header)


def column_bounds(grid: Grid, sizes: dict[int, tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Minimum and natural content width of each column, from each cell's (minimum, natural) width.

    ``sizes`` is keyed by the index of the cell in ``grid.cells``.  A spanning cell's needs beyond what
    its columns already give are spread evenly over them.
    """
    least = [1] * grid.cols
    natural = [1] * grid.cols
    spanning: list[tuple[Placed, int, int]] = []
    for i, p in enumerate(grid.cells):
        low, high = sizes[i]
        low = min(low, MIN_CAP)
        if p.cols == 1:
            least[p.col] = max(least[p.col], low)
            natural[p.col] = max(natural[p.col], high, low)
        else:
            spanning.append((p, low, max(high, low)))
    spanning.sort(key=lambda item: item[0].cols)
    for p, low, high in spanning:
        for widths, need in ((least, low), (natural, high)):
            have = sum(widths[p.col : p.col + p.cols]) + 3 * (p.cols - 1)
            if need > have:
                extra, rest = divmod(need - have, p.cols)
                for k in range(p.cols):
                    widths[p.col + k] += extra + (1 if k < rest else 0)
    natural = [max(n, low) for n, low in zip(natural, least, strict=True)]
    return least, natural


def fit_columns(least: list[int], natural: list[int], room: int) -> list[int] | None:
    """Column widths summing to at most ``room``: natural if possible, else minimum plus a fair share
    of what is left (in proportion to what each column wants beyond its minimum); None if even the
    minimum does not fit."""
    if sum(natural) <= room:
        return list(natural)
    if sum(least) > room:
        return None
    extra = room - sum(least)
    wants = [n - low for n, low in zip(natural, least, strict=True)]
    total = sum(wants)
    widths = [low + extra * want // total for low, want in zip(least, wants, strict=True)]
    left = room - sum(widths)
    by_need = sorted(range(len(widths)), key=lambda k: natural[k] - widths[k], reverse=True)
    for k in by_need[:left]:
        widths[k] += 1
    return widths
