"""The app's workers against real servers on 127.0.0.1: sync, downloads, bodies, and an offline site."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.widgets import OptionList, Static, TextArea

from noticetui.context import AppContext
from noticetui.downloads import DownloadProgress
from noticetui.net.fetch import Fetcher
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.preview import PreviewScreen
from noticetui.tui.widgets.attachments import AttachmentsView
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine

from .helpers import settle, shown_text

AppFactory = Callable[..., NoticeApp]


async def test_sync_on_start_fills_the_list_and_reports_the_board(demo_ctx: AppContext) -> None:
    app = NoticeApp(demo_ctx, sync_on_start=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.pause()
        posts = app.screen.query_one(PostList)
        assert len(posts.rows) > 0
        board = app.screen.query_one(BoardsPane).entries[1]
        assert board.posts == len(posts.rows) and board.unread == board.posts
        status = shown_text(app.screen.query_one(StatusLine))
        assert status == f"Sync done: 1 board, {board.posts} new"


async def test_d_downloads_the_open_posts_attachments_with_progress(
    demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    progressed: list[int] = []
    original = AttachmentsView.show_progress

    def record(view: AttachmentsView, progress: DownloadProgress) -> None:
        progressed.append(progress.received)
        original(view, progress)

    monkeypatch.setattr(AttachmentsView, "show_progress", record)
    app = NoticeApp(demo_ctx, sync_on_start=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        posts = app.screen.query_one(PostList)
        with_file = next(i for i in range(len(posts.rows)) if (row := posts.rows.get(i)) and row.has_file)
        posts.cursor = with_file
        await pilot.press("enter")
        await settle(app)
        await pilot.press("d")
        await settle(app)
        await pilot.pause()
        post = app.screen.query_one(DetailPane).post
        assert post is not None
        files = demo_ctx.store.attachments([post.id])[post.id]
        assert files and all(f.saved_path and Path(f.saved_path).is_file() for f in files)
        labels = [shown_text(s) for s in app.screen.query(".attachment-label").results(Static)]
        assert labels and all("✓ saved" in label for label in labels)
        assert progressed and progressed[-1] > 0
        assert "Saved" in shown_text(app.screen.query_one(StatusLine))


async def open_post_with(app: NoticeApp, pilot: Any, attachments: int) -> None:
    """Move to the first post with exactly ``attachments`` files and open it."""
    posts = app.screen.query_one(PostList)
    store = app.ctx.store
    for index in range(len(posts.rows)):
        row = posts.rows.get(index)
        if row is not None and len(store.attachments([row.id])[row.id]) == attachments:
            posts.cursor = index
            break
    else:
        raise AssertionError(f"the demo has no post with {attachments} attachments")
    await pilot.press("enter")
    await settle(app)


async def test_p_downloads_and_previews_a_single_attachment_as_text(demo_ctx: AppContext) -> None:
    app = NoticeApp(demo_ctx, sync_on_start=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await open_post_with(app, pilot, attachments=1)
        await pilot.press("v")
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        assert app.screen.query_one(TextArea).text.strip()
        await pilot.press("escape")
        await pilot.pause()
        labels = [shown_text(s) for s in app.screen.query(".attachment-label").results(Static)]
        assert labels and "✓ saved" in labels[0]


async def test_preview_of_a_post_with_several_files_asks_which_one(demo_ctx: AppContext) -> None:
    app = NoticeApp(demo_ctx, sync_on_start=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await open_post_with(app, pilot, attachments=2)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        choices = app.screen.query_one(OptionList)
        assert choices.option_count == 2
        assert app.screen.query_one(TextArea).text == ""
        await pilot.press("enter")
        await settle(app)
        await pilot.pause()
        assert app.screen.query_one(TextArea).text.strip()


async def test_unreachable_site_is_reported_offline_and_cache_stays(make_app: AppFactory) -> None:
    app = make_app(sync_on_start=True, fetcher_factory=lambda: Fetcher(retries=0, delay=0))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.pause()
        status = shown_text(app.screen.query_one(StatusLine))
        assert status.startswith("Offline: no site could be reached") and "notice:" not in status
        assert len(app.screen.query_one(PostList).rows) == 7


async def test_uncached_body_shows_loading_then_the_fetch_error(make_app: AppFactory) -> None:
    # A thread event: the fetch runs on the app's back-room loop, in another thread.
    gate = threading.Event()

    async def answer(request: httpx.Request) -> httpx.Response:
        await asyncio.to_thread(gate.wait, 30)
        return httpx.Response(404, text="gone")

    transport = httpx.MockTransport(answer)
    app = make_app(fetcher_factory=lambda: Fetcher(retries=0, delay=0, transport=transport))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "j", "j", "j", "enter")
        await pilot.pause()
        body = app.screen.query_one("#detail-body", Static)
        assert shown_text(body) == "loading…"
        gate.set()
        await settle(app)
        await pilot.pause()
        assert "Could not load this post" in shown_text(body) and "404" in shown_text(body)


async def test_clicking_an_attachment_previews_it_and_a_failed_download_is_explained(
    make_app: AppFactory,
) -> None:
    app = make_app(fetcher_factory=lambda: Fetcher(retries=0, delay=0))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click(".attachment-label")
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        title = shown_text(app.screen.query_one("#preview-title", Static))
        assert "수강신청_안내.hwp" in title and "cannot preview" in title


async def test_the_preview_says_loading_until_the_download_ends(make_app: AppFactory) -> None:
    gate = threading.Event()  # a thread event: the download runs on the back-room loop, in another thread

    async def answer(request: httpx.Request) -> httpx.Response:
        await asyncio.to_thread(gate.wait, 30)
        return httpx.Response(404, text="gone")

    transport = httpx.MockTransport(answer)
    app = make_app(fetcher_factory=lambda: Fetcher(retries=0, delay=0, transport=transport))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.click(".attachment-label")
            await pilot.pause()
            assert isinstance(app.screen, PreviewScreen)
            title = app.screen.query_one("#preview-title", Static)
            assert shown_text(title) == "수강신청_안내.hwp — loading…"
            gate.set()
            await settle(app)
            await pilot.pause()
            assert "loading" not in shown_text(title) and "cannot preview" in shown_text(title)
            assert app.screen.query_one(TextArea).text == ""
    finally:
        gate.set()
