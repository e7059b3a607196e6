"""The cache database's schema and its forward migrations.

``PRAGMA user_version`` holds the schema version.  Each migration takes the database from one version to
the next; opening an older cache runs the missing ones in a transaction, and a cache written by a newer
noticetui is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeAlias

from noticetui.store import search

V1 = """
CREATE TABLE boards (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    url         TEXT NOT NULL,
    engine      TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    last_sync   TEXT,            -- when a sync last finished, ISO 8601
    last_ok     TEXT,            -- when a sync last succeeded
    last_error  TEXT             -- the last sync's error, NULL after a success
);
CREATE TABLE posts (
    id           INTEGER PRIMARY KEY,
    board_id     INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    title        TEXT NOT NULL,
    url          TEXT NOT NULL,
    request      TEXT NOT NULL,  -- models.Request as JSON: how to fetch the post
    author       TEXT,
    posted_at    TEXT,           -- ISO 8601 with offset
    posted_ts    REAL,           -- the same as a UNIX time, for ordering
    posted_exact INTEGER NOT NULL DEFAULT 0,  -- 1 once the date came from the post's own page
    views        INTEGER,
    notice       INTEGER NOT NULL DEFAULT 0,
    secret       INTEGER NOT NULL DEFAULT 0,
    reply_depth  INTEGER NOT NULL DEFAULT 0,
    comments     INTEGER,
    has_file     INTEGER NOT NULL DEFAULT 0,
    category     TEXT,
    body_html    TEXT,
    body_at      TEXT,           -- when the body was fetched
    read         INTEGER NOT NULL DEFAULT 0,
    first_seen   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (board_id, key)
);
CREATE INDEX posts_by_board ON posts (board_id, notice DESC, posted_ts DESC, id DESC);
CREATE INDEX posts_by_time ON posts (posted_ts DESC, id DESC);
CREATE TABLE attachments (
    post_id     INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    size        INTEGER,
    request     TEXT,            -- models.Request as JSON, as last seen (nonces expire)
    saved_path  TEXT,
    sha256      TEXT,
    saved_at    TEXT,
    PRIMARY KEY (post_id, idx)
);
-- Full-text search over titles and bodies; rowid = posts.id.  The trigram tokenizer finds Korean
-- substrings, which word tokenizers cannot split.
CREATE VIRTUAL TABLE posts_fts USING fts5(title, body, tokenize = 'trigram');
"""

V2 = """
-- Bodies move out of the posts table: listing posts then reads small rows only, never a body's pages.
CREATE TABLE bodies (
    post_id INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    html    TEXT NOT NULL
);
INSERT INTO bodies (post_id, html) SELECT id, body_html FROM posts WHERE body_html IS NOT NULL;
ALTER TABLE posts DROP COLUMN body_html;
-- Unread counts per board (the boards pane, on every first paint) without scanning every post.
CREATE INDEX posts_unread ON posts (board_id) WHERE read = 0;
-- The all-boards list, pinned notices first.
CREATE INDEX posts_pinned ON posts (notice DESC, posted_ts DESC, id DESC);
"""

BODY_TRIES = 3
"""Failed fetches after which a post's body is no longer owed by routine syncs (a deleted post, say) until
the list shows the post changed; ``show`` still tries."""

V4 = f"""
-- What the list showed of each post at the last sync (title, day, files, edit marker; JSON): the body is
-- fetched again only when that changes, never for a new view or comment count.
ALTER TABLE posts ADD COLUMN list_sig TEXT;
-- 1 when the list showed such a change after the body was fetched: a sync owes the post its body again.
ALTER TABLE posts ADD COLUMN body_stale INTEGER NOT NULL DEFAULT 0;
-- Body fetches that failed in a row; reset by a fetch that works or by a change the list shows.
ALTER TABLE posts ADD COLUMN body_failures INTEGER NOT NULL DEFAULT 0;
-- The posts a sync owes a body (never fetched, failed fewer than BODY_TRIES times, or stale), found by one
-- indexed look-up.
CREATE INDEX posts_owing_body ON posts (board_id, posted_ts DESC, id DESC)
    WHERE (body_at IS NULL OR body_stale = 1) AND secret = 0 AND body_failures < {BODY_TRIES};
