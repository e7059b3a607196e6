"""The current common component's board pages (``EgovArticleList.jsp`` / ``EgovArticleDetail.jsp``).

The list is one ``articleForm`` around ``table.board_list``: up to five pinned notices head every page
(they are listed again at their place in time), titles are cut at 40 characters and followed by a tab
and ``[comments]``, other users' secret posts show a lock and no link, and replies carry an
``icon_reply.png`` whose alt text is, as in the JSP, "secret".
"""

from __future__ import annotations

from noticetui.demo.templates.egov_parts import BoardInfo, ListRow, ViewData, c_out, file_list, image_pagination

TITLE_LEN = 40
"""``fn:substring(nttSj, 0, 40)``."""


def _title(row: ListRow) -> str:
    text = c_out(row.title[:TITLE_LEN])
    return f"{text}\t{c_out(f'[{row.comments}]')}" if row.comments else text


def _open(board: BoardInfo, row: ListRow) -> str:
    return (
        f"""<a href="javascript:void(0);" onclick="fn_egov_inquire_articledetail('{board.bbs_id}','{row.ntt_id}');"""
        f""" return false;">{_title(row)}</a>"""
    )


def _notice_row(board: BoardInfo, row: ListRow) -> str:
    icon = f"{board.ctx}/images/egovframework/com/cop/bbs/icon_notice.png"
    return f"""
    <tr>
        <td><img src="{icon}" alt="notice"></td>
        <td class="bold">
            {_open(board, row)}
        </td>
        <td>{c_out(row.author)}</td>
        <td>{row.date}</td>
        <td>{row.views}</td>
    </tr>
    """


def _row(board: BoardInfo, row: ListRow) -> str:
    indent = ""
    if row.reply_depth:
        icon = f"{board.ctx}/images/egovframework/com/cop/bbs/icon_reply.png"
        indent = "&nbsp;\t" * (row.reply_depth + 1) + f'<img src="{icon}" alt="secret">'
    if row.secret:
        lock = f"{board.ctx}/images/egovframework/com/cop/bbs/icon_lock.png"
        comments = f"\n\t\t\t{c_out(f'[{row.comments}]')}" if row.comments else ""
        cell = f"""
        <!-- 비밀글이며 작성자가 본인이 아닌 경우(클릭 불가) -->
        <td class="left">
        <img src="{lock}" alt="secret">&nbsp;{c_out(row.title[:TITLE_LEN])}{comments}
        </td>"""
    else:
        cell = f"""
        <!-- 나머지 경우 -->
        <td class="left">
                <span class="link">{indent}{_open(board, row)}</span>
        </td>"""
    return f"""
    <tr>
        <td>{row.num}</td>
        {cell}
        <td>{c_out(row.author)}</td>
        <td>{row.date}</td>
        <td>{row.views}</td>
    </tr>
    """


