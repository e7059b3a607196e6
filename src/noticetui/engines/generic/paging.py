"""Reading the pagination of a list page no engine knows.

Page links are the links whose text is a page number ("2", "[3]", "4 페이지") or a step word (다음, next,
›, », 맨끝…).  The query parameter whose value follows the numbers is the page parameter: equal to them
(``page=3``), or a record offset in steps (``offset=20`` on the link "3" of a 10-row list).  Pages turned
by JavaScript (``javascript:goPage(2)``, ``onclick="fn_link_page(2)"``) are read through the page's own
scripts (:mod:`~noticetui.engines.common.js_calls`): a function that builds a URL is followed like a link; one that posts a form
gives the form field as a guessed GET parameter, tried with the common ones (``Paging.guess``).  Pages
in the path (``/news/page/2/``) and a ``rel="next"`` link are followed too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from noticetui.engines.base import Doc, absolute, attr, clean_text, node_text, query_param
from noticetui.engines.common.js_targets import Scripts, display_url, node_call
from noticetui.engines.generic.links import OFFSET_PARAMS, PAGE_PARAMS, Paging, query_pairs
from noticetui.engines.generic.rows import usable_href
from noticetui.engines.generic.text import classes

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


def _fitting(name: str, pairs: list[tuple[int, int]]) -> Paging | None:
    """``name`` as the page parameter when its values follow the page numbers of ``pairs`` (number, value):
    equal to them, or an offset growing by one step a page (0 on page 1)."""
    if all(value == number for number, value in pairs):
        return Paging(name)
    steps = {value // (number - 1) for number, value in pairs if number > 1}
    step = steps.pop() if len(steps) == 1 else 0
    if step > 0 and all(value == (number - 1) * step for number, value in pairs):
        return Paging(name, step)
    return None


def _rank(name: str, count: int) -> tuple[bool, int, int]:
    """How much a parameter looks like the page one: known page parameters win over a widget's numbered
    links (a calendar's ?day=5), then the one more links carry, then the more common name."""
    known = name in PAGE_PARAMS
    return known, count, -PAGE_PARAMS.index(name) if known else 0


def _learn(numbered: list[tuple[int, str]]) -> Paging | None:
    """The parameter that follows the page numbers of ``numbered`` (number, URL) links."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for number, url in numbered:
        for name, value in query_pairs(url):
            if value.isdigit():
                seen.setdefault(name, []).append((number, int(value)))
    fits = [
        (_rank(name, len(pairs)), paging)
        for name, pairs in seen.items()
        if (paging := _fitting(name, pairs)) is not None
    ]
    # max() keeps the first of equals, as the page's own order does.
    return max(fits, key=lambda fit: fit[0])[1] if fits else None


def _script_target(link: LexborNode, url: str, scripts: Scripts, script_pages: list[bool]) -> str | None:
    """A script page link's URL (a POST form's fields in the query); unknown functions with one number
    argument give ``?page=N``, a guess.  ``script_pages`` records whether the link needs a guess."""
    call = node_call(link)
    if call is None or not call[1]:
        return None
    request = scripts.request(call[0], call[1])
    if request is None:
        number = next((a for a in call[1] if a.isdigit()), None)
        if number is None:
            return None
        script_pages.append(True)
        return absolute(url, f"?page={number}")
    script_pages.append(request.method == "POST")
    return display_url(request)


def _step_kind(link: LexborNode, label: str) -> str | None:
    """``"next"`` or ``"last"`` for a step link (by its word, class or ``rel``), else None."""
    names = classes(link)
    if _NEXT.match(label) or "next" in names or "next" in attr(link, "rel").split():
        return "next"
    if _LAST.match(label) or {"last", "end"} & set(names):
        return "last"
    return None


@dataclass
class _Links:
    """A page's pagination links: numbered ones, step ones (next, last), and whether script links guessed."""

    numbered: list[tuple[int, str]]
    steps: list[tuple[str, str]]
    script_pages: list[bool]


