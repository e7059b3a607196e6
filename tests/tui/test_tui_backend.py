"""The back room: jobs run on a thread of their own, with their own cache connection, and can be cancelled."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from noticetui.context import AppContext, make_fetcher
from noticetui.store import Store, StoreError
from noticetui.tui.backend import Backend


async def test_a_job_runs_on_another_thread_with_its_own_cache_connection(ctx: AppContext) -> None:
    backend = Backend(ctx, lambda: make_fetcher(ctx))
    seen: list[tuple[int, Store]] = []

    async def job(room: Backend) -> int:
        seen.append((threading.get_ident(), room.ctx.store))
        return room.ctx.store.count_posts()

    try:
        assert await backend.run(job) == ctx.store.count_posts()
    finally:
        await backend.stop()
    thread, store = seen[0]
    assert thread != threading.get_ident()
    assert store is not ctx.store and store.path == ctx.store.path


async def test_cancelling_the_waiting_task_cancels_the_job(ctx: AppContext) -> None:
    backend = Backend(ctx, lambda: make_fetcher(ctx))
    started, cancelled = threading.Event(), threading.Event()

    async def job(room: Backend) -> None:
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    waiting = asyncio.create_task(backend.run(job))
    try:
        assert await asyncio.to_thread(started.wait, 10)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        assert await asyncio.to_thread(cancelled.wait, 10)
    finally:
        await backend.stop()


async def test_a_cache_the_back_room_cannot_open_is_one_error_for_every_job(ctx: AppContext, tmp_path: Path) -> None:
    broken = AppContext(ctx.paths, ctx.config, Store(ctx.store.conn, tmp_path))  # a folder, not a database

    async def job(room: Backend) -> None:
        raise AssertionError("never runs")

    backend = Backend(broken, lambda: make_fetcher(broken))
    with pytest.raises(StoreError, match="cannot be used"):
        await backend.run(job)
    await backend.stop()
