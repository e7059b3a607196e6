"""The app over a cache filled directly (no network): panes, keys, opening posts, search, help, safety."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Input, Static

from noticetui.context import AppContext
from noticetui.sync import BoardSyncResult
from noticetui.tui.app import NoticeApp
from noticetui.tui.messages import BoardSynced, SyncFailed, SyncStarted
from noticetui.tui.screens.help import HelpScreen
from noticetui.tui.screens.main import MainScreen
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

from .helpers import cursor_id, cursor_on_library, open_help, press, shown_text, sync_where_notice_fails, visible_lines
from .seed import store_on_notice, stub

AppFactory = Callable[..., NoticeApp]


async def test_app_lists_boards_with_unread_counts_and_all_posts(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        boards = app.screen.query_one(BoardsPane)
        assert [(e.key, e.unread) for e in boards.entries] == [("*", 7), ("notice", 6), ("free", 1)]
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 7
        lines = visible_lines(posts)
        assert lines[0].startswith("공지") and "수강신청" in lines[0]
        assert "📎" in lines[0] and "10:00" in lines[0]


async def test_post_from_today_shows_its_time_and_secret_post_is_marked(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        secret = next(line for line in visible_lines(app.screen.query_one(PostList)) if "비밀글" in line)
        assert "🔒" in secret
        assert secret.rstrip().endswith("09:30")


async def test_j_and_k_move_the_cursor(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = app.screen.query_one(PostList)
        await pilot.press("j", "j", "j")
        assert posts.cursor == 3
        await pilot.press("k")
        assert posts.cursor == 2
        await pilot.press("down")
        assert posts.cursor == 3


async def test_enter_opens_the_post_shows_its_body_and_marks_it_read(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "enter")
        detail = app.screen.query_one(DetailPane)
        assert detail.post is not None and detail.post.id == ids["notice"]
        assert "3월 4일부터" in shown_text(detail.query_one("#detail-body", Static))
        assert "수강신청_안내.hwp" in shown_text(detail.query_one(".attachment-label", Static))
        stored = ctx.store.post(ids["notice"])
        assert stored is not None and stored.read
        boards = app.screen.query_one(BoardsPane)
        assert boards.entries[0].unread == 6


async def test_opened_post_is_no_longer_bold_in_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = app.screen.query_one(PostList)
        assert any(seg.style and seg.style.bold for seg in posts.render_line(4) if "도서관" in seg.text)
        await press(pilot, "j", "j", "j", "j", "enter")
        assert not any(seg.style and seg.style.bold for seg in posts.render_line(4) if "도서관" in seg.text)


async def test_clicking_a_post_opens_it(make_app: AppFactory, ids: dict[str, int]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = app.screen.query_one(PostList)
        # Row 4 of the list (the library post) sits one line below the list's top border.
        await pilot.click(PostList, offset=(10, 5))
        await pilot.pause()
        assert posts.cursor == 4
        detail = app.screen.query_one(DetailPane)
        assert detail.post is not None and detail.post.id == ids["library"]


async def test_tab_and_shift_tab_move_between_panes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.focused, PostList)
        await pilot.press("tab")
        assert isinstance(app.focused, DetailPane)
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, BoardsPane)


async def test_choosing_a_board_lists_only_its_posts(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "shift+tab", "j", "j")
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 1
        assert "자유게시판 첫 글" in visible_lines(posts)[0]
        assert posts.border_title == "자유게시판"
        await pilot.press("enter")
        assert app.focused is posts


async def test_question_mark_opens_help_listing_the_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        table = (await open_help(pilot)).key_table()
        descriptions = [str(cell) for cell in table.columns[1].cells]
        for wanted in ("Sync", "Download", "Preview", "Search", "unread", "web browser", "Quit", "Open"):
            assert any(wanted in line for line in descriptions), wanted
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_search_shows_matching_posts_and_escape_returns_to_the_board(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await press(pilot, *"도서관", "enter")
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 1 and "도서관 휴관" in visible_lines(posts)[0]
        assert "1 result" in str(posts.border_title)
        await pilot.press("escape")
        assert len(posts.rows) == 7


async def test_u_toggles_unread_only(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # reads the pinned notice
        await press(pilot, "u")
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) == 6
        assert not any("수강신청" in line for line in visible_lines(posts))
        await pilot.press("u")
        assert len(posts.rows) == 7


async def test_hostile_title_is_shown_literally_and_escapes_are_neutralised(
    make_app: AppFactory, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = app.screen.query_one(PostList)
        line = visible_lines(posts)[3]
        assert "[bold red]x[/]" in line and "[i]evil[/i]" in line
        assert "\x1b" not in line and "\x07" not in line
        await press(pilot, "j", "j", "j", "enter")
        detail = app.screen.query_one(DetailPane)
        header = shown_text(detail.query_one("#detail-header", Static))
        body = shown_text(detail.query_one("#detail-body", Static))
        assert "[bold red]x[/]" in header and "\x1b" not in header
        assert "[bold]markup[/bold]" in body and "\x1b" not in body


async def test_o_opens_the_post_in_the_browser(make_app: AppFactory, opened: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "j", "j", "o")
        assert opened == ["http://127.0.0.1:9/bbs/board.php?bo_table=notice&wr_id=2"]


async def test_secret_post_says_it_is_secret_without_fetching(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "j", "enter")
        body = app.screen.query_one("#detail-body", Static)
        assert "secret" in shown_text(body)
        assert not app.workers  # nothing went to the network


async def test_empty_config_shows_how_to_add_a_board(empty_ctx: AppContext) -> None:
    app = NoticeApp(empty_ctx, sync_on_start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = shown_text(app.screen.query_one("#empty", Static))
        assert "noticetui add" in text and "noticetui --demo" in text
        assert not app.screen.query(PostList)
        assert app.screen.check_action("refresh", ()) is False  # so r is not offered in the footer


async def test_body_is_wrapped_again_when_the_terminal_narrows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "enter")
        detail = app.screen.query_one(DetailPane)
        body = detail.query_one("#detail-body", Static)
        wide_lines = shown_text(body).splitlines()
        # 40 columns: below 100 the boards pane folds away, so the post gets the whole width.
        await pilot.resize_terminal(40, 30)
        await pilot.pause()
        narrow_lines = shown_text(body).splitlines()
        assert len(narrow_lines) > len(wide_lines)
        assert max(cell_len(line) for line in narrow_lines) <= detail.body_width < 40


async def test_a_sync_that_adds_posts_keeps_the_cursor_on_the_same_post(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = await cursor_on_library(pilot, ids)
        new = store_on_notice(ctx, stub("99", "새 글", 10))
        app.screen.post_message(BoardSynced(BoardSyncResult("notice", new=1, new_ids=new)))
        await pilot.pause()
        assert len(posts.rows) == 8
        assert cursor_id(posts) == ids["library"]
        assert app.screen.query_one(BoardsPane).entries[1].unread == 7


async def test_a_board_that_fails_for_another_reason_shows_its_error(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.post_message(SyncStarted(1))
        error = "http://x/: HTTP 500 Internal Server Error"
        app.screen.post_message(SyncFailed("notice", error, offline=False))
        await pilot.pause()
        status = shown_text(app.screen.query_one(StatusLine))
        # The line names the board; its reason is in the tasks screen (t), reason first, address last.
        assert "1 failed: notice" in status and "offline" not in status
        assert isinstance(app.screen, MainScreen)
        assert app.screen.task_log.entries[-1].detail == "HTTP 500 Internal Server Error — http://x/"
        assert len(app.screen.query_one(PostList).rows) == 7


async def test_one_unreachable_board_among_others_is_named_offline(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await sync_where_notice_fails(pilot, "http://x/: connection refused", offline=True)
        status = shown_text(app.screen.query_one(StatusLine))
        assert "2 new" in status and "1 offline: notice" in status


async def test_search_query_with_markup_is_shown_literally_in_the_list_title(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash", *"[red]x", "enter")
        title = app.screen.query_one(PostList).border_title
        assert title is not None and "[red]x" in Content.from_markup(title).plain


async def test_clicking_a_board_lists_its_posts(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # The third line of the boards pane (below its border) is the second configured board.
        await pilot.click(BoardsPane, offset=(5, 3))
        await pilot.pause()
        assert len(app.screen.query_one(PostList).rows) == 1


async def test_a_sync_that_adds_posts_keeps_an_untouched_cursor_on_the_newest(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        posts = screen.query_one(PostList)
        await pilot.press("shift+tab", "j", "enter")  # 학사 공지
        await pilot.pause()
        await pilot.press("j", "k")  # the cursor back on the first row, nothing opened
        new = store_on_notice(ctx, stub("99", "새 글", 10, time(14, 58), notice=True))
        screen.reload_list()  # what a sync's reports do (throttled)
        await pilot.pause()
        assert len(posts.rows) == 7 and posts.cursor == 0
        assert cursor_id(posts) == new[0]  # not the row it was on
        await pilot.press("enter")  # once the top post is open, the cursor follows it down
        await pilot.pause()
        assert len(store_on_notice(ctx, stub("98", "더 새 글", 10, time(14, 59), notice=True))) == 1
        screen.reload_list()
        await pilot.pause()
        assert cursor_id(posts) == new[0] and posts.cursor == 1
