"""``selectBbsNttList.do`` boards: the CMS (vendor not identified) of many local governments and universities.

Lists are ``selectBbsNttList.do?key=…&bbsNo=…[&pageIndex=N]`` (the ``key`` is the menu); a post is
``selectBbsNttView.do?key=…&bbsNo=…&nttNo=N`` and its key is ``nttNo`` (``nttSn`` on the ftc.go.kr
variant with ``bordCd``).  Rows are ``table.p-table tbody tr`` with the link in ``td.p-subject`` and the
date as ``<time>`` in the last cell; ``p-icon`` spans mark new, secret and file rows.  The view is a
``table.p-table`` whose title is ``span.p-table__subject_text``, body ``td.p-table__content``, and files
``ul.p-attach a.p-attach__link`` → ``downloadBbsFile.do?atchmnflNo=N`` (``filename*=UTF-8''…``); the
``p-attach__preview`` / ``previewBbsAtchmnfl.do`` links beside them are document viewers.  Pinned notices,
the secret-post form and the paging block's classes are guesses in the CMS's ``p-`` style.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common import page_parts as parts
from noticetui.engines.generic.post import is_password_page
from noticetui.models import Attachment, ListPage, ParseContext, Post, Request

_LIST = "selectBbsNttList.do"
_VIEW = "selectBbsNttView.do"
_KEYS = ("nttNo", "nttSn")
_JUNK = ".p-icon, .skip, .blind, .sr-only, i, img, script"
_TOTAL = re.compile(r"(?:총|전체)\s*(?:게시물\s*)?([\d,]+)\s*건")
_VIEW_FIELDS = {
    "author": ("작성자", "담당부서", "작성부서", "부서명", "등록자"),
    "date": ("작성일", "등록일", "게시일"),
    "views": ("조회",),
}
# Transient list fields: the visitor's page, search and post.
_TRANSIENT = ("pageIndex", "nttNo", "nttSn", "searchCnd", "searchKrwd", "searchCtgry", "integrDeptCode", "pageUnit")


_SIGNS = (("table.p-table", 0.25), (".p-pagination, .p-page, td.p-table__content, ul.p-attach, tbody time", 0.25))
"""Markup of the CMS's boards, and how much each adds to the score."""


def _ntt(href: str) -> str | None:
    for name in _KEYS:
        value = base.query_param(href, name)
        if value and value.isdigit():
            return value
    return None


