"""Gnuboard 5 markup: ``head.sub.php``, the ``basic`` board skin's list and view, ``alert.php``,
``get_sideview`` and ``get_paging``, paraphrased from gnuboard5 v5.6 (whitespace and all where it matters).

Values are passed in already escaped the way gnuboard escapes them (see :func:`get_text`): gnuboard's own
escaping rules, quirks included, are part of what a parser has to cope with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

SITE_TITLE = "데모진흥원"
"""The site's name, as ``config`` would hold it."""


def get_text(text: str) -> str:
    """Gnuboard's ``get_text``: escapes ``< > " '`` but leaves ``&`` alone (``R&D`` stays raw)."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#034;").replace("'", "&#039;")


def cut_str(text: str, length: int, suffix: str = "…") -> str:
    """Gnuboard's ``cut_str``: at most ``length`` characters, then ``suffix``."""
    return text if len(text) <= length else text[:length] + suffix


def document(site: str, title: str, body: str, bo_table: str = "") -> str:
    """A whole page: ``head.sub.php``, the theme's header and footer around ``body``."""
    return f"""<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,minimum-scale=0,maximum-scale=10,user-scalable=yes">
<meta name="HandheldFriendly" content="true">
<meta name="format-detection" content="telephone=no">
<meta http-equiv="imagetoolbar" content="no">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{title} | {SITE_TITLE}</title>
<link rel="stylesheet" href="{site}/theme/basic/css/default.css?ver=2304171">
<link rel="stylesheet" href="{site}/js/font-awesome/css/font-awesome.min.css?ver=2304171">
<!--[if lte IE 8]>
<script src="{site}/js/html5.js"></script>
<![endif]-->
<script>
// 자바스크립트에서 사용하는 전역변수 선언
var g5_url       = "{site}";
var g5_bbs_url   = "{site}/bbs";
var g5_is_member = "";
var g5_is_admin  = "";
var g5_is_mobile = "";
var g5_bo_table  = "{bo_table}";
var g5_sca       = "";
var g5_editor    = "smarteditor2";
var g5_cookie_domain = "";
</script>
<script src="{site}/js/jquery-1.12.4.min.js?ver=2304171"></script>
<script src="{site}/js/common.js?ver=2304171"></script>
</head>
<body>
<div id="hd">
    <h1 id="hd_h1">{title}</h1>
    <div id="skip_to_container"><a href="#container">본문 바로가기</a></div>
    <div id="hd_wrapper"><div id="logo"><a href="{site}"><img src="{site}/img/logo.png" alt="{SITE_TITLE}"></a></div></div>
    <nav id="gnb"><h2>메인메뉴</h2><div class="gnb_wrap"><ul id="gnb_1dul">
        <li class="gnb_1dli"><a href="{site}/bbs/board.php?bo_table=notice" target="_self" class="gnb_1da">공지사항</a></li>
        <li class="gnb_1dli"><a href="{site}/bbs/board.php?bo_table=qa" target="_self" class="gnb_1da">묻고답하기</a></li>
        <li class="gnb_1dli"><a href="{site}/bbs/board.php?bo_table=gallery" target="_self" class="gnb_1da">갤러리</a></li>
    </ul></div></nav>
</div>
<div id="wrapper"><div id="container_wr"><div id="container">
{body}
</div></div></div>
<div id="ft"><div id="ft_wr"><div id="ft_company" class="ft_cnt"><h2>사이트 정보</h2>
<p class="ft_info">회사명 : {SITE_TITLE} / 대표 : 홍길동<br>주소 : 서울특별시 중구 세종대로 110<br>
전화 : 02-000-0000  팩스 : 02-000-0001</p></div></div>
<div id="ft_copy">Copyright &copy; <b>demo.example</b> All rights reserved.</div></div>
</body>
</html>
"""


def alert(site: str, msg: str, url: str) -> str:
    """``alert.php``: the message in a JavaScript alert, then back (no URL) or on to ``url``."""
    go = f'document.location.replace("{url.replace("&amp;", "&")}");' if url else "history.back();"
    body = f"""<script>
alert("{msg}");
{go}
</script>

<noscript>
<div id="validation_check">
    <h1>다음 항목에 오류가 있습니다.</h1>
    <p class="cbg">
        {msg.replace(chr(92) + "n", "<br>")}
    </p>
    <div class="btn_confirm">
        <a href="{url}">돌아가기</a>
    </div>
</div>
</noscript>"""
    return _bare(site, "오류안내 페이지", body)


