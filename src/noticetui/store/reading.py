"""What the reader marks: read and unread (one post, a board, everything), stars, and where the next
unread post is.  A part of :class:`noticetui.store.Store`.

The *list order* is the order of a board's list: pinned notices first, then newest first (``notice DESC,
posted_ts DESC, id DESC``, posts without a date last).  The next unread post after a post is the first
unread one below it in that order; across boards the search goes on from the top of the following board
in the order the caller gives (the boards pane's), wrapping around to the start.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from noticetui.store import listing
from noticetui.store.records import PostRow, post_from_row, select_posts

LIST_ORDER = "p.notice DESC, p.posted_ts DESC, p.id DESC"
"""A board's list order (the all-boards list uses the same one across boards)."""
REVERSED_ORDER = "p.notice ASC, p.posted_ts ASC, p.id ASC"
STARRED_ORDER = "p.starred_at DESC, p.id DESC"
"""The order of "★ Starred" and ``list --starred``: newest star first."""

_CHUNK = 500
"""Ids per statement (SQLite's limit on bound parameters is far above it)."""


Segment = tuple[str, list[object]]
"""An SQL condition and its parameters."""

FEW = 1000
"""Up to this many unread posts in a list, the next one is found among them (the partial index of unread
posts, then a sort); with more, by walking the list's own index from the post, where one comes soon."""


def _below(notice: int, posted_ts: float | None, post_id: int) -> list[Segment]:
    """The rows after (notice, posted_ts, id) in list order, as consecutive runs each an index range (one
    OR of them would make SQLite sort every row below).  NULL dates sort last, as ``DESC`` puts them."""
    if posted_ts is None:
        return [("p.notice = ? AND p.posted_ts IS NULL AND p.id < ?", [notice, post_id]), ("p.notice < ?", [notice])]
    return [
        ("p.notice = ? AND p.posted_ts = ? AND p.id < ?", [notice, posted_ts, post_id]),
        ("p.notice = ? AND p.posted_ts < ?", [notice, posted_ts]),
        ("p.notice = ? AND p.posted_ts IS NULL", [notice]),
        ("p.notice < ?", [notice]),
    ]


def _above(notice: int, posted_ts: float | None, post_id: int) -> list[Segment]:
    """The rows before (notice, posted_ts, id) in list order, nearest run first (see :func:`_below`)."""
    if posted_ts is None:
        return [
            ("p.notice = ? AND p.posted_ts IS NULL AND p.id > ?", [notice, post_id]),
            ("p.notice = ? AND p.posted_ts IS NOT NULL", [notice]),
            ("p.notice > ?", [notice]),
        ]
    return [
        ("p.notice = ? AND p.posted_ts = ? AND p.id > ?", [notice, posted_ts, post_id]),
        ("p.notice = ? AND p.posted_ts > ?", [notice, posted_ts]),
        ("p.notice > ?", [notice]),
    ]


def _any(segments: list[Segment]) -> Segment:
    """One condition true on any of ``segments``."""
    return "(" + " OR ".join(f"({sql})" for sql, _ in segments) + ")", [v for _, values in segments for v in values]


def _starred_numbered(unread_only: bool) -> tuple[str, list[object]]:
    """Every starred post (unread ones only) as ``(id, read, n)``, ``n`` its row index in the starred list."""
    unread = " AND p.read = 0" if unread_only else ""
    number = f"row_number() OVER (ORDER BY {STARRED_ORDER}) - 1"
    return f"SELECT p.id AS id, p.read AS read, {number} AS n FROM posts p WHERE p.starred_at IS NOT NULL{unread}", []


