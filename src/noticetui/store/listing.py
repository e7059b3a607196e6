"""One query builder for every list of posts: filters, sort order and how pinned notices show.

The TUI's lists (a board, all boards, with the filters of ``F``) and ``noticetui list`` describe what
they want as a :class:`ListQuery`; :func:`fetch` reads one page of it (``LIMIT``/``OFFSET``, so the list
can page through 100,000 posts) and :func:`count` counts it.  Search narrows its results with the same
filters (:func:`where`).

Pinned notices (``notices``):
- ``"first"`` — a single board: its notices once, at the top, as the board itself shows them;
- ``"once"`` — the mixed list of all boards: newest first, notices not pinned, and a notice that several
  boards carry with the same title (boards of one site often do) shown once, its row counting the other
  boards (:attr:`~noticetui.store.records.PostRow.also_on`): a reader of many boards wants the news, not
  a wall of the same notice;
- ``"mixed"`` — every post in the plain order (the CLI: scripts expect every row).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Literal, get_args

from noticetui.models import SEOUL
from noticetui.store.records import POST_COLUMNS, PostRow, post_from_row
from noticetui.watch import matches

SortKey = Literal["date", "board", "title", "views"]
SORT_KEYS: tuple[SortKey, ...] = get_args(SortKey)
"""The orders a list can have; each has its natural direction (newest, A→Z, A→Z, most viewed first)."""

Notices = Literal["first", "once", "mixed"]


@dataclass(frozen=True)
class ListQuery:
    """Which posts a list shows and in what order (every filter off: all posts, newest first)."""

    board_ids: tuple[int, ...] = ()
    """Only these boards (empty: every board)."""
    unread: bool = False
    """Only unread posts."""
    starred: bool = False
    """Only starred posts."""
    has_file: bool = False
    """Only posts with attachments."""
    file_names: tuple[str, ...] = ()
    """Only posts with an attachment whose name holds each of these (case-insensitive)."""
    watched: Mapping[str, tuple[str, ...]] | None = field(default=None, compare=False)
    """Only posts whose title holds a watched word: board name → its words (``""``: every other board)."""
    after: date | None = None
    """Only posts from this (Korean) day on."""
    before: date | None = None
    """Only posts before this (Korean) day."""
    sort: SortKey = "date"
    reverse: bool = False
    """The other way round from the sort key's natural direction."""
    notices: Notices = "mixed"

    @property
    def filtered(self) -> bool:
        """Whether any filter but the board narrows the list."""
        return bool(
            self.unread
            or self.starred
            or self.has_file
            or self.file_names
            or self.watched is not None
            or self.after
            or self.before
        )


def day_start(day: date) -> float:
    """The UNIX time at which ``day`` begins in Korea (+09:00, the boards' zone)."""
    return datetime.combine(day, time(), SEOUL).timestamp()


def where(query: ListQuery, post: str = "p", board: str = "b") -> tuple[list[str], list[object]]:
    """SQL conditions (over the aliases ``post`` and ``board``) and their parameters for the filters."""
    conds: list[str] = []
    params: list[object] = []
    if query.board_ids:
        conds.append(f"{post}.board_id IN ({','.join('?' * len(query.board_ids))})")
        params += query.board_ids
    if query.unread:
        conds.append(f"{post}.read = 0")
    if query.starred:
        conds.append(f"{post}.starred_at IS NOT NULL")
    if query.has_file:
        conds.append(f"{post}.has_file = 1")
    for name in query.file_names:
        conds.append(
            f"EXISTS (SELECT 1 FROM attachments a WHERE a.post_id = {post}.id AND instr(lower(a.name), lower(?)) > 0)"
        )
        params.append(name)
    if query.after is not None:
        conds.append(f"{post}.posted_ts >= ?")
        params.append(day_start(query.after))
    if query.before is not None:
        conds.append(f"{post}.posted_ts < ?")
        params.append(day_start(query.before))
    if query.watched is not None:
        conds.append(f"noticetui_watched({board}.name, {post}.title)")
    return conds, params


def _register_watch(conn: sqlite3.Connection, query: ListQuery) -> None:
    """Make ``noticetui_watched(board, title)`` match the query's watch words (noticetui.watch's matcher)."""
    if query.watched is None:
        return
    words = dict(query.watched)
    common = words.get("", ())

    def watched(board: str, title: str) -> bool:
        return bool(matches(title, words.get(board, common)))

    conn.create_function("noticetui_watched", 2, watched, deterministic=True)


