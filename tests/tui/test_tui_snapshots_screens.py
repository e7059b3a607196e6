"""SVG snapshots of the screens issue 10 names: the main screen with no post open (120×40 and 80×24), a board
whose last sync failed, and the tasks screen with a sync log.  Data and clock are the seed's (fixed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from noticetui.context import AppContext
from noticetui.sync import BoardSyncResult
from noticetui.tui.app import NoticeApp
from noticetui.tui.messages import BoardSynced, SyncFailed, SyncFinished, SyncStarted
from noticetui.tui.widgets.boards import BoardsPane

from .seed import NOW

SnapCompare = Callable[..., bool]
AppFactory = Callable[..., NoticeApp]


def test_main_screen_at_120x40(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """All boards, newest first, the boards pane with counts, nothing open yet."""
    assert snap_compare(make_app(), terminal_size=(120, 40))


def test_main_screen_at_80x24(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """At 80×24 the boards pane is folded away (b shows it): the list has the width."""
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_board_with_an_error_at_120x40(make_app: AppFactory, ctx: AppContext, snap_compare: SnapCompare) -> None:
    """A board whose last sync failed: the reason first, then the address, above its cached posts."""
    board = ctx.store.board("notice")
    assert board is not None
    ctx.store.record_sync(board.id, "http://127.0.0.1:9/bbs/board.php?bo_table=notice: HTTP 503 Service Unavailable")
    with ctx.store.transaction() as conn:  # a fixed time: the suite's clock ticks on from its pinned instant
        conn.execute("UPDATE boards SET last_sync = ? WHERE id = ?", ("2024-03-10T05:30:00+00:00", board.id))

    async def pick_the_board(pilot: Any) -> None:
        await pilot.pause()
        boards = pilot.app.screen.query_one(BoardsPane)
        entry = next(i for i, e in enumerate(boards.entries) if e.key == "notice")
        boards.highlighted = entry
        await pilot.pause()

    assert snap_compare(make_app(), run_before=pick_the_board, terminal_size=(120, 40))


def test_tasks_screen_at_120x40(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """t: the log of a sync where one board failed and one brought new posts."""

    async def sync_then_t(pilot: Any) -> None:
        screen = pilot.app.screen
        screen.log_now = lambda: NOW  # the log's time stamps, fixed (the suite's clock ticks)
        screen.post_message(SyncStarted(2, ("notice", "free")))
        screen.post_message(SyncFailed("notice", "http://x/list: HTTP 500 Internal Server Error", offline=False))
        screen.post_message(BoardSynced(BoardSyncResult("free", new=2, seen=6, pages=1, bodies=2)))
        screen.post_message(SyncFinished())
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=sync_then_t, terminal_size=(120, 40))
