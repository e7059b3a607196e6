"""What the HTML walker fills: the blocks of one container, and what an element inherits."""

from __future__ import annotations

from typing import NamedTuple

from noticetui.render.document import Align, Block, Mark, Paragraph, Spacer
from noticetui.render.inline import InlineBuilder


class Context(NamedTuple):
    """What an element inherits from its ancestors."""

    mark: int = Mark.NONE
    align: str | None = None
    depth: int = 0
    """How many lists deep."""
    pre: bool = False
    nest: int = 0
    """How many nested blocks (lists, quotes, tables) deep: what the layout will indent."""


class Sink:
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
