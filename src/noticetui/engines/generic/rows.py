"""Finding the post rows of a list page no engine knows.

Rows repeat: table rows, list items or cards that share a parent and a tag.  Every such group is a
candidate; each member that carries a usable link is a row.  A group scores by how many distinct posts
it links to, how alike those links are (one script or path pattern), how many of its rows show a date, how long its link texts are (titles are longer than menu
entries) and whether it sits in site chrome (menus, footers, pagination), which nearly rules it out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date
from noticetui.engines.base import Doc, absolute, attr, clean_text, node_text
from noticetui.engines.common.js_targets import Scripts, display_url, node_call
from noticetui.engines.generic.text import (
    NAV_WORDS,
    TITLE_JUNK,
    date_in,
    is_chrome,
    is_notice_word,
    own_text,
    text_without,
    tidy_title,
)
from noticetui.models import SEOUL, Request

ROW_TAGS = frozenset({"tr", "li", "article", "div", "dl", "section"})
"""Tags a repeated post row is made of."""

_UNUSABLE = ("javascript:", "#", "mailto:", "tel:", "data:")
_FILE_HREF = re.compile(r"(?i)(download|filedown|file_down|downfile|atchfile|getfile)|\.(hwpx?|pdf|docx?|xlsx?|zip)$")
_NUMBERS = re.compile(r"\d+")
CARD_TITLE = "h2, h3, h4, h5, .tit, .title, .subject, [class*='title'], [class*='subject']"
"""Where a card holds its title."""
_CARD_TITLE = CARD_TITLE
_DATE_HINT = "time, [class*='date'], [class~='day'], [class*='regdate']"


@dataclass(frozen=True)
class Row:
    """A list row and its post link."""

    node: LexborNode
    link: LexborNode
    href: str
    """The link, absolute (for a script's POST, its action with the form fields as the query)."""
    title: str
    request: Request | None = None
    """How to open the post when the link is a script call (``fnView(1046)``), else None."""


@dataclass(frozen=True)
class RowGroup:
    """The best group of rows on a page."""

    rows: list[Row]
    score: float
    dated: float
    """The share of rows that show a date."""

    @property
    def usable(self) -> bool:
        """True when the rows may be a list's (a last page's single row included), not menu links."""
        return self.score >= 0.5

    @property
    def plausible(self) -> bool:
        """True when this looks like a board's list rather than a stray group of links."""
        return len({r.href for r in self.rows}) >= 3 and self.score >= 3.0


_SLUG = re.compile(r"^(?=[^./]*[A-Za-z%])[^./]*[-_][^./]*$")


def link_shape(href: str) -> str:
    """A link's host and path with its numbers and slugs blanked: the same for every post of a board."""
    parts = urlsplit(href)
    segments = ["*" if _SLUG.match(seg) else seg for seg in parts.path.split("/")]
    return parts.netloc + _NUMBERS.sub("#", "/".join(segments))


def usable_href(href: str) -> bool:
    """A link that leads to a page (not a script, an anchor or a mail address)."""
    href = href.strip()
    return bool(href) and not href.lower().startswith(_UNUSABLE)


def link_title(link: LexborNode) -> str:
    """A post link's title: a card's heading when it has one, else its text without icons and counters.

    A title cut short with "…" gives way to the link's ``title`` attribute when that holds the whole.
    """
    heading = link.css_first(_CARD_TITLE)
    text = text_without(heading, TITLE_JUNK) if heading is not None else ""
    if not text:
        text = text_without(link, TITLE_JUNK)
        badge = next((n for n in link.css("span, em, strong, b") if is_notice_word(node_text(n))), None)
        if badge is not None and text.startswith(node_text(badge)):
            text = text[len(node_text(badge)) :]
    text = tidy_title(text)
    full = clean_text(attr(link, "title"))
    for cut in ("...", "…", ".."):
        if text.endswith(cut) and full.startswith(text[: -len(cut)].rstrip()):
            return full
    if not text:
        image = link.css_first("img")
        return clean_text(attr(image, "alt")) or full
    return text


def main_link(
    row: LexborNode, base: str, titles: dict[int, str] | None = None, scripts: Scripts | None = None
) -> tuple[LexborNode, str, str] | None:
    """The row's post link (the one with the longest title), its absolute URL and its title.

    ``titles`` caches link titles by node across calls (nested candidate rows share their links).  With
    ``scripts``, a link that only calls a page function (``href="#" onclick="fnView(1046)"``) counts too,
    its URL the one the call leads to (see :func:`script_link`).
    """
    best: tuple[LexborNode, str, str] | None = None
    cache = titles if titles is not None else {}
    for link in row.css("a"):
        href = attr(link, "href")
        if usable_href(href):
            if _FILE_HREF.search(href):
                continue
            target = absolute(base, href)
        else:
            request = script_request(link, scripts, base)
            if request is None:
                continue
            target = display_url(request)
        title = cache.get(link.mem_id)
        if title is None:
            title = cache[link.mem_id] = link_title(link)
        if not title or title.lower() in NAV_WORDS or title.isdigit():
            continue
        if best is None or len(title) > len(best[2]):
            best = (link, target, title)
    if best is None and scripts is not None and attr(row, "onclick"):
        best = _clicked_row(row, base, scripts, cache)
    return best


_ANY_DAY = datetime(2000, 1, 1, tzinfo=SEOUL)
_DOWNLOAD_CALL = re.compile(r"(?i)down|file|atch")


def script_request(node: LexborNode, scripts: Scripts | None, base: str) -> Request | None:
    """The request a link's or row's script call makes, when the page says how; None otherwise.

    Download calls (``fnFileDown('F1','1')``) never lead to a post.
    """
    if scripts is None:
        return None
    call = node_call(node)
    if call is None or not call[1] or _DOWNLOAD_CALL.search(call[0]):
        return None
    return scripts.request(call[0], call[1], referer=base)


def _clicked_row(
    row: LexborNode, base: str, scripts: Scripts, titles: dict[int, str]
) -> tuple[LexborNode, str, str] | None:
    """A row that opens its post by an ``onclick`` on the row itself: its title is the longest link or
    title-classed cell."""
    request = script_request(row, scripts, base)
    if request is None:
        return None
    candidates = row.css("a") or row.css(f"{_CARD_TITLE}, td")
    best: tuple[LexborNode, str] | None = None
    for node in candidates:
        title = titles.get(node.mem_id)
        if title is None:
            title = titles[node.mem_id] = link_title(node)
        dated = date_in(title, _ANY_DAY) is not None  # a date cell is never the title
        if title and not title.isdigit() and not dated and (best is None or len(title) > len(best[1])):
            best = (node, title)
    return (best[0], display_url(request), best[1]) if best else None


def row_request(row: LexborNode, link: LexborNode, base: str, scripts: Scripts | None) -> Request | None:
    """The script request of a row whose post link is a call (on the link or on the row), else None."""
    if usable_href(attr(link, "href")):
        return None
    return script_request(link, scripts, base) or script_request(row, scripts, base)


def row_date_text(row: LexborNode, link: LexborNode | None, now: datetime) -> str | None:
    """The text of the row's date: a ``<time>`` or date-classed element, else any element holding a date
    alone (the title link's own text is never read as one)."""
    inside = {n.mem_id for n in link.traverse()} if link is not None else set()
    hinted = row.css(_DATE_HINT)
    hint_ids = {n.mem_id for n in hinted}
    for node in [*hinted, row, *row.css("*")]:
        if node.mem_id in inside and node.mem_id not in hint_ids:
            continue
        machine = attr(node, "datetime") if node.tag == "time" else ""
        if machine and parse_board_date(machine, now) is not None:
            return machine  # ISO 8601, which date_in (made for printed dates) would refuse
        text = own_text(node)
        if text and date_in(text, now) is not None:
            return text
    return None


def _groups(doc: Doc) -> Iterator[list[LexborNode]]:
    found: dict[tuple[int, str], list[LexborNode]] = {}
    root = doc.body
    if root is None:
        return
    for node in root.traverse():
        parent = node.parent
        if node.tag in ROW_TAGS and parent is not None:
            found.setdefault((parent.mem_id, node.tag), []).append(node)
    for members in found.values():
        # A lone div or section is a wrapper, not a row; a lone li or tr may be the last page's only post.
        if len(members) > 1 or members[0].tag not in ("div", "section"):
            yield members


def _judge(
    members: list[LexborNode],
    base: str,
    now: datetime,
    chrome: dict[int, bool],
    titles: dict[int, str],
    scripts: Scripts | None = None,
) -> RowGroup | None:
    rows: list[Row] = []
    links = dated = 0
    for member in members:
        found = main_link(member, base, titles, scripts)
        if found is None:
            continue
        rows.append(Row(member, found[0], found[1], found[2], row_request(member, found[0], base, scripts)))
        links += len(member.css("a"))
        dated += row_date_text(member, found[0], now) is not None
    if not rows:
        return None
    distinct = len({r.href for r in rows})
    average = sum(len(r.title) for r in rows) / len(rows)
    crowded = max(1.0, links / len(rows) - 2)  # a layout row full of menu links is no post row
    shapes = Counter(link_shape(r.href) for r in rows)
    alike = shapes.most_common(1)[0][1] / len(rows)  # a board's post links all lead to the same script
    score = distinct * alike * (1 + 2 * dated / len(rows)) * min(1.0, average / 12) / crowded
    if is_chrome(members[0], chrome):
        score *= 0.1
    return RowGroup(rows, score, dated / len(rows))


def find_rows(doc: Doc, base: str, now: datetime | None = None) -> RowGroup | None:
    """The page's best group of post rows, or None when no element repeats with a link in it."""
    moment = now or datetime.now(SEOUL)
    chrome: dict[int, bool] = {}
    titles: dict[int, str] = {}
    scripts = Scripts.of(doc, base)
    best: RowGroup | None = None
    for members in _groups(doc):
        group = _judge(members, base, moment, chrome, titles, scripts)
        if group is not None and (best is None or group.score > best.score):
            best = group
    return best
