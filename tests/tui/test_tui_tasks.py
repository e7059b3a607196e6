"""The TUI's background work as the reader sees it: rows while syncing, board errors, the tasks log, the
download queue, quitting with work in flight, console browsers, search as you type."""

from __future__ import annotations

import asyncio
import functools
import os
import stat
import threading
import webbrowser
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.widgets import Input, Static

from noticetui.context import AppContext
from noticetui.net.fetch import Fetcher
from noticetui.sync import BoardSyncResult, SyncProgress
from noticetui.tui.app import NoticeApp
from noticetui.tui.messages import BoardSynced, SyncProgressed, SyncStarted
from noticetui.tui.screens.activity import ActivityScreen
from noticetui.tui.screens.confirm import ConfirmScreen
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

from .helpers import cursor_id, cursor_on_library, settle, shown_text, sync_where_notice_fails, until
from .seed import store_on_notice, stub

AppFactory = Callable[..., NoticeApp]
WAIT = 30.0
"""The longest a gated request waits (a test always opens its gate before it ends)."""


def has_rows(posts: PostList, count: int) -> bool:
    """Whether the list shows ``count`` rows."""
    return len(posts.rows) == count


class GatedTransport(httpx.AsyncHTTPTransport):
    """A real transport that holds the requests ``hold`` picks until :attr:`gate` opens."""

    def __init__(self, hold: Callable[[httpx.Request], bool]) -> None:
        super().__init__()
        self.hold = hold
        self.gate = threading.Event()
        self.held = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Wait at the gate (in a thread: the request runs on the app's back-room loop), then go on."""
        if self.hold(request):
            self.held += 1
            await asyncio.to_thread(self.gate.wait, WAIT)
        return await super().handle_async_request(request)


def gated_app(
    ctx: AppContext, hold: Callable[[httpx.Request], bool], **options: Any
) -> tuple[NoticeApp, GatedTransport]:
    """The app over ``ctx`` whose requests picked by ``hold`` wait for the test."""
    transport = GatedTransport(hold)
    app = NoticeApp(ctx, fetcher_factory=lambda: Fetcher(retries=0, delay=0, transport=transport), **options)
    return app, transport


# --- rows while syncing ---------------------------------------------------------------------------------


async def test_rows_appear_while_bodies_are_still_being_fetched(demo_ctx: AppContext) -> None:
    seen: list[str] = []

    def hold(request: httpx.Request) -> bool:
        # The list page and the first post go through; every other post waits.
        post = "wr_id=" in str(request.url)
        seen.append(str(request.url))
        return post and sum("wr_id=" in url for url in seen) > 1

    app, transport = gated_app(demo_ctx, hold, sync_on_start=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            posts = app.screen.query_one(PostList)
            await until(pilot, lambda: len(posts.rows) > 0)
            assert app.main.busy  # the sync is still fetching bodies
            assert posts.empty_text != "No posts cached yet: press r to sync."
            first = posts.current
            assert first is not None
            transport.gate.set()
            await settle(app)
            await pilot.pause()
            assert posts.current is not None and posts.current.id == first.id
    finally:
        transport.gate.set()


async def test_before_any_row_is_stored_the_list_says_it_is_syncing(make_app: AppFactory, ctx: AppContext) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click(BoardsPane, offset=(5, 3))  # "free": one post
        app.screen.post_message(SyncStarted(2))
        await pilot.pause()
        board = ctx.store.board("free")
        assert board is not None
        ctx.store.conn.execute("DELETE FROM posts WHERE board_id = ?", (board.id,))
        app.screen.post_message(SyncProgressed(SyncProgress("free", "bodies", 0, 3)))
        await until(pilot, lambda: len(app.screen.query_one(PostList).rows) == 0)
        assert app.screen.query_one(PostList).empty_text.startswith("Syncing")


async def test_rows_stored_above_the_cursor_do_not_move_it_off_its_post(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = await cursor_on_library(pilot, ids)
        app.screen.post_message(SyncStarted(2))
        for round_, day in enumerate((10, 10, 10), start=1):
            # Each list page stored during the sync lands newer rows above the reader's post.
            store_on_notice(ctx, stub(f"9{round_}", f"새 글 {round_}", day))
            app.screen.post_message(SyncProgressed(SyncProgress("notice", "stored", round_, 3)))
            await until(pilot, functools.partial(has_rows, posts, 7 + round_))
            assert cursor_id(posts) == ids["library"]
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen.query_one(DetailPane)
        assert detail.post is not None and detail.post.id == ids["library"]


# --- board errors and the log -------------------------------------------------------------------------


async def test_a_boards_last_error_shows_above_its_list_reason_first(make_app: AppFactory, ctx: AppContext) -> None:
    board = ctx.store.board("notice")
    assert board is not None
    ctx.store.record_sync(board.id, "http://127.0.0.1:9/bbs/board.php?bo_table=notice: HTTP 503 Service Unavailable")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        line = app.screen.query_one("#board-error", Static)
        assert not line.display  # "All boards" has no error of its own
        await pilot.click(BoardsPane, offset=(5, 2))
        await pilot.pause()
        text = shown_text(line)
        assert line.display and text.startswith("Last sync failed")
        assert "HTTP 503 Service Unavailable — http://127.0.0.1:9/bbs/board.php?bo_table=notice" in text
        assert len(app.screen.query_one(PostList).rows) == 6  # the cached posts stay listed
        await pilot.click(BoardsPane, offset=(5, 3))
        await pilot.pause()
        assert not line.display


async def test_t_lists_every_sync_with_its_outcome(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await sync_where_notice_fails(pilot, "http://x/list: HTTP 500 Internal Server Error", offline=False)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ActivityScreen)
        log = shown_text(app.screen.query_one("#activity-log-text", Static))
        assert "notice: HTTP 500 Internal Server Error — http://x/list" in log
        assert "free: 2 new" in log
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ActivityScreen)


# --- downloads ------------------------------------------------------------------------------------------


def with_parallel(ctx: AppContext, limit: int) -> None:
    """Set ``downloads_parallel`` for this test's app."""
    ctx.config = replace(ctx.config, settings=replace(ctx.config.settings, downloads_parallel=limit))


async def open_row(app: NoticeApp, pilot: Any, index: int) -> None:
    """Open the post at list row ``index`` (and wait until it shows, not for downloads still running)."""
    posts = app.screen.query_one(PostList)
    posts.cursor = index
    row = posts.current
    assert row is not None
    await pilot.press("enter")
    detail = app.screen.query_one(DetailPane)
    await until(pilot, lambda: detail.post is not None and detail.post.id == row.id and detail.post.has_body)


def rows_with_files(app: NoticeApp) -> list[int]:
    """The list rows whose posts have attachments."""
    posts = app.screen.query_one(PostList)
    store = app.ctx.store
    return [i for i in range(len(posts.rows)) if (row := posts.rows.get(i)) and store.attachments([row.id])[row.id]]


@asynccontextmanager
async def gated_downloads(ctx: AppContext) -> AsyncIterator[tuple[NoticeApp, Any, GatedTransport]]:
    """The app over ``ctx``, synced, with a pilot; its downloads wait at the gate until the test opens it
    (the gate always opens at the end, so no request outlives the test)."""
    app, transport = gated_app(ctx, lambda r: "download.php" in str(r.url), sync_on_start=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            yield app, pilot, transport
    finally:
        transport.gate.set()


async def hold_a_download(app: NoticeApp, pilot: Any, transport: GatedTransport) -> None:
    """Open the first post with files and press d; return once its download waits at the gate."""
    await open_row(app, pilot, rows_with_files(app)[0])
    await pilot.press("d")
    await until(pilot, lambda: transport.held > 0)


async def test_a_second_d_queues_and_both_posts_files_are_saved(demo_ctx: AppContext) -> None:
    with_parallel(demo_ctx, 1)
    async with gated_downloads(demo_ctx) as (app, pilot, transport):
        first, second = rows_with_files(app)[:2]
        await open_row(app, pilot, first)
        await pilot.press("d")
        await open_row(app, pilot, second)
        await pilot.press("d")
        await pilot.pause()
        queue = app.main.queue
        assert [e.state for e in queue.entries.values()] == ["downloading", "queued"]  # limit 1: one waits
        assert "2 downloads" in shown_text(app.screen.query_one(StatusLine))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ActivityScreen)
        assert app.screen.query_one("#activity-downloads").row_count == 2  # type: ignore[attr-defined]
        transport.gate.set()
        await settle(app)
        await pilot.pause()
        assert [e.state for e in queue.entries.values()] == ["saved", "saved"]
        for entry in queue.entries.values():
            files = demo_ctx.store.attachments([entry.post_id])[entry.post_id]
            assert files and all(f.saved_path and Path(f.saved_path).is_file() for f in files)


async def test_a_download_can_be_cancelled_and_retried_from_the_tasks_screen(demo_ctx: AppContext) -> None:
    async with gated_downloads(demo_ctx) as (app, pilot, transport):
        await hold_a_download(app, pilot, transport)
        queue = app.main.queue
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert [e.state for e in queue.entries.values()] == ["cancelled"]
        transport.gate.set()
        await pilot.press("r")
        await until(pilot, lambda: [e.state for e in queue.entries.values()] in (["saved"], ["failed"]))
        assert [(e.state, e.error) for e in queue.entries.values()] == [("saved", "")]
        log = app.screen.query_one("#activity-log-text", Static)
        await until(pilot, lambda: "Saved" in shown_text(log))  # the screen redraws twice a second
        assert "cancelled" in shown_text(log)


async def quit_while_downloading(app: NoticeApp, pilot: Any, transport: GatedTransport) -> None:
    """Hold a download at the gate and press q: the quit question is shown."""
    await hold_a_download(app, pilot, transport)
    await pilot.press("q")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)


async def test_q_asks_before_quitting_while_a_download_runs(demo_ctx: AppContext) -> None:
    async with gated_downloads(demo_ctx) as (app, pilot, transport):
        await quit_while_downloading(app, pilot, transport)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen) and app.is_running
        assert app.main.queue.running()  # still downloading
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_the_quit_question_quits_by_itself_once_the_work_it_asks_about_ends(demo_ctx: AppContext) -> None:
    async with gated_downloads(demo_ctx) as (app, pilot, transport):
        await quit_while_downloading(app, pilot, transport)
        transport.gate.set()  # the download ends while the question is shown
        await until(pilot, lambda: not app.is_running)
        assert app.main.queue.entries and not app.main.queue.running()


