"""A Gnuboard 5 site (``basic`` skin) at ``/gnuboard5`` with one board, ``notice`` (공지사항).

It follows gnuboard5's own logic, quirks included: ``bbs/list.php`` pins the notices on page 1 only and
fills that page with ``page_rows`` rows in all (so it has fewer regular rows), ``get_list`` shows
``HH:MM`` for today and a year-less ``MM-DD`` otherwise, list titles are cut at 60 characters, ``&`` in
titles stays raw, every link uses ``&amp;``.  ``download.php`` serves a file only to the session that
viewed the post, with a nonce made for that session; anything else gets a 200 alert page.  Secret posts
redirect to ``password.php`` (the demo password is ``1234``).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping
from datetime import timedelta
from urllib.parse import quote, quote_plus

from noticetui.demo import assets, content, corpus
from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common
from noticetui.demo.sites import _gnuboard5_lib as lib
from noticetui.demo.templates import gnuboard5 as tpl
from noticetui.demo.templates import gnuboard5_view as vtpl

BO_TABLE = "notice"
BOARD_NAME = "g5-notice"
"""The board's name among the sample boards: it picks what the posts say (see ``demo.flavours``)."""
BO_SUBJECT = "공지사항"
SUBJECT_LEN = 60
"""``bo_subject_len``: list titles longer than this are cut and end in ``…``."""
PASSWORD = "1234"
"""The password of every secret post."""


