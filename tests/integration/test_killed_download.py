"""A download killed with SIGKILL mid-transfer: no half file under the final name, and the next run
continues the ``.part`` (server honours Range) or restarts it (server ignores Range), ending
byte-identical to an undisturbed download."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from noticetui.demo.server import DemoServer

from .conftest import Cli, demo_board_url


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if not p.name.startswith(".")}


def _kill_mid_transfer(home: Path, post: str, dest: Path) -> None:
    env = {**os.environ, "NOTICETUI_HOME": str(home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "noticetui", "download", post, "--index", "0", "--to", str(dest)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            parts = list(dest.glob(".noticetui-*.part")) if dest.exists() else []
            if parts and parts[0].stat().st_size > 0:
                break
            time.sleep(0.01)
        else:
            pytest.fail("the download never started writing")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)


@pytest.mark.parametrize("ranges", [True, False], ids=["resumed-with-range", "restarted"])
def test_a_killed_download_leaves_no_half_file_and_the_rerun_completes_it(
    cli: Cli, fresh_server: DemoServer, tmp_path: Path, ranges: bool
) -> None:
    assert cli("add", demo_board_url(fresh_server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1").code == 0
    post = next(i for i in cli("list", "--json").json() if i["attachments"])
    reference = tmp_path / "reference"
    assert cli("download", str(post["id"]), "--index", "0", "--to", str(reference)).code == 0

    dest = tmp_path / "out"
    fresh_server.faults.drip_bytes = 256
    fresh_server.faults.drip_interval = 0.05
    fresh_server.set_fault("drip", "files")
    _kill_mid_transfer(cli.home, str(post["id"]), dest)
    fresh_server.set_fault(None)

    assert _files(dest) == {}, "a half file under its final name"
    part = next(dest.glob(".noticetui-*.part"))
    kept = part.stat().st_size
    assert kept > 0

    fresh_server.faults.honour_ranges = ranges
    fresh_server.faults.ranges_seen.clear()
    rerun = cli("download", str(post["id"]), "--index", "0", "--to", str(dest))
    assert rerun.code == 0, rerun.err
    assert _files(dest) == _files(reference)
    assert fresh_server.faults.ranges_seen == [f"bytes={kept}-"]
    assert list(dest.glob(".noticetui-*")) == []
