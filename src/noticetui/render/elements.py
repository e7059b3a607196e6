"""What HTML elements mean to the renderer: which are skipped, which are blocks, which add marks.

Also the small readers of attributes that the walker shares.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from noticetui.render.document import Block, Mark, Paragraph
from noticetui.render.inline import style_hidden

SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "xml", "svg"}
    | {"math", "canvas", "map", "area", "input", "select", "option", "optgroup", "datalist", "param"}
    | {"source", "track", "colgroup", "col", "frameset"}
)
BLOCK = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "address", "center"}
    | {"form", "fieldset", "legend", "details", "summary", "hgroup", "dialog", "figcaption", "dl", "dt"}
    | {"search"}
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = frozenset(("ul", "ol", "menu", "dir"))
PRE = frozenset(("pre", "listing", "xmp", "plaintext", "textarea"))
MEDIA = {"iframe": "embedded frame", "frame": "embedded frame", "embed": "embedded media"}
INLINE_MARKS = {
    "b": Mark.BOLD,
    "strong": Mark.BOLD,
    "i": Mark.ITALIC,
    "em": Mark.ITALIC,
    "cite": Mark.ITALIC,
    "dfn": Mark.ITALIC,
    "var": Mark.ITALIC,
    "u": Mark.UNDERLINE,
    "ins": Mark.UNDERLINE,
    "s": Mark.STRIKE,
    "strike": Mark.STRIKE,
    "del": Mark.STRIKE,
    "code": Mark.CODE,
    "kbd": Mark.CODE,
    "samp": Mark.CODE,
    "tt": Mark.CODE,
}
FLAT_DEPTH = 48
"""Elements nested deeper than this are walked without recursion, each block a paragraph of its own: a
hostile page of thousands of nested ``<div>`` keeps every character and cannot exhaust the stack."""
MAX_NEST = 8
"""Lists, quotes and tables nested deeper than this are read as plain blocks (no more indents to lay out)."""
NESTING = frozenset({"blockquote", "dd", "figure", "li", "table", "caption", "thead", "tbody", "tfoot", "tr"})
NESTING |= {"td", "th"} | LISTS
"""What the layout indents or frames: read as plain blocks beyond :data:`MAX_NEST`."""
FLAT_BLOCKS = BLOCK | NESTING | PRE | HEADINGS.keys() | {"hr"}
"""What ends the paragraph before and after it in a flat walk."""
# Editors whose paragraphs carry margin:0 in a stylesheet the board does not send along.
TIGHT_CLASSES = ("msonormal", "hstyle", "0")


def align_left(blocks: list[Block]) -> None:
    """Sets the paragraphs of ``blocks`` flush left."""
    for block in blocks:
        if isinstance(block, Paragraph):
            block.align = "left"


def is_tight(classes: str) -> bool:
    """Whether a paragraph's classes are those of an editor that sets paragraphs without margins."""
    return any(name.lower().startswith(TIGHT_CLASSES) for name in classes.split())


def is_hidden(attrs: dict[str, str | None]) -> bool:
    """Whether an element's attributes hide it (``hidden``, ``display:none``, ``visibility:hidden``)."""
    return "hidden" in attrs or style_hidden(attrs.get("style") or "")


def int_attr(value: str | None, default: int) -> int:
    """An integer attribute (``start``, ``colspan``…), ``default`` when absent or malformed."""
    value = (value or "").strip()
    if value[:1] == "-":
        return -int_attr(value[1:], -default)
    return int(value) if value.isdigit() and value.isascii() else default


def hides(node: LexborNode, attrs: dict[str, str | None], style: str) -> bool:
    """Whether an element is not shown at all (``hidden``, ``display:none``, an empty ``aria-hidden``)."""
    if (style and style_hidden(style)) or "hidden" in attrs:
        return True
    # aria-hidden hides decorative icons from screen readers; text in it is still on screen.
    return attrs.get("aria-hidden") == "true" and not (node.text() or "").strip()
