"""Search over the cache: Korean substrings of any length, several words, odd input, an index kept exact."""

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.store import Store
from noticetui.store.schema import LATEST, V1, V2
from noticetui.store.search import match_expression

DAY = datetime(2026, 3, 5, 9, 0, tzinfo=SEOUL)


def stub(key: str, title: str, when: datetime | None = DAY) -> PostStub:
    url = f"http://x.kr/bbs/board.php?bo_table=n&wr_id={key}"
    return PostStub(key=key, title=title, url=url, request=Request(url), posted_at=when)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "cache.sqlite3")
    yield s
    assert_index_matches_store(s)
    s.close()


def assert_index_matches_store(s: Store) -> None:
    """FTS5's own check: every index entry agrees with the stored title, date and body."""
    s.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")


def add(s: Store, key: str, title: str, body: str = "", when: datetime | None = DAY) -> int:
    board = s.ensure_board("n", "http://x.kr/", "gnuboard")
    s.upsert_stubs(board, [stub(key, title, when)])
    post_id = s.post_id(board, key)
    assert post_id is not None
    if body:
        s.save_post(post_id, Post(key=key, title=title, url="u", body_html=body))
    return post_id


def keys(s: Store, query: str) -> list[str]:
    return [p.key for p in s.search(query)]


def test_a_two_syllable_word_is_found_inside_longer_words(store: Store) -> None:
    add(store, "1", "사업공고문 게시", "<p>본문</p>")
    add(store, "2", "휴관 안내", "<p>2026년 지원사업공고 참고</p>")
    add(store, "3", "공모 안내", "<p>공 고</p>")
    assert sorted(keys(store, "공고")) == ["1", "2"]


def test_one_syllable_finds_it_anywhere_in_a_title(store: Store) -> None:
    add(store, "1", "채용 공고")  # at the end of a word
    add(store, "2", "고객 안내")  # at the start
    add(store, "3", "사고 소식", "<p>x</p>")
    add(store, "4", "휴관 안내", "<p>고객 여러분</p>")  # bodies are not searched for one syllable
    assert keys(store, "고") == ["3", "2", "1"]
    assert keys(store, "T") == [] and keys(store, "고 객") == ["2"]


def test_a_one_syllable_word_next_to_longer_ones_narrows_by_title(store: Store) -> None:
    add(store, "1", "채용 공고", "<p>행정직 모집</p>")
    add(store, "2", "모집 안내", "<p>행정직</p>")
    assert keys(store, "행정직 채") == ["1"] and keys(store, "모집 안") == ["2"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("창업지원", ["1"]), ("청년창업지원사업", ["1"]), ("지원사업참여", []), ("업지", ["1"])],
)
def test_longer_words_match_as_substrings_only(store: Store, query: str, expected: list[str]) -> None:
    add(store, "1", "모집", "<p>청년창업지원사업 참여 신청</p>")
    add(store, "2", "창업 지원", "<p>창업 및 지원</p>")
    assert keys(store, query) == expected


def test_every_word_must_occur_in_the_title_or_the_body(store: Store) -> None:
    add(store, "1", "청년 창업 공고", "<p>신청 기간 안내</p>")
    add(store, "2", "청년 일자리", "<p>채용 안내</p>")
    assert keys(store, "청년 신청") == ["1"]
    assert sorted(keys(store, "청년 안내")) == ["1", "2"]
    assert keys(store, "청년 휴관") == []


def test_full_width_and_decomposed_forms_find_the_usual_ones(store: Store) -> None:
    import unicodedata

    add(store, "1", "２０２６년 ＡＩ 교육", f"<p>{unicodedata.normalize('NFD', '사업공고')}</p>")
    assert keys(store, "2026년") == ["1"] and keys(store, "ai") == ["1"] and keys(store, "업공") == ["1"]
    assert keys(store, unicodedata.normalize("NFD", "교육")) == ["1"]


def test_latin_words_ignore_case_and_match_inside_words(store: Store) -> None:
    add(store, "1", "Python 교육 안내", "<p>R&amp;D 과제</p>")
    add(store, "2", "파이썬")
    assert keys(store, "python") == ["1"]
    assert keys(store, "YTHO") == ["1"]
    assert keys(store, "R&D") == ["1"]


@pytest.mark.parametrize(
    ("query", "found"),
    [('"', False), ('""공고', True), ("공고 AND", True), ("OR", True), ("NOT 공고", True), ("NEAR(모집)", True),
     ("near(공고)", False), ("공고*", True), ("^공고", True), ("title:공고", True), ("(공고", True), ("-", False),
     ("*", False), ("'", False), ("공고 or", True), ("모집)", True)],
)  # fmt: skip
def test_query_syntax_is_taken_literally(store: Store, query: str, found: bool) -> None:
    # title:공고 is a search operator (title-only), not FTS5 column syntax: it finds the title.
    add(store, "1", "공고 and or not near(모집)")
    assert keys(store, query) == (["1"] if found else [])


