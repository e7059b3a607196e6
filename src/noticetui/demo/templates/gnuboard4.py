"""Gnuboard 4 markup: ``head.sub.php``, the ``basic`` board skin's list and view (table layout), the member
skin's password form, ``alert()``/``goto_url()`` and ``get_paging``, paraphrased from gnuboard 4.3x.

Everything is written as gnuboard4 writes it: relative links (``../bbs/board.php``) with raw ``&``,
single-quoted attributes, ``<img>`` icons, no classes worth the name.  Values come in already escaped the
way :func:`get_text` escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SKIN = "../skin/board/basic"
"""``$board_skin_path`` as seen from ``/bbs/``."""
MEMBER_SKIN = "../skin/member/basic"


def get_text(text: str) -> str:
    """Gnuboard4's ``get_text``: ``< > '`` escaped; ``"`` and a bare ``&`` are left as they are."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#039;")


def cut_str(text: str, length: int, charset: str = "euc-kr", suffix: str = "…") -> str:
    """Gnuboard4's ``cut_str``: at most ``length`` *bytes* in the site's charset, never half a character."""
    width = 2 if charset == "euc-kr" else 3
    out, used = "", 0
    for char in text:
        size = 1 if ord(char) < 128 else width
        if used + size > length:
            return out + suffix
        out, used = out + char, used + size
    return out


def head_sub(title: str, g4_url: str, bo_table: str, charset: str) -> str:
    """``head.sub.php``: the meta charset and the ``g4_*`` globals every page declares."""
    return f"""<!-- <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"> -->
<html>
<head>
<meta http-equiv="content-type" content="text/html; charset={charset}">
<title>{title}</title>
<link rel="stylesheet" href="../style.css" type="text/css">
</head>
<script language="javascript">
// 자바스크립트에서 사용하는 전역변수 선언
var g4_path      = "..";
var g4_bbs       = "bbs";
var g4_bbs_img   = "img";
var g4_url       = "{g4_url}";
var g4_is_member = "";
var g4_is_admin  = "";
var g4_bo_table  = "{bo_table}";
var g4_sca       = "";
var g4_charset   = "{charset}";
var g4_cookie_domain = "";
var g4_is_gecko  = navigator.userAgent.toLowerCase().indexOf("gecko") != -1;
var g4_is_ie     = navigator.userAgent.toLowerCase().indexOf("msie") != -1;
</script>
<script type="text/javascript" src="../js/common.js"></script>
<script type="text/javascript" src="../js/ajax.js"></script>
<body topmargin="0" leftmargin="0" >
<a name="g4_head"></a>
"""


def layout(site_title: str, body: str, skin: str = "basic") -> str:
    """``head.php`` and ``tail.php`` of the default layout around a board (and the skin comment)."""
    return f"""<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td height="70" style="padding-left:20px;"><a href="../"><b style="font-size:18px;">{site_title}</b></a></td></tr>
<tr><td bgcolor="#f7f7f7" height="30" style="padding-left:20px;">
<a href="../bbs/board.php?bo_table=notice">공지사항</a> | <a href="../bbs/board.php?bo_table=data">자료실</a> |
<a href="../bbs/login.php?url=%2Fbbs%2Fboard.php">로그인</a></td></tr>
</table>
<table width="900" align="center" cellspacing="0" cellpadding="0"><tr><td valign="top">
<script type="text/javascript" src="../js/sideview.js"></script>
{body}
<!-- 사용스킨 : {skin} -->
</td></tr></table>
<table width="100%"><tr><td align="center" style="padding:20px; color:#999;">Copyright &copy; {site_title}. All rights reserved.</td></tr></table>
</body>
</html>
"""


def alert(msg: str, url: str, charset: str) -> str:
    """``alert()``: a meta charset, the message, then back (no URL) or ``goto_url``."""
    go = "" if url else "history.go(-1);"
    page = f"""<meta http-equiv="content-type" content="text/html; charset={charset}"><script type='text/javascript'>alert('{msg}');{go}</script>"""
    return page + (goto_url(url) if url else "")


def alert_close(msg: str, charset: str) -> str:
    """``alert_close()``."""
    return (
        f'<meta http-equiv="content-type" content="text/html; charset={charset}">'
        f"<script type='text/javascript'> alert('{msg}'); window.close(); </script>"
    )


