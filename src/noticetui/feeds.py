"""A cached board as a feed (Atom, RSS 2.0 or JSON Feed), for readers that want one.

Built with the standard library's ElementTree, which escapes every text it is given: page text cannot
break out of the XML.  Every text from a page goes through :func:`_clean` first: control characters
dropped (XML forbids most of them), bidi overrides neutralised as in plain output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
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


def to_atom(board: BoardRow, posts: list[PostRow], text: Callable[[PostRow], str]) -> str:
    """An Atom 1.0 document."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    ET.SubElement(feed, f"{{{ATOM_NS}}}title").text = _clean(board.display_title)
    ET.SubElement(feed, f"{{{ATOM_NS}}}id").text = _clean(board.url)
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", href=_clean(board.url))
    ET.SubElement(feed, f"{{{ATOM_NS}}}updated").text = _updated(posts).isoformat()
    ET.SubElement(feed, f"{{{ATOM_NS}}}generator").text = "noticetui"
    for post in posts:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        ET.SubElement(entry, f"{{{ATOM_NS}}}title").text = _clean(post.title)
        ET.SubElement(entry, f"{{{ATOM_NS}}}id").text = _clean(f"{board.url}#{post.key}")
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", href=_clean(post.url))
        stamp = (post.posted_at or _updated(posts)).isoformat()
        ET.SubElement(entry, f"{{{ATOM_NS}}}updated").text = stamp
        if post.author:
            author = ET.SubElement(entry, f"{{{ATOM_NS}}}author")
            ET.SubElement(author, f"{{{ATOM_NS}}}name").text = _clean(post.author)
        summary = _summary(post, text)
        if summary:
            ET.SubElement(entry, f"{{{ATOM_NS}}}content", type="text").text = summary
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def to_rss(board: BoardRow, posts: list[PostRow], text: Callable[[PostRow], str]) -> str:
    """An RSS 2.0 document."""
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = _clean(board.display_title)
    ET.SubElement(channel, "link").text = _clean(board.url)
    ET.SubElement(channel, "description").text = _clean(f"{board.display_title} (noticetui)")
    for post in posts:
        item = ET.SubElement(channel, "item")
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
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def to_json_feed(board: BoardRow, posts: list[PostRow], text: Callable[[PostRow], str]) -> str:
    """A JSON Feed 1.1 document."""
    items = []
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
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _clean(board.display_title),
        "home_page_url": _clean(board.url),
        "items": items,
    }
    return dumps_json(feed) + "\n"


def render_feed(fmt: str, board: BoardRow, posts: list[PostRow], text: Callable[[PostRow], str]) -> str:
    """The board in format ``fmt`` (one of :data:`FORMATS`); ``text`` gives a post's plain text."""
    writers = {"atom": to_atom, "rss": to_rss, "json": to_json_feed}
    return writers[fmt](board, posts, text)
