"""A table too wide for the terminal, shown row by row: one ``header: value`` line per cell.

Column names come from the header rows; in tables without them (the 항목 | 내용 forms of eGov pages) a
``<th>`` labels the cells that follow it in its row.  A cell that spans several rows is shown again in
each of them, marked as a repeat.
"""

from __future__ import annotations

from noticetui.render.document import BlocksLayout, Line, Mark, block_texts
from noticetui.render.grid import Grid, Placed
from noticetui.render.measure import measure_runs
from noticetui.render.width import cell_width
from noticetui.render.wrap import line_width

INDENT = 2
"""How far a value that does not fit beside its label is indented."""


def _plain(p: Placed) -> str:
    return " ".join(" ".join(block_texts(p.cell.blocks)).replace("\xa0", " ").split())


def _labels(grid: Grid) -> list[str]:
    names: list[list[str]] = [[] for _ in range(grid.cols)]
    for p in grid.cells:
        if p.row >= grid.header_rows:
            continue
        text = _plain(p)
        for c in range(p.col, p.col + p.cols):
            if text and text not in names[c]:
                names[c].append(text)
    return [" / ".join(parts) for parts in names]


def _span_label(labels: list[str], p: Placed) -> str:
    """A cell's label: a cell spanning columns is named by all of them, so that every name shows."""
    return " / ".join(dict.fromkeys(name for name in labels[p.col : p.col + p.cols] if name))


def _field(label: str, p: Placed, width: int, repeat: bool, blocks_layout: BlocksLayout) -> list[Line]:
    lines = blocks_layout(p.cell.blocks, width - INDENT, True)
    if repeat:
        lines = [[(text, mark | Mark.REPEAT) for text, mark in line] for line in lines]
    if not label:
        return lines
    head: Line = [(label + ":", Mark.LABEL | Mark.BOLD)]
    out: list[Line] = []
    first = lines[0] if lines else []
    used = cell_width(label) + 2
    if first and used + line_width(first) <= width:
        out.append([*head, (" ", Mark.NONE), *first])
        lines = lines[1:]
    else:
        out.append(head)
    out.extend([(" " * INDENT, Mark.NONE), *line] if line else line for line in lines)
    return out


def render_stacked(grid: Grid, width: int, blocks_layout: BlocksLayout) -> list[Line]:
    """The body rows of ``grid`` as records separated by rules, each cell as ``label: value``.

    ``blocks_layout`` lays out the blocks of one cell.
    """
    labels = _labels(grid)
    out: list[Line] = []
    for r in range(grid.header_rows, grid.rows):
        fields = _record(grid, r, labels, width, blocks_layout)
        if fields:
            out.append([("─" * width, Mark.BORDER)])
            out.extend(fields)
    if out:
        out.append([("─" * width, Mark.BORDER)])
    return out


def _record(grid: Grid, r: int, labels: list[str], width: int, blocks_layout: BlocksLayout) -> list[Line]:
    """The ``label: value`` lines of row ``r``."""
    row = [p for p in grid.cells if p.row <= r < p.row + p.rows]
    fields: list[Line] = []
    pending = ""
    for i, p in enumerate(row):
        if not p.cell.blocks:
            # Empty cells are left out, except in the first record: every column name shows once.
            if r == grid.header_rows and _span_label(labels, p):
                fields += _field(_span_label(labels, p), p, width, False, blocks_layout)
            continue
        following = row[i + 1] if i + 1 < len(row) else None
        # A row header (th beside td, no column header above it) names the cell after it.
        if p.cell.header and not labels[p.col] and following is not None and not following.cell.header:
            name = _plain(p)
            if measure_runs([(name, Mark.NONE)])[1] <= width // 2:
                pending = name
                continue
        label = pending or _span_label(labels, p)
        pending = ""
        fields.extend(_field(label, p, width, p.row != r, blocks_layout))
    return fields
