"""The sample Rhymix/XE site's page frame: URLs as ``getUrl`` builds them, the common layout with XE's
page globals, the board header and the message module's system message page.  The board skins' list and
read markup is in :mod:`noticetui.demo.rhymix_skins`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urlencode

from noticetui.demo.rhymix_data import BOARDS, PREFIX, BoardSetup, Document


@dataclass(frozen=True)
class View:
    """What one board page shows: the list page, the document read above it, and the request's context."""

    board: BoardSetup
    """The board the page belongs to."""
    base_url: str
    """``http://127.0.0.1:PORT``."""
    current_url: str
    """The request's own URL, as XE's ``current_url`` global echoes it."""
    now: datetime
    """The instant the page is served at (lists show today's posts as ``HH:MM``)."""
    page: int
    """The list page shown."""
    page_in_url: bool = False
    """Whether the request named its page (links then keep it, as ``getUrl`` keeps request variables);
    a bare list URL names none."""
    category: int | None = None
    """The category the list is filtered by (``category=…``), None for every post."""
    read: Document | None = None
    """The document shown above the list, None on a plain list page."""


# --- URLs ------------------------------------------------------------------------------------------


def board_path(board: BoardSetup) -> str:
    """The board's list URL path, in its URL style."""
    return f"{PREFIX}/{board.mid}" if board.rewrite else f"{PREFIX}/index.php?mid={board.mid}"


def list_href(view: View, page: int | None = None, category: int | None = None) -> str:
    """A list page of the view's board (page 1 and no category unless given)."""
    board = view.board
    if board.rewrite:
        path = f"{PREFIX}/{board.mid}" + (f"/category/{category}" if category else "")
        return path + (f"/page/{page}" if page and page > 1 else "")
    query = [("mid", board.mid)] + ([("category", str(category))] if category else [])
    query += [("page", str(page))] if page and page > 1 else []
    return f"{PREFIX}/index.php?{urlencode(query)}"


def sorted_href(view: View, index: str) -> str:
    """The list sorted by ``index`` (a column header's link)."""
    href = list_href(view, None, view.category)
    return f"{href}{'&' if '?' in href else '?'}sort_index={index}&order_type=desc"


def doc_href(view: View, doc: Document, *, permanent: bool = False) -> str:
    """A document's link; a list link keeps the list's page and category, a permanent one does not."""
    keep = [("category", str(view.category))] if view.category and not permanent else []
    keep += [("page", str(view.page))] if view.page_in_url and not permanent else []
    if view.board.rewrite:
        return f"{PREFIX}/{view.board.mid}/{doc.srl}" + (f"?{urlencode(keep)}" if keep else "")
    query = urlencode([("mid", view.board.mid), *keep, ("document_srl", str(doc.srl))])
    return f"{PREFIX}/index.php?{query}"


def download_href(doc: Document, file_srl: int, sid: str) -> str:
    """``procFileDownload`` as Rhymix (``index.php?…``) or XE 1.x (``?…&module_srl=``) writes it."""
    query = [("module", "file"), ("act", "procFileDownload"), ("file_srl", str(file_srl)), ("sid", sid)]
    if doc.board.legacy:
        return f"{PREFIX}/?{urlencode([*query, ('module_srl', str(doc.board.module_srl))])}"
    return f"{PREFIX}/index.php?{urlencode(query)}"


def link(href: str, text: str, attrs: str = "") -> str:
    """An ``<a>`` with ``href`` escaped (``&`` becomes ``&amp;`` as in the real pages); ``text`` is HTML."""
    return f'<a href="{escape(href)}"{attrs}>{text}</a>'


# --- layout ----------------------------------------------------------------------------------------

