"""Reading the pagination of a list page no engine knows.

Page links are the links whose text is a page number ("2", "[3]", "4 페이지") or a step word (다음, next,
›, », 맨끝…).  The query parameter whose value follows the numbers is the page parameter: equal to them
(``page=3``), or a record offset in steps (``offset=20`` on the link "3" of a 10-row list).  Pages turned
only by JavaScript (``href="#"`` with ``onclick``) cannot be followed; the first page is then all there is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from noticetui.engines.base import Doc, absolute, attr, clean_text, node_text, query_param
from noticetui.engines.generic_links import OFFSET_PARAMS, PAGE_PARAMS, Paging, query_pairs
from noticetui.engines.generic_rows import usable_href
from noticetui.engines.generic_text import classes

_NUMBER = re.compile(r"\[?\s*(\d{1,4})\s*\]?\s*(?:페이지|page)?", re.I)
_NEXT = re.compile(r"^(?:다음|다음\s*페이지|다음으로|next|next\s*page|›|»|>|>>|▶|▷)$", re.I)
_LAST = re.compile(r"^(?:끝|맨끝|맨\s*끝|마지막|마지막\s*페이지|끝\s*페이지|last|last\s*page)$", re.I)


@dataclass(frozen=True)
class PageLinks:
    """What a list page's pagination says."""

    paging: Paging | None
    """The page parameter learnt from the links, or None when the page shows none."""
    current: int = 1
    next_page: int | None = None
    last_page: int | None = None


def _label(text: str, title: str) -> str:
    return clean_text(text) or clean_text(title)


def _learn(numbered: list[tuple[int, str]]) -> Paging | None:
    """The parameter that follows the page numbers of ``numbered`` (number, URL) links."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for number, url in numbered:
        for name, value in query_pairs(url):
            if value.isdigit():
                seen.setdefault(name, []).append((number, int(value)))
    best: tuple[tuple[bool, int, int], Paging] | None = None
    for name, pairs in seen.items():
        # Known page parameters win over a widget's numbered links (a calendar's ?day=5).
        rank = (name in PAGE_PARAMS, len(pairs), -PAGE_PARAMS.index(name) if name in PAGE_PARAMS else 0)
        paging: Paging | None = None
        if all(value == number for number, value in pairs):
            paging = Paging(name)
        else:
            steps = {value // (number - 1) for number, value in pairs if number > 1}
            step = steps.pop() if len(steps) == 1 else 0
            if step > 0 and all(value == (number - 1) * step for number, value in pairs):
                paging = Paging(name, step)
        if paging is not None and (best is None or rank > best[0]):
            best = (rank, paging)
    return best[1] if best else None


def read_pagination(doc: Doc, url: str, skip: set[str]) -> PageLinks:
    """The paging parameter, the current, next and last page of the list page at ``url``.

    ``skip`` holds the row links (absolute), which may carry the page parameter too (``&page=2``).
    """
    numbered: list[tuple[int, str]] = []
    steps: list[tuple[str, str]] = []
    for link in doc.css("a[href]"):
        href = attr(link, "href")
        if not usable_href(href):
            continue
        target = absolute(url, href)
        if target in skip:
            continue
        label = _label(node_text(link), attr(link, "title") or attr(link, "aria-label"))
        match = _NUMBER.fullmatch(label)
        if match:
            numbered.append((int(match.group(1)), target))
        elif _NEXT.match(label) or "next" in classes(link):
            steps.append(("next", target))
        elif _LAST.match(label) or {"last", "end"} & set(classes(link)):
            steps.append(("last", target))
    paging = _learn(numbered) or _from_steps(steps)
    if paging is None:
        return PageLinks(None)
    here = query_param(url, paging.param)
    current = paging.page_of(int(here)) if here and here.isdigit() else 1
    pages = {n for n, _ in numbered}
    for _kind, target in steps:
        value = query_param(target, paging.param)
        if value and value.isdigit():
            pages.add(paging.page_of(int(value)))
    last = next(
        (
            paging.page_of(int(v))
            for kind, t in steps
            if kind == "last" and (v := query_param(t, paging.param) or "").isdigit()
        ),
        None,
    )
    next_page = current + 1 if any(p > current for p in pages) else None
    if last is None and next_page is None:
        last = current
    return PageLinks(paging, current, next_page, last)


def _from_steps(steps: list[tuple[str, str]]) -> Paging | None:
    """A known page parameter in the 다음/맨끝 links when no numbered link shows which one it is."""
    for kind, target in steps:
        for name, value in query_pairs(target):
            if name in PAGE_PARAMS and value.isdigit():
                # Guess: an offset's step is its value on the first page's 다음 link (the link to page 2).
                step = int(value) if name in OFFSET_PARAMS and kind == "next" and int(value) > 1 else 0
                return Paging(name, step)
    return None
