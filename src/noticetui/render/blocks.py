"""HTML → blocks: one walk over the parsed body, as a browser would build its boxes.

Block elements end the current paragraph and start their own; inline elements only add marks.  What a
browser would not show (scripts, comments, hidden elements) is skipped; what it would show (including the
text of Word's ``<![if !supportLists]>`` sections and of unknown tags such as ``<o:p>`` or ``<st1:place>``)
is kept, so that no visible character is lost.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from noticetui.render import markers, office
from noticetui.render.captions import attach_captions
from noticetui.render.document import (
    Align,
    Block,
    Cell,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    Row,
    Rule,
    Run,
    Spacer,
    Table,
)
from noticetui.render.elements import (
    BLOCK,
    HEADINGS,
    INLINE_MARKS,
    LISTS,
    MEDIA,
    PRE,
    SKIP,
    align_left,
    int_attr,
    is_hidden,
    is_tight,
)
from noticetui.render.inline import (
    InlineBuilder,
    expand_tabs,
    style_align,
    style_hidden,
    style_marks,
    style_no_margin,
)
from noticetui.render.references import References
from noticetui.render.sanitize import sanitize

_ASCII_BLANK = re.compile(r"[ \t\n\r\f]+")


class _Context(NamedTuple):
    """What an element inherits from its ancestors."""

    mark: int = Mark.NONE
    align: str | None = None
    depth: int = 0
    """How many lists deep."""
    pre: bool = False


class _Sink:
    """The blocks of one container, with the paragraph being filled."""

    __slots__ = ("align", "blocks", "inline", "spacers")

    def __init__(self, align: str | None = None, pre: bool = False) -> None:
        self.blocks: list[Block] = []
        self.inline = InlineBuilder(pre)
        self.align = align
        self.spacers = 0

    def flush(self, margin: bool = False) -> None:
        """End the current paragraph (a Spacer when it held only ``&nbsp;``/``<br>``)."""
        inline = self.inline
        if not inline.runs and not inline.spacer:
            return  # nothing was added: keep the builder
        if inline.visible():
            align: Align = "center" if self.align == "center" else "right" if self.align == "right" else "left"
            self.blocks.append(Paragraph(inline.finish(), margin, align, images=inline.images))
        elif inline.spacer:
            self.blocks.append(Spacer())
            self.spacers += 1
        self.inline = InlineBuilder(inline.pre, inline.captures)


class _Walker:
    """Builds the blocks of one document."""

    def __init__(self, base_url: str) -> None:
        self.refs = References(base_url)
        self.spacers = 0

    # --- traversal ---------------------------------------------------------------------------------

    def children(self, node: LexborNode, sink: _Sink, ctx: _Context) -> None:
        """Walk ``node``'s children into ``sink``."""
        # The hot loop of the renderer: ``one`` written out inline.
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                text = child.text_content or ""
                if not ctx.pre and _ASCII_BLANK.fullmatch(text):  # indentation between tags: one space at most
                    sink.inline.space(ctx.mark)
                else:
                    sink.inline.text(sanitize(text), ctx.mark)
            elif tag and tag[0] != "-" and tag not in SKIP:
                self.element(child, tag, sink, ctx)
            elif tag == "-comment":
                office.conditional(child.comment_content or "", sink.inline)

    def one(self, node: LexborNode, sink: _Sink, ctx: _Context) -> None:
        """Walk one node (text, comment or element) into ``sink``."""
        tag = node.tag
        if tag == "-text":
            sink.inline.text(sanitize(node.text_content or ""), ctx.mark)
        elif tag and tag[0] != "-" and tag not in SKIP:
            self.element(node, tag, sink, ctx)
        elif tag == "-comment":
            office.conditional(node.comment_content or "", sink.inline)

    def element(self, node: LexborNode, tag: str, sink: _Sink, ctx: _Context) -> None:
        """Dispatch one element."""
        attrs = node.attributes
        style = attrs.get("style") or ""
        if (style and style_hidden(style)) or "hidden" in attrs:
            return
        # aria-hidden hides decorative icons from screen readers; text in it is still on screen.
        if attrs.get("aria-hidden") == "true" and not (node.text() or "").strip():
            return
        if tag == "br":
            sink.inline.br(ctx.mark)
        elif tag == "img":
            self.image(node, sink, ctx)
        elif tag == "a":
            self.link(node, sink, ctx)
        elif tag in MEDIA or tag in ("video", "audio", "object"):
            self.media(node, tag, sink, ctx)
        elif ctx.pre:
            self.children(node, sink, ctx._replace(mark=ctx.mark | INLINE_MARKS.get(tag, Mark.NONE)))
        elif tag in BLOCK or tag == "li":
            self.block(node, tag, sink, ctx, style)
        elif tag in HEADINGS:
            self.heading(node, HEADINGS[tag], sink, ctx)
        elif tag in LISTS:
            self.list(node, tag, sink, ctx)
        elif tag in ("blockquote", "dd", "figure"):
            self.quote(node, tag, sink, ctx)
        elif tag in PRE:
            self.pre(node, sink, ctx)
        elif tag == "table":
            self.table(node, sink, ctx)
        elif tag == "hr":
            sink.flush()
            sink.blocks.append(Rule())
        else:
            mark = ctx.mark | INLINE_MARKS.get(tag, Mark.NONE) | (style_marks(style) if style else Mark.NONE)
            marker = bool(style) and office.begins_marker(style, sink.inline)
            self.children(node, sink, ctx._replace(mark=mark) if mark != ctx.mark else ctx)
            if marker:
                sink.inline.end_marker()

    def contents(self, node: LexborNode, ctx: _Context, margin: bool = False) -> list[Block]:
        """The blocks inside ``node`` as a container of its own."""
        inner = _Sink(ctx.align)
        self.children(node, inner, ctx)
        inner.flush(margin)
        self.spacers += inner.spacers
        return inner.blocks

    # --- blocks --------------------------------------------------------------------------------------

    def block(self, node: LexborNode, tag: str, sink: _Sink, ctx: _Context, style: str) -> None:
        """``<p>``, ``<div>`` and their kin; ``<dt>`` bold, a stray ``<li>`` as a one-item list."""
        sink.flush()
        attrs = node.attributes
        align = style_align(style, attrs.get("align") or "") or ("center" if tag == "center" else ctx.align)
        mark = ctx.mark | style_marks(style) | (Mark.BOLD if tag in ("dt", "legend", "summary") else Mark.NONE)
        margin = tag == "p" and not style_no_margin(style) and not is_tight(attrs.get("class") or "")
        blocks = self.contents(node, ctx._replace(mark=mark, align=align), margin)
        if tag == "li":
            sink.blocks.append(ListBlock([ListItem(markers.bullet(ctx.depth), blocks)], ctx.depth > 0))
        elif tag == "figcaption":
            for block in blocks:
                if isinstance(block, Paragraph):
                    block.caption = True
            sink.blocks.extend(blocks)
        else:
            sink.blocks.extend(blocks)

    def heading(self, node: LexborNode, level: int, sink: _Sink, ctx: _Context) -> None:
        """``<h1>``–``<h6>``: one Heading; any tables or lists inside follow it."""
        sink.flush()
        runs: list[Run] = []
        rest: list[Block] = []
        for block in self.contents(node, ctx._replace(mark=ctx.mark | Mark.BOLD | Mark.HEADING)):
            if isinstance(block, Paragraph):
                runs += ([("\n", Mark.NONE)] if runs else []) + block.runs
            elif not isinstance(block, Spacer):
                rest.append(block)
        if runs:
            sink.blocks.append(Heading(level, runs))
        sink.blocks.extend(rest)

    def list(self, node: LexborNode, tag: str, sink: _Sink, ctx: _Context) -> None:
        """``<ul>``/``<ol>``: items with bullets or numbers (``start``, ``type``, ``reversed``, ``value``)."""
        sink.flush()
        attrs = node.attributes
        ordered = tag == "ol"
        items = [c for c in node.iter() if c.tag == "li" and not is_hidden(c.attributes)]
        step = -1 if "reversed" in attrs else 1
        counter = int_attr(attrs.get("start"), len(items) if step < 0 else 1)
        kind = attrs.get("type") or "1"
        inner = ctx._replace(depth=ctx.depth + 1)
        result: list[ListItem] = []
        for child in node.iter(include_text=True):
            if child.tag == "li":
                if is_hidden(child.attributes):
                    continue
                counter = int_attr(child.attributes.get("value"), counter)
                marker = markers.ordinal(counter, kind) if ordered else markers.bullet(ctx.depth)
                result.append(ListItem(marker, self.contents(child, inner)))
                counter += step
            elif child.tag == "-text" and not (child.text_content or "").strip():
                continue
            else:
                # Loose content (often a nested list written beside the <li>) belongs to the item above.
                loose = _Sink(ctx.align)
                self.one(child, loose, inner)
                loose.flush()
                if loose.blocks and not result:
                    result.append(ListItem("", []))
                if loose.blocks:
                    result[-1].blocks.extend(loose.blocks)
        if result:
            sink.blocks.append(ListBlock(result, ctx.depth > 0))

    def quote(self, node: LexborNode, tag: str, sink: _Sink, ctx: _Context) -> None:
        """``<blockquote>`` with a bar, ``<dd>`` indented, ``<figure>`` with its caption."""
        sink.flush()
        first_image = len(self.refs.images) + 1
        blocks = self.contents(node, ctx)
        if tag == "figure":
            self.refs.caption_figure(first_image, blocks)
            sink.blocks.extend(blocks)
        elif blocks:
            sink.blocks.append(Quote(blocks, bar=tag == "blockquote"))

    def pre(self, node: LexborNode, sink: _Sink, ctx: _Context) -> None:
        """``<pre>`` and ``<textarea>``: text kept as written, tabs expanded."""
        sink.flush()
        inner = _Sink(pre=True)
        self.children(node, inner, ctx._replace(pre=True, mark=ctx.mark | Mark.CODE))
        runs = expand_tabs(inner.inline.finish())
        while runs and not runs[-1][0].strip("\n"):
            runs.pop()
        if runs:
            runs[-1] = (runs[-1][0].rstrip("\n"), runs[-1][1])
            sink.blocks.append(Preformatted(runs))

    def table(self, node: LexborNode, sink: _Sink, ctx: _Context) -> None:
        """A data table, or the blocks of a layout table (one column or one cell) in reading order."""
        sink.flush()
        rows: list[Row] = []
        for part in node.iter():
            if part.tag == "caption":
                caption = self.contents(part, ctx._replace(mark=ctx.mark | Mark.BOLD))
                sink.blocks.extend(caption)
            elif part.tag in ("thead", "tbody", "tfoot"):
                rows += [self.row(tr, ctx, part.tag == "thead") for tr in part.iter() if tr.tag == "tr"]
            elif part.tag == "tr":
                rows.append(self.row(part, ctx, False))
        rows = [row for row in rows if row.cells]
        columns = max((sum(cell.colspan for cell in row.cells) for row in rows), default=0)
        role = (node.attributes.get("role") or "").lower()
        if columns <= 1 or role in ("presentation", "none"):
            for row in rows:
                for cell in row.cells:
                    if cell.header and not cell.aligned:
                        align_left(cell.blocks)
                    sink.blocks.extend(cell.blocks)
            return
        if not any(cell.blocks for row in rows for cell in row.cells):
            return
        seen_body = False
        for row in rows:
            seen_body = seen_body or not row.header
            row.header = row.header and not seen_body
        sink.blocks.append(Table(rows))

    def row(self, tr: LexborNode, ctx: _Context, in_head: bool) -> Row:
        """One ``<tr>`` and its cells."""
        row_attrs = tr.attributes
        if is_hidden(row_attrs):
            return Row([])
        row_align = style_align(row_attrs.get("style") or "", row_attrs.get("align") or "")
        cells: list[Cell] = []
        for td in tr.iter():
            if td.tag not in ("td", "th"):
                continue
            attrs = td.attributes
            if is_hidden(attrs):
                continue
            head = td.tag == "th"
            align = style_align(attrs.get("style") or "", attrs.get("align") or "")
            cell_ctx = _Context(
                mark=ctx.mark | (Mark.BOLD if head else Mark.NONE) | style_marks(attrs.get("style") or ""),
                align=align or row_align or ("center" if head else "left"),
                depth=ctx.depth,
            )
            colspan = min(max(int_attr(attrs.get("colspan"), 1), 1), 1000)
            rowspan = int_attr(attrs.get("rowspan"), 1)
            # A cell's &nbsp; only keeps an empty cell open: it says nothing of how the post is spaced.
            spacers = self.spacers
            blocks = self.contents(td, cell_ctx)
            self.spacers = spacers
            if all(isinstance(block, Spacer) for block in blocks):
                blocks = []
            rows = 65534 if rowspan == 0 else max(rowspan, 1)
            cells.append(Cell(blocks, colspan, rows, head, aligned=bool(align or row_align)))
        return Row(cells, header=bool(cells) and (in_head or all(cell.header for cell in cells)))

    # --- inline replaced elements and links ---------------------------------------------------------

    def image(self, node: LexborNode, sink: _Sink, ctx: _Context) -> None:
        """An ``[image N: alt]`` placeholder (tracking pixels are skipped)."""
        attrs = node.attributes
        if attrs.get("width") in ("0", "1") and attrs.get("height") in ("0", "1"):
            return
        src = ""
        for name in ("src", "data-src", "data-original", "data-lazy-src"):
            src = (attrs.get(name) or "").strip()
            if src and not (name == "src" and src.startswith("data:") and attrs.get("data-src")):
                break
        number, label = self.refs.image(src, sanitize(attrs.get("alt") or ""))
        # NBSPs keep "[image N:" together when the line wraps; the label may wrap.
        sink.inline.image(number, f"[image\xa0{number}:\xa0{label}]", ctx.mark)

    def link(self, node: LexborNode, sink: _Sink, ctx: _Context) -> None:
        """Link text followed by its ``[N]`` reference; ``javascript:`` and ``#`` anchors stay plain text."""
        url = self.refs.link_url(node.attributes.get("href") or "")
        if url is None:
            self.children(node, sink, ctx)
            return
        buffer = sink.inline.begin_capture()
        atoms = sink.inline.atoms
        self.children(node, sink, ctx._replace(mark=ctx.mark | Mark.LINK))
        text = sink.inline.end_capture(buffer)
        if not text and sink.inline.atoms == atoms:
            text = sanitize(node.attributes.get("title") or node.attributes.get("aria-label") or "").strip()
        sink.inline.atom(f"[{self.refs.link(url, text)}]", Mark.REF)

    def media(self, node: LexborNode, tag: str, sink: _Sink, ctx: _Context) -> None:
        """``<iframe>``, ``<video>``… as ``[embedded frame: URL][N]``; their fallback content is not shown."""
        src = node.attributes.get("src") or node.attributes.get("data") or ""
        if not src:
            source = node.css_first("source[src]")
            src = (source.attributes.get("src") or "") if source is not None else ""
        url = self.refs.link_url(src)
        if url is None:
            return
        label = MEDIA.get(tag, tag if tag in ("video", "audio") else "embedded media")
        sink.inline.atom(f"[{label.replace(' ', chr(0xA0))}: {url}]", Mark.FRAME)
        sink.inline.atom(f"[{self.refs.link(url, label)}]", Mark.REF)


_NOSCRIPT = re.compile(r"<noscript\b.*?(?:</noscript\s*>|$)", re.I | re.S)


def parse(html: str, base_url: str = "") -> Document:
    """Parse ``html`` (a post body, or a whole page) into a Document."""
    # The parser reads <noscript> as a browser without scripting would, and may even move its text into
    # the body; a browser with scripting (the one the page was written for) shows none of it.
    if "noscript" in html.lower():
        html = _NOSCRIPT.sub("", html)
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    walker = _Walker(base_url)
    sink = _Sink()
    if root is not None:
        walker.children(root, sink, _Context())
    sink.flush()
    blocks = sink.blocks
    captions = attach_captions(blocks)
    return Document(
        blocks=blocks,
        links=walker.refs.links,
        images=walker.refs.finish_images(captions),
        compact=walker.spacers + sink.spacers > 0,
    )
