"""Syncing from the TUI against the sample boards: r syncs only the highlighted board, R every board,
``refresh_every`` syncs on its own, and the TUI and a CLI sync never write the cache at once."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from noticetui.context import AppContext
from noticetui.demo.server import DemoServer
from noticetui.sync.lock import SyncLock, lock_path
from noticetui.tui.app import NoticeApp
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.status import StatusLine

from .conftest import demo_home
from .helpers import settle, shown_text
from .seed import NOW

PREFIXES = {"gnuboard": "/gnuboard5/", "rhymix": "/rhymix/"}


def two_boards_home(path: Path, demo: DemoServer, extra: str = "") -> Path:
    """A home following the sample gnuboard5 and rhymix boards (one list page each)."""
    return demo_home(path, demo, tuple(PREFIXES), extra=extra)


@pytest.fixture
def two_ctx(tmp_path: Path, demo: DemoServer) -> Iterator[AppContext]:
    ctx = AppContext.for_home(two_boards_home(tmp_path / "two", demo))
    yield ctx
    ctx.close()


def requested_since(demo: DemoServer, start: int) -> list[str]:
    return [target for _, target in demo.request_log[start:]]


async def test_r_syncs_only_the_highlighted_board_and_marks_it_syncing(
    two_ctx: AppContext, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    marked: list[frozenset[str]] = []
    original = BoardsPane.set_syncing

    def record(pane: BoardsPane, names: frozenset[str]) -> None:
        marked.append(names)
        original(pane, names)

    monkeypatch.setattr(BoardsPane, "set_syncing", record)
    gnuboard, rhymix = (b.name for b in two_ctx.config.boards)
    app = NoticeApp(two_ctx, sync_on_start=False, now=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(BoardsPane)
        pane.highlighted = 2
        await pilot.pause()
        start = len(demo.request_log)
        await pilot.press("r")
        await settle(app)
        await pilot.pause()
        requests = requested_since(demo, start)
        assert requests and all(t.startswith(PREFIXES["rhymix"]) for t in requests)
        assert marked[0] == frozenset({rhymix}) and marked[-1] == frozenset()
        assert pane.syncing == frozenset()
    assert two_ctx.store.board(gnuboard) is None
    assert (two_ctx.store.board(rhymix) or pytest.fail("not synced")).posts > 0


async def test_capital_r_syncs_every_board(two_ctx: AppContext, demo: DemoServer) -> None:
    app = NoticeApp(two_ctx, sync_on_start=False, now=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(BoardsPane).highlighted = 2
        start = len(demo.request_log)
        await pilot.press("R")
        await settle(app)
        requests = requested_since(demo, start)
    for prefix in PREFIXES.values():
        assert any(t.startswith(prefix) for t in requests)
    assert all((two_ctx.store.board(b.name) or pytest.fail(b.name)).posts > 0 for b in two_ctx.config.boards)


async def until(condition: object, seconds: float = 20.0) -> None:
    """Wait (in real time: the auto-refresh timer runs on it) until ``condition()`` holds."""
    assert callable(condition)
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    pytest.fail("timed out waiting")


async def test_refresh_every_syncs_every_board_on_its_own_and_says_when(tmp_path: Path, demo: DemoServer) -> None:
    ctx = AppContext.for_home(two_boards_home(tmp_path / "auto", demo, "refresh_every = 1"))
    app = NoticeApp(ctx, sync_on_start=False, now=lambda: NOW)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            status = app.screen.query_one(StatusLine)
            expected = f"next sync {(NOW + timedelta(seconds=1)).astimezone():%H:%M}"
            await pilot.pause()
            assert expected in shown_text(status)
            await until(lambda: all(ctx.store.board(b.name) for b in ctx.config.boards))
            await settle(app)
            assert expected in shown_text(status)  # planned again for the next round
            assert all((ctx.store.board(b.name) or pytest.fail(b.name)).posts > 0 for b in ctx.config.boards)
    finally:
        ctx.close()


async def test_a_held_lock_stops_the_tuis_sync_and_the_next_refresh_retries(tmp_path: Path, demo: DemoServer) -> None:
    ctx = AppContext.for_home(two_boards_home(tmp_path / "locked", demo, "refresh_every = 1"))
    app = NoticeApp(ctx, sync_on_start=False, now=lambda: NOW)
    lock = SyncLock(lock_path(ctx.paths.database))
    lock.acquire()  # as a CLI sync would: another open file, so the TUI's flock is refused
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            start = len(demo.request_log)
            await pilot.press("R")
            await settle(app)
            await pilot.pause()
            status = shown_text(app.screen.query_one(StatusLine))
            assert f"another sync is running (pid {os.getpid()}); trying again at the next refresh" in status
            assert requested_since(demo, start) == []
            lock.release()
            await until(lambda: all(ctx.store.board(b.name) for b in ctx.config.boards))
            await settle(app)
    finally:
        lock.release()
        ctx.close()


async def test_a_cli_sync_while_the_tui_syncs_gets_the_lock_message(two_ctx: AppContext, demo: DemoServer) -> None:
    env = {**os.environ, "NOTICETUI_HOME": str(two_ctx.paths.config_file.parent)}
    command = [sys.executable, "-m", "noticetui", "sync"]
    app = NoticeApp(two_ctx, sync_on_start=False, now=lambda: NOW)
    demo.set_fault("slow")  # every page waits 2 s: the TUI's sync is still running when the CLI starts
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("R")
            await until(lambda: app.main.syncing)
            cli = await asyncio.to_thread(subprocess.run, command, env=env, capture_output=True, text=True, timeout=50)
            assert cli.returncode == 1
            assert cli.stderr.strip() == f"noticetui: another sync is running (pid {os.getpid()})"
    finally:
        demo.set_fault(None)


async def test_renaming_or_removing_waits_for_the_running_sync(two_ctx: AppContext, demo: DemoServer) -> None:
    from noticetui.tui.screens.boards_editor import BoardsEditor

    app = NoticeApp(two_ctx, sync_on_start=False, now=lambda: NOW)
    before = two_ctx.paths.config_file.read_text(encoding="utf-8")
    demo.set_fault("slow")  # the sync is still running while the keys are pressed
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("R")
            await until(lambda: app.main.syncing)
            for key in ("e", "D"):
                await pilot.press("E", key)
                editor = app.screen
                assert isinstance(editor, BoardsEditor)
                assert shown_text(editor.query_one("#editor-state", Static)).startswith("A sync is running")
                await pilot.press("escape")
    finally:
        demo.set_fault(None)
    assert two_ctx.paths.config_file.read_text(encoding="utf-8") == before
