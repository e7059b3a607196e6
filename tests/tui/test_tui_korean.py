"""The TUI in Korean and in English: footer, help, the open post's header, notifications, the tasks screen.

The language is chosen once per run (``set_language``); labels are translated where they are shown, so one
process can show English and then Korean (as these tests do, one after the other).
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from noticetui.i18n import set_language
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.activity import ActivityScreen
from noticetui.tui.screens.help import HelpScreen

from .helpers import open_help, running, shown_text

AppFactory = Callable[..., NoticeApp]
OPEN_PRESS_RELEASE = ("j", "j", "enter")
"""The press release (views 342, a date without a time) is the third row of "All boards"."""


@asynccontextmanager
async def in_language(
    language: str, make_app: AppFactory, *keys: str, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[Pilot[None]]:
    """A new app shown in ``language`` (``ko`` or ``en``), run at ``size`` after pressing ``keys``."""
    set_language(language)
    async with running(make_app(), *keys, size=size) as pilot:
        yield pilot


def footer_labels(app: App[None]) -> list[str]:
    """The labels the footer shows."""
    return [key.description for key in app.screen.query(FooterKey)]


def help_text(screen: HelpScreen) -> str:
    """The help screen's table as plain text."""
    console = Console(record=True, width=120, file=io.StringIO())
    console.print(screen.key_table())
    return console.export_text()


async def test_the_footer_speaks_korean(make_app: AppFactory) -> None:
    async with in_language("ko", make_app) as pilot:
        labels = footer_labels(pilot.app)
        assert {"종료", "도움말", "동기화", "검색"} <= set(labels)
        assert "Quit" not in labels


async def test_one_process_shows_english_then_korean(make_app: AppFactory) -> None:
    async with in_language("en", make_app) as pilot:
        assert {"Quit", "Help", "Sync"} <= set(footer_labels(pilot.app))
    async with in_language("ko", make_app) as pilot:
        assert {"종료", "도움말", "동기화"} <= set(footer_labels(pilot.app))


async def test_help_lists_every_key_in_korean(make_app: AppFactory) -> None:
    async with in_language("ko", make_app) as pilot:
        screen = await open_help(pilot)
        text = help_text(screen)
        assert "어디서나" in text and "모든 단축키 보기" in text and "마우스" in text
        assert "Show every key" not in text
        assert screen.query_one("#help-box").border_title == "noticetui 단축키"


@pytest.mark.parametrize(
    ("language", "views", "foreign_views", "today"),
    [("ko", "조회 342", "views", "오늘"), ("en", "views 342", "조회", "today")],
)
async def test_the_open_post_reads_views_and_today_in_the_chosen_language(
    make_app: AppFactory, language: str, views: str, foreign_views: str, today: str
) -> None:
    async with in_language(language, make_app, *OPEN_PRESS_RELEASE) as pilot:
        header = shown_text(pilot.app.screen.query_one("#detail-header", Static))
        assert views in header and foreign_views not in header
        posts = pilot.app.screen.query_one("#posts")
        rows = [posts.render_line(y).text for y in range(6)]
        assert any(row.rstrip().endswith(today) for row in rows)


async def test_a_notification_is_in_korean(make_app: AppFactory) -> None:
    async with in_language("ko", make_app, "d") as pilot:  # "d" with nothing open yet
        assert [str(n.message) for n in pilot.app._notifications] == ["먼저 글을 여세요 (Enter)."]


async def test_the_tasks_screen_is_in_korean(make_app: AppFactory) -> None:
    async with in_language("ko", make_app, "t") as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, ActivityScreen)
        assert screen.query_one("#activity-box").border_title == "작업"
        log = shown_text(screen.query_one("#activity-log-text", Static))
        assert log == "이번 세션에서 실행된 작업이 아직 없습니다."


async def test_the_korean_footer_keeps_help_within_80_columns(make_app: AppFactory) -> None:
    async with in_language("ko", make_app, size=(80, 24)) as pilot:
        keys = {key.description: key.region for key in pilot.app.screen.query(FooterKey)}
        assert "도움말" in keys and "종료" in keys
        assert keys["도움말"].right <= 80 and keys["종료"].right <= 80


async def test_the_palette_finds_actions_by_their_korean_names(make_app: AppFactory) -> None:
    from .test_tui_palette import palette_options

    async with in_language("ko", make_app) as pilot:
        options = await palette_options(pilot, "동기화")
        assert any("전체 동기화" in text for text in options)


async def test_the_boards_editor_and_its_form_have_korean_footers(make_app: AppFactory) -> None:
    from noticetui.tui.screens.board_add import AddBoardScreen
    from noticetui.tui.screens.boards_editor import BoardsEditor

    async with in_language("ko", make_app, size=(80, 24)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BoardsEditor)
        labels = footer_labels(pilot.app)
        assert labels and not {"Add", "Rename", "Remove", "Close"} & set(labels)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AddBoardScreen)
        assert "Save" not in footer_labels(pilot.app) and footer_labels(pilot.app)
