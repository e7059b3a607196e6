"""Inline text as a browser lays it out: whitespace collapsed, styles carried, ``<br>`` kept."""

from __future__ import annotations

import re

from noticetui.render.document import Mark, Run

_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace only: NBSP and U+3000 are text
_BLANK = re.compile(r"[ \n\xa0\u3000\u200b]*")
_GAP = " \xa0\u3000"  # what pads a Word list marker out to its tab stop
_CAPTION = re.compile(r"^[ \xa0\u3000]*(?:[▲△]|[<\[(〈《【]\s*사진|사진\s*[=:：])")
CAPTION_MAX = 200
"""Longest text (in characters) still taken for a photo caption."""


def is_caption(text: str) -> bool:
    """Whether ``text`` reads like a Korean photo caption (``▲ 시장이…``, ``<사진>``, ``[사진=…]``)."""
    return len(text) <= CAPTION_MAX and _CAPTION.match(text) is not None


class InlineBuilder:
    """Collects the inline content of one block, collapsing whitespace across element boundaries."""

    __slots__ = (
        "_captures",
        "_line_start",
        "_marker",
        "_space",
        "_visible",
        "atoms",
        "images",
        "pre",
        "runs",
        "spacer",
    )

    def __init__(self, pre: bool = False, captures: list[list[str]] | None = None) -> None:
        self.pre = pre
        self._visible = False
        self.runs: list[Run] = []
        self._line_start = True
        self._space = False
        self.spacer = False
        """Whitespace that a browser still gives a line box (``&nbsp;``, ``<br>``) was seen."""
        self.atoms = 0
        """Placeholders added (images, references): content even without text."""
        self.images: list[int] = []
        # Open link-text recordings; shared with the next builder when a block interrupts a link.
        self._captures: list[list[str]] = [] if captures is None else captures
        # An open list marker: where it starts (run, offset), the line state before it, open conditionals.
        self._marker: tuple[int, int, bool, bool, int] | None = None

    @property
    def captures(self) -> list[list[str]]:
        """The open recordings (a link's text), to hand on to the builder of the next paragraph."""
        return self._captures

    def begin_capture(self) -> list[str]:
        """Start recording the text added from now on (a link's text); returns the buffer."""
        buffer: list[str] = []
        self._captures.append(buffer)
        return buffer

    def end_capture(self, buffer: list[str]) -> str:
        """Stop recording into ``buffer`` and return its text, collapsed."""
        if buffer in self._captures:
            self._captures.remove(buffer)
        return _COLLAPSIBLE.sub(" ", "".join(buffer).replace("\xa0", " ")).strip()

    @property
    def in_marker(self) -> bool:
        """Whether a list marker is being collected (see :meth:`begin_marker`)."""
        return self._marker is not None

    def begin_marker(self) -> None:
        """Start a list marker that Word wrote out as text (``<![if !supportLists]>1.&nbsp;&nbsp;…``).

        The spaces that pad it out to Word's tab stop are collapsed to one by :meth:`end_marker`.
        Conditionals opened inside it (``<![if !vml]>`` around a picture bullet) are counted with
        :meth:`open_conditional` so that their ``<![endif]>`` does not end it.
        """
        if self._marker is None and not self.pre:
            at = (len(self.runs) - 1, len(self.runs[-1][0])) if self.runs else (0, 0)
            self._marker = (*at, self._line_start, self._space, 1)

    def open_conditional(self) -> None:
        """Another ``<![if …]>`` inside the marker."""
        if self._marker is not None:
            self._marker = (*self._marker[:4], self._marker[4] + 1)

    def close_conditional(self) -> None:
        """An ``<![endif]>``: ends the marker when it closes the conditional that began it."""
        if self._marker is not None:
            depth = self._marker[4] - 1
            if depth:
                self._marker = (*self._marker[:4], depth)
            else:
                self.end_marker()

    def end_marker(self) -> None:
        """End the marker: its trailing spaces and NBSPs become one space (none if it held only spaces)."""
        if self._marker is None:
            return
        run, offset, line_start, space, _ = self._marker
        self._marker = None
        while len(self.runs) > run:
            text, mark = self.runs[-1]
            floor = offset if len(self.runs) - 1 == run else 0
            kept = text[:floor] + text[floor:].rstrip(_GAP)
            if len(kept) > floor:
                self.runs[-1] = (kept, mark)
                self._append(" ", mark)
                self._line_start, self._space = False, True
                return
            if kept:
                self.runs[-1] = (kept, mark)
                break
            self.runs.pop()
        # Nothing but spaces: as if the marker had not been there.
        self._line_start, self._space = line_start, space

    def _append(self, text: str, mark: int) -> None:
        for capture in self._captures:
            capture.append(text)
        # Placeholders stay runs of their own: captions are matched to them by their number.
        if self.runs and self.runs[-1][1] == mark and not mark & Mark.IMAGE:
            self.runs[-1] = (self.runs[-1][0] + text, mark)
        else:
            self.runs.append((text, mark))

    def text(self, text: str, mark: int) -> None:
        """Add page text (already sanitised)."""
        if not text:
            return
        if self.pre:
            self._visible = True
            self._append(text, mark)
            return
        text = _COLLAPSIBLE.sub(" ", text)
        if text[0] == " " and (self._line_start or self._space):
            text = text[1:]
            if not text:
                return
        if "\xa0" in text or "\u3000" in text:
            self.spacer = True
        if not self._visible and _BLANK.fullmatch(text) is None:
            self._visible = True
        self._append(text, mark)
        self._line_start = False
        self._space = text[-1] == " "

    def atom(self, text: str, mark: int) -> None:
        """Add renderer text that counts as content (a placeholder or a ``[n]`` reference)."""
        self.atoms += 1
        self._append(text, mark)
        self._line_start = False
        self._space = False

    def image(self, number: int, text: str, mark: int) -> None:
        """Add an image placeholder."""
        self.images.append(number)
        self.atom(text, mark | Mark.IMAGE)

    def br(self, mark: int = Mark.NONE) -> None:
        """A hard line break."""
        self._trim_space()
        self.spacer = True
        self._append("\n", mark)
        self._line_start = True
        self._space = False

    def _trim_space(self) -> None:
        if self.pre or not self._space or not self.runs:
            return
        text, mark = self.runs[-1]
        if text.endswith(" "):
            self.runs[-1] = (text[:-1], mark)
            if not self.runs[-1][0]:
                self.runs.pop()

    def visible(self) -> bool:
        """Whether anything but whitespace was added."""
        return self._visible or self.atoms > 0

    def space(self, mark: int) -> None:
        """Collapsible whitespace between elements: one space, unless at a line start or after a space."""
        if self._line_start or self._space:
            return
        self._append(" ", mark)
        self._space = True

    def finish(self) -> list[Run]:
        """The runs, with a trailing space and one final ``<br>`` removed (a browser ignores both)."""
        self._trim_space()
        if not self.pre and self.runs and self.runs[-1][0].endswith("\n"):
            text, mark = self.runs[-1]
            self.runs[-1] = (text[:-1], mark)
            if not text[:-1]:
                self.runs.pop()
        return self.runs


