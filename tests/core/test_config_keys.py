"""The ``[keys]`` section and ``[settings] theme`` in config.toml, and saving a setting without losing text."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.config import ConfigError, load_config
from noticetui.config_write import set_setting

BOARD = '[[boards]]\nname = "notice"\nurl = "https://example.kr/bbs/board.php?bo_table=notice"\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_keys_section_maps_action_names_to_key_strings(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\nrefresh_board = "ctrl+r"\n"posts.down" = "j, down,ctrl+n"\n')
    assert load_config(path).keys == {"refresh_board": "ctrl+r", "posts.down": "j, down,ctrl+n"}


def test_an_unquoted_dotted_action_name_is_read_as_the_same_name(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\nposts.down = "ctrl+n"\n')
    assert load_config(path).keys == {"posts.down": "ctrl+n"}


@pytest.mark.parametrize("value", ["1", '""', '["j", "k"]', "true"])
def test_a_key_that_is_not_a_string_names_the_entry(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, f"[keys]\nrefresh = {value}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.key == "keys.refresh"


def test_theme_is_a_setting(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, '[settings]\ntheme = "nord"\n')).settings.theme == "nord"
    assert load_config(write(tmp_path, "")).settings.theme == ""


def test_set_setting_replaces_the_line_and_keeps_comments_and_other_keys(tmp_path: Path) -> None:
    text = '# my boards\n[settings]\ndelay = 1.0  # be gentle\ntheme = "nord"\n\n' + BOARD
    path = write(tmp_path, text)
    config = set_setting(path, "theme", "gruvbox")
    assert config.settings.theme == "gruvbox" and config.settings.delay == 1.0
    assert path.read_text(encoding="utf-8") == text.replace('theme = "nord"', 'theme = "gruvbox"')


def test_set_setting_adds_the_key_under_an_existing_settings_table(tmp_path: Path) -> None:
    path = write(tmp_path, BOARD + '\n[settings]\ndelay = 1.0\n\n[keys]\nrefresh = "ctrl+r"\n')
    config = set_setting(path, "theme", "nord")
    assert config.settings.theme == "nord" and config.keys == {"refresh": "ctrl+r"}
    assert config.boards[0].name == "notice"


def test_set_setting_adds_a_settings_table_at_the_top_when_there_is_none(tmp_path: Path) -> None:
    path = write(tmp_path, BOARD)
    config = set_setting(path, "theme", "nord")
    assert config.settings.theme == "nord" and [b.name for b in config.boards] == ["notice"]
    assert path.read_text(encoding="utf-8").endswith(BOARD)
