"""The command palette (Ctrl+P): registry actions as their keys run them, boards, recent posts, themes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.command import CommandList, CommandPalette

from noticetui.config import load_config
from noticetui.context import AppContext
from noticetui.tui.actions import ACTIONS
from noticetui.tui.app import NoticeApp
from noticetui.tui.palette import usable
from noticetui.tui.screens.main import MainScreen
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList

from .helpers import press
from .seed import PRESS_TITLE

AppFactory = Callable[..., NoticeApp]
TRIES = 50
"""Pauses to wait at most for the palette's results (bounded: a regression fails instead of hanging)."""


async def palette_options(pilot: Any, query: str) -> list[str]:
    """Open the palette, type ``query``, and return the results' text once they are listed."""
    await press(pilot, "ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    for _ in range(TRIES):
        await pilot.pause(0.05)
        options = pilot.app.screen.query_one(CommandList).options
        if options:
            return [str(option.prompt) for option in options]
    raise AssertionError(f"the palette listed nothing for {query!r}")


async def palette_choose(pilot: Any, query: str, wanted: str) -> None:
    """Type ``query`` in the palette and run the result whose text holds ``wanted``."""
    for _ in range(TRIES):
        texts = await palette_options(pilot, query)
        if any(wanted in text for text in texts):
            break
        await pilot.press("escape")
    else:
        raise AssertionError(f"no palette result with {wanted!r} for {query!r}")
    pilot.app.screen.query_one(CommandList).highlighted = next(i for i, t in enumerate(texts) if wanted in t)
    await press(pilot, "enter")


async def test_an_action_from_the_palette_does_what_its_key_does(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await palette_choose(pilot, "unread", "Unread")
        assert isinstance(app.screen, MainScreen) and app.screen.unread_only
        await pilot.press("u")  # and the key undoes it: the same state, the same action
        assert not app.screen.unread_only


async def test_palette_actions_show_their_active_key_and_tip(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        texts = await palette_options(pilot, "sync all")
        assert any("Sync all" in t and "R" in t and "Sync every board now" in t for t in texts)


async def test_palette_lists_only_actions_implemented_and_allowed_where_it_opened(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listed = {a.name for a in ACTIONS if a.palette and usable(app, app.screen, a) is not None}
        assert {"quit", "help", "refresh", "refresh_board", "toggle_unread", "search", "tasks"} <= listed
        # cursor moves and closing keys are not worth a palette entry
        assert not any(name.startswith(("posts.", "boards.", "detail.", "tasks.")) for name in listed)


async def test_choosing_a_board_in_the_palette_lists_its_posts(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await palette_choose(pilot, "board 자유", "자유게시판")
        current = app.screen.query_one(BoardsPane).current
        assert current is not None and current.key == "free"
        assert isinstance(app.focused, PostList)
        rows = app.screen.query_one(PostList).rows
        assert [row.title for row in map(rows.get, range(len(rows))) if row] == ["자유게시판 첫 글"]


async def test_a_recently_read_post_opens_from_the_palette(make_app: AppFactory, ids: dict[str, int]) -> None:
    app = make_app()
    app.ctx.store.set_read([ids["press"]])
    async with app.run_test(size=(120, 40)) as pilot:
        await palette_choose(pilot, "청년 창업", "청년 창업기업")
        detail = app.screen.query_one(DetailPane)
        for _ in range(TRIES):
            if detail.post is not None:
                break
            await pilot.pause(0.05)
        assert detail.post is not None and detail.post.id == ids["press"] and detail.post.title == PRESS_TITLE


async def test_a_theme_chosen_in_the_palette_applies_and_is_saved(make_app: AppFactory) -> None:
    app = make_app()
    config_file = app.ctx.paths.config_file
    before = config_file.read_text(encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await palette_choose(pilot, "theme nord", "Theme: nord")
        assert app.theme == "nord"
        await app.workers.wait_for_complete()
    assert load_config(config_file).settings.theme == "nord"
    after = config_file.read_text(encoding="utf-8")
    assert after.replace('theme = "nord"\n', "") == before  # nothing else of the file changed


async def test_without_boards_the_palette_offers_only_what_means_something(empty_ctx: AppContext) -> None:
    app = NoticeApp(empty_ctx, sync_on_start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = {a.name for a in ACTIONS if a.palette and usable(app, app.screen, a) is not None}
        assert {"quit", "help"} <= listed and not {"refresh", "toggle_boards", "search"} & listed
        texts = await palette_options(pilot, "help")
        assert any("Help" in t for t in texts) and not any("Board:" in t for t in texts)
