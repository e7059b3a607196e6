"""A cached board as a feed (Atom, RSS 2.0 or JSON Feed), for readers that want one.

Built with the standard library's ElementTree, which escapes every text it is given: page text cannot
break out of the XML.  Every text from a page goes through :func:`_clean` first: control characters
dropped (XML forbids most of them), bidi overrides neutralised as in plain output.  Entries are written
one by one as the posts arrive, so a feed of any length needs one post in memory.
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

from noticetui.render.sanitize import drop_controls, dumps_json
from noticetui.store import BoardRow, PostRow

FORMATS = ("atom", "rss", "json")
# Non-characters XML 1.0 cannot carry (controls are dropped by drop_controls).
_NOT_XML = re.compile("[\ufffe\uffff]")
ATOM_NS = "http://www.w3.org/2005/Atom"


def _clean(text: str) -> str:
    """Page text fit for a feed: no control characters, bidi overrides made visible."""
    return _NOT_XML.sub("", drop_controls(text))


def _summary(post: PostRow, text: Callable[[PostRow], str]) -> str:
    return _clean(text(post)) if post.body_html else ""


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


def to_atom(board: BoardRow, posts: Iterable[PostRow], text: Callable[[PostRow], str], out: TextIO) -> None:
    """Write an Atom 1.0 document, entry by entry."""
    updated, entries = _peek(posts)
    # Entries are written without a namespace prefix inside the feed's default namespace.
    out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM_NS}">')
    head = ET.Element("head")
    ET.SubElement(head, "title").text = _clean(board.display_title)
    ET.SubElement(head, "id").text = _clean(board.url)
    ET.SubElement(head, "link", href=_clean(board.url))
    ET.SubElement(head, "updated").text = updated.isoformat()
    ET.SubElement(head, "generator").text = "noticetui"
    out.write("".join(_xml(child) for child in head))
    for post in entries:
        entry = ET.Element("entry")
        ET.SubElement(entry, "title").text = _clean(post.title)
        ET.SubElement(entry, "id").text = _clean(f"{board.url}#{post.key}")
        ET.SubElement(entry, "link", href=_clean(post.url))
        ET.SubElement(entry, "updated").text = (post.posted_at or updated).isoformat()
        if post.author:
            author = ET.SubElement(entry, "author")
            ET.SubElement(author, "name").text = _clean(post.author)
        summary = _summary(post, text)
        if summary:
            ET.SubElement(entry, "content", type="text").text = summary
        out.write(_xml(entry))
    out.write("</feed>\n")


def to_rss(board: BoardRow, posts: Iterable[PostRow], text: Callable[[PostRow], str], out: TextIO) -> None:
    """Write an RSS 2.0 document, item by item."""
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
        ET.SubElement(item, "guid", isPermaLink="false").text = _clean(f"{board.url}#{post.key}")
        if post.posted_at:
            ET.SubElement(item, "pubDate").text = format_datetime(post.posted_at)
        if post.author:
            ET.SubElement(item, "author").text = _clean(post.author)
        summary = _summary(post, text)
        if summary:
            ET.SubElement(item, "description").text = summary
        out.write(_xml(item))
    out.write("</channel></rss>\n")


def to_json_feed(board: BoardRow, posts: Iterable[PostRow], text: Callable[[PostRow], str], out: TextIO) -> None:
    """Write a JSON Feed 1.1 document, item by item (the same text ``dumps_json(feed)`` gives)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _clean(board.display_title),
        "home_page_url": _clean(board.url),
    }
    out.write(dumps_json(feed)[:-2] + ',\n  "items": [')
    first = True
    for post in posts:
        item: dict[str, object] = {
            "id": _clean(f"{board.url}#{post.key}"),
            "url": _clean(post.url),
            "title": _clean(post.title),
        }
        if post.posted_at:
            item["date_published"] = post.posted_at.isoformat()
        if post.author:
            item["authors"] = [{"name": _clean(post.author)}]
        summary = _summary(post, text)
        if summary:
            item["content_text"] = summary
        out.write(("\n    " if first else ",\n    ") + dumps_json(item).replace("\n", "\n    "))
        first = False
    out.write("]\n}\n" if first else "\n  ]\n}\n")


def write_feed(
    fmt: str, board: BoardRow, posts: Iterable[PostRow], text: Callable[[PostRow], str], out: TextIO
) -> None:
    """Write the board in format ``fmt`` (one of :data:`FORMATS`) to ``out`` as ``posts`` arrive."""
    writers = {"atom": to_atom, "rss": to_rss, "json": to_json_feed}
    writers[fmt](board, posts, text, out)


def render_feed(fmt: str, board: BoardRow, posts: Iterable[PostRow], text: Callable[[PostRow], str]) -> str:
    """The board in format ``fmt`` as one string (for small feeds; :func:`write_feed` streams)."""
    out = io.StringIO()
    write_feed(fmt, board, posts, text, out)
    return out.getvalue()
