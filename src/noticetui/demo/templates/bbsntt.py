"""``selectBbsNttList.do`` CMS markup: the page frame, the ``p-table`` list and view, paging, password form.

Row, view table, ``ul.p-attach`` and the ``p-icon`` spans follow what public scrapers of Seongdong,
Anyang, Hongcheon and ftc.go.kr saw; the pinned-notice row, paging block and password form are guesses in
the same ``p-`` style.  Values come in HTML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SITE_NAME = "데모구청"


def document(title: str, body: str, menu_key: str) -> str:
    """A whole UTF-8 page with the site's header and footer."""
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &lt; 소식 &lt; {SITE_NAME}</title>
<link rel="stylesheet" href="/bbsntt/common/css/krds-p.css">
<script src="/bbsntt/common/js/jquery.min.js"></script>
</head>
<body>
<div class="p-skip"><a href="#contents">본문 바로가기</a></div>
<header class="header"><h1 class="logo"><a href="/bbsntt/www/index.do">{SITE_NAME}</a></h1>
<nav class="gnb"><ul><li><a href="/bbsntt/www/contents.do?key=4001">구정소식</a></li>
<li class="active"><a href="/bbsntt/www/selectBbsNttList.do?key={menu_key}&amp;bbsNo=1024">{title}</a></li></ul></nav></header>
<main id="contents" class="contents">
<div class="p-page-title"><h2>{title}</h2></div>
{body}
</main>
<footer class="footer"><address>서울특별시 데모구 구청로 1</address><p>COPYRIGHT &copy; {SITE_NAME}. ALL RIGHTS RESERVED.</p></footer>
</body>
</html>
"""


@dataclass(frozen=True)
class Row:
    """One list row."""

    number: str
    href: str
    title: str
    author: str
    views: int
    date: str
    """``YYYY-MM-DD``."""
    notice: bool = False
    new: bool = False
    secret: bool = False
    reply: bool = False
    has_file: bool = False


def _row(row: Row) -> str:
    number = '<span class="p-icon p-icon__notice">공지</span>' if row.notice else row.number
    before = '<span class="p-icon p-icon__reply">답변</span> ' if row.reply else ""
    after = ""
    if row.secret:
        after += ' <span class="p-icon p-icon__lock">비밀글</span>'
    if row.new:
        after += ' <span class="p-icon p-icon__new">새글</span>'
    files = '<span class="p-icon p-icon__file">첨부파일 있음</span>' if row.has_file else ""
    return f"""<tr{' class="p-notice"' if row.notice else ""}>
<td>{number}</td>
<td class="p-subject">{before}<a href="{row.href}">{row.title}</a>{after}</td>
<td>{row.author}</td>
<td>{row.views}</td>
<td>{files}</td>
<td><time datetime="{row.date}">{row.date}</time></td>
</tr>
"""


def paging(base: str, page: int, total: int, block: int = 10) -> str:
    """The ``p-pagination`` block (current page in ``strong.active``)."""
    start = (page - 1) // block * block + 1
    end = min(start + block - 1, total)
    numbers = "\n".join(
        f'<strong class="p-page__link active" title="현재 페이지">{k}</strong>'
        if k == page
        else f'<a href="{base}&amp;pageIndex={k}" class="p-page__link">{k}</a>'
        for k in range(start, end + 1)
    )
    return f"""<div class="p-pagination"><div class="p-page">
<span class="p-page__link-group">
<a href="{base}&amp;pageIndex=1" class="p-page__link first"><span class="skip">첫 페이지</span></a>
<a href="{base}&amp;pageIndex={max(page - 1, 1)}" class="p-page__link prev"><span class="skip">이전 페이지</span></a>
</span>
<span class="p-page__link-group">
{numbers}
</span>
<span class="p-page__link-group">
<a href="{base}&amp;pageIndex={min(page + 1, total)}" class="p-page__link next"><span class="skip">다음 페이지</span></a>
<a href="{base}&amp;pageIndex={total}" class="p-page__link last"><span class="skip">마지막 페이지</span></a>
</span>
</div></div>
"""


def list_page(title: str, rows: list[Row], total: int, page: int, pages: int, paging_html: str) -> str:
    """The list: search form, count, table, paging."""
    body = "".join(_row(r) for r in rows) or '<tr><td colspan="6">등록된 게시물이 없습니다.</td></tr>\n'
    return f"""<div class="p-wrap bbs bbs__list">
