"""eGovFrame list pages, in their three shapes (BOARDS.md §3).

- **legacy** common component (``EgovNoticeList.jsp``, ``table.listTable``): a row opens with
  ``fn_egov_inqire_notice(nttId, bbsId)``, which POSTs ``bbsId`` and ``nttId`` to ``selectBoardArticle.do``.
- **current** common component (``EgovArticleList.jsp``, ``table.board_list``): a row opens with
  ``fn_egov_inquire_articledetail(bbsId, nttId)``, which POSTs the whole ``articleForm`` to
  ``selectArticleDetail.do``.  Up to five pinned notices head *every* page and are listed again at their
  place in time; titles are cut at 40 characters and end with the comment count (``제목 [3]``).
- **portal** site template (``EgovNoticeList.jsp`` in ``div.board_list``): each row has its own
  ``<form name="subForm">`` of hidden fields, submitted by ``a.lnk``; its author column is hard-coded
  "관리자", so it is not read.

Rows without any way to open them are other users' secret posts (a lock icon; listed, ``secret=True``) or
expired/deleted posts (skipped).  A secret row has no ``nttId`` on the page, so its key is ``secret-`` and
a hash of its title, author and date, which stay the same from one sync to the next.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common.js_calls import board_and_post, handler, js_calls
from noticetui.engines.common.page_parts import DatedRow, listed_stubs, required
from noticetui.engines.egov import shared
from noticetui.models import ListPage, ParseContext, PostStub, Request

_COMMENT_COUNT = re.compile(r"\s*\[(\d+)\]\s*$")
_OPEN_LEGACY = "fn_egov_inqire_notice"
_OPEN_ARTICLE = "fn_egov_inquire_articledetail"
_REPLY_ICON = "img[src*='reply']"
_LOCK_ICON = "img[src*='lock'], img[src*='secret'], i.fa-lock"


def _column(text: str) -> str | None:
    return base.column_role(text)  # 게시시작일/게시종료일 of posting boards are not the post's date: None


def list_table(doc: Doc) -> LexborNode | None:
    """The table of posts: the known classes first, else the first table whose header has 제목."""
    table = doc.css_first("table.board_list, div.board_list table, table.listTable, table.bbs_list")
    if table is not None:
        return table
    return next((t for t in doc.css("table") if any("제목" in node_text(th) for th in t.css("th"))), None)


def _cells(row: LexborNode) -> list[LexborNode]:
    return [c for c in row.iter() if c.tag in ("td", "th")]


def _open_call(cell: LexborNode, bbs_id: str) -> tuple[str, str, str] | None:
    """``(function, bbsId, nttId)`` of the title cell's opening link, or None.

    The arguments are told apart by shape (``BBSMSTR_…`` or the page's bbsId vs digits): deployed sites
    swap the order of the component's sample JSP.  Position decides only when shape cannot.
    """
    for link in cell.css("a"):
        for fn, args in js_calls(handler(link)):
            if fn not in (_OPEN_LEGACY, _OPEN_ARTICLE) or len(args) < 2:
                continue
            by_shape = board_and_post(args, {bbs_id} if bbs_id else ())
            if by_shape is not None:
                return fn, *by_shape
            return (fn, args[1], args[0]) if fn == _OPEN_LEGACY else (fn, args[0], args[1])
    return None


def _row_form(cell: LexborNode) -> tuple[LexborNode | None, list[tuple[str, str]]] | None:
    """The portal's per-row form and its fields (inputs outside the form count: parsers move them)."""
    inputs = [i for i in cell.css("input[name]") if attr(i, "type").lower() in ("hidden", "")]
    if not any(attr(i, "name") == "nttId" and attr(i, "value") for i in inputs):
        return None
    fields = [(attr(i, "name"), attr(i, "value")) for i in inputs]
    return cell.css_first("form"), fields


def _reply_depth(cell: LexborNode) -> int:
    if cell.css_first(_REPLY_ICON) is None:
        return 0
    # The JSPs indent with replyLc + 1 &nbsp; before the reply arrow.
    return max(1, (cell.text() or "").count("\xa0") - 1)


def _secret_key(title: str, author: str, date: str) -> str:
    digest = hashlib.sha1(f"{title}\n{author}\n{date}".encode()).hexdigest()
    return f"secret-{digest[:12]}"


class _Reader:
    """Reads the rows of one list page."""

    def __init__(self, doc: Doc, ctx: ParseContext) -> None:
        self.doc, self.ctx = doc, ctx
        self.bbs_id = shared.board_id(ctx.url, doc) or ""
        self.article_form = doc.css_first("form[name='articleForm']")
        self.portal = doc.css_first("div.board_list a.lnk, div.board_list form[name='subForm']") is not None

    def list_url(self) -> str:
        """The list page as a GET URL: a POSTed list's own URL carries no ``bbsId``."""
        if urlsplit(self.ctx.url).query or not self.bbs_id:
            return self.ctx.url
        return shared.with_fields(self.ctx.url, [("bbsId", self.bbs_id)])

    def request_for(self, call: tuple[str, str, str] | None, cell: LexborNode) -> tuple[str, Request, str] | None:
        """``(nttId, request, browser URL)`` for a row, or None when the row cannot be opened."""
        ctx = self.ctx
        if call is not None:
            fn, bbs_id, ntt_id = call
            if fn == _OPEN_ARTICLE:
                url = shared.endpoint(ctx.url, self.doc, shared.VIEW_ARTICLE)
                defaults = shared.form_fields(self.article_form) if self.article_form is not None else []
                fields = shared.replace_fields(defaults, bbsId=bbs_id, nttId=ntt_id)
            else:
                url = shared.endpoint(ctx.url, self.doc, shared.VIEW_LEGACY)
                fields = [("bbsId", bbs_id), ("nttId", ntt_id)]
            request = Request(url, method="POST", form=tuple(fields), referer=ctx.url)
            return ntt_id, request, shared.with_fields(url, [("bbsId", bbs_id), ("nttId", ntt_id)])
        found = _row_form(cell)
        if found is None:
            return None
        form, fields = found
        ntt_id = next(v for k, v in fields if k == "nttId")
        action = attr(form, "action")
        url = base.absolute(ctx.url, action) if action else shared.endpoint(ctx.url, self.doc, shared.VIEW_LEGACY)
        method = "POST" if attr(form, "method").lower() == "post" else "GET"
        request = Request(url, method=method, form=tuple(fields), referer=ctx.url)
        shown = [(k, v) for k, v in fields if v and (k == "nttId" or k not in shared.TRANSIENT_FIELDS)]
        return ntt_id, request, shared.with_fields(url, shown)

    def title(self, cell: LexborNode, call: tuple[str, str, str] | None, opened: bool) -> tuple[str, int | None]:
        """``(title, comments)``: the opening link's text, without the current list's ``[N]`` count."""
        link = cell.css_first("a.lnk") or next(
            (a for a in cell.css("a") if _OPEN_LEGACY in handler(a) or _OPEN_ARTICLE in handler(a)), None
        )
        title = node_text(link) if opened and link is not None else node_text(cell)
        if self.article_form is None and (call is None or call[0] != _OPEN_ARTICLE):
            return title, None
        # The current list prints "[N]" after every title that has comments, nothing otherwise.
        count = _COMMENT_COUNT.search(title)
        return (title[: count.start()].rstrip(), int(count.group(1))) if count else (title, 0)

    def row(self, tr: LexborNode, columns: list[str | None]) -> DatedRow | None:
        """One row as a stub and its date; None for a row that cannot be opened and is not a secret post."""
        cells = _cells(tr)
        named = {name: td for name, td in zip(columns, cells, strict=False) if name is not None}
        title_cell = named.get("title") or next((c for c in cells if c.css_first("a, form")), None)
        if title_cell is None:
            return None
        call = _open_call(title_cell, self.bbs_id)
        opened = self.request_for(call, title_cell)
        title, comments = self.title(title_cell, call, opened is not None)
        secret = title_cell.css_first(_LOCK_ICON) is not None
        author = "" if self.portal else node_text(named.get("author"))
        date_text = node_text(named.get("date"))
        if opened is not None:
            key, request, url = opened
        elif secret and title:
            key, url = _secret_key(title, author, date_text), self.list_url()
            request = Request(url)
        else:
            return None  # an expired or deleted post: nothing to open, nothing to follow
        stub = PostStub(
            key=key,
            title=title,
            url=url,
            request=request,
            author=author or None,
            views=base.parse_int(node_text(named.get("views"))),
            notice=_is_notice(cells[0] if cells else None),
            secret=secret,
            reply_depth=_reply_depth(title_cell),
            comments=comments,
        )
        return DatedRow(stub, parse_board_date(date_text, self.ctx.now) if date_text else None)


def _is_notice(first: LexborNode | None) -> bool:
    """A pinned row: its number cell shows a notice icon or says 공지."""
    if first is None:
        return False
    return first.css_first("img[src*='notice'], img[alt='notice'], img[alt='공지']") is not None or (
        node_text(first) == "공지"
    )


def parse_list(doc: Doc, ctx: ParseContext) -> ListPage:
    """The stubs, pagination and total of an eGovFrame list page."""
    table = required(list_table(doc), "no eGovFrame list table (table.board_list, table.listTable, div.board_list)")
    columns = [_column(node_text(th)) for th in table.css("thead th")]
    reader = _Reader(doc, ctx)
    rows = [r for tr in table.css("tbody tr") if (r := reader.row(tr, columns)) is not None]
    # Pinned notices are out of date order: they are dated alone, the rest as a column.
    stubs = listed_stubs(rows, ctx.now)
    next_page, last_page = shared.pagination(doc)
    return ListPage(stubs, next_page=next_page, last_page=last_page, total=shared.total_count(doc))
