"""Site error pages served with status 200, reported in the site's own words.

Korean boards rarely answer a deleted post or a refused request with 404 or 403: they serve a page (often
with the whole site frame around it) that says "해당 게시물이 존재하지 않습니다", "잘못된 접근입니다" or
"권한이 없습니다", or a bare ``<script>alert('…'); history.back();</script>``.  Every engine reports such
a page with that sentence rather than with what its selectors missed.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from noticetui.engines.base import Doc, alert_message, clean_text, node_text
from noticetui.engines.generic.text import is_chrome

_PHRASES = re.compile(
    r"(?:게시물|게시글|글|자료|페이지)[이가은는]?\s*(?:존재하지\s*않|삭제되었|찾을\s*수\s*없)"
    r"|존재하지\s*않는\s*(?:게시물|게시글|글|자료|페이지)|삭제된\s*(?:게시물|게시글|글|자료)"
    r"|잘못된\s*(?:접근|경로|요청)|비정상적인\s*(?:접근|경로)|(?:열람|읽기|접근|조회)?\s*권한이\s*없습니다"
    r"|(?:시스템|서비스|정기|서버)\s*점검\s*중|알\s*수\s*없는\s*오류|오류가\s*발생했습니다|요청하신\s*페이지를\s*찾을\s*수\s*없습니다"
)
_EMPTY_LIST = re.compile(r"(?:등록된|검색된|조회된|작성된)\s*(?:게시물|게시글|글|자료|데이터|결과)")
"""An empty list says "등록된 게시물이 존재하지 않습니다": not an error."""
_ALERT_BACK = re.compile(
    r"""alert\(\s*(['"])(?P<msg>.*?)\1\s*\)\s*;?\s*(?:history\.(?:back|go)\(|(?:window\.|document\.)?location)""",
    re.S,
)
_SHORT_PAGE = 600
"""Letters outside the site frame below which a page that states an error is only that error."""
_MESSAGE_MAX = 160


def _content_letters(doc: Doc) -> int:
    """Letters of the page's text outside scripts, styles and the site frame (menus, header, footer)."""
    root = doc.body
    if root is None:
        return 0
    memo: dict[int, bool] = {}
    total = 0
    for node in root.traverse(include_text=True):
        if not node.is_text_node:
            continue
        parent = node.parent
        if parent is None or parent.tag in ("script", "style", "noscript", "template") or is_chrome(parent, memo):
            continue
        total += sum(c.isalpha() for c in node.text_content or "")
    return total


def _message_node(doc: Doc) -> LexborNode | None:
    """The element outside the site frame whose own text states an error (the first such, in page order)."""
    root = doc.body
    if root is None:
        return None
    memo: dict[int, bool] = {}
    for node in root.traverse(include_text=True):
        if not node.is_text_node:
            continue
        parent = node.parent
        if parent is None or parent.tag in ("script", "style", "noscript", "template", "title"):
            continue
        text = clean_text(node.text_content)
        if _PHRASES.search(text) and not _EMPTY_LIST.search(text) and not is_chrome(parent, memo):
            return parent
    return None


def _short(text: str) -> str:
    text = clean_text(text)
    return text if len(text) <= _MESSAGE_MAX else text[: _MESSAGE_MAX - 1] + "…"


def stated_error(doc: Doc) -> str | None:
    """The site's own words when the page states an error anywhere outside its frame (an alert that
    sends the visitor back, or a sentence such as "해당 게시물이 존재하지 않습니다"), else None.

    Meant for a page the engine could not read: on a readable page such words may be part of a post.
    """
    for script in doc.css("script"):
        match = _ALERT_BACK.search(script.text() or "")
        if match:
            return _short(match.group("msg").replace("\\n", " "))
    node = _message_node(doc)
    return _short(node_text(node)) if node is not None else None


def site_error(doc: Doc) -> str | None:
    """The site's words when the whole page is an error message (served with status 200), else None.

    A page qualifies when it is a bare ``alert()`` page, when its only script sends the visitor back after
    an alert, or when it states an error and holds little else outside the site frame.
    """
    bare = alert_message(doc)
    if bare:
        return bare
    for script in doc.css("script"):
        code = script.text() or ""
        match = _ALERT_BACK.search(code)
        # An alert inside a function is a handler (a delete button's confirmation), not the page's answer.
        if match and "function" not in code:
            return _short(match.group("msg").replace("\\n", " "))
    if _content_letters(doc) > _SHORT_PAGE:
        return None
    node = _message_node(doc)
    return _short(node_text(node)) if node is not None else None
