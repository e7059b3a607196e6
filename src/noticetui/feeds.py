"""A cached board as a feed (Atom, RSS 2.0 or JSON Feed), for readers that want one.

Built with the standard library's ElementTree, which escapes every text it is given: page text cannot
break out of the XML.  Every text from a page goes through :func:`_clean` first: control characters
dropped (XML forbids most of them), bidi overrides neutralised as in plain output.  Entries are written
one by one as the posts arrive, so a feed of any length needs one post in memory.

An entry's content is the post's body as sanitised HTML (:mod:`noticetui.feed_html`: tables stay tables,
links stay links, absolute URLs, nothing that runs), in Atom ``<content type="html">``, RSS
``<description>`` and JSON Feed ``content_html``; its summary is the body's text on one line.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import TextIO
from xml.etree import ElementTree as ET

from noticetui.feed_html import feed_body
from noticetui.render.sanitize import drop_controls, dumps_json
from noticetui.store import BoardRow, PostRow

TextOf = Callable[[PostRow], str]
"""Gives a post's summary text (or an entry's id)."""

FORMATS = ("atom", "rss", "json")
# Non-characters XML 1.0 cannot carry (controls are dropped by drop_controls).
_NOT_XML = re.compile("[\ufffe\uffff]")
ATOM_NS = "http://www.w3.org/2005/Atom"


def _clean(text: str) -> str:
    """Page text fit for a feed: no control characters, bidi overrides made visible."""
    return _NOT_XML.sub("", drop_controls(text))


def _body(post: PostRow, text: TextOf | None) -> tuple[str, str]:
    """The entry's HTML content and its summary (from ``text`` when given)."""
    if not post.body_html:
        return "", ""
    content, summary = feed_body(post.body_html, post.url)
    return content, _clean(text(post)) if text is not None else summary


def _ids(board: BoardRow, entry_id: TextOf | None) -> TextOf:
    return entry_id or (lambda post: f"{board.url}#{post.key}")


def _updated(posts: list[PostRow]) -> datetime:
    dates = [p.posted_at for p in posts if p.posted_at]
    return max(dates) if dates else datetime.now(UTC)


def _xml(element: ET.Element) -> str:
    return ET.tostring(element, encoding="unicode")


def _peek(posts: Iterable[PostRow]) -> tuple[datetime, Iterator[PostRow]]:
    # Posts come newest first, so the first dated one gives the feed's date; it is written before the
    # entries are read, which is what lets a feed of any size stream.
    it = iter(posts)
    head: list[PostRow] = []
    for post in it:
        head.append(post)
        if post.posted_at:
            break
    return _updated(head), itertools.chain(head, it)


def to_atom(
    board: BoardRow,
    posts: Iterable[PostRow],
    text: TextOf | None,
    out: TextIO,
    *,
    self_url: str = "",
    entry_id: TextOf | None = None,
) -> None:
    """Write an Atom 1.0 document, entry by entry."""
    updated, entries = _peek(posts)
    ids = _ids(board, entry_id)
    # Entries are written without a namespace prefix inside the feed's default namespace.
    out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM_NS}">')
    head = ET.Element("head")
    ET.SubElement(head, "title").text = _clean(board.display_title)
    ET.SubElement(head, "id").text = _clean(board.url)
    ET.SubElement(head, "link", href=_clean(board.url))
    if self_url:
        ET.SubElement(head, "link", rel="self", href=_clean(self_url))
    ET.SubElement(head, "updated").text = updated.isoformat()
    ET.SubElement(head, "generator").text = "noticetui"
    out.write("".join(_xml(child) for child in head))
    for post in entries:
        entry = ET.Element("entry")
        ET.SubElement(entry, "title").text = _clean(post.title)
        ET.SubElement(entry, "id").text = _clean(ids(post))
        ET.SubElement(entry, "link", href=_clean(post.url))
        ET.SubElement(entry, "updated").text = (post.posted_at or updated).isoformat()
        if post.author:
            author = ET.SubElement(entry, "author")
            ET.SubElement(author, "name").text = _clean(post.author)
        content, summary = _body(post, text)
        if summary:
            ET.SubElement(entry, "summary", type="text").text = summary
        if content:
            ET.SubElement(entry, "content", type="html").text = content
        out.write(_xml(entry))
    out.write("</feed>\n")


