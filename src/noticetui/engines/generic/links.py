"""Links on boards no engine knows: which query parameter is a post's id, which one turns the page.

A list page's own links are the evidence: among the row links, the parameter whose value changes from row
to row is the post id (``idx``, ``nttId``, ``articleNo``…); among the other links, the one whose value
follows the page numbers printed as link text is the page parameter.  An engine is pure and keeps no
memory between calls, so what was learnt about paging is written into the board URL itself (see
:func:`paging_of_url` and :func:`board_url_with`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from noticetui.engines.base import query_param, with_query

PAGE_PARAMS = (
    "page",
    "pageIndex",
    "pageNo",
    "pageNum",
    "page_no",
    "cpage",
    "curPage",
    "currentPage",
    "cp",
    "intPage",
    "q_currPage",
    "nPage",
    "startPage",
    "pg",
    "pageid",
    "paged",
    "board_page",
    "offset",
    "start",
    "startIndex",
    "firstIndex",
    "article.offset",
    "pager.offset",
)
"""Query parameters that turn a list's page on Korean sites (BOARDS.md §6); ``p`` is left out (WordPress
uses it for posts)."""

OFFSET_PARAMS = frozenset({"offset", "start", "startIndex", "firstIndex", "article.offset", "pager.offset"})
"""Page parameters that usually count records (0, 10, 20…) rather than pages."""

ID_PARAMS = (
    "wr_id",
    "document_srl",
    "nttId",
    "nttNo",
    "nttSn",
    "articleNo",
    "article_no",
    "list_no",
    "dataSid",
    "idx",
    "b_idx",
    "bIdx",
    "seq",
    "board_seq",
    "boardSeq",
    "bbsSeq",
    "articleSeq",
    "uid",
    "board_pid",
    "no",
    "num",
    "post_id",
    "postId",
    "id",
)
"""Query parameters that name a post, most specific first."""

GUESSES = ("page", "pageIndex")
"""The GET page parameters most script-paged boards also accept, tried when paging is a guess."""

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Paging:
    """How a board's list pages are asked for: ``param`` set to the page number, or to a record offset."""

    param: str = "page"
    step: int = 0
    """Records per page when ``param`` counts records (``offset=20`` for page 3 of 10), else 0."""
    path: str = ""
    """A path template with ``{n}`` for the page (``/news/page/{n}/``) when pages live in the path."""
    guess: bool = False
    """True when the page only turns pages by script (a POST form, an unreadable function): ``param`` is
    then a guess, and the common GET parameters are worth trying too (:data:`GUESSES`)."""

    def value(self, page: int) -> int:
        """The parameter's value for list page ``page`` (1-based)."""
        return (page - 1) * self.step if self.step else page

    def page_of(self, value: int) -> int:
        """The page number a parameter value stands for."""
        return value // self.step + 1 if self.step else value


def paging_of_url(url: str) -> Paging:
    """The paging a board URL carries: the first known page parameter in its query (``page`` when none),
    with what :func:`board_url_with` wrote in the fragment: the records per page of an offset parameter
    (``#step=N``), a path template (``#pages=/news/page/{n}/``), a guessed parameter (``#guess=1``)."""
    names = [k for k, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)]
    fragment = dict(parse_qsl(urlsplit(url).fragment))
    param = fragment.get("param") or next((n for n in PAGE_PARAMS if n in names), "page")
    step = fragment.get("step", "")
    return Paging(
        param,
        int(step) if step.isdigit() and param in OFFSET_PARAMS else 0,
        path=fragment.get("pages", ""),
        guess=fragment.get("guess") == "1",
    )


def page_url(url: str, paging: Paging, page: int) -> str:
    """``url`` asking for list page ``page``, without the fragment (servers never see it anyway)."""
    parts = urlsplit(url)
    plain = urlunsplit(parts._replace(fragment=""))
    if paging.path:
        return (
            plain if page <= 1 else urlunsplit(parts._replace(path=paging.path.replace("{n}", str(page)), fragment=""))
        )
    if page <= 1 and query_param(url, paging.param) is None:
        return plain
    return set_param(plain, paging.param, paging.value(page))


def page_urls(url: str, page: int) -> list[str]:
    """Every URL worth trying for list page ``page``: the learnt one, then, when paging is a guess, the
    common GET parameters (:data:`GUESSES`)."""
    paging = paging_of_url(url)
    found = [page_url(url, paging, page)]
    if paging.guess and page > 1:
        for name in GUESSES:
            found.append(page_url(url, Paging(name), page))
    return list(dict.fromkeys(found))


def board_url_with(url: str, paging: Paging | None) -> str:
    """The first-page URL of a list, with the learnt paging written into it for :func:`paging_of_url`.

    The default (``page``) needs nothing; another parameter is kept at its first-page value
    (``pageIndex=1``), and an offset parameter also records its step in the fragment (``#step=10``).  Path
    paging and guessed (script-only) paging are written into the fragment too.
    """
    parts = urlsplit(url)
    base = urlunsplit(parts._replace(fragment=""))
    if paging is None:
        found = paging_of_url(url)
        present = query_param(url, found.param) is not None or found.path or found.guess
        paging = found if present else None
    if paging is not None and paging.path:
        return f"{base}#{urlencode({'pages': paging.path}, safe='/{}')}"
    if paging is None or (paging.param == "page" and not paging.guess):
        return with_query(base, drop=("page",)) if query_param(base, "page") is not None else base
    if paging.guess:
        fixed = with_query(base, drop=(paging.param,))
        return f"{fixed}#param={paging.param}&guess=1"
    fixed = set_param(base, paging.param, paging.value(1))
    return f"{fixed}#step={paging.step}" if paging.step else fixed