def _page_links(doc: Doc, url: str, skip: set[str], scripts: Scripts | None) -> _Links:
    found = _Links([], [], [])
    for link in doc.css("a[href], a[onclick], link[rel='next'][href]"):
        href = attr(link, "href")
        if usable_href(href):
            target: str | None = absolute(url, href)
        else:
            target = _script_target(link, url, scripts, found.script_pages) if scripts is not None else None
        if target is None or target in skip:
            continue
        label = _label(node_text(link), attr(link, "title") or attr(link, "aria-label"))
        match = _NUMBER.fullmatch(label)
        kind = None if match else _step_kind(link, label)
        if match:
            found.numbered.append((int(match.group(1)), target))
        elif kind is not None:
            found.steps.append((kind, target))
    return found


def _page_in(target: str, paging: Paging) -> int | None:
    """The page a link goes to, by the page parameter in its query."""
    value = query_param(target, paging.param)
    return paging.page_of(int(value)) if value and value.isdigit() else None


def _query_links(url: str, paging: Paging, links: _Links) -> PageLinks:
    """Current, next and last page when the page number is a query parameter."""
    if any(links.script_pages):
        paging = Paging(paging.param, paging.step, guess=True)
    here = _page_in(url, paging)
    current = here if here is not None else 1
    pages = {n for n, _ in links.numbered}
    pages |= {page for _kind, target in links.steps if (page := _page_in(target, paging)) is not None}
    last = next((page for kind, t in links.steps if kind == "last" and (page := _page_in(t, paging)) is not None), None)
    next_page = current + 1 if any(p > current for p in pages) else None
    if last is None and next_page is None:
        last = current
    return PageLinks(paging, current, next_page, last)


def read_pagination(doc: Doc, url: str, skip: set[str], scripts: Scripts | None = None) -> PageLinks:
    """The paging parameter, the current, next and last page of the list page at ``url``.

    ``skip`` holds the row links (absolute), which may carry the page parameter too (``&page=2``).
    """
    links = _page_links(doc, url, skip, scripts)
    paging = _learn(links.numbered) or _from_steps(links.steps) or _from_path(url, links.numbered, links.steps)
    if paging is None:
        return PageLinks(None)
    if paging.path:
        return _path_links(url, paging, links.numbered, links.steps)
    return _query_links(url, paging, links)


_PAGE_IN_PATH = re.compile(r"/(?:page|p|pages)/(\d+)/?$")


def _path_template(number: int, target: str) -> str | None:
    """``/news/page/3/`` for the link to page 3 → ``/news/page/{n}/``; None when no segment holds it."""
    path = urlsplit(target).path
    segments = path.split("/")
    hits = [i for i, seg in enumerate(segments) if seg == str(number)]
    if not hits:
        return None
    segments[hits[-1]] = "{n}"
    return "/".join(segments)


def _current_in_path(url: str) -> int:
    match = _PAGE_IN_PATH.search(urlsplit(url).path)
    return int(match.group(1)) if match else 1


def _from_path(url: str, numbered: list[tuple[int, str]], steps: list[tuple[str, str]]) -> Paging | None:
    """Pages in the path: every numbered link (and the next link, as page current + 1) fits one template."""
    here = urlsplit(url)
    links = [(n, t) for n, t in numbered if n > 1 and urlsplit(t).netloc == here.netloc]
    if not links:
        links = [(_current_in_path(url) + 1, t) for kind, t in steps if kind == "next"]
    templates = {_path_template(n, t) for n, t in links}
    if len(templates) != 1:
        return None
    template = templates.pop()
    return Paging("page", path=template) if template and "{n}" in template else None


def _path_links(url: str, paging: Paging, numbered: list[tuple[int, str]], steps: list[tuple[str, str]]) -> PageLinks:
    current = _current_in_path(url)
    pages = {n for n, t in numbered if _path_template(n, t) == paging.path}
    if any(kind == "next" for kind, _ in steps):
        pages.add(current + 1)
    next_page = current + 1 if any(p > current for p in pages) else None
    return PageLinks(paging, current, next_page, None if next_page else current)


def _from_steps(steps: list[tuple[str, str]]) -> Paging | None:
    """A known page parameter in the 다음/맨끝 links when no numbered link shows which one it is."""
    for kind, target in steps:
        for name, value in query_pairs(target):
            if name in PAGE_PARAMS and value.isdigit():
                # Guess: an offset's step is its value on the first page's 다음 link (the link to page 2).
                step = int(value) if name in OFFSET_PARAMS and kind == "next" and int(value) > 1 else 0
                return Paging(name, step)
    return None
