"""The detail pane: the open post's header, its body rendered at the pane's width, its attachments."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from noticetui.render import Document, render_html, to_rich
from noticetui.store import AttachmentRow, PostRow
from noticetui.tui.format import clean_line, long_date
from noticetui.tui.widgets.attachments import AttachmentsView

SECRET_BODY = "🔒 This is a secret post (비밀글): its body can only be read with the author's password."


def header_text(post: PostRow) -> Text:
    """The title on its own line, then board · author · date · views · category."""
    text = Text(clean_line(post.title) or "(no title)", style="bold")
    facts = [
        clean_line(post.board),
        clean_line(post.author),
        long_date(post.posted_at),
        f"views {post.views:,}" if post.views is not None else "",
        clean_line(post.category),
    ]
    text.append("\n" + " · ".join(f for f in facts if f), style="dim")
    if post.notice:
        text.append("  공지", style="bold")
    return text


class DetailPane(VerticalScroll, can_focus=True):
    """Shows one post; re-wraps the body whenever the pane's width changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="detail.down"),
        Binding("k", "scroll_up", "Up", show=False, id="detail.up"),
        Binding("space", "page_down", "Page down", show=False, id="detail.page_down"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.post: PostRow | None = None
        self.document: Document | None = None
        self._rendered_width = 0

    def compose(self) -> ComposeResult:
        """Header, body and attachments, top to bottom."""
        yield Static(id="detail-header", markup=False)
        yield Static(Text("Choose a post to read it here.", style="dim"), id="detail-body", markup=False)
        yield AttachmentsView(id="attachments")

    @property
    def body_width(self) -> int:
        """The width the body is wrapped to (80 until the pane has been laid out)."""
        return self.scrollable_content_region.width or 80

    async def show_message(self, message: str, post: PostRow | None = None) -> None:
        """A placeholder (``loading…``, an error) under the post's header, or alone."""
        self.post, self.document = post, None
        self.query_one("#detail-header", Static).update(header_text(post) if post else "")
        self.query_one("#detail-body", Static).update(Text(message, style="dim italic"))
        await self.query_one(AttachmentsView).set_rows([])

    async def show_post(self, post: PostRow, attachments: list[AttachmentRow]) -> None:
        """Show ``post`` (which must carry its body, or be secret) with its attachments."""
        same_post = self.post is not None and self.post.id == post.id
        self.post = post
        self.query_one("#detail-header", Static).update(header_text(post))
        if post.body_html is None or (post.secret and not post.body_html):
            self.document = None
            message = SECRET_BODY if post.secret else "The body of this post is not cached yet."
            self.query_one("#detail-body", Static).update(Text(message, style="italic"))
        else:
            self.document = render_html(post.body_html, post.url)
            self._render_body()
        await self.query_one(AttachmentsView).set_rows(attachments)
        if not same_post:
            self.scroll_home(animate=False, immediate=True)

    async def set_attachments(self, attachments: list[AttachmentRow]) -> None:
        """Refresh the attachments (after a download saved some)."""
        await self.query_one(AttachmentsView).set_rows(attachments)

    def _render_body(self) -> None:
        if self.document is None:
            return
        self._rendered_width = self.body_width
        self.query_one("#detail-body", Static).update(to_rich(self.document, self._rendered_width))

    def on_resize(self, event: events.Resize) -> None:
        """Wrap the body again at the new width (tables and Korean text depend on it)."""
        if self.document is not None and self.body_width != self._rendered_width:
            self._render_body()