def to_rss(
    board: BoardRow,
    posts: Iterable[PostRow],
    text: TextOf | None,
    out: TextIO,
    *,
    self_url: str = "",
    entry_id: TextOf | None = None,
) -> None:
    """Write an RSS 2.0 document, item by item (the summary is not written: RSS has one description)."""
    ids = _ids(board, entry_id)
    out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>')
    head = ET.Element("head")
    ET.SubElement(head, "title").text = _clean(board.display_title)
    ET.SubElement(head, "link").text = _clean(board.url)
    ET.SubElement(head, "description").text = _clean(f"{board.display_title} (noticetui)")
    out.write("".join(_xml(child) for child in head))
    for post in posts:
        item = ET.Element("item")
        ET.SubElement(item, "title").text = _clean(post.title)
        ET.SubElement(item, "link").text = _clean(post.url)
        ET.SubElement(item, "guid", isPermaLink="false").text = _clean(ids(post))
        if post.posted_at:
            ET.SubElement(item, "pubDate").text = format_datetime(post.posted_at)
        if post.author:
            ET.SubElement(item, "author").text = _clean(post.author)
        content, _ = _body(post, text)
        if content:
            ET.SubElement(item, "description").text = content
        out.write(_xml(item))
    out.write("</channel></rss>\n")


def to_json_feed(
    board: BoardRow,
    posts: Iterable[PostRow],
    text: TextOf | None,
    out: TextIO,
    *,
    self_url: str = "",
    entry_id: TextOf | None = None,
) -> None:
    """Write a JSON Feed 1.1 document, item by item (the same text ``dumps_json(feed)`` gives)."""
    ids = _ids(board, entry_id)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _clean(board.display_title),
        "home_page_url": _clean(board.url),
    }
    if self_url:
        feed["feed_url"] = _clean(self_url)
    out.write(dumps_json(feed)[:-2] + ',\n  "items": [')
    first = True
    for post in posts:
        item: dict[str, object] = {
            "id": _clean(ids(post)),
            "url": _clean(post.url),
            "title": _clean(post.title),
        }
        if post.posted_at:
            item["date_published"] = post.posted_at.isoformat()
        if post.author:
            item["authors"] = [{"name": _clean(post.author)}]
        content, summary = _body(post, text)
        if summary:
            item["summary"] = summary
        # JSON Feed wants content_html or content_text in every item: a post without a body has its title.
        if content:
            item["content_html"] = content
        else:
            item["content_text"] = summary or _clean(post.title)
        out.write(("\n    " if first else ",\n    ") + dumps_json(item).replace("\n", "\n    "))
        first = False
    out.write("]\n}\n" if first else "\n  ]\n}\n")


def write_feed(
    fmt: str,
    board: BoardRow,
    posts: Iterable[PostRow],
    text: TextOf | None,
    out: TextIO,
    *,
    self_url: str = "",
    entry_id: TextOf | None = None,
) -> None:
    """Write the board in format ``fmt`` (one of :data:`FORMATS`) to ``out`` as ``posts`` arrive.

    ``text`` gives an entry's summary (None: the body's text on one line); ``self_url`` is where the feed
    is served, if anywhere; ``entry_id`` gives an entry's id (default: the board's URL and the post's key).
    """
    writers = {"atom": to_atom, "rss": to_rss, "json": to_json_feed}
    writers[fmt](board, posts, text, out, self_url=self_url, entry_id=entry_id)


def render_feed(
    fmt: str,
    board: BoardRow,
    posts: Iterable[PostRow],
    text: TextOf | None = None,
    *,
    self_url: str = "",
    entry_id: TextOf | None = None,
) -> str:
    """The board in format ``fmt`` as one string (for small feeds; :func:`write_feed` streams)."""
    out = io.StringIO()
    write_feed(fmt, board, posts, text, out, self_url=self_url, entry_id=entry_id)
    return out.getvalue()
