"""SVG snapshots of the help screen and the command palette (keys from the registry), at 80×24."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.command import CommandList

from noticetui.tui.app import NoticeApp

SnapCompare = Callable[..., bool]
AppFactory = Callable[..., NoticeApp]


def test_help_screen_at_80x24(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """Every key by area, from the registry, with the keys in force."""
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(80, 24))


def test_command_palette_at_80x24(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """Ctrl+P with "sync" typed: the actions with their keys and tips."""

    async def type_sync(pilot: Any) -> None:
        await pilot.press("ctrl+p", *"sync")
        for _ in range(50):  # bounded wait for the palette's results
            await pilot.pause(0.05)
            if pilot.app.screen.query_one(CommandList).option_count >= 2:
                break

    assert snap_compare(make_app(), run_before=type_sync, terminal_size=(80, 24))


def test_main_screen_at_40x12(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """A small terminal: the boards pane folded away, rows in the list, ? Help kept in the footer."""
    assert snap_compare(make_app(), press=["enter"], terminal_size=(40, 12))
