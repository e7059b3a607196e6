"""Reading a post's page no engine knows: title, labelled facts (작성일 …, 작성자 …) and attachments.

The body itself is found by :mod:`noticetui.engines.generic_body`.  The title is the heading nearest
before the body that the page's ``<title>`` repeats; the date, author and views come from "label value"
pairs near it (``<dt>작성일</dt><dd>…</dd>``, ``<th>조회수</th><td>…</td>``, ``작성자 : 홍길동``); files are
the links whose address or text looks like a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from noticetui.engines.base import Doc, absolute, attr, clean_text, node_text, parse_int, parse_size, query_param
from noticetui.engines.generic_rows import usable_href
from noticetui.engines.generic_text import classes, is_chrome, text_without
from noticetui.models import Attachment, ParseContext, Request

_LABELS = {
    "title": ("제목",),
    "author": ("작성자", "글쓴이", "등록자", "담당부서", "담당자", "작성부서", "게시자", "부서", "writer", "author"),
    "date": ("작성일시", "등록일시", "작성일자", "등록일자", "게시일자", "작성일", "등록일", "게시일", "날짜", "일자", "date"),
    "views": ("조회수", "조회", "hits", "views", "hit", "읽음"),
}  # fmt: skip
_LABEL_OF = {word: kind for kind, words in _LABELS.items() for word in words}
_LABEL = re.compile(
    r"(?<![가-힣A-Za-z])("
    + "|".join(sorted(map(re.escape, _LABEL_OF), key=len, reverse=True))
    + r")(?![가-힣a-z])\s*[:：]?\s*",
    re.I,
)
_MAX_FACTS = 300
"""A facts line (작성자, 작성일 …) is shorter than this; a longer text is not one."""
_AUTHOR_END = re.compile(r"\s*(?:[|·/]|\d{2,4}[-./]\d).*$")
_HEADINGS = "h1, h2, h3, h4, [class*='title'], [class*='subject'], [class~='tit'], [class*='tit_'], [class*='_tit']"
_TITLE_SPLIT = re.compile(r"\s+[|<>:·\-–—]+\s+|\s*::\s*")
_FILE_EXT = re.compile(
    r"\.(?:hwpx?|hwt|pdf|docx?|xlsx?|pptx?|zip|7z|alz|egg|rar|jpe?g|png|gif|bmp|txt|csv|od[tsp])\b", re.I
)
_FILE_HREF = re.compile(r"download|filedown|file_down|downfile|dnfile|atchfile|getfile|fileid|file_id|attach", re.I)
_PREVIEW = re.compile(r"synap|preview|viewer|convert|docview|doc_view|downloadview|미리보기|바로보기", re.I)
_SIZE = re.compile(r"(\d[\d,]*(?:\.\d+)?\s*(?:bytes?|바이트|[KMG]i?B|[KMG])(?![A-Za-z]))", re.I)
_NAME_NOISE = re.compile(
    r"[\(\[]\s*\d[\d,.]*\s*(?:bytes?|바이트|[KMG]i?B|[KMG])\s*[\)\]]|다운로드|내려받기|download", re.I
)
_NAME_PARAMS = (
    "fileName",
    "filename",
    "file_name",
    "orgFileName",
    "oFileNm",
    "orgFileNm",
    "fileNm",
    "fname",
    "realname",
)


@dataclass(frozen=True)
class Facts:
    """What a post page says about the post besides its body."""

    title: str = ""
    author: str | None = None
    date: str | None = None
    views: int | None = None


def _inside(node: LexborNode, ancestor: LexborNode | None) -> bool:
    current: LexborNode | None = node
    while ancestor is not None and current is not None:
        if current.mem_id == ancestor.mem_id:
            return True
        current = current.parent
    return False


def _ancestors(node: LexborNode) -> list[LexborNode]:
    found, current = [], node.parent
    while current is not None:
        found.append(current)
        current = current.parent
    return found


def _depth(node: LexborNode) -> int:
    depth, current = 0, node.parent
    while current is not None:
        depth, current = depth + 1, current.parent
    return depth


def find_title(doc: Doc, body: LexborNode | None) -> tuple[str, LexborNode | None]:
    """The post's title and its element: the heading before the body that ``<title>`` repeats, best."""
    head = doc.css_first("title")
    page_title = clean_text(head.text() if head is not None else "")
    order = {n.mem_id: i for i, n in enumerate(doc.root.traverse())} if doc.root is not None else {}
    start = order.get(body.mem_id, len(order)) if body is not None else len(order)
    chrome: dict[int, bool] = {}
    # A selector list can match one element more than once: keep each once, in page order.
    found = list({n.mem_id: n for n in doc.css(_HEADINGS)}.values())
    ids = {n.mem_id for n in found}
    best: tuple[float, LexborNode, str] | None = None
    for node in found:
        contains_body = body is not None and _inside(body, node)
        nested = any(d.mem_id in ids and d.mem_id != node.mem_id for d in node.css("*"))
        if nested or is_chrome(node, chrome) or contains_body:
            continue
        text = clean_text(text_without(node, ".sr-only, .blind, .sound_only, script"))
        text = re.sub(r"^제목\s*[:：]?\s*", "", text)
        if not 2 <= len(text) <= 300:
            continue
        score = 2.0 * (text in page_title) + (node.tag in ("h1", "h2", "h3", "h4"))
        score += any(re.search(r"title|subject|tit", c, re.I) for c in classes(node))
        score += order.get(node.mem_id, 0) < start
        score -= 3 * _inside(node, body)
        if best is None or score >= best[0]:
            best = (score, node, text)
    if best is not None:
        return best[2], best[1]
    return (_TITLE_SPLIT.split(page_title)[0] if page_title else ""), None


