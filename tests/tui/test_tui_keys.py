"""One registry for every key: the user's [keys] keymap, the help screen, the README's table, and every
registered action resolving to a method of the node that serves its area."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode
from textual.widgets._footer import FooterKey

from noticetui.context import AppContext
from noticetui.tui import keytable
from noticetui.tui.actions import ACTIONS, AREA_TITLES, Action, Area
from noticetui.tui.app import NoticeApp
from noticetui.tui.keymap import check_keys
from noticetui.tui.screens.activity import ActivityScreen
from noticetui.tui.screens.board_add import AddBoardScreen
from noticetui.tui.screens.boards_editor import BoardsEditor
from noticetui.tui.screens.help import HelpScreen, help_rows
from noticetui.tui.screens.main import MainScreen
from noticetui.tui.widgets.boards import BoardsPane
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList

from .seed import NOW

README = Path(__file__).resolve().parents[2] / "README.md"

NODES: dict[Area, type[DOMNode]] = {
    "app": NoticeApp,
    "main": MainScreen,
    "boards": BoardsPane,
    "posts": PostList,
    "post": DetailPane,
    "tasks": ActivityScreen,
    "boards_editor": BoardsEditor,
    "board_form": AddBoardScreen,  # and RenameBoardScreen (tests/tui/test_tui_boards_editor.py)
}
"""The node class whose bindings serve each area."""

PENDING: set[str] = set()
"""Actions declared in the registry whose methods other branches of issue 10 add: empty this set as they
land (the test below fails for an entry that has become implemented, so the set only shrinks)."""


def method_name(action: Action) -> tuple[type[DOMNode], str]:
    """The node class and the ``action_*`` method a binding of ``action`` runs."""
    name = action.action.split("(")[0]
    if name.startswith("app."):
        return NoticeApp, f"action_{name.removeprefix('app.')}"
    return NODES[action.area], f"action_{name}"


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_every_registry_action_resolves_to_a_method_of_its_node(action: Action) -> None:
    node, method = method_name(action)
    implemented = callable(getattr(node, method, None))
    if action.name in PENDING:
        assert not implemented, f"{action.name} is implemented now: take it out of PENDING"
    else:
        assert implemented, f"{node.__name__} has no {method} for the {action.name!r} key"


def test_registry_names_and_ids_are_unique_and_every_area_is_titled() -> None:
    names = [a.name for a in ACTIONS]
    assert len(names) == len(set(names))
    assert {a.area for a in ACTIONS} <= set(AREA_TITLES)


def test_readme_key_table_is_the_registrys() -> None:
    text = README.read_text(encoding="utf-8")
    assert keytable.with_table(text) == text, "run: python -m noticetui.tui.keytable README.md"


def test_keytable_entry_rewrites_the_table_between_the_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{keytable.START}\nold table\n{keytable.END}\n\nafter\n", encoding="utf-8")
    assert keytable.main([str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert "old table" not in text and text.endswith(f"{keytable.END}\n\nafter\n")
    assert "| `R` | Sync every board now |" in text and "| `?` | Show every key |" in text


def test_keytable_entry_without_markers_says_so_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# no table here\n", encoding="utf-8")
    assert keytable.main([str(readme)]) == 1
    assert readme.read_text(encoding="utf-8") == "# no table here\n"
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_check_keys_keeps_good_entries_and_warns_once_per_bad_one() -> None:
    user = check_keys({"refresh_board": "ctrl+r", "nope": "x", "toggle_unread": "ctrl+u,what+u", "posts.down": "J"})
    assert user.keymap == {"noticetui.refresh_board": "ctrl+r", "noticetui.posts.down": "J"}
    assert len(user.warnings) == 2
    assert "nope" in user.warnings[0] and "toggle_unread" in user.warnings[1] and "what+u" in user.warnings[1]


def test_a_remapped_key_that_another_live_action_has_is_one_warning() -> None:
    user = check_keys({"posts.down": "?", "toggle_unread": "j"})  # ? is Help; j moves in every pane
    assert user.keymap["noticetui.posts.down"] == "question_mark"
    unread, down = user.warnings  # in the registry's order
    assert "toggle_unread" in unread and "boards.down" in unread and "posts.down" not in unread
    assert "posts.down" in down and "help" in down
    # keys in areas never live together do not clash: the tasks screen's r is not the main screen's r
    assert check_keys({"tasks.retry": "R"}).warnings == []
    both = check_keys({"refresh": "ctrl+r", "refresh_board": "ctrl+r"})
    assert len(both.warnings) == 1


def app_with(ctx: AppContext, keys: dict[str, str] | None = None, theme: str = "") -> NoticeApp:
    """The app over the seeded cache with ``[keys]`` and ``[settings] theme`` as given."""
    settings = dataclasses.replace(ctx.config.settings, theme=theme)
    config = dataclasses.replace(ctx.config, keys=keys or {}, settings=settings)
    return NoticeApp(dataclasses.replace(ctx, config=config), sync_on_start=False, now=lambda: NOW)


def warnings(app: NoticeApp) -> list[str]:
    """The warning notifications the app has shown."""
    return [n.message for n in app._notifications if n.severity == "warning"]


def footer_keys(app: NoticeApp) -> dict[str, str]:
    """The footer's keys, by action."""
    return {key.action: key.key for key in app.screen.query(FooterKey)}