def set_param(url: str, name: str, value: str | int) -> str:
    """``url`` with query parameter ``name`` set to ``value`` (in place when present, else appended)."""
    parts = urlsplit(url)
    pairs = query_pairs(url)
    if any(k == name for k, _ in pairs):
        pairs = [(k, str(value) if k == name else v) for k, v in pairs]
    else:
        pairs.append((name, str(value)))
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def query_pairs(url: str) -> list[tuple[str, str]]:
    """The query parameters of ``url`` in order."""
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def _varying(queries: list[dict[str, str]], count: int) -> list[str]:
    """The parameters every link carries with a value, other than page ones, in the first link's order;
    with several links, only those whose value differs in each of them."""
    shared = [n for n in queries[0] if all(q.get(n) for q in queries) and n not in PAGE_PARAMS]
    if count > 1:
        shared = [n for n in shared if len({q[n] for q in queries}) == count]
    return shared


def key_param(hrefs: list[str]) -> str | None:
    """The query parameter that names the post in every link of ``hrefs`` (absolute row links).

    It is present in all of them, is no page parameter, and has a different value in each distinct link;
    known id names win, then numeric values.  With a single link only known id names are trusted.
    """
    distinct = list(dict.fromkeys(hrefs))
    if not distinct:
        return None
    queries = [dict(query_pairs(h)) for h in distinct]
    shared = _varying(queries, len(distinct))
    known = next((n for n in ID_PARAMS if n in shared), None)
    if known is not None or len(distinct) == 1:
        return known
    numeric = [n for n in shared if all(_DIGITS.fullmatch(q[n]) for q in queries)]
    chosen = numeric or shared
    return chosen[-1] if chosen else None


def _date_segments(segments: list[str]) -> set[int]:
    """Positions of a date in a path (``/2026/11/``, ``/2026/11/05/``): a year, then a month, maybe a day."""
    found: set[int] = set()
    for i, seg in enumerate(segments[:-1]):
        if len(seg) == 4 and seg.isdigit() and 1990 <= int(seg) <= 2100:
            month = segments[i + 1]
            if month.isdigit() and len(month) <= 2 and 1 <= int(month) <= 12:
                found |= {i, i + 1}
                day = segments[i + 2] if i + 2 < len(segments) else ""
                if day.isdigit() and len(day) <= 2 and 1 <= int(day) <= 31:
                    found.add(i + 2)
    return found


def path_key(href: str) -> str | None:
    """The last all-digit segment of a link's path (``/news/123/slug`` → ``123``), or None.

    A date in the path (``/2026/11/slug``) is never the key: every post of a month shares it.
    """
    segments = [unquote(s) for s in urlsplit(href).path.split("/") if s]
    dates = _date_segments(segments)
    return next(
        (s for i, s in reversed(list(enumerate(segments))) if _DIGITS.fullmatch(s) and i not in dates),
        None,
    )


def row_key(href: str, param: str | None) -> str:
    """A post's key from its link: the id parameter, else the path's number, else the link itself."""
    if param:
        value = query_param(href, param)
        if value:
            return value
    found = path_key(href)
    if found:
        return found
    return link_key(href)


def link_key(href: str) -> str:
    """The link itself as a key: without its fragment and page parameters."""
    parts = urlsplit(href)
    return with_query(urlunsplit(parts._replace(fragment="")), drop=PAGE_PARAMS)


def row_keys(hrefs: list[str], param: str | None) -> list[str]:
    """The keys of a page's row links; never one key for two posts.

    Links that share an id parameter are one post (a pinned notice listed twice).  Links keyed by a path
    number are one post only when their paths agree: when two different paths give one number, the
    number is not an id on this board, and every row is keyed by its link instead.
    """
    keys = [row_key(h, param) for h in hrefs]
    paths: dict[str, str] = {}
    for href, key in zip(hrefs, keys, strict=True):
        if param and query_param(href, param):
            continue
        path = urlsplit(href).path.rstrip("/")
        if paths.setdefault(key, path) != path:
            return [row_key(h, param) if param and query_param(h, param) else link_key(h) for h in hrefs]
    return keys


def list_url_of_post(url: str) -> str:
    """A guess at the list of a post's URL when its page shows no list link.

    The post's id parameter goes; a last path segment that names a view becomes the list's
    (``boardView.do`` → ``boardList.do``, ``/news/view`` → ``/news``), a numeric one is dropped.
    """
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in query_pairs(url) if k not in ID_PARAMS and k not in PAGE_PARAMS]
    head, _, last = parts.path.rstrip("/").rpartition("/")
    lowered = last.lower()
    if lowered in ("view", "read", "detail", "show") or _DIGITS.fullmatch(last):
        path = head or "/"
    else:
        path = re.sub(r"(?i)(view|read|detail)", lambda m: "List" if m.group(0)[0].isupper() else "list", last)
        path = f"{head}/{path}"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(pairs), ""))
