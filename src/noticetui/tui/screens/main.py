"""The main screen: boards on the left, the post list above the open post, a status line below."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static

from noticetui.context import AppContext
from noticetui.i18n import N_, _
from noticetui.local_dates import parse_stored
from noticetui.local_dates import when as when_text
from noticetui.render import sanitize_line
from noticetui.tui import messages as m
from noticetui.tui.actions import bindings, needing_boards
from noticetui.tui.backend import Backend
from noticetui.tui.format import tag_width
from noticetui.tui.image_support import ImageSupport
from noticetui.tui.resolved import slow
from noticetui.tui.screens.board_actions import BoardActions
from noticetui.tui.screens.filter import ListFilter
from noticetui.tui.screens.layout_actions import LayoutActions
from noticetui.tui.screens.list_actions import ListActions
from noticetui.tui.screens.reading_actions import ReadingActions
from noticetui.tui.side_reader import SideReader
from noticetui.tui.sources import (
    ALL_BOARDS,
    STARRED,
    BoardEntry,
    FixedPosts,
    ListedPosts,
    StarredPosts,
    board_entries,
)
from noticetui.tui.task_log import reason_first
from noticetui.tui.watch_words import matches, watched_words
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.footer import KeysFooter
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine, counts_text

if TYPE_CHECKING:  # sync (engines, httpx) loads with the first sync, after the first frame
    from noticetui.sync import BoardSyncResult

EMPTY_STATE = N_("""No boards yet.

Press E to add a board: give its list page's address, see the posts found, save.
Or from the command line:

    noticetui add https://example.kr/bbs/board.php?bo_table=notice

or look around the bundled sample boards first:

    noticetui --demo

