"""eGovFrame (전자정부 표준프레임워크) boards: the legacy and current common components and the portal
site template (BOARDS.md §3).

A board is ``…/cop/bbs/selectBoardList.do?bbsId=BBSMSTR_…`` (legacy, portal) or
``…/cop/bbs/selectArticleList.do?bbsId=…`` (current); a post's key is its ``nttId``.  Nothing on these
pages is a plain link: posts open through POSTed forms (see :mod:`~noticetui.engines.egov.listing`), files
through ``fn_egov_downFile`` (see :mod:`~noticetui.engines.egov.view`).  ``selectBoardList.do`` lists are
paged the way their ``fn_egov_select_noticeList(n)`` does it, by POSTing ``bbsId`` and ``pageIndex``;
``selectArticleList.do`` lists take ``?pageIndex=n``.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit, urlunsplit

from noticetui.engines import base
from noticetui.engines.base import Doc, Engine, attr, node_text, paged_request, query_param
from noticetui.engines.common.site_errors import site_error
from noticetui.engines.egov import listing, shared, view
from noticetui.models import ListPage, ParseContext, Post, Request

_SIGNATURE_FUNCTIONS = (
    "fn_egov_inqire_notice",
    "fn_egov_inquire_articledetail",
    "fn_egov_select_noticeList",
    "fn_egov_select_linkPage",
    "fn_egov_downFile",
)
_STRUCTURE = (
    "table.listTable, table.board_list, table.wTable, table.generalTable, div.board_view, "
    "textarea#nttCn, #bbs_cn, #egov_file_view_table, div.board_list form[name='subForm']"
)
# Board-level attributes the server knows from bbsId: not part of a board's address.
_BOARD_ATTRIBUTES = frozenset({"bbsTyCode", "bbsAttrbCode", "authFlag", "blogId", "blogAt"})
_ERROR_TEXTS = ("알 수 없는 오류가 발생했습니다", "Not supported browser", "요청하신 페이지를 찾을 수 없습니다")


def _url_fit(url: str) -> float:
    parts = urlsplit(url)
    last = parts.path.rsplit("/", 1)[-1]
    if last in shared.ENDPOINTS:
        return 1.0
    bbs_id = query_param(url, "bbsId") or ""
    if bbs_id.startswith("BBSMSTR_") or ("/cop/bbs/" in parts.path and last.endswith(".do")):
        return 0.8
    return 0.5 if bbs_id else 0.0


def _markup_fit(doc: Doc) -> float:
    handlers = " ".join(
        f"{attr(n, 'onclick')} {attr(n, 'href')}" for n in doc.css("a[onclick], a[href^='javascript'], button")
    )
    scripts = " ".join(s.text() or "" for s in doc.css("script"))
    fit = 0.0
    if any(fn in handlers or fn in scripts for fn in _SIGNATURE_FUNCTIONS):
        fit += 0.5
    actions = " ".join(attr(f, "action") for f in doc.css("form"))
    if doc.css_first("input[name='bbsId'], [data-atch-file-id]") is not None or "/cop/bbs/" in actions:
        fit += 0.3
    if doc.css_first(_STRUCTURE) is not None:
        fit += 0.2
    return fit


class EgovEngine(Engine):
    """eGovFrame common-component and portal-template boards."""

    name = "egov"
    label = "eGovFrame (전자정부 표준프레임워크)"

    def score(self, url: str, doc: Doc) -> float:
        """High only when the URL has eGovFrame's shape and the page its scripts and forms."""
        return base.fit_score(_url_fit(url), _markup_fit(doc), 0.35)

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """The list URL: a view's endpoint swapped for its list's, keeping ``bbsId`` and site parameters
        (``menuNo``…) but not the visitor's page, search or post."""
        parts = urlsplit(url)
        head, _, last = parts.path.rpartition("/")
        last = shared.LIST_OF_VIEW.get(last, last)
        skip = shared.TRANSIENT_FIELDS | _BOARD_ATTRIBUTES
        pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if v and k not in skip]
        if not any(k == "bbsId" for k, _ in pairs):
            bbs_id = shared.board_id(url, doc)
            if bbs_id:
                pairs.insert(0, ("bbsId", bbs_id))
        return shared.with_fields(urlunsplit(parts._replace(path=f"{head}/{last}")), pairs)

    def list_request(self, board_url: str, page: int) -> Request:
        """POST ``frm``'s fields with ``pageIndex`` to ``selectBoardList.do``; GET ``?pageIndex=`` elsewhere."""
        parts = urlsplit(board_url)
        if parts.path.rsplit("/", 1)[-1] == shared.LIST_LEGACY:
            # Fields go in the body only: Spring would read a bbsId in both the query and the body as "a,a".
            fields = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "pageIndex"]
            url = urlunsplit(parts._replace(query="", fragment=""))
            return Request(url, method="POST", form=(*fields, ("pageIndex", str(page))))
        return paged_request(board_url, "pageIndex", page)

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The rows of any of the three list templates (see :mod:`~noticetui.engines.egov.listing`)."""
        return listing.parse_list(doc, ctx)

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The post of any of the three view templates (see :mod:`~noticetui.engines.egov.view`)."""
        return view.parse_post(doc, ctx, key)

    def is_failure_page(self, doc: Doc) -> str | None:
        """eGovFrame's ``egovError.jsp`` (served with status 200) or an alert page; never a list or a view."""
        if listing.list_table(doc) is not None or view.is_view(doc):
            return None
        text = node_text(doc.body)
        for message in _ERROR_TEXTS:
            if message in text:
                return message
        if doc.css_first("img[alt='er_logo'], img[src*='er_logo']") is not None:
            return "eGovFrame error page"
        return site_error(doc)


ENGINE = EgovEngine()
