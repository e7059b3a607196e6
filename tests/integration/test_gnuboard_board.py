"""End to end on the gnuboard5 sample board: add → sync → list/show → download, through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.demo.content import SamplePost, sample_posts
from noticetui.demo.server import DemoServer

from .checks import add_and_sync, assert_saved, detected, show_json, words_not_shown
from .conftest import Cli, demo_board_url

IMAGE_EXT = (".jpg", ".jpeg", ".png", ".gif")


def listed_files(post: SamplePost) -> list[str]:
    """gnuboard shows image attachments inline, not in the file list."""
    return [name for name, _ in post.attachments if not name.lower().endswith(IMAGE_EXT)]


def samples(server: DemoServer) -> dict[str, SamplePost]:
    """What the sample board holds (as generated for the server's "now"), by post key."""
    return {p.key: p for p in sample_posts(server.now, "g5-notice")}


@pytest.fixture
def synced(cli: Cli, demo_server: DemoServer) -> Cli:
    return add_and_sync(cli, {"g5": demo_board_url(demo_server, "gnuboard")})


def test_add_detects_gnuboard_and_shows_rows(cli: Cli, demo_server: DemoServer) -> None:
    result = detected(cli, demo_board_url(demo_server, "gnuboard"), "gnuboard")
    assert "saved board" in result.out
    assert cli("boards", "--json").json()[0]["engine"] == "gnuboard"


def test_add_accepts_a_post_url(cli: Cli, demo_server: DemoServer) -> None:
    key = sample_posts(demo_server.now, "g5-notice")[5].key
    post_url = demo_board_url(demo_server, "gnuboard") + f"&wr_id={key}&page=1"
    result = cli("add", post_url, "--name", "from-post")
    assert result.code == 0, result.err
    board = cli("boards", "--json").json()[0]
    assert "wr_id" not in board["url"] and "bo_table=notice" in board["url"]


def test_sync_lists_every_post_exactly_once(synced: Cli, demo_server: DemoServer) -> None:
    truth = samples(demo_server)
    listed = synced("list", "--json").json()
    keys = [item["key"] for item in listed]
    assert sorted(keys, key=int) == sorted(truth, key=int)
    for item in listed:
        post = truth[item["key"]]
        assert item["title"] == post.title
        assert item["author"] == post.author
        if post.secret:
            # The list shows only MM-DD and the post's own page needs its password: the day is all we know.
            assert item["posted_at"][:10] == post.posted_at.date().isoformat()
        else:
            assert item["posted_at"] == post.posted_at.isoformat()
        assert item["posted_at"].endswith("+09:00")
        assert item["views"] == post.views
        assert item["notice"] == post.notice
        if not post.secret:
            assert [a["name"] for a in item["attachments"]] == listed_files(post)


def test_list_is_newest_first_and_marks_notices(synced: Cli, demo_server: DemoServer) -> None:
    listed = synced("list", "--json").json()
    dates = [item["posted_at"] for item in listed]
    assert dates == sorted(dates, reverse=True)
    text = synced("list").out
    assert text.count("[공지]") == sum(p.notice for p in sample_posts(demo_server.now, "g5-notice")) >= 1


def test_show_prints_the_whole_body(synced: Cli, demo_server: DemoServer) -> None:
    truth = samples(demo_server)
    listed = synced("list", "--json").json()
    item = next(i for i in listed if not truth[i["key"]].secret and "<table" in truth[i["key"]].body_html)
    shown = show_json(synced, item)
    assert shown["title"] == truth[item["key"]].title
    assert words_not_shown(truth[item["key"]].body_for("http://x"), shown["text"]) == []


def test_show_marks_the_post_read(synced: Cli) -> None:
    first = synced("list", "--json").json()[0]
    assert first["read"] is False
    synced("show", str(first["id"]))
    again = next(i for i in synced("list", "--json").json() if i["id"] == first["id"])
    assert again["read"] is True
    assert first["id"] not in [i["id"] for i in synced("list", "--json", "--unread").json()]


def test_download_saves_identical_files_under_korean_names(
    synced: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    truth = samples(demo_server)
    listed = synced("list", "--json").json()
    item = next(i for i in listed if len(i["attachments"]) >= 2)
    dest = tmp_path / "files"
    result = synced("download", str(item["id"]), "--to", str(dest))
    listed_names = listed_files(truth[item["key"]])
    assert_saved(result, {name: data for name, data in truth[item["key"]].attachments if name in listed_names})


def test_download_of_a_name_with_percent_and_hash(synced: Cli, demo_server: DemoServer, tmp_path: Path) -> None:
    truth = samples(demo_server)
    listed = synced("list", "--json").json()
    item = next(i for i in listed if any("%" in a["name"] for a in i["attachments"]))
    index = next(n for n, a in enumerate(item["attachments"]) if "%" in a["name"])
    result = synced("download", str(item["id"]), "--index", str(index), "--to", str(tmp_path))
    assert result.code == 0, result.err
    path = Path(result.out.strip())
    name = item["attachments"][index]["name"]
    assert path.name == name
    assert path.read_bytes() == dict(truth[item["key"]].attachments)[name]


def test_secret_post_is_listed_but_not_readable(synced: Cli, demo_server: DemoServer) -> None:
    secret = next(p for p in sample_posts(demo_server.now, "g5-notice") if p.secret)
    item = next(i for i in synced("list", "--json").json() if i["key"] == secret.key)
    assert item["secret"] is True and item["title"] == secret.title
    shown = synced("show", str(item["id"]))
    assert "secret" in shown.out


def test_search_finds_a_post_by_a_word_of_its_body(synced: Cli, demo_server: DemoServer) -> None:
    # A word of a body that no title holds: the hit can only come from the body.
    posts = [p for p in sample_posts(demo_server.now, "g5-notice") if not p.secret]
    titles = " ".join(p.title for p in posts)
    word, post = next(
        (w, p) for p in posts for w in p.body_html.split() if len(w) >= 4 and w.isalpha() and w not in titles
    )
    hits = synced("search", word, "--json").json()
    assert post.key in {h["key"] for h in hits}
    assert synced("search", "존재하지않는낱말", "--json").json() == []


def test_export_atom_feed_lists_posts(synced: Cli) -> None:
    from xml.etree import ElementTree as ET

    result = synced("export", "g5", "--format", "atom")
    assert result.code == 0
    root = ET.fromstring(result.out)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 48


def test_second_sync_finds_nothing_new(synced: Cli) -> None:
    again = synced("sync")
    assert again.code == 0
    assert "g5: 0 new" in again.out


def test_a_routine_sync_stops_at_the_first_page_with_nothing_new(synced: Cli, demo_server: DemoServer) -> None:
    before = len(demo_server.request_log)
    assert synced("sync", "--no-bodies").code == 0
    lists = [t for m, t in demo_server.request_log[before:] if "board.php" in t and "wr_id" not in t]
    assert len(lists) == 1  # page 1 only: every row on it is already cached


def test_an_explicit_page_count_reads_every_page(synced: Cli, demo_server: DemoServer) -> None:
    before = len(demo_server.request_log)
    assert synced("sync", "--pages", "3", "--no-bodies").code == 0
    lists = [t for m, t in demo_server.request_log[before:] if "board.php" in t and "wr_id" not in t]
    assert len(lists) == 3


def test_show_attachment_prints_the_text_of_a_downloaded_hwpx_and_pdf(synced: Cli) -> None:
    listed = synced("list", "--json").json()
    item = next(i for i in listed if any(a["name"].endswith(".hwpx") for a in i["attachments"]))
    names = [a["name"] for a in item["attachments"]]
    for suffix in (".hwpx", ".pdf"):
        index = next(n for n, name in enumerate(names) if name.endswith(suffix))
        result = synced("show", str(item["id"]), "--attachment", str(index))
        assert result.code == 0, result.err
        kind = suffix[1:]
        assert f"({kind})" in result.out.splitlines()[0]
        body = "\n".join(result.out.splitlines()[2:])
        assert len(body.strip()) > 10
        assert any("\uac00" <= ch <= "\ud7a3" for ch in body) or suffix == ".pdf"


def test_show_attachment_of_a_missing_index_is_bad_usage(synced: Cli) -> None:
    item = synced("list", "--json").json()[0]
    assert synced("show", str(item["id"]), "--attachment", "99").code == 2
