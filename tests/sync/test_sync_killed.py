"""A sync killed (SIGKILL) at random moments, again and again: the cache stays sound, never loses a post,
and the next routine sync completes it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from noticetui.demo.server import DemoServer

BOARDS = ("g5-notice", "rhymix-notice", "kboard-notice")
KILLS = 6


def _wait_started(lock: Path, pid: int) -> None:
    """Until the sync holds its lock (imports done, cache open): kills then land inside the sync."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if lock.read_text(encoding="ascii").strip() == str(pid):
                return
        except OSError:
            pass
        time.sleep(0.02)


def _stored(db: Path) -> int:
    """How much the cache holds: posts, plus the bodies of posts (nothing while it has no tables yet)."""
    try:
        _, posts, missing = _state(db, check=False)
    except sqlite3.Error:
        return 0
    return 2 * posts - missing


def _wait_progress(db: Path, proc: subprocess.Popen[bytes], stored: int) -> None:
    """Until the sync has stored more than ``stored`` (see :func:`_stored`), or ended: the kill then lands
    among its writes, however fast the machine syncs the sample boards."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if _stored(db) > stored:
            return
        time.sleep(0.01)


def _config(home: Path, server: DemoServer) -> None:
    text = "[settings]\ndelay = 0.0\nper_host = 2\ntimeout = 20\n"
    for board in server.boards():
        if board.name in BOARDS:
            text += f'\n[[boards]]\nname = "{board.name}"\nurl = "{board.url}"\nengine = "{board.engine}"\n'
    (home / "config.toml").write_text(text, encoding="utf-8")


def _state(db: Path, *, check: bool = True) -> tuple[str, int, int]:
    """The integrity check's verdict (unless not ``check``), the number of posts, and how many non-secret
    posts lack a body."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        verdict = str(conn.execute("PRAGMA integrity_check").fetchone()[0]) if check else ""
        posts = int(conn.execute("SELECT count(*) FROM posts").fetchone()[0])
        missing = int(conn.execute("SELECT count(*) FROM posts WHERE body_at IS NULL AND secret = 0").fetchone()[0])
    finally:
        conn.close()
    return verdict, posts, missing


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_sync_killed_at_random_points_loses_nothing_and_the_next_sync_completes_the_cache(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    _config(tmp_path, demo_server)
    env = {**os.environ, "NOTICETUI_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "noticetui", "sync", "--pages", "3"]
    db = tmp_path / "noticetui.sqlite3"
    rng = random.Random(20261205)
    counts = [0]
    interrupted = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_started(tmp_path / "noticetui.sqlite3.sync-lock", proc.pid)
        _wait_progress(db, proc, _stored(db))
        time.sleep(rng.uniform(0.0, 0.2))  # when to kill, not a timed assertion
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        interrupted += proc.returncode == -signal.SIGKILL
        if not db.exists():
            continue
        verdict, posts, _ = _state(db)
        assert verdict == "ok"
        assert posts >= counts[-1]
        counts.append(posts)
    assert interrupted > 0, "every sync ended before its kill: nothing was tested"
    routine = subprocess.run(
        [sys.executable, "-m", "noticetui", "sync"], env=env, capture_output=True, timeout=120, check=False
    )
    assert routine.returncode == 0, routine.stderr.decode()
    verdict, posts, missing = _state(db)
    assert verdict == "ok" and posts >= counts[-1] and posts > 0
    assert missing == 0
