"""List queries over a 100,000-post cache: the count and the first and a deep page of each filter and sort.

Run: ``python benchmarks/bench_listing.py CACHE`` — CACHE made by ``cache_gen.py``.  Each query runs
``REPEAT`` times; the figures are medians in ms: ``count`` (what the list's length costs), ``page 0``
(the first 100 rows: the first paint) and ``page 500`` (rows 50,000 on: scrolling deep into all boards).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from timing import median_ms

from noticetui.store import ListQuery, Store, listing

REPEAT = int(os.environ.get("BENCH_REPEAT", "7"))


def main() -> None:
    """Print the figures."""
    store = Store.open(Path(sys.argv[1]))
    board = store.conn.execute("SELECT id FROM boards ORDER BY name LIMIT 1").fetchone()[0]
    cases = {
        "all boards (notices once)": ListQuery(notices="once"),
        "all boards, plain": ListQuery(),
        "one board (notices first)": ListQuery(board_ids=(board,), notices="first"),
        "unread": ListQuery(unread=True, notices="once"),
        "starred": ListQuery(starred=True, notices="once"),
        "with files": ListQuery(has_file=True, notices="once"),
        "watched words": ListQuery(watched={"": ("설명회", "채용")}, notices="once"),
        "one month": ListQuery(after=date(2026, 6, 1), before=date(2026, 7, 1), notices="once"),
        "sort board": ListQuery(sort="board", notices="once"),
        "sort title": ListQuery(sort="title", notices="once"),
        "sort views": ListQuery(sort="views", notices="once"),
        "oldest first": ListQuery(reverse=True, notices="once"),
        "one board, title, unread": ListQuery(board_ids=(board,), sort="title", unread=True, notices="first"),
    }
    print(f"{'list':<28} {'rows':>7} {'count':>9} {'page 0':>9} {'page 500':>9}")
    for name, query in cases.items():
        rows = listing.count(store.conn, query)
        counted = median_ms(lambda q=query: listing.count(store.conn, q), REPEAT)  # type: ignore[misc]
        first = median_ms(lambda q=query: listing.fetch(store.conn, q, 100, 0), REPEAT)  # type: ignore[misc]
        deep = median_ms(lambda q=query: listing.fetch(store.conn, q, 100, 50_000), REPEAT)  # type: ignore[misc]
        print(f"{name:<28} {rows:7,} {counted:6.1f} ms {first:6.1f} ms {deep:6.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
