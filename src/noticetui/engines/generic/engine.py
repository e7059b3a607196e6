"""The fallback for boards no engine knows: rows found by repetition, bodies by text density.

It claims nothing on its own: :meth:`GenericEngine.score` stays below every real engine and below sync's
detection threshold (0.45 at most), and ``auto`` detection falls back on it only when no engine reaches
the threshold and it found a list (see :func:`noticetui.sync.choose_engine`).

- **Rows**: the elements that repeat under one parent with a link each (table rows, list items, cards),
  the group with the most distinct, dated, title-like links winning (:mod:`~noticetui.engines.generic.rows`); columns by
  their header text or their content (:mod:`~noticetui.engines.generic.fields`).
- **Keys**: the link parameter that differs from row to row (``idx``, ``nttId``…), else the path's last
  number, else the link itself (:mod:`~noticetui.engines.generic.links`).
- **Paging**: the parameter that follows the numbered page links (:mod:`~noticetui.engines.generic.paging`).  Since engines
  keep no state, :meth:`GenericEngine.board_url` writes it into the board URL: nothing for ``page``,
  ``pageIndex=1`` for another parameter, ``offset=0#step=10`` for a record offset.
- **Posts**: the body by letters owned per container (:mod:`~noticetui.engines.generic.body`), the title, the labelled facts
  and the file links (:mod:`~noticetui.engines.generic.post`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from noticetui.dates import PartialDate, parse_board_date, to_datetime
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common.js_targets import Scripts
from noticetui.engines.common.page_parts import secret_post
from noticetui.engines.common.published import published_text
from noticetui.engines.common.script_files import script_attachments
from noticetui.engines.generic.body import body_html, find_body
from noticetui.engines.generic.fields import column_roles, is_notice, is_secret, item_fields, table_fields
from noticetui.engines.generic.links import (
    board_url_with,
    key_param,
    list_url_of_post,
    page_url,
    page_urls,
    paging_of_url,
    row_keys,
)
from noticetui.engines.generic.paging import read_pagination
from noticetui.engines.generic.post import find_attachments, find_facts, find_title, is_password_page
from noticetui.engines.generic.rows import Row, RowGroup, find_rows, usable_href
from noticetui.models import Attachment, ListPage, ParseContext, Post, PostStub, Request

_LIST_LINK = re.compile(r"^(?:목록|목록으로|목록보기|글목록|리스트|list|back to list)$", re.I)
_TOTAL = re.compile(r"(?:전체|총)\s*(?:게시물|게시글|글)?\s*:?\s*([\d,]+)\s*건|total\s*:?\s*([\d,]+)", re.I)


def _table_roles(group: RowGroup) -> list[str | None]:
    """The column roles of the table the rows sit in, from its header; none for rows that are not ``tr``."""
    table = group.rows[0].node.parent if group.rows[0].node.tag == "tr" else None
    while table is not None and table.tag != "table":
        table = table.parent
    return column_roles(table) if table is not None else []


def _row_stub(row: Row, key: str, roles: list[str | None], ctx: ParseContext) -> tuple[PostStub, str | None, bool]:
    """One row as a stub, its date text, and whether only a class or badge (not the number) pins it."""
    if row.node.tag == "tr":
        fields = table_fields(row.node, row.link, roles, ctx.now)
    else:
        fields = item_fields(row.node, row.link, ctx.now)
    by_number, by_mark = is_notice(row.node, row.link, fields.number)
    stub = PostStub(
        key=key,
        title=row.title,
        url=row.href,
        request=row.request or Request(url=row.href, referer=ctx.url),
        author=fields.author,
        views=fields.views,
        notice=by_number or by_mark,
        secret=is_secret(row.node),
        has_file=fields.has_file,
        category=fields.category,
    )
    return stub, fields.date, by_mark and not by_number


def _stubs(group: RowGroup, ctx: ParseContext) -> list[PostStub]:
    roles = _table_roles(group)
    keys = row_keys([r.href for r in group.rows], key_param([r.href for r in group.rows]))
    read = [_row_stub(row, key, roles, ctx) for row, key in zip(group.rows, keys, strict=True)]
    stubs = [stub for stub, _, _ in read]
    dates: list[PartialDate | None] = [parse_board_date(date, ctx.now) if date else None for _, date, _ in read]
    if len(stubs) >= 3 and all(marked for _, _, marked in read):
        # A class or badge on every row marks nothing (a board whose rows all carry "notice" classes).
        stubs = [replace(s, notice=False) for s in stubs]
    return base.unique_stubs(base.dated_stubs(stubs, dates, ctx.now))


def _list_link(doc: Doc, url: str) -> str | None:
    for link in doc.css("a[href]"):
        href = attr(link, "href")
        image = link.css_first("img")
        label = node_text(link) or attr(link, "title") or (attr(image, "alt") if image is not None else "")
        if usable_href(href) and _LIST_LINK.match(label):
            return base.absolute(url, href)
    return None


def _attachments(doc: Doc, ctx: ParseContext) -> list[Attachment]:
    """File links, then files behind the page's own download calls (``fnFileDown('F1','1')``)."""
    files = find_attachments(doc, ctx)
    known = {a.request.url for a in files if a.request is not None}
    extra = [
        a for a in script_attachments(doc, ctx, len(files)) if a.request is not None and a.request.url not in known
    ]
    return files + [replace(a, index=len(files) + i) for i, a in enumerate(extra)]


