"""`noticetui sync` and `add` as a person and a script use them: lines as boards finish, watched posts
announced through a command, repeated syncs, one sync at a time, bad URLs and boards added twice."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from noticetui.cli import sync_cmd
from noticetui.demo.server import DemoServer
from noticetui.sync import SyncLock, lock_path

from .conftest import Cli, demo_board_url

WATCHED = "휴관"
"""A word of several titles on the first page of the g5 sample board (a city's notices: closures)."""


class _Held(BaseHTTPRequestHandler):
    """Answers 404, but only once the test lets it: a site that is still working."""

    release = threading.Event()

    def do_GET(self) -> None:
        self.release.wait(30)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def held_site() -> Iterator[tuple[str, threading.Event]]:
    """A board URL whose site answers only when the returned event is set."""
    release = threading.Event()
    handler = type("Held", (_Held,), {"release": release})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/bbs/board.php?bo_table=held", release
    release.set()
    server.shutdown()
    server.server_close()


def _config(home: Path, boards: dict[str, str], settings: str = "") -> None:
    text = f"[settings]\ndelay = 0.0\nper_host = 4\ntimeout = 20\n{settings}\n"
    for name, url in boards.items():
        engine = "gnuboard4" if "/gnuboard4/" in url else "gnuboard"
        text += f'\n[[boards]]\nname = "{name}"\nurl = "{url}"\nengine = "{engine}"\npages = 1\n'
    (home / "config.toml").write_text(text, encoding="utf-8")


def test_piped_sync_prints_each_board_line_as_that_board_finishes(
    tmp_path: Path, demo_server: DemoServer, held_site: tuple[str, threading.Event]
) -> None:
    url, release = held_site
    _config(tmp_path, {"held": url, "g5": demo_board_url(demo_server, "gnuboard")})
    env = {**os.environ, "NOTICETUI_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "noticetui", "sync"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline().decode()  # arrives while the held site has not answered yet
    assert not release.is_set() and first.startswith("g5: ") and " new, " in first
    release.set()
    rest = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert rest.startswith("held: ") and "held:" in err and "404" in err
    assert "\x1b" not in first + rest  # no progress display on a pipe


def test_sync_on_a_terminal_shows_live_progress_then_the_board_lines(tmp_path: Path, demo_server: DemoServer) -> None:
    import pty

    _config(tmp_path, {"g5": demo_board_url(demo_server, "gnuboard")})
    env = {**os.environ, "NOTICETUI_HOME": str(tmp_path), "COLUMNS": "100", "TERM": "xterm-256color"}
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "noticetui", "sync"], stdout=child, stderr=child, stdin=subprocess.DEVNULL, env=env
    )
    os.close(child)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert proc.wait(timeout=60) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "\x1b[" in screen and re.search("g5: [^\r]*━", screen)  # rich's live display drew the board's bar
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
    assert re.search(r"(^|\r)g5: \d+ new, 0 updated, \d+ bodies", plain, re.M)  # then the board's final line


def _fake_notifier(tmp_path: Path) -> tuple[Path, Path]:
    script = tmp_path / "notifier.py"
    record = tmp_path / "calls.jsonl"
    script.write_text(
        "import json, sys\n"
        f"with open({str(record)!r}, 'a', encoding='utf-8') as f:\n"
        "    f.write(json.dumps(sys.argv[1:], ensure_ascii=False) + '\\n')\n",
        encoding="utf-8",
    )
    return script, record


