"""A WordPress site with KBoard at ``/kboard``: 공지사항 at ``/kboard/notice/`` (pretty permalinks, the
current ``default`` skin) and 자료실 at ``/kboard/?page_id=5`` (plain permalinks, an older copy of the skin
with image icons and the author menu).  Both boards list the same sample posts.

It follows KBoard's own logic, quirks included: ``KBUrl`` rebuilds every link from the request's query
(so a document link keeps ``page_id`` and ``pageid``), ``esc_url`` writes ``&#038;`` in hrefs while
``kboard_pagination`` writes a raw ``&`` and the download button's ``onclick`` is not escaped at all; notices
head every list page; today's posts show ``H:i``.  ``fileDownload`` refuses with ``wp_die`` (status 500)
only when the nonce is bad *and* no same-site Referer came; it sends the name as raw UTF-8 bytes with
spaces turned into ``-`` (EUC-KR for Internet Explorer).  Real WordPress gives every logged-out visitor the
same nonce; this site ties it to the PHP session, as sites that filter ``nonce_user_logged_out`` do, so a
client has to keep its cookies.  Views do not count up, so what a test reads stays fixed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

from noticetui.demo import content
from noticetui.demo.http import DemoRequest, DemoResponse
from noticetui.demo.kboard_wp import (
    has_referer,
    kb_url,
    make_nonce,
    mime_type,
    nonce_is_valid,
    pagination_query,
    sanitize_key,
)
from noticetui.demo.sites import DemoBoard
from noticetui.demo.sites import _common as common
from noticetui.demo.templates import kboard as tpl
from noticetui.demo.templates import kboard_view as vtpl

PAGE_RPP = 20
"""``page_rpp``: posts per list page (notices and replies come on top)."""
NEW_SECONDS = 86400
"""``kboard_new_document_notify_time``: how long a post shows the New mark."""
PASSWORD = "1234"
"""The password of every secret post."""
RESTRICTED = "This page is restricted from external access."
_PAGE_HEADERS = [*common.PHP_SESSION_HEADERS, ("Link", '</kboard/wp-json/>; rel="https://api.w.org/"')]


@dataclass(frozen=True)
class _Conf:
    """One board: the WordPress page that hosts it and how its copy of the skin looks."""

    id: int
    name: str
    title: str
    route: str
    """The page's path under the prefix (``/notice/``; ``/`` for the ``?page_id=`` page)."""
    page_id: int
    image_icons: bool
    author_menu: bool


_NOTICE = _Conf(1, "kboard-notice", "공지사항", "/notice/", 12, image_icons=False, author_menu=False)
_DATA = _Conf(2, "kboard-data", "자료실", "/", 5, image_icons=True, author_menu=True)


@dataclass(frozen=True)
class _Posts:
    """The sample posts as KBoard lists them."""

    by_uid: dict[str, content.SamplePost]
    notices: tuple[content.SamplePost, ...]
    regular: tuple[content.SamplePost, ...]
    """Top-level posts that are not notices, newest first."""
    replies: dict[str, tuple[content.SamplePost, ...]]
    uids: tuple[int, ...]
    """Every uid in ascending order (for the previous/next links)."""


UID_OFFSET = {"kboard-notice": 0, "kboard-data": 1000}
"""KBoard keeps every board's documents in one table: uids are unique across boards."""


@lru_cache(maxsize=8)
def board_posts(name: str, now: datetime) -> tuple[content.SamplePost, ...]:
    """The ground truth of board ``name``: its sample posts, keyed by their site-wide uid."""
    offset = UID_OFFSET[name]

    def uid(key: str | None) -> str | None:
        return None if key is None else str(int(key) + offset)

    return tuple(replace(p, key=str(uid(p.key)), parent_key=uid(p.parent_key)) for p in content.sample_posts(now, name))


