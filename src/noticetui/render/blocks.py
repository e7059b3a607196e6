"""HTML → blocks: one walk over the parsed body, as a browser would build its boxes.

Block elements end the current paragraph and start their own; inline elements only add marks.  What a
browser would not show (scripts, comments, hidden elements) is skipped; what it would show (including the
text of Word's ``<![if !supportLists]>`` sections and of unknown tags such as ``<o:p>`` or ``<st1:place>``)
is kept, so that no visible character is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from noticetui.render import markers, office
from noticetui.render.captions import attach_captions
from noticetui.render.document import (
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    Rule,
    Run,
    Spacer,
)
from noticetui.render.elements import (
    BLOCK,
    FLAT_BLOCKS,
    FLAT_DEPTH,
    HEADINGS,
    INLINE_MARKS,
    LISTS,
    MAX_NEST,
    MEDIA,
    NESTING,
    PRE,
    SKIP,
    hides,
    int_attr,
    is_hidden,
    is_tight,
)
from noticetui.render.inline import (
    expand_tabs,
    style_align,
    style_marks,
    style_no_margin,
)
from noticetui.render.references import References
from noticetui.render.sanitize import sanitize
from noticetui.render.sink import Context, Sink
from noticetui.render.table_reader import TableReader

_ASCII_BLANK = re.compile(r"[ \t\n\r\f]+")

_Handler = Callable[["_Walker", LexborNode, str, Sink, Context, str], None]


class _LinkEnd(NamedTuple):
    """Where a link's children end in the flat walk: its reference follows them."""

    node: LexborNode
    url: str
    buffer: list[str]
    atoms: int


_Stack = list[LexborNode | _LinkEnd | bool]
"""The flat walk's work: nodes to read, link ends, and block ends (``True`` for a ``<p>``, with its margin)."""


