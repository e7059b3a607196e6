"""Fetching post pages: the bodies a sync owes, and the one a reader opens that is not cached yet."""

from __future__ import annotations

import asyncio

from noticetui.config import BoardConfig
from noticetui.context import AppContext
from noticetui.engines import get_engine
from noticetui.engines.base import Engine, EngineError, parse_html
from noticetui.engines.common.fallback import read_post
from noticetui.i18n import _, ngettext
from noticetui.models import ParseContext, Post
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.store import PostRow
from noticetui.sync.results import BoardSyncResult, Progress, SyncError, SyncProgress, board_now


async def fetch_bodies(
    ctx: AppContext,
    board: BoardConfig,
    engine: Engine,
    fetcher: Fetcher,
    posts: list[PostRow],
    result: BoardSyncResult,
    report: Progress,
) -> None:
    """Fetch and store the bodies of ``posts``, each in its own transaction as it arrives (an interrupted
    sync keeps every body it got); failures are counted, the rest still land."""
    failures: list[str] = []
    done = 0

    async def one(row: PostRow) -> None:
        nonlocal done
        try:
            post = await fetch_post(fetcher, engine, board, row)
        except (FetchError, SyncError) as exc:
            failures.append(str(exc))
            ctx.store.note_body_failure(row.id)
        except Exception as exc:  # a page the engine cannot parse must not stop the other posts
            failures.append(
                _("{url}: cannot parse the post ({reason})").format(url=row.url, reason=f"{type(exc).__name__}: {exc}")
            )
            ctx.store.note_body_failure(row.id)
        else:
            ctx.store.save_post(row.id, post)
            result.bodies += 1
        done += 1
        report(SyncProgress(board.name, "bodies", done, len(posts)))

    await asyncio.gather(*(one(row) for row in posts))
    if failures and result.error is None:
        more = " " + _("(and {n} more)").format(n=len(failures) - 1) if len(failures) > 1 else ""
        result.error = (
            ngettext(
                "{failed} of {total} post failed: {first}", "{failed} of {total} posts failed: {first}", len(posts)
            ).format(failed=len(failures), total=len(posts), first=failures[0])
            + more
        )


async def fetch_post(fetcher: Fetcher, engine: Engine, board: BoardConfig, row: PostRow) -> Post:
    """Fetch and parse one post's page."""
    page = await fetcher.fetch(row.request)
    doc = parse_html(page.text)
    reason = engine.is_failure_page(doc)
    if reason:
        raise SyncError(_("{url}: the site answered {reason!r}").format(url=row.url, reason=reason))
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
            raise SyncError(_("post {post}: its board {board!r} is unknown").format(post=row.id, board=row.board))
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
        raise SyncError(_("no cached post with id {post}").format(post=post_id))
    if row.has_body and not refresh:
        return row
    board, engine = board_for_post(ctx, row)
    ctx.store.save_post(row.id, await fetch_post(fetcher, engine, board, row))
    fresh = ctx.store.post(post_id)
    assert fresh is not None
    return fresh
