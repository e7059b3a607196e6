"""Moving between posts on the main screen: ``n``/``p`` the next/previous unread post across boards, and
``[``/``]`` back and forward through the posts read (a browser's history, as in frogmouth).

The order of ``n`` is the list's: down the board's list (pinned notices, then newest first), then on from
the top of the following boards in the boards pane's order, wrapping round to the first.  In "All boards"
it goes down that one list and wraps to its top; in search results and "★ Starred" it stays in that list
(★ Starred is walked through the store, newest star first, at any length).
"""

from __future__ import annotations

from textual import on, work
from textual.widgets import Input
from textual.worker import get_current_worker

from noticetui.context import AppContext
from noticetui.i18n import _
from noticetui.store import ListQuery, PostRow, listing
from noticetui.tui import messages as m
from noticetui.tui.backend import Backend
from noticetui.tui.history import History
from noticetui.tui.resolved import ResolvedPosts, slow
from noticetui.tui.screens.mark_actions import MarkActions
from noticetui.tui.side_reader import SideReader
from noticetui.tui.sources import ALL_BOARDS, STARRED, ListedPosts, StarredPosts
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList

SCAN_ROWS = 1000
"""How far down a list a post is looked for by reading its rows (search results hold at most 500)."""
NEAR_ROWS = 200
"""How far below its place in the list as it is now a post is looked for on screen (rows read since)."""


