"""The ``default`` and ``xedition`` board skins of the sample Rhymix/XE site: ``list.html`` and
``_read.html`` as the board module renders them (XE template conditions resolved, markup kept)."""

from __future__ import annotations

from html import escape

from noticetui.demo.rhymix_data import CATEGORY_SRLS, PREFIX, Document
from noticetui.demo.rhymix_pages import View, doc_href, download_href, link, list_href, sorted_href

_ICONS = f"{PREFIX}/modules/document/tpl/icons/default/"
_REPLY_ATTRS = ' class="replyNum" title="Replies"'
_ICON_STYLE = 'style="margin-right:2px;"'

_TABLE = """<div class="board_list" id="board_list">
  <table width="100%" border="1" cellspacing="0" summary="List of Articles">
    <thead>
      <!-- LIST HEADER -->
      <tr>
        <th scope="col"><span>번호</span></th>
        <th scope="col" class="title"><span>제목</span></th>
        <th scope="col"><span>글쓴이</span></th>
        <th scope="col"><span>{date}</span></th>
        <th scope="col"><span>{views}</span></th>
      </tr>
      <!-- /LIST HEADER -->
    </thead>
{body}  </table>
</div>
"""
_EMPTY = """    <tbody>
      <tr{cls}>
        <td colspan="5">
          <p style="text-align:center">등록된 글이 없습니다.</p>
        </td>
      </tr>
    </tbody>
"""
_ROW = """      <tr{cls}>
        <td class="{number_cls}">
          {number}
        </td>
        <td class="title">
          {title}
          {replies}
          {icons}
        </td>
        <td class="author">{author}</td>
        <td class="time">{date}</td>
        <td class="readNum">{views}</td>
      </tr>
"""
_SEARCH = """  <form action="{prefix}/" method="get" onsubmit="return procFilter(this, search)" \
id="board_search" class="board_search">
    <input type="hidden" name="mid" value="{mid}" />
    <input type="text" name="search_keyword" value="" title="검색" class="iText" />
    <button type="submit" class="btn">검색</button>
  </form>
"""
_ENDS = {
    "default": ("<span></span><span></span> 첫 페이지", "끝 페이지 <span></span><span></span>"),
    "xedition": ('<i class="xi-angle-left"></i>&nbsp;첫 페이지', '끝 페이지&nbsp;<i class="xi-angle-right"></i>'),
}
_READ = """<div class="board_read">
  <!-- READ HEADER -->
  <div class="read_header">
    <h1>
      {category}{title}
    </h1>
{meta}  </div>
  <!-- /READ HEADER -->
  <!-- READ BODY -->
  <div class="read_body">
{body}  </div>
  <!-- /READ BODY -->
  <!-- READ FOOTER -->
  <div class="read_footer">
{files}    <div class="btnArea">
      <span class="etc">{back}</span>
    </div>
  </div>
  <!-- /READ FOOTER -->
</div>
"""
_META_DEFAULT = """    <p class="time">
      {when}
    </p>
    <p class="meta">
      {name}
      <span class="sum">
        <span class="read">조회 수:{views}</span>
      </span>
    </p>
"""
_META_XEDITION = """    <p class="meta">
      <span class="author">
        <i class="xi-user"></i> {name}
      </span>
      <span class="time">
        <i class="xi-time"></i> {when}
      </span>
      <span class="read_count">
        <i class="xi-eye"></i> 조회 수 : {views}
      </span>
    </p>
"""
_SECRET_FORM = """    <form action="./" method="get" onsubmit="return procFilter(this, input_password)"{cls}>
      <input type="hidden" name="mid" value="{mid}" />
      <input type="hidden" name="page" value="{page}" />
      <input type="hidden" name="document_srl" value="{srl}" />
      <p><label for="cpw">비밀글입니다. 비밀번호를 입력해주세요.</label></p>
      <p><input type="password" name="password" id="cpw" class="iText" /><input type="submit" value="입력" \
class="btn" />
      </p>
    </form>
"""
_FILES = """    <div class="fileList">
      <button type="button" class="toggleFile" onclick="jQuery(this).next('ul.files').toggle();">\
첨부 [<strong>{count}</strong>]</button>
      <ul class="files">
{items}      </ul>
    </div>
"""
_FEEDBACK = """<div class="feedback" id="comment">
  <div class="fbHeader">
    <h2>댓글 <em>{count}</em></h2>
  </div>
  <ul class="fbList">
{items}  </ul>
</div>
"""
_COMMENT = """    <li class="fbItem" id="comment_{srl}">
      <div class="fbMeta">
        <h3 class="author">{author}</h3>
        <p class="time">{when}</p>
      </div>
      <!--BeforeComment({srl},0)--><div class="comment_{srl}_0 xe_content"><p>{text}</p></div>\
<!--AfterComment({srl},0)-->
    </li>
"""


