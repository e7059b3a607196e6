"""End to end on the KBoard sample boards (a permalink page and a ``?page_id=`` page): add → sync →
list/show → download, through the real CLI, compared with the sample posts' ground truth."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from noticetui.demo.content import SamplePost
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.kboard import board_posts

from .checks import add_and_sync, assert_saved, detected, show_json, words_not_shown
from .conftest import Cli, cli_at, demo_board_url

BOARDS = ("kboard-notice", "kboard-data")
IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko"


@pytest.fixture(scope="module", params=BOARDS)
def synced(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, demo_server: DemoServer) -> Cli:
    """Each sample board added and synced (five pages, bodies too) in a home of its own."""
    url = demo_board_url(demo_server, "kboard", request.param)
    cli = add_and_sync(cli_at(tmp_path_factory.mktemp("kboard") / "home"), {"kb": url})
    _BOARD_OF[cli.home] = request.param
    return cli


_BOARD_OF: dict[Path, str] = {}
"""Which sample board each synced home follows: each board says different things."""


def truth(server: DemoServer, cli: Cli) -> dict[str, SamplePost]:
    return {p.key: p for p in board_posts(_BOARD_OF.get(cli.home, "kboard-notice"), server.now)}


def as_listed(post: SamplePost, now: datetime) -> datetime:
    """What a KBoard list shows of a post's time: ``H:i`` today, else ``Y.m.d`` (midnight)."""
    if post.posted_at.date() == now.date():
        return post.posted_at
    return post.posted_at.replace(hour=0, minute=0)


def listed(cli: Cli) -> list[dict[str, Any]]:
    result = cli("list", "--json")
    assert result.code == 0, result.err
    items: list[dict[str, Any]] = result.json()
    return items


@pytest.mark.parametrize("board", BOARDS)
def test_add_detects_kboard(cli: Cli, demo_server: DemoServer, board: str) -> None:
    url = demo_board_url(demo_server, "kboard", board)
    detected(cli, url, "kboard")
    assert cli("boards", "--json").json()[0]["url"] == url


def test_add_accepts_a_document_url_and_keeps_page_id(cli: Cli, demo_server: DemoServer) -> None:
    board = demo_board_url(demo_server, "kboard", "kboard-data")
    key = board_posts("kboard-data", demo_server.now)[0].key
    result = cli("add", f"{board}&pageid=2&mod=document&uid={key}", "--name", "from-post")
    assert result.code == 0, result.err
    assert cli("boards", "--json").json()[0]["url"] == board


def test_sync_lists_every_post_exactly_once(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, synced)
    keys = [item["key"] for item in listed(synced)]
    assert sorted(keys, key=int) == sorted(posts, key=int)


def test_listed_titles_authors_and_views_match_the_site(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, synced)
    got = [(i["title"], i["author"], i["views"]) for i in sorted(listed(synced), key=lambda i: int(i["key"]))]
    assert got == [(p.title, p.author, p.views) for _k, p in sorted(posts.items(), key=lambda kv: int(kv[0]))]


def test_posted_at_is_exact_and_in_seoul_time(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, synced)
    for item in listed(synced):
        post = posts[item["key"]]
        # A secret post's page asks for its password, so only the list's date (or today's time) is known.
        expected = as_listed(post, demo_server.now) if post.secret else post.posted_at
        assert item["posted_at"] == expected.isoformat()
        assert item["posted_at"].endswith("+09:00")


def test_notices_and_secret_posts_are_flagged_once(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, synced)
    items = listed(synced)
    assert sorted(i["key"] for i in items if i["notice"]) == sorted(k for k, p in posts.items() if p.notice)
    assert [i["key"] for i in items if i["secret"]] == [k for k, p in posts.items() if p.secret]


def test_attachment_names_are_the_buttons(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, synced)
    for item in listed(synced):
        post = posts[item["key"]]
        if not post.secret:
            assert [a["name"] for a in item["attachments"]] == [name for name, _ in post.attachments]


def test_show_prints_the_whole_body(synced: Cli, demo_server: DemoServer) -> None:
    posts = truth(demo_server, synced)
    item = next(i for i in listed(synced) if not posts[i["key"]].secret and "<table" in posts[i["key"]].body_html)
    shown = show_json(synced, item)
    assert shown["title"] == posts[item["key"]].title
    assert words_not_shown(posts[item["key"]].body_for("http://x"), shown["text"]) == []


def test_secret_post_is_listed_but_not_readable(synced: Cli, demo_server: DemoServer) -> None:
    secret = next(p for p in truth(demo_server, synced).values() if p.secret)
    item = next(i for i in listed(synced) if i["key"] == secret.key)
    assert (item["secret"], item["title"]) == (True, secret.title)
    assert "secret" in synced("show", str(item["id"])).out


def test_download_saves_identical_files_named_as_kboard_sends_them(
    synced: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    posts = truth(demo_server, synced)
    item = next(i for i in listed(synced) if len(i["attachments"]) >= 3)
    result = synced("download", str(item["id"]), "--to", str(tmp_path))
    # KBoard's fileDownload() turns every space of a name into "-" before sending it.
    assert_saved(result, {name.replace(" ", "-"): data for name, data in posts[item["key"]].attachments})


def test_download_of_a_name_with_percent_hash_and_middle_dot(
    synced: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    posts = truth(demo_server, synced)
    item = next(i for i in listed(synced) if any("%" in a["name"] for a in i["attachments"]))
    index = next(n for n, a in enumerate(item["attachments"]) if "%" in a["name"])
    result = synced("download", str(item["id"]), "--index", str(index), "--to", str(tmp_path))
    assert result.code == 0, result.err
    name = item["attachments"][index]["name"]
    path = Path(result.out.strip())
    assert path.name == "붙임2.-개인정보-수집·이용-동의서(필수-100%)#1.pdf"
    assert path.read_bytes() == dict(posts[item["key"]].attachments)[name]


def test_download_as_internet_explorer_decodes_the_euc_kr_name(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = cli_at(tmp_path / "ie", user_agent=IE11)
    assert cli("add", demo_board_url(demo_server, "kboard", "kboard-notice"), "--name", "ie").code == 0
    assert cli("sync", "--pages", "1").code == 0
    posts = truth(demo_server, cli)
    item = next(i for i in listed(cli) if any(a["name"].endswith(".pdf") for a in i["attachments"]))
    index = next(n for n, a in enumerate(item["attachments"]) if a["name"].endswith(".pdf"))
    result = cli("download", str(item["id"]), "--index", str(index), "--to", str(tmp_path / "files"))
    assert result.code == 0, result.err
    name = item["attachments"][index]["name"]
    path = Path(result.out.strip())
    assert path.name == name.replace(" ", "-")
    assert path.read_bytes() == dict(posts[item["key"]].attachments)[name]


def test_second_sync_finds_nothing_new(synced: Cli) -> None:
    again = synced("sync")
    assert again.code == 0, again.err
    assert "kb: 0 new" in again.out
