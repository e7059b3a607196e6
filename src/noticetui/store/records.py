"""What the store hands back to the CLI and the TUI: plain rows, already typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from noticetui.models import Request
from noticetui.store.search import decompress_body


@dataclass(frozen=True)
class BoardRow:
    """A board as the cache knows it, with its counts."""

    id: int
    name: str
    url: str
    engine: str
    title: str
    posts: int
    unread: int
    last_sync: str | None
    last_error: str | None

    @property
    def display_title(self) -> str:
        """The title to show: the board's own title, else its name."""
        return self.title or self.name


@dataclass(frozen=True)
class AttachmentRow:
    """A post's file as stored."""

    post_id: int
    index: int
    name: str
    size: int | None
    request: Request | None
    saved_path: str | None
    sha256: str | None


@dataclass(frozen=True)
class PostRow:
    """A cached post; ``body_html`` is None until the body has been fetched (or when not loaded)."""

    id: int
    board_id: int
    board: str
    key: str
    title: str
    url: str
    request: Request
    author: str | None
    posted_at: datetime | None
    views: int | None
    notice: bool
    secret: bool
    reply_depth: int
    comments: int | None
    has_file: bool
    category: str | None
    read: bool
    has_body: bool
    body_html: str | None = None
    starred: bool = False
    """Whether the reader starred the post (``posts.starred_at`` is set)."""
    edited: bool = False
    """Whether a sync found the post changed since it was first read (its earlier versions are kept)."""
    also_on: int = 0
    """Other boards carrying this pinned notice with the same title (the all-boards list shows it once)."""

    @property
    def ref(self) -> str:
        """The id a user types on the command line."""
        return str(self.id)

    def to_json(self, attachments: list[AttachmentRow]) -> dict[str, Any]:
        """The object ``list --json`` prints (the contract in docs/architecture.md)."""
        return {
            "id": self.id,
            "board": self.board,
            "key": self.key,
            "title": self.title,
            "author": self.author,
            "posted_at": self.posted_at.isoformat() if self.posted_at else None,
            "views": self.views,
            "url": self.url,
            "notice": self.notice,
            "secret": self.secret,
            "read": self.read,
            "starred": self.starred,
            "category": self.category,
            "comments": self.comments,
            "edited": self.edited,
            "attachments": [{"name": a.name, "size": a.size} for a in attachments],
        }


POST_COLUMNS = """p.id, p.board_id, b.name, p.key, p.title, p.url, p.request, p.author, p.posted_at, p.views,
    p.notice, p.secret, p.reply_depth, p.comments, p.has_file, p.category, p.read, p.body_at IS NOT NULL,
    p.starred_at IS NOT NULL, p.edited_at IS NOT NULL"""
"""The columns :func:`post_from_row` reads, in order (``p`` = posts, ``b`` = boards)."""
_BODY = POST_COLUMNS.count(",") + 1
"""The index of the stored body, selected after the columns."""


def post_from_row(row: Sequence[Any]) -> PostRow:
    """A :class:`PostRow` from a row selected as :data:`POST_COLUMNS` (plus the stored body, if any)."""
    posted = datetime.fromisoformat(str(row[8])) if row[8] else None
    body = decompress_body(row[_BODY]) if len(row) > _BODY and row[_BODY] is not None else None
    return PostRow(
        id=int(row[0]),
        board_id=int(row[1]),
        board=str(row[2]),
        key=str(row[3]),
        title=str(row[4]),
        url=str(row[5]),
        request=Request.from_json(str(row[6])),
        author=None if row[7] is None else str(row[7]),
        posted_at=posted,
        views=None if row[9] is None else int(row[9]),
        notice=bool(row[10]),
        secret=bool(row[11]),
        reply_depth=int(row[12]),
        comments=None if row[13] is None else int(row[13]),
        has_file=bool(row[14]),
        category=None if row[15] is None else str(row[15]),
        read=bool(row[16]),
        has_body=bool(row[17]),
        body_html=body,
        starred=bool(row[18]),
        edited=bool(row[19]),
    )


def select_posts(where: str, board_id: int | None, unread_only: bool, order: str) -> tuple[str, list[object]]:
    """The query of a page of posts matching ``where`` (of one board, unread ones only when asked) in
    ``order``, and its parameters; the caller binds ``LIMIT ? OFFSET ?`` after them."""
    conditions = [where]
    params: list[object] = []
    if board_id is not None:
        conditions.append("p.board_id = ?")
        params.append(board_id)
    if unread_only:
        conditions.append("p.read = 0")
    sql = f"""SELECT {POST_COLUMNS} FROM posts p JOIN boards b ON b.id = p.board_id
              WHERE {" AND ".join(conditions)} ORDER BY {order} LIMIT ? OFFSET ?"""
    return sql, params
