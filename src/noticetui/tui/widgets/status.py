"""The status line: one line saying what the background sync is doing or did, and the downloads."""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from noticetui.i18n import N_, _, ngettext
from noticetui.render import sanitize_line

if TYPE_CHECKING:
    from textual.timer import Timer

    from noticetui.sync import BoardSyncResult, SyncProgress


PAINT_EVERY = 0.2
"""The shortest time between two repaints of the status line (seconds)."""
STAGES = {"list": N_("list"), "stored": N_("stored"), "bodies": N_("bodies")}
"""A sync's stages (:class:`SyncProgress`), as the status line names them."""


def counts_text(result: BoardSyncResult) -> str:
    """What one board's successful sync brought: ``3 new, 1 updated`` or ``up to date``."""
    return totals_text(result.new, result.updated)


def totals_text(new: int, updated: int) -> str:
    """``3 new, 1 updated``, ``3 new`` or ``up to date``: what one board, or a whole sync, brought."""
    parts = [_("{n} new").format(n=new)] if new else []
    if updated:
        parts.append(_("{n} updated").format(n=updated))
    return ", ".join(parts) or _("up to date")


def names_text(names: list[str]) -> str:
    """Up to three board names, then ``…``: the status line has one line for all of them."""
    shown = ", ".join(sanitize_line(name) for name in names[:3])
    return shown + (" …" if len(names) > 3 else "")


class StatusLine(Static):
    """The one line above the footer; never interprets page text as markup.

    A sync shows as one summary (boards, new posts, the failed boards by name); each board's own outcome
    is in the tasks screen (t), so the line never grows over the post list.
    """

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
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
        self.synced: dict[str, BoardSyncResult] = {}
        """The boards of this sync that finished without a problem."""
        self.failed: dict[str, bool] = {}
        """The boards of this sync that failed, each with whether its site was unreachable (offline)."""
        self.names: tuple[str, ...] = ()
        """The boards of the running sync, named on the line until their progress speaks for them."""
        self._painted: float | None = None
        self._paint_timer: Timer | None = None

    def watch_message(self) -> None:
        """Show the new message, download progress or next sync: all three share the one line."""
        text = Text(no_wrap=True, overflow="ellipsis")
        # The downloads lead: a long message is cut at the right edge, and the queue's progress must stay seen.
        if self.downloads:
            text.append(self.downloads, style="bold")
            text.append("  " if self.message.plain else "")
        text.append_text(self.message)
        if self.next_sync:
            text.append("  · " if text.plain else "")
            text.append(self.next_sync, style="dim")
        # Always one line high: no new layout of the screen however often a sync repaints this.
        self.update(text, layout=False)

    watch_downloads = watch_next_sync = watch_message

    def sync_started(self, boards: int, names: tuple[str, ...] = ()) -> None:
        """A sync of ``boards`` boards (called ``names``) began: forget the last run's results."""
        self.total, self.running, self.synced, self.failed = boards, {}, {}, {}
        self.names = names
        self._show()

    def progressed(self, progress: SyncProgress) -> None:
        """A board moved on a step."""
        if progress.board not in self.synced and progress.board not in self.failed:
            self.running[progress.board] = progress
        # Progress arrives many times a second and every repaint costs the UI: at most one per PAINT_EVERY.
        if self._painted is None or monotonic() - self._painted >= PAINT_EVERY:
            self._show()
        elif self._paint_timer is None:
            self._paint_timer = self.set_timer(PAINT_EVERY, self._show_put_off)

    def board_synced(self, result: BoardSyncResult) -> None:
        """A board finished without a problem."""
        self.running.pop(result.board, None)
        self.synced[result.board] = result
        self._show()

    def board_failed(self, board: str, error: str, offline: bool) -> None:
        """A board failed (the tasks screen keeps ``error``); an unreachable one is called offline."""
        self.running.pop(board, None)
        self.failed[board] = offline
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
        done = len(self.synced) + len(self.failed)
        if self.total and len(self.failed) == self.total and all(self.failed.values()):
            # Every board would only repeat "site unreachable": the one line says it for all of them.
            self.message = Text(_("Offline: no site could be reached; showing cached posts"), style="bold yellow")
            return
        text = Text()
        if done < self.total:
            syncing = ngettext("Syncing {done}/{total} board…", "Syncing {done}/{total} boards…", self.total)
            text.append(syncing.format(done=done, total=self.total), style="bold")
            if not self.running and not done:
                text.append("  " + names_text(list(self.names)))
            for progress in list(self.running.values())[:3]:
                of = f"/{progress.total}" if progress.total is not None else ""
                stage = _(STAGES.get(progress.stage, progress.stage))
                text.append(f"  {sanitize_line(progress.board)}: {stage} {progress.done}{of}")
        else:
            done_text = ngettext("Sync done: {n} board", "Sync done: {n} boards", self.total).format(n=self.total)
            new = sum(r.new for r in self.synced.values())
            updated = sum(r.updated for r in self.synced.values())
            text.append(f"{done_text}, {totals_text(new, updated)}", style="bold")
        self._append_failures(text)
        self.message = text

    def _append_failures(self, text: Text) -> None:
        """Name the boards that failed (offline ones apart): the reasons are in the tasks screen."""
        failed = [name for name, offline in self.failed.items() if not offline]
        offline = [name for name, offline in self.failed.items() if offline]
        if failed:
            text.append("  · ")
            line = _("{n} failed: {names}")
            text.append(line.format(n=len(failed), names=names_text(failed)), style="red")
        if offline:
            text.append("  · ")
            line = _("{n} offline: {names}")
            text.append(line.format(n=len(offline), names=names_text(offline)), style="yellow")
        if failed or offline:
            text.append(" " + _("(t for details)"), style="dim")
