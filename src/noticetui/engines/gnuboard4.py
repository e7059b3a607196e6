"""Gnuboard 4 boards: the table-based ``basic`` skin that many old (often EUC-KR) sites still run.

Lists live at ``/bbs/board.php?bo_table=X[&page=N]``; a row's key is its ``wr_id``.  What sets gnuboard4
apart from gnuboard5 (and what :meth:`Gnuboard4Engine.score` looks for): ``var g4_path``/``g4_bbs`` in
the head, table layout without ``#bo_list``, the body in ``<span id="writeContents">``, downloads behind
``javascript:file_download('./download.php?…', '이름')`` and a ``<meta http-equiv>`` charset.

Quirks handled here: the header row sits in a table of its own; ``bbs/list.php`` pins the notices on
*every* page and lists them again at their place in time (one stub, flagged); links are relative
(``../bbs/board.php``) with raw ``&``; ``common.php`` appends ``&page=`` to a ``$qstr`` that already
carries one, so the last ``page`` of a link wins; a secret post answers with a script that moves to
``password.php`` (status 200); list dates are ``MM-DD`` or ``HH:MM``, the view's ``yy-mm-dd HH:MM``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from noticetui.dates import PartialDate, parse_board_date, to_datetime
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common.page_parts import secret_post
from noticetui.models import Attachment, ListPage, ParseContext, Post, PostStub, Request

_G4_VAR = re.compile(r"""var\s+g4_(?:path|bbs|url|bbs_img|charset)\s*=""")
_G5_VAR = re.compile(r"""var\s+g5_(?:url|bbs_url)\s*=""")
_FILE_DOWNLOAD = re.compile(r"""file_download\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'((?:[^'\\]|\\.)*)'""")
_TO_PASSWORD = re.compile(r"""location\.(?:replace\(|href\s*=)\s*['"]([^'"]*password\.php[^'"]*)""")
_FILE_SIZE = re.compile(r"\(\s*(\d[\d,]*(?:\.\d+)?\s*(?:byte|[KMG]))\s*\)", re.I)
_VIEW_DATE = re.compile(r"작성일\s*:?\s*(\d{2,4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?)")
_VIEWS = re.compile(r"조회\s*:?\s*(\d[\d,]*)")
_COUNT = re.compile(r"^\(?\s*(\d+)\s*\)?$")
_TOTAL = re.compile(r"Total\s*([\d,]+)", re.I)
_LIST_DATE = re.compile(r"^(?:\d{2}-\d{2}|\d{2}:\d{2}|\d{2,4}-\d{2}-\d{2})$")
_NAME = "span.member, span.guest"
_INLINE_WRAPPERS = frozenset({"p", "font", "center", "b", "strong", "i", "em", "u", "span"})


def _last_param(url: str, name: str) -> str | None:
    """The *last* value of ``name``: g4's ``$qstr`` repeats ``page`` and PHP keeps the last one."""
    values = [v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True) if k == name]
    return values[-1] if values else None


def _raw_query(query: str, keep: tuple[str, ...] = (), drop: tuple[str, ...] = ()) -> str:
    """``query`` with only the ``keep`` (or without the ``drop``) parameters, still percent-encoded."""
    pairs = [p for p in query.split("&") if p]
    names = [p.split("=", 1)[0] for p in pairs]
    if keep:
        return "&".join(p for p, n in zip(pairs, names, strict=True) if n in keep)
    return "&".join(p for p, n in zip(pairs, names, strict=True) if n not in drop)


def _wr_id(href: str) -> str | None:
    if href.startswith(("javascript:", "#")) or "board.php" not in href:
        return None
    wr_id = base.query_param(href, "wr_id")
    return wr_id if wr_id and wr_id.isdigit() else None


def _scripts(doc: Doc) -> str:
    return "\n".join(s.text() or "" for s in doc.css("script"))


def _ancestor(node: LexborNode, tag: str) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != tag:
        parent = parent.parent
    return parent


def _cells(tr: LexborNode) -> list[LexborNode]:
    return [c for c in tr.iter() if c.tag in ("td", "th")]


@dataclass(frozen=True)
class _Row:
    """A list row read but not yet dated; ``pinned`` rows are the notices above the list."""

    stub: PostStub
    date: PartialDate | None
    pinned: bool


