"""Pieces every eGovFrame sample page shares: JSTL escaping, the ``ui:pagination`` renderers, the file
list include (``EgovFileList.jsp``) and the error page (``egovError.jsp``).

Each follows the JSP or Java class it stands for in egovframe-common-components,
egovframe-portal-site-template or a deployed legacy copy (BOARDS.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass

_JSTL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#034;", "'": "&#039;"}


def c_out(value: object) -> str:
    """``<c:out value="…"/>``: JSTL's escapeXml, which writes quotes as ``&#034;`` and ``&#039;``."""
    return "".join(_JSTL.get(ch, ch) for ch in str(value))


@dataclass(frozen=True)
class BoardInfo:
    """A board master (``BoardMasterVO``) as the pages need it."""

    ctx: str
    """The web application's context path (``/egov/legacy``): every URL on its pages starts with it."""
    bbs_id: str
    name: str
    """``bbsNm``."""


@dataclass(frozen=True)
class ListRow:
    """One row of a list page."""

    num: int
    ntt_id: str
    title: str
    author: str
    date: str
    """``YYYY-MM-DD``: every eGovFrame list formats ``FRST_REGIST_PNTTM`` so."""
    views: int
    reply_depth: int = 0
    notice: bool = False
    secret: bool = False
    comments: int = 0
    deleted: bool = False
    """``USE_AT = 'N'``: listed without a link (legacy)."""


@dataclass(frozen=True)
class ViewData:
    """What a view page shows."""

    ntt_id: str
    title: str
    author: str
    date: str
    views: int
    body: str
    """HTML (legacy, current) or plain text (portal)."""
    files: list[FileRow]
    page_index: int = 1


@dataclass(frozen=True)
class FileRow:
    """One attached file as ``EgovFileList.jsp`` shows it."""

    atch_file_id: str
    """The id as the page carries it (encrypted with the session id on current sites)."""
    file_sn: int
    name: str
    size: int


# --- ui:pagination ---------------------------------------------------------------------------------


def pagination_items(current: int, total_pages: int, page_size: int) -> list[tuple[str, int]]:
    """``AbstractPaginationRenderer.renderPagination``: ``(kind, page)`` with kind first, prev, current,
    other, next or last — the labels of the first group point at page 1, those of the last at the last."""
    if total_pages < 1:
        return [("current", 1)]
    first_on_list = (current - 1) // page_size * page_size + 1
    last_on_list = min(first_on_list + page_size - 1, total_pages)
    items: list[tuple[str, int]] = []
    if total_pages > page_size:
        items += [("first", 1), ("prev", first_on_list - 1 if first_on_list > page_size else 1)]
    items += [("current" if n == current else "other", n) for n in range(first_on_list, last_on_list + 1)]
    if total_pages > page_size:
        next_page = first_on_list + page_size if last_on_list < total_pages else total_pages
        items += [("next", next_page), ("last", total_pages)]
    return items


def legacy_pagination(ctx: str, fn: str, current: int, total_pages: int, page_size: int) -> str:
    """The v2/v3 ``ImagePaginationRenderer``: image buttons, ``<strong>`` for the current page, ``&#160;``."""
    icons = {"first": ("icon_prevend", "처음"), "prev": ("icon_prev", "이전"), "next": ("icon_next", "다음")}
    icons["last"] = ("icon_nextend", "마지막")
    out = []
    for kind, n in pagination_items(current, total_pages, page_size):
        link = f'<a href="?pageIndex={n}" onclick="{fn}({n});return false; ">'
        if kind == "current":
            out.append(f"<strong>{n}</strong>&#160;")
        elif kind == "other":
            out.append(f"{link}{n}</a>&#160;")
        else:
            icon, alt = icons[kind]
            src = f"{ctx}/images/egovframework/com/cmm/mod/icon/{icon}.gif"
            out.append(f'{link}<img src="{src}" alt="{alt}"   border="0"/></a>&#160;')
    return "".join(out)


def image_pagination(fn: str, current: int, total_pages: int, page_size: int) -> str:
    """The current common components' ``ImagePaginationRenderer`` (``li.current``, 첫/끝 페이지)."""
    labels = {"first": "첫 페이지", "prev": "이전 페이지", "next": "다음 페이지", "last": "끝 페이지"}
    out = []
    for kind, n in pagination_items(current, total_pages, page_size):
        if kind == "current":
            out.append(f'<li class="current"><a onClick="return false;">{n}</a></li>')
        else:
            cls = f' class="{kind}"' if kind in labels else ""
            text = labels.get(kind, str(n))
            out.append(f'<li{cls}><a href="?pageIndex={n}" onclick="{fn}({n});return false; ">{text}</a></li>')
    return "".join(out)