class _Walker(TableReader):
    """Builds the blocks of one document."""

    def __init__(self, base_url: str) -> None:
        self.refs = References(base_url)
        self.spacers = 0
        self.level = 0
        """How many elements deep the recursive walk is."""

    # --- traversal ---------------------------------------------------------------------------------

    def children(self, node: LexborNode, sink: Sink, ctx: Context) -> None:
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

    def one(self, node: LexborNode, sink: Sink, ctx: Context) -> None:
        """Walk one node (text, comment or element) into ``sink``."""
        tag = node.tag
        if tag == "-text":
            sink.inline.text(sanitize(node.text_content or ""), ctx.mark)
        elif tag and tag[0] != "-" and tag not in SKIP:
            self.element(node, tag, sink, ctx)
        elif tag == "-comment":
            office.conditional(node.comment_content or "", sink.inline)

    def element(self, node: LexborNode, tag: str, sink: Sink, ctx: Context) -> None:
        """Walk one element, unless it is hidden; flat beyond :data:`FLAT_DEPTH`."""
        attrs = node.attributes
        style = attrs.get("style") or ""
        if hides(node, attrs, style):
            return
        if self.level >= FLAT_DEPTH:
            self.flat(node, sink, ctx)
            return
        self.level += 1
        self.dispatch(node, tag, sink, ctx, style)
        self.level -= 1

    def dispatch(self, node: LexborNode, tag: str, sink: Sink, ctx: Context, style: str) -> None:
        """Hand one shown element to the reader of its kind."""
        leaf = _LEAVES.get(tag)
        if leaf is not None:
            leaf(self, node, tag, sink, ctx, style)
        elif ctx.pre:
            self.children(node, sink, ctx._replace(mark=ctx.mark | INLINE_MARKS.get(tag, Mark.NONE)))
        elif ctx.nest >= MAX_NEST and tag in NESTING:
            self.block(node, "div", sink, ctx, style)  # too deep to indent further: its content as blocks
        else:
            _BLOCKS.get(tag, _Walker.inline)(self, node, tag, sink, ctx, style)

    def inline(self, node: LexborNode, tag: str, sink: Sink, ctx: Context, style: str) -> None:
        """An inline element (or one the renderer does not know): its children, with its marks."""
        mark = ctx.mark | INLINE_MARKS.get(tag, Mark.NONE) | (style_marks(style) if style else Mark.NONE)
        marker = bool(style) and office.begins_marker(style, sink.inline)
        self.children(node, sink, ctx._replace(mark=mark) if mark != ctx.mark else ctx)
        if marker:
            sink.inline.end_marker()

    def flat(self, node: LexborNode, sink: Sink, ctx: Context) -> None:
        """``node`` walked with a stack instead of recursion: text, breaks, images and links as usual,
        every block element a paragraph of its own, marks and indents inherited from ``ctx`` only."""
        stack: _Stack = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, bool):
                sink.flush(item)  # a block element ends
            elif isinstance(item, _LinkEnd):
                self.end_link(item.node, item.url, item.buffer, item.atoms, sink)
            elif item.tag in ("-text", "-comment"):
                self.one(item, sink, ctx)
            elif item.tag and item.tag[0] != "-" and item.tag not in SKIP:
                self.flat_element(item, item.tag, sink, ctx, stack)

    def flat_element(self, node: LexborNode, tag: str, sink: Sink, ctx: Context, stack: _Stack) -> None:
        """One element of :meth:`flat`: a leaf is read at once, the children of others are pushed."""
        attrs = node.attributes
        style = attrs.get("style") or ""
        if hides(node, attrs, style):
            return
        if tag == "hr":
            _rule(self, node, tag, sink, ctx, style)
            return
        if tag != "a" and tag in _LEAVES:
            _LEAVES[tag](self, node, tag, sink, ctx, style)
            return
        if tag in FLAT_BLOCKS:
            sink.flush()
            stack.append(tag == "p")
        url = self.refs.link_url(attrs.get("href") or "") if tag == "a" else None
        if url is not None:
            stack.append(_LinkEnd(node, url, sink.inline.begin_capture(), sink.inline.atoms))
        stack.extend(reversed(list(node.iter(include_text=True))))

    def contents(self, node: LexborNode, ctx: Context, margin: bool = False) -> list[Block]:
        """The blocks inside ``node`` as a container of its own."""
        inner = Sink(ctx.align)
        self.children(node, inner, ctx)
        inner.flush(margin)
        self.spacers += inner.spacers
        return inner.blocks

    # --- blocks --------------------------------------------------------------------------------------

    def block(self, node: LexborNode, tag: str, sink: Sink, ctx: Context, style: str) -> None:
        """``<p>``, ``<div>`` and their kin; ``<dt>`` bold, a stray ``<li>`` as a one-item list."""
        sink.flush()
        attrs = node.attributes
        align = style_align(style, attrs.get("align") or "") or ("center" if tag == "center" else ctx.align)
        mark = ctx.mark | style_marks(style) | (Mark.BOLD if tag in ("dt", "legend", "summary") else Mark.NONE)
        margin = tag == "p" and not style_no_margin(style) and not is_tight(attrs.get("class") or "")
        nest = ctx.nest + 1 if tag == "li" else ctx.nest
        blocks = self.contents(node, ctx._replace(mark=mark, align=align, nest=nest), margin)
        if tag == "li":
            sink.blocks.append(ListBlock([ListItem(markers.bullet(ctx.depth), blocks)], ctx.depth > 0))
        elif tag == "figcaption":
            for block in blocks:
                if isinstance(block, Paragraph):
                    block.caption = True
            sink.blocks.extend(blocks)
        else:
            sink.blocks.extend(blocks)

    def heading(self, node: LexborNode, level: int, sink: Sink, ctx: Context) -> None:
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

    def listing(self, node: LexborNode, tag: str, sink: Sink, ctx: Context) -> None:
        """``<ul>``/``<ol>``: items with bullets or numbers (``start``, ``type``, ``reversed``, ``value``)."""
        sink.flush()
        attrs = node.attributes
        ordered = tag == "ol"
        step = -1 if "reversed" in attrs else 1
        # A reversed list counts down from its number of shown items.
        first = sum(1 for c in node.iter() if c.tag == "li" and not is_hidden(c.attributes)) if step < 0 else 1
        counter = int_attr(attrs.get("start"), first)
        kind = attrs.get("type") or "1"
        inner = ctx._replace(depth=ctx.depth + 1, nest=ctx.nest + 1)
        result: list[ListItem] = []
        for child in node.iter(include_text=True):
            if child.tag == "li":
                if is_hidden(child.attributes):
                    continue
                counter = int_attr(child.attributes.get("value"), counter)
                marker = markers.ordinal(counter, kind) if ordered else markers.bullet(ctx.depth)
                result.append(ListItem(marker, self.contents(child, inner)))
                counter += step
            elif child.tag != "-text" or (child.text_content or "").strip():
                self.loose(child, ctx.align, inner, result)
        if result:
            sink.blocks.append(ListBlock(result, ctx.depth > 0))

    def loose(self, node: LexborNode, align: str | None, ctx: Context, items: list[ListItem]) -> None:
        """Content beside the ``<li>`` of a list (often a nested list): it belongs to the item above."""
        loose = Sink(align)
        self.one(node, loose, ctx)
        loose.flush()
        if loose.blocks and not items:
            items.append(ListItem("", []))
        if loose.blocks:
            items[-1].blocks.extend(loose.blocks)

    def quote(self, node: LexborNode, tag: str, sink: Sink, ctx: Context) -> None:
        """``<blockquote>`` with a bar, ``<dd>`` indented, ``<figure>`` with its caption."""
        sink.flush()
        first_image = len(self.refs.images) + 1
        blocks = self.contents(node, ctx._replace(nest=ctx.nest + 1))
        if tag == "figure":
            self.refs.caption_figure(first_image, blocks)
            sink.blocks.extend(blocks)
        elif blocks:
            sink.blocks.append(Quote(blocks, bar=tag == "blockquote"))

    def pre(self, node: LexborNode, sink: Sink, ctx: Context) -> None:
        """``<pre>`` and ``<textarea>``: text kept as written, tabs expanded."""
        sink.flush()
        inner = Sink(pre=True)
        self.children(node, inner, ctx._replace(pre=True, mark=ctx.mark | Mark.CODE))
        runs = expand_tabs(inner.inline.finish())
        while runs and not runs[-1][0].strip("\n"):
            runs.pop()
        if runs:
            runs[-1] = (runs[-1][0].rstrip("\n"), runs[-1][1])
            sink.blocks.append(Preformatted(runs))

    # --- inline replaced elements and links ---------------------------------------------------------

    def image(self, node: LexborNode, sink: Sink, ctx: Context) -> None:
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

    def link(self, node: LexborNode, sink: Sink, ctx: Context) -> None:
        """Link text followed by its ``[N]`` reference; ``javascript:`` and ``#`` anchors stay plain text."""
        url = self.refs.link_url(node.attributes.get("href") or "")
        if url is None:
            self.children(node, sink, ctx)
            return
        buffer = sink.inline.begin_capture()
        atoms = sink.inline.atoms
        self.children(node, sink, ctx._replace(mark=ctx.mark | Mark.LINK))
        self.end_link(node, url, buffer, atoms, sink)

    def end_link(self, node: LexborNode, url: str, buffer: list[str], atoms: int, sink: Sink) -> None:
        """The ``[N]`` reference after a link's text (its title when it has no text or image)."""
        text = sink.inline.end_capture(buffer)
        if not text and sink.inline.atoms == atoms:
            text = sanitize(node.attributes.get("title") or node.attributes.get("aria-label") or "").strip()
        sink.inline.atom(f"[{self.refs.link(url, text)}]", Mark.REF)

    def media(self, node: LexborNode, tag: str, sink: Sink, ctx: Context) -> None:
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


