"""Lines found wanting by a first user's run of every command: Korean runs say everything in Korean
(``doctor``'s tables, a download folder that cannot be written), and a wrong attachment number says
which numbers the post has (they start at 0, so "it has 2" read as "1 and 2")."""

from __future__ import annotations

import errno
import os
import re
import socket
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from noticetui.demo.server import DemoServer
from noticetui.download_parts import describe_os_error
from noticetui.i18n import set_language
from noticetui.store import Store

from .conftest import SETTINGS, Cli, cli_at, demo_board_url

ASCII_WORD = re.compile(r"[A-Za-z]{3,}")


def _synced(tmp_path: Path, server: DemoServer, language: str) -> Cli:
    cli = cli_at(tmp_path / "home", settings=SETTINGS + f'ui_language = "{language}"\n')
    assert cli("add", demo_board_url(server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1").code == 0
    return cli


def _post_with_files(cli: Cli, count: int) -> dict[str, Any]:
    return next(i for i in cli("list", "--json").json() if len(i["attachments"]) == count)


def test_doctor_in_korean_names_its_columns_and_paths_in_korean(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _synced(tmp_path, demo_server, "ko")
    result = cli("doctor", "g5")
    assert result.code == 0, result.err
    assert "엔진 선택자" in result.out and "필드" in result.out
    for english in ("engine selectors", "characters of HTML", " path", "value"):
        assert english not in result.out


def test_a_folder_that_cannot_be_written_is_reported_in_korean() -> None:
    set_language("ko")  # the suite's autouse fixture sets English again
    for code in (errno.ENOENT, errno.EACCES, errno.ENOSPC):
        line = describe_os_error(Path("/x/공고"), OSError(code, os.strerror(code)))
        assert line.startswith("/x/공고에 쓸 수 없습니다: ") and not ASCII_WORD.search(line)


def test_a_wrong_attachment_number_says_which_numbers_there_are(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _synced(tmp_path, demo_server, "en")
    two = str(_post_with_files(cli, 2)["id"])
    shown = cli("show", two, "--attachment", "2")
    assert shown.code == 2
    assert shown.err.strip() == f"noticetui: post {two} has no attachment 2 (its attachments are numbered 0 to 1)"
    one = str(_post_with_files(cli, 1)["id"])
    downloaded = cli("download", one, "--index", "1")
    assert downloaded.code == 2  # bad usage, as for show --attachment
    assert downloaded.err.strip() == f"noticetui: post {one} has no attachment 1 (its only attachment is 0)"


def test_a_cache_that_cannot_be_written_is_one_line_not_a_traceback(
    tmp_path: Path, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = _synced(tmp_path, demo_server, "en")
    post = str(_post_with_files(cli, 1)["id"])

    def read_only(*_args: object, **_kwargs: object) -> int:
        # What SQLite says of a cache file (or folder) the user may not write, e.g. after a sudo run.
        raise sqlite3.OperationalError("attempt to write a readonly database")

    for method, command in (("mark_posts", "read"), ("star", "star")):
        monkeypatch.setattr(Store, method, read_only)
        result = cli(command, post)
        assert result.code == 1
        assert result.err.count("\n") == 1 and "Traceback" not in result.err
        assert "cannot be written" in result.err and "permissions" in result.err


def test_a_board_that_could_not_be_read_says_failed_not_0_new(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _synced(tmp_path, demo_server, "en")
    with socket.socket() as s:  # a port nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with (cli.home / "config.toml").open("a", encoding="utf-8") as config:
        config.write(f'\n[[boards]]\nname = "dead"\nurl = "http://127.0.0.1:{port}/bbs/board.php?bo_table=x"\n')
        config.write('engine = "gnuboard"\n')
    result = cli("sync", "dead", "g5")
    assert result.code == 1
    assert "dead: failed" in result.out.splitlines() and "dead: 0 new" not in result.out
    assert any(line.startswith("g5: 0 new") for line in result.out.splitlines())
    assert "connection refused" in result.err


def test_a_sync_into_a_cache_that_cannot_be_written_names_the_cache(
    tmp_path: Path, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = _synced(tmp_path, demo_server, "en")

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "record_sync", read_only)
    result = cli("sync", "g5")
    assert result.code == 1
    assert result.out.strip() == "g5: failed"
    assert "noticetui.sqlite3 cannot be written" in result.err and "OperationalError" not in result.err


def test_an_unknown_engine_is_named_in_korean(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = cli_at(tmp_path / "home", settings=SETTINGS + 'ui_language = "ko"\n')
    result = cli("add", demo_board_url(demo_server, "gnuboard"), "--engine", "nosuch")
    assert result.code == 2
    assert result.err.startswith("noticetui: 알 수 없는 엔진 'nosuch'") and "gnuboard" in result.err


def test_an_empty_search_is_a_usage_error_not_silence(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _synced(tmp_path, demo_server, "en")
    for query in ("", "  "):
        result = cli("search", query)
        assert result.code == 2
        assert "nothing to search for" in result.err and result.out == ""


def test_show_refuses_two_outputs_at_once_rather_than_dropping_one(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _synced(tmp_path, demo_server, "en")
    post = str(_post_with_files(cli, 1)["id"])
    for extra in (
        ("--html", "--json"),
        ("--changes", "--json"),
        ("--attachment", "0", "--save", str(tmp_path / "p.txt")),
    ):
        result = cli("show", post, *extra)
        assert result.code == 2 and result.out == ""
        assert "cannot go together" in result.err and result.err.count("\n") == 1
    assert not (tmp_path / "p.txt").exists()


def test_export_of_an_unknown_board_says_so_like_every_other_command(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = _synced(tmp_path, demo_server, "en")
    result = cli("export", "nosuch", "--format", "atom")
    assert result.code == 2
    assert result.err.strip() == "noticetui: no board named 'nosuch' (see noticetui boards)"


def test_add_under_a_name_already_taken_says_how_to_give_another(tmp_path: Path, demo_server: DemoServer) -> None:
    cli = cli_at(tmp_path / "home", settings=SETTINGS + 'ui_language = "en"\n')
    assert cli("add", demo_board_url(demo_server, "gnuboard"), "--name", "g5").code == 0
    result = cli("add", demo_board_url(demo_server, "rhymix"), "--name", "g5")
    assert result.code == 2
    assert result.err.strip() == "noticetui: a board named 'g5' already exists (give another with --name)"