def _header(doc: Doc) -> list[str | None]:
    """Column names from the header row, which the basic skin puts in a table of its own."""
    for tr in doc.css("tr"):
        cells = _cells(tr)
        texts = [re.sub(r"\s+", "", node_text(c)) for c in cells]
        if "번호" in texts and any("제목" in t for t in texts):
            return [base.column_role(t) for t in texts]
    return []


def _guess_cells(cells: list[LexborNode], subject: LexborNode) -> dict[str, LexborNode]:
    """Columns of a row without a usable header: the name spans, a date-shaped cell, a number after."""
    found: dict[str, LexborNode] = {"number": cells[0]}
    after = cells[cells.index(subject) + 1 :]
    for cell in after:
        text = node_text(cell)
        if "author" not in found and cell.css_first(_NAME):
            found["author"] = cell
        elif "date" not in found and _LIST_DATE.match(text):
            found["date"] = cell
        elif "views" not in found and re.fullmatch(r"\d[\d,]*", text):
            found["views"] = cell
    return found


def _reply_depth(subject: LexborNode) -> int:
    """get_list() writes ' &nbsp;&nbsp; ' once per level of wr_reply before the reply icon."""
    html = subject.html or ""
    if "icon_reply" not in html:
        return 0
    return max(1, html.split("icon_reply", 1)[0].count("&nbsp;&nbsp;"))


def _is_pinned(number: LexborNode | None) -> bool:
    """A notice row: its number cell holds the notice icon or says 공지."""
    return number is not None and bool(number.css_first("img[src*='icon_notice']") or node_text(number) == "공지")


def _author(cell: LexborNode | None) -> str | None:
    """The writer's name, inside the sideview menu markup when the skin has it."""
    if cell is None:
        return None
    return node_text(cell.css_first(_NAME) or cell) or None


def _named(cells: list[LexborNode], columns: list[str | None], subject: LexborNode) -> dict[str, LexborNode]:
    """Cells by column: from the header row when it lines up with the row, else guessed from content."""
    if len(columns) == len(cells):
        return {name: cell for name, cell in zip(columns, cells, strict=True) if name is not None}
    return _guess_cells(cells, subject)


def _comments(subject: LexborNode, link: LexborNode) -> int | None:
    """The comment count the skin links beside the title (``(3)``), or None."""
    counts = [m for a in subject.css("a") if a is not link and (m := _COUNT.match(node_text(a)))]
    return int(counts[0].group(1)) if counts else None


def _subject_row(ctx: ParseContext, tr: LexborNode, columns: list[str | None]) -> _Row | None:
    """The row of a post link: key, title and marks from the subject cell, the rest by column."""
    cells = _cells(tr)
    subject = next((c for c in cells if any(_wr_id(attr(a, "href")) for a in c.css("a[href]"))), None)
    if subject is None or len(cells) < 3:
        return None
    named = _named(cells, columns, subject)
    link = next(a for a in subject.css("a[href]") if _wr_id(attr(a, "href")))
    key = _wr_id(attr(link, "href"))
    assert key is not None
    url = base.absolute(ctx.url, attr(link, "href"))
    pinned = _is_pinned(named.get("number"))
    stub = base.row_stub(
        ctx,
        key,
        node_text(link, skip="img, script"),
        url,
        author=_author(named.get("author")),
        views=base.parse_int(node_text(named.get("views"))),
        notice=pinned,
        secret=bool(subject.css_first("img[src*='icon_secret']")),
        reply_depth=_reply_depth(subject),
        comments=_comments(subject, link),
        has_file=bool(subject.css_first("img[src*='icon_file']")),
        category=node_text(subject.css_first("a[href*='sca=']")) or None,
    )
    return _Row(stub, parse_board_date(node_text(named.get("date")), ctx.now), pinned)


def _rows(doc: Doc, ctx: ParseContext) -> list[_Row]:
    columns = _header(doc)
    board = base.query_param(ctx.url, "bo_table")
    rows: list[_Row] = []
    seen: set[int] = set()
    for link in doc.css("a[href*='wr_id=']"):
        href = attr(link, "href")
        tr = _ancestor(link, "tr")
        if tr is None or tr.mem_id in seen or not _wr_id(href):
            continue
        if board and base.query_param(href, "bo_table") not in (None, board):
            continue  # a latest-posts box of another board, laid out as a table too
        seen.add(tr.mem_id)
        row = _subject_row(ctx, tr, columns)
        if row is not None:
            rows.append(row)
    return rows


