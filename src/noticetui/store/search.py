"""Full-text search over cached posts: character bigrams made in Python, indexed by FTS5.

Korean has no spaces inside compound words ("사업공고문"), so search must find substrings.  SQLite's
``trigram`` tokenizer cannot look up anything shorter than three characters, yet two-syllable words
(공고, 모집, 채용) are the most common queries.  So each run of letters and digits becomes its overlapping
character bigrams plus its last character on its own ("사업공고" → ``사업 업공 공고 고``), and a plain
``unicode61`` FTS5 index stores those tokens with their positions:

- a query word of two or more characters is the FTS5 *phrase* of its bigrams, which matches exactly where
  the word occurs as a substring (consecutive positions inside one run of letters);
- a one-character word ("고") is matched against titles only, scanning the newest posts first: any common
  syllable is in nearly every body (a body match says nothing), and FTS5's prefix query ``고*`` has to
  merge the lists of every bigram that starts with it (0.2–0.9 s at 100,000 posts);
- the words of a query are ANDed; punctuation inside a word ("R&D") joins its runs in one phrase.

The index is external-content over the view ``search_source``, which computes the tokens from the stored
title and body on demand (the Python functions below, registered on every connection): no second copy of
the text is kept.  Taking a post out of the index hands FTS5 the tokens it holds, recomputed from what is
stored, so it must happen before the row changes (:func:`unindex`).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import zlib

from selectolax.lexbor import LexborHTMLParser

# Text is NFKC-normalised and lower-cased first, on both sides: full-width "２０２６" and "ＡＩ" (common in
# Korean documents) find "2026" and "ai", and decomposed Hangul (from macOS file names) finds composed.
_RUN = re.compile(r"[^\W_]+")
# At each letter or digit: it and the next one when that is a letter or digit too (one C-level pass).
_TOKEN = re.compile(r"(?=([^\W_]{1,2}))")
# How a body is stored: zlib-compressed UTF-8 (cache v3); older caches held plain text.
_ZLIB_LEVEL = 6


def compress_body(html: str) -> bytes:
    """The stored form of a body's HTML."""
    return zlib.compress(html.encode("utf-8"), _ZLIB_LEVEL)


def decompress_body(stored: str | bytes | None) -> str:
    """A body's HTML from its stored form (plain text left by an older cache is returned as is)."""
    if stored is None:
        return ""
    if isinstance(stored, bytes):
        return zlib.decompress(stored).decode("utf-8")
    return stored


def body_search_text(html: str) -> str:
    """The text of a body for the search index (tags dropped, scripts and styles left out)."""
    if not html:
        return ""
    doc = LexborHTMLParser(html)
    for junk in doc.css("script, style, template"):
        junk.decompose()
    root = doc.body or doc.root
    return " ".join((root.text(separator=" ") if root is not None else "").split())


def _runs(text: str) -> list[str]:
    return _RUN.findall(unicodedata.normalize("NFKC", text).lower())


