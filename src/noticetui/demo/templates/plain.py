"""Markup of the ``/plain`` sample site: a city hall's home-grown CMS that no board engine claims.

A frame with the usual noise (skip links, a header with a menu, a side menu, a "most read" box with dated
links, a long footer), a news list of ``<li>`` items, a table board with unusual columns, and two view
pages: a ``div`` layout with the body among the noise, and an old ``table`` layout.  Every value is
escaped here; the pages are served in EUC-KR like many municipal sites still are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

SITE_TITLE = "한빛시청"
"""The city's name, in every page title."""

MENU = (("news", "시정소식"), ("table", "고시공고"), ("about", "시청안내"), ("civil", "민원안내"), ("tour", "문화관광"))


@dataclass(frozen=True)
class NewsItem:
    """One ``<li>`` of the news list."""

    href: str
    title: str
    full_title: str
    dept: str
    date: str
    views: int
    notice: bool = False
    secret: bool = False
    new: bool = False
    comments: int = 0


@dataclass(frozen=True)
class TableRow:
    """One row of the table board."""

    number: str
    category: str
    href: str
    title: str
    dept: str
    has_file: bool
    date: str
    views: int


@dataclass(frozen=True)
class FileLink:
    """One attachment on a view page."""

    href: str
    name: str
    size: str
    preview: str = ""


@dataclass(frozen=True)
class View:
    """What a view page shows."""

    board: str
    board_title: str
    title: str
    dept: str
    date: str
    views: int
    body: str
    """The body's HTML, as stored (not escaped)."""
    files: list[FileLink] = field(default_factory=list)
    list_href: str = ""
    prev: tuple[str, str] | None = None
    next: tuple[str, str] | None = None