def test_notify_runs_the_command_per_watched_new_post_with_title_and_url_as_arguments(
    cli: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    script, record = _fake_notifier(tmp_path)
    settings = f'watch = [{json.dumps(WATCHED)}]\nnotify_command = [{json.dumps(sys.executable)}, {json.dumps(str(script))}, "--"]'
    _config(cli.home, {"g5": demo_board_url(demo_server, "gnuboard")}, settings)
    first = cli("sync", "--notify")
    assert first.code == 0 and "watched" in first.out
    assert not record.exists()  # a board's first sync announces nothing: every post is new then
    db = sqlite3.connect(cli.home / "noticetui.sqlite3")
    gone = db.execute("SELECT title, url FROM posts WHERE title LIKE ?", (f"%{WATCHED}%",)).fetchall()
    db.execute("DELETE FROM posts WHERE title LIKE ?", (f"%{WATCHED}%",))
    db.commit()
    db.close()
    assert gone
    again = cli("sync", "--notify")
    assert again.code == 0, again.err
    calls = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert sorted(calls) == sorted(["--", title, url] for title, url in gone)


def test_a_missing_notify_command_is_one_line_and_exit_1(cli: Cli, demo_server: DemoServer) -> None:
    settings = f'watch = [{json.dumps(WATCHED)}]\nnotify_command = ["/nonexistent/notifier"]'
    _config(cli.home, {"g5": demo_board_url(demo_server, "gnuboard")}, settings)
    assert cli("sync").code == 0
    db = sqlite3.connect(cli.home / "noticetui.sqlite3")
    db.execute("DELETE FROM posts WHERE title LIKE ?", (f"%{WATCHED}%",))
    db.commit()
    db.close()
    result = cli("sync", "--notify")
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        "noticetui: notify command '/nonexistent/notifier' not found (set [settings] notify_command)"
    ]


def test_every_syncs_again_after_each_wait_until_interrupted(
    cli: Cli, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _config(cli.home, {"g5": demo_board_url(demo_server, "gnuboard")})
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(sync_cmd, "sleep", sleep)
    result = cli("sync", "--every", "1h30m")
    assert result.code == 0
    assert waits == [5400.0, 5400.0]
    assert [line.split(":")[0] for line in result.out.splitlines()] == ["g5", "g5"]


@pytest.mark.parametrize("bad", ["soon", "0s", "-5m", "30x"])
def test_every_refuses_a_duration_it_cannot_read(cli: Cli, bad: str) -> None:
    result = cli("sync", "--every", bad)
    assert result.code == 2 and "--every" in result.err


def test_a_second_sync_of_the_same_cache_says_who_runs_and_exits_1(cli: Cli, demo_server: DemoServer) -> None:
    _config(cli.home, {"g5": demo_board_url(demo_server, "gnuboard")})
    with SyncLock(lock_path(cli.home / "noticetui.sqlite3")):
        result = cli("sync")
    assert result.code == 1
    assert result.err.strip() == f"noticetui: another sync is running (pid {os.getpid()})"
    assert cli("list", "--json").json() == []


def test_every_picks_up_boards_added_between_rounds(
    cli: Cli, demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _config(cli.home, {"g5": demo_board_url(demo_server, "gnuboard")})
    rounds = 0

    def sleep(seconds: float) -> None:
        nonlocal rounds
        rounds += 1
        if rounds == 2:
            raise KeyboardInterrupt
        _config(
            cli.home, {"g5": demo_board_url(demo_server, "gnuboard"), "g4": demo_board_url(demo_server, "gnuboard4")}
        )

    monkeypatch.setattr(sync_cmd, "sleep", sleep)
    result = cli("sync", "--every", "30m")
    assert result.code == 0
    assert sorted(line.split(":")[0] for line in result.out.splitlines()) == ["g4", "g5", "g5"]


def test_a_reader_that_goes_away_does_not_stop_the_other_boards(tmp_path: Path, demo_server: DemoServer) -> None:
    boards = {"g5": demo_board_url(demo_server, "gnuboard"), "g4": demo_board_url(demo_server, "gnuboard4")}
    _config(tmp_path, boards)
    env = {**os.environ, "NOTICETUI_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "noticetui", "sync"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `sync | head -0`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    db = sqlite3.connect(tmp_path / "noticetui.sqlite3")
    counts = db.execute(
        "SELECT b.name, count(p.id), sum(p.body_at IS NULL AND p.secret = 0) FROM boards b "
        "JOIN posts p ON p.board_id = b.id GROUP BY b.name"
    )
    synced = {name: (n, missing) for name, n, missing in counts}
    db.close()
    assert set(synced) == {"g4", "g5"}
    assert all(n > 0 and missing == 0 for n, missing in synced.values())  # both finished, bodies and all
