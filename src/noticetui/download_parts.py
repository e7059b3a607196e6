"""The files a download writes before it is done: a hidden ``.part`` per attachment in the target folder.

A download streams into ``.noticetui-<post>-<index>.part`` next to where the file will go (same folder,
so the final rename is atomic and never crosses file systems) and only gets its real name once every byte
is in and checked.  A killed run leaves the ``.part`` behind: the next download of the same attachment
continues it with ``Range`` (see :mod:`noticetui.downloads`), and any ``.part`` left untouched for an hour
is removed by the next download into that folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import time
from pathlib import Path

__all__ = ["STALE_SECONDS", "FolderError", "clean_stale_parts", "hash_part", "part_path", "prepare_folder"]

STALE_SECONDS = 3600.0
"""A ``.part`` untouched this long belongs to no running download (a live one writes every few seconds)."""

_PREFIX = ".noticetui-"
_SUFFIX = ".part"
_HEAD = 4096


class FolderError(Exception):
    """The download folder cannot be used; ``str()`` is one line."""


def part_path(dest: Path, post_id: int, index: int) -> Path:
    """Where attachment ``index`` of post ``post_id`` is written until it is complete."""
    return dest / f"{_PREFIX}{post_id}-{index}{_SUFFIX}"


def describe_os_error(path: Path, exc: OSError) -> str:
    """One line for a failed write or folder operation, leading with the reason."""
    reason = exc.strerror or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "the disk is full"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "permission denied (read-only folder?)"
    return f"cannot write to {path}: {reason}"


def prepare_folder(dest: Path) -> None:
    """Create ``dest`` if needed; FolderError when it is a file or cannot be created."""
    if dest.exists() and not dest.is_dir():
        raise FolderError(f"{dest} is a file, not a folder: give --to a folder")
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise FolderError(f"{dest} is a file, not a folder: give --to a folder") from exc
    except NotADirectoryError as exc:
        raise FolderError(f"cannot create {dest}: part of that path is a file") from exc
    except OSError as exc:
        raise FolderError(describe_os_error(dest, exc)) from exc


def clean_stale_parts(dest: Path, now: float | None = None) -> int:
    """Remove ``.part`` files in ``dest`` untouched for :data:`STALE_SECONDS`; returns how many went."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(dest))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(_PREFIX) and entry.name.endswith(_SUFFIX)):
            continue
        with contextlib.suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
                removed += 1
    return removed


def hash_part(part: Path) -> tuple[hashlib._Hash, bytes, int]:
    """The sha256 state, first 4 KB and size of what ``part`` already holds (to continue it)."""
    digest = hashlib.sha256()
    head = b""
    size = 0
    with part.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            if len(head) < _HEAD:
                head += chunk[: _HEAD - len(head)]
            size += len(chunk)
    return digest, head, size
