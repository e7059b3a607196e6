"""Rich output for the Textual detail pane: the same lines as the plain text, with styles.

Page text is only ever appended as plain strings with a style: it is never parsed as Rich markup, so a
post that says ``[bold]`` shows those characters.
"""

from __future__ import annotations

from functools import cache

from rich.style import Style
from rich.text import Span, Text

from noticetui.render.document import Document, Mark
from noticetui.render.plain import lines_for
from noticetui.render.sanitize import sanitize

_STYLES: tuple[tuple[int, Style], ...] = (
    (Mark.BOLD, Style(bold=True)),
    (Mark.ITALIC, Style(italic=True)),
    (Mark.UNDERLINE, Style(underline=True)),
    (Mark.STRIKE, Style(strike=True)),
    (Mark.CODE, Style(color="cyan")),
    (Mark.LINK, Style(color="bright_blue", underline=True)),
    (Mark.HEADING, Style(bold=True, color="bright_white")),
    (Mark.CAPTION, Style(italic=True, dim=True)),
    (Mark.QUOTE, Style(dim=True)),
    (Mark.REF, Style(color="blue", dim=True)),
    (Mark.IMAGE, Style(color="magenta")),
    (Mark.FRAME, Style(color="magenta")),
    (Mark.BORDER, Style(dim=True)),
    (Mark.MARKER, Style(bold=True)),
    (Mark.LABEL, Style(bold=True)),
    (Mark.REPEAT, Style(dim=True)),
)


@cache
def style_for(mark: int) -> Style | None:
    """The Rich style of text with ``mark`` (None for plain text)."""
    styles = [style for flag, style in _STYLES if mark & flag]
    return Style.combine(styles) if styles else None


def to_rich(doc: Document, width: int = 80) -> Text:
    """``doc`` as a :class:`rich.text.Text` laid out at ``width`` cells, ending with its list of links."""
    # Built as one string plus spans (never through markup): faster than appending piece by piece.
    pieces: list[str] = []
    spans: list[Span] = []
    offset = 0
    for i, line in enumerate(lines_for(doc, width)):
        if i:
            pieces.append("\n")
            offset += 1
        for piece, mark in line:
            piece = sanitize(piece)
            style = style_for(mark)
            if style is not None and piece:
                spans.append(Span(offset, offset + len(piece), style))
            pieces.append(piece)
            offset += len(piece)
    return Text("".join(pieces), spans=spans, end="")
