"""Store benchmarks: 100,000 cached posts in 50 boards — bulk upsert, first list page, search.

Run: ``python benchmarks/bench_store.py`` (prints figures; nothing is asserted).
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from timing import wall_times

from noticetui.models import SEOUL, Post, PostStub, Request
from noticetui.store import Store

WORDS = [
    "지원",
    "사업",
    "공고",
    "모집",
    "안내",
    "청년",
    "창업",
    "연구",
    "개발",
    "과제",
    "신청",
    "접수",
    "결과",
    "발표",
    "채용",
    "휴관",
    "행사",
    "교육",
    "설명회",
    "변경",
]


def build(path: Path, boards: int = 50, per_board: int = 2000, bodies_every: int = 4) -> Store:
    """A cache with ``boards × per_board`` posts, every ``bodies_every``-th with a body."""
    rng = random.Random(7)
    store = Store.open(path)
    start = datetime(2026, 11, 1, tzinfo=SEOUL)
    for b in range(boards):
        board = store.ensure_board(f"board{b:02d}", f"http://x{b}.kr/bbs/board.php?bo_table=n", "gnuboard")
        stubs = []
        for i in range(per_board):
            title = " ".join(rng.choice(WORDS) for _ in range(6)) + f" {b}-{i}"
            url = f"http://x{b}.kr/bbs/board.php?bo_table=n&wr_id={i}"
            stubs.append(
                PostStub(
                    str(i),
                    title,
                    url,
                    Request(url),
                    author="관리자",
                    posted_at=start - timedelta(hours=i * 3 + b),
                    views=i * 7,
                )
            )
        store.upsert_stubs(board, stubs)
        for i in range(0, per_board, bodies_every):
            post_id = store.post_id(board, str(i))
            assert post_id is not None
            body = "<p>" + " ".join(rng.choice(WORDS) for _ in range(200)) + "</p>"
            store.save_post(post_id, Post(str(i), stubs[i].title, stubs[i].url, body))
    return store


def timed(label: str, fn: object, repeat: int = 20) -> None:
    """Print the median of ``repeat`` runs of ``fn``."""
    assert callable(fn)
    times = wall_times(fn, repeat)
    print(f"{label:<48} median {times[len(times) // 2] * 1000:8.2f} ms   (min {times[0] * 1000:.2f} ms)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = build(Path(tmp) / "bench.sqlite3")
        print(f"{'build 100,000 posts (25,000 bodies)':<48} {time.perf_counter() - t0:8.2f} s")
        board = store.boards()[0].id
        timed("boards() with counts (50 boards)", store.boards)
        timed("first list page, one board (100 rows)", lambda: store.posts(board, limit=100))
        timed("first list page, all boards (100 rows)", lambda: store.posts(None, limit=100))
        timed("search '창업 지원' (trigram, 2 words)", lambda: store.search("창업 지원 사업"))
        timed("search '설명회' (trigram)", lambda: store.search("설명회", limit=100))
        timed("search '공고' (2 chars: LIKE scan)", lambda: store.search("공고", limit=100), repeat=5)
        timed("post(id) with body", lambda: store.post(12345))
        store.close()


if __name__ == "__main__":
    main()
