"""End to end on the /plain sample site, which no engine claims: add → sync → list/show → download."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.demo.content import SamplePost
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.plain import boards

from .checks import (
    add_and_sync,
    assert_downloads,
    assert_secret_unreadable,
    show_json,
    with_percent_name,
    words_not_shown,
)
from .conftest import Cli, demo_board_url


def news_truth(server: DemoServer) -> dict[str, SamplePost]:
    return {p.key: p for p in boards(server.now)["news"].posts}


@pytest.fixture
def synced(cli: Cli, demo_server: DemoServer) -> Cli:
    return add_and_sync(cli, {"news": demo_board_url(demo_server, "generic", "plain-news")})


def test_add_falls_back_on_generic(cli: Cli, demo_server: DemoServer) -> None:
    result = cli("add", demo_board_url(demo_server, "generic", "plain-news"))
    assert result.code == 0, result.err
    assert "engine: generic (no known engine matched)" in result.out
    assert cli("boards", "--json").json()[0]["engine"] == "generic"


def test_add_of_a_post_url_saves_its_list(cli: Cli, demo_server: DemoServer) -> None:
    news = demo_board_url(demo_server, "generic", "plain-news")
    result = cli("add", f"{news}/view?idx=79&page=1", "--name", "from-post")
    assert result.code == 0, result.err
    assert cli("boards", "--json").json()[0]["url"] == news


def test_sync_lists_every_post_exactly_once(synced: Cli, demo_server: DemoServer) -> None:
    truth = news_truth(demo_server)
    listed = synced("list", "--json").json()
    assert sorted(item["key"] for item in listed) == sorted(truth)
    for item in listed:
        post = truth[item["key"]]
        assert (item["title"], item["author"], item["views"]) == (post.title, post.author, post.views)
        assert item["notice"] == post.notice
        assert item["secret"] == post.secret
        if post.secret:  # its page asks for a password: the list's day is all there is
            assert item["posted_at"] == post.posted_at.replace(hour=0, minute=0).isoformat()
        else:
            assert item["posted_at"] == post.posted_at.isoformat()
            assert [a["name"] for a in item["attachments"]] == [name for name, _ in post.attachments]


def test_show_prints_the_whole_body(synced: Cli, demo_server: DemoServer) -> None:
    truth = news_truth(demo_server)
    listed = synced("list", "--json").json()
    item = next(i for i in listed if "<table" in truth[i["key"]].body_html)
    shown = show_json(synced, item)
    assert words_not_shown(truth[item["key"]].body_for("http://x"), shown["text"]) == []
    flat = " ".join(shown["text"].split())
    assert "많이 본 소식" not in flat and "대표전화" not in flat


def test_download_saves_identical_files_under_korean_names(
    synced: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    item = with_percent_name(synced("list", "--json").json())
    assert_downloads(synced, item, tmp_path, dict(news_truth(demo_server)[item["key"]].attachments))


def test_secret_post_is_listed_but_not_readable(synced: Cli, demo_server: DemoServer) -> None:
    secret = next(p for p in news_truth(demo_server).values() if p.secret)
    assert_secret_unreadable(synced, synced("list", "--json").json(), secret.key)


def test_table_board_is_read_by_its_headers(cli: Cli, demo_server: DemoServer) -> None:
    url = demo_board_url(demo_server, "generic", "plain-table")
    assert cli("add", url, "--name", "gosi").code == 0
    assert cli("boards", "--json").json()[0]["url"] == f"{url}?pageIndex=1"
    assert cli("sync", "--pages", "5", "--no-bodies").code == 0
    truth = {p.key: p for p in boards(demo_server.now)["table"].posts}
    listed = {i["key"]: i for i in cli("list", "--json").json()}
    assert set(listed) == set(truth)
    assert all(listed[k]["views"] == p.views and listed[k]["notice"] == p.notice for k, p in truth.items())
