"""A sync finishes what earlier ones left, and never fetches a body because of a view count."""

from __future__ import annotations

import asyncio

import pytest

from noticetui.demo.sites import gnuboard5
from noticetui.net.fetch import Fetcher
from noticetui.sync import BoardSyncResult, SyncProgress, sync_board

from .conftest import Home, RewritingTransport, ViewCounter


def run(home: Home, transport: RewritingTransport | None = None, **kw: object) -> BoardSyncResult:
    async def go() -> BoardSyncResult:
        async with Fetcher(delay=0, per_host=4, transport=transport) as fetcher:
            return await sync_board(home.ctx, home.board, fetcher, **kw)  # type: ignore[arg-type]

    return asyncio.run(go())


def interrupted(home: Home, after_bodies: int) -> None:
    """A sync cancelled (as Ctrl-C or a closing TUI would) once ``after_bodies`` bodies are stored."""

    async def go() -> None:
        async with Fetcher(delay=0, per_host=2) as fetcher:
            task: asyncio.Task[BoardSyncResult] | None = None

            def progress(step: SyncProgress) -> None:
                if step.stage == "bodies" and step.done >= after_bodies and task is not None:
                    task.cancel()

            task = asyncio.create_task(sync_board(home.ctx, home.board, fetcher, pages=3, progress=progress))
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(go())


def test_an_interrupted_sync_keeps_every_listed_row_and_the_next_routine_sync_fetches_every_missing_body(
    home: Home,
) -> None:
    interrupted(home, after_bodies=3)
    listed = home.ctx.store.count_posts()
    missing = home.body_missing()
    assert listed > 30 and len(missing) > 10  # the rows of all three pages survived; most bodies did not
    result = run(home)  # routine: reads page 1 only (nothing new), yet owes every missing body
    assert result.pages == 1 and result.new == 0
    assert result.backlog == len(missing) and result.bodies == len(missing)
    assert home.body_missing() == [] and result.missing == 0
    assert home.ctx.store.count_posts() == listed


def test_rows_are_stored_page_by_page_and_announced_with_their_ids(home: Home) -> None:
    counts: list[tuple[int, int]] = []

    def progress(step: SyncProgress) -> None:
        if step.stage == "stored":
            counts.append((len(step.post_ids), home.ctx.store.count_posts()))

    async def go() -> BoardSyncResult:
        async with Fetcher(delay=0) as fetcher:
            return await sync_board(home.ctx, home.board, fetcher, pages=3, bodies=False, progress=progress)

    result = asyncio.run(go())
    assert len(counts) == 3
    # When a page is announced its rows are already in the store, and the announced ids add up.
    assert [stored for _, stored in counts] == [sum(n for n, _ in counts[: i + 1]) for i in range(3)]
    assert sum(n for n, _ in counts) == result.new


def test_a_routine_sync_of_an_unchanged_board_whose_views_rise_fetches_list_pages_only(home: Home) -> None:
    run(home, pages=3)
    before = {p.key: p.views for p in home.ctx.store.posts()}
    transport = RewritingTransport(ViewCounter())
    result = run(home, transport)
    assert transport.urls and transport.post_requests() == []
    assert (result.new, result.updated, result.bodies) == (0, 0, 0)
    after = {p.key: p.views for p in home.ctx.store.posts()}
    assert any(after[k] != v for k, v in before.items())  # the new counts were stored all the same


def test_a_real_change_in_the_list_refetches_that_body_only(home: Home) -> None:
    run(home, pages=1)
    # A title the list shows whole (long ones are cut there), so the rewrite below finds it.
    target = next(
        p for p in home.ctx.store.posts() if not p.notice and not p.secret and len(p.title) <= gnuboard5.SUBJECT_LEN
    )
    transport = RewritingTransport(lambda text: text.replace(target.title, target.title + " (수정)", 1))
    result = run(home, transport)
    assert result.updated == 1 and result.bodies == 1
    assert len(transport.post_requests()) == 1 and f"wr_id={target.key}" in transport.post_requests()[0]
    assert home.ctx.store.count_without_body(home.ctx.store.posts()[0].board_id) == 0  # no longer owed


def test_refresh_fetches_again_the_bodies_of_the_pages_read(home: Home) -> None:
    run(home, pages=1)
    transport = RewritingTransport()
    result = run(home, transport, refresh=True)
    listed_with_body = [p for p in home.ctx.store.posts() if p.has_body]
    assert result.bodies == len(listed_with_body) > 0
    assert len(transport.post_requests()) == result.bodies


def test_secret_posts_are_not_owed_a_body(home: Home) -> None:
    run(home, pages=3)
    secret = home.ctx.store.conn.execute("SELECT count(*) FROM posts WHERE secret = 1").fetchone()[0]
    assert secret >= 1
    assert home.body_missing() == []
    transport = RewritingTransport()
    assert run(home, transport).bodies == 0 and transport.post_requests() == []


def test_a_list_reading_cut_short_is_finished_by_the_next_routine_sync(home: Home) -> None:
    async def cut() -> None:
        async with Fetcher(delay=0) as fetcher:
            task: asyncio.Task[BoardSyncResult] | None = None

            def progress(step: SyncProgress) -> None:
                if step.stage == "stored" and step.done == 1 and task is not None:
                    task.cancel()  # after page 1 is stored, before page 2 is read

            task = asyncio.create_task(sync_board(home.ctx, home.board, fetcher, pages=3, progress=progress))
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(cut())
    after_page_one = home.ctx.store.count_posts()
    result = run(home)  # routine, but the last reading was cut short: all the board's pages are read
    assert result.pages == 3 and home.ctx.store.count_posts() > after_page_one
    assert home.body_missing() == []
    assert run(home).pages == 1  # and the one after is routine again
