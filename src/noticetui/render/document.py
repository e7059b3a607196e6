"""The terminal document: what a post body becomes once parsed, before it is laid out at a width.

Parsing happens once (:func:`noticetui.render.render_html`); laying out happens per width, because the
detail pane is resized and ``noticetui show`` takes the terminal's width.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, Literal


class Mark:
    """Bit flags saying how a piece of text is shown; text the renderer adds carries a :data:`DECORATION`.

    Plain ints rather than an IntFlag: the walker combines them for every element, and enum arithmetic
    is slow enough to matter on a 200 KB body.
    """

    NONE: Final = 0
    BOLD: Final = 1 << 0
    ITALIC: Final = 1 << 1
    UNDERLINE: Final = 1 << 2
    STRIKE: Final = 1 << 3
    CODE: Final = 1 << 4
    LINK: Final = 1 << 5
    """Text inside a link."""
    HEADING: Final = 1 << 6
    CAPTION: Final = 1 << 7
    """A photo caption (``▲ ...``) or figcaption."""
    QUOTE: Final = 1 << 8
    REF: Final = 1 << 9
    """A link reference such as ``[3]``."""
    IMAGE: Final = 1 << 10
    """An image placeholder such as ``[image 1: 조감도]``."""
    FRAME: Final = 1 << 11
    """An embedded frame or media placeholder."""
    BORDER: Final = 1 << 12
    """Table borders, rules, quote bars."""
    MARKER: Final = 1 << 13
    """List bullets and numbers."""
    LABEL: Final = 1 << 14
    """Column names repeated in a stacked table, and section titles such as ``Links``."""
    REPEAT: Final = 1 << 15
    """A table cell's text shown again for a further row it spans (stacked tables)."""


DECORATION: Final = Mark.REF | Mark.IMAGE | Mark.FRAME | Mark.BORDER | Mark.MARKER | Mark.LABEL | Mark.REPEAT
"""Marks of text that the renderer adds rather than text that the page holds."""

Run = tuple[str, int]
"""Inline text with its :class:`Mark` flags; ``\\n`` inside the text is a hard line break."""
Line = list[Run]
"""One laid-out output line; the empty list is a blank line."""
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Reference:
    """What the body refers to by number; links and images are numbered apart, each from 1 in page order."""

    number: int
    """The number the body shows (``[3]``, ``[image 3: …]``) and the list at the end repeats."""


@dataclass(frozen=True)
class Link(Reference):
    """A numbered link: shown as ``text[number]`` in the body and listed at the end."""

    url: str
    """Absolute URL."""
    text: str
    """The link's text where it first appears."""


@dataclass(frozen=True)
class Image(Reference):
    """A numbered image placeholder."""

    src: str
    """Absolute URL, or the ``data:`` URI of an embedded image."""
    alt: str
    """The ``alt`` text, whitespace folded; empty when the page gave none."""
    caption: str = ""
    """The figcaption or the ``▲ ...`` line that follows the image, if any."""


@dataclass
class Paragraph:
    """A run of inline text: a ``<p>``, or the loose text of a ``<div>``/cell."""

    runs: list[Run]
    """The text, in runs of one :class:`Mark` combination each."""
    margin: bool = False
    """Set apart by blank lines (a browser's ``<p>`` margin) unless the document is compact."""
    align: Align = "left"
    """From ``align``/``text-align``, or the enclosing element's."""
    caption: bool = False
    """A photo caption: shown in the caption style."""
    images: list[int] = field(default_factory=list)
    """Numbers of the images placed in this paragraph."""


@dataclass
class Heading:
    """``<h1>`` to ``<h6>``."""

    level: int
    """1 to 6."""
    runs: list[Run]
    """The heading's text."""


@dataclass
class Preformatted:
    """``<pre>`` or ``<textarea>``: whitespace and line breaks kept."""

    runs: list[Run]
    """The text as written, ``\n`` between its lines."""


@dataclass
class Rule:
    """``<hr>``."""


@dataclass
class Spacer:
    """A paragraph holding only ``&nbsp;`` or ``<br>``: one blank line at most."""


@dataclass
class ListItem:
    """One ``<li>`` with its marker (``•``, ``3.``, ``iv.``)."""

    marker: str
    """What stands before the item's first line; empty for loose content found before the first ``<li>``."""
    blocks: list[Block]
    """The item's content."""


@dataclass
class ListBlock:
    """``<ul>``, ``<ol>`` or ``<dl>``'s items."""

    items: list[ListItem]
    """The items in page order."""
    nested: bool = False
    """A list inside another list: not set apart by blank lines."""


@dataclass
class Quote:
    """``<blockquote>`` (with a bar) or ``<dd>`` (indent only)."""

    blocks: list[Block]
    """The quoted content."""
    bar: bool = True
    """Drawn with a bar before each line (``<blockquote>``); False indents only (``<dd>``)."""


@dataclass
class Cell:
    """A table cell: blocks of its own, and its span."""

    blocks: list[Block]
    """The cell's content, laid out at the column's width."""
    colspan: int = 1
    """Columns the cell covers (``colspan``)."""
    rowspan: int = 1
    """Rows the cell covers (``rowspan``)."""
    header: bool = False
    """A header cell (``<th>``)."""
    aligned: bool = False
    """The cell asked for an alignment itself (a ``<th>`` is otherwise centred only inside a grid)."""


@dataclass
class Row:
    """A table row."""

    cells: list[Cell]
    """The cells the ``<tr>`` holds, left to right (spans are placed later, by the grid)."""
    header: bool = False
    """A header row (in ``<thead>``, or only ``<th>`` cells at the top of the table)."""


@dataclass
class Table:
    """A data table (layout tables are unwrapped while parsing)."""

    rows: list[Row]
    """The rows top to bottom; header rows, if any, lead."""


Block = Paragraph | Heading | Preformatted | Rule | Spacer | ListBlock | Quote | Table
BlocksLayout = Callable[[list[Block], int, bool], list[Line]]
"""Lays blocks out at a width (``compact`` third): how tables lay out their cells without importing the
layout that imports them."""


def block_texts(blocks: list[Block]) -> list[str]:
    """The plain text of ``blocks`` in reading order, one string per paragraph, heading or preformatted
    block, with those of lists, quotes and table cells (rules and spacers hold none)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading | Preformatted):
            out.append("".join(text for text, _ in block.runs))
        elif isinstance(block, ListBlock):
            for item in block.items:
                out += block_texts(item.blocks)
        elif isinstance(block, Quote):
            out += block_texts(block.blocks)
        elif isinstance(block, Table):
            out += [text for row in block.rows for cell in row.cells for text in block_texts(cell.blocks)]
    return out


@dataclass
class Document:
    """A parsed post body: blocks to lay out, and the links and images they reference by number."""

    blocks: list[Block]
    """The body's blocks in reading order."""
    links: list[Link] = field(default_factory=list)
    """The numbered links, by number (``links[0]`` is ``[1]``)."""
    images: list[Image] = field(default_factory=list)
    """The numbered images, by number (``images[0]`` is image 1)."""
    compact: bool = False
    """Written in an editor that spaces paragraphs with ``<p>&nbsp;</p>``: paragraphs get no margin."""
