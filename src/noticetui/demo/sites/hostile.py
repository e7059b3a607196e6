"""A hostile board at ``/hostile``: Gnuboard 5 markup whose text and files are written to do harm.

The pages are the ``basic`` skin of the gnuboard5 site (so the ``gnuboard`` engine reads them), but the
posts (:mod:`noticetui.demo.templates.hostile`) carry raw control characters, escape sequences, bidi
overrides, Rich markup, 100,000-character words, 5,000 levels of nesting and dangerous links, and the
attachments have names that try to leave the download folder.  Downloads need no session: the names
in ``Content-Disposition`` are the attack, percent-encoded as PHP's ``rawurlencode`` writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import lru_cache
from html import escape
from urllib.parse import quote

from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common
from noticetui.demo.templates import gnuboard5 as tpl
from noticetui.demo.templates import gnuboard5_view as vtpl
from noticetui.demo.templates import hostile as content

PREFIX = "/hostile"
BO_TABLE = "hostile"
BO_SUBJECT = "악성 입력 시험"


@lru_cache(maxsize=1)
def _posts() -> tuple[content.HostilePost, ...]:
    return tuple(content.posts())


def file_data(key: str, no: int) -> bytes:
    """The bytes of attachment ``no`` of post ``key``."""
    return f"hostile attachment {key}/{no}\n".encode()


class HostileSite(common.SampleSite):
    """The hostile sample site: ``bbs/board.php`` (list and view) and ``bbs/download.php``."""

    prefix = PREFIX
    board_table = (
        DemoBoard("hostile", "gnuboard", f"{PREFIX}/bbs/board.php?bo_table={BO_TABLE}", BO_SUBJECT, showcase=False),
    )

    def routes(self) -> Mapping[str, Handler]:
        """The two pages."""
        return {"/bbs/board.php": self._board_php, "/bbs/download.php": self._download}

    def _board_php(self, request: DemoRequest) -> DemoResponse:
        if request.param("bo_table") != BO_TABLE:
            return DemoResponse.not_found()
        wr_id = request.param("wr_id")
        return self._view(request, wr_id) if wr_id else self._list(request)

    def _list(self, request: DemoRequest) -> DemoResponse:
        site, now = _site(request), common.request_now(request)
        list_url = f"{site}/bbs/board.php?bo_table={BO_TABLE}"
        rows = [
            tpl.ListRow(
                num=str(len(_posts()) - i),
                notice=False,
                subject=tpl.cut_str(post.title, 60),
                href=f"{list_url}&amp;wr_id={post.key}",
                name_html=tpl.sideview(site, list_url, None, post.author),
                hits=i,
                datetime2=f"{_posted(now, i):%H:%M}"
                if _posted(now, i).date() == now.date()
                else f"{_posted(now, i):%m-%d}",
                has_file=bool(post.files),
            )
            for i, post in enumerate(_posts())
        ]
        view = tpl.ListView(
            site, BO_TABLE, BO_SUBJECT, len(rows), 1, rows, tpl.paging(10, 1, 1, f"{list_url}&amp;page=")
        )
        return DemoResponse.html(tpl.document(site, BO_SUBJECT, tpl.list_skin(view), BO_TABLE))

    def _view(self, request: DemoRequest, wr_id: str) -> DemoResponse:
        site, now = _site(request), common.request_now(request)
        index = next((i for i, p in enumerate(_posts()) if p.key == wr_id), None)
        if index is None:
            return DemoResponse.not_found()
        post = _posts()[index]
        download = f"{site}/bbs/download.php?bo_table={BO_TABLE}&amp;wr_id={wr_id}&amp;no="
        files = [
            vtpl.FileItem(f"{download}{no}", escape(name, quote=False), "24byte", 0, f"{_posted(now, index):%Y-%m-%d}")
            for no, name in enumerate(post.files)
        ]
        list_url = f"{site}/bbs/board.php?bo_table={BO_TABLE}"
        view = vtpl.PostView(
            site=site,
            subject=post.title,
            name_html=tpl.sideview(site, list_url, None, post.author),
            comments=0,
            hits=index,
            date=f"{_posted(now, index):%y-%m-%d %H:%M}",
            content=post.body,
            list_href=list_url,
            files=files,
        )
        return DemoResponse.html(tpl.document(site, f"{post.title} > {BO_SUBJECT}", vtpl.view_skin(view), BO_TABLE))

    def _download(self, request: DemoRequest) -> DemoResponse:
        post = next((p for p in _posts() if p.key == request.param("wr_id")), None)
        no = common.whole_number(request.param("no"), -1)
        if post is None or not 0 <= no < len(post.files):
            return DemoResponse.not_found()
        disposition = f'attachment; filename="{quote(post.files[no], safe="")}"'
        return DemoResponse.file(file_data(post.key, no), disposition, content_type="file/unknown")


def _posted(now: datetime, index: int) -> datetime:
    return now - timedelta(hours=3 * index + 1)


def _site(request: DemoRequest) -> str:
    return common.site_url(request, PREFIX)


SITE = HostileSite()
