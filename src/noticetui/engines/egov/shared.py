"""What every eGovFrame page shares: JavaScript calls in ``onclick``/``href``, form fields, endpoint URLs
under the web application's context path, and the ``ui:pagination`` block.

eGovFrame pages carry no GET links to posts, pages or files: everything goes through small JavaScript
functions (``fn_egov_inqire_notice('123', 'BBSMSTR_…')``) that fill a form and submit it.  These helpers
read those calls so the engine can build the same requests itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from noticetui.engines.base import Doc, attr, node_text, parse_int, query_param
from noticetui.engines.common.js_calls import js_calls

LIST_LEGACY = "selectBoardList.do"
"""The list of the legacy common component and of the portal template (``EgovNoticeList.jsp``)."""
VIEW_LEGACY = "selectBoardArticle.do"
LIST_ARTICLE = "selectArticleList.do"
"""The list of the current common component (``EgovArticleList.jsp``)."""
VIEW_ARTICLE = "selectArticleDetail.do"
FILE_DOWN = "FileDown.do"
ENDPOINTS = (LIST_LEGACY, VIEW_LEGACY, LIST_ARTICLE, VIEW_ARTICLE)
LIST_OF_VIEW = {VIEW_LEGACY: LIST_LEGACY, VIEW_ARTICLE: LIST_ARTICLE}

# Fields that only carry the visitor's place in the list: a board URL or a post URL is cleaner without them.
TRANSIENT_FIELDS = frozenset(
    {"nttId", "pageIndex", "searchCnd", "searchWrd", "parnts", "sortOrdr", "replyLc", "nttSj", "pageUnit",
     "subPageIndex", "commentNo", "modified", "searchBgnDe", "searchEndDe"}
)  # fmt: skip

_PAGE_FN = re.compile(r"page|list", re.I)


def context_path(url: str) -> str:
    """The web application's context path (``/portal`` for ``/portal/cop/bbs/selectBoardList.do``), or ''."""
    path = urlsplit(url).path
    for marker in ("/cop/", "/cmm/"):
        if marker in path:
            return path.split(marker, 1)[0]
    return path.rsplit("/", 1)[0]


def endpoint(page_url: str, doc: Doc | None, name: str, folder: str = "cop/bbs") -> str:
    """The absolute URL of ``name`` (``selectBoardArticle.do``) as the page's own scripts spell it.

    The JSPs write ``<c:url value='/cop/bbs/…'/>``, which includes the context path and any board prefix
    (``/cop/bbs/anonymous/…``); without such a script the URL is built under the context path.
    """
    parts = urlsplit(page_url)
    if doc is not None:
        pattern = re.compile(rf"""["']([^"'\s<>]*/{re.escape(name)})(?=[?"'])""")
        for script in doc.css("script"):
            match = pattern.search(script.text() or "")
            if match:
                found = urlsplit(match.group(1))
                return urlunsplit((parts.scheme, parts.netloc, found.path, "", ""))
    current = parts.path.rsplit("/", 1)
    if current[-1] in ENDPOINTS and folder == "cop/bbs":
        return urlunsplit((parts.scheme, parts.netloc, f"{current[0]}/{name}", "", ""))
    return urlunsplit((parts.scheme, parts.netloc, f"{context_path(page_url)}/{folder}/{name}", "", ""))


def with_fields(url: str, fields: list[tuple[str, str]]) -> str:
    """``url`` (query dropped) with ``fields`` as its query: the GET form of a form submission."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode(fields), fragment=""))


def _field_value(node: LexborNode) -> str | None:
    """What a browser submits for one control, or None when it submits nothing."""
    if node.tag == "select":
        options = node.css("option")
        chosen = next((o for o in options if "selected" in o.attributes), options[0] if options else None)
        if chosen is None:
            return None
        return attr(chosen, "value") if "value" in chosen.attributes else node_text(chosen)
    if node.tag == "textarea":
        return node.text() or ""
    kind = attr(node, "type").lower()
    if kind in ("submit", "button", "image", "reset", "file"):
        return None
    if kind in ("checkbox", "radio"):
        return (attr(node, "value") or "on") if "checked" in node.attributes else None
    return attr(node, "value")


def form_fields(form: LexborNode) -> list[tuple[str, str]]:
    """What a browser would submit for ``form`` (no submit button pressed): named inputs, selects, textareas."""
    fields: list[tuple[str, str]] = []
    for node in form.css("input, select, textarea"):
        name = attr(node, "name")
        if not name or "disabled" in node.attributes:
            continue
        value = _field_value(node)
        if value is not None:
            fields.append((name, value))
    return fields


def replace_fields(fields: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    """``fields`` with ``values`` set: replaced in place when present (first occurrence), else appended."""
    result: list[tuple[str, str]] = []
    done: set[str] = set()
    for name, value in fields:
        if name in values:
            if name in done:
                continue  # a duplicate would reach Spring as "a,b"
            result.append((name, values[name]))
            done.add(name)
        else:
            result.append((name, value))
    result += [(k, v) for k, v in values.items() if k not in done]
    return result


def board_id(url: str, doc: Doc | None) -> str | None:
    """The board's ``bbsId``: from the URL, else from the page's first non-empty ``bbsId`` field."""
    found = query_param(url, "bbsId")
    if found:
        return found
    if doc is not None:
        for node in doc.css("input[name='bbsId']"):
            if attr(node, "value"):
                return attr(node, "value")
    return None


# --- pagination ------------------------------------------------------------------------------------


def _page_target(link: LexborNode) -> int | None:
    """The page a pagination link leads to: its ``fn_…(N)`` call, else its ``?pageIndex=N``."""
    for fn, args in js_calls(attr(link, "onclick")):
        if len(args) == 1 and args[0].isdigit() and _PAGE_FN.search(fn):
            return int(args[0])
    index = query_param(attr(link, "href"), "pageIndex") if "pageIndex=" in attr(link, "href") else None
    return int(index) if index and index.isdigit() else None


def _current_page(block: LexborNode) -> int | None:
    for selector in ("li.current", "strong", "li.on", "span.current", "a.on"):
        for node in block.css(selector):
            number = node_text(node)
            if number.isdigit():
                return int(number)
    return None


def _pagination_block(doc: Doc) -> LexborNode | None:
    block = doc.css_first("div.pagination, #paging_div, div.paging, div.paginate, div.page_list")
    if block is not None:
        return block
    for link in doc.css("a[onclick]"):
        if _page_target(link) is not None:
            node = link.parent
            while node is not None and node.tag in ("li", "span", "ul"):
                node = node.parent
            return node
    return None


def pagination(doc: Doc) -> tuple[int | None, int | None]:
    """``(next_page, last_page)`` from the ``ui:pagination`` block of any of its renderers.

    The renderers link every page of the current group, then 다음/끝 페이지 (or image buttons) to the next
    group and the last page; with one group only the numbers appear.  So the largest number linked is the
    last page, and the next page exists when it is past the current one.
    """
    block = _pagination_block(doc)
    if block is None:
        return None, None
    current = _current_page(block)
    targets = [n for link in block.css("a") if (n := _page_target(link)) is not None]
    if current is None:
        return None, None
    last = max([current, *targets])
    return (current + 1 if last > current else None), last


def total_count(doc: Doc) -> int | None:
    """The post count some skins print above the list (``총 123건``), or None."""
    for node in doc.css(".total, .board_total, .totalCount, .bbs_total, p.total, div.total"):
        number = parse_int(node_text(node))
        if number is not None:
            return number
    return None
