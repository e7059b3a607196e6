"""The files a download writes before it is done: a hidden ``.part`` per attachment in the target folder.

A download streams into ``.noticetui-<post>-<index>.part`` next to where the file will go (same folder,
so the final rename is atomic and never crosses file systems) and only gets its real name once every byte
is in and checked.  Beside it, ``….part.json`` records the file's size and validator as the server first
gave them.  A killed run leaves both behind: the next download of the same attachment continues the
``.part`` with ``Range``/``If-Range`` (see :mod:`noticetui.downloads`), and any left untouched for an
hour are removed by the next download into that folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from noticetui.i18n import _

__all__ = [
    "STALE_SECONDS",
    "FolderError",
    "PartInfo",
    "clean_stale_parts",
    "drop_part",
    "hash_part",
    "load_info",
    "part_path",
    "prepare_folder",
    "save_info",
]

STALE_SECONDS = 3600.0
"""A ``.part`` untouched this long belongs to no running download (a live one writes every few seconds)."""

_PREFIX = ".noticetui-"
_SUFFIX = ".part"
_INFO = ".json"
_HEAD = 4096


class FolderError(Exception):
    """The download folder cannot be used; ``str()`` is one line."""


def part_path(dest: Path, post_id: int, index: int) -> Path:
    """Where attachment ``index`` of post ``post_id`` is written until it is complete."""
    return dest / f"{_PREFIX}{post_id}-{index}{_SUFFIX}"


@dataclass(frozen=True)
class PartInfo:
    """What the server said about the file when the ``.part`` was started: enough to tell, on resume,
    whether the rest it sends belongs to the same file."""

    total: int | None
    """The file's full size, when the server said."""
    validator: str | None
    """A strong ETag or a Last-Modified date, sent back as ``If-Range`` (a changed file then comes whole)."""


def _info_path(part: Path) -> Path:
    return part.with_name(part.name + _INFO)


def save_info(part: Path, info: PartInfo) -> None:
    """Record ``info`` beside ``part`` (a small hidden JSON file)."""
    _info_path(part).write_text(json.dumps({"total": info.total, "validator": info.validator}), encoding="utf-8")


def load_info(part: Path) -> PartInfo | None:
    """The record beside ``part``, or None when missing or unreadable (the ``.part`` is then not trusted)."""
    try:
        data = json.loads(_info_path(part).read_text(encoding="utf-8"))
        total, validator = data["total"], data["validator"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (total is None or isinstance(total, int)) or not (validator is None or isinstance(validator, str)):
        return None
    return PartInfo(total, validator)


def drop_part(part: Path) -> None:
    """Remove ``part`` and its record; errors are ignored (they must not hide the error being reported)."""
    for path in (part, _info_path(part)):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def describe_os_error(path: Path, exc: OSError) -> str:
    """One line for a failed write or folder operation, leading with the reason."""
    reason = exc.strerror or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = _("the disk is full")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = _("permission denied (read-only folder?)")
    elif exc.errno == errno.ENOENT:
        reason = _("no such folder")
    return _("cannot write to {path}: {reason}").format(path=path, reason=reason)


def prepare_folder(dest: Path) -> None:
    """Create ``dest`` if needed; FolderError when it is a file or cannot be created."""
    if dest.exists() and not dest.is_dir():
        raise FolderError(_("{path} is a file, not a folder: give --to a folder").format(path=dest))
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise FolderError(_("{path} is a file, not a folder: give --to a folder").format(path=dest)) from exc
    except NotADirectoryError as exc:
        raise FolderError(_("cannot create {path}: part of that path is a file").format(path=dest)) from exc
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
        if not (entry.name.startswith(_PREFIX) and entry.name.endswith((_SUFFIX, _SUFFIX + _INFO))):
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
