"""Syncing boards: list pages → new or changed posts → their bodies → the store.

The store is written only with what was fetched and parsed successfully; an unreachable site, a broken
page or a layout change is reported as the board's error and leaves the cache as it was.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from noticetui.config import BoardConfig
from noticetui.context import AppContext
from noticetui.dates import anchor_years
from noticetui.engines import Detection, detect, get_engine
from noticetui.engines.base import Engine, EngineError, parse_html, unique_stubs
from noticetui.engines.fallback import read_post
from noticetui.models import ParseContext, Post, PostStub, Request
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.store import PostRow

UNREACHABLE = frozenset({"refused", "dns", "timeout", "tls", "network"})
"""Fetch error kinds that mean the site (or the network) is out of reach, not that a page is wrong."""

DETECT_THRESHOLD = 0.5
"""The score an engine needs before ``auto`` trusts it."""

FALLBACK_ENGINE = "generic"
"""The engine ``auto`` falls back on when no engine reaches the threshold but this one found a list."""


class SyncError(Exception):
    """A board could not be synced at all; ``str()`` is one line."""


@dataclass(frozen=True)
class SyncProgress:
    """A step of a board's sync, for a progress display."""

    board: str
    stage: str
    """``list`` (reading list pages) or ``bodies`` (fetching posts)."""
    done: int
    total: int | None


@dataclass
class BoardSyncResult:
    """What one board's sync did."""

    board: str
    engine: str = ""
    pages: int = 0
    seen: int = 0
    new: int = 0
    updated: int = 0
    bodies: int = 0
    error: str | None = None
    """The first problem, in one line; None when everything worked."""
    offline: bool = False
    """True when the board failed because its site could not be reached (refused, DNS, timeout, TLS…)."""
    new_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the board synced without any problem."""
        return self.error is None


Progress = Callable[[SyncProgress], None]


def board_now(board: BoardConfig) -> datetime:
    """The current time in the board's zone."""
    return datetime.now(board.zone)


def merge_stubs(stubs: Iterable[PostStub]) -> list[PostStub]:
    """One stub per key in first-seen order; a post pinned anywhere stays flagged as a notice."""
    return unique_stubs(stubs)


def anchor_known(stubs: list[PostStub], exact: Mapping[str, datetime]) -> list[PostStub]:
    """``stubs`` with the years their list guessed corrected by the ``exact`` dates known by key
    (see :func:`noticetui.dates.anchor_years`); pinned notices and replies are left as they are."""
    column = [s for s in stubs if not s.notice and not s.reply_depth]
    fixed = anchor_years(
        [s.posted_at for s in column], [exact.get(s.key) for s in column], [s.year_guessed for s in column]
    )
    moved = {s.key: m for s, m in zip(column, fixed, strict=True) if m != s.posted_at and m is not None}
    return [replace(s, posted_at=moved[s.key]) if s.key in moved else s for s in stubs]


def choose_engine(found: Sequence[Detection]) -> Detection | None:
    """The best detection when it reaches :data:`DETECT_THRESHOLD`, else the fallback engine's when it
    scored above zero (it found rows or a post), else None."""
    if found and found[0].score >= DETECT_THRESHOLD:
        return found[0]
    return next((d for d in found if d.engine.name == FALLBACK_ENGINE and d.score > 0), None)


async def resolve_engine(board: BoardConfig, fetcher: Fetcher) -> Engine:
    """The board's engine; ``auto`` boards are detected from their first list page."""
    if board.engine != "auto":
        try:
            return get_engine(board.engine)
        except KeyError as exc:
            raise SyncError(str(exc.args[0])) from exc
    page = await fetcher.fetch(Request(board.url))
    chosen = choose_engine(detect(page.url, parse_html(page.text)))
    if chosen is None:
        raise SyncError(f'{board.url}: no engine recognises this board; set engine = "…" in the config')
    return chosen.engine


