"""Gnuboard 4 ``basic`` skin pages for one post: the view (with its comments) and the password form."""

from __future__ import annotations

from dataclasses import dataclass, field

from noticetui.demo.templates.gnuboard4 import MEMBER_SKIN, SKIN


@dataclass(frozen=True)
class FileItem:
    """One file row of the view: ``get_file`` values, the name already ``addslashes``'d."""

    href: str
    source: str
    size: str
    download: int
    datetime: str


@dataclass(frozen=True)
class CommentItem:
    """One comment (``view_comment.skin.php``)."""

    comment_id: str
    name_html: str
    datetime: str
    """``y-m-d H:i``."""
    content: str


@dataclass(frozen=True)
class PostView:
    """What the view skin needs, prepared as ``view.php`` prepares it."""

    bo_table: str
    subject: str
    name_html: str
    hits: int
    date: str
    """``y-m-d H:i``."""
    content: str
    list_href: str
    category: str = ""
    images: list[str] = field(default_factory=list)
    """``view_file_link`` tags of the image attachments, shown above the body."""
    files: list[FileItem] = field(default_factory=list)
    links: list[tuple[str, str, int]] = field(default_factory=list)
    prev_href: str = ""
    next_href: str = ""
    comment_items: list[CommentItem] = field(default_factory=list)


def _file_rows(view: PostView) -> str:
    rows = ""
    for f in view.files:
        rows += (
            f'<tr><td height=30 background="{SKIN}/img/view_dot.gif">'
            f"&nbsp;&nbsp;<img src='{SKIN}/img/icon_file.gif' align=absmiddle>"
            f"<a href=\"javascript:file_download('{f.href}', '{f.source}');\" title=''>"
            f'&nbsp;<span style="color:#888;">{f.source} ({f.size})</span>'
            f'&nbsp;<span style="color:#ff6600; font-size:11px;">[{f.download}]</span>'
            f'&nbsp;<span style="color:#d3d3d3; font-size:11px;">DATE : {f.datetime}</span></a></td></tr>\n'
        )
    for href, text, hits in view.links:
        rows += (
            f'<tr><td height=30 background="{SKIN}/img/view_dot.gif">'
            f"&nbsp;&nbsp;<img src='{SKIN}/img/icon_link.gif' align=absmiddle><a href='{href}' target=_blank>"
            f'&nbsp;<span style="color:#888;">{text}</span>&nbsp;<span style="color:#ff6600; font-size:11px;">'
            f"[{hits}]</span></a></td></tr>\n"
        )
    return rows


def _comments(view: PostView) -> str:
    items = ""
    for c in view.comment_items:
        items += f"""<a name="c_{c.comment_id}"></a>
<table width=100% cellpadding=0 cellspacing=0 border=0>
<tr>
    <td></td>
    <td width='100%'>
        <table border=0 cellpadding=0 cellspacing=0 width=100%>
        <tr>
            <td height=1 colspan=3 bgcolor="#dddddd"><td>
        </tr>
        <tr>
            <td height=1 colspan=3></td>
        </tr>
        <tr>
            <td valign=top>
                <div style="height:28px; background:url({SKIN}/img/co_title_bg.gif); clear:both; line-height:28px;">
                <div style="float:left; margin:2px 0 0 2px;">
                <strong>{c.name_html}</strong>
                <span style="color:#888888; font-size:11px;">{c.datetime}</span>
                </div>
                </div>
                <div style='line-height:20px; padding:7px; word-break:break-all; overflow:hidden; clear:both; '>
                {c.content}
                </div>
                <span id='edit_{c.comment_id}' style='display:none;'></span>
                <input type=hidden id='secret_comment_{c.comment_id}' value="">
                <textarea id='save_comment_{c.comment_id}' style='display:none;'>{c.content}</textarea></td>
        </tr>
        <tr>
            <td height=5 colspan=3></td>
        </tr>
        </table>
    </td>
</tr>
</table>
"""
    return f'<div id="commentContents">\n{items}</div>\n'


