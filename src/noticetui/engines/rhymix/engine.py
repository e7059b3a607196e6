"""Rhymix and XpressEngine 1.x boards: the ``default`` and ``xedition`` board skins.

Lists live at ``index.php?mid=notice[&page=N]`` or, rewritten, at ``/notice[/page/N]``; a row's key is its
``document_srl``.  Pinned notices (``tr.notice``) head *every* list page, and boards that do not "exclude
notices" list them a second time at their place in time: one stub per key, flagged.  A post's page shows
the post (``div.board_read``) above the list it was opened from, so both parsers read only their part.
Downloads go through ``procFileDownload``, which checks the ``sid`` and the Referer's host and redirects
to a short-lived, client-bound ``procFileOutput`` link: the post's page is the Referer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from noticetui.dates import PartialDate, parse_board_date, to_datetime
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common.site_errors import site_error
from noticetui.engines.rhymix.routes import (
    document_srl,
    is_query_style,
    list_url,
    page_number,
    paged,
    parse_route,
    xe_globals,
)
from noticetui.models import Attachment, ListPage, ParseContext, Post, PostStub, Request

_CELL_CLASSES = {
    "number": ("no", "num", "notice"),
    "author": ("author",),
    "date": ("time", "date"),  # xe_board (XE 1.x) names its cells num, date, reading
    "views": ("readNum", "reading"),
}
_NAME_JUNK = "img, i, .xe_point_level_icon, .sound_only, .blind"
_TITLE_JUNK = "img, i, .sound_only, .blind"
_ICON = "img[alt='{0}'], img[src*='/{0}.']"
_FILE_SIZE = re.compile(r"File\s*Size\s*:\s*([\d.,]+\s*[A-Za-z]*)", re.I)
_ERROR_BOX = "#access .login-header h1, .context_message h1, .system_message, .message.error h1"

_Read = tuple[PostStub, PartialDate | None]
"""A row read, with its date not yet resolved (list dates are resolved as a column)."""


_SIGNS = (
    ("div.board_list table, div.board_read", 0.3),
    ("table[summary='List of Articles'], .read_header, td.readNum, .xe_content", 0.2),
)
"""The board skins' markup, and how much each sign adds to the score."""


def _title_link(cell: LexborNode) -> LexborNode | None:
    """The post's link in a title cell: not the ``[2]`` reply counter, the trackbacks or the category."""
    for link in cell.css("a[href]"):
        if base.class_set(link) & {"replyNum", "trackbackNum", "category"}:
            continue
        if document_srl(attr(link, "href")) is not None:
            return link
    return None


def _name(cell: LexborNode | None) -> str | None:
    """An author's nickname; a member who set an image name shows only the image, whose alt is the name."""
    if cell is None:
        return None
    text = node_text(cell, skip=_NAME_JUNK)
    if text:
        return text
    image = cell.css_first("img[alt]")
    return base.clean_text(attr(image, "alt")) or None


def _columns(table: LexborNode) -> list[str | None]:
    return [base.column_role(node_text(th)) for th in table.css("thead th")]


def _cells(tr: LexborNode, columns: list[str | None]) -> dict[str, LexborNode]:
    """A row's cells by meaning: by the header when it lines up, else by the skins' cell classes."""
    tds = [c for c in tr.iter() if c.tag == "td"]
    if len(columns) == len(tds) and "title" in columns:
        return {name: td for name, td in zip(columns, tds, strict=True) if name is not None}
    cells: dict[str, LexborNode] = {}
    for td in tds:
        classes = base.class_set(td)
        if classes & {"title", "webzineTitle"}:
            cells.setdefault("title", td)
        for name, wanted in _CELL_CLASSES.items():
            if classes & set(wanted):
                cells.setdefault(name, td)
    return cells


