"""Sync benchmark: every sample board on the loopback server, with bodies, into a fresh cache.

Run: ``python benchmarks/bench_sync.py`` — prints, per board, the wall time with no politeness delay
(what parsing, the store and the fetcher cost) and, for the gnuboard board, with the default delay
(what a real sync costs: politeness dominates).  Also times parsing alone.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from noticetui.config import BoardConfig, Settings
from noticetui.context import AppContext, make_fetcher
from noticetui.demo.server import DemoServer
from noticetui.engines import get_engine
from noticetui.engines.base import parse_html
from noticetui.models import SEOUL, ParseContext
from noticetui.net.fetch import Fetcher
from noticetui.sync import sync_board


async def _sync(ctx: AppContext, board: BoardConfig, fetcher: Fetcher) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    result = await sync_board(ctx, board, fetcher, pages=10)
    return time.perf_counter() - t0, result.seen, result.bodies


def run_board(server: DemoServer, name: str, delay: float) -> None:
    board_info = next(b for b in server.boards() if b.name == name)
    board = BoardConfig(name=name, url=board_info.url, engine=board_info.engine)
    with tempfile.TemporaryDirectory() as home:
        ctx = AppContext.for_home(Path(home))
        ctx.config = type(ctx.config)(boards=[board], settings=Settings(delay=delay, per_host=2))

        async def go() -> tuple[float, int, int]:
            async with make_fetcher(ctx) as fetcher:
                return await _sync(ctx, board, fetcher)

        seconds, seen, bodies = asyncio.run(go())
        ctx.close()
    print(f"sync {name:<14} delay {delay:>4.1f}s: {seconds:6.2f} s  ({seen} posts, {bodies} bodies)")


def parse_speed(server: DemoServer) -> None:
    import httpx

    board = next(b for b in server.boards() if b.engine == "gnuboard")
    html = httpx.get(board.url).text
    engine = get_engine("gnuboard")
    ctx = ParseContext(board.url, server.now.astimezone(SEOUL))
    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        engine.parse_list(parse_html(html), ctx)
    print(f"parse one gnuboard list page ({len(html) // 1024} KB): {(time.perf_counter() - t0) / n * 1000:.2f} ms")


def main() -> None:
    with DemoServer() as server:
        parse_speed(server)
        for board in server.boards():
            run_board(server, board.name, 0.0)
        run_board(server, next(b.name for b in server.boards() if b.engine == "gnuboard"), 0.5)


if __name__ == "__main__":
    main()