def goto_url(url: str) -> str:
    """``goto_url()``: gnuboard4's redirect is a script, answered with status 200."""
    return f"<script type='text/javascript'> location.replace('{url}'); </script>"


def sideview(mb_id: str | None, name: str) -> str:
    """``get_sideview``: the name in a span, in a link that opens the member layer."""
    if mb_id:
        return (
            f"<a href=\"javascript:;\" onClick=\"showSideView(this, '{mb_id}', '{name}', 'ZGVtb0BleGFtcGxlLmty', '');\" "
            f"title=\"[{mb_id}]{name}\"><span class='member'>{name}</span></a>"
        )
    return (
        f"<a href=\"javascript:;\" onClick=\"showSideView(this, '', '{name}', '', '');\" "
        f"title=\"[비회원]{name}\"><span class='guest'>{name}</span></a>"
    )


def paging(write_pages: int, cur: int, total: int, url: str) -> str:
    """``get_paging`` as the basic list skin rewrites it: words become images, numbers get spans."""
    out = ""
    if cur > 1:
        out += f"<a href='{url}1'><img src='{SKIN}/img/page_begin.gif' border='0' align='absmiddle' title='처음'></a>"
    start = (cur - 1) // write_pages * write_pages + 1
    end = min(start + write_pages - 1, total)
    if start > 1:
        out += f" &nbsp;<a href='{url}{start - 1}'><img src='{SKIN}/img/page_prev.gif' border='0' align='absmiddle' title='이전'></a>"
    if total > 1:
        for k in range(start, end + 1):
            if k == cur:
                out += (
                    f' &nbsp;<b><span style="color:#4D6185; font-size:12px; text-decoration:underline;">{k}</span></b> '
                )
            else:
                out += f" &nbsp;<a href='{url}{k}'><b><span style=\"color:#B3B3B3; font-size:12px;\">{k}</span></b></a>"
    if total > end:
        out += f" &nbsp;<a href='{url}{end + 1}'><img src='{SKIN}/img/page_next.gif' border='0' align='absmiddle' title='다음'></a>"
    if cur < total:
        out += f" &nbsp;<a href='{url}{total}'><img src='{SKIN}/img/page_end.gif' border='0' align='absmiddle' title='맨끝'></a>"
    return out


@dataclass(frozen=True)
class ListRow:
    """One list row, with every value as ``get_list`` prepares it."""

    num: str
    notice: bool
    subject: str
    href: str
    name_html: str
    hits: int
    datetime2: str
    """``HH:MM`` for today, ``MM-DD`` otherwise."""
    comment_href: str = ""
    comments: int = 0
    category: str = ""
    category_href: str = ""
    reply_depth: int = 0
    icons: tuple[str, ...] = ()
    """Names of the icons after the title: ``new``, ``file``, ``link``, ``hot``, ``secret``."""


@dataclass(frozen=True)
class ListView:
    """What the list skin needs."""

    bo_table: str
    total: int
    rows: list[ListRow]
    paging_html: str
    categories: list[str] = field(default_factory=list)
    """The category names of ``<select name=sca>`` (empty: the board has none)."""


def _list_row(row: ListRow) -> str:
    num = (
        f'<img src="{SKIN}/img/icon_notice.gif">'
        if row.notice
        else f"<span style='font:normal 11px tahoma; color:#B3B3B3;'>{row.num}</span>"
    )
    reply = " &nbsp;&nbsp; " * row.reply_depth
    if row.reply_depth:
        reply += f"<img src='{SKIN}/img/icon_reply.gif' align='absmiddle'>"
    cate = ""
    if row.category:
        cate = f"<span class=small><font color=gray>[<a href='{row.category_href}'>{row.category}</a>]</font></span> "
    bold = " style='font-weight:bold;'" if row.notice else ""
    cmt = ""
    if row.comments:
        cmt = (
            f" <a href=\"{row.comment_href}\"><span style='font-family:Tahoma;font-size:10px;color:#EE5A00;'>"
            f"({row.comments})</span></a>"
        )
    icons = "".join(f" <img src='{SKIN}/img/icon_{name}.gif' align='absmiddle'>" for name in row.icons)
    return f"""<tr height=29 align=center>
    <td width=50>
        {num}    </td>
    <td align=left style='word-break:break-all;'>
        {reply}{cate}<a href='{row.href}'{bold}>{row.subject}</a>{cmt}{icons}    </td>
    <td align=left width=110><nobr style='display:block; overflow:hidden; width:105px;'>{row.name_html}</nobr></td>
    <td width=40><span style='font:normal 11px tahoma; color:#BABABA;'>{row.datetime2}</span></td>
    <td width=50><span style='font:normal 11px tahoma; color:#BABABA;'>{row.hits}</span></td>
</tr>
<tr><td colspan=5 height=1 bgcolor=#eeeeee></td></tr>
"""


