"""Small terminals: at 80×24 and 40×12 the boards pane folds away (b brings it back), the list keeps rows
and the footer keeps ? Help in sight."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets._footer import FooterKey

from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.boards_editor import BoardsEditor
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

from .helpers import press

AppFactory = Callable[..., NoticeApp]


def help_key(app: NoticeApp) -> FooterKey:
    """The footer's ? Help key."""
    return next(key for key in app.screen.query(FooterKey) if key.action == "help")


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_small_terminal_folds_the_boards_pane_and_keeps_rows_and_help(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    width, height = size
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        boards, posts = app.screen.query_one(BoardsPane), app.screen.query_one(PostList)
        # Folding and focusing follow the first layout; a loaded machine may need a few more frames (bounded).
        for _ in range(50):
            if not boards.display and isinstance(app.focused, PostList) and help_key(app).region.width > 0:
                break
            await pilot.pause(0.02)
        assert not boards.display and boards.region.width == 0
        assert posts.region.x == 0 and posts.region.width == width  # the list has the whole width
        assert posts.scrollable_content_region.height >= 3  # and rows to show
        assert isinstance(app.focused, PostList)
        key = help_key(app)
        assert key.region.width > 0 and key.region.right <= width and key.region.y == height - 1
        assert "?" in str(key.render())


async def test_b_shows_the_folded_boards_pane_and_choosing_a_board_folds_it_again(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("b")
        boards = app.screen.query_one(BoardsPane)
        assert boards.display and boards.region.width > 0 and app.focused is boards
        await pilot.press("j", "j", "enter")  # the second board: 자유게시판
        await pilot.pause()
        assert not boards.display and isinstance(app.focused, PostList)
        assert boards.current is not None and boards.current.key == "free"


async def test_b_hides_the_boards_pane_on_a_wide_terminal_and_brings_it_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        boards = app.screen.query_one(BoardsPane)
        await pilot.press("shift+tab")
        assert app.focused is boards
        await pilot.press("b")
        assert not boards.display and isinstance(app.focused, PostList)
        assert app.screen.query_one(PostList).region.x == 0
        await pilot.press("b")
        assert boards.display and app.focused is boards


async def test_a_terminal_that_grows_shows_the_boards_pane_again(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        boards = app.screen.query_one(BoardsPane)
        assert not boards.display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert boards.display and boards.region.width > 0


async def test_a_long_status_keeps_one_line_on_a_short_terminal(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        posts = app.screen.query_one(PostList)
        rows = posts.scrollable_content_region.height
        status = app.screen.query_one(StatusLine)
        status.sync_started(14, ("notice",))
        status.say("Sync done (14 boards) · " + "notice: 12 new · " * 8)  # three lines at 40 columns
        await pilot.pause()
        assert status.region.height == 1
        assert posts.scrollable_content_region.height == rows  # the list lost no row to it


async def test_the_boards_editor_keeps_its_close_key_in_sight_at_40_columns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await press(pilot, "E")
        assert isinstance(app.screen, BoardsEditor)
        key = next(key for key in app.screen.query(FooterKey) if key.action == "close")
        assert key.region.width > 0 and key.region.right <= 40 and key.region.y == 11
        assert "esc" in str(key.render()).lower()
