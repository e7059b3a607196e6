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
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any, Literal, get_args

from noticetui.models import SEOUL
from noticetui.store.records import POST_COLUMNS, PostRow, post_from_row

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


def _folded(text: str) -> str:
    # noticetui.watch's folding (NFC, case, no white space), in C-speed calls: it runs once per post.
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def _register_watch(conn: sqlite3.Connection, query: ListQuery) -> None:
    """Make ``noticetui_watched(board, title)`` match as :func:`noticetui.watch.matches` does."""
    if query.watched is None:
        return
    needles = {board: [n for w in words if (n := _folded(w))] for board, words in query.watched.items()}
    common = needles.get("", [])

    def watched(board: str, title: str) -> bool:
        found = needles.get(board, common)
        return bool(found) and any(n in _folded(title) for n in found)

    conn.create_function("noticetui_watched", 2, watched, deterministic=True)


_ORDER: dict[SortKey, tuple[tuple[str, bool], ...]] = {
    # The columns of each order, each with its natural direction (True: descending).  Reversing turns
    # every column around, so the list is exactly the other way up and an index serves both ways.
    "date": (("p.posted_ts", True), ("p.id", True)),
    "board": (("b.name", False), ("p.notice", True), ("p.posted_ts", True), ("p.id", True)),
    "title": (("p.title", False), ("p.posted_ts", True), ("p.id", True)),
    "views": (("coalesce(p.views, -1)", True), ("p.posted_ts", True), ("p.id", True)),
}


def _order(query: ListQuery) -> str:
    columns = [f"{c} {'DESC' if desc != query.reverse else 'ASC'}" for c, desc in _ORDER[query.sort]]
    # A single board's notices stay on top whichever way its list runs, as the board shows them.
    return ", ".join((["p.notice DESC"] if query.notices == "first" else []) + columns)


def _needs_boards(query: ListQuery, ordered: bool) -> bool:
    return query.watched is not None or (ordered and query.sort == "board")


def notice_groups(conn: sqlite3.Connection, query: ListQuery) -> dict[int, int]:
    """For ``notices="once"``: each pinned notice the filters keep → how many other boards carry it
    (same title), or -1 for a repeat the list leaves out (the notice first stored stands for them all).

    Notices are few (a board pins a handful), so grouping them here costs one indexed read of them.
    """
    _register_watch(conn, query)
    conds, params = where(query)
    join = " JOIN boards b ON b.id = p.board_id" if _needs_boards(query, False) else ""
    sql = f"SELECT p.id, p.board_id, p.title FROM posts p{join} WHERE {' AND '.join(['p.notice = 1', *conds])}"
    groups: dict[str, list[tuple[int, int]]] = {}
    for post_id, board_id, title in conn.execute(sql, params):
        groups.setdefault(title, []).append((int(post_id), int(board_id)))
    found: dict[int, int] = {}
    for members in groups.values():
        members.sort()
        first_id, first_board = members[0]
        found[first_id] = len({board for _, board in members} - {first_board})
        found.update((post_id, -1) for post_id, _ in members[1:])
    return found


def notice_copies(conn: sqlite3.Connection, post_id: int) -> list[int]:
    """The ids of the pinned notices with the title of notice ``post_id`` (itself included), on any board."""
    sql = """SELECT q.id FROM posts p JOIN posts q ON q.notice = 1 AND q.title = p.title
             WHERE p.id = ? AND p.notice = 1 ORDER BY q.id"""
    return [int(r[0]) for r in conn.execute(sql, (post_id,))]


def _select(query: ListQuery, columns: str, repeats: list[int], ordered: bool) -> tuple[str, list[object]]:
    conds, params = where(query)
    if repeats:
        # By id (the rowid, in every index): skipping rows never reads them.
        conds.append(f"p.id NOT IN ({','.join('?' * len(repeats))})")
        params += repeats
    join = " JOIN boards b ON b.id = p.board_id" if columns == POST_COLUMNS or _needs_boards(query, ordered) else ""
    sql = f"SELECT {columns} FROM posts p{join}"
    return sql + (f" WHERE {' AND '.join(conds)}" if conds else ""), params


def _groups(conn: sqlite3.Connection, query: ListQuery) -> tuple[dict[int, int], list[int]]:
    if query.notices != "once":
        return {}, []
    groups = notice_groups(conn, query)
    return groups, [post_id for post_id, others in groups.items() if others < 0]


def _rows(rows: Iterable[Sequence[Any]], groups: dict[int, int]) -> list[PostRow]:
    found = [post_from_row(r) for r in rows]
    return [replace(r, also_on=groups[r.id]) if groups.get(r.id, 0) > 0 else r for r in found]


def fetch(
    conn: sqlite3.Connection,
    query: ListQuery,
    limit: int = -1,
    offset: int = 0,
    groups: dict[int, int] | None = None,
) -> list[PostRow]:
    """Rows ``offset`` to ``offset + limit`` of the list (``limit`` -1: to the end); bodies not loaded.

    ``groups``: :func:`notice_groups` of ``query`` when the caller keeps them (a list read page by page).
    """
    _register_watch(conn, query)
    if groups is None or query.notices != "once":
        groups, repeats = _groups(conn, query)
    else:
        repeats = [post_id for post_id, others in groups.items() if others < 0]
    sql, params = _select(query, POST_COLUMNS, repeats, True)
    return _rows(conn.execute(f"{sql} ORDER BY {_order(query)} LIMIT ? OFFSET ?", [*params, limit, offset]), groups)


