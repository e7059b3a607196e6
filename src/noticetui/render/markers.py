"""List markers: bullets by nesting depth, and numbers in the styles ``<ol type=…>`` allows."""

from __future__ import annotations

BULLETS = ("•", "◦", "▪")
"""Unordered-list bullets by nesting depth (cycling), as browsers vary disc, circle and square."""

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def bullet(depth: int) -> str:
    """The bullet of an unordered list nested ``depth`` lists deep (0 at the top)."""
    return BULLETS[depth % len(BULLETS)]


def _alpha(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def ordinal(number: int, kind: str = "1") -> str:
    """``number`` as an ordered-list marker of ``type`` ``kind`` (``1``, ``a``, ``A``, ``i``, ``I``)."""
    if kind in ("a", "A") and number > 0:
        text = _alpha(number)
    elif kind in ("i", "I") and 0 < number < 4000:
        text = _roman(number)
    else:
        text = str(number)
    return (text.upper() if kind in ("A", "I") else text) + "."
