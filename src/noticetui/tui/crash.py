"""When the TUI dies on an exception: the traceback goes to a log file, the terminal gets one line.

Textual's own report is a long traceback with local variables (page text among them) printed over the
terminal it has just restored; a reader needs one line saying where the details are, and the exit
status must say that the app failed.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from noticetui.i18n import _
from noticetui.render import sanitize_line


def crash_log_dir(database: Path) -> Path:
    """Where crash logs go: ``logs/`` beside the cache database, in the data directory."""
    return database.parent / "logs"


def write_crash_log(folder: Path, error: BaseException, now: datetime | None = None) -> Path:
    """Write ``error``'s traceback to ``folder/crash-<timestamp>-<pid>.log`` and return that path."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{stamp}-{os.getpid()}.log"
    path.write_text("".join(traceback.format_exception(error)), encoding="utf-8", errors="replace")
    return path


def crash_line(error: BaseException, log: Path) -> str:
    """The one line the terminal gets: what failed and where its traceback is."""
    reason = sanitize_line(f"{type(error).__name__}: {error}")[:200]
    return "noticetui: " + _("the TUI stopped on an error ({reason}); the traceback is in {log}").format(
        reason=reason, log=log
    )
