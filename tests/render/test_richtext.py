"""The Rich output: the plain layout, with styles as spans."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from noticetui.render import render_html, to_plain, to_rich

BODY = (
    "<h2>제목</h2><p>보통 <b>굵게</b> <i>기울임</i> <u>밑줄</u> <code>코드</code> "
    '<a href="https://a.example/">링크</a></p>'
    "<table><tr><th>머리</th><th>둘째</th></tr><tr><td>칸</td><td>둘</td></tr></table>"
)


def styles_of(text: Text, fragment: str) -> list[Style]:
    """The styles of the spans that cover ``fragment`` entirely."""
    start = text.plain.index(fragment)
    end = start + len(fragment)
    found = []
    for span in text.spans:
        if span.start <= start and span.end >= end:
            style = span.style if isinstance(span.style, Style) else Style.parse(str(span.style))
            found.append(style)
    return found


def test_rich_text_has_the_same_characters_as_plain_text() -> None:
    doc = render_html(BODY)
    assert to_rich(doc, 50).plain == to_plain(doc, 50)


def test_bold_text_is_styled_bold() -> None:
    assert any(style.bold for style in styles_of(to_rich(render_html(BODY)), "굵게"))


def test_plain_text_is_not_styled() -> None:
    assert styles_of(to_rich(render_html(BODY)), "보통") == []


def test_italic_underline_and_code_are_styled() -> None:
    text = to_rich(render_html(BODY))
    assert any(style.italic for style in styles_of(text, "기울임"))
    assert any(style.underline for style in styles_of(text, "밑줄"))
    assert styles_of(text, "코드")


def test_link_text_and_reference_are_styled_differently() -> None:
    text = to_rich(render_html(BODY))
    assert styles_of(text, "링크") and styles_of(text, "[1]")
    assert styles_of(text, "링크") != styles_of(text, "[1]")


def test_heading_is_bold() -> None:
    assert any(style.bold for style in styles_of(to_rich(render_html(BODY)), "제목"))


def test_table_borders_are_dim() -> None:
    text = to_rich(render_html(BODY))
    assert any(style.dim for style in styles_of(text, "┌"))