def renew_pagination(fn: str, current: int, total_pages: int, page_size: int) -> str:
    """The portal template's ``RenewPaginationRenderer`` (``li.btn`` buttons, ``<strong>`` current page)."""
    buttons = {"first": ("first", "처음"), "prev": ("btn prev", "이전"), "next": ("btn next", "다음")}
    buttons["last"] = ("btn last", "마지막")
    out = []
    for kind, n in pagination_items(current, total_pages, page_size):
        link = f'<a href="?pageIndex={n}" onclick="{fn}({n});return false; "'
        if kind == "current":
            out.append(f"<li><strong>{n}</strong></li>")
        elif kind == "other":
            out.append(f"<li>{link}>{n}</a></li>")
        else:
            cls, text = buttons[kind]
            out.append(f'<li class="btn">{link} class="{cls}">{text}</a></li>')
    return "".join(out)


# --- cmm/fms/EgovFileList.jsp ----------------------------------------------------------------------


def file_list(ctx: str, files: list[FileRow]) -> str:
    """The common components' file list: ``javascript:fn_egov_downFile(id, sn)`` links in a table."""
    rows = "".join(
        f"""
        <tr id="egov_file_view_table_tr_{i}">
            <td style="border:0px solid #666;text-align:left;padding:0 0 0 0;margin:0 0 0 0;" height="22">
                    <a href="javascript:fn_egov_downFile('{c_out(f.atch_file_id)}','{f.file_sn}')">
                    {c_out(f.name)}&nbsp;[{f.size}&nbsp;byte]
                    </a>
            </td>
        </tr>"""
        for i, f in enumerate(files, start=1)
    )
    return f"""
<script type="text/javascript">

    function fn_egov_downFile(atchFileId, fileSn){{
        window.open("{ctx}/cmm/fms/FileDown.do?atchFileId="+atchFileId+"&fileSn="+fileSn+"");
    }}

</script>

<!--<title>파일목록</title> -->

    <table id="egov_file_view_table" style="border:0px solid #666;">{rows}
    </table>
"""


def portal_file_list(ctx: str, files: list[FileRow]) -> str:
    """The portal template's file list: ``a[data-atch-file-id]`` with the size after the link."""
    items = "".join(
        f"""
            <a href="#LINK"
                data-atch-file-id="{c_out(f.atch_file_id)}"
                data-file-sn="{f.file_sn}"
                onclick="fn_egov_downFile(this.dataset.atchFileId, this.dataset.fileSn); return false;">
                {c_out(f.name)}
            </a>
            &nbsp;[{f.size}&nbsp;byte]
    <div style="padding: 3px;"></div>
"""
        for f in files
    )
    return f"""<script type="text/javascript">
<!--
    function fn_egov_downFile(atchFileId, fileSn){{
        var downloadUrl = "{ctx}/cmm/fms/FileDown.do";
        window.open(downloadUrl + "?atchFileId=" + encodeURIComponent(atchFileId) + "&fileSn=" + encodeURIComponent(fileSn));
    }}
//-->
</script>

<div>
{items}
</div>
"""


def error_page(ctx: str, message: str | None = None) -> str:
    """``egovError.jsp``: what every exception turns into, with status 200 (and the exception's message,
    as deployments that print it do)."""
    detail = f'<tr><td class="lt_text2">{c_out(message)}</td></tr>' if message else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" >
<meta http-equiv="content-language" content="ko">
<title>eGovFrame 템플릿</title>
<script type="text/javascript">
function fncGoAfterErrorPage(){{
    history.back(-2);
}}
</script>
</head>
<body>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td align="center" valign="top"><br /><br /><br />
    <table width="600" border="0" cellpadding="0" cellspacing="0">
      <tr><td align="left"><img src="{ctx}/images/egovframework/com/cmm/er_logo.jpg" width="379" height="57" alt="er_logo" /></td></tr>
      <tr><td align="center"><table width="520" border="0" cellspacing="2" cellpadding="2">
        <tr>
          <td width="74" rowspan="2" align="center"><img src="{ctx}/images/egovframework/com/cmm/danger.jpg" width="74" height="74" alt="danger" /></td>
          <td width="399" align="left" class="lt_text2">알 수 없는 오류가 발생했습니다.</td>
        </tr>
      </table></td></tr>{detail}
      <tr><td align="center"><a href="#LINK" onClick="fncGoAfterErrorPage();"><img src="{ctx}/images/egovframework/com/cmm/go_history.jpg" width="90" height="29" alt="go_history" /></a></td></tr>
    </table>
    </td>
  </tr>
</table>
</body>
</html>
"""
