"""SVG snapshots of the main screen with today's pasted press release open, at 80×24 and 120×40.

The press release (tests/render/golden/press_release.html, the renderer's golden input) holds what real
notices paste from a word processor: a contacts table, a data table with spanning cells, a photo
placeholder with its ``▲`` caption, footnotes and a link.  Data and clock are fixed, so the pictures only
change when the TUI or the renderer does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.widgets import Static

from noticetui.tui.app import NoticeApp
from noticetui.tui.widgets.detail import DetailPane

SnapCompare = Callable[..., bool]
AppFactory = Callable[..., NoticeApp]
OPEN_PRESS_RELEASE = ["j", "j", "enter"]
"""The press release is the third row of "All boards": after the pinned notice and today's 09:30 post."""


async def scroll_body_to(pilot: Any, wanted: str) -> None:
    """Scroll the detail pane so that the body line holding ``wanted`` is its top line."""
    await pilot.pause()
    detail = pilot.app.screen.query_one(DetailPane)
    body = detail.query_one("#detail-body", Static)
    content = body.content
    lines = (content.plain if isinstance(content, Text) else str(content)).splitlines()
    index = next(i for i, line in enumerate(lines) if wanted in line)
    detail.scroll_to(y=body.virtual_region.y + index, animate=False, immediate=True)
    await pilot.pause()


def test_detail_pane_at_80x24(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """The press release open beside the list: the header on two lines, the contacts table at ~54 cells,
    the board column of the all-boards list, "today" ("오늘" in Korean) for today's post that has no time."""
    assert snap_compare(make_app(), press=OPEN_PRESS_RELEASE, terminal_size=(80, 24))


def test_detail_pane_full_screen_at_80x24(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """f gives the post the whole screen: the data table, the photo placeholder with its caption and the
    footnotes fit on one 80×24 screen."""

    async def zoom_to_the_table(pilot: Any) -> None:
        await pilot.press(*OPEN_PRESS_RELEASE, "f")
        await scroll_body_to(pilot, "□ 지원 내용")

    assert snap_compare(make_app(), run_before=zoom_to_the_table, terminal_size=(80, 24))


def test_detail_pane_at_120x40(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """At 120×40 beside the list, scrolled to the data table: table, photo, caption and footnotes."""

    async def open_at_the_table(pilot: Any) -> None:
        await pilot.press(*OPEN_PRESS_RELEASE)
        await scroll_body_to(pilot, "□ 지원 내용")

    assert snap_compare(make_app(), run_before=open_at_the_table, terminal_size=(120, 40))


def test_detail_pane_full_screen_at_120x40(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """The whole press release from its top, full screen at 120×40."""
    assert snap_compare(make_app(), press=[*OPEN_PRESS_RELEASE, "f"], terminal_size=(120, 40))
