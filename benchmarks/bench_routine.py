"""Requests a routine sync makes on a board that did not change, except that every view count rose.

Run: ``python benchmarks/bench_routine.py`` — syncs the sample gnuboard5 board (3 pages, with bodies),
then syncs it again the routine way through a transport that raises each list row's view count (as real
boards do between two syncs, and as every body fetch does) and counts list and post requests.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

from noticetui.config import BoardConfig, Config, Settings
from noticetui.context import AppContext
from noticetui.demo.server import DemoServer
from noticetui.net.fetch import Fetcher
from noticetui.sync import sync_board


class RisingViews(httpx.AsyncBaseTransport):
    """Real HTTP; list pages come back with every view count higher than the time before."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.lists = 0
        self.posts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if "wr_id" in parse_qs(urlsplit(str(request.url)).query):
            self.posts += 1
            return response
        self.lists += 1
        text = (await response.aread()).decode("utf-8")
        text = re.sub(
            r'<td class="td_num">(\d+)</td>', lambda m: f'<td class="td_num">{int(m[1]) + self.lists}</td>', text
        )
        headers = [(k, v) for k, v in response.headers.items() if k.lower() != "content-length"]
        return httpx.Response(response.status_code, headers=headers, content=text.encode("utf-8"))


def main() -> None:
    with DemoServer() as server, tempfile.TemporaryDirectory() as home:
        url = next(b.url for b in server.boards() if b.engine == "gnuboard")
        board = BoardConfig(name="g5", url=url, engine="gnuboard", pages=3)
        ctx = AppContext.for_home(Path(home))
        ctx.config = Config(boards=[board], settings=Settings(delay=0.0))

        async def once(transport: RisingViews, pages: int | None) -> str:
            async with Fetcher(delay=0, transport=transport) as fetcher:
                r = await sync_board(ctx, board, fetcher, pages=pages)
            return f"{r.new} new, {r.updated} updated, {r.bodies} bodies"

        first = asyncio.run(once(RisingViews(), 3))
        for n in (1, 2):
            counter = RisingViews()
            summary = asyncio.run(once(counter, None))
            print(
                f"routine sync {n} after a full one ({first}): {counter.lists} list + {counter.posts} post requests"
                f" ({summary})"
            )
        ctx.close()


if __name__ == "__main__":
    main()
