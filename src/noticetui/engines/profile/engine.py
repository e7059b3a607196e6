"""User CSS profiles: a board read with the selectors its config gives, for sites no engine reads well.

A profile is never detected (``score`` is 0): a board uses it with ``engine = "profile"`` and a
``[boards.profile]`` table of CSS selectors under its ``[[boards]]`` entry::

    [[boards]]
    name = "gosi"
    url = "https://www.example.go.kr/bbs/gosi.do"
    engine = "profile"

    [boards.profile]
    rows = "table.bbs-list tbody tr"   # REQUIRED: one element per post row on a list page
    title = "td.subject"               # in a row: the title (default: the row's longest link)
    link = "td.subject a"              # in a row: the post's link (default: the title's link)
    date = "td:nth-child(6)"           # in a row: the date (any Korean board format)
    author = "td:nth-child(4)"         # in a row: the writer or department
    views = "td:nth-child(7)"          # in a row: the view count
    notice = ".ico-notice"             # a row that matches it, or holds a match, is a pinned notice
    body = "td.content"                # on a post page: the body (default: the densest text block)
    post_title = "td.subject"          # on a post page: the title (default: found like the generic engine)
    post_date = "td.date"              # on a post page: the date
    post_author = "td.dept"            # on a post page: the writer
    attachments = "ul.files a"         # on a post page: the file links (or elements holding them)
    next_page = ".paging a.next"       # on a list page: present when there is a next page
    page_param = "pageIndex"           # the query parameter that numbers list pages (default: learnt)
    onclick = "fnView\\((\\d+)\\)"        # a regular expression over a row link's onclick/javascript: href
    view = "view.do?seq={1}"           # the post URL its groups fill in ({1}, {2}…), relative to the list

Selectors inside a row are matched within the row.  ``rows`` and every selector given for ``title``,
``link`` and ``body`` are required to match: when one matches nothing the page raises an
:class:`~noticetui.engines.base.EngineError` naming the selector and the URL, which sync reports as the
board's error (the cache is kept).  The others may match nothing on some pages (no files, last page).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from selectolax.lexbor import LexborNode, SelectolaxError

from noticetui.dates import PartialDate, parse_board_date, to_datetime
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common.page_parts import secret_post
from noticetui.engines.generic.body import body_html, find_body
from noticetui.engines.generic.links import Paging, key_param, page_url, paging_of_url, row_keys
from noticetui.engines.generic.paging import read_pagination
from noticetui.engines.generic.post import attachment_of, find_attachments, find_facts, find_title, is_password_page
from noticetui.engines.generic.rows import main_link, usable_href
from noticetui.engines.generic.text import TITLE_JUNK, text_without, tidy_title
from noticetui.engines.profile.json_list import JSON_KEYS, is_json, parse_json_list
from noticetui.models import Attachment, ListPage, ParseContext, Post, PostStub, Request

KEYS = (
    "rows",
    "title",
    "link",
    "date",
    "author",
    "views",
    "notice",
    "body",
    "post_title",
    "post_date",
    "post_author",
    "attachments",
    "next_page",
    "page_param",
    "onclick",
    "view",
    "json",
    "key",
    "total",
)
"""Every key a ``[boards.profile]`` table may hold."""


def _check_pattern(value: str) -> None:
    try:
        re.compile(value)
    except re.error as exc:
        raise base.EngineError(f'profile: onclick = "{value}" is not a valid regular expression ({exc})') from exc


def _check_css(key: str, value: str) -> None:
    try:
        base.parse_html("<p></p>").css(value)
    except SelectolaxError as exc:
        raise base.EngineError(f'profile selector {key} = "{value}" is not valid CSS') from exc


def _checked(key: str, value: object, json_list: bool) -> str | None:
    """One ``[boards.profile]`` entry's value, checked for what its key holds; None for the ``json`` flag."""
    if key not in KEYS:
        raise base.EngineError(f'profile: unknown key "{key}" in [boards.profile] (known: {", ".join(KEYS)})')
    if key == "json":
        if not isinstance(value, bool):
            raise base.EngineError(f"profile: json must be true or false, got {value!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise base.EngineError(f"profile: {key} must be a non-empty string, got {value!r}")
    if json_list and key in JSON_KEYS:
        pass  # key paths and templates, not CSS
    elif key == "onclick":
        _check_pattern(value)
    elif key not in ("page_param", "view"):
        _check_css(key, value)
    return value.strip()


def read_profile(options: Mapping[str, Any] | None) -> dict[str, str]:
    """The board's profile from its options, checked: known keys, string values, valid CSS, ``rows`` given."""
    raw = (options or {}).get("profile") or {}
    if not isinstance(raw, Mapping):
        raise base.EngineError("profile: [boards.profile] must be a table of CSS selectors")
    json_list = is_json(raw)
    profile: dict[str, str] = {}
    for key, value in raw.items():
        checked = _checked(key, value, json_list)
        if checked is not None:
            profile[key] = checked
    if json_list:
        profile["json"] = "true"
        return profile
    if ("onclick" in profile) != ("view" in profile):
        raise base.EngineError("profile: onclick and view go together (the call's pattern and the URL it opens)")
    if "rows" not in profile:
        raise base.EngineError('profile: the board needs a rows selector in [boards.profile] (rows = "…")')
    return profile


def _missing(key: str, selector: str, url: str) -> base.EngineError:
    return base.EngineError(f'profile selector {key} = "{selector}" matched nothing on {url}')


def _first(scope: LexborNode, profile: dict[str, str], key: str) -> LexborNode | None:
    selector = profile.get(key)
    return scope.css_first(selector) if selector else None


def _script_url(row: LexborNode, link: LexborNode, profile: dict[str, str], page_url: str) -> str | None:
    """The link's URL; for a script link, the ``view`` template filled with the ``onclick`` pattern's
    groups, read from the link's ``onclick`` or ``javascript:`` href, else the row's ``onclick``."""
    href = attr(link, "href")
    if usable_href(href):
        return base.absolute(page_url, href)
    if "onclick" not in profile:
        return None
    pattern = re.compile(profile["onclick"])
    for script in (attr(link, "onclick"), href, attr(row, "onclick")):
        match = pattern.search(script) if script else None
        if match:
            return base.absolute(page_url, _fill(profile["view"], ("", *match.groups())))
    return None


def _fill(template: str, groups: tuple[str | None, ...]) -> str:
    """``view.do?seq={1}`` with ``{N}`` replaced by group N (an empty string when there is none)."""

    def group(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return (groups[index] or "") if index < len(groups) else ""

    return re.sub(r"\{(\d+)\}", group, template)


def _paging(profile: dict[str, str], url: str) -> Paging:
    param = profile.get("page_param")
    return Paging(param) if param else paging_of_url(url)


def _row_link(row: LexborNode, title_node: LexborNode | None, profile: dict[str, str], url: str) -> LexborNode | None:
    """The element a row's post opens from: ``link``'s, else the title's link, else the row's main link;
    with an ``onclick`` pattern, the row's first link or the row itself."""
    link = _first(row, profile, "link")
    if link is not None and link.tag != "a":
        link = link.css_first("a[href]")
    if link is None and title_node is not None:
        link = title_node if title_node.tag == "a" else title_node.css_first("a[href]")
    if link is None and "link" not in profile:
        found = main_link(row, url)
        link = found[0] if found else None
    if link is None and "onclick" in profile:
        link = row.css_first("a") or row
    return link


def _check_matched(rows: list[LexborNode], profile: dict[str, str], url: str) -> None:
    """Raise when a ``title`` or ``link`` selector the profile gives matches in no row."""
    for key in ("title", "link"):
        if key in profile and not any(row.css_first(profile[key]) for row in rows):
            raise _missing(key, profile[key], url)


def _keyed(stubs: list[PostStub]) -> list[PostStub]:
    """The stubs with keys from their URLs' key parameter (learnt over the page), else the URLs."""
    urls = [stub.url for stub in stubs]
    keys = row_keys(urls, key_param(urls))
    return [replace(stub, key=key) for stub, key in zip(stubs, keys, strict=True)]


class ProfileEngine(base.Engine):
    """Boards read with the CSS selectors of the board's ``[boards.profile]``."""

    name = "profile"
    label = "CSS profile from the config"

    def score(self, url: str, doc: Doc) -> float:
        """Never detected: a profile is chosen in the config."""
        return 0.0

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the board URL with the page parameter learnt from the URL (``page`` when none)."""
        return self.list_request_for(board_url, page)

    def list_request_for(self, board_url: str, page: int, options: Mapping[str, Any] | None = None) -> Request:
        """GET the board URL with ``page_param`` (from the profile, else learnt from the URL) set."""
        raw = (options or {}).get("profile")
        param = raw.get("page_param") if isinstance(raw, Mapping) else None
        paging = Paging(param) if isinstance(param, str) and param else paging_of_url(board_url)
        return Request(url=page_url(board_url, paging, page))

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The rows ``rows`` selects, read with the row selectors; pagination by ``next_page`` or learnt."""
        profile = read_profile(ctx.options)
        if "json" in profile:
            return parse_json_list(doc, ctx, profile)
        rows = doc.css(profile["rows"])
        if not rows:
            raise _missing("rows", profile["rows"], ctx.url)
        pinned = {n.mem_id for n in doc.css(profile["notice"])} if "notice" in profile else set()
        read = [r for r in (self._row(row, profile, ctx, pinned) for row in rows) if r is not None]
        _check_matched(rows, profile, ctx.url)
        stubs = _keyed([stub for stub, _ in read])
        dated = base.dated_stubs(stubs, [date for _, date in read], ctx.now)
        return ListPage(dated, next_page=self._next_page(doc, profile, ctx, {s.url for s in dated}))

    def _row(
        self, row: LexborNode, profile: dict[str, str], ctx: ParseContext, pinned: set[int]
    ) -> tuple[PostStub, PartialDate | None] | None:
        title_node = _first(row, profile, "title")
        link = _row_link(row, title_node, profile, ctx.url)
        url = _script_url(row, link, profile, ctx.url) if link is not None else None
        if link is None or url is None:
            return None  # a header or "no posts" row
        title = tidy_title(text_without(title_node or link, TITLE_JUNK))
        notice = row.mem_id in pinned or _first(row, profile, "notice") is not None
        date_text = node_text(_first(row, profile, "date"))
        stub = base.row_stub(
            ctx,
            url,
            title,
            url,
            author=text_without(_first(row, profile, "author"), TITLE_JUNK) or None,
            views=base.parse_int(node_text(_first(row, profile, "views"))),
            notice=notice,
        )
        return stub, parse_board_date(date_text, ctx.now) if date_text else None

    def _next_page(self, doc: Doc, profile: dict[str, str], ctx: ParseContext, skip: set[str]) -> int | None:
        if "next_page" not in profile:
            return read_pagination(doc, ctx.url, skip).next_page
        if doc.css_first(profile["next_page"]) is None:
            return None
        value = base.query_param(ctx.url, _paging(profile, ctx.url).param)
        return (int(value) if value and value.isdigit() else 1) + 1

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The post read with the ``body``/``post_*``/``attachments`` selectors, the generic way where absent."""
        profile = read_profile(ctx.options)
        body = doc.css_first(profile["body"]) if "body" in profile else find_body(doc)
        if is_password_page(doc, body):
            return secret_post(key, ctx)
        if body is None and "body" in profile:
            raise _missing("body", profile["body"], ctx.url)
        title, title_node = find_title(doc, body)
        facts = find_facts(doc, body, title, title_node)
        own = {
            k: node_text(doc.css_first(profile[k])) for k in ("post_title", "post_date", "post_author") if k in profile
        }
        date_text = own.get("post_date") or facts.date
        date = parse_board_date(date_text, ctx.now) if date_text else None
        return Post(
            key=key,
            title=own.get("post_title") or facts.title or title,
            url=ctx.url,
            body_html=body_html(body) if body is not None else "",
            author=own.get("post_author") or facts.author,
            posted_at=to_datetime(date, ctx.now) if date is not None else None,
            views=facts.views,
            attachments=self._attachments(doc, profile, ctx),
        )

    def _attachments(self, doc: Doc, profile: dict[str, str], ctx: ParseContext) -> list[Attachment]:
        if "attachments" not in profile:
            return find_attachments(doc, ctx)
        links: list[LexborNode] = []
        for node in doc.css(profile["attachments"]):
            links += [node] if node.tag == "a" else node.css("a[href]")
        usable = [a for a in links if usable_href(attr(a, "href"))]
        return [attachment_of(link, ctx, i) for i, link in enumerate(usable)]


ENGINE = ProfileEngine()
