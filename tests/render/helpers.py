"""Shared checks for the renderer tests: what a page shows, what the output shows."""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser

from noticetui.render.document import DECORATION, Line
from noticetui.render.sanitize import sanitize
from noticetui.render.width import cell_width

INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "xml", "iframe"}


def text_nodes(html: str) -> list[str]:
    """Every text node a browser shows, whitespace collapsed (NBSP too), empty ones left out.

    Written independently of the renderer: a plain walk over the parse tree.
    """
    tree = LexborHTMLParser(html)
    root = tree.body
    assert root is not None
    found: list[str] = []
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            continue
        parent, hidden = node.parent, False
        while parent is not None:
            if parent.tag in INVISIBLE:
                hidden = True
                break
            parent = parent.parent
        text = " ".join(sanitize(node.text_content or "").replace("\xa0", " ").split())
        if text and not hidden:
            found.append(text)
    return found


def non_space(text: str) -> Counter[str]:
    """The multiset of non-whitespace characters of ``text``."""
    return Counter(char for char in text if not char.isspace())


def content_text(lines: list[Line], exclude: int = DECORATION) -> str:
    """The output's text minus what the renderer added (borders, markers, placeholders, references)."""
    return "\n".join("".join(text for text, mark in line if not mark & exclude) for line in lines)


def collapse(text: str) -> str:
    """Whitespace runs (newlines included) as single spaces."""
    return " ".join(text.replace("\xa0", " ").split())


def widest(text: str) -> int:
    """The widest line of ``text`` in terminal cells."""
    return max((cell_width(line) for line in text.split("\n")), default=0)


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
