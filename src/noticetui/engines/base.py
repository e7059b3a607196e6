"""The interface every board engine implements, and small helpers engines share.

An engine is pure: it turns a parsed page (selectolax Lexbor document) and its URL into models, and says
how to ask for a list page.  It never touches the network or the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from noticetui.dates import PartialDate, on_or_after, resolve, to_datetime
from noticetui.models import ListPage, ParseContext, Post, PostStub, Request

Doc = LexborHTMLParser


class EngineError(Exception):
    """A page did not have the shape the engine expects (the site changed, or it is not this engine)."""


class Engine:
    """Base class of the board engines; one instance per engine module, named ``ENGINE``."""

    name: str = ""
    """The short name used in config.toml and on the command line (``gnuboard``)."""
    label: str = ""
    """A human name (``Gnuboard 5``)."""

    def score(self, url: str, doc: Doc) -> float:
        """How sure the engine is that ``doc`` (fetched from ``url``) is one of its boards, 0.0 to 1.0."""
        raise NotImplementedError

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """The board's list URL for ``url``, which may be a post's URL or a list page past page 1."""
        return url

    def list_request(self, board_url: str, page: int) -> Request:
        """How to ask for list page ``page`` (1-based) of the board at ``board_url``."""
        raise NotImplementedError

    def list_request_for(self, board_url: str, page: int, options: Mapping[str, Any] | None = None) -> Request:
        """:meth:`list_request` for a board with config ``options`` (sync calls this one).

        Only engines configured per board (CSS profiles and their ``page_param``) need the options; the
        others keep implementing :meth:`list_request` alone.
        """
        return self.list_request(board_url, page)

    def list_requests_for(self, board_url: str, page: int, options: Mapping[str, Any] | None = None) -> list[Request]:
        """Requests worth trying for list page ``page``, best first; sync keeps the first that brings new
        rows.  One (:meth:`list_request_for`) for every engine but those that must guess (script paging)."""
        return [self.list_request_for(board_url, page, options)]

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The rows, pagination and total of a list page."""
        raise NotImplementedError

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The post on a view page; ``key`` is the post's key from its list row."""
        raise NotImplementedError

    def is_failure_page(self, doc: Doc) -> str | None:
        """The site's words when the page is an error or alert page served with status 200, else None."""
        from noticetui.engines.common.site_errors import site_error  # site_errors builds on this module

        return site_error(doc)


# --- helpers shared by engines -------------------------------------------------------------------

_WS = re.compile(r"\s+")
_ALERT = re.compile(r"""alert\(\s*(['"])(?P<msg>.*?)\1\s*\)""", re.S)


def parse_html(html: str | bytes) -> Doc:
    """Parse a page with the Lexbor backend."""
    return LexborHTMLParser(html)


def clean_text(text: str | None) -> str:
    """Whitespace collapsed and trimmed, as a browser shows inline text."""
    if not text:
        return ""
    return _WS.sub(" ", text.replace("\xa0", " ")).strip()


def node_text(node: LexborNode | None, skip: str | None = None) -> str:
    """The collapsed text of ``node``, leaving out descendants that match the CSS selector ``skip``."""
    if node is None:
        return ""
    if skip:
        clone = parse_html(node.html or "")
        for junk in clone.css(skip):
            junk.decompose()
        root = clone.body or clone.root
        return clean_text(root.text(separator=" ") if root is not None else "")
    return clean_text(node.text(separator=" "))


def attr(node: LexborNode | None, name: str) -> str:
    """An attribute's value, '' when absent or empty (selectolax gives None for empty attributes)."""
    if node is None:
        return ""
    return node.attributes.get(name) or ""


def class_set(node: LexborNode | None) -> set[str]:
    """The names in ``node``'s ``class`` attribute (empty when there is no node or no class)."""
    return set(attr(node, "class").split())


def absolute(base: str, href: str) -> str:
    """``href`` resolved against ``base``."""
    return urljoin(base, href.strip())


def query_param(url: str, name: str) -> str | None:
    """The first value of query parameter ``name`` in ``url``."""
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key == name:
            return value
    return None


