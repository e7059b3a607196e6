"""A Gnuboard 4 site at ``/gnuboard4``, all in EUC-KR, with two boards of the sample posts.

- ``notice`` (공지사항) sends ``Content-Type: text/html; charset=euc-kr`` and shows the list under each
  post (``bo_use_list_view``);
- ``data`` (자료실) sends a bare ``Content-Type: text/html``: the charset is only in the page's
  ``<meta http-equiv>``, as behind many old proxies.  It uses categories (``sca``, EUC-KR encoded).

Gnuboard4's own logic, quirks included: ``bbs/list.php`` pins the notices on every page *and* lists them
at their place; titles are cut at 60 bytes of EUC-KR; ``$qstr`` carries ``&page=`` so paging links end in
``&page=2&page=3``; a secret post answers with ``goto_url('./password.php?…')`` (a 200 page, password
``1234``); ``download.php`` serves a file only to the session that viewed the post (else the
``잘못된 접근입니다.`` alert) with ``Content-Disposition: attachment; filename="<raw EUC-KR bytes>"``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qs, quote_plus, urlsplit

from noticetui.demo import content, corpus
from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common

# Gnuboard 4 and 5 keep a board's posts the same way (wr_num order, bo_notice, stored upload names).
from noticetui.demo.sites._gnuboard5_lib import (
    HOT_HITS,
    IMAGE_EXT,
    NEW_HOURS,
    PAGE_ROWS,
    WRITE_PAGES,
    board_data,
    get_filesize,
    stored_name,
)
from noticetui.demo.templates import gnuboard4 as tpl
from noticetui.demo.templates import gnuboard4_view as vtpl

CHARSET = "euc-kr"
SITE_TITLE = "데모문화재단"
GROUP = "커뮤니티"
SUBJECT_LEN = 60
"""``bo_subject_len``, in bytes of EUC-KR (a Hangul syllable is two)."""
PASSWORD = "1234"
_HEADERS = [
    ("X-Powered-By", "PHP/5.2.17"),
    ("Expires", "0"),
    ("Cache-Control", "no-store, no-cache, must-revalidate"),
    ("Cache-Control", "pre-check=0, post-check=0, max-age=0"),
    ("Pragma", "no-cache"),
]


@dataclass(frozen=True)
class BoardConf:
    """A board's settings (the ``g4_board`` row)."""

    subject: str
    charset_header: bool
    """False: ``Content-Type: text/html`` only, the charset is in the page's meta."""
    categories: bool
    list_view: bool
    """``bo_use_list_view``: the list follows every post."""


BOARDS = {
    "notice": BoardConf("공지사항", charset_header=True, categories=False, list_view=True),
    "data": BoardConf("자료실", charset_header=False, categories=True, list_view=False),
}


def is_inline(name: str) -> bool:
    """True for image attachments: the skin shows them above the body and leaves them out of the file list."""
    return name.lower().endswith(IMAGE_EXT)


def listed_files(post: content.SamplePost) -> list[tuple[int, str, bytes]]:
    """``(bf_no, name, bytes)`` of the files the view page lists for download (ground truth for tests)."""
    return [(no, name, data) for no, (name, data) in enumerate(post.attachments) if not is_inline(name)]


class Gnuboard4Site(common.SampleSite):
    """The gnuboard4 sample site: ``bbs/*.php`` and ``data/*``, routed like the PHP files they stand for."""

    prefix = "/gnuboard4"
    board_table = tuple(
        # notice sends the charset header, data only the meta.
        DemoBoard(f"g4-{bo}", "gnuboard4", f"/gnuboard4/bbs/board.php?bo_table={bo}", conf.subject)
        for bo, conf in BOARDS.items()
    )

    def handle(self, request: DemoRequest) -> DemoResponse:
        """Start the session, as common.php does on every page, then route."""
        _ = request.session
        return super().handle(request)

    def routes(self) -> Mapping[str, Handler]:
        """The ``bbs/*.php`` pages."""
        return {
            "/bbs/board.php": _board_php,
            "/bbs/download.php": _download,
            "/bbs/password.php": _password,
            "/bbs/password_check.php": _password_check,
        }

    def other(self, request: DemoRequest, route: str) -> DemoResponse:
        """``data/*`` (uploads, editor images) and the front page."""
        if route.startswith("/data/"):
            return _data(request, route)
        if route in ("", "/", "/index.php"):
            links = "".join(f"<a href='./bbs/board.php?bo_table={bo}'>{c.subject}</a><br>" for bo, c in BOARDS.items())
            return _page(tpl.head_sub(SITE_TITLE, _g4_url(request), "", CHARSET) + links + "</body></html>", True)
        return DemoResponse.not_found()