def _label(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    return base.column_role(text, table)


def _subject(tr: LexborNode, cells: list[LexborNode]) -> tuple[LexborNode, LexborNode, str] | None:
    """``(subject cell, post link, nttNo)`` of a row, or None for a row without a post link."""
    subject = tr.css_first("td.p-subject") or next((c for c in cells if c.css_first(f"a[href*='{_VIEW}']")), None)
    link = subject.css_first("a[href]") if subject is not None else None
    key = _ntt(attr(link, "href")) if link is not None else None
    if subject is None or link is None or key is None:
        return None
    return subject, link, key


def _date_text(cells: list[LexborNode], named: dict[str, LexborNode]) -> str:
    """The row's date: the last cell's ``<time>`` (its ``datetime`` first), else the date column."""
    time = cells[-1].css_first("time")
    if time is not None:
        return attr(time, "datetime") or node_text(time)
    return node_text(named.get("date"))


def _is_notice(tr: LexborNode, cells: list[LexborNode]) -> bool:
    return "notice" in attr(tr, "class") or node_text(cells[0]) == "공지" or bool(cells[0].css_first(".p-icon__notice"))


def _has_file(tr: LexborNode, file_cell: LexborNode | None) -> bool:
    if tr.css_first(".p-icon__file, .ico-attach, td.p-file a"):
        return True
    return file_cell is not None and bool(file_cell.css_first("i, span, a, img"))


def _row(ctx: ParseContext, tr: LexborNode, columns: list[str | None]) -> parts.DatedRow | None:
    cells = [c for c in tr.iter() if c.tag == "td"]
    found = _subject(tr, cells)
    if found is None:
        return None
    subject, link, key = found
    named = {n: c for n, c in zip(columns, cells, strict=False) if n is not None} if len(columns) == len(cells) else {}
    url = base.absolute(ctx.url, attr(link, "href"))
    stub = base.row_stub(
        ctx,
        key,
        node_text(link, skip=_JUNK),
        url,
        author=node_text(named.get("author")) or None,
        views=base.parse_int(node_text(named.get("views"))),
        notice=_is_notice(tr, cells),
        secret=bool(subject.css_first(".p-icon__lock, .p-icon__secret")),
        reply_depth=1 if subject.css_first(".p-icon__reply") else 0,
        has_file=_has_file(tr, named.get("file")),
    )
    return parts.DatedRow(stub, parse_board_date(_date_text(cells, named), ctx.now))


def _list_table(doc: Doc) -> LexborNode | None:
    """``table.p-table``, or the table around the post links when the skin renamed it."""
    table = doc.css_first("table.p-table")
    link = doc.css_first(f"a[href*='{_VIEW}']")
    if link is not None and (table is None or not table.css_first(f"a[href*='{_VIEW}']")):
        table = parts.enclosing(link, "table")
    return table


def _page_index(url: str) -> int:
    page = base.query_param(url, "pageIndex")
    return int(page) if page and page.isdigit() else 1


def _signature(doc: Doc) -> bool:
    """Links and forms of the board module itself (its list's own search form counts: a list may be empty)."""
    found = doc.css_first(
        f"td.p-subject a[href*='{_VIEW}'], span.p-table__subject_text, a[href*='downloadBbsFile.do'], "
        f"form[action*='BbsNtt'], a[href*='{_LIST}'][href*='pageIndex=']"
    )
    return found is not None


class BbsNttEngine(base.Engine):
    """The ``selectBbsNttList.do`` CMS (``p-table`` skin)."""

    name = "bbsntt"
    label = "selectBbsNttList CMS"

    def score(self, url: str, doc: Doc) -> float:
        """High when the URL is ``selectBbsNtt*.do`` and the page has the ``p-table`` list or view."""
        last = urlsplit(url).path.rsplit("/", 1)[-1]
        url_fit = 0.0
        if last in (_LIST, _VIEW):
            url_fit = 1.0
        elif last == "downloadBbsFile.do" or base.query_param(url, "bbsNo"):
            url_fit = 0.6
        markup = 0.0
        # The p-* classes are the vendor's whole design system: they count only next to a board's links.
        if _signature(doc):
            markup = base.with_signs(doc, 0.5, _SIGNS)
        return base.fit_score(url_fit, markup, 0.25)

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """``…/selectBbsNttList.do?key=…&bbsNo=…`` for a list page or a post."""
        split = urlsplit(url)
        path = split.path
        head, _, last = path.rpartition("/")
        if last in (_VIEW, "downloadBbsFile.do"):
            path = f"{head}/{_LIST}"
        return base.with_query(split._replace(path=path, fragment="").geturl(), drop=_TRANSIENT)

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the board URL, with ``pageIndex=N`` from page 2 on."""
        return base.paged_request(board_url, "pageIndex", page)

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The ``table.p-table`` rows (notices once), ``pageIndex`` pagination and the total."""
        table = parts.required(_list_table(doc), "no p-table list on the page")
        columns = [base.column_role(node_text(th)) for th in table.css("thead th")]
        rows = [row for tr in table.css("tbody tr") if (row := _row(ctx, tr, columns)) is not None]
        current = _page_index(ctx.url)
        pages = {_page_index(attr(a, "href")) for a in doc.css("a[href*='pageIndex=']") if not _ntt(attr(a, "href"))}
        next_page, last = parts.page_links(current, pages)
        total = parts.stated_total(doc, ".p-total, .total, [class*='count']", _TOTAL)
        return ListPage(parts.listed_stubs(rows, ctx.now), next_page, last, total)

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The ``p-table`` view; a password form instead gives an empty, ``secret`` post."""
        subject = doc.css_first("span.p-table__subject_text")
        if subject is None:
            if is_password_page(doc, None):  # a password field outside the site frame, not a login box
                return parts.secret_post(key, ctx)
            raise base.EngineError("no span.p-table__subject_text on the view page")
        table = parts.enclosing(subject, "table")
        scope = table if table is not None else doc.body
        return parts.labelled_post(
            key, ctx, node_text(subject), _content(doc, scope), _fields(scope), _attachments(doc, ctx)
        )


def _content(doc: Doc, scope: LexborNode | None) -> LexborNode | None:
    """The body: ``td.p-table__content`` (or the cell titled 내용), its ``div.ntt_cn_container`` when it has
    one; None leaves the body to the generic fallback (engines.fallback)."""
    cell = scope.css_first("td.p-table__content") if scope is not None else None
    if cell is None:
        cell = next((td for td in doc.css("td[title]") if attr(td, "title") == "내용"), None)
    return (cell.css_first("div.ntt_cn_container") or cell) if cell is not None else None


def _fields(scope: LexborNode | None) -> dict[str, str]:
    """``th`` label → the ``td`` after it, for 작성자/작성일/조회수."""
    found: dict[str, str] = {}
    for th in scope.css("th") if scope is not None else []:
        name = _label(node_text(th), _VIEW_FIELDS)
        td = parts.next_tag(th, "td")
        if name is not None and td is not None:
            found.setdefault(name, node_text(td))
    return found


def _attachments(doc: Doc, ctx: ParseContext) -> list[Attachment]:
    """``a.p-attach__link`` downloads (the document-viewer and download-all links are not files)."""
    files: list[Attachment] = []
    for link in doc.css("ul.p-attach a.p-attach__link, a.p-attach__link"):
        href = attr(link, "href")
        if "downloadBbsFileAll" in href or "preview" in href.lower() or href.startswith(("#", "javascript:")):
            continue
        url = base.absolute(ctx.url, href)
        if any(f.request is not None and f.request.url == url for f in files):
            continue
        size = link.css_first(".p-attach__size")
        names = [node_text(s) for s in link.css("span") if not {"p-icon", "p-attach__size"} & base.class_set(s)]
        name = next((n for n in names if n), "") or node_text(link, skip=_JUNK + ", .p-attach__size")
        files.append(parts.primed_file(len(files), name, url, ctx, size))
    return files


ENGINE = BbsNttEngine()
