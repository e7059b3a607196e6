"""Small text helpers shared by the commands: dates, safe one-line page text, JSON."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterable
from datetime import datetime, time
from typing import Any

from noticetui.i18n import _
from noticetui.local_dates import to_user
from noticetui.paths import resolve_paths
from noticetui.render import dumps_json, sanitize_line


def short_date(moment: datetime | None) -> str:
    """``2026-03-05 09:10`` in the user's zone, ``2026-03-05`` (padded) when the site gave no time (it is
    stored at midnight, as the TUI reads it too), or blanks."""
    if moment is None:
        return " " * 16
    if moment.time() == time(0, 0):
        return f"{moment:%Y-%m-%d}      "
    return to_user(moment).strftime("%Y-%m-%d %H:%M")


def print_json(data: Any) -> None:
    """Pretty JSON on stdout, Korean kept readable, control and bidi characters escaped."""
    sys.stdout.write(dumps_json(data) + "\n")


def print_json_array(items: Iterable[Any]) -> None:
    """Like :func:`print_json` of a list, written item by item: memory stays flat however long it is."""
    out = sys.stdout
    first = True
    for item in items:
        text = dumps_json(item).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + text)
        first = False
    out.write("[]\n" if first else "\n]\n")


def terminal_width(default: int = 80) -> int | None:
    """The width to wrap prose at: the terminal's on a terminal (``COLUMNS`` wins, as everywhere), else
    ``COLUMNS`` when it is set, else None: piped prose is not wrapped (the reader's tool wraps it)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if not sys.stdout.isatty():
        return max(20, int(columns)) if columns.isdigit() and int(columns) > 0 else None
    return max(20, shutil.get_terminal_size((default, 24)).columns)


def error(message: str) -> None:
    """One clear error line on stderr."""
    sys.stderr.write(f"noticetui: {sanitize_line(message)}\n")


def cache_failure(exc: sqlite3.Error) -> str:
    """One line for a cache that could be opened but not used (written, most often), with what to check."""
    path = resolve_paths().database
    if "readonly" in str(exc):
        return _("cache {path} cannot be written ({reason}): check the file's and its folder's permissions").format(
            path=path, reason=exc
        )
    return _("cache {path} cannot be used ({reason})").format(path=path, reason=exc)
