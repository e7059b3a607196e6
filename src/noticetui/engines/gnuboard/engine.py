"""Gnuboard 5 boards: the ``basic`` list/view skins, their theme copies, and the gallery list skin.

Lists live at ``/bbs/board.php?bo_table=X[&page=N]`` (or ``/X`` with short URLs); a row's key is its
``wr_id``.  List dates are ``MM-DD`` without a year, or ``HH:MM`` for today, so the year is inferred from
the row order (see :mod:`noticetui.dates`).  Downloads need the view page's session: every attachment
request carries the view page as Referer and as the page to prime the session with.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date, to_datetime
from noticetui.engines import base
from noticetui.engines.base import Doc, attr, node_text
from noticetui.engines.common.page_parts import DatedRow, secret_post
from noticetui.engines.gnuboard.items import labelled_item, post_items
from noticetui.models import Attachment, ListPage, ParseContext, Post, Request

_G5_VAR = re.compile(r"""var\s+(g5_\w+)\s*=\s*(["'])(.*?)\2""")
_TITLE_JUNK = ".sound_only, .cnt_cmt, .new_icon, .hot_icon, .bo_cate_link, .notice_icon, i, img, svg, script"
_NAME_JUNK = ".sound_only, .profile_img, img, i"
_CELL_JUNK = ".sv, noscript, .sound_only, .profile_img, img, i"
_BBS_SCRIPTS = ("board.php", "download.php", "password.php", "write.php", "view_image.php", "link.php")
_SIZE_IN_PARENS = re.compile(r"\(\s*(\d[\d,]*(?:\.\d+)?\s*(?:bytes?|[KMG]B?))\s*\)", re.I)


_SIGNS = (
    ("#bo_list, #bo_gall, #bo_v, #fboardlist", 0.3),
    (".bo_tit, .bo_v_tit, #bo_list_total, .pg_current, td.td_subject", 0.2),
)
"""The skins' markup, and how much each sign adds to the score."""


def _g5_vars(doc: Doc) -> dict[str, str]:
    """The ``var g5_url = "…"`` globals every gnuboard5 page declares in its head."""
    found: dict[str, str] = {}
    for script in doc.css("script"):
        for match in _G5_VAR.finditer(script.text() or ""):
            found.setdefault(match.group(1), match.group(3))
    return found


def _post_key(href: str) -> str | None:
    """A post link's ``wr_id``, or the id or SEO slug of a short URL (``/notice/123``, ``/notice/a-b/``)."""
    wr_id = base.query_param(href, "wr_id")
    if wr_id:
        return wr_id
    if base.query_param(href, "bo_table") is not None:
        return None  # a list or category link
    segments = [s for s in urlsplit(href).path.split("/") if s]
    if len(segments) >= 2 and not segments[-1].endswith(".php"):
        return unquote(segments[-1])
    return None


def _title_link(scope: LexborNode) -> LexborNode | None:
    for link in scope.css("a"):
        href = attr(link, "href")
        usable = href and not href.startswith(("javascript:", "#")) and "bo_cate_link" not in base.class_set(link)
        if usable and _post_key(href) is not None:
            return link
    return None


def _author(scope: LexborNode | None) -> str | None:
    """The writer's name alone: never the side-view menu (쪽지보내기, 자기소개…) that follows it."""
    if scope is None:
        return None
    for selector in ("a.sv_member", "a.sv_guest", "span.sv_member", "span.sv_guest"):
        name = node_text(scope.css_first(selector), skip=_NAME_JUNK)
        if name:
            return name
    wrap = scope.css_first(".sv_wrap")
    if wrap is not None:
        first = next((c for c in wrap.iter() if "sv" not in base.class_set(c) and c.tag != "noscript"), None)
        return node_text(first, skip=_NAME_JUNK) or None
    return None


def _row(
    ctx: ParseContext, item: LexborNode, subject: LexborNode, cells: dict[str, LexborNode | None]
) -> DatedRow | None:
    """One list row (a table ``tr`` or a gallery ``li``) from its subject cell and its other cells."""
    link = _title_link(subject)
    key = _post_key(attr(link, "href")) if link is not None else None
    if link is None or key is None:
        return None
    url = base.absolute(ctx.url, attr(link, "href"))
    icon = subject.css_first("img.icon_reply, img[src*='icon_reply']")
    depth = 0
    if icon is not None:
        # The basic skin indents replies by 10 px a level on the cell, older skins on the icon itself.
        indent = max(
            base.style_px(attr(subject, "style"), "padding-left"), base.style_px(attr(icon, "style"), "margin-left")
        )
        depth = max(1, indent // 10)
    number = node_text(cells.get("number"))
    category = node_text(item.css_first(".bo_cate_link"))
    stub = base.row_stub(
        ctx,
        key,
        node_text(link, skip=_TITLE_JUNK),
        url,
        author=_author(cells.get("author")) or node_text(cells.get("author"), skip=_CELL_JUNK) or None,
        views=base.parse_int(node_text(cells.get("views"), skip=".sound_only, .gall_date, strong")),
        notice="bo_notice" in base.class_set(item)
        or number == "공지"
        or bool(item.css_first(".notice_icon, .is_notice")),
        secret=bool(subject.css_first(".fa-lock, img[src*='icon_secret']")),
        reply_depth=depth,
        comments=base.parse_int(node_text(item.css_first(".cnt_cmt"))),
        has_file=bool(subject.css_first(".fa-download, img[src*='icon_file']")),
        category=category or None,
    )
    return DatedRow(stub, parse_board_date(node_text(cells.get("date")), ctx.now))


def _header_columns(table: LexborNode) -> list[str | None]:
    return [base.column_role(node_text(th)) for th in table.css("thead th")]


def _cells_by_role(tr: LexborNode, tds: list[LexborNode], columns: list[str | None]) -> dict[str, LexborNode | None]:
    """A row's cells by role: by the header when it lines up, else by the basic skin's cell classes."""
    if len(columns) == len(tds):
        return {name: td for name, td in zip(columns, tds, strict=True) if name is not None}
    counters = [td for td in tds[1:] if base.class_set(td) & {"td_num", "td_hit"}]
    return {
        "number": next((td for td in tds if "td_chk" not in base.class_set(td)), None),
        "author": tr.css_first("td.td_name"),
        "views": counters[0] if counters else None,
        "date": tr.css_first("td.td_datetime, td.td_date"),
    }


def _table_rows(ctx: ParseContext, table: LexborNode) -> list[DatedRow]:
    columns = _header_columns(table)
    rows: list[DatedRow] = []
    for tr in table.css("tbody tr"):
        tds = [c for c in tr.iter() if c.tag == "td"]
        subject = tr.css_first("td.td_subject") or next((td for td in tds if _title_link(td)), None)
        if subject is None or tr.css_first("td.empty_table"):
            continue
        row = _row(ctx, tr, subject, _cells_by_role(tr, tds, columns))
        if row is not None:
            rows.append(row)
    return rows


def _gallery_rows(ctx: ParseContext, gallery: LexborNode) -> list[DatedRow]:
    rows: list[DatedRow] = []
    for li in gallery.css("li.gall_li, #gall_ul > li"):
        info = li.css_first(".gall_info")
        # Upstream's gallery skin puts the writer's sideview span inside .gall_info, next to date and views;
        # theme copies give it its own .gall_name; older ones label plain <li>s (작성자, 작성일, 조회).
        author = li.css_first(".gall_name") or (info if _author(info) else None)
        cells = {"author": author, "views": li.css_first(".gall_view") or info, "date": li.css_first(".gall_date")}
        for label, key in (("작성자", "author"), ("작성일", "date"), ("조회", "views")):
            if cells[key] is None:
                cells[key] = labelled_item(li, label)
        row = _row(ctx, li, li.css_first(".gall_text_href") or li, cells)
        if row is not None and all(r.stub.key != row.stub.key for r in rows):
            rows.append(row)
    return rows


def _item_rows(ctx: ParseContext, box: LexborNode) -> list[DatedRow]:
    """Webzine-style skins: one ``<li>`` per post in ``#bo_list`` (thumbnail, title, summary, info line)."""
    rows: list[DatedRow] = []
    for li, title in post_items(box, lambda a: node_text(a, skip=_TITLE_JUNK) if _post_key(attr(a, "href")) else ""):
        views, date = li.css_first("[class*='hit'], [class*='view']"), li.css_first("[class*='date'], [class*='time']")
        row = _row(ctx, li, title.parent or li, {"author": li if _author(li) else None, "views": views, "date": date})
        if row is not None and all(r.stub.key != row.stub.key for r in rows):
            rows.append(row)
    return rows


def _page_number(href: str) -> int | None:
    page = base.query_param(href, "page")
    return int(page) if page and page.isdigit() else None


def _pagination(doc: Doc) -> tuple[int | None, int | None]:
    """``(next_page, last_page)`` from gnuboard's ``get_paging`` block."""
    marker = doc.css_first(".pg_current")
    current = base.parse_int(node_text(marker))
    if marker is None or current is None:
        return None, None
    block = marker.parent
    linked = {n for a in (block.css("a[href]") if block else []) if (n := _page_number(attr(a, "href")))}
    end = doc.css_first("a.pg_end")
    last = _page_number(attr(end, "href")) if end is not None else None
    if last is None and not any(n > current for n in linked):
        last = current  # get_paging leaves out 맨끝 only on the last page
    return (current + 1 if current + 1 in linked else None), last


class GnuboardEngine(base.Engine):
    """Gnuboard 5 (``basic`` skin and its close relatives)."""

    name = "gnuboard"
    label = "Gnuboard 5"

    def score(self, url: str, doc: Doc) -> float:
        """High only when both the URL shape and the page's markup are gnuboard5's."""
        parts = urlsplit(url)
        url_fit = 0.0
        if base.query_param(url, "bo_table"):
            url_fit = 1.0 if parts.path.endswith("/board.php") else 0.6
        elif "/bbs/" in parts.path:
            url_fit = 0.3
        g5 = _g5_vars(doc)
        if not g5 and _declares_gnuboard4(doc):
            return 0.0  # the same URL shape, but gnuboard 4's markup: the gnuboard4 engine's board
        markup = base.with_signs(doc, 0.5 if ("g5_url" in g5 or "g5_bbs_url" in g5) else 0.0, _SIGNS)
        return base.fit_score(url_fit, markup, 0.35)

    def board_url(self, url: str, doc: Doc | None = None) -> str:
        """The list URL with only ``bo_table`` (and ``sca``) kept.

        A short URL (``/notice/123``) becomes ``…/bbs/board.php?bo_table=notice`` only when ``doc`` names its
        board (``g5_bo_table``); without the page it is kept, minus ``page`` and ``wr_id``.
        """
        parts = urlsplit(url)
        table, sca = base.query_param(url, "bo_table"), base.query_param(url, "sca")
        path = parts.path
        g5 = _g5_vars(doc) if doc is not None else {}
        if not table and g5.get("g5_bo_table") and g5.get("g5_bbs_url"):
            # A short URL (/notice/123): the page names its board and its bbs directory itself.
            table, sca = g5["g5_bo_table"], g5.get("g5_sca") or sca
            path = urlsplit(g5["g5_bbs_url"]).path.rstrip("/") + "/board.php"
        if not table:
            return base.with_query(url, drop=("page", "wr_id"))
        if path.rsplit("/", 1)[-1] in _BBS_SCRIPTS:
            path = path.rsplit("/", 1)[0] + "/board.php"
        root = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        return base.with_query(root, bo_table=table, sca=sca) if sca else base.with_query(root, bo_table=table)

    def list_request(self, board_url: str, page: int) -> Request:
        """GET the board URL, with ``page=N`` from page 2 on."""
        return base.paged_request(board_url, "page", page)

    def parse_list(self, doc: Doc, ctx: ParseContext) -> ListPage:
        """The rows of ``#bo_list`` (or the gallery skin's ``#bo_gall``), the pagination and the total."""
        gallery = doc.css_first("#bo_gall")
        table = doc.css_first("#bo_list table") or doc.css_first("#fboardlist table")
        table = table or doc.css_first(".tbl_head01 table")
        if table is not None:
            rows = _table_rows(ctx, table)
        elif gallery is not None:
            rows = _gallery_rows(ctx, gallery)
        elif (box := doc.css_first("#bo_list, #bo_webzine")) is not None:
            rows = _item_rows(ctx, box)
        else:
            raise base.EngineError("no gnuboard list (#bo_list, #bo_gall) on the page")
        next_page, last_page = _pagination(doc)
        total = base.parse_int(node_text(doc.css_first("#bo_list_total")))
        return ListPage(
            base.dated_stubs([r.stub for r in rows], [r.date for r in rows], ctx.now),
            next_page=next_page,
            last_page=last_page,
            total=total,
        )

    def parse_post(self, doc: Doc, ctx: ParseContext, key: str) -> Post:
        """The post in ``#bo_v``; a password form (secret post) gives an empty, ``secret`` post."""
        password_form = doc.css_first("form[name='fboardpassword'], form input[name='wr_password']")
        if urlsplit(ctx.url).path.endswith("/password.php") or (password_form and not doc.css_first("#bo_v")):
            return secret_post(key, ctx)
        article = doc.css_first("#bo_v")
        if article is None:
            raise base.EngineError("no #bo_v on the view page")
        info = article.css_first("#bo_v_info")
        info_text = node_text(info, skip=".sound_only")
        posted = parse_board_date(node_text(article.css_first(".if_date")) or info_text, ctx.now)
        views = re.search(r"(\d[\d,]*)\s*회", info_text)
        return Post(
            key=key,
            title=_uncut_title(_view_title(article), doc),
            url=ctx.url,
            body_html=_view_body(article),
            author=_author(info) or node_text(info.css_first("strong") if info else None, skip=_NAME_JUNK) or None,
            posted_at=to_datetime(posted, ctx.now) if posted is not None else None,
            views=base.parse_int(views.group(1)) if views else None,
            attachments=_attachments(article, ctx),
            category=node_text(article.css_first(".bo_v_cate")) or None,
        )


def _view_title(article: LexborNode) -> str:
    """``#bo_v_title .bo_v_tit``, else the heading without its category and screen-reader words."""
    title = node_text(article.css_first("#bo_v_title .bo_v_tit"))
    return title or node_text(article.css_first("#bo_v_title"), skip=".bo_v_cate, .sound_only")


def _view_body(article: LexborNode) -> str:
    """The attached images shown above the text, then ``#bo_v_con``; '' when the skin has no ``#bo_v_con``,
    which leaves the body to the generic fallback (engines.fallback)."""
    content = article.css_first("#bo_v_con")
    images = "".join(img.html or "" for img in article.css("#bo_v_img img"))
    return images + (content.inner_html or "") if content is not None else ""


def _attachments(article: LexborNode, ctx: ParseContext) -> list[Attachment]:
    """``#bo_v_file``'s downloads; each needs the view page as Referer and in the session first."""
    files: list[Attachment] = []
    for li in article.css("#bo_v_file li"):
        link = li.css_first("a.view_file_download") or li.css_first("a[href*='download.php']")
        if link is None:
            continue
        href = base.absolute(ctx.url, attr(link, "href"))
        number = base.query_param(href, "no")
        name = node_text(link.css_first("strong")) or node_text(link, skip=_NAME_JUNK)
        sizes = _SIZE_IN_PARENS.findall(node_text(li, skip=".bo_v_file_cnt"))
        files.append(
            Attachment(
                index=int(number) if number and number.isdigit() else len(files),
                name=name,
                size=base.parse_size(sizes[-1]) if sizes else None,
                request=Request(url=href, referer=ctx.url, prime=ctx.url),
            )
        )
    return files


ENGINE = GnuboardEngine()


def _uncut_title(title: str, doc: Doc) -> str:
    """The whole title when the skin cut it (the basic skin shows ``cut_str(subject, 70)`` with "…").

    ``<title>`` carries the subject uncut, followed by `` > board name``.
    """
    cut = title.removesuffix("…").rstrip()
    if cut == title:
        return title
    head = node_text(doc.css_first("title"))
    full = head.rsplit(" > ", 1)[0].strip()
    return full if full.startswith(cut) and len(full) > len(cut) else title


def _declares_gnuboard4(doc: Doc) -> bool:
    """Gnuboard 4 pages declare ``var g4_path`` / ``g4_bbs`` in an inline script."""
    return any(re.search(r"\bg4_(path|bbs|url)\b", script.text() or "") for script in doc.css("script"))
