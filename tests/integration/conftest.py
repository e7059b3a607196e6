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
    """Runs ``noticetui`` in-process with ``NOTICETUI_HOME`` set to a temporary directory.

    The one CLI runner of the suite: the ``cli`` fixture gives one per test, :func:`cli_at` one per module.
    """

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


SETTINGS = "[settings]\ndelay = 0.0\nper_host = 4\ntimeout = 10\nretry_backoff = 0.01\n"
"""Tests do not wait on politeness delays or retry back-off."""


def cli_at(home: Path, *, user_agent: str | None = None, settings: str = SETTINGS) -> Cli:
    """The CLI in a new, empty ``home`` (created here, so it can outlive one test: module fixtures use it).

    ``settings`` is the config's ``[settings]`` table, ``user_agent`` an extra line of it.
    """
    home.mkdir(parents=True)
    agent = f"user_agent = {json.dumps(user_agent)}\n" if user_agent else ""
    (home / "config.toml").write_text(settings + agent, encoding="utf-8")
    return Cli(home)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The CLI in an empty home of its own."""
    return cli_at(tmp_path / "home")


def demo_board_url(server: DemoServer, engine: str, name: str | None = None) -> str:
    """The URL of the sample board for ``engine`` (the one called ``name`` when a site has several)."""
    for board in server.boards():
        if board.engine == engine and (name is None or board.name == name):
            return board.url
    raise LookupError(f"no demo board for engine {engine!r} ({name!r})")
