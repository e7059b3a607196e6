"""Reading a row's date, author, views and marks on a list page no engine knows.

Table rows are read by their column headers (번호, 제목, 작성자/담당부서, 등록일/게시일, 조회수, 첨부,
분류…) when the header lines up with the row, else by what the cells hold.  List items and cards are read
by labels ("조회 12", "작성자 : 홍길동") and by class names (``date``, ``writer``, ``hit``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborNode

from noticetui.engines.base import attr, column_role, node_text, parse_int
from noticetui.engines.generic.rows import CARD_TITLE as _CARD_TITLE
from noticetui.engines.generic.rows import row_date_text
from noticetui.engines.generic.text import Byline, classes, date_in, is_notice_word, own_text, text_without

_CELL_JUNK = ".sr-only, .sr_only, .blind, .sound_only, .hidden, script"
_LABELED = re.compile(
    r"^(?P<label>조회수|조회|hits?|views?|읽음|작성자|글쓴이|등록자|담당부서|담당자|작성부서|부서|writer|author)"
    r"\s*[:：]?\s*(?P<value>\S.*)$",
    re.I,
)
_AUTHOR_CLASS = re.compile(r"(?:^|[-_])(?:writer|author|name|user|dept|depart|part|nick|team|org)(?:$|[-_])", re.I)
_VIEWS_CLASS = re.compile(r"(?:^|[-_])(?:hit|hits|view|views|read|count|cnt|viewcnt|readcnt)(?:$|[-_])", re.I)
_NOTICE_CLASS = re.compile(r"notice|noti(?:$|[-_])|^(?:top|fixed|pin|pinned|sticky)$", re.I)
_INT = re.compile(r"\d[\d,]*")
_SECRET = (
    "img[alt*='비밀'], img[alt*='secret' i], img[src*='secret'], img[src*='lock'], [class*='lock'], [class*='secret']"
)
_FILE_MARK = (
    "img[src*='file'], img[alt*='첨부'], img[alt*='file' i], [class*='file'], [class*='attach'], [class*='clip'], "
    "a[href*='download'], a[href*='fileDown']"
)


@dataclass(frozen=True)
class Fields(Byline):
    """What a row shows besides its title."""

    number: str = ""
    category: str | None = None
    has_file: bool = False


def cells(tr: LexborNode) -> list[LexborNode]:
    """A table row's cells, a cell spanning n columns repeated n times."""
    found: list[LexborNode] = []
    for cell in tr.iter():
        if cell.tag in ("td", "th"):
            span = parse_int(attr(cell, "colspan")) or 1
            found += [cell] * min(span, 20)
    return found


def column_roles(table: LexborNode) -> list[str | None]:
    """What each column of ``table`` holds, from its header row; [] when it has none."""
    header = table.css("thead tr")
    row = header[-1] if header else None
    if row is None:
        row = next((tr for tr in table.css("tr") if tr.css_first("th") and not tr.css_first("td")), None)
    if row is None:
        return []
    return [column_role(text_without(c, _CELL_JUNK)) for c in cells(row)]


def table_fields(tr: LexborNode, link: LexborNode, roles: list[str | None], now: datetime) -> Fields:
    """A table row's fields, by column header when the header lines up, else by cell content."""
    row_cells = cells(tr)
    if roles and len(roles) == len(row_cells):
        by_role = {role: cell for role, cell in zip(roles, row_cells, strict=True) if role is not None}
        text = {role: text_without(cell, _CELL_JUNK) for role, cell in by_role.items()}
        file_cell = by_role.get("file")
        return Fields(
            number=_number_text(by_role.get("number")),
            date=text.get("date") or None,
            author=text.get("author") or None,
            views=parse_int(text.get("views")),
            category=text.get("category") or None,
            has_file=file_cell is not None
            and (text.get("file", "") not in ("", "-", "없음") or file_cell.css_first("img, a, i") is not None),
        )
    return _fields_by_content(tr, row_cells, link, now)


def _number_text(cell: LexborNode | None) -> str:
    if cell is None:
        return ""
    text = text_without(cell, _CELL_JUNK)
    image = cell.css_first("img")
    return text or (attr(image, "alt") if image is not None else "")


_Cell = tuple[int, LexborNode, str]
"""A row cell with its position and its text."""


