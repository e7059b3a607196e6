"""The list query builder: each filter, each sort, combinations, and pinned notices per kind of list;
and search with operators on top of the full-text search."""

from datetime import date, datetime

import pytest

from noticetui.models import SEOUL, Attachment, Post, PostStub, Request
from noticetui.store import ListQuery, PostRow, QueryError, Store, listing


def when(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=SEOUL)


def add(
    s: Store,
    board: str,
    key: str,
    title: str,
    day: int,
    *,
    notice: bool = False,
    views: int | None = None,
    files: tuple[str, ...] = (),
    body: str = "",
) -> int:
    board_id = s.ensure_board(board, f"http://x.kr/{board}", "gnuboard")
    url = f"http://x.kr/{board}?wr_id={key}"
    stub = PostStub(key=key, title=title, url=url, request=Request(url), posted_at=when(day), notice=notice,
                    views=views, has_file=bool(files))  # fmt: skip
    s.upsert_stubs(board_id, [stub])
    post_id = s.post_id(board_id, key)
    assert post_id is not None
    if files or body:
        attachments = [Attachment(index=i, name=n) for i, n in enumerate(files)]
        s.save_post(
            post_id, Post(key=key, title=title, url=url, body_html=body or "<p>본문</p>", attachments=attachments)
        )
    return post_id


@pytest.fixture
def posts(store: Store) -> dict[str, int]:
    """Two boards: a pinned notice both carry, and posts of different days, views and files."""
    ids = {
        "a-notice": add(store, "alpha", "n1", "주차장 이용 안내", 1, notice=True),
        "a-old": add(store, "alpha", "1", "청년 창업 지원사업 공고", 3, views=50, files=("공고문.hwp",)),
        "a-new": add(store, "alpha", "2", "도서관 휴관 안내", 20, views=5),
        "b-notice": add(store, "beta", "n1", "주차장 이용 안내", 2, notice=True),
        "b-mid": add(store, "beta", "1", "Apple 설명회 개최", 10, views=500, files=("신청서.pdf",)),
        "b-new": add(store, "beta", "2", "채용 공고", 25),
    }
    store.set_read([ids["a-new"], ids["b-mid"]])
    store.conn.execute("UPDATE posts SET starred_at = '2026-11-18T00:00:00+00:00' WHERE id = ?", (ids["a-old"],))
    return ids


def listed(store: Store, **options: object) -> list[int]:
    query = ListQuery(**options)  # type: ignore[arg-type]
    rows = listing.fetch(store.conn, query)
    assert listing.count(store.conn, query) == len(rows)
    return [r.id for r in rows]


def names(posts: dict[str, int], found: list[int]) -> list[str]:
    by_id = {v: k for k, v in posts.items()}
    return [by_id[i] for i in found]


def test_no_filter_lists_every_post_newest_first(store: Store, posts: dict[str, int]) -> None:
    assert names(posts, listed(store)) == ["b-new", "a-new", "b-mid", "a-old", "b-notice", "a-notice"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"unread": True}, ["b-new", "a-old", "b-notice", "a-notice"]),
        ({"starred": True}, ["a-old"]),
        ({"has_file": True}, ["b-mid", "a-old"]),
        ({"file_names": ("HWP",)}, ["a-old"]),
        ({"after": date(2026, 11, 10)}, ["b-new", "a-new", "b-mid"]),
        ({"before": date(2026, 11, 10)}, ["a-old", "b-notice", "a-notice"]),
        ({"after": date(2026, 11, 2), "before": date(2026, 11, 20)}, ["b-mid", "a-old", "b-notice"]),
        ({"watched": {"": ("공고",)}}, ["b-new", "a-old"]),
        ({"watched": {"alpha": ("안내",), "": ()}}, ["a-new", "a-notice"]),
    ],
)
def test_each_filter(store: Store, posts: dict[str, int], options: dict[str, object], expected: list[str]) -> None:
    assert names(posts, listed(store, **options)) == expected


def test_filters_combine_with_a_board(store: Store, posts: dict[str, int]) -> None:
    beta = store.board("beta")
    assert beta is not None
    assert names(posts, listed(store, board_ids=(beta.id,), unread=True)) == ["b-new", "b-notice"]
    assert names(posts, listed(store, board_ids=(beta.id,), has_file=True, unread=True)) == []


def test_a_day_is_a_korean_day(store: Store, posts: dict[str, int]) -> None:
    late = add(store, "alpha", "late", "밤 공지", 9, body="")
    store.conn.execute("UPDATE posts SET posted_ts = ? WHERE id = ?", (when(9, 23).timestamp() + 3599, late))
    assert late in listed(store, before=date(2026, 11, 10)) and late not in listed(store, after=date(2026, 11, 10))


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["b-new", "a-new", "b-mid", "a-old", "b-notice", "a-notice"]),
        ("board", ["a-notice", "a-new", "a-old", "b-notice", "b-new", "b-mid"]),  # each board as it shows itself
        ("title", ["b-mid", "a-new", "b-notice", "a-notice", "b-new", "a-old"]),
        ("views", ["b-mid", "a-old", "a-new", "b-new", "b-notice", "a-notice"]),
    ],
)
def test_each_sort(store: Store, posts: dict[str, int], sort: str, expected: list[str]) -> None:
    assert names(posts, listed(store, sort=sort)) == expected


@pytest.mark.parametrize("sort", ["date", "board", "title", "views"])
def test_reverse_turns_the_sort_key_around(store: Store, posts: dict[str, int], sort: str) -> None:
    def key(row: PostRow) -> object:
        return {"date": row.posted_at, "board": row.board, "title": row.title, "views": row.views or -1}[sort]

    forward = [key(r) for r in listing.fetch(store.conn, ListQuery(sort=sort))]  # type: ignore[arg-type]
    backward = [key(r) for r in listing.fetch(store.conn, ListQuery(sort=sort, reverse=True))]  # type: ignore[arg-type]
    assert backward == forward[::-1] and forward != backward


