"""Where the post list gets its rows: a board (or all boards) from the store, or search results.

The list never holds every post.  It asks its source for the row count and reads rows in pages as they
scroll into view; :class:`PageCache` keeps a few recent pages, so memory stays flat with 100,000 posts.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Protocol

from noticetui.i18n import _
from noticetui.store import ListQuery, PostRow, Store, listing


class PostSource(Protocol):
    """Rows the post list can show."""

    @property
    def label(self) -> str:
        """What the list is showing, for its title."""
        ...

    @property
    def tags(self) -> int:
        """The width of a column naming each row's board; 0 when the rows all come from one board."""
        ...

    def count(self) -> int:
        """How many rows there are."""
        ...

    def fetch(self, offset: int, limit: int) -> list[PostRow]:
        """Rows ``offset`` to ``offset + limit`` (fewer at the end)."""
        ...


@dataclass(frozen=True)
class BoardPosts:
    """The cached posts of one board (``board_id`` None: every board), pinned notices first."""

    store: Store
    board_id: int | None
    label: str
    unread_only: bool = False
    tags: int = 0
    """The width of the board column (the all-boards list); 0 for none."""

    def count(self) -> int:
        """The number of posts (unread ones only when ``unread_only``)."""
        if not self.unread_only:
            return self.store.count_posts(self.board_id)
        return sum(b.unread for b in self.store.boards() if self.board_id in (None, b.id))

    def fetch(self, offset: int, limit: int) -> list[PostRow]:
        """One page of posts from the store."""
        return self.store.posts(self.board_id, unread_only=self.unread_only, limit=limit, offset=offset)


@dataclass(frozen=True)
class ListedPosts:
    """The posts a :class:`~noticetui.store.ListQuery` describes: a board or all boards, filtered and
    sorted (see :mod:`noticetui.store.listing`), read a page at a time."""

    store: Store
    query: ListQuery
    label: str
    tags: int = 0
    """The width of the board column (the all-boards list); 0 for none."""

    groups: dict[int, int] = field(default_factory=dict, compare=False)
    """The notices the all-boards list shows once, read with the first page and kept for the others."""

    def count(self) -> int:
        """The number of rows the list has."""
        return listing.count(self.store.conn, self.query)

    def fetch(self, offset: int, limit: int) -> list[PostRow]:
        """One page of the list."""
        if not self.groups and self.query.notices == "once":
            self.groups.update(listing.notice_groups(self.store.conn, self.query))
        return listing.fetch(self.store.conn, self.query, limit, offset, self.groups or None)

    @property
    def unread_only(self) -> bool:
        """Whether the list holds unread posts only (what ``n`` and ``p`` ask of every source)."""
        return self.query.unread


@dataclass(frozen=True)
class StarredPosts:
    """The starred posts of every board, newest star first (the boards pane's "★ Starred")."""

    store: Store
    label: str
    unread_only: bool = False
    tags: int = 0
    """The width of the board column; 0 for none."""

    def count(self) -> int:
        """The number of starred posts (unread ones only when ``unread_only``)."""
        return self.store.count_starred(unread_only=self.unread_only)

    def fetch(self, offset: int, limit: int) -> list[PostRow]:
        """One page of starred posts."""
        return self.store.starred_posts(unread_only=self.unread_only, limit=limit, offset=offset)


@dataclass(frozen=True)
class FixedPosts:
    """Rows already in memory: search results (capped by the search) or nothing at all."""

    rows: list[PostRow] = field(default_factory=list)
    label: str = ""
    tags: int = 0
    """The width of the board column (search results from several boards); 0 for none."""

    def count(self) -> int:
        """The number of rows."""
        return len(self.rows)

    def fetch(self, offset: int, limit: int) -> list[PostRow]:
        """A slice of the rows."""
        return self.rows[offset : offset + limit]


