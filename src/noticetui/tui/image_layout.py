"""Where inline images go in a laid-out body: below the line that ends their ``[image N: alt]`` placeholder.

Pure functions over the Rich text of :func:`noticetui.render.to_rich` (no Textual), so that the places
are tested without an app.  The detail pane cuts the body into pieces at these lines and puts an image
between each two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from rich.text import Text

from noticetui.render import Document, Image

MAX_IMAGES = 8
"""Images shown inline per post at most (the rest stay placeholders; ``l`` still opens them)."""

_FETCHABLE = frozenset({"http", "https", "data"})
_GRID = re.compile(r"[\u2500-\u257f]")
"""Box-drawing characters: the line belongs to a table grid (or a quote's bar)."""


@dataclass(frozen=True)
class Piece:
    """A run of whole body lines: ``text`` holds lines ``first`` up to (not including) ``end``."""

    text: Text
    first: int
    end: int


def shown_images(doc: Document, limit: int = MAX_IMAGES) -> list[Image]:
    """The images of ``doc`` to show inline: the first ``limit`` whose address can be fetched."""
    found = [image for image in doc.images if urlsplit(image.src).scheme.lower() in _FETCHABLE]
    return found[:limit]


def image_lines(text: Text, images: Sequence[Image]) -> list[int]:
    """For each image (in body order), the index of the body line it is shown below.

    That is the line holding the end of its placeholder (a long alt text wraps), moved past the rest of
    a table when the placeholder sits in a cell: an image must not cut a grid in two.  An image whose
    placeholder is not found goes below the last line.  The indexes never decrease.
    """
    plain = text.plain
    breaks = [match.start() for match in re.finditer("\n", plain)]
    lines = plain.split("\n")
    last = len(lines) - 1
    found: list[int] = []
    at = previous = 0
    for image in images:
        match = re.compile(rf"\[image\s{image.number}:\s").search(plain, at)
        if match is None:
            line = last
        else:
            end = _closing_bracket(plain, match.end(), image.alt.count("]"))
            at = end
            line = _past_grid(lines, bisect_left(breaks, end))
        previous = max(previous, line)
        found.append(previous)
    return found


def _closing_bracket(plain: str, start: int, inner: int) -> int:
    """The index of the ``]`` closing a placeholder whose label starts at ``start`` and holds ``inner``
    brackets of its own."""
    end = start
    for _ in range(inner + 1):
        found = plain.find("]", end)
        if found < 0:
            return end
        end = found + 1
    return end - 1


def _past_grid(lines: list[str], line: int) -> int:
    while line + 1 < len(lines) and _GRID.search(lines[line]) and _GRID.search(lines[line + 1]):
        line += 1
    return line


def split_lines(text: Text, cuts: Sequence[int]) -> list[Piece]:
    """``text`` cut after each line index of ``cuts`` (non-decreasing): ``len(cuts) + 1`` pieces, some
    holding no line when two cuts fall on the same line."""
    plain = text.plain
    starts = [0] + [match.end() for match in re.finditer("\n", plain)]
    count = len(starts)
    pieces: list[Piece] = []
    first = 0
    for cut in [*cuts, count - 1]:
        end = min(max(cut + 1, first), count)
        if end <= first:
            pieces.append(Piece(Text(), first, first))
            continue
        # Character offsets of the piece, without the line break that ends its last line.
        begin = starts[first]
        stop = starts[end] - 1 if end < count else len(plain)
        pieces.append(Piece(text[begin:stop], first, end))
        first = end
    return pieces
