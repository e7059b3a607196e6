"""Peak memory of the reading commands over a large cache: ``list --json``, ``list``, ``export``, ``search``,
and of the TUI (the real ``noticetui`` in a pseudo-terminal, from start to two seconds after its first frame).

Run: ``python benchmarks/bench_memory.py CACHE [CACHE…]`` — caches made by ``cache_gen.py`` (for example
10,000 and 100,000 posts).  Each command runs as ``python -m noticetui …`` with stdout to /dev/null,
inside a small wrapper process of its own, which reports ``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the
peak resident memory of that one command.  Works against an older checkout too (``PYTHONPATH=../old/src``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_startup import write_config

COMMANDS = [
    ["list", "--json"],
    ["list"],
    ["export", "board00", "--format", "atom", "--limit", "5000"],
    ["export", "board00", "--format", "json"],
    ["search", "공고", "--json", "--limit", "1000"],
]
_WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""
_TUI_WRAPPER = """
import resource, sys
sys.path.insert(0, sys.argv[1])
from bench_startup import first_paint
first_paint([sys.executable, "-m", "noticetui"], b"board00", {}, settle=2.0)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, 0)
"""


def peak_mb(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Peak resident memory (MB) of ``python -m noticetui ARGS`` (the TUI when ARGS is empty), exit status."""
    wrapper = [_TUI_WRAPPER, str(Path(__file__).parent)] if not args else [_WRAPPER, sys.executable, "-m", "noticetui"]
    out = subprocess.run(
        [sys.executable, "-c", *wrapper, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    kb, code = out.stdout.split()
    return int(kb) / 1024, int(code)


def main() -> None:
    """Print each command's peak for each cache named on the command line."""
    for cache in map(Path, sys.argv[1:]):
        posts = sqlite3.connect(cache).execute("SELECT count(*) FROM posts").fetchone()[0]
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copyfile(cache, Path(tmp) / "noticetui.sqlite3")
            write_config(Path(tmp))
            env = {**os.environ, "NOTICETUI_HOME": tmp}
            print(f"{posts:,} posts ({cache.name})")
            for args in [*COMMANDS, []]:
                mb, code = peak_mb(args, env)
                note = "" if code == 0 else f"  (exit {code})"
                what = " ".join(args) or "(the TUI, to 2 s after its first frame)"
                print(f"  noticetui {what:<44} peak {mb:7.1f} MB{note}")


if __name__ == "__main__":
    main()