def is_password_page(doc: Doc, body: LexborNode | None) -> bool:
    """A page that asks for a password instead of showing the post: a password field outside site chrome
    (not a sidebar login box) with no body, inside the body, or beside a body of a line or two."""
    chrome: dict[int, bool] = {}
    field = next((n for n in doc.css("input[type='password']") if not is_chrome(n, chrome)), None)
    if field is None:
        return False
    return body is None or _inside(field, body) or sum(c.isalpha() for c in node_text(body)) < 80


def _pairs(text: str) -> list[tuple[str, str]]:
    """``(kind, value)`` for each label in ``text``, the value running up to the next label."""
    marks = list(_LABEL.finditer(text))
    pairs = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        value = text[mark.end() : end].strip(" |·:/")
        if value:
            pairs.append((_LABEL_OF[mark.group(1).lower()], value))
    return pairs


def _valid(kind: str, value: str) -> str | None:
    if kind == "author":
        value = _AUTHOR_END.sub("", value).strip()
        return value if 0 < len(value) <= 30 and not value.isdigit() else None
    if kind == "views":
        return value if re.match(r"^[\d,]+", value) else None
    if kind == "date":
        return value if re.search(r"\d", value) else None
    return value


def find_facts(doc: Doc, body: LexborNode | None, title: str, title_node: LexborNode | None) -> Facts:
    """Date, author and views from "label value" pairs outside the body; a "제목" label's value is the title.

    The deepest element that yields a field wins (a ``<li>작성일 …</li>`` over the ``<ul>`` of all facts).
    """
    chrome: dict[int, bool] = {}
    found: dict[str, tuple[int, str]] = {}
    # One set up front, not a climb to the body from every node: that costs the page's depth per node.
    skipped = {n.mem_id for part in (body, title_node) if part is not None for n in part.traverse()}
    if body is not None and len(node_text(body)) > _MAX_FACTS:
        # Whatever holds the body holds more text than any facts line: not worth reading each one's text.
        skipped |= {n.mem_id for n in _ancestors(body)}
    # A walk rather than doc.css("body *"): lexbor's descendant selector is quadratic in deep pages.
    skipped |= {doc.body.mem_id} if doc.body is not None else set()
    for node in doc.body.traverse() if doc.body is not None else []:
        if node.tag in ("script", "style") or (node.tag or "-")[0] == "-" or node.mem_id in skipped:
            continue
        text = node_text(node)
        if len(text) > _MAX_FACTS or not _LABEL.search(text) or is_chrome(node, chrome):
            continue
        if title and title in text and not text.startswith("제목"):
            text = text.replace(title, " ")
        depth = _depth(node)
        for kind, value in _pairs(text):
            checked = _valid(kind, value)
            if checked is not None and (kind not in found or depth > found[kind][0]):
                found[kind] = (depth, checked)
    views = found.get("views")
    return Facts(
        title=found["title"][1] if "title" in found else "",
        author=found["author"][1] if "author" in found else None,
        date=found["date"][1] if "date" in found else None,
        views=parse_int(views[1]) if views else None,
    )


def _file_name(text: str, title: str, href: str) -> str:
    name = clean_text(_NAME_NOISE.sub(" ", text))
    if _FILE_EXT.search(name):
        return name
    hint = clean_text(_NAME_NOISE.sub(" ", title))
    if _FILE_EXT.search(hint):
        return hint
    for param in _NAME_PARAMS:
        value = query_param(href, param)
        if value:
            return value
    last = unquote(urlsplit(href).path.rsplit("/", 1)[-1])
    return name or hint or last


def looks_like_file(href: str, text: str) -> bool:
    """A link to a file: a download script, a file path, or a file name as its text; never a preview."""
    if _PREVIEW.search(href) or _PREVIEW.search(text):
        return False
    path = urlsplit(href).path
    return bool(_FILE_HREF.search(href) or _FILE_EXT.search(path) or _FILE_EXT.search(text))


def attachment_of(link: LexborNode, ctx: ParseContext, index: int) -> Attachment:
    """One file link as an attachment fetched with the post page as Referer (and session primer)."""
    href = absolute(ctx.url, attr(link, "href"))
    text = text_without(link, "img, i, svg, .sr-only, .blind, .sound_only")
    name = _file_name(text, attr(link, "title"), href)
    parent = link.parent
    around = node_text(parent) if parent is not None and len(node_text(parent)) < 200 else text
    after = around.split(name, 1)[-1] if name in around else around
    size = _SIZE.search(after)
    return Attachment(
        index=index,
        name=name,
        size=parse_size(size.group(1)) if size else None,
        request=Request(url=href, referer=ctx.url, prime=ctx.url),
    )


def find_attachments(doc: Doc, ctx: ParseContext) -> list[Attachment]:
    """The page's file links outside site chrome, once each, in page order (image-only links skipped)."""
    chrome: dict[int, bool] = {}
    files: list[Attachment] = []
    seen: dict[str, int] = {}
    for link in doc.css("a[href]"):
        href = attr(link, "href")
        text = text_without(link, "img, i, svg, .sr-only, .blind, .sound_only")
        if not usable_href(href) or not text or not looks_like_file(href, text) or is_chrome(link, chrome):
            continue
        url = absolute(ctx.url, href)
        if url in seen:
            continue
        seen[url] = len(files)
        files.append(attachment_of(link, ctx, len(files)))
    return files
