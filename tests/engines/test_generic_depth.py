"""The generic engine on a post page whose body nests thousands of boxes: the body is found, whole."""

from __future__ import annotations

from datetime import datetime

import pytest

from noticetui.engines.base import parse_html
from noticetui.engines.generic.engine import ENGINE
from noticetui.models import SEOUL, ParseContext

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=SEOUL)
DEPTH = 5000
KINDS = {
    "div": ("<div>w{i} ", "</div>"),
    "blockquote": ("<blockquote>w{i} ", "</blockquote>"),
    "ul": ("<ul><li>w{i} ", "</li></ul>"),
    "table": ("<table><tr><td>w{i} ", "</td></tr></table>"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_deeply_nested_body_is_found_with_every_word(kind: str) -> None:
    opening, closing = KINDS[kind]
    body = "".join(opening.format(i=i) for i in range(DEPTH)) + "END" + closing * DEPTH
    html = (
        "<html><head><title>깊은 글</title></head><body><h1>깊은 글</h1>"
        f"<div class='view'><p>작성자 : 홍길동</p><p>작성일 : 2026-11-20</p>{body}</div>"
        "<a href='/file/1.hwp'>첨부.hwp</a></body></html>"
    )
    post = ENGINE.parse_post(parse_html(html), ParseContext(url="https://example.org/view?id=1", now=NOW), "1")
    root = parse_html(post.body_html).body
    words = set((root.text(separator=" ") if root is not None else "").split())
    assert {f"w{i}" for i in range(DEPTH)} | {"END"} <= words
    assert post.title == "깊은 글"
