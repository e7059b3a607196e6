"""The TUI's back room: one thread with its own asyncio loop where every network and cache-writing job runs.

Parsing pages and writing SQLite take milliseconds each; on the UI's event loop they add up to stalls a
reader feels (issue 7.4).  Here they run on a second loop in a daemon thread, with the thread's own store
connection (sqlite3 connections belong to one thread; the cache is in WAL mode, so the UI keeps reading
while this thread writes) and the session's one fetcher (download links are bound to the session that
viewed the post, so sync, bodies and downloads must share it).  Jobs report through thread-safe
``post_message``; they never touch a widget.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from noticetui.context import AppContext
from noticetui.store import Store, StoreError
from noticetui.tui.fetcher import SharedFetcher

if TYPE_CHECKING:  # httpx loads with the first fetcher, after the first frame
    from noticetui.net.fetch import Fetcher

T = TypeVar("T")

Job = Callable[["Backend"], Awaitable[T]]
"""A coroutine function run on the back-room loop; it gets the backend (its context and fetcher)."""


class Backend:
    """A daemon thread running an asyncio loop, a store connection and the shared fetcher.

    :meth:`run` is awaited from the UI loop; cancelling the awaiting task (an exclusive Textual worker
    replaced by a newer one) cancels the job in the back room too.
    """

    def __init__(self, ctx: AppContext, fetcher_factory: Callable[[], Fetcher]) -> None:
        self._ui_ctx = ctx
        self._fetcher_factory = fetcher_factory
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._store: Store | None = None
        self._fetchers: SharedFetcher | None = None
        self._locks: dict[str, asyncio.Semaphore] = {}
        self._error: str | None = None
        """Why the back room could not start (its own connection to the cache failed)."""

    @property
    def ctx(self) -> AppContext:
        """The context jobs use: the UI's paths and current config, the back room's own store connection."""
        assert self._store is not None, "the backend is not started"
        return replace(self._ui_ctx, store=self._store)

    async def fetcher(self) -> Fetcher:
        """The session's fetcher (opened on first use, on the back-room loop)."""
        assert self._fetchers is not None, "the backend is not started"
        return await self._fetchers.get()

    def limit(self, name: str, size: int) -> asyncio.Semaphore:
        """A semaphore of ``size`` shared by every job that asks for ``name`` (e.g. parallel downloads)."""
        semaphore = self._locks.get(name)
        if semaphore is None:
            semaphore = self._locks[name] = asyncio.Semaphore(max(1, size))
        return semaphore

    def start(self) -> None:
        """Start the thread (once) and wait until its loop runs."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._main, name="noticetui-backend", daemon=True)
        self._thread.start()
        self._ready.wait()

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        path = self._ui_ctx.store.path
        try:
            # An in-memory cache exists only in its own connection: share it (tests without a home only).
            self._store = Store.open(path) if path is not None else self._ui_ctx.store
        except StoreError as exc:  # the UI goes on reading what it can; every job reports this line
            self._error = str(exc)
            self._ready.set()
            loop.close()
            return
        self._fetchers = SharedFetcher(self._fetcher_factory)
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._fetchers.close())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            if self._store is not self._ui_ctx.store:
                self._store.close()

    async def run(self, job: Job[T]) -> T:
        """Run ``job`` on the back-room loop and wait for its result without blocking the caller's loop."""
        self.start()
        if self._loop is None:
            raise StoreError(self._error or "the background worker is not running")
        future = asyncio.run_coroutine_threadsafe(self._call(job), self._loop)
        return await asyncio.wrap_future(future)

    async def _call(self, job: Job[T]) -> T:
        return await job(self)

    async def stop(self) -> None:
        """Cancel what still runs, close the fetcher and the store connection, and end the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return

        async def cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(cancel_all(), loop))
        loop.call_soon_threadsafe(loop.stop)
        await asyncio.to_thread(thread.join, 10)
        self._loop = self._thread = None
