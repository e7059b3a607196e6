"""Syncing and editing boards from the main screen: r (the highlighted board), R (every board), a sync on
an interval (``[settings] refresh_every``), the sync lock's refusals, and E (the boards editor)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from textual import on, work
from textual.timer import Timer

from noticetui.context import AppContext
from noticetui.i18n import _
from noticetui.store import StoreError
from noticetui.tui import messages as m
from noticetui.tui.backend import Backend
from noticetui.tui.screens.boards_editor import BoardsEditor
from noticetui.tui.screens.search_actions import SearchActions
from noticetui.tui.sources import BoardEntry
from noticetui.tui.watch_words import watched_words
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine


class BoardActions(SearchActions):
    """Which boards sync when, and what the boards editor's changes do to the panes."""

    now: Callable[[], datetime]

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__(ctx, backend)
        self._queued: frozenset[str] | None = None
        """Boards to sync once the running sync ends (a board added meanwhile)."""
        self._queued_all = False
        self._refresh_timer: Timer | None = None

    def current_board(self) -> BoardEntry | None:
        """The board highlighted in the boards pane (the main screen says how)."""
        raise NotImplementedError

    def refresh_boards(self) -> None:
        """Read the boards' counts again (the main screen says how)."""
        raise NotImplementedError

    async def rebuild(self) -> None:
        """Compose the screen again: boards appeared on the empty state, or the last one went."""
        raise NotImplementedError

    @property
    def sync_running(self) -> bool:
        """Whether a sync runs now."""
        return any(w.group == "sync" and w.is_running for w in self.workers)

    # --- r, R and the queue --------------------------------------------------------------------------

    def action_refresh(self) -> None:
        """Sync every board in the background (R while one runs does not restart it)."""
        if self.sync_running:
            self.notify(_("Already syncing…"), markup=False)
            return
        self.run_sync()

    def action_refresh_board(self) -> None:
        """Sync the highlighted board (every board when a line that is no followed board is highlighted:
        "All boards", "★ Starred", a removed board's leftover posts)."""
        if self.sync_running:
            self.notify(_("Already syncing…"), markup=False)
            return
        entry = self.current_board()
        if entry is None or self.ctx.config.board(entry.key) is None:
            self.run_sync()
        else:
            self.run_sync(frozenset({entry.key}))

    def sync_soon(self, names: frozenset[str]) -> None:
        """Sync ``names`` now, or once the running sync ends (starting another would cancel it)."""
        if not self.sync_running:
            self.run_sync(names)
            return
        self._queued = (self._queued or frozenset()) | names

    def run_queued(self) -> None:
        """A sync ended: start what was queued while it ran."""
        queued, self._queued = self._queued, None
        if queued and not self.sync_running:
            self.run_sync(queued)

    # --- auto-refresh --------------------------------------------------------------------------------

    def start_auto_refresh(self) -> None:
        """Sync every board each ``refresh_every`` seconds (setting 0: never), and say when it is next due."""
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
            self._refresh_timer = None
        every = self.ctx.config.settings.refresh_every
        if every > 0 and self.has_boards:
            self._refresh_timer = self.set_interval(every, self.refresh_due, name="auto-refresh")
        self.plan_next_refresh()

    def plan_next_refresh(self) -> None:
        """Show on the status line when the next automatic sync is due."""
        every = self.ctx.config.settings.refresh_every
        due = (self.now() + timedelta(seconds=every)).astimezone()
        text = _("next sync {time}").format(time=due.strftime("%H:%M")) if every > 0 else ""
        for status in self.query(StatusLine):
            status.next_sync = text

    def refresh_due(self) -> None:
        """The interval came round: sync every board, unless a sync still runs (this round is skipped)."""
        self.plan_next_refresh()
        if not self.sync_running:
            self.run_sync()

    @on(m.SyncBlocked)
    def sync_blocked(self, message: m.SyncBlocked) -> None:
        """Another process syncs this cache: say so; the next refresh (or r) tries again."""
        retry = _("trying again at the next refresh") if self._refresh_timer else _("press r to try again")
        self.query_one("#status", StatusLine).say(f"{message.reason}; {retry}")
        self.task_log.add(self.log_now(), "sync", _("all boards"), False, message.reason)

    # --- E -------------------------------------------------------------------------------------------

    def action_edit_boards(self) -> None:
        """Open the boards editor (also on the empty state: it is how a first board is added)."""
        self.app.push_screen(BoardsEditor(self))

    def boards_changed(self, added: str | None = None) -> None:
        """The editor changed config.toml (``ctx.config`` holds it): show the boards, sync one just added."""
        if self.is_mounted_with_panes != self.has_boards:
            self.run_worker(self._rebuilt(added), group="rebuild", exit_on_error=False)
            return
        if self.has_boards:
            # Watch words are kept per board name: a renamed board keeps its own.
            self.query_one("#posts", PostList).watch_words = watched_words(self.ctx.config)
            self.refresh_boards()
        if added:
            self.sync_soon(frozenset({added}))

    async def _rebuilt(self, added: str | None) -> None:
        await self.rebuild()
        if added:
            self.sync_soon(frozenset({added}))

    @property
    def is_mounted_with_panes(self) -> bool:
        """Whether the screen shows its panes (not the empty state)."""
        return bool(self.query("#boards"))

    @work(exit_on_error=False, group="purge")
    async def purge_board(self, name: str) -> None:
        """Delete a removed board's cached posts in the back room, then read the boards again."""

        async def job(backend: Backend) -> int:
            return backend.ctx.store.delete_board(name)

        try:
            await self.backend.run(job)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
        if self.is_mounted_with_panes:
            self.refresh_boards()
