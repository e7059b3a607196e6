"""Search with operators: a query's words go to the full-text search, its operators become filters.

``board:notice after:2026-11-01 file:hwp title:공고 청년`` finds the posts of board ``notice`` from
November 1st on, with an attachment named like ``*.hwp``, ``공고`` in the title and ``청년`` anywhere.
A query of operators alone lists the posts they keep, newest first.
"""

from __future__ import annotations

import sqlite3

from noticetui.i18n import _
from noticetui.store import listing
from noticetui.store import search as fts
from noticetui.store.operators import QueryError, SearchQuery, parse_search


def board_ids(conn: sqlite3.Connection, names: tuple[str, ...]) -> tuple[int, ...]:
    """The ids of the boards named ``names``; an unknown name raises :class:`QueryError`."""
    found: list[int] = []
    for name in names:
        row = conn.execute("SELECT id FROM boards WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
        if row is None:
            raise QueryError(_("board:{name}: no such board (see noticetui boards)").format(name=name))
        found.append(int(row[0]))
    return tuple(found)


def filters(conn: sqlite3.Connection, query: SearchQuery) -> listing.ListQuery:
    """The list filters of ``query``'s operators."""
    return listing.ListQuery(
        board_ids=board_ids(conn, query.boards),
        file_names=query.files,
        after=query.after,
        before=query.before,
    )


def find_ids(conn: sqlite3.Connection, text: str, limit: int) -> list[int]:
    """Ids of the posts matching ``text`` (words and operators), newest first, at most ``limit``.

    Raises :class:`QueryError` for a bad operator value or an unknown board.
    """
    query = parse_search(text)
    narrowed = filters(conn, query)
    if not (query.words or query.title_words):
        return listing.ids(conn, narrowed, limit) if query.has_filters else []
    after = listing.day_start(query.after) if query.after else None
    before = listing.day_start(query.before) if query.before else None
    conds, params = listing.where(narrowed)
    return fts.search_ids(
        conn, query.words, limit, title=query.title_words, where=(conds, params), span=(after, before)
    )
