"""One way to show an exception as a line (CLI, TUI status bar, preview panes)."""

from __future__ import annotations

from noticetui.net.errors import error_line


def test_error_line_is_one_safe_line() -> None:
    assert error_line(ValueError("bad\n  page\x1b[31m red")) == "bad page [31m red"


def test_error_line_names_the_type_when_there_is_no_message() -> None:
    assert error_line(TimeoutError()) == "TimeoutError"


def test_error_line_is_cut_to_a_limit_when_asked() -> None:
    line = error_line(RuntimeError("가" * 200), limit=160)
    assert len(line) == 160 and line.endswith("...")
