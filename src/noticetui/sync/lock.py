"""One sync at a time per cache: a lock file next to the database.

Where the platform has ``fcntl`` (Linux, macOS, the BSDs) the lock is an advisory ``flock`` on the file:
the kernel drops it when its process ends, however it ends (a SIGKILL included), so it is never stale.
Elsewhere the file is created with ``O_EXCL`` and holds the owner's pid; a lock whose pid is no longer
running is taken over.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from noticetui.i18n import _

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class SyncBusy(Exception):
    """Another sync holds the lock; ``str()`` is the one line to show."""

    def __init__(self, pid: int | None) -> None:
        super().__init__(_("another sync is running (pid {pid})").format(pid=pid if pid is not None else "?"))
        self.pid = pid


def lock_path(database: Path) -> Path:
    """The lock file of the cache at ``database``."""
    return database.with_name(database.name + ".sync-lock")


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    if os.name != "posix":  # no safe liveness probe (os.kill(pid, 0) sends Ctrl-C on Windows)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SyncLock:
    """The sync lock of one cache; ``with SyncLock(path):`` raises :class:`SyncBusy` when it is held."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`SyncBusy` at once (never waits)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if fcntl is not None:
            self._acquire_flock()
        else:
            self._acquire_exclusive()

    def _acquire_flock(self) -> None:
        assert fcntl is not None
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise SyncBusy(_read_pid(self.path)) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd

    def _acquire_exclusive(self) -> None:
        for _attempt in range(2):
            try:
                self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                pid = _read_pid(self.path)
                if pid is not None and _alive(pid):
                    raise SyncBusy(pid) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()  # stale: its owner is gone
                continue
            os.write(self._fd, f"{os.getpid()}\n".encode("ascii"))
            return
        raise SyncBusy(_read_pid(self.path))

    def release(self) -> None:
        """Give the lock back (the file stays where ``flock`` is used: removing it would race)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if fcntl is None:
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)

    def __enter__(self) -> SyncLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()  # whatever ended the block: the lock never outlives it
