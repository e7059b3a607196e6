"""Which bodies a sync owes (one indexed query), and which list changes make a body owed again."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.store import Store
from noticetui.store.schema import BODY_TRIES, LATEST, V1, V2


def stub(key: str, *title: str, **kw: Any) -> PostStub:
    url = f"http://x.kr/bbs/board.php?bo_table=n&wr_id={key}"
    kw.setdefault("title", title[0] if title else "제목")
    return PostStub(key=key, url=url, request=Request(url), **kw)


def body(store: Store, board: int, key: str) -> None:
    post_id = store.post_id(board, key)
    assert post_id is not None
    store.save_post(post_id, Post(key, "제목", "u", "<p>본문</p>"))


def test_owed_bodies_are_the_missing_ones_of_that_board_newest_first_secret_left_out(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    other = store.ensure_board("o", "http://y.kr/", "gnuboard")
    day = datetime(2026, 3, 5, tzinfo=SEOUL)
    store.upsert_stubs(board, [stub(str(i), posted_at=day.replace(day=1 + i)) for i in range(5)])
    store.upsert_stubs(board, [stub("s", secret=True)])
    store.upsert_stubs(other, [stub("9")])
    body(store, board, "2")
    owed = store.posts_without_body(board)
    assert [p.key for p in owed] == ["4", "3", "1", "0"]
    assert store.count_without_body(board) == 4


def test_the_owed_query_uses_its_partial_index(store: Store) -> None:
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM posts p WHERE p.board_id = ? AND "
        f"(p.body_at IS NULL OR p.body_stale = 1) AND p.secret = 0 AND p.body_failures < {BODY_TRIES} "
        "ORDER BY p.posted_ts DESC, p.id DESC",
        (1,),
    ).fetchall()
    assert any("posts_owing_body" in str(row) for row in plan)


def test_new_views_and_comments_are_stored_but_are_no_change(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", views=10, comments=1)])
    body(store, board, "1")
    result = store.upsert_stubs(board, [stub("1", views=11, comments=2, notice=True)])
    assert result.changed == [] and store.count_without_body(board) == 0
    row = store.posts(board)[0]
    assert (row.views, row.comments, row.notice) == (11, 2, True)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ({"title": "옛 제목"}, {"title": "새 제목"}),
        ({"posted_at": datetime(2026, 3, 5, tzinfo=SEOUL)}, {"posted_at": datetime(2026, 3, 6, tzinfo=SEOUL)}),
        ({"has_file": False}, {"has_file": True}),
        ({"edited": "03-05"}, {"edited": "03-07"}),
    ],
)
def test_a_change_the_list_shows_makes_the_body_owed_again(
    store: Store, before: dict[str, object], after: dict[str, object]
) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", **before)])
    body(store, board, "1")
    result = store.upsert_stubs(board, [stub("1", **after)])
    assert len(result.changed) == 1
    assert [p.key for p in store.posts_without_body(board)] == ["1"]
    assert store.posts(board)[0].has_body  # the old body stays readable until the new one lands
    body(store, board, "1")
    assert store.count_without_body(board) == 0


def test_a_time_of_day_or_a_missing_field_on_the_same_day_is_no_change(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", posted_at=datetime(2026, 3, 5, 14, 30, tzinfo=SEOUL), edited="x")])
    body(store, board, "1")
    assert store.upsert_stubs(board, [stub("1", posted_at=datetime(2026, 3, 5, tzinfo=SEOUL))]).changed == []
    assert store.upsert_stubs(board, [stub("1")]).changed == []


def test_the_post_page_title_survives_list_syncs_that_show_no_change(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", "사업설명회 개최 안내 - 지역…")])
    post_id = store.post_id(board, "1")
    assert post_id is not None
    store.save_post(post_id, Post("1", "[공고] 사업설명회 개최 안내 - 지역혁신", "u", "<p>본문</p>"))
    assert store.upsert_stubs(board, [stub("1", "사업설명회 개최 안내 - 지역…")]).changed == []
    assert store.posts(board)[0].title == "[공고] 사업설명회 개최 안내 - 지역혁신"


def test_a_cache_from_before_list_signatures_migrates_and_counts_nothing_as_changed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(V1 + V2 + "PRAGMA user_version = 2;")
    conn.execute("INSERT INTO boards (id, name, url, engine) VALUES (1, 'n', 'http://x.kr/', 'gnuboard')")
    conn.execute(
        "INSERT INTO posts (board_id, key, title, url, request, first_seen, updated_at, body_at) "
        "VALUES (1, '1', '제목', 'u', ?, 'x', 'x', 'x')",
        (Request("http://x.kr/1").to_json(),),
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert store.upsert_stubs(1, [stub("1", "제목", views=99)]).changed == []
    assert store.count_without_body(1) == 0
    store.close()


def test_a_body_that_keeps_failing_is_no_longer_owed_until_the_list_shows_a_change(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", "제목")])
    post_id = store.post_id(board, "1")
    assert post_id is not None
    for _ in range(BODY_TRIES - 1):
        store.note_body_failure(post_id)
    assert store.count_without_body(board) == 1  # failed before: still owed
    store.note_body_failure(post_id)
    assert store.count_without_body(board) == 0  # a deleted post is not asked for on every sync for ever
    store.upsert_stubs(board, [stub("1", "고친 제목")])
    assert store.count_without_body(board) == 1