class PageCache:
    """Rows of a source read a page at a time, the least recently used pages dropped first."""

    def __init__(self, source: PostSource, page_size: int = 100, max_pages: int = 8) -> None:
        self.source = source
        self.page_size = page_size
        self.max_pages = max_pages
        self.total = source.count()
        self._pages: OrderedDict[int, list[PostRow]] = OrderedDict()

    def __len__(self) -> int:
        return self.total

    def get(self, index: int) -> PostRow | None:
        """The row at ``index``, or None past the end (the source may have shrunk since counting)."""
        if not 0 <= index < self.total:
            return None
        number, within = divmod(index, self.page_size)
        page = self._pages.get(number)
        if page is None:
            page = self.source.fetch(number * self.page_size, self.page_size)
            self._pages[number] = page
            while len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def mark_read(self, post_id: int) -> None:
        """Show a post as read without reloading its page (the list stays put while the user reads)."""
        self.patch({post_id}, read=True)

    def patch(self, post_ids: set[int], *, read: bool | None = None, starred: bool | None = None) -> None:
        """Show posts read or unread, starred or not, without reloading their pages."""
        for page in self._pages.values():
            for i, row in enumerate(page):
                if row.id in post_ids:
                    row = replace(row, read=row.read if read is None else read)
                    page[i] = replace(row, starred=row.starred if starred is None else starred)

    def index_near(self, post_id: int, start: int, stop: int) -> int | None:
        """Where post ``post_id`` is between rows ``start`` and ``stop`` (both included), or None."""
        for index in range(max(start, 0), min(stop + 1, self.total)):
            row = self.get(index)
            if row is not None and row.id == post_id:
                return index
        return None

    def index_of(self, post_id: int, limit: int = 1000) -> int | None:
        """Where post ``post_id`` is among the first ``limit`` rows, or None."""
        for index in range(min(self.total, limit)):
            row = self.get(index)
            if row is not None and row.id == post_id:
                return index
        return None

    @property
    def pages_loaded(self) -> int:
        """How many pages are in memory (for tests of the lazy loading)."""
        return len(self._pages)


@dataclass(frozen=True)
class BoardEntry:
    """One line of the boards pane."""

    key: str
    """A stable id for the line: ``*`` for all boards, else the board's name."""
    label: str
    """The board's title (page text: sanitise before showing)."""
    board_id: int | None
    """The store's id; None for "All boards" and for a configured board never synced."""
    unread: int = 0
    posts: int = 0
    configured: bool = True
    """False for a board the cache still holds but the config no longer lists."""
    error: str | None = None
    """The last sync's error, when it failed."""
    error_at: str | None = None
    """When that sync ran (ISO 8601, as the store keeps it)."""


ALL_BOARDS = "*"
STARRED = "★"
"""The key of the "★ Starred" line (no board can be called this: names are letters, digits and ``_ . -``)."""


def board_entries(store: Store, configured: list[tuple[str, str]], starred: bool = False) -> list[BoardEntry]:
    """All boards, "★ Starred" (while any post is starred, or when ``starred``), then the configured
    ``(name, title)`` boards in config order, then cached leftovers."""
    cached = {row.name: row for row in store.boards()}
    entries = [
        BoardEntry(
            ALL_BOARDS,
            _("All boards"),
            None,
            unread=sum(r.unread for r in cached.values()),
            posts=sum(r.posts for r in cached.values()),
        )
    ]
    stars = store.count_starred()
    if stars or starred:
        # Shown once something is starred: until then it would be one more line on every screen.
        entries.append(BoardEntry(STARRED, _("★ Starred"), None, store.count_starred(unread_only=True), stars))
    for name, title in configured:
        row = cached.pop(name, None)
        if row is None:
            entries.append(BoardEntry(name, title or name, None))
        else:
            label = title or row.display_title
            error_at = row.last_sync if row.last_error else None
            entries.append(BoardEntry(name, label, row.id, row.unread, row.posts, True, row.last_error, error_at))
    for row in cached.values():
        if row.posts:
            entries.append(BoardEntry(row.name, row.display_title, row.id, row.unread, row.posts, False))
    return entries
