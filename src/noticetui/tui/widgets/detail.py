"""The detail pane: the open post's header, its body rendered at the pane's width, its attachments.

With images on, the body is cut below each shown image's placeholder line and an :class:`ImageSlot` goes
in each cut: ``#detail-body`` holds the first piece, ``.body-piece`` widgets the others.

Parsing a body and laying it out happen in a thread (a 5,000-level hostile post takes most of a second):
the pane keeps showing what it showed, says "loading…" if the body takes longer than a moment, and
drops a result that arrives for a post no longer open or a width no longer current.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from noticetui.i18n import N_, _
from noticetui.render import Document, Image, render_html, sanitize_line
from noticetui.store import AttachmentRow, PostRow
from noticetui.tui.actions import bindings
from noticetui.tui.format import long_date
from noticetui.tui.image_layout import Piece, image_lines, shown_images, split_lines
from noticetui.tui.image_support import ImageSupport
from noticetui.tui.messages import ImagesWanted
from noticetui.tui.widgets.attachments import AttachmentsView
from noticetui.tui.widgets.body_text import BodyText, Cut, cut
from noticetui.tui.widgets.image_slot import ImageSlot

if TYPE_CHECKING:
    from PIL.Image import Image as Picture

_LETTER = re.compile(r"\w")

LOADING_DELAY = 0.15
"""Seconds a body may take to lay out before the pane says "loading…" (a shorter wait goes unseen)."""

SECRET_BODY = N_("🔒 This is a secret post (비밀글): its body can only be read with the author's password.")


def header_text(post: PostRow, width: int = 80) -> Text:
    """The title, then board · author · date · views · category on as few lines of ``width`` cells as
    it takes, broken between facts (never inside one: ``views`` and its number stay together)."""
    text = Text(sanitize_line(post.title) or _("(no title)"), style="bold")
    facts = [
        sanitize_line(post.board),
        sanitize_line(post.author),
        long_date(post.posted_at),
        _("views {n}").format(n=f"{post.views:,}") if post.views is not None else "",
        sanitize_line(post.category),
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


def lay_out(source: Document | str, url: str, width: int) -> tuple[Document, Cut]:
    """Parse ``source`` (a body's HTML; a document is already parsed), lay it out at ``width`` cells and cut
    it into lines for :class:`BodyText`.

    Pure and slow on hostile bodies: the pane runs it in a thread, never on the UI loop.
    """
    from noticetui.render import to_rich  # the layout modules (and wcwidth) load with the first body

    document = render_html(source, url) if isinstance(source, str) else source
    return document, cut(to_rich(document, width))


@dataclass(frozen=True)
class Layout:
    """A body to lay out in a thread, and what to do with it once it is laid out."""

    source: Document | str
    """The post's HTML (a post being opened), or its document (laid out again at another width)."""
    url: str
    """The post's address (links and images in the body are resolved against it)."""
    attachments: list[AttachmentRow] | None
    """The attachments of a post being opened; ``None`` when the open post is only laid out again."""
    scroll_home: bool = False
    """Show the body from its top (another post was open)."""
    place: int = 0
    """Letters of the body above the top line before the re-layout, kept there after it."""


class DetailPane(VerticalScroll, can_focus=True):
    """Shows one post; re-wraps the body whenever the pane's width changes.

    ``images`` says whether pictures can be shown inline; the pane asks for them with
    :class:`ImagesWanted` and the screen hands them over with :meth:`show_image`.
    """

    DEFAULT_CSS = """
    DetailPane {
        scrollbar-gutter: stable;
    }
    DetailPane > #detail-header {
        margin-bottom: 1;
    }
    """

    ALLOW_MAXIMIZE = True  # containers refuse by default; the f key reads a post full screen
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("post")]

    def __init__(self, *, id: str | None = None, images: ImageSupport | None = None) -> None:
        super().__init__(id=id)
        self.post: PostRow | None = None
        self.document: Document | None = None
        self._rendered_width = 0
        self._lines = Text()
        """The body as last laid out (for keeping the reader's place when it is laid out again)."""
        self._cut: Cut | None = None
        """The same, cut into lines (in the thread that laid it out)."""
        self.image_support = images or ImageSupport(problem=_("Inline images are not available."))
        self.images_on = self.image_support.available and self.image_support.start_on
        """Whether the post's images are shown inline (the i key flips it)."""
        self._shown: list[Image] = []
        """The images that have a slot in the pane."""
        self._pieces: list[Piece] = []
        """The lines each body widget holds, in order (``#detail-body`` first)."""
        self._pictures: dict[int, Picture | str] = {}
        """The open post's images fetched so far, or why they could not be (by number)."""
        self._asked = False
        """Images were asked for and may still be on their way."""
        self._layout: Layout | None = None
        """The body being laid out in a thread, if any."""
        self._layout_width = 0
        """The width it is being laid out at."""
        self._generation = 0
        """Counts the layouts started: a layout that arrives after a newer one started is dropped."""

    def compose(self) -> ComposeResult:
        """Header, body and attachments, top to bottom."""
        yield Static(id="detail-header", markup=False)
        yield BodyText(Text(_("Choose a post to read it here."), style="dim"), id="detail-body")
        yield AttachmentsView(id="attachments")

    @property
    def body_width(self) -> int:
        """The width the body is wrapped to (80 until the pane has been laid out)."""
        return self.scrollable_content_region.width or 80

    async def show_message(self, message: str, post: PostRow | None = None) -> None:
        """A placeholder (``loading…``, an error) under the post's header, or alone."""
        self._open(post)
        await self._say(message, post)

    async def _say(self, message: str, post: PostRow | None) -> None:
        self.document = None
        self.query_one("#detail-header", Static).update(header_text(post, self.body_width) if post else "")
        self.query_one("#detail-body", Static).update(Text(message, style="dim italic"))
        await self._place_images()
        await self.query_one(AttachmentsView).set_rows([])

    async def show_post(self, post: PostRow, attachments: list[AttachmentRow]) -> None:
        """Show ``post`` (which must carry its body, or be secret) with its attachments.

        A body is parsed and laid out in a thread: it (with the header and attachments) appears when that
        is done; until then the pane shows what it showed, then "loading…" (see :data:`LOADING_DELAY`).
        """
        same_post = self.post is not None and self.post.id == post.id
        # Shown again before its first layout arrived: it still opens at its top.
        from_top = not same_post or (self._layout is not None and self._layout.scroll_home)
        self._open(post)
        if post.body_html is None or (post.secret and not post.body_html):
            self.document = None
            self.query_one("#detail-header", Static).update(header_text(post, self.body_width))
            message = _(SECRET_BODY) if post.secret else _("The body of this post is not cached yet.")
            self.query_one("#detail-body", Static).update(Text(message, style="italic"))
            await self._place_images()
            await self.query_one(AttachmentsView).set_rows(attachments)
            if not same_post:
                self.scroll_home(animate=False, immediate=True)
        else:
            self.document = None  # the links and images of the post shown until now are not this one's
            self._start_layout(Layout(post.body_html, post.url, attachments, scroll_home=from_top))

    def _open(self, post: PostRow | None) -> None:
        """Make ``post`` the pane's post; another post's pictures are forgotten, a layout under way dropped."""
        if post is None or self.post is None or post.id != self.post.id:
            self._pictures = {}
        self.post = post
        self._generation += 1
        self._layout = None
        self.app.workers.cancel_group(self, "detail-body")

    def _start_layout(self, layout: Layout) -> None:
        """Lay a body out at the pane's width in a thread (dropping any layout still under way)."""
        self._generation += 1
        self._layout, self._layout_width = layout, self.body_width
        work = self._lay_out(layout, self._generation, self.body_width)
        self.run_worker(work, name="lay out the post", group="detail-body", exclusive=True)

    async def _lay_out(self, layout: Layout, generation: int, width: int) -> None:
        """The worker: :func:`lay_out` in a thread, then the body shown if it is still wanted as it is."""
        laying = asyncio.ensure_future(asyncio.to_thread(lay_out, layout.source, layout.url, width))
        try:
            done, _pending = await asyncio.wait({laying}, timeout=LOADING_DELAY)
            if not done and layout.attachments is not None and generation == self._generation:
                await self._say(_("loading…"), self.post)
            document, lines = await laying
        finally:
            laying.cancel()  # the worker was cancelled: a newer layout (or post) replaced this one
        if generation != self._generation:
            return
        if width != self.body_width:  # resized while laying out, without a Resize reaching the pane
            self._start_layout(replace(layout, source=document))
            return
        self._layout = None
        await self._show_body(layout, document, lines, width)

    async def _show_body(self, layout: Layout, document: Document, lines: Cut, width: int) -> None:
        """Show a body laid out at ``width`` (with the header, and a newly opened post's attachments)."""
        self.document, self._cut, self._lines, self._rendered_width = document, lines, lines.text, width
        if self.post is not None:
            self.query_one("#detail-header", Static).update(header_text(self.post, width))
        if layout.attachments is not None:
            await self._place_images()
        self._fill()
        if layout.attachments is not None:
            await self.query_one(AttachmentsView).set_rows(layout.attachments)
        if layout.scroll_home:
            self.scroll_home(animate=False, immediate=True)
        elif layout.place:
            self.call_after_refresh(self._scroll_to_place, layout.place)

    async def set_attachments(self, attachments: list[AttachmentRow]) -> None:
        """Refresh the attachments (after a download saved some)."""
        await self.query_one(AttachmentsView).set_rows(attachments)

    async def set_images(self, on: bool) -> None:
        """Show the post's images inline, or only their placeholders, keeping the reader's place."""
        place = self._place() if self.document is not None else 0
        self.images_on = on
        await self._place_images()
        if self.document is not None:
            self._fill()
            if place:
                self.call_after_refresh(self._scroll_to_place, place)

    async def show_image(self, post_id: int, number: int, picture: Picture) -> None:
        """An image of post ``post_id`` arrived: show it in its slot (if that post is still open)."""
        if self.post is None or self.post.id != post_id:
            return
        self._pictures[number] = picture
        for slot in self.query(ImageSlot):
            if slot.number == number:
                # A picture appearing above the top line would push the text being read down the screen.
                above = self.scroll_y > 0 and slot.virtual_region.y < self.scroll_y
                place = self._place() if above else 0
                await slot.show_picture(picture)
                if place:
                    self.call_after_refresh(self._scroll_to_place, place)

    def show_image_problem(self, post_id: int, number: int, problem: str) -> None:
        """An image of post ``post_id`` cannot be shown: its slot says why, dimly."""
        if self.post is None or self.post.id != post_id:
            return
        self._pictures[number] = problem
        for slot in self.query(ImageSlot):
            if slot.number == number:
                slot.show_problem(problem)

    async def _place_images(self) -> None:
        """Give each image to show a slot followed by a body piece, or remove them all; then ask for the
        pictures not at hand yet (or, with none wanted, for the ones still coming to be dropped)."""
        await self.query(".image-slot, .body-piece").remove()
        document = self.document if self.images_on else None
        self._shown = shown_images(document) if document is not None else []
        widgets: list[Widget] = []
        for image in self._shown:
            widgets.append(
                ImageSlot(image.number, self.image_support, self.body_width, self._pictures.get(image.number))
            )
            widgets.append(BodyText(classes="body-piece"))
        if widgets:
            await self.mount_all(widgets, before=self.query_one(AttachmentsView))
        missing = [image for image in self._shown if image.number not in self._pictures]
        if missing or self._asked:
            self._asked = bool(missing)
            post = self.post
            referer = post.url if post is not None and post.url.startswith(("http://", "https://")) else None
            self.post_message(ImagesWanted(post.id if post is not None else 0, missing, referer))

    def _body_widgets(self) -> list[Static]:
        return [self.query_one("#detail-body", Static), *self.query(".body-piece").results(Static)]

    def _fill(self) -> None:
        """Put the laid-out body in the body widgets, cut below each image shown."""
        if self.document is None:
            return
        width = self._rendered_width
        if not self._shown:
            self._pieces = [Piece(self._lines, 0, self._lines.plain.count("\n") + 1)]
            self.query_one("#detail-body", BodyText).update(self._cut or self._lines)
            return
        self._pieces = split_lines(self._lines, image_lines(self._lines, self._shown))
        for index, (widget, piece) in enumerate(zip(self._body_widgets(), self._pieces, strict=True)):
            widget.update(piece.text)
            if index:
                widget.display = piece.end > piece.first  # two images on one line: nothing between them
        for slot in self.query(ImageSlot):
            slot.fit(width)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the post out again at the new width."""
        self.rewrap()

    def rewrap(self) -> None:
        """Wrap the header and body again if the width changed (tables and Korean text depend on it),
        keeping the reader's place: the text at the top stays at the top (full screen and back, a resized
        terminal). The body is laid out again in a thread; a layout under way starts again at the new width."""
        width = self.body_width
        if self._layout is not None:
            if width != self._layout_width:
                self._start_layout(self._layout)
            return
        if width == self._rendered_width:
            return
        if self.document is not None and self.post is not None:
            place = self._place()
            self._start_layout(Layout(self.document, self.post.url, None, place=place))
            return
        if self.post is not None:
            self.query_one("#detail-header", Static).update(header_text(self.post, width))
        self._rendered_width = width

    def _place(self) -> int:
        """How many letters of the body lie above the top line (0 at the top, or in the header)."""
        top = 0
        for widget, piece in zip(self._body_widgets(), self._pieces, strict=False):
            if not widget.display:
                continue  # an empty piece between two images on one line
            offset = int(self.scroll_y) - widget.virtual_region.y
            if offset < 0:
                break
            top = piece.first + min(offset, piece.end - piece.first)
        return letters(self._lines.plain.splitlines()[:top])

    def _scroll_to_place(self, place: int) -> None:
        # Letters rather than lines or a share of the height: wrapping at another width (and a table
        # drawn as a grid instead of stacked) moves lines, but not the order of the words.
        lines = self._lines.plain.splitlines()
        top = count = 0
        while top < len(lines) and count < place:
            count += letters([lines[top]])
            top += 1
        y = self.query_one("#detail-body").virtual_region.y + top
        for widget, piece in zip(self._body_widgets(), self._pieces, strict=False):
            if widget.display and piece.first <= top:
                y = widget.virtual_region.y + top - piece.first
        self.scroll_to(y=y, animate=False, immediate=True)
