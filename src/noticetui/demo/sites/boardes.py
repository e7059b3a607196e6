"""A ``board.es`` CMS site at ``/boardes`` (UTF-8, JSESSIONID) with one board, 공지사항, of the sample posts.

Like the ministries' sites: ``board.es?mid=…&bid=…[&nPage=N]`` lists 12 rows a page under the notices,
which head *every* page; a row links to ``act=view&list_no=N`` and calls ``goView('N')``; titles longer
than 40 characters are cut in the cell and whole in the link's ``title``; dates are ``YYYY.MM.DD`` in the
list and on the post (no time).  ``boardDownload.es?bid=…&list_no=…&seq=N`` serves a file only when the
Referer is that post's view page (anything else gets a 200 alert page), with
``Content-Disposition: attachment; filename="<URL-encoded UTF-8>"``; ``attachApiPreview.es`` is an HTML
viewer.  Secret posts show a password form (the demo password is ``1234``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime, timedelta
from urllib.parse import quote, urlsplit

from noticetui.demo import content
from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common
from noticetui.demo.templates import boardes as tpl

MID = "a10501010000"
BID = "0015"
TITLE = "공지사항"
PAGE_ROWS = 12
TITLE_LEN = 40
NEW_DAYS = 3
PASSWORD = "1234"
LIST_NO_BASE = 19200


def list_no(post: content.SamplePost) -> str:
    """The post's ``list_no`` (its key on this site)."""
    return str(LIST_NO_BASE + int(post.key))


listed_files = common.all_attachments
"""The files the view lists (all of them: the CMS shows no attachment inline)."""


def _posts(now: datetime) -> dict[str, content.SamplePost]:
    return common.posts_by(now, "boardes-notice", list_no)


class BoardEsSite(common.SampleSite):
    """The board.es sample site: ``board.es`` (list, view, pwCheck), ``boardDownload.es``,
    ``attachApiPreview.es`` and the editor images."""

    prefix = "/boardes"
    session_cookie = "JSESSIONID"
    board_table = (DemoBoard("boardes-notice", "boardes", f"{prefix}/board.es?mid={MID}&bid={BID}", TITLE),)

    def routes(self) -> Mapping[str, Handler]:
        """The ``.es`` endpoints."""
        return {"/board.es": _board_es, "/boardDownload.es": _download, "/attachApiPreview.es": _preview}

    def other(self, request: DemoRequest, route: str) -> DemoResponse:
        """The editor images under ``/upload/editor/``."""
        return common.editor_image(route) if route.startswith("/upload/editor/") else DemoResponse.not_found()


def _board_es(request: DemoRequest) -> DemoResponse:
    """``board.es``: the ``act`` parameter picks the list, a view or the password check."""
    if request.param("mid") != MID or request.param("bid") != BID:
        return _alert("존재하지 않는 게시판입니다.")
    act = request.param("act", "list")
    if act == "view":
        return _view(request)
    if act == "pwCheck":
        return _password_check(request)
    return _list(request)


def _preview(request: DemoRequest) -> DemoResponse:
    return _page("문서 미리보기", '<div class="viewer"><iframe title="문서뷰어" src="about:blank"></iframe></div>')


def _board() -> str:
    return f"{BoardEsSite.prefix}/board.es?mid={MID}&amp;bid={BID}"


def _view_href(number: str, page: int) -> str:
    return f"{_board()}&amp;act=view&amp;list_no={number}&amp;tag=&amp;nPage={page}"


def _list(request: DemoRequest) -> DemoResponse:
    now = common.request_now(request)
    posts = list(_posts(now).values())
    page = max(common.whole_number(request.param("nPage")), 1)
    notices = sorted((p for p in posts if p.notice), key=lambda p: -int(p.key))
    regular = [p for p in posts if not p.notice]
    pages = common.page_count(len(regular), PAGE_ROWS)
    rows = [_row(p, "", page, now) for p in notices]
    rows += [_row(p, number, page, now) for number, p in common.numbered_page(regular, page, PAGE_ROWS)]
    body = tpl.list_page(rows, len(posts), page, pages, tpl.paging(_board(), page, pages))
    return _page(TITLE, body)


