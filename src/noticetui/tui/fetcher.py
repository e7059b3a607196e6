"""One fetcher for the whole TUI session: one connection pool and one cookie jar for every worker."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from noticetui.net.fetch import Fetcher


class SharedFetcher:
    """Opens a :class:`Fetcher` on first use and hands the same one to every worker until closed.

    Download links are bound to the session that viewed the post, so sync, post loading and downloads
    must share one client rather than each opening their own.
    """

    def __init__(self, factory: Callable[[], Fetcher]) -> None:
        self._factory = factory
        self._fetcher: Fetcher | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> Fetcher:
        """The session's fetcher, opened now if this is the first request."""
        async with self._lock:
            if self._fetcher is None:
                fetcher = self._factory()
                await fetcher.__aenter__()
                self._fetcher = fetcher
            return self._fetcher

    async def close(self) -> None:
        """Close the fetcher if it was opened (the next :meth:`get` opens a new one)."""
        async with self._lock:
            fetcher, self._fetcher = self._fetcher, None
            if fetcher is not None:
                await fetcher.aclose()
