"""``noticetui serve``: feeds of every board and saved search over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import httpx
import pytest

from noticetui.config import load_config
from noticetui.demo.server import DemoServer
from noticetui.feed_server import FeedServer
from noticetui.loopback import host_name, is_loopback
from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.paths import Paths, resolve_paths
from noticetui.store import Store

from .conftest import Cli, demo_board_url

START = datetime(2026, 3, 5, 9, 0, tzinfo=SEOUL)
POSTS = 520  # more than one of the store's 500-row batches
CONFIG = """
[[boards]]
name = "notice"
url = "https://x.kr/bbs/list.do"
title = "공지사항"

[[boards]]
name = "later"
url = "https://y.kr/board"

[[boards]]
name = "학사"
url = "https://z.kr/haksa"

[[searches]]
name = "grants"
query = "지원사업"
"""
ATOM = "{http://www.w3.org/2005/Atom}"


def stub(i: int) -> PostStub:
    url = f"https://x.kr/bbs/view.do?id={i}"
    title = f"{'지원사업 ' if i % 100 == 0 else ''}공고 {i}"
    return PostStub(str(i), title, url, Request(url), posted_at=START + timedelta(hours=i))


def fill(paths: Paths, keys: range) -> None:
    """Cache the posts ``keys`` of the board ``notice``, the newest with a body."""
    store = Store.open(paths.database)
    board_id = store.ensure_board("notice", "https://x.kr/bbs/list.do", "egov", "공지사항")
    store.upsert_stubs(board_id, [stub(i) for i in keys])
    post_id = store.post_id(board_id, str(keys[-1]))
    assert post_id is not None
    body = '<table><tr><td>칸</td></tr></table><p><a href="/f.do?n=1">붙임</a></p><script>x()</script>'
    store.save_post(post_id, Post(str(keys[-1]), stub(keys[-1]).title, stub(keys[-1]).url, body))
    store.close()


@pytest.fixture
def home(tmp_path: Path) -> Paths:
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    paths = resolve_paths({"NOTICETUI_HOME": str(tmp_path)})
    fill(paths, range(POSTS))
    return paths


@pytest.fixture
def server(home: Paths) -> Iterator[FeedServer]:
    feeds = FeedServer(home, load_config(home.config_file))
    feeds.start()
    yield feeds
    feeds.stop()


@pytest.fixture
def http(server: FeedServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def test_the_index_links_every_feed_and_the_opml(http: httpx.Client, server: FeedServer) -> None:
    page = http.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for path in ("/boards/notice.atom", "/boards/later.rss", "/boards/notice.json", "/search/grants.atom", "/opml"):
        assert f'href="{server.url}{path}"' in page.text


@pytest.mark.parametrize(("fmt", "kind"), [("atom", "application/atom+xml"), ("rss", "application/rss+xml")])
def test_a_feed_reader_reads_every_post_of_the_board(http: httpx.Client, fmt: str, kind: str) -> None:
    response = http.get(f"/boards/notice.{fmt}")
    assert response.status_code == 200 and response.headers["content-type"].startswith(kind)
    ET.fromstring(response.content)  # well-formed
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == [stub(i).title for i in reversed(range(POSTS))]
    html = parsed.entries[0].content[0].value if fmt == "atom" else parsed.entries[0].description
    assert "<td>칸</td>" in html and 'href="https://x.kr/f.do?n=1"' in html and "script" not in html


def test_the_json_feed_holds_every_post(http: httpx.Client, server: FeedServer) -> None:
    response = http.get("/boards/notice.json")
    assert response.headers["content-type"].startswith("application/feed+json")
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] == "공지사항"
    assert feed["feed_url"] == f"{server.url}/boards/notice.json"
    assert [item["title"] for item in feed["items"]] == [stub(i).title for i in reversed(range(POSTS))]
    assert all(item["id"] and ("content_html" in item or "content_text" in item) for item in feed["items"])


def test_limit_keeps_the_newest_posts(http: httpx.Client) -> None:
    items = http.get("/boards/notice.json", params={"limit": "3"}).json()["items"]
    assert [item["title"] for item in items] == [stub(i).title for i in (519, 518, 517)]


def test_a_board_never_synced_has_an_empty_valid_feed(http: httpx.Client) -> None:
    root = ET.fromstring(http.get("/boards/later.atom").content)
    assert root.findtext(f"{ATOM}title") == "later" and root.findall(f"{ATOM}entry") == []


def test_a_saved_search_is_a_feed_of_its_hits(http: httpx.Client) -> None:
    feed = http.get("/search/grants.json").json()
    assert [item["title"] for item in feed["items"]] == [stub(i).title for i in (500, 400, 300, 200, 100, 0)]
    assert feed["items"][0]["id"] == "https://x.kr/bbs/list.do#500"  # the post's id in its board's feed


def test_conditional_get_with_the_etag_is_304(http: httpx.Client) -> None:
    first = http.get("/boards/notice.atom")
    etag = first.headers["etag"]
    again = http.get("/boards/notice.atom", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    other = http.get("/boards/notice.atom", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_conditional_get_with_last_modified_is_304(http: httpx.Client) -> None:
    stamp = http.get("/boards/notice.rss").headers["last-modified"]
    assert http.get("/boards/notice.rss", headers={"If-Modified-Since": stamp}).status_code == 304
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert http.get("/boards/notice.rss", headers={"If-Modified-Since": old}).status_code == 200
    assert http.get("/boards/notice.rss", headers={"If-Modified-Since": "garbage"}).status_code == 200


def test_a_new_post_changes_the_etag(http: httpx.Client, home: Paths) -> None:
    etag = http.get("/boards/notice.json").headers["etag"]
    fill(home, range(POSTS, POSTS + 1))
    response = http.get("/boards/notice.json", headers={"If-None-Match": etag})
    assert response.status_code == 200 and response.headers["etag"] != etag
    assert response.json()["items"][0]["title"] == stub(POSTS).title


def test_each_format_has_its_own_etag(http: httpx.Client) -> None:
    tags = {http.get(f"/boards/notice.{fmt}").headers["etag"] for fmt in ("atom", "rss", "json")}
    assert len(tags) == 3


def test_the_opml_lists_every_board_with_a_working_feed(http: httpx.Client, server: FeedServer) -> None:
    response = http.get("/opml")
    root = ET.fromstring(response.content)
    assert root.get("version") == "2.0"
    boards = [o for o in root.iter("outline") if o.get("htmlUrl")]
    assert [(o.get("title"), o.get("xmlUrl")) for o in boards] == [
        ("공지사항", f"{server.url}/boards/notice.atom"),
        ("later", f"{server.url}/boards/later.atom"),
        ("학사", f"{server.url}/boards/%ED%95%99%EC%82%AC.atom"),
    ]
    searches = [o.get("xmlUrl") for o in root.iter("outline") if o.get("type") == "rss" and not o.get("htmlUrl")]
    assert searches == [f"{server.url}/search/grants.atom"]
    for outline in boards:
        assert httpx.get(str(outline.get("xmlUrl")), timeout=30).status_code == 200


@pytest.mark.parametrize(
    "path", ["/boards/nope.atom", "/search/nope.rss", "/boards/notice.xml", "/elsewhere", "/boards/"]
)
def test_unknown_paths_are_404(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code == 404 and response.text.startswith("not found")


def test_head_sends_the_headers_only(http: httpx.Client) -> None:
    response = http.head("/boards/notice.atom")
    assert response.status_code == 200 and response.content == b"" and response.headers["etag"]


def test_the_server_binds_loopback_by_default(server: FeedServer) -> None:
    assert server.url.startswith("http://127.0.0.1:")


def test_loopback_hosts_are_recognised() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST."))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.0.10", "::", "example.kr", "localhost.evil.kr"))


def test_host_headers_lose_their_port() -> None:
    assert [host_name(h) for h in ("localhost:8766", "127.0.0.1", "[::1]:80", "[::1]", "evil.kr:1")] == [
        "localhost",
        "127.0.0.1",
        "::1",
        "::1",
        "evil.kr",
    ]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8766", "10.0.0.1"])
def test_a_request_for_another_host_name_is_refused(http: httpx.Client, host: str) -> None:
    # DNS rebinding: a web page that points its own name at 127.0.0.1 must not read the feeds.
    response = http.get("/boards/notice.atom", headers={"Host": host})
    assert response.status_code == 403 and "notice" not in response.text


@pytest.mark.parametrize("host", ["localhost:8766", "127.0.0.1", "[::1]:8766"])
def test_loopback_host_names_are_served(http: httpx.Client, host: str) -> None:
    assert http.get("/boards/notice.atom", headers={"Host": host}).status_code == 200


def test_a_synced_demo_board_is_served_with_its_tables_and_links(cli: Cli, demo_server: DemoServer) -> None:
    assert cli("add", demo_board_url(demo_server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "g5", "--pages", "1").code == 0
    listed = cli("list", "g5", "--json").json()
    paths = resolve_paths({"NOTICETUI_HOME": str(cli.home)})
    feeds = FeedServer(paths, load_config(paths.config_file))
    feeds.start()
    try:
        parsed = feedparser.parse(httpx.get(f"{feeds.url}/boards/g5.atom", timeout=30).content)
    finally:
        feeds.stop()
    assert not parsed.bozo and len(parsed.entries) == len(listed) > 0
    contents = [e.content[0].value for e in parsed.entries if "content" in e]
    assert any("<table>" in c for c in contents) and any('href="https://' in c for c in contents)


def run_serve(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NOTICETUI_HOME": str(home)}
    command = [sys.executable, "-m", "noticetui", "serve", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_serve_command_prints_its_url_serves_and_stops_on_sigterm(home: Paths) -> None:
    process = run_serve(home.database.parent, "--port", "0")
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("serving feeds on http://127.0.0.1:")
        url = line.split()[3]
        assert json.loads(httpx.get(url + "boards/notice.json", timeout=30).text)["title"] == "공지사항"
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0 and "stopped" in out and "Traceback" not in err


def test_a_port_in_use_is_one_line_and_exit_1(home: Paths, server: FeedServer) -> None:
    port = server.server_address[1]
    process = run_serve(home.database.parent, "--port", str(port))
    out, err = process.communicate(timeout=30)
    assert process.returncode == 1 and out == ""
    assert err.startswith("noticetui: cannot listen on 127.0.0.1:") and len(err.splitlines()) == 1


def test_a_board_added_while_serving_gets_its_feed(http: httpx.Client, home: Paths) -> None:
    assert http.get("/boards/new.atom").status_code == 404
    with home.config_file.open("a", encoding="utf-8") as config:
        config.write('\n[[boards]]\nname = "new"\nurl = "https://new.kr/"\n')
    assert http.get("/boards/new.atom").status_code == 200


def test_a_config_broken_while_serving_keeps_the_last_good_one(http: httpx.Client, home: Paths) -> None:
    home.config_file.write_text("[[boards]]\nname = 1\n", encoding="utf-8")
    assert http.get("/boards/notice.atom").status_code == 200


def test_an_unreadable_stored_time_still_serves_the_feed(http: httpx.Client, home: Paths) -> None:
    store = Store.open(home.database)
    store.conn.execute("UPDATE posts SET updated_at = 'now', body_at = NULL")
    store.close()
    response = http.get("/boards/notice.atom")
    assert response.status_code == 200 and "last-modified" not in response.headers and response.headers["etag"]


def test_a_failure_inside_the_server_is_a_500_and_one_line(
    http: httpx.Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("noticetui.feed_server.feed_version", broken)
    response = http.get("/boards/notice.atom")
    assert response.status_code == 500 and response.text == "cannot serve this feed: disk on fire\n"
    err = capsys.readouterr().err
    assert err == "noticetui serve: 127.0.0.1: disk on fire\n"
    assert http.get("/").status_code == 200  # the server goes on


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_a_bad_port_is_bad_usage(cli: Cli, port: str) -> None:
    result = cli("serve", "--port", port)
    assert result.code == 2 and "expected a port from 0 to 65535" in result.err and len(result.err.splitlines()) == 1


def test_a_host_that_is_not_loopback_is_warned_about(cli: Cli) -> None:
    # 192.0.2.1 is a documentation address no machine has: the bind fails after the warning.
    result = cli("serve", "--host", "192.0.2.1", "--port", "0")
    lines = result.err.splitlines()
    assert result.code == 1 and result.out == "" and len(lines) == 2
    assert lines[0].startswith("noticetui: warning: serving on 192.0.2.1, which is not loopback")
    assert lines[1].startswith("noticetui: cannot listen on 192.0.2.1:0")
