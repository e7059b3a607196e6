"""A ``selectBbsNttList.do`` CMS site at ``/bbsntt`` (UTF-8, JSESSIONID): one board, 공지사항, of the sample
posts, under the menu ``key=4012`` and board ``bbsNo=1024``.

As the district sites run it: 12 rows a page with the notices pinned above them on page 1 only (and not
listed again); dates as ``<time>`` (``YYYY-MM-DD``) in the last cell and ``YYYY-MM-DD HH:MM`` on the post;
relative links (``./selectBbsNttView.do?…&nttNo=N&…&pageIndex=1``).  ``downloadBbsFile.do?atchmnflNo=N``
serves a file only to the session that opened its post (a guess; else a 200 alert page), with
``Content-Disposition: attachment; filename*=UTF-8''…``.  Secret posts show a password form (``1234``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime, timedelta
from urllib.parse import quote

from noticetui.demo import content
from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common
from noticetui.demo.templates import bbsntt as tpl

MENU_KEY = "4012"
BBS_NO = "1024"
TITLE = "공지사항"
PAGE_UNIT = 12
NEW_DAYS = 3
PASSWORD = "1234"
WWW = "/bbsntt/www"


def ntt_no(post: content.SamplePost) -> str:
    """The post's ``nttNo`` (its key on this site)."""
    return str(100000 + int(post.key))


def atchmnfl_no(post: content.SamplePost, index: int) -> str:
    """The site-wide number of a post's ``index``-th file."""
    return str(500000 + int(post.key) * 10 + index)


listed_files = common.all_attachments
"""The files the view lists (all of them)."""


def _posts(now: datetime) -> dict[str, content.SamplePost]:
    return common.posts_by(now, "bbsntt-notice", ntt_no)


class BbsNttSite(common.SampleSite):
    """The selectBbsNttList sample site: the ``.do`` endpoints under ``/bbsntt/www`` and the editor images."""

    prefix = "/bbsntt"
    session_cookie = "JSESSIONID"
    board_table = (
        DemoBoard("bbsntt-notice", "bbsntt", f"{WWW}/selectBbsNttList.do?key={MENU_KEY}&bbsNo={BBS_NO}", TITLE),
    )

    def route(self, request: DemoRequest) -> str:
        """The path under ``/bbsntt/www`` (nothing else is served)."""
        return request.path[len(WWW) :] if request.path.startswith(WWW + "/") else ""

    def routes(self) -> Mapping[str, Handler]:
        """The ``.do`` endpoints."""
        return {
            "/selectBbsNttList.do": _on_board(_list),
            "/selectBbsNttView.do": _on_board(_view),
            "/checkBbsNttPassword.do": _password_check,
            "/downloadBbsFile.do": _download,
            "/previewBbsAtchmnfl.do": _preview,
        }

    def other(self, request: DemoRequest, route: str) -> DemoResponse:
        """The editor images under ``/DATA/bbs/``."""
        return common.editor_image(route) if route.startswith("/DATA/bbs/") else DemoResponse.not_found()


def _on_board(handler: Handler) -> Handler:
    """``handler``, for requests that name this site's board (``bbsNo``); others get the CMS's alert."""

    def checked(request: DemoRequest) -> DemoResponse:
        return handler(request) if request.param("bbsNo") == BBS_NO else _alert("게시판 정보가 없습니다.")

    return checked


def _query(page: int, ntt: str = "") -> str:
    """The query the CMS carries from page to page (menu, board, the post, search and page)."""
    post = f"&amp;nttNo={ntt}" if ntt else ""
    search = "&amp;searchCtgry=&amp;searchCnd=all&amp;searchKrwd="
    return f"key={MENU_KEY}&amp;bbsNo={BBS_NO}{post}{search}&amp;pageIndex={page}&amp;integrDeptCode="


