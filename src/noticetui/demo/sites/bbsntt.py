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
import math
from datetime import datetime, timedelta
from urllib.parse import quote

from noticetui.demo import content
from noticetui.demo.http import DemoRequest, DemoResponse
from noticetui.demo.sites import DemoBoard
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


def listed_files(post: content.SamplePost) -> list[tuple[str, bytes]]:
    """The files the view lists (all of them)."""
    return list(post.attachments)


def _posts(now: datetime) -> dict[str, content.SamplePost]:
    return {ntt_no(p): p for p in content.sample_posts(now, "bbsntt-notice")}


class BbsNttSite:
    """The selectBbsNttList sample site."""

    prefix = "/bbsntt"
    session_cookie = "JSESSIONID"

    def boards(self, base_url: str) -> list[DemoBoard]:
        """The one board."""
        url = f"{base_url}{WWW}/selectBbsNttList.do?key={MENU_KEY}&bbsNo={BBS_NO}"
        return [DemoBoard("bbsntt-notice", "bbsntt", url, TITLE)]

    def handle(self, request: DemoRequest) -> DemoResponse:
        """The ``.do`` endpoints under ``/bbsntt/www`` and the editor images."""
        route = request.path[len(WWW) :] if request.path.startswith(WWW + "/") else ""
        if route in ("/selectBbsNttList.do", "/selectBbsNttView.do", "/checkBbsNttPassword.do"):
            if request.param("bbsNo") != BBS_NO and route != "/checkBbsNttPassword.do":
                return _alert("게시판 정보가 없습니다.")
            handler = {"/selectBbsNttList.do": _list, "/selectBbsNttView.do": _view}.get(route, _password_check)
            return handler(request)
        if route == "/downloadBbsFile.do":
            return _download(request)
        if route == "/previewBbsAtchmnfl.do":
            return _page("문서뷰어", '<div class="p-viewer"><iframe title="문서뷰어" src="about:blank"></iframe></div>')
        if route.startswith("/DATA/bbs/"):
            image = content.editor_image(route.rsplit("/", 1)[-1])
            if image is not None:
                return DemoResponse.file(image, None, content_type="image/jpeg")
        return DemoResponse.not_found()


def _query(page: int, ntt: str = "") -> str:
    """The query the CMS carries from page to page (menu, board, the post, search and page)."""
    post = f"&amp;nttNo={ntt}" if ntt else ""
    search = "&amp;searchCtgry=&amp;searchCnd=all&amp;searchKrwd="
    return f"key={MENU_KEY}&amp;bbsNo={BBS_NO}{post}{search}&amp;pageIndex={page}&amp;integrDeptCode="


def _list(request: DemoRequest) -> DemoResponse:
    now = _now(request)
    posts = list(_posts(now).values())
    page = max(_int(request.param("pageIndex")), 1)
    regular = [p for p in posts if not p.notice]
    notices = sorted((p for p in posts if p.notice), key=lambda p: -int(p.key)) if page == 1 else []
    pages = max(math.ceil(len(regular) / PAGE_UNIT), 1)
    start = (page - 1) * PAGE_UNIT
    rows = [_row(p, "", page, now) for p in notices]
    rows += [
        _row(p, str(len(regular) - start - k), page, now) for k, p in enumerate(regular[start : start + PAGE_UNIT])
    ]
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
        notice=not number,
        new=post.posted_at >= now - timedelta(days=NEW_DAYS),
        secret=post.secret,
        reply=bool(post.reply_depth),
        has_file=bool(post.attachments),
    )


def _view(request: DemoRequest) -> DemoResponse:
    number = request.param("nttNo")
    post = _posts(_now(request)).get(number)
    if post is None:
        return _alert("해당 게시물이 존재하지 않습니다.")
    page = max(_int(request.param("pageIndex")), 1)
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
    for number, post in _posts(_now(request)).items():
        for index, (name, data) in enumerate(listed_files(post)):
            if atchmnfl_no(post, index) != wanted:
                continue
            viewed = request.session.get("viewed")
            if not isinstance(viewed, set) or number not in viewed:
                return _alert("잘못된 접근입니다.")
            disposition = f"attachment; filename*=UTF-8''{quote(name, safe='')}"
            return DemoResponse.file(data, disposition, content_type="application/octet-stream; charset=UTF-8")
    return _alert("파일이 존재하지 않습니다.")


def _page(title: str, body: str) -> DemoResponse:
    return DemoResponse.html(tpl.document(title, body, MENU_KEY))


def _alert(message: str) -> DemoResponse:
    page = f'<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><script>alert("{message}");history.back();</script></head><body></body></html>'
    return DemoResponse.html(page)


def _now(request: DemoRequest) -> datetime:
    assert request.now is not None, "the server sets now on every request"
    return request.now


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


SITE = BbsNttSite()