_ORDER: dict[SortKey, tuple[str, bool]] = {
    # key: (expression, whether its natural direction is descending)
    "date": ("p.posted_ts {d}, p.id {d}", True),
    "board": ("b.name {d}, p.posted_ts DESC, p.id DESC", False),
    "title": ("p.title {d}, p.posted_ts DESC, p.id DESC", False),
    "views": ("coalesce(p.views, -1) {d}, p.posted_ts DESC, p.id DESC", True),
}


def _order(query: ListQuery) -> str:
    expression, descending = _ORDER[query.sort]
    order = expression.format(d="DESC" if descending != query.reverse else "ASC")
    return ("p.notice DESC, " if query.notices == "first" else "") + order


def _same_notice(query: ListQuery, compare: str) -> tuple[str, list[object]]:
    """Other notices with the row's title that the filters keep (``compare``: how their id relates)."""
    conds, params = where(query, "q", "qb")
    conds = ["q.notice = 1", "q.title = p.title", f"q.id {compare} p.id", *conds]
    join = " JOIN boards qb ON qb.id = q.board_id" if query.watched is not None else ""
    return f"FROM posts q{join} WHERE {' AND '.join(conds)}", params


def _select(query: ListQuery, columns: str) -> tuple[str, list[object]]:
    conds, params = where(query)
    if query.notices == "once":
        # A notice other boards also carry is listed once: on the first board that stored it.
        earlier, more = _same_notice(query, "<")
        conds.append(f"NOT (p.notice = 1 AND EXISTS (SELECT 1 {earlier}))")
        params += more
    sql = f"SELECT {columns} FROM posts p JOIN boards b ON b.id = p.board_id"
    return sql + (f" WHERE {' AND '.join(conds)}" if conds else ""), params


def _statement(query: ListQuery, limit: int, offset: int) -> tuple[str, list[object]]:
    columns = POST_COLUMNS
    extra: list[object] = []
    if query.notices == "once":
        others, extra = _same_notice(query, "!=")
        columns += f", CASE WHEN p.notice = 1 THEN (SELECT count(DISTINCT q.board_id) {others}) ELSE 0 END"
    sql, params = _select(query, columns)
    return f"{sql} ORDER BY {_order(query)} LIMIT ? OFFSET ?", [*extra, *params, limit, offset]


def _row(row: tuple[object, ...]) -> PostRow:
    if len(row) == 18:
        return post_from_row(row)
    return replace(post_from_row(row[:18]), also_on=int(str(row[18])))


def fetch(conn: sqlite3.Connection, query: ListQuery, limit: int = -1, offset: int = 0) -> list[PostRow]:
    """Rows ``offset`` to ``offset + limit`` of the list (``limit`` -1: to the end); bodies not loaded."""
    _register_watch(conn, query)
    return [_row(r) for r in conn.execute(*_statement(query, limit, offset))]


def iter_batches(
    conn: sqlite3.Connection, query: ListQuery, limit: int | None = None, batch: int = 500
) -> Iterator[list[PostRow]]:
    """The whole list (its first ``limit`` rows) in batches read from one cursor: memory stays flat."""
    _register_watch(conn, query)
    # A cursor of its own: the caller may query the store between batches.
    cursor = conn.cursor()
    try:
        cursor.execute(*_statement(query, -1 if limit is None else limit, 0))
        while rows := cursor.fetchmany(batch):
            yield [_row(r) for r in rows]
    finally:
        cursor.close()


def count(conn: sqlite3.Connection, query: ListQuery) -> int:
    """How many rows the list has."""
    _register_watch(conn, query)
    sql, params = _select(query, "count(*)")
    return int(conn.execute(sql, params).fetchone()[0])


def ids(conn: sqlite3.Connection, query: ListQuery, limit: int) -> list[int]:
    """The ids of the list's first ``limit`` posts (search with operators only)."""
    _register_watch(conn, query)
    sql, params = _select(query, "p.id")
    return [int(r[0]) for r in conn.execute(f"{sql} ORDER BY {_order(query)} LIMIT ?", [*params, limit])]
