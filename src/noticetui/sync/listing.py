"""Reading a board's list pages: one page at a time (:func:`read_page`), a rule for when to stop
(:class:`StopRule`), and the loop that joins them and hands each page's rows to the store as it is read
(:func:`read_list`), so an interrupted sync keeps every row it had listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from noticetui.config import BoardConfig
from noticetui.dates import anchor_years
from noticetui.engines.base import Engine, EngineError, parse_html, unique_stubs
from noticetui.i18n import _
from noticetui.models import ListPage, ParseContext, PostStub, Request
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.sync.results import BoardSyncResult, Progress, SyncError, SyncProgress, board_now

StorePage = Callable[[int, list[PostStub]], set[str]]
"""Writes a page's rows (page number, merged rows) to the store; returns the keys it had never seen."""


def merge_stubs(stubs: Iterable[PostStub]) -> list[PostStub]:
    """One stub per key in first-seen order; a post pinned anywhere stays flagged as a notice."""
    return unique_stubs(stubs)


def merge_one(old: PostStub | None, stub: PostStub) -> PostStub:
    """What is known of a post seen as ``old`` and again as ``stub`` in the same sync."""
    return stub if old is None else unique_stubs([old, stub])[0]


def anchor_known(stubs: list[PostStub], exact: Mapping[str, datetime]) -> list[PostStub]:
    """``stubs`` with the years their list guessed corrected by the ``exact`` dates known by key
    (see :func:`noticetui.dates.anchor_years`); pinned notices and replies are left as they are."""
    column = [s for s in stubs if not s.notice and not s.reply_depth]
    fixed = anchor_years(
        [s.posted_at for s in column], [exact.get(s.key) for s in column], [s.year_guessed for s in column]
    )
    moved = {s.key: m for s, m in zip(column, fixed, strict=True) if m != s.posted_at and m is not None}
    return [replace(s, posted_at=moved[s.key]) if s.key in moved else s for s in stubs]


async def read_page(
    board: BoardConfig, engine: Engine, fetcher: Fetcher, number: int, now: datetime, seen: set[str], guess: int = 0
) -> tuple[ListPage, int]:
    """Fetch and parse list page ``number``, and which of the engine's requests for it gave it; raises
    FetchError, or SyncError with a one-line reason.

    Usually one request; a board paged only by script offers guesses: the first bringing rows not in
    ``seen`` wins, and ``guess`` (the one that won last time) is tried first.
    """
    requests = engine.list_requests_for(board.url, number, board.options)[: 1 if number == 1 else None]
    for index in sorted(range(len(requests)), key=lambda i: i != guess):
        listing = await _read_one(engine, fetcher, requests[index], ParseContext("", now, board.options))
        if any(s.key not in seen for s in listing.stubs):
            return listing, index
    if number == 1 and not listing.stubs:
        raise SyncError(
            _("{url}: no posts found on the list page (has the board changed its layout?)").format(url=board.url)
        )
    return listing, guess


async def _read_one(engine: Engine, fetcher: Fetcher, request: Request, ctx: ParseContext) -> ListPage:
    page = await fetcher.fetch(request)
    doc = parse_html(page.text)
    reason = engine.is_failure_page(doc)
    if reason:
        raise SyncError(_("{url}: the site answered {reason!r}").format(url=page.url, reason=reason))
    try:
        return engine.parse_list(doc, ParseContext(page.url, ctx.now, ctx.options))
    except EngineError as exc:  # the page lacks what the engine (or a CSS profile) needs; says which
        raise SyncError(str(exc)) from exc
    except Exception as exc:  # a parser that meets a page it does not understand
        raise SyncError(_("cannot parse the list ({reason})").format(reason=f"{type(exc).__name__}: {exc}")) from exc


def next_anchor(now: datetime, listing: ListPage) -> datetime:
    """The "now" that dates the next page's rows.

    Year-less dates (MM-DD) on the next page continue from this page's oldest row, not from today: a deep
    page of a busy board is often wholly in an earlier year.
    """
    dated = [s.posted_at for s in listing.stubs if not s.notice and s.posted_at is not None]
    return min(now, min(dated).replace(hour=23, minute=59, second=59)) if dated else now


@dataclass
class StopRule:
    """Whether to read the page after this one.

    Always stops at ``pages``, at the last page, at a page with no regular rows, and at a page that only
    repeats rows already read (a site that ignores the page number). A ``routine`` sync also stops after
    the first page that brought no new regular post: a board is newest first, so older pages hold nothing
    new, and the site is spared the requests.
    """

    pages: int
    routine: bool
    seen: set[str] = field(default_factory=set)

    def read_on(self, number: int, listing: ListPage, new_keys: set[str]) -> bool:
        """True to read page ``number + 1`` after ``listing`` (page ``number``) brought ``new_keys``."""
        regular = [s.key for s in listing.stubs if not s.notice]
        fresh = any(s.key not in self.seen for s in listing.stubs)
        self.seen.update(s.key for s in listing.stubs)
        if number >= self.pages or listing.next_page is None or not regular or not fresh:
            return False
        return not self.routine or any(key in new_keys for key in regular)


async def read_list(
    board: BoardConfig,
    engine: Engine,
    fetcher: Fetcher,
    rule: StopRule,
    result: BoardSyncResult,
    progress: Progress,
    store_page: StorePage,
) -> list[PostStub]:
    """Read list pages until ``rule`` stops, storing each page's rows before the next is asked for.

    A failure on page 1 raises (FetchError or SyncError); a later page's failure becomes the result's
    error and ends the reading, keeping what the earlier pages gave.
    """
    merged: dict[str, PostStub] = {}
    now = board_now(board)
    number = 1
    guess = 0
    while True:
        progress(SyncProgress(board.name, "list", number - 1, rule.pages))
        try:
            listing, guess = await read_page(board, engine, fetcher, number, now, set(merged), guess)
        except (FetchError, SyncError) as exc:
            if number == 1:
                raise
            result.error = result.error or f"page {number}: {exc}"
            break
        result.pages = number
        now = next_anchor(now, listing)
        # A post pinned on one page and listed on another stays a notice: merge with what was read so far.
        for stub in listing.stubs:
            merged[stub.key] = merge_one(merged.get(stub.key), stub)
        page_rows = list({s.key: merged[s.key] for s in listing.stubs}.values())
        new_keys = store_page(number, page_rows)
        if not rule.read_on(number, listing, new_keys):
            break
        number += 1
    return list(merged.values())