class ReadingMarks:
    """Read marks, stars and unread navigation (mixed into :class:`~noticetui.store.Store`)."""

    conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction (the store's own)."""
        raise NotImplementedError

    # --- read marks --------------------------------------------------------------------------------

    def mark_posts(self, post_ids: Sequence[int], read: bool = True) -> int:
        """Mark posts read (or unread); returns how many changed (those already so are not counted)."""
        changed = 0
        with self.transaction() as conn:
            for start in range(0, len(post_ids), _CHUNK):
                chunk = list(post_ids[start : start + _CHUNK])
                marks = ",".join("?" * len(chunk))
                cur = conn.execute(
                    f"UPDATE posts SET read = ? WHERE id IN ({marks}) AND read != ?", (int(read), *chunk, int(read))
                )
                changed += cur.rowcount
        return changed

    def mark_board(self, board_id: int | None, read: bool = True) -> int:
        """Mark every post of a board (``None``: of every board) read or unread; returns how many changed."""
        where, params = ("board_id = ? AND ", [board_id]) if board_id is not None else ("", [])
        with self.transaction() as conn:
            cur = conn.execute(f"UPDATE posts SET read = ? WHERE {where}read != ?", (int(read), *params, int(read)))
        return cur.rowcount

    def mark_starred(self, read: bool = True) -> int:
        """Mark every starred post read (or unread); returns how many changed."""
        with self.transaction() as conn:
            cur = conn.execute(
                "UPDATE posts SET read = ? WHERE starred_at IS NOT NULL AND read != ?", (int(read), int(read))
            )
        return cur.rowcount

    # --- stars ---------------------------------------------------------------------------------------

    def star(self, post_ids: Sequence[int], starred: bool = True) -> int:
        """Star posts (now) or take their stars away; returns how many changed.  Starring a starred post
        keeps its first star's time (the Starred view's order)."""
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        changed = 0
        with self.transaction() as conn:
            for start in range(0, len(post_ids), _CHUNK):
                chunk = list(post_ids[start : start + _CHUNK])
                marks = ",".join("?" * len(chunk))
                if starred:
                    sql = f"UPDATE posts SET starred_at = ? WHERE id IN ({marks}) AND starred_at IS NULL"
                    cur = conn.execute(sql, (now, *chunk))
                else:
                    sql = f"UPDATE posts SET starred_at = NULL WHERE id IN ({marks}) AND starred_at IS NOT NULL"
                    cur = conn.execute(sql, chunk)
                changed += cur.rowcount
        return changed

    def starred_posts(
        self, board_id: int | None = None, *, unread_only: bool = False, limit: int | None = None, offset: int = 0
    ) -> list[PostRow]:
        """Starred posts (of one board, unread ones only), newest star first (bodies not loaded)."""
        sql, params = select_posts("p.starred_at IS NOT NULL", board_id, unread_only, STARRED_ORDER)
        rows = self.conn.execute(sql, (*params, -1 if limit is None else limit, offset)).fetchall()
        return [post_from_row(r) for r in rows]

    def count_starred(self, unread_only: bool = False) -> int:
        """How many posts are starred (unread ones only when ``unread_only``)."""
        sql = "SELECT count(*) FROM posts WHERE starred_at IS NOT NULL" + (" AND read = 0" if unread_only else "")
        return int(self.conn.execute(sql).fetchone()[0])

    def starred_position(self, post_id: int, *, unread_only: bool = False) -> int | None:
        """Where post ``post_id`` stands in the starred list (unread ones only), or None."""
        return listing.position_in(self.conn, *_starred_numbered(unread_only), post_id)

    def next_starred_unread(
        self, post_id: int | None, *, backwards: bool = False, inclusive: bool = False
    ) -> int | None:
        """The id of the next (previous) unread post of the starred list from ``post_id``, wrapping round
        (as :func:`noticetui.store.listing.next_unread` steps through a list)."""
        sql, params = _starred_numbered(False)
        return listing.unread_in(self.conn, sql, params, post_id, backwards=backwards, inclusive=inclusive)

    # --- where the next unread post is -------------------------------------------------------------

    def unread_in_list(
        self, board_id: int | None, post_id: int | None = None, *, backwards: bool = False, inclusive: bool = False
    ) -> int | None:
        """The id of the first unread post after post ``post_id`` in the list of board ``board_id`` (None:
        the all-boards list), before it when ``backwards``; from the list's start (end) when ``post_id``
        is None, and ``post_id`` itself counts when ``inclusive``.  None when there is none."""
        scope, params = ("p.board_id = ?", [board_id]) if board_id is not None else ("1 = 1", [])
        segments: list[Segment] = [("1 = 1", [])]
        if post_id is not None:
            key = self.conn.execute("SELECT notice, posted_ts, id FROM posts WHERE id = ?", (post_id,)).fetchone()
            if key is not None:
                segments = (_above if backwards else _below)(int(key[0]), key[1], int(key[2]))
                if inclusive:
                    segments.insert(0, ("p.id = ?", [post_id]))
        order = REVERSED_ORDER if backwards else LIST_ORDER
        few_sql = f"SELECT count(*) FROM (SELECT 1 FROM posts p INDEXED BY posts_unread WHERE p.read = 0 AND {scope} LIMIT {FEW + 1})"
        if int(self.conn.execute(few_sql, params).fetchone()[0]) <= FEW:
            # Few unread posts: read them all from the partial index and sort (the walk could be long).
            sql, values = _any(segments)
            segments = [(sql, values)]
            source = "posts p INDEXED BY posts_unread"
        else:
            source = "posts p"
        for sql, values in segments:
            row = self.conn.execute(
                f"SELECT p.id FROM {source} WHERE p.read = 0 AND {scope} AND {sql} ORDER BY {order} LIMIT 1",
                [*params, *values],
            ).fetchone()
            if row is not None:
                return int(row[0])
        return None

    def next_unread(
        self,
        boards: Sequence[int],
        board_id: int,
        post_id: int | None = None,
        *,
        backwards: bool = False,
        inclusive: bool = False,
    ) -> int | None:
        """The next (previous) unread post after ``post_id`` in board ``board_id``, else the first (last)
        unread one of the following (preceding) boards in the order of ``boards``, wrapping around to
        the current board's start (end).  None when no board in ``boards`` has an unread post."""
        found = self.unread_in_list(board_id, post_id, backwards=backwards, inclusive=inclusive)
        if found is not None:
            return found
        order = list(boards)
        start = order.index(board_id) if board_id in order else -1
        step = -1 if backwards else 1
        for turn in range(1, len(order) + 1):
            other = order[(start + step * turn) % len(order)]
            found = self.unread_in_list(other, None, backwards=backwards)
            if found is not None:
                return found
        return None

    def list_index(self, board_id: int | None, post_id: int, *, unread_only: bool = False) -> int | None:
        """Where post ``post_id`` stands in the list of board ``board_id`` (None: all boards), from 0."""
        key = self.conn.execute("SELECT notice, posted_ts, id FROM posts WHERE id = ?", (post_id,)).fetchone()
        if key is None:
            return None
        scope, params = ("p.board_id = ?", [board_id]) if board_id is not None else ("1 = 1", [])
        if unread_only:
            scope += " AND p.read = 0"
        total = 0
        # A count per run: each is one range of the list's index (an OR of them would not be).
        for sql, values in _above(int(key[0]), key[1], int(key[2])):
            row = self.conn.execute(f"SELECT count(*) FROM posts p WHERE {scope} AND {sql}", [*params, *values])
            total += int(row.fetchone()[0])
        return total
