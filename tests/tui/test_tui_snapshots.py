"""SVG snapshots of the main screen with a post open, at two terminal sizes (fixed data and clock)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from noticetui.tui.app import NoticeApp

SnapCompare = Callable[..., bool]


def test_detail_pane_at_80x24(make_app: Callable[..., NoticeApp], snap_compare: SnapCompare) -> None:
    """The pinned notice open: header, wrapped Korean body and its attachment with its size."""
    assert snap_compare(make_app(), press=["enter"], terminal_size=(80, 24))


def test_detail_pane_at_120x40(make_app: Callable[..., NoticeApp], snap_compare: SnapCompare) -> None:
    """The library post open: a table laid out at the pane's width."""

    async def open_library(pilot: Any) -> None:
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_library, terminal_size=(120, 40))