async def test_q_quits_at_once_when_nothing_runs(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


# --- console browsers ------------------------------------------------------------------------------------


@pytest.fixture
def console_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake console browser (a script on PATH named as BROWSER) that writes the URL it got to a file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    marker = tmp_path / "browsed.txt"
    script = bin_dir / "w3m"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{marker}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("BROWSER", "w3m")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    # webbrowser reads BROWSER once: make it read it again (monkeypatch restores the old choice).
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    return marker


async def test_a_console_browser_gets_the_terminal_while_the_app_is_suspended(
    make_app: AppFactory, console_browser: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import contextmanager

    suspended: list[bool] = []

    @contextmanager
    def suspend() -> Iterator[None]:
        suspended.append(True)
        yield

    app = make_app()
    monkeypatch.setattr(app, "suspend", suspend)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "j", "j", "o")
        await pilot.pause()
        assert suspended == [True]
        assert console_browser.read_text(encoding="utf-8") == "http://127.0.0.1:9/bbs/board.php?bo_table=notice&wr_id=2"


async def test_without_suspension_a_console_browser_is_not_run_and_the_url_is_shown(
    make_app: AppFactory, console_browser: Path
) -> None:
    app = make_app()  # the test driver cannot suspend
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "j", "j", "o")
        await pilot.pause()
        assert not console_browser.exists()
        shown = [n.message for n in app._notifications]
        assert "http://127.0.0.1:9/bbs/board.php?bo_table=notice&wr_id=2" in shown