async def test_a_custom_key_works_and_the_old_default_no_longer_does(ctx: AppContext, ids: Any) -> None:
    app = app_with(ctx, {"toggle_unread": "ctrl+u"})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("u")
        assert not screen.unread_only
        await pilot.press("ctrl+u")
        assert screen.unread_only
        assert warnings(app) == []


async def test_help_and_footer_show_the_active_keys(ctx: AppContext, ids: Any) -> None:
    app = app_with(ctx, {"refresh_board": "ctrl+r", "toggle_unread": "U"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert footer_keys(app)["refresh_board"] == "ctrl+r"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.key_table()
        keys, tips = (list(map(str, column.cells)) for column in table.columns)
        assert keys[tips.index("Sync the highlighted board now")] == "Ctrl+R"
        assert keys[tips.index("Show only unread posts, or all")] == "U"


async def test_bad_key_entries_warn_by_name_and_the_rest_applies(ctx: AppContext, ids: Any) -> None:
    app = app_with(ctx, {"no_such_action": "x", "search": "ctrl+", "toggle_unread": "ctrl+u"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = warnings(app)
        assert len(shown) == 2
        assert "no_such_action" in shown[0] and "search" in shown[1]
        await pilot.press("ctrl+u")
        assert isinstance(app.screen, MainScreen) and app.screen.unread_only


async def test_two_actions_on_one_key_warn_once_naming_both(ctx: AppContext, ids: Any) -> None:
    app = app_with(ctx, {"toggle_unread": "o"})  # o opens the browser by default
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await pilot.press("j")
        clashes = [w for w in warnings(app) if "toggle_unread" in w]
        assert len(clashes) == 1 and "open_browser" in clashes[0]


async def test_the_configured_theme_applies_and_an_unknown_one_warns(ctx: AppContext, ids: Any) -> None:
    app = app_with(ctx, theme="nord")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "nord" and warnings(app) == []
    app = app_with(ctx, theme="no-such-theme")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == NoticeApp.DEFAULT_THEME
        assert len(warnings(app)) == 1 and "no-such-theme" in warnings(app)[0]


def test_help_rows_follow_the_registrys_areas_and_include_every_action() -> None:
    rows = help_rows({})
    assert [title for title, _ in rows] == list(AREA_TITLES.values())
    assert sum(len(r) for _, r in rows) == len(ACTIONS)


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_help_scrolls_on_a_small_terminal_and_closes_with_esc_q_or_question_mark(make_app: Any, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
