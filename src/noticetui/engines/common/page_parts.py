"""Pieces of list and post pages that several engines read the same way (helpers, not an engine).

Pure like every engine module: nodes and strings in, models out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborNode

from noticetui.dates import PartialDate, parse_board_date, to_datetime
from noticetui.engines.base import Doc, EngineError, dated_stubs, node_text, parse_int, parse_size, unique_stubs
from noticetui.models import Attachment, ParseContext, Post, PostStub, Request


@dataclass(frozen=True)
class DatedRow:
    """A list row read but not yet dated: list dates are resolved together, after every row is read."""

    stub: PostStub
    date: PartialDate | None


def listed_stubs(rows: Sequence[DatedRow], now: datetime) -> list[PostStub]:
    """The rows' stubs in page order, dated together (years and reply order), each post once."""
    return unique_stubs(dated_stubs([r.stub for r in rows], [r.date for r in rows], now))


def page_links(current: int, linked: set[int]) -> tuple[int | None, int | None]:
    """The next page (when the page links to it) and the last one (None when no page is linked)."""
    return (current + 1 if current + 1 in linked else None), (max(linked | {current}) if linked else None)


def stated_total(doc: Doc, selector: str, pattern: re.Pattern[str]) -> int | None:
    """The post count the first ``selector`` node matching ``pattern`` prints (its group 1), or None."""
    for node in doc.css(selector):
        if match := pattern.search(node_text(node)):
            return parse_int(match.group(1))
    return None


def required(node: LexborNode | None, missing: str) -> LexborNode:
    """``node``, which the page must have: None raises :class:`EngineError` with ``missing`` as its reason."""
    if node is None:
        raise EngineError(missing)
    return node


def secret_post(key: str, ctx: ParseContext) -> Post:
    """The post as a password form shows it: no title, no body, marked ``secret``."""
    return Post(key=key, title="", url=ctx.url, body_html="", secret=True)


def labelled_post(
    key: str,
    ctx: ParseContext,
    title: str,
    body: LexborNode | None,
    fields: Mapping[str, str],
    attachments: list[Attachment],
) -> Post:
    """A post whose author, date and views stand in labelled ``fields`` (``author``, ``date``, ``views``).

    ``body`` None leaves the body empty, for the generic fallback (engines.fallback) to find.
    """
    posted = parse_board_date(fields.get("date", ""), ctx.now)
    return Post(
        key=key,
        title=title,
        url=ctx.url,
        body_html=body.inner_html or "" if body is not None else "",
        author=fields.get("author") or None,
        posted_at=to_datetime(posted, ctx.now) if posted is not None else None,
        views=parse_int(fields.get("views")),
        attachments=attachments,
    )


def primed_file(index: int, name: str, url: str, ctx: ParseContext, size: LexborNode | None = None) -> Attachment:
    """A file whose download wants the post's page as Referer and visited first (its session cookie).

    ``size`` is the node that states the file's size, if the page has one.
    """
    return Attachment(
        index=index,
        name=name,
        size=parse_size(node_text(size)) if size is not None else None,
        request=Request(url=url, referer=ctx.url, prime=ctx.url),
    )


def next_tag(node: LexborNode, tag: str) -> LexborNode | None:
    """The first sibling after ``node`` that is a ``tag`` element (``th`` → its ``td``, ``dt`` → its ``dd``)."""
    sibling = node.next
    while sibling is not None and sibling.tag != tag:
        sibling = sibling.next
    return sibling


def enclosing(node: LexborNode | None, tag: str) -> LexborNode | None:
    """``node`` itself or its nearest ancestor that is a ``tag`` element; None when there is none."""
    while node is not None and node.tag != tag:
        node = node.parent
    return node
