"""A CSS-profile board written into config.toml, synced through the real CLI from the /plain table board."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from noticetui.demo.server import DemoServer
from noticetui.demo.sites.plain import boards

from .conftest import Cli, demo_board_url

PROFILE = """
[boards.profile]
rows = "table.bbs-list tbody tr"
title = "td.subject a"
date = "td:nth-child(6)"
author = "td:nth-child(4)"
views = "td:nth-child(7)"
notice = ".ico-notice"
body = "td.content"
post_title = "td.subject"
post_date = "td.date"
post_author = "td.dept"
attachments = "ul.files a"
next_page = ".paging a.next"
page_param = "pageIndex"
"""


def configure(cli: Cli, url: str, profile: str = PROFILE) -> None:
    config = cli.home / "config.toml"
    base = config.read_text(encoding="utf-8").split("[[boards]]")[0]
    board = f'[[boards]]\nname = "gosi"\nurl = "{url}"\nengine = "profile"\n{profile}'
    config.write_text(base + board, encoding="utf-8")


@pytest.fixture
def synced(cli: Cli, demo_server: DemoServer) -> Cli:
    configure(cli, demo_board_url(demo_server, "generic", "plain-table"))
    result = cli("sync", "--pages", "5")
    assert result.code == 0, result.err
    assert "(3 pages, profile)" in result.out
    return cli


def test_profile_board_syncs_with_exact_titles_and_dates(synced: Cli, demo_server: DemoServer) -> None:
    truth = {p.key: p for p in boards(demo_server.now)["table"].posts}
    listed = synced("list", "--json").json()
    assert sorted(i["key"] for i in listed) == sorted(truth)
    for item in listed:
        post = truth[item["key"]]
        assert (item["title"], item["posted_at"], item["author"]) == (
            post.title,
            post.posted_at.isoformat(),
            post.author,
        )
        assert (item["views"], item["notice"]) == (post.views, post.notice)
        assert [a["name"] for a in item["attachments"]] == [name for name, _ in post.attachments]


def test_profile_post_body_is_the_selected_cell(synced: Cli, demo_server: DemoServer) -> None:
    truth = {p.key: p for p in boards(demo_server.now)["table"].posts}
    item = synced("list", "--json").json()[-1]
    text = " ".join(synced("show", str(item["id"]), "--json", "--width", "100").json()["text"].split())
    source = LexborHTMLParser(truth[item["key"]].body_for("http://x")).body
    assert source is not None
    words = [w for w in source.text(separator=" ").split() if len(w) > 1]
    assert words and [w for w in words if w not in text] == []
    assert "담당부서" not in text and "게시일" not in text


def test_bad_selector_is_one_clear_line_and_keeps_the_cache(synced: Cli, demo_server: DemoServer) -> None:
    before = synced("list", "--json").json()
    url = demo_board_url(demo_server, "generic", "plain-table")
    configure(synced, url, PROFILE.replace('rows = "table.bbs-list tbody tr"', 'rows = "table.board-list tr"'))
    result = synced("sync")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert 'profile selector rows = "table.board-list tr" matched nothing on' in lines[0] and url in lines[0]
    assert synced("list", "--json").json() == before
    board = synced("boards", "--json").json()[0]
    assert "table.board-list tr" in board["last_error"]