# --- search as you type ------------------------------------------------------------------------------


async def test_search_results_come_as_the_query_is_typed_with_the_match_highlighted(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"수강")
        posts = app.screen.query_one(PostList)
        await until(pilot, lambda: str(posts.border_title or "").startswith("Search: 수강"))
        assert isinstance(app.focused, Input)  # typing goes on: the focus stays in the box
        first = posts.rows.get(0)
        assert first is not None and "수강" in first.title
        line = posts.render_line(0)
        assert any(seg.style is not None and seg.style.reverse and "수강" in seg.text for seg in line)


# --- watched words -------------------------------------------------------------------------------------


async def test_watched_words_are_highlighted_and_new_matches_announced(make_app: AppFactory, ctx: AppContext) -> None:
    ctx.config = replace(ctx.config, settings=replace(ctx.config.settings, watch=("장학금",)))
    board = ctx.config.boards[0]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        new = store_on_notice(ctx, stub("98", "2024 국가장학금 신청 안내", 10))
        app.screen.post_message(BoardSynced(BoardSyncResult(board.name, seen=8, new=1, new_ids=new)))
        posts = app.screen.query_one(PostList)
        await until(pilot, functools.partial(has_rows, posts, 8))
        notes = [(n.title, n.message) for n in app._notifications]
        assert ("notice: new post with “장학금”", "2024 국가장학금 신청 안내") in notes
        index = next(i for i in range(len(posts.rows)) if (row := posts.rows.get(i)) and row.id == new[0])
        line = posts.render_line(index - int(posts.scroll_offset.y))
        assert any(seg.style is not None and seg.style.color is not None and "장학금" in seg.text for seg in line)


async def test_the_status_line_counts_one_board_in_the_singular(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.post_message(SyncStarted(1, ("free",)))
        await pilot.pause()
        assert "Syncing 0/1 board…" in shown_text(app.screen.query_one(StatusLine))
