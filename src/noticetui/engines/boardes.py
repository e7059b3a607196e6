"""``board.es`` boards: the CMS (vendor not identified) behind mohw.go.kr, kostat.go.kr, kdca.go.kr, kpx.or.kr…

Lists are ``/board.es?mid=a10…&bid=0027[&nPage=N]``; a post is ``…&act=view&list_no=N`` and its key is
``list_no``.  A row's title cell is ``td[aria-label=제목]`` (mohw: ``a.txt_title`` and ``data-label``)
with a link that also calls ``goView('N')``; screen-reader text (``span.sr_only`` 새글/비밀글) and
``xi-*`` icons sit inside the link.  Long titles are cut in the cell, whole in its ``title`` attribute.
The view is ``article.board_view`` with ``h2.title``, an info list (작성자/등록일/조회수),
``div.contents`` and files at ``/boardDownload.es?bid=…&list_no=…&seq=N``, which the sites serve only
with the view page as Referer (``attachApiPreview.es`` links beside them are HTML viewers, not files).
Notices head every list page.  What the source did not show (the info list's exact tags, the password
form) is a guess, written to accept the plausible variants.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common import page_parts as parts
from noticetui.engines.common.js_calls import handler, js_calls, post_arg
from noticetui.engines.generic.post import is_password_page
from noticetui.models import Attachment, ListPage, ParseContext, Post, Request

_JUNK = ".sr_only, .blind, .skip, i, img, script"
_TOTAL = re.compile(r"(?:총|전체)\s*(?:게시물\s*)?([\d,]+)\s*(?:건|개)")
_TITLE_CELL = "td[aria-label='제목'], td[data-label='제목']"
_LIST_MARKERS = f"{_TITLE_CELL}, a.txt_title, td[aria-label='등록일'], td[data-label='등록일']"
_DOWNLOAD = "a[href*='boardDownload.es'], a[href*='act=download']"


def _list_no(link: LexborNode, bid: str) -> str | None:
    """A row link's ``list_no``, from its href or from its ``goView(…)`` handler (by shape: a call that
    also passes the board's ``bid`` may put it first or last)."""
    key = base.query_param(attr(link, "href"), "list_no")
    if key and key.isdigit():
        return key
    for fn, args in js_calls(handler(link)):
        if fn == "goView":
            return post_arg(args, {bid} if bid else ())
    return None


def _title(link: LexborNode) -> str:
    """The link text without icons and screen-reader words; the ``title`` attribute when the text is cut."""
    text = node_text(link, skip=_JUNK)
    full = " ".join(attr(link, "title").split())
    stem = text.rstrip(".…").rstrip()
    if full and stem and full != text and full.startswith(stem) and len(full) > len(stem):
        return full
    return text


def _columns(table: LexborNode) -> list[str | None]:
    return [base.column_role(node_text(th)) for th in table.css("thead th")]


def _named(cells: list[LexborNode], columns: list[str | None]) -> dict[str, LexborNode]:
    """Cells by role: each cell's aria-label / data-label names it; the header is the fallback."""
    named: dict[str, LexborNode] = {}
    for index, cell in enumerate(cells):
        name = base.column_role(attr(cell, "aria-label") or attr(cell, "data-label"))
        if name is None and len(columns) == len(cells):
            name = columns[index]
        if name is not None:
            named.setdefault(name, cell)
    return named


def _is_secret(title_cell: LexborNode) -> bool:
    """A lock icon, or 비밀 in the cell's screen-reader text."""
    if title_cell.css_first("i.xi-lock, .ico_lock, img[alt*='비밀']"):
        return True
    return "비밀" in node_text(title_cell.css_first(".sr_only"))


def _row(ctx: ParseContext, tr: LexborNode, columns: list[str | None]) -> parts.DatedRow | None:
    named = _named([c for c in tr.iter() if c.tag == "td"], columns)
    scope = named.get("title", tr)
    bid = base.query_param(ctx.url, "bid") or ""
    link = scope.css_first("a.txt_title") or next((a for a in scope.css("a") if _list_no(a, bid)), None)
    key = _list_no(link, bid) if link is not None else None
    if link is None or key is None:
        return None
    href = attr(link, "href")
    url = base.absolute(ctx.url, href) if "list_no=" in href else base.with_query(ctx.url, act="view", list_no=key)
    file_cell = named.get("file")
    stub = base.row_stub(
        ctx,
        key,
        _title(link),
        url,
        author=node_text(named.get("author")) or None,
        views=base.parse_int(node_text(named.get("views"))),
        notice="notice" in attr(tr, "class") or "공지" in node_text(named.get("number")),
        secret=_is_secret(scope),
        reply_depth=1 if scope.css_first("i[class*='arrow-right'], .ico_reply, .re") else 0,
        has_file=file_cell is not None and bool(file_cell.css_first("i, img, a, span")),
    )
    return parts.DatedRow(stub, parse_board_date(node_text(named.get("date")), ctx.now))


def _table(doc: Doc) -> LexborNode | None:
    """The list table: the one around the labelled cells, else one whose header has 제목 (an empty list)."""
    node = doc.css_first(_LIST_MARKERS) or doc.css_first("tbody a[href*='list_no='], tbody a[onclick*='goView']")
    if (table := parts.enclosing(node, "table")) is not None:
        return table
    return next((t for t in doc.css("table") if any("제목" in node_text(th) for th in t.css("thead th"))), None)


