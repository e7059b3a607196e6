"""What ``sync`` shows while it works: rich progress bars per board on a terminal, and one final line per
board as soon as that board is done (the only output when stdout is not a terminal)."""

from __future__ import annotations

import contextlib
import os
import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID, TextColumn
from rich.text import Text

from noticetui.i18n import _, ngettext
from noticetui.render import sanitize_line
from noticetui.sync import BoardSyncResult, SyncProgress


def result_line(r: BoardSyncResult) -> str:
    """A board's one final line: ``g5: 3 new, 0 updated, 15 bodies (12 owed by earlier syncs) (…)``."""
    bodies = ngettext("{n} body", "{n} bodies", r.bodies).format(n=r.bodies)
    if r.backlog:
        bodies += " " + _("({n} owed by earlier syncs)").format(n=r.backlog)
    parts = [_("{n} new").format(n=r.new), _("{n} updated").format(n=r.updated), bodies]
    if r.missing:
        parts.append(ngettext("{n} body still missing", "{n} bodies still missing", r.missing).format(n=r.missing))
    if r.matched:
        parts.append(_("{n} watched").format(n=len(r.matched)))
    pages = ngettext("{n} page", "{n} pages", r.pages).format(n=r.pages)
    return f"{r.board}: {', '.join(parts)} ({pages}, {r.engine or '?'})"


class SyncDisplay:
    """Live progress (``live``) or nothing but the final lines; use as a context manager."""

    def __init__(self, live: bool, boards: list[str]) -> None:
        self.live = live
        self._boards = boards
        self._tasks: dict[str, TaskID] = {}
        self._bar: Progress | None = None

    def __enter__(self) -> SyncDisplay:
        if self.live:
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}", markup=False),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(highlight=False),
                transient=True,
                # Error lines go above the bars when stderr is this terminal, and stay on stderr otherwise.
                redirect_stderr=sys.stderr.isatty(),
            )
            self._bar.start()
            for name in self._boards:
                self._tasks[name] = self._bar.add_task(_("{board}: waiting").format(board=name), total=None)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def progress(self, step: SyncProgress) -> None:
        """Move the board's bar (a sync's progress callback)."""
        task = self._tasks.get(step.board)
        if self._bar is None or task is None:
            return
        if step.stage == "list":
            text, total, done = _("list page {n}").format(n=step.done + 1), step.total, step.done
        elif step.stage == "stored":
            text, total, done = _("list page {n} stored").format(n=step.done), step.total, step.done
        else:
            left = (step.total or 0) - step.done
            text = ngettext("{n} body still missing", "{n} bodies still missing", left).format(n=left)
            total, done = step.total, step.done
        self._bar.update(task, description=f"{step.board}: {text}", total=total, completed=done)

    def line(self, board: str, text: str) -> None:
        """Print a board's final line now (above the bars when they are shown) and drop its bar."""
        safe = sanitize_line(text)
        if self._bar is None:
            try:
                print(safe, flush=True)
            except BrokenPipeError:
                # The reader went away (`sync | head -1`): the other boards' syncs go on, unheard.
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        if board in self._tasks:
            self._bar.remove_task(self._tasks.pop(board))
        self._bar.console.print(Text(safe))
