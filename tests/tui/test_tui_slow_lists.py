"""Lists that would stall the UI loop: the watched-words filter (read off the loop, then paged by id) and
``n``/``p`` through sorted and filtered lists longer than the rows on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path

import pytest

from noticetui.context import AppContext
from noticetui.tui.app import NoticeApp
from noticetui.tui.resolved import ResolvedPosts
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.watch import matches

from .helpers import filter_by, titles
from .seed import CONFIG, stub

AppFactory = Callable[..., NoticeApp]
WATCH = ("휴관", "수강 신청", "글")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """The seeded home with watched words (one written with a space the titles do not have)."""
    root = tmp_path / "home"
    root.mkdir()
    words = ", ".join(f'"{w}"' for w in WATCH)
    (root / "config.toml").write_text(CONFIG.replace("[settings]\n", f"[settings]\nwatch = [{words}]\n", 1))
    return root


async def test_the_watched_words_filter_lists_exactly_the_matching_titles(
    ctx: AppContext, ids: dict[str, int], make_app: AppFactory
) -> None:
    every = ctx.store.posts_by_id(list(ids.values()))
    wanted = sorted(r.title for r in every if matches(r.title, WATCH))
    assert wanted and len(wanted) < len(every)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = await filter_by(app, pilot, "#filter-watched")
        assert isinstance(posts.rows.source, ResolvedPosts)
        assert sorted(titles(posts)) == wanted and "watched words" in str(posts.border_title)


@pytest.fixture
def many(ctx: AppContext, ids: dict[str, int]) -> list[int]:
    """1,200 more posts on the free board, dated in the opposite order of their titles, all read but three
    that sort past row 1,000 by title; every seeded post read too."""
    free = ctx.board_id(ctx.config.boards[1])
    stubs = [stub(f"m{i}", f"글 {i:04d}", 1 + (1199 - i) // 50, time(9, 59 - (1199 - i) % 50)) for i in range(1200)]
    added = ctx.store.upsert_stubs(free, stubs).new
    ctx.store.set_read([*ids.values(), *added])
    unread = [added[1050], added[1100], added[1150]]
    ctx.store.set_read(unread, read=False)
    return unread


async def test_n_and_p_follow_a_title_sorted_list_past_its_first_thousand_rows(
    ctx: AppContext, many: list[int], make_app: AppFactory
) -> None:
    rows = ctx.store.posts_by_id(many)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "down", "down", "enter")  # All boards, by title
        await pilot.pause()
        posts = app.screen.query_one(PostList)
        order = sorted(titles(posts))
        assert len(order) > 1000 and "by title" in str(posts.border_title)
        detail = app.screen.query_one(DetailPane)
        # Each post opened is read: back from the second, p wraps round to the last.
        for key, want in (("n", rows[0]), ("n", rows[1]), ("p", rows[2])):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert detail.post is not None and detail.post.id == want.id
            assert posts.cursor == order.index(want.title) > 1000


async def test_n_finds_an_unread_post_deep_in_a_watched_words_list(
    ctx: AppContext, many: list[int], make_app: AppFactory
) -> None:
    target = ctx.store.posts_by_id(many[:1])[0]
    # "글" is in every title of the free board: 1,201 rows, resolved off the UI loop.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = await filter_by(app, pilot, "#filter-watched")
        assert isinstance(posts.rows.source, ResolvedPosts) and len(posts.rows) > 1000
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        detail = app.screen.query_one(DetailPane)
        assert detail.post is not None and detail.post.id == target.id
        assert posts.current is not None and posts.current.id == target.id
