"""Words of a QA pass: a port in use says which and what to do, a feed's bad ``?limit=`` is a 400 that says
why, and ``star``/``unstar`` speak of taking a star away with the same Korean verb as their help."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from noticetui.config import Config
from noticetui.demo.server import DemoServer
from noticetui.feed_server import FeedServer
from noticetui.i18n import _, set_language
from noticetui.paths import resolve_paths

from .conftest import SETTINGS, Cli, cli_at, demo_board_url


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port of 127.0.0.1 that another socket is listening on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "cannot listen on 127.0.0.1:{port}: the port is in use (choose another with --port)"),
        ("ko", "127.0.0.1:{port}에서 대기할 수 없습니다: 이미 쓰이는 포트입니다 (--port로 다른 포트를 고르세요)"),
    ],
)
def test_a_port_in_use_names_the_port_and_suggests_another(
    tmp_path: Path, taken_port: int, language: str, expected: str
) -> None:
    cli = cli_at(tmp_path / "home", settings=SETTINGS + f'ui_language = "{language}"\n')
    result = cli("serve", "--port", str(taken_port))
    assert result.code == 1 and result.out == ""
    assert result.err == f"noticetui: {expected.format(port=taken_port)}\n"


@pytest.fixture
def feeds(tmp_path: Path) -> Iterator[httpx.Client]:
    paths = resolve_paths({"NOTICETUI_HOME": str(tmp_path)})
    server = FeedServer(paths, Config())
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            yield client
    finally:
        server.stop()


@pytest.mark.parametrize("limit", ["abc", "0", "-3", "2.5", "٣"])
def test_a_limit_that_is_not_a_whole_number_of_1_or_more_is_a_400(feeds: httpx.Client, limit: str) -> None:
    response = feeds.get("/boards/nope.atom", params={"limit": limit})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == f"bad request: limit must be a whole number of 1 or more, got {limit!r}\n"


def test_a_good_limit_still_reaches_the_feed(feeds: httpx.Client) -> None:
    # The limit is fine, so the answer is about the board (none configured here), not the limit.
    assert feeds.get("/boards/nope.atom", params={"limit": "5"}).status_code == 404


def test_unstar_says_taking_the_star_away_with_its_helps_verb_in_korean(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    cli: Cli = cli_at(tmp_path / "home", settings=SETTINGS + 'ui_language = "ko"\n')
    assert cli("add", demo_board_url(demo_server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1").code == 0
    post = str(cli("list", "--json").json()[0]["id"])
    assert cli("star", post).out == "게시글 1개에 별표를 달았습니다\n"
    assert cli("unstar", post).out == "게시글 1개의 별표를 뗐습니다\n"
    set_language("ko")  # the suite's autouse fixture sets English again
    assert _("take posts' stars away") == "글의 별표 떼기"  # unstar --help
    assert _("Star taken away") == "별표를 뗐습니다"  # the TUI's * on a starred post
