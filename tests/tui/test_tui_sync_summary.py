"""After a sync the status line is one summary line; each board's own outcome is in the tasks screen (t)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from noticetui.context import AppContext
from noticetui.demo.server import DemoServer
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.activity import ActivityScreen
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

from .helpers import press, press_and_settle, shown_text, sync_where_notice_fails

AppFactory = Callable[..., NoticeApp]


@pytest.fixture
def every_demo_board(tmp_path: Path, demo: DemoServer) -> Iterator[AppContext]:
    """A home following every board of the sample server (one list page each), with an empty cache."""
    lines = ["[settings]", "delay = 0.0", "per_host = 4", 'images = "off"', ""]
    for board in demo.boards():
        lines += ["[[boards]]", f'name = "{board.name}"', f'url = "{board.url}"', f'engine = "{board.engine}"']
        lines += ["pages = 1", ""]
    home = tmp_path / "every-board"
    home.mkdir()
    (home / "config.toml").write_text("\n".join(lines), encoding="utf-8")
    ctx = AppContext.for_home(home)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_sync_of_every_demo_board_keeps_the_status_to_one_line(
    every_demo_board: AppContext, size: tuple[int, int]
) -> None:
    ctx = every_demo_board
    app = NoticeApp(ctx, sync_on_start=False)
    async with app.run_test(size=size) as pilot:
        posts = app.screen.query_one(PostList)
        rows = posts.scrollable_content_region.height
        await press_and_settle(pilot, "R")
        status = app.screen.query_one(StatusLine)
        boards = ctx.config.boards
        new = sum((ctx.store.board(b.name) or pytest.fail(b.name)).posts for b in boards)
        assert shown_text(status) == f"Sync done: {len(boards)} boards, {new} new"
        assert status.region.height == 1
        assert posts.scrollable_content_region.height == rows  # the list lost no row to the summary
        shown = [line for line in (posts.render_line(y).text for y in range(rows)) if line.strip()]
        assert len(shown) == min(rows, len(posts.rows)) > 0


async def test_the_tasks_screen_lists_each_demo_boards_counts(every_demo_board: AppContext) -> None:
    ctx = every_demo_board
    app = NoticeApp(ctx, sync_on_start=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, "R")
        await press(pilot, "t")
        assert isinstance(app.screen, ActivityScreen)
        log = shown_text(app.screen.query_one("#activity-log-text", Static))
        for board in ctx.config.boards:
            posts = (ctx.store.board(board.name) or pytest.fail(board.name)).posts
            assert f"{board.name}: {posts} new" in log


async def test_a_failed_board_is_named_in_the_summary(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await sync_where_notice_fails(pilot, "http://x/list: HTTP 500 Internal Server Error", offline=False)
        status = app.screen.query_one(StatusLine)
        assert shown_text(status) == "Sync done: 2 boards, 2 new  · 1 failed: notice (t for details)"
        assert status.region.height == 1


async def test_an_unreachable_board_is_named_offline_in_the_summary(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await sync_where_notice_fails(pilot, "http://x/: connection refused", offline=True)
        status = shown_text(app.screen.query_one(StatusLine))
        assert status == "Sync done: 2 boards, 2 new  · 1 offline: notice (t for details)"


async def test_a_notification_stands_above_the_status_line_and_its_downloads(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        status = app.screen.query_one(StatusLine)
        status.downloads = "⇣ 1 download 40% (t: tasks)"
        app.notify("No earlier version: no sync found this post edited.")
        await pilot.pause()
        toast = app.screen.query_one("Toast")
        assert toast.region.height > 0
        assert toast.region.bottom <= status.region.y
