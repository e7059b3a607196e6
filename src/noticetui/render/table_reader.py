"""Reading ``<table>`` into blocks: a data table, or the cells of a layout table in reading order."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from noticetui.render.document import Block, Cell, Mark, Row, Spacer, Table
from noticetui.render.elements import align_left, int_attr, is_hidden
from noticetui.render.inline import style_align, style_marks
from noticetui.render.sink import Context, Sink

MAX_COLSPAN = 1000
"""A wider ``colspan`` is a mistake or an attack: it would make a grid of millions of columns."""


class TableReader:
    """The table part of the HTML walker (mixed into it): needs the walker's :meth:`contents`."""

    spacers: int
    """Spacer paragraphs seen (the walker's count; a cell's ``&nbsp;`` does not count)."""

    def contents(self, node: LexborNode, ctx: Context, margin: bool = False) -> list[Block]:
        """The blocks inside ``node`` as a container of its own (the walker's)."""
        raise NotImplementedError

    def table(self, node: LexborNode, sink: Sink, ctx: Context) -> None:
        """A data table, or the blocks of a layout table (one column or one cell) in reading order."""
        sink.flush()
        rows = self.rows(node, sink, ctx)
        columns = max((sum(cell.colspan for cell in row.cells) for row in rows), default=0)
        role = (node.attributes.get("role") or "").lower()
        if columns <= 1 or role in ("presentation", "none"):
            _unwrap(rows, sink)
        elif any(cell.blocks for row in rows for cell in row.cells):
            _settle_header_rows(rows)
            sink.blocks.append(Table(rows))

    def rows(self, node: LexborNode, sink: Sink, ctx: Context) -> list[Row]:
        """The table's rows that have cells (its caption goes to ``sink`` before it)."""
        rows: list[Row] = []
        for part in node.iter():
            if part.tag == "caption":
                sink.blocks.extend(self.contents(part, ctx._replace(mark=ctx.mark | Mark.BOLD)))
            elif part.tag in ("thead", "tbody", "tfoot"):
                rows += [self.row(tr, ctx, part.tag == "thead") for tr in part.iter() if tr.tag == "tr"]
            elif part.tag == "tr":
                rows.append(self.row(part, ctx, False))
        return [row for row in rows if row.cells]

    def row(self, tr: LexborNode, ctx: Context, in_head: bool) -> Row:
        """One ``<tr>`` and its cells."""
        row_attrs = tr.attributes
        if is_hidden(row_attrs):
            return Row([])
        row_align = style_align(row_attrs.get("style") or "", row_attrs.get("align") or "")
        cells = [
            self.cell(td, ctx, row_align) for td in tr.iter() if td.tag in ("td", "th") and not is_hidden(td.attributes)
        ]
        return Row(cells, header=bool(cells) and (in_head or all(cell.header for cell in cells)))

    def cell(self, td: LexborNode, ctx: Context, row_align: str | None) -> Cell:
        """One ``<td>`` or ``<th>``."""
        attrs = td.attributes
        head = td.tag == "th"
        align = style_align(attrs.get("style") or "", attrs.get("align") or "")
        cell_ctx = Context(
            mark=ctx.mark | (Mark.BOLD if head else Mark.NONE) | style_marks(attrs.get("style") or ""),
            align=align or row_align or ("center" if head else "left"),
            depth=ctx.depth,
            nest=ctx.nest + 1,
        )
        colspan = min(max(int_attr(attrs.get("colspan"), 1), 1), MAX_COLSPAN)
        rowspan = int_attr(attrs.get("rowspan"), 1)
        # A cell's &nbsp; only keeps an empty cell open: it says nothing of how the post is spaced.
        spacers = self.spacers
        blocks = self.contents(td, cell_ctx)
        self.spacers = spacers
        if all(isinstance(block, Spacer) for block in blocks):
            blocks = []
        rows = 65534 if rowspan == 0 else max(rowspan, 1)
        return Cell(blocks, colspan, rows, head, aligned=bool(align or row_align))


def _unwrap(rows: list[Row], sink: Sink) -> None:
    """A layout table's cells as blocks in reading order (header cells set flush left unless aligned)."""
    for row in rows:
        for cell in row.cells:
            if cell.header and not cell.aligned:
                align_left(cell.blocks)
            sink.blocks.extend(cell.blocks)


def _settle_header_rows(rows: list[Row]) -> None:
    """Only the rows before the first body row stay header rows."""
    seen_body = False
    for row in rows:
        seen_body = seen_body or not row.header
        row.header = row.header and not seen_body
