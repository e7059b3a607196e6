"""engines.page_parts: the pieces several engines share, on small pages of their own."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from noticetui.engines.base import EngineError, parse_html
from noticetui.engines.common import page_parts as parts
from noticetui.models import SEOUL, ParseContext

CTX = ParseContext(url="https://example.kr/board/view?no=7", now=datetime(2026, 3, 4, 12, 0, tzinfo=SEOUL))

VIEW = """<html><body><table><tr><th>작성자</th><td>홍길동</td></tr>
<tr><th>작성일</th>  <td>2026-03-02</td></tr><tr><th>조회수</th><td>1,234</td></tr></table>
<div id="body"><p>본문 <b>내용</b></p></div><p class="total">총 1,204건</p>
<ul><li><a class="f" href="/file?no=1">안내.hwp</a><span class="size">24.5K</span></li></ul></body></html>"""


def test_page_links_name_the_next_page_only_when_linked_and_the_highest_as_last() -> None:
    assert parts.page_links(1, {2, 3, 10}) == (2, 10)
    assert parts.page_links(10, {8, 9}) == (None, 10)
    assert parts.page_links(1, set()) == (None, None)


def test_stated_total_reads_the_first_matching_node() -> None:
    doc = parse_html(VIEW)
    assert parts.stated_total(doc, ".total", re.compile(r"총\s*([\d,]+)\s*건")) == 1204
    assert parts.stated_total(doc, ".count", re.compile(r"총\s*([\d,]+)\s*건")) is None


def test_required_gives_the_node_or_raises_the_reason() -> None:
    doc = parse_html(VIEW)
    assert parts.required(doc.css_first("table"), "no table").tag == "table"
    with pytest.raises(EngineError, match="no list here"):
        parts.required(doc.css_first("ol"), "no list here")


def test_next_tag_and_enclosing_walk_past_other_nodes() -> None:
    doc = parse_html(VIEW)
    th = doc.css("th")[1]
    td = parts.next_tag(th, "td")
    assert td is not None and td.text() == "2026-03-02"
    table = parts.enclosing(td, "table")
    assert table is not None and table.tag == "table"
    assert parts.enclosing(doc.css_first("#body"), "table") is None


def test_labelled_post_reads_author_date_and_views_from_fields() -> None:
    doc = parse_html(VIEW)
    fields = {"author": "홍길동", "date": "2026-03-02", "views": "1,234"}
    post = parts.labelled_post("7", CTX, "제목", doc.css_first("#body"), fields, [])
    assert (post.key, post.title, post.url, post.author, post.views) == ("7", "제목", CTX.url, "홍길동", 1234)
    assert post.posted_at is not None and post.posted_at.date().isoformat() == "2026-03-02"
    assert "<b>내용</b>" in post.body_html
    bare = parts.labelled_post("7", CTX, "제목", None, {}, [])
    assert (bare.body_html, bare.author, bare.posted_at, bare.views) == ("", None, None, None)


def test_secret_post_and_primed_file() -> None:
    secret = parts.secret_post("9", CTX)
    assert secret.secret and secret.key == "9" and secret.body_html == "" and secret.url == CTX.url
    doc = parse_html(VIEW)
    file = parts.primed_file(0, "안내.hwp", "https://example.kr/file?no=1", CTX, doc.css_first(".size"))
    assert file.size == 25088
    assert file.request is not None and file.request.referer == CTX.url and file.request.prime == CTX.url
    assert parts.primed_file(1, "x", "https://example.kr/file?no=2", CTX).size is None