def with_query(url: str, drop: tuple[str, ...] = (), **params: str | int) -> str:
    """``url`` with the query parameters ``params`` set (replacing old values) and ``drop`` removed."""
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params and k not in drop]
    pairs += [(k, str(v)) for k, v in params.items()]
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def parse_int(text: str | None) -> int | None:
    """The integer in ``text`` ("1,020회" → 1020), or None when there is none."""
    if not text:
        return None
    match = re.search(r"\d[\d,]*", text)
    return int(match.group(0).replace(",", "")) if match else None


_SIZE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(bytes?|바이트|[KMGT]i?B?|B)?(?![A-Za-z])", re.I)
_POWERS = {"K": 1, "M": 2, "G": 3, "T": 4}


def parse_size(text: str | None) -> int | None:
    """A size as boards print it ("24.5K", "120KB", "24576 byte", "1.2 MB") in bytes, or None."""
    if not text:
        return None
    match = _SIZE.search(text.replace("\xa0", " "))
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    unit = (match.group(2) or "")[:1].upper()
    return round(number * (1 << (10 * _POWERS.get(unit, 0))))


def paged_request(board_url: str, param: str, page: int) -> Request:
    """GET the board with ``param=N`` from page 2 on, and without ``param`` for page 1 (a board URL copied
    from a deep page must still start at the top)."""
    if page > 1:
        return Request(url=with_query(board_url, (), **{param: page}))
    return Request(url=with_query(board_url, drop=(param,)))


def fit_score(url_fit: float, markup_fit: float, url_weight: float) -> float:
    """An engine's :meth:`Engine.score` from how well the URL and the page's markup fit it (each 0 to 1,
    larger values cut to 1): the URL weighs ``url_weight``, the markup the rest, since a URL shape alone is
    shared by many CMSs while the markup rarely is."""
    return min(1.0, url_weight * min(url_fit, 1.0) + (1 - url_weight) * min(markup_fit, 1.0))


def with_signs(doc: Doc, fit: float, signs: Iterable[tuple[str, float]]) -> float:
    """``fit`` raised by the weight of each ``(selector, weight)`` sign that matches something in ``doc``
    (the markup half of a :meth:`Engine.score`)."""
    for selector, weight in signs:
        if doc.css_first(selector) is not None:
            fit += weight
    return fit


def row_stub(ctx: ParseContext, key: str, title: str, url: str, **details: Any) -> PostStub:
    """A list row's stub for the post at ``url``, fetched with the list page as Referer (as a browser
    would: some boards refuse a view, or count it twice, without one); ``details`` are the other fields."""
    return PostStub(key=key, title=title, url=url, request=Request(url=url, referer=ctx.url), **details)


def style_px(style: str, prop: str) -> int:
    """The pixels of ``prop`` in an inline ``style`` ("padding-left:20px" → 20), 0 when absent."""
    match = re.search(rf"(?<![\w-]){re.escape(prop)}\s*:\s*(\d+)", style)
    return int(match.group(1)) if match else 0


COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("번호", "순번", "no", "no.", "num"),
    "title": ("제목", "글제목", "title", "subject"),
    "author": ("작성자", "글쓴이", "등록자", "담당부서", "작성부서", "부서명", "부서", "담당자", "담당", "게시자", "이름",
               "author", "writer"),
    "date": ("작성일", "등록일", "게시일", "공고일", "작성시간", "날짜", "일자", "date"),
    "views": ("조회", "읽음", "views", "hits", "hit"),
    "file": ("첨부", "파일", "file", "files"),
    "category": ("분류", "구분", "카테고리", "category"),
    "body": ("내용",),
}  # fmt: skip
"""The words of table headers and labels, by the role of the column or field they head."""
_NOT_COLUMNS = ("시작일", "종료일", "기간", "최근수정", "마지막댓글", "lastupdate", "lastreply")
"""Headers that contain a role's word but are not that column (게시시작일 is not the post's date)."""


