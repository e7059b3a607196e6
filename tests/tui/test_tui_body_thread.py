"""The detail pane lays bodies out in a thread: the UI loop answers meanwhile, and only the layout of the
post still open, at the pane's current width, is ever shown.

Each test holds the layouts on an Event (``lay_out`` is patched), so what happens while a body is being
laid out is seen deterministically, with no timing.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Static

import noticetui.tui.widgets.detail as detail_module
from noticetui.models import Post
from noticetui.render import Document
from noticetui.tui.app import NoticeApp
from noticetui.tui.widgets.body_text import Cut
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList

from .helpers import cursor_id, running, settle, shown_text

AppFactory = Callable[..., NoticeApp]

WAIT = 20.0
"""Seconds a held layout waits at most (a bound, so that a failing test cannot hang the suite)."""


class Gate:
    """Stands in for ``lay_out``: each call waits until :meth:`release` lets its body through."""

    def __init__(self) -> None:
        self.real = detail_module.lay_out
        self.lock = threading.Lock()
        self.released: dict[str, threading.Event] = {}
        self.started: list[tuple[str, int]] = []
        """(the body's HTML, or "" for a parsed document; the width) of each layout, as it started."""
        self.finished = threading.Semaphore(0)
        self.all_released = False

    def _event(self, key: str) -> threading.Event:
        with self.lock:
            event = self.released.setdefault(key, threading.Event())
            if self.all_released:
                event.set()
            return event

    def __call__(self, source: Document | str, url: str, width: int) -> tuple[Document, Cut]:
        key = source if isinstance(source, str) else ""
        self.started.append((key, width))
        try:
            self._event(key).wait(WAIT)
            return self.real(source, url, width)
        finally:
            self.finished.release()

    def release(self, source: str | None = None) -> None:
        """Let the layouts of ``source`` through (all of them when ``None``, now and later)."""
        if source is None:
            with self.lock:
                self.all_released = True
        keys = [source] if source is not None else [*self.released, *(key for key, _ in self.started)]
        for key in keys:
            self._event(key).set()

    async def wait_finished(self, count: int) -> None:
        """Wait until ``count`` more held layouts have returned (their results may be dropped)."""
        for _ in range(count):
            assert await asyncio.to_thread(self.finished.acquire, True, WAIT)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Hold every body's layout until the test releases it (released at the end whatever happens)."""
    held = Gate()
    monkeypatch.setattr(detail_module, "lay_out", held)
    yield held
    held.release()


def body_text(app: NoticeApp) -> str:
    """The plain text of the detail pane's (first) body piece."""
    return shown_text(app.screen.query_one(DetailPane).query_one("#detail-body", Static))


async def open_row(pilot: Pilot[None], post_id: int) -> None:
    """Put the cursor of "All boards" on post ``post_id`` and press Enter (not waiting for its body)."""
    posts = pilot.app.screen.query_one(PostList)
    posts.cursor = next(i for i in range(len(posts.rows)) if (r := posts.rows.get(i)) and r.id == post_id)
    await pilot.press("enter")


async def let_through(pilot: Pilot[None], gate: Gate, *sources: str, finished: int = 0) -> str:
    """Release the layouts of ``sources`` (all of them when none is named), wait until ``finished`` layouts
    have returned, and let the app show what arrived; returns the text of the body shown."""
    for source in sources or (None,):
        gate.release(source)
    await gate.wait_finished(finished)
    app = pilot.app
    assert isinstance(app, NoticeApp)
    await settle(app)
    await pilot.pause()
    return body_text(app)


async def narrow_terminal(pilot: Pilot[None]) -> int:
    """Narrow the terminal to 40 columns, where the boards pane folds away and the post gets the whole
    width; returns the width the body is then wrapped to."""
    await pilot.resize_terminal(40, 30)
    await pilot.pause()
    return pilot.app.screen.query_one(DetailPane).body_width


def html_of(app: NoticeApp, post_id: int) -> str:
    """The cached body of post ``post_id``."""
    row = app.ctx.store.post(post_id)
    assert row is not None and row.body_html
    return row.body_html


async def test_the_body_shown_is_the_last_of_several_quickly_opened_posts(
    make_app: AppFactory, ids: dict[str, int], gate: Gate
) -> None:
    app = make_app()
    async with running(app) as pilot:
        for role in ("notice", "library", "hostile"):
            await open_row(pilot, ids[role])
        detail = app.screen.query_one(DetailPane)
        assert detail.post is not None and detail.post.id == ids["hostile"]
        # The last post's body comes first, then the older ones: those arrive late and must be dropped.
        assert "Body with [bold]markup[/bold]" in await let_through(pilot, gate, html_of(app, ids["hostile"]))
        older = (html_of(app, ids["notice"]), html_of(app, ids["library"]))
        shown = await let_through(pilot, gate, *older, finished=3)
        assert "Body with [bold]markup[/bold]" in shown
        assert "수강신청" not in shown and "휴관" not in shown


async def test_a_resize_while_a_body_is_laid_out_ends_with_the_body_at_the_new_width(
    make_app: AppFactory, ids: dict[str, int], gate: Gate
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await open_row(pilot, ids["press"])
        wide = app.screen.query_one(DetailPane).body_width
        narrow = await narrow_terminal(pilot)
        assert narrow < 40 < wide
        assert [width for _, width in gate.started] == [wide, narrow]  # the layout started again
        lines = (await let_through(pilot, gate, finished=2)).splitlines()
        assert any("청년" in line for line in lines)
        assert max(cell_len(line) for line in lines) <= narrow


async def test_a_resize_of_an_open_post_lays_it_out_again_off_the_ui_loop(
    make_app: AppFactory, ids: dict[str, int], gate: Gate
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await open_row(pilot, ids["press"])
        shown = await let_through(pilot, gate, html_of(app, ids["press"]))
        narrow = await narrow_terminal(pilot)
        assert gate.started[-1] == ("", narrow)  # the parsed document is laid out again, held in the thread
        assert body_text(app) == shown  # meanwhile the pane keeps the body it had
        lines = (await let_through(pilot, gate, "")).splitlines()
        assert max(cell_len(line) for line in lines) <= narrow < 40


async def test_keys_are_answered_while_a_body_is_still_being_laid_out(
    make_app: AppFactory, ids: dict[str, int], gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(detail_module, "LOADING_DELAY", 0.0)
    app = make_app()
    async with running(app) as pilot:
        await open_row(pilot, ids["library"])
        detail = app.screen.query_one(DetailPane)
        assert detail.document is None and "loading…" in body_text(app)
        posts = app.screen.query_one(PostList)
        await pilot.press("j")  # handled now, while the body is still held in its thread
        assert cursor_id(posts) != ids["library"]
        assert detail.document is None
        assert "도서관은 3월 9일 휴관합니다." in await let_through(pilot, gate)
        assert detail.document is not None


async def test_a_post_opened_twice_before_its_body_arrives_still_opens_at_its_top(
    make_app: AppFactory, ids: dict[str, int], gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(detail_module, "LOADING_DELAY", WAIT)  # no "loading…": the old body stays meanwhile
    app = make_app()
    long_body = "".join(f"<p>문단 {n}: 본문이 이어집니다.</p>" for n in range(200))
    notice = app.ctx.store.post(ids["notice"])
    assert notice is not None
    app.ctx.store.save_post(notice.id, Post(notice.key, notice.title, notice.url, long_body))
    async with running(app) as pilot:
        await open_row(pilot, ids["notice"])
        await let_through(pilot, gate, long_body)
        detail = app.screen.query_one(DetailPane)
        detail.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert detail.scroll_y > 0
        await open_row(pilot, ids["press"])
        await pilot.press("enter")  # the same post again, its first layout still held
        assert "청년" in await let_through(pilot, gate, html_of(app, ids["press"]), finished=1)
        assert detail.scroll_y == 0
