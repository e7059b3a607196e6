"""Full-text search over cached posts: character bigrams made in Python, indexed by FTS5, checked exactly.

Korean has no spaces inside compound words ("사업공고문"), so search must find substrings.  SQLite's
``trigram`` tokenizer cannot look up anything shorter than three characters, yet two-syllable words
(공고, 모집, 채용) are the most common queries.  So each run of letters and digits becomes its overlapping
character bigrams plus its last character on its own ("사업공고" → ``사업 업공 공고 고``), and a plain
``unicode61`` FTS5 index stores which posts hold each token — not where (``detail = none``): positions
made up three quarters of the index (cache v5; see :mod:`noticetui.store.text`).

- a query word is found where its runs occur in the post's runs (:func:`~noticetui.store.text.runs_text`)
  of the title or of the body: "공고" inside "사업공고문", "r d" for "R&D";
- a word that is one token (two letters, "공고") is looked up exactly by the index; a longer one asks the
  index for the posts holding all its tokens, newest first, and each candidate is checked against the
  runs stored with its body (:func:`_verified`) until ``limit`` are found;
- a one-character word ("고") is matched against titles only, scanning the newest posts first: any common
  syllable is in nearly every body (a body match says nothing), and FTS5's prefix query ``고*`` has to
  merge the lists of every bigram that starts with it (0.2–0.9 s at 100,000 posts);
- the words of a query are ANDed.

The index is external-content over the view ``search_source``, which computes the tokens from the stored
title and body on demand (the functions below, registered on every connection): no second copy of the text
is kept.  Taking a post out of the index hands FTS5 the tokens it holds, recomputed from what is stored, so
it must happen before the row changes (:func:`unindex`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from noticetui.store.text import (
    body_search_text,
    compress_body,
    decompress_body,
    index_tokens,
    runs,
    runs_hold,
    runs_text,
    stored_tokens,
)

__all__ = ["body_search_text", "compress_body", "decompress_body", "index_tokens", "match_expression"]


@dataclass(frozen=True)
class Word:
    """One word of a query: the index tokens a post must hold, and the runs it must hold in that order."""

    tokens: tuple[str, ...]
    prefix: bool
    """The last token is a prefix (the word ends in a one-character run: "R&D" → ``r``, ``d*``)."""
    text: bytes
    """The word's runs joined by spaces (UTF-8), looked for in a title's or body's runs."""
    exact: bool
    """One run of two characters, so one token: the index alone decides."""

    def expression(self) -> str:
        """The FTS5 query for the posts holding all its tokens (each quoted: user text is never syntax)."""
        quoted = [f'"{t}"' for t in self.tokens]
        if self.prefix:
            quoted[-1] += " *"
        return " AND ".join(quoted)


