"""How posts, dates and sizes look in the TUI: pure functions from store rows to Rich ``Text``.

Nothing here imports Textual, so the formatting is tested without running an app.  Every piece of page
text goes through :func:`clean_line` and into a ``Text`` object, never into markup.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from noticetui.render import sanitize
from noticetui.store import PostRow

NOTICE_MARK = "공지"
"""What marks a pinned notice in the list (four cells wide, like the column it sits in)."""
FILE_MARK = "📎"
SECRET_MARK = "🔒"
DATE_WIDTH = 10
AUTHOR_WIDTH = 12
MARK_WIDTH = 4


def clean_line(text: str | None) -> str:
    """Page text made safe for one terminal line: control characters removed, whitespace collapsed."""
    return " ".join(sanitize(text or "").split())


def short_date(posted: datetime | None, now: datetime) -> str:
    """``HH:MM`` for a post from today (in the post's own zone), ``YYYY-MM-DD`` otherwise."""
    if posted is None:
        return ""
    local_now = now.astimezone(posted.tzinfo) if posted.tzinfo else now.replace(tzinfo=None)
    if posted.date() == local_now.date():
        return posted.strftime("%H:%M")
    return posted.strftime("%Y-%m-%d")


def long_date(posted: datetime | None) -> str:
    """``YYYY-MM-DD HH:MM`` for the detail header; empty when the date is unknown."""
    return posted.strftime("%Y-%m-%d %H:%M") if posted else ""


def human_size(size: int | None) -> str:
    """A byte count as people read it (``24.5 KB``); empty when unknown."""
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return ""  # pragma: no cover - the loop always returns


def _fit(text: Text, width: int, justify: str = "left") -> Text:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    fitted = text.copy()
    fitted.truncate(max(width, 0), overflow="ellipsis")
    gap = max(width - fitted.cell_len, 0)
    if justify == "right":
        fitted.pad_left(gap)
    else:
        fitted.pad_right(gap)
    return fitted


def title_text(post: PostRow) -> Text:
    """The title with its reply indent, secret lock, attachment clip and comment count."""
    text = Text()
    if post.reply_depth:
        text.append("  " * min(post.reply_depth, 4) + "↳ ", style="dim")
    if post.secret:
        text.append(SECRET_MARK + " ")
    text.append(clean_line(post.title) or "(no title)", style="bold" if not post.read else "")
    if post.has_file:
        text.append(" " + FILE_MARK)
    if post.comments:
        text.append(f" [{post.comments}]", style="dim")
    return text


def post_line(post: PostRow, width: int, now: datetime) -> Text:
    """One row of the post list, exactly ``width`` cells: mark, title, author, date.

    The author column is dropped when the list is too narrow to keep a readable title.
    """
    mark = Text(NOTICE_MARK, style="bold") if post.notice else Text("")
    date = Text(short_date(post.posted_at, now), style="dim")
    author = Text(clean_line(post.author), style="dim")
    show_author = width >= 60
    fixed = MARK_WIDTH + 1 + DATE_WIDTH + (AUTHOR_WIDTH + 1 if show_author else 0) + 1
    line = Text()
    line.append_text(_fit(mark, MARK_WIDTH))
    line.append(" ")
    line.append_text(_fit(title_text(post), max(width - fixed, 1)))
    line.append(" ")
    if show_author:
        line.append_text(_fit(author, AUTHOR_WIDTH))
        line.append(" ")
    line.append_text(_fit(date, DATE_WIDTH, justify="right"))
    line.truncate(width, pad=True)
    return line
