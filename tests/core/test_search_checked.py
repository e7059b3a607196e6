"""Search without positions in the index (cache v5): candidates are checked against the stored runs exactly."""

import sqlite3
import zlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.store import Store
from noticetui.store.schema import LATEST, V1, V2
from noticetui.store.search import SCHEMA, register_functions
from noticetui.store.text import compress_body, decompress_body, stored_runs

DAY = datetime(2026, 3, 5, 9, 0, tzinfo=SEOUL)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "cache.sqlite3")
    yield s
    s.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
    s.close()


def add(s: Store, key: str, title: str, body: str = "", when: datetime = DAY) -> int:
    board = s.ensure_board("n", "http://x.kr/", "gnuboard")
    url = f"http://x.kr/{key}"
    s.upsert_stubs(board, [PostStub(key=key, title=title, url=url, request=Request(url), posted_at=when)])
    post_id = s.post_id(board, key)
    assert post_id is not None
    if body:
        s.save_post(post_id, Post(key=key, title=title, url=url, body_html=body))
    return post_id


def keys(s: Store, query: str, limit: int = 100) -> list[str]:
    return [p.key for p in s.search(query, limit=limit)]


def test_a_word_whose_bigrams_are_all_there_but_apart_is_not_found(store: Store) -> None:
    add(store, "1", "스마트도시 안내", "<p>구청 시에서 알립니다</p>")  # 도시 시에 에서, never 도시에서
    add(store, "2", "공지", "<p>스마트도시에서 열리는 행사</p>")
    assert keys(store, "도시에서") == ["2"]
    assert sorted(keys(store, "스마트도시")) == ["1", "2"]


def test_a_word_is_not_pieced_together_from_the_title_and_the_body(store: Store) -> None:
    add(store, "1", "청년창업", "<p>지원사업 안내</p>")
    assert keys(store, "창업지원") == [] and keys(store, "청년창업 지원사업") == ["1"]


def test_a_repeated_syllable_needs_all_its_letters(store: Store) -> None:
    add(store, "1", "하하 웃음")
    add(store, "2", "하하하 웃음")
    assert keys(store, "하하하") == ["2"] and sorted(keys(store, "하하")) == ["1", "2"]


def test_an_old_match_behind_many_false_candidates_is_found(store: Store) -> None:
    for i in range(70):  # more than one batch of candidates, none a match
        add(store, f"n{i}", f"공지 {i}", "<p>도시 시에서 알립니다</p>", when=DAY - timedelta(hours=i))
    add(store, "old", "공지", "<p>도시에서 열리는 행사</p>", when=DAY - timedelta(days=30))
    assert keys(store, "도시에서", limit=1) == ["old"]


def test_words_split_by_punctuation_match_only_in_that_order(store: Store) -> None:
    add(store, "1", "R&D 과제", "<p>D-R 순서</p>")
    add(store, "2", "연구", "<p>R 과 D</p>")
    assert keys(store, "r&d") == ["1"] and keys(store, "d-r") == ["1"]


def test_a_body_round_trips_with_its_runs_whatever_it_holds() -> None:
    html = "<p>R&amp;D 사업공고</p>\0<script>x</script>" + "<p>공고 안내</p>" * 2000  # runs beyond one chunk
    stored = compress_body(html)
    assert decompress_body(stored) == html
    runs = stored_runs(stored)
    assert runs.startswith("r d 사업공고 공고 안내".encode()) and runs.count("공고 안내".encode()) == 2000
    assert b"script" not in runs and b"x " not in runs


def test_bodies_of_older_caches_are_read() -> None:
    html = "<p>청년창업 지원</p>"
    assert decompress_body(zlib.compress(html.encode())) == html == decompress_body(html)
    assert stored_runs(zlib.compress(html.encode())) == stored_runs(html) == "청년창업 지원".encode()


# Version 3 indexed the same view, with positions: v5 only added ``detail = none``.
V3_SEARCH = SCHEMA.replace(", detail = none", "")
"""The search index as noticetui's version-3 caches hold it: with positions (v5 drops them)."""
assert V3_SEARCH != SCHEMA, "the v5 schema no longer says detail = none: rewrite the v3 one"


def v3_cache(path: Path) -> None:
    """A cache as version 3 left it: HTML compressed alone, a bigram index with positions."""
    conn = sqlite3.connect(path, isolation_level=None)
    register_functions(conn)
    conn.executescript(f"BEGIN; {V1} PRAGMA user_version = 1; COMMIT;")
    conn.executescript(f"BEGIN; {V2} DROP TABLE posts_fts; {V3_SEARCH} PRAGMA user_version = 3; COMMIT;")
    conn.execute("INSERT INTO boards (name, url, engine) VALUES ('n', 'http://x.kr/', 'gnuboard')")
    for post_id, title, body in [(1, "옛 사업공고", "<p>청년창업 지원</p>"), (2, "모집", "<p>도시 시에서</p>")]:
        conn.execute(
            "INSERT INTO posts (id, board_id, key, title, url, request, posted_ts, first_seen, updated_at)"
            " VALUES (?, 1, ?, ?, 'u', ?, 1700000000, 'now', 'now')",
            (post_id, str(post_id), title, Request("u").to_json()),
        )
        conn.execute("INSERT INTO bodies (post_id, html) VALUES (?, ?)", (post_id, zlib.compress(body.encode())))
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    conn.close()


def test_a_version_3_cache_is_migrated_and_searchable(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    v3_cache(path)
    s = Store.open(path)
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert keys(s, "창업지원") == [] and keys(s, "청년창업") == ["1"] and keys(s, "사업공고") == ["1"]
    assert keys(s, "도시에서") == [] and keys(s, "시에서") == ["2"]
    assert s.post(1).body_html == "<p>청년창업 지원</p>"  # type: ignore[union-attr]
    sql = "SELECT sql FROM sqlite_master WHERE name = 'search_fts'"
    assert "detail = none" in s.conn.execute(sql).fetchone()[0]
    s.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
    s.close()
