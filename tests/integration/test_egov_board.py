"""The real CLI against the sample eGovFrame site: detection, a full sync of each of its three boards
compared with the ground truth, reading posts, and downloads through the session-bound ``FileDown.do``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from noticetui.demo.content import SamplePost
from noticetui.demo.egov_text import html_to_text
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.egov import APPS, board_posts, portal_text

from .conftest import Cli, cli_at, demo_board_url

BOARDS = [a.name for a in APPS]
_NOISE = re.compile(r"\[\d+\]|[\s│┃┌┐└┘├┤┬┴┼─═╞╡╪╤╧|•\-]")


@pytest.fixture(scope="module", params=BOARDS)
def synced(
    request: pytest.FixtureRequest, demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Cli, str]]:
    """One board added and synced (5 pages, with bodies) in a home of its own."""
    cli = cli_at(tmp_path_factory.mktemp("egov") / "home")
    name = str(request.param)
    result = cli("add", demo_board_url(demo_server, "egov", name), "--name", name)
    assert result.code == 0, result.err
    result = cli("sync", "--pages", "5")
    assert (result.code, result.err) == (0, "")
    yield cli, name


def posts(cli: Cli) -> list[dict[str, Any]]:
    result = cli("list", "--json")
    assert result.code == 0, result.err
    rows: list[dict[str, Any]] = result.json()
    return rows


def expected_row(name: str, post: SamplePost) -> dict[str, Any]:
    return {
        "key": "secret" if post.secret else post.key,
        "title": post.title,
        "author": post.author,
        "posted_at": post.posted_at.isoformat(),
        "views": post.views,
        "notice": post.notice,
        "secret": post.secret,
        # Only the current component prints comment counts; a secret post's files are never seen.
        "comments": post.comments if name == "egov-article" else None,
        "attachments": [] if post.secret else [file_name for file_name, _data in post.attachments],
    }


def actual_row(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("title", "author", "posted_at", "views", "notice", "secret", "comments")
    key = "secret" if str(row["key"]).startswith("secret-") else row["key"]
    return {"key": key, **{k: row[k] for k in keys}, "attachments": [a["name"] for a in row["attachments"]]}


def squash(text: str) -> str:
    """Text without whitespace, table rules, bullets and link numbers: what must survive rendering."""
    return _NOISE.sub("", text)


def body_text(server: DemoServer, name: str, post: SamplePost) -> str:
    return portal_text(post, server.base_url) if name == "egov-portal" else html_to_text(post.body_html)


# --- detection --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", BOARDS)
def test_add_detects_egov(demo_server: DemoServer, cli: Cli, name: str) -> None:
    result = cli("add", demo_board_url(demo_server, "egov", name))
    assert (result.code, result.err) == (0, "")
    assert "engine: egov" in result.out


def test_add_a_post_url_saves_its_board(demo_server: DemoServer, cli: Cli) -> None:
    board = demo_board_url(demo_server, "egov", "egov-article")
    post = next(p for p in board_posts("egov-article", demo_server.now) if not p.secret)
    view = board.replace("selectArticleList.do", "selectArticleDetail.do") + f"&nttId={post.key}"
    result = cli("add", view, "--name", "from-post")
    assert result.code == 0, result.err
    assert f"board:  {board}\n" in result.out


# --- a full sync ------------------------------------------------------------------------------------


def test_sync_lists_every_post_once_as_the_site_shows_it(synced: tuple[Cli, str], demo_server: DemoServer) -> None:
    cli, name = synced
    rows = [r for r in posts(cli) if r["board"] == name]
    expected = [expected_row(name, p) for p in board_posts(name, demo_server.now)]
    order = lambda r: (r["key"], r["title"])  # noqa: E731 - a sort key
    assert sorted((actual_row(r) for r in rows), key=order) == sorted(expected, key=order)


def test_sync_keys_are_unique(synced: tuple[Cli, str]) -> None:
    cli, _name = synced
    keys = [r["key"] for r in posts(cli)]
    assert len(keys) == len(set(keys))


def test_show_prints_the_whole_body(synced: tuple[Cli, str], demo_server: DemoServer) -> None:
    cli, name = synced
    rows = {r["key"]: r for r in posts(cli)}
    sample = [p for p in board_posts(name, demo_server.now) if p.attachments and not p.secret][:3]
    for post in sample:
        result = cli("show", str(rows[post.key]["id"]), "--width", "200")
        assert result.code == 0, result.err
        shown = squash(result.out)
        missing = [line for line in body_text(demo_server, name, post).splitlines() if squash(line) not in shown]
        assert missing == [], post.key


def test_download_saves_every_file_byte_for_byte(
    synced: tuple[Cli, str], demo_server: DemoServer, tmp_path: Path
) -> None:
    cli, name = synced
    rows = {r["key"]: r for r in posts(cli)}
    with_files = [p for p in board_posts(name, demo_server.now) if p.attachments and not p.secret]
    # The post with the most files has the name with spaces, parentheses, '%' and '#'.
    post = max(with_files, key=lambda p: len(p.attachments))
    result = cli("download", str(rows[post.key]["id"]), "--to", str(tmp_path))
    assert result.code == 0, result.err
    saved = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert saved == dict(post.attachments)


def test_download_of_an_image_attachment(synced: tuple[Cli, str], demo_server: DemoServer, tmp_path: Path) -> None:
    cli, name = synced
    rows = {r["key"]: r for r in posts(cli)}
    post = next(p for p in board_posts(name, demo_server.now) if any(n.endswith(".jpg") for n, _ in p.attachments))
    result = cli("download", str(rows[post.key]["id"]), "--index", "0", "--to", str(tmp_path))
    assert result.code == 0, result.err
    file_name, data = post.attachments[0]
    assert (tmp_path / file_name).read_bytes() == data


def test_show_of_the_secret_post_says_it_is_secret(demo_server: DemoServer, cli: Cli) -> None:
    assert cli("add", demo_board_url(demo_server, "egov", "egov-article"), "--name", "article").code == 0
    assert cli("sync", "--pages", "1").code == 0
    secret = next(r for r in posts(cli) if r["secret"])
    result = cli("show", str(secret["id"]))
    assert result.code == 0, result.err
    assert "secret post" in result.out


def test_download_refused_to_an_unknown_browser(demo_server: DemoServer, tmp_path: Path) -> None:
    cli = cli_at(tmp_path / "home", user_agent="noticetui-test/1.0")
    assert cli("add", demo_board_url(demo_server, "egov", "egov-article"), "--name", "article").code == 0
    assert cli("sync", "--pages", "1").code == 0
    row = next(r for r in posts(cli) if r["attachments"])
    result = cli("download", str(row["id"]), "--to", str(tmp_path / "files"))
    # FileDown.do answers egovError.jsp with status 200: judged by its bytes, it is no file.
    assert result.code == 1
    assert "refused the file" in result.err
    assert not (tmp_path / "files").exists() or not any((tmp_path / "files").iterdir())


def test_list_json_is_valid_for_every_board(demo_server: DemoServer, cli: Cli) -> None:
    for name in BOARDS:
        assert cli("add", demo_board_url(demo_server, "egov", name), "--name", name).code == 0
    assert cli("sync", "--pages", "1", "--no-bodies").code == 0
    assert {r["board"] for r in json.loads(cli("list", "--json").out)} == set(BOARDS)
