"""`list --json` and `export` write the cache batch by batch: the same documents, whatever their length."""

import contextlib
import io
import json
import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from noticetui.cli import main
from noticetui.models import SEOUL, Attachment, Post, PostStub, Request

POSTS = 1_203  # more than two of the store's 500-row batches
START = datetime(2026, 3, 5, 9, 0, tzinfo=SEOUL)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from noticetui.store import Store

    home = tmp_path_factory.mktemp("home")
    (home / "config.toml").write_text("", encoding="utf-8")
    store = Store.open(home / "noticetui.sqlite3")
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    stubs = [
        PostStub(
            str(i), f"제목 {i}", f"http://x.kr/{i}", Request(f"http://x.kr/{i}"), posted_at=START + timedelta(hours=i)
        )
        for i in range(POSTS)
    ]
    store.upsert_stubs(board, stubs)
    for i in (POSTS - 1, POSTS - 3):
        post_id = store.post_id(board, str(i))
        assert post_id is not None
        files = [Attachment(0, "공고문.hwpx", 1234)]
        store.save_post(post_id, Post(str(i), f"제목 {i}", f"http://x.kr/{i}", f"<p>본문 {i}</p>", attachments=files))
    store.close()
    return home


@contextlib.contextmanager
def at_home(home: Path) -> Iterator[None]:
    old = os.environ.get("NOTICETUI_HOME")
    os.environ["NOTICETUI_HOME"] = str(home)
    try:
        yield
    finally:
        if old is None:
            del os.environ["NOTICETUI_HOME"]
        else:
            os.environ["NOTICETUI_HOME"] = old


def run(home: Path, *args: str) -> str:
    out = io.StringIO()
    with at_home(home), contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


def test_list_json_holds_every_post_newest_first_across_batches(home: Path) -> None:
    items = json.loads(run(home, "list", "--json"))
    assert [i["key"] for i in items] == [str(i) for i in reversed(range(POSTS))]
    assert items[0]["attachments"] == [{"name": "공고문.hwpx", "size": 1234}]


def test_list_json_is_formatted_as_one_indented_array(home: Path) -> None:
    text = run(home, "list", "--json", "--limit", "2")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_list_json_of_nothing_is_an_empty_array(home: Path) -> None:
    assert run(home, "search", "없는낱말", "--json") == "[]\n"


def test_plain_list_prints_one_line_per_post(home: Path) -> None:
    lines = run(home, "list").splitlines()
    assert len(lines) == POSTS and f"제목 {POSTS - 1}" in lines[0] and lines[0].endswith("+1 file")


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_xml_feeds_hold_each_post_once_with_its_body(home: Path, fmt: str) -> None:
    root = ET.fromstring(run(home, "export", "n", "--format", fmt, "--limit", "1000"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns) if fmt == "atom" else root.findall("channel/item")
    assert len(entries) == 1000
    title = entries[0].find("a:title", ns) if fmt == "atom" else entries[0].find("title")
    body = entries[0].find("a:content", ns) if fmt == "atom" else entries[0].find("description")
    assert title is not None and title.text == f"제목 {POSTS - 1}"
    assert body is not None and body.text is not None and f"본문 {POSTS - 1}" in body.text
    if fmt == "atom":
        updated = root.find("a:updated", ns)
        assert updated is not None and updated.text == (START + timedelta(hours=POSTS - 1)).isoformat()


def test_json_feed_is_one_document_with_every_item(home: Path) -> None:
    text = run(home, "export", "n", "--format", "json", "--limit", "5")
    feed = json.loads(text)
    assert [i["title"] for i in feed["items"]] == [f"제목 {POSTS - 1 - k}" for k in range(5)]
    assert "본문" in feed["items"][0]["content_html"] and "content_html" not in feed["items"][1]
    assert text == json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def test_a_feed_of_an_empty_board_is_still_valid(tmp_path: Path) -> None:
    from noticetui.feeds import FORMATS, render_feed
    from noticetui.store import Store

    store = Store.open(None)
    store.ensure_board("e", "http://e.kr/", "gnuboard")
    board = store.board("e")
    assert board is not None
    for fmt in FORMATS:
        text = render_feed(fmt, board, [], lambda p: "")
        parsed = json.loads(text)["items"] if fmt == "json" else list(ET.fromstring(text).iter("item"))
        assert parsed == []
