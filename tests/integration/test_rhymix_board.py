"""The real CLI against the sample Rhymix site: detection, a full sync compared with the ground truth,
reading a post, and downloads through ``procFileDownload`` with each file-name encoding the site sends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from noticetui.demo.rhymix_data import BOARDS, BoardSetup, Document, documents
from noticetui.demo.rhymix_files import browser_format
from noticetui.demo.server import DemoServer

from .conftest import Cli, cli_at

_WEBKIT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
CHROME = f"{_WEBKIT} Chrome/138.0.0.0 Safari/537.36"
WHALE = f"{_WEBKIT} Chrome/120.0.0.0 Whale/3.24.223.21 Safari/537.36"
IE9 = "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)"
UNKNOWN = "noticetui-test/1.0"
SETUPS = {b.mid: b for b in BOARDS}
Synced = tuple[Cli, BoardSetup]


def posts(cli: Cli) -> list[dict[str, Any]]:
    """``list --json`` of the CLI's home."""
    result = cli("list", "--json")
    assert result.code == 0, result.err
    rows: list[dict[str, Any]] = result.json()
    return rows


def board_url(server: DemoServer, setup: BoardSetup) -> str:
    """The board's list URL as the server lists it (``conftest.demo_board_url``'s lookup)."""
    return next(b.url for b in server.boards() if b.engine == "rhymix" and b.name == f"rhymix-{setup.mid}")


@pytest.fixture(scope="module", params=sorted(SETUPS))
def synced(
    request: pytest.FixtureRequest, demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Synced]:
    """One board added and synced (5 pages, with bodies) in a home of its own."""
    setup = SETUPS[request.param]
    home = cli_at(tmp_path_factory.mktemp("rhymix") / "home")
    result = home("add", board_url(demo_server, setup))
    assert result.code == 0, result.err
    result = home("sync", "--pages", "5")
    assert result.code == 0, result.err
    yield home, setup


def truth(server: DemoServer, setup: BoardSetup) -> list[Document]:
    return documents(setup, server.now)


def expected_row(doc: Document) -> dict[str, Any]:
    """What ``list --json`` should say: a secret post's page is never read, so its date is the list's day."""
    post = doc.post
    moment = post.posted_at.replace(hour=0, minute=0) if post.secret else post.posted_at
    return {
        "key": str(doc.srl),
        "title": post.title,
        "author": post.author,
        "posted_at": moment.isoformat(),
        "views": post.views,
        "notice": post.notice,
        "secret": post.secret,
        "attachments": [] if post.secret else [name for name, _data in post.attachments],
    }


def actual_row(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("key", "title", "author", "posted_at", "views", "notice", "secret")
    return {**{k: row[k] for k in keys}, "attachments": [a["name"] for a in row["attachments"]]}


# --- detection --------------------------------------------------------------------------------------


@pytest.mark.parametrize("mid", sorted(SETUPS))
def test_add_detects_rhymix(demo_server: DemoServer, cli: Cli, mid: str) -> None:
    result = cli("add", board_url(demo_server, SETUPS[mid]))
    assert (result.code, result.err) == (0, "")
    assert "engine: rhymix" in result.out


def test_add_of_a_bare_post_url_saves_its_board(demo_server: DemoServer, cli: Cli) -> None:
    setup = SETUPS["free"]
    doc = truth(demo_server, setup)[7]
    result = cli("add", f"{demo_server.base_url}/rhymix/{doc.srl}")
    assert result.code == 0, result.err
    assert f"board:  {board_url(demo_server, setup)}\n" in result.out


# --- sync and list ----------------------------------------------------------------------------------


def test_sync_lists_every_post_once_as_the_site_shows_it(synced: Synced, demo_server: DemoServer) -> None:
    home, setup = synced
    rows = sorted((actual_row(r) for r in posts(home)), key=lambda r: r["key"])
    expected = sorted((expected_row(d) for d in truth(demo_server, setup)), key=lambda r: r["key"])
    assert rows == expected


def test_pinned_notices_are_listed_once_and_flagged(synced: Synced, demo_server: DemoServer) -> None:
    home, setup = synced
    notices = [r["key"] for r in posts(home) if r["notice"]]
    assert sorted(notices) == sorted(str(d.srl) for d in truth(demo_server, setup) if d.post.notice)
    assert len(notices) == 1  # a flavoured sample board pins one notice


def test_show_prints_the_whole_body_text(synced: Synced, demo_server: DemoServer) -> None:
    home, setup = synced
    doc = next(d for d in truth(demo_server, setup) if not d.post.secret and "<table" not in d.post.body_html)
    row = next(r for r in posts(home) if r["key"] == str(doc.srl))
    result = home("show", str(row["id"]), "--width", "300")
    assert result.code == 0, result.err
    shown = "".join(result.out.split())  # line breaks and wrapping aside, every character of the text is there
    body = LexborHTMLParser(doc.post.body_html).body
    assert body is not None
    parts = ["".join(part.text().split()) for part in body.css("p, li")]
    assert parts and all(part in shown for part in parts)


def test_show_of_a_secret_post_keeps_its_listing(synced: Synced, demo_server: DemoServer) -> None:
    home, setup = synced
    doc = next(d for d in truth(demo_server, setup) if d.post.secret)
    row = next(r for r in posts(home) if r["key"] == str(doc.srl))
    result = home("show", str(row["id"]))
    assert result.code == 0, result.err
    after = next(r for r in posts(home) if r["key"] == str(doc.srl))
    assert (after["title"], after["secret"]) == (doc.post.title, True)


# --- downloads --------------------------------------------------------------------------------------


def _grant_post(server: DemoServer, setup: BoardSetup) -> Document:
    """The newest post: several files, one of them called "붙임2. 개인정보 수집·이용 동의서(필수 100%)#1.pdf"."""
    doc = truth(server, setup)[0]
    assert len(doc.files) >= 2 and any("%" in f.name for f in doc.files)
    return doc


@pytest.mark.parametrize(
    ("mid", "agent", "style"),
    [
        ("notice", CHROME, "rfc5987"),
        ("notice", WHALE, "raw"),
        ("notice", UNKNOWN, "old_ie"),
        ("free", CHROME, "raw"),
        ("free", IE9, "old_ie"),
    ],
)
def test_download_saves_identical_files_under_their_korean_names(
    demo_server: DemoServer, cli: Cli, tmp_path: Path, mid: str, agent: str, style: str
) -> None:
    setup = SETUPS[mid]
    assert browser_format(agent, setup.legacy) == style  # the site really sends this encoding
    config = cli.home / "config.toml"
    settings = config.read_text(encoding="utf-8")  # [settings] is the file's only table
    config.write_text(f"{settings}user_agent = {json.dumps(agent)}\n", encoding="utf-8")
    doc = _grant_post(demo_server, setup)
    assert cli("add", board_url(demo_server, setup)).code == 0
    assert cli("sync", "--pages", "1", "--no-bodies").code == 0
    row = next(r for r in cli("list", "--json").json() if r["key"] == str(doc.srl))
    target = tmp_path / "files"
    result = cli("download", str(row["id"]), "--to", str(target))
    assert result.code == 0, result.err
    assert sorted(p.name for p in target.iterdir()) == sorted(f.name for f in doc.files)
    for stored in doc.files:
        assert (target / stored.name).read_bytes() == stored.data
    assert result.out.splitlines() == [str(target / f.name) for f in doc.files]
