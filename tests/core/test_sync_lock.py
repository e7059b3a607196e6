"""One sync at a time per cache: the lock says who holds it, and a dead holder never blocks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from noticetui.sync import lock as lock_module
from noticetui.sync.lock import SyncBusy, SyncLock


def test_a_second_lock_is_refused_with_the_holders_pid_and_free_after_release(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3.sync-lock"
    with SyncLock(path), pytest.raises(SyncBusy, match=rf"another sync is running \(pid {os.getpid()}\)"):
        SyncLock(path).acquire()
    with SyncLock(path):
        pass


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3.sync-lock"
    code = (
        "import sys, os, signal; from pathlib import Path; from noticetui.sync.lock import SyncLock; "
        "SyncLock(Path(sys.argv[1])).acquire(); os.kill(os.getpid(), signal.SIGKILL)"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=False, timeout=30)
    with SyncLock(path):
        pass


def test_without_flock_a_lock_file_of_a_dead_pid_is_taken_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock_module, "fcntl", None)
    path = tmp_path / "c.sqlite3.sync-lock"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    path.write_text(dead.stdout.decode(), encoding="ascii")
    with SyncLock(path), pytest.raises(SyncBusy):
        SyncLock(path).acquire()
    assert not path.exists()
