"""Opening a saved file with the system's application: which program, with which arguments."""

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from noticetui.opener import launch, open_argv

PATH = Path("/tmp/공고 (최종).hwp")


def test_linux_uses_xdg_open_and_macos_open() -> None:
    assert open_argv(PATH, platform="linux") == ["xdg-open", str(PATH)]
    assert open_argv(PATH, platform="darwin") == ["open", str(PATH)]


def test_windows_leaves_it_to_the_file_association() -> None:
    assert open_argv(PATH, platform="win32") is None


def test_open_command_puts_the_path_where_path_is_written() -> None:
    assert open_argv(PATH, ["hwp5txt", "--output={path}.txt", "{path}"]) == [
        "hwp5txt",
        f"--output={PATH}.txt",
        str(PATH),
    ]


def test_open_command_without_a_placeholder_gets_the_path_appended() -> None:
    assert open_argv(PATH, ["libreoffice", "--view"]) == ["libreoffice", "--view", str(PATH)]


def test_a_missing_program_is_one_line_with_the_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    problem = launch(PATH, ["no-such-opener"])
    assert problem is not None and "'no-such-opener'" in problem and str(PATH) in problem and "\n" not in problem


def test_the_program_gets_the_path_as_one_argument_without_a_shell(
    fake_program: Callable[[str, str], Path], tmp_path: Path
) -> None:
    marker = fake_program("record-args", '"%s|" "$#" "$@"')
    tricky = tmp_path / "a; rm -rf $HOME `x`.hwp"
    assert launch(tricky, ["record-args"]) is None
    for _ in range(400):  # the program runs detached: wait (bounded) for what it wrote
        if marker.exists():
            break
        time.sleep(0.025)
    assert marker.read_text(encoding="utf-8") == f"1|{tricky}|"