def _page_of(url: str) -> int:
    page = base.query_param(url, "nPage")
    return int(page) if page and page.isdigit() else 1


def _url_fit(url: str) -> float:
    path = urlsplit(url).path
    if path.endswith("board.es") or path.endswith("boardDownload.es"):
        return 1.0 if base.query_param(url, "bid") else 0.7
    return 0.3 if path.endswith(".es") else 0.0


def _markup_fit(doc: Doc) -> float:
    handlers = " ".join(attr(a, "onclick") for a in doc.css("a[onclick]"))
    scripts = " ".join(s.text() or "" for s in doc.css("script"))
    markup = 0.0
    if "goView(" in handlers or "function goView" in scripts or doc.css_first(_DOWNLOAD):
        markup += 0.4
    article = doc.css_first("article.board_view")
    if article is not None and article.css_first("h2.title, h3.title") and article.css_first("div.contents"):
        markup += 0.6
    elif doc.css_first(_LIST_MARKERS):
        markup += 0.35
    if doc.css_first("a[href*='board.es?'][href*='list_no='], a[href*='board.es?'][href*='nPage=']"):
        markup += 0.25
    return markup


class BoardEsEngine(base.Engine):
    """The ``board.es`` CMS of Korean ministries and agencies."""

    name = "boardes"
    label = "board.es CMS"

    def score(self, url: str, doc: Doc) -> float:
        """High when the URL is ``board.es`` and the page has its cells, ``goView`` and ``list_no`` links."""
        return base.fit_score(_url_fit(url), _markup_fit(doc), 0.25)

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """``…/board.es?mid=…&bid=…`` (plus ``cg_code``/``tag`` filters): no view, page or download fields."""
        split = urlsplit(url)
        path = split.path
        if path.endswith("boardDownload.es"):
            path = path[: -len("boardDownload.es")] + "board.es"
        root = urlunsplit((split.scheme, split.netloc, path, split.query, ""))
        return base.with_query(root, drop=("act", "list_no", "nPage", "seq", "tag", "cg_code_view"))

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the board URL, with ``nPage=N`` from page 2 on."""
        return base.paged_request(board_url, "nPage", page)

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The rows of the list table (notices once), ``nPage`` pagination and the 총 N건 count."""
        table = parts.required(_table(doc), "no board.es list table on the page")
        columns = _columns(table)
        rows = [row for tr in table.css("tbody tr") if (row := _row(ctx, tr, columns)) is not None]
        current = _page_of(ctx.url)
        linked = {_page_of(attr(a, "href")) for a in doc.css("a[href*='nPage=']") if "list_no=" not in attr(a, "href")}
        next_page, last = parts.page_links(current, linked)
        total = parts.stated_total(doc, "[class*='total'], [class*='count']", _TOTAL)
        return ListPage(parts.listed_stubs(rows, ctx.now), next_page=next_page, last_page=last, total=total)

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """``article.board_view``; a password form instead gives an empty, ``secret`` post."""
        article = doc.css_first("article.board_view") or doc.css_first("div.board_view")
        if article is None:
            if is_password_page(doc, None):  # a password field outside the site frame, not a login box
                return parts.secret_post(key, ctx)
            raise base.EngineError("no article.board_view on the view page")
        # Without div.contents the body is left to the generic fallback (engines.fallback).
        content = article.css_first("div.contents") or article.css_first("div.view_cont, div.cont")
        title = node_text(article.css_first("h2.title, h3.title, .title"), skip=_JUNK)
        return parts.labelled_post(key, ctx, title, content, _info(article), _attachments(article, ctx))


def _info(article: LexborNode) -> dict[str, str]:
    """작성자/등록일/조회수 from the info list (``li > strong + span``, or ``dt``/``dd`` pairs)."""
    found: dict[str, str] = {}
    for item in article.css("ul.info li, .info li, .view_info li, ul.board_info li"):
        label = item.css_first("strong, .tit, dt, em")
        name = base.column_role(node_text(label))
        if name is not None and label is not None:
            found.setdefault(name, node_text(item, skip="strong, .tit, dt, em"))
    for dt in article.css("dl dt"):
        dd = parts.next_tag(dt, "dd")
        name = base.column_role(node_text(dt))
        if name is not None and dd is not None:
            found.setdefault(name, node_text(dd))
    return found


def _attachments(article: LexborNode, ctx: ParseContext) -> list[Attachment]:
    """``boardDownload.es`` links (never the ``attachApiPreview.es`` viewer); the view page is the Referer."""
    files: list[Attachment] = []
    seen: set[str] = set()
    for link in article.css(_DOWNLOAD):
        url = base.absolute(ctx.url, attr(link, "href"))
        if url in seen or "preview" in url.lower():
            continue
        seen.add(url)
        item = link.parent
        size_node = item.css_first(".size, .file_size") if item is not None else None
        name = node_text(link, skip=_JUNK + ", .size, .file_size")
        if not name:
            name = re.sub(r"\s*(다운로드|내려받기)$", "", " ".join(attr(link, "title").split()))
        files.append(parts.primed_file(len(files), name, url, ctx, size_node))
    return files


ENGINE = BoardEsEngine()