class GenericEngine(base.Engine):
    """Any board: repeated rows with links, pagination by numbered links, bodies by text density."""

    name = "generic"
    label = "no known engine matched"

    def score(self, url: str, doc: Doc) -> float:
        """0.45 for a dated list, 0.35 for an undated one, 0.3 for a post page with a 목록 link, else 0."""
        group = find_rows(doc, url)
        if group is not None and group.plausible:
            return 0.35 + 0.1 * (group.dated >= 0.5)
        if _list_link(doc, url) is not None and find_body(doc) is not None:
            return 0.3
        return 0.0

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """A list page's first-page URL with its paging learnt; a post page's 목록 link (or a guess)."""
        if doc is None:
            return board_url_with(url, None)
        group = find_rows(doc, url)
        if group is not None and group.plausible:
            links = read_pagination(doc, url, {r.href for r in group.rows}, Scripts.of(doc, url))
            return board_url_with(url, links.paging)
        target = _list_link(doc, url)
        return board_url_with(target or list_url_of_post(url), None)

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the board URL with its page parameter (``page`` unless the URL names another) set."""
        return Request(url=page_url(board_url, paging_of_url(board_url), page))

    def list_requests_for(self, board_url: str, page: int, options: Mapping[str, Any] | None = None) -> list[Request]:
        """The learnt request, then, for a board paged only by script, the common GET guesses."""
        return [Request(url=u) for u in page_urls(board_url, page)]

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The best group of repeated rows; an empty page when there is none."""
        group = find_rows(doc, ctx.url, ctx.now)
        if group is None or not group.usable:
            return ListPage([])
        links = read_pagination(doc, ctx.url, {r.href for r in group.rows}, Scripts.of(doc, ctx.url))
        text = node_text(doc.body)
        total = _TOTAL.search(text)
        return ListPage(
            _stubs(group, ctx),
            next_page=links.next_page,
            last_page=links.last_page,
            total=base.parse_int(total.group(1) or total.group(2)) if total else None,
        )

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The densest text block as the body; a password form instead of text → a secret post."""
        body = find_body(doc)
        if is_password_page(doc, body):
            return secret_post(key, ctx)
        title, title_node = find_title(doc, body)
        facts = find_facts(doc, body, title, title_node)
        date = parse_board_date(facts.date, ctx.now) if facts.date else None
        machine = published_text(doc)
        exact = parse_board_date(machine, ctx.now) if machine else None
        if exact is not None and (
            date is None or date.hour is None or (date.month, date.day) == (exact.month, exact.day)
        ):
            date = exact  # the machine-readable date carries the time (and offset) the printed one lacks
        return Post(
            key=key,
            title=facts.title or title,
            url=ctx.url,
            body_html=body_html(body) if body is not None else "",
            author=facts.author,
            posted_at=to_datetime(date, ctx.now) if date is not None else None,
            views=facts.views,
            attachments=_attachments(doc, ctx),
        )


ENGINE = GenericEngine()
