"""What HTML elements mean to the renderer: which are skipped, which are blocks, which add marks.

Also the small readers of attributes that the walker shares.
"""

from __future__ import annotations

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