def _list(request: DemoRequest) -> DemoResponse:
    now = common.request_now(request)
    posts = list(_posts(now).values())
    page = max(common.whole_number(request.param("pageIndex")), 1)
    regular = [p for p in posts if not p.notice]
    notices = sorted((p for p in posts if p.notice), key=lambda p: -int(p.key)) if page == 1 else []
    pages = common.page_count(len(regular), PAGE_UNIT)
    rows = [_row(p, "", page, now) for p in notices]
    rows += [_row(p, number, page, now) for number, p in common.numbered_page(regular, page, PAGE_UNIT)]
    base = f"./selectBbsNttList.do?key={MENU_KEY}&amp;bbsNo={BBS_NO}&amp;searchCnd=all&amp;searchKrwd="
    return _page(TITLE, tpl.list_page(TITLE, rows, len(regular), page, pages, tpl.paging(base, page, pages)))


def _row(post: content.SamplePost, number: str, page: int, now: datetime) -> tpl.Row:
    return tpl.Row(
        number=number,
        href=f"./selectBbsNttView.do?{_query(page, ntt_no(post))}",
        title=html.escape(post.title),
        author=html.escape(post.author),
        views=post.views,
        date=f"{post.posted_at:%Y-%m-%d}",
        **common.row_marks(post, now, timedelta(days=NEW_DAYS), notice=not number),
    )


def _view(request: DemoRequest) -> DemoResponse:
    number = request.param("nttNo")
    post = _posts(common.request_now(request)).get(number)
    if post is None:
        return _alert("해당 게시물이 존재하지 않습니다.")
    page = max(common.whole_number(request.param("pageIndex")), 1)
    if post.secret and not request.session.get(f"secret_{number}"):
        return _page(TITLE, tpl.password_page(f"./checkBbsNttPassword.do?key={MENU_KEY}&amp;bbsNo={BBS_NO}", number))
    viewed = request.session.setdefault("viewed", set())
    assert isinstance(viewed, set)
    viewed.add(number)
    files = []
    for index, (name, data) in enumerate(listed_files(post)):
        file_no = atchmnfl_no(post, index)
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else "file"
        size = f"{len(data) / 1024:.1f}KB" if len(data) >= 1024 else f"{len(data)}B"
        files.append(
            tpl.FileItem(
                href=f"./downloadBbsFile.do?atchmnflNo={file_no}",
                preview=f"./previewBbsAtchmnfl.do?key={MENU_KEY}&amp;atchmnflNo={file_no}",
                name=html.escape(name),
                ext=ext,
                size=size,
            )
        )
    view = tpl.View(
        title=html.escape(post.title),
        author=html.escape(post.author),
        views=post.views,
        date=f"{post.posted_at:%Y-%m-%d %H:%M}",
        content=post.body_for(f"{WWW}/DATA/bbs/{BBS_NO}"),
        list_href=f"./selectBbsNttList.do?{_query(page)}",
        files=files,
    )
    return _page(TITLE, tpl.view_page(view, TITLE))


def _password_check(request: DemoRequest) -> DemoResponse:
    number = request.param("nttNo")
    if request.form.get("password", [""])[0] != PASSWORD:
        return _alert("비밀번호가 일치하지 않습니다.")
    request.session[f"secret_{number}"] = True
    target = f"{request.base_url}{WWW}/selectBbsNttView.do?key={MENU_KEY}&bbsNo={BBS_NO}&nttNo={number}"
    return DemoResponse.redirect(target)


def _download(request: DemoRequest) -> DemoResponse:
    wanted = request.param("atchmnflNo")
    for number, post in _posts(common.request_now(request)).items():
        for index, (name, data) in enumerate(listed_files(post)):
            if atchmnfl_no(post, index) != wanted:
                continue
            viewed = request.session.get("viewed")
            if not isinstance(viewed, set) or number not in viewed:
                return _alert("잘못된 접근입니다.")
            disposition = f"attachment; filename*=UTF-8''{quote(name, safe='')}"
            return DemoResponse.file(data, disposition, content_type="application/octet-stream; charset=UTF-8")
    return _alert("파일이 존재하지 않습니다.")


def _preview(request: DemoRequest) -> DemoResponse:
    return _page("문서뷰어", '<div class="p-viewer"><iframe title="문서뷰어" src="about:blank"></iframe></div>')


def _page(title: str, body: str) -> DemoResponse:
    return DemoResponse.html(tpl.document(title, body, MENU_KEY))


def _alert(message: str) -> DemoResponse:
    page = f'<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><script>alert("{message}");history.back();</script></head><body></body></html>'
    return DemoResponse.html(page)


SITE = BbsNttSite()