def _rule(walker: _Walker, node: LexborNode, tag: str, sink: Sink, ctx: Context, style: str) -> None:
    sink.flush()
    sink.blocks.append(Rule())


_LEAVES: dict[str, _Handler] = {
    "br": lambda w, n, t, sink, ctx, s: sink.inline.br(ctx.mark),
    "img": lambda w, n, t, sink, ctx, s: w.image(n, sink, ctx),
    "a": lambda w, n, t, sink, ctx, s: w.link(n, sink, ctx),
    **dict.fromkeys((*MEDIA, "video", "audio", "object"), lambda w, n, t, sink, ctx, s: w.media(n, t, sink, ctx)),
}
"""Elements read the same inside ``<pre>`` as outside."""
_BLOCKS: dict[str, _Handler] = {
    **dict.fromkeys((*BLOCK, "li"), _Walker.block),
    **dict.fromkeys(HEADINGS, lambda w, n, t, sink, ctx, s: w.heading(n, HEADINGS[t], sink, ctx)),
    **dict.fromkeys(LISTS, lambda w, n, t, sink, ctx, s: w.listing(n, t, sink, ctx)),
    **dict.fromkeys(("blockquote", "dd", "figure"), lambda w, n, t, sink, ctx, s: w.quote(n, t, sink, ctx)),
    **dict.fromkeys(PRE, lambda w, n, t, sink, ctx, s: w.pre(n, sink, ctx)),
    "table": lambda w, n, t, sink, ctx, s: w.table(n, sink, ctx),
    "hr": _rule,
}
"""Elements that make blocks; any other is read as inline (:meth:`_Walker.inline`)."""

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
    sink = Sink()
    if root is not None:
        walker.children(root, sink, Context())
    sink.flush()
    blocks = sink.blocks
    captions = attach_captions(blocks)
    return Document(
        blocks=blocks,
        links=walker.refs.links,
        images=walker.refs.finish_images(captions),
        compact=walker.spacers + sink.spacers > 0,
    )
