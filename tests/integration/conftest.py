"""Fixtures for integration tests: the real sample-board server and the real CLI, in a throwaway home."""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from noticetui.cli import main
from noticetui.demo.server import DemoServer


@dataclass
class CliResult:
    """What one CLI run printed and returned."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.out)


class Cli:
    """Runs ``noticetui`` in-process with ``NOTICETUI_HOME`` set to a temporary directory."""

    def __init__(self, home: Path) -> None:
        self.home = home

    def __call__(self, *args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        old = os.environ.get("NOTICETUI_HOME")
        os.environ["NOTICETUI_HOME"] = str(self.home)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(args))
        finally:
            if old is None:
                del os.environ["NOTICETUI_HOME"]
            else:
                os.environ["NOTICETUI_HOME"] = old
        return CliResult(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    """The sample boards on 127.0.0.1, shared by the whole session (tests must not set faults on it)."""
    with DemoServer() as server:
        yield server


@pytest.fixture
def fresh_server() -> Iterator[DemoServer]:
    """A sample-board server of the test's own, free to break with ``set_fault``."""
    with DemoServer() as server:
        yield server


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The CLI in an empty home of its own; settings tuned so tests do not wait on politeness delays."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(
        "[settings]\ndelay = 0.0\nper_host = 4\ntimeout = 10\nretry_backoff = 0.01\n", encoding="utf-8"
    )
    return Cli(home)


def demo_board_url(server: DemoServer, engine: str, name: str | None = None) -> str:
    """The URL of the sample board for ``engine`` (the one called ``name`` when a site has several)."""
    for board in server.boards():
        if board.engine == engine and (name is None or board.name == name):
            return board.url
    raise LookupError(f"no demo board for engine {engine!r} ({name!r})")