@lru_cache(maxsize=8)
def _posts(now: datetime, name: str) -> _Posts:
    posts = sorted(board_posts(name, now), key=lambda p: -int(p.key))
    replies: dict[str, list[content.SamplePost]] = {}
    for p in reversed(posts):
        if p.parent_key is not None:
            replies.setdefault(p.parent_key, []).append(p)
    return _Posts(
        by_uid={p.key: p for p in posts},
        notices=tuple(p for p in posts if p.notice),
        regular=tuple(p for p in posts if not p.notice and p.parent_key is None),
        replies={k: tuple(v) for k, v in replies.items()},
        uids=tuple(sorted(int(p.key) for p in posts)),
    )


class KBoardSite(common.SampleSite):
    """The KBoard sample site."""

    prefix = "/kboard"
    board_table = (
        # 공지사항 on a permalink page, 자료실 on ``?page_id=5``.
        DemoBoard(_NOTICE.name, "kboard", f"{prefix}{_NOTICE.route}", _NOTICE.title),
        DemoBoard(_DATA.name, "kboard", f"{prefix}/?page_id={_DATA.page_id}", _DATA.title),
    )

    def handle(self, request: DemoRequest) -> DemoResponse:
        """Route like WordPress: KBoard's ``action`` first, then uploads, then pages by permalink."""
        _ = request.session  # KBoard starts a PHP session on every request
        route = request.path[len(self.prefix) :]
        if request.param("action") == "kboard_file_download":
            return self._download(request)
        if route.startswith("/wp-content/uploads/kboard_attached/"):
            image = content.editor_image(route.rsplit("/", 1)[-1])
            return DemoResponse.file(image, None, "image/jpeg") if image else self._not_found(request)
        redirect = request.param("kboard_content_redirect")
        if redirect in _posts(common.request_now(request), _NOTICE.name).by_uid:
            target = f"{_site(request)}{_NOTICE.route}?mod=document&uid={redirect}"
            return _headers(DemoResponse.redirect(target))
        if redirect in _posts(common.request_now(request), _DATA.name).by_uid:
            target = f"{_site(request)}/?page_id={_DATA.page_id}&mod=document&uid={redirect}"
            return _headers(DemoResponse.redirect(target))
        if route == "/notice":
            query = urlsplit(request.raw_target).query
            return _headers(DemoResponse.redirect(f"{_site(request)}/notice/" + (f"?{query}" if query else ""), 301))
        if route == _NOTICE.route:
            return self._board(request, _NOTICE)
        if route in ("", "/"):
            page_id = request.param("page_id")
            if page_id == str(_DATA.page_id):
                return self._board(request, _DATA)
            if not page_id:
                return self._front(request)
        return self._not_found(request)

    # --- pages -----------------------------------------------------------------------------------

    def _front(self, request: DemoRequest) -> DemoResponse:
        links = "".join(f'<li><a href="{tpl.esc_url(b.url)}">{b.title}</a></li>' for b in self.boards(request.base_url))
        return _page(request, tpl.SITE_TITLE, f"<p>{tpl.SITE_TITLE}에 오신 것을 환영합니다.</p><ul>{links}</ul>", 2)

    def _not_found(self, request: DemoRequest) -> DemoResponse:
        body = "<p>요청하신 페이지를 찾을 수 없습니다. 검색을 이용해 보세요.</p>"
        response = _page(request, "페이지를 찾을 수 없습니다", body, 0)
        response.status = 404
        return response

    def _board(self, request: DemoRequest, conf: _Conf) -> DemoResponse:
        uid = request.param("uid")
        if request.param("mod") == "document" and uid:
            return self._document(request, conf, uid)
        return self._list(request, conf)

    def _list(self, request: DemoRequest, conf: _Conf) -> DemoResponse:
        posts, skin = _posts(common.request_now(request), conf.name), _skin(request, conf)
        page = max(common.php_int(request.param("pageid")), 1)
        shown = posts.regular[(page - 1) * PAGE_RPP : page * PAGE_RPP]
        rows = [self._row(request, conf, p, "공지사항", 0) for p in posts.notices]
        for i, post in enumerate(shown):
            rows.append(self._row(request, conf, post, str(len(posts.regular) - (page - 1) * PAGE_RPP - i), 0))
            rows += [self._row(request, conf, r, "", r.reply_depth) for r in posts.replies.get(post.key, ())]
        paging = tpl.pagination(page, len(posts.regular), PAGE_RPP, pagination_query(request))
        action = kb_url(request, [])
        inputs = _hidden_inputs(request)
        html_rows = "".join(tpl.list_row(r, skin) for r in rows)
        body = tpl.list_skin(conf.id, len(posts.by_uid), html_rows, paging, action, inputs)
        return _page(request, conf.title, body, conf.page_id)

    def _row(self, request: DemoRequest, conf: _Conf, post: content.SamplePost, number: str, depth: int) -> tpl.ListRow:
        now = common.request_now(request)
        return tpl.ListRow(
            number=number,
            href=tpl.esc_url(kb_url(request, [("uid", post.key), ("mod", "document")])),
            title=tpl.esc_html(post.title),
            author=_author(request, conf, post),
            # KBContent::getDate(): the time for today's posts, the date with its year for all others.
            date=f"{post.posted_at:%H:%M}" if post.posted_at.date() == now.date() else f"{post.posted_at:%Y.%m.%d}",
            vote=int(post.key) % 3,
            view=post.views,
            notice=number == "공지사항",
            new=(now - post.posted_at).total_seconds() <= NEW_SECONDS,
            secret=post.secret,
            comments=post.comments,
            depth=depth,
        )

    def _document(self, request: DemoRequest, conf: _Conf, uid: str) -> DemoResponse:
        posts, site = _posts(common.request_now(request), conf.name), _site(request)
        post = posts.by_uid.get(uid)
        list_href = tpl.esc_url(kb_url(request, [("mod", "list")]))
        if post is None:
            then = f'window.location.href="{kb_url(request, [])}";'
            return _page(request, conf.title, tpl.alert("게시글이 존재하지 않습니다.", then), conf.page_id)
        if post.secret and not request.session.get(f"kboard_confirm_{uid}"):
            if request.method == "POST" and request.form.get("password", [""])[0] == PASSWORD:
                request.session[f"kboard_confirm_{uid}"] = True
            else:
                here = tpl.esc_url(kb_url(request, [("uid", uid), ("mod", "document")]))
                form = vtpl.confirm_skin(here, here, list_href, failed=request.method == "POST")
                return _page(request, conf.title, form, conf.page_id)
        nonce = make_nonce(request.session_id, time.time())
        download = [("action", "kboard_file_download"), ("kboard-file-download-nonce", nonce)]
        files = [
            (kb_url(request, [("uid", uid), *download, ("file", f"file{i}")]), tpl.esc_html(name))
            for i, (name, _data) in enumerate(post.attachments, start=1)
        ]
        view = vtpl.DocumentView(
            uid=uid,
            title=tpl.esc_html(post.title),
            author=_author(request, conf, post),
            date=f"{post.posted_at:%Y-%m-%d %H:%M}",
            views=post.views,
            content=post.body_for(f"{site}/wp-content/uploads/kboard_attached/{conf.id}/{post.posted_at:%Y%m}"),
            list_href=list_href,
            print_url=f"{site}/?action=kboard_document_print&uid={uid}",
            category=post.category or "",
            likes=int(uid) % 5,
            files=files,
            comments=[
                vtpl.Comment(
                    tpl.esc_html(c.author),
                    f"{c.posted_at:%Y-%m-%d %H:%M}",
                    f"{c.posted_at:%Y%m%d%H%M%S}",
                    tpl.esc_html(c.text),
                )
                for c in post.comment_list()
            ],
            prev=_neighbour(request, posts, uid, older=True),
            next=_neighbour(request, posts, uid, older=False),
        )
        return _page(request, post.title, vtpl.document_skin(conf.id, view), conf.page_id)

    # --- KBController::fileDownload ---------------------------------------------------------------

    def _download(self, request: DemoRequest) -> DemoResponse:
        nonce = request.param("kboard-file-download-nonce")
        if not nonce_is_valid(nonce, request.session_id, time.time()) and not has_referer(request):
            response = DemoResponse.html(vtpl.wp_die(RESTRICTED), status=500)
            response.headers.insert(0, ("X-Robots-Tag", "noindex, nofollow"))
            return response
        uid = str(common.php_int(request.param("uid")))
        post = _posts(common.request_now(request), _NOTICE.name).by_uid.get(uid) or _posts(
            common.request_now(request), _DATA.name
        ).by_uid.get(uid)
        key = sanitize_key(request.param("file"))
        if post is None or not key or (post.secret and not request.session.get(f"kboard_confirm_{post.key}")):
            return _bare(tpl.alert("권한이 없습니다.", "history.go(-1);"))
        match = re.fullmatch(r"file(\d+)", key)
        index = int(match.group(1)) - 1 if match else -1
        if not 0 <= index < len(post.attachments):
            referer = request.headers.get("referer", "")
            return _bare(tpl.alert("파일이 존재하지 않습니다.", f'window.location.href="{referer}";'))
        name, data = post.attachments[index]
        name = name.replace(" ", "-")  # fileDownload() does this to every name
        agent = request.headers.get("user-agent", "")
        if "Trident" in agent or "MSIE" in agent:
            raw = name.encode("euc-kr", errors="ignore")  # iconv('UTF-8', 'EUC-KR//IGNORE')
            cache = [("Cache-Control", "must-revalidate, post-check=0, pre-check=0"), ("Pragma", "public")]
        else:
            raw = name.encode("utf-8")
            cache = [("Pragma", "no-cache")]
        # The header goes out as raw bytes; http.server writes header text as latin-1, one byte per char.
        disposition = f'attachment; filename="{raw.decode("latin-1")}"'
        extra = [("Content-Transfer-Encoding", "binary"), ("Expires", "0")]
        response = DemoResponse.file(data, disposition, mime_type(name), extra)
        response.headers[:0] = [("X-Robots-Tag", "noindex, nofollow"), *cache]
        return response