async def read_list(
    board: BoardConfig,
    engine: Engine,
    fetcher: Fetcher,
    pages: int,
    result: BoardSyncResult,
    progress: Progress,
    known: Callable[[str], bool] | None = None,
) -> list[PostStub]:
    """Read up to ``pages`` list pages; stops early at the last page or at a page with nothing new.

    With ``known`` (whether a key is already cached), it also stops after the first page whose rows are all
    known: a board is newest first, so older pages hold nothing new, and a site is spared the requests.
    """
    stubs: list[PostStub] = []
    seen: set[str] = set()
    now = board_now(board)
    guess = 0
    for number in range(1, pages + 1):
        progress(SyncProgress(board.name, "list", number - 1, pages))
        try:
            # Usually one request; a board paged only by script offers guesses: the first bringing new rows
            # wins, and is tried first on the next pages.
            requests = engine.list_requests_for(board.url, number, board.options)[: 1 if number == 1 else None]
            for index in sorted(range(len(requests)), key=lambda i: i != guess):
                page = await fetcher.fetch(requests[index])
                doc = parse_html(page.text)
                reason = engine.is_failure_page(doc)
                if reason:
                    raise SyncError(f"{page.url}: the site answered {reason!r}")
                listing = engine.parse_list(doc, ParseContext(page.url, now, board.options))
                if any(s.key not in seen for s in listing.stubs):
                    guess = index
                    break
        except (FetchError, SyncError) as exc:
            if number == 1:
                raise
            result.error = result.error or f"page {number}: {exc}"
            break
        except EngineError as exc:  # the page lacks what the engine (or a CSS profile) needs; says which
            result.error = result.error or f"page {number}: {exc}"
            break
        except Exception as exc:  # a parser that meets a page it does not understand
            result.error = result.error or f"page {number}: cannot parse the list ({type(exc).__name__}: {exc})"
            break
        result.pages = number
        regular = [s for s in listing.stubs if not s.notice]
        # Year-less dates (MM-DD) on the next page continue from this page's oldest row, not from today:
        # a deep page of a busy board is often wholly in an earlier year.
        dated = [s.posted_at for s in regular if s.posted_at is not None]
        if dated:
            now = min(now, min(dated).replace(hour=23, minute=59, second=59))
        fresh = [s for s in listing.stubs if s.key not in seen]
        stubs += listing.stubs
        seen.update(s.key for s in listing.stubs)
        if number == 1 and not listing.stubs:
            result.error = f"{page.url}: no posts found on the list page (has the board changed its layout?)"
        if listing.next_page is None or not regular or not fresh:
            break
        if known is not None and all(known(s.key) for s in regular):
            break
    return merge_stubs(stubs)


async def sync_board(
    ctx: AppContext,
    board: BoardConfig,
    fetcher: Fetcher,
    *,
    pages: int | None = None,
    bodies: bool = True,
    progress: Progress | None = None,
) -> BoardSyncResult:
    """Sync one board into the store; never raises for site problems (they land in ``error``)."""
    result = BoardSyncResult(board.name)
    report: Progress = progress or (lambda _p: None)
    board_id: int | None = None
    try:
        engine = await resolve_engine(board, fetcher)
        result.engine = engine.name
        board_id = bid = ctx.board_id(board, engine.name)
        # An explicit page count reads every page (to refresh views and titles); a routine sync stops at
        # the first page that brings nothing new.
        known = None if pages else (lambda key: ctx.store.post_id(bid, key) is not None)
        stubs = await read_list(board, engine, fetcher, pages or board.pages, result, report, known)
        stubs = anchor_known(stubs, ctx.store.exact_dates(board_id, [s.key for s in stubs]))
        result.seen = len(stubs)
        upserted = ctx.store.upsert_stubs(board_id, stubs)
        result.new, result.updated, result.new_ids = len(upserted.new), len(upserted.changed), upserted.new
        if bodies:
            wanted = {*upserted.new, *upserted.changed}
            keys = {s.key for s in stubs}
            todo = [p for p in ctx.store.posts_without_body(board_id) if p.key in keys or p.id in wanted]
            todo += [p for p in _rows(ctx, upserted.changed) if p.has_body and not p.secret]
            await fetch_bodies(ctx, board, engine, fetcher, todo, result, report)
            # Post pages give full dates: list rows dated by a guessed year (MM-DD) take theirs from them.
            anchored = anchor_known(stubs, ctx.store.exact_dates(board_id, [s.key for s in stubs]))
            if anchored != stubs:
                ctx.store.upsert_stubs(board_id, anchored)
    except FetchError as exc:
        result.error = str(exc)
        result.offline = exc.kind in UNREACHABLE
    except SyncError as exc:
        result.error = str(exc)
    if board_id is None:
        board_id = ctx.board_id(board, result.engine or board.engine)
    ctx.store.record_sync(board_id, result.error)
    return result