def view_skin(view: PostView) -> str:
    """``skin/board/basic/view.skin.php`` (``view_comment.php`` included)."""
    category = f"[{view.category}] " if view.category else ""
    images = "".join(f"{img}<p>" for img in view.images)
    prev = f"<a href=\"{view.prev_href}\" title=\"\"><img src='{SKIN}/img/btn_prev.gif' border='0' align='absmiddle'></a>&nbsp;"
    nxt = f"<a href=\"{view.next_href}\" title=\"\"><img src='{SKIN}/img/btn_next.gif' border='0' align='absmiddle'></a>&nbsp;"
    buttons = (
        f"<a href=\"{view.list_href}\"><img src='{SKIN}/img/btn_list.gif' border='0' align='absmiddle'></a> "
        f"<a href=\"./write.php?w=r&bo_table={view.bo_table}\"><img src='{SKIN}/img/btn_reply.gif' border='0' align='absmiddle'></a> "
    )
    return f"""<div style="height:12px; line-height:1px; font-size:1px;">&nbsp;</div>

<!-- 게시글 보기 시작 -->
<table width="97%" align="center" cellpadding="0" cellspacing="0"><tr><td>

<div style="clear:both; height:30px;">
    <div style="float:left; margin-top:6px;">
    <img src="{SKIN}/img/icon_date.gif" align=absmiddle>
    <span style="color:#888888;">작성일 : {view.date}</span>
    </div>

    <!-- 링크 버튼 -->
    <div style="float:right;">
    {buttons}
    </div>
</div>

<div style="border:1px solid #ddd; clear:both; height:34px; background:url({SKIN}/img/title_bg.gif) repeat-x;">
    <table border=0 cellpadding=0 cellspacing=0 width=100%>
    <tr>
        <td style="padding:8px 0 0 10px;">
            <div style="color:#505050; font-size:13px; font-weight:bold; word-break:break-all;">
            {category}{view.subject}
            </div>
        </td>
        <td align="right" style="padding:6px 6px 0 0;" width=120>
            <a href="javascript:;" onclick="win_scrap('./scrap_popin.php?bo_table={view.bo_table}');"><img src='{SKIN}/img/btn_scrap.gif' border='0' align='absmiddle'></a>
        </td>
    </tr>
    </table>
</div>
<div style="height:3px; background:url({SKIN}/img/title_shadow.gif) repeat-x; line-height:1px; font-size:1px;"></div>


<table border=0 cellpadding=0 cellspacing=0 width=97%>
<tr>
    <td height=30 background="{SKIN}/img/view_dot.gif" style="color:#888;">
        <div style="float:left;">
        &nbsp;글쓴이 :
        {view.name_html}        </div>
        <div style="float:right;">
        <img src="{SKIN}/img/icon_view.gif" align=absmiddle> 조회 : {view.hits:,}
        &nbsp;
        </div>
    </td>
</tr>
{_file_rows(view)}<tr>
    <td height="150" style="word-break:break-all; padding:10px;">
        {images}

        <!-- 내용 출력 -->
        <span id="writeContents">{view.content}</span>

        <!-- 테러 태그 방지용 --></xml></xmp><a href=""></a><a href=''></a>

</td>
</tr>
</table>
<br>

{_comments(view)}
<div style="height:1px; line-height:1px; font-size:1px; background-color:#ddd; clear:both;">&nbsp;</div>

<div style="clear:both; height:43px;">
    <div style="float:left; margin-top:10px;">
    {prev if view.prev_href else ""}
    {nxt if view.next_href else ""}
    </div>

    <!-- 링크 버튼 -->
    <div style="float:right; margin-top:10px;">
    {buttons}
    </div>
</div>

<div style="height:2px; line-height:1px; font-size:1px; background-color:#dedede; clear:both;">&nbsp;</div>

</td></tr></table><br>

<script language="JavaScript">
function file_download(link, file) {{
    document.location.href=link;
}}
</script>

<script language="JavaScript" src="../js/board.js"></script>
<script language="JavaScript">
window.onload=function() {{
    resizeBoardImage(600);
    drawFont();
}}
</script>
<!-- 게시글 보기 끝 -->
"""


def password_skin(bo_table: str, wr_id: str, page: str) -> str:
    """``skin/member/basic/password.skin.php`` (``w=s``: a secret post)."""
    return f"""<script type="text/javascript" src="../js/capslock.js"></script>

<form name="fboardpassword" method=post onsubmit="return fboardpassword_submit(this);">
<input type=hidden name=w           value="s">
<input type=hidden name=bo_table    value="{bo_table}">
<input type=hidden name=wr_id       value="{wr_id}">
<input type=hidden name=comment_id  value="">
<input type=hidden name=sfl         value="">
<input type=hidden name=stx         value="">
<input type=hidden name=page        value="{page}">

<table width="668" border="0" cellspacing="0" cellpadding="0">
<tr>
    <td width="20" height="48"></td>
    <td width="628" align="right" background="{MEMBER_SKIN}/img/secrecy_table_bg_top.gif"><img src="{MEMBER_SKIN}/img/secrecy_img.gif" width="344" height="48"></td>
    <td width="20"></td>
</tr>
<tr>
    <td width="20" height="223"></td>
    <td width="628" align="center" background="{MEMBER_SKIN}/img/secrecy_table_bg.gif">
        <table width="350" border="0" cellspacing="0" cellpadding="0">
        <tr>
            <td width="70" align="left"><b>패스워드</b></td>
            <td width="150"><INPUT type=password maxLength=20 size=15 name="wr_password" id="password_wr_password" itemname="패스워드" required></td>
            <td width="100" height="100" valign="middle"><INPUT name="image" type=image src="{MEMBER_SKIN}/img/btn_confirm.gif" width="65" height="52" border=0></td>
        </tr>
        <tr align="center">
            <td height="60" colspan="3">이 게시물의 패스워드를 입력하십시오.</td>
        </tr>
        </table></td>
    <td width="20"></td>
</tr>
</table>

</form>

<script language='JavaScript'>
document.fboardpassword.wr_password.focus();

function fboardpassword_submit(f)
{{
    f.action = "./password_check.php";
    return true;
}}
</script>
"""