_XE_HEAD = """<meta charset="utf-8">
<meta name="Generator" content="XpressEngine">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{title}</title>
<link rel="stylesheet" href="{prefix}/common/css/xe.min.css?20170912235839" />
<script src="{prefix}/common/js/jquery.min.js?20170912235839"></script>
<script src="{prefix}/common/js/xe.min.js?20170912235839"></script>
<script>
//<![CDATA[
var current_url = {current};
var request_uri = {root};
var current_mid = {mid};
var waiting_message = "서버에 요청 중입니다. 잠시만 기다려주세요.";
var ssl_actions = new Array();
var default_url = {root};
xe.current_lang = "ko";
xe.cmd_find = "찾기";
xe.cmd_cancel = "취소";
xe.cmd_confirm = "확인";
//]]>
</script>
"""
_RHYMIX_HEAD = """<meta charset="utf-8" />
<meta name="generator" content="Rhymix">
<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=yes" />
<title>{title}</title>
<link rel="stylesheet" href="{prefix}/common/css/rhymix.min.css?20250301120000" />
<script src="{prefix}/common/js/jquery-2.2.4.min.js"></script>
<script src="{prefix}/common/js/rhymix.min.js?20250301120000"></script>
<!-- COMMON JS VARIABLES -->
<script>
	var default_url = {root};
	var current_url = {current};
	var request_uri = {root};
	var current_lang = xe.current_lang = "ko";
	var current_mid = {mid};
	var http_port = null;
	var https_port = null;
	var enforce_ssl = false;
	var cookies_ssl = false;
	var rewrite_level = {rewrite_level};
</script>
"""
_PAGE = """<!DOCTYPE html>
<html lang="ko">
<head>
<!-- META -->
{head}<link rel="stylesheet" href="{prefix}/modules/board/skins/{skin}/board.default.min.css" />
</head>
<body class="color_scheme_light">
<!-- PAGE CONTENT -->
<header class="header">
  <h1 class="logo"><a href="{prefix}/">시민행복센터</a></h1>
  <nav class="gnb"><ul>{menu}</ul></nav>
</header>
<div class="body">
{content}
</div>
<footer class="footer"><p>Powered by <a href="https://rhymix.org/">Rhymix</a></p></footer>
<div id="rhymix_waiting" class="wfsr" data-message="서버에 요청 중입니다. 잠시만 기다려주세요."></div>
</body>
</html>
"""
_MESSAGE = """<div id="access">
  <div class="login-header">
    <h1>{text}</h1>
  </div>
  <div class="login-body">
    <p><a class="button" href="#" onclick="history.back(); return false;">뒤로</a></p>
  </div>
</div>"""


def layout(view: View, title: str, content: str, mid: str | None) -> str:
    """A whole page: the head with the engine generation's scripts and globals, the site menu, ``content``."""
    head = _XE_HEAD if view.board.legacy else _RHYMIX_HEAD
    fields = {
        "title": escape(title),
        "prefix": PREFIX,
        "root": json.dumps(f"{view.base_url}{PREFIX}/"),
        "current": json.dumps(view.current_url),
        "mid": json.dumps(mid),
        "rewrite_level": 2 if view.board.rewrite else 0,
    }
    menu = "".join(f"<li>{link(board_path(b), escape(b.title))}</li>" for b in BOARDS)
    skin = view.board.skin
    return _PAGE.format(head=head.format(**fields), prefix=PREFIX, skin=skin, menu=menu, content=content)


def message(view: View, text: str) -> str:
    """The message module's system message page (``권한이 없습니다.``); it belongs to no board."""
    return layout(view, "시스템 메시지", _MESSAGE.format(text=escape(text)), mid=None)


def board_page(view: View, read_html: str, list_html: str) -> str:
    """The board module's page: ``_header.html``, the document being read (if any), then the list."""
    heading = link(list_href(view), escape(view.board.title))
    header = f'<div class="board">\n<div class="board_header">\n  <h2>{heading}</h2>\n</div>\n'
    title = view.board.title if view.read is None else f"{view.read.post.title} - {view.board.title}"
    content = f"{header}{read_html}{list_html}</div>"
    return layout(view, title, content, mid=view.board.mid)
