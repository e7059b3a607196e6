"""Search latency per query length, and cache size per post, over a realistic cache.

Run: ``python benchmarks/bench_search.py [CACHE]`` — CACHE made by ``cache_gen.py`` (default: a
100,000-post one is built in a temporary directory, which takes a few minutes).  Each query runs
``REPEAT`` times through ``Store.search(query, limit=100)`` (ids, then full rows); a group's figure is the
median over all its runs.  Works against an older checkout too (``PYTHONPATH=../old/src``).
"""

from __future__ import annotations

import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from noticetui.store import Store

REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
QUERIES = {
    "1 syllable": ["공", "고", "모", "청", "의", "뷁"],
    "2 syllables": ["공고", "모집", "채용", "공모", "휴관", "강남"],
    "3 syllables": ["설명회", "신청서", "공모전", "도서관", "체육관", "수상작"],
    "5 syllables": [],  # taken from stored titles (see sampled), so that each has hits
    "7 syllables": [],
    "10 syllables": ["지역특화산업육성사업", "중소기업수출바우처사", "청년창업지원사업참여"],  # phrases of 9 bigrams
    "two words": ["청년 창업", "지원사업 모집", "행정직 채용", "도서관 휴관", "공고 안내"],
    "no match": ["존재하지않는낱말", "qqqq"],
    # Search operators (read as plain words by a checkout without them): filters on top of the index.
    "operators": [
        "공고 board:board07",
        "모집 after:2026-06-01 before:2026-07-01",
        "title:공고",
        "title:설명회 after:2026-01-01",
        "board:board03 after:2026-09-01",
        "지원사업 모집 board:board11 board:board12",
    ],
}


def sampled(path: Path, length: int, count: int = 5) -> list[str]:
    """``count`` different runs of ``length`` Hangul syllables cut from the cache's titles."""
    conn = sqlite3.connect(path)
    found: list[str] = []
    for (title,) in conn.execute("SELECT title FROM posts ORDER BY id LIMIT 5000"):
        for run in re.findall(f"[가-힣]{{{length},}}", title):
            piece = run[len(run) - length :]
            if piece not in found:
                found.append(piece)
        if len(found) >= count:
            break
    conn.close()
    return found


def measure(store: Store, queries: list[str]) -> tuple[float, float, float, int]:
    """Median wall and CPU time (ms) over all runs, the worst query's median wall time, the fewest hits.

    CPU time (``process_time``) is what the search costs even when other work shares the cores.
    """
    medians, hits = [], []
    wall: list[float] = []
    cpu: list[float] = []
    for q in queries:
        runs = []
        for _ in range(REPEAT):
            t0, c0 = time.perf_counter(), time.process_time()
            found = store.search(q, limit=100)
            runs.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        medians.append(statistics.median(runs))
        wall += runs
        hits.append(len(found))
    return statistics.median(wall), statistics.median(cpu), max(medians), min(hits)


def size_report(path: Path) -> None:
    """Bytes per post, in total and by table (SQLite's dbstat)."""
    conn = sqlite3.connect(path)
    posts = conn.execute("SELECT count(*) FROM posts").fetchone()[0]
    size = path.stat().st_size
    print(f"cache: {posts:,} posts, {size / 1e6:,.1f} MB, {size / posts:,.0f} bytes/post, {size / posts:,.0f} KB/1,000")
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6").fetchall()
    except sqlite3.Error:
        rows = []
    for name, used in rows:
        print(f"  {name:<28} {used / posts:8,.0f} bytes/post")
    conn.close()


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            path = Path(sys.argv[1])
        else:
            from cache_gen import build_cache

            path = Path(tmp) / "bench.sqlite3"
            t0 = time.perf_counter()
            build_cache(path, 100_000)
            print(f"built a 100,000-post cache in {time.perf_counter() - t0:.0f} s")
        size_report(path)
        store = Store.open(path)
        store.search("워밍업", limit=1)  # the first query pays for opening the index
        print(f"{'query group':<14} {'median':>9} {'cpu':>9} {'worst query':>12} {'fewest hits':>12}")
        for group, queries in QUERIES.items():
            if not queries:
                queries = sampled(path, int(group.split()[0]))
                print(f"  ({group}: {', '.join(queries)})")
            median, cpu, worst, fewest = measure(store, queries)
            print(f"{group:<14} {median:7.2f} ms {cpu:6.2f} ms {worst:9.2f} ms {fewest:12}")
        store.close()


if __name__ == "__main__":
    main()
