"""The interface every board engine implements, and small helpers engines share.

An engine is pure: it turns a parsed page (selectolax Lexbor document) and its URL into models, and says
how to ask for a list page.  It never touches the network or the store.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from noticetui.dates import PartialDate, resolve, to_datetime
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
        """A reason when the page is an error or alert page served with status 200, else None."""
        return alert_message(doc)


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


def alert_message(doc: Doc) -> str | None:
    """The message of a page that is only a JavaScript ``alert(...)`` (gnuboard's error pages), or None."""
    body = doc.body
    visible = clean_text(body.text()) if body is not None else ""
    for script in doc.css("script"):
        match = _ALERT.search(script.text() or "")
        if match and len(visible) < 200:
            return match.group("msg").replace("\\n", " ").strip()
    return None


def dated_stubs(stubs: Sequence[PostStub], dates: Sequence[PartialDate | None], now: datetime) -> list[PostStub]:
    """Stubs with their datetimes: regular rows resolved as one column (year inference), notices alone.

    ``dates`` holds each stub's date as read from its row.  A pinned notice is out of date order, so it is
    dated on its own.
    """
    column = iter(resolve([d for s, d in zip(stubs, dates, strict=True) if not s.notice], now))
    dated = []
    for stub, date in zip(stubs, dates, strict=True):
        moment = (to_datetime(date, now) if date is not None else None) if stub.notice else next(column)
        dated.append(replace(stub, posted_at=moment))
    return dated


def unique_stubs(stubs: Sequence[PostStub]) -> list[PostStub]:
    """One stub per key, where it first appears: a pinned notice also listed among the regular rows
    stays once, flagged as a notice."""
    seen: dict[str, int] = {}
    kept: list[PostStub] = []
    for stub in stubs:
        if stub.key in seen:
            first = kept[seen[stub.key]]
            kept[seen[stub.key]] = replace(first, notice=first.notice or stub.notice)
            continue
        seen[stub.key] = len(kept)
        kept.append(stub)
    return kept
