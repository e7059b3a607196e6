"""Watch words: a post whose title holds one of them is worth a highlight (TUI) or a notification.

Matching ignores case, Unicode composition (NFC) and spaces, so ``지원 사업`` in a title matches the watch
word ``지원사업`` and the other way round.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` folded and without white space, and for each kept character its index in ``text``."""
    kept: list[str] = []
    where: list[int] = []
    for i, char in enumerate(_fold(text)):
        if not char.isspace():
            kept.append(char)
            where.append(i)
    return "".join(kept), where


def matches(title: str, words: Iterable[str]) -> list[str]:
    """The watch words found in ``title``, in the order given (empty when none)."""
    squeezed, _ = _squeezed(title)
    return [w for w in words if (needle := _squeezed(w)[0]) and needle in squeezed]


def spans(title: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the watch words occur in ``title``: sorted, merged ``(start, end)`` character ranges, for
    highlighting. Indexes are into ``title`` as given (folding keeps Korean text the same length)."""
    squeezed, where = _squeezed(title)
    if len(_fold(title)) != len(title):  # a rare case-fold that changes length: highlight nothing rather than wrongly
        return []
    found: list[tuple[int, int]] = []
    for word in words:
        needle = _squeezed(word)[0]
        start = squeezed.find(needle) if needle else -1
        while start >= 0:
            found.append((where[start], where[start + len(needle) - 1] + 1))
            start = squeezed.find(needle, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
