"""How posts, dates and sizes look in the TUI: pure functions from store rows to Rich ``Text``.

Nothing here imports Textual, so the formatting is tested without running an app.  Every piece of page
text goes through :func:`sanitize_line` and into a ``Text`` object, never into markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Span, Text

from noticetui.i18n import N_, _, ngettext
from noticetui.local_dates import has_time, to_user, user_now
from noticetui.render import sanitize_line
from noticetui.store import PostRow
from noticetui.watch import spans as watch_spans

NOTICE_MARK = "공지"
"""What marks a pinned notice in the list (four cells wide, like the column it sits in)."""
FILE_MARK = "📎"
SECRET_MARK = "🔒"
STAR_MARK = "★"
"""What marks a starred post, before its title."""
STAR_STYLE = "yellow"
EDITED_MARK = "✎"
"""What marks a post a sync found edited (``=`` shows what changed)."""
TODAY = N_("today")
"""What the list shows (in the UI language) for a post from today whose site gave only its date (no time to show)."""
DATE_WIDTH = 10
AUTHOR_WIDTH = 12
MARK_WIDTH = 4
TAG_MIN_WIDTH = 6
TAG_MAX_WIDTH = 14
"""Bounds of the board column of the all-boards list (board names are short ids such as ``g4-notice``)."""


def short_date(posted: datetime | None, now: datetime) -> str:
    """The list's date: ``HH:MM`` for a post from today (in the user's zone), :data:`TODAY` for one
    from today without a time (the site's day), ``YYYY-MM-DD`` otherwise."""
    if posted is None:
        return ""
    if posted.tzinfo is None:
        local, local_now = posted, now.replace(tzinfo=None)
    elif has_time(posted):
        local, local_now = to_user(posted), user_now(now)
    else:
        local, local_now = posted, now.astimezone(posted.tzinfo)
    if local.date() == local_now.date():
        return local.strftime("%H:%M") if has_time(posted) else _(TODAY)
    return local.strftime("%Y-%m-%d")


def long_date(posted: datetime | None) -> str:
    """``YYYY-MM-DD HH:MM`` in the user's zone for the detail header (``YYYY-MM-DD`` when the site gave
    no time); empty when the date is unknown."""
    if posted is None:
        return ""
    return to_user(posted).strftime("%Y-%m-%d %H:%M" if has_time(posted) else "%Y-%m-%d")


def _fit(text: Text, width: int, justify: str = "left") -> Text:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    width = max(width, 0)
    if text.cell_len <= width:
        fitted = text.copy()
    elif width == 0:
        fitted = Text()
    else:
        # Cut by hand rather than with Text.truncate: that pads a wide character cut in half with a space,
        # which leaves Korean titles ending in "제 …" instead of "제…".  The "…" keeps the text's style.
        keep = len(set_cell_size(text.plain, width - 1).rstrip())
        fitted = text[:keep]
        fitted.append("…")
        fitted.spans = [Span(s.start, s.end + (s.end == keep), s.style) for s in fitted.spans]
    gap = max(width - fitted.cell_len, 0)
    if justify == "right":
        fitted.pad_left(gap)
    else:
        fitted.pad_right(gap)
    return fitted


def fit_pair(left: Text, right: Text, width: int) -> Text:
    """``left`` then ``right`` on one line of exactly ``width`` cells: ``right`` flush right and whole,
    ``left`` cut with an ellipsis when both do not fit."""
    right_width = min(right.cell_len, width)
    gap = 1 if right_width and width > right_width else 0
    line = _fit(left, width - right_width - gap)
    line.append(" " * gap)
    if right_width:
        line.append_text(_fit(right, right_width))
    return line


class OneLine:
    """A Rich renderable of :func:`fit_pair` at whatever width it is given: one line, never wrapped."""

    def __init__(self, left: Text, right: Text) -> None:
        self.left = left
        self.right = right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The line at the width on offer."""
        yield fit_pair(self.left, self.right, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As narrow as one cell, as wide as both parts side by side."""
        return Measurement(1, self.left.cell_len + 1 + self.right.cell_len)


def tag_width(names: list[str]) -> int:
    """The width of the board column for boards called ``names`` (within the column's bounds)."""
    widest = max((cell_len(sanitize_line(n)) for n in names), default=0)
    return min(max(widest, TAG_MIN_WIDTH), TAG_MAX_WIDTH)


SEARCH_STYLE = "reverse"
"""How the words of a search stand out in the titles found."""
WATCH_STYLE = "bold yellow"
"""How a watched word (``watch = [...]`` in the config) stands out in a title."""


def title_text(post: PostRow, search: Sequence[str] = (), watch: Sequence[str] = (), marks: bool = True) -> Text:
    """The title with its star, reply indent, secret lock and (``marks``) :func:`title_marks`; the ``search``
    and ``watch`` words in it highlighted (case-insensitively; page text is never markup)."""
    text = Text()
    if post.starred:
        text.append(STAR_MARK + " ", style=STAR_STYLE)
    if post.reply_depth:
        text.append("  " * min(post.reply_depth, 4) + "↳ ", style="dim")
    if post.secret:
        text.append(SECRET_MARK + " ")
    offset = len(text.plain)
    title = sanitize_line(post.title) or _("(no title)")
    text.append(title, style=None if post.read else "bold")
    # Before the clip and the comment count are added: only the title's own words light up.
    # Watch words match as sync --notify matches them (case, spacing); search words as typed, ignoring case.
    for start, end in watch_spans(title, watch):
        text.stylize(WATCH_STYLE, offset + start, offset + end)
    if any(search):  # highlight_words([]) would match the empty string everywhere
        text.highlight_words([w for w in search if w], SEARCH_STYLE, case_sensitive=False)
    if marks:
        text.append_text(title_marks(post))
        # An older Rich (13.4, the floor) adds a span of style "" for an appended Text without a style of its own.
        text.spans = [s for s in text.spans if s.style]
    return text


def title_marks(post: PostRow) -> Text:
    """What follows the title: the edit mark, the attachment clip and the comment count."""
    text = Text()
    if post.edited:
        text.append(" " + EDITED_MARK, style="italic")
    if post.has_file:
        text.append(" " + FILE_MARK)
    if post.comments:
        text.append(f" [{post.comments}]", style="dim")
    return text


def post_line(
    post: PostRow,
    width: int,
    now: datetime,
    tags: int = 0,
    search: Sequence[str] = (),
    watch: Sequence[str] = (),
) -> Text:
    """One row of the post list, exactly ``width`` cells: mark, board (when ``tags``), title, author, date.

    ``tags`` is the board column's width, 0 for none (a single board's list).  On a narrow list the board
    column shrinks and the author column is dropped, to keep a readable title.
    """
    mark = Text(NOTICE_MARK, style="bold") if post.notice else Text("")
    date = Text(short_date(post.posted_at, now), style="dim")
    author = Text(sanitize_line(post.author), style="dim")
    show_author = width >= 60
    tags = min(tags, max(width // 5, TAG_MIN_WIDTH)) if tags else 0
    fixed = MARK_WIDTH + 1 + DATE_WIDTH + (AUTHOR_WIDTH + 1 if show_author else 0) + 1
    fixed += tags + 1 if tags else 0
    line = Text()
    line.append_text(_fit(mark, MARK_WIDTH))
    line.append(" ")
    if tags:
        line.append_text(_fit(Text(sanitize_line(post.board), style="dim"), tags))
        line.append(" ")
    title = title_text(post, search, watch, marks=False)
    # The marks after the title (a file, comments, an edit) stay in sight: the title is cut first.
    tail = title_marks(post)
    if post.also_on:
        # The all-boards list shows a notice several boards pin once (noticetui.store.listing): say so.
        more = ngettext("(+{count} board)", "(+{count} boards)", post.also_on).format(count=post.also_on)
        tail.append(" ").append(more, style="dim")
    room = max(width - fixed - tail.cell_len, 1)
    if tail and room > 8:
        title = _fit(title, room) if title.cell_len > room else title
    line.append_text(_fit(title.append_text(tail), max(width - fixed, 1)))
    line.append(" ")
    if show_author:
        line.append_text(_fit(author, AUTHOR_WIDTH))
        line.append(" ")
    line.append_text(_fit(date, DATE_WIDTH, justify="right"))
    line.truncate(width, pad=True)
    return line
