"""Peak memory of one fetch against hostile answers: gzip bombs (1 GiB of zeros, ``gzip`` and
``gzip, gzip``), a 21 MB page, and a 1 GiB gzip bomb served as a download.

Run: ``python benchmarks/bench_fetch_memory.py`` — the sample-board server (with its fault modes) runs in
this process; each case runs in a fresh child process so its high-water mark is its own.  Prints, per
case, the outcome, the time, the Python heap peak (tracemalloc) and the growth of the process's peak
RSS during the fetch (``ru_maxrss`` after minus before).  The target is under 100 MB for every case.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

CASES = [
    ("normal page", None, "page"),
    ("21 MB page", "huge", "page"),
    ("1 GiB gzip bomb page", "gzip-bomb", "page"),
    ("1 GiB gzip,gzip bomb page", "gzip-bomb2", "page"),
    ("1 GiB gzip bomb download", "gzip-bomb", "file"),
]


def _child(url: str, kind: str) -> None:
    from noticetui.downloads import DownloadError, fetch_file
    from noticetui.models import Attachment, Request
    from noticetui.net.fetch import Fetcher, FetchError

    async def run() -> str:
        async with Fetcher(delay=0, retries=0) as fetcher:
            if kind == "page":
                try:
                    page = await fetcher.fetch(Request(url))
                except FetchError as exc:
                    return f"refused: {exc.detail}"
                return f"ok ({len(page.content):,} bytes)"
            with tempfile.TemporaryDirectory() as folder:
                try:
                    await fetch_file(fetcher, Attachment(0, "bomb.bin", None, Request(url)), 1, Path(folder), None, url)
                except DownloadError as exc:
                    left = list(Path(folder).iterdir())
                    return f"refused: {str(exc)[:60]}… ({len(left)} files left)"
                return "saved (unexpected)"

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    t0 = time.perf_counter()
    outcome = asyncio.run(run())
    elapsed = time.perf_counter() - t0
    _, heap_peak = tracemalloc.get_traced_memory()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"outcome": outcome, "s": elapsed, "heap": heap_peak, "rss": (after - before) * 1024}))


def main() -> None:
    from noticetui.demo.server import DemoServer

    with DemoServer() as server:
        url = next(b.url for b in server.boards() if b.engine == "gnuboard")
        print(f"{'case':28} {'outcome':70} {'time':>7} {'heap peak':>10} {'RSS growth':>11}")
        for label, fault, kind in CASES:
            server.set_fault(fault)
            if fault and fault.startswith("gzip"):
                from noticetui.demo.faults import gzip_bomb

                gzip_bomb(server.faults.bomb_size, 2 if fault == "gzip-bomb2" else 1)  # built before timing
            out = subprocess.run(
                [sys.executable, __file__, "--child", url, kind], capture_output=True, text=True, check=True
            ).stdout
            r = json.loads(out)
            print(f"{label:28} {r['outcome'][:70]:70} {r['s']:6.2f}s {r['heap'] / 1e6:8.1f}MB {r['rss'] / 1e6:9.1f}MB")
        server.set_fault(None)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3])
    else:
        main()