def test_a_single_board_keeps_its_notices_once_at_the_top(store: Store, posts: dict[str, int]) -> None:
    alpha = store.board("alpha")
    assert alpha is not None
    assert names(posts, listed(store, board_ids=(alpha.id,), notices="first")) == ["a-notice", "a-new", "a-old"]
    assert names(posts, listed(store, board_ids=(alpha.id,), notices="first", sort="title"))[0] == "a-notice"


def test_all_boards_show_a_shared_notice_once_by_date_naming_the_other_boards(
    store: Store, posts: dict[str, int]
) -> None:
    query = ListQuery(notices="once")
    rows = listing.fetch(store.conn, query)
    assert names(posts, [r.id for r in rows]) == ["b-new", "a-new", "b-mid", "a-old", "a-notice"]
    assert listing.count(store.conn, query) == 5
    assert [r.also_on for r in rows] == [0, 0, 0, 0, 1]


def test_a_shared_notice_filtered_out_on_one_board_still_shows_from_the_other(
    store: Store, posts: dict[str, int]
) -> None:
    store.set_read([posts["a-notice"]])
    rows = listing.fetch(store.conn, ListQuery(notices="once", unread=True))
    assert posts["b-notice"] in [r.id for r in rows] and rows[-1].also_on == 0


def test_paging_reads_the_list_in_pieces(store: Store, posts: dict[str, int]) -> None:
    query = ListQuery(sort="views")
    whole = listing.fetch(store.conn, query)
    pages = listing.fetch(store.conn, query, 4, 0) + listing.fetch(store.conn, query, 4, 4)
    batches = list(listing.iter_batches(store.conn, query, batch=4))
    assert pages == whole and [len(b) for b in batches] == [4, 2] and [r for b in batches for r in b] == whole
    assert [len(b) for b in listing.iter_batches(store.conn, query, limit=3, batch=2)] == [2, 1]


# --- search with operators ------------------------------------------------------------------------------


def found(store: Store, posts: dict[str, int], text: str) -> list[str]:
    return names(posts, store.search_ids(text))


def test_search_operators_narrow_the_full_text_search(store: Store, posts: dict[str, int]) -> None:
    assert found(store, posts, "공고") == ["b-new", "a-old"]
    assert found(store, posts, "공고 board:alpha") == ["a-old"]
    assert found(store, posts, "공고 board:alpha board:beta") == ["b-new", "a-old"]
    assert found(store, posts, "공고 after:2026.11.10") == ["b-new"]
    assert found(store, posts, "공고 before:2026-11-10") == ["a-old"]
    assert found(store, posts, "공고 file:hwp") == ["a-old"]
    assert found(store, posts, "안내 file:hwp") == []


def test_title_operator_ignores_the_body(store: Store, posts: dict[str, int]) -> None:
    body = add(store, "beta", "3", "행사 알림", 26, body="<p>지원사업 공고 참고</p>")
    assert body in store.search_ids("지원사업") and body not in store.search_ids("title:지원사업")
    assert found(store, posts, "title:지원사업") == ["a-old"]
    assert found(store, posts, 'title:"청년 창업"') == ["a-old"] and found(store, posts, 'title:"창업 청년"') == []
    assert body not in store.search_ids("title:공고") and body in store.search_ids("공고")


def test_one_letter_words_and_operators_together(store: Store, posts: dict[str, int]) -> None:
    assert found(store, posts, "안 board:beta") == ["b-notice"]


def test_operators_alone_list_the_posts_they_keep(store: Store, posts: dict[str, int]) -> None:
    assert found(store, posts, "board:beta after:2026-11-05") == ["b-new", "b-mid"]
    assert found(store, posts, "file:pdf") == ["b-mid"]


def test_an_unknown_board_or_a_bad_date_is_a_query_error(store: Store, posts: dict[str, int]) -> None:
    with pytest.raises(QueryError, match="board:nope: no such board"):
        store.search("공고 board:nope")
    with pytest.raises(QueryError, match="expected a date"):
        store.search("공고 after:어제")


def test_a_notice_knows_its_copies_on_other_boards(store: Store, posts: dict[str, int]) -> None:
    assert listing.notice_copies(store.conn, posts["b-notice"]) == [posts["a-notice"], posts["b-notice"]]
    assert listing.notice_copies(store.conn, posts["a-old"]) == []


def test_pages_read_with_kept_notice_groups_match_a_fresh_read(store: Store, posts: dict[str, int]) -> None:
    query = ListQuery(notices="once")
    groups = listing.notice_groups(store.conn, query)
    kept = listing.fetch(store.conn, query, 3, 0, groups) + listing.fetch(store.conn, query, 3, 3, groups)
    assert kept == listing.fetch(store.conn, query)


@pytest.mark.parametrize("sort", ["date", "board", "title", "views"])
def test_rows_in_memory_sort_as_a_list_does(store: Store, posts: dict[str, int], sort: str) -> None:
    plain = listing.fetch(store.conn, ListQuery())
    # The board order of a list also puts each board's notices first; rows in memory have no such rule.
    expected = [r.id for r in listing.fetch(store.conn, ListQuery(sort=sort))]  # type: ignore[arg-type]
    got = [r.id for r in listing.sort_rows(plain, sort, False)]  # type: ignore[arg-type]
    if sort == "board":
        assert [store.post(i).board for i in got] == [store.post(i).board for i in expected]  # type: ignore[union-attr]
    else:
        assert got == expected
    assert [r.id for r in listing.sort_rows(plain, sort, True)] == got[::-1]  # type: ignore[arg-type]
