"""Wrapping styled runs into lines of at most ``width`` terminal cells.

Lines break at spaces; a Korean word (어절) is kept whole like any other word unless it alone is wider than
the line, and only then cut between syllables.  Text is never dropped: only the spaces where a line breaks
disappear.
"""

from __future__ import annotations

import re

from noticetui.render.document import Line, Run
from noticetui.render.width import cell_width, graphemes

_TOKENS = re.compile(r"\n| +|[^ \n]+")


def _merge(line: Line, text: str, mark: int) -> None:
    if line and line[-1][1] == mark:
        line[-1] = (line[-1][0] + text, mark)
    else:
        line.append((text, mark))


def _finish(line: Line) -> Line:
    """The line with NBSPs shown as spaces and trailing spaces removed."""
    out: Line = []
    for text, mark in line:
        _merge(out, text.replace("\xa0", " "), mark)
    while out:
        text, mark = out[-1]
        stripped = text.rstrip(" ")
        if stripped:
            out[-1] = (stripped, mark)
            break
        out.pop()
    return out


def split_cells(pieces: list[Run], width: int) -> list[Line]:
    """Styled ``pieces`` cut into lines of at most ``width`` cells, between characters."""
    lines: list[Line] = [[]]
    used = 0
    for text, mark in pieces:
        for cluster, cells in graphemes(text):
            if used + cells > width and lines[-1]:
                lines.append([])
                used = 0
            _merge(lines[-1], cluster, mark)
            used += cells
    return lines


class _Filler:
    """Fills lines word by word."""

    def __init__(self, width: int) -> None:
        self.width = max(width, 1)
        self.lines: list[Line] = []
        self.line: Line = []
        self.used = 0
        self.space: int | None = None
        self.word: list[Run] = []
        self.word_width = 0

    def add_word_piece(self, text: str, mark: int) -> None:
        """Extend the current word (a word may span several runs: ``<b>굵</b>게``)."""
        self.word.append((text, mark))
        self.word_width += cell_width(text)

    def break_line(self) -> None:
        """A hard break (``<br>``)."""
        self.flush_word()
        self.lines.append(self.line)
        self.line, self.used, self.space = [], 0, None

    def add_space(self, mark: int) -> None:
        """A break opportunity: ends the current word."""
        self.flush_word()
        if self.line:
            self.space = mark

    def flush_word(self) -> None:
        """Place the current word: on this line, on the next, or cut across lines if longer than one."""
        if not self.word:
            return
        word, width = self.word, self.word_width
        self.word, self.word_width = [], 0
        gap = 1 if self.space is not None and self.line else 0
        if self.used + gap + width <= self.width:
            if gap and self.space is not None:
                _merge(self.line, " ", self.space)
            for text, mark in word:
                _merge(self.line, text, mark)
            self.used += gap + width
        elif width <= self.width:
            self.lines.append(self.line)
            self.line, self.used = list(word), width
        else:
            # Too long for any line: start it on a fresh line and cut it between characters.
            if self.line:
                self.lines.append(self.line)
            pieces = split_cells(word, self.width)
            self.lines.extend(pieces[:-1])
            self.line = pieces[-1]
            self.used = sum(cell_width(text) for text, _ in self.line)
        self.space = None

    def finish(self) -> list[Line]:
        """All lines, trailing spaces removed."""
        self.flush_word()
        self.lines.append(self.line)
        return [_finish(line) for line in self.lines]


def wrap(runs: list[Run], width: int) -> list[Line]:
    """``runs`` (collapsed inline text, ``\\n`` for ``<br>``) as lines of at most ``width`` cells.

    A line holding only spaces comes back as an empty line.
    """
    if len(runs) == 1 and "\n" not in runs[0][0] and cell_width(runs[0][0]) <= width:
        return [_finish(list(runs))]  # the common short line: nothing to wrap
    filler = _Filler(width)
    for text, mark in runs:
        for token in _TOKENS.findall(text):
            if token == "\n":
                filler.break_line()
            elif token[0] == " ":
                filler.add_space(mark)
            else:
                filler.add_word_piece(token, mark)
    return filler.finish()


def wrap_pre(runs: list[Run], width: int) -> list[Line]:
    """Preformatted ``runs`` split at newlines, each line cut to ``width`` cells (spaces kept)."""
    lines: list[Line] = [[]]
    for text, mark in runs:
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, mark))
    out: list[Line] = []
    for line in lines:
        out.extend(_finish(piece) for piece in split_cells(line, max(width, 1)))
    return out


def fit(line: Line, width: int) -> list[Line]:
    """``line`` as is when it fits, else cut between characters (a last-resort guarantee)."""
    # A character is at most two cells wide: most lines pass without measuring.
    if 2 * sum(len(text) for text, _ in line) <= width or sum(cell_width(text) for text, _ in line) <= width:
        return [line]
    return split_cells(line, max(width, 2))


def line_width(line: Line) -> int:
    """The width of a laid-out line in cells."""
    return sum(cell_width(text) for text, _ in line)
