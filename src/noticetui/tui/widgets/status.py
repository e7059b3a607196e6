"""The status line: what the background sync is doing, then how each board fared, and the downloads."""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from noticetui.i18n import N_, _, ngettext
from noticetui.render import sanitize_line
from noticetui.tui.task_log import reason_first

if TYPE_CHECKING:
    from textual.timer import Timer

    from noticetui.sync import BoardSyncResult, SyncProgress


PAINT_EVERY = 0.2
"""The shortest time between two repaints of the status line (seconds)."""
STAGES = {"list": N_("list"), "stored": N_("stored"), "bodies": N_("bodies")}
"""A sync's stages (:class:`SyncProgress`), as the status line names them."""


def counts_text(result: BoardSyncResult) -> str:
    """What one board's successful sync brought: ``3 new, 1 updated`` or ``up to date``."""
    parts = [_("{n} new").format(n=result.new)] if result.new else []
    if result.updated:
        parts.append(_("{n} updated").format(n=result.updated))
    return ", ".join(parts) or _("up to date")


def result_text(result: BoardSyncResult) -> str:
    """How one board's successful sync reads: ``notice: 3 new`` or ``notice: up to date``."""
    return f"{sanitize_line(result.board)}: {counts_text(result)}"


class StatusLine(Static):
    """The line(s) at the bottom of the main screen; never interprets page text as markup.

    It wraps (up to three lines) rather than cutting a reason off; the tasks screen (t) keeps the rest.
    """

    DEFAULT_CSS = """
    StatusLine {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    """

    message: reactive[Text] = reactive(Text, init=False, always_update=True)
    """The sync's state, or the last thing said."""
    downloads: reactive[str] = reactive("", init=False)
    """The download queue's progress (empty when nothing downloads)."""
    next_sync: reactive[str] = reactive("", init=False)
    """When auto-refresh syncs next (``next sync 15:30``; empty when auto-refresh is off)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.total = 0
        self.running: dict[str, SyncProgress] = {}
        self.results: dict[str, Text] = {}
        self.offline: set[str] = set()
        self.names: tuple[str, ...] = ()
        """The boards of the running sync, named on the line until their progress speaks for them."""
        self._painted: float | None = None
        self._paint_timer: Timer | None = None
        self._lines = 1

    def watch_message(self) -> None:
        """Show the new message, download progress or next sync: all three share the one line."""
        self._paint()

    watch_downloads = watch_next_sync = watch_message

    def _paint(self) -> None:
        text = self.message.copy()
        if self.downloads:
            text.append("  " if text.plain else "")
            text.append(self.downloads, style="bold")
        if self.next_sync:
            text.append("  · " if text.plain else "")
            text.append(self.next_sync, style="dim")
        # A new layout of the whole screen only when the line count changes: during a sync this line
        # changes many times a second, and a layout pass is the costliest thing the UI loop does.
        width = max(self.content_size.width, 1)
        lines = min(len(text.wrap(self.app.console, width)), 3)
        self.update(text, layout=lines != self._lines)
        self._lines = lines

    def sync_started(self, boards: int, names: tuple[str, ...] = ()) -> None:
        """A sync of ``boards`` boards (called ``names``) began: forget the last run's results."""
        self.total, self.running, self.results, self.offline = boards, {}, {}, set()
        self.names = names
        self._show()

    def progressed(self, progress: SyncProgress) -> None:
        """A board moved on a step."""
        if progress.board not in self.results:
            self.running[progress.board] = progress
        # Progress arrives many times a second and every repaint costs the UI: at most one per PAINT_EVERY.
        if self._painted is None or monotonic() - self._painted >= PAINT_EVERY:
            self._show()
        elif self._paint_timer is None:
            self._paint_timer = self.set_timer(PAINT_EVERY, self._show_put_off)

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
            self.results[board] = Text(_("{board}: site unreachable (offline)").format(board=name), style="yellow")
        else:
            self.results[board] = Text(f"{name}: {sanitize_line(reason_first(error))}", style="red")
        self._show()

    def say(self, message: str) -> None:
        """Show a plain message in place of the sync state."""
        self.message = Text(sanitize_line(message))

    def _show_put_off(self) -> None:
        self._paint_timer = None
        self._show()

    def _show(self) -> None:
        if self._paint_timer is not None:
            # This paint makes the put-off one moot, and it would cover whatever is said after the sync ends.
            self._paint_timer.stop()
            self._paint_timer = None
        self._painted = monotonic()
        text = Text()
        done = len(self.results)
        if done < self.total:
            syncing = ngettext("Syncing {done}/{total} board…", "Syncing {done}/{total} boards…", self.total)
            text.append(syncing.format(done=done, total=self.total), style="bold")
            if not self.running and not done:
                text.append("  " + ", ".join(sanitize_line(n) for n in self.names[:3]))
                text.append(" …" if len(self.names) > 3 else "")
            for progress in list(self.running.values())[:3]:
                of = f"/{progress.total}" if progress.total is not None else ""
                stage = _(STAGES.get(progress.stage, progress.stage))
                text.append(f"  {sanitize_line(progress.board)}: {stage} {progress.done}{of}")
        elif self.total and len(self.offline) == self.total:
            # Every board would only repeat "site unreachable": the one line says it for all of them.
            self.message = Text(_("Offline: no site could be reached; showing cached posts"), style="bold yellow")
            return
        else:
            done_text = ngettext("Sync done ({n} board)", "Sync done ({n} boards)", self.total).format(n=self.total)
            text.append(done_text, style="bold")
        for result in self.results.values():
            text.append("  · ")
            text.append_text(result)
        self.message = text
