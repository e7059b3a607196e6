"""The SQLite cache: upserts, never blanking, read state, search, migrations, corrupt files."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from noticetui.models import SEOUL, Attachment, Post, PostStub, Request
from noticetui.store import Store, StoreError
from noticetui.store.schema import LATEST


def stub(key: str, title: str = "제목", **kw: object) -> PostStub:
    url = f"http://x.kr/bbs/board.php?bo_table=n&wr_id={key}"
    return PostStub(key=key, title=title, url=url, request=Request(url), **kw)  # type: ignore[arg-type]


def test_new_stubs_are_inserted_once(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    first = store.upsert_stubs(board, [stub("1"), stub("2")])
    again = store.upsert_stubs(board, [stub("1"), stub("2")])
    assert len(first.new) == 2 and again.new == [] and again.changed == []
    assert store.count_posts(board) == 2


def test_changed_title_is_reported_and_stored(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", "옛 제목")])
    result = store.upsert_stubs(board, [stub("1", "새 제목")])
    assert len(result.changed) == 1
    assert store.posts(board)[0].title == "새 제목"


def test_missing_fields_never_blank_stored_ones(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    when = datetime(2026, 3, 5, 9, 10, tzinfo=SEOUL)
    store.upsert_stubs(board, [stub("1", author="관리자", posted_at=when, views=10)])
    store.upsert_stubs(board, [stub("1")])
    row = store.posts(board)[0]
    assert (row.author, row.posted_at, row.views) == ("관리자", when, 10)


def test_view_page_date_wins_over_list_date(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", posted_at=datetime(2026, 3, 5, tzinfo=SEOUL))])
    post_id = store.posts(board)[0].id
    exact = datetime(2025, 3, 5, 9, 10, tzinfo=SEOUL)
    store.save_post(post_id, Post(key="1", title="제목", url="u", body_html="<p>본문</p>", posted_at=exact))
    store.upsert_stubs(board, [stub("1", posted_at=datetime(2026, 3, 5, tzinfo=SEOUL))])
    assert store.post(post_id).posted_at == exact  # type: ignore[union-attr]


def test_password_page_keeps_the_stored_body(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1")])
    post_id = store.posts(board)[0].id
    store.save_post(post_id, Post(key="1", title="제목", url="u", body_html="<p>비밀 본문</p>"))
    store.save_post(post_id, Post(key="1", title="제목", url="u", body_html="", secret=True))
    assert store.post(post_id).body_html == "<p>비밀 본문</p>"  # type: ignore[union-attr]


def test_attachments_are_stored_with_their_requests(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1")])
    post_id = store.posts(board)[0].id
    att = Attachment(0, "공고문.hwp", 25088, Request("http://x.kr/bbs/download.php?no=0", referer="http://x.kr/v"))
    store.save_post(post_id, Post(key="1", title="제목", url="u", body_html="<p>b</p>", attachments=[att]))
    rows = store.attachments([post_id])[post_id]
    assert [(a.index, a.name, a.size) for a in rows] == [(0, "공고문.hwp", 25088)]
    assert rows[0].request == att.request


def test_notices_first_then_newest(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(
        board,
        [
            stub("1", posted_at=datetime(2026, 1, 1, tzinfo=SEOUL)),
            stub("2", posted_at=datetime(2026, 2, 1, tzinfo=SEOUL)),
            stub("3", posted_at=datetime(2025, 1, 1, tzinfo=SEOUL), notice=True),
        ],
    )
    assert [p.key for p in store.posts(board)] == ["3", "2", "1"]
    assert [p.key for p in store.posts(board, notices_first=False)] == ["2", "1", "3"]


def test_read_state_and_unread_filter(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1"), stub("2")])
    first = store.posts(board)[0]
    store.set_read([first.id])
    assert [p.id for p in store.posts(board, unread_only=True)] != [first.id]
    assert store.boards()[0].unread == 1


def test_search_finds_korean_substrings_in_bodies(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", "휴관 안내"), stub("2", "모집 공고")])
    post_id = store.post_id(board, "2")
    assert post_id is not None
    store.save_post(post_id, Post(key="2", title="모집 공고", url="u", body_html="<p>청년창업지원사업 신청</p>"))
    assert [p.key for p in store.search("창업지원")] == ["2"]
    assert [p.key for p in store.search("공고")] == ["2"]  # two characters: below the trigram size
    assert store.search('"; DROP TABLE posts; --') == []


def test_find_post_by_id_or_board_key(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("42")])
    post_id = store.post_id(board, "42")
    assert store.find_post(str(post_id)).key == "42"  # type: ignore[union-attr]
    assert store.find_post("n:42").id == post_id  # type: ignore[union-attr]
    assert store.find_post("n:43") is None


def test_corrupt_cache_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="cannot be used"):
        Store.open(path)
    assert path.read_bytes() == before


def test_cache_from_a_newer_noticetui_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    s = Store.open(path)
    s.upsert_stubs(s.ensure_board("n", "http://x.kr/", "gnuboard"), [stub("1")])
    s.close()
    s = Store.open(path)
    assert s.count_posts() == 1
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()


def test_delete_board_removes_its_posts(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1"), stub("2")])
    assert store.delete_board("n") == 2
    assert store.count_posts() == 0 and store.search("제목") == []


def test_a_list_title_cut_with_an_ellipsis_keeps_the_full_title(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", "아주 긴 제목의 공고 안내 - 지역…")])
    post_id = store.post_id(board, "1")
    assert post_id is not None
    full = "아주 긴 제목의 공고 안내 - 지역혁신 선도기업 대상"
    store.save_post(post_id, Post(key="1", title=full, url="u", body_html="<p>b</p>"))
    result = store.upsert_stubs(board, [stub("1", "아주 긴 제목의 공고 안내 - 지역…")])
    assert store.post(post_id).title == full  # type: ignore[union-attr]
    assert result.changed == []
    store.upsert_stubs(board, [stub("1", "완전히 바뀐 제목")])
    assert store.post(post_id).title == "완전히 바뀐 제목"  # type: ignore[union-attr]


def test_a_version_1_cache_is_migrated_forward_keeping_its_posts(tmp_path: Path) -> None:
    from noticetui.store.schema import V1

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(V1 + "PRAGMA user_version = 1;")
    conn.execute("INSERT INTO boards (name, url, engine) VALUES ('n', 'http://x.kr/', 'gnuboard')")
    conn.execute(
        "INSERT INTO posts (board_id, key, title, url, request, first_seen, updated_at, body_html, body_at) "
        "VALUES (1, '7', '옛 글', 'u', ?, 'now', 'now', '<p>옛 본문</p>', 'now')",
        (Request("u").to_json(),),
    )
    conn.commit()
    conn.close()
    s = Store.open(path)
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert [p.title for p in s.posts()] == ["옛 글"]
    assert s.post(s.posts()[0].id).body_html == "<p>옛 본문</p>"  # type: ignore[union-attr]
    assert s.conn.execute("SELECT name FROM sqlite_master WHERE name = 'posts_unread'").fetchone() is not None
    s.close()
