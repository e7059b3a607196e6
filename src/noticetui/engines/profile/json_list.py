"""JSON list profiles: boards whose page fills its list from a JSON API (``/api/board/list?page=2``).

The board's ``url`` is the API's; ``[boards.profile]`` says where things are with key paths instead of CSS
selectors (``json = true``)::

    [boards.profile]
    json = true
    rows = "data.list"                       # REQUIRED: the array of rows
    key = "nttId"                            # REQUIRED: a row's post id
    title = "nttSj"                          # REQUIRED: a row's title
    date = "frstRegistPnttm"                 # any Korean board date format, or ISO 8601
    author = "ntcrNm"
    views = "inqireCo"
    notice = "noticeAt"                      # true, "Y", "1" or "true" mark a pinned notice
    view = "/board/view.do?nttId={nttId}"    # the post page, filled with the row's fields ({a.b} for nested)
    link = "detailUrl"                       # …or the post URL as a row gives it (instead of view)
    total = "data.totalCount"                # the number of posts, to know the last page
    page_param = "page"

A key path is dot-separated names, with numbers for array positions (``result.items.0.title``).  Post
pages are HTML and read with the profile's ``body``/``post_*`` selectors, or the generic way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from noticetui.dates import PartialDate, parse_board_date
from noticetui.engines import base
from noticetui.engines.base import Doc, EngineError, absolute, dated_stubs, parse_int, query_param
from noticetui.engines.generic.links import paging_of_url
from noticetui.models import ListPage, ParseContext, PostStub

JSON_KEYS = ("json", "rows", "key", "title", "link", "date", "author", "views", "notice", "view", "total", "page_param")
"""The keys a JSON profile may hold (CSS keys for post pages are allowed too)."""

_FIELD = re.compile(r"\{([\w.]+)\}")
_TRUE = frozenset({"y", "yes", "1", "true", "on"})


def is_json(raw: Mapping[str, Any]) -> bool:
    """True when a ``[boards.profile]`` table describes a JSON list (``json = true``)."""
    return raw.get("json") is True or str(raw.get("json", "")).lower() == "true"


def pick(data: Any, path: str) -> Any:
    """The value at key path ``path`` (``data.list.0.title``) in ``data``, or None when it is not there."""
    current = data
    for part in path.split("."):
        if isinstance(current, Mapping):
            current = current.get(part)
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()


def _document(doc: Doc, url: str) -> Any:
    raw = doc.raw_html
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EngineError(f"profile: {url} did not answer JSON ({exc.msg} at character {exc.pos})") from exc


def _check(profile: Mapping[str, str]) -> None:
    """Raise EngineError unless the profile names the rows, each row's key and title, and the post URL."""
    for required in ("rows", "key", "title"):
        if required not in profile:
            raise EngineError(
                f'profile: a JSON list needs a {required} key path in [boards.profile] ({required} = "…")'
            )
    if "view" not in profile and "link" not in profile:
        raise EngineError('profile: a JSON list needs view = "…{id}…" (the post URL) or a link key path')


def _field(row: Any, profile: Mapping[str, str], name: str) -> str:
    """The text at the key path the profile gives for ``name``; empty when the profile gives none."""
    return _text(pick(row, profile[name])) if name in profile else ""


def _row(row: Any, ctx: ParseContext, profile: Mapping[str, str]) -> tuple[PostStub, PartialDate | None] | None:
    """One row as a post stub and its date; None for a row without a key."""
    key = _field(row, profile, "key")
    if not key:
        return None
    link = _field(row, profile, "link") if "link" in profile else _fill(profile["view"], row)
    url = absolute(ctx.url, link)
    date_text = _field(row, profile, "date")
    stub = base.row_stub(
        ctx,
        key,
        _field(row, profile, "title"),
        url,
        author=_field(row, profile, "author") or None,
        views=parse_int(_field(row, profile, "views")),
        notice=_field(row, profile, "notice").lower() in _TRUE,
    )
    return stub, parse_board_date(date_text, ctx.now) if date_text else None


def parse_json_list(doc: Doc, ctx: ParseContext, profile: Mapping[str, str]) -> ListPage:
    """A JSON list page's rows read with the profile's key paths; the next page from ``total``."""
    _check(profile)
    data = _document(doc, ctx.url)
    rows = pick(data, profile["rows"])
    if not isinstance(rows, list):
        raise EngineError(f'profile: rows = "{profile["rows"]}" is no array in the JSON of {ctx.url}')
    read = [found for found in (_row(row, ctx, profile) for row in rows) if found is not None]
    stubs = [stub for stub, _ in read]
    total = parse_int(_field(data, profile, "total"))
    return ListPage(
        dated_stubs(stubs, [date for _, date in read], ctx.now),
        next_page=_next(ctx, profile, len(rows), total),
        total=total,
    )


def _fill(template: str, row: Any) -> str:
    """``/view.do?nttId={nttId}`` with each ``{path}`` replaced by the row's value there."""
    return _FIELD.sub(lambda m: _text(pick(row, m.group(1))), template)


def _next(ctx: ParseContext, profile: Mapping[str, str], count: int, total: int | None) -> int | None:
    """The next page while this one had rows and, when the total is known, pages this full do not
    reach it yet (a short last page may cost one more request, which comes back empty)."""
    param = profile.get("page_param") or paging_of_url(ctx.url).param
    value = query_param(ctx.url, param)
    page = int(value) if value and value.isdigit() else 1
    if not count or (total is not None and page * count >= total):
        return None
    return page + 1
