"""The legacy common component's board pages (v2/v3 ``EgovNoticeList.jsp`` / ``EgovNoticeInqire.jsp``), as
a deployed copy renders them: ``table.listTable``, a per-row ``subForm`` that is never submitted, rows that
open through ``fn_egov_inqire_notice(nttId, bbsId)`` and the hidden ``submitParam`` form, and the page
in EUC-KR.  Deleted posts (``USE_AT = 'N'``) stay listed, without a link.
"""

from __future__ import annotations

from noticetui.demo.templates.egov_parts import BoardInfo, ListRow, ViewData, c_out, file_list, legacy_pagination

_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">

<html lang="ko">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<link href="{ctx}/css/egovframework/com/com.css" rel="stylesheet" type="text/css">
<link href="{ctx}/css/egovframework/cop/tpl/egovBaseTemplate.css" rel="stylesheet" type="text/css">
<script type="text/javascript" src="{ctx}/js/egovframework/com/cop/bbs/EgovBBSMng.js" ></script>
"""


def _row(board: BoardInfo, row: ListRow, page: int) -> str:
    if row.deleted:
        title = f"\n\t    \t\t\t{c_out(row.title)}\n\t    \t\t"
    else:
        reply = ""
        if row.reply_depth:
            spaces = "".join("\n\t\t\t    \t\t\t&nbsp;" for _ in range(row.reply_depth + 1))
            icon = f"{board.ctx}/images/egovframework/com/cmm/icon/reply_arrow.gif"
            reply = f'{spaces}\n\t\t\t    \t\t<img src="{icon}" alt="reply arrow">'
        title = f"""
                    <form name="subForm" method="post" action="{board.ctx}/cop/bbs/selectBoardArticle.do">
                        <input type="hidden" name="bbsTyCode" value="BBST01" />
                        <input type="hidden" name="bbsAttrbCode" value="BBSA03" />
                        <input type="hidden" name="authFlag" value="" />
                        <input name="pageIndex" type="hidden" value="{page}"/>{reply}
                        <span class="link">
                            <a href="#"  onclick="fn_egov_inqire_notice('{row.ntt_id}', '{board.bbs_id}');">{c_out(row.title)}</a>
                        </span>
                    </form>"""
    return f"""
      <tr>
        <td class="listCenter" nowrap>{row.num}</td>
        <td class="listLeft" nowrap>{title}
        </td>
            <td class="listCenter" nowrap>{c_out(row.author)}</td>
        <td class="listCenter" nowrap>{row.date}</td>
        <td class="listCenter" nowrap>{row.views}</td>
      </tr>"""


def list_page(board: BoardInfo, rows: list[ListRow], page: int, total_pages: int, page_size: int) -> str:
    """``EgovNoticeList.jsp`` (a notice board: no posting period columns, no anonymous mode)."""
    ctx = board.ctx
    body = "".join(_row(board, r, page) for r in rows) or (
        '\n\t  <tr>\n\t\t<td class="listCenter" colspan="5" >조회된 결과가 없습니다.</td>\n\t  </tr>'
    )
    paging = legacy_pagination(ctx, "fn_egov_select_noticeList", page, total_pages, page_size)
    return (
        _HEAD.format(ctx=ctx)
        + f"""<script type="text/javascript">
<!--
    function press(event) {{
        if (event.keyCode==13) {{
            fn_egov_select_noticeList('1');
        }}
    }}

    function fn_egov_select_noticeList(pageNo) {{
        document.frm.pageIndex.value = pageNo;
        document.frm.action = "{ctx}/cop/bbs/selectBoardList.do";
        document.frm.submit();
    }}

    function fn_egov_inqire_notice(nttId, bbsId) {{
         if(bbsId == "") return false; //20150508
         document.submitParam.nttId.value = nttId;
         document.submitParam.bbsId.value = bbsId;
         document.submitParam.action = "{ctx}/cop/bbs/selectBoardArticle.do";
         document.submitParam.submit();
    }}
//-->
</script>
<title>{c_out(board.name)}</title>
</head>
<body>

<div id="border">