# --- board.php -------------------------------------------------------------------------------------


def _board_php(request: DemoRequest) -> DemoResponse:
    params = _params(request)
    bo_table = params.get("bo_table", "")
    conf = BOARDS.get(bo_table)
    if conf is None:
        return _page(tpl.alert("존재하지 않는 게시판입니다.", "..", CHARSET), True)
    wr_id = params.get("wr_id", "")
    if wr_id:
        return _view(request, bo_table, conf, wr_id, params)
    title = f"{GROUP} &gt; {conf.subject} {max(common.php_int(params.get('page', '')), 1)} 페이지"
    body = tpl.head_sub(title, _g4_url(request), bo_table, CHARSET) + tpl.layout(
        SITE_TITLE, _list(request, bo_table, conf, params)
    )
    return _page(body, conf.charset_header)


def _list(request: DemoRequest, bo_table: str, conf: BoardConf, params: dict[str, str]) -> str:
    board, now = board_data(common.request_now(request), f"g4-{bo_table}"), common.request_now(request)
    page = max(common.php_int(params.get("page", "")), 1)
    sca = params.get("sca", "") if conf.categories else ""
    qstr = _qstr(params)
    if sca:
        regular = [p for p in board.posts if p.category == sca]
        notices: list[content.SamplePost] = []
    else:
        # list.php: every page starts with the bo_notice posts, and the regular query lists them again.
        regular, notices = list(board.posts), [board.by_id[k] for k in board.notices]
    total = len(regular)
    rows = [_row(p, "공지", bo_table, conf, qstr, now) for p in notices]
    rows += [_row(p, num, bo_table, conf, qstr, now) for num, p in common.numbered_page(regular, page, PAGE_ROWS)]
    categories = sorted(set(corpus.CATEGORIES.values())) if conf.categories else []
    paging = tpl.paging(WRITE_PAGES, page, math.ceil(total / PAGE_ROWS), f"./board.php?bo_table={bo_table}{qstr}&page=")
    return tpl.list_skin(tpl.ListView(bo_table, total, rows, paging, categories))


def _row(post: content.SamplePost, num: str, bo_table: str, conf: BoardConf, qstr: str, now: datetime) -> tpl.ListRow:
    icons = [
        name
        for name, on in (
            ("new", common.is_new(post, now, timedelta(hours=NEW_HOURS))),
            ("file", bool(post.attachments)),
            ("link", bool(post.links)),
            ("hot", post.views >= HOT_HITS),
            ("secret", post.secret),
        )
        if on
    ]
    category = post.category if conf.categories and post.category else ""
    return tpl.ListRow(
        num=num,
        notice=num == "공지",
        subject=tpl.cut_str(tpl.get_text(post.title), SUBJECT_LEN),
        href=f"../bbs/board.php?bo_table={bo_table}&wr_id={post.key}{qstr}",
        name_html=tpl.sideview(post.author_id, tpl.cut_str(post.author, 10)),
        hits=post.views,
        datetime2=f"{post.posted_at:%H:%M}" if post.posted_at.date() == now.date() else f"{post.posted_at:%m-%d}",
        comment_href=f"javascript:win_comment('../bbs/board.php?bo_table={bo_table}&wr_id={post.key}&cwin=1');",
        comments=post.comments,
        category=category,
        category_href=f"../bbs/board.php?bo_table={bo_table}&sca={quote_plus(category.encode(CHARSET))}",
        reply_depth=post.reply_depth,
        icons=tuple(icons),
    )


