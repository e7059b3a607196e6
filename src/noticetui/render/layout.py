"""Laying blocks out at a width: the lines that both the plain-text and the Rich output print.

Blank lines come from margins and spacers, and collapse: never two in a row, never at the start or end.
"""

from __future__ import annotations

from noticetui.render import tables
from noticetui.render.document import (
    Block,
    Document,
    Heading,
    Line,
    ListBlock,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    Rule,
    Spacer,
    Table,
)
from noticetui.render.width import cell_width
from noticetui.render.wrap import fit, line_width, wrap, wrap_pre

MIN_WIDTH = 2
"""Narrowest width laid out (a Korean syllable needs two cells); narrower requests are widened."""
UNWRAPPED = 1_000_000
"""A width that wraps nothing (piped output, JSON, feeds); centred and right-aligned text stays left."""
_UNDERLINES = {1: "═", 2: "─"}


class Flow:
    """Output lines with collapsing blank lines."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._gap = False

    def gap(self) -> None:
        """Ask for a blank line before the next line (ignored at the start, merged with other gaps)."""
        if self.lines:
            self._gap = True

    def add(self, line: Line) -> None:
        """Add a line; an empty line is a gap."""
        if not line:
            self.gap()
            return
        if self._gap:
            self.lines.append([])
            self._gap = False
        self.lines.append(line)

    def extend(self, lines: list[Line]) -> None:
        """Add several lines."""
        for line in lines:
            self.add(line)


def _aligned(lines: list[Line], width: int, align: str) -> list[Line]:
    if align == "left" or width >= UNWRAPPED:
        return lines
    out: list[Line] = []
    for line in lines:
        room = width - line_width(line)
        shift = room // 2 if align == "center" else room
        out.append([(" " * shift, Mark.NONE), *line] if line and shift > 0 else line)
    return out


def _paragraph(block: Paragraph, width: int) -> list[Line]:
    runs = [(text, mark | Mark.CAPTION) for text, mark in block.runs] if block.caption else block.runs
    return _aligned(wrap(runs, width), width, block.align)


def _heading(block: Heading, width: int) -> list[Line]:
    lines = wrap(block.runs, width)
    underline = _UNDERLINES.get(block.level)
    widest = max((line_width(line) for line in lines), default=0)
    if underline and widest:
        lines.append([(underline * widest, Mark.BORDER | Mark.HEADING)])
    return lines


def _list(block: ListBlock, width: int) -> list[Line]:
    flow = Flow()
    marker_width = max(cell_width(item.marker) for item in block.items)
    indent = min(marker_width + 1 if marker_width else 2, max(width // 2, 1))
    ordered = any(item.marker[-1:] == "." for item in block.items)
    for item in block.items:
        marker = item.marker.rjust(marker_width) if ordered else item.marker
        lines = render_blocks(item.blocks, width - indent, compact=True)
        if cell_width(marker) + 1 > indent and marker:
            flow.add([(marker, Mark.MARKER)])
            marker = ""
        pad = (" " * indent, Mark.NONE)
        head = (marker + " " * (indent - cell_width(marker)), Mark.MARKER) if marker else pad
        if not lines and marker:
            flow.add([(marker, Mark.MARKER)])
        for i, line in enumerate(lines):
            flow.add([head if i == 0 else pad, *line] if line else line)
    return flow.lines


def _quote(block: Quote, width: int) -> list[Line]:
    indent = 2 if width >= 6 else 0
    lines = render_blocks(block.blocks, width - indent, compact=False)
    if not indent:
        return lines
    if not block.bar:
        return [[("  ", Mark.NONE), *line] if line else line for line in lines]
    bar = Mark.BORDER | Mark.QUOTE
    return [[("│ ", bar), *line] if line else [("│", bar)] for line in lines]


def render_blocks(blocks: list[Block], width: int, compact: bool = False) -> list[Line]:
    """``blocks`` laid out at ``width`` cells; ``compact`` drops paragraph margins (lists, cells)."""
    width = max(width, MIN_WIDTH)
    if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
        lines = _paragraph(blocks[0], width)
        if all(lines):  # no blank line to collapse: skip the flow (most table cells)
            return lines
    flow = Flow()
    for block in blocks:
        if isinstance(block, Paragraph):
            margin = block.margin and not compact
            if margin:
                flow.gap()
            flow.extend(_paragraph(block, width))
            if margin:
                flow.gap()
        elif isinstance(block, Spacer):
            flow.gap()
        else:
            # Everything else is set apart, except lists nested in lists and <dd> indents.
            apart = not (
                (isinstance(block, ListBlock) and block.nested) or (isinstance(block, Quote) and not block.bar)
            )
            if apart:
                flow.gap()
            flow.extend(_block(block, width))
            if apart:
                flow.gap()
    return flow.lines


def _block(block: Block, width: int) -> list[Line]:
    """The lines of a block other than a paragraph or a spacer."""
    if isinstance(block, Heading):
        return _heading(block, width)
    if isinstance(block, Preformatted):
        return wrap_pre(block.runs, width)
    if isinstance(block, Rule):
        return [[("─" * width, Mark.BORDER)]]
    if isinstance(block, ListBlock):
        return _list(block, width)
    if isinstance(block, Quote):
        return _quote(block, width)
    if isinstance(block, Table):
        return tables.render_table(block, width, render_blocks)
    return []


def fitted(lines: list[Line], width: int) -> list[Line]:
    """``lines`` with any line wider than ``width`` cut (a guarantee for odd corners such as very
    narrow widths, where indents and labels leave no room)."""
    return [piece for line in lines for piece in fit(line, width)]


def layout(doc: Document, width: int) -> list[Line]:
    """The document's body as lines of at most ``width`` cells (without the link list)."""
    return fitted(render_blocks(doc.blocks, width, compact=doc.compact), max(width, MIN_WIDTH))
