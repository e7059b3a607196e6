"""The CLI in Korean and in English: chosen by ``ui_language`` or, when it is ``auto``, by the locale;
``boards`` shows its last sync in the user's zone (never raw UTC ISO), JSON keeps ISO 8601."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from noticetui.demo.server import DemoServer

from .conftest import SETTINGS, Cli, cli_at, demo_board_url

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _home(tmp_path: Path, server: DemoServer, language: str | None) -> Cli:
    setting = f'ui_language = "{language}"\n' if language else ""
    cli = cli_at(tmp_path / "home", settings=SETTINGS + setting)
    board = f'\n[[boards]]\nname = "g5"\nurl = "{demo_board_url(server, "gnuboard")}"\nengine = "gnuboard"\npages = 1\n'
    with (cli.home / "config.toml").open("a", encoding="utf-8") as f:
        f.write(board)
    return cli


def test_ui_language_ko_gives_korean_sync_and_boards_lines(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _home(tmp_path, demo_server, "ko")
    synced = cli("sync", "--no-bodies")
    assert synced.code == 0, synced.err
    assert synced.out.startswith("g5: 새 글 ") and "수정 0" in synced.out and "1쪽" in synced.out
    boards = cli("boards")
    assert boards.code == 0
    first = boards.out.splitlines()[0]
    assert "게시글" in first and "안 읽음" in first and re.search(r"동기화 오늘 \d\d:\d\d$", first)
    assert not ISO.search(boards.out)


def test_the_korean_locale_gives_korean_when_ui_language_is_auto(
    tmp_path: Path, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    cli = _home(tmp_path, demo_server, None)
    result = cli("remove", "nope")
    assert result.code == 2
    assert result.err.strip() == "noticetui: 'nope' 게시판이 없습니다"
    assert "동기화 전" in cli("boards").out


def test_ui_language_en_wins_over_a_korean_locale(
    tmp_path: Path, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    cli = _home(tmp_path, demo_server, "en")
    assert cli("sync", "--no-bodies").code == 0
    line = cli("boards").out.splitlines()[0]
    assert re.search(r"posts +\d+ unread  synced today \d\d:\d\d$", line)
    assert not ISO.search(line)


def test_boards_json_keeps_the_last_sync_as_iso_with_its_offset(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _home(tmp_path, demo_server, "ko")
    assert cli("sync", "--no-bodies").code == 0
    rows = json.loads(cli("boards", "--json").out)
    assert ISO.match(rows[0]["last_sync"]) and rows[0]["last_sync"].endswith("+00:00")


def test_a_bad_ui_language_is_one_line_and_exit_1(tmp_path: Path) -> None:
    cli = cli_at(tmp_path / "home", settings=SETTINGS + 'ui_language = "jp"\n')
    result = cli("boards")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "settings.ui_language: expected 'auto', 'ko' or 'en', got 'jp'" in result.err


def test_show_heads_the_post_with_jo_hoe_in_korean_and_views_in_english(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    cli = _home(tmp_path, demo_server, "ko")
    assert cli("sync").code == 0
    viewed = next(p for p in json.loads(cli("list", "--json").out) if p["views"] is not None)
    korean = cli("show", str(viewed["id"]), "--no-mark-read")
    assert korean.code == 0 and f"조회 {viewed['views']:,}" in korean.out.splitlines()[1]
    config = cli.home / "config.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('ui_language = "ko"', 'ui_language = "en"'), "utf-8")
    english = cli("show", str(viewed["id"]), "--no-mark-read")
    assert f"views {viewed['views']:,}" in english.out.splitlines()[1] and "조회" not in english.out.splitlines()[1]
