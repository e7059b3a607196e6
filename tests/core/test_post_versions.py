"""Edited posts in the store: the version replaced is kept, the post is marked edited and unread again."""

import pytest

from noticetui.models import Post, PostStub, Request
from noticetui.store import Store


def stub(key: str, title: str = "제목") -> PostStub:
    url = f"http://x.kr/bbs/board.php?bo_table=n&wr_id={key}"
    return PostStub(key=key, title=title, url=url, request=Request(url))


def page(body: str, title: str = "제목") -> Post:
    return Post(key="1", title=title, url="u", body_html=body)


@pytest.fixture
def read_post(store: Store) -> tuple[int, int]:
    """A post listed, its body stored, and read: (board id, post id)."""
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1")])
    post_id = store.posts(board)[0].id
    store.save_post(post_id, page("<p>신청 기간은 3월 5일까지입니다.</p>"))
    store.set_read([post_id])
    return board, post_id


def test_a_new_body_text_keeps_the_old_one_as_a_version(store: Store, read_post: tuple[int, int]) -> None:
    _, post_id = read_post
    store.save_post(post_id, page("<p>신청 기간은 3월 12일까지로 연장합니다.</p>"))
    [version] = store.versions(post_id)
    assert (version.seq, version.title, version.body_html) == (1, "제목", "<p>신청 기간은 3월 5일까지입니다.</p>")
    row = store.post(post_id)
    assert row is not None and row.edited and not row.read
    assert row.body_html == "<p>신청 기간은 3월 12일까지로 연장합니다.</p>"


def test_the_same_text_in_other_markup_is_no_edit(store: Store, read_post: tuple[int, int]) -> None:
    _, post_id = read_post
    store.save_post(post_id, page('<div class="x"><span>신청 기간은 3월 5일까지입니다.</span></div>'))
    assert store.versions(post_id) == []
    row = store.post(post_id)
    assert row is not None and not row.edited and row.read


def test_a_first_body_is_no_edit(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1")])
    post_id = store.posts(board)[0].id
    store.save_post(post_id, page("<p>본문</p>"))
    assert store.versions(post_id) == []


def test_a_new_list_title_keeps_the_old_title_with_its_body_once(store: Store, read_post: tuple[int, int]) -> None:
    board, post_id = read_post
    store.upsert_stubs(board, [stub("1", "제목 (연장)")])
    # The sync then fetches the body again, and it changed too: still one version, the state before both.
    store.save_post(post_id, page("<p>신청 기간은 3월 12일까지로 연장합니다.</p>", "제목 (연장)"))
    [version] = store.versions(post_id)
    assert (version.title, version.body_html) == ("제목", "<p>신청 기간은 3월 5일까지입니다.</p>")
    row = store.post(post_id)
    assert row is not None and row.edited and not row.read and row.title == "제목 (연장)"


def test_each_edit_adds_a_version_in_order(store: Store, read_post: tuple[int, int]) -> None:
    _, post_id = read_post
    store.save_post(post_id, page("<p>두 번째</p>"))
    store.save_post(post_id, page("<p>세 번째</p>"))
    assert [(v.seq, v.body_html) for v in store.versions(post_id)] == [
        (1, "<p>신청 기간은 3월 5일까지입니다.</p>"),
        (2, "<p>두 번째</p>"),
    ]


def test_an_unread_title_change_of_a_post_never_fetched_keeps_nothing(store: Store) -> None:
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(board, [stub("1", "옛 제목")])
    store.upsert_stubs(board, [stub("1", "새 제목")])
    post_id = store.posts(board)[0].id
    assert store.versions(post_id) == []
    assert store.post(post_id).edited is False  # type: ignore[union-attr]
