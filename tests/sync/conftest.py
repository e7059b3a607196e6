"""Helpers for sync tests: a home with one demo board, and a transport that counts and rewrites."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from noticetui.config import BoardConfig, Config, Settings
from noticetui.context import AppContext
from noticetui.demo.server import DemoServer


class RewritingTransport(httpx.AsyncBaseTransport):
    """Real HTTP to the demo server, counting requests and letting a test rewrite list pages on the way."""

    def __init__(self, rewrite: Callable[[str], str] | None = None) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.rewrite = rewrite
        self.urls: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(str(request.url))
        response = await self.inner.handle_async_request(request)
        if self.rewrite is None or not is_list_url(str(request.url)):
            return response
        body = await response.aread()
        text = self.rewrite(body.decode("utf-8"))
        headers = [
            (k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "content-encoding")
        ]
        return httpx.Response(response.status_code, headers=headers, content=text.encode("utf-8"))

    async def aclose(self) -> None:
        await self.inner.aclose()

    def post_requests(self) -> list[str]:
        """The requests for post pages (anything that is not a list page)."""
        return [u for u in self.urls if not is_list_url(u)]


def is_list_url(url: str) -> bool:
    """A gnuboard5 list page (no ``wr_id``)."""
    return "board.php" in url and "wr_id" not in parse_qs(urlsplit(url).query)


class ViewCounter:
    """Rewrites every list page so each post's view count is higher than the time before."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> str:
        self.calls += 1
        return re.sub(
            r'<td class="td_num">(\d+)</td>', lambda m: f'<td class="td_num">{int(m[1]) + self.calls}</td>', text
        )


@dataclass
class Home:
    """A throwaway home following the demo gnuboard5 board."""

    ctx: AppContext
    board: BoardConfig
    server: DemoServer

    def body_missing(self) -> list[str]:
        """Keys of listed, non-secret posts of the board that have no body."""
        rows = self.ctx.store.conn.execute(
            "SELECT key FROM posts WHERE body_at IS NULL AND secret = 0 ORDER BY key"
        ).fetchall()
        return [str(r[0]) for r in rows]


def make_home(tmp_path: Path, server: DemoServer, pages: int = 3) -> Home:
    """A home whose config follows the demo gnuboard5 board (no politeness delay)."""
    url = next(b.url for b in server.boards() if b.engine == "gnuboard")
    board = BoardConfig(name="g5", url=url, engine="gnuboard", pages=pages)
    ctx = AppContext.for_home(tmp_path / "home")
    ctx.config = Config(boards=[board], settings=Settings(delay=0.0, per_host=4))
    return Home(ctx, board, server)


@pytest.fixture
def home(tmp_path: Path, demo_server: DemoServer) -> Iterator[Home]:
    """A home following the shared demo server's gnuboard5 board."""
    made = make_home(tmp_path, demo_server)
    yield made
    made.ctx.close()


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    """The sample boards, shared by the sync tests (never given a fault)."""
    with DemoServer() as server:
        yield server
