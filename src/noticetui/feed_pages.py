"""What ``noticetui serve`` answers besides the feeds: the index page, the OPML, and each feed's version.

A feed's version (its ETag and Last-Modified) comes from the store's newest change to what the feed
holds: the posts' count, their newest ``updated_at`` and ``body_at``, and the highest post id.  Any sync
that adds or changes a post moves one of them, so a reader's conditional GET gets 304 exactly until then.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import quote
from xml.etree import ElementTree as ET

from noticetui import __version__
from noticetui.config import Config
from noticetui.feeds import FORMATS
from noticetui.render.sanitize import drop_controls
from noticetui.store import BoardRow, Store

FEED_TYPES = {
    "atom": "application/atom+xml; charset=utf-8",
    "rss": "application/rss+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


@dataclass(frozen=True)
class FeedVersion:
    """What a conditional GET compares: an ETag and, when the feed holds any post, a modification time."""

    etag: str
    last_modified: datetime | None

    @property
    def http_date(self) -> str | None:
        """``last_modified`` as an HTTP date (``Last-Modified``'s format)."""
        return format_datetime(self.last_modified, usegmt=True) if self.last_modified else None

    def matches(self, if_none_match: str | None, if_modified_since: datetime | None) -> bool:
        """Whether a request carrying these headers already has this version (the answer is then 304).

        ``If-None-Match`` wins when present (RFC 9110 §13.2.2); tags compare weakly, as GET allows.
        """
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or self.etag.removeprefix("W/") in tags
        if if_modified_since is None or self.last_modified is None:
            return False
        return self.last_modified.replace(microsecond=0) <= if_modified_since


def feed_version(store: Store, board_id: int | None, *key: object) -> FeedVersion:
    """The version of a feed over the posts of ``board_id`` (None: every post), told apart by ``key``."""
    sql = "SELECT count(*), max(updated_at), max(body_at), max(id) FROM posts"
    row = store.conn.execute(
        sql if board_id is None else sql + " WHERE board_id = ?", () if board_id is None else (board_id,)
    ).fetchone()
    basis = "|".join(str(part) for part in (__version__, *key, *row))
    etag = f'W/"{hashlib.sha256(basis.encode()).hexdigest()[:24]}"'
    stamps = [stamp for text in row[1:3] if (stamp := _parse_stamp(text)) is not None]
    return FeedVersion(etag, max(stamps, default=None))


def _parse_stamp(text: object) -> datetime | None:
    """A stored ISO 8601 time (UTC when it has no offset); None when absent or unreadable."""
    try:
        stamp = datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None  # the ETag still tells versions apart
    return stamp if stamp is None or stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _clean(text: str) -> str:
    return drop_controls(text).replace("\ufffe", "").replace("\uffff", "")


def _links(base: str, kind: str, name: str) -> str:
    return " ".join(f'<a href="{html.escape(f"{base}/{kind}/{quote(name)}.{fmt}")}">{fmt}</a>' for fmt in FORMATS)


def index_page(base: str, boards: list[BoardRow], config: Config) -> str:
    """The HTML page at ``/``: every board and saved search with links to its feeds."""
    rows = [
        f"<li>{html.escape(_clean(b.display_title))} ({html.escape(b.name)}, {b.posts} posts): "
        f"{_links(base, 'boards', b.name)}</li>"
        for b in boards
    ]
    searches = [
        f"<li>{html.escape(s.name)} ({html.escape(_clean(s.query))}): {_links(base, 'search', s.name)}</li>"
        for s in config.searches
    ]
    parts = [
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8"><title>noticetui feeds</title></head><body>',
        "<h1>noticetui feeds</h1>",
        f'<p>All boards as OPML: <a href="{html.escape(base)}/opml">{html.escape(base)}/opml</a></p>',
        "<h2>Boards</h2>",
        f"<ul>{''.join(rows)}</ul>" if rows else "<p>No boards yet: add one with <code>noticetui add URL</code>.</p>",
    ]
    if searches:
        parts += ["<h2>Saved searches</h2>", f"<ul>{''.join(searches)}</ul>"]
    parts.append("</body></html>\n")
    return "\n".join(parts)


def opml(base: str, boards: list[BoardRow], config: Config, now: datetime) -> str:
    """An OPML 2.0 subscription list of every board's Atom feed (saved searches in a group of their own)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "noticetui"
    ET.SubElement(head, "dateCreated").text = format_datetime(now, usegmt=True)
    body = ET.SubElement(root, "body")
    for b in boards:
        title = _clean(b.display_title)
        ET.SubElement(body, "outline", type="rss", text=title, title=title, htmlUrl=_clean(b.url),
                      xmlUrl=f"{base}/boards/{quote(b.name)}.atom")  # fmt: skip
    if config.searches:
        group = ET.SubElement(body, "outline", text="Saved searches")
        for s in config.searches:
            ET.SubElement(group, "outline", type="rss", text=s.name, title=_clean(s.query),
                          xmlUrl=f"{base}/search/{quote(s.name)}.atom")  # fmt: skip
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
