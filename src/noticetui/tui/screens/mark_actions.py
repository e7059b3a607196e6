"""Marks on the main screen: ``N`` read/unread, ``*`` star, ``A`` the list read, ``C`` everything read.

One post's mark is one row written on the UI loop (as opening a post does); a whole list or every board
is written in the back room, after a question when it is more than :data:`CONFIRM_OVER` posts.  Counts
in the boards pane change in place for one post and are read again after a bulk mark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Literal

from textual import work

from noticetui.i18n import _, ngettext
from noticetui.render import sanitize_line
from noticetui.store import PostRow, Store, StoreError
from noticetui.tui.backend import Backend
from noticetui.tui.screens.confirm import ConfirmScreen
from noticetui.tui.screens.search_actions import SearchActions
from noticetui.tui.sources import ALL_BOARDS, STARRED, BoardEntry, FixedPosts
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

CONFIRM_OVER = 20
"""``A`` asks first when it would mark more posts than this (``C`` always asks)."""

MarkJob = Callable[[Store], int]
"""A bulk mark run in the back room on its own store connection; returns how many posts changed."""


def posts_phrase(count: int) -> str:
    """``1 post`` / ``12 posts`` in the UI language."""
    return ngettext("{count} post", "{count} posts", count).format(count=count)


class MarkActions(SearchActions):
    """Read marks and stars of the post under the cursor, of the list, and of every board."""

    def refresh_boards(self) -> None:
        """Read the boards' counts again (the main screen says how)."""
        raise NotImplementedError

    def current_board(self) -> BoardEntry | None:
        """The highlighted board (the main screen says how)."""
        raise NotImplementedError

    def marked_row(self) -> PostRow | None:
        """The post a mark applies to, as stored now: the one under the cursor, else the open one."""
        row = self.query_one("#posts", PostList).current or self.query_one("#detail", DetailPane).post
        found = self.ctx.store.posts_by_id([row.id]) if row is not None else []
        return found[0] if found else None

    def flip_mark(self, mark: Literal["read", "starred"]) -> tuple[PostRow, bool] | None:
        """Flip the read or starred mark of the post here, in the store and in its list row; the row as it
        was and the mark's new value (None, said, when there is no post here)."""
        row = self.marked_row()
        if row is None:
            self.notify(_("No post here."), markup=False)
            return None
        value = not getattr(row, mark)
        if mark == "read":
            self.ctx.store.mark_posts([row.id], value)
        else:
            self.ctx.store.star([row.id], value)
        posts = self.query_one("#posts", PostList)
        posts.rows.patch({row.id}, **{mark: value})
        posts.refresh()
        return row, value

    def action_toggle_read(self) -> None:
        """Mark the post under the cursor read, or unread again."""
        flipped = self.flip_mark("read")
        if flipped is None:
            return
        row, read = flipped
        self.query_one("#boards", BoardsPane).count_unread(row.board, -1 if read else 1, row.starred)
        self.query_one("#status", StatusLine).say(_("Marked read") if read else _("Marked unread"))

    def action_toggle_star(self) -> None:
        """Star the post under the cursor, or take its star away."""
        flipped = self.flip_mark("starred")
        if flipped is None:
            return
        row, starred = flipped
        boards = self.query_one("#boards", BoardsPane)
        if any(e.key == STARRED for e in boards.entries):
            step = 1 if starred else -1
            boards.adjust(STARRED, unread=0 if row.read else step, posts=step)
        if starred or self.ctx.store.count_starred() == 0:
            self.refresh_boards()  # the "★ Starred" line comes with the first star (and goes with the last)
        self.query_one("#status", StatusLine).say(_("Starred") if starred else _("Star taken away"))

    def action_mark_board_read(self) -> None:
        """Mark every post of the list read: the board, every board, the starred posts or the results."""
        store = self.ctx.store
        posts = self.query_one("#posts", PostList)
        entry = self.current_board()
        source = posts.rows.source
        job: MarkJob
        if self.search_query is not None and isinstance(source, FixedPosts):
            ids = [r.id for r in source.rows if not r.read]
            count, what = len(ids), _("these results")
            job = partial(Store.mark_posts, post_ids=ids)
        elif entry is None or entry.key != self.shown_board:
            return
        elif entry.key == STARRED:
            count, what = store.count_starred(unread_only=True), _("the starred posts")
            job = Store.mark_starred
        elif entry.key == ALL_BOARDS:
            count, what = entry.unread, _("every board")
            job = partial(Store.mark_board, board_id=None)
        elif entry.board_id is not None:
            count, what = entry.unread, sanitize_line(entry.label)
            job = partial(Store.mark_board, board_id=entry.board_id)
        else:
            count, what = 0, sanitize_line(entry.label)
        if not count:
            self.notify(_("Nothing unread here."), markup=False)
            return
        if count <= CONFIRM_OVER:
            self.run_marks(job, what)
            return
        question = _("Mark {posts} of {what} read? (y: yes, n: no)").format(posts=posts_phrase(count), what=what)
        self.app.push_screen(ConfirmScreen(question), self.when_sure(job, what))

    def action_mark_all_read(self) -> None:
        """Mark every post of every board read (after a question)."""
        entry = next((e for e in self.query_one("#boards", BoardsPane).entries if e.key == ALL_BOARDS), None)
        count = entry.unread if entry else 0
        if not count:
            self.notify(_("Nothing unread here."), markup=False)
            return
        what = _("every board")
        question = _("Mark all {posts} of every board read? (y: yes, n: no)").format(posts=posts_phrase(count))
        job: MarkJob = partial(Store.mark_board, board_id=None)
        self.app.push_screen(ConfirmScreen(question), self.when_sure(job, what))

    def when_sure(self, job: MarkJob, what: str) -> Callable[[bool | None], None]:
        """The answer to a bulk mark's question: mark on yes, nothing on no."""

        def answered(sure: bool | None) -> None:
            if sure:
                self.run_marks(job, what)

        return answered

    @work(group="marks", exit_on_error=False)
    async def run_marks(self, job: MarkJob, what: str) -> None:
        """Write a bulk mark in the back room, then show the new counts and the list as it now is."""

        async def call(backend: Backend) -> int:
            return job(backend.ctx.store)

        try:
            changed = await self.backend.run(call)
        except StoreError as exc:
            self.notify(str(exc), title=_("Nothing was marked"), severity="error", markup=False)
            return
        self.refresh_boards()
        posts = self.query_one("#posts", PostList)
        current = posts.current
        source = posts.rows.source
        if self.search_query is not None and isinstance(source, FixedPosts):
            rows = [replace(r, read=True) for r in source.rows]
            keep = current.id if current else None
            posts.set_source(replace(source, rows=rows), keep=keep, empty=posts.empty_text, search=posts.search_words)
        else:
            self.show_board(keep=current.id if current else None)
        line = _("Marked {posts} of {what} read").format(posts=posts_phrase(changed), what=what)
        self.query_one("#status", StatusLine).say(line)
