"""Properties over generated documents: no line wider than the width, no character lost, no double blanks.

The generator is seeded (reproducible) and mixes what board posts contain: Korean and Latin words, words
longer than any line, NBSPs, inline styles, links, images, lists nested three deep, quotes, pre, and
tables with spans, header rows and nested tables.
"""

from __future__ import annotations

import random

import pytest

from noticetui.render import render_html, to_plain
from noticetui.render.document import DECORATION, Mark
from noticetui.render.layout import layout

from .helpers import content_text, non_space, text_nodes, widest

SYLLABLES = "가나다라마바사아자차카타파하한빛시청년창업지원공고안내신청접수기간대상결과발표민원"
WIDTHS = [12, 20, 33, 47, 80, 120]
SEEDS = range(30)
DRESSINGS = [
    (0.08, "<b>{word}</b>", 0),
    (0.12, '<span style="font-weight:bold;mso-bidi-font-size:10pt">{word}</span>', 0),
    (0.16, '<a href="/bbs/{n}">{word}</a>', 9),
    (0.18, '{word}<img src="/img/{n}.jpg" alt="사진">', 5),
    (0.2, "<font color=red><i>{word}</i></font><o:p></o:p>", 0),
    (0.22, "{word}<br>", 0),
]
"""How a word of running text is dressed, tried in order: (a roll below this, the template, the largest
``n`` drawn for it, 0 for none); a roll above them all leaves the word bare."""


class Generator:
    """Random but plausible post bodies."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def word(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.55:
            return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 6)))
        if kind < 0.8:
            return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 9)))
        if kind < 0.9:
            return rng.choice(["2025.", "3.", "5.(수)", "1,234", "50%", "(주)", "「법」", "※", "▶", "☎", "&amp;"])
        if kind < 0.95:
            return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(20, 70)))
        return "https://www.example.go.kr/" + "/".join(
            self.rng.choice(["bbs", "view", "data", "x" * 30]) for _ in range(4)
        )

    def inline(self, words: int) -> str:
        rng = self.rng
        parts: list[str] = []
        for _ in range(words):
            word = self.word()
            roll = rng.random()
            for below, template, most in DRESSINGS:
                if roll < below:
                    word = template.format(word=word, n=rng.randint(1, most) if most else 0)
                    break
            parts.append(word)
            parts.append(rng.choice([" ", " ", " ", "&nbsp;", "\n  "]))
        return "".join(parts)

    def block(self, depth: int = 0) -> str:
        rng = self.rng
        roll = rng.random()
        if depth > 2 or roll < 0.35:
            return f"<p>{self.inline(rng.randint(1, 25))}</p>"
        if roll < 0.42:
            return rng.choice(["<p>&nbsp;</p>", "<p><br></p>", "<hr>", f"<h{rng.randint(1, 6)}>{self.inline(4)}</h1>"])
        if roll < 0.52:
            tag = rng.choice(["ul", "ol"])
            items = "".join(
                f"<li>{self.inline(rng.randint(1, 8))}{self.maybe_nested(depth)}</li>" for _ in range(rng.randint(1, 4))
            )
            return f"<{tag}>{items}</{tag}>"
        if roll < 0.57:
            return f"<blockquote>{self.block(depth + 1)}</blockquote>"
        if roll < 0.62:
            lines = "\n".join(self.inline(rng.randint(1, 12)).replace("<br>", "") for _ in range(3))
            return f"<pre>{lines}</pre>"
        if roll < 0.68:
            return f"<div>{self.inline(6)}<div>{self.inline(3)}</div></div>"
        return self.table(depth)

    def maybe_nested(self, depth: int) -> str:
        return self.block(depth + 1) if self.rng.random() < 0.3 else ""

    def table(self, depth: int) -> str:
        rng = self.rng
        cols, rows = rng.randint(2, 6), rng.randint(1, 5)
        out = ["<table>"]
        if rng.random() < 0.6:
            out.append("<tr>" + "".join(f"<th>{self.inline(rng.randint(1, 3))}</th>" for _ in range(cols)) + "</tr>")
        for _ in range(rows):
            cells, used = [], 0
            while used < cols:
                span = rng.choice([1, 1, 1, 2]) if cols - used > 1 else 1
                rowspan = rng.choice([1, 1, 1, 1, 2])
                inner = self.table(depth + 1) if depth < 1 and rng.random() < 0.1 else self.inline(rng.randint(0, 7))
                cells.append(f'<td colspan="{span}" rowspan="{rowspan}">{inner}</td>')
                used += span
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
        return "".join(out)

    def document(self) -> str:
        return "\n".join(self.block() for _ in range(self.rng.randint(3, 12)))


CASES = [(seed, width) for seed in SEEDS for width in WIDTHS]


@pytest.mark.parametrize(("seed", "width"), CASES)
def test_no_line_exceeds_the_width(seed: int, width: int) -> None:
    out = to_plain(render_html(Generator(seed).document(), "https://www.example.go.kr/"), width)
    assert widest(out) <= width


@pytest.mark.parametrize(("seed", "width"), CASES)
def test_never_two_blank_lines_in_a_row(seed: int, width: int) -> None:
    out = to_plain(render_html(Generator(seed).document(), "https://www.example.go.kr/"), width)
    assert "\n\n\n" not in out


@pytest.mark.parametrize(("seed", "width"), CASES)
def test_no_visible_character_is_lost(seed: int, width: int) -> None:
    html = Generator(seed).document()
    lines = layout(render_html(html, "https://www.example.go.kr/"), width)
    source = non_space(" ".join(text_nodes(html)))
    stacked = any(mark & (Mark.LABEL | Mark.REPEAT) for line in lines for _, mark in line)
    if stacked:
        # Stacked tables repeat header names and spanning cells: nothing may be missing, repeats are fine.
        assert source <= non_space(content_text(lines, exclude=DECORATION & ~(Mark.LABEL | Mark.REPEAT)))
    else:
        assert non_space(content_text(lines)) == source


SOUP_TAGS = [
    "p",
    "div",
    "span",
    "b",
    "a href='/x'",
    "a href='javascript:x'",
    "table",
    "tr",
    "td colspan=3",
    "td rowspan=0",
    "th",
    "ul",
    "ol start=-3",
    "li value=x",
    "pre",
    "br",
    "hr",
    "img",
    "iframe",
    "blockquote",
    "h1",
    "dd",
    "o:p",
    "figure",
    "figcaption",
    "textarea",
    "caption",
    "thead",
    "noscript",
    "td colspan=99999",
    "ol type=i reversed",
]
SOUP_TEXT = ["가나다", "abc", "&nbsp;", " ", "\n", "\t", "▲ 사진", "&#27;[31m", "\u202e", "x" * 50, "한" * 40, "&lt;"]


@pytest.mark.parametrize("seed", range(40))
def test_tag_soup_renders_within_the_width(seed: int) -> None:
    rng = random.Random(seed)
    parts = []
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(f"<{rng.choice(SOUP_TAGS)}>")
        elif roll < 0.6:
            parts.append(f"</{rng.choice(SOUP_TAGS).split()[0]}>")
        else:
            parts.append(rng.choice(SOUP_TEXT))
    doc = render_html("".join(parts), "http://x.kr/a/")
    for width in (2, 5, 13, 80):
        out = to_plain(doc, width)
        assert widest(out) <= width
        assert "\n\n\n" not in out
