"""The Textual app: a thin layer over the cache, with sync and downloads running in workers."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen

from noticetui.context import AppContext, make_fetcher
from noticetui.tui.actions import bindings
from noticetui.tui.backend import Backend
from noticetui.tui.crash import crash_line, crash_log_dir, write_crash_log
from noticetui.tui.image_support import probe_images
from noticetui.tui.screens.activity import ActivityScreen
from noticetui.tui.screens.boards_editor import BoardsEditor
from noticetui.tui.screens.confirm import ConfirmScreen
from noticetui.tui.screens.help import HelpScreen
from noticetui.tui.screens.main import MainScreen
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList, utc_now

if TYPE_CHECKING:  # httpx loads with the first fetcher, after the first frame
    from noticetui.net.fetch import Fetcher


class NoticeApp(App[None]):
    """noticetui's TUI over ``ctx``: paints from the cache at once, then syncs when ``sync_on_start``.

    ``now`` and ``fetcher_factory`` exist for tests: a fixed clock for stable snapshots, and a fetcher
    without retries for tests of an unreachable site.  What the terminal can do with images is asked
    here, before the app takes the terminal over (textual-image cannot ask it afterwards).
    """

    TITLE = "noticetui"
    CSS_PATH = "app.tcss"
    # Every action has its own key; the palette's footer entry would push Quit and Help out of 80 columns.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("app")]

    def __init__(
        self,
        ctx: AppContext,
        *,
        sync_on_start: bool = True,
        now: Callable[[], datetime] = utc_now,
        fetcher_factory: Callable[[], Fetcher] | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.sync_on_start = sync_on_start
        self.now = now
        self.backend = Backend(ctx, fetcher_factory or (lambda: make_fetcher(ctx)))
        """Where sync, bodies, images and downloads run: a thread with its own loop and store connection."""
        self.images = probe_images(ctx.config.settings.images)
        self.crash_dir = crash_log_dir(ctx.paths.database)
        """Where the traceback goes if the app dies on an exception."""
        self.crash_report = ""
        """The line :meth:`run` prints after a crash."""
        self.main = MainScreen(
            self.ctx,
            self.backend,
            sync_on_start=self.sync_on_start,
            now=self.now,
            images=self.images,
        )

    def get_default_screen(self) -> Screen[None]:
        """The three-pane main screen."""
        return self.main

    async def action_quit(self) -> None:
        """Quit; while a sync or a download is in flight, ask first (quitting cuts it off)."""
        if not self.main.busy:
            self.exit()
            return
        if isinstance(self.screen, ConfirmScreen):
            return
        question = "A sync or a download is still running. Quit anyway and stop it? (y: quit, n: stay)"
        self.push_screen(ConfirmScreen(question), self._quit_confirmed)

    def _quit_confirmed(self, sure: bool | None) -> None:
        if sure:
            self.exit()

    def action_help(self) -> None:
        """Show every key (once: pressing ? on the help screen closes it)."""
        if isinstance(self.screen, HelpScreen):
            return
        sections: list[tuple[str, list[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, *MainScreen.BINDINGS]),
            ("Tasks screen", list(ActivityScreen.BINDINGS)),
            ("Boards", list(BoardsPane.BINDINGS)),
            ("Posts", list(PostList.BINDINGS)),
            ("Post", list(DetailPane.BINDINGS)),
            ("Boards editor", list(BoardsEditor.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections))

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app (returning what it exited with); after a crash print the one line that points to
        its log."""
        result = super().run(*args, **kwargs)
        if self.crash_report:
            sys.stderr.write(self.crash_report + "\n")
        return result

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled exception: Textual stops the app with return code 1, and would print a long
        traceback with local variables over the terminal.  The traceback goes to a crash log instead and
        :meth:`run` prints one line (Textual's own report stays when the log cannot be written)."""
        super()._handle_exception(error)
        try:
            log = write_crash_log(self.crash_dir, error, self.now())
        except OSError:
            return
        self._exit_renderables.clear()
        self.crash_report = crash_line(error, log)

    def on_mount(self) -> None:
        """After the first frame, take what start-up built out of the garbage collector's sight."""
        self.call_after_refresh(self._freeze_startup)

    def _freeze_startup(self) -> None:
        # Textual, the widgets and every module live as long as the app: with them frozen, a full
        # collection walks only what the session made since (its pauses, 20-50 ms here, stall the UI).
        # Start-up's own garbage goes first, or it would be frozen with them.
        gc.collect()
        gc.freeze()

    async def on_unmount(self) -> None:
        """Stop the back room (cancelling what still runs) and close its network session; give what
        start-up froze back to the collector (a process may run the app again, as the tests do)."""
        await self.backend.stop()
        gc.unfreeze()