def _run_tokens(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def _word(word_runs: list[str]) -> Word:
    tokens: list[str] = []
    prefix = False
    for i, run in enumerate(word_runs):
        if i < len(word_runs) - 1:
            # Not the last run: the text must end the run here, so its last character is a token too.
            tokens += _run_tokens(run)
        elif len(run) > 1:
            tokens += [run[j : j + 2] for j in range(len(run) - 1)]
        else:
            tokens.append(run)
            prefix = True
    exact = len(word_runs) == 1 and len(word_runs[0]) == 2
    return Word(tuple(dict.fromkeys(tokens)), prefix, " ".join(word_runs).encode(), exact)


def parse_query(query: str | Sequence[str]) -> tuple[list[Word], list[str]]:
    """The words of ``query`` of two or more characters, and its one-character words.

    ``query`` is a string of words, or a sequence of them where a word may be a phrase ("청년 창업":
    its runs must follow each other).
    """
    words: list[Word] = []
    singles: list[str] = []
    for piece in query.split() if isinstance(query, str) else query:
        word_runs = runs(piece)
        if len(word_runs) == 1 and len(word_runs[0]) == 1:
            singles.append(word_runs[0])
        elif word_runs:
            words.append(_word(word_runs))
    return words, singles


def match_expression(query: str) -> str | None:
    """The FTS5 query for the words of ``query`` of two or more characters (None if it has none)."""
    words = parse_query(query)[0]
    return " AND ".join(w.expression() for w in words) if words else None


def register_functions(conn: sqlite3.Connection) -> None:
    """Make the functions the ``search_source`` view calls available on ``conn``."""
    conn.create_function("search_tokens", 1, index_tokens, deterministic=True)
    conn.create_function("search_body_tokens", 1, stored_tokens, deterministic=True)


SCHEMA = """
CREATE VIEW search_source AS
    SELECT ((coalesce(CAST(p.posted_ts AS INTEGER), 0) / 86400) << 31) + p.id AS key, p.id AS id,
           search_tokens(p.title) AS title, search_body_tokens(d.html) AS body
    FROM posts p LEFT JOIN bodies d ON d.post_id = p.id;
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, content = 'search_source', content_rowid = 'key', columnsize = 0, detail = none,
    tokenize = 'unicode61 remove_diacritics 0'
);
"""
"""The search index (cache v5): the view of tokens and the external-content FTS5 table over it.

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


def search_ids(
    conn: sqlite3.Connection,
    query: str | Sequence[str],
    limit: int,
    *,
    title: Sequence[str] = (),
    where: tuple[Sequence[str], Sequence[object]] = ((), ()),
    span: tuple[float | None, float | None] = (None, None),
) -> list[int]:
    """Ids of the posts matching every word of ``query``, newest first, at most ``limit``.

    ``title``: words that must be in the title.  ``where``: SQL conditions over ``posts p`` (the search
    operators' filters, see :func:`noticetui.store.listing.where`) and their parameters.  ``span``: the
    UNIX times the posts' dates lie in (from, before): it bounds the index's rowids (their days), so a
    date range reads only its days of the index.
    """
    words, singles = parse_query(query)
    title_words, title_singles = parse_query(title)
    singles += title_singles
    if limit <= 0 or not (words or singles or title_words):
        return []
    conds = [*where[0], *["instr(lower(p.title), ?) > 0"] * len(singles)]
    params = [*where[1], *singles]
    if not (words or title_words):
        # Newest first down the date index, stopping at ``limit``: common syllables end at once.
        sql = f"""SELECT p.id FROM posts p INDEXED BY posts_by_time WHERE {" AND ".join(conds)}
                  ORDER BY p.posted_ts DESC, p.id DESC LIMIT ?"""
        return [int(r[0]) for r in conn.execute(sql, (*params, limit))]
    cursor = _matches(conn, [*words, *title_words], conds, params, span)
    keys: Iterable[int] = (int(row[0]) for row in cursor)
    checked = [w for w in words if not w.exact]
    if checked or title_words:
        keys = _verified(conn, keys, checked, title_words)
    try:
        return _newest(conn, _whole_days(keys, limit), limit)
    finally:
        cursor.close()


def _matches(
    conn: sqlite3.Connection,
    words: list[Word],
    conds: list[str],
    params: list[object],
    span: tuple[float | None, float | None],
) -> sqlite3.Cursor:
    """A cursor over the index keys of the posts holding every word's tokens, newest day first."""
    match: list[object] = [" AND ".join(w.expression() for w in words)]
    bounds: list[str] = []
    for i, ts in enumerate(span):
        if ts is not None:
            # The day part of the rowid, widened to whole days: the exact dates are in ``conds``.
            bounds.append(("f.rowid >= ?", "f.rowid < ?")[i])
            match.append((int(ts // 86400) + i) << _ID_BITS)
    if not (bounds or conds):
        return conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC", match)
    sql = f"""SELECT f.rowid FROM search_fts f JOIN posts p ON p.id = (f.rowid & {_ID_MASK})
              WHERE search_fts MATCH ? AND {" AND ".join(bounds + conds)} ORDER BY f.rowid DESC"""
    return conn.execute(sql, (*match, *params))


_ID_MASK = (1 << _ID_BITS) - 1
_BATCH = 32  # candidates checked per query: few wasted past ``limit``, few round trips before it


def _verified(
    conn: sqlite3.Connection, keys: Iterable[int], words: list[Word], title: Sequence[Word] = ()
) -> Iterator[int]:
    """The keys (in their order) whose post's title or body holds each of ``words`` as runs, and whose
    title holds each of ``title``."""
    pending: list[int] = []
    for key in keys:
        pending.append(key)
        if len(pending) >= _BATCH:
            yield from _check(conn, pending, words, title)
            pending = []
    yield from _check(conn, pending, words, title)


def _check(conn: sqlite3.Connection, keys: list[int], words: list[Word], title: Sequence[Word] = ()) -> list[int]:
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT p.id, p.title, d.html FROM posts p LEFT JOIN bodies d ON d.post_id = p.id WHERE p.id IN ({marks})",
        [k & _ID_MASK for k in keys],
    )
    good: set[int] = set()
    for post_id, post_title, stored in rows:
        title_runs = runs_text(post_title).encode()
        if any(w.text not in title_runs for w in title):
            continue
        rest = [w.text for w in words if w.text not in title_runs]  # the body is unpacked only for these
        if not rest or runs_hold(stored, rest):
            good.add(int(post_id))
    return [k for k in keys if k & _ID_MASK in good]


def _whole_days(keys: Iterable[int], limit: int) -> list[int]:
    """The first ``limit`` keys, and the rest of the last one's day (its posts are not in time order)."""
    taken: list[int] = []
    for key in keys:
        if len(taken) >= limit and key >> _ID_BITS != taken[-1] >> _ID_BITS:
            break
        taken.append(key)
    return [k & _ID_MASK for k in taken]


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
