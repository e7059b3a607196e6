"""Small readings of unknown markup shared by the generic and profile engines.

Which elements are page chrome (menus, headers, footers, pagination), which texts are dates, labels or
notice marks, and how to read a link's title without the icons and counters boards put around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborNode

from noticetui.dates import PartialDate, parse_board_date
from noticetui.engines.base import attr, clean_text, node_text

CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
"""Elements that hold a site's frame, never a board's rows or a post's body."""

_CHROME_WORDS = (
    "gnb|lnb|snb|tnb|nav|navi|navigation|menu|menus|submenu|aside|side|sidebar|breadcrumb|location|util|utility|"
    "quick|quickmenu|banner|skip|sitemap|paging|pagination|pager|login|search|sns|share|copyright|comment|"
    "comments|cmt|familysite|popup"
)
# Menu-like words mark chrome at either end of a token (side_menu, lnb_wrap); header/footer only at the start,
# since boards call their own title block "view_header" or "bbs_head".
# A word in the middle of a token is a modifier, not a role: sketchbook5's post is "rd rd_nav_style2".
_CHROME = re.compile(
    rf"^(?:{_CHROME_WORDS})(?:$|[-_\d])|[-_](?:{_CHROME_WORDS})\d*$|^(?:header|footer|foot)(?:$|[-_\d])", re.I
)

TITLE_JUNK = (
    ".sr-only, .sr_only, .blind, .sound_only, .hidden, .hide, .screen_out, .skip, .ir, .ir_pm, .visually-hidden, "
    "i, img, svg, script, style, time, .new, .ico_new, .icon_new, .badge, [class*='comment'], [class*='cmt'], "
    "[class~='date'], [class~='count'], [class~='cnt'], [class~='hit'], [class~='writer'], [class~='author']"
)
"""What a title link holds besides the title: hidden screen-reader text, icons, counters, dates."""

NOTICE_WORDS = frozenset({"공지", "공지사항", "[공지]", "notice", "📢", "필독", "[필독]"})
"""Texts that mark a pinned notice in a number cell or a badge (compared lower-cased)."""

NAV_WORDS = frozenset(
    {"더보기", "more", "+", "more+", "+more", "목록", "list", "이전", "다음", "처음", "맨끝", "마지막", "끝", "prev", "next",
     "first", "last", "‹", "›", "«", "»", "<", ">", "<<", ">>", "top", "바로가기", "닫기", "열기", "로그인", "검색"}
)  # fmt: skip
"""Link texts that never are a post's title."""

_TITLE_PREFIX = re.compile(r"^(?:(?:new|n|새글|hot)\s+)+", re.I)
_TITLE_SUFFIX = re.compile(r"(?:\s+(?:new|n|새글|hot|up)|\s*\[\d+\]|\s*댓글\s*\d+\s*개?)+$", re.I)
_DATE_CHARS = re.compile(r"[\d\s.\-/:()~,년월일시분초화수목금토오전후어제그늘방금간주APMapm]+")
_DATE_LABEL = re.compile(
    r"^(?:등록일시|작성일시|등록일자|작성일자|게시일자|등록일|작성일|게시일|날짜|일자|date)\s*[:：]?\s*", re.I
)


@dataclass(frozen=True)
class Byline:
    """What a list row and a post page may both say besides the title: who wrote the post, when (the date
    as the page writes it) and how often it was read."""

    author: str | None = None
    date: str | None = None
    views: int | None = None


def text_without(node: LexborNode | None, junk: str) -> str:
    """:func:`node_text` leaving out ``junk``, without re-parsing the node when it holds none of it."""
    if node is None:
        return ""
    return node_text(node, skip=junk) if node.css_first(junk) is not None else node_text(node)


def classes(node: LexborNode | None) -> list[str]:
    """The node's class tokens."""
    return attr(node, "class").split()


def is_chrome(node: LexborNode, memo: dict[int, bool] | None = None) -> bool:
    """True when ``node`` or an ancestor is site chrome: nav/header/footer/aside or a menu-like class/id."""
    seen: list[int] = []
    current: LexborNode | None = node
    verdict = False
    while current is not None and current.tag not in ("body", "html", "-document"):
        if memo is not None and current.mem_id in memo:
            verdict = memo[current.mem_id]
            break
        seen.append(current.mem_id)
        names = [*classes(current), attr(current, "id")]
        frame = current.tag in CHROME_TAGS and not (current.tag in ("header", "footer") and _inside_article(current))
        if frame or any(_CHROME.search(n) for n in names if n):
            verdict = True
            break
        current = current.parent
    if memo is not None:
        for mem_id in seen:
            memo[mem_id] = verdict
    return verdict


def _inside_article(node: LexborNode) -> bool:
    """A ``<header>``/``<footer>`` inside an article or main area belongs to the content, not the site."""
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False


def own_text(node: LexborNode) -> str:
    """The node's text when it has no child elements, else only its direct text."""
    if next(node.iter(), None) is None:
        return node_text(node)
    return clean_text(node.text(deep=False))


def date_in(text: str, now: datetime) -> PartialDate | None:
    """The date ``text`` holds when it holds nothing else (a date cell, "등록일 : 2026.11.20"), else None.

    Titles with numbers in them ("2.5단계 거리두기") are not dates: every character must be one a date
    can be written with.
    """
    rest = _DATE_LABEL.sub("", clean_text(text))
    if not rest or len(rest) > 30 or (not any(c.isdigit() for c in rest) and "어제" not in rest):
        return None
    if not _DATE_CHARS.fullmatch(rest):
        return None
    return parse_board_date(rest, now)


def tidy_title(text: str) -> str:
    """A title without the "N"/"new"/"새글" marks and "[3]"/"댓글 3개" counters boards add around it."""
    text = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", clean_text(text)))
    return text.strip()


def is_notice_word(text: str) -> bool:
    """True for "공지", "Notice", "📢"… (the whole text)."""
    return clean_text(text).lower() in NOTICE_WORDS
