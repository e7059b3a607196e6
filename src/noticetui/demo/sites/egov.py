"""eGovFrame (전자정부 표준프레임워크) sample site at ``/egov``: three web applications, one board each.

- ``/egov/legacy`` — the legacy common component (``selectBoardList.do``/``selectBoardArticle.do``), served
  in **EUC-KR with the charset only in ``<meta>``** (``Content-Type: text/html``).  No pinned notices (the
  template has none), a deleted post listed without a link, 3 page links per block.  Files are
  ``FileDown.do?atchFileId=FILE_…`` with the plain id, and the old ``setDisposition`` names: Chrome gets
  ``filename=`` with only the non-ASCII characters percent-encoded (spaces, ``%`` and ``#`` stay raw).
- ``/egov/com`` — the current common component (``selectArticleList.do``/``selectArticleDetail.do``):
  up to five notices on top of every page and again at their place, cut titles with ``[comments]``, a
  secret post listed with a lock and no link (its view forwards to the list).
- ``/egov/portal`` — the portal site template: per-row GET forms, the author column hard-coded, the body
  as text in a textarea.

Both current applications encrypt ``atchFileId`` with the session id (``Base64(encrypt(sessionId|FILE_…))``):
``FileDown.do`` serves a file only to the session that viewed the post, and only to browsers it knows
(``EgovBrowserUtil``: anything else is "Not supported browser"); names go out as ``filename*=UTF-8''`` +
Java's ``URLEncoder`` (spaces as ``+``).  Every failure is ``egovError.jsp`` with status 200.  Pages list
10 posts; views do not change when posts are viewed.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from noticetui.demo import content
from noticetui.demo.egov_text import html_to_text
from noticetui.demo.http import DemoRequest, DemoResponse
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common
from noticetui.demo.templates import egov_article, egov_legacy, egov_portal
from noticetui.demo.templates.egov_parts import BoardInfo, FileRow, ListRow, ViewData, error_page

PREFIX = "/egov"
PAGE_UNIT = 10
"""``Globals.pageUnit``: rows per list page."""
DELETED_TITLE = "이 글은 작성자에 의해서 삭제되었습니다."
"""What ``deleteBoardArticle`` writes over a deleted post's title (legacy)."""
_KEY = hashlib.sha256(b"noticetui demo egovEnvCryptoService").digest()


@dataclass(frozen=True)
class App:
    """One web application and its board."""

    name: str
    """The demo board's name."""
    kind: str
    """``legacy``, ``article`` or ``portal``."""
    board: BoardInfo
    page_size: int
    """``Globals.pageSize``: page links per pagination block."""

    @property
    def list_path(self) -> str:
        """The list endpoint under the context path."""
        return "/cop/bbs/selectArticleList.do" if self.kind == "article" else "/cop/bbs/selectBoardList.do"

    @property
    def view_path(self) -> str:
        """The view endpoint under the context path."""
        return "/cop/bbs/selectArticleDetail.do" if self.kind == "article" else "/cop/bbs/selectBoardArticle.do"


APPS = (
    App("egov-legacy", "legacy", BoardInfo(f"{PREFIX}/legacy", "BBSMSTR_000000000011", "공지사항"), 3),
    App("egov-article", "article", BoardInfo(f"{PREFIX}/com", "BBSMSTR_000000000021", "자유게시판"), 10),
    App("egov-portal", "portal", BoardInfo(f"{PREFIX}/portal", "BBSMSTR_AAAAAAAAAAAA", "공지사항"), 10),
)


def app_named(name: str) -> App:
    """The application whose board is called ``name``."""
    return next(a for a in APPS if a.name == name)


def file_id(post: content.SamplePost) -> str:
    """The post's ``atchFileId`` (``FILE_`` and 15 digits)."""
    return f"FILE_{int(post.key):015d}"


