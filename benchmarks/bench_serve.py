"""``noticetui serve`` on a large cache: one board's whole feed in each format, and a conditional GET.

Run: ``python benchmarks/bench_serve.py [POSTS [BOARDS]]`` (default 20,000 posts in 2 boards, so one board
holds 10,000 posts, each with a 2–5 KB body).  Builds the cache with ``cache_gen.build_cache`` in a
temporary directory, serves it on 127.0.0.1 and prints, per format: time to the first byte, the whole
feed's time and size, posts per second; then the time of a 304 answer.
"""

from __future__ import annotations

import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from cache_gen import build_cache

from noticetui.config import load_config
from noticetui.feed_server import FeedServer
from noticetui.paths import Paths


def main() -> None:
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    boards = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        build_cache(home / "cache.sqlite3", posts, boards)
        config = "".join(
            f'[[boards]]\nname = "board{b:02d}"\nurl = "http://x{b}.kr/bbs/board.php?bo_table=n"\n'
            for b in range(boards)
        )
        (home / "config.toml").write_text(config, encoding="utf-8")
        paths = Paths(home / "config.toml", home / "cache.sqlite3", home / "downloads")
        server = FeedServer(paths, load_config(paths.config_file))
        server.start()
        try:
            print(f"{posts:,} posts in {boards} boards; one board's feed ({posts // boards:,} posts):")
            for fmt in ("atom", "rss", "json"):
                start = time.perf_counter()
                with urllib.request.urlopen(f"{server.url}/boards/board00.{fmt}") as response:
                    first = response.read(1)
                    ttfb = time.perf_counter() - start
                    size = len(first) + len(response.read())
                    etag = response.headers["ETag"]
                total = time.perf_counter() - start
                print(f"  {fmt:5} first byte {ttfb * 1000:6.1f} ms  whole {total:6.2f} s  {size / 1e6:6.1f} MB  "
                      f"{posts // boards / total:8,.0f} posts/s")  # fmt: skip
            request = urllib.request.Request(f"{server.url}/boards/board00.json", headers={"If-None-Match": etag})
            start = time.perf_counter()
            try:
                urllib.request.urlopen(request)
            except urllib.error.HTTPError as exc:  # 304 is an "error" to urllib
                print(f"  conditional GET: {exc.code} in {(time.perf_counter() - start) * 1000:.1f} ms")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