def _row(ctx: ParseContext, tr: LexborNode, cells: dict[str, LexborNode]) -> _Read | None:
    title_cell = cells.get("title")
    link = _title_link(title_cell) if title_cell is not None else None
    if title_cell is None or link is None:
        return None
    href = attr(link, "href")
    key = document_srl(href)
    if key is None:
        return None
    url = base.absolute(ctx.url, href)
    number = cells.get("number")
    stub = base.row_stub(
        ctx,
        key,
        node_text(link, skip=_TITLE_JUNK),
        url,
        author=_name(cells.get("author")),
        views=base.parse_int(node_text(cells.get("views"))),
        notice="notice" in base.class_set(tr) or (number is not None and "notice" in base.class_set(number)),
        secret=bool(title_cell.css_first(_ICON.format("secret"))),
        comments=base.parse_int(node_text(title_cell.css_first("a.replyNum"))),
        has_file=bool(title_cell.css_first(_ICON.format("file"))),
    )
    return stub, parse_board_date(node_text(cells.get("date")), ctx.now)


def _rows(ctx: ParseContext, table: LexborNode) -> list[PostStub]:
    """The table's posts, each once: a pinned notice listed again at its place in time stays one stub."""
    columns = _columns(table)
    read: list[_Read] = []
    for tr in table.css("tbody tr"):
        row = _row(ctx, tr, _cells(tr, columns))
        if row is not None:
            read.append(row)
    # Notices are not in date order; the rest are, newest first.
    return base.unique_stubs(base.dated_stubs([s for s, _ in read], [d for _, d in read], ctx.now))


def _gallery_rows(ctx: ParseContext, doc: Doc, box: LexborNode) -> list[PostStub]:
    """xe_board's gallery style: each notice in a small ``table.boardList``, then ``div.cell`` thumbnails."""
    read = [row for tr in doc.css("table.boardList tr.notice") if (row := _row(ctx, tr, _cells(tr, []))) is not None]
    for cell in box.css("div.cell"):
        title = cell.css_first("div.title")
        parts = {"title": title, "author": cell.css_first(".author"), "date": cell.css_first(".date")}
        parts["views"] = cell.css_first(".readAndRecommend .num")
        row = _row(ctx, cell, {k: v for k, v in parts.items() if v is not None})
        if row is not None:
            read.append(row)
    return base.unique_stubs(base.dated_stubs([s for s, _ in read], [d for _, d in read], ctx.now))


def _pagination(doc: Doc) -> tuple[int | None, int | None]:
    """``(next_page, last_page)`` from the list's ``.pagination`` (not the comments' one, which pages
    with ``cpage``)."""
    block = doc.css_first(".list_footer .pagination")
    if block is None:
        block = next((b for b in doc.css(".pagination, .pageNavigation") if "cpage=" not in (b.html or "")), None)
    current = base.parse_int(node_text(block.css_first("strong"))) if block is not None else None
    if block is None or current is None:
        return None, None
    linked = {n for a in block.css("a[href]") if (n := page_number(attr(a, "href")) or 1)}
    end = block.css_first("a.next, a.direction.next, a.last, a.goToLast")
    last = (page_number(attr(end, "href")) or 1) if end is not None else max(linked | {current})
    return (current + 1 if current < last else None), last


