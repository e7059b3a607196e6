"""``sync``: live progress per board on a terminal, one line per board as each finishes, ``--notify``
for watched posts, ``--every`` for unattended use, and a lock so two syncs never write one cache."""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import time
from collections.abc import Callable

from noticetui.cli.format import cache_failure, error
from noticetui.cli.parser import UsageError
from noticetui.config import BoardConfig, ConfigError, load_config
from noticetui.context import AppContext, make_fetcher
from noticetui.i18n import _
from noticetui.notify import notify
from noticetui.sync import BoardSyncResult, SyncBusy, SyncLock, lock_path, sync_board

sleep: Callable[[float], None] = time.sleep
"""How ``--every`` waits between rounds (a seam for tests)."""


def cmd_sync(args: argparse.Namespace, ctx: AppContext) -> int:
    """Sync the named boards (all when none named); ``--every`` repeats until Ctrl-C."""
    _chosen(args, ctx)  # bad names are a usage error before anything runs
    if args.every is None:
        return _locked_round(args, ctx)
    status = 0
    while True:
        status = _locked_round(args, ctx)
        try:
            sleep(args.every)
        except KeyboardInterrupt:  # stopping between two rounds is how --every ends: the last round counts
            return status
        try:
            ctx.config = load_config(ctx.paths.config_file)  # boards added or removed since the last round
        except ConfigError as exc:
            error(_("{problem} (keeping the boards of the last round)").format(problem=exc))


def _chosen(args: argparse.Namespace, ctx: AppContext) -> list[BoardConfig]:
    if not ctx.config.boards:
        raise UsageError(_("no boards configured in {path}: noticetui add URL").format(path=ctx.paths.config_file))
    chosen = []
    for name in args.boards:
        board = ctx.config.board(name)
        if board is None:
            raise UsageError(_("no board named {name!r} (see noticetui boards)").format(name=name))
        chosen.append(board)
    return chosen or list(ctx.config.boards)


def _locked_round(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        with SyncLock(lock_path(ctx.paths.database)):
            return asyncio.run(_round(args, ctx, _chosen(args, ctx)))
    except SyncBusy as exc:
        error(str(exc))
        return 1


async def _round(args: argparse.Namespace, ctx: AppContext, boards: list[BoardConfig]) -> int:
    from noticetui.cli.sync_display import SyncDisplay, result_line  # rich.progress: only when syncing

    failed = False
    async with make_fetcher(ctx) as fetcher:
        with SyncDisplay(sys.stdout.isatty(), [b.name for b in boards]) as display:

            async def one(board: BoardConfig) -> None:
                nonlocal failed
                try:
                    result = await sync_board(
                        ctx,
                        board,
                        fetcher,
                        pages=args.pages,
                        bodies=not args.no_bodies,
                        refresh=args.refresh,
                        progress=display.progress,
                    )
                except sqlite3.Error as exc:  # the cache, not the board: say which file and what to check
                    display.line(board.name, _("{board}: failed").format(board=board.name))
                    error(f"{board.name}: {cache_failure(exc)}")
                    failed = True
                    return
                except Exception as exc:  # a bug in one engine must not stop the other boards
                    display.line(board.name, _("{board}: failed").format(board=board.name))
                    error(f"{board.name}: {type(exc).__name__}: {exc}")
                    failed = True
                    return
                # A board that could not be read at all says so rather than "0 new … (0 pages)".
                unread = result.error and not result.pages
                display.line(
                    board.name, _("{board}: failed").format(board=board.name) if unread else result_line(result)
                )
                if result.error:
                    error(f"{result.board}: {result.error}")
                    failed = True
                if args.notify and not await asyncio.to_thread(_announce, ctx, result):
                    failed = True

            await asyncio.gather(*(one(b) for b in boards))
    return 1 if failed else 0


def _announce(ctx: AppContext, result: BoardSyncResult) -> bool:
    """Run the notify command for each watched new post; False when a run failed.

    A board's first sync announces nothing: every post is new then, and a flood helps no one.
    """
    if result.first:
        return True
    command = ctx.config.settings.notify_command
    for post_id in result.matched:
        row = ctx.store.post(post_id)
        if row is None:
            continue
        problem = notify(command, row.title, row.url)
        if problem:
            error(problem)
            return False
    return True
