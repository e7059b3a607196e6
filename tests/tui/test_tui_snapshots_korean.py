"""SVG snapshot of the Korean UI: the main screen with the press release open, footer and all."""

from __future__ import annotations

from collections.abc import Callable

from noticetui.i18n import set_language
from noticetui.tui.app import NoticeApp

AppFactory = Callable[..., NoticeApp]
SnapCompare = Callable[..., bool]
OPEN_PRESS_RELEASE = ("j", "j", "enter")


def test_korean_main_screen_at_120x40(make_app: AppFactory, snap_compare: SnapCompare) -> None:
    """Borders, status line, footer, "오늘" for today's post without a time, "조회 342" in the header."""
    set_language("ko")
    assert snap_compare(make_app(), press=OPEN_PRESS_RELEASE, terminal_size=(120, 40))
