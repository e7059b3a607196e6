"""A sample Rhymix / XpressEngine site: two boards in the real skins' markup, with the file module's rules.

``/rhymix/index.php?mid=notice`` is a current Rhymix board (``default`` skin, query URLs) and
``/rhymix/free`` an XE 1.x-era one (``xedition`` skin, rewritten URLs); :mod:`noticetui.demo.rhymix_data`
says how they differ.  Both answer in either URL form, as the web server's rewrite rules do: ``/free``,
``/free/page/2``, ``/free/category/201``, ``/free/3070``, a bare ``/3070`` and ``index.php?document_srl=``.
A post's page shows the post above the list page it is on, with its row marked ``&raquo;``.
"""

from __future__ import annotations

from dataclasses import dataclass

from noticetui.demo.content import editor_image
from noticetui.demo.http import DemoRequest, DemoResponse
from noticetui.demo.rhymix_data import BOARDS, PREFIX, BoardSetup, Document, board, document, documents
from noticetui.demo.rhymix_files import download, output
from noticetui.demo.rhymix_pages import View, board_page, board_path, message
from noticetui.demo.rhymix_skins import board_list, read_page
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common


@dataclass(frozen=True)
class _Target:
    """What a request asks the board module for."""

    mid: str | None
    srl: int | None = None
    page: int | None = None
    category: int | None = None


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _route(rest: str, request: DemoRequest) -> _Target | None:
    """The board, post, page and category named by a query URL or a rewritten path (None: no such route)."""
    page, category = _number(request.param("page")), _number(request.param("category"))
    segments = [s for s in rest.split("/") if s]
    if segments in ([], ["index.php"]):
        return _Target(request.param("mid") or None, _number(request.param("document_srl")), page, category)
    if len(segments) == 1 and segments[0].isdigit():
        return _Target(None, int(segments[0]), page, category)
    mid, tail = segments[0], segments[1:]
    if tail[:1] == ["category"] and len(tail) >= 2 and tail[1].isdigit():
        category, tail = int(tail[1]), tail[2:]
    if tail[:1] == ["page"] and len(tail) == 2 and tail[1].isdigit():
        return _Target(mid, None, int(tail[1]), category)
    if len(tail) == 1 and tail[0].isdigit():
        return _Target(mid, int(tail[0]), page, category)
    return _Target(mid, None, page, category) if not tail else None


def _message(view: View, status: int, text: str) -> DemoResponse:
    """The system message page with an HTTP status, as Rhymix answers for missing pages and posts."""
    return DemoResponse.html(message(view, text), status=status)


class RhymixSite(common.SampleSite):
    """The ``/rhymix`` site."""

    prefix = PREFIX
    board_table = tuple(DemoBoard(f"rhymix-{b.mid}", "rhymix", board_path(b), b.title) for b in BOARDS)
    """The two boards, at the URL each shows in its own menu link."""

    def handle(self, request: DemoRequest) -> DemoResponse:
        """Route a request to the file module, an editor image or a board page."""
        rest = request.path[len(PREFIX) :]
        if rest.startswith("/files/attach/images/"):
            data = editor_image(rest.rsplit("/", 1)[-1])
            return DemoResponse.file(data, None, "image/jpeg") if data else DemoResponse.not_found()
        act = request.param("act")

        def render(text: str, setup: BoardSetup) -> str:
            return message(self._view(request, setup), text)

        if act == "procFileDownload":
            return download(request, render)
        if act == "procFileOutput":
            return output(request, render)
        target = _route(rest, request)
        if target is None:
            return DemoResponse.not_found()
        if act:  # writing, searching by tag…: not part of the sample
            return _message(self._view(request, BOARDS[0]), 400, "잘못된 요청입니다.")
        return self._board(request, target)

    def _view(
        self,
        request: DemoRequest,
        setup: BoardSetup,
        page: int = 1,
        target: _Target | None = None,
        read: Document | None = None,
    ) -> View:
        assert request.now is not None
        return View(
            setup,
            request.base_url,
            request.base_url + request.raw_target,
            request.now,
            page=page,
            page_in_url=target is not None and target.page is not None,
            category=target.category if target is not None else None,
            read=read,
        )

    def _board(self, request: DemoRequest, target: _Target) -> DemoResponse:
        assert request.now is not None
        read: Document | None = document(target.srl, request.now) if target.srl is not None else None
        setup = board(target.mid) if target.mid else (read.board if read is not None else BOARDS[0])
        if setup is None:
            return _message(self._view(request, BOARDS[0]), 404, "요청하신 페이지를 찾을 수 없습니다.")
        if target.srl is not None and (read is None or read.board != setup):
            return _message(self._view(request, setup), 404, "대상을 찾을 수 없습니다.")
        if setup.legacy:
            _ = request.session  # XE starts a PHP session on every page; Rhymix waits until one is needed
        docs = documents(setup, request.now)
        if target.category is not None:
            docs = [d for d in docs if d.category_srl == target.category]
        notices = [d for d in docs if d.post.notice]
        regular = [d for d in docs if not (setup.except_notice and d.post.notice)]
        page = target.page or 1
        if target.page is None and read is not None and read in regular:
            page = regular.index(read) // setup.list_count + 1  # the board shows the page the post is on
        view = self._view(request, setup, page, target, read)
        rows = regular[(page - 1) * setup.list_count : page * setup.list_count]
        read_html = read_page(view, read) if read is not None else ""
        return DemoResponse.html(board_page(view, read_html, board_list(view, notices, rows, len(regular))))


SITE = RhymixSite()
