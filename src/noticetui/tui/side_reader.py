"""A second connection to the cache for reads that run in thread workers, off the UI loop.

Counting a list under a filter that SQLite cannot index (watched words, matched in Python per title) or
numbering 100,000 rows to find the next unread one takes a few hundred milliseconds: run on the UI loop,
the screen would freeze that long.  Thread workers run them here instead, one at a time (a connection
belongs to one query at a time); the cache is in WAL mode, so the UI keeps reading and writing meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from noticetui.store import Store


class SideReader:
    """A lazily opened connection to ``store``'s file, lent to one thread at a time."""

    def __init__(self, store: Store) -> None:
        self._main = store
        self._own: Store | None = None
        self._lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Store]:
        """The connection, for the caller's thread alone until the block ends."""
        with self._lock:
            if self._own is None:
                path = self._main.path
                # An in-memory cache exists only in its own connection: share it (tests without a home only).
                self._own = Store.open(path) if path is not None else self._main
            yield self._own

    def close(self) -> None:
        """Close the connection (when one was opened)."""
        with self._lock:
            own, self._own = self._own, None
            if own is not None and own is not self._main:
                own.close()
