"""A table's cells placed on a grid (rowspan and colspan resolved), and its column widths."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from noticetui.render.document import Cell, Table

MIN_CAP = 10
"""When not every column can have its longest word, a column insists on at most this many cells."""


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


class Bounds(NamedTuple):
    """What each column of a grid asks for, in cells (frames not included)."""

    words: list[int]
    """The longest unbreakable word of the column: below this, some word of it must be cut."""
    least: list[int]
    """``words`` with each cell's word capped at :data:`MIN_CAP`: the narrowest a column may be."""
    natural: list[int]
    """The width at which no cell of the column wraps."""


def column_bounds(grid: Grid, sizes: dict[int, tuple[int, int]]) -> Bounds:
    """The :class:`Bounds` of each column, from each cell's (longest word, natural) width.

    ``sizes`` is keyed by the index of the cell in ``grid.cells``.  A spanning cell's needs beyond what
    its columns already give are spread evenly over them.
    """
    words = [1] * grid.cols
    least = [1] * grid.cols
    natural = [1] * grid.cols
    spanning: list[tuple[Placed, int, int, int]] = []
    for i, p in enumerate(grid.cells):
        word, high = sizes[i]
        low = min(word, MIN_CAP)
        if p.cols == 1:
            c = p.col
            if word > words[c]:
                words[c] = word
            if low > least[c]:
                least[c] = low
            natural[c] = max(natural[c], high, word)
        else:
            spanning.append((p, word, low, max(high, word)))
    spanning.sort(key=lambda item: item[0].cols)
    for p, word, low, high in spanning:
        for widths, need in ((words, word), (least, low), (natural, high)):
            have = sum(widths[p.col : p.col + p.cols]) + 3 * (p.cols - 1)
            if need > have:
                extra, rest = divmod(need - have, p.cols)
                for k in range(p.cols):
                    widths[p.col + k] += extra + (1 if k < rest else 0)
    natural = [max(n, w) for n, w in zip(natural, words, strict=True)]
    return Bounds(words, least, natural)


def fit_columns(bounds: Bounds, room: int) -> list[int] | None:
    """Column widths summing to at most ``room`` cells, or None when even the narrowest grid is too wide.

    In order of preference: every column at its natural width; every column given its longest word
    (no word is cut) plus a share of the rest; the capped minimum, raised to whole words for as many
    columns as the room allows (cheapest first), plus a share of the rest.  Shares go in proportion to
    what each column still wants.  Whether a grid that cuts words is worth drawing is the caller's call.
    """
    words, least, natural = bounds
    if sum(natural) <= room:
        return list(natural)
    if sum(words) <= room:
        return _share(words, natural, room)
    if sum(least) > room:
        return None
    base = list(least)
    left = room - sum(base)
    for k in sorted(range(len(base)), key=lambda k: words[k] - base[k]):
        need = words[k] - base[k]
        if 0 < need <= left:
            base[k] = words[k]
            left -= need
    return _share(base, natural, room)


def _share(base: list[int], natural: list[int], room: int) -> list[int]:
    """``base`` plus the room left, shared in proportion to what each column wants beyond its base."""
    extra = room - sum(base)
    wants = [max(n - b, 0) for n, b in zip(natural, base, strict=True)]
    total = sum(wants)
    if not total or extra <= 0:
        return list(base)
    widths = [b + min(extra * want // total, want) for b, want in zip(base, wants, strict=True)]
    left = room - sum(widths)
    by_need = sorted(range(len(widths)), key=lambda k: natural[k] - widths[k], reverse=True)
    for k in by_need[:left]:
        if widths[k] < natural[k]:
            widths[k] += 1
    return widths
