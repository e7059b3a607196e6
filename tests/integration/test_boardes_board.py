"""End to end on the board.es sample board: add → sync → list/show → download through the CLI, and the
site's own rules (Referer-checked downloads, URL-encoded names) over plain HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from noticetui.demo.content import SamplePost, sample_posts
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.boardes import BID, list_no, listed_files

from .checks import (
    add_and_sync,
    assert_body_shown,
    assert_downloads,
    assert_secret_unreadable,
    board_rows,
    detected,
    with_percent_name,
)
from .conftest import Cli, cli_at, demo_board_url


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory, demo_server: DemoServer) -> Iterator[Cli]:
    """The board added and synced once, shared by the read-only tests of this module."""
    yield add_and_sync(
        cli_at(tmp_path_factory.mktemp("boardes") / "home"), {"es": demo_board_url(demo_server, "boardes")}
    )


def truth(server: DemoServer) -> dict[str, SamplePost]:
    return {list_no(p): p for p in sample_posts(server.now, "boardes-notice")}


def test_add_detects_board_es(cli: Cli, demo_server: DemoServer) -> None:
    detected(cli, demo_board_url(demo_server, "boardes"), "boardes")


def test_add_accepts_a_post_url(cli: Cli, demo_server: DemoServer) -> None:
    post = sample_posts(demo_server.now, "boardes-notice")[2]
    url = demo_board_url(demo_server, "boardes") + f"&act=view&list_no={list_no(post)}&tag=&nPage=1"
    assert cli("add", url, "--name", "from-post").code == 0
    assert cli("boards", "--json").json()[0]["url"] == demo_board_url(demo_server, "boardes")


def test_sync_lists_every_post_once_as_the_site_shows_it(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server)
    listed = board_rows(synced, "es")
    assert sorted(i["key"] for i in listed) == sorted(posts)
    for item in listed:
        post = posts[item["key"]]
        # The CMS shows the day only, in the list and on the post.
        midnight = post.posted_at.replace(hour=0, minute=0)
        assert (item["title"], item["author"], item["views"], item["notice"], item["posted_at"]) == (
            post.title,
            post.author,
            post.views,
            post.notice,
            midnight.isoformat(),
        )
        assert item["secret"] == post.secret
        if not post.secret:
            assert [a["name"] for a in item["attachments"]] == [n for n, _ in listed_files(post)]


def test_show_prints_the_whole_body(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server)
    item = next(
        i for i in board_rows(synced, "es") if "<table" in posts[i["key"]].body_html and not posts[i["key"]].secret
    )
    assert_body_shown(synced, item, posts[item["key"]].body_html)


def test_download_saves_identical_files_under_korean_names(
    synced: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    item = with_percent_name(board_rows(synced, "es"))
    assert_downloads(synced, item, tmp_path, dict(listed_files(truth(demo_server)[item["key"]])))


def test_secret_post_is_listed_but_not_readable(synced: Cli, demo_server: DemoServer) -> None:
    secret = next(p for p in sample_posts(demo_server.now, "boardes-notice") if p.secret)
    assert_secret_unreadable(synced, board_rows(synced, "es"), list_no(secret))


def test_download_without_the_view_as_referer_is_an_alert(demo_server: DemoServer) -> None:
    post = next(p for p in sample_posts(demo_server.now, "boardes-notice") if p.attachments)
    url = f"{demo_server.base_url}/boardes/boardDownload.es?bid={BID}&list_no={list_no(post)}&seq=1"
    response = httpx.get(url, headers={"Referer": demo_board_url(demo_server, "boardes")})
    assert response.status_code == 200 and "정상적인 경로".encode() in response.content
    assert "content-disposition" not in response.headers


def test_download_from_the_view_sends_a_url_encoded_name(demo_server: DemoServer) -> None:
    post = next(p for p in sample_posts(demo_server.now, "boardes-notice") if p.attachments)
    view = demo_board_url(demo_server, "boardes") + f"&act=view&list_no={list_no(post)}&tag=&nPage=1"
    url = f"{demo_server.base_url}/boardes/boardDownload.es?bid={BID}&list_no={list_no(post)}&seq=1"
    response = httpx.get(url, headers={"Referer": view})
    name, data = post.attachments[0]
    assert response.content == data
    disposition = response.headers["content-disposition"]
    assert disposition.isascii() and disposition.startswith('attachment; filename="')
    assert unquote(disposition.split('"')[1]) == name


def test_second_sync_finds_nothing_new(synced: Cli) -> None:
    again = synced("sync", "es")
    assert again.code == 0 and "es: 0 new" in again.out