def document(site: str, title: str, section: str, content: str, popular: list[tuple[str, str, str]]) -> str:
    """A whole page: header and menus, ``content`` (already markup) and the side box of ``popular`` links."""
    menu = "".join(f'<li><a href="{site}/{key}">{escape(name)}</a></li>' for key, name in MENU)
    side = "".join(
        f'<li><a href="{escape(href)}">{escape(name)}</a> <span class="date">{date}</span></li>'
        for href, name, date in popular
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="ko" xml:lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr" />
<title>{escape(title)} &lt; {escape(section)} &lt; {SITE_TITLE}</title>
<link rel="stylesheet" type="text/css" href="{site}/css/sub.css" />
<script type="text/javascript" src="{site}/js/common.js"></script>
</head>
<body>
<div id="skip_nav"><a href="#content">본문 바로가기</a> <a href="#gnb">주메뉴 바로가기</a></div>
<div id="header">
  <h1 class="logo"><a href="{site}/"><img src="{site}/img/logo.gif" alt="{SITE_TITLE}" /></a></h1>
  <ul class="util"><li><a href="{site}/login">로그인</a></li><li><a href="{site}/sitemap">사이트맵</a></li><li><a href="{site}/eng">ENGLISH</a></li></ul>
  <ul id="gnb">{menu}</ul>
</div>
<div id="container">
  <div id="lnb"><h2>열린시정</h2><ul>{menu}</ul></div>
  <div id="content">
    <div class="location">홈 &gt; 열린시정 &gt; {escape(section)}</div>
    <h3 class="cont_title">{escape(section)}</h3>
{content}
  </div>
  <div class="side_box"><h4>많이 본 소식</h4><ol>{side}</ol></div>
</div>
<div id="footer">
  <ul class="foot_menu"><li><a href="{site}/privacy">개인정보처리방침</a></li><li><a href="{site}/copyright">저작권정책</a></li><li><a href="{site}/email">이메일무단수집거부</a></li></ul>
  <address>(12345) 한빛시 중앙로 100 한빛시청 대표전화 031-123-4567 (평일 오전 9시부터 오후 6시까지 운영합니다. 토요일과 일요일, 공휴일에는 당직실로 연락하여 주시기 바랍니다.)</address>
  <p class="copyright">Copyright (c) Hanbit City. All rights reserved. 이 누리집의 모든 콘텐츠는 저작권법의 보호를 받습니다.</p>
</div>
</body>
</html>
"""


def news_list(items: list[NewsItem], total: int, page: int, pages: int, paging: str) -> str:
    """The news board's list: a count, the ``ul.news`` items and the pagination."""
    rows = []
    for item in items:
        badge = '<span class="badge">공지</span> ' if item.notice else ""
        lock = '<img src="/plain/img/ico_lock.gif" alt="비밀글" /> ' if item.secret else ""
        new = ' <img src="/plain/img/ico_new.gif" alt="새글" />' if item.new else ""
        comments = f' <span class="cmt">[{item.comments}]</span>' if item.comments else ""
        pinned = ' class="notice"' if item.notice else ""
        rows.append(
            f"<li{pinned}>{badge}"
            f'<a href="{escape(item.href)}" title="{escape(item.full_title)}">{lock}{escape(item.title)}{new}</a>'
            f'{comments} <span class="dept">{escape(item.dept)}</span> <span class="date">{item.date}</span>'
            f' <span class="hit">조회 {item.views:,}</span></li>'
        )
    if not rows:
        rows.append('<li class="nodata">등록된 게시물이 없습니다.</li>')
    return (
        f'<p class="total">전체 <strong>{total}</strong>건 [{page}/{pages} 페이지]</p>\n'
        f'<ul class="news">\n' + "\n".join(rows) + f"\n</ul>\n{paging}"
    )


def paging(param: str, page: int, pages: int) -> str:
    """Numbered page links with relative ``?param=N`` hrefs, the current page in ``<strong>``."""
    parts = [f'<a href="?{param}=1" class="first">처음</a>']
    if page > 1:
        parts.append(f'<a href="?{param}={page - 1}" class="prev">이전</a>')
    for n in range(1, pages + 1):
        parts.append(f"<strong>{n}</strong>" if n == page else f'<a href="?{param}={n}">{n}</a>')
    if page < pages:
        parts.append(f'<a href="?{param}={page + 1}" class="next">다음</a>')
    parts.append(f'<a href="?{param}={max(pages, 1)}" class="last">끝</a>')
    return '<div class="paging">' + " ".join(parts) + "</div>"


def table_list(rows: list[TableRow], total: int, paging_html: str) -> str:
    """The table board: 번호, 분류, 제목, 담당부서, 첨부, 게시일, 조회수."""
    body = []
    for row in rows:
        number = '<span class="ico-notice">공지</span>' if row.number == "공지" else row.number
        clip = '<img src="/plain/img/ico_file.gif" alt="첨부파일 있음" />' if row.has_file else "-"
        body.append(
            f"<tr><td>{number}</td><td>{escape(row.category)}</td>"
            f'<td class="subject"><a href="{escape(row.href)}">{escape(row.title)}</a></td>'
            f"<td>{escape(row.dept)}</td><td>{clip}</td><td>{row.date}</td><td>{row.views:,}</td></tr>"
        )
    return f"""<p class="total">총 {total}건</p>
<table class="bbs-list" summary="고시공고 목록: 번호, 분류, 제목, 담당부서, 첨부, 게시일, 조회수">
<caption>고시공고 목록</caption>
<colgroup><col width="7%" /><col width="10%" /><col /><col width="13%" /><col width="6%" /><col width="11%" /><col width="8%" /></colgroup>
<thead><tr><th scope="col">번호</th><th scope="col">분류</th><th scope="col">제목</th><th scope="col">담당부서</th><th scope="col">첨부</th><th scope="col">게시일</th><th scope="col">조회수</th></tr></thead>
<tbody>
{"".join(body)}
</tbody>
</table>
{paging_html}"""


def _files(files: list[FileLink]) -> str:
    items = []
    for f in files:
        preview = (
            f' <a href="{escape(f.preview)}" class="btn_preview" target="_blank">미리보기</a>' if f.preview else ""
        )
        items.append(
            f'<li><a href="{escape(f.href)}">{escape(f.name)}</a> <span class="size">({f.size})</span>{preview}</li>'
        )
    return "".join(items)


def news_view(view: View) -> str:
    """A ``div`` layout view: heading, facts, files, the body, neighbours and the list button."""
    files = f'<div class="view_file"><strong>첨부파일</strong><ul>{_files(view.files)}</ul></div>' if view.files else ""
    near = []
    for label, target in (("이전글", view.prev), ("다음글", view.next)):
        if target is not None:
            near.append(f'<dl><dt>{label}</dt><dd><a href="{escape(target[0])}">{escape(target[1])}</a></dd></dl>')
    return f"""<div class="bbs_view">
  <div class="view_head">
    <h4 class="view_subject">{escape(view.title)}</h4>
    <ul class="view_info"><li><strong>담당부서</strong> {escape(view.dept)}</li><li><strong>등록일</strong> {view.date}</li><li><strong>조회수</strong> {view.views:,}</li></ul>
  </div>
  {files}
  <div class="view_cont">
{view.body}
  </div>
  <div class="view_near">{"".join(near)}</div>
  <div class="btn_area"><a href="{escape(view.list_href)}" class="btn">목록</a></div>
</div>"""


def table_view(view: View) -> str:
    """An old ``table`` layout view: 제목, 담당부서/게시일, 조회수/첨부, then the body in one cell."""
    files = f'<ul class="files">{_files(view.files)}</ul>' if view.files else "-"
    return f"""<table class="bbs-view" summary="게시글 상세">
<caption>게시글 상세</caption>
<tbody>
<tr><th scope="row">제목</th><td colspan="3" class="subject">{escape(view.title)}</td></tr>
<tr><th scope="row">담당부서</th><td class="dept">{escape(view.dept)}</td><th scope="row">게시일</th><td class="date">{view.date}</td></tr>
<tr><th scope="row">조회수</th><td>{view.views:,}</td><th scope="row">첨부</th><td>{files}</td></tr>
<tr><td colspan="4" class="content">
{view.body}
</td></tr>
</tbody>
</table>
<div class="btn_area"><a href="{escape(view.list_href)}" class="btn">목록</a></div>"""


def password_form(action: str, idx: str) -> str:
    """What a secret post shows instead of its body."""
    return f"""<div class="bbs_secret">
  <p class="msg">비밀글입니다. 작성자와 관리자만 볼 수 있습니다. 비밀번호를 입력하여 주십시오.</p>
  <form name="fpass" method="post" action="{escape(action)}">
    <input type="hidden" name="idx" value="{escape(idx)}" />
    <label for="pwd">비밀번호</label> <input type="password" name="pwd" id="pwd" />
    <button type="submit">확인</button>
  </form>
</div>"""


def error_page(message: str) -> str:
    """The short HTML page the file handler answers with (status 200) when it refuses."""
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr" />'
        f"<title>오류</title></head><body><p>{escape(message)}</p>"
        '<p><a href="javascript:history.back();">이전 페이지로</a></p></body></html>'
    )
