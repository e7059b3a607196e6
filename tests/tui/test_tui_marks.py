"""The reading keys (issue 10): n/p across boards and round, N, A and C (with their question), * and the
★ Starred view, [ and ] through the posts read.

The seeded notice board lists: 수강신청 (pinned), 비밀글, press release, hostile, 도서관, Uncached; the free
board one post.  The boards pane: All boards, 학사 공지 (notice), 자유게시판 (free).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from noticetui.context import AppContext
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.confirm import ConfirmScreen
from noticetui.tui.screens.main import MainScreen
from noticetui.tui.screens.mark_actions import CONFIRM_OVER
from noticetui.tui.sources import STARRED
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

from .helpers import press, until
from .seed import stub

AppFactory = Callable[..., NoticeApp]
TO_NOTICE_BOARD = ("shift+tab", "j")
"""From the start (the list focused, "All boards" highlighted) to the notice board's list."""


def read_all_but(ctx: AppContext, ids: dict[str, int], *unread: str) -> None:
    """Every seeded post read except those named."""
    ctx.store.mark_board(None)
    ctx.store.mark_posts([ids[name] for name in unread], read=False)


def open_id(app: NoticeApp) -> int | None:
    post = app.screen.query_one(DetailPane).post
    return post.id if post else None


def cursor_id(app: NoticeApp) -> int | None:
    row = app.screen.query_one(PostList).current
    return row.id if row else None


def board_key(app: NoticeApp) -> str | None:
    entry = app.screen.query_one(BoardsPane).current
    return entry.key if entry else None


def unread_counts(app: NoticeApp) -> dict[str, int]:
    return {e.key: e.unread for e in app.screen.query_one(BoardsPane).entries}


def notified(app: NoticeApp, text: str) -> bool:
    return any(text in str(n.message) for n in app._notifications)


def status(app: NoticeApp) -> str:
    content = app.screen.query_one(StatusLine).content
    return content.plain if isinstance(content, Text) else str(content)


async def test_n_opens_the_next_unread_post_then_moves_on_to_the_next_board(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    read_all_but(ctx, ids, "hostile", "library", "free")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, *TO_NOTICE_BOARD, "n")
        assert open_id(app) == ids["hostile"] == cursor_id(app) and board_key(app) == "notice"
        await press(pilot, "n")
        assert open_id(app) == ids["library"] == cursor_id(app)
        await press(pilot, "n")
        # The notice board has no unread post left: on to the next board in the pane, its list and row.
        assert board_key(app) == "free" and open_id(app) == ids["free"] == cursor_id(app)
        assert unread_counts(app) == {"*": 0, "notice": 0, "free": 0}
        # Opened as Enter opens them: the palette's recent posts list them too.
        assert app.opened_posts == [ids["hostile"], ids["library"], ids["free"]]
        await press(pilot, "n")
        assert notified(app, "No unread posts") and open_id(app) == ids["free"]


