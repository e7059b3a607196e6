"""Reading a post's page no engine knows: title, labelled facts (작성일 …, 작성자 …) and attachments.

The body itself is found by :mod:`noticetui.engines.generic.body`.  The title is the heading nearest
before the body that the page's ``<title>`` repeats; the date, author and views come from "label value"
pairs near it (``<dt>작성일</dt><dd>…</dd>``, ``<th>조회수</th><td>…</td>``, ``작성자 : 홍길동``); files are
the links whose address or text looks like a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from noticetui.engines.base import Doc, absolute, attr, clean_text, node_text, parse_int, parse_size, query_param
from noticetui.engines.generic.rows import usable_href
from noticetui.engines.generic.text import Byline, classes, is_chrome, text_without
from noticetui.models import Attachment, ParseContext, Request

_LABELS = {
    "title": ("제목",),
    "author": ("작성자", "글쓴이", "등록자", "담당부서", "담당자", "작성부서", "게시자", "부서", "writer", "author"),
    "date": ("작성일시", "등록일시", "작성일자", "등록일자", "게시일자", "작성일", "등록일", "게시일", "입력일", "입력", "날짜",
             "일자", "date"),
    "views": ("조회수", "조회 수", "조회", "hits", "views", "hit", "읽음"),
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
_HEADINGS = (
    "h1, h2, h3, h4, [class*='title'], [class*='subject'], [class~='tit'], [class*='tit_'], [class*='_tit'],"
    " th + td, dt + dd"  # labelled values: only the one labelled 제목 scores (see _labelled_title)
)
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
_AFTER_NAME = re.compile(r"(?<=[A-Za-z0-9])\s*[\[(][^\])]*[\])]\s*$")
_OPENS_URL = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\(|window\.open\()\s*(['"])([^'"]+)\1"""
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
class Facts(Byline):
    """What a post page says about the post besides its body."""

    title: str = ""


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


def _title_candidates(doc: Doc, body: LexborNode | None) -> list[tuple[LexborNode, str]]:
    """Headings and title-classed elements outside the site frame, innermost only, not holding the body,
    with their text (2 to 300 characters, without a leading 제목 label)."""
    chrome: dict[int, bool] = {}
    # A selector list can match one element more than once: keep each once, in page order.
    found = list({n.mem_id: n for n in doc.css(_HEADINGS)}.values())
    ids = {n.mem_id for n in found}
    kept = []
    for node in found:
        contains_body = body is not None and _inside(body, node)
        nested = any(d.mem_id in ids and d.mem_id != node.mem_id for d in node.css("*"))
        if nested or contains_body or is_chrome(node, chrome):
            continue
        text = clean_text(text_without(node, ".sr-only, .blind, .sound_only, script"))
        text = re.sub(r"^제목\s*[:：]?\s*", "", text)
        if 2 <= len(text) <= 300:
            kept.append((node, text))
    return kept


def _reach(candidates: list[tuple[LexborNode, str]], body: LexborNode | None) -> dict[int, int]:
    """How far out from the body each candidate's nearest shared container lies (99: shares none)."""
    lines = {a.mem_id: i for i, a in enumerate(_ancestors(body))} if body is not None else {}
    return {
        n.mem_id: next((lines[a.mem_id] for a in (n, *_ancestors(n)) if a.mem_id in lines), 99) for n, _ in candidates
    }


def _labelled_title(node: LexborNode) -> bool:
    """Whether the page labels ``node`` as the title: the value cell after ``<th>제목</th>`` (or the
    ``<dd>`` after ``<dt>제목</dt>``).  A label is the page's own word; it beats a section heading that
    ``<title>`` happens to repeat."""
    label = node.prev
    while label is not None and not (label.tag or "").isalnum():  # whitespace and comments between the cells
        label = label.prev
    if label is None or (node.tag, label.tag) not in (("td", "th"), ("dd", "dt")):
        return False
    return re.sub(r"\s+", "", label.text()).lower() in ("제목", "title", "subject")


def find_title(doc: Doc, body: LexborNode | None) -> tuple[str, LexborNode | None]:
    """The post's title and its element: the heading before the body that ``<title>`` repeats, best."""
    head = doc.css_first("title")
    page_title = clean_text(head.text() if head is not None else "")
    order = {n.mem_id: i for i, n in enumerate(doc.root.traverse())} if doc.root is not None else {}
    start = order.get(body.mem_id, len(order)) if body is not None else len(order)
    candidates = _title_candidates(doc, body)
    # The post's own heading shares the body's container; a board or section name sits further out, even
    # when <title> repeats only that name ("공연소식 | 기관명").
    reach = _reach(candidates, body)
    nearest = min(reach.values(), default=99)

    def score(node: LexborNode, text: str) -> float:
        points = 2.0 * (text in page_title) + (node.tag in ("h1", "h2", "h3", "h4"))
        points += 2.5 * (reach[node.mem_id] == nearest < 99)
        points += any(re.search(r"title|subject|tit", c, re.I) for c in classes(node))
        points += order.get(node.mem_id, 0) < start
        points += 3 * _labelled_title(node)
        return points - 3 * _inside(node, body)

    best: tuple[float, LexborNode, str] | None = None
    for node, text in candidates:
        points = score(node, text)
        if best is None or points >= best[0]:
            best = (points, node, text)
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