def list_skin(view: ListView) -> str:
    """``skin/board/basic/list.skin.php``."""
    rows = "".join(_list_row(r) for r in view.rows)
    if not view.rows:
        rows = "<tr><td colspan='5' height=100 align=center>게시물이 없습니다.</td></tr>"
    select = ""
    if view.categories:
        options = "".join(f"<option value='{c}'>{c}</option>\n" for c in view.categories)
        select = (
            "<select name=sca onchange=\"location='./board.php?bo_table="
            f"{view.bo_table}&sca='+this.value;\">\n<option value=''>전체</option>\n{options}</select>"
        )
    sort = f"./board.php?bo_table={view.bo_table}&sop=and"
    return f"""<div style="height:12px; line-height:1px; font-size:1px;">&nbsp;</div>

<!-- 게시판 목록 시작 -->
<table width="97%" align=center cellpadding=0 cellspacing=0><tr><td>

<table border=0 width="100%" cellspacing="0" cellpadding="0">
<tr height="25">
    <td width="50%">
        <form name="fcategory" method="get" style="margin:0; padding:0;">
        {select}
        </form>
    </td>
    <td align="right">
        <img src="{SKIN}/img/icon_total.gif" align=absmiddle>
        <span style="color:#888888; font-weight:bold;">Total {view.total:,}</span>
        <a href='./rss.php?bo_table={view.bo_table}'><img src='{SKIN}/img/btn_rss.gif' border=0 align=absmiddle></a>
    </td>
</tr>
<tr><td height=5></td></tr>
</table>

<form name="fboardlist" method="post" style="margin:0;">
<input type='hidden' name='bo_table' value='{view.bo_table}'>
<input type='hidden' name='sfl'  value=''>
<input type='hidden' name='stx'  value=''>
<input type='hidden' name='spt'  value=''>
<input type='hidden' name='page' value=''>
<input type='hidden' name='sw'   value=''>

<div style="border:1px solid #ddd; height:34px; background:url({SKIN}/img/title_bg.gif) repeat-x;">
<table width=100% border=0 cellpadding=0 cellspacing=0 style="font-weight:bold; color:#505050;">
<tr height=34 align=center>
    <td width=50>번호</td>
    <td>제&nbsp;&nbsp;&nbsp;목</td>
    <td width=110>글쓴이</td>
    <td width=40><a href='{sort}&sst=wr_datetime&sod=desc&sfl=&stx=&page='>날짜</a></td>
    <td width=50><a href='{sort}&sst=wr_hit&sod=desc&sfl=&stx=&page='>조회</a></td>
</tr>
</table>
</div>
<div style="height:3px; background:url({SKIN}/img/title_shadow.gif) repeat-x; line-height:1px; font-size:1px;"></div>

<table width=100% border=0 cellpadding=0 cellspacing=0>
<!-- 목록 -->
{rows}</table>
</form>

<div style="clear:both; margin-top:7px; height:31px;">
    <div style="float:right;">
    <a href="./write.php?bo_table={view.bo_table}"><img src="{SKIN}/img/btn_write.gif" border="0"></a>
    </div>
</div>

<!-- 페이지 -->
<div style="text-align:center; line-height:30px; clear:both; margin:5px 0 10px 0; padding:5px 0; font-family:gulim;">
    {view.paging_html}
</div>

<div style="text-align:center;">
<form name=fsearch method=get style="margin:0px;">
<input type=hidden name=bo_table value="{view.bo_table}">
<input type=hidden name=sca      value="">
<select name=sfl><option value='wr_subject'>제목</option><option value='wr_content'>내용</option></select>
<input name=stx maxlength=15 itemname="검색어" required value=''>
<input type=image src="{SKIN}/img/btn_search.gif" border=0 align=absmiddle>
</form>
</div>

</td></tr></table>
<!-- 게시판 목록 끝 -->
"""
