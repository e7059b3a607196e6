"""Edited posts: what a post said before a sync found it changed (cache v6, table ``post_versions``).

A post is *edited* when a later fetch of its page brings a body whose text differs from the stored one,
or when its list row shows a new title (the list's title is compared with the list's previous one, never
with the title of the post's own page: many boards show those differently).  The version replaced is
kept in ``post_versions`` (its body stored as ``bodies.html`` is, compressed), ``posts.edited_at`` notes
when, and the post becomes unread again: newsboat does the same for updated items, since a reader who
read the old text has not read the new one.

Only text counts: a body whose markup, image addresses or session tokens in links changed but whose
words did not is no edit (its ``runs``, kept with every stored body, are compared).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from noticetui.store.text import decompress_body, stored_runs


@dataclass(frozen=True)
class VersionRow:
    """An earlier version of a post: its title and body HTML, and when a sync found the newer one."""

    post_id: int
    seq: int
    title: str
    body_html: str
    replaced_at: str


def keep_version(conn: sqlite3.Connection, post_id: int, title: str, body: bytes | str | None, now: str) -> None:
    """Store ``title`` and ``body`` (as stored) as the post's newest earlier version; mark it edited and
    unread.  Runs inside the caller's transaction."""
    row = conn.execute("SELECT coalesce(max(seq), 0) FROM post_versions WHERE post_id = ?", (post_id,)).fetchone()
    conn.execute(
        "INSERT INTO post_versions (post_id, seq, title, body, replaced_at) VALUES (?, ?, ?, ?, ?)",
        (post_id, int(row[0]) + 1, title, body, now),
    )
    conn.execute("UPDATE posts SET edited_at = ?, read = 0 WHERE id = ?", (now, post_id))


def note_body(conn: sqlite3.Connection, post_id: int, new_body: bytes, now: str) -> bool:
    """Before ``new_body`` (stored form) replaces the post's body: keep the old one as a version when its
    text differs.  Returns whether the post counts as edited.

    When the newest version already holds the body being replaced (the list showed a new title first,
    and :func:`note_title` kept the old title with this body), that version says all: none is added.
    """
    old = conn.execute(
        "SELECT p.title, d.html FROM posts p JOIN bodies d ON d.post_id = p.id WHERE p.id = ? AND p.body_at IS NOT NULL",
        (post_id,),
    ).fetchone()
    if old is None or stored_runs(old[1]) == stored_runs(new_body):
        return False
    newest = conn.execute(
        "SELECT body FROM post_versions WHERE post_id = ? ORDER BY seq DESC LIMIT 1", (post_id,)
    ).fetchone()
    if newest is not None and newest[0] == old[1]:
        conn.execute("UPDATE posts SET edited_at = ?, read = 0 WHERE id = ?", (now, post_id))
        return True
    keep_version(conn, post_id, str(old[0]), old[1], now)
    return True


def note_title(
    conn: sqlite3.Connection, post_id: int, signature: str | None, old_title: str, listed: str, now: str
) -> None:
    """When the list shows a new title (``listed``, against the one in the stored list ``signature``) for
    a post whose body is stored: keep ``old_title`` (the one the reader saw) with that body."""
    if signature is None or listed_title(signature) == listed.strip():
        return
    body = conn.execute(
        "SELECT d.html FROM posts p JOIN bodies d ON d.post_id = p.id WHERE p.id = ? AND p.body_at IS NOT NULL",
        (post_id,),
    ).fetchone()
    if body is not None:
        keep_version(conn, post_id, old_title, body[0], now)


def versions(conn: sqlite3.Connection, post_id: int) -> list[VersionRow]:
    """The post's earlier versions, oldest first (empty for a post never edited)."""
    rows = conn.execute(
        "SELECT seq, title, body, replaced_at FROM post_versions WHERE post_id = ? ORDER BY seq", (post_id,)
    ).fetchall()
    return [VersionRow(post_id, int(r[0]), str(r[1]), decompress_body(r[2]), str(r[3])) for r in rows]


def listed_title(signature: str) -> str:
    """The title a stored list signature holds (see :mod:`noticetui.store.changes`)."""
    return str(json.loads(signature)[0])
