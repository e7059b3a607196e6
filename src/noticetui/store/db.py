"""The SQLite cache: the single source of truth for the CLI and the TUI.

Writes are upserts keyed by (board, post key).  Nothing a fetch brings back can blank what is stored: a
missing author, date or body in new data keeps the stored one, and a failed fetch writes nothing at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from noticetui.i18n import _
from noticetui.models import Post, PostStub, Request
from noticetui.store import search as fts
from noticetui.store.changes import keep_full_title as keep_full_title  # re-exported: callers import it from here
from noticetui.store.changes import merge_signature
from noticetui.store.finder import find_ids
from noticetui.store.marks import OWING_BODY, SyncMarks
from noticetui.store.reading import ReadingMarks
from noticetui.store.records import POST_COLUMNS, AttachmentRow, BoardRow, PostRow, post_from_row, select_posts
from noticetui.store.schema import SchemaTooNew, migrate
from noticetui.store.versions import VersionRow, note_body, note_title, versions


class StoreError(Exception):
    """The cache cannot be used; ``str()`` is one clear line that says what to do."""


@dataclass(frozen=True)
class UpsertResult:
    """What a list upsert changed."""

    new: list[int]
    """Ids of posts seen for the first time."""
    changed: list[int]
    """Ids of known posts that the list shows changed (title, day, files, edit marker): bodies owed again."""
    new_keys: list[str] = field(default_factory=list)
    """The keys of the new posts, in the same order as ``new``."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(SyncMarks, ReadingMarks):
    """The cache database; open it with :meth:`open` and close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | None) -> Store:
        """Open (creating or migrating) the cache at ``path``; ``None`` opens a throwaway in-memory one."""
        target = ":memory:" if path is None else str(path)
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=10)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        except SchemaTooNew as exc:
            raise StoreError(_("cache {path}: {reason}; upgrade noticetui").format(path=target, reason=exc)) from exc
        except (sqlite3.DatabaseError, OSError) as exc:
            raise StoreError(
                _(
                    "cache {path} cannot be used ({reason}); move it aside to start a new cache — nothing was changed"
                ).format(path=target, reason=exc)
            ) from exc
        return cls(conn, path)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: all of it lands, or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- boards ------------------------------------------------------------------------------------

    def ensure_board(self, name: str, url: str, engine: str, title: str = "") -> int:
        """The id of board ``name``, created or updated to ``url``/``engine``/``title``."""
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO boards (name, url, engine, title) VALUES (?, ?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET url = excluded.url, engine = excluded.engine,
                   title = CASE WHEN excluded.title != '' THEN excluded.title ELSE boards.title END""",
                (name, url, engine, title),
            )
            row = conn.execute("SELECT id FROM boards WHERE name = ?", (name,)).fetchone()
        return int(row[0])

    def boards(self) -> list[BoardRow]:
        """Every cached board with its post and unread counts, by name."""
        rows = self.conn.execute(
            """SELECT b.id, b.name, b.url, b.engine, b.title, coalesce(c.total, 0), coalesce(u.unread, 0),
                      b.last_sync, b.last_error
               FROM boards b
               LEFT JOIN (SELECT board_id, count(*) AS total FROM posts GROUP BY board_id) c ON c.board_id = b.id
               LEFT JOIN (SELECT board_id, count(*) AS unread FROM posts WHERE read = 0 GROUP BY board_id) u
                    ON u.board_id = b.id
               ORDER BY b.name"""
        ).fetchall()
        return [BoardRow(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), r[7], r[8]) for r in rows]

    def board(self, name: str) -> BoardRow | None:
        """The board called ``name``."""
        return next((b for b in self.boards() if b.name == name), None)

    def record_sync(self, board_id: int, error: str | None) -> None:
        """Note that a sync of the board ended, with ``error`` or successfully."""
        now = _now()
        with self.transaction() as conn:
            if error is None:
                conn.execute(
                    "UPDATE boards SET last_sync = ?, last_ok = ?, last_error = NULL WHERE id = ?",
                    (now, now, board_id),
                )
            else:
                conn.execute("UPDATE boards SET last_sync = ?, last_error = ? WHERE id = ?", (now, error, board_id))

    def delete_board(self, name: str) -> int:
        """Forget board ``name`` and all its posts; returns how many posts went."""
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM boards WHERE name = ?", (name,)).fetchone()
            if row is None:
                return 0
            ids = [r[0] for r in conn.execute("SELECT id FROM posts WHERE board_id = ?", (row[0],))]
            fts.unindex(conn, ids)
            conn.execute("DELETE FROM boards WHERE id = ?", (row[0],))
        return len(ids)

    # --- writing posts -----------------------------------------------------------------------------

    def upsert_stubs(self, board_id: int, stubs: Iterable[PostStub]) -> UpsertResult:
        """Store list rows in one transaction; new posts are inserted, known ones updated without blanking.

        A known post counts as changed only when what the list shows of the post itself changed (see
        :mod:`noticetui.store.changes`); its body is then owed again. New view or comment counts update
        the row and nothing else.
        """
        new: list[int] = []
        new_keys: list[str] = []
        changed: list[int] = []
        now = _now()
        with self.transaction() as conn:
            for stub in stubs:
                old = conn.execute(
                    "SELECT id, title, list_sig, posted_ts, posted_exact FROM posts WHERE board_id = ? AND key = ?",
                    (board_id, stub.key),
                ).fetchone()
                posted = stub.posted_at.isoformat() if stub.posted_at else None
                posted_ts = stub.posted_at.timestamp() if stub.posted_at else None
                if old is None:
                    sig, _ = merge_signature(None, stub)
                    values = (stub.title, stub.url, stub.request.to_json(), stub.author, posted, posted_ts,
                              stub.views, int(stub.notice), int(stub.secret), stub.reply_depth, stub.comments,
                              int(stub.has_file), stub.category, sig)  # fmt: skip
                    cur = conn.execute(
                        """INSERT INTO posts (title, url, request, author, posted_at, posted_ts, views, notice,
                               secret, reply_depth, comments, has_file, category, list_sig, board_id, key,
                               first_seen, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                        (*values, board_id, stub.key, now, now),
                    )
                    post_id = int(cur.lastrowid or 0)
                    fts.index(conn, [post_id])
                    new.append(post_id)
                    new_keys.append(stub.key)
                    continue
                post_id = int(old[0])
                sig, is_change = merge_signature(old[2], stub)
                # The post's own page may have given a fuller title: keep it unless the list shows a new one.
                title = keep_full_title(old[1], stub.title) if is_change or old[2] is None else old[1]
                # The index holds the title and the date: out while it can still read the old ones.
                moved = old[4] == 0 and posted_ts is not None and posted_ts != old[3]
                reindex = old[1] != title or moved
                if reindex:
                    fts.unindex(conn, [post_id])
                note_title(conn, post_id, old[2], old[1], stub.title, now)  # an edit keeps the old title
                conn.execute(
                    """UPDATE posts SET title = ?, url = ?, request = ?, author = coalesce(?, author),
                           posted_at = CASE WHEN posted_exact = 1 OR ? IS NULL THEN posted_at ELSE ? END,
                           posted_ts = CASE WHEN posted_exact = 1 OR ? IS NULL THEN posted_ts ELSE ? END,
                           views = coalesce(?, views), notice = ?, secret = ?, reply_depth = ?,
                           comments = coalesce(?, comments), has_file = max(has_file, ?),
                           category = coalesce(?, category), list_sig = ?,
                           body_stale = CASE WHEN ? THEN body_at IS NOT NULL ELSE body_stale END,
                           body_failures = CASE WHEN ? THEN 0 ELSE body_failures END,
                           updated_at = ? WHERE id = ?""",
                    (title, stub.url, stub.request.to_json(), stub.author, posted, posted, posted_ts,
                     posted_ts, stub.views, int(stub.notice), int(stub.secret), stub.reply_depth, stub.comments,
                     int(stub.has_file), stub.category, sig, int(is_change), int(is_change), now, post_id),
                )  # fmt: skip
                if is_change:
                    changed.append(post_id)
                if reindex:
                    fts.index(conn, [post_id])
        return UpsertResult(new, changed, new_keys)

    def save_post(self, post_id: int, post: Post) -> None:
        """Store a post's page: body, exact date and attachments.  A password page keeps the old body."""
        now = _now()
        with self.transaction() as conn:
            # Out of the index while the stored title and body are the ones it holds; back in at the end.
            fts.unindex(conn, [post_id])
            posted = post.posted_at.isoformat() if post.posted_at else None
            conn.execute(
                """UPDATE posts SET title = CASE WHEN ? != '' THEN ? ELSE title END,
                       author = coalesce(?, author), views = coalesce(?, views),
                       category = coalesce(?, category), secret = ?,
                       posted_at = coalesce(?, posted_at), posted_ts = coalesce(?, posted_ts),
                       posted_exact = CASE WHEN ? IS NULL THEN posted_exact ELSE 1 END, updated_at = ?
                   WHERE id = ?""",
                (post.title, post.title, post.author, post.views, post.category, int(post.secret), posted,
                 post.posted_at.timestamp() if post.posted_at else None, posted, now, post_id),
            )  # fmt: skip
            if post.secret and not post.body_html:
                fts.index(conn, [post_id])
                return
            conn.execute(
                "UPDATE posts SET body_at = ?, body_stale = 0, body_failures = 0, has_file = max(has_file, ?) WHERE id = ?",
                (now, int(bool(post.attachments)), post_id),
            )
            body = fts.compress_body(post.body_html)
            note_body(conn, post_id, body, now)  # an edited post keeps what it said before
            conn.execute("INSERT OR REPLACE INTO bodies (post_id, html) VALUES (?, ?)", (post_id, body))
            fts.index(conn, [post_id])
            for att in post.attachments:
                request = att.request.to_json() if att.request else None
                conn.execute(
                    """INSERT INTO attachments (post_id, idx, name, size, request) VALUES (?, ?, ?, ?, ?)
                       ON CONFLICT(post_id, idx) DO UPDATE SET name = excluded.name,
                       size = coalesce(excluded.size, size), request = coalesce(excluded.request, request)""",
                    (post_id, att.index, att.name, att.size, request),
                )

    def set_read(self, post_ids: Sequence[int], read: bool = True) -> None:
        """Mark posts read (or unread)."""
        with self.transaction() as conn:
            conn.executemany("UPDATE posts SET read = ? WHERE id = ?", [(int(read), i) for i in post_ids])

    def versions(self, post_id: int) -> list[VersionRow]:
        """The earlier versions of an edited post, oldest first (see :mod:`noticetui.store.versions`)."""
        return versions(self.conn, post_id)

    def set_saved(self, post_id: int, index: int, path: Path, sha256: str) -> None:
        """Remember where an attachment was saved and its digest."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE attachments SET saved_path = ?, sha256 = ?, saved_at = ? WHERE post_id = ? AND idx = ?",
                (str(path), sha256, _now(), post_id, index),
            )

    # --- reading posts -----------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[object]) -> list[PostRow]:
        rows = self.conn.execute(sql, params).fetchall()
        return [post_from_row(r) for r in rows]

    def posts(
        self,
        board_id: int | None = None,
        *,
        unread_only: bool = False,
        notices_first: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PostRow]:
        """Cached posts, newest first (pinned notices first when ``notices_first``); bodies not loaded."""
        sql, params = _select_posts(board_id, unread_only, notices_first)
        return self._rows(sql, [*params, -1 if limit is None else limit, offset])

    def iter_posts(
        self,
        board_id: int | None = None,
        *,
        unread_only: bool = False,
        limit: int | None = None,
        batch: int = 500,
    ) -> Iterator[list[PostRow]]:
        """Cached posts newest first, in batches read from one cursor: memory stays flat however many."""
        sql, params = _select_posts(board_id, unread_only, notices_first=False)
        # A cursor of its own: the caller may query the store between batches.
        cursor = self.conn.cursor()
        cursor.execute(sql, [*params, -1 if limit is None else limit, 0])
        while rows := cursor.fetchmany(batch):
            yield [post_from_row(r) for r in rows]

    def count_posts(self, board_id: int | None = None) -> int:
        """How many posts the cache holds (for one board)."""
        if board_id is None:
            return int(self.conn.execute("SELECT count(*) FROM posts").fetchone()[0])
        return int(self.conn.execute("SELECT count(*) FROM posts WHERE board_id = ?", (board_id,)).fetchone()[0])

    def post(self, post_id: int) -> PostRow | None:
        """One post with its body."""
        row = self.conn.execute(
            f"""SELECT {POST_COLUMNS}, d.html FROM posts p JOIN boards b ON b.id = p.board_id
                LEFT JOIN bodies d ON d.post_id = p.id WHERE p.id = ?""",
            (post_id,),
        ).fetchone()
        return None if row is None else post_from_row(row)

    def find_post(self, ref: str) -> PostRow | None:
        """The post a user named: its id, or ``BOARD:KEY``."""
        if ref.isdigit():
            return self.post(int(ref))
        board, sep, key = ref.rpartition(":")
        if not sep:
            return None
        row = self.conn.execute(
            "SELECT p.id FROM posts p JOIN boards b ON b.id = p.board_id WHERE b.name = ? AND p.key = ?",
            (board, key),
        ).fetchone()
        return None if row is None else self.post(int(row[0]))

    def post_id(self, board_id: int, key: str) -> int | None:
        """The id of the post ``key`` of a board."""
        row = self.conn.execute("SELECT id FROM posts WHERE board_id = ? AND key = ?", (board_id, key)).fetchone()
        return None if row is None else int(row[0])

    def exact_dates(self, board_id: int, keys: Sequence[str]) -> dict[str, datetime]:
        """The dates the posts ``keys`` of a board showed on their own pages (full dates, unlike many list
        rows), by key; posts without one are left out."""
        found: dict[str, datetime] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"""SELECT key, posted_at FROM posts WHERE board_id = ? AND posted_exact = 1
                    AND posted_at IS NOT NULL AND key IN ({marks})""",
                (board_id, *chunk),
            ).fetchall()
            found.update((str(key), datetime.fromisoformat(posted)) for key, posted in rows)
        return found

    def posts_without_body(self, board_id: int) -> list[PostRow]:
        """Posts of a board whose body a sync owes (never fetched, failed, or stale), newest first.

        Secret posts are left out: the site shows their body to no one without a password.
        """
        sql = f"""SELECT {POST_COLUMNS} FROM posts p JOIN boards b ON b.id = p.board_id
                  WHERE p.board_id = ? AND {OWING_BODY} ORDER BY p.posted_ts DESC, p.id DESC"""
        return self._rows(sql, [board_id])

    def attachments(self, post_ids: Sequence[int]) -> dict[int, list[AttachmentRow]]:
        """The attachments of each post, by post id, in index order."""
        result: dict[int, list[AttachmentRow]] = {i: [] for i in post_ids}
        for start in range(0, len(post_ids), 500):
            chunk = list(post_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"""SELECT post_id, idx, name, size, request, saved_path, sha256 FROM attachments
                    WHERE post_id IN ({marks}) ORDER BY post_id, idx""",
                chunk,
            ):
                request = Request.from_json(row[4]) if row[4] else None
                result[row[0]].append(AttachmentRow(row[0], row[1], row[2], row[3], request, row[5], row[6]))
        return result

    def search(self, query: str, limit: int = 100) -> list[PostRow]:
        """Posts whose title or body contains every word of ``query``, newest first (no bodies loaded).

        Words are substrings ("공고" finds "사업공고문"); a one-character word finds every occurrence of
        that character.  FTS5 syntax in ``query`` is taken literally.
        """
        return self.posts_by_id(self.search_ids(query, limit))

    def search_ids(self, query: str, limit: int = 100) -> list[int]:
        """The ids :meth:`search` would return, without building rows (cheap for search-as-you-type)."""
        return find_ids(self.conn, query, limit)  # operators (board: after: …) raise QueryError when bad

    def posts_by_id(self, post_ids: Sequence[int]) -> list[PostRow]:
        """The posts with these ids, in the order given (unknown ids left out; bodies not loaded)."""
        found: dict[int, PostRow] = {}
        for start in range(0, len(post_ids), 500):
            chunk = list(post_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {POST_COLUMNS} FROM posts p JOIN boards b ON b.id = p.board_id WHERE p.id IN ({marks})"
            found.update((r.id, r) for r in self._rows(sql, chunk))
        return [found[i] for i in post_ids if i in found]


def _select_posts(board_id: int | None, unread_only: bool, notices_first: bool) -> tuple[str, list[object]]:
    order = ("p.notice DESC, " if notices_first else "") + "p.posted_ts DESC, p.id DESC"
    return select_posts("1 = 1", board_id, unread_only, order)
