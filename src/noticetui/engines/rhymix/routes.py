"""The URL shapes of Rhymix and XpressEngine 1.x boards, and the page globals that name a board.

Without URL rewriting a board is ``index.php?mid=notice`` (``&page=2``, ``&document_srl=123``, and
``&category=5`` on a category tab).  With rewriting (Rhymix ``Router`` level 2) the same pages are
``/notice``, ``/notice/page/2``, ``/notice/123``, ``/notice/category/5/page/2`` and a bare ``/123``; an
install in a subdirectory puts its base path (``/rhymix/``) in front.  Every page declares that base as
``request_uri`` and the board as ``current_mid`` in a script block, which settles what a URL alone cannot
(is ``/rhymix/123`` post 123 of the board ``rhymix``, or a bare post id under ``/rhymix/``?).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from noticetui.engines.base import Doc, query_param

_JS_VAR = re.compile(
    r"""\bvar\s+(current_url|request_uri|current_mid|default_url)\s*=\s*"""
    r"""("(?:[^"\\]|\\.)*"|null)"""
)
_XE_LANG = re.compile(r"\bxe\.current_lang\s*=")
# Route keywords that are followed by a value and are never a board's mid.
_KEYWORDS = frozenset({"page", "category", "comment", "tag", "writer", "entry"})


def xe_globals(doc: Doc) -> dict[str, str]:
    """The ``var current_mid = "…"`` style globals of an XE or Rhymix page (only when ``xe.current_lang``
    is set too, which no other engine's pages do); ``{}`` for any other page."""
    found: dict[str, str] = {}
    lang = False
    for script in doc.css("script"):
        text = script.text() or ""
        lang = lang or bool(_XE_LANG.search(text))
        for match in _JS_VAR.finditer(text):
            value = json.loads(match.group(2))
            if isinstance(value, str):
                found.setdefault(match.group(1), value)
    return found if lang else {}


@dataclass(frozen=True)
class Route:
    """What a rewritten board path says, relative to the install's base path."""

    base: str
    """The install's base path, with a trailing slash (``/`` or ``/rhymix/``)."""
    mid: str | None
    """The board's id, None for a bare ``/123``."""
    category: str | None = None
    document_srl: str | None = None
    page: int | None = None


def _is_number(segment: str) -> bool:
    return segment.isdigit()


def _keyword_number(segments: list[str], word: str) -> tuple[str | None, list[str]]:
    """``(N, rest)`` when the path ends in ``/word/N``, else ``(None, segments)``."""
    if len(segments) >= 2 and segments[-2] == word and _is_number(segments[-1]):
        return segments[-1], segments[:-2]
    return None, segments


def _after_base(segments: list[str], base: str | None) -> tuple[list[str], list[str]]:
    """``(prefix, rest)``: the known base path's segments and the route after them."""
    known = [s for s in (base or "").split("/") if s]
    if base is not None and segments[: len(known)] == known:
        return known, segments[len(known) :]
    return [], segments


def parse_route(path: str, base: str | None = None) -> Route:
    """Read a rewritten path (``/notice/page/2``) from the right; ``base`` is the install's base path
    when known (``request_uri``), else everything in front of the route is taken as the base."""
    prefix, segments = _after_base([unquote(s) for s in path.split("/") if s], base)
    if segments and segments[-1] == "index.php":
        segments = segments[:-1]
    _comment, segments = _keyword_number(segments, "comment")
    page_text, segments = _keyword_number(segments, "page")
    category, segments = _keyword_number(segments, "category")
    srl = None
    if category is None and page_text is None and segments and _is_number(segments[-1]):
        srl, segments = segments[-1], segments[:-1]
    mid: str | None = None
    if segments and not _is_number(segments[-1]) and segments[-1] not in _KEYWORDS:
        # Without a known base, the segment in front of the route is the best guess for the mid.
        mid, segments = segments[-1], segments[:-1]
    if base is None:
        prefix = segments
    root = "/" + "".join(f"{s}/" for s in prefix)
    page = int(page_text) if page_text is not None else None
    return Route(base=root, mid=mid, category=category, document_srl=srl, page=page)


def document_srl(href: str) -> str | None:
    """The post id a link points at (``document_srl=123`` or a rewritten ``/notice/123``), else None."""
    parts = urlsplit(href)
    srl = query_param(href, "document_srl")
    if srl is not None:
        return srl if srl.isdigit() else None
    if query_param(href, "mid") is not None or query_param(href, "module") is not None:
        return None  # a list, category or file link in query form
    if parts.path.endswith((".php", ".html", ".gif", ".jpg", ".png")):
        return None
    return parse_route(parts.path).document_srl


def page_number(href: str) -> int | None:
    """The list page a link points at (``page=2`` or ``/page/2``); None when it names none."""
    page = query_param(href, "page")
    if page is not None:
        return int(page) if page.isdigit() else None
    return parse_route(urlsplit(href).path).page


def is_query_style(url: str) -> bool:
    """True when ``url`` names its board in the query (``index.php?mid=…``) rather than in the path."""
    return query_param(url, "mid") is not None or query_param(url, "document_srl") is not None


def list_url(url: str, mid: str | None, category: str | None, base: str | None) -> str:
    """The list of board ``mid`` in the URL style of ``url`` (``url`` itself when ``mid`` is None)."""
    parts = urlsplit(url)
    if mid is None:
        return urlunsplit(parts._replace(fragment=""))
    if is_query_style(url) or parts.path.endswith(".php"):
        vid = query_param(url, "vid")  # XE 1.x virtual sites share one install: the vid is part of the board
        query = [("vid", vid)] if vid else []
        query += [("mid", mid)] + ([("category", category)] if category else [])
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    root = base if base is not None else "/"
    path = f"{root}{mid}" + (f"/category/{category}" if category else "")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def paged(board_url: str, page: int) -> str:
    """``board_url`` at list page ``page``: ``&page=N`` for query boards, ``/page/N`` for rewritten ones."""
    parts = urlsplit(board_url)
    if is_query_style(board_url) or parts.path.endswith(".php"):
        pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
        if page > 1:
            pairs.append(("page", str(page)))
        return urlunsplit(parts._replace(query=urlencode(pairs), fragment=""))
    path = re.sub(r"/page/\d+/?$", "", parts.path).rstrip("/")
    if page > 1:
        path += f"/page/{page}"
    return urlunsplit(parts._replace(path=path or "/", fragment=""))
