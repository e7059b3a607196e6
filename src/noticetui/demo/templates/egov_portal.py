"""The portal site template's board pages (v5 ``cop/bbs/EgovNoticeList.jsp`` / ``EgovNoticeInqire.jsp``).

Each list row carries its own ``<form name="subForm" method="get">`` of hidden fields, submitted by
``a.lnk``; the author column is hard-coded "관리자" (the real author is on the view page only).  The view
shows the body as escaped plain text in a read-only ``textarea#nttCn``, and files as
``a[data-atch-file-id]`` links with the size after them.
"""

from __future__ import annotations

from noticetui.demo.templates.egov_parts import BoardInfo, ListRow, ViewData, c_out, portal_file_list, renew_pagination


def _document(board: BoardInfo, title: str, script: str, body: str) -> str:
    ctx = board.ctx
    return f"""<html>
<head>
    <meta charset="UTF-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="{ctx}/css/base.css">
    <link rel="stylesheet" href="{ctx}/css/layout.css">
    <link rel="stylesheet" href="{ctx}/css/component.css">
    <link rel="stylesheet" href="{ctx}/css/page.css">
    <script src="{ctx}/js/jquery-1.11.2.min.js"></script>
    <script src="{ctx}/js/ui.js"></script>
<script type="text/javascript">
{script}
</script>
<title>샘플 포털 > 알림마당 > {title}</title>
</head>
<body>
    <div id="wrap">
        <div class="header"><div class="inner"><h1 class="logo"><a href="{ctx}/cmm/main/mainPage.do">표준프레임워크 포털 eGovFrame</a></h1>
        <div class="gnb"><ul><li><a href="{ctx}/cop/bbs/selectBoardList.do?bbsId={board.bbs_id}">알림마당</a></li></ul></div></div></div>
        <div class="container">
            <div class="sub_layout">
                <div class="sub_in">
                    <div class="layout">
                        <div class="left_menu"><ul><li><a href="{ctx}/cop/bbs/selectBoardList.do?bbsId={board.bbs_id}" class="on">{c_out(board.name)}</a></li></ul></div>
                        <div class="content_wrap">
                            <div id="contents" class="content">
                                <div class="location">
                                    <ul>
                                        <li><a class="home" href="">Home</a></li>
                                        <li><a href="">알림마당</a></li>
                                        <li>{c_out(board.name)}</li>
                                    </ul>
                                </div>
                                <h1 class="tit_1">알림마당</h1>
                                <p class="txt_1">표준프레임워크센터에서 회원여러분들께 알려드리는 모든 소식을 모았습니다.</p>
{body}
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </div>
        <div class="footer"><p>Copyright © eGovFrame. All rights reserved.</p></div>
    </div>
</body>
</html>
"""


def _row(board: BoardInfo, row: ListRow, page: int) -> str:
    reply = ""
    if row.reply_depth:
        spaces = "".join("\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t&nbsp;" for _ in range(row.reply_depth + 1))
        reply = (
            f'{spaces}\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t<img src="{board.ctx}/images/ico_reply.png" alt="reply arrow">'
        )
    return f"""
                                                <tr>
                                                    <td>{row.num}</td>
                                                    <td class="al">
                                                        <form name="subForm" method="get" action="{board.ctx}/cop/bbs/selectBoardArticle.do">{reply}
                                                                    <input type="hidden" name="bbsId" value="{board.bbs_id}" />
                                                                    <input type="hidden" name="nttId" value="{row.ntt_id}" />
                                                                    <input type="hidden" name="bbsTyCode" value="BBST01" />
                                                                    <input type="hidden" name="bbsAttrbCode" value="BBSA03" />
                                                                    <input type="hidden" name="authFlag" value="Y" />
                                                                    <input type="hidden" name="searchCnd" value="">
                                                                    <input type="hidden" name="searchWrd" value="">
                                                                    <input name="pageIndex" type="hidden" value="{page}" />
                                                                    <a href="" onclick="event.preventDefault(); parentNode.submit();" class="lnk">
                                                                        {c_out(row.title)}
                                                                    </a>
                                                        </form>
                                                    </td>
                                                        <td>관리자</td>
                                                    <td>{row.date}</td>
                                                    <td>{row.views}</td>
                                                </tr>"""