def _pagination(doc: Doc, url: str) -> tuple[int, int | None, int | None]:
    """``(current, next_page, last_page)`` from get_paging's links (their last ``page`` counts)."""
    current = int(page) if (page := _last_param(url, "page")) and page.isdigit() else 1
    linked = set()
    for a in doc.css("a[href*='page=']"):
        href = attr(a, "href")
        if "bo_table=" in href and "wr_id=" not in href and "sst=" not in href:
            number = _last_param(href, "page")
            if number and number.isdigit():
                linked.add(int(number))
    if not linked:
        return current, None, None
    return current, (current + 1 if current + 1 in linked else None), max(linked | {current})


def _is_password_page(doc: Doc, url: str) -> bool:
    if urlsplit(url).path.endswith("/password.php") or doc.css_first("form[name='fboardpassword']"):
        return not doc.css_first("#writeContents, #view_content")
    # board.php answers a secret post with goto_url(): a 200 page whose script moves to password.php.
    return bool(_TO_PASSWORD.search(_scripts(doc))) and len(node_text(doc.body)) < 200


def _url_fit(url: str) -> float:
    path = urlsplit(url).path
    if base.query_param(url, "bo_table"):
        return 1.0 if path.endswith(("/board.php", "/password.php")) else 0.6
    return 0.3 if "/bbs/" in path else 0.0


class Gnuboard4Engine(base.Engine):
    """Gnuboard 4 (``basic`` skin and table skins like it)."""

    name = "gnuboard4"
    label = "Gnuboard 4"

    def score(self, url: str, doc: Doc) -> float:
        """High only when the page is gnuboard4's; gnuboard5 pages (``g5_url``, ``#bo_list``) score ~0."""
        scripts = _scripts(doc)
        if _G5_VAR.search(scripts) or doc.css_first("#bo_list, #bo_v, #bo_gall"):
            return 0.0
        url_fit = _url_fit(url)
        markup = 0.5 if _G4_VAR.search(scripts) else 0.0
        skin = doc.css_first("#writeContents, form[name='fboardlist'], form[name='fboardpassword']")
        if skin is not None or "file_download(" in scripts or _TO_PASSWORD.search(scripts):
            markup += 0.3
        head = doc.head.html if doc.head is not None else ""
        # Common on any old site: only counts next to gnuboard4's own markers.
        if markup and (re.search(r"http-equiv=.?content-type", head or "", re.I) or "사용스킨" in (doc.html or "")):
            markup += 0.2
        return base.fit_score(url_fit, markup, 0.25)

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """``…/bbs/board.php?bo_table=X`` (and ``sca``) for a list, post, download or password URL.

        The query is kept byte for byte: on an EUC-KR site ``sca=%BE%C8%B3%BB`` is EUC-KR, not UTF-8.
        """
        parts = urlsplit(url)
        if not base.query_param(url, "bo_table"):
            return urlunsplit(parts._replace(query=_raw_query(parts.query, drop=("page", "wr_id")), fragment=""))
        path = parts.path.rsplit("/", 1)[0] + "/board.php" if parts.path.endswith(".php") else parts.path
        return urlunsplit((parts.scheme, parts.netloc, path, _raw_query(parts.query, keep=("bo_table", "sca")), ""))

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the board URL, with ``page=N`` from page 2 on."""
        parts = urlsplit(board_url)
        query = _raw_query(parts.query, drop=("page",))
        if page > 1:
            query = f"{query}&page={page}" if query else f"page={page}"
        return Request(url=urlunsplit(parts._replace(query=query)))

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """Rows with a ``board.php?…wr_id=`` link (notices once), the pagination and the total."""
        if not doc.css_first("form[name='fboardlist']") and not _G4_VAR.search(_scripts(doc)):
            raise base.EngineError("no gnuboard4 list (form fboardlist) on the page")
        rows = _rows(doc, ctx)
        _current, next_page, last_page = _pagination(doc, ctx.url)
        total = next((base.parse_int(m.group(1)) for s in doc.css("span") if (m := _TOTAL.search(node_text(s)))), None)
        return ListPage(
            base.unique_stubs(base.dated_stubs([r.stub for r in rows], [r.date for r in rows], ctx.now)),
            next_page=next_page,
            last_page=last_page,
            total=total,
        )

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The post around ``#writeContents``; a password page or redirect gives an empty, secret post."""
        if _is_password_page(doc, ctx.url):
            return secret_post(key, ctx)
        content = doc.css_first("#writeContents") or doc.css_first("#view_content")
        if content is None:
            raise base.EngineError("no #writeContents on the view page")
        table = _ancestor(content, "table")
        info = node_text(table) if table is not None else ""
        title, category = _title(doc)
        date = _VIEW_DATE.search(node_text(doc.body))
        posted = parse_board_date(date.group(1), ctx.now) if date else None
        views = _VIEWS.search(info)
        author = node_text(table.css_first(_NAME)) if table is not None else ""
        return Post(
            key=key,
            title=title,
            url=ctx.url,
            body_html=_body(content),
            author=author or None,
            posted_at=to_datetime(posted, ctx.now) if posted is not None else None,
            views=base.parse_int(views.group(1)) if views else None,
            attachments=_attachments(doc, ctx),
            category=category,
        )


