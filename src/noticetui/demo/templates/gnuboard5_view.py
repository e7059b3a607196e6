"""Gnuboard 5 ``basic`` skin pages for one post: the view (with comments) and the password form."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FileItem:
    """One entry of ``section#bo_v_file`` (an attachment that is not shown inline)."""

    href: str
    source: str
    size: str
    """``get_filesize``: ``24.5K``, ``1.2M`` or ``512byte``."""
    download: int
    datetime: str


@dataclass(frozen=True)
class ImageItem:
    """An image attachment shown inline in ``#bo_v_img`` (``view_file_link``)."""

    href: str
    src: str
    width: int
    height: int


@dataclass(frozen=True)
class Neighbour:
    """The previous or next post in list order."""

    href: str
    subject: str
    date: str
    """``yy.mm.dd``."""


@dataclass(frozen=True)
class CommentItem:
    """One comment."""

    comment_id: str
    name: str
    iso: str
    short: str
    text: str


@dataclass(frozen=True)
class PostView:
    """What the view skin needs, prepared as ``view.php`` prepares it."""

    site: str
    subject: str
    name_html: str
    comments: int
    hits: int
    date: str
    """``y-m-d H:i``."""
    content: str
    list_href: str
    category: str = ""
    images: list[ImageItem] = field(default_factory=list)
    files: list[FileItem] = field(default_factory=list)
    links: list[tuple[str, str, int]] = field(default_factory=list)
    """``(href, text, hits)`` of the related links."""
    prev: Neighbour | None = None
    next: Neighbour | None = None
    comment_items: list[CommentItem] = field(default_factory=list)


def _files(view: PostView) -> str:
    if not view.files:
        return ""
    items = "".join(
        f"""            <li>
                <i class="fa fa-folder-open" aria-hidden="true"></i>
                <a href="{f.href}" class="view_file_download">
                    <strong>{f.source}</strong>  ({f.size})
                </a>
                <br>
                <span class="bo_v_file_cnt">{f.download}회 다운로드 | DATE : {f.datetime}</span>
            </li>
"""
        for f in view.files
    )
    return f"""    <!-- 첨부파일 시작 {{ -->
    <section id="bo_v_file">
        <h2>첨부파일</h2>
        <ul>
{items}        </ul>
    </section>
    <!-- }} 첨부파일 끝 -->
"""


def _links(view: PostView) -> str:
    if not view.links:
        return ""
    items = "".join(
        f"""            <li>
                <i class="fa fa-link" aria-hidden="true"></i>
                <a href="{href}" target="_blank">
                    <strong>{text}</strong>
                </a>
                <br>
                <span class="bo_v_link_cnt">{hits}회 연결</span>
            </li>
"""
        for href, text, hits in view.links
    )
    return f"""    <!-- 관련링크 시작 {{ -->
    <section id="bo_v_link">
        <h2>관련링크</h2>
        <ul>
{items}        </ul>
    </section>
    <!-- }} 관련링크 끝 -->
"""


def _neighbours(view: PostView) -> str:
    if view.prev is None and view.next is None:
        return ""
    out = ['    <ul class="bo_v_nb">']
    if view.prev is not None:
        out.append(
            '        <li class="btn_prv"><span class="nb_tit"><i class="fa fa-chevron-up" aria-hidden="true"></i>'
            f' 이전글</span><a href="{view.prev.href}">{view.prev.subject}</a> '
            f'<span class="nb_date">{view.prev.date}</span></li>'
        )
    if view.next is not None:
        out.append(
            '        <li class="btn_next"><span class="nb_tit"><i class="fa fa-chevron-down" aria-hidden="true"></i>'
            f' 다음글</span><a href="{view.next.href}">{view.next.subject}</a>  '
            f'<span class="nb_date">{view.next.date}</span></li>'
        )
    out.append("    </ul>")
    return "\n".join(out) + "\n"


def _comments(view: PostView) -> str:
    articles = "".join(
        f"""    <article id="c_{c.comment_id}" >
        <div class="pf_img"><img src="{view.site}/img/no_profile.gif" alt="no_profile" width="50" height="50"></div>
        <div class="cm_wrap">
            <header style="z-index:{20 - i}">
                <h2>{c.name}님의  댓글</h2>
                <span class="sv_wrap"><span class="sv_guest">{c.name}</span></span>
                <span class="sound_only">작성일</span>
                <span class="bo_vc_hdinfo"><i class="fa fa-clock-o" aria-hidden="true"></i> <time datetime="{c.iso}">{c.short}</time></span>
            </header>
            <div class="cmt_contents">
                <p>
                    {c.text}
                </p>
            </div>
        </div>
    </article>
"""
        for i, c in enumerate(view.comment_items)
    )
    empty = "" if view.comment_items else '    <p id="bo_vc_empty">등록된 댓글이 없습니다.</p>\n'
    return f"""<button type="button" class="cmt_btn"><span class="total"><b>댓글</b> {view.comments}</span><span class="cmt_more"></span></button>
<!-- 댓글 시작 {{ -->
<section id="bo_vc">
    <h2>댓글목록</h2>
{articles}{empty}</section>
<!-- }} 댓글 끝 -->
"""


