"""What the post list shows and in which order: the filters (F, and u for unread), the sort (g, G)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from textual import on, work
from textual.reactive import reactive
from textual.worker import get_current_worker

from noticetui.context import AppContext
from noticetui.i18n import _
from noticetui.store import ListQuery, PostRow, StoreError, listing
from noticetui.store.listing import SortKey, sort_rows
from noticetui.tui import messages as m
from noticetui.tui.backend import Backend
from noticetui.tui.resolved import ResolvedPosts, resolve
from noticetui.tui.screens.filter import SORT_LABELS, FilterScreen, ListFilter, SortScreen, order_label
from noticetui.tui.screens.search_actions import SearchActions
from noticetui.tui.side_reader import SideReader
from noticetui.tui.sources import ALL_BOARDS, STARRED, BoardEntry, FixedPosts, ListedPosts
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine


class ListActions(SearchActions):
    """The list's filters and order; the main screen builds its sources from :meth:`list_query`."""

    unread_only: reactive[bool] = reactive(False, init=False)
    """Whether the list shows unread posts only (u, or the first box of F)."""
    side_reader: SideReader
    """The connection thread workers read the cache on (the main screen opens it)."""

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__(ctx, backend)
        self.list_filter = ListFilter()
        """The filters of F but unread (that one is :attr:`unread_only`)."""
        self.sort_key: SortKey = "date"
        self.sort_reverse = False
        self._resolving = 0
        """The latest request for a slow list: an older answer arriving late is dropped."""

    @property
    def filtering(self) -> bool:
        """Whether any filter narrows the list."""
        return self.unread_only or self.list_filter != ListFilter()

    def list_in_store_order(self) -> bool:
        """Whether ``n``/``p`` may follow the store's list order: a board's own list, by date, with no filter
        but unread.  All boards (newest first, shared notices once), a sort or a filter: the rows on screen."""
        default = self.sort_key == "date" and not self.sort_reverse and self.list_filter == ListFilter()
        return default and self.shown_board not in (None, ALL_BOARDS)

    def list_query(self, entry: BoardEntry) -> ListQuery:
        """What the list of ``entry`` (a board, or all boards) shows under the current filters and order."""
        chosen = self.list_filter
        mixed = entry.key == ALL_BOARDS
        board_ids: tuple[int, ...] = () if entry.board_id is None else (entry.board_id,)
        if mixed and chosen.boards:
            known = {e.key: e.board_id for e in self.query_one("#boards", BoardsPane).entries}
            # A chosen board never synced has no posts yet: -1 matches nothing rather than everything.
            board_ids = tuple(known.get(name) or -1 for name in chosen.boards)
        watched = self.query_one("#posts", PostList).watch_words if chosen.watched else None
        return ListQuery(
            board_ids=board_ids,
            unread=self.unread_only,
            starred=chosen.starred,
            has_file=chosen.has_file,
            watched=watched,
            after=chosen.after,
            before=chosen.before,
            sort=self.sort_key,
            reverse=self.sort_reverse,
            # All boards: the news first, a notice several boards pin shown once; a board: its notices on top.
            notices="once" if mixed else "first",
        )

    def list_label(self, board: str, mixed: bool = True) -> str:
        """The list's title: the board, its active filters, and its order when not the usual one.

        ``mixed``: the list is all boards' (the only one the boards filter narrows)."""
        shown = replace(self.list_filter, unread=self.unread_only, boards=self.list_filter.boards if mixed else ())
        words = shown.describe()
        order = order_label(self.sort_key, self.sort_reverse)
        return board + (" — " + ", ".join(words) if words else "") + (f" · {order}" if order else "")

    def show_results(self, query: str, rows: list[PostRow]) -> None:
        """Search results come newest first; under another order (g, G) they are sorted like the list."""
        if self.sort_key != "date" or self.sort_reverse:
            rows = sort_rows(rows, self.sort_key, self.sort_reverse)
        super().show_results(query, rows)

    def read_copies(self, post: PostRow) -> None:
        """A notice the all-boards list shows once was read: its copies on the other boards are read too
        (else, showing unread posts, the next copy would take its place)."""
        copies = [i for i in listing.notice_copies(self.ctx.store.conn, post.id) if i != post.id]
        if copies:
            self.ctx.store.set_read(copies)
            self.refresh_boards()

    def refresh_boards(self) -> None:
        """Read the boards' counts again (the main screen says how)."""
        raise NotImplementedError

    def relist(self) -> None:
        """Show the list again under the new filters or order (search results are re-sorted in place)."""
        posts = self.query_one("#posts", PostList)
        source = posts.rows.source
        if self.search_query is not None and isinstance(source, FixedPosts):
            rows = sort_rows(source.rows, self.sort_key, self.sort_reverse)
            posts.set_source(replace(source, rows=rows), empty=posts.empty_text, search=posts.search_words)
            return
        self.search_query = None
        self.show_board(keep=None)

    # --- slow lists (watched words): read off the UI loop -----------------------------------------------

    def resolve_list(self, source: ListedPosts, keep: int | None, empty: str) -> None:
        """Show ``source`` once a thread worker has read its ids: "…" until then, or (a refresh of the same
        kind of list, e.g. during a sync) the rows already on screen."""
        self._resolving += 1
        posts = self.query_one("#posts", PostList)
        if keep is None or not isinstance(posts.rows.source, ResolvedPosts):
            posts.set_source(FixedPosts([], source.label, source.tags), empty="…")
        self.read_slow_list(self._resolving, source, keep, empty)

    @work(thread=True, exclusive=True, exit_on_error=False, group="resolve")
    def read_slow_list(self, token: int, source: ListedPosts, keep: int | None, empty: str) -> None:
        """Read the ids of ``source``'s list on the side connection and announce them."""
        worker = get_current_worker()
        try:
            with self.side_reader.use() as store:
                if worker.is_cancelled:
                    return
                found = resolve(store, source.query)
        except (StoreError, sqlite3.Error) as exc:  # a cache gone or locked: say so rather than "…" forever
            self.post_message(m.ListResolved(token, source, None, keep, str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(m.ListResolved(token, source, found, keep, empty))

    @on(m.ListResolved)
    def slow_list_read(self, message: m.ListResolved) -> None:
        """Show the list just read, unless another list was asked for since."""
        if message.token != self._resolving:
            return
        source, posts = message.source, self.query_one("#posts", PostList)
        if message.resolved is None:
            text = _("Could not read the list: {reason}").format(reason=message.empty)
            posts.set_source(FixedPosts([], source.label, source.tags), empty=text)
            return
        resolved = ResolvedPosts(source.store, source.query, source.label, message.resolved, source.tags)
        posts.set_source(resolved, keep=message.keep, empty=message.empty)

    def action_filter(self) -> None:
        """Open the filter form (F)."""
        boards = [e.key for e in self.query_one("#boards", BoardsPane).entries if e.key not in (ALL_BOARDS, STARRED)]
        current = replace(self.list_filter, unread=self.unread_only)
        self.app.push_screen(FilterScreen(current, boards), self.filter_chosen)

    def filter_chosen(self, chosen: ListFilter | None) -> None:
        """Apply the filter the form closed with (None: cancelled)."""
        if chosen is None:
            return
        self.list_filter = replace(chosen, unread=False)
        if chosen.unread != self.unread_only:
            self.unread_only = chosen.unread  # its watcher lists the board again
        else:
            self.relist()
        words = chosen.describe()
        message = _("Filters: {filters}").format(filters=", ".join(words)) if words else _("No filters: every post")
        self.query_one("#status", StatusLine).say(message)

    def action_sort(self) -> None:
        """Choose the list's order (g)."""
        self.app.push_screen(SortScreen(self.sort_key), self.sort_chosen)

    def sort_chosen(self, key: SortKey | None) -> None:
        """Sort by the chosen key (None: cancelled), in its natural direction."""
        if key is None:
            return
        self.sort_key, self.sort_reverse = key, False
        self.relist()
        self.query_one("#status", StatusLine).say(_("Sorted: {order}").format(order=_(SORT_LABELS[key][0])))

    def action_reverse_sort(self) -> None:
        """Turn the list's order around (G)."""
        self.sort_reverse = not self.sort_reverse
        self.relist()
        order = order_label(self.sort_key, self.sort_reverse) or _(SORT_LABELS[self.sort_key][0])
        self.query_one("#status", StatusLine).say(_("Sorted: {order}").format(order=order))
