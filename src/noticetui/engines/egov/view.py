"""eGovFrame view pages and their attachments.

- legacy ``EgovNoticeInqire.jsp``: ``table.generalTable`` of ``th``/``td`` pairs, the body in ``#bbs_cn``;
- current ``EgovArticleDetail.jsp``: ``table.wTable``, the body in ``td.cnt > span.ck-content``;
- portal ``EgovNoticeInqire.jsp``: ``div.board_view`` with ``dl``/``dt``/``dd`` facts and the body as escaped
  plain text in ``<textarea id="nttCn" readonly>`` (turned into paragraphs here).

Files are ``fn_egov_downFile(atchFileId, fileSn)`` links (or the portal's ``data-atch-file-id``), which
open ``/cmm/fms/FileDown.do?atchFileId=…&fileSn=…``.  Since 2022 the id in the page is encrypted with the
session id, so the request only works in the session that fetched the page: downloads re-fetch the post
first, in the same fetcher session.  A secret post of someone else is not shown: the server forwards its
view to the list page, which :func:`parse_post` reports as a secret post.
"""

from __future__ import annotations

import html
import itertools
import re
from urllib.parse import urlencode

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date, to_datetime
from noticetui.engines.base import Doc, EngineError, attr, clean_text, column_role, node_text, parse_int, parse_size
from noticetui.engines.common.js_calls import file_and_serial, handler, js_calls
from noticetui.engines.common.page_parts import secret_post
from noticetui.engines.egov import shared
from noticetui.engines.egov.listing import list_table
from noticetui.models import Attachment, ParseContext, Post, Request

_BYTES = re.compile(r"\[\s*(\d[\d,]*)\s*(?:byte|bytes|바이트)?\s*\]", re.I)


def _view_table(doc: Doc) -> LexborNode | None:
    """The view's ``th``/``td`` table: a known class, else a table that pairs a 제목 label with its value
    (a list's header row has 제목 too, but no value beside it)."""
    table = doc.css_first("table.wTable, table.generalTable, table.view_table, table.bbs_view")
    if table is not None:
        return table
    return next((t for t in doc.css("table") if "title" in _pairs(t)), None)


def _pairs(table: LexborNode) -> dict[str, LexborNode]:
    """Label → value cell of a ``th``/``td`` table (the first cell of each label wins)."""
    found: dict[str, LexborNode] = {}
    for tr in table.css("tr"):
        cells = [c for c in tr.iter() if c.tag in ("th", "td")]
        for head, value in itertools.pairwise(cells):
            if head.tag == "th" and value.tag == "td":
                name = column_role(node_text(head))
                if name is not None and name not in found:
                    found[name] = value
    return found


def _text_html(text: str) -> str:
    """Plain text (the portal's textarea) as HTML paragraphs, line breaks kept, nothing interpreted."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


def _following_text(link: LexborNode) -> str:
    """The text right after ``link`` up to the next element (the portal puts ``[N byte]`` there)."""
    parts: list[str] = []
    node = link.next
    while node is not None and node.tag in ("-text", "span", "#text"):
        parts.append(node.text() or "")
        node = node.next
    return clean_text(" ".join(parts))


def _file_ref(link: LexborNode) -> tuple[str, str] | None:
    """``(atchFileId, fileSn)`` of a download link."""
    if "data-atch-file-id" in link.attributes:
        return attr(link, "data-atch-file-id"), attr(link, "data-file-sn") or "0"
    for fn, args in js_calls(handler(link)):
        if fn.lower().endswith("downfile"):
            return file_and_serial(args)
    return None


def attachments(scope: LexborNode, doc: Doc, ctx: ParseContext) -> list[Attachment]:
    """The files listed in ``scope``; each request is valid only in the session that fetched the page."""
    name = (
        "NoLoginFileDown.do"
        if any("NoLoginFileDown.do" in (s.text() or "") for s in doc.css("script"))
        else (shared.FILE_DOWN)
    )
    down = shared.endpoint(ctx.url, doc, name, folder="cmm/fms")
    files: list[Attachment] = []
    seen: set[tuple[str, str]] = set()
    for link in scope.css("a"):
        ref = _file_ref(link)
        if ref is None or ref in seen:
            continue
        seen.add(ref)
        text = node_text(link)
        size = _BYTES.search(text) or _BYTES.search(_following_text(link))
        label = clean_text(_BYTES.sub("", text))
        url = f"{down}?{urlencode({'atchFileId': ref[0], 'fileSn': ref[1]})}"
        files.append(
            Attachment(
                index=int(ref[1]) if ref[1].isdigit() else len(files),
                name=label,
                size=parse_size(size.group(1)) if size else None,
                request=Request(url, referer=ctx.url),
            )
        )
    return files


def _portal_post(view: LexborNode, doc: Doc, ctx: ParseContext, key: str) -> Post:
    facts: dict[str, str] = {}
    for dl in view.css(".info dl, .board_view_top dl"):
        name = column_role(node_text(dl.css_first("dt")))
        if name is not None:
            facts.setdefault(name, node_text(dl.css_first("dd")))
    area = view.css_first("textarea#nttCn, textarea[name='nttCn']")
    if area is not None:
        body = _text_html(area.text() or "")
    else:  # sites that swapped the textarea for an editor's HTML
        article = view.css_first(".board_article")
        body = article.inner_html or "" if article is not None else ""
    posted = parse_board_date(facts.get("date", ""), ctx.now)
    return Post(
        key=key,
        title=node_text(view.css_first(".board_view_top .tit, .tit")),
        url=ctx.url,
        body_html=body,
        author=facts.get("author") or None,
        posted_at=to_datetime(posted, ctx.now) if posted is not None else None,
        views=parse_int(facts.get("views")),
        attachments=attachments(view.css_first(".board_attach") or view, doc, ctx),
    )


def _table_post(table: LexborNode, doc: Doc, ctx: ParseContext, key: str) -> Post:
    pairs = _pairs(table)
    body_cell = pairs.get("body")
    content = doc.css_first("#bbs_cn") or (
        body_cell.css_first(".ck-content") or body_cell if body_cell is not None else doc.css_first("td.cnt")
    )
    # A skin without a 내용 label leaves the body to the generic fallback (never a secret or empty post).
    posted = parse_board_date(node_text(pairs.get("date")), ctx.now)
    author = node_text(pairs.get("author"))
    return Post(
        key=key,
        title=node_text(pairs.get("title")),
        url=ctx.url,
        body_html=(content.inner_html or "").strip() if content is not None else "",
        author=author if author and set(author) != {"*"} else None,  # anonymous boards print ******
        posted_at=to_datetime(posted, ctx.now) if posted is not None else None,
        views=parse_int(node_text(pairs.get("views"))),
        attachments=attachments(table, doc, ctx),
    )


def is_view(doc: Doc) -> bool:
    """Whether the page is one of the view pages this module reads."""
    return doc.css_first("div.board_view") is not None or _view_table(doc) is not None


def parse_post(doc: Doc, ctx: ParseContext, key: str) -> Post:
    """The post on a view page; the list page served in its place means a secret post of someone else."""
    view = doc.css_first("div.board_view")
    if view is not None:
        return _portal_post(view, doc, ctx, key)
    table = _view_table(doc)
    if table is not None:
        return _table_post(table, doc, ctx, key)
    if list_table(doc) is not None:
        # EgovArticleController forwards a secret post's view to the list for anyone but its author.
        return secret_post(key, ctx)
    raise EngineError("no eGovFrame view (div.board_view, table.wTable, table.generalTable) on the page")
