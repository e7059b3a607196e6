"""What the store hands back to the CLI and the TUI: plain rows, already typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from noticetui.models import Request


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
            "category": self.category,
            "comments": self.comments,
            "attachments": [{"name": a.name, "size": a.size} for a in attachments],
        }
