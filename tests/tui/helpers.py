"""What the Pilot tests share: reading what a widget shows, and waiting for the app's work to end."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from noticetui.sync import BoardSyncResult
from noticetui.tui.app import NoticeApp
from noticetui.tui.messages import BoardSynced, SyncFailed, SyncStarted
from noticetui.tui.screens.filter import FilterScreen
from noticetui.tui.screens.help import HelpScreen
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList


def shown_text(widget: Static) -> str:
    """The plain text a Static shows."""
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


def visible_lines(posts: PostList) -> list[str]:
    """The post list's rows as the terminal shows them."""
    return [posts.render_line(y).text for y in range(len(posts.rows))]


async def settle(app: NoticeApp) -> None:
    """Let every worker finish and every message they posted be handled."""
    await app.workers.wait_for_complete()
    for _ in range(3):
        await asyncio.sleep(0)
    await app.workers.wait_for_complete()


async def body_laid_out(detail: DetailPane) -> None:
    """Wait until the body the detail pane is laying out (in a thread) is shown."""
    app = detail.app
    await app.workers.wait_for_complete([w for w in app.workers if w.node is detail and w.group == "detail-body"])


async def press(pilot: Any, *keys: str) -> None:
    """Press ``keys`` one by one, then let the app handle what they set off.

    A post's body is laid out in a thread: after each key, a layout it started is waited for, so that the
    next key (``l`` for the links, ``i`` for the images…) finds the body in place however loaded the machine.
    """
    app = pilot.app
    for key in keys:
        await pilot.press(key)
        laying = [w for w in app.workers if w.group == "detail-body" and not w.is_finished]
        if laying:
            await app.workers.wait_for_complete(laying)
            await pilot.pause()
    await pilot.pause()


async def press_and_settle(pilot: Any, *keys: str) -> None:
    """Press ``keys``, let every worker they set off finish, then let the app handle what the workers posted."""
    await pilot.press(*keys)
    await settle(pilot.app)
    await pilot.pause()


@asynccontextmanager
async def running(app: NoticeApp, *keys: str, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Pilot[None]]:
    """Run ``app`` headless at ``size`` (columns, rows), press ``keys`` and let it handle them; yields the
    pilot, the app being ``pilot.app``."""
    async with app.run_test(size=size) as pilot:
        await press(pilot, *keys)
        yield pilot


async def post_list_after(pilot: Any, *keys: str) -> PostList:
    """Press ``keys`` (cursor moves, board choices) and return the screen's post list."""
    await press(pilot, *keys)
    posts: PostList = pilot.app.screen.query_one(PostList)
    return posts


async def cursor_on_library(pilot: Any, ids: dict[str, int]) -> PostList:
    """Move the cursor of "All boards" down to the seeded library post (its fifth row, below the newer posts
    a sync would add above it) and return the post list."""
    posts = await post_list_after(pilot, "j", "j", "j", "j")
    assert cursor_id(posts) == ids["library"]
    return posts


async def sync_where_notice_fails(pilot: Any, reason: str, *, offline: bool) -> None:
    """Play what a sync of both seeded boards reports when "notice" fails for ``reason`` (``offline``: the site
    was unreachable) and "free" gets two new posts, and let the screen handle it."""
    screen = pilot.app.screen
    screen.post_message(SyncStarted(2))
    screen.post_message(SyncFailed("notice", reason, offline=offline))
    screen.post_message(BoardSynced(BoardSyncResult("free", new=2)))
    await pilot.pause()


async def open_help(pilot: Any) -> HelpScreen:
    """Press ``?`` and return the help screen it opened."""
    await press(pilot, "question_mark")
    screen = pilot.app.screen
    assert isinstance(screen, HelpScreen)
    return screen


async def until(pilot: Any, condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Pause until ``condition`` holds (bounded: a regression fails the test instead of hanging it)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"the condition never held within {seconds} s")


def cursor_id(posts: PostList) -> int | None:
    """The id of the post under the list's cursor (None when the list is empty)."""
    return posts.current.id if posts.current is not None else None


def titles(posts: PostList) -> list[str]:
    """The titles of the post list's rows, top to bottom."""
    return [row.title for i in range(len(posts.rows)) if (row := posts.rows.get(i))]


async def filter_by(app: NoticeApp, pilot: Any, *boxes: str) -> PostList:
    """Open the filter form (F), tick ``boxes`` (the selectors of its checkboxes), save it and wait until
    the list shows the result; returns the post list."""
    await pilot.press("F")
    assert isinstance(app.screen, FilterScreen)
    for box in boxes:
        await pilot.click(box)
    await pilot.press("ctrl+s")
    await settle(app)
    await pilot.pause()
    return app.screen.query_one(PostList)
