"""The post list: a line-API widget that reads rows from its source a page at a time.

Only the rows on screen are formatted and only the pages around them are in memory, so a board with
100,000 cached posts paints as fast as one with ten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from noticetui.i18n import _
from noticetui.render import sanitize_line
from noticetui.store import PostRow
from noticetui.tui.actions import bindings
from noticetui.tui.format import post_line
from noticetui.tui.sources import FixedPosts, PageCache, PostSource


def utc_now() -> datetime:
    """The current time (the list compares it in each post's own zone)."""
    return datetime.now(UTC)


class PostList(ScrollView, can_focus=True):
    """Posts of the chosen board or search, newest first with pinned notices on top."""

    DEFAULT_CSS = """
    PostList > .post-list--cursor {
        background: $panel;
    }
    PostList:focus > .post-list--cursor {
        background: $accent 40%;
    }
    PostList > .post-list--empty {
        color: $text-muted;
        text-style: italic;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("posts")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"post-list--cursor", "post-list--empty"}

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Chosen(Message):
        """The user opened a post (Enter or a click)."""

        post: PostRow

    def __init__(self, *, now: Callable[[], datetime] = utc_now, id: str | None = None) -> None:
        super().__init__(id=id)
        self.now = now
        self.rows = PageCache(FixedPosts())
        self.empty_text = _("No posts.")
        self.search_words: tuple[str, ...] = ()
        """The words of the search the list shows (highlighted in the titles)."""
        self.watch_words: dict[str, tuple[str, ...]] = {}
        """Board name → its watched words (highlighted in the titles); ``""`` for every board."""

    def set_source(
        self,
        source: PostSource,
        *,
        keep: int | None = None,
        empty: str = "No posts.",
        search: tuple[str, ...] = (),
    ) -> None:
        """Show ``source`` from the top, or (a refresh) with the cursor kept on post ``keep``.

        When ``keep`` is not among the first rows any more, the cursor keeps its position instead of
        jumping: a sync that adds posts must not throw a reader back to the top.  ``search``: the words
        to highlight.
        """
        before = len(self.rows)
        self.rows = PageCache(source)
        self.empty_text = empty
        self.search_words = search
        self.border_title = Text(sanitize_line(source.label))  # a Text: titles and queries are not markup
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
        if keep is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            self.cursor = 0
        else:
            # Rows that arrived above the cursor push its post down by at most as many rows as arrived.
            grown = max(len(self.rows) - before, 0)
            index = self.rows.index_near(keep, self.cursor - 2, self.cursor + grown + 2)
            if index is None:
                index = self.rows.index_of(keep, 200)
            self.cursor = self.cursor if index is None else index
        self.refresh()

    @property
    def current(self) -> PostRow | None:
        """The post under the cursor."""
        return self.rows.get(self.cursor)

    def mark_read(self, post_id: int) -> None:
        """Show ``post_id`` as read (not bold) from now on."""
        self.rows.mark_read(post_id)
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(cursor, len(self.rows) - 1))

    def watch_cursor(self, cursor: int) -> None:
        """Scroll the cursor into view."""
        self.scroll_to_region(Region(0, cursor, 1, 1), animate=False, force=True, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Keep the scrollable size in step with the width."""
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        """Format the row at screen line ``y`` (reading its page from the store when needed)."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = self.scroll_offset.y + y
        row = self.rows.get(index)
        if row is None:
            if index == 0 and not len(self.rows):
                empty = Text(self.empty_text, style=self.get_component_rich_style("post-list--empty"))
                return self._strip(empty, width).apply_style(base)
            return Strip.blank(width, base)
        watch = self.watch_words.get(row.board, self.watch_words.get("", ()))
        line = post_line(row, width, self.now(), self.rows.source.tags, self.search_words, watch)
        strip = self._strip(line, width)
        if index == self.cursor:
            strip = strip.apply_style(self.get_component_rich_style("post-list--cursor"))
        return strip.apply_style(base)

    def _strip(self, text: Text, width: int) -> Strip:
        """``text`` as one line of exactly ``width`` cells."""
        return Strip(list(text.render(self.app.console)), text.cell_len).crop_extend(0, width, None)

    def action_cursor_down(self) -> None:
        """Move to the next post."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """Move to the previous post."""
        self.cursor -= 1

    def action_first(self) -> None:
        """Move to the first post."""
        self.cursor = 0

    def action_last(self) -> None:
        """Move to the last post."""
        self.cursor = len(self.rows) - 1

    def action_page_down(self) -> None:
        """Move down a screenful."""
        self.cursor += max(self.scrollable_content_region.height - 1, 1)

    def action_page_up(self) -> None:
        """Move up a screenful."""
        self.cursor -= max(self.scrollable_content_region.height - 1, 1)

    def action_choose(self) -> None:
        """Open the post under the cursor."""
        post = self.current
        if post is not None:
            self.post_message(self.Chosen(post))

    def on_click(self, event: events.Click) -> None:
        """A click selects the row under the pointer and opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if 0 <= index < len(self.rows):
            self.focus()
            self.cursor = index
            self.action_choose()
