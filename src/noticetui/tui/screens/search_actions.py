"""Search on the main screen: results as the user types, computed in a thread on a connection of its own
(a newer query cancels the older one), newest first, the query's words highlighted in the titles."""

from __future__ import annotations

import threading

from textual import on, work
from textual.widgets import Input
from textual.worker import get_current_worker

from noticetui.context import AppContext
from noticetui.i18n import _, ngettext
from noticetui.store import PostRow, QueryError, Store
from noticetui.store.operators import parse_search
from noticetui.tui import messages as m
from noticetui.tui.backend import Backend
from noticetui.tui.format import tag_width
from noticetui.tui.screens.post_actions import PostActionsScreen
from noticetui.tui.sources import FixedPosts
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

SEARCH_LIMIT = 500


class SearchActions(PostActionsScreen):
    """The search box and its results; the list of a board comes back with Esc."""

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__(ctx, backend)
        self.search_query: str | None = None
        """The query whose results the list shows (None: it shows a board)."""
        self.shown_board: str | None = None
        """The key of the board the list shows (None while it shows search results)."""
        self._search_store: Store | None = None
        self._search_lock = threading.Lock()

    def show_board(self, keep: int | None) -> None:
        """List the highlighted board's posts (the main screen says how)."""
        raise NotImplementedError

    def show_board_error(self) -> None:
        """Show or hide the highlighted board's last error (the main screen says how)."""
        raise NotImplementedError

    def action_search(self) -> None:
        """Open the search box."""
        search = self.query_one("#search", Input)
        search.add_class("-open")
        search.focus()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        """Search as the user types (in a thread: the screen never waits for the cache)."""
        query = " ".join(event.value.split())
        if query:
            self.run_search(query)

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on to the results (or, on an empty box, closes the search)."""
        if not " ".join(event.value.split()):
            self.action_back()
            return
        self.query_one("#posts", PostList).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str) -> None:
        """The search itself, newest first, on a connection of its own (a newer query cancels this one)."""
        worker = get_current_worker()
        with self._search_lock:
            if worker.is_cancelled:
                return
            if self._search_store is None:
                path = self.ctx.store.path
                self._search_store = Store.open(path) if path is not None else self.ctx.store
            try:
                rows = self._search_store.search(query, limit=SEARCH_LIMIT)
            except QueryError as exc:
                self.post_message(m.SearchRejected(query, str(exc)))
                return
        if not worker.is_cancelled:
            self.post_message(m.SearchFinished(query, rows))

    @on(m.SearchFinished)
    def search_finished(self, message: m.SearchFinished) -> None:
        """Show the results if the box still asks for them."""
        search = self.query_one("#search", Input)
        if " ".join(search.value.split()) != message.query or not search.has_class("-open"):
            return
        self.show_results(message.query, message.rows)

    @on(m.SearchRejected)
    def search_rejected(self, message: m.SearchRejected) -> None:
        """Say in the status line why the query cannot be run (while the box still holds it)."""
        if " ".join(self.query_one("#search", Input).value.split()) == message.query:
            self.query_one("#status", StatusLine).say(message.error)

    def show_results(self, query: str, rows: list[PostRow]) -> None:
        """List search results, the query's words highlighted in the titles."""
        self.search_query = query
        self.shown_board = None
        self.show_board_error()
        more = "+" if len(rows) == SEARCH_LIMIT else ""
        label = ngettext("Search: {query} — {n}{more} result", "Search: {query} — {n}{more} results", len(rows)).format(
            query=query, n=len(rows), more=more
        )
        posts = self.query_one("#posts", PostList)
        boards = sorted({r.board for r in rows})
        tags = tag_width(boards) if len(boards) > 1 else 0
        source = FixedPosts(rows, label, tags)
        try:
            words = parse_search(query).highlight
        except QueryError:
            words = tuple(query.split())
        posts.set_source(source, empty=_("Nothing matches {query!r}.").format(query=query), search=words)

    def action_back(self) -> None:
        """Close the search box and go back to the board's list."""
        search = self.query_one("#search", Input)
        was_searching = self.search_query is not None or search.has_class("-open")
        search.remove_class("-open")
        search.value = ""
        if was_searching:
            self.search_query = None
            self.show_board(keep=None)
            self.query_one("#posts", PostList).focus()

    def on_unmount(self) -> None:
        """Close the search's own connection to the cache."""
        store, self._search_store = self._search_store, None
        if store is not None and store is not self.ctx.store:
            with self._search_lock:
                store.close()