Press q to quit.""")

RELOAD_EVERY = 0.4
"""While a sync runs, the list is read again at most this often (seconds): rows appear as they are stored."""


class MainScreen(LayoutActions, ListActions, ReadingActions, BoardActions):
    """Three panes over the cache; the workers live in TaskScreen, the file actions in PostActionsScreen."""

    # Footer labels are short (and the footer compact) so that every key, Quit and Help included, fits in
    # 80 columns.
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("main")]
    # Unannotated: Textual declares it as ``ClassVar[...] | None``, which mypy takes for an instance variable.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    """Below 100 columns the boards pane narrows (its titles are cut with "…") to leave room to read."""
    BOARD_ACTIONS: ClassVar[frozenset[str]] = needing_boards()
    """The actions that mean nothing until a board is configured."""

    syncing: reactive[bool] = reactive(False, init=False)
    """Whether a sync runs (the list then re-reads itself as rows are stored)."""

    def __init__(
        self,
        ctx: AppContext,
        backend: Backend,
        *,
        sync_on_start: bool,
        now: Callable[[], datetime],
        images: ImageSupport | None = None,
    ) -> None:
        super().__init__(ctx, backend)
        self.sync_on_start = sync_on_start
        self.now = now
        self.images = images
        """What the terminal can do with images (None: no inline images)."""
        self._reload_pending = False
        self._reloaded = 0.0
        self._listed: set[str] = set()
        """Boards of the running sync whose rows are already in the store."""
        self.opening: int | None = None
        """The post whose body is being fetched (the pane shows it once it arrives)."""
        self.side_reader = SideReader(ctx.store)

    def on_unmount(self) -> None:
        """Close the thread workers' connection to the cache."""
        self.side_reader.close()

    def log_now(self) -> datetime:
        """The time stamped on log entries: the app's clock (fixed in tests), in the reader's zone."""
        return self.now().astimezone()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without boards only Quit and Help mean anything: the other keys are hidden and do nothing."""
        return self.has_boards or action not in self.BOARD_ACTIONS

    def compose(self) -> ComposeResult:
        """The three panes, or a friendly empty state when no board is configured."""
        if not self.has_boards:
            yield Static(Text(_(EMPTY_STATE)), id="empty", markup=False)
            yield KeysFooter()
            return
        with Horizontal(id="panes"):
            yield BoardsPane(id="boards")
            with Vertical(id="reading"):
                yield Input(placeholder=_("Search titles and bodies (results as you type; Esc: back)"), id="search")
                yield Static(id="board-error", markup=False)
                yield PostList(now=self.now, id="posts")
                yield DetailPane(id="detail", images=self.images)
        yield StatusLine(id="status")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Paint from the cache at once; the network only comes in afterwards, in the background."""
        self.set_up(sync=self.sync_on_start)

    async def rebuild(self) -> None:
        """The first board was added (or the last removed): the panes replace the empty state, or back."""
        await self.recompose()
        self.set_up(sync=False)

    def set_up(self, *, sync: bool) -> None:
        """Fill the panes from the cache, then sync (when ``sync``) and start the auto-refresh timer."""
        self.start_auto_refresh()
        if not self.has_boards:
            return
        self.query_one("#boards", BoardsPane).border_title = _("Boards")
        self.query_one("#detail", DetailPane).border_title = _("Post")
        self.query_one("#posts", PostList).watch_words = watched_words(self.ctx.config)
        self.refresh_boards()
        self.show_board(keep=None)
        self.query_one("#posts", PostList).focus()
        if sync:
            self.run_sync()
        else:
            self.query_one("#status", StatusLine).say(_("Showing the cache. Press r to sync."))

    # --- what the list shows -------------------------------------------------------------------------

    def refresh_boards(self) -> None:
        """Read the boards' counts (and last errors) again."""
        configured = [(b.name, b.title) for b in self.ctx.config.boards]
        # "★ Starred" stays while it is highlighted, even once its last star is gone.
        starred = self.query_one("#boards", BoardsPane).current
        keep = starred is not None and starred.key == STARRED
        self.query_one("#boards", BoardsPane).set_entries(board_entries(self.ctx.store, configured, keep))
        self.show_board_error()

    def current_board(self) -> BoardEntry | None:
        """The board highlighted in the boards pane."""
        return self.query_one("#boards", BoardsPane).current

    def show_board_error(self) -> None:
        """Above the list, the highlighted board's last sync error: when, the reason, then the address."""
        line = self.query_one("#board-error", Static)
        entry = self.current_board()
        if entry is None or not entry.error or self.search_query is not None:
            if line.display:
                line.display = False
            return
        failed_at = parse_stored(entry.error_at)
        if failed_at is not None:
            said = _("Last sync failed {when}: ").format(when=when_text(failed_at, self.now()))
        else:
            said = _("Last sync failed: ")
        text = Text(said, style="bold")
        text.append(sanitize_line(reason_first(entry.error)))
        text.append("  " + _("(t: log)"), style="dim")
        line.update(text)
        line.display = True

    def show_board(self, keep: int | None) -> None:
        """List the highlighted board's posts (unread ones only in unread mode)."""
        entry = self.current_board()
        posts = self.query_one("#posts", PostList)
        if entry is None:
            return
        self.shown_board = entry.key
        self.show_board_error()
        if entry.key == STARRED:
            # The starred posts come newest star first: of F, g and G only the unread filter applies.
            label = Text(entry.label).plain + (" — " + _("unread") if self.unread_only else "")
        else:
            label = self.list_label(Text(entry.label).plain, entry.key == ALL_BOARDS)
        if entry.key not in (ALL_BOARDS, STARRED) and entry.board_id is None:
            waiting = _("Syncing: its posts appear here as they are stored.") if self.syncing else ""
            posts.set_source(FixedPosts([], label), empty=waiting or _("Not synced yet: press r to fetch its posts."))
            return
        tags = 0
        if entry.key in (ALL_BOARDS, STARRED):
            # The all-boards list names each row's board: boards of one site often post the same notice.
            boards = self.query_one("#boards", BoardsPane).entries
            tags = tag_width([e.key for e in boards if e.key not in (ALL_BOARDS, STARRED)])
        if entry.key == STARRED:
            empty = _("No starred posts: * stars the post under the cursor.")
            posts.set_source(StarredPosts(self.ctx.store, label, self.unread_only, tags), keep=keep, empty=empty)
            return
        source = ListedPosts(self.ctx.store, self.list_query(entry), label, tags)
        empty = self.empty_list_text()
        if slow(source.query):
            self.resolve_list(source, keep, empty)
            return
        posts.set_source(source, keep=keep, empty=empty)

    def empty_list_text(self) -> str:
        """What a board's list (or all boards') says when it has no rows."""
        if self.list_filter != ListFilter():
            return _("No posts match the filters (F changes them).")
        if self.unread_only:
            return _("No unread posts.")
        if self.syncing:
            return _("Syncing: posts appear here as they are stored.")
        return _("No posts cached yet: press r to sync.")

    @on(OptionList.OptionHighlighted, "#boards")
    def board_highlighted(self) -> None:
        """Moving through the boards shows each one's posts (and leaves a search)."""
        entry = self.current_board()
        if entry is not None and entry.key == self.shown_board and self.search_query is None:
            self.show_board_error()  # the pane re-highlights when its counts (or errors) change
            return
        self.search_query = None
        self.show_board(keep=None)

    @on(OptionList.OptionSelected, "#boards")
    def board_selected(self) -> None:
        """Enter on a board moves on to its posts."""
        self.query_one("#posts", PostList).focus()

    def reload_list(self) -> None:
        """Re-read the list after a sync, keeping the cursor on the same post; a search stays as it is."""
        self.refresh_boards()
        if self.search_query is None:
            posts = self.query_one("#posts", PostList)
            current = posts.current
            opened = self.query_one("#detail", DetailPane).post
            # A cursor left on the first row (that post not open) stays on top: the posts a sync adds
            # above it are the news, and following its post down would make n skip them.
            top = posts.cursor == 0 and (opened is None or current is None or opened.id != current.id)
            self.show_board(keep=current.id if current and not top else None)

    def reload_soon(self) -> None:
        """Re-read the list now, or (when it was read less than :data:`RELOAD_EVERY` s ago) once that time
        is up: while boards keep reporting, the list is read a few times a second, not once per report."""
        if self._reload_pending:
            return
        wait = self._reloaded + RELOAD_EVERY - monotonic()
        if wait <= 0:
            self._reload_now()
        else:
            self._reload_pending = True
            self.set_timer(wait, self._reload_now)

    def _reload_now(self) -> None:
        self._reload_pending = False
        self._reloaded = monotonic()
        self.reload_list()

    def watch_unread_only(self, unread_only: bool) -> None:
        """Show only unread posts, or all posts again."""
        self.search_query = None
        self.show_board(keep=None)
        message = _("Showing unread posts only (u shows all)") if unread_only else _("Showing all posts")
        self.query_one("#status", StatusLine).say(message)

    def watch_syncing(self, syncing: bool) -> None:
        """When a sync ends, read the final counts (and last errors) once more."""
        if not syncing:
            self.reload_list()

    # --- opening posts -------------------------------------------------------------------------------

    @on(PostList.Chosen)
    async def open_post(self, event: PostList.Chosen) -> None:
        """Show the post (fetching its body in a worker when it is not cached) and mark it read."""
        post = event.post
        self.remember(post.id)
        if not post.read:
            self.ctx.store.set_read([post.id])
            self.query_one("#posts", PostList).mark_read(post.id)
            # Counted down in place: re-reading every board's counts costs tens of ms on a big cache.
            self.query_one("#boards", BoardsPane).count_read(post.board, post.starred)
        if post.also_on:
            self.read_copies(post)
        detail = self.query_one("#detail", DetailPane)
        self.opening = post.id
        if post.has_body or post.secret:
            row = self.ctx.store.post(post.id) or post
            await detail.show_post(row, self.ctx.store.attachments([post.id])[post.id])
            return
        await detail.show_message(_("loading…"), post)
        self.load_body(post.id)

    @on(m.PostOpened)
    async def post_opened(self, message: m.PostOpened) -> None:
        """A fetched body arrived: show it if the user is still waiting for that post."""
        if message.post.id == self.opening:
            await self.query_one("#detail", DetailPane).show_post(message.post, message.attachments)

    @on(m.PostFailed)
    async def post_failed(self, message: m.PostFailed) -> None:
        """The body could not be fetched: say why, keep the header."""
        if message.post_id == self.opening:
            detail = self.query_one("#detail", DetailPane)
            await detail.show_message(_("Could not load this post: {reason}").format(reason=message.error), detail.post)

    # --- actions -------------------------------------------------------------------------------------

    def action_toggle_unread(self) -> None:
        """Show only unread posts, or all posts again (the watcher does the rest)."""
        self.unread_only = not self.unread_only

    # --- what the sync worker reports ------------------------------------------------------------

    @on(m.SyncStarted)
    def sync_started(self, message: m.SyncStarted) -> None:
        """A sync began."""
        self.syncing = True
        self._listed.clear()
        self.query_one("#status", StatusLine).sync_started(message.boards, message.names)
        self.query_one("#boards", BoardsPane).set_syncing(frozenset(message.names))

    @on(m.SyncProgressed)
    def sync_progressed(self, message: m.SyncProgressed) -> None:
        """A board's sync moved on: rows stored since are shown soon (the list re-reads itself, throttled)."""
        progress = message.progress
        self.query_one("#status", StatusLine).progressed(progress)
        # Rows are in the store once a board is past its list pages ("stored": after each page, where the
        # sync reports it); re-reading the list on every body fetched would only cost the UI time.
        if progress.stage == "stored" or (progress.stage != "list" and progress.board not in self._listed):
            self._listed.add(progress.board)
            self.reload_soon()

    @on(m.BoardSynced)
    def board_synced(self, message: m.BoardSynced) -> None:
        """A board synced: its counts and (when it is on screen) its list update."""
        self.query_one("#status", StatusLine).board_synced(message.result)
        self.board_done(message.result.board)
        self.task_log.add(self.log_now(), "sync", message.result.board, True, counts_text(message.result))
        self.announce_watched(message.result)
        self.reload_soon()

    def announce_watched(self, result: BoardSyncResult) -> None:
        """Notify the new posts whose titles hold a watched word (not on a board's first sync: every
        post is new then, and the list already shows them highlighted)."""
        words = self.query_one("#posts", PostList).watch_words.get(result.board, ())
        if not words or not result.new_ids or result.new >= result.seen:
            return
        found = [
            (row, hit)
            for row in map(self.ctx.store.post, result.new_ids[:50])
            if row and (hit := matches(row.title, words))
        ]
        if found:
            row, hit = found[0]
            more = " " + _("(and {n} more)").format(n=len(found) - 1) if len(found) > 1 else ""
            title = _("{board}: new post with “{word}”").format(
                board=sanitize_line(result.board), word=sanitize_line(hit[0])
            )
            self.notify(sanitize_line(row.title) + more, title=title, markup=False)

    def board_done(self, name: str) -> None:
        """A board of the running sync reported: its line in the boards pane loses the syncing mark."""
        pane = self.query_one("#boards", BoardsPane)
        pane.set_syncing(pane.syncing - {name} if pane.syncing - {name, ALL_BOARDS} else frozenset())

    @on(m.SyncFinished)
    def sync_finished(self) -> None:
        """Every board has reported; what was queued meanwhile (a board just added) syncs now."""
        self.syncing = False
        if self.is_mounted_with_panes:
            self.query_one("#boards", BoardsPane).set_syncing(frozenset())
        self.run_queued()

    @on(m.SyncFailed)
    def sync_failed(self, message: m.SyncFailed) -> None:
        """A board failed: the status line says so and the cached posts stay on screen."""
        self.query_one("#status", StatusLine).board_failed(message.board, message.error, message.offline)
        self.board_done(message.board)
        detail = (_("site unreachable (offline): ") if message.offline else "") + reason_first(message.error)
        self.task_log.add(self.log_now(), "sync", message.board, False, detail)
        self.reload_soon()
