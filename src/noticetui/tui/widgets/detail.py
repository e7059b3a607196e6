"""The detail pane: the open post's header, its body rendered at the pane's width, its attachments."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.cells import cell_len
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

_LETTER = re.compile(r"\w")

SECRET_BODY = "🔒 This is a secret post (비밀글): its body can only be read with the author's password."


def header_text(post: PostRow, width: int = 80) -> Text:
    """The title, then board · author · date · views · category on as few lines of ``width`` cells as
    it takes, broken between facts (never inside one: ``views`` and its number stay together)."""
    text = Text(clean_line(post.title) or "(no title)", style="bold")
    facts = [
        clean_line(post.board),
        clean_line(post.author),
        long_date(post.posted_at),
        f"views {post.views:,}" if post.views is not None else "",
        clean_line(post.category),
    ]
    lines: list[str] = []
    for fact in filter(None, facts):
        joined = f"{lines[-1]} · {fact}" if lines else fact
        if lines and cell_len(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(fact)
    if lines:
        text.append("\n" + "\n".join(lines), style="dim")
    if post.notice:
        text.append("  " if cell_len(lines[-1] if lines else "") + 6 <= width else "\n", style="dim")
        text.append("공지", style="bold")
    return text


def letters(lines: list[str]) -> int:
    """How many letters and digits ``lines`` hold (table borders, bullets and spaces do not count)."""
    return sum(len(_LETTER.findall(line)) for line in lines)


class DetailPane(VerticalScroll, can_focus=True):
    """Shows one post; re-wraps the body whenever the pane's width changes."""

    ALLOW_MAXIMIZE = True  # containers refuse by default; the f key reads a post full screen
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
        self._lines = Text()
        """The body as last laid out (for keeping the reader's place when it is laid out again)."""

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
        self.query_one("#detail-header", Static).update(header_text(post, self.body_width) if post else "")
        self.query_one("#detail-body", Static).update(Text(message, style="dim italic"))
        await self.query_one(AttachmentsView).set_rows([])

    async def show_post(self, post: PostRow, attachments: list[AttachmentRow]) -> None:
        """Show ``post`` (which must carry its body, or be secret) with its attachments."""
        same_post = self.post is not None and self.post.id == post.id
        self.post = post
        self.query_one("#detail-header", Static).update(header_text(post, self.body_width))
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
        self._lines = to_rich(self.document, self._rendered_width)
        self.query_one("#detail-body", Static).update(self._lines)

    def on_resize(self, event: events.Resize) -> None:
        """Wrap the header and body again at the new width (tables and Korean text depend on it), keeping
        the reader's place: the text at the top stays at the top (full screen and back, a resized terminal)."""
        if self.body_width == self._rendered_width:
            return
        place = self._place() if self.document is not None else 0
        if self.post is not None:
            self.query_one("#detail-header", Static).update(header_text(self.post, self.body_width))
        if self.document is not None:
            self._render_body()
        else:
            self._rendered_width = self.body_width
        if place:
            self.call_after_refresh(self._scroll_to_place, place)

    def _place(self) -> int:
        """How many letters of the body lie above the top line (0 at the top, or in the header)."""
        top = int(self.scroll_y) - self.query_one("#detail-body").virtual_region.y
        return letters(self._lines.plain.splitlines()[: max(top, 0)])

    def _scroll_to_place(self, place: int) -> None:
        # Letters rather than lines or a share of the height: wrapping at another width (and a table
        # drawn as a grid instead of stacked) moves lines, but not the order of the words.
        lines = self._lines.plain.splitlines()
        top = count = 0
        while top < len(lines) and count < place:
            count += letters([lines[top]])
            top += 1
        y = self.query_one("#detail-body").virtual_region.y + top
        self.scroll_to(y=y, animate=False, immediate=True)
