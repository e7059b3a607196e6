"""Feed entries carry the post's sanitised HTML; a real feed parser reads every entry of every format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from xml.etree import ElementTree as ET

import feedparser
import pytest

from noticetui.feeds import FORMATS, render_feed
from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.store import BoardRow, PostRow, Store

START = datetime(2026, 3, 5, 9, 0, tzinfo=SEOUL)
BODY = (
    '<p onclick="steal()">공고 안내 <a href="/file.do?id=1&amp;n=2">붙임 1</a></p>'
    "<table><tr><th>구분</th><th>금액</th></tr><tr><td>1차</td><td>100만원</td></tr></table>"
    '<script>alert(1)</script><iframe src="https://evil.example/"></iframe>'
    '<a href="javascript:alert(1)">누르기</a>\x1b[2J'
)
POSTS = 7


@pytest.fixture
def cached() -> Iterator[tuple[BoardRow, list[PostRow]]]:
    store = Store.open(None)
    board_id = store.ensure_board("n", "https://x.kr/bbs/list.do", "egov", "공지사항")
    stubs = [
        PostStub(str(i), f"제목 {i}", f"https://x.kr/bbs/view.do?id={i}", Request(f"https://x.kr/bbs/view.do?id={i}"),
                 author="담당자", posted_at=START + timedelta(days=i))
        for i in range(POSTS)
    ]  # fmt: skip
    store.upsert_stubs(board_id, stubs)
    for i in range(1, POSTS):  # post 0 has no body yet
        post_id = store.post_id(board_id, str(i))
        assert post_id is not None
        store.save_post(post_id, Post(str(i), f"제목 {i}", stubs[i].url, BODY))
    board = store.board("n")
    assert board is not None
    posts = [p for rows in store.iter_posts(board_id) for r in rows if (p := store.post(r.id)) is not None]
    yield board, posts
    store.close()


def contents(fmt: str, text: str) -> list[str]:
    """Each entry's HTML content, read the way the format carries it."""
    if fmt == "json":
        return [item.get("content_html", "") for item in json.loads(text)["items"]]
    root = ET.fromstring(text)
    if fmt == "atom":
        ns = {"a": "http://www.w3.org/2005/Atom"}
        return [(e.findtext("a:content", "", ns)) for e in root.findall("a:entry", ns)]
    return [item.findtext("description", "") for item in root.findall("channel/item")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_content_is_the_body_html_with_tables_and_absolute_links(
    cached: tuple[BoardRow, list[PostRow]], fmt: str
) -> None:
    board, posts = cached
    html = contents(fmt, render_feed(fmt, board, posts))[0]
    assert "<table>" in html and "<th>구분</th>" in html and "<td>100만원</td>" in html
    assert '<a href="https://x.kr/file.do?id=1&amp;n=2">붙임 1</a>' in html


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_parts_of_the_body_are_not_in_the_feed(cached: tuple[BoardRow, list[PostRow]], fmt: str) -> None:
    board, posts = cached
    text = render_feed(fmt, board, posts)
    for bad in ("alert", "onclick", "iframe", "evil.example", "javascript:", "\x1b"):
        assert bad not in text
    assert "누르기" in contents(fmt, text)[0]


@pytest.mark.parametrize("fmt", ["atom", "rss"])  # feedparser has no JSON Feed: checked against its spec below
def test_a_feed_parser_reads_every_entry_with_its_content(cached: tuple[BoardRow, list[PostRow]], fmt: str) -> None:
    board, posts = cached
    parsed = feedparser.parse(render_feed(fmt, board, posts, self_url="http://127.0.0.1:1/boards/n." + fmt))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == [f"제목 {i}" for i in reversed(range(POSTS))]
    assert all(e.id.startswith("https://x.kr/bbs/list.do#") for e in parsed.entries)
    html = parsed.entries[0].content[0].value if fmt == "atom" else parsed.entries[0].description
    assert "<table>" in html and "https://x.kr/file.do?id=1&amp;n=2" in html


def test_json_feed_has_every_key_the_spec_requires(cached: tuple[BoardRow, list[PostRow]]) -> None:
    board, posts = cached
    feed = json.loads(render_feed("json", board, posts, self_url="http://127.0.0.1:1/boards/n.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] == "공지사항"
    assert feed["feed_url"] == "http://127.0.0.1:1/boards/n.json"
    assert len(feed["items"]) == POSTS
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        # JSON Feed 1.1: every item has content_html or content_text.
        assert "content_html" in item or "content_text" in item
    assert feed["items"][-1]["content_text"] == "제목 0"


@pytest.mark.parametrize("fmt", ["atom", "json"])
def test_summary_is_the_body_text_on_one_line(cached: tuple[BoardRow, list[PostRow]], fmt: str) -> None:
    board, posts = cached
    text = render_feed(fmt, board, posts)
    if fmt == "json":
        summary = json.loads(text)["items"][0]["summary"]
    else:
        summary = ET.fromstring(text).findtext(
            "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary"
        )
    assert summary == "공고 안내 붙임 1 구분 금액 1차 100만원 누르기[2J"


def test_entry_ids_can_come_from_the_caller(cached: tuple[BoardRow, list[PostRow]]) -> None:
    board, posts = cached
    feed = json.loads(render_feed("json", board, posts, entry_id=lambda p: f"tag:x,{p.key}"))
    assert [item["id"] for item in feed["items"]] == [f"tag:x,{i}" for i in reversed(range(POSTS))]
