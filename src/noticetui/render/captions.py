"""Photo captions: Korean press photos are followed by a line such as ``▲ 시장이 …`` or ``<사진=…>``."""

from __future__ import annotations

from noticetui.render.document import Block, ListBlock, Paragraph, Quote, Spacer, Table
from noticetui.render.inline import inline_captions, is_caption


def _text(paragraph: Paragraph) -> str:
    return " ".join("".join(text for text, _ in paragraph.runs).replace("\xa0", " ").split())


def attach_captions(blocks: list[Block]) -> dict[int, str]:
    """Finds the captions of the images in ``blocks`` (recursively), marking caption paragraphs.

    A caption is the line right after an image in the same paragraph, or the next paragraph (one blank
    spacer may sit between) when the image ends its paragraph.
    """
    found: dict[int, str] = {}
    _walk(blocks, found)
    return found


def _walk(blocks: list[Block], found: dict[int, str]) -> None:
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.images:
            _paragraph(block, _next_paragraph(blocks, index + 1), found)
        else:
            for inner in _inside(block):
                _walk(inner, found)


def _paragraph(block: Paragraph, following: Paragraph | None, found: dict[int, str]) -> None:
    """The captions of the images of ``block``: in it, or the ``following`` paragraph."""
    inline, waiting = inline_captions(block.runs)
    for number, text in inline.items():
        found.setdefault(number, text)
    waiting = [n for n in waiting if n not in found]
    if waiting and following is not None and not following.images:
        text = _text(following)
        if is_caption(text):
            following.caption = True
            for number in waiting:
                found[number] = text


def _inside(block: Block) -> list[list[Block]]:
    """The block lists a block holds (list items, a quote, table cells)."""
    if isinstance(block, ListBlock):
        return [item.blocks for item in block.items]
    if isinstance(block, Quote):
        return [block.blocks]
    if isinstance(block, Table):
        return [cell.blocks for row in block.rows for cell in row.cells]
    return []


def _next_paragraph(blocks: list[Block], start: int) -> Paragraph | None:
    for block in blocks[start : start + 2]:
        if isinstance(block, Paragraph):
            return block
        if not isinstance(block, Spacer):
            return None
    return None