def iter_batches(
    conn: sqlite3.Connection, query: ListQuery, limit: int | None = None, batch: int = 500
) -> Iterator[list[PostRow]]:
    """The whole list (its first ``limit`` rows) in batches read from one cursor: memory stays flat."""
    _register_watch(conn, query)
    groups, repeats = _groups(conn, query)
    sql, params = _select(query, POST_COLUMNS, repeats, True)
    # A cursor of its own: the caller may query the store between batches.
    # Not closed in a ``finally``: a generator left unfinished (``list | head``) is collected after the
    # store has closed, and the cursor goes with its connection anyway.
    cursor = conn.cursor()
    cursor.execute(f"{sql} ORDER BY {_order(query)} LIMIT ?", [*params, -1 if limit is None else limit])
    while rows := cursor.fetchmany(batch):
        yield _rows(rows, groups)


def count(conn: sqlite3.Connection, query: ListQuery) -> int:
    """How many rows the list has."""
    _register_watch(conn, query)
    _, repeats = _groups(conn, query)
    sql, params = _select(query, "count(*)", [], False)
    # The repeats are counted apart (they are few): ``NOT IN`` would make the count read every row.
    return int(conn.execute(sql, params).fetchone()[0]) - len(repeats)


def ids(conn: sqlite3.Connection, query: ListQuery, limit: int) -> list[int]:
    """The ids of the list's first ``limit`` posts (search with operators only)."""
    _register_watch(conn, query)
    _, repeats = _groups(conn, query)
    sql, params = _select(query, "p.id", repeats, True)
    return [int(r[0]) for r in conn.execute(f"{sql} ORDER BY {_order(query)} LIMIT ?", [*params, limit])]


def _memory_key(row: PostRow, sort: SortKey) -> tuple[str, int]:
    if sort == "board":
        return row.board, 0
    if sort == "title":
        return row.title, 0
    if sort == "views":
        return "", -(row.views if row.views is not None else -1)
    return "", 0


def sort_rows(rows: Sequence[PostRow], sort: SortKey, reverse: bool) -> list[PostRow]:
    """Rows already in memory (search results) in the order a list sorted by ``sort`` has."""
    newest = sorted(
        rows, key=lambda r: (r.posted_at is not None, r.posted_at.timestamp() if r.posted_at else 0.0, r.id)
    )
    newest.reverse()  # newest first: the tie-breaker of every order
    ordered = sorted(newest, key=lambda r: _memory_key(r, sort))  # stable: equal keys stay newest first
    return ordered[::-1] if reverse else ordered


def _numbered(conn: sqlite3.Connection, query: ListQuery) -> tuple[str, list[object]]:
    """Every row of the list as ``(id, read, n)``, ``n`` its row index from 0 as :func:`fetch` pages it
    (shared notices' repeats left out before numbering): a subquery to step through."""
    _register_watch(conn, query)
    _, repeats = _groups(conn, query)
    conds, params = where(query)
    if repeats:
        conds.append(f"p.id NOT IN ({','.join('?' * len(repeats))})")
        params += repeats
    join = " JOIN boards b ON b.id = p.board_id" if _needs_boards(query, True) else ""
    number = f"row_number() OVER (ORDER BY {_order(query)}) - 1"
    sql = f"SELECT p.id AS id, p.read AS read, {number} AS n FROM posts p{join}"
    return sql + (f" WHERE {' AND '.join(conds)}" if conds else ""), params


def position(conn: sqlite3.Connection, query: ListQuery, post_id: int) -> int | None:
    """Where post ``post_id`` stands in the list (row index from 0, as :func:`fetch` pages it), or None."""
    sql, params = _numbered(conn, query)
    return position_in(conn, sql, params, post_id)


def position_in(conn: sqlite3.Connection, numbered: str, params: list[object], post_id: int) -> int | None:
    """Where post ``post_id`` stands in the list that ``numbered`` numbers (``(id, read, n)`` rows), or None."""
    row = conn.execute(f"SELECT n FROM ({numbered}) WHERE id = ?", [*params, post_id]).fetchone()
    return None if row is None else int(row[0])


def next_unread(
    conn: sqlite3.Connection,
    query: ListQuery,
    post_id: int | None,
    *,
    backwards: bool = False,
    inclusive: bool = False,
) -> int | None:
    """The id of the first unread post after post ``post_id`` in the list's own order (its filters and
    sort), before it when ``backwards``, wrapping round at the list's end (start).  From the list's start
    (end) when ``post_id`` is None or not in the list; ``post_id`` itself counts when ``inclusive``.

    ``query.unread`` is ignored: the post being read is no longer unread but still marks the place.
    One numbered pass over the list in SQL, whatever its size (the TUI runs it off the UI loop).
    """
    sql, params = _numbered(conn, replace(query, unread=False))
    return unread_in(conn, sql, params, post_id, backwards=backwards, inclusive=inclusive)


def unread_in(
    conn: sqlite3.Connection,
    numbered: str,
    params: list[object],
    post_id: int | None,
    *,
    backwards: bool = False,
    inclusive: bool = False,
) -> int | None:
    """:func:`next_unread` in the list that ``numbered`` numbers (``(id, read, n)`` rows, see :func:`_numbered`)."""
    after = ">=" if inclusive else ">"
    before = "<=" if inclusive else "<"
    here = "(SELECT n FROM list WHERE id = ?)"
    if backwards:
        rank = f"CASE WHEN n {before} coalesce({here}, 1e18) THEN 0 ELSE 1 END, n DESC"
    else:
        rank = f"CASE WHEN n {after} coalesce({here}, -1) THEN 0 ELSE 1 END, n"
    found = conn.execute(
        f"WITH list AS ({numbered}) SELECT id FROM list WHERE read = 0 ORDER BY {rank} LIMIT 1", [*params, post_id]
    ).fetchone()
    return None if found is None else int(found[0])
