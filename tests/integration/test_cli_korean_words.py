"""The words the CLI borrows from others in the UI language too: argparse's (usage, its errors), the
search operators' errors and the sentence around a TOML syntax error; exit codes as before (2: bad usage)."""

from __future__ import annotations

import argparse
import gettext
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from noticetui.cli import main
from noticetui.cli.argparse_words import MESSAGES, PLURAL_MESSAGES

from .conftest import SETTINGS, Cli, cli_at


@pytest.fixture
def korean_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """``LANG=ko_KR.UTF-8`` and nothing above it."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")


@pytest.fixture
def c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """``LANG=C`` and nothing above it."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C")


def _cli(tmp_path: Path, ui_language: str | None = None) -> Cli:
    setting = f'ui_language = "{ui_language}"\n' if ui_language else ""
    return cli_at(tmp_path / "home", settings=SETTINGS + setting)


def _config_error(cli: Cli, config: str, *, append: bool = False) -> str:
    """The line ``noticetui boards`` prints for a config file holding ``config`` (after what is there when
    ``append``); a broken config exits 1."""
    path = cli.home / "config.toml"
    path.write_text((path.read_text(encoding="utf-8") if append else "") + config, encoding="utf-8")
    result = cli("boards")
    assert result.code == 1
    return result.err


def _help(cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    """What ``noticetui *args --help`` prints; it exits 0."""
    monkeypatch.setenv("NOTICETUI_HOME", str(cli.home))
    with pytest.raises(SystemExit) as exited:
        main([*args, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


@pytest.mark.usefixtures("korean_locale")
def test_help_under_a_korean_locale_is_korean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _help(_cli(tmp_path), capsys, monkeypatch)
    assert text.startswith("사용법: noticetui ")
    assert "\n위치 인자:\n" in text and "\n옵션:\n" in text
    assert "이 도움말을 보여 주고 끝냅니다" in text and "프로그램 버전을 보여 주고 끝냅니다" in text
    assert "usage:" not in text and "show this help" not in text


@pytest.mark.usefixtures("c_locale")
def test_help_under_the_c_locale_is_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _help(_cli(tmp_path), capsys, monkeypatch, "add")
    assert text.startswith("usage: noticetui add ")
    assert "\noptions:\n" in text and "show this help message and exit" in text
    assert "사용법" not in text


@pytest.mark.usefixtures("c_locale")
def test_ui_language_ko_makes_argparse_korean_under_the_c_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = _cli(tmp_path, "ko")
    assert _help(cli, capsys, monkeypatch, "list").startswith("사용법: noticetui list ")
    missing = cli("add")
    assert missing.code == 2
    assert missing.err == "noticetui: 다음 인자가 필요합니다: url (noticetui --help 참고)\n"


@pytest.mark.usefixtures("korean_locale")
def test_ui_language_en_keeps_argparse_english_under_a_korean_locale(tmp_path: Path) -> None:
    result = _cli(tmp_path, "en")("list", "--sort", "size")
    assert result.code == 2
    assert result.err.startswith("noticetui: argument --sort: invalid choice: 'size' (choose from ")


@pytest.mark.usefixtures("korean_locale")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("add",), "noticetui: 다음 인자가 필요합니다: url (noticetui --help 참고)"),
        (("list", "--sort", "size"), "noticetui: 인자 --sort: 잘못된 선택: 'size' (고를 수 있는 값: "),
        (("list", "--bogus"), "noticetui: 알 수 없는 인자: --bogus (noticetui --help 참고)"),
        (("show", "1", "--attachment", "x"), "noticetui: 인자 --attachment: 잘못된 int 값: 'x'"),
        (("list", "--sort"), "noticetui: 인자 --sort: 값이 하나 필요합니다"),
        (("search", "board:"), "noticetui: board: 값이 필요합니다 (예: board:notice)"),
        (
            ("search", "after:yesterday"),
            "noticetui: after: 2026-11-01이나 2026.11.01 같은 날짜가 필요합니다: 'yesterday'",
        ),
        (("search", "before:2026-02-30"), "noticetui: before: 없는 날짜입니다: '2026-02-30'"),
        (("search", "board:nope", "공고"), "noticetui: board:nope: 그런 게시판이 없습니다 (noticetui boards 참고)"),
        (
            ("list", "--after", "2026-11-02", "--before", "2026-11-01"),
            "noticetui: --after 2026-11-02가 --before 2026-11-01보다 앞이 아니어서 맞는 글이 없습니다",
        ),
    ],
)
def test_usage_and_query_errors_under_a_korean_locale_are_one_korean_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    result = _cli(tmp_path)(*args)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(expected) and result.err.count("\n") == 1


@pytest.mark.usefixtures("c_locale")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("add",), "noticetui: the following arguments are required: url (see noticetui --help)"),
        (("list", "--bogus"), "noticetui: unrecognized arguments: --bogus (see noticetui --help)"),
        (("search", "board:"), "noticetui: board: needs a value (for example board:notice)"),
        (("search", "after:2026-12-01", "before:2026-11-01"), "noticetui: after:2026-12-01 is not before before:"),
    ],
)
def test_the_same_errors_under_the_c_locale_stay_english(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    result = _cli(tmp_path)(*args)
    assert result.code == 2 and result.err.startswith(expected)


@pytest.mark.usefixtures("c_locale")
def test_a_saved_search_s_query_error_follows_ui_language_ko_under_the_c_locale(tmp_path: Path) -> None:
    cli = _cli(tmp_path, "ko")
    err = _config_error(cli, '\n[[searches]]\nname = "old"\nquery = "before:someday"\n', append=True)
    assert err.endswith(
        "config.toml: searches[0].query: before: 2026-11-01이나 2026.11.01 같은 날짜가 필요합니다: 'someday'\n"
    )


@pytest.mark.usefixtures("korean_locale")
def test_a_toml_error_is_a_korean_sentence_keeping_tomllib_s_line_and_column(tmp_path: Path) -> None:
    cli = _cli(tmp_path)
    assert _config_error(cli, "[settings\ndelay = 0\n").endswith(
        "config.toml: TOML 문법이 잘못되었습니다(1번째 줄, 10번째 칸): Expected ']' at the end of a table declaration\n"
    )


@pytest.mark.usefixtures("c_locale")
def test_a_toml_error_in_english_names_the_line_and_column_and_the_end_of_the_file(tmp_path: Path) -> None:
    cli = _cli(tmp_path)
    assert _config_error(cli, "[settings\n").endswith(
        "invalid TOML at line 1, column 10: Expected ']' at the end of a table declaration\n"
    )
    assert _config_error(cli, '[settings]\ndelay = "0').endswith(
        "invalid TOML at the end of the file: Unterminated string\n"
    )


@pytest.mark.usefixtures("korean_locale")
def test_argparse_gets_its_own_words_back_after_a_run(tmp_path: Path) -> None:
    assert _cli(tmp_path)("add").code == 2
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]


def test_every_listed_message_is_one_argparse_looks_up() -> None:
    # The list is argparse's msgids, verbatim: a typo (or a Python that rewords one) would silently leave
    # that message English, so compare with what this Python's argparse really asks for.
    asked = {
        message
        for _, message, _, _ in extract_from_file("python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)})
    }
    assert sorted(set(MESSAGES) - asked) == []
    assert sorted(set(PLURAL_MESSAGES) - asked) == []
    assert {"usage: ", "options", "the following arguments are required: %s"} <= asked
