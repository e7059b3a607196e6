"""Counts the command line prints agree with their number: "1 file", "2 files" (gettext's plural forms)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.cli import main
from noticetui.cli.sync_display import result_line
from noticetui.models import SEOUL, Attachment, Post, PostStub, Request
from noticetui.store import Store
from noticetui.sync import BoardSyncResult


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with a board "n" of two posts: one with one file, one with two."""
    (tmp_path / "config.toml").write_text('[[boards]]\nname = "n"\nurl = "http://x.kr/"\n', encoding="utf-8")
    store = Store.open(tmp_path / "noticetui.sqlite3")
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    for key, files in (("1", 1), ("2", 2)):
        url = f"http://x.kr/{key}"
        store.upsert_stubs(
            board, [PostStub(key, f"제목 {key}", url, Request(url), posted_at=datetime(2026, 3, 5, tzinfo=SEOUL))]
        )
        post_id = store.post_id(board, key)
        assert post_id is not None
        attachments = [Attachment(i, f"공고문{i}.hwpx", 10) for i in range(files)]
        store.save_post(post_id, Post(key, f"제목 {key}", url, "<p>본문</p>", attachments=attachments))
    store.close()
    monkeypatch.setenv("NOTICETUI_HOME", str(tmp_path))
    return tmp_path


def printed(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_list_says_1_file_and_2_files(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = {line.split()[-1]: line for line in printed(capsys, "list").splitlines()}
    assert set(lines) == {"file", "files"}
    assert lines["file"].endswith("+1 file") and lines["files"].endswith("+2 files")


def test_boards_says_posts_and_keeps_the_unread_column_aligned(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two = printed(capsys, "boards").splitlines()[0]
    assert "2 posts" in two
    assert printed(capsys, "remove", "n", "--purge").splitlines()[-1] == "deleted 2 cached posts"
    store = Store.open(tmp_path / "noticetui.sqlite3")
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [PostStub("9", "제목", "http://x.kr/9", Request("http://x.kr/9"))])
    store.close()
    (tmp_path / "config.toml").write_text('[[boards]]\nname = "n"\nurl = "http://x.kr/"\n', encoding="utf-8")
    one = printed(capsys, "boards").splitlines()[0]
    assert "1 post " in one and "1 posts" not in one
    assert one.index("unread") == two.index("unread")
    assert printed(capsys, "remove", "n", "--purge").splitlines()[-1] == "deleted 1 cached post"


@pytest.mark.parametrize(("n", "body"), [(1, "1 body"), (2, "2 bodies")])
def test_a_sync_line_counts_bodies_in_the_right_number(n: int, body: str) -> None:
    line = result_line(BoardSyncResult("n", "gnuboard", pages=1, bodies=n, missing=n))
    assert f", {body}, {body} still missing" in line
