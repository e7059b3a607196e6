"""``download`` against the user's own folder mistakes: one line each, first error first, saved files listed."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from noticetui.demo.server import DemoServer

from .conftest import Cli, demo_board_url


def _post_with_files(cli: Cli, server: DemoServer) -> dict[str, Any]:
    assert cli("add", demo_board_url(server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1").code == 0
    return next(i for i in cli("list", "--json").json() if len(i["attachments"]) >= 2)


def test_download_to_a_file_is_one_line_and_leaves_the_file_alone(
    cli: Cli, demo_server: DemoServer, tmp_path: Path
) -> None:
    post = _post_with_files(cli, demo_server)
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    result = cli("download", str(post["id"]), "--to", str(target))
    assert result.code == 1
    assert result.err.strip().splitlines() == [f"noticetui: {target} is a file, not a folder: give --to a folder"]
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_full_disk_on_the_second_file_reports_it_and_lists_the_first(
    cli: Cli, demo_server: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = _post_with_files(cli, demo_server)
    real_open = Path.open

    def full_after_one(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name.endswith("-1.part"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", full_after_one)
    dest = tmp_path / "out"
    result = cli("download", str(post["id"]), "--to", str(dest))
    assert result.code == 1
    errors = result.err.strip().splitlines()
    assert len(errors) == 1 and "the disk is full" in errors[0] and "Traceback" not in result.err
    saved = result.out.strip().splitlines()
    assert len(saved) == 1 and Path(saved[0]).is_file() and Path(saved[0]).parent == dest