# --- list ------------------------------------------------------------------------------------------


def _title(doc: Document) -> str:
    # The notice board's admin made its notices bold and red: getTitle() wraps the title in a span.
    if doc.post.notice and not doc.board.legacy:
        return f'<span style="font-weight:bold;color:#ff0000">{escape(doc.post.title)}</span>'
    return escape(doc.post.title)


def _icons(view: View, doc: Document) -> str:
    """``printExtraImages``: secret, new and file icons as ``<img alt>``."""
    names = (["secret"] if doc.post.secret else []) + (["new"] if doc.is_new(view.now) else [])
    names += ["file"] if doc.post.attachments and not doc.post.secret else []
    return "".join(f'<img src="{_ICONS}{n}.gif" alt="{n}" title="{n}" {_ICON_STYLE} />' for n in names)


def _row(view: View, doc: Document, number: str, notice: bool) -> str:
    href = doc_href(view, doc)
    comments = doc.post.comments
    current = view.read is not None and view.read.srl == doc.srl
    author = f' class="member_{doc.member_srl}" onclick="return false"'
    replies = link(f"{href}#comment", f"[{comments}]", _REPLY_ATTRS) if comments else ""
    return _ROW.format(
        cls=' class="notice"' if notice else "",
        number_cls="notice" if notice else "no",
        number="&raquo;" if current else number,
        title=link(href, _title(doc)),
        replies=replies,
        icons="" if notice else _icons(view, doc),
        author=link("#popup_menu_area", escape(doc.post.author), author),
        date=f"{doc.post.posted_at:%Y.%m.%d}",
        views=doc.post.views,
    )


def _pagination(view: View, last: int) -> str:
    first_label, last_label = _ENDS[view.board.skin]
    start = max(1, min(view.page - 4, last - 9))
    numbers = "".join(
        f"<strong>{n}</strong> " if n == view.page else link(list_href(view, n, view.category), str(n)) + " "
        for n in range(start, min(last, start + 9) + 1)
    )
    first = link(list_href(view, None, view.category), first_label, ' class="direction prev"')
    end = link(list_href(view, last, view.category), last_label, ' class="direction next"')
    return f'  <div class="pagination">\n    {first} \n    {numbers}\n    {end}\n  </div>\n'


def _tabs(view: View) -> str:
    if not view.board.use_category:
        return ""
    on = ' class="on"'
    tabs = [f"<li{'' if view.category else on}>{link(list_href(view), '전체')}</li>"]
    for name, srl in CATEGORY_SRLS.items():
        tab = link(list_href(view, None, srl), escape(name))
        tabs.append(f"<li{on if view.category == srl else ''}>{tab}</li>")
    return f'<ul class="cTab">\n  {"".join(tabs)}\n</ul>\n'


