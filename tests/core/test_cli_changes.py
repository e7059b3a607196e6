"""``show --changes``: the header says when the previous version was replaced in the reader's zone and
style, as every other stored time is shown (never the stored UTC ISO stamp)."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui import local_dates
from noticetui.cli import main
from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.store import Store


def test_the_changes_header_shows_the_replacement_time_in_the_readers_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    store = Store.open(tmp_path / "noticetui.sqlite3")
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [PostStub("1", "제목", "http://x.kr/1", Request("http://x.kr/1"))])
    post_id = store.post_id(board, "1")
    assert post_id is not None
    store.save_post(post_id, Post("1", "제목", "http://x.kr/1", "<p>신청은 3월 5일까지</p>"))
    store.save_post(post_id, Post("1", "제목", "http://x.kr/1", "<p>신청은 3월 12일까지</p>"))
    [version] = store.versions(post_id)
    store.close()
    monkeypatch.setenv("NOTICETUI_HOME", str(tmp_path))
    monkeypatch.setattr(local_dates, "_zone", SEOUL)
    assert main(["show", str(post_id), "--changes"]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    replaced = local_dates.parse_stored(version.replaced_at)
    assert replaced is not None
    assert head == f"--- previous (replaced {replaced.astimezone(SEOUL):%Y-%m-%d %H:%M})"
    assert version.replaced_at not in head
