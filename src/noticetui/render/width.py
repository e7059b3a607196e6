"""Terminal cell widths: Hangul, CJK and most emoji take two cells, combining marks none."""

from __future__ import annotations

from collections.abc import Iterator

import wcwidth

_CACHE: dict[str, int] = {}


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` occupies (Korean syllables count two), via wcwidth."""
    # Most tokens are plain ASCII words or recurring Korean words: skip the Unicode tables for them.
    if text.isascii() and text.isprintable():
        return len(text)
    width = _CACHE.get(text)
    if width is None:
        width = max(0, int(wcwidth.width(text)))
        if len(text) <= 32:
            if len(_CACHE) > 50_000:
                _CACHE.clear()
            _CACHE[text] = width
    return width


def graphemes(text: str) -> Iterator[tuple[str, int]]:
    """The user-perceived characters of ``text`` with their widths (never split a syllable or emoji)."""
    if text.isascii():
        for char in text:
            yield char, 1 if char.isprintable() else 0
        return
    for cluster in wcwidth.iter_graphemes(text):
        yield cluster, cell_width(cluster)


def hard_split(text: str, width: int) -> list[str]:
    """``text`` cut into pieces of at most ``width`` cells (a piece holds at least one character)."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for cluster, cells in graphemes(text):
        if current and used + cells > width:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(cluster)
        used += cells
    if current:
        pieces.append("".join(current))
    return pieces


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` cells."""
    return text + " " * max(0, width - cell_width(text))
