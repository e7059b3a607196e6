"""KBoard boards: the WordPress plugin's ``default`` skin (and skins that keep its class names).

A KBoard board is a shortcode on an ordinary WordPress page, so it lives at whatever URL the page has
(``/notice/`` or ``/?page_id=5``) and KBoard only adds query parameters to it: ``pageid=N`` for list
pages and ``mod=document&uid=N`` for posts.  A row's key is its ``uid``.  List dates are ``Y.m.d``, or
``H:i`` for today's posts.  Downloads are ``<button onclick="window.location.href='…'">`` with a
WordPress nonce; the server refuses them (``wp_die``) only when the nonce is bad *and* no Referer came,
so every attachment request carries the view page as Referer and primes the session with it.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date, to_datetime
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common.page_parts import DatedRow, listed_stubs, required, secret_post
from noticetui.engines.common.site_errors import site_error
from noticetui.models import Attachment, ListPage, ParseContext, Post, Request

_LIST = "[id^='kboard-'][id$='-list']"
_DOCUMENT = "#kboard-document, [id^='kboard-'][id$='-document']"
_CONFIRM = "[id^='kboard-'][id$='-editor'] .kboard-confirm-row"
_STRUCTURE = (
    ".kboard-list .kboard-list-title, .kboard-pagination-pages, .kboard-document-wrap, "
    ".kboard-detail .detail-attr, .kboard-confirm-row"
)
# Icons, counters and the mobile summary that KBoard skins put beside the title text.
_TITLE_JUNK = (
    "[class*='new-notify'], .kboard-comments-count, .kboard-icon-lock, .kboard-icon-reply, "
    ".kboard-mobile-contents, .kboard-mobile-category, img, svg, script"
)
# The author cell with ``show_author_activity_menu`` holds a menu after the name.
_AUTHOR_JUNK = "ul, .kboard-author-menu, [class*='dropdown-menu'], img, svg, script, style"
_NOTICE_WORDS = ("공지사항", "공지", "Notice")
# What a post, list page or download URL adds to the WordPress page that hosts the board.
_TRANSIENT = (
    "mod",
    "uid",
    "pageid",
    "action",
    "file",
    "kboard-file-download-nonce",
    "kboard-content-remove-nonce",
    "parent_uid",
    "execute_uid",
    "rpp",
    "security",
    "order_id",
    "kboard_list_sort",
    "kboard_list_sort_remember",
    "kboard_comments_sort",
    "kboard_content_redirect",
)
_ONCLICK_URL = re.compile(r"""location(?:\.href)?\s*=\s*(['"])(?P<url>.+?)\1""", re.S)
_ALERT = re.compile(r"""alert\(\s*(['"])(?P<msg>.*?)\1\s*\)""", re.S)
_DETAIL = {
    "author": ("detail-writer", ("작성자", "글쓴이", "Author")),
    "date": ("detail-date", ("작성일", "등록일", "Date")),
    "views": ("detail-view", ("조회", "Views")),
}


def _author(cell: LexborNode | None) -> str | None:
    """The writer's name alone, never the activity menu that may follow it."""
    if cell is None:
        return None
    name = node_text(cell.css_first(".kboard-author-name"), skip=_AUTHOR_JUNK)
    return name or node_text(cell, skip=_AUTHOR_JUNK) or None


def _wordpress_score(doc: Doc) -> float:
    """Up to 0.2 for the plugin's own assets and WordPress's marks on the page."""
    sources = " ".join(attr(n, "href") + attr(n, "src") for n in doc.css("link[href], script[src]"))
    inline = " ".join(s.text() or "" for s in doc.css("script:not([src])"))
    generator = attr(doc.css_first("meta[name='generator']"), "content")
    found = 0.0
    if "/wp-content/plugins/kboard/" in sources or "kboard_settings" in inline:
        found += 0.15
    if generator.startswith("WordPress") or "/wp-includes/" in sources or "/wp-content/" in sources:
        found += 0.05
    return found


def _post_key(href: str) -> str | None:
    """A document link's ``uid`` (or the post id of a ``kboard_content_redirect`` link some skins use)."""
    return base.query_param(href, "uid") or base.query_param(href, "kboard_content_redirect") or None


def _title_link(cell: LexborNode) -> LexborNode | None:
    for link in cell.css("a[href]"):
        if _post_key(attr(link, "href")):
            return link
    return None


def _row(ctx: ParseContext, tr: LexborNode) -> DatedRow | None:
    cell = tr.css_first("td.kboard-list-title")
    link = _title_link(cell) if cell is not None else None
    if cell is None or link is None:
        return None
    # The link keeps the list page's ``pageid``; without it the URL stays the same whichever page lists it.
    url = base.with_query(base.absolute(ctx.url, attr(link, "href")), drop=("pageid",))
    number = node_text(tr.css_first("td.kboard-list-uid"))
    depth = 0
    if cell.css_first(".kboard-icon-reply, img[src*='icon-reply']") is not None:
        # The default skin indents a reply by 5 px per level, starting at 5 px for the first.
        depth = max(1, base.style_px(attr(cell, "style"), "padding-left") // 5)
    counter = node_text(cell.css_first(".kboard-comments-count"))
    stub = base.row_stub(
        ctx,
        _post_key(url) or "",
        node_text(link, skip=_TITLE_JUNK),
        url,
        author=_author(tr.css_first("td.kboard-list-user")),
        views=base.parse_int(node_text(tr.css_first("td.kboard-list-view"))),
        notice="kboard-list-notice" in base.class_set(tr) or number in _NOTICE_WORDS,
        secret=cell.css_first(".kboard-icon-lock, img[src*='icon-lock']") is not None,
        reply_depth=depth,
        comments=base.parse_int(counter),
        has_file=cell.css_first(".kboard-icon-attach, img[src*='icon-attach']") is not None,
    )
    return DatedRow(stub, parse_board_date(node_text(tr.css_first("td.kboard-list-date")), ctx.now))


def _page_number(href: str) -> int | None:
    page = base.query_param(href, "pageid")
    return int(page) if page and page.isdigit() else None


def _pagination(doc: Doc) -> tuple[int | None, int | None]:
    """``(next_page, last_page)`` from ``kboard_pagination``'s ``<li>`` items."""
    block = doc.css_first(".kboard-pagination-pages") or doc.css_first(".kboard-pagination")
    current = base.parse_int(node_text(block.css_first("li.active"))) if block is not None else None
    if block is None or current is None:
        return None, None
    linked = {n for a in block.css("a[href]") if (n := _page_number(attr(a, "href")))}
    last_link = block.css_first("li.last-page a")
    last = _page_number(attr(last_link, "href")) if last_link is not None else None
    if last is None and block.css_first("li.next-page") is None:
        last = current  # the last page has no » and no 마지막 items
    return (current + 1 if current + 1 in linked else None), last


def _detail(wrap: LexborNode) -> tuple[dict[str, LexborNode], str | None]:
    """The ``.detail-attr`` values by meaning (author, date, views), and the category if one is shown."""
    found: dict[str, LexborNode] = {}
    category = None
    for item in wrap.css(".kboard-detail .detail-attr"):
        name, value = item.css_first(".detail-name"), item.css_first(".detail-value")
        classes = base.class_set(item)
        if value is None:
            if "detail-category1" in classes:
                category = node_text(name) or None
            continue
        label = node_text(name)
        for key, (cls, words) in _DETAIL.items():
            if key not in found and (cls in classes or any(w in label for w in words)):
                found[key] = value
                break
    return found, category


def _download_url(node: LexborNode) -> str:
    """The file URL of a download button (in its ``onclick``) or link (its ``href``)."""
    match = _ONCLICK_URL.search(attr(node, "onclick"))
    if match:
        return match.group("url").replace("\\/", "/")
    href = attr(node, "href")
    return "" if href.startswith(("javascript:", "#")) else href


def _attachments(wrap: LexborNode, ctx: ParseContext) -> list[Attachment]:
    """``.kboard-attach``'s buttons (or an older skin's links), each with the view page as Referer."""
    files: list[Attachment] = []
    for node in wrap.css(".kboard-attach button, .kboard-attach a"):
        url = _download_url(node)
        if not url:
            continue
        title = re.sub(r"^(다운로드|Download)\s+", "", attr(node, "title"))
        name = node_text(node, skip="img, i, svg, .kboard-attach-size") or base.clean_text(title)
        href = base.absolute(ctx.url, url)
        files.append(Attachment(len(files), name, request=Request(url=href, referer=ctx.url, prime=ctx.url)))
    return files


class KBoardEngine(base.Engine):
    """KBoard for WordPress (``default`` skin and skins that keep its markup)."""

    name = "kboard"
    label = "KBoard (WordPress)"

    def score(self, url: str, doc: Doc) -> float:
        """High when the page has KBoard's containers and classes; the URL adds a little."""
        markup = 0.0
        if doc.css_first(f"{_LIST}, {_DOCUMENT}, [id^='kboard-'][id$='-editor']") is not None:
            markup += 0.45
        if doc.css_first(_STRUCTURE) is not None:
            markup += 0.25
        markup += _wordpress_score(doc)
        url_fit = 0.0
        if base.query_param(url, "mod") == "document" and base.query_param(url, "uid"):
            url_fit = 0.2
        elif base.query_param(url, "pageid") or base.query_param(url, "kboard_content_redirect"):
            url_fit = 0.1
        return min(1.0, markup + url_fit)

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """The hosting page's URL: ``mod``, ``uid``, ``pageid`` and download parameters dropped, the
        rest (``page_id``, categories) kept."""
        if not any(base.query_param(url, p) is not None for p in _TRANSIENT):
            return url  # already the board: keep it exactly as given
        return base.with_query(url, drop=_TRANSIENT)

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the board's page, with ``pageid=N`` from page 2 on."""
        if page > 1:
            return Request(url=base.with_query(board_url, pageid=page))
        return Request(url=self.board_url(board_url))

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The rows of ``.kboard-list``'s table (notices first), the pagination and the total."""
        table = required(doc.css_first(".kboard-list table"), "no KBoard list (.kboard-list table) on the page")
        rows = [row for tr in table.css("tbody tr") if (row := _row(ctx, tr)) is not None]
        next_page, last_page = _pagination(doc)
        total = base.parse_int(node_text(doc.css_first(".kboard-total-count")))
        # KBoard prints the year, but a site whose date filter drops it is still read as a column.
        stubs = listed_stubs(rows, ctx.now)
        return ListPage(stubs, next_page=next_page, last_page=last_page, total=total)

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The post in ``.kboard-document-wrap``; a password form (secret post) gives an empty ``secret`` post."""
        wrap = doc.css_first(".kboard-document-wrap") or doc.css_first(_DOCUMENT)
        if wrap is None:
            if doc.css_first(_CONFIRM) or doc.css_first("form input[type='password'][name='password']"):
                return secret_post(key, ctx)
            raise base.EngineError("no KBoard document (.kboard-document-wrap) on the view page")
        # Without .kboard-content the body is left to the generic fallback (engines.fallback).
        content = wrap.css_first(".kboard-content .content-view") or wrap.css_first(".kboard-content")
        title = wrap.css_first(".kboard-title h1") or wrap.css_first(".kboard-title")
        details, category = _detail(wrap)
        posted = parse_board_date(node_text(details.get("date")), ctx.now)
        return Post(
            key=key,
            title=node_text(title, skip=_TITLE_JUNK),
            url=ctx.url,
            body_html=content.inner_html or "" if content is not None else "",
            author=_author(details.get("author")),
            posted_at=to_datetime(posted, ctx.now) if posted is not None else None,
            views=base.parse_int(node_text(details.get("views"))),
            attachments=_attachments(wrap, ctx),
            category=category,
        )

    def is_failure_page(self, doc: Doc) -> str | None:
        """``wp_die``'s message, or the alert KBoard prints in place of a board (no permission, no post)."""
        died = doc.css_first(".wp-die-message") or doc.css_first("body#error-page")
        if died is not None:
            return node_text(died, skip="script, style") or "WordPress error page"
        if doc.css_first(f"{_LIST}, {_DOCUMENT}, [id^='kboard-'][id$='-editor']") is not None:
            return None
        for script in doc.css("script"):
            match = _ALERT.search(script.text() or "")
            if match:
                return match.group("msg").replace("\\n", " ").strip()
        return site_error(doc)


ENGINE = KBoardEngine()
