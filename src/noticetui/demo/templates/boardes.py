"""``board.es`` CMS markup: the page frame, the list (``aria-label`` cells, ``goView``), the view
(``article.board_view``), the paging and the password form.

The list row and view heading follow what scrapers of mohw/kostat/kpx saw; the info list, file list,
paging and password form are plausible guesses in the same style (``xi-*`` icons, ``sr_only`` text).
Values come in HTML-escaped (the CMS is Java: ``<c:out>`` escapes ``& < > " '``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


def document(site: str, title: str, body: str, mid: str, bid: str) -> str:
    """A whole UTF-8 page with the site's header, menu and footer."""
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title} | 데모복지부</title>
<link rel="stylesheet" href="{site}/css/xeicon.min.css">
<link rel="stylesheet" href="{site}/css/board.css">
<script src="{site}/js/jquery-3.6.0.min.js"></script>
<script>
function goView(list_no) {{
    var f = document.viewForm;
    f.list_no.value = list_no;
    f.submit();
}}
</script>
</head>
<body>
<div id="skip"><a href="#contents">본문 바로가기</a></div>
<header id="header"><h1 class="logo"><a href="{site}/main.es?mid=a10000000000">데모복지부</a></h1>
<nav id="gnb"><ul><li><a href="{site}/menu.es?mid=a10100000000">정책</a></li>
<li><a href="{site}/board.es?mid={mid}&amp;bid={bid}">알림</a></li></ul></nav></header>
<main id="contents">
<div class="sub_title"><h2>{title}</h2></div>
<form name="viewForm" method="get" action="{site}/board.es">
<input type="hidden" name="mid" value="{mid}"><input type="hidden" name="bid" value="{bid}">
<input type="hidden" name="act" value="view"><input type="hidden" name="list_no" value="">
<input type="hidden" name="tag" value=""><input type="hidden" name="nPage" value="1">
</form>
{body}
</main>
<footer id="footer"><p class="copy">Copyright &copy; 데모복지부. All rights reserved.</p></footer>
</body>
</html>
"""


@dataclass(frozen=True)
class Row:
    """One list row."""

    list_no: str
    href: str
    title: str
    """The cell text (cut), escaped."""
    full_title: str
    """The whole title for the ``title`` attribute, escaped."""
    author: str
    date: str
    """``YYYY.MM.DD``."""
    views: int
    number: str = ""
    notice: bool = False
    new: bool = False
    secret: bool = False
    reply: bool = False
    has_file: bool = False


def _row(row: Row) -> str:
    number = '<span class="ico_notice">공지</span>' if row.notice else row.number
    icons = ""
    if row.reply:
        icons += '<i class="xi-subdirectory-arrow-right"></i><span class="sr_only">답변글</span>'
    if row.secret:
        icons += '<i class="xi-lock"></i><span class="sr_only">비밀글</span>'
    if row.new:
        icons += '<i class="xi-new"></i><span class="sr_only">새글</span>'
    files = '<i class="xi-paperclip"></i><span class="sr_only">첨부파일 있음</span>' if row.has_file else ""
    return f"""<tr{' class="notice"' if row.notice else ""}>
<td aria-label="번호">{number}</td>
<td class="txt_left" aria-label="제목"><a href="{row.href}" onclick="goView('{row.list_no}'); return false;" title="{row.full_title}">{icons}{row.title}</a></td>
<td aria-label="작성자">{row.author}</td>
<td aria-label="첨부파일">{files}</td>
<td aria-label="등록일">{row.date}</td>
<td aria-label="조회수">{row.views}</td>
</tr>
"""


def paging(base: str, page: int, total_pages: int, block: int = 10) -> str:
    """The paging bar: first/prev block, numbers (current in ``strong``), next block/last."""
    start = (page - 1) // block * block + 1
    end = min(start + block - 1, total_pages)
    out = [
        f'<a href="{base}&amp;nPage=1" class="first"><i class="xi-angle-double-left"></i><span class="sr_only">처음 페이지</span></a>',
        f'<a href="{base}&amp;nPage={max(start - 1, 1)}" class="prev"><i class="xi-angle-left"></i><span class="sr_only">이전 페이지</span></a>',
    ]
    for k in range(start, end + 1):
        out.append(
            f'<strong class="on" title="현재페이지">{k}</strong>'
            if k == page
            else f'<a href="{base}&amp;nPage={k}">{k}</a>'
        )
    nxt = min(end + 1, total_pages)
    out.append(
        f'<a href="{base}&amp;nPage={nxt}" class="next"><i class="xi-angle-right"></i><span class="sr_only">다음 페이지</span></a>'
    )
    out.append(
        f'<a href="{base}&amp;nPage={total_pages}" class="last"><i class="xi-angle-double-right"></i><span class="sr_only">마지막 페이지</span></a>'
    )
    return '<div class="paging">' + "\n".join(out) + "</div>"


def list_page(rows: list[Row], total: int, page: int, total_pages: int, paging_html: str) -> str:
    """The list: count, table, paging."""
    body = "".join(_row(r) for r in rows) or '<tr><td colspan="6" class="no_data">등록된 게시물이 없습니다.</td></tr>\n'
    return f"""<div class="board_top"><p class="total">총 <strong>{total:,}</strong>건 <span>[{page}/{total_pages} 페이지]</span></p>
