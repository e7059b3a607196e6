"""Search latency per query length, and cache size per post, over a realistic cache.

Run: ``python benchmarks/bench_search.py [CACHE]`` — CACHE made by ``cache_gen.py`` (default: a
100,000-post one is built in a temporary directory, which takes a few minutes).  Each query runs
``REPEAT`` times through ``Store.search(query, limit=100)`` (ids, then full rows); a group's figure is the
median over all its runs.  Works against an older checkout too (``PYTHONPATH=../old/src``).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from noticetui.store import Store

REPEAT = 15
QUERIES = {
    "1 syllable": ["공", "고", "모", "청", "의", "뷁"],
    "2 syllables": ["공고", "모집", "채용", "공모", "휴관", "강남"],
    "3 syllables": ["설명회", "신청서", "공모전", "도서관", "체육관", "수상작"],
    "5 syllables": ["사회적경제", "스마트도시", "지원사업참", "청년창업지", "참여기업모"],
    "10 syllables": ["중소기업수출바우처지", "지역특화산업육성사업"],
    "two words": ["청년 창업", "지원사업 모집", "행정직 채용", "도서관 휴관", "공고 안내"],
    "no match": ["존재하지않는낱말", "qqqq"],
}


def measure(store: Store, queries: list[str]) -> tuple[float, float, int]:
    """Median and worst per-query median latency (ms) over ``queries``, and the smallest hit count."""
    medians, hits = [], []
    all_runs: list[float] = []
    for q in queries:
        runs = []
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            found = store.search(q, limit=100)
            runs.append((time.perf_counter() - t0) * 1000)
        medians.append(statistics.median(runs))
        all_runs += runs
        hits.append(len(found))
    return statistics.median(all_runs), max(medians), min(hits)


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
        print(f"{'query group':<14} {'median':>9} {'worst query':>12} {'fewest hits':>12}")
        for group, queries in QUERIES.items():
            median, worst, fewest = measure(store, queries)
            print(f"{group:<14} {median:7.2f} ms {worst:9.2f} ms {fewest:12}")
        store.close()


if __name__ == "__main__":
    main()
