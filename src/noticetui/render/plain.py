"""Plain text output, for ``noticetui show`` and for search snippets."""

from __future__ import annotations

from noticetui.render.document import Document, Line, Mark
from noticetui.render.layout import MIN_WIDTH, UNWRAPPED, fitted, layout
from noticetui.render.sanitize import sanitize
from noticetui.render.width import cell_width, hard_split
from noticetui.render.wrap import wrap

_HANGING = 4


def _entry(label: str, url: str, width: int) -> list[Line]:
    """``[n] URL``; a URL too long for the line continues on indented lines, cut between characters
    (never at an inserted space: the pieces must join back into the URL)."""
    head = f"{label} "
    room = width - cell_width(head)
    if cell_width(url) <= room or room < _HANGING:
        return wrap([(head + url, Mark.NONE)], width)
    first = hard_split(url, room)[0]
    rest = hard_split(url[len(first) :], width - _HANGING)
    return [[(head + first, Mark.NONE)], *[[(" " * _HANGING + piece, Mark.NONE)] for piece in rest]]


def references(doc: Document, width: int) -> list[Line]:
    """The ``Images`` and ``Links`` lists that end a rendered post (empty when there are none)."""
    out: list[Line] = []
    if doc.images:
        out += [[], [("Images", Mark.LABEL | Mark.BOLD)]]
        for image in doc.images:
            src = "(embedded)" if image.src.startswith("data:") else image.src or "(no address)"
            out += _entry(f"[image {image.number}]", src, width)
    if doc.links:
        out += [[], [("Links", Mark.LABEL | Mark.BOLD)]]
        for link in doc.links:
            out += _entry(f"[{link.number}]", link.url, width)
    return out


def lines_for(doc: Document, width: int) -> list[Line]:
    """The full output: the body, then the image and link lists."""
    body = layout(doc, width)
    tail = fitted(references(doc, width), max(width, MIN_WIDTH))
    return body + (tail if body else tail[1:])


def to_plain(doc: Document, width: int | None = 80) -> str:
    """``doc`` as plain text of at most ``width`` cells a line, ending with its list of links; ``None``
    wraps nothing (one line per paragraph: for pipes, JSON and feeds)."""
    lines = lines_for(doc, UNWRAPPED if width is None else width)
    return sanitize("\n".join("".join(text for text, _ in line) for line in lines))
