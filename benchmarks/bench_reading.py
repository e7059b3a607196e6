"""What n/p, N, A, C and * cost the store at 100,000 posts in 50 boards (issue 10, reading workflow).

Run: ``python benchmarks/bench_reading.py [POSTS]`` — builds a cache of list rows only (no bodies: these
queries never read them), then prints the median time of each query the reading keys run, in two states:
most posts unread (a new reader) and 99 % read (a daily reader, where the next unread post is far down).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from timing import median_ms

from noticetui.models import SEOUL, Request
from noticetui.store import Store

BOARDS = 50


def build(path: Path, posts: int) -> Store:
    """``posts`` list rows over :data:`BOARDS` boards, 1 % of them pinned notices."""
    rng = random.Random(7)
    store = Store.open(path)
    conn = store.conn
    start = datetime(2026, 11, 1, tzinfo=SEOUL)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO boards (id, name, url, engine) VALUES (?, ?, ?, 'gnuboard')",
        [(b + 1, f"board{b:02d}", f"http://x{b}.kr/") for b in range(BOARDS)],
    )
    rows = []
    for i in range(posts):
        when = start - timedelta(minutes=37 * i + rng.randint(0, 30))
        url = f"http://x.kr/{i}"
        rows.append((i + 1, i % BOARDS + 1, str(i), f"공고 {i}", url, Request(url).to_json(), when.isoformat(),
                     when.timestamp(), int(rng.random() < 0.01), "now", "now"))  # fmt: skip
    conn.executemany(
        """INSERT INTO posts (id, board_id, key, title, url, request, posted_at, posted_ts, notice, first_seen,
               updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
        rows,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    return store


def report(store: Store, state: str) -> None:
    """Time each reading query in the cache's present state."""
    order = list(range(1, BOARDS + 1))
    top = store.posts(1, limit=1)[0].id
    everything_top = store.posts(None, limit=1)[0].id
    deep = store.posts(1, limit=1, offset=1500)[0].id
    cases: dict[str, Callable[[], object]] = {
        "n in a board (from its top)": lambda: store.next_unread(order, 1, top),
        "p in a board (from its top: previous boards)": lambda: store.next_unread(order, 1, top, backwards=True),
        "n in All boards (from the top)": lambda: store.unread_in_list(None, everything_top),
        "row index of a post 1,500 rows down": lambda: store.list_index(1, deep),
        "row index in All boards": lambda: store.list_index(None, deep),
        "count starred": lambda: store.count_starred(),
        "Starred view, first page": lambda: store.starred_posts(limit=100),
    }
    for name, fn in cases.items():
        print(f"  {state:<10} {name:<46} {median_ms(fn, 21):8.3f} ms")


def main() -> None:
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        store = build(Path(tmp) / "cache.sqlite3", posts)
        store.star([p.id for p in store.posts(None, limit=200, offset=5000)])
        print(f"{posts:,} posts in {BOARDS} boards")
        report(store, "unread")
        t0 = time.perf_counter()
        changed = store.mark_board(1)
        print(f"  mark one board read (A): {changed:,} posts in {(time.perf_counter() - t0) * 1000:.1f} ms")
        t0 = time.perf_counter()
        changed = store.mark_board(None)
        print(f"  mark everything read (C): {changed:,} posts in {(time.perf_counter() - t0) * 1000:.1f} ms")
        # A daily reader: 1 % unread, the oldest ones (the next unread post is far down every list).
        oldest = [p.id for p in store.posts(None, limit=posts // 100, offset=posts - posts // 100)]
        store.mark_posts(oldest, read=False)
        report(store, "99% read")
        store.close()


if __name__ == "__main__":
    main()
