"""What a routine sync pays before its first request: finding the bodies a board is owed.

Run: ``python benchmarks/bench_owed.py`` — a 2,000-post board (every 100th post without a body, as after
an interrupted sync) in a cache of 5 such boards; prints the median of the old way (build every cached
post of the board, filter in Python) against ``Store.posts_without_body`` (one query on a partial index).
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from timing import median_ms

from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.store import PostRow, Store


def build(path: Path, boards: int, per_board: int) -> Store:
    """A cache of ``boards`` boards of ``per_board`` posts, every post with a short body."""
    store = Store.open(path)
    start = datetime(2026, 11, 1, tzinfo=SEOUL)
    for b in range(boards):
        board = store.ensure_board(f"board{b:02d}", f"http://x{b}.kr/bbs/board.php?bo_table=n", "gnuboard")
        stubs = [
            PostStub(str(i), f"공고 {b}-{i}", f"http://x{b}.kr/{i}", Request(f"http://x{b}.kr/{i}"),
                     author="관리자", posted_at=start - timedelta(hours=i), views=i)
            for i in range(per_board)
        ]  # fmt: skip
        store.upsert_stubs(board, stubs)
        for i in range(per_board):
            post_id = store.post_id(board, str(i))
            assert post_id is not None
            store.save_post(post_id, Post(str(i), stubs[i].title, stubs[i].url, "<p>본문 내용</p>" * 20))
    return store


def old_way(store: Store, board_id: int) -> list[PostRow]:
    """What ``posts_without_body`` did before: every post of the board built, then filtered."""
    return [p for p in store.posts(board_id) if not p.has_body and not p.secret]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = build(Path(tmp) / "bench.sqlite3", boards=5, per_board=2000)
        board_id = store.ensure_board("board02", "http://x2.kr/bbs/board.php?bo_table=n", "gnuboard")
        store.conn.execute(
            "UPDATE posts SET body_at = NULL WHERE board_id = ? AND CAST(key AS INTEGER) % 100 = 0", (board_id,)
        )
        assert len(old_way(store, board_id)) == len(store.posts_without_body(board_id)) == 20
        before = median_ms(lambda: old_way(store, board_id), 30)
        after = median_ms(lambda: store.posts_without_body(board_id), 30)
        count = median_ms(lambda: store.count_without_body(board_id), 30)
        store.close()
    print(
        f"owed bodies of a 2,000-post board (20 owed): before {before:7.2f} ms   after {after:6.3f} ms"
        f"   ({before / after:.0f}x; count alone {count:.3f} ms)"
    )


if __name__ == "__main__":
    main()
