"""The Textual app: a thin layer over the cache, with sync and downloads running in workers."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.dom import DOMNode
from textual.screen import Screen

from noticetui.config import ConfigError
from noticetui.config_write import set_setting
from noticetui.context import AppContext, make_fetcher
from noticetui.i18n import _
from noticetui.tui.actions import bindings
from noticetui.tui.backend import Backend
from noticetui.tui.crash import crash_line, crash_log_dir, write_crash_log
from noticetui.tui.image_support import probe_images
from noticetui.tui.keymap import check_keys
from noticetui.tui.messages import WorkSettled
from noticetui.tui.palette import PROVIDERS, RECENT_POSTS
from noticetui.tui.screens.confirm import ConfirmScreen
from noticetui.tui.screens.help import HelpScreen
from noticetui.tui.screens.main import MainScreen
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
    # Ctrl+P opens the palette (the registry's ``command_palette`` action; the footer leaves it out so that
    # Quit and Help fit in 80 columns, and the help lists it).
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = set(PROVIDERS)
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("app")]
    DEFAULT_THEME = "textual-dark"
    """The theme when the config names none (or one Textual does not have)."""

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
        self.keymap: dict[str, str] = {}
        """The user's ``[keys]`` as applied (binding id → keys); the help and the palette show these keys."""
        self.opened_posts: list[int] = []
        """Posts opened this session, oldest first (the palette's recent posts start with them)."""
        self._clashes: set[frozenset[str]] = set()
        self.quit_question: ConfirmScreen | None = None
        """The question "quit anyway?" while it is shown."""
        self.main = MainScreen(
            self.ctx,
            self.backend,
            sync_on_start=self.sync_on_start,
            now=self.now,
            images=self.images,
        )

    def apply_user_settings(self) -> None:
        """Apply ``[keys]`` and ``[settings] theme``; each bad entry gives one warning, the rest applies."""
        user = check_keys(self.ctx.config.keys)
        self.keymap = user.keymap
        if user.keymap:
            self.set_keymap(user.keymap)
        for warning in user.warnings:
            self.notify(warning, severity="warning", markup=False)
        theme = self.ctx.config.settings.theme
        if theme and theme not in self.available_themes:
            self.notify(
                _("[settings] theme: no theme named {name}; using {default}").format(
                    name=theme, default=self.DEFAULT_THEME
                ),
                severity="warning",
                markup=False,
            )
            theme = ""
        self.theme = theme or self.DEFAULT_THEME

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """Two actions on one key after the user's keymap: warn once per clash (Textual asks on every
        key press), naming the actions so the user knows which line of ``[keys]`` to change."""
        names = frozenset(b.id.removeprefix("noticetui.") for b in clashed_bindings if b.id)
        keys = sorted({b.key for b in clashed_bindings})
        if not names or names in self._clashes:
            return
        self._clashes.add(names)
        self.notify(
            _("[keys] {keys}: also bound to {names}; one of them wins").format(
                keys=", ".join(keys), names=", ".join(sorted(names))
            ),
            severity="warning",
            markup=False,
        )

    def choose_theme(self, name: str) -> None:
        """Switch to the theme ``name`` and save it as ``[settings] theme`` (in a thread: a file write)."""
        self.theme = name
        self.run_worker(lambda: self._save_theme(name), thread=True, group="config", exit_on_error=False)

    def _save_theme(self, name: str) -> None:
        try:
            set_setting(self.ctx.paths.config_file, "theme", name)
        except (OSError, ConfigError) as exc:
            self.call_from_thread(
                self.notify,
                _("Theme not saved: {error}").format(error=str(exc)),
                severity="warning",
                markup=False,
            )

    @on(PostList.Chosen)
    def remember_opened(self, event: PostList.Chosen) -> None:
        """Note the post for the palette's recent posts (the main screen opens it)."""
        if event.post.id in self.opened_posts:
            self.opened_posts.remove(event.post.id)
        self.opened_posts.append(event.post.id)
        del self.opened_posts[:-RECENT_POSTS]

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
        question = _("A sync or a download is still running. Quit anyway and stop it? (y: quit, n: stay)")
        self.quit_question = ConfirmScreen(question)
        self.push_screen(self.quit_question, self._quit_confirmed)

    def _quit_confirmed(self, sure: bool | None) -> None:
        self.quit_question = None
        if sure:
            self.exit()

    @on(WorkSettled)
    def quit_when_settled(self) -> None:
        """The work the quit question is about has ended: its reason is gone, and the user asked to quit."""
        if self.quit_question is not None and self.screen is self.quit_question:
            self.quit_question.dismiss(True)

    def action_help(self) -> None:
        """Show every key (once: pressing ? on the help screen closes it)."""
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.keymap))

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
        """Apply the user's keys and theme; after the first frame, take what start-up built out of the
        garbage collector's sight."""
        self.apply_user_settings()
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
