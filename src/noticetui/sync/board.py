"""Syncing boards: list pages → the store, page by page → every body the board is owed → the store.

The store is written only with what was fetched and parsed successfully; an unreachable site, a broken
page or a layout change is reported as the board's error and leaves the cache as it was. Rows are stored
page by page and bodies post by post, so an interrupted sync (Ctrl-C, a killed process, a closed TUI)
keeps everything it got, and the next routine sync fetches every body still missing.
"""

from __future__ import annotations

import asyncio

from noticetui.config import BoardConfig
from noticetui.context import AppContext
from noticetui.models import PostStub
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.store import PostRow
from noticetui.sync.bodies import fetch_bodies
from noticetui.sync.engines import resolve_engine
from noticetui.sync.listing import StopRule, read_list
from noticetui.sync.results import UNREACHABLE, BoardSyncResult, Progress, SyncError, SyncProgress
from noticetui.watch import matches


async def sync_board(
    ctx: AppContext,
    board: BoardConfig,
    fetcher: Fetcher,
    *,
    pages: int | None = None,
    bodies: bool = True,
    refresh: bool = False,
    progress: Progress | None = None,
) -> BoardSyncResult:
    """Sync one board into the store; never raises for site problems (they land in ``error``).

    An explicit ``pages`` reads that many pages (to refresh views and titles); a routine sync stops at
    the first page that brings nothing new. With ``bodies``, every body the board is owed is fetched, not
    only those of the pages read; ``refresh`` fetches again the bodies of every post on the pages read.
    """
    result = BoardSyncResult(board.name)
    report: Progress = progress or (lambda _p: None)
    board_id: int | None = None
    try:
        engine = await resolve_engine(board, fetcher)
        result.engine = engine.name
        board_id = bid = ctx.board_id(board, engine.name)
        result.first = ctx.store.count_posts(bid) == 0
        rule = StopRule(pages or board.pages, routine=not pages)
        listed: set[str] = set()
        words = (*ctx.config.settings.watch, *board.watch)

        def store_page(number: int, rows: list[PostStub]) -> set[str]:
            upserted = ctx.store.upsert_stubs(bid, rows)
            result.new_ids += upserted.new
            result.new += len(upserted.new)
            result.updated += len([i for i in upserted.changed if i not in result.new_ids])
            result.matched += [i for i, s in zip(upserted.new, _new_rows(rows, upserted.new_keys), strict=True)
                               if words and matches(s.title, words)]  # fmt: skip
            listed.update(s.key for s in rows)
            report(SyncProgress(board.name, "stored", number, rule.pages, tuple(upserted.new)))
            return set(upserted.new_keys)

        stubs = await read_list(board, engine, fetcher, rule, result, report, store_page)
        result.seen = len(stubs)
        if bodies:
            todo = ctx.store.posts_without_body(bid)
            fresh = set(result.new_ids)
            result.backlog = sum(1 for p in todo if p.id not in fresh)
            if refresh:
                owed = {p.id for p in todo}
                todo += [p for p in _listed_rows(ctx, bid, listed) if p.id not in owed and not p.secret]
            report(SyncProgress(board.name, "bodies", 0, len(todo)))
            await fetch_bodies(ctx, board, engine, fetcher, todo, result, report)
        result.missing = ctx.store.count_without_body(bid)
    except FetchError as exc:
        result.error = str(exc)
        result.offline = exc.kind in UNREACHABLE
    except SyncError as exc:
        result.error = str(exc)
    if board_id is None:
        board_id = ctx.board_id(board, result.engine or board.engine)
    ctx.store.record_sync(board_id, result.error)
    return result


def _new_rows(rows: list[PostStub], keys: list[str]) -> list[PostStub]:
    by_key = {s.key: s for s in rows}
    return [by_key[k] for k in keys]


def _listed_rows(ctx: AppContext, board_id: int, keys: set[str]) -> list[PostRow]:
    ids = [ctx.store.post_id(board_id, k) for k in keys]
    rows = [ctx.store.post(i) for i in ids if i is not None]
    return [r for r in rows if r is not None]


async def sync_all(
    ctx: AppContext,
    fetcher: Fetcher,
    boards: list[BoardConfig] | None = None,
    *,
    pages: int | None = None,
    bodies: bool = True,
    refresh: bool = False,
    progress: Progress | None = None,
) -> list[BoardSyncResult]:
    """Sync several boards at once (the fetcher keeps each site polite); results in the boards' order."""
    chosen = ctx.config.boards if boards is None else boards
    return list(
        await asyncio.gather(
            *(
                sync_board(ctx, b, fetcher, pages=pages, bodies=bodies, refresh=refresh, progress=progress)
                for b in chosen
            )
        )
    )