def list_page(
    board: BoardInfo, notices: list[ListRow], rows: list[ListRow], page: int, total_pages: int, page_size: int
) -> str:
    """``EgovArticleList.jsp``."""
    ctx = board.ctx
    body = "".join(_notice_row(board, r) for r in notices) + "".join(_row(board, r) for r in rows)
    if not rows:
        body += '\n\t<tr>\n\t\t<td colspan="5">조회된 결과가 없습니다.</td>\n\t</tr>\n\t'
    paging = image_pagination("fn_egov_select_linkPage", page, total_pages, page_size)
    return f"""<!DOCTYPE html>
<html>
<head>
<title>게시글 목록</title><!-- 게시글 목록 -->
<meta http-equiv="content-type" content="text/html; charset=utf-8">
<link type="text/css" rel="stylesheet" href="{ctx}/css/egovframework/com/com.css">
<link href="{ctx}/css/egovframework/com/cop/tpl/egovBaseTemplate.css" rel="stylesheet" type="text/css">
<script type="text/javascript" src="{ctx}/js/egovframework/com/cmm/egovPostNavigate.js"></script>
<script type="text/javascript">
function fn_egov_init(){{
    document.articleForm.searchCnd.focus();
}}
function fn_egov_select_linkPage(pageNo){{
    document.articleForm.pageIndex.value = pageNo;
    document.articleForm.action = "{ctx}/cop/bbs/selectArticleList.do";
       document.articleForm.submit();
}}
function fn_egov_search_article(){{
    document.articleForm.pageIndex.value = 1;
    document.articleForm.submit();
}}
function fn_egov_inquire_articledetail(bbsId, nttId) {{
    document.articleForm.bbsId.value = bbsId;
    document.articleForm.nttId.value = nttId;
      document.articleForm.action = "{ctx}/cop/bbs/selectArticleDetail.do";
      document.articleForm.submit();
}}
</script>
</head>
<body onload="fn_egov_init()">
<noscript class="noScriptTitle">자바스크립트를 지원하지 않는 브라우저에서는 일부 기능을 사용하실 수 없습니다.</noscript>

<div class="board">
    <form id="searchVO" name="articleForm" action="{ctx}/cop/bbs/selectArticleList.do" onSubmit="fn_egov_search_article(); return false;" method="post">
    <h1>게시글 목록 ({c_out(board.name)})</h1>
    <div class="search_box" title="이 레이아웃은 하단 정보를 대한 검색 정보로 구성되어 있습니다.">
        <ul>
            <li>
                <select name="searchCnd" title="검색조건 선택">
                    <option value="0"  selected="selected" >제목</option>
                    <option value="1"   >내용</option>
                    <option value="2"   >작성자</option>
                </select>
            </li>
            <li>
                <input class="s_input" name="searchWrd" type="text"  size="35" title="검색어 입력" value=''  maxlength="155" >
                <input type="submit" class="s_btn" value="조회" title="조회 버튼" />
            </li>
        </ul>
    </div>
    <input name="bbsId" type="hidden" value="{board.bbs_id}">
    <input name="nttId" type="hidden" value="0">
    <input name="pageIndex" type="hidden" value="{page}">

    <table class="board_list" summary="게시글 목록에 대한 목록을 제공합니다.">
    <caption>게시글 목록</caption>
    <thead>
    <tr>
        <th>번호</th>
        <th class="board_th_link">글 제목</th>
        <th>작성자</th>
        <th>작성일</th>
        <th>조회수</th>
    </tr>
    </thead>
    <tbody class="ov">
    <!-- 공지사항 본문 -->{body}
    </tbody>
    </table>

    <div class="pagination">
        <ul>
        {paging}
        </ul>
    </div>
</form>
</div>
</body>
</html>
"""


def view_page(board: BoardInfo, view: ViewData) -> str:
    """``EgovArticleDetail.jsp``: ``table.wTable``, the body in ``td.cnt > span.ck-content``."""
    ctx = board.ctx
    files = ""
    if view.files:
        files = f"""
        <tr>
            <th>첨부파일</th>
            <td colspan="5">{file_list(ctx, view.files)}
            </td>
        </tr>"""
    return f"""<!DOCTYPE html>
<html>
<head>
<script type="text/javascript" src="{ctx}/js/egovframework/com/cmm/egovPostNavigate.js"></script>
<title>게시글 상세조회</title>
<meta http-equiv="content-type" content="text/html; charset=utf-8">
<link type="text/css" rel="stylesheet" href="{ctx}/css/egovframework/com/com.css">
<script type="text/javascript">
 function fn_egov_delete_article(form){{
    if(confirm("삭제하시겠습니까?")){{
        form.submit();
    }}
}}
</script>
</head>
<body>
<noscript class="noScriptTitle">자바스크립트를 지원하지 않는 브라우저에서는 일부 기능을 사용하실 수 없습니다.</noscript>

<div class="wTableFrm">
    <h2>게시글 상세조회</h2>
    <table class="wTable" summary="게시글 상세조회에 대한 정보를 조회합니다.">
    <caption>게시글 상세조회</caption>
    <tbody>
        <tr>
            <th>제목</th>
            <td colspan="5" class="left">{c_out(view.title)}</td>
        </tr>
        <tr>
            <th>작성자</th>
            <td class="left">{c_out(view.author)}</td>
            <th>작성일</th>
            <td class="left">{view.date}</td>
            <th>조회수</th>
            <td class="left">{view.views}</td>
        </tr>
        <tr>
            <th class="vtop">글 내용</th>
            <td colspan="5" class="cnt">
                <span class="ck-content">{view.body}</span>
            </td>
        </tr>
        <tr>
            <th class="vtop">게시기간</th>
            <td colspan="5" class="left">
                10000101 ~ 99991231
            </td>
        </tr>{files}
    </tbody>
    </table>
    <div class="btn">
        <form name="formList" action="{ctx}/cop/bbs/selectArticleList.do" method="get" style="float:left; margin:0 0 0 3px;">
            <input type="submit" class="s_submit" value="목록">
            <input name="bbsId" type="hidden" value="{board.bbs_id}">
            <input name="searchCnd" type="hidden" value="0">
            <input name="searchWrd" type="hidden" value="">
            <input name="pageIndex" type="hidden" value="{view.page_index}">
        </form>
    </div><div style="clear:both;"></div>
</div>
</body>
</html>
"""
