"""`noticetui list | head` ends quietly when the reader goes away."""

import os
import subprocess
import sys
from pathlib import Path

from noticetui.models import PostStub, Request
from noticetui.store import Store


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "noticetui.sqlite3")
    board = store.ensure_board("n", "http://x.kr/", "gnuboard")
    store.upsert_stubs(
        board, [PostStub(str(i), f"제목 {i}", f"http://x.kr/{i}", Request(f"http://x.kr/{i}")) for i in range(5000)]
    )
    store.close()
    env = {**os.environ, "NOTICETUI_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "noticetui", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=60)
    assert "제목" in first.decode()
    assert code == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
