"""The boards editor's changes to config.toml: renames and moves touch only the boards' blocks, every
string is written as valid TOML, and ``refresh_every`` reads like ``sync --every``."""

from pathlib import Path

import pytest

from noticetui.board_edits import rename
from noticetui.config import BoardConfig, ConfigError, load_config, parse_duration
from noticetui.config_write import add_board, move_board, rename_board, toml_value
from noticetui.context import AppContext

CONFIG = """# my boards
[settings]
delay = 1.0  # be gentle

# the university's notices
[[boards]]
name = "notice"
url = "https://example.kr/bbs/board.php?bo_table=notice"
title = "Notices"  # short

[[boards]]
name = "free"
url = "https://example.kr/bbs/board.php?bo_table=free"

[boards.profile]
title = "td.subject a"

# third, by hand
[[boards]]
name = "jobs"
url = "https://example.kr/bbs/board.php?bo_table=jobs\""""


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def names(path: Path) -> list[str]:
    return [b.name for b in load_config(path).boards]


@pytest.mark.parametrize("char", ["\x7f", "\x00", "\x1b", "\n", '"', "\\"])
def test_a_title_with_a_control_character_is_written_as_valid_toml(tmp_path: Path, char: str) -> None:
    path = tmp_path / "config.toml"
    title = f"a{char}b"
    add_board(path, BoardConfig(name="x", url="https://example.kr/", title=title))
    assert load_config(path).boards[0].title == title
    assert "\x7f" not in path.read_text(encoding="utf-8")


def test_toml_value_escapes_del() -> None:
    assert toml_value("a\x7fb") == '"a\\u007fb"'


def test_moving_a_board_down_swaps_it_with_the_next_keeping_comments_and_settings(config_file: Path) -> None:
    move_board(config_file, "notice", 1)
    assert names(config_file) == ["free", "notice", "jobs"]
    text = config_file.read_text(encoding="utf-8")
    assert text.startswith("# my boards\n[settings]\ndelay = 1.0  # be gentle\n")
    # A comment right above a block travels with it; the sub-table stays with its board.
    assert text.index("# the university's notices") < text.index('name = "notice"') < text.index("# third")
    assert load_config(config_file).board("free") == BoardConfig(
        name="free",
        url="https://example.kr/bbs/board.php?bo_table=free",
        options={"profile": {"title": "td.subject a"}},
    )


def test_moving_the_last_board_up_and_back_gives_the_same_boards(config_file: Path) -> None:
    before = load_config(config_file).boards
    move_board(config_file, "jobs", -1)
    assert names(config_file) == ["notice", "jobs", "free"]
    move_board(config_file, "jobs", 1)
    assert load_config(config_file).boards == before


def test_moving_past_either_end_changes_nothing(config_file: Path) -> None:
    move_board(config_file, "notice", -1)
    move_board(config_file, "jobs", 1)
    assert config_file.read_text(encoding="utf-8") == CONFIG


def test_renaming_changes_name_and_title_only(config_file: Path) -> None:
    rename_board(config_file, "notice", "학사", "학사 공지 \x7f")
    board = load_config(config_file).boards[0]
    assert (board.name, board.title, board.url) == (
        "학사",
        "학사 공지 \x7f",
        "https://example.kr/bbs/board.php?bo_table=notice",
    )
    assert names(config_file) == ["학사", "free", "jobs"]
    assert "# the university's notices" in config_file.read_text(encoding="utf-8")


def test_renaming_a_block_whose_title_comes_before_its_name(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[[boards]]\ntitle = "Old"\nname = "a"\nurl = "https://example.kr/a"\n', encoding="utf-8")
    rename_board(path, "a", "b", "New")
    board = load_config(path).boards[0]
    assert (board.name, board.title, board.url) == ("b", "New", "https://example.kr/a")


def test_renaming_leaves_a_profile_key_called_title_alone(config_file: Path) -> None:
    rename_board(config_file, "free", "free", "Free board")
    board = load_config(config_file).board("free")
    assert board is not None and board.title == "Free board"
    assert board.options == {"profile": {"title": "td.subject a"}}


def test_an_empty_title_removes_the_title_line(config_file: Path) -> None:
    rename_board(config_file, "notice", "notice", "")
    assert load_config(config_file).boards[0].title == ""
    assert "Notices" not in config_file.read_text(encoding="utf-8")


def test_renaming_onto_a_taken_name_is_refused_and_changes_nothing(config_file: Path) -> None:
    with pytest.raises(ConfigError, match="already exists"):
        rename_board(config_file, "notice", "free", "")
    assert config_file.read_text(encoding="utf-8") == CONFIG


def test_renaming_a_board_moves_its_cached_posts_to_the_new_name(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    ctx = AppContext.for_home(tmp_path)
    try:
        board_id = ctx.board_id(ctx.config.boards[0])
        rename(ctx, "notice", "academic", "Academic")
        row = ctx.store.board("academic")
        assert row is not None and row.id == board_id and ctx.store.board("notice") is None
        assert ctx.config.boards[0].name == "academic"
    finally:
        ctx.close()


def test_renaming_onto_a_removed_boards_cached_posts_is_refused(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    ctx = AppContext.for_home(tmp_path)
    try:
        ctx.store.ensure_board("old", "https://example.kr/old", "gnuboard")
        with pytest.raises(ConfigError, match="cache still holds posts"):
            rename(ctx, "notice", "old", "")
        assert names(tmp_path / "config.toml") == ["notice", "free", "jobs"]
    finally:
        ctx.close()


@pytest.mark.parametrize(("value", "seconds"), [('"30m"', 1800.0), ('"1h30m"', 5400.0), ("90", 90.0), ('"0"', 0.0)])
def test_refresh_every_takes_the_syntax_of_sync_every(tmp_path: Path, value: str, seconds: float) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[settings]\nrefresh_every = {value}\n", encoding="utf-8")
    assert load_config(path).settings.refresh_every == seconds


def test_refresh_every_is_off_when_absent(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml").settings.refresh_every == 0


@pytest.mark.parametrize("value", ['"soon"', "-5", "true", '"30 minutes"'])
def test_a_bad_refresh_every_names_the_key(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[settings]\nrefresh_every = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"settings\.refresh_every"):
        load_config(path)


def test_parse_duration_refuses_words() -> None:
    with pytest.raises(ValueError, match="30m"):
        parse_duration("half an hour")