def list_page(board: BoardInfo, rows: list[ListRow], page: int, total_pages: int, page_size: int) -> str:
    """``EgovNoticeList.jsp`` of the portal template."""
    ctx = board.ctx
    script = f"""<!--
    function fn_egov_select_noticeList(pageNo) {{
        document.frm.pageIndex.value = pageNo;
        document.frm.action = "{ctx}/cop/bbs/selectBoardList.do";
        document.frm.submit();
    }}
//-->"""
    body = "".join(_row(board, r, page) for r in rows) or (
        '\n\t\t\t\t\t\t\t\t\t\t\t<tr>\n\t\t\t\t\t\t\t\t\t\t\t\t<td colspan="5">조회된 결과가 없습니다.</td>\n'
        "\t\t\t\t\t\t\t\t\t\t\t</tr>"
    )
    paging = renew_pagination("fn_egov_select_noticeList", page, total_pages, page_size)
    content = f"""                                <h2 class="tit_2">
                                    {c_out(board.name)}
                                </h2>
                                <div class="condition">
                                    <form name="frm" action="{ctx}/cop/bbs/selectBoardList.do" method="get">
                                        <input type="hidden" name="bbsId" value="{board.bbs_id}" />
                                        <input type="hidden" name="nttId" value="0" />
                                        <input type="hidden" name="bbsTyCode" value="BBST01" />
                                        <input type="hidden" name="bbsAttrbCode" value="BBSA03" />
                                        <input type="hidden" name="authFlag" value="Y" />
                                        <input name="pageIndex" type="hidden" value="{page}" />
                                        <label class="item f_select" for="sel1">
                                        <select name="searchCnd" id="searchCnd" title="검색조건 선택">
                                                <option value="0" >제목</option>
                                                <option value="1" >내용</option>
                                                <option value="2" >작성자</option>
                                        </select>
                                        </label>
                                        <span class="item f_search">
                                            <input class="f_input w_500" type="text" name="searchWrd" value='' title="검색어 입력">
                                            <button class="btn" type="submit" onclick="fn_egov_select_noticeList('1'); return false;">조회</button>
                                        </span>
                                    </form>
                                </div>
                                <div class="board_list">
                                    <table>
                                        <thead>
                                            <tr>
                                                <th scope="col">번호.</th>
                                                <th scope="col">제목</th>
                                                    <th scope="col">작성자</th>
                                                <th scope="col">작성일</th>
                                                <th scope="col">조회수</th>
                                            </tr>
                                        </thead>
                                        <tbody>{body}
                                        </tbody>
                                    </table>
                                </div>
                                <div class="board_list_bot">
                                    <div class="paging" id="paging_div">
                                        <ul>
                                            {paging}
                                        </ul>
                                    </div>
                                </div>"""
    return _document(board, c_out(board.name), script, content)


def view_page(board: BoardInfo, view: ViewData) -> str:
    """``EgovNoticeInqire.jsp`` of the portal template: the body is the escaped text of ``nttCn``."""
    ctx = board.ctx
    script = f"""    function onloading() {{
        if ("" != "") {{
            alert("");
        }}
    }}
    function fn_egov_select_noticeList(pageNo) {{
        event.preventDefault();
        document.frm.action = "{ctx}/cop/bbs/selectBoardList.do";
        document.frm.submit();
    }}
    function fn_egov_delete_notice() {{
        event.preventDefault();
        if ("" == "true" && document.frm.password.value == '') {{
            alert('등록시 사용한 패스워드를 입력해 주세요.');
            document.frm.password.focus();
            return;
        }}
    }}"""
    files = ""
    if view.files:
        files = f"""
                                            <dl>
                                                <dt>첨부파일</dt>
                                                <dd>
{portal_file_list(ctx, view.files)}
                                                </dd>
                                            </dl>"""
    content = f"""                                <form name="frm" method="get" action="{ctx}/cop/bbs/selectBoardList.do">
                                <input type="hidden" name="searchCnd" value="">
                                <input type="hidden" name="searchWrd" value="">
                                <input type="hidden" name="pageIndex" value="{view.page_index}">
                                <input type="hidden" name="bbsId" value="{board.bbs_id}" >
                                <input type="hidden" name="nttId" value="{view.ntt_id}" >
                                <input type="hidden" name="nttSj" value="{c_out(view.title)}" >
                                <h2 class="tit_2">{c_out(board.name)}</h2>
                                <div class="board_view">
                                    <div class="board_view_top">
                                        <div class="tit">{c_out(view.title)}</div>
                                        <div class="info">
                                            <dl>
                                                <dt>작성자</dt>
                                                <dd>{c_out(view.author)}</dd>
                                            </dl>
                                            <dl>
                                                <dt>작성일</dt>
                                                <dd>{view.date}</dd>
                                            </dl>
                                            <dl>
                                                <dt>조회수</dt>
                                                <dd>{view.views}</dd>
                                            </dl>
                                        </div>
                                    </div>
                                    <div class="board_article">
                                        <textarea id="nttCn" name="nttCn" class="textarea" cols="30" rows="10" readonly="readonly" title="글내용">{c_out(view.body)}</textarea>
                                    </div>
                                    <div class="board_attach">{files}
                                    </div>
                                    <div class="board_view_bot">
                                        <div class="right_col btn1">
                                            <a href="" class="btn btn_blue_46 w_100" onclick="fn_egov_select_noticeList('1');">목록</a>
                                        </div>
                                    </div>
                                </div>
                                </form>"""
    return _document(board, c_out(board.name), script, content)
