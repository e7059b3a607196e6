"""The open post's body text: a Static that draws only the lines on screen.

A plain Static lays out and renders its whole text whenever it is drawn: for a post 5,000 levels deep
(thousands of lines) that took seconds on the UI loop before the first frame, and again on each refresh.
The renderer has already wrapped the body to the pane's width, so here the text is only cut into lines
(once per text and width; a line still wider than the widget is wrapped again, never cut) and each line
is turned into segments when it scrolls into view, a few hundred of them kept for the next frame.
Cutting a long body (and measuring its lines) can be done beforehand, off the UI loop: :func:`cut`.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from rich.text import Span, Text
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual, VisualType, visualize
from textual.widgets import Static

KEPT_LINES = 400
"""How many rendered lines are kept (a few screens: scrolling back does not render them again)."""


def lines_of(text: Text) -> list[Text]:
    """``text`` cut at its newlines, styles kept: one pass when no span crosses a line (the renderer's
    never do), else Rich's own split (which sorts every span into every line: slow on long bodies)."""
    plain = text.plain
    lines: list[Text] = []
    spans = text.spans
    index = 0
    start = 0
    for part in plain.split("\n"):
        end = start + len(part)
        line = text.blank_copy(part)
        while index < len(spans) and spans[index].start < end + 1:
            span = spans[index]
            if span.start < start or span.end > end:
                return list(text.split("\n", allow_blank=True))  # out of order, or across a newline
            if span.end > span.start:
                line.spans.append(Span(span.start - start, span.end - start, span.style))
            index += 1
        lines.append(line)
        start = end + 1
    if index < len(spans):
        return list(text.split("\n", allow_blank=True))
    return lines


@dataclass(frozen=True)
class Cut:
    """A text cut at its newlines, with each line's width in cells."""

    text: Text
    """The whole text."""
    lines: list[Text]
    """Its lines (:func:`lines_of`)."""
    cells: list[int]
    """The width of each line in cells."""
    widest: int
    """The widest line's width in cells."""


def cut(text: Text) -> Cut:
    """Cut ``text`` and measure its lines: pure, so a long body can be cut in a thread."""
    lines = lines_of(text)
    cells = [line.cell_len for line in lines]
    return Cut(text, lines, cells, max(cells, default=0))


class BodyText(Static):
    """A Static whose text is laid out once per width and drawn line by line (Rich text or a string)."""

    def __init__(self, content: VisualType = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._body: VisualType = content
        self._source: Cut | None = None
        self._width = -1
        self._lines: list[Text] = []
        self._strips: OrderedDict[int, Strip] = OrderedDict()

    @property
    def content(self) -> VisualType:
        """The text shown."""
        return self._body

    @content.setter
    def content(self, content: VisualType) -> None:
        self.update(content)

    @property
    def visual(self) -> Visual:
        """The text as one Visual, built only when something asks for it (drawing does not)."""
        return visualize(self, self._body, markup=False)

    def update(self, content: VisualType | Cut = "", *, layout: bool = True) -> None:
        """Show ``content`` (laid out again at the next draw; Static would convert it whole here).

        ``content`` may be a :class:`Cut` text: its lines are not cut (nor measured) again."""
        self._source = content if isinstance(content, Cut) else None
        self._body = content.text if isinstance(content, Cut) else content
        self._width = -1
        self._strips.clear()
        self.clear_cached_dimensions()
        self.refresh(layout=layout)

    def _split(self) -> Cut:
        """The text's own lines (cut once per text: splitting styled text is the dear part)."""
        if self._source is None:
            content = self._body
            self._source = cut(content if isinstance(content, Text) else Text(str(content)))
        return self._source

    def lines_at(self, width: int) -> list[Text]:
        """The text cut into lines of at most ``width`` cells."""
        if width != self._width:
            source = self._split()
            lines = source.lines if source.widest <= width else []  # the renderer's own lines mostly fit
            if lines is not source.lines:
                for line, cells in zip(source.lines, source.cells, strict=True):
                    if cells <= width:
                        lines.append(line)
                    else:
                        lines.extend(line.wrap(self.app.console, max(width, 1)))
            self._lines, self._width = lines, width
            self._strips.clear()
        return self._lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The widest line (the renderer wrapped the text already)."""
        return self._split().widest

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One row per line at ``width``."""
        return len(self.lines_at(width)) if width else 0

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the text, rendered when first drawn."""
        width = self.content_region.width
        strip = self._strips.get(y)
        if strip is None or strip.cell_length != width:
            lines = self.lines_at(width)
            if y >= len(lines):
                return Strip.blank(width, self.rich_style)
            line = lines[y]
            strip = Strip(list(line.render(self.app.console)), line.cell_len).crop_extend(0, width, None)
            strip = strip.apply_style(self.rich_style)
            self._strips[y] = strip
            while len(self._strips) > KEPT_LINES:
                self._strips.popitem(last=False)
        else:
            self._strips.move_to_end(y)
        return strip
