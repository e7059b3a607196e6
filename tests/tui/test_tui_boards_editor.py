"""The boards editor (E): adding a board against the sample boards (detection, preview, save, first
sync), renaming, removing with a confirmation, reordering, each written to config.toml at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from noticetui.config import load_config
from noticetui.context import AppContext
from noticetui.demo.server import DemoServer
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.board_add import AddBoardScreen
from noticetui.tui.screens.board_rename import RemoveBoardScreen, RenameBoardScreen
from noticetui.tui.screens.boards_editor import BoardsEditor
from noticetui.tui.screens.main import EMPTY_STATE
from noticetui.tui.widgets.boards import BoardsPane

from .helpers import settle, shown_text
from .seed import NOW

AppFactory = Callable[..., NoticeApp]


def config_names(ctx: AppContext) -> list[str]:
    return [b.name for b in load_config(ctx.paths.config_file).boards]


async def look_at(pilot: Pilot[None], url: str) -> AddBoardScreen:
    """E, a, then Enter on ``url`` in the add form; returns the form once the detection has reported."""
    app = pilot.app
    await pilot.press("E", "a")
    form = app.screen
    assert isinstance(form, AddBoardScreen)
    form.query_one("#add-url", Input).value = url
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return form


def test_the_empty_state_says_how_to_add_a_board_from_the_tui() -> None:
    assert "Press E to add a board" in EMPTY_STATE


async def test_e_on_the_empty_state_adds_a_first_board_with_a_preview_and_syncs_it(
    tmp_path: Path, demo: DemoServer
) -> None:
    board = next(b for b in demo.boards() if b.engine == "gnuboard")
    home = tmp_path / "empty-home"
    home.mkdir()
    (home / "config.toml").write_text('# mine\n[settings]\ndelay = 0.0\nimages = "off"\n', encoding="utf-8")
    ctx = AppContext.for_home(home)
    app = NoticeApp(ctx, sync_on_start=False, now=lambda: NOW)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            form = await look_at(pilot, board.url)
            preview = shown_text(form.query_one("#add-preview", Static)).splitlines()
            assert preview[0].startswith("Engine: gnuboard")
            rows = preview[2:]
            assert len(rows) >= 3
            name = form.query_one("#add-name", Input)
            assert name.value and not name.disabled and name.has_focus
            await pilot.press("enter")  # Enter in the name field saves
            await pilot.pause()
            assert isinstance(app.screen, BoardsEditor)
            assert config_names(ctx) == [name.value]
            assert (home / "config.toml").read_text(encoding="utf-8").startswith("# mine\n")
            await pilot.press("escape")
            await settle(app)
            await pilot.pause()
            pane = app.screen.query_one(BoardsPane)
            assert [e.key for e in pane.entries][1:] == [name.value]
            stored = ctx.store.board(name.value)
            assert stored is not None and stored.posts > 0
            titles = {row.title for row in ctx.store.posts(stored.id, limit=1000)}
            # The preview's rows are the rows the first sync stored: "date  title" (notices marked).
            assert any(row.endswith(title) for row in rows for title in titles)
    finally:
        ctx.close()


async def test_adding_a_board_already_followed_says_under_which_name(demo_ctx: AppContext, demo: DemoServer) -> None:
    board = demo_ctx.config.boards[0]
    app = NoticeApp(demo_ctx, sync_on_start=False, now=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await look_at(pilot, board.url + "&page=2")
        state = form.query_one("#add-state", Static)
        assert shown_text(state) == f"Already followed as {board.name}"
        assert state.has_class("-error") and form.query_one("#add-save").disabled
    assert config_names(demo_ctx) == [board.name]


async def test_an_unreachable_address_is_one_line_in_the_form_and_nothing_is_saved(demo_ctx: AppContext) -> None:
    app = NoticeApp(demo_ctx, sync_on_start=False, now=lambda: NOW)
    before = demo_ctx.paths.config_file.read_text(encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await look_at(pilot, "http://127.0.0.1:9/bbs/board.php?bo_table=gone")
        state = form.query_one("#add-state", Static)
        line = shown_text(state)
        assert state.has_class("-error") and "127.0.0.1:9" in line and "\n" not in line
        assert form.query_one("#add-save").disabled
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, (AddBoardScreen, BoardsEditor))
    assert demo_ctx.paths.config_file.read_text(encoding="utf-8") == before


async def test_a_page_that_is_no_board_is_refused_in_one_line(demo_ctx: AppContext, demo: DemoServer) -> None:
    app = NoticeApp(demo_ctx, sync_on_start=False, now=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await look_at(pilot, "not a url")
        assert shown_text(form.query_one("#add-state", Static)).startswith("'not a url' is not")


async def test_e_renames_a_board_in_config_cache_and_pane(make_app: AppFactory, ctx: AppContext) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E", "j", "e")
        form = app.screen
        assert isinstance(form, RenameBoardScreen)
        assert form.query_one("#rename-name", Input).value == "free"
        form.query_one("#rename-name", Input).value = "bad name!"
        await pilot.press("enter")
        assert "not a usable name" in shown_text(form.query_one("#rename-state", Static))
        form.query_one("#rename-name", Input).value = "freeboard"
        form.query_one("#rename-title", Input).value = "Free for all"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardsEditor)
        assert config_names(ctx) == ["notice", "freeboard"]
        await pilot.press("escape")
        await pilot.pause()
        entries = app.screen.query_one(BoardsPane).entries
        assert [(e.key, e.label) for e in entries[1:]] == [("notice", "학사 공지"), ("freeboard", "Free for all")]
        assert entries[2].posts > 0  # the cached posts followed the new name
    assert ctx.store.board("free") is None


async def test_d_asks_first_then_removes_the_board_and_keeps_its_posts(make_app: AppFactory, ctx: AppContext) -> None:
    app = make_app()
    cached = ctx.store.board("notice")
    assert cached is not None and cached.posts
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E", "D")
        question = app.screen
        assert isinstance(question, RemoveBoardScreen)
        assert f"{cached.posts} cached posts stay" in shown_text(question.query_one(Static))
        await pilot.press("n")
        assert config_names(ctx) == ["notice", "free"]
        await pilot.press("D", "y")
        await pilot.pause()
        assert config_names(ctx) == ["free"]
        assert "its cached posts stay" in shown_text(app.screen.query_one("#editor-state", Static))
        await pilot.press("escape")
        await pilot.pause()
        entries = app.screen.query_one(BoardsPane).entries
        leftover = next(e for e in entries if e.key == "notice")
        assert not leftover.configured and leftover.posts == cached.posts
    assert (ctx.store.board("notice") or cached).posts == cached.posts


async def test_p_removes_the_board_and_deletes_its_cached_posts(make_app: AppFactory, ctx: AppContext) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E", "delete", "p")
        await settle(app)
        await pilot.press("escape")
        await pilot.pause()
        assert [e.key for e in app.screen.query_one(BoardsPane).entries] == ["*", "free"]
    assert config_names(ctx) == ["free"]
    assert ctx.store.board("notice") is None


async def test_shift_j_and_k_reorder_boards_in_config_and_pane(make_app: AppFactory, ctx: AppContext) -> None:
    app = make_app()
    text = ctx.paths.config_file.read_text(encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E", "J")
        assert config_names(ctx) == ["free", "notice"]
        assert app.screen.query_one("#editor-list", OptionList).highlighted == 1  # the cursor moved along
        assert [e.key for e in app.main.query_one(BoardsPane).entries] == ["*", "free", "notice"]
        await pilot.press("K")
        assert config_names(ctx) == ["notice", "free"]
        await pilot.press("shift+down")
        assert config_names(ctx) == ["free", "notice"]
    assert sorted(ctx.paths.config_file.read_text(encoding="utf-8").splitlines()) == sorted(text.splitlines())


async def test_the_editor_lists_its_keys_in_the_registry(make_app: AppFactory) -> None:
    from noticetui.tui.actions import AREA_TITLES, in_area

    assert "boards_editor" in AREA_TITLES and "board_form" in AREA_TITLES
    names = {a.name for a in in_area("boards_editor")}
    assert {"boards_editor.add", "boards_editor.rename", "boards_editor.remove"} <= names
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        editor = app.screen
        assert isinstance(editor, BoardsEditor)
        for action in in_area("boards_editor"):
            method = action.action.split("(")[0]
            assert callable(getattr(editor, f"action_{method}", None)), action.name
    for form in (AddBoardScreen, RenameBoardScreen):
        for action in in_area("board_form"):
            assert callable(getattr(form, f"action_{action.action}", None)), (form.__name__, action.name)


async def test_a_page_with_no_list_is_refused_in_one_line(demo_ctx: AppContext, demo: DemoServer) -> None:
    app = NoticeApp(demo_ctx, sync_on_start=False, now=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await look_at(pilot, demo.base_url + "/")
        state = form.query_one("#add-state", Static)
        assert state.has_class("-error") and form.query_one("#add-save").disabled
        line = shown_text(state)
        assert len(line.splitlines()) == 1 and "no engine recognises this page" in line
        assert line.endswith("noticetui add URL --engine E can choose one")


async def test_removing_a_board_of_one_cached_post_says_it_in_the_singular(
    make_app: AppFactory, ctx: AppContext
) -> None:
    cached = ctx.store.board("free")
    assert cached is not None and cached.posts == 1
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E", "down", "D")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, RemoveBoardScreen) and question.board_name == "free"
        text = shown_text(question.query_one(Static))
        assert "Its 1 cached post stays" in text and "delete it too" in text