<form name="frm" action ="{ctx}/cop/bbs/selectBoardList.do" method="post">
<input type="hidden" name="bbsId" value="{board.bbs_id}" />
<input type="hidden" name="nttId"  value="0" />
<input type="hidden" name="bbsTyCode" value="BBST01" />
<input type="hidden" name="bbsAttrbCode" value="BBSA03" />
<input type="hidden" name="authFlag" value="" />
<input name="pageIndex" type="hidden" value="{page}"/>
<table width="100%" cellpadding="8" class="table-search" border="0">
 <tr>
  <td width="40%" class="title_left">
      <h1><img src="{ctx}/images/egovframework/com/cmm/icon/tit_icon.gif" width="16" height="16" hspace="3" align="middle" alt="제목아이콘이미지">&nbsp;{c_out(board.name)}</h1>
  </td>
  <td width="10%"class="title_left">
    <select name="searchCnd" class="select" title="검색조건선택">
           <option value="0"  >제목</option>
           <option value="1"  >내용</option>
           <option value="2"  >작성자</option>
    </select>
  </td>
  <td width="35%">
    <input name="searchWrd" type="text" size="35" value='' maxlength="35" onkeypress="press(event);" title="검색어 입력">
  </td>
  <th width="10%">
      <input type="submit" value="조회" onclick="fn_egov_select_noticeList('1'); return false;">
  </th>
 </tr>
 </table>
 </form>

<table width="100%" cellpadding="8" class="listTable" summary="번호, 제목, 게시시작일, 게시종료일, 작성자, 작성일, 조회수   입니다">
 <thead>
  <tr>
    <th scope="col" class="listTitle" width="10%" nowrap>번호</th>
    <th scope="col" class="listTitle" width="44%" nowrap>제목</th>
        <th scope="col" class="listTitle" width="20%" nowrap>작성자</th>
    <th scope="col" class="listTitle" width="15%" nowrap>작성일</th>
    <th scope="col" class="listTitle" width="8%" nowrap>조회수</th>
  </tr>
 </thead>

 <tbody>
     <form name="submitParam" method="post">
         <input type="hidden" name="bbsId"  />
        <input type="hidden" name="nttId"  />
     </form>{body}
 </tbody>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td height="10"></td>
  </tr>
</table>

<div align="center">
    {paging}
</div>

</div>
</body>
</html>
"""
    )


def view_page(board: BoardInfo, view: ViewData) -> str:
    """``EgovNoticeInqire.jsp``: a ``table.generalTable`` of ``th``/``td`` pairs, the body in ``#bbs_cn``."""
    ctx = board.ctx
    files = ""
    if view.files:
        files = f"""
          <tr>
            <th height="23">첨부파일 목록</th>
            <td colspan="5">{file_list(ctx, view.files)}
            </td>
          </tr>"""
    return (
        _HEAD.format(ctx=ctx)
        + f"""<script type="text/javascript">
    function onloading() {{
        if ("" != "") {{
            alert("");
        }}
    }}

    function fn_egov_select_noticeList(pageNo) {{
        document.frm.pageIndex.value = pageNo;
        document.frm.action = "{ctx}/cop/bbs/selectBoardList.do";
        document.frm.submit();
    }}
</script>
<title>{c_out(board.name)} - 글조회</title>
</head>
<body onload="onloading();">
<form name="frm" method="post" action="">
<input type="hidden" name="pageIndex" value="{view.page_index}">
<input type="hidden" name="bbsId" value="{board.bbs_id}" >
<input type="hidden" name="nttId" value="{view.ntt_id}" >
<input type="hidden" name="nttSj" value="{c_out(view.title)}" >

<div id="border">

    <table width="100%" cellpadding="8" class="table-search" border="0">
     <tr>
      <td width="100%" class="title_left">
       <img src="{ctx}/images/egovframework/com/cmm/icon/tit_icon.gif" width="16" height="16" hspace="3" style="vertical-align: middle" alt="제목아이콘이미지">
       &nbsp;{c_out(board.name)} - 글조회</td>
     </tr>
    </table>
    <table width="100%" border="0" cellpadding="0" cellspacing="1" bgcolor="ffffff" class="generalTable">
      <tr>
        <th width="15%" height="23" nowrap >제목</th>
        <td width="85%" colspan="5" nowrap>{c_out(view.title)}
        </td>
      </tr>
      <tr>
        <th width="15%" height="23" nowrap >작성자</th>
        <td width="15%" class="lt_text3" nowrap>
                {c_out(view.author)}
        </td>
        <th width="15%" height="23" nowrap >작성시간</th>
        <td width="15%" class="listCenter" nowrap>{view.date}
        </td>
        <th width="15%" height="23" nowrap >조회수</th>
        <td width="15%" class="listCenter" nowrap>{view.views}
        </td>
      </tr>
      <tr>
        <th height="23" >글내용</th>
        <td colspan="5">
         <div id="bbs_cn">
{view.body}
         </div>
        </td>
      </tr>{files}
    </table>

    <div align="center">
        <a href="javascript:fn_egov_select_noticeList('1')">목록</a>
    </div>
</div>
</form>
</body>
</html>
"""
    )
