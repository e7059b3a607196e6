"""The Textual app: a thin layer over the cache, with sync and downloads running in workers."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from noticetui.context import AppContext, make_fetcher
from noticetui.tui.crash import crash_line, crash_log_dir, write_crash_log
from noticetui.tui.fetcher import SharedFetcher
from noticetui.tui.image_support import probe_images
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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="noticetui.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="noticetui.help"),
    ]

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
        self.fetchers = SharedFetcher(fetcher_factory or (lambda: make_fetcher(ctx)))
        self.images = probe_images(ctx.config.settings.images)
        self.crash_dir = crash_log_dir(ctx.paths.database)
        """Where the traceback goes if the app dies on an exception."""
        self.crash_report = ""
        """The line :meth:`run` prints after a crash."""

    def get_default_screen(self) -> Screen[None]:
        """The three-pane main screen."""
        return MainScreen(
            self.ctx,
            self.fetchers,
            sync_on_start=self.sync_on_start,
            now=self.now,
            images=self.images,
        )

    def action_help(self) -> None:
        """Show every key (once: pressing ? on the help screen closes it)."""
        if isinstance(self.screen, HelpScreen):
            return
        sections: list[tuple[str, list[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, *MainScreen.BINDINGS]),
            ("Boards", list(BoardsPane.BINDINGS)),
            ("Posts", list(PostList.BINDINGS)),
            ("Post", list(DetailPane.BINDINGS)),
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

    async def on_unmount(self) -> None:
        """Close the network session when the app ends."""
        await self.fetchers.close()
