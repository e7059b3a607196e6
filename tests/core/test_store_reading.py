"""Read marks, stars and the next unread post in the store (list order, across boards, wrapping)."""

from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest

from noticetui.models import SEOUL, PostStub, Request
from noticetui.store import Store, reading

DAY = datetime(2026, 3, 1, 9, 0, tzinfo=SEOUL)


def stub(key: str, days: int | None, notice: bool = False) -> PostStub:
    """Post ``key`` posted ``days`` after DAY (None: without a date)."""
    url = f"http://x.kr/bbs/board.php?wr_id={key}"
    posted = None if days is None else DAY + timedelta(days=days)
    return PostStub(key=key, title=f"글 {key}", url=url, request=Request(url), posted_at=posted, notice=notice)


@pytest.fixture(params=["few unread", "many unread"])
def store(store: Store, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The cache, searching for unread posts both ways: among the unread ones, and by walking the list."""
    if request.param == "many unread":
        monkeypatch.setattr(reading, "FEW", 0)
    return store


@pytest.fixture
def boards(store: Store) -> dict[str, int]:
    """Two boards: "a" with a pinned notice, dated posts and one without a date; "b" with two posts."""
    a = store.ensure_board("a", "http://x.kr/a", "gnuboard")
    b = store.ensure_board("b", "http://x.kr/b", "gnuboard")
    store.upsert_stubs(a, [stub("n", 0, notice=True), stub("1", 3), stub("2", 2), stub("3", 1), stub("x", None)])
    store.upsert_stubs(b, [stub("1", 5), stub("2", 4)])
    return {"a": a, "b": b}


def pid(store: Store, board: int, key: str) -> int:
    found = store.post_id(board, key)
    assert found is not None
    return found


def keys(store: Store, ids: Sequence[int | None]) -> list[str]:
    rows = store.posts_by_id([i for i in ids if i is not None])
    return [f"{r.board}:{r.key}" for r in rows]


def test_marking_posts_counts_only_those_that_changed(store: Store, boards: dict[str, int]) -> None:
    one, two = pid(store, boards["a"], "1"), pid(store, boards["a"], "2")
    assert store.mark_posts([one]) == 1
    assert store.mark_posts([one, two]) == 1
    assert store.mark_posts([one], read=False) == 1
    assert [r.read for r in store.posts_by_id([one, two])] == [False, True]


def test_marking_a_board_leaves_the_other_boards(store: Store, boards: dict[str, int]) -> None:
    assert store.mark_board(boards["a"]) == 5
    counts = {b.name: b.unread for b in store.boards()}
    assert counts == {"a": 0, "b": 2}
    assert store.mark_board(boards["a"]) == 0
    assert store.mark_board(boards["a"], read=False) == 5


def test_marking_everything_read_covers_every_board(store: Store, boards: dict[str, int]) -> None:
    assert store.mark_board(None) == 7
    assert all(b.unread == 0 for b in store.boards())


def test_a_star_shows_in_rows_and_json_and_goes_away(store: Store, boards: dict[str, int]) -> None:
    one = pid(store, boards["a"], "1")
    assert store.star([one]) == 1 and store.star([one]) == 0
    row = store.posts_by_id([one])[0]
    assert row.starred and row.to_json([])["starred"] is True
    assert store.star([one], starred=False) == 1
    assert not store.posts_by_id([one])[0].starred and store.count_starred() == 0


def test_starred_posts_list_the_newest_star_first(store: Store, boards: dict[str, int]) -> None:
    first, second = pid(store, boards["b"], "1"), pid(store, boards["a"], "3")
    store.star([first])
    store.star([second])
    store.star([first])  # starring again keeps the first star's time
    assert [r.id for r in store.starred_posts()] == [second, first]
    store.mark_posts([second])
    assert store.count_starred() == 2 and store.count_starred(unread_only=True) == 1
    assert store.mark_starred() == 1 and store.count_starred(unread_only=True) == 0


def test_the_next_unread_post_follows_the_list_order(store: Store, boards: dict[str, int]) -> None:
    a = boards["a"]
    order = []
    post: int | None = None
    while (post := store.unread_in_list(a, post)) is not None:
        order.append(post)
    # Pinned notice first, newest first, the post without a date last: as the list shows them.
    assert keys(store, order) == ["a:n", "a:1", "a:2", "a:3", "a:x"]
    assert order == [p.id for p in store.posts(a)]


def test_the_previous_unread_post_goes_up_the_list(store: Store, boards: dict[str, int]) -> None:
    a = boards["a"]
    last = store.unread_in_list(a, None, backwards=True)
    assert keys(store, [last]) == ["a:x"]
    assert keys(store, [store.unread_in_list(a, last, backwards=True)]) == ["a:3"]
    notice = pid(store, a, "n")
    assert store.unread_in_list(a, notice, backwards=True) is None


def test_read_posts_are_skipped_and_inclusive_counts_the_post_itself(store: Store, boards: dict[str, int]) -> None:
    a = boards["a"]
    one, two = pid(store, a, "1"), pid(store, a, "2")
    store.mark_posts([two])
    assert keys(store, [store.unread_in_list(a, one)]) == ["a:3"]
    assert store.unread_in_list(a, one, inclusive=True) == one


def test_next_unread_goes_on_to_the_following_board_and_wraps(store: Store, boards: dict[str, int]) -> None:
    a, b = boards["a"], boards["b"]
    last_of_a = pid(store, a, "x")
    assert keys(store, [store.next_unread([a, b], a, last_of_a)]) == ["b:1"]
    # The pane's order decides which board follows: with b first, a's end wraps round to b.
    store.mark_board(b)
    assert keys(store, [store.next_unread([a, b], a, last_of_a)]) == ["a:n"]
    store.mark_board(a)
    assert store.next_unread([a, b], a, last_of_a) is None


def test_previous_unread_goes_back_to_the_preceding_board_from_its_end(store: Store, boards: dict[str, int]) -> None:
    a, b = boards["a"], boards["b"]
    top_of_b = pid(store, b, "1")
    assert keys(store, [store.next_unread([a, b], b, top_of_b, backwards=True)]) == ["a:x"]
    assert keys(store, [store.next_unread([b, a], b, top_of_b, backwards=True)]) == ["a:x"]


def test_the_all_boards_list_order_is_one_order_across_boards(store: Store, boards: dict[str, int]) -> None:
    first = store.unread_in_list(None)
    assert keys(store, [first, store.unread_in_list(None, first)]) == ["a:n", "b:1"]


def test_list_index_is_the_rows_position_in_the_list(store: Store, boards: dict[str, int]) -> None:
    a = boards["a"]
    rows = store.posts(a)
    assert [store.list_index(a, r.id) for r in rows] == list(range(len(rows)))
    everything = store.posts()
    assert [store.list_index(None, r.id) for r in everything] == list(range(len(everything)))
    store.mark_posts([rows[0].id])
    assert store.list_index(a, rows[2].id, unread_only=True) == 1


def test_the_next_unread_starred_post_follows_the_starred_order_and_wraps(store: Store, boards: dict[str, int]) -> None:
    a1, b2, a3 = pid(store, boards["a"], "1"), pid(store, boards["b"], "2"), pid(store, boards["a"], "3")
    for post_id in (a1, b2, a3):
        store.star([post_id])  # the starred list: a3, b2, a1 (newest star first)
    other = pid(store, boards["b"], "1")  # unread but not starred: never found
    store.mark_posts([b2])
    assert store.next_starred_unread(a3) == a1
    assert store.next_starred_unread(a1) == a3  # wraps round to the top
    assert store.next_starred_unread(a3, inclusive=True) == a3
    assert store.next_starred_unread(a1, backwards=True) == a3
    assert store.next_starred_unread(None) == a3 and store.next_starred_unread(other) == a3
    assert [store.starred_position(p) for p in (a3, b2, a1, other)] == [0, 1, 2, None]
    assert store.starred_position(a1, unread_only=True) == 1  # b2, read, is not in that list
    store.mark_posts([a1, a3])
    assert store.next_starred_unread(a3) is None