async def test_n_wraps_round_to_the_first_board_and_p_goes_back(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    read_all_but(ctx, ids, "library", "free")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("shift+tab", "j", "j")  # the free board
        await pilot.pause()
        await pilot.press("n")  # its one post, unread and under the cursor
        await pilot.pause()
        assert open_id(app) == ids["free"]
        await pilot.press("n")  # past the last board: round to the notice board
        await pilot.pause()
        assert board_key(app) == "notice" and open_id(app) == ids["library"] == cursor_id(app)
        ctx.store.mark_posts([ids["free"]], read=False)
        await pilot.press("p")  # back before the notice board: the last board, free
        await pilot.pause()
        assert board_key(app) == "free" and open_id(app) == ids["free"]


async def test_n_in_all_boards_stays_in_that_list(make_app: AppFactory, ctx: AppContext, ids: dict[str, int]) -> None:
    read_all_but(ctx, ids, "notice", "free")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # the cursor's row (the pinned notice) is unread: n opens it
        await pilot.pause()
        assert open_id(app) == ids["notice"]
        await press(pilot, "n")
        assert board_key(app) == "*" and open_id(app) == ids["free"] == cursor_id(app)


async def test_n_toggles_the_read_mark_and_the_counts_follow(make_app: AppFactory, ids: dict[str, int]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        before = unread_counts(app)
        await press(pilot, "N")
        posts = app.screen.query_one(PostList)
        assert posts.current is not None and posts.current.read
        assert unread_counts(app) == {"*": before["*"] - 1, "notice": before["notice"] - 1, "free": before["free"]}
        assert "Marked read" in status(app)
        await press(pilot, "N")
        assert not posts.current.read and unread_counts(app) == before
        assert app.screen.query_one(PostList).rows.source.fetch(0, 1)[0].read is False


async def test_a_marks_the_board_read_at_once_when_it_is_small(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*TO_NOTICE_BOARD, "A")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert unread_counts(app) == {"*": 1, "notice": 0, "free": 1}
        assert all(not r.unread for r in ctx.store.boards() if r.name == "notice")
        assert all(row.read for row in app.screen.query_one(PostList).rows.source.fetch(0, 10))
        assert "Marked 6 posts of 학사 공지 read" in status(app)


async def test_a_asks_first_on_a_long_list_and_no_keeps_everything(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    from .seed import stub

    board = ctx.store.board("free")
    assert board is not None
    ctx.store.upsert_stubs(board.id, [stub(str(100 + i), f"글 {i}", 5) for i in range(30)])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "shift+tab", "j", "j", "A")
        assert isinstance(app.screen, ConfirmScreen) and "31 posts of 자유게시판" in app.screen.question
        await press(pilot, "n")
        assert unread_counts(app)["free"] == 31
        await press(pilot, "A")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert unread_counts(app)["free"] == 0 and unread_counts(app)["notice"] == 6


async def test_a_on_search_results_marks_those_posts(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"도서관", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("A")
        await app.workers.wait_for_complete()
        await pilot.pause()
        read = {p.id: p.read for p in ctx.store.posts()}
        assert read[ids["library"]] and not read[ids["free"]] and not read[ids["press"]]
        assert all(r.read for r in app.screen.query_one(PostList).rows.source.fetch(0, 10))


async def test_c_asks_then_marks_every_board_read(make_app: AppFactory, ctx: AppContext) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "C")
        assert isinstance(app.screen, ConfirmScreen) and "7 posts of every board" in app.screen.question
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert set(unread_counts(app).values()) == {0}
        assert sum(b.unread for b in ctx.store.boards()) == 0
        await press(pilot, "C")
        assert not isinstance(app.screen, ConfirmScreen) and notified(app, "Nothing unread")


async def test_star_marks_the_row_and_the_starred_view_lists_it(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = app.screen.query_one(PostList)
        boards = app.screen.query_one(BoardsPane)
        assert STARRED not in [e.key for e in boards.entries]  # no line for it before the first star
        await press(pilot, "j", "asterisk")
        starred = posts.current
        assert starred is not None and starred.starred and "★" in posts.render_line(1).text
        keys = [e.key for e in boards.entries]
        assert keys[:2] == ["*", STARRED] and boards.entries[1].unread == 1
        await pilot.press("shift+tab", "j")  # All boards → ★ Starred
        await pilot.pause()
        assert [r.id for r in posts.rows.source.fetch(0, 10)] == [starred.id]
        assert posts.rows.source.label == "★ Starred"
        await pilot.press("tab", "asterisk")  # the star goes; the line stays while it is highlighted
        await pilot.pause()
        assert not ctx.store.posts_by_id([starred.id])[0].starred
        assert board_key(app) == STARRED and "★" not in posts.render_line(0).text


async def test_history_goes_back_and_forward_selecting_board_and_row(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*TO_NOTICE_BOARD, "tab", "j", "j", "enter")  # the notice board's press release
        await pilot.pause()
        assert open_id(app) == ids["press"]
        await pilot.press("shift+tab", "j", "tab", "enter")  # the free board's post
        await pilot.pause()
        assert open_id(app) == ids["free"]
        await press(pilot, "left_square_bracket")
        assert board_key(app) == "notice" and open_id(app) == ids["press"] == cursor_id(app)
        await press(pilot, "left_square_bracket")
        assert notified(app, "No earlier post") and open_id(app) == ids["press"]
        await press(pilot, "alt+right")
        assert board_key(app) == "free" and open_id(app) == ids["free"] == cursor_id(app)
        await press(pilot, "right_square_bracket")
        assert notified(app, "No later post")


async def test_history_reopens_a_post_in_all_boards_without_leaving_it(
    make_app: AppFactory, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "j", "j", "enter", "j", "j", "enter")
        assert open_id(app) == ids["library"]
        await press(pilot, "alt+left")
        assert board_key(app) == "*" and open_id(app) == ids["press"] == cursor_id(app)


async def test_n_in_search_results_moves_within_the_results(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    read_all_but(ctx, ids, "notice", "free", "library")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"안내", "enter")  # 수강신청 안내 and 도서관 휴관 안내, not the free post
        await app.workers.wait_for_complete()
        await pilot.pause()
        await press(pilot, "n")
        first = open_id(app)
        await press(pilot, "n")
        assert {first, open_id(app)} == {ids["notice"], ids["library"]}
        await press(pilot, "n")
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.search_query == "안내"
        assert notified(app, "No unread posts in this list")


async def test_the_first_star_keeps_the_board_highlighted(make_app: AppFactory, ids: dict[str, int]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, *TO_NOTICE_BOARD, "tab", "j", "asterisk")
        # "★ Starred" arrives above the notice board: the notice board stays highlighted and listed.
        assert board_key(app) == "notice" and cursor_id(app) == ids["secret"]
        assert [e.key for e in app.screen.query_one(BoardsPane).entries] == ["*", STARRED, "notice", "free"]
        await press(pilot, "asterisk")
        assert board_key(app) == "notice" and STARRED not in [e.key for e in app.screen.query_one(BoardsPane).entries]


async def test_n_and_a_on_a_synced_sample_board(demo_ctx: AppContext) -> None:
    """The whole path on a real sample board: a sync over HTTP, then n, N and A on what it stored."""
    app = NoticeApp(demo_ctx, sync_on_start=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        posts = app.screen.query_one(PostList)
        total = unread_counts(app)["*"]
        assert 2 < total == len(posts.rows) <= CONFIRM_OVER  # so that A marks at once
        await press(pilot, "n", "n")
        assert open_id(app) == cursor_id(app) == posts.rows.get(1).id  # type: ignore[union-attr]
        assert unread_counts(app)["*"] == total - 2 and app.screen.query_one(DetailPane).document is not None
        await press(pilot, "N")
        assert unread_counts(app)["*"] == total - 1
        await pilot.press("A")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert unread_counts(app)["*"] == 0 and all(not b.unread for b in demo_ctx.store.boards())


async def test_n_on_search_results_with_nothing_found_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"없는말", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await press(pilot, "n", "p")
        assert notified(app, "No unread posts in this list") and app.screen.query_one(DetailPane).post is None


async def test_n_crosses_boards_while_the_boards_pane_is_folded_away(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    read_all_but(ctx, ids, "free")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "j", "enter")  # the notice board, then the pane folds away again
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and board_key(app) == "notice" and not screen.boards_shown
        await press(pilot, "n")
        assert board_key(app) == "free" and open_id(app) == ids["free"] == cursor_id(app)


async def test_n_in_starred_walks_the_whole_starred_list_not_just_the_rows_read_so_far(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    free = ctx.board_id(ctx.config.boards[1])
    ctx.store.upsert_stubs(free, [stub(f"s{i}", f"별표 {i}", 1 + i % 28) for i in range(1_200)])
    ctx.store.mark_board(None)
    ctx.store.star([r.id for r in ctx.store.posts(free)])
    listed = ctx.store.starred_posts()
    far = listed[1_100].id  # far below the first 1,000 rows
    ctx.store.mark_posts([far], read=False)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "shift+tab", "j", "tab")  # All boards → ★ Starred, back to the list
        assert board_key(app) == STARRED
        await press(pilot, "n")
        await until(pilot, lambda: open_id(app) == far)
        assert cursor_id(app) == far and app.screen.query_one(PostList).cursor == 1_100
        await press(pilot, "n")  # the only unread one: no other
        assert open_id(app) == far