def test_a_query_without_letters_finds_nothing(store: Store) -> None:
    add(store, "1", "모집 공고")
    assert store.search("   ") == [] and store.search("!?") == [] and match_expression("~~") is None


def test_results_are_newest_first_whatever_the_order_they_were_stored_in(store: Store) -> None:
    for i, days in enumerate([3, 0, 7, 1]):
        add(store, str(i), f"공고 {i}", when=DAY - timedelta(days=days))
    add(store, "undated", "공고 날짜 없음", when=None)
    assert keys(store, "공고") == ["1", "3", "0", "2", "undated"]
    assert [p.key for p in store.search("공고", limit=2)] == ["1", "3"]
    assert store.search("공고", limit=0) == [] and store.search("고", limit=0) == []


def test_posts_of_one_day_come_in_time_order_whatever_their_ids(store: Store) -> None:
    for hour in [3, 9, 1, 7, 5]:
        add(store, f"h{hour}", f"모집 공고 {hour}시", when=DAY.replace(hour=hour))
    add(store, "yesterday", "모집 공고 어제", when=DAY - timedelta(days=1))
    assert keys(store, "공고")[:5] == ["h9", "h7", "h5", "h3", "h1"]
    assert [p.key for p in store.search("모집 공고", limit=2)] == ["h9", "h7"]
    assert [p.key for p in store.search("공고 시", limit=1)] == ["h9"]


def test_search_ids_agrees_with_search(store: Store) -> None:
    ids = [add(store, str(i), f"모집 공고 {i}", when=DAY - timedelta(hours=i)) for i in range(5)]
    assert store.search_ids("공고", limit=3) == ids[:3] == [p.id for p in store.search("공고", limit=3)]


def test_a_changed_title_is_searched_by_its_new_words_only(store: Store) -> None:
    add(store, "1", "옛 제목 공고", "<p>본문 내용</p>")
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", "새 제목 모집")])
    assert keys(store, "공고") == [] and keys(store, "모집") == ["1"] and keys(store, "본문") == ["1"]


def test_a_replaced_body_is_searched_by_its_new_words_only(store: Store) -> None:
    post_id = add(store, "1", "제목", "<p>첫 본문 휴관</p>")
    store.save_post(post_id, Post(key="1", title="제목", url="u", body_html="<p>고친 본문 개관</p>"))
    assert keys(store, "휴관") == [] and keys(store, "개관") == ["1"]
    assert store.post(post_id).body_html == "<p>고친 본문 개관</p>"  # type: ignore[union-attr]


def test_a_new_date_from_the_list_moves_the_post_in_the_results(store: Store) -> None:
    add(store, "1", "공고 하나", when=DAY)
    add(store, "2", "공고 둘", when=DAY - timedelta(days=1))
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("2", "공고 둘", DAY + timedelta(days=1))])
    assert keys(store, "공고") == ["2", "1"]


def test_deleting_a_board_empties_its_search_results(store: Store) -> None:
    add(store, "1", "모집 공고", "<p>본문</p>")
    store.delete_board("n")
    assert store.search("공고") == []


def test_a_version_2_cache_is_migrated_and_searchable(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(f"BEGIN; {V1} PRAGMA user_version = 1; COMMIT;")
    conn.executescript(f"BEGIN; {V2} PRAGMA user_version = 2; COMMIT;")
    conn.execute("INSERT INTO boards (name, url, engine) VALUES ('n', 'http://x.kr/', 'gnuboard')")
    conn.execute(
        "INSERT INTO posts (id, board_id, key, title, url, request, posted_ts, first_seen, updated_at, body_at) "
        "VALUES (1, 1, '7', '옛 사업공고', 'u', ?, 1700000000, 'now', 'now', 'now')",
        (Request("u").to_json(),),
    )
    conn.execute("INSERT INTO bodies (post_id, html) VALUES (1, '<p>청년창업 지원</p>')")
    conn.execute("INSERT INTO posts_fts (rowid, title, body) VALUES (1, '옛 사업공고', '청년창업 지원')")
    conn.commit()
    conn.close()
    s = Store.open(path)
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert keys(s, "공고") == ["7"] and keys(s, "창업") == ["7"] and keys(s, "휴관") == []
    assert s.post(1).body_html == "<p>청년창업 지원</p>"  # type: ignore[union-attr]
    assert s.conn.execute("SELECT name FROM sqlite_master WHERE name = 'posts_fts'").fetchone() is None
    assert_index_matches_store(s)
    s.close()