def column_role(text: str, roles: Mapping[str, tuple[str, ...]] = COLUMN_WORDS) -> str | None:
    """The role of a table header or field label (``조회수`` → ``views``), or None.

    An exact match wins; otherwise a role word inside the header counts (``등록일자``, ``첨부파일``), but
    only Korean words and English ones of four letters or more, so that ``No`` is not found in ``Notice``.
    """
    key = re.sub(r"[\s:：()·]+", "", text).lower()
    if not key or any(word in key for word in _NOT_COLUMNS):
        return None
    for role, words in roles.items():
        if key in words:
            return role
    for role, words in roles.items():
        if any(w in key for w in words if not w.isascii() or len(w) >= 4):
            return role
    return None


def alert_message(doc: Doc) -> str | None:
    """The message of a page that is only a JavaScript ``alert(...)`` (gnuboard's error pages), or None."""
    body = doc.body
    visible = clean_text(body.text()) if body is not None else ""
    for script in doc.css("script"):
        match = _ALERT.search(script.text() or "")
        if match and len(visible) < 200:
            return match.group("msg").replace("\\n", " ").strip()
    return None


def check_keys(stubs: Sequence[PostStub]) -> None:
    """Refuse a list whose keys collapse (many rows, one key): the engine read the wrong part of its links.

    Pinned notices may repeat (some boards list them on top and again in their place); regular rows
    never share a key on one page.  Merging them silently would lose every post but one.
    """
    regular = [s.key for s in stubs if not s.notice]
    distinct = set(regular)
    if len(regular) >= 3 and len(distinct) <= len(regular) // 2:
        common = max(distinct, key=regular.count)
        raise EngineError(
            f"{len(regular)} rows share {len(distinct)} key(s) ({common!r} {regular.count(common)} times): "
            "the links of this board are not read right"
        )


def dated_stubs(stubs: Sequence[PostStub], dates: Sequence[PartialDate | None], now: datetime) -> list[PostStub]:
    """Stubs with their datetimes, after :func:`check_keys` (every engine's list passes through here).

    ``dates`` holds each stub's date as read from its row.  Top-level rows are in date order, so they
    are resolved as one column (year inference); a pinned notice is out of order and dated on its own; a
    reply (listed under the post it answers, though newer) is dated on or after the nearest row above it
    at a smaller depth: a reply to a reply is newer than the reply it answers, not only than the thread.
    """
    check_keys(stubs)
    pairs = list(zip(stubs, dates, strict=True))
    column = iter(resolve([d for s, d in pairs if not s.notice and not s.reply_depth], now))
    thread: dict[int, datetime] = {}  # the latest dated row at each reply depth
    dated = []
    for stub, date in pairs:
        depth = stub.reply_depth
        moment: datetime | None
        if stub.notice:
            moment = to_datetime(date, now) if date is not None else None
        elif depth == 0:
            moment = next(column)
        else:
            moment = _reply_moment(date, depth, thread, now)
        if not stub.notice:
            thread = {d: m for d, m in thread.items() if d < depth}
            if moment is not None:
                thread[depth] = moment
        guessed = moment is not None and date is not None and date.year is None  # MM-DD: sync may re-anchor it
        dated.append(replace(stub, posted_at=moment, year_guessed=guessed))
    return dated


def _reply_moment(date: PartialDate | None, depth: int, thread: dict[int, datetime], now: datetime) -> datetime | None:
    """A reply's datetime: on or after the nearest dated row above it at a smaller depth."""
    if date is None:
        return None
    parent = next((thread[d] for d in range(depth - 1, -1, -1) if d in thread), None)
    return on_or_after(date, parent, now) if parent is not None else to_datetime(date, now)


def unique_stubs(stubs: Iterable[PostStub]) -> list[PostStub]:
    """One stub per key, where it first appears; a post pinned anywhere stays flagged as a notice.

    A pinned notice listed again among the regular rows takes its date from there: a regular row is
    dated in the context of its neighbours, a pinned one alone.
    """
    kept: dict[str, PostStub] = {}
    for stub in stubs:
        first = kept.get(stub.key)
        if first is None:
            kept[stub.key] = stub
            continue
        better = not stub.notice and stub.posted_at is not None and (first.notice or first.posted_at is None)
        kept[stub.key] = replace(
            first, notice=first.notice or stub.notice, posted_at=stub.posted_at if better else first.posted_at
        )
    return list(kept.values())