def board_list(view: View, notices: list[Document], rows: list[Document], total: int) -> str:
    """``list.html``: category tabs, the table (notices first), then pagination and search (skin's order)."""
    if not notices and not rows:
        body = _EMPTY.format(cls=' class="no_article"' if view.board.skin == "xedition" else "")
    else:
        first = total - (view.page - 1) * view.board.list_count
        pinned = "".join(_row(view, d, "공지", True) for d in notices)
        regular = "".join(_row(view, d, str(first - i), False) for i, d in enumerate(rows))
        body = f"    <tbody>\n      <!-- NOTICE -->\n{pinned}      <!-- LIST -->\n{regular}    </tbody>\n"
    date, views = link(sorted_href(view, "regdate"), "날짜"), link(sorted_href(view, "readed_count"), "조회 수")
    table = _TABLE.format(date=date, views=views, body=body)
    last = max(1, -(-total // view.board.list_count))
    pagination = _pagination(view, last) if notices or rows else ""
    search = _SEARCH.format(prefix=PREFIX, mid=view.board.mid)
    footer = search + pagination if view.board.skin == "xedition" else pagination + search
    return f'{_tabs(view)}{table}<div class="list_footer">\n{footer}</div>\n'


# --- read ------------------------------------------------------------------------------------------


def _meta(doc: Document) -> str:
    post = doc.post
    if doc.member_srl:
        attrs = f' class="member_{doc.member_srl} author" onclick="return false"'
        name = link("#popup_menu_area", escape(post.author), attrs)
    else:
        name = escape(post.author)  # a guest: the bare name, no element around it
    template = _META_XEDITION if doc.board.skin == "xedition" else _META_DEFAULT
    return template.format(name=name, when=f"{post.posted_at:%Y.%m.%d %H:%M}", views=post.views)


def _size(size: int) -> str:
    # FileHandler::filesize: bytes below 1 KB, one decimal in KB, two in MB.
    if size < 1024:
        return _size_span(f"{size}Bytes")
    return _size_span(f"{size / 1024:.1f}KB" if size < 1 << 20 else f"{size / (1 << 20):.2f}MB")


def _size_span(human: str) -> str:
    return f'<span class="fileSize">[File Size:{human}/Download:{3 + len(human)}]</span>'


def _files(doc: Document) -> str:
    items = ""
    for stored in doc.files:
        text = f"{escape(stored.name)} {_size(len(stored.data))}"
        items += f"        <li>{link(download_href(doc, stored.file_srl, stored.sid), text)}</li>\n"
    return _FILES.format(count=len(doc.files), items=items)


def _body(view: View, doc: Document) -> str:
    """The document in its XE 1.x ``xe_content`` or Rhymix ``rhymix_content`` wrapper, or a password form."""
    if doc.post.secret:
        cls = ' class="secretForm"' if view.board.skin == "xedition" else ""
        return _SECRET_FORM.format(cls=cls, mid=view.board.mid, page=view.page, srl=doc.srl)
    wrapper = "xe_content" if view.board.legacy else "rhymix_content xe_content"
    html = doc.post.body_for(f"{PREFIX}/files/attach/images/{view.board.module_srl}/{doc.srl}")
    marks = f"{doc.srl},{doc.member_srl}"
    content = f'<div class="document_{doc.srl}_{doc.member_srl} {wrapper}">{html}</div>'
    return f"    <!--BeforeDocument({marks})-->{content}<!--AfterDocument({marks})-->\n"


def _comments(doc: Document) -> str:
    comments = [] if doc.post.secret else doc.post.comment_list()
    # Comment ids follow the post's files (a post's ids are ten apart), newest first.
    items = ""
    for i, comment in enumerate(comments):
        when = f"{comment.posted_at:%Y.%m.%d %H:%M}"
        author, text = escape(comment.author), escape(comment.text)
        items += _COMMENT.format(srl=doc.srl + 8 - i, author=author, when=when, text=text)
    return _FEEDBACK.format(count=len(comments), items=items)


def read_page(view: View, doc: Document) -> str:
    """``_read.html``: header, body (or the password form), the files, then the comments."""
    category = ""
    if doc.category_srl is not None and doc.post.category:
        href = list_href(view, None, doc.category_srl)
        category = link(href, escape(doc.post.category), ' class="category"') + "\n      "
    files = _files(doc) if doc.files and not doc.post.secret else ""
    back = link(list_href(view, view.page if view.page_in_url else None), "목록", ' class="btn"')
    title = link(doc_href(view, doc, permanent=True), escape(doc.post.title))
    body = _body(view, doc)
    read = _READ.format(category=category, title=title, meta=_meta(doc), body=body, files=files, back=back)
    return read + _comments(doc)
