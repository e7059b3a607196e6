"""Tables drawn with box-drawing characters, fitted to the width; stacked row by row when they cannot fit.

Cells are wrapped, never cut off: every character of every cell is shown.  Wide characters (Korean)
count two cells.  The rule under the header rows is doubled.

Grid or stacked?  A grid is drawn when every column can be given its longest unbreakable word (a Korean
어절, a phone number, a URL: any run between spaces).  When it cannot, words would be cut inside cells
("일자리정책 / 과"), and the table is stacked instead as soon as one cell would have a word cut: tables
of up to :data:`SMALL_TABLE` columns read as well row by row, so they get no allowance, while a wider
table (a board listing, a statistics sheet) keeps its grid while at most :data:`FEW_CUTS` cells would
cut a word, because stacking it multiplies its length.  A word too long for a stacked line too is cut in
either layout and does not count.  A table whose columns cannot even get :data:`~grid.MIN_CAP` cells is
always stacked.
"""

from __future__ import annotations

from noticetui.render import stacked
from noticetui.render.document import BlocksLayout, Line, Mark, Table
from noticetui.render.grid import Grid, Placed, column_bounds, fit_columns, place
from noticetui.render.measure import cell_sizes
from noticetui.render.wrap import fit, line_width

SMALL_TABLE = 4
"""Tables of at most this many columns are stacked rather than cut a single word."""
FEW_CUTS = 2
"""Wider tables keep their grid while at most this many cells would have a word cut."""

_Key = tuple[int, int, int, int]
_LIGHT: dict[_Key, str] = {
    (1, 1, 0, 0): "─",
    (1, 0, 0, 0): "─",
    (0, 1, 0, 0): "─",
    (0, 0, 1, 1): "│",
    (0, 0, 1, 0): "│",
    (0, 0, 0, 1): "│",
    (0, 1, 0, 1): "┌",
    (1, 0, 0, 1): "┐",
    (0, 1, 1, 0): "└",
    (1, 0, 1, 0): "┘",
    (1, 1, 0, 1): "┬",
    (1, 1, 1, 0): "┴",
    (0, 1, 1, 1): "├",
    (1, 0, 1, 1): "┤",
    (1, 1, 1, 1): "┼",
}
# The header rule: double horizontal strokes meeting single vertical ones.
_DOUBLE: dict[_Key, str] = {
    **_LIGHT,
    (1, 1, 0, 0): "═",
    (1, 0, 0, 0): "═",
    (0, 1, 0, 0): "═",
    (0, 1, 0, 1): "╒",
    (1, 0, 0, 1): "╕",
    (0, 1, 1, 0): "╘",
    (1, 0, 1, 0): "╛",
    (1, 1, 0, 1): "╤",
    (1, 1, 1, 0): "╧",
    (0, 1, 1, 1): "╞",
    (1, 0, 1, 1): "╡",
    (1, 1, 1, 1): "╪",
}


def render_table(table: Table, width: int, blocks_layout: BlocksLayout) -> list[Line]:
    """``table`` as lines of at most ``width`` cells: a grid if its columns fit, else stacked rows.

    ``blocks_layout`` lays out the blocks of a cell (the caller's own layout, passed in so that this
    module does not import the one that imports it).
    """
    grid = place(table)
    if not grid.cols:
        return []
    sizes = cell_sizes(grid)
    widths = fit_columns(column_bounds(grid, sizes), width - (3 * grid.cols + 1))
    if widths is None or cut_cells(grid, sizes, widths, width) > (0 if grid.cols <= SMALL_TABLE else FEW_CUTS):
        return stacked.render_stacked(grid, width, blocks_layout)
    return _draw(grid, widths, blocks_layout)


def cut_cells(grid: Grid, sizes: dict[int, tuple[int, int]], widths: list[int], width: int) -> int:
    """How many cells of ``grid`` drawn with column ``widths`` would cut a word that a stacked line of
    ``width`` cells keeps whole."""
    whole = width - stacked.INDENT
    count = 0
    for i, p in enumerate(grid.cells):
        word = sizes[i][0]
        if word > (widths[p.col] if p.cols == 1 else _span_width(widths, p)) and word <= whole:
            count += 1
    return count


def _span_width(widths: list[int], p: Placed) -> int:
    return sum(widths[p.col : p.col + p.cols]) + 3 * (p.cols - 1)


_Texts = list[list[tuple[int, int, Line]]]
"""Per output line: the cell text lines on it (start column, width, line)."""