def _view(request: DemoRequest, bo_table: str, conf: BoardConf, wr_id: str, params: dict[str, str]) -> DemoResponse:
    board = board_data(common.request_now(request), f"g4-{bo_table}")
    post = board.by_id.get(wr_id)
    qstr = _qstr(params)
    if post is None:
        msg = "글이 존재하지 않습니다.\\n\\n글이 삭제되었거나 이동된 경우입니다."
        return _page(tpl.alert(msg, f"./board.php?bo_table={bo_table}", CHARSET), conf.charset_header)
    if post.secret and not request.session.get(f"ss_secret_{bo_table}_{wr_id}"):
        # goto_url() runs before head.sub.php sends its header: PHP's bare default Content-Type.
        target = tpl.goto_url(f"./password.php?w=s&bo_table={bo_table}&wr_id={wr_id}{qstr}")
        return _page(target, False)
    request.session[f"ss_view_{bo_table}_{wr_id}"] = True
    images, files = [], []
    for no, (name, data) in enumerate(post.attachments):
        if is_inline(name):
            src = f"../data/file/{bo_table}/{quote_plus(stored_name(wr_id, no, name))}"
            images.append(
                f"<img src='{src}' name='target_resize_image[]' onclick='image_window(this);' style='cursor:pointer;' title=''>"
            )
        else:
            href = f"./download.php?bo_table={bo_table}&wr_id={wr_id}&no={no}{qstr}"
            source = name.replace("\\", "\\\\").replace("'", "\\'")
            downloads = (int(wr_id) * 37 + no * 11) % 120
            files.append(
                vtpl.FileItem(href, source, get_filesize(len(data)), downloads, f"{post.posted_at:%Y-%m-%d %H:%M:%S}")
            )
    index = board.posts.index(post)
    view = vtpl.PostView(
        bo_table=bo_table,
        subject=tpl.get_text(post.title),
        name_html=tpl.sideview(post.author_id, post.author),
        hits=post.views,
        date=f"{post.posted_at:%y-%m-%d %H:%M}",
        content=post.body_for(f"{_g4_url(request)}/data/cheditor4"),
        list_href=f"./board.php?bo_table={bo_table}{qstr}",
        category=post.category if conf.categories and post.category else "",
        images=images,
        files=files,
        links=[
            (f"./link.php?bo_table={bo_table}&wr_id={wr_id}&no={i}{qstr}", link, 0)
            for i, link in enumerate(post.links, 1)
        ],
        prev_href=f"./board.php?bo_table={bo_table}&wr_id={board.posts[index - 1].key}{qstr}" if index > 0 else "",
        next_href=(
            f"./board.php?bo_table={bo_table}&wr_id={board.posts[index + 1].key}{qstr}"
            if index + 1 < len(board.posts)
            else ""
        ),
        comment_items=[
            vtpl.CommentItem(
                str(int(wr_id) + i + 1), tpl.sideview(None, c.author), f"{c.posted_at:%y-%m-%d %H:%M}", c.text
            )
            for i, c in enumerate(post.comment_list())
        ],
    )
    body = vtpl.view_skin(view)
    if conf.list_view:
        body += _list(request, bo_table, conf, params)
    title = f"{GROUP} &gt; {conf.subject} &gt; {tpl.get_text(post.title)}"
    return _page(
        tpl.head_sub(title, _g4_url(request), bo_table, CHARSET) + tpl.layout(SITE_TITLE, body), conf.charset_header
    )


# --- download.php, password.php --------------------------------------------------------------------


def _download(request: DemoRequest) -> DemoResponse:
    params = _params(request)
    bo_table, wr_id = params.get("bo_table", ""), params.get("wr_id", "")
    conf = BOARDS.get(bo_table)
    header = conf.charset_header if conf else True
    # Links from elsewhere are refused: only a session that viewed the post may download its files.
    if conf is None or not request.session.get(f"ss_view_{bo_table}_{wr_id}"):
        return _page(tpl.alert("잘못된 접근입니다.", "", CHARSET), header)
    post = board_data(common.request_now(request), f"g4-{bo_table}").by_id.get(wr_id)
    no = common.php_int(params.get("no", ""))
    if post is None or not 0 <= no < len(post.attachments):
        return _page(tpl.alert_close("파일 정보가 존재하지 않습니다.", CHARSET), header)
    name, data = post.attachments[no]
    # header() sends the name's EUC-KR bytes as they are; http.server writes str headers as latin-1.
    raw = name.encode("cp949", errors="replace").decode("latin-1")
    extra = [("content-description", "php generated data"), ("pragma", "no-cache"), ("expires", "0")]
    response = DemoResponse.file(data, f'attachment; filename="{raw}"', content_type="file/unknown", extra=extra)
    response.headers.insert(0, ("X-Powered-By", "PHP/5.2.17"))
    return response