def _hidden_inputs(request: DemoRequest) -> str:
    """``$url->set('pageid', '1')->set('mod', 'list')->toInput()``: the query as hidden fields."""
    fields = [(k, v[0]) for k, v in request.query.items() if k not in ("pageid", "mod") and v[0]]
    fields += [("pageid", "1"), ("mod", "list")]
    return "".join(f'<input type="hidden" name="{sanitize_key(k)}" value="{tpl.esc_html(v)}">' for k, v in fields)


def _skin(request: DemoRequest, conf: _Conf) -> tpl.Skin:
    return tpl.Skin(f"{_site(request)}/wp-content/plugins/kboard/skin/default", conf.image_icons)


def _author(request: DemoRequest, conf: _Conf, post: content.SamplePost) -> str:
    name = tpl.esc_html(post.author)
    if not (conf.author_menu and post.author_id):
        return name
    search = kb_url(request, [("target", "member_display"), ("keyword", post.author)])
    return tpl.author_dropdown(name, tpl.esc_url(search))


def _neighbour(request: DemoRequest, posts: _Posts, uid: str, *, older: bool) -> vtpl.Neighbour | None:
    """``getPrevUID`` (the next older uid) or ``getNextUID`` (the next newer one)."""
    here = int(uid)
    found = [u for u in posts.uids if (u < here if older else u > here)]
    if not found:
        return None
    other = posts.by_uid[str(found[-1] if older else found[0])]
    href = tpl.esc_url(kb_url(request, [("uid", other.key), ("mod", "document")]))
    return vtpl.Neighbour(href, tpl.esc_html(other.title))


def _site(request: DemoRequest) -> str:
    return common.site_url(request, KBoardSite.prefix)


def _headers(response: DemoResponse) -> DemoResponse:
    response.headers[:0] = _PAGE_HEADERS
    return response


def _page(request: DemoRequest, title: str, body: str, page_id: int) -> DemoResponse:
    site = _site(request)
    menu = [(_NOTICE.title, f"{site}/notice/"), (_DATA.title, f"{site}/?page_id={_DATA.page_id}")]
    return _headers(DemoResponse.html(tpl.document(site, title, body, page_id, menu)))


def _bare(script: str) -> DemoResponse:
    # fileDownload() has sent text/html already and echoes the script alone, outside any theme.
    return _headers(DemoResponse.html(script))


SITE = KBoardSite()