<form name="searchForm" method="get"><fieldset><legend class="sr_only">게시물 검색</legend>
<select name="search_key" title="검색 구분"><option value="title">제목</option><option value="content">내용</option></select>
<input type="text" name="search_val" title="검색어 입력"><button type="submit" class="btn_search">검색</button></fieldset></form></div>
<div class="tbl_board">
<table>
<caption>목록 - 번호, 제목, 작성자, 첨부파일, 등록일, 조회수</caption>
<colgroup><col style="width:8%"><col><col style="width:14%"><col style="width:7%"><col style="width:12%"><col style="width:8%"></colgroup>
<thead><tr><th scope="col">번호</th><th scope="col">제목</th><th scope="col">작성자</th><th scope="col">첨부</th><th scope="col">등록일</th><th scope="col">조회수</th></tr></thead>
<tbody>
{body}</tbody>
</table>
</div>
{paging_html}
"""


@dataclass(frozen=True)
class FileItem:
    """One downloadable file of a post."""

    href: str
    preview: str
    name: str
    size: str


@dataclass(frozen=True)
class View:
    """What the view needs."""

    title: str
    author: str
    date: str
    views: int
    content: str
    list_href: str
    files: list[FileItem] = field(default_factory=list)
    prev: tuple[str, str] | None = None
    next: tuple[str, str] | None = None


def view_page(view: View) -> str:
    """``article.board_view``, then the list button and the previous/next posts."""
    files = ""
    if view.files:
        items = "".join(
            f'<li><a href="{f.href}" title="{f.name} 다운로드"><i class="xi-download"></i>{f.name}</a> '
            f'<span class="size">[{f.size}]</span> '
            f'<a href="{f.preview}" class="btn_preview" target="_blank" title="새창열림">바로보기</a></li>\n'
            for f in view.files
        )
        files = f'<div class="file"><strong class="tit">첨부파일</strong>\n<ul class="file_list">\n{items}</ul></div>\n'
    nav = ""
    for label, item in (("이전글", view.prev), ("다음글", view.next)):
        nav += (
            f"<li><strong>{label}</strong>"
            + (f'<a href="{item[0]}">{item[1]}</a>' if item else "<span>없습니다.</span>")
            + "</li>\n"
        )
    return f"""<article class="board_view">
<h2 class="title">{view.title}</h2>
<ul class="info">
<li><strong>작성자</strong><span>{view.author}</span></li>
<li><strong>등록일</strong><span>{view.date}</span></li>
<li><strong>조회수</strong><span>{view.views}</span></li>
</ul>
{files}<div class="contents">
{view.content}
</div>
</article>
<div class="btn_area"><a href="{view.list_href}" class="btn">목록</a></div>
<ul class="view_nav">
{nav}</ul>
"""


def password_page(action: str) -> str:
    """The form a secret post shows instead of its body."""
    return f"""<div class="pw_check">
<form name="pwForm" method="post" action="{action}">
<p class="txt"><i class="xi-lock"></i> 비밀글입니다. 작성 시 입력한 비밀번호를 입력해 주세요.</p>
<label for="password" class="sr_only">비밀번호</label><input type="password" id="password" name="password">
<button type="submit" class="btn">확인</button>
</form>
</div>
"""