def _row(post: content.SamplePost, number: str, page: int, now: datetime) -> tpl.Row:
    title = post.title if len(post.title) <= TITLE_LEN else post.title[:TITLE_LEN] + "..."
    return tpl.Row(
        list_no=list_no(post),
        href=_view_href(list_no(post), page),
        title=html.escape(title),
        full_title=html.escape(post.title),
        author=html.escape(post.author),
        date=f"{post.posted_at:%Y.%m.%d}",
        views=post.views,
        number=number,
        **common.row_marks(post, now, timedelta(days=NEW_DAYS), notice=not number),
    )


def _view(request: DemoRequest) -> DemoResponse:
    posts = _posts(common.request_now(request))
    number = request.param("list_no")
    post = posts.get(number)
    if post is None:
        return _alert("삭제되었거나 존재하지 않는 게시물입니다.")
    page = max(common.whole_number(request.param("nPage")), 1)
    if post.secret and not request.session.get(f"secret_{number}"):
        action = f"{_board()}&amp;act=pwCheck&amp;list_no={number}&amp;nPage={page}"
        return _page(TITLE, tpl.password_page(action))
    order = list(posts)
    index = order.index(number)
    files = [
        tpl.FileItem(
            href=f"{BoardEsSite.prefix}/boardDownload.es?bid={BID}&amp;list_no={number}&amp;seq={seq}",
            preview=f"{BoardEsSite.prefix}/attachApiPreview.es?bid={BID}&amp;list_no={number}&amp;seq={seq}",
            name=html.escape(name),
            size=_size(len(data)),
        )
        for seq, (name, data) in enumerate(listed_files(post), start=1)
    ]
    neighbours = [
        (_view_href(order[i], page), html.escape(posts[order[i]].title)) if 0 <= i < len(order) else None
        for i in (index + 1, index - 1)
    ]
    view = tpl.View(
        title=html.escape(post.title),
        author=html.escape(post.author),
        date=f"{post.posted_at:%Y.%m.%d}",
        views=post.views,
        content=post.body_for(f"{BoardEsSite.prefix}/upload/editor"),
        list_href=f"{_board()}&amp;nPage={page}",
        files=files,
        prev=neighbours[0],
        next=neighbours[1],
    )
    return _page(TITLE, tpl.view_page(view))


def _password_check(request: DemoRequest) -> DemoResponse:
    number = request.param("list_no")
    if request.form.get("password", [""])[0] != PASSWORD:
        return _alert("비밀번호가 일치하지 않습니다.")
    request.session[f"secret_{number}"] = True
    target = f"{request.base_url}{_board()}&act=view&list_no={number}".replace("&amp;", "&")
    return DemoResponse.redirect(target)


def _download(request: DemoRequest) -> DemoResponse:
    number, seq = request.param("list_no"), common.whole_number(request.param("seq"))
    post = _posts(common.request_now(request)).get(number)
    files = listed_files(post) if post is not None else []
    if request.param("bid") != BID or not 1 <= seq <= len(files):
        return _alert("파일이 존재하지 않습니다.")
    # The file is served only to a visitor coming from the post's own page (no Referer: no file).
    referer = urlsplit(request.headers.get("referer", ""))
    came_from_view = (
        referer.netloc == urlsplit(request.base_url).netloc
        and referer.path == f"{BoardEsSite.prefix}/board.es"
        and "act=view" in referer.query
        and f"list_no={number}" in referer.query
    )
    if not came_from_view:
        return _alert("정상적인 경로를 통해 다운로드 하시기 바랍니다.")
    name, data = files[seq - 1]
    # URLEncoder.encode(name, "UTF-8").replaceAll("\\+", "%20"), as the Java download servlets write it.
    disposition = f'attachment; filename="{quote(name, safe="*")}"'
    return DemoResponse.file(data, disposition, content_type="application/octet-stream;charset=UTF-8")


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} B"


def _page(title: str, body: str) -> DemoResponse:
    return DemoResponse.html(tpl.document(BoardEsSite.prefix, title, body, MID, BID))


def _alert(message: str) -> DemoResponse:
    page = f'<!DOCTYPE html><html><head><meta charset="UTF-8"><script>alert("{message}"); history.back();</script></head><body></body></html>'
    return DemoResponse.html(page)


SITE = BoardEsSite()
