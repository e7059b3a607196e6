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
            inline, waiting = inline_captions(block.runs)
            for number, text in inline.items():
                found.setdefault(number, text)
            waiting = [n for n in waiting if n not in found]
            following = _next_paragraph(blocks, index + 1)
            if waiting and following is not None and not following.images:
                text = _text(following)
                if is_caption(text):
                    following.caption = True
                    for number in waiting:
                        found[number] = text
        elif isinstance(block, ListBlock):
            for item in block.items:
                _walk(item.blocks, found)
        elif isinstance(block, Quote):
            _walk(block.blocks, found)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    _walk(cell.blocks, found)


def _next_paragraph(blocks: list[Block], start: int) -> Paragraph | None:
    for block in blocks[start : start + 2]:
        if isinstance(block, Paragraph):
            return block
        if not isinstance(block, Spacer):
            return None
    return None