-- 1 while a sync is reading the board's list pages: still 1 at the next sync means that reading was cut
-- short (Ctrl-C, a kill), and the next sync reads every page again instead of stopping at "nothing new".
ALTER TABLE boards ADD COLUMN list_pending INTEGER NOT NULL DEFAULT 0;
"""
# V4 touches only columns and indexes of ``posts`` and ``boards``, not the search index of v3.


V6 = """
-- When the user starred the post (ISO 8601), NULL when it is not starred: the Starred view, newest star first.
ALTER TABLE posts ADD COLUMN starred_at TEXT;
CREATE INDEX posts_starred ON posts (starred_at DESC) WHERE starred_at IS NOT NULL;
-- When a sync found the post's body changed since it was first read (ISO 8601), NULL otherwise.
ALTER TABLE posts ADD COLUMN edited_at TEXT;
-- Earlier versions of an edited post: what it said before each change a sync found (newest has the
-- highest seq).  The body is stored as the bodies table stores it (compressed).
CREATE TABLE post_versions (
    post_id     INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    title       TEXT NOT NULL,
    body        BLOB,
    replaced_at TEXT NOT NULL,   -- when the sync found the newer version
    PRIMARY KEY (post_id, seq)
);
"""
# V6 adds columns and a table; nothing of the search index.


V7 = """
-- The post list sorted by title or by views (g), a page at a time in either direction (G), without
-- sorting every post for each page (see noticetui.store.listing).
CREATE INDEX posts_by_title ON posts (title, posted_ts DESC, id DESC);
CREATE INDEX posts_by_views ON posts (coalesce(views, -1) DESC, posted_ts DESC, id DESC);
"""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def v3(conn: sqlite3.Connection) -> None:
    """Search by bigrams over the stored text (no copy of it) and zlib-compressed bodies.

    The trigram index kept a second copy of every title and body and could not look up two-syllable
    words; see :mod:`noticetui.store.search`.  Bodies shrink to about a third compressed.
    """
    conn.create_function("compress_body", 1, search.compress_body, deterministic=True)
    conn.execute("DROP TABLE posts_fts")
    # Bodies are written in today's form at once (v5 would rewrite them again otherwise).
    conn.execute("UPDATE bodies SET html = compress_body(html) WHERE typeof(html) = 'text'")
    # The index in today's form at once: v5 drops and rebuilds it in any case, so the form v3 first built
    # (with positions) would only be thrown away.
    _run_script(conn, search.SCHEMA)
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")


def v5(conn: sqlite3.Connection) -> None:
    """A search index without positions, and each body stored with its runs text for checking matches.

    Positions were three quarters of the v3 index (4.4 KB a post at 100,000 posts); without them a word of
    three or more letters finds candidates that search checks against the runs kept with the body (about
    150 bytes a post, compressed with the HTML).  Needs only v3's tables, so it applies on v3 or v4.
    """
    conn.create_function("compress_body", 1, search.compress_body, deterministic=True)
    conn.create_function("decompress_body", 1, search.decompress_body, deterministic=True)
    conn.execute("DROP TABLE search_fts")
    conn.execute("DROP VIEW search_source")
    conn.execute(
        "UPDATE bodies SET html = compress_body(decompress_body(html))"
        " WHERE typeof(html) = 'text' OR substr(html, 1, 1) != x'05'"
    )
    _run_script(conn, search.SCHEMA)
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")


Migration: TypeAlias = str | Callable[[sqlite3.Connection], None]
"""An SQL script, or a function for steps SQL alone cannot do (run inside the step's transaction)."""

MIGRATIONS: list[Migration] = [V1, V2, v3, V4, v5, V6, V7]
"""MIGRATIONS[n] takes a database from version n to n + 1."""

LATEST = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The cache was written by a newer noticetui."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to :data:`LATEST`; returns the version it had before."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > LATEST:
        raise SchemaTooNew(f"schema version {version} is newer than this noticetui understands ({LATEST})")
    search.register_functions(conn)
    for step in range(version, LATEST):
        # One transaction per step: a failed migration leaves the cache as it was.
        migration = MIGRATIONS[step]
        try:
            if isinstance(migration, str):
                conn.executescript(f"BEGIN;\n{migration}\nPRAGMA user_version = {step + 1};\nCOMMIT;")
            else:
                conn.execute("BEGIN")
                migration(conn)
                conn.execute(f"PRAGMA user_version = {step + 1}")
                conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    if 0 < version < 5 <= LATEST:
        # The old search index's pages are free now; give them back to the file system (once).
        conn.execute("VACUUM")
    return version
