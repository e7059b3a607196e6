"""config.toml: reading, checking, and changing it from the command line."""

from pathlib import Path

import pytest

from noticetui.config import BoardConfig, ConfigError, load_config
from noticetui.config_write import add_board, remove_board


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_is_an_empty_config(tmp_path: Path) -> None:
    assert load_config(tmp_path / "nope.toml").boards == []


def test_boards_and_settings_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[settings]\ndelay = 1\n\n[[boards]]\nname = "공지"\nurl = "https://x.kr/bbs/board.php?bo_table=n"\n'
        'engine = "gnuboard"\npages = 5\n',
    )
    config = load_config(path)
    assert config.settings.delay == 1.0
    assert config.boards == [
        BoardConfig(name="공지", url="https://x.kr/bbs/board.php?bo_table=n", engine="gnuboard", pages=5)
    ]


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('[[boards]]\nname = "a"\nurl = "ftp://x"\n', "boards[0].url", "expected an http(s) URL"),
        ('[[boards]]\nname = "a"\nurl = "http://x"\npages = "3"\n', "boards[0].pages", "expected a whole number"),
        ('[[boards]]\nurl = "http://x"\n', "boards[0].name", "missing"),
        ('[[boards]]\nname = "a"\nurl = "http://x"\ncolour = 1\n', "boards[0].colour", "unknown key"),
        (
            '[[boards]]\nname = "a"\nurl = "http://x"\ntimezone = "Mars/Base"\n',
            "boards[0].timezone",
            "unknown time zone",
        ),
        ("[settings]\ndelay = -1\n", "settings.delay", "expected a number ≥ 0"),
        ('[settings]\nimages = "yes"\n', "settings.images", "expected 'auto', 'on' or 'off'"),
        (
            '[[boards]]\nname = "a"\nurl = "http://x"\n[[boards]]\nname = "a"\nurl = "http://y"\n',
            "boards[1].name",
            "duplicate",
        ),
    ],
)
def test_invalid_config_names_file_key_and_problem(tmp_path: Path, text: str, key: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {key}: ")
    assert problem in message
    assert "\n" not in message


def test_broken_toml_is_one_clear_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[[boards]\nname = ")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_add_board_keeps_the_users_comments(tmp_path: Path) -> None:
    path = write(tmp_path, "# my boards\n[settings]\ndelay = 2 # slow site\n")
    add_board(path, BoardConfig(name="n", url='http://x.kr/a?b=1&c="q"', engine="gnuboard"))
    text = path.read_text(encoding="utf-8")
    assert "# my boards" in text and "# slow site" in text
    assert load_config(path).boards[0].url == 'http://x.kr/a?b=1&c="q"'


def test_add_board_refuses_a_taken_name(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    add_board(path, BoardConfig(name="n", url="http://x.kr/", engine="gnuboard"))
    with pytest.raises(ConfigError, match="already exists"):
        add_board(path, BoardConfig(name="n", url="http://y.kr/", engine="gnuboard"))


def test_remove_board_cuts_only_its_block(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# keep me\n", encoding="utf-8")
    for name in ("a", "b", "c"):
        profile = {"rows": "table tr"} if name == "b" else {}
        add_board(
            path, BoardConfig(name=name, url=f"http://{name}.kr/", engine="gnuboard", options={"profile": profile})
        )
    assert load_config(path).boards[1].options == {"profile": {"rows": "table tr"}}
    remove_board(path, "b")
    config = load_config(path)
    assert [b.name for b in config.boards] == ["a", "c"]
    assert path.read_text(encoding="utf-8").startswith("# keep me\n")


def test_a_change_that_would_break_the_file_names_the_users_file_and_leaves_it(tmp_path: Path) -> None:
    # An inline `boards = []` cannot be extended by a [[boards]] block: the result would not parse.
    path = write(tmp_path, "boards = []\n")
    with pytest.raises(ConfigError) as info:
        add_board(path, BoardConfig(name="a", url="http://b.kr/", engine="gnuboard"))
    assert str(info.value).startswith(f"{path}: ")
    assert path.read_text(encoding="utf-8") == "boards = []\n"
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_config_errors_are_in_the_ui_language(tmp_path: Path) -> None:
    from noticetui.i18n import set_language

    path = write(tmp_path, '[[boards]]\nname = "n"\nurl = "https://x.kr/"\npages = 0\n')
    set_language("ko")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: boards[0].pages: 1에서 1000 사이여야 하는데 0입니다"
    write(tmp_path, '[[boards]]\nname = "n"\nurl = "https://x.kr/"\n')
    with pytest.raises(ConfigError) as caught:
        remove_board(path, "없는게시판")
    assert str(caught.value).endswith("boards: '없는게시판' 게시판이 없습니다")


def test_a_broken_config_is_reported_in_the_locales_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from noticetui.cli import main

    write(tmp_path, "[settings]\nimages = 'sometimes'\n")
    monkeypatch.setenv("NOTICETUI_HOME", str(tmp_path))
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert main(["boards"]) == 1
    err = capsys.readouterr().err
    assert "settings.images: 'auto', 'on', 'off' 중 하나여야 하는데 'sometimes'입니다" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("line", "key", "english", "korean"),
    [
        ('delay = "fast"', "settings.delay", "expected a number, got 'fast'", "숫자여야 하는데 'fast'입니다"),
        ("retries = 2.5", "settings.retries", "expected a whole number, got 2.5", "정수여야 하는데 2.5입니다"),
        ("ui_language = 1", "settings.ui_language", "expected text, got 1", "글자여야 하는데 1입니다"),
        (
            'watch = ["", 3]',
            "settings.watch",
            "expected a list of words, got ['', 3]",
            "낱말의 목록이어야 하는데 ['', 3]입니다",
        ),
    ],
)
def test_a_setting_of_the_wrong_type_is_said_in_plain_words(
    tmp_path: Path, line: str, key: str, english: str, korean: str
) -> None:
    from noticetui.i18n import set_language

    path = write(tmp_path, f"[settings]\n{line}\n")
    for language, problem in (("en", english), ("ko", korean)):
        set_language(language)  # the suite's autouse fixture sets English again
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        assert str(caught.value) == f"{path}: {key}: {problem}"
