"""End to end on the gnuboard4 sample boards (EUC-KR): add → sync → list/show → download, through the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from noticetui.demo.content import SamplePost, sample_posts
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.gnuboard4 import listed_files

from .checks import (
    add_and_sync,
    assert_body_shown,
    assert_downloads,
    assert_secret_unreadable,
    detected,
    with_percent_name,
)
from .conftest import Cli, cli_at, demo_board_url


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory, demo_server: DemoServer) -> Iterator[Cli]:
    """Both gnuboard4 boards added and synced once, shared by the read-only tests of this module."""
    boards = {name: demo_board_url(demo_server, "gnuboard4", name) for name in ("g4-notice", "g4-data")}
    yield add_and_sync(cli_at(tmp_path_factory.mktemp("g4") / "home"), boards)


def truth(server: DemoServer, board: str) -> dict[str, SamplePost]:
    return {p.key: p for p in sample_posts(server.now, board)}


def items(cli: Cli, board: str) -> list[dict[str, Any]]:
    return [i for i in cli("list", board, "--json").json() if i["board"] == board]


def test_add_detects_gnuboard4_on_the_charset_header_board(cli: Cli, demo_server: DemoServer) -> None:
    result = detected(cli, demo_board_url(demo_server, "gnuboard4", "g4-notice"), "gnuboard4")
    pinned = next(p for p in sample_posts(demo_server.now, "g4-notice") if p.notice)
    assert f"[공지] {pinned.title}" in result.out


def test_add_detects_gnuboard4_when_the_charset_is_only_in_the_meta(cli: Cli, demo_server: DemoServer) -> None:
    result = detected(cli, demo_board_url(demo_server, "gnuboard4", "g4-data"), "gnuboard4")
    pinned = next(p for p in sample_posts(demo_server.now, "g4-data") if p.notice)
    assert pinned.title in result.out


def test_add_accepts_a_post_url(cli: Cli, demo_server: DemoServer) -> None:
    key = sample_posts(demo_server.now, "g4-notice")[20].key
    url = demo_board_url(demo_server, "gnuboard4", "g4-notice") + f"&wr_id={key}&page=2"
    assert cli("add", url, "--name", "from-post").code == 0
    board = cli("boards", "--json").json()[0]
    assert board["url"].endswith("/gnuboard4/bbs/board.php?bo_table=notice")


@pytest.mark.parametrize("board", ["g4-notice", "g4-data"])
def test_sync_lists_every_post_once_as_the_site_shows_it(synced: Cli, demo_server: DemoServer, board: str) -> None:
    posts = truth(demo_server, board)
    listed = items(synced, board)
    assert sorted(str(i["key"]) for i in listed) == sorted(posts)
    for item in listed:
        post = posts[str(item["key"])]
        assert (item["title"], item["author"], item["views"], item["notice"]) == (
            post.title,
            post.author,
            post.views,
            post.notice,
        )
        if post.secret:
            assert str(item["posted_at"])[:10] == post.posted_at.date().isoformat()
        else:
            assert item["posted_at"] == post.posted_at.isoformat()
            assert [a["name"] for a in item["attachments"]] == [n for _no, n, _d in listed_files(post)]


def test_categories_of_the_category_board(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, "g4-data")
    assert all(i["category"] == posts[str(i["key"])].category for i in items(synced, "g4-data"))


def test_show_prints_the_whole_body_with_the_inline_photo(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, "g4-notice")
    item = next(
        i for i in items(synced, "g4-notice") if any(n.endswith(".jpg") for n, _ in posts[str(i["key"])].attachments)
    )
    assert_body_shown(synced, item, posts[str(item["key"])].body_html)


def test_download_saves_identical_files_under_their_euc_kr_names(
    synced: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    item = with_percent_name(items(synced, "g4-data"))
    files = listed_files(truth(demo_server, "g4-data")[str(item["key"])])
    assert_downloads(synced, item, tmp_path, {name: data for _no, name, data in files})


def test_secret_post_is_listed_but_not_readable(synced: Cli, demo_server: DemoServer) -> None:
    secret = next(p for p in sample_posts(demo_server.now, "g4-notice") if p.secret)
    assert_secret_unreadable(synced, items(synced, "g4-notice"), secret.key)


def test_second_sync_finds_nothing_new(synced: Cli) -> None:
    again = synced("sync", "g4-notice")
    assert again.code == 0 and "g4-notice: 0 new" in again.out
