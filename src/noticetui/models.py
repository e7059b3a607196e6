"""The data that flows between engines, the fetcher, the store and the user interfaces.

Everything here is plain, immutable data: engines produce it from HTML, the store persists it, the CLI
and the TUI read it back.  Nothing here does I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
"""The time zone of almost every board noticetui follows; the default of every board."""


@dataclass(frozen=True)
class Request:
    """How to ask a site for something: a list page, a post, or a file.

    A bare URL is not enough: eGovFrame opens posts with POST forms, and several engines only serve a file
    to the session that viewed the post and sent a Referer.
    """

    url: str
    """The absolute URL."""
    method: str = "GET"
    """``GET`` or ``POST``."""
    form: tuple[tuple[str, str], ...] = ()
    """Form fields, sent as ``application/x-www-form-urlencoded`` for a POST (query for a GET is in url)."""
    headers: tuple[tuple[str, str], ...] = ()
    """Extra headers, such as ``Referer``."""
    referer: str | None = None
    """The page this request comes from; sent as ``Referer``."""
    prime: str | None = None
    """A page to GET first in the same session (for example the post's view page before its file)."""

    def with_referer(self, referer: str | None) -> Request:
        """This request with ``referer`` set (kept when ``referer`` is None)."""
        return self if referer is None else replace(self, referer=referer)

    def to_json(self) -> str:
        """A compact JSON form for the store."""
        return json.dumps(
            {
                "url": self.url,
                "method": self.method,
                "form": [list(p) for p in self.form],
                "headers": [list(p) for p in self.headers],
                "referer": self.referer,
                "prime": self.prime,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Request:
        """Read back what :meth:`to_json` wrote."""
        data: dict[str, Any] = json.loads(text)
        return cls(
            url=str(data["url"]),
            method=str(data.get("method", "GET")),
            form=tuple((str(k), str(v)) for k, v in data.get("form", [])),
            headers=tuple((str(k), str(v)) for k, v in data.get("headers", [])),
            referer=data.get("referer"),
            prime=data.get("prime"),
        )


@dataclass(frozen=True)
class Attachment:
    """A file attached to a post, as the post's page lists it."""

    index: int
    """The file's position among the post's files, from 0; with the post, what identifies the file."""
    name: str
    """The file name as the page shows it (the download's own name may be better)."""
    size: int | None = None
    """The size in bytes as the page states it (``24.5K`` becomes 25088), or None."""
    request: Request | None = None
    """How to download it, valid right after the post was viewed (nonces expire: refetch the post)."""


@dataclass(frozen=True)
class PostHead:
    """What a list row and a post's page both say of a post; the fields after ``url`` are keywords."""

    key: str
    """The post's stable id inside its board (wr_id, document_srl, nttId, uid, list_no…)."""
    title: str
    """The title alone: no icons, counters or screen-reader text."""
    url: str
    """A URL a browser can open for the post (for POST-only engines, the best approximation)."""
    _: KW_ONLY
    author: str | None = None
    """The name the page shows for the writer (a person or a department); None when it shows none."""
    posted_at: datetime | None = None
    """Aware datetime in the board's zone; None when the page shows none."""
    views: int | None = None
    """The view counter as the page shows it; None when it shows none."""
    category: str | None = None
    """The board category (분류, 구분) the post is filed under; None when the board shows none."""
    secret: bool = False
    """A secret post: a list row marks it, a post's page asks for a password instead of the body."""


@dataclass(frozen=True)
class PostStub(PostHead):
    """One row of a board's list page."""

    request: Request
    """How to fetch the post's page."""
    notice: bool = False
    """A pinned notice row."""
    reply_depth: int = 0
    """0 for a post, 1 for a reply to it, 2 for a reply to that reply…"""
    comments: int | None = None
    """The comment count the row shows beside the title; None when it shows none."""
    has_file: bool = False
    """The row marks the post as having attachments (a file icon or column)."""
    year_guessed: bool = False
    """True when the row showed its date without a year (``MM-DD``) and the year was inferred; sync then
    takes the year from the exact dates of the posts around it (:func:`noticetui.sync.anchor_known`)."""
    edited: str | None = None
    """The list's own edit marker (a "modified" date or icon) where a skin shows one; a change in it means
    the post was edited and its body is fetched again."""


@dataclass(frozen=True)
class ListPage:
    """What a list page yields."""

    stubs: list[PostStub]
    """Rows in page order (pinned notices first, as on the page)."""
    next_page: int | None = None
    """The next page number when the page links to one, else None."""
    last_page: int | None = None
    """The last page number when the pagination shows it."""
    total: int | None = None
    """The total number of posts when the page states it."""


@dataclass(frozen=True)
class Post(PostHead):
    """A post's view page."""

    body_html: str
    """The body's inner HTML, untouched (rendering happens later, in ``render``)."""
    attachments: list[Attachment] = field(default_factory=list)
    """The files the page lists, in its order."""
    provenance: Mapping[str, str] = field(default_factory=dict)
    """Which path read each field (``{"body": "engine", "posted_at": "generic"}``): the engine's own
    selectors or the generic fallback (see :mod:`noticetui.engines.common.fallback`); what ``doctor`` shows."""


@dataclass(frozen=True)
class ParseContext:
    """What a pure engine function needs besides the HTML: where the page came from and when it is."""

    url: str
    """The URL the page was fetched from (links are resolved against it)."""
    now: datetime
    """The current time in the board's zone; resolves ``HH:MM`` (today) and year-less ``MM-DD`` dates."""
    options: Mapping[str, Any] = field(default_factory=dict)
    """Per-board engine options from the config (CSS profile selectors, for example)."""

    @property
    def tz(self) -> ZoneInfo:
        """The board's time zone."""
        tz = self.now.tzinfo
        return tz if isinstance(tz, ZoneInfo) else SEOUL