def view_skin(view: PostView) -> str:
    """``skin/board/basic/view.skin.php`` with ``view_comment.skin.php``."""
    cate = f'<span class="bo_v_cate">{view.category}</span> \n            ' if view.category else ""
    images = "".join(
        f'<a href="{im.href}" target="_blank" class="view_image"><img src="{im.src}" alt="" '
        f'width="{im.width}" height="{im.height}"></a>'
        for im in view.images
    )
    return f"""<script src="{view.site}/js/viewimageresize.js"></script>

<!-- 게시물 읽기 시작 {{ -->

<article id="bo_v" style="width:100%">
    <header>
        <h2 id="bo_v_title">
            {cate}<span class="bo_v_tit">
            {view.subject}</span>
        </h2>
    </header>

    <section id="bo_v_info">
        <h2>페이지 정보</h2>
        <div class="profile_info">
            <div class="pf_img"><img src="{view.site}/img/no_profile.gif" alt="profile_image"></div>
            <div class="profile_info_ct">
                <span class="sound_only">작성자</span> <strong>{view.name_html}</strong><br>
                <span class="sound_only">댓글</span><strong><a href="#bo_vc"> <i class="fa fa-commenting-o" aria-hidden="true"></i> {view.comments:,}건</a></strong>
                <span class="sound_only">조회</span><strong><i class="fa fa-eye" aria-hidden="true"></i> {view.hits:,}회</strong>
                <strong class="if_date"><span class="sound_only">작성일</span><i class="fa fa-clock-o" aria-hidden="true"></i> {view.date}</strong>
            </div>
        </div>

        <!-- 게시물 상단 버튼 시작 {{ -->
        <div id="bo_v_top">
            <ul class="btn_bo_user bo_v_com">
                <li><a href="{view.list_href}" class="btn_b01 btn" title="목록"><i class="fa fa-list" aria-hidden="true"></i><span class="sound_only">목록</span></a></li>
            </ul>
        </div>
        <!-- }} 게시물 상단 버튼 끝 -->
    </section>

    <section id="bo_v_atc">
        <h2 id="bo_v_atc_title">본문</h2>
        <div id="bo_v_share">
            <ul class="copy_urls">
                <li><a class="btn btn_b03" href="javascript:void(0);" title="주소복사">주소복사</a></li>
            </ul>
        </div>

        <div id="bo_v_img">
{images}</div>

        <!-- 본문 내용 시작 {{ -->
        <div id="bo_v_con">{view.content}</div>
        <!-- }} 본문 내용 끝 -->
    </section>

{_files(view)}{_links(view)}{_neighbours(view)}
{_comments(view)}
</article>
<!-- }} 게시판 읽기 끝 -->
"""


def password_skin(title: str, action: str, bo_table: str, wr_id: str, page: str) -> str:
    """``skin/member/basic/password.skin.php`` for a secret post (``w=s``)."""
    return f"""<!-- 비밀번호 확인 시작 {{ -->
<div id="pw_confirm" class="mbskin">
    <h1>{title}</h1>
    <p>
        <strong>비밀글 기능으로 보호된 글입니다.</strong>
        작성자와 관리자만 열람하실 수 있습니다.<br> 본인이라면 비밀번호를 입력하세요.
    </p>

    <form name="fboardpassword" action="{action}" method="post">
    <input type="hidden" name="w" value="s">
    <input type="hidden" name="bo_table" value="{bo_table}">
    <input type="hidden" name="wr_id" value="{wr_id}">
    <input type="hidden" name="comment_id" value="">
    <input type="hidden" name="sfl" value="">
    <input type="hidden" name="stx" value="">
    <input type="hidden" name="page" value="{page}">

    <fieldset>
        <label for="pw_wr_password" class="sound_only">비밀번호<strong>필수</strong></label>
        <input type="password" name="wr_password" id="password_wr_password" required class="frm_input required" size="15" maxLength="20" placeholder="비밀번호">
        <input type="submit" value="확인" class="btn_submit">
    </fieldset>
    </form>

    <div class="btn_confirm">
        <a href="{action.rsplit("/", 1)[0]}/board.php?bo_table={bo_table}">돌아가기</a>
    </div>
</div>
<!-- }} 비밀번호 확인 끝 -->
"""