def _record(found: dict[str, tuple[int, str]], text: str, depth: int) -> None:
    """Note each valid "label value" pair of ``text``, unless a deeper element gave that field already."""
    for kind, value in _pairs(text):
        checked = _valid(kind, value)
        if checked is not None and (kind not in found or depth > found[kind][0]):
            found[kind] = (depth, checked)


def _outside(doc: Doc, body: LexborNode | None, title_node: LexborNode | None) -> list[LexborNode]:
    """The page's elements outside ``body`` and ``title_node`` (scripts and styles left out), in order."""
    root = doc.body
    if root is None:
        return []
    # One set up front, not a climb to the body from every node: that costs the page's depth per node.
    skipped = {n.mem_id for part in (body, title_node) if part is not None for n in part.traverse()}
    if body is not None and len(node_text(body)) > _MAX_FACTS:
        # Whatever holds the body holds more text than any facts line: not worth reading each one's text.
        skipped |= {n.mem_id for n in _ancestors(body)}
    skipped.add(root.mem_id)
    # A walk rather than doc.css("body *"): lexbor's descendant selector is quadratic in deep pages.
    return [
        node
        for node in root.traverse()
        if node.mem_id not in skipped and node.tag not in ("script", "style") and (node.tag or "-")[0] != "-"
    ]


def _labelled(doc: Doc, body: LexborNode | None, title: str, title_node: LexborNode | None) -> dict[str, str]:
    """Each field's value from "label value" text outside the body and the title; the deepest element
    that yields a field wins (a ``<li>작성일 …</li>`` over the ``<ul>`` of all facts)."""
    chrome: dict[int, bool] = {}
    found: dict[str, tuple[int, str]] = {}
    for node in _outside(doc, body, title_node):
        text = node_text(node)
        if len(text) > _MAX_FACTS or not _LABEL.search(text) or is_chrome(node, chrome):
            continue
        if title and title in text and not text.startswith("제목"):
            text = text.replace(title, " ")
        _record(found, text, _depth(node))
    return {kind: value for kind, (_depth_found, value) in found.items()}


def find_facts(doc: Doc, body: LexborNode | None, title: str, title_node: LexborNode | None) -> Facts:
    """Date, author and views from "label value" pairs outside the body (else, for the date and the
    author, from an element classed as one); a "제목" label's value is the title."""
    found = _labelled(doc, body, title, title_node)
    return Facts(
        title=found.get("title", ""),
        author=found.get("author") or _classed(doc, body, _AUTHOR_CLASSES, _valid_author),
        date=found.get("date") or _classed(doc, body, _DATE_CLASSES, _date_only),
        views=parse_int(found.get("views")),
    )


_AUTHOR_CLASSES = "[class~='nick'], [class~='writer'], [class~='author'], [class~='name'], [class*='nickname']"
_DATE_CLASSES = "[class~='date'], [class~='time'], [class*='regdate'], [class*='wdate']"
_DATE_ONLY = re.compile(r"^\d{2,4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def _valid_author(text: str) -> str | None:
    return _valid("author", text)


def _date_only(text: str) -> str | None:
    return text if _DATE_ONLY.match(text) else None


def _classed(doc: Doc, body: LexborNode | None, selector: str, check: Callable[[str], str | None]) -> str | None:
    """An unlabelled fact by its class (sketchbook's ``span.date``, ``a.nick``): the first element outside
    the body and the site frame whose whole text passes ``check``."""
    chrome: dict[int, bool] = {}
    for node in doc.css(selector):
        if _inside(node, body) or is_chrome(node, chrome):
            continue
        found = check(node_text(node))
        if found:
            return found
    return None


def _file_name(text: str, title: str, href: str) -> str:
    name = clean_text(_NAME_NOISE.sub(" ", text))
    if _FILE_EXT.search(name):
        # "공고.pdf [File Size:96.4KB/Download:57]": what follows the name in brackets is about the file
        return _AFTER_NAME.sub("", name)
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


def attachment_of(link: LexborNode, ctx: ParseContext, index: int, target: str = "") -> Attachment:
    """One file link (or button, whose ``target`` URL comes from its handler) as an attachment fetched with
    the post page as Referer (and session primer)."""
    href = absolute(ctx.url, target or attr(link, "href"))
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


def _handler_url(node: LexborNode) -> str:
    """The address a button's or script link's handler opens (``location.href='…'``, ``window.open('…')``)."""
    code = attr(node, "onclick") + " " + attr(node, "href")
    match = _OPENS_URL.search(code)
    return match.group(2) if match else ""


def find_attachments(doc: Doc, ctx: ParseContext) -> list[Attachment]:
    """The page's file links and download buttons outside site chrome, once each, in page order
    (image-only links skipped; a button counts when its handler opens a file's address)."""
    chrome: dict[int, bool] = {}
    files: list[Attachment] = []
    seen: set[str] = set()
    for link in doc.css("a[href], a[onclick], button[onclick]"):
        href = attr(link, "href")
        target = href if usable_href(href) else _handler_url(link)
        text = text_without(link, "img, i, svg, .sr-only, .blind, .sound_only") or attr(link, "title")
        if not target or not text or not looks_like_file(target, text) or is_chrome(link, chrome):
            continue
        url = absolute(ctx.url, target)
        if url in seen:
            continue
        seen.add(url)
        files.append(attachment_of(link, ctx, len(files), target))
    return files
