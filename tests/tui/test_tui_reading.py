"""Reading features of the app: board column, one-line boards, dates without times, links, full screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, OptionList, Static

from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.links import LinksScreen
from noticetui.tui.sources import BoardEntry
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList

from .helpers import open_help, press, shown_text, visible_lines

AppFactory = Callable[..., NoticeApp]
OPEN_PRESS_RELEASE = ("j", "j", "enter")

MAX_PRESSES = 200
"""The most presses of ``j`` a test makes to bring a line to the top of the pane."""


async def test_all_boards_list_names_each_rows_board(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = visible_lines(app.screen.query_one(PostList))
        assert "free" in next(line for line in lines if "자유게시판 첫 글" in line)
        assert all(" notice " in line for line in lines if "도서관" in line or "비밀글" in line)


async def test_a_single_boards_list_has_no_board_column(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "shift+tab", "j")
        lines = visible_lines(app.screen.query_one(PostList))
        assert len(lines) == 6 and not any(" notice " in line for line in lines)


async def test_search_results_from_several_boards_name_their_board(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash", "글", "enter")
        lines = visible_lines(app.screen.query_one(PostList))
        assert any("free" in line and "자유게시판 첫 글" in line for line in lines)
        assert any(" notice " in line and "비밀글" in line for line in lines)


async def test_a_long_board_title_stays_on_one_line_with_its_count(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")  # below 100 columns the pane starts folded away
        boards = app.screen.query_one(BoardsPane)
        long = BoardEntry("notice", "공지사항 · 아주 긴 게시판 제목입니다", 1, unread=45, posts=50)
        boards.set_entries([boards.entries[0], long, boards.entries[2]])
        await pilot.pause()
        # Lines 0-2 of the pane are "All boards", the long board and the free board: nothing wrapped.
        rows = [boards.render_line(y).text.rstrip() for y in range(3)]
        assert rows[1].startswith("공지사항 · ") and "…" in rows[1] and rows[1].endswith(" 45")
        assert "자유게시판" in rows[2]


async def test_todays_post_without_a_time_shows_today_in_the_list_and_its_date_in_the_header(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        release = next(line for line in visible_lines(app.screen.query_one(PostList)) if "한빛시" in line)
        assert release.rstrip().endswith("today") and "00:00" not in release
        await press(pilot, *OPEN_PRESS_RELEASE)
        header = shown_text(app.screen.query_one("#detail-header", Static))
        assert "2024-03-10" in header and "00:00" not in header


async def test_l_lists_links_and_a_number_opens_one(make_app: AppFactory, opened: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, *OPEN_PRESS_RELEASE, "l")
        assert isinstance(app.screen, LinksScreen)
        assert app.screen.query_one(OptionList).option_count == 2  # one link, one image
        assert isinstance(app.focused, Input)
        await press(pilot, "1", "enter")
        assert opened == ["https://www.hanbit.go.kr/startup"]
        assert not isinstance(app.screen, LinksScreen)


async def test_i_and_a_number_opens_an_image(make_app: AppFactory, opened: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, *OPEN_PRESS_RELEASE, "l", "i", "1", "enter")
        assert opened == ["http://127.0.0.1:9/data/editor/2503/20250305_startup.jpg"]


async def test_a_number_that_names_nothing_is_explained_and_opens_nothing(
    make_app: AppFactory, opened: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, *OPEN_PRESS_RELEASE, "l", "7", "enter")
        assert isinstance(app.screen, LinksScreen)
        assert "No '7' here" in shown_text(app.screen.query_one("#links-hint", Static))
        await press(pilot, "escape")
        assert not isinstance(app.screen, LinksScreen) and opened == []


async def test_a_link_can_be_picked_from_the_list(make_app: AppFactory, opened: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*OPEN_PRESS_RELEASE, "l", "down")
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")  # the second choice: image 1
        await pilot.pause()
        assert opened == ["http://127.0.0.1:9/data/editor/2503/20250305_startup.jpg"]


async def test_l_on_a_post_without_links_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "l")  # the pinned notice: text only
        await pilot.pause()
        assert not isinstance(app.screen, LinksScreen)
        assert any("no links" in str(n.message) for n in app._notifications)


async def test_f_reads_the_post_full_screen_and_escape_comes_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, *OPEN_PRESS_RELEASE)
        detail = app.screen.query_one(DetailPane)
        narrow = detail.body_width
        await press(pilot, "f")
        assert app.screen.maximized is detail and app.focused is detail
        assert detail.body_width > narrow  # the body was laid out again at the full width
        assert "full screen" in str(detail.border_title)
        await press(pilot, "escape")
        assert app.screen.maximized is None and detail.body_width == narrow
        assert str(detail.border_title) == "Post"


async def test_help_lists_the_links_and_full_screen_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        table = (await open_help(pilot)).key_table()
        keys, descriptions = (list(map(str, column.cells)) for column in table.columns)
        rows = dict(zip(keys, descriptions, strict=True))
        assert "link or image" in rows["l"] and "full screen" in rows["f"]


async def test_full_screen_keeps_the_readers_place_in_the_post(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*OPEN_PRESS_RELEASE, "tab")
        detail = app.screen.query_one(DetailPane)
        body = detail.query_one("#detail-body", Static)

        def top_lines() -> list[str]:
            lines = shown_text(body).splitlines()
            first = int(detail.scroll_y) - body.virtual_region.y
            return lines[max(first, 0) : first + 5]

        for _ in range(MAX_PRESSES):  # bounded: a regression fails here instead of hanging the suite
            if any("□ 지원 내용" in line for line in top_lines()[:1]):
                break
            await pilot.press("j")
        else:
            raise AssertionError("the heading never reached the top of the pane")
        await press(pilot, "f")
        assert any("□ 지원 내용" in line for line in top_lines())
