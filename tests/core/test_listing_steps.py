"""Stepping through a list in its own order (``n``/``p`` of the TUI): a post's row index and the next or
previous unread post, for every sort, filter and kind of notices, checked against the rows :func:`fetch`
pages out."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from noticetui.models import SEOUL, PostStub, Request
from noticetui.store import ListQuery, Store, listing

WORDS = ("공고", "안내", "설명회", "채용", "휴관")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Three boards of 20 posts (titles, views and days mixed; every third post read), each pinning a
    notice the others pin too."""
    s = Store.open(tmp_path / "cache.sqlite3")
    for b, board in enumerate(("alpha", "beta", "gamma")):
        board_id = s.ensure_board(board, f"http://x.kr/{board}", "gnuboard")
        stubs = [
            PostStub(
                key=str(i),
                title=f"{WORDS[(i * 7 + b) % len(WORDS)]} {(i * 13 + b * 5) % 17}",
                url=f"http://x.kr/{board}?wr_id={i}",
                request=Request(f"http://x.kr/{board}?wr_id={i}"),
                posted_at=datetime(2026, 11, 1 + (i * 3 + b) % 28, 9, tzinfo=SEOUL),
                views=None if i % 5 == 0 else (i * 37) % 11,
                notice=i == 0,
            )
            for i in range(20)
        ]
        stubs[0] = replace(stubs[0], title="주차장 이용 안내")
        s.upsert_stubs(board_id, stubs)
    read = [int(r[0]) for r in s.conn.execute("SELECT id FROM posts WHERE id % 3 = 0")]
    s.set_read(read)
    yield s
    s.close()


QUERIES = {
    "all boards": ListQuery(notices="once"),
    "one board": ListQuery(board_ids=(2,), notices="first"),
    "by title": ListQuery(sort="title", notices="once"),
    "by board": ListQuery(sort="board", notices="once"),
    "by views, reversed": ListQuery(sort="views", reverse=True, notices="once"),
    "watched words": ListQuery(watched={"": ("설명 회", "채용")}, notices="once"),
    "unread, by title": ListQuery(sort="title", unread=True, notices="once"),
}


def expected_next(store: Store, query: ListQuery, post_id: int | None, backwards: bool, inclusive: bool) -> int | None:
    """The answer read off the rows as the list pages them (the post being read stays in the list)."""
    rows = listing.fetch(store.conn, replace(query, unread=False))
    order = rows[::-1] if backwards else rows
    ids = [r.id for r in order]
    start = ids.index(post_id) if post_id in ids else -1
    after = order[start if inclusive and start >= 0 else start + 1 :] + order[: max(start, 0)]
    return next((r.id for r in after if not r.read), None)


@pytest.mark.parametrize("name", QUERIES)
def test_a_posts_position_is_its_row_in_the_paged_list(store: Store, name: str) -> None:
    query = QUERIES[name]
    rows = listing.fetch(store.conn, query)
    assert rows
    for index, row in enumerate(rows):
        assert listing.position(store.conn, query, row.id) == index


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.parametrize("backwards", [False, True])
def test_next_unread_follows_the_lists_order_and_wraps(store: Store, name: str, backwards: bool) -> None:
    query = QUERIES[name]
    every = listing.fetch(store.conn, replace(query, unread=False))
    for post_id in [None, *(r.id for r in every)]:
        for inclusive in (False, True):
            found = listing.next_unread(store.conn, query, post_id, backwards=backwards, inclusive=inclusive)
            assert found == expected_next(store, query, post_id, backwards, inclusive), (post_id, inclusive)


def test_no_unread_post_in_the_list_is_none(store: Store) -> None:
    store.conn.execute("UPDATE posts SET read = 1")
    first = listing.fetch(store.conn, ListQuery(sort="title"), 1)[0]
    assert listing.next_unread(store.conn, ListQuery(sort="title"), first.id) is None


def test_a_post_outside_the_list_has_no_position(store: Store) -> None:
    other = listing.fetch(store.conn, ListQuery(board_ids=(1,)), 1)[0]
    assert listing.position(store.conn, ListQuery(board_ids=(2,)), other.id) is None
