"""What the post list shows: filters (F, u), sort (g, G), search operators, notices in All boards."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Checkbox, Input, SelectionList, Static

from noticetui.context import AppContext
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.filter import FilterScreen, SortScreen
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

from .helpers import filter_by, press, titles
from .seed import stub

AppFactory = Callable[..., NoticeApp]


def lines(posts: PostList) -> list[str]:
    """The list's rows as the terminal shows them."""
    return [posts.render_line(y).text for y in range(len(posts.rows))]


def status(app: NoticeApp) -> str:
    return str(app.screen.query_one(StatusLine).message)


async def test_all_boards_is_newest_first_and_a_notice_two_boards_pin_shows_once(
    ctx: AppContext, ids: dict[str, int], make_app: AppFactory
) -> None:
    free = ctx.board_id(ctx.config.boards[1])
    ctx.store.upsert_stubs(free, [stub("11", "2024학년도 1학기 수강신청 안내", 3, notice=True)])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        posts = app.screen.query_one(PostList)
        rows = [posts.rows.get(i) for i in range(len(posts.rows))]
        assert len(rows) == 7 and all(r is not None for r in rows)
        stamps = [r.posted_at for r in rows if r is not None and r.posted_at is not None]
        assert stamps == sorted(stamps, reverse=True)
        shared = [line for line in lines(posts) if "수강신청" in line]
        assert len(shared) == 1 and "(+1 board)" in shared[0]
        # The free board itself pins its copy of the notice at the top.
        await pilot.click("#boards", offset=(2, 3))
        await pilot.pause()
        assert app.screen.query_one(BoardsPane).current.key == "free"  # type: ignore[union-attr]
        board_lines = lines(posts)
        assert len(board_lines) == 2 and "수강신청" in board_lines[0] and "(+" not in board_lines[0]


async def test_f_filters_posts_with_files_and_the_title_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = await filter_by(app, pilot, "#filter-files")
        assert len(posts.rows) == 3 and all("📎" in line for line in lines(posts))
        assert "All boards — with files" in str(posts.border_title)
        assert "with files" in status(app)
        await pilot.press("F")
        await pilot.click("#filter-clear")
        await pilot.pause()
        assert len(posts.rows) == 7 and "—" not in str(posts.border_title)


async def test_f_date_range_and_a_bad_date_stays_in_the_form(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        app.screen.query_one("#filter-after", Input).focus()
        await pilot.press(*"어제", "enter")
        assert isinstance(app.screen, FilterScreen)
        assert "expected a date" in str(app.screen.query_one("#filter-error", Static).content)
        app.screen.query_one("#filter-after", Input).value = "2024.03.09"
        await press(pilot, "enter")
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 4 and "from 2024-03-09" in str(posts.border_title)


async def test_u_and_the_unread_box_of_f_are_one_filter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "u")  # reads the newest post, then shows unread ones only
        await pilot.pause()
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 6 and "— unread" in str(posts.border_title)
        await pilot.press("F")
        assert app.screen.query_one("#filter-unread", Checkbox).value
        await pilot.click("#filter-unread")
        await press(pilot, "ctrl+s")
        assert len(posts.rows) == 7 and "unread" not in str(posts.border_title)


async def test_f_starred_keeps_the_starred_posts(ctx: AppContext, ids: dict[str, int], make_app: AppFactory) -> None:
    ctx.store.conn.execute("UPDATE posts SET starred_at = '2024-03-10T00:00:00+00:00' WHERE id = ?", (ids["library"],))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = await filter_by(app, pilot, "#filter-starred")
        assert len(posts.rows) == 1 and "도서관 휴관" in lines(posts)[0]


async def test_g_sorts_by_title_and_g_shifted_reverses(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, SortScreen)
        await press(pilot, "down", "down", "enter")
        posts = app.screen.query_one(PostList)
        forwards = titles(posts)
        assert forwards == sorted(forwards) and "by title" in str(posts.border_title)
        await press(pilot, "G")
        backwards = titles(posts)
        assert backwards == forwards[::-1] and "Z to A" in str(posts.border_title)
        await pilot.press("g", "escape")
        assert len(posts.rows) == 7 and "Z to A" in str(posts.border_title)


