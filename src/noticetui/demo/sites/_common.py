"""What the sample sites share: a site whose boards are a table and whose pages are a table of routes, and
the small request helpers every site needs (the server's "now", the number readers of PHP and Java, the
editor images, list numbering and the New mark).

A site keeps its own markup and quirks in its own module; what lives here behaves the same on every site.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TypedDict

from noticetui.demo import content
from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard


class SampleSite:
    """The common frame of a site: :attr:`prefix`, the session cookie, the boards and routing by path.

    :meth:`handle` looks the request's route up in :meth:`routes` and hands anything else to :meth:`other`,
    so a site declares its pages as a table and writes only the handlers.
    """

    prefix: str
    """The path the site lives under, without a trailing slash (``/gnuboard5``)."""
    session_cookie: str = "PHPSESSID"
    """The cookie name of its sessions (``PHPSESSID``, ``JSESSIONID``)."""
    board_table: tuple[DemoBoard, ...] = ()
    """The boards it serves, with URLs relative to the server (``/gnuboard5/bbs/board.php?bo_table=notice``)."""

    def boards(self, base_url: str) -> list[DemoBoard]:
        """:attr:`board_table` with its URLs on the server at ``base_url``."""
        return [replace(board, url=base_url + board.url) for board in self.board_table]

    def handle(self, request: DemoRequest) -> DemoResponse:
        """Answer with the handler :meth:`routes` names for the route, else with :meth:`other`."""
        route = self.route(request)
        handler = self.routes().get(route)
        if handler is not None:
            return handler(request)
        return self.other(request, route)

    def route(self, request: DemoRequest) -> str:
        """The part of the path the site routes on: what follows :attr:`prefix`."""
        return request.path[len(self.prefix) :]

    def routes(self) -> Mapping[str, Handler]:
        """The site's pages: route → handler."""
        return {}

    def other(self, request: DemoRequest, route: str) -> DemoResponse:
        """The answer for a route :meth:`routes` does not name (images, the front page…): 404 unless overridden."""
        return DemoResponse.not_found()


def request_now(request: DemoRequest) -> datetime:
    """The server's fixed "current" time, which every date a site shows is relative to."""
    assert request.now is not None, "the server sets now on every request"
    return request.now


def site_url(request: DemoRequest, prefix: str) -> str:
    """The absolute URL of the site under ``prefix`` (``http://127.0.0.1:PORT/gnuboard5``)."""
    return f"{request.base_url}{prefix}"


def php_int(text: str) -> int:
    """PHP's ``(int)`` and ``intval``: the leading digits, else 0."""
    match = re.match(r"\s*[+-]?\d+", text)
    return int(match.group(0)) if match else 0


def whole_number(text: str, default: int = 0) -> int:
    """``text`` when it is all digits (a strict Java or JSP binding), else ``default``."""
    return int(text) if text.isdigit() else default


def editor_image(route: str) -> DemoResponse:
    """The sample editor image a route ends in (``…/photo_2603021030.jpg``), or a 404."""
    image = content.editor_image(route.rsplit("/", 1)[-1])
    return DemoResponse.file(image, None, content_type="image/jpeg") if image is not None else DemoResponse.not_found()


def all_attachments(post: content.SamplePost) -> list[tuple[str, bytes]]:
    """Every file of ``post``, for sites whose view lists them all (none is shown inline)."""
    return list(post.attachments)


def posts_by(now: datetime, board: str, key: Callable[[content.SamplePost], str]) -> dict[str, content.SamplePost]:
    """Board ``board``'s sample posts at ``now`` in list order, by the key the site gives each one."""
    return {key(p): p for p in content.sample_posts(now, board)}


def page_count(rows: int, per_page: int) -> int:
    """How many list pages ``rows`` rows fill (an empty board still has page 1)."""
    return max(math.ceil(rows / per_page), 1)


def numbered_page(
    posts: Sequence[content.SamplePost], page: int, per_page: int
) -> list[tuple[str, content.SamplePost]]:
    """The posts of list page ``page`` with the numbers boards show: counting down from ``len(posts)``."""
    start = (page - 1) * per_page
    return [(str(len(posts) - start - k), p) for k, p in enumerate(posts[start : start + per_page])]


def is_new(post: content.SamplePost, now: datetime, within: timedelta) -> bool:
    """Whether ``post`` still wears the New mark: posted at most ``within`` before ``now``."""
    return post.posted_at >= now - within


class RowMarks(TypedDict):
    """The marks a list row shows around its title, as keyword arguments of a template's row."""

    notice: bool
    """Pinned above the regular rows."""
    new: bool
    """Posted recently (see :func:`is_new`)."""
    secret: bool
    """Only its author (or the password) may open it: a lock icon."""
    reply: bool
    """An answer to another post: an indent or a reply icon."""
    has_file: bool
    """It has attachments: a file icon."""


def row_marks(post: content.SamplePost, now: datetime, new_within: timedelta, *, notice: bool) -> RowMarks:
    """The :class:`RowMarks` of ``post``'s row; ``notice`` says whether the row is a pinned one."""
    return RowMarks(
        notice=notice,
        new=is_new(post, now, new_within),
        secret=post.secret,
        reply=bool(post.reply_depth),
        has_file=bool(post.attachments),
    )


PHP_SESSION_HEADERS = (
    ("X-Powered-By", "PHP/8.2.12"),
    ("Expires", "Thu, 19 Nov 1981 08:52:00 GMT"),
    ("Cache-Control", "no-store, no-cache, must-revalidate"),
    ("Pragma", "no-cache"),
)
"""What PHP 8 sends on every page once ``session_start()`` ran (``session.cache_limiter = nocache``)."""