def _draw(grid: Grid, widths: list[int], blocks_layout: BlocksLayout) -> list[Line]:
    contents = [_cell_lines(p, _span_width(widths, p), blocks_layout) for p in grid.cells]
    xs = _offsets(widths, 3)
    ys = _offsets(_heights(grid, contents), 1)
    total_w, total_h = xs[-1] + 1, ys[-1] + 1
    across = [bytearray(total_w) for _ in range(total_h)]  # a stroke from x to x+1 on line y
    down = [bytearray(total_w) for _ in range(total_h)]  # a stroke from y to y+1 in column x
    texts: _Texts = [[] for _ in range(total_h)]
    for p, lines in zip(grid.cells, contents, strict=True):
        x0, x1, y0, y1 = xs[p.col], xs[p.col + p.cols], ys[p.row], ys[p.row + p.rows]
        across[y0][x0:x1] = across[y1][x0:x1] = b"\x01" * (x1 - x0)
        for y in range(y0, y1):
            down[y][x0] = down[y][x1] = 1
        for i, (width, line) in enumerate(lines):
            texts[y0 + 1 + i].append((x0 + 2, width, line))
    return _frame(grid, widths, xs, ys, across, down, texts)


def _offsets(sizes: list[int], gap: int) -> list[int]:
    """Where each column (or row) starts, and where the last ends: sizes plus the frame between."""
    out = [0]
    for size in sizes:
        out.append(out[-1] + size + gap)
    return out


def _frame(
    grid: Grid,
    widths: list[int],
    xs: list[int],
    ys: list[int],
    across: list[bytearray],
    down: list[bytearray],
    texts: _Texts,
) -> list[Line]:
    """The table's lines: rules at the row boundaries, text lines between them."""
    header_y = ys[grid.header_rows] if grid.header_rows else -1
    out: list[Line] = []
    for r, y in enumerate(ys):
        out.append(_compose(_rule(y, xs, widths, across, down, _DOUBLE if y == header_y else _LIGHT), texts[y]))
        if r < grid.rows:
            # Every text line of a row crosses the same column lines: one frame serves them all.
            frame = (
                "".join(("│" if down[y + 1][x] else " ") + " " * (w + 2) for x, w in zip(xs, widths, strict=False))
                + "│"
            )
            out += [_compose(frame, texts[y2]) for y2 in range(y + 1, ys[r + 1])]
    return out


def _cell_lines(p: Placed, inner: int, blocks_layout: BlocksLayout) -> list[tuple[int, Line]]:
    """A cell's lines at ``inner`` cells, each with its width."""
    sized: list[tuple[int, Line]] = []
    for line in blocks_layout(p.cell.blocks, inner, True):
        width = line_width(line)
        if width <= inner:
            sized.append((width, line))
        else:  # never cut a cell's text off: wrap whatever is still too wide
            sized += [(line_width(piece), piece) for piece in fit(line, inner)]
    return sized


def _heights(grid: Grid, contents: list[list[tuple[int, Line]]]) -> list[int]:
    """Each row's height in lines: its tallest cell; cells spanning rows may lengthen their last row."""
    heights = [1] * grid.rows
    spanning = []
    for p, lines in zip(grid.cells, contents, strict=True):
        if p.rows == 1:
            heights[p.row] = max(heights[p.row], len(lines))
        else:
            spanning.append((p, len(lines)))
    # Cells spanning rows take what single-row cells gave them; any lack goes to their last row.
    for p, need in sorted(spanning, key=lambda item: item[0].rows):
        have = sum(heights[p.row : p.row + p.rows]) + p.rows - 1
        if need > have:
            heights[p.row + p.rows - 1] += need - have
    return heights


def _rule(
    y: int, xs: list[int], widths: list[int], across: list[bytearray], down: list[bytearray], strokes: dict[_Key, str]
) -> str:
    """A horizontal rule line: junctions where column lines cross it, strokes where cells end."""
    pieces: list[str] = []
    above, here, below = down[y - 1] if y else None, across[y], down[y]
    for i, x in enumerate(xs):
        key = (here[x - 1] if x else 0, here[x], above[x] if above else 0, below[x])
        pieces.append(strokes[key] if any(key) else " ")
        if i < len(widths):
            # Between two column lines a rule is either all stroke or all blank (inside a rowspan).
            pieces.append((strokes[(1, 1, 0, 0)] if here[x + 1] else " ") * (widths[i] + 2))
    return "".join(pieces)


def _compose(frame: str, texts: list[tuple[int, int, Line]]) -> Line:
    """One output line: the frame with cell text laid over it."""
    out: Line = []
    x = 0
    for start, width, line in sorted(texts, key=lambda item: item[0]) if len(texts) > 1 else texts:
        if start > x:
            out.append((frame[x:start], Mark.BORDER))
        out.extend(line)
        x = start + width
    out.append((frame[x:], Mark.BORDER))
    return out