def _password(request: DemoRequest) -> DemoResponse:
    params = _params(request)
    bo_table = params.get("bo_table", "")
    conf = BOARDS.get(bo_table, BOARDS["notice"])
    body = tpl.head_sub("패스워드 입력", _g4_url(request), bo_table, CHARSET)
    body += vtpl.password_skin(bo_table, params.get("wr_id", ""), params.get("page", "")) + "</body>\n</html>\n"
    return _page(body, conf.charset_header)


def _password_check(request: DemoRequest) -> DemoResponse:
    params = _params(request)
    bo_table, wr_id = params.get("bo_table", ""), params.get("wr_id", "")
    conf = BOARDS.get(bo_table, BOARDS["notice"])
    if wr_id not in board_data(common.request_now(request), f"g4-{bo_table if bo_table in BOARDS else 'notice'}").by_id:
        return _page(tpl.alert("글이 존재하지 않습니다.", "", CHARSET), conf.charset_header)
    if params.get("wr_password") != PASSWORD:
        return _page(tpl.alert("패스워드가 틀립니다.", "", CHARSET), conf.charset_header)
    request.session[f"ss_secret_{bo_table}_{wr_id}"] = True
    return _page(tpl.goto_url(f"./board.php?bo_table={bo_table}&wr_id={wr_id}{_qstr(params)}"), conf.charset_header)


def _data(request: DemoRequest, route: str) -> DemoResponse:
    name = route.rsplit("/", 1)[-1]
    # /data/file/<bo_table>/<stored name>: each board stores its own uploads.
    parts = route.split("/")
    bo_table = parts[3] if len(parts) > 4 and parts[3] in BOARDS else "notice"
    board = board_data(common.request_now(request), f"g4-{bo_table}")
    if route.startswith("/data/file/") and name in board.stored:
        wr_id, no = board.stored[name]
        return DemoResponse.file(board.by_id[wr_id].attachments[no][1], None, content_type="image/jpeg")
    return common.editor_image(route) if route.startswith("/data/cheditor4/") else DemoResponse.not_found()


# --- helpers ---------------------------------------------------------------------------------------


def _params(request: DemoRequest) -> dict[str, str]:
    """``$_GET`` and ``$_POST`` as an EUC-KR PHP script reads them (the query's %XX are EUC-KR bytes)."""
    query = parse_qs(urlsplit(request.raw_target).query, keep_blank_values=True, encoding="cp949", errors="replace")
    merged = {k: v[-1] for k, v in query.items()}
    merged.update({k: v[-1] for k, v in request.form.items()})
    return merged


def _qstr(params: dict[str, str]) -> str:
    """common.php's ``$qstr``: ``sca`` and ``page`` when the request had them (paging appends another)."""
    qstr = ""
    if "sca" in params:
        qstr += "&sca=" + quote_plus(params["sca"].encode(CHARSET, "replace"))
    if "page" in params:
        qstr += "&page=" + quote_plus(params["page"])
    return qstr


def _g4_url(request: DemoRequest) -> str:
    return common.site_url(request, Gnuboard4Site.prefix)


def _page(html: str, charset_header: bool) -> DemoResponse:
    """An EUC-KR page; with ``charset_header`` False the header names no charset (only the meta does)."""
    body = html.encode(CHARSET, errors="xmlcharrefreplace")
    content_type = f"text/html; charset={CHARSET}" if charset_header else "text/html"
    return DemoResponse(200, [*_HEADERS, ("Content-Type", content_type)], body)


SITE = Gnuboard4Site()