def inline_captions(runs: list[Run]) -> tuple[dict[int, str], list[int]]:
    """Captions on the line right after an image in the same paragraph (``<img><br>▲ 설명``).

    Returns the captions by image number, and the images of the paragraph's last line when that line
    holds only images (their caption may be the next paragraph).
    """
    lines = _split_lines(runs)
    found: dict[int, str] = {}
    last: list[int] = []
    for i, line in enumerate(lines):
        numbers = [_image_number(text) for text, mark in line if mark & Mark.IMAGE]
        rest = "".join(text for text, mark in line if not mark & Mark.IMAGE).strip(" \xa0")
        if not numbers or rest:
            continue
        following = "".join(text for text, _ in lines[i + 1]).strip() if i + 1 < len(lines) else ""
        if i + 1 == len(lines):
            last = numbers
        elif is_caption(following):
            for number in numbers:
                found[number] = following
    return found, last


def _split_lines(runs: list[Run]) -> list[list[Run]]:
    """``runs`` cut at their hard line breaks, one list of runs a line."""
    lines: list[list[Run]] = [[]]
    for text, mark in runs:
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, mark))
    return lines


def _image_number(placeholder: str) -> int:
    # Placeholders read "[image N: ...]"; the number is what ties them to Document.images.
    match = re.match(r"\[image\s(\d+)", placeholder)
    return int(match.group(1)) if match else 0


_STYLE_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_STYLE_ITALIC = re.compile(r"font-style\s*:\s*(?:italic|oblique)", re.I)
_STYLE_UNDERLINE = re.compile(r"text-decoration(?:-line)?\s*:[^;]*underline", re.I)
_STYLE_STRIKE = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.I)
_HIDDEN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)", re.I)
_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right|justify)", re.I)
_NO_MARGIN = re.compile(r"(?:^|;)\s*margin\s*:\s*0(?:px|pt|cm|mm|em)?\s*(?:;|$)", re.I)


def style_marks(style: str) -> int:
    """Marks implied by an inline ``style`` attribute (HWP and Word paste bold as ``font-weight``)."""
    style = style.lower()
    if "font-" not in style and "text-decoration" not in style:
        return Mark.NONE
    mark = Mark.NONE
    if _STYLE_BOLD.search(style):
        mark |= Mark.BOLD
    if _STYLE_ITALIC.search(style):
        mark |= Mark.ITALIC
    if _STYLE_UNDERLINE.search(style):
        mark |= Mark.UNDERLINE
    if _STYLE_STRIKE.search(style):
        mark |= Mark.STRIKE
    return mark


def style_hidden(style: str) -> bool:
    """Whether an inline style hides the element (``display:none``, ``visibility:hidden``)."""
    style = style.lower()
    if "none" not in style and "hidden" not in style:
        return False
    return _HIDDEN.search(style) is not None


def style_align(style: str, align_attr: str) -> str | None:
    """The horizontal alignment an element asks for, from ``style`` or the old ``align`` attribute."""
    match = _ALIGN.search(style) if style else None
    value = (match.group(1) if match else align_attr).strip().lower()
    if value in ("center", "middle"):
        return "center"
    if value == "right":
        return "right"
    if value in ("left", "justify"):
        return "left"
    return None


def style_no_margin(style: str) -> bool:
    """Whether an inline style zeroes a paragraph's margins."""
    return bool(style) and _NO_MARGIN.search(style) is not None


def expand_tabs(runs: list[Run]) -> list[Run]:
    """Preformatted ``runs`` with tabs expanded to the next multiple of eight columns."""
    column = 0
    out: list[Run] = []
    for text, mark in runs:
        if "\t" not in text:
            column = len(text) - text.rfind("\n") - 1 if "\n" in text else column + len(text)
            out.append((text, mark))
            continue
        pieces: list[str] = []
        for char in text:
            if char == "\t":
                pieces.append(" " * (8 - column % 8))
                column += 8 - column % 8
            else:
                pieces.append(char)
                column = 0 if char == "\n" else column + 1
        out.append(("".join(pieces), mark))
    return out
