"""The status line: what the background sync is doing, then how each board fared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from noticetui.render import sanitize_line

if TYPE_CHECKING:  # sync (engines, httpx) loads after the first frame
    from noticetui.sync import BoardSyncResult, SyncProgress


def result_text(result: BoardSyncResult) -> str:
    """How one board's successful sync reads: ``notice: 3 new`` or ``notice: up to date``."""
    parts = [f"{result.new} new"] if result.new else []
    if result.updated:
        parts.append(f"{result.updated} updated")
    return f"{sanitize_line(result.board)}: {', '.join(parts) or 'up to date'}"


class StatusLine(Static):
    """One line at the bottom of the main screen; never interprets page text as markup."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.total = 0
        self.running: dict[str, SyncProgress] = {}
        self.results: dict[str, Text] = {}
        self.offline: set[str] = set()

    def sync_started(self, boards: int) -> None:
        """A sync of ``boards`` boards began: forget the last run's results."""
        self.total, self.running, self.results, self.offline = boards, {}, {}, set()
        self._show()

    def progressed(self, progress: SyncProgress) -> None:
        """A board moved on a step."""
        if progress.board not in self.results:
            self.running[progress.board] = progress
        self._show()

    def board_synced(self, result: BoardSyncResult) -> None:
        """A board finished without a problem."""
        self.running.pop(result.board, None)
        self.results[result.board] = Text(result_text(result))
        self._show()

    def board_failed(self, board: str, error: str, offline: bool) -> None:
        """A board failed; an unreachable site is called offline and its cached posts stay on screen."""
        self.running.pop(board, None)
        name = sanitize_line(board)
        if offline:
            self.offline.add(board)
            self.results[board] = Text(f"{name}: site unreachable (offline)", style="yellow")
        else:
            self.results[board] = Text(f"{name}: {sanitize_line(error)}", style="red")
        self._show()

    def say(self, message: str) -> None:
        """Show a plain message in place of the sync state."""
        self.update(Text(sanitize_line(message)))

    def _show(self) -> None:
        text = Text()
        done = len(self.results)
        if done < self.total:
            text.append(f"Syncing {done}/{self.total} boards…", style="bold")
            for progress in list(self.running.values())[:3]:
                of = f"/{progress.total}" if progress.total is not None else ""
                text.append(f"  {sanitize_line(progress.board)}: {progress.stage} {progress.done}{of}")
        elif self.total and len(self.offline) == self.total:
            # Every board would only repeat "site unreachable": the one line says it for all of them.
            self.update(Text("Offline: no site could be reached; showing cached posts", style="bold yellow"))
            return
        else:
            text.append(f"Sync done ({self.total} board{'s' if self.total != 1 else ''})", style="bold")
        for result in self.results.values():
            text.append("  · ")
            text.append_text(result)
        self.update(text)