def _rows(ctx: AppContext, ids: Iterable[int]) -> list[PostRow]:
    rows = [ctx.store.post(i) for i in ids]
    return [r for r in rows if r is not None]


async def fetch_bodies(
    ctx: AppContext,
    board: BoardConfig,
    engine: Engine,
    fetcher: Fetcher,
    posts: list[PostRow],
    result: BoardSyncResult,
    report: Progress,
) -> None:
    """Fetch and store the bodies of ``posts``; failures are counted, the rest still land."""
    failures: list[str] = []
    done = 0

    async def one(row: PostRow) -> None:
        nonlocal done
        try:
            post = await fetch_post(fetcher, engine, board, row)
        except (FetchError, SyncError) as exc:
            failures.append(str(exc))
        except Exception as exc:  # a page the engine cannot parse must not stop the other posts
            failures.append(f"{row.url}: cannot parse the post ({type(exc).__name__}: {exc})")
        else:
            ctx.store.save_post(row.id, post)
            result.bodies += 1
        done += 1
        report(SyncProgress(board.name, "bodies", done, len(posts)))

    await asyncio.gather(*(one(row) for row in posts))
    if failures and result.error is None:
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        result.error = f"{len(failures)} of {len(posts)} posts failed: {failures[0]}{more}"


async def fetch_post(fetcher: Fetcher, engine: Engine, board: BoardConfig, row: PostRow) -> Post:
    """Fetch and parse one post's page."""
    page = await fetcher.fetch(row.request)
    doc = parse_html(page.text)
    reason = engine.is_failure_page(doc)
    if reason:
        raise SyncError(f"{row.url}: the site answered {reason!r}")
    try:
        return read_post(engine, doc, ParseContext(page.url, board_now(board), board.options), row.key, row.title)
    except EngineError as exc:  # the page lacks what the engine expects: one line for every caller
        raise SyncError(f"{row.url}: {exc}") from exc


def board_for_post(ctx: AppContext, row: PostRow) -> tuple[BoardConfig, Engine]:
    """The board config and engine of a cached post (a board removed from the config still works)."""
    board = ctx.board(row.board)
    stored = ctx.store.board(row.board)
    if board is None:
        if stored is None:
            raise SyncError(f"post {row.id}: its board {row.board!r} is unknown")
        board = BoardConfig(name=stored.name, url=stored.url, engine=stored.engine)
    name = stored.engine if stored is not None and board.engine == "auto" else board.engine
    try:
        return board, get_engine(name)
    except KeyError as exc:
        raise SyncError(str(exc.args[0])) from exc


async def ensure_body(ctx: AppContext, post_id: int, fetcher: Fetcher, *, refresh: bool = False) -> PostRow:
    """The post with its body, fetching it when it is not cached (or when ``refresh``)."""
    row = ctx.store.post(post_id)
    if row is None:
        raise SyncError(f"no cached post with id {post_id}")
    if row.has_body and not refresh:
        return row
    board, engine = board_for_post(ctx, row)
    ctx.store.save_post(row.id, await fetch_post(fetcher, engine, board, row))
    fresh = ctx.store.post(post_id)
    assert fresh is not None
    return fresh


async def sync_all(
    ctx: AppContext,
    fetcher: Fetcher,
    boards: list[BoardConfig] | None = None,
    *,
    pages: int | None = None,
    bodies: bool = True,
    progress: Progress | None = None,
) -> list[BoardSyncResult]:
    """Sync several boards at once (the fetcher keeps each site polite); results in the boards' order."""
    chosen = ctx.config.boards if boards is None else boards
    return list(
        await asyncio.gather(
            *(sync_board(ctx, b, fetcher, pages=pages, bodies=bodies, progress=progress) for b in chosen)
        )
    )
