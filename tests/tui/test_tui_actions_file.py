"""The action registry is data (``tui/actions.toml``), read once at import and checked as it is read: a
mistake in the file is one clear error naming the action and the key, never a registry that quietly differs."""

from __future__ import annotations

from importlib import resources

import pytest

from noticetui.tui.actions import ACTIONS, AREAS, BY_NAME, Action, RegistryError, parse

QUIT = """
[[action]]
name = "quit"
keys = "q"
area = "app"
label = "Quit"
tip = "Quit now"
"""


def test_the_registry_is_the_packaged_file_in_its_order() -> None:
    text = resources.files("noticetui.tui").joinpath("actions.toml").read_text(encoding="utf-8")
    names = [line.split('"')[1] for line in text.splitlines() if line.startswith("name = ")]
    assert [a.name for a in ACTIONS] == names and len(names) > 50
    assert BY_NAME["help"].key_display == "?" and BY_NAME["posts.down"].action == "cursor_down"


def test_an_action_left_out_takes_the_name_and_the_flags_their_defaults() -> None:
    assert parse(QUIT) == (
        Action(
            name="quit",
            keys="q",
            action="quit",
            label="Quit",
            tip="Quit now",
            area="app",
            show=False,
            palette=True,
            needs_boards=True,
            key_display=None,
        ),
    )


def test_an_unknown_key_is_an_error_naming_it_and_the_action() -> None:
    with pytest.raises(RegistryError, match=r"actions.toml, action 1 \('quit'\): unknown key 'lable'"):
        parse(QUIT + 'lable = "Quit"\n')


def test_a_name_declared_twice_is_an_error() -> None:
    with pytest.raises(RegistryError, match=r"action 2: the name 'quit' is declared twice"):
        parse(QUIT + QUIT)


def test_an_unknown_area_is_an_error_listing_the_areas() -> None:
    with pytest.raises(RegistryError, match=r"unknown area 'everywhere' \(known: app, main, .*board_form\)"):
        parse(QUIT.replace('area = "app"', 'area = "everywhere"'))


def test_a_missing_key_is_an_error() -> None:
    with pytest.raises(RegistryError, match=r"action 1 \('quit'\): missing tip"):
        parse(QUIT.replace('tip = "Quit now"', ""))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (QUIT + 'show = "yes"\n', "show must be true or false, not 'yes'"),
        (QUIT.replace('keys = "q"', "keys = 1"), "keys must be a string, not 1"),
    ],
)
def test_a_value_of_the_wrong_type_is_an_error(text: str, expected: str) -> None:
    with pytest.raises(RegistryError, match=expected):
        parse(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[action]\n", r"actions.toml: .*line 1"),
        ('title = "keys"\n' + QUIT, r"only \[\[action\]\] tables belong here, not title"),
        ('action = ["quit"]\n', r"action must be \[\[action\]\] tables"),
    ],
    ids=["not TOML", "another table", "not tables"],
)
def test_a_file_of_another_shape_is_an_error(text: str, expected: str) -> None:
    with pytest.raises(RegistryError, match=expected):
        parse(text)


def test_every_area_has_its_actions() -> None:
    assert {a.area for a in ACTIONS} == set(AREAS)
