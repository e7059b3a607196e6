"""End to end on the selectBbsNttList sample board: add → sync → list/show → download through the CLI,
and the site's own rules (the viewing session, RFC 5987 names) over plain HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from noticetui.demo.content import SamplePost, sample_posts
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.bbsntt import atchmnfl_no, listed_files, ntt_no

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
        cli_at(tmp_path_factory.mktemp("bbsntt") / "home"), {"ntt": demo_board_url(demo_server, "bbsntt")}
    )


def truth(server: DemoServer) -> dict[str, SamplePost]:
    return {ntt_no(p): p for p in sample_posts(server.now, "bbsntt-notice")}


def test_add_detects_bbsntt(cli: Cli, demo_server: DemoServer) -> None:
    detected(cli, demo_board_url(demo_server, "bbsntt"), "bbsntt")


def test_add_accepts_a_post_url(cli: Cli, demo_server: DemoServer) -> None:
    post = sample_posts(demo_server.now, "bbsntt-notice")[2]
    board = demo_board_url(demo_server, "bbsntt")
    url = board.replace("selectBbsNttList", "selectBbsNttView") + f"&nttNo={ntt_no(post)}&pageIndex=2"
    assert cli("add", url, "--name", "from-post").code == 0
    assert cli("boards", "--json").json()[0]["url"] == board


def test_sync_lists_every_post_once_as_the_site_shows_it(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server)
    listed = board_rows(synced, "ntt")
    assert sorted(i["key"] for i in listed) == sorted(posts)
    for item in listed:
        post = posts[item["key"]]
        assert (item["title"], item["author"], item["views"], item["notice"], item["secret"]) == (
            post.title,
            post.author,
            post.views,
            post.notice,
            post.secret,
        )
        if post.secret:
            # The list shows the day; the post, which has the time, needs its password.
            assert item["posted_at"] == post.posted_at.replace(hour=0, minute=0).isoformat()
        else:
            assert item["posted_at"] == post.posted_at.isoformat()
            assert [a["name"] for a in item["attachments"]] == [n for n, _ in listed_files(post)]


def test_show_prints_the_whole_body(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server)
    item = next(
        i for i in board_rows(synced, "ntt") if "<table" in posts[i["key"]].body_html and not posts[i["key"]].secret
    )
    assert_body_shown(synced, item, posts[item["key"]].body_html)


def test_download_saves_identical_files_under_korean_names(
    synced: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    item = with_percent_name(board_rows(synced, "ntt"))
    assert_downloads(synced, item, tmp_path, dict(listed_files(truth(demo_server)[item["key"]])))


def test_secret_post_is_listed_but_not_readable(synced: Cli, demo_server: DemoServer) -> None:
    secret = next(p for p in sample_posts(demo_server.now, "bbsntt-notice") if p.secret)
    assert_secret_unreadable(synced, board_rows(synced, "ntt"), ntt_no(secret))


def test_download_by_a_session_that_never_opened_the_post_is_an_alert(demo_server: DemoServer) -> None:
    post = next(p for p in sample_posts(demo_server.now, "bbsntt-notice") if p.attachments)
    response = httpx.get(f"{demo_server.base_url}/bbsntt/www/downloadBbsFile.do?atchmnflNo={atchmnfl_no(post, 0)}")
    assert response.status_code == 200 and "잘못된 접근입니다.".encode() in response.content


def test_download_after_opening_the_post_sends_an_rfc5987_name(demo_server: DemoServer) -> None:
    post = next(p for p in sample_posts(demo_server.now, "bbsntt-notice") if p.attachments and not p.secret)
    board = demo_board_url(demo_server, "bbsntt")
    with httpx.Client() as client:
        client.get(board.replace("selectBbsNttList", "selectBbsNttView") + f"&nttNo={ntt_no(post)}")
        response = client.get(f"{demo_server.base_url}/bbsntt/www/downloadBbsFile.do?atchmnflNo={atchmnfl_no(post, 0)}")
    name, data = post.attachments[0]
    assert response.content == data
    assert response.headers["content-disposition"] == f"attachment; filename*=UTF-8''{quote(name, safe='')}"


def test_notices_are_pinned_on_the_first_page_only(demo_server: DemoServer) -> None:
    notice = next(p for p in sample_posts(demo_server.now, "bbsntt-notice") if p.notice)
    board = demo_board_url(demo_server, "bbsntt")
    first, second = (httpx.get(f"{board}&pageIndex={n}").text for n in (1, 2))
    assert f"nttNo={ntt_no(notice)}&" in first and f"nttNo={ntt_no(notice)}&" not in second
