"""A crash of the TUI: exit status 1, the traceback in a log under the data directory, one line on stderr."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from noticetui.cli import main
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.main import MainScreen


def _boom(self: MainScreen) -> None:
    raise RuntimeError("injected failure \x1b]2;pwned\x07")


def test_a_crash_exits_non_zero_with_a_log_and_one_line(
    make_app: Callable[..., NoticeApp], home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainScreen, "on_mount", _boom)
    app = make_app()
    app.run(headless=True, size=(100, 30))
    assert app.return_code == 1
    logs = list((home / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "RuntimeError: injected failure" in logs[0].read_text(encoding="utf-8")
    assert "Traceback" in logs[0].read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(logs[0]) in err and "RuntimeError" in err
    assert "Traceback" not in err and "\x1b" not in err and "\x07" not in err


def test_a_clean_quit_exits_zero_without_a_log(make_app: Callable[..., NoticeApp], home: Path) -> None:
    app = make_app()
    app.run(headless=True, size=(100, 30), auto_pilot=_quit)
    assert app.return_code == 0
    assert not (home / "logs").exists()


async def _quit(pilot: Pilot[None]) -> None:
    await pilot.press("q")


def test_a_crash_around_the_apps_loop_is_logged_too(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_run(self: NoticeApp) -> None:
        raise OSError("the terminal went away")

    monkeypatch.setenv("NOTICETUI_HOME", str(home))
    monkeypatch.setattr(NoticeApp, "run", failing_run)
    assert main([]) == 1
    logs = list((home / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and "OSError: the terminal went away" in logs[0].read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(logs[0]) in err
