"""The download queue's bookkeeping: each requested post's files, their bytes, speed and state.

Plain data, no widgets: the main screen updates it from the download messages and the tasks screen
draws it.  An entry is one request (a post's files, or the ones a retry asks for again); several entries
run at once, up to the ``downloads_parallel`` setting, and a new ``d`` queues instead of cancelling.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from noticetui.i18n import N_

if TYPE_CHECKING:
    from noticetui.downloads import DownloadProgress, SavedFile

# Marked for the catalogue: the tasks screen shows a state in the UI language (the code compares the English).
QUEUED, RUNNING, DONE, FAILED, CANCELLED = N_("queued"), N_("downloading"), N_("saved"), N_("failed"), N_("cancelled")
FINAL = frozenset({DONE, FAILED, CANCELLED})


@dataclass
class FileState:
    """One file of an entry."""

    index: int
    name: str
    received: int = 0
    total: int | None = None
    saved: bool = False


@dataclass
class DownloadEntry:
    """One request in the queue."""

    id: int
    post_id: int
    title: str
    files: list[FileState]
    state: str = QUEUED
    error: str = ""
    started: float | None = None
    ended: float | None = None
    where: str = ""
    """The folder the files went to (once saved)."""

    @property
    def received(self) -> int:
        """Bytes received over every file."""
        return sum(f.received for f in self.files)

    @property
    def total(self) -> int | None:
        """Bytes expected over every file, when every size is known."""
        sizes = [f.total for f in self.files]
        return None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)

    def speed(self, now: float) -> float:
        """Average bytes per second since the entry started (0 before)."""
        if self.started is None:
            return 0.0
        elapsed = (self.ended or now) - self.started
        return self.received / elapsed if elapsed > 0 else 0.0

    @property
    def unsaved(self) -> list[int]:
        """The indexes of the files still missing (what a retry asks for)."""
        return [f.index for f in self.files if not f.saved]


@dataclass
class DownloadQueue:
    """Every download of the session, oldest first."""

    clock: Callable[[], float] = time.monotonic
    entries: dict[int, DownloadEntry] = field(default_factory=dict)
    _next: int = 1

    def add(self, post_id: int, title: str, files: list[tuple[int, str, int | None]]) -> DownloadEntry:
        """Queue a post's files (``(index, name, size)`` each) and return the new entry."""
        entry = DownloadEntry(self._next, post_id, title, [FileState(i, n, total=s) for i, n, s in files])
        self.entries[entry.id] = entry
        self._next += 1
        return entry

    def retry(self, entry_id: int) -> DownloadEntry | None:
        """Queue again the files an ended, unsuccessful entry did not save (None when there is nothing to retry)."""
        entry = self.entries.get(entry_id)
        if entry is None or entry.state not in (FAILED, CANCELLED) or not entry.unsaved:
            return None
        entry.state, entry.error, entry.started, entry.ended = QUEUED, "", None, None
        for state in entry.files:
            if not state.saved:
                state.received = 0
        return entry

    def running(self) -> list[DownloadEntry]:
        """Entries queued or downloading."""
        return [e for e in self.entries.values() if e.state not in FINAL]

    def started(self, entry_id: int) -> None:
        """An entry got its download slot."""
        entry = self.entries.get(entry_id)
        if entry is not None and entry.state == QUEUED:
            entry.state, entry.started = RUNNING, self.clock()

    def progressed(self, entry_id: int, progress: DownloadProgress) -> None:
        """More bytes of one file arrived."""
        entry = self.entries.get(entry_id)
        if entry is None or entry.state in FINAL:
            return
        if entry.state == QUEUED:
            self.started(entry_id)
        for state in entry.files:
            if state.index == progress.index:
                state.received, state.total = progress.received, progress.total
                return
        entry.files.append(FileState(progress.index, progress.name, progress.received, progress.total))

    def finished(self, entry_id: int, saved: list[SavedFile], error: str | None = None) -> None:
        """An entry ended: ``saved`` files landed; ``error`` says why the rest did not."""
        entry = self.entries.get(entry_id)
        if entry is None:
            return
        for file in saved:
            for state in entry.files:
                if state.index == file.index:
                    state.saved, state.received = True, file.size
                    state.total = state.total if state.total is not None else file.size
        if saved:
            entry.where = str(saved[0].path.parent)
        entry.state, entry.error, entry.ended = (FAILED if error else DONE), error or "", self.clock()

    def cancelled(self, entry_id: int) -> None:
        """The user cancelled an entry (files saved before stay saved)."""
        entry = self.entries.get(entry_id)
        if entry is not None and entry.state not in FINAL:
            entry.state, entry.ended = CANCELLED, self.clock()
