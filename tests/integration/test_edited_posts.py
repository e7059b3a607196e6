"""Edited posts end to end: a sync that finds a post changed on the site keeps the version it replaces,
marks the post edited and unread, and `show --changes` prints what changed."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticetui.demo.server import DemoServer
from noticetui.demo.sites import gnuboard5

from .conftest import Cli, demo_board_url


@pytest.fixture
def synced(cli: Cli, fresh_server: DemoServer) -> Iterator[tuple[Cli, DemoServer, dict[str, object]]]:
    """A gnuboard demo board synced once (bodies too), and its newest non-notice post read."""
    url = demo_board_url(fresh_server, "gnuboard")
    assert cli("add", url, "--name", "g5", "--engine", "gnuboard").code == 0
    assert cli("sync", "g5", "--pages", "1").code == 0
    posts = cli("list", "g5", "--json").json()
    # A title the list shows whole (long ones are cut there), so editing it on the pages edits the list too.
    post = next(p for p in posts if not p["notice"] and not p["secret"] and len(p["title"]) <= gnuboard5.SUBJECT_LEN)
    assert cli("show", str(post["id"]), "--width", "80").code == 0  # read
    yield cli, fresh_server, post


def _first_sentence(cli: Cli, post_id: object) -> str:
    text = str(cli("show", str(post_id), "--json", "--no-mark-read").json()["text"])
    return next(line for line in text.splitlines() if len(line.strip()) > 12).strip()[:12]


def test_a_sync_that_finds_a_post_edited_keeps_the_old_version(
    synced: tuple[Cli, DemoServer, dict[str, object]],
) -> None:
    cli, server, post = synced
    title, sentence = str(post["title"]), _first_sentence(cli, post["id"])
    server.edit_pages(title, title + " (수정)")
    server.edit_pages(sentence, "정정된 문장입니다 " + sentence)
    assert cli("sync", "g5", "--pages", "1").code == 0

    after = next(p for p in cli("list", "g5", "--json").json() if p["id"] == post["id"])
    assert after["title"] == title + " (수정)"
    assert after["read"] is False  # updated items are unread again, as in newsboat
    line = next(row for row in cli("list", "g5").out.splitlines() if row.split()[0] == str(post["id"]))
    assert f"✎ {title} (수정)" in line  # the human list marks it too, as the TUI's does
    diff = cli("show", str(post["id"]), "--changes")
    assert diff.code == 0
    lines = diff.out.splitlines()
    assert lines[0].startswith("--- previous (replaced ")
    assert lines[1] == "+++ current"
    assert f"-{title}" in lines
    assert f"+{title} (수정)" in lines
    assert any(line.startswith("+정정된 문장입니다 ") for line in lines)
    assert any(line.startswith("-") and sentence in line and "정정된" not in line for line in lines[2:])


def test_a_sync_that_finds_nothing_changed_keeps_no_version(synced: tuple[Cli, DemoServer, dict[str, object]]) -> None:
    cli, _server, post = synced
    assert cli("sync", "g5", "--pages", "1").code == 0
    shown = cli("show", str(post["id"]), "--changes")
    assert shown.code == 0
    assert "no earlier version" in shown.out
    after = next(p for p in cli("list", "g5", "--json").json() if p["id"] == post["id"])
    assert after["read"] is True


def test_show_html_prints_a_standalone_page_of_the_post(synced: tuple[Cli, DemoServer, dict[str, object]]) -> None:
    cli, _server, post = synced
    shown = cli("show", str(post["id"]), "--html")
    assert shown.code == 0
    assert shown.out.startswith("<!DOCTYPE html>") and "<script" not in shown.out
    assert f"<h1>{html.escape(str(post['title']))}</h1>" in shown.out


def test_show_save_writes_a_new_file_each_time_and_prints_its_path(
    synced: tuple[Cli, DemoServer, dict[str, object]], tmp_path: Path
) -> None:
    cli, _server, post = synced
    folder = tmp_path / "saved"
    folder.mkdir()
    first = cli("show", str(post["id"]), "--save", str(folder))
    second = cli("show", str(post["id"]), "--save", str(folder))
    assert first.code == 0 and second.code == 0
    one, two = Path(first.out.strip()), Path(second.out.strip())
    assert one.parent == folder and one.suffix == ".txt" and two.name == f"{one.stem} (2).txt"
    assert one.read_text(encoding="utf-8").startswith(str(post["title"]))
    page = cli("show", str(post["id"]), "--save", str(folder / "post.html"))
    assert Path(page.out.strip()).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_show_save_where_nothing_can_be_written_is_one_line_and_exit_1(
    synced: tuple[Cli, DemoServer, dict[str, object]], tmp_path: Path
) -> None:
    cli, _server, post = synced
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    shown = cli("show", str(post["id"]), "--save", str(blocker / "post.txt"))
    assert shown.code == 1 and shown.out == ""
    assert len(shown.err.strip().splitlines()) == 1 and "cannot save" in shown.err