<form name="searchForm" method="get" action="./selectBbsNttList.do">
<fieldset class="p-search"><legend class="skip">게시물 검색</legend>
<select name="searchCnd" class="p-input"><option value="all">전체</option><option value="SJ">제목</option></select>
<input type="text" name="searchKrwd" class="p-input" title="검색어"><button type="submit" class="p-button primary">검색</button>
</fieldset></form>
<p class="p-total">전체 <strong>{total}</strong>건, 현재 페이지 <strong>{page}</strong>/{pages}</p>
<table class="p-table simple" data-table="rwd" data-tabletype="simple" data-breakpoint="760">
<caption>{title} 목록 - 번호, 제목, 작성자, 조회수, 파일, 작성일 정보 제공</caption>
<colgroup><col class="w8p"><col><col class="w15p"><col class="w8p"><col class="w8p"><col class="w12p"></colgroup>
<thead><tr><th scope="col">번호</th><th scope="col">제목</th><th scope="col">작성자</th><th scope="col">조회수</th><th scope="col">파일</th><th scope="col">작성일</th></tr></thead>
<tbody class="text_center">
{body}</tbody>
</table>
{paging_html}</div>
"""


@dataclass(frozen=True)
class FileItem:
    """One file of a post."""

    href: str
    preview: str
    name: str
    ext: str
    size: str


@dataclass(frozen=True)
class View:
    """What the view table needs."""

    title: str
    author: str
    views: int
    date: str
    """``YYYY-MM-DD HH:MM``."""
    content: str
    list_href: str
    files: list[FileItem] = field(default_factory=list)


def view_page(view: View, board_title: str) -> str:
    """The ``p-table block`` view: 제목, 작성자/조회수, 작성일, 내용, 첨부파일."""
    items = "".join(
        f'<li class="p-attach__item"><a class="p-attach__link" href="{f.href}">'
        f'<span class="p-icon p-icon__{f.ext}">{f.ext} 파일</span><span>{f.name}</span> '
        f'<span class="p-attach__size">({f.ext}, {f.size})</span>'
        f'<i class="p-icon p-icon__arrow-circle-down">다운로드</i></a>'
        f'<a class="p-attach__preview" href="{f.preview}" target="_blank" title="새창열림">미리보기</a></li>\n'
        for f in view.files
    )
    files = f'<ul class="p-attach">\n{items}</ul>' if view.files else "첨부파일이 없습니다."
    return f"""<div class="p-wrap bbs bbs__view">
<table class="p-table block">
<caption>{board_title} 상세보기 - 제목, 작성자, 조회수, 작성일, 내용, 첨부파일 정보 제공</caption>
<colgroup><col class="w15p"><col><col class="w15p"><col></colgroup>
<tbody class="p-table--th-left">
<tr class="p-table__subject"><th scope="row">제목</th><td colspan="3"><span class="p-table__subject_text">{view.title}</span></td></tr>
<tr><th scope="row">작성자</th><td>{view.author}</td><th scope="row">조회수</th><td>{view.views}</td></tr>
<tr><th scope="row">작성일</th><td colspan="3">{view.date}</td></tr>
<tr><td colspan="4" class="p-table__content" title="내용"><div class="ntt_cn_container">{view.content}</div></td></tr>
<tr><th scope="row">첨부파일</th><td colspan="3">{files}</td></tr>
</tbody>
</table>
<div class="p-button-group"><a href="{view.list_href}" class="p-button">목록</a></div>
</div>
"""


def password_page(action: str, ntt_no: str) -> str:
    """What a secret post shows: a password form."""
    return f"""<div class="p-wrap bbs bbs__password">
<form name="pwdForm" method="post" action="{action}">
<input type="hidden" name="nttNo" value="{ntt_no}">
<p class="p-password__text">비밀글입니다. 글 작성 시 입력한 비밀번호를 입력하세요.</p>
<label for="password" class="skip">비밀번호</label><input type="password" id="password" name="password" class="p-input">
<button type="submit" class="p-button primary">확인</button>
</form>
</div>
"""
