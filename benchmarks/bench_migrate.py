"""What upgrading an older cache costs: wall and CPU time per post, and the file's size before and after.

Run: ``python benchmarks/bench_migrate.py CACHE`` — CACHE made by ``cache_gen.py`` with an older checkout
(for instance a v3 cache: ``git archive <v3 commit>``, then ``PYTHONPATH=old/src python benchmarks/cache_gen.py``).
The cache is copied first; the copy is opened once with this checkout's ``Store.open`` (which migrates and
vacuums it) and then removed.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from noticetui.store import Store


def main() -> None:
    """Print the figures for the cache named on the command line."""
    source = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(dir=source.parent) as tmp:
        path = Path(tmp) / source.name
        shutil.copyfile(source, path)
        conn = sqlite3.connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        posts = conn.execute("SELECT count(*) FROM posts").fetchone()[0]
        conn.close()
        before = path.stat().st_size
        t0, c0 = time.perf_counter(), time.process_time()
        Store.open(path).close()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        after = path.stat().st_size
    print(f"v{version} cache of {posts:,} posts: migrated in {wall:.1f} s wall, {cpu:.1f} s CPU")
    print(f"per post: {wall / posts * 1000:.2f} ms wall, {cpu / posts * 1000:.2f} ms CPU")
    print(
        f"size: {before / posts:,.0f} → {after / posts:,.0f} bytes/post ({before / 1e6:,.1f} → {after / 1e6:,.1f} MB)"
    )


if __name__ == "__main__":
    main()
