"""A city hall's home-grown CMS at ``/plain``, in markup no board engine claims (the generic engine's site).

Two boards, both served in EUC-KR:

- ``/plain/news`` (시정소식): a ``<ul class="news">`` of ``<li>`` items, 10 a page under the 2 notices,
  which are pinned again on every page; ``?page=N``; titles longer than 40 characters cut with "…" (the
  ``title`` attribute keeps them whole); a secret post whose page asks for a password (``1234``); view
  pages in a ``div`` layout with the body among menus, a "most read" box and a long footer.
- ``/plain/table`` (고시공고): a table with the columns 번호, 분류, 제목, 담당부서, 첨부, 게시일, 조회수,
  15 rows a page after the notices (page 1 only), ``?pageIndex=N``, and old ``table``-layout view pages.
  The questions (문의) are not on it.

Files are served only with a Referer from the post's own view page (else a short HTML error page with
status 200), named in RFC 5987 ``filename*=UTF-8''…`` with an ASCII fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from urllib.parse import quote

from noticetui.demo import content
from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common
from noticetui.demo.templates import plain as tpl

PREFIX = "/plain"
NEWS_ROWS = 10
"""Regular rows a news page shows under the pinned notices."""
TABLE_ROWS = 15
"""Regular rows a table page shows (page 1 also shows the notices)."""
TITLE_LEN = 40
"""News list titles longer than this are cut and end in "…"."""
PASSWORD = "1234"
CHARSET = "euc-kr"
_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


@dataclass(frozen=True)
class Board:
    """One board's posts in list order."""

    key: str
    title: str
    posts: tuple[content.SamplePost, ...]

    @property
    def notices(self) -> list[content.SamplePost]:
        """The pinned posts, newest first."""
        return [p for p in self.posts if p.notice]

    @property
    def regular(self) -> list[content.SamplePost]:
        """The posts listed in date order."""
        return [p for p in self.posts if not p.notice]

    def post(self, idx: str) -> content.SamplePost | None:
        """The post called ``idx``."""
        return next((p for p in self.posts if p.key == idx), None)


@lru_cache(maxsize=8)
def boards(now: datetime) -> dict[str, Board]:
    """Both boards' posts for the server's ``now`` (the ground truth of the tests)."""
    table = content.sample_posts(now, "plain-table")
    return {
        "news": Board("news", "시정소식", tuple(content.sample_posts(now, "plain-news"))),
        "table": Board("table", "고시공고", tuple(p for p in table if p.kind != "문의")),
    }


def news_pages(now: datetime) -> int:
    """How many list pages the news board has."""
    return common.page_count(len(boards(now)["news"].regular), NEWS_ROWS)


def table_pages(now: datetime) -> int:
    """How many list pages the table board has."""
    return common.page_count(len(boards(now)["table"].regular), TABLE_ROWS)