class RhymixEngine(base.Engine):
    """Rhymix and XpressEngine 1.x (``default`` and ``xedition`` skins, with or without rewriting)."""

    name = "rhymix"
    label = "Rhymix / XpressEngine"

    def score(self, url: str, doc: Doc) -> float:
        """High when the page declares XE's globals and shows the board skins' list or post markup."""
        markup = base.with_signs(doc, 0.5 if xe_globals(doc) else 0.0, _SIGNS)
        path = urlsplit(url).path
        if is_query_style(url):
            url_fit = 1.0
        elif path.endswith((".do", ".jsp", ".asp", ".aspx", ".es")) or (
            path.endswith(".php") and not path.endswith("/index.php")
        ):
            url_fit = 0.0
        else:
            url_fit = 0.5  # a rewritten /notice/123 looks like any other path
        return base.fit_score(url_fit, markup, 0.2)

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """The list of the board ``url`` belongs to, in the URL style it uses (category kept).

        The page's own ``current_mid`` and ``request_uri`` are trusted over the URL, which alone cannot
        tell a bare ``/123`` from a board called ``123``'s parent.
        """
        found = xe_globals(doc) if doc is not None else {}
        root = urlsplit(found["request_uri"]).path if found.get("request_uri") else None
        category = base.query_param(url, "category")
        if is_query_style(url) or urlsplit(url).path.endswith(".php"):
            mid = base.query_param(url, "mid") or found.get("current_mid")
            return list_url(url, mid, category, root)
        route = parse_route(urlsplit(url).path, root)
        mid = route.mid or found.get("current_mid")
        return list_url(url, mid, route.category or category, route.base if root is None else root)

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the list: ``&page=N`` on query boards, ``/page/N`` on rewritten ones."""
        return Request(url=paged(board_url, page))

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The rows of ``div.board_list`` (on a post's page too), and the pagination."""
        table = doc.css_first("div.board_list table") or doc.css_first("table[summary='List of Articles']")
        table = table or doc.css_first("table.boardList")  # XE 1.x's xe_board skin (list and webzine styles)
        gallery = doc.css_first("div.thumbnailBox")  # xe_board's gallery style: notice tables, then cells
        if table is None and gallery is None:
            raise base.EngineError("no Rhymix/XE list (div.board_list) on the page")
        next_page, last_page = _pagination(doc)
        stubs = _gallery_rows(ctx, doc, gallery) if gallery is not None else _rows(ctx, table) if table else []
        return ListPage(stubs, next_page=next_page, last_page=last_page)

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The post in ``div.board_read``; a password form (secret post) gives an empty, ``secret`` post."""
        read = doc.css_first("div.board_read")
        if read is None:
            raise base.EngineError("no div.board_read on the post's page")
        header = read.css_first(".read_header")
        heading = header.css_first("h1") if header is not None else None
        posted = parse_board_date(node_text(header.css_first(".time") if header else None), ctx.now)
        body = read.css_first(".read_body")
        locked = body is not None and body.css_first("input#cpw, form.secretForm, input[type='password']")
        post = Post(
            key=key,
            title=node_text(heading, skip=".category, " + _TITLE_JUNK),
            url=ctx.url,
            body_html="",
            author=_author(header),
            posted_at=to_datetime(posted, ctx.now) if posted is not None else None,
            views=_views(header),
            category=node_text(heading.css_first("a.category") if heading else None) or None,
            secret=bool(locked),
        )
        if locked:
            return post
        if body is None:
            return post  # a skin without .read_body: the generic fallback finds the body
        content = body.css_first(".xe_content") or body
        return replace(post, body_html=content.inner_html or "", attachments=_attachments(read, ctx))

    def is_failure_page(self, doc: Doc) -> str | None:
        """The message of an alert page or of Rhymix's system message page ("권한이 없습니다.")."""
        alert = base.alert_message(doc)
        if alert:
            return alert
        if doc.css_first("div.board_list, div.board_read"):
            return None
        message = node_text(doc.css_first(_ERROR_BOX))
        return message or site_error(doc)


def _author(header: LexborNode | None) -> str | None:
    """The writer: a member's ``a.author``, xedition's ``span.author``, else a guest's bare name."""
    if header is None:
        return None
    for selector in ("a.author", "span.author"):
        name = _name(header.css_first(selector))
        if name:
            return name
    meta = node_text(header.css_first(".meta"), skip=".sum, .time, .read_count, .vote_count, " + _NAME_JUNK)
    return meta or None


def _views(header: LexborNode | None) -> int | None:
    """``조회 수:88`` (default skin's ``.sum .read``) or ``조회 수 : 88`` (xedition's ``.read_count``)."""
    node = header.css_first(".read, .read_count") if header is not None else None
    text = node_text(node)
    return base.parse_int(text.split(":", 1)[-1]) if text else None


def _attachments(read: LexborNode, ctx: ParseContext) -> list[Attachment]:
    """The ``.fileList`` downloads; each wants the post's page as Referer (a foreign host is refused)."""
    files: list[Attachment] = []
    for link in read.css(".fileList li a[href]"):
        size = _FILE_SIZE.search(node_text(link.css_first(".fileSize")))
        href = base.absolute(ctx.url, attr(link, "href"))
        files.append(
            Attachment(
                index=len(files),
                name=node_text(link, skip=".fileSize"),
                size=base.parse_size(size.group(1)) if size else None,
                request=Request(url=href, referer=ctx.url, prime=ctx.url),
            )
        )
    return files


ENGINE = RhymixEngine()
