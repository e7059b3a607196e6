"""What the store keeps for syncs about their own progress: bodies owed, failed fetches, list readings
cut short. A part of :class:`noticetui.store.Store`."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager

from noticetui.store.schema import BODY_TRIES

OWING_BODY = f"(p.body_at IS NULL OR p.body_stale = 1) AND p.secret = 0 AND p.body_failures < {BODY_TRIES}"
"""The posts a sync owes a body; the same condition as the partial index ``posts_owing_body`` (schema V4)."""


class SyncMarks:
    """The store's sync bookkeeping (mixed into :class:`~noticetui.store.Store`)."""

    conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction (the store's own)."""
        raise NotImplementedError

    def count_without_body(self, board_id: int) -> int:
        """How many posts of a board a sync owes a body (see ``Store.posts_without_body``)."""
        sql = f"SELECT count(*) FROM posts p WHERE p.board_id = ? AND {OWING_BODY}"
        return int(self.conn.execute(sql, (board_id,)).fetchone()[0])

    def note_body_failure(self, post_id: int) -> None:
        """Count a failed fetch of a post's body (after ``BODY_TRIES`` in a row, syncs stop asking)."""
        with self.transaction() as conn:
            conn.execute("UPDATE posts SET body_failures = body_failures + 1 WHERE id = ?", (post_id,))

    def list_pending(self, board_id: int) -> bool:
        """True when the last reading of the board's list pages was cut short (see :meth:`set_list_pending`)."""
        row = self.conn.execute("SELECT list_pending FROM boards WHERE id = ?", (board_id,)).fetchone()
        return bool(row and row[0])

    def set_list_pending(self, board_id: int, pending: bool) -> None:
        """Note that a sync started (True) or ended (False) reading the board's list pages."""
        with self.transaction() as conn:
            conn.execute("UPDATE boards SET list_pending = ? WHERE id = ?", (int(pending), board_id))