class Gnuboard5Site(common.SampleSite):
    """The gnuboard5 sample site: ``bbs/*.php`` and ``data/*``, routed like the PHP files they stand for."""

    prefix = "/gnuboard5"
    board_table = (DemoBoard(BOARD_NAME, "gnuboard", f"{prefix}/bbs/board.php?bo_table={BO_TABLE}", BO_SUBJECT),)

    def handle(self, request: DemoRequest) -> DemoResponse:
        """Start the session, as common.php does on every page, then route."""
        _ = request.session
        return super().handle(request)

    def routes(self) -> Mapping[str, Handler]:
        """The ``bbs/*.php`` pages."""
        return {
            "/bbs/board.php": self._board_php,
            "/bbs/download.php": self._download,
            "/bbs/password.php": self._password,
            "/bbs/password_check.php": self._password_check,
            "/bbs/link.php": self._link,
            "/bbs/view_image.php": self._view_image,
        }

    def other(self, request: DemoRequest, route: str) -> DemoResponse:
        """``data/*`` (uploads, editor images) and the front page."""
        if route.startswith("/data/"):
            return self._data(request, route)
        if route in ("", "/", "/index.php"):
            board = self.boards(request.base_url)[0]
            body = f'<h2 id="container_title">{tpl.SITE_TITLE}</h2><p><a href="{board.url}">{BO_SUBJECT}</a></p>'
            return _page(tpl.document(_site(request), tpl.SITE_TITLE, body))
        return DemoResponse.not_found()

    # --- board.php -------------------------------------------------------------------------------

    def _board_php(self, request: DemoRequest) -> DemoResponse:
        site = _site(request)
        if request.param("bo_table") != BO_TABLE:
            return _alert(request, "존재하지 않는 게시판입니다.", site)
        wr_id = request.param("wr_id")
        if wr_id:
            return self._view(request, wr_id)
        return self._list(request)

    def _list(self, request: DemoRequest) -> DemoResponse:
        site, board = _site(request), lib.board_data(common.request_now(request), BOARD_NAME)
        page = max(common.php_int(request.param("page")), 1)
        sca = request.param("sca")
        qstr = lib.qstr(request)
        notices: list[content.SamplePost] = []
        if sca:
            regular = [p for p in board.posts if p.category == sca]
            total = len(regular)
        else:
            # bbs/list.php: notices are listed on the page where their index falls, i.e. page 1, and
            # are left out of the regular rows; the regular rows fill what the notices leave of page_rows.
            from_notice = (page - 1) * lib.PAGE_ROWS
            notices = [board.by_id[k] for i, k in enumerate(board.notices) if i >= from_notice][: lib.PAGE_ROWS]
            regular = [p for p in board.posts if p.key not in board.notices]
            total = len(board.posts)
        from_record = (page - 1) * lib.PAGE_ROWS
        rows_left = lib.PAGE_ROWS
        if board.notices and not sca:
            from_record = max(from_record - len(board.notices), 0)
            rows_left = lib.PAGE_ROWS - len(notices) if notices else lib.PAGE_ROWS
        shown = regular[from_record : from_record + rows_left] if rows_left > 0 else []
        list_num = total - (page - 1) * lib.PAGE_ROWS - len(notices)
        rows = [self._row(request, p, "공지", qstr) for p in notices]
        rows += [self._row(request, p, str(list_num - k), qstr) for k, p in enumerate(shown)]
        total_page = math.ceil(total / lib.PAGE_ROWS)
        list_url = f"{site}/bbs/board.php?bo_table={BO_TABLE}"
        paging_url = re.sub(r"(&amp;)?page=[0-9]*", "", f"{list_url}{qstr}") + "&amp;page="
        categories = [("전체", list_url)] + [
            (c, f"{list_url}&amp;sca={quote_plus(c)}") for c in sorted(set(corpus.CATEGORIES.values()))
        ]
        view = tpl.ListView(
            site,
            BO_TABLE,
            BO_SUBJECT,
            total,
            page,
            rows,
            tpl.paging(lib.WRITE_PAGES, page, total_page, paging_url),
            categories,
        )
        return _page(tpl.document(site, f"{BO_SUBJECT} {page} 페이지", tpl.list_skin(view), BO_TABLE))

    def _row(self, request: DemoRequest, post: content.SamplePost, num: str, qstr: str) -> tpl.ListRow:
        site, now = _site(request), common.request_now(request)
        list_url = f"{site}/bbs/board.php?bo_table={BO_TABLE}"
        return tpl.ListRow(
            num=num,
            notice=num == "공지",
            subject=tpl.get_text(tpl.cut_str(post.title, SUBJECT_LEN)),
            href=f"{list_url}&amp;wr_id={post.key}{qstr}",
            name_html=tpl.sideview(site, list_url, post.author_id, post.author),
            hits=post.views,
            # get_list(): today's posts show the time, all others month-day without a year.
            datetime2=f"{post.posted_at:%H:%M}" if post.posted_at.date() == now.date() else f"{post.posted_at:%m-%d}",
            category=post.category or "",
            category_href=f"{list_url}&amp;sca={quote_plus(post.category)}" if post.category else "",
            reply_depth=post.reply_depth,
            secret=post.secret,
            new=common.is_new(post, now, timedelta(hours=lib.NEW_HOURS)),
            hot=post.views >= lib.HOT_HITS,
            has_file=bool(post.attachments),
            has_link=bool(post.links),
            comments=post.comments,
        )

    def _view(self, request: DemoRequest, wr_id: str) -> DemoResponse:
        site, board = _site(request), lib.board_data(common.request_now(request), BOARD_NAME)
        list_url = f"{site}/bbs/board.php?bo_table={BO_TABLE}"
        post = board.by_id.get(wr_id)
        if post is None:
            return _alert(request, "글이 존재하지 않습니다.\\n\\n글이 삭제되었거나 이동된 경우입니다.", list_url)
        qstr = lib.qstr(request)
        if post.secret and not request.session.get(f"ss_secret_{BO_TABLE}_{wr_id}"):
            target = f"{site}/bbs/password.php?w=s&amp;bo_table={BO_TABLE}&amp;wr_id={wr_id}{qstr}"
            return _with_session_headers(DemoResponse.redirect(target.replace("&amp;", "&")))
        # view.php: this flag is what download.php checks.
        request.session[f"ss_view_{BO_TABLE}_{wr_id}"] = True
        nonce = lib.make_nonce(request.session_id, BO_TABLE, wr_id, time.time())
        images, files = [], []
        for no, (name, data) in enumerate(post.attachments):
            stored = lib.stored_name(wr_id, no, name)
            if name.lower().endswith(lib.IMAGE_EXT):
                width, height = assets.IMAGE_SIZES.get(lib.asset_of(data), (0, 0))
                href = f"{site}/bbs/view_image.php?bo_table={BO_TABLE}&amp;fn={quote_plus(stored)}"
                images.append(vtpl.ImageItem(href, f"{site}/data/file/{BO_TABLE}/{stored}", width, height))
            else:
                href = (
                    f"{site}/bbs/download.php?bo_table={BO_TABLE}&amp;wr_id={wr_id}&amp;no={no}&amp;nonce={nonce}{qstr}"
                )
                downloads = (int(wr_id) * 37 + no * 11) % 120
                files.append(
                    vtpl.FileItem(
                        href, name, lib.get_filesize(len(data)), downloads, f"{post.posted_at:%Y-%m-%d %H:%M:%S}"
                    )
                )
        links = [
            (
                f"{site}/bbs/link.php?bo_table={BO_TABLE}&amp;wr_id={wr_id}&amp;no={i}{qstr}",
                tpl.cut_str(link, 70),
                int(wr_id) % 9,
            )
            for i, link in enumerate(post.links, start=1)
        ]
        index = board.posts.index(post)
        view = vtpl.PostView(
            site=site,
            subject=tpl.cut_str(tpl.get_text(post.title), 70),
            name_html=tpl.sideview(site, list_url, post.author_id, post.author),
            comments=post.comments,
            hits=post.views,
            date=f"{post.posted_at:%y-%m-%d %H:%M}",
            content=post.body_for(f"{site}/data/editor"),
            list_href=f"{list_url}{qstr}",
            category=post.category or "",
            images=images,
            files=files,
            links=links,
            prev=self._neighbour(site, board.posts[index - 1], qstr) if index > 0 else None,
            next=self._neighbour(site, board.posts[index + 1], qstr) if index + 1 < len(board.posts) else None,
            comment_items=[
                vtpl.CommentItem(
                    str(int(wr_id) + i + 1), c.author, c.posted_at.isoformat(), f"{c.posted_at:%y-%m-%d %H:%M}", c.text
                )
                for i, c in enumerate(post.comment_list())
            ],
        )
        title = f"{tpl.get_text(post.title)} > {BO_SUBJECT}"
        return _page(tpl.document(site, title, vtpl.view_skin(view), BO_TABLE))

    def _neighbour(self, site: str, post: content.SamplePost, qstr: str) -> vtpl.Neighbour:
        href = f"{site}/bbs/board.php?bo_table={BO_TABLE}&amp;wr_id={post.key}{qstr}"
        return vtpl.Neighbour(href, tpl.get_text(post.title), f"{post.posted_at:%y.%m.%d}")

    # --- download.php and friends ----------------------------------------------------------------

    def _download(self, request: DemoRequest) -> DemoResponse:
        site, board = _site(request), lib.board_data(common.request_now(request), BOARD_NAME)
        wr_id = request.param("wr_id")
        if request.param("bo_table") != BO_TABLE:
            return _alert(request, "존재하지 않는 게시판입니다.", site)
        # Links from elsewhere are refused: only a session that viewed the post may download its files.
        if not request.session.get(f"ss_view_{BO_TABLE}_{wr_id}"):
            return _alert(request, "잘못된 접근입니다.")
        post = board.by_id.get(wr_id)
        no = common.php_int(request.param("no"))
        if post is None or not 0 <= no < len(post.attachments):
            return _page(tpl.alert_close(site, "파일 정보가 존재하지 않습니다."))
        nonce = re.sub(r"[^0-9a-z|]", "", request.param("nonce"), flags=re.I)
        if not lib.nonce_is_valid(nonce, request.session_id, BO_TABLE, wr_id, time.time()):
            msg = "토큰 유효시간이 지났거나 토큰이 유효하지 않습니다.\\n브라우저를 새로고침 후 다시 시도해 주세요."
            return _alert(request, msg, site)
        name, data = post.attachments[no]
        # PHP's rawurlencode: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded (spaces as %20).
        disposition = f'attachment; filename="{quote(name, safe="")}"'
        extra = [("content-description", "php generated data"), ("pragma", "no-cache"), ("expires", "0")]
        response = DemoResponse.file(data, disposition, content_type="file/unknown", extra=extra)
        response.headers.insert(0, ("X-Powered-By", "PHP/8.2.12"))
        return response

    def _password(self, request: DemoRequest) -> DemoResponse:
        site = _site(request)
        form = vtpl.password_skin(
            "비밀글 열람", f"{site}/bbs/password_check.php", BO_TABLE, request.param("wr_id"), request.param("page")
        )
        return _page(tpl.document(site, "비밀글 열람", form, BO_TABLE))

    def _password_check(self, request: DemoRequest) -> DemoResponse:
        site, board = _site(request), lib.board_data(common.request_now(request), BOARD_NAME)
        wr_id = request.param("wr_id")
        if wr_id not in board.by_id:
            return _alert(request, "글이 존재하지 않습니다.\\n\\n글이 삭제되었거나 이동된 경우입니다.")
        if request.form.get("wr_password", [""])[0] != PASSWORD:
            return _alert(request, "비밀번호가 틀립니다.")
        request.session[f"ss_secret_{BO_TABLE}_{wr_id}"] = True
        page = request.param("page")
        target = f"{site}/bbs/board.php?bo_table={BO_TABLE}&wr_id={wr_id}" + (f"&page={page}" if page else "")
        return _with_session_headers(DemoResponse.redirect(target))

    def _link(self, request: DemoRequest) -> DemoResponse:
        post = lib.board_data(common.request_now(request), BOARD_NAME).by_id.get(request.param("wr_id"))
        no = common.php_int(request.param("no"))
        if post is None or not 1 <= no <= len(post.links):
            return _page(tpl.alert_close(_site(request), "링크가 없습니다."))
        return _with_session_headers(DemoResponse.redirect(post.links[no - 1]))

    def _view_image(self, request: DemoRequest) -> DemoResponse:
        site, fn = _site(request), request.param("fn")
        if fn not in lib.board_data(common.request_now(request), BOARD_NAME).stored:
            return _page(tpl.alert_close(site, "파일이 존재하지 않습니다."))
        body = f'<div><img src="{site}/data/file/{BO_TABLE}/{fn}" alt=""></div>'
        return _page(tpl.document(site, "이미지 크게보기", body, BO_TABLE))

    def _data(self, request: DemoRequest, route: str) -> DemoResponse:
        board = lib.board_data(common.request_now(request), BOARD_NAME)
        name = route.rsplit("/", 1)[-1]
        if route.startswith(f"/data/file/{BO_TABLE}/") and name in board.stored:
            wr_id, no = board.stored[name]
            data = board.by_id[wr_id].attachments[no][1]
            return DemoResponse.file(
                data, None, content_type="image/jpeg" if name.endswith(".jpg") else "application/octet-stream"
            )
        return common.editor_image(route) if route.startswith("/data/editor/") else DemoResponse.not_found()


def _site(request: DemoRequest) -> str:
    return common.site_url(request, Gnuboard5Site.prefix)


def _alert(request: DemoRequest, msg: str, url: str = "") -> DemoResponse:
    """``alert()``: a 200 page whose script shows ``msg`` and goes to ``url``, or the Referer, or back."""
    if not url:
        url = request.headers.get("referer", "")
        url = re.sub(r"[<>'\"\\()]", "", url)
        url = re.sub(r"[^\x20-\x7e]", "", url)
    return _page(tpl.alert(_site(request), msg, url))


def _with_session_headers(response: DemoResponse) -> DemoResponse:
    response.headers[:0] = common.PHP_SESSION_HEADERS
    return response


def _page(html: str) -> DemoResponse:
    # common.php sends the charset header itself, and session_start() its no-cache headers.
    return _with_session_headers(DemoResponse.html(html))


SITE = Gnuboard5Site()
