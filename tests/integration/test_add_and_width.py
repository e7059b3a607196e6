"""`add` never loses a save nor adds a board twice; piped and JSON text carry no layout line breaks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from noticetui.cli.format import terminal_width
from noticetui.config import load_config
from noticetui.demo.server import DemoServer
from noticetui.render import cell_width

from .conftest import Cli, demo_board_url


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999/x", "ftp://example.kr/board", "notice"])
def test_add_of_a_malformed_url_is_one_line_and_exit_2(cli: Cli, url: str) -> None:
    result = cli("add", url)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_add_saves_the_board_even_when_the_reader_goes_away_first(tmp_path: Path, demo_server: DemoServer) -> None:
    (tmp_path / "config.toml").write_text("[settings]\ndelay = 0.0\n", encoding="utf-8")
    env = {**os.environ, "NOTICETUI_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "noticetui", "add", demo_board_url(demo_server, "rhymix", "rhymix-free")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head -0`: nobody reads a line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert "Traceback" not in err
    assert [b.engine for b in load_config(tmp_path / "config.toml").boards] == ["rhymix"]


def test_adding_a_followed_board_again_names_it_and_exits_2(cli: Cli, demo_server: DemoServer) -> None:
    url = demo_board_url(demo_server, "gnuboard")
    assert cli("add", url, "--name", "g5").code == 0
    again = cli("add", url + "&page=1")
    assert again.code == 2 and "already followed as 'g5'" in again.err
    post = cli("add", url + "&wr_id=40")  # a post of that board
    assert post.code == 2 and "already followed as 'g5'" in post.err
    assert [b.name for b in load_config(cli.home / "config.toml").boards] == ["g5"]


def test_adding_a_post_that_is_gone_says_what_the_site_answered(cli: Cli, demo_server: DemoServer) -> None:
    """gnuboard4 answers a missing post with an alert page: that sentence, not the engines' scores."""
    gone = cli("add", demo_board_url(demo_server, "gnuboard4") + "&wr_id=99999")
    assert gone.code == 2 and "the site answered '글이 존재하지 않습니다." in gone.err
    assert "no engine recognises" not in gone.err and len(gone.err.strip().splitlines()) == 1
    assert not (cli.home / "config.toml").exists() or not load_config(cli.home / "config.toml").boards


def _long_post(cli: Cli, server: DemoServer) -> str:
    assert cli("add", demo_board_url(server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1").code == 0
    for item in cli("list", "--json").json():
        text = cli("show", str(item["id"]), "--json").json()["text"]
        if any(cell_width(line) > 80 for line in text.splitlines()):
            return str(item["id"])
    raise AssertionError("no demo post has a paragraph wider than 80 cells")


def test_piped_show_leaves_prose_unwrapped_and_honours_columns(
    cli: Cli, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    post = _long_post(cli, demo_server)
    piped = cli("show", post).out
    assert max(cell_width(line) for line in piped.splitlines()) > 80
    monkeypatch.setenv("COLUMNS", "40")
    narrow = cli("show", post).out
    body = narrow.split("\n\n", 1)[1].split("\nAttachments:")[0]  # header and file list are not prose
    # Prose wraps at 40 (a table has a minimum width of its own: lines drawn with box characters).
    prose = [line for line in body.splitlines() if "http" not in line and not re.search("[\u2500-\u257f]", line)]
    assert max(cell_width(line) for line in prose) <= 40


def test_show_json_text_carries_no_layout_line_breaks(cli: Cli, demo_server: DemoServer) -> None:
    post = _long_post(cli, demo_server)
    text = cli("show", post, "--json").json()["text"]
    assert max(cell_width(line) for line in text.splitlines()) > 80
    narrow = cli("show", post, "--json", "--width", "40").json()["text"]  # unless --width asks for it
    assert len(narrow.splitlines()) > len(text.splitlines())


def test_terminal_width_is_none_on_a_pipe_without_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert terminal_width() is None
    monkeypatch.setenv("COLUMNS", "132")
    assert terminal_width() == 132
