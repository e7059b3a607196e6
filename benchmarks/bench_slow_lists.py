"""What the UI loop pays for lists SQLite cannot index, and what moved to a thread worker.

Run: ``python benchmarks/bench_slow_lists.py CACHE`` — CACHE made by ``cache_gen.py`` (100,000 posts).
Medians of ``REPEAT`` runs, in ms.

- watched words: before, the UI loop counted the list (a Python match per title) and read each page with
  the same scan; after, a thread worker reads the list's ids once (``resolve``) and the UI loop reads
  pages by id.
- ``n``/``p`` in sorted or filtered lists (a worker): the next unread post by the list's own order and
  its row index, from a post 50,000 rows down (or the list's last row).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from timing import median_ms

from noticetui.store import ListQuery, Store, listing
from noticetui.tui.resolved import ResolvedPosts, resolve

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def watched(store: Store) -> None:
    """The watched-words filter, before and after."""
    print(f"{'watched words':<24} {'rows':>7} {'UI: count':>10} {'UI: page 0':>11} {'UI: deep':>9} {'worker':>8}")
    for words in (("설명회", "채용"), ("뷁뷁",)):
        watched_case(store, words)


def watched_case(store: Store, words: tuple[str, ...]) -> None:
    """One watched-words list: the UI loop's costs before, the UI loop's and the worker's after."""
    query = ListQuery(watched={"": words}, notices="once")
    rows = listing.count(store.conn, query)
    deep = max(rows - 100, 0)
    count = median_ms(lambda: listing.count(store.conn, query), REPEAT)
    first = median_ms(lambda: listing.fetch(store.conn, query, 100, 0), REPEAT)
    last = median_ms(lambda: listing.fetch(store.conn, query, 100, deep), REPEAT)
    print(f"{'before ' + ' '.join(words):<24} {rows:7,} {count:7.1f} ms {first:8.1f} ms {last:6.1f} ms {'—':>8}")
    found = resolve(store, query)
    source = ResolvedPosts(store, query, "", found)
    took = median_ms(lambda: resolve(store, query), REPEAT)
    first = median_ms(lambda: source.fetch(0, 100), REPEAT)
    last = median_ms(lambda: source.fetch(deep, 100), REPEAT)
    print(f"{'after ' + ' '.join(words):<24} {rows:7,} {0.0:7.1f} ms {first:8.1f} ms {last:6.1f} ms {took:5.0f} ms")


def stepping(store: Store) -> None:
    """``n``/``p`` in the worker."""
    cases = {
        "all boards": ListQuery(notices="once"),
        "sort title": ListQuery(sort="title", notices="once"),
        "sort views, unread": ListQuery(sort="views", unread=True, notices="once"),
        "watched words": ListQuery(watched={"": ("설명회", "채용")}, notices="once"),
    }
    print(f"\n{'n/p (worker)':<24} {'from row':>8} {'next':>8} {'previous':>9} {'position':>9}")
    for name, query in cases.items():
        step_case(store, name, query)


def step_case(store: Store, name: str, query: ListQuery) -> None:
    """``n``, ``p`` and the row index in one list."""
    ids = listing.ids(store.conn, query, 50_001)
    here = ids[-1]
    forward = median_ms(lambda: listing.next_unread(store.conn, query, here), REPEAT)
    backward = median_ms(lambda: listing.next_unread(store.conn, query, here, backwards=True), REPEAT)
    where = median_ms(lambda: listing.position(store.conn, query, here), REPEAT)
    print(f"{name:<24} {len(ids) - 1:8,} {forward:5.0f} ms {backward:6.0f} ms {where:6.0f} ms")


def main() -> None:
    """Print the figures."""
    store = Store.open(Path(sys.argv[1]))
    watched(store)
    stepping(store)
    store.close()


if __name__ == "__main__":
    main()
