"""The TUI in Korean and in English: footer, help, the open post's header, notifications, the tasks screen.

The language is chosen once per run (``set_language``); labels are translated where they are shown, so one
process can show English and then Korean (as these tests do, one after the other).
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from noticetui.i18n import set_language
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.activity import ActivityScreen
from noticetui.tui.screens.help import HelpScreen

AppFactory = Callable[..., NoticeApp]
OPEN_PRESS_RELEASE = ("j", "j", "enter")
"""The press release (views 342, a date without a time) is the third row of "All boards"."""


def footer_labels(app: App[None]) -> list[str]:
    """The labels the footer shows."""
    return [key.description for key in app.screen.query(FooterKey)]


def help_text(screen: HelpScreen) -> str:
    """The help screen's table as plain text."""
    console = Console(record=True, width=120, file=io.StringIO())
    console.print(screen.key_table())
    return console.export_text()


def shown_text(widget: Static) -> str:
    """The plain text a Static shows."""
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


async def test_the_footer_speaks_korean(make_app: AppFactory) -> None:
    set_language("ko")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        labels = footer_labels(app)
        assert {"종료", "도움말", "동기화", "검색"} <= set(labels)
        assert "Quit" not in labels


async def test_one_process_shows_english_then_korean(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert {"Quit", "Help", "Sync"} <= set(footer_labels(pilot.app))
    set_language("ko")
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert {"종료", "도움말", "동기화"} <= set(footer_labels(pilot.app))


async def test_help_lists_every_key_in_korean(make_app: AppFactory) -> None:
    set_language("ko")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app.screen)
        assert "어디서나" in text and "모든 단축키 보기" in text and "마우스" in text
        assert "Show every key" not in text
        assert app.screen.query_one("#help-box").border_title == "noticetui 단축키"


async def test_the_open_post_reads_views_as_jo_hoe_and_today_as_o_neul(make_app: AppFactory) -> None:
    set_language("ko")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*OPEN_PRESS_RELEASE)
        await pilot.pause()
        header = shown_text(app.screen.query_one("#detail-header", Static))
        assert "조회 342" in header and "views" not in header
        posts = app.screen.query_one("#posts")
        rows = [posts.render_line(y).text for y in range(6)]
        assert any(row.rstrip().endswith("오늘") for row in rows)


async def test_the_same_post_in_english_reads_views(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*OPEN_PRESS_RELEASE)
        await pilot.pause()
        assert "views 342" in shown_text(app.screen.query_one("#detail-header", Static))


async def test_a_notification_is_in_korean(make_app: AppFactory) -> None:
    set_language("ko")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")  # nothing open yet
        await pilot.pause()
        assert [str(n.message) for n in app._notifications] == ["먼저 글을 여세요 (Enter)."]


async def test_the_tasks_screen_is_in_korean(make_app: AppFactory) -> None:
    set_language("ko")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ActivityScreen)
        assert app.screen.query_one("#activity-box").border_title == "작업"
        log = shown_text(app.screen.query_one("#activity-log-text", Static))
        assert log == "이번 세션에서 실행된 작업이 아직 없습니다."


async def test_the_korean_footer_keeps_help_within_80_columns(make_app: AppFactory) -> None:
    set_language("ko")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = {key.description: key.region for key in app.screen.query(FooterKey)}
        assert "도움말" in keys and "종료" in keys
        assert keys["도움말"].right <= 80 and keys["종료"].right <= 80


async def test_the_palette_finds_actions_by_their_korean_names(make_app: AppFactory) -> None:
    from .test_tui_palette import palette_options

    set_language("ko")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        options = await palette_options(pilot, "동기화")
        assert any("전체 동기화" in text for text in options)