async def test_g_shifted_alone_lists_oldest_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "G")
        posts = app.screen.query_one(PostList)
        assert "자유게시판 첫 글" in lines(posts)[0] and "oldest first" in str(posts.border_title)


async def test_search_operators_narrow_the_results(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash", *"board:free 첫", "enter")
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 1 and "자유게시판 첫 글" in lines(posts)[0]


async def test_a_bad_search_operator_is_said_in_the_status_line(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"after:어제 안내")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "expected a date such as 2026-11-01" in status(app)
        await pilot.press("escape")
        assert len(app.screen.query_one(PostList).rows) == 7


async def test_reading_a_notice_shown_once_reads_its_copies_on_the_other_boards(
    ctx: AppContext, ids: dict[str, int], make_app: AppFactory
) -> None:
    free = ctx.board_id(ctx.config.boards[1])
    copy = ctx.store.upsert_stubs(free, [stub("11", "2024학년도 1학기 수강신청 안내", 3, notice=True)]).new[0]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "u")
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 7 and "(+1 board)" in lines(posts)[0]
        await pilot.press("enter")  # the shared notice, newest of all
        await pilot.pause()
        post = ctx.store.post(copy)
        assert post is not None and post.read
        assert [(e.key, e.unread) for e in app.screen.query_one(BoardsPane).entries] == [
            ("*", 6),
            ("notice", 5),
            ("free", 1),
        ]
        await pilot.press("u", "u")  # unread only, read again: no copy takes the notice's place
        await pilot.pause()
        assert len(posts.rows) == 6 and not any("수강신청" in line for line in lines(posts))


async def test_search_results_follow_the_chosen_order(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "G", "slash", *"안내", "enter")
        posts = app.screen.query_one(PostList)
        stamps = [row.posted_at for i in range(len(posts.rows)) if (row := posts.rows.get(i)) and row.posted_at]
        assert len(stamps) == 2 and stamps == sorted(stamps)
        await press(pilot, "G")
        again = [row.posted_at for i in range(len(posts.rows)) if (row := posts.rows.get(i)) and row.posted_at]
        assert again == stamps[::-1] and "Search: 안내" in str(posts.border_title)


async def test_f_boards_narrow_all_boards_and_leave_a_single_board_alone(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        app.screen.query_one("#filter-boards", SelectionList).select("free")
        await press(pilot, "ctrl+s")
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 1 and "boards: free" in str(posts.border_title)
        await pilot.click("#boards", offset=(2, 2))  # 학사 공지: the boards filter does not apply
        await pilot.pause()
        assert len(posts.rows) == 6 and "boards:" not in str(posts.border_title)


async def test_n_follows_the_sorted_list_on_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "down", "down", "enter")  # by title
        await pilot.pause()
        await press(pilot, "n")
        await press(pilot, "n")
        posts = app.screen.query_one(PostList)
        second = posts.rows.get(1)
        assert second is not None and posts.cursor == 1 and second.title == "Uncached body"


async def test_f_boards_offer_only_boards_not_the_starred_view(
    ctx: AppContext, ids: dict[str, int], make_app: AppFactory
) -> None:
    ctx.store.conn.execute("UPDATE posts SET starred_at = '2024-03-10T00:00:00+00:00' WHERE id = ?", (ids["library"],))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        entries = [e.key for e in app.screen.query_one(BoardsPane).entries]
        await pilot.press("F")
        offered = app.screen.query_one("#filter-boards", SelectionList)
        values = [str(offered.get_option_at_index(i).value) for i in range(offered.option_count)]
        assert len(entries) == 4 and values == ["notice", "free"]  # All boards and ★ Starred are not boards
