"""Start-up of the real ``noticetui`` command in a pseudo-terminal, against a bare Textual app with a DataTable.

Run: ``python benchmarks/bench_startup.py [CACHE [SRC]]`` — CACHE is a cache file made by ``cache_gen.py``
(default: a 10,000-post one is built in a temporary directory; first paint is flat in the cache size);
SRC is the ``src`` folder of another checkout to measure instead (before/after figures; its cache must
be one that checkout can open).

- **first paint**: from spawning the process to the moment the terminal has received the first frame (a
  marker text of the first screen), each command in its own pty of 120×40, median of several runs;
- **imports**: ``import noticetui.tui.app`` in a fresh interpreter against Textual with the bare app's
  widgets (median wall and CPU time; ``python -X importtime`` shows where it goes).

Each configured board points at 127.0.0.1:9 (nothing listens there): the background sync that starts after
the first frame fails at once instead of touching the network.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

RUNS = 7
BARE_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("date", "title", "board")
        table.add_rows([("2026-11-01", f"MARKER row {i}", "board00") for i in range(60)])

Bare().run()
"""


def first_paint(
    argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0, settle: float = 0.0
) -> float:
    """Seconds from spawning ``argv`` in a 120×40 pty until ``marker`` has reached the terminal.

    With ``settle``, the command runs on that many seconds more (its output read) before it is stopped.
    """
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the command
        os.environ.update(env)
        os.environ["COLUMNS"], os.environ["LINES"], os.environ["TERM"] = "120", "40", "xterm-256color"
        os.execvp(argv[0], argv)
    t0 = time.perf_counter()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    try:
        while time.perf_counter() - t0 < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if _answer_queries(fd, chunk):
                pass
            seen = (seen + chunk)[-200_000:]
            if marker in _strip(seen):
                painted = time.perf_counter() - t0
                _drain(fd, settle)
                return painted
        raise RuntimeError(f"{argv[-1]!r}: no {marker!r} within {timeout} s")
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)


def _drain(fd: int, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                _answer_queries(fd, os.read(fd, 65536))
            except OSError:
                return


_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[P_^][^\x1b]*\x1b\\|\x1b.")


def _strip(data: bytes) -> bytes:
    return _ESCAPES.sub(b"", data)


def _answer_queries(fd: int, chunk: bytes) -> bool:
    # Textual (and the image probe) ask the terminal a few things; a silent terminal makes them wait
    # for a timeout, which a real terminal would not.  Answer like a plain xterm: no graphics.
    answered = False
    if b"\x1b[c" in chunk or b"\x1b[0c" in chunk:
        os.write(fd, b"\x1b[?1;2c")
        answered = True
    if b"\x1b[6n" in chunk:
        os.write(fd, b"\x1b[1;1R")
        answered = True
    if b"\x1b[14t" in chunk:
        os.write(fd, b"\x1b[4;800;1200t")
        answered = True
    if b"\x1b[16t" in chunk:
        os.write(fd, b"\x1b[6;20;10t")
        answered = True
    return answered


def import_ms(statement: str) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``statement`` in a fresh interpreter (CPU time holds up on a
    busy machine, where wall time does not)."""
    code = (
        "import time\nw, c = time.perf_counter(), time.process_time()\n"
        f"{statement}\nprint(time.perf_counter() - w, time.process_time() - c)"
    )
    wall, cpu = [], []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        w, c = map(float, out.stdout.split())
        wall.append(w * 1000)
        cpu.append(c * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _home(tmp: Path, cache: Path | None) -> Path:
    home = tmp / "home"
    home.mkdir()
    if cache is None:
        from cache_gen import build_cache

        build_cache(home / "noticetui.sqlite3", 10_000)
    else:
        shutil.copyfile(cache, home / "noticetui.sqlite3")
    write_config(home)
    return home


def write_config(home: Path) -> None:
    """A config.toml listing every board of the cache in ``home``, each at an address nobody answers."""
    import sqlite3

    conn = sqlite3.connect(home / "noticetui.sqlite3")
    names = [r[0] for r in conn.execute("SELECT name FROM boards ORDER BY name")]
    conn.close()
    boards = "".join(
        f'[[boards]]\nname = "{n}"\nurl = "http://127.0.0.1:9/{n}/bbs/board.php?bo_table=n"\nengine = "gnuboard"\n\n'
        for n in names
    )
    (home / "config.toml").write_text('[settings]\nimages = "off"\n\n' + boards, encoding="utf-8")


def main() -> None:
    """Print import times and first-paint medians with their ratios."""
    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if len(sys.argv) > 2:
        os.environ["PYTHONPATH"] = sys.argv[2]  # the other checkout wins over the installed one
    tui_wall, tui_cpu = import_ms("import noticetui.tui.app")
    bare_wall, bare_cpu = import_ms("import textual.app, textual.widgets; textual.widgets.DataTable")
    print(f"import noticetui.tui.app               median {tui_wall:7.1f} ms, cpu {tui_cpu:7.1f} ms")
    print(f"import textual.app + DataTable, Footer median {bare_wall:7.1f} ms, cpu {bare_cpu:7.1f} ms")
    print(f"import ratio (cpu): {tui_cpu / bare_cpu:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        home = _home(Path(tmp), cache)
        env = {"NOTICETUI_HOME": str(home)}
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        bare, full = [], []
        for _ in range(RUNS):  # interleaved, so that a busy moment of the machine hits both alike
            bare.append(first_paint([sys.executable, str(bare_script)], b"MARKER row", env))
            full.append(first_paint([sys.executable, "-m", "noticetui"], b"board00", env))
        b, f = statistics.median(bare), statistics.median(full)
        print(f"first paint, bare Textual + DataTable  median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.0f})")
        print(f"first paint, noticetui                 median {f * 1000:7.1f} ms  (min {min(full) * 1000:.0f})")
        print(f"ratio noticetui / bare: {f / b:.2f}")


if __name__ == "__main__":
    main()
