"""How wide blocks want to be: their natural width (no wrapping) and their longest unbreakable word."""

from __future__ import annotations

import re

from noticetui.render.document import Block, Heading, ListBlock, Paragraph, Preformatted, Quote, Rule, Run, Table
from noticetui.render.grid import Grid, column_bounds, place
from noticetui.render.width import cell_width

NESTED_MIN = 20
"""A nested table claims at most this much as its minimum width: below that it stacks itself."""

_TOKENS = re.compile(r"\n| +|[^ \n]+")


def measure_runs(runs: list[Run]) -> tuple[int, int]:
    """(longest word, longest line) of inline runs, in cells."""
    if len(runs) == 1 and "\n" not in runs[0][0]:  # most table cells: one plain run
        text = runs[0][0].replace("\xa0", " ")
        words = runs[0][0].split(" ")
        longest = max(map(cell_width, words)) if len(words) > 1 else cell_width(text)
        return longest, cell_width(text)
    longest_word = longest_line = 0
    line = word = 0
    space = False
    for text, _ in runs:
        for token in _TOKENS.findall(text):
            if token == "\n" or token[0] == " ":
                if word:
                    line += word + (1 if space else 0)
                    longest_word = max(longest_word, word)
                    space, word = True, 0
                if token == "\n":
                    longest_line = max(longest_line, line)
                    line, space = 0, False
            else:
                word += cell_width(token.replace("\xa0", " "))
    if word:
        line += word + (1 if space else 0)
        longest_word = max(longest_word, word)
    return longest_word, max(longest_line, line)


def measure(blocks: list[Block]) -> tuple[int, int]:
    """(minimum, natural) width of ``blocks`` in cells."""
    least = natural = 0
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            low, high = measure_runs(block.runs)
        elif isinstance(block, Preformatted):
            high = max((cell_width(line) for line in "".join(t for t, _ in block.runs).split("\n")), default=0)
            low = high
        elif isinstance(block, ListBlock):
            indent = max(cell_width(item.marker) for item in block.items) + 1
            sizes = [measure(item.blocks) for item in block.items]
            low = indent + max(low for low, _ in sizes)
            high = indent + max(high for _, high in sizes)
        elif isinstance(block, Quote):
            low, high = measure(block.blocks)
            low, high = low + 2, high + 2
        elif isinstance(block, Table):
            low, high = measure_table(block)
        else:
            low = high = 1 if isinstance(block, Rule) else 0
        least, natural = max(least, low), max(natural, high)
    return least, natural


def cell_sizes(grid: Grid) -> dict[int, tuple[int, int]]:
    """(minimum, natural) width of every cell of ``grid``, by its index in ``grid.cells``."""
    return {i: measure(p.cell.blocks) for i, p in enumerate(grid.cells)}


def measure_table(table: Table) -> tuple[int, int]:
    """(minimum, natural) width of ``table`` drawn as a grid, in cells."""
    grid = place(table)
    bounds = column_bounds(grid, cell_sizes(grid))
    frame = 3 * grid.cols + 1
    return min(sum(bounds.words) + frame, NESTED_MIN), sum(bounds.natural) + frame
