"""The body widget draws only the lines on screen, yet shows every line: cut at newlines with their
styles, wrapped (never cut) where a line is wider than the pane, the whole height scrollable."""

from __future__ import annotations

from rich.style import Style
from rich.text import Span, Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll

from noticetui.demo.templates.hostile import nested
from noticetui.models import Request
from noticetui.render import render_html, to_rich
from noticetui.store import PostRow
from noticetui.tui.widgets.body_text import BodyText, lines_of
from noticetui.tui.widgets.detail import DetailPane


def test_lines_keep_their_styles_as_richs_own_split_does() -> None:
    text = Text("첫 줄 굵게\n\n둘째 줄", spans=[Span(4, 6, "bold"), Span(11, 12, "italic")])
    assert lines_of(text) == list(text.split("\n", allow_blank=True))
    assert [line.spans for line in lines_of(text)] == [[Span(4, 6, "bold")], [], [Span(3, 4, "italic")]]


def test_a_span_across_a_newline_is_split_as_rich_splits_it() -> None:
    text = Text("ab\ncd\n", spans=[Span(1, 4, "bold")])
    assert [(t.plain, t.spans) for t in lines_of(text)] == [
        (t.plain, t.spans) for t in text.split("\n", allow_blank=True)
    ]


class Holder(App[None]):
    def __init__(self, body: BodyText) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield self.body


async def test_a_line_wider_than_the_widget_wraps_and_no_letter_is_lost() -> None:
    words = " ".join(f"낱말{i}" for i in range(40))
    body = BodyText(Text(f"머리\n{words}", spans=[Span(0, 2, Style(bold=True))]))
    app = Holder(body)
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        shown = [body.render_line(y).text.rstrip() for y in range(body.size.height)]
        assert body.size.height > 2 and all(len(line) <= body.size.width for line in shown)
        assert " ".join(shown[1:]).split() == words.split() and shown[0] == "머리"
        style = next(iter(body.render_line(0))).style
        assert style is not None and style.bold


class Reader(App[None]):
    def compose(self) -> ComposeResult:
        yield DetailPane(id="detail")


async def test_a_5000_deep_post_is_as_tall_as_its_text_and_every_line_draws() -> None:
    html = nested("<blockquote>w{i} ", "</blockquote>")
    fields = (1, 1, "b", "k", "deep", "http://x/", Request("http://x/"), None, None, None, False, False, 0)
    post = PostRow(*fields, None, False, None, False, True, html)
    app = Reader()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(DetailPane)
        await pane.show_post(post, [])
        await pilot.pause()
        body = pane.query_one("#detail-body", BodyText)
        expected = to_rich(render_html(html, "http://x/"), pane.body_width).plain.split("\n")
        assert body.size.height == len(expected) > 5000
        drawn = [body.render_line(y).text.rstrip() for y in range(body.size.height)]
        assert drawn == [line.rstrip() for line in expected]