def _count_cell(others: list[_Cell], date_cell: tuple[int, str] | None) -> tuple[int, str] | None:
    """The view count: the last cell holding only a number, not the first cell (the post number) nor the date."""
    counts = [(i, t) for i, _, t in others if _INT.fullmatch(t) and i != 0]
    if not counts or (date_cell is not None and counts[-1][0] == date_cell[0]):
        return None
    return counts[-1]


def _author_text(others: list[_Cell], after: int, taken: set[int]) -> str | None:
    """The writer: the first short, non-numeric cell after the title not already read as another field."""
    return next(
        (t for i, _, t in others if i > after and i not in taken and t and not _INT.fullmatch(t) and len(t) <= 30),
        None,
    )


def _fields_by_content(tr: LexborNode, row_cells: list[LexborNode], link: LexborNode, now: datetime) -> Fields:
    unique = list({c.mem_id: c for c in row_cells}.values())
    at = next((i for i, c in enumerate(unique) if link.mem_id in {n.mem_id for n in c.traverse()}), -1)
    others = [(i, c, text_without(c, _CELL_JUNK)) for i, c in enumerate(unique) if i != at]
    date_cell = next(((i, t) for i, _, t in others if date_in(t, now) is not None), None)
    views = _count_cell(others, date_cell)
    taken = {i for i, _ in filter(None, (date_cell, views))}
    return Fields(
        number=_number_text(unique[0]) if at != 0 and unique else "",
        date=date_cell[1] if date_cell else None,
        author=_author_text(others, at, taken),
        views=parse_int(views[1]) if views else None,
        has_file=has_file(tr),
    )


def _item_fact(
    node: LexborNode, text: str, now: datetime, views_known: bool, author_known: bool
) -> tuple[str, str] | None:
    """``("views" | "author", text)`` when one element of a card gives that field, by label or by class."""
    match = _LABELED.match(text)
    if match:
        label = match.group("label").lower()
        return ("views" if label.startswith(("조회", "hit", "view", "읽음")) else "author"), match.group("value")
    names = classes(node)
    if not views_known and any(_VIEWS_CLASS.search(n) for n in names) and _INT.search(text):
        return "views", text
    if not author_known and any(_AUTHOR_CLASS.search(n) for n in names) and date_in(text, now) is None:
        return "author", text
    return None


def item_fields(item: LexborNode, link: LexborNode, now: datetime) -> Fields:
    """A list item's or card's fields, by label ("조회 12") or class name (``date``, ``writer``, ``hit``).

    A card that is one big link (title, writer and date all inside the ``<a>``) keeps its fields: only its
    title heading is left out then.
    """
    heading = link.css_first(_CARD_TITLE)
    inside = {n.mem_id for n in (heading if heading is not None else link).traverse()}
    author: str | None = None
    views: int | None = None
    for node in item.css("*"):
        text = own_text(node) if node.mem_id not in inside else ""
        fact = _item_fact(node, text, now, views is not None, author is not None) if text else None
        if fact is None:
            continue
        kind, value = fact
        if kind == "views" and views is None:
            views = parse_int(value)
        elif kind == "author":
            author = author or value
    return Fields(
        number="",
        date=row_date_text(item, link, now),
        author=author,
        views=views,
        has_file=has_file(item),
    )


def is_notice(row: LexborNode, link: LexborNode, number: str) -> tuple[bool, bool]:
    """``(by number, by mark)``: the number cell says 공지, and/or a class or badge marks the row pinned."""
    if number and (is_notice_word(number) or "notice" in number.lower()):
        return True, True
    if any(_NOTICE_CLASS.search(n) for n in classes(row)):
        return False, True
    inside = {n.mem_id for n in link.traverse()}
    for node in row.css("*"):
        if any(_NOTICE_CLASS.search(n) for n in classes(node)) and node.mem_id not in inside:
            return False, True
        if is_notice_word(own_text(node)) or (node.tag == "img" and is_notice_word(attr(node, "alt"))):
            return False, True
    return False, False


def is_secret(row: LexborNode) -> bool:
    """A lock icon or a secret-post class in the row."""
    return row.css_first(_SECRET) is not None or "비밀글" in node_text(row.css_first(".sound_only, .blind, .sr-only"))


def has_file(row: LexborNode) -> bool:
    """An attachment icon or a file link in the row."""
    return row.css_first(_FILE_MARK) is not None