@lru_cache(maxsize=16)
def board_posts(name: str, now: datetime) -> tuple[content.SamplePost, ...]:
    """The ground truth: the posts board ``name`` lists, as it shows them, in list order.

    eGovFrame shows dates only (``YYYY-MM-DD``), so ``posted_at`` is the day at 00:00.  Only the current
    component pins notices; the legacy and portal boards hold no secret posts.
    """
    app = app_named(name)
    posts = []
    for post in content.sample_posts(now, name):
        if post.secret and app.kind != "article":
            continue
        day = post.posted_at.replace(hour=0, minute=0)
        posts.append(replace(post, posted_at=day, notice=post.notice and app.kind == "article"))
    return tuple(posts)


def portal_text(post: content.SamplePost, base_url: str) -> str:
    """The plain text the portal board stores as the post's ``nttCn`` (its editor is a textarea)."""
    return html_to_text(post.body_for(f"{base_url}{app_named('egov-portal').board.ctx}/upload/editor"))


# --- atchFileId encryption ---------------------------------------------------------------------------


def _keystream(length: int) -> bytes:
    blocks = (hashlib.sha256(_KEY + i.to_bytes(4, "big")).digest() for i in range(length // 32 + 1))
    return b"".join(blocks)[:length]


def encrypt_file_id(session_id: str, atch_file_id: str) -> str:
    """``Base64(encrypt(sessionId|atchFileId))``, as ``egovc:encrypt`` writes it into the page."""
    plain = f"{session_id}|{atch_file_id}".encode()
    return base64.b64encode(bytes(a ^ b for a, b in zip(plain, _keystream(len(plain)), strict=True))).decode()


def decrypt_file_id(token: str) -> tuple[str, str] | None:
    """``(sessionId, atchFileId)`` from :func:`encrypt_file_id`'s output, or None."""
    try:
        raw = base64.b64decode(token, validate=True)
    except ValueError:
        return None
    plain = bytes(a ^ b for a, b in zip(raw, _keystream(len(raw)), strict=True)).decode("utf-8", "replace")
    session_id, sep, found = plain.partition("|")
    return (session_id, found) if sep else None


# --- Content-Disposition ------------------------------------------------------------------------------


def java_urlencode(text: str) -> str:
    """``java.net.URLEncoder.encode(text, "UTF-8")``: ``[A-Za-z0-9.*_-]`` kept, space as ``+``."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char.isascii() and (char.isalnum() or char in ".-*_"):
            out.append(char)
        else:
            out.append("+" if char == " " else f"%{byte:02X}")
    return "".join(out)


def _legacy_browser(user_agent: str) -> str:
    for marker, name in (("MSIE", "MSIE"), ("Trident", "Trident"), ("Chrome", "Chrome"), ("Opera", "Opera")):
        if marker in user_agent:
            return name
    return "Firefox"


def legacy_disposition(name: str, user_agent: str) -> str:
    """The v2/v3 controller's ``setDisposition``: a different spelling per browser."""
    browser = _legacy_browser(user_agent)
    if browser in ("MSIE", "Trident"):
        return "attachment; filename=" + java_urlencode(name).replace("+", "%20")
    if browser == "Chrome":
        # Only characters past '~' are encoded, one at a time: spaces, '%' and '#' go out raw.
        return "attachment; filename=" + "".join(java_urlencode(c) if c > "~" else c for c in name)
    # Firefox and Opera: the UTF-8 bytes, sent as they are (the header is written in ISO-8859-1).
    return 'attachment; filename="' + name.encode("utf-8").decode("latin-1") + '"'


def browser_type(user_agent: str) -> str:
    """``EgovBrowserUtil.getBrowser``'s type: MSIE, Edge, Firefox, Opera, Whale, Chrome, Safari or Other."""
    rules = (
        (r"MSIE ([0-9]{1,2}.[0-9])", "MSIE"),
        (r"Trident/7\.0", "MSIE"),
        (r"Edge/([0-9]{1,3}.[0-9]{1,5})", "Edge"),
        (r"Firefox/([0-9]{1,3}.[0-9]{1,3})", "Firefox"),
        (r"OPR/([0-9]{1,3}.[0-9]{1,3})", "Opera"),
        (r"Whale/([0-9]{1,3}\.[0-9]{1,3})", "Whale"),
        (r"Chrome/([0-9]{1,3}.[0-9]{1,3})", "Chrome"),
        (r"Version/([0-9]{1,2}.[0-9]{1,3})", "Safari"),
    )
    return next((name for pattern, name in rules if re.search(pattern, user_agent)), "Other")


# --- the site ----------------------------------------------------------------------------------------


class EgovSite(common.SampleSite):
    """The ``/egov`` site: one board per application."""

    prefix = PREFIX
    session_cookie = "JSESSIONID"
    board_table = tuple(
        DemoBoard(a.name, "egov", f"{a.board.ctx}{a.list_path}?bbsId={a.board.bbs_id}", a.board.name) for a in APPS
    )

    def handle(self, request: DemoRequest) -> DemoResponse:
        """Route each application's ``*.do`` like its Spring controllers."""
        app = next((a for a in APPS if request.path.startswith(a.board.ctx + "/")), None)
        if app is None:
            links = "".join(f'<li><a href="{b.url}">{b.name}</a></li>' for b in self.boards(request.base_url))
            return DemoResponse.html(f"<html><body><h1>eGovFrame</h1><ul>{links}</ul></body></html>")
        _ = request.session  # JSPs open the session on every page
        route = request.path[len(app.board.ctx) :]
        if route == app.list_path:
            return self._list(request, app)
        if route == app.view_path:
            return self._view(request, app)
        if route == "/cmm/fms/FileDown.do":
            return self._download(request, app)
        return common.editor_image(route) if route.startswith("/upload/editor/") else DemoResponse.not_found()

    # --- lists -----------------------------------------------------------------------------------

    def _list(self, request: DemoRequest, app: App) -> DemoResponse:
        if request.param("bbsId") != app.board.bbs_id:
            return _error(app)  # selectBBSMasterInf finds no master: a NullPointerException
        page = max(_int(request.param("pageIndex")), 1)
        return self._list_page(request, app, page)

    def _list_page(self, request: DemoRequest, app: App, page: int) -> DemoResponse:
        now = common.request_now(request)
        posts = list(board_posts(app.name, now))
        rows = [_list_row(p) for p in posts]
        if app.kind == "legacy" and len(rows) > 4:
            # A deleted post keeps its row, title overwritten, with nothing to open.
            gone = ListRow(0, "0", DELETED_TITLE, "이서준", rows[4].date, 3, deleted=True)
            rows.insert(5, gone)
        total_pages = max(math.ceil(len(rows) / PAGE_UNIT), 1)
        shown = rows[(page - 1) * PAGE_UNIT : page * PAGE_UNIT]
        first = (page - 1) * PAGE_UNIT
        if app.kind == "portal":
            shown = [replace(r, num=len(rows) - first - i) for i, r in enumerate(shown)]
        else:
            shown = [replace(r, num=first + i + 1) for i, r in enumerate(shown)]
        board = app.board
        if app.kind == "legacy":
            html = egov_legacy.list_page(board, shown, page, total_pages, app.page_size)
            return _legacy_page(html)
        if app.kind == "article":
            notices = [r for r in rows if r.notice][:5]
            return _page(egov_article.list_page(board, notices, shown, page, total_pages, app.page_size))
        return _page(egov_portal.list_page(board, shown, page, total_pages, app.page_size))

    # --- views -----------------------------------------------------------------------------------

    def _view(self, request: DemoRequest, app: App) -> DemoResponse:
        now = common.request_now(request)
        post = next((p for p in board_posts(app.name, now) if p.key == request.param("nttId")), None)
        if request.param("bbsId") != app.board.bbs_id or post is None:
            return _error(app)
        if post.secret:
            # EgovArticleController: a secret post is for its author only; others get the list.
            return self._list_page(request, app, max(_int(request.param("pageIndex")), 1))
        ctx = app.board.ctx
        atch = file_id(post) if app.kind == "legacy" else encrypt_file_id(request.session_id, file_id(post))
        files = [FileRow(atch, sn, name, len(data)) for sn, (name, data) in enumerate(post.attachments)]
        body = post.body_for(f"{request.base_url}{ctx}/upload/editor")
        view = ViewData(
            ntt_id=post.key,
            title=post.title,
            author=post.author,
            date=_date(post),
            views=post.views,
            body=portal_text(post, request.base_url) if app.kind == "portal" else body,
            files=files,
            page_index=max(_int(request.param("pageIndex")), 1),
        )
        if app.kind == "legacy":
            return _legacy_page(egov_legacy.view_page(app.board, view))
        if app.kind == "article":
            return _page(egov_article.view_page(app.board, view))
        return _page(egov_portal.view_page(app.board, view))

    # --- FileDown.do -----------------------------------------------------------------------------

    def _download(self, request: DemoRequest, app: App) -> DemoResponse:
        user_agent = request.headers.get("user-agent", "")
        token = request.param("atchFileId").replace(" ", "+")  # the JSP does not encode '+'
        if app.kind == "legacy":
            wanted = token
        else:
            decoded = decrypt_file_id(token)
            if decoded is None or decoded[0] != request.session_id:
                return _error(app)  # "동일한 세션인 경우만 다운로드할 수 있다"
            wanted = decoded[1]
        post = next((p for p in board_posts(app.name, common.request_now(request)) if file_id(p) == wanted), None)
        sn = _int(request.param("fileSn"), -1)
        if post is None or not 0 <= sn < len(post.attachments):
            return _error(app)
        name, data = post.attachments[sn]
        if app.kind == "legacy":
            return DemoResponse.file(data, legacy_disposition(name, user_agent), "application/x-msdownload")
        kind = browser_type(user_agent)
        if kind == "Other":
            return _error(app, "Not supported browser")
        if kind == "MSIE":
            # EgovBrowserUtil for old IE repeats the header name inside its value.
            disposition = "Content-Disposition: attachment; filename=" + java_urlencode(name).replace("+", "%20")
            return DemoResponse.file(data, disposition, "application/x-msdownload")
        return DemoResponse.file(data, "attachment; filename*=UTF-8''" + java_urlencode(name), "application/x-stuff")


def _list_row(post: content.SamplePost) -> ListRow:
    return ListRow(
        num=0,
        ntt_id=post.key,
        title=post.title,
        author=post.author,
        date=_date(post),
        views=post.views,
        reply_depth=post.reply_depth,
        notice=post.notice,
        secret=post.secret,
        comments=post.comments,
    )


def _date(post: content.SamplePost) -> str:
    """How eGovFrame writes a post's date, in the list and on the post: ``YYYY-MM-DD``, no time."""
    return f"{post.posted_at:%Y-%m-%d}"


def _int(text: str, default: int = 0) -> int:
    """Spring's int binding, lenient about spaces: the number, else ``default``."""
    return common.whole_number(text.strip(), default)


def _page(html: str) -> DemoResponse:
    # Tomcat writes the JSP's contentType without a space before charset.
    return DemoResponse(200, [("Content-Type", "text/html;charset=UTF-8")], html.encode("utf-8"))


def _legacy_page(html: str) -> DemoResponse:
    # This deployment's filter sends no charset: only the page's <meta> says EUC-KR.
    return DemoResponse(200, [("Content-Type", "text/html")], html.encode("cp949", errors="xmlcharrefreplace"))


def _error(app: App, message: str | None = None) -> DemoResponse:
    html = error_page(app.board.ctx, message)
    return _legacy_page(html.replace("charset=utf-8", "charset=euc-kr")) if app.kind == "legacy" else _page(html)


SITE = EgovSite()