def _title(doc: Doc) -> tuple[str, str | None]:
    """The subject and category: the bold heading, checked against ``<title>`` (group > board > subject)."""
    heading = next(
        (node_text(d) for d in doc.css("div[style*='word-break']") if "bold" in attr(d, "style")),
        "",
    )
    page_title = node_text(doc.css_first("title")).split(" > ", 2)
    subject = page_title[2] if len(page_title) == 3 else ""
    if subject and (not heading or heading.endswith(subject)):
        category = re.fullmatch(r"\[(.+?)\]\s*", heading[: len(heading) - len(subject)])
        return subject, category.group(1) if category else None
    return heading or subject, None


def _body(content: LexborNode) -> str:
    """The body: the cell around ``#writeContents``, image attachments (``view_file_link``) included.

    The skin writes ``<img …><p>`` before ``<span id="writeContents">``, so a body that starts with a
    paragraph closes that ``<p>`` and, with it, the span: the text ends up beside the span, not in it.
    Reading the whole cell is what a browser shows; the skin's empty anti-injection anchors are dropped.
    """
    node = content.parent
    while node is not None and node.tag in _INLINE_WRAPPERS:
        node = node.parent
    if node is None or node.tag != "td":
        return content.inner_html or ""
    cell = base.parse_html(node.inner_html or "")
    for junk in cell.css("a[href=''], div[style*='good_bg'], script"):
        if junk.tag != "a" or not node_text(junk):
            junk.decompose()
    root = cell.body
    return (root.inner_html or "").strip() if root is not None else ""


def _unslash(text: str) -> str:
    """Undo PHP's ``addslashes`` (file names are written into a JavaScript string with it)."""
    return re.sub(r"\\(.)", r"\1", text)


def _attachments(doc: Doc, ctx: ParseContext) -> list[Attachment]:
    """``file_download('./download.php?…&no=N', '이름')`` links; the session must have viewed the post."""
    files: list[Attachment] = []
    seen: set[int] = set()
    for link in doc.css("a[href*='file_download'], a[href*='download.php']"):
        href = attr(link, "href")
        if link.mem_id in seen:
            continue
        seen.add(link.mem_id)
        match = _FILE_DOWNLOAD.search(href)
        target, name = (_unslash(match.group(1)), _unslash(match.group(2))) if match else (href, "")
        if "download.php" not in target:
            continue
        url = base.absolute(ctx.url, target)
        size = _FILE_SIZE.findall(node_text(link))
        number = base.query_param(url, "no")
        files.append(
            Attachment(
                index=int(number) if number and number.isdigit() else len(files),
                name=base.clean_text(name) or _FILE_SIZE.sub("", node_text(link.css_first("span") or link)).strip(),
                size=base.parse_size(size[0]) if size else None,
                request=Request(url=url, referer=ctx.url, prime=ctx.url),
            )
        )
    return files


ENGINE = Gnuboard4Engine()
