"""A list whose filter SQLite cannot serve from an index, resolved once off the UI loop.

The watched-words filter matches each title in Python (case, composition and spaces folded, as
:mod:`noticetui.watch` does): counting 100,000 posts that way takes a quarter of a second, and every
page read deep into a list of rare matches would scan as far again.  So a thread worker reads the ids
of the whole list, in order, once (:func:`resolve`); the list then pages through them by id, which costs
what any page costs.  Ids are kept in an ``array`` (8 bytes each): 100,000 of them are 800 KB.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field, replace

from noticetui.store import ListQuery, PostRow, Store, listing


def slow(query: ListQuery) -> bool:
    """Whether the list of ``query`` needs Python for each row (its count would stall the UI loop)."""
    return query.watched is not None


@dataclass(frozen=True)
class Resolved:
    """The ids of a list in order, and the notices it shows once (see :func:`listing.notice_groups`)."""

    ids: array[int]
    groups: dict[int, int]


def resolve(store: Store, query: ListQuery) -> Resolved:
    """Read the list of ``query`` as ids (on the caller's connection: a worker's own)."""
    groups = listing.notice_groups(store.conn, query) if query.notices == "once" else {}
    return Resolved(array("q", listing.ids(store.conn, query, -1)), groups)


@dataclass(frozen=True)
class ResolvedPosts:
    """A resolved list: rows read by id, a page at a time, from the UI's own connection."""

    store: Store
    query: ListQuery
    label: str
    resolved: Resolved = field(compare=False)
    tags: int = 0
    """The width of the board column (the all-boards list); 0 for none."""

    def count(self) -> int:
        """The number of rows (as the list was when resolved)."""
        return len(self.resolved.ids)

    def fetch(self, offset: int, limit: int) -> list[PostRow]:
        """Rows ``offset`` to ``offset + limit`` (posts deleted since leave their place out)."""
        rows = self.store.posts_by_id(self.resolved.ids[offset : offset + limit].tolist())
        groups = self.resolved.groups
        return [replace(r, also_on=groups[r.id]) if groups.get(r.id, 0) > 0 else r for r in rows]

    @property
    def unread_only(self) -> bool:
        """Whether the list holds unread posts only (what ``n`` and ``p`` ask of every source)."""
        return self.query.unread
