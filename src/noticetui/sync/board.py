"""Syncing boards: list pages → the store, page by page → every body the board is owed → the store.

The store is written only with what was fetched and parsed successfully; an unreachable site, a broken
page or a layout change is reported as the board's error and leaves the cache as it was. Rows are stored
page by page and bodies post by post, so an interrupted sync (Ctrl-C, a killed process, a closed TUI)
keeps everything it got, and the next routine sync fetches every body still missing.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from noticetui.config import BoardConfig
from noticetui.context import AppContext
from noticetui.models import PostStub
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.store import PostRow
from noticetui.sync.bodies import fetch_bodies
from noticetui.sync.engines import resolve_engine
from noticetui.sync.listing import StopRule, anchor_known, read_list
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
        board_id = ctx.board_id(board, engine.name)
        result.first = ctx.store.count_posts(board_id) == 0
        # A reading of the list that an earlier sync could not finish is finished now: every page is read.
        routine = not pages and not ctx.store.list_pending(board_id)
        writer = PageWriter(ctx, board, board_id, result, report, StopRule(pages or board.pages, routine))
        stubs = await read_list(board, engine, fetcher, writer.rule, result, report, writer)
        result.seen = len(stubs)
        if result.error is None:  # a later page that failed leaves the reading to finish next time
            ctx.store.set_list_pending(board_id, False)
        if bodies:
            todo = owed_bodies(ctx, board_id, result, writer.listed if refresh else set())
            report(SyncProgress(board.name, "bodies", 0, len(todo)))
            await fetch_bodies(ctx, board, engine, fetcher, todo, result, report)
            # Post pages give full dates: list rows dated by a guessed year (MM-DD) take theirs from them.
            anchored = anchor_known(stubs, ctx.store.exact_dates(board_id, [s.key for s in stubs]))
            if anchored != stubs:
                ctx.store.upsert_stubs(board_id, anchored)
        result.missing = ctx.store.count_without_body(board_id)
    except FetchError as exc:
        result.error = str(exc)
        result.offline = exc.kind in UNREACHABLE
    except SyncError as exc:
        result.error = str(exc)
    if board_id is None:
        board_id = ctx.board_id(board, result.engine or board.engine)
    ctx.store.record_sync(board_id, result.error)
    return result


@dataclass
class PageWriter:
    """Writes each list page's rows to the store as it is read, counting and announcing what it brought."""

    ctx: AppContext
    board: BoardConfig
    board_id: int
    result: BoardSyncResult
    report: Progress
    rule: StopRule
    listed: set[str] = field(default_factory=set)

    def __call__(self, number: int, rows: list[PostStub]) -> set[str]:
        """Store page ``number``'s rows in one transaction; returns the keys never seen before."""
        if number == 1:
            self.ctx.store.set_list_pending(self.board_id, True)
        rows = anchor_known(rows, self.ctx.store.exact_dates(self.board_id, [s.key for s in rows]))
        upserted = self.ctx.store.upsert_stubs(self.board_id, rows)
        result = self.result
        result.new_ids += upserted.new
        result.new += len(upserted.new)
        result.updated += len(set(upserted.changed) - set(result.new_ids))  # new this sync is not "updated"
        words = (*self.ctx.config.settings.watch, *self.board.watch)
        titles = {s.key: s.title for s in rows}
        result.matched += [i for i, k in zip(upserted.new, upserted.new_keys, strict=True) if matches(titles[k], words)]
        self.listed.update(titles)
        self.report(SyncProgress(self.board.name, "stored", number, self.rule.pages, tuple(upserted.new)))
        return set(upserted.new_keys)


def owed_bodies(ctx: AppContext, board_id: int, result: BoardSyncResult, refresh: set[str]) -> list[PostRow]:
    """Every post of the board owed a body, newest first (noting in ``result`` how many earlier syncs left),
    then the posts keyed in ``refresh`` that have one (``sync --refresh``)."""
    todo = ctx.store.posts_without_body(board_id)
    fresh = set(result.new_ids)
    result.backlog = sum(1 for p in todo if p.id not in fresh)
    owed = {p.id for p in todo}
    ids = [ctx.store.post_id(board_id, k) for k in refresh]
    rows = [ctx.store.post(i) for i in ids if i is not None and i not in owed]
    return todo + [r for r in rows if r is not None and not r.secret]


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