def alert_close(site: str, msg: str) -> str:
    """``alert_close.php``: the message, then the window closes."""
    body = (
        f'<script>\nalert("{msg}");\nwindow.close();\n</script>\n<noscript>\n'
        f'<div id="validation_check">\n    <h1>다음 항목에 오류가 있습니다.</h1>\n    <p class="cbg">\n        {msg}\n'
        "    </p>\n</div>\n</noscript>"
    )
    return _bare(site, "오류안내 페이지", body)


def _bare(site: str, title: str, body: str) -> str:
    # head.sub.php and tail.sub.php only: what alert pages and pop-ups get.
    return (
        f'<!doctype html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n<title>{title} | {SITE_TITLE}</title>\n'
        f'<link rel="stylesheet" href="{site}/theme/basic/css/default.css?ver=2304171">\n'
        f'<script>\nvar g5_url       = "{site}";\nvar g5_bbs_url   = "{site}/bbs";\n</script>\n'
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def sideview(site: str, list_url: str, mb_id: str | None, name: str) -> str:
    """``get_sideview``: the author's name and the hidden pop-up menu (twice: once for ``<noscript>``)."""
    bbs = f"{site}/bbs"
    if mb_id:
        head = (
            f'<a href="{bbs}/profile.php?mb_id={mb_id}" class="sv_member" title="{name} 자기소개" target="_blank" '
            f'rel="nofollow" onclick="return false;"><span class="profile_img"><img src="{site}/img/no_profile.gif" '
            f'alt="no_profile" width="22" height="22"></span> {name}</a>'
        )
        menu = (
            f'<a href="{bbs}/memo_form.php?me_recv_mb_id={mb_id}" onclick="win_memo(this.href); return false;">'
            "쪽지보내기</a>\n"
            f'<a href="{bbs}/formmail.php?mb_id={mb_id}&amp;name={name}&amp;email=ZGVtb0BleGFtcGxlLmty" '
            'onclick="win_email(this.href); return false;">메일보내기</a>\n'
            f'<a href="{bbs}/profile.php?mb_id={mb_id}" onclick="win_profile(this.href); return false;">자기소개</a>\n'
            f'<a href="{list_url}&amp;sca=&amp;sfl=mb_id,1&amp;stx={mb_id}">아이디로 검색</a>\n'
            f'<a href="{bbs}/new.php?mb_id={mb_id}" class="link_new_page" '
            'onclick="check_goto_new(this.href, event);">전체게시물</a>\n'
        )
    else:
        head = (
            f'<a href="{list_url}&amp;sca=&amp;sfl=wr_name,1&amp;stx={name}" title="{name} 이름으로 검색" '
            f'class="sv_guest" rel="nofollow" onclick="return false;">{name}</a>'
        )
        menu = f'<a href="{list_url}&amp;sca=&amp;sfl=wr_name,1&amp;stx={name}">이름으로 검색</a>\n'
    sv = f'<span class="sv">\n{menu}</span>\n'
    return f'<span class="sv_wrap">\n{head}\n{sv}\n<noscript class="sv_nojs">{sv}</noscript></span>'


def paging(write_pages: int, cur: int, total: int, url: str) -> str:
    """``get_paging``: 처음/이전/pages/다음/맨끝 links in blocks of ``write_pages``; ``url`` ends in ``page=``."""
    out: list[str] = []
    if cur > 1:
        out.append(f'<a href="{url}1" class="pg_page pg_start">처음</a>')
    start = (cur - 1) // write_pages * write_pages + 1
    end = min(start + write_pages - 1, total)
    if start > 1:
        out.append(f'<a href="{url}{start - 1}" class="pg_page pg_prev">이전</a>')
    if total > 1:
        for k in range(start, end + 1):
            if k == cur:
                out.append(
                    f'<span class="sound_only">열린</span><strong class="pg_current">{k}</strong>'
                    '<span class="sound_only">페이지</span>'
                )
            else:
                out.append(f'<a href="{url}{k}" class="pg_page">{k}<span class="sound_only">페이지</span></a>')
    if total > end:
        out.append(f'<a href="{url}{end + 1}" class="pg_page pg_next">다음</a>')
    if cur < total:
        out.append(f'<a href="{url}{total}" class="pg_page pg_end">맨끝</a>')
    if not out:
        return ""
    links = "\n".join(out)
    return f'<nav class="pg_wrap"><span class="pg">{links}\n</span></nav>'


@dataclass(frozen=True)
class ListRow:
    """One ``<tr>`` of the list, with every value as ``get_list`` prepares it."""

    num: str
    """The number cell's content: a running number, or the notice mark."""
    notice: bool
    subject: str
    href: str
    name_html: str
    hits: int
    datetime2: str
    """``HH:MM`` for today, ``MM-DD`` otherwise."""
    category: str = ""
    category_href: str = ""
    reply_depth: int = 0
    secret: bool = False
    new: bool = False
    hot: bool = False
    has_file: bool = False
    has_link: bool = False
    comments: int = 0


@dataclass(frozen=True)
class ListView:
    """What the list skin needs."""

    site: str
    bo_table: str
    subject: str
    total: int
    page: int
    rows: list[ListRow]
    paging_html: str
    categories: list[tuple[str, str]] = field(default_factory=list)
    """``(name, href)`` of the category menu."""


def _row(row: ListRow, even: bool, skin: str) -> str:
    num = '<strong class="notice_icon">공지</strong>' if row.notice else row.num
    reply = f'<img src="{skin}/img/icon_reply.gif" class="icon_reply" alt="답변글">' if row.reply_depth else ""
    secret = '<i class="fa fa-lock" aria-hidden="true"></i>' if row.secret else ""
    cate = f'<a href="{row.category_href}" class="bo_cate_link">{row.category}</a>\n' if row.category else ""
    icons = "".join(
        [
            '<span class="new_icon">N<span class="sound_only">새글</span></span>' if row.new else "",
            '<i class="fa fa-heart" aria-hidden="true"></i>' if row.hot else "",
            '<i class="fa fa-download" aria-hidden="true"></i>' if row.has_file else "",
            '<i class="fa fa-link" aria-hidden="true"></i>' if row.has_link else "",
        ]
    )
    cmt = (
        f'<span class="sound_only">댓글</span><span class="cnt_cmt">{row.comments}</span>'
        '<span class="sound_only">개</span>'
        if row.comments
        else ""
    )
    tr_class = ("bo_notice" if row.notice else "") + (" even" if even else " ")
    return f"""        <tr class="{tr_class}">
            <td class="td_num2">
            {num}            </td>

            <td class="td_subject" style="padding-left:{row.reply_depth * 10}px">
                {cate}<div class="bo_tit">
                    <a href="{row.href}">
                        {reply}
                        {secret}
                        {row.subject}
                    </a>
                    {icons}
                    {cmt}
                </div>
            </td>
            <td class="td_name sv_use">{row.name_html}</td>
            <td class="td_num">{row.hits}</td>
            <td class="td_datetime">{row.datetime2}</td>
        </tr>
"""


def list_skin(view: ListView) -> str:
    """``skin/board/basic/list.skin.php``."""
    skin = f"{view.site}/skin/board/basic"
    bbs = f"{view.site}/bbs"
    rows = "".join(_row(r, i % 2 == 0, skin) for i, r in enumerate(view.rows))
    if not view.rows:
        rows = '<tr><td colspan="5" class="empty_table">게시물이 없습니다.</td></tr>'
    cates = "".join(f'<li><a href="{href}">{name}</a></li>' for name, href in view.categories)
    cate_nav = (
        f'<nav id="bo_cate">\n        <h2>{view.subject} 카테고리</h2>\n        <ul id="bo_cate_ul">\n'
        f"            {cates}\n        </ul>\n    </nav>"
        if view.categories
        else ""
    )
    # subject_sort_link() links to $_SERVER['SCRIPT_NAME']: a root-relative path, unlike every other link.
    sort = f"{urlsplit(bbs).path}/board.php?bo_table={view.bo_table}&amp;sop=and"
    return f"""<link rel="stylesheet" href="{skin}/style.css?ver=2304171">
<h2 id="container_title"><span title="{view.subject}">{view.subject}</span></h2>
<!-- 게시판 목록 시작 {{ -->
<div id="bo_list" style="width:100%">

    <!-- 게시판 카테고리 시작 {{ -->
    {cate_nav}
    <!-- }} 게시판 카테고리 끝 -->

    <form name="fboardlist" id="fboardlist" action="{bbs}/board_list_update.php" onsubmit="return fboardlist_submit(this);" method="post">

    <input type="hidden" name="bo_table" value="{view.bo_table}">
    <input type="hidden" name="sfl" value="">
    <input type="hidden" name="stx" value="">
    <input type="hidden" name="spt" value="">
    <input type="hidden" name="sca" value="">
    <input type="hidden" name="sst" value="wr_num, wr_reply">
    <input type="hidden" name="sod" value="">
    <input type="hidden" name="page" value="{view.page}">
    <input type="hidden" name="sw" value="">

    <!-- 게시판 페이지 정보 및 버튼 시작 {{ -->
    <div id="bo_btn_top">
        <div id="bo_list_total">
            <span>Total {view.total:,}건</span>
            {view.page} 페이지
        </div>

        <ul class="btn_bo_user">
            <li><a href="{bbs}/rss.php?bo_table={view.bo_table}" class="btn_b01 btn" title="RSS"><i class="fa fa-rss" aria-hidden="true"></i><span class="sound_only">RSS</span></a></li>
            <li>
                <button type="button" class="btn_bo_sch btn_b01 btn" title="게시판 검색"><i class="fa fa-search" aria-hidden="true"></i><span class="sound_only">게시판 검색</span></button>
            </li>
        </ul>
    </div>
    <!-- }} 게시판 페이지 정보 및 버튼 끝 -->

    <div class="tbl_head01 tbl_wrap">
        <table>
        <caption>{view.subject} 목록</caption>
        <thead>
        <tr>
            <th scope="col">번호</th>
            <th scope="col">제목</th>
            <th scope="col">글쓴이</th>
            <th scope="col"><a href="{sort}&amp;sst=wr_hit&amp;sod=desc&amp;sfl=&amp;stx=&amp;sca=&amp;page={view.page}">조회 </a></th>
            <th scope="col"><a href="{sort}&amp;sst=wr_datetime&amp;sod=desc&amp;sfl=&amp;stx=&amp;sca=&amp;page={view.page}">날짜  </a></th>
        </tr>
        </thead>
        <tbody>
{rows}        </tbody>
        </table>
    </div>
    <!-- 페이지 -->
    {view.paging_html}
    <!-- 페이지 -->
    </form>

    <!-- 게시판 검색 시작 {{ -->
    <div class="bo_sch_wrap">
        <fieldset class="bo_sch">
            <h3>검색</h3>
            <form name="fsearch" method="get">
            <input type="hidden" name="bo_table" value="{view.bo_table}">
            <input type="hidden" name="sca" value="">
            <input type="hidden" name="sop" value="and">
            <label for="sfl" class="sound_only">검색대상</label>
            <select name="sfl" id="sfl">
                <option value="wr_subject" selected="selected">제목</option>
                <option value="wr_content">내용</option>
                <option value="wr_subject||wr_content">제목+내용</option>
                <option value="wr_name,1">글쓴이</option>
            </select>
            <label for="stx" class="sound_only">검색어<strong class="sound_only"> 필수</strong></label>
            <div class="sch_bar">
                <input type="text" name="stx" value="" required id="stx" class="sch_input" size="25" maxlength="20" placeholder=" 검색어를 입력해주세요">
                <button type="submit" value="검색" class="sch_btn"><i class="fa fa-search" aria-hidden="true"></i><span class="sound_only">검색</span></button>
            </div>
            </form>
        </fieldset>
    </div>
    <!-- }} 게시판 검색 끝 -->
</div>
<!-- }} 게시판 목록 끝 -->
"""