def _run_tokens(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_tokens(text: str) -> str:
    """The space-separated tokens the index stores for ``text``: ``_run_tokens`` of each run, in order."""
    return " ".join(_TOKEN.findall(unicodedata.normalize("NFKC", text).lower()))


def _word_phrase(runs: list[str]) -> str:
    tokens: list[str] = []
    for i, run in enumerate(runs):
        if i < len(runs) - 1:
            # Not the last run: the text must end the run here, so its last character is a token too.
            tokens += _run_tokens(run)
        elif len(run) > 1:
            tokens += [run[j : j + 2] for j in range(len(run) - 1)]
        else:
            return '"' + " ".join([*tokens, run]) + '" *'
    return '"' + " ".join(tokens) + '"'


def parse_query(query: str) -> tuple[str | None, list[str]]:
    """The FTS5 query for the words of ``query`` of two or more characters, and its one-character words.

    User text never reaches FTS5 syntax: only letters and digits become tokens, each phrase quoted.
    """
    phrases: list[str] = []
    singles: list[str] = []
    for word in query.split():
        runs = _runs(word)
        if len(runs) == 1 and len(runs[0]) == 1:
            singles.append(runs[0])
        elif runs:
            phrases.append(_word_phrase(runs))
    return (" AND ".join(phrases) if phrases else None), singles


def match_expression(query: str) -> str | None:
    """The FTS5 query for the words of ``query`` of two or more characters (None if it has none)."""
    return parse_query(query)[0]


def _body_tokens(stored: str | bytes | None) -> str:
    return index_tokens(body_search_text(decompress_body(stored)))


def register_functions(conn: sqlite3.Connection) -> None:
    """Make the functions the ``search_source`` view calls available on ``conn``."""
    conn.create_function("search_tokens", 1, index_tokens, deterministic=True)
    conn.create_function("search_body_tokens", 1, _body_tokens, deterministic=True)


SCHEMA = """
CREATE VIEW search_source AS
    SELECT ((coalesce(CAST(p.posted_ts AS INTEGER), 0) / 86400) << 31) + p.id AS key, p.id AS id,
           search_tokens(p.title) AS title, search_body_tokens(d.html) AS body
    FROM posts p LEFT JOIN bodies d ON d.post_id = p.id;
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, content = 'search_source', content_rowid = 'key', columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 0'
);
"""
"""The search index (cache v3): the view of tokens and the external-content FTS5 table over it.

An index row's rowid is the post's day (UTC, from ``posted_ts``) above its id (31 bits): FTS5 walks its
matches in rowid order, so reading ``ORDER BY rowid DESC`` yields the newest days first and can stop after
the day of the ``limit``-th match, however common the word (:func:`search_ids` then orders that handful
exactly).  Days rather than seconds keep rowids close together, and FTS5 stores each as a delta from the
last: the index is about a quarter smaller.  The rowid moves when the date does, so callers take a post
out of the index before they change its title, date or body and put it back after (:func:`unindex`,
:func:`index`).
"""

_ID_BITS = 31


def unindex(conn: sqlite3.Connection, post_ids: list[int]) -> None:
    """Take posts out of the index: call it *before* their title, date or body changes (or they go)."""
    conn.executemany(
        """INSERT INTO search_fts (search_fts, rowid, title, body)
           SELECT 'delete', key, title, body FROM search_source WHERE id = ?""",
        [(i,) for i in post_ids],
    )


def index(conn: sqlite3.Connection, post_ids: list[int]) -> None:
    """Add posts to the index from what is stored now."""
    conn.executemany(
        "INSERT INTO search_fts (rowid, title, body) SELECT key, title, body FROM search_source WHERE id = ?",
        [(i,) for i in post_ids],
    )


def search_ids(conn: sqlite3.Connection, query: str, limit: int) -> list[int]:
    """Ids of the posts matching every word of ``query``, newest first, at most ``limit``."""
    match, singles = parse_query(query)
    if limit <= 0:
        return []
    in_title = " AND ".join(["instr(lower(p.title), ?) > 0"] * len(singles))
    if match is None and not singles:
        return []
    if match is None:
        # Newest first down the date index, stopping at ``limit``: common syllables end at once.
        sql = f"""SELECT p.id FROM posts p INDEXED BY posts_by_time WHERE {in_title}
                  ORDER BY p.posted_ts DESC, p.id DESC LIMIT ?"""
        return [int(r[0]) for r in conn.execute(sql, (*singles, limit))]
    if singles:
        sql = f"""SELECT f.rowid FROM search_fts f JOIN posts p ON p.id = (f.rowid & {_ID_MASK})
                  WHERE search_fts MATCH ? AND {in_title} ORDER BY f.rowid DESC"""
        cursor = conn.execute(sql, (match, *singles))
    else:
        cursor = conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC", (match,))
    return _newest(conn, _whole_days(cursor, limit), limit)


_ID_MASK = (1 << _ID_BITS) - 1


def _whole_days(cursor: sqlite3.Cursor, limit: int) -> list[int]:
    """The first ``limit`` rowids, and the rest of the last one's day (its posts are not in time order)."""
    keys: list[int] = []
    for (key,) in cursor:
        if len(keys) >= limit and key >> _ID_BITS != keys[-1] >> _ID_BITS:
            break
        keys.append(int(key))
    cursor.close()
    return [k & _ID_MASK for k in keys]


def _newest(conn: sqlite3.Connection, ids: list[int], limit: int) -> list[int]:
    # posted_ts DESC, id DESC, undated last: the order of Store.posts.
    dated: list[tuple[bool, float, int]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for post_id, ts in conn.execute(f"SELECT id, posted_ts FROM posts WHERE id IN ({marks})", chunk):
            dated.append((ts is not None, ts or 0.0, int(post_id)))
    dated.sort(reverse=True)
    return [post_id for _, _, post_id in dated[:limit]]
