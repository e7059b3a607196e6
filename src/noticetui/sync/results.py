"""What a sync reports: its progress steps, each board's result, and its one-line errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from noticetui.config import BoardConfig

UNREACHABLE = frozenset({"refused", "dns", "timeout", "tls", "network"})
"""Fetch error kinds that mean the site (or the network) is out of reach, not that a page is wrong."""


class SyncError(Exception):
    """A board could not be synced at all; ``str()`` is one line."""


@dataclass(frozen=True)
class SyncProgress:
    """A step of a board's sync, for a progress display."""

    board: str
    """The board's name."""
    stage: str
    """``list`` (reading list pages), ``stored`` (a list page's rows were just written to the store: the
    UI can show them), or ``bodies`` (fetching posts)."""
    done: int
    """Steps of the stage done so far (list pages read, bodies fetched)."""
    total: int | None
    """Steps the stage has in all, None while unknown (a list is read until it stops)."""
    post_ids: tuple[int, ...] = ()
    """For ``stored``: the ids of the posts that page brought that were not cached before."""


@dataclass
class BoardSyncResult:
    """What one board's sync did."""

    board: str
    """The board's name."""
    engine: str = ""
    """The engine that read the board (the detected one for ``engine = "auto"``)."""
    pages: int = 0
    """List pages read."""
    seen: int = 0
    """Posts those pages listed (a post on two pages counts once)."""
    new: int = 0
    """Posts not cached before."""
    updated: int = 0
    """Known posts that the list shows changed (title, day, files or edit marker); views never count."""
    bodies: int = 0
    """Post pages fetched and stored."""
    error: str | None = None
    """The first problem, in one line; None when everything worked."""
    offline: bool = False
    """True when the board failed because its site could not be reached (refused, DNS, timeout, TLS…)."""
    new_ids: list[int] = field(default_factory=list)
    """Ids of the posts not cached before."""
    backlog: int = 0
    """Bodies this sync owed from earlier ones (interrupted, failed or stale) when it started fetching."""
    missing: int = 0
    """Bodies still missing when the sync ended (failed, or not fetched with ``bodies=False``)."""
    matched: list[int] = field(default_factory=list)
    """Ids of new posts whose title has a watch word (the board's or the global ones)."""
    first: bool = False
    """True when the board had no cached post before this sync (every post is new then)."""

    @property
    def ok(self) -> bool:
        """True when the board synced without any problem."""
        return self.error is None


Progress = Callable[[SyncProgress], None]


def board_now(board: BoardConfig) -> datetime:
    """The current time in the board's zone."""
    return datetime.now(board.zone)
