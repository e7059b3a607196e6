"""The fault matrix: every way a server misbehaves × sync, show and download.

For each case the user sees the right exit status and one clear line per failure (never a traceback),
the cache keeps every row it had, and no half or refused file appears under a real name.  One sample
server is shared by the module (faults are set and cleared around each case) and every case starts from
a copy of one synced home, so the matrix costs seconds, not minutes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from noticetui.demo.server import DemoServer

from .conftest import Cli, cli_at, demo_board_url

SETTINGS = (
    "[settings]\ndelay = 0.0\nper_host = 4\ntimeout = 0.6\nretries = 1\nretry_backoff = 0.01\n"
    "file_limit = 5000000\nmin_rate = 500\nrate_window = 0.5\n"
)

# fault → (sync, show, download) exit status; None: the fault does not apply to that command.
MATRIX: dict[str, tuple[int | None, int | None, int | None]] = {
    "hang": (1, 1, 1),
    "429": (1, 1, 1),
    "429-once": (0, 0, 0),
    "503": (1, 1, 1),
    "500": (1, 1, 1),
    "reset": (1, 1, 1),
    "truncated": (1, 1, 1),
    "redirect-loop": (1, 1, 1),
    "redirect-scheme": (1, 1, 1),
    "redirect-host": (1, 1, 1),
    "huge": (1, 1, 1),
    "gzip-bomb": (1, 1, 1),
    "gzip-bomb2": (1, 1, 1),
    "empty": (1, 1, 1),
    "alert": (1, 1, 1),
    "drip": (1, 1, 1),
    "wrong-charset": (0, 0, None),
    "bad-utf8": (0, 0, None),
}
# What the one line must say, when the reason is the same whatever the command.
REASONS = {
    "hang": "timed out after 0.6 s (2 attempts)",
    "429": "HTTP 429",
    "503": "HTTP 503",
    "500": "HTTP 500",
    "redirect-loop": "too many redirects",
    "redirect-scheme": "unsupported URL scheme",
    "redirect-host": "connection refused",
    "gzip-bomb": "-byte limit",
    "gzip-bomb2": "-byte limit",
    "huge": "-byte limit",
}
COMMANDS = ("sync", "show", "download")


@dataclass
class Template:
    home: Path
    listed: list[dict[str, Any]]
    with_files: dict[str, Any]
    """A post with attachments (its body cached)."""
    bare: dict[str, Any]
    """A post whose body is not cached, so ``show`` must fetch it."""


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        demo.faults.bomb_size = 64 << 20
        yield demo


@pytest.fixture(scope="module")
def template(server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Template:
    cli = cli_at(tmp_path_factory.mktemp("matrix") / "home", settings=SETTINGS)
    home = cli.home
    assert cli("add", demo_board_url(server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1").code == 0
    assert cli("add", demo_board_url(server, "rhymix"), "--name", "rx").code == 0
    assert cli("sync", "rx", "--pages", "1", "--no-bodies").code == 0
    listed = cli("list", "--json").json()
    with_files = next(i for i in listed if i["board"] == "g5" and i["attachments"])
    bare = next(i for i in listed if i["board"] == "rx")
    return Template(home, listed, with_files, bare)


def _cases() -> Iterator[Any]:
    for fault, codes in MATRIX.items():
        for command, code in zip(COMMANDS, codes, strict=True):
            if code is not None:
                yield pytest.param(fault, command, code, id=f"{fault}-{command}")


def _same_but_bad_bytes(before: str, after: str) -> bool:
    return before == after or before == after.replace("\ufffd", "")


@pytest.mark.parametrize(("fault", "command", "expected"), list(_cases()))
def test_fault(fault: str, command: str, expected: int, server: DemoServer, template: Template, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(template.home, home)
    cli = Cli(home)
    out = tmp_path / "out"
    args = {
        "sync": ["sync", "g5", "rx"],
        "show": ["show", str(template.bare["id"])],
        "download": ["download", str(template.with_files["id"]), "--to", str(out)],
    }[command]
    # A download's fault hits the file only: the post page must open for the file to be asked for.
    server.set_fault(fault, "files" if command == "download" else "all")
    try:
        result = cli(*args)
    finally:
        server.set_fault(None)

    assert result.code == expected, result.err
    assert "Traceback" not in result.err + result.out
    errors = result.err.strip().splitlines()
    if expected:
        assert errors and all(line.startswith("noticetui: ") for line in errors)
        # One line per failure: one per board for sync, one for show and download.
        assert len(errors) == (2 if command == "sync" else 1), errors
        reason = REASONS.get(fault)
        assert reason is None or all(reason in line for line in errors), errors
    else:
        assert errors == []

    after = cli("list", "--json").json()
    assert len(after) == len(template.listed), "rows lost"
    titles = {row["id"]: row["title"] for row in after}
    assert all(_same_but_bad_bytes(row["title"], titles[row["id"]]) for row in template.listed)

    if command == "download":
        visible = sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) if out.exists() else []
        assert (visible != []) is (expected == 0)
        if fault in ("gzip-bomb", "gzip-bomb2", "huge", "empty", "alert"):
            assert not out.exists() or list(out.iterdir()) == [], "a refused file left something behind"