class PlainSite(common.SampleSite):
    """The ``/plain`` sample site: the lists, views, files, password form, images and icons."""

    prefix = PREFIX
    session_cookie = "JSESSIONID"
    board_table = (
        # The news list is found by the generic engine; the table board by it or by a CSS profile.
        DemoBoard("plain-news", "generic", f"{PREFIX}/news", "시정소식"),
        DemoBoard("plain-table", "generic", f"{PREFIX}/table", "고시공고"),
    )

    def route(self, request: DemoRequest) -> str:
        """The path under the prefix, without a trailing slash (``/news/`` is ``/news``)."""
        return super().route(request).rstrip("/")

    def routes(self) -> Mapping[str, Handler]:
        """Each board's list, view, download and preview, and the news board's password form."""
        pages: dict[str, Handler] = {
            "/news": self._news_list,
            "/table": self._table_list,
            "/news/password": self._password,
        }
        for kind in ("news", "table"):
            pages.update(
                {f"/{kind}/view": self._view, f"/{kind}/download": self._download, f"/{kind}/preview": self._preview}
            )
        return pages

    def other(self, request: DemoRequest, route: str) -> DemoResponse:
        """Editor images, icons and the front page."""
        if route.startswith("/upload/editor/"):
            return common.editor_image(route)
        if route.startswith("/img/"):
            return DemoResponse.file(_GIF, None, "image/gif")
        if route in ("", "/index.do"):
            links = "".join(f'<li><a href="{b.url}">{b.title}</a></li>' for b in self.boards(request.base_url))
            return _page(request, "열린시정", "열린시정", f"<ul>{links}</ul>")
        return DemoResponse.not_found()

    # --- lists -----------------------------------------------------------------------------------

    def _news_list(self, request: DemoRequest) -> DemoResponse:
        now, board = common.request_now(request), boards(common.request_now(request))["news"]
        page = max(1, _lenient_int(request.param("page")))
        shown = board.regular[(page - 1) * NEWS_ROWS : page * NEWS_ROWS]
        items = [self._news_item(request, p, page) for p in [*board.notices, *shown]]
        pages = news_pages(now)
        markup = tpl.news_list(items, len(board.posts), page, pages, tpl.paging("page", page, pages))
        return _page(request, board.title, board.title, markup)

    def _news_item(self, request: DemoRequest, post: content.SamplePost, page: int) -> tpl.NewsItem:
        title = post.title if len(post.title) <= TITLE_LEN else post.title[:TITLE_LEN] + "…"
        return tpl.NewsItem(
            href=f"{PREFIX}/news/view?idx={post.key}&page={page}",
            title=title,
            full_title=post.title,
            dept=post.author,
            date=f"{post.posted_at:%Y-%m-%d}",
            views=post.views,
            notice=post.notice,
            secret=post.secret,
            new=common.is_new(post, common.request_now(request), timedelta(days=1)),
            comments=post.comments,
        )

    def _table_list(self, request: DemoRequest) -> DemoResponse:
        board = boards(common.request_now(request))["table"]
        page = max(1, _lenient_int(request.param("pageIndex")))
        rows = [self._table_row(p, "공지", page) for p in (board.notices if page == 1 else [])]
        rows += [
            self._table_row(p, number, page) for number, p in common.numbered_page(board.regular, page, TABLE_ROWS)
        ]
        pages = table_pages(common.request_now(request))
        markup = tpl.table_list(rows, len(board.posts), tpl.paging("pageIndex", page, pages))
        return _page(request, board.title, board.title, markup)

    def _table_row(self, post: content.SamplePost, number: str, page: int) -> tpl.TableRow:
        return tpl.TableRow(
            number=number,
            category=post.category or "일반",
            href=f"{PREFIX}/table/view?idx={post.key}&pageIndex={page}",
            title=post.title,
            dept=post.author,
            has_file=bool(post.attachments),
            date=f"{post.posted_at:%Y.%m.%d}",
            views=post.views,
        )

    # --- views -----------------------------------------------------------------------------------

    def _view(self, request: DemoRequest) -> DemoResponse:
        kind = request.path[len(PREFIX) :].split("/")[1]
        board = boards(common.request_now(request))[kind]
        idx = request.param("idx")
        post = board.post(idx)
        if post is None:
            return _page(request, "오류", board.title, '<p class="msg">존재하지 않는 게시물입니다.</p>')
        if post.secret and not request.session.get(f"secret-{idx}"):
            form = tpl.password_form(f"{PREFIX}/news/password", idx)
            return _page(request, "비밀글", board.title, form)
        at = board.posts.index(post)
        base = f"{PREFIX}/{kind}"
        near = [board.posts[i] if 0 <= i < len(board.posts) else None for i in (at - 1, at + 1)]
        stamp = "%Y-%m-%d %H:%M" if kind == "news" else "%Y.%m.%d %H:%M"
        view = tpl.View(
            board=kind,
            board_title=board.title,
            title=post.title,
            dept=post.author,
            date=post.posted_at.strftime(stamp),
            views=post.views,
            body=post.body_for(f"{request.base_url}{PREFIX}/upload/editor"),
            files=[
                tpl.FileLink(
                    f"{base}/download?idx={idx}&fileNo={no}",
                    name,
                    _size(len(data)),
                    f"{base}/preview?idx={idx}&fileNo={no}" if kind == "news" else "",
                )
                for no, (name, data) in enumerate(post.attachments)
            ],
            list_href=f"{base}?{'page' if kind == 'news' else 'pageIndex'}=1",
            prev=(f"{base}/view?idx={near[0].key}", near[0].title) if near[0] else None,
            next=(f"{base}/view?idx={near[1].key}", near[1].title) if near[1] else None,
        )
        markup = tpl.news_view(view) if kind == "news" else tpl.table_view(view)
        return _page(request, post.title, board.title, markup)

    def _password(self, request: DemoRequest) -> DemoResponse:
        idx = request.param("idx")
        if request.method != "POST" or request.param("pwd") != PASSWORD:
            return _page(request, "비밀글", "시정소식", '<p class="msg">비밀번호가 일치하지 않습니다.</p>')
        request.session[f"secret-{idx}"] = True
        return DemoResponse.redirect(f"{request.base_url}{PREFIX}/news/view?idx={idx}")

    # --- files -----------------------------------------------------------------------------------

    def _file(self, request: DemoRequest) -> tuple[str, content.SamplePost, int] | None:
        kind = request.path[len(PREFIX) :].split("/")[1]
        post = boards(common.request_now(request))[kind].post(request.param("idx"))
        no = _lenient_int(request.param("fileNo"))
        if post is None or post.secret or not 0 <= no < len(post.attachments):
            return None
        return kind, post, no

    def _download(self, request: DemoRequest) -> DemoResponse:
        found = self._file(request)
        if found is None:
            return DemoResponse.html(tpl.error_page("파일이 존재하지 않습니다."), charset=CHARSET)
        kind, post, no = found
        referer = request.headers.get("referer", "")
        # Hot-link protection: only the post's own page may link to its files.
        if f"{PREFIX}/{kind}/view?" not in referer or f"idx={post.key}" not in referer:
            return DemoResponse.html(tpl.error_page("정상적인 경로로 접근하여 주십시오."), charset=CHARSET)
        name, data = post.attachments[no]
        ext = name.rsplit(".", 1)[-1] if "." in name else "bin"
        disposition = f"attachment; filename=\"download.{ext}\"; filename*=UTF-8''{quote(name, safe='')}"
        return DemoResponse.file(data, disposition, "application/octet-stream;charset=UTF-8")

    def _preview(self, request: DemoRequest) -> DemoResponse:
        found = self._file(request)
        name = found[1].attachments[found[2]][0] if found else "?"
        return _page(
            request, "문서 미리보기", "문서 미리보기", f'<div class="viewer"><p>{name} 변환 중입니다…</p></div>'
        )


def _lenient_int(text: str) -> int:
    # This CMS keeps every digit and drops the rest: "2a1" is page 21.
    digits = "".join(c for c in text.strip() if c.isdigit())
    return int(digits) if digits else 0


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size:,} bytes"


def _page(request: DemoRequest, title: str, section: str, markup: str) -> DemoResponse:
    site = f"{request.base_url}{PREFIX}"
    news = boards(common.request_now(request))["news"].regular
    popular = sorted(news, key=lambda p: -p.views)[:5]
    side = [(f"{PREFIX}/news/view?idx={p.key}", p.title, f"{p.posted_at:%Y.%m.%d}") for p in popular]
    return DemoResponse.html(tpl.document(site, title, section, markup, side), charset=CHARSET)


SITE = PlainSite()