class ReadingActions(MarkActions):
    """Next/previous unread and back/forward; opening goes through the main screen's ``open_post``."""

    side_reader: SideReader
    """The connection thread workers read the cache on (the main screen opens it)."""

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__(ctx, backend)
        self.history = History()
        """The posts opened in this session, for ``[`` and ``]``."""
        self._replaying: int | None = None
        """The post ``[`` or ``]`` is opening (it is on the history already)."""

    def remember(self, post_id: int) -> None:
        """A post was opened: on the history (unless ``[`` or ``]`` opened it)."""
        if post_id == self._replaying:
            self._replaying = None
            return
        self.history.visit(post_id)

    def choose(self, post: PostRow) -> None:
        """Open ``post`` as Enter on its row does: the list announces it, so every listener hears of it
        (the main screen shows it, the palette counts it among the recent posts)."""
        self.query_one("#posts", PostList).post_message(PostList.Chosen(post))

    # --- n / p -----------------------------------------------------------------------------------------

    def action_next_unread(self) -> None:
        """Open the next unread post, across boards."""
        self.open_unread(backwards=False)

    def action_prev_unread(self) -> None:
        """Open the previous unread post, across boards."""
        self.open_unread(backwards=True)

    def open_unread(self, *, backwards: bool) -> None:
        """Find the next (previous) unread post from the cursor and open it, or say there is none."""
        posts = self.query_one("#posts", PostList)
        row = posts.current
        detail = self.query_one("#detail", DetailPane).post
        # From a row not yet open, n opens that row itself when it is unread.
        opened = row is not None and detail is not None and detail.id == row.id
        inclusive = row is not None and not opened and not backwards
        if self.walk_in_store(row.id if row else None, backwards, inclusive):
            return
        if self.search_query is not None or self.shown_board == STARRED or not self.list_in_store_order():
            self.open_unread_row(backwards, inclusive)
            return
        target = self.unread_target(row.id if row else None, backwards, inclusive)
        if target is None:
            self.notify(_("No unread posts."), markup=False)
            return
        self.go_to_post(target)

    def walk_in_store(self, post_id: int | None, backwards: bool, inclusive: bool) -> bool:
        """Start stepping through the list on screen in the store, off the UI loop, when it is one the store
        can walk at any length; False for the others (a board's list, search results)."""
        source = self.query_one("#posts", PostList).rows.source
        if self.search_query is not None:
            return False
        if isinstance(source, (ListedPosts, ResolvedPosts)) and not self.list_in_store_order():
            # All boards, a sort or a filter: the list's own order.
            self.find_unread(source.query, post_id, backwards, inclusive)
            return True
        if isinstance(source, StarredPosts):
            # ★ Starred in its own order (newest star first).
            self.find_unread(None, post_id, backwards, inclusive, source.unread_only)
            return True
        return False

    def open_unread_row(self, backwards: bool, inclusive: bool) -> None:
        """Search results (and lists not in the store's order): open the next (previous) unread row of the
        list on screen."""
        posts = self.query_one("#posts", PostList)
        index = self.unread_row(backwards, inclusive)
        if index is None:
            self.notify(_("No unread posts in this list."), markup=False)
            return
        posts.cursor = index
        found = posts.current
        if found is not None:
            self.choose(found)

    @work(thread=True, exclusive=True, exit_on_error=False, group="unread")
    def find_unread(
        self, query: ListQuery | None, post_id: int | None, backwards: bool, inclusive: bool, unread_only: bool = False
    ) -> None:
        """Step through the list of ``query`` (None: ★ Starred, its unread posts only when ``unread_only``)
        to the next (previous) unread post, on the side connection."""
        worker = get_current_worker()
        with self.side_reader.use() as store:
            if worker.is_cancelled:
                return
            if query is None:
                found = store.next_starred_unread(post_id, backwards=backwards, inclusive=inclusive)
                index = None if found is None else store.starred_position(found, unread_only=unread_only)
            else:
                found = listing.next_unread(store.conn, query, post_id, backwards=backwards, inclusive=inclusive)
                index = None if found is None or slow(query) else listing.position(store.conn, query, found)
        if not worker.is_cancelled:
            self.post_message(m.UnreadFound(query, found, index))

    @on(m.UnreadFound)
    def unread_found(self, message: m.UnreadFound) -> None:
        """Open the unread post found, with the cursor on its row (if the list is still the one asked)."""
        posts = self.query_one("#posts", PostList)
        source = posts.rows.source
        if message.query is None:
            if not isinstance(source, StarredPosts):
                return
        elif not isinstance(source, (ListedPosts, ResolvedPosts)) or source.query != message.query:
            return
        if message.post_id is None:
            self.notify(_("No unread posts in this list."), markup=False)
            return
        if isinstance(source, ResolvedPosts):
            ids = source.resolved.ids
            index: int | None = ids.index(message.post_id) if message.post_id in ids else None
        elif message.index is not None:
            # Rows read since the list was read stay on screen (an unread-only list): the post may sit
            # lower than in the list as it is now.
            index = posts.rows.index_near(message.post_id, message.index, message.index + NEAR_ROWS)
        else:
            index = None
        if index is None:
            self.show_board(keep=None)  # read afresh: the index found is the row's
            index = message.index
        found = self.ctx.store.posts_by_id([message.post_id])
        if not found:
            return
        if index is not None:
            posts.cursor = index
        self.choose(found[0])

    def show_board(self, keep: int | None) -> None:
        """List the highlighted board (the main screen says how)."""
        raise NotImplementedError

    def list_in_store_order(self) -> bool:
        """Whether the list on screen runs in the store's list order (the list's filters and sort say)."""
        return True

    def unread_row(self, backwards: bool, inclusive: bool) -> int | None:
        """The index of the next (previous) unread row of the list on screen, wrapping round."""
        posts = self.query_one("#posts", PostList)
        total = min(len(posts.rows), SCAN_ROWS)
        if not total:
            return None
        step = -1 if backwards else 1
        for turn in range(0 if inclusive else 1, total + 1):
            index = (posts.cursor + step * turn) % total
            row = posts.rows.get(index)
            if row is not None and not row.read:
                return index
        return None

    def unread_target(self, post_id: int | None, backwards: bool, inclusive: bool) -> int | None:
        """The id of the next (previous) unread post from ``post_id`` in the board lists' order."""
        store = self.ctx.store
        entry = self.current_board()
        if entry is None:
            return None
        if entry.key == ALL_BOARDS:
            found = store.unread_in_list(None, post_id, backwards=backwards, inclusive=inclusive)
            return found if found is not None else store.unread_in_list(None, None, backwards=backwards)
        pane = [e for e in self.query_one("#boards", BoardsPane).entries if e.key not in (ALL_BOARDS, STARRED)]
        keys = [e.key for e in pane]
        start = keys.index(entry.key) if entry.key in keys else 0
        # The boards from the current one on, in the pane's order (boards never synced hold nothing).
        order = [e.board_id for e in pane[start:] + pane[:start] if e.board_id is not None]
        if not order:
            return None
        if entry.board_id is None:  # a board never synced: on from the next board (back from the one before)
            first = order[-1] if backwards else order[0]
            return store.next_unread(order, first, None, backwards=backwards)
        return store.next_unread(order, entry.board_id, post_id, backwards=backwards, inclusive=inclusive)

    # --- [ / ] -----------------------------------------------------------------------------------------

    def action_history_back(self) -> None:
        """Reopen the post read before this one."""
        self.replay(self.history.back(), _("No earlier post in the history."))

    def action_history_forward(self) -> None:
        """Reopen the post read after this one."""
        self.replay(self.history.forward(), _("No later post in the history."))

    def replay(self, post_id: int | None, none: str) -> None:
        """Open ``post_id`` from the history without pushing it again."""
        if post_id is None:
            self.notify(none, markup=False)
            return
        self._replaying = post_id
        if not self.go_to_post(post_id):
            self._replaying = None
            self.history.forget(post_id)
            self.notify(_("That post is no longer cached."), markup=False)

    # --- going to a post -------------------------------------------------------------------------------

    def go_to_post(self, post_id: int) -> bool:
        """Open post ``post_id`` with the cursor on its row: in the list on screen when it is there, else
        in its board's list (the boards pane moves to it).  False when the post is not cached."""
        found = self.ctx.store.posts_by_id([post_id])
        if not found:
            return False
        post = found[0]
        index = self.row_index(post)
        if index is None and self.show_board_of(post):
            index = self.row_index(post)
        if index is not None:
            self.query_one("#posts", PostList).cursor = index
        self.choose(post)
        return True

    def row_index(self, post: PostRow) -> int | None:
        """Where ``post`` is in the list on screen, or None."""
        posts = self.query_one("#posts", PostList)
        entry = self.current_board()
        guess = None
        if self.search_query is None and entry is not None and entry.key == self.shown_board:
            if entry.key == ALL_BOARDS or (entry.board_id is not None and entry.board_id == post.board_id):
                board = None if entry.key == ALL_BOARDS else post.board_id
                unread_only = bool(getattr(posts.rows.source, "unread_only", False))
                guess = self.ctx.store.list_index(board, post.id, unread_only=unread_only)
            elif entry.key != STARRED:
                return None  # another board's list: the post is not in it
        if guess is not None:
            row = posts.rows.get(guess)
            if row is not None and row.id == post.id:
                return guess
        # Rows read since the unread-only list was read, or a list that is not in the store's order.
        return posts.rows.index_of(post.id, SCAN_ROWS)

    def leave_search(self) -> None:
        """Close the search box and forget its results (the caller lists a board)."""
        search = self.query_one("#search", Input)
        search.remove_class("-open")
        search.value = ""
        self.search_query = None

    def show_board_of(self, post: PostRow) -> bool:
        """Highlight the board of ``post`` in the boards pane and list it (leaving a search)."""
        boards = self.query_one("#boards", BoardsPane)
        index = next((i for i, e in enumerate(boards.entries) if e.board_id == post.board_id), None)
        if index is None:
            return False
        self.leave_search()
        boards.highlighted = index
        self.show_board(keep=None)  # now, not when the pane's message arrives: the cursor goes to the post
        return True
