"""The fetcher: one polite httpx session for a whole run, turning :class:`Request` into pages and streams.

One client means one connection pool and one cookie jar: gnuboard, eGov and KBoard only hand over a file
to the session that viewed its post, which is what ``Request.prime`` is for.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from itertools import count
from types import TracebackType
from typing import TypeVar
from urllib.parse import urlencode

import httpx

from noticetui.models import Request
from noticetui.net.body import BodyLimits, iter_body
from noticetui.net.charset import decode_html
from noticetui.net.errors import FetchError, error_from_exception, error_from_status
from noticetui.net.polite import BACKOFF_BASE, HostGates, Sleep, backoff_delay, retry_after_seconds

__all__ = ["DEFAULT_USER_AGENT", "MAX_REDIRECTS", "BodyLimits", "FetchError", "Fetcher", "Page"]

DEFAULT_USER_AGENT = " ".join(
    (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
        "AppleWebKit/537.36 (KHTML, like Gecko)",
        "Chrome/138.0.0.0 Safari/537.36",
    )
)
"""A desktop Chrome: eGovFrame refuses unknown agents, and Rhymix/KBoard pick the file-name encoding by it."""

MAX_REDIRECTS = 10
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
_ACCEPT_LANGUAGE = "ko-KR,ko;q=0.9,en;q=0.8"

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, and its text decoded the way a browser would."""

    url: str
    """The final URL, after redirects (links on the page are relative to it)."""
    status: int
    headers: httpx.Headers
    content: bytes
    text: str
    encoding: str
    """The encoding ``text`` was decoded with (``cp949`` for every EUC-KR label)."""


class Fetcher:
    """Fetches pages and files politely over one ``httpx.AsyncClient``; use as ``async with Fetcher()``.

    ``timeout`` bounds each attempt whole (send to last byte of a page; send to headers of a download),
    ``retries`` the further attempts after a transient failure, spaced by ``backoff`` seconds doubling.
    ``max_bytes`` caps a page and ``file_limit`` a download, both counted in decoded bytes; a download
    must also average ``min_rate`` bytes/s over ``rate_window`` seconds.  ``sleep`` and ``clock`` exist
    for tests: they make retries and pacing instantaneous and observable.
    """

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 20.0,
        per_host: int = 2,
        delay: float = 0.5,
        retries: int = 2,
        max_bytes: int = 20_000_000,
        file_limit: int = 500_000_000,
        min_rate: float = 1024.0,
        rate_window: float = 30.0,
        backoff: float = BACKOFF_BASE,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: bool = True,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._timeout = timeout
        self._retries = max(retries, 0)
        self._max_bytes = max_bytes
        self._backoff = max(backoff, 0.0)
        self._sleep = sleep
        self._random = random.Random()
        self._gates = HostGates(per_host, delay, sleep, clock)
        self.file_limits = BodyLimits(file_limit, min_rate, rate_window)
        """What a download may cost: its size and the slowest transfer rate accepted."""
        self._client = httpx.AsyncClient(
            # Only codings :mod:`noticetui.net.inflate` undoes in bounded steps (never br or zstd).
            headers={
                "User-Agent": user_agent,
                "Accept": _ACCEPT,
                "Accept-Language": _ACCEPT_LANGUAGE,
                "Accept-Encoding": "gzip, deflate",
            },
            # No pool timeout: the per-host gates already bound how many requests wait for a connection.
            timeout=httpx.Timeout(timeout, pool=None),
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=20),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            transport=transport,
            verify=verify,
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the session and its connections."""
        await self._client.aclose()

    @property
    def cookies(self) -> httpx.Cookies:
        """The session's cookie jar (shared by every request of the run)."""
        return self._client.cookies

    async def fetch(self, request: Request) -> Page:
        """Fetch a page whole (at most ``max_bytes`` decoded), retrying transient failures; raises FetchError.

        Each attempt has ``timeout`` seconds in all, from sending the request to the body's last byte
        (waiting for the host's turn does not count).
        """
        await self._prime(request)

        async def once() -> Page:
            response, stack, deadline = await self._open(request)
            async with stack, asyncio.timeout_at(deadline):
                content = await self._read(request.url, response, limit=True)
            text, encoding = decode_html(content, response.headers.get("content-type"))
            return Page(str(response.url), response.status_code, response.headers, content, text, encoding)

        return await self._retrying(request.url, once)

    def stream(self, request: Request) -> AbstractAsyncContextManager[httpx.Response]:
        """Open a download: the response has a success status and an unread body, and holds one of the
        host's slots until the block ends.  Retries happen only before the body starts; errors while
        reading it surface as FetchError too.  Read the body with :meth:`body` (bounded, decoded).
        """
        return self._stream(request)

    def body(self, url: str, response: httpx.Response, limits: BodyLimits | None = None) -> AsyncIterator[bytes]:
        """A streamed response's decoded body in pieces, within ``limits`` (the download limits by default):
        FetchError past the size, or when the transfer is slower than the minimum rate."""
        return iter_body(url, response, limits or self.file_limits)

    @asynccontextmanager
    async def _stream(self, request: Request) -> AsyncIterator[httpx.Response]:
        await self._prime(request)

        async def once() -> tuple[httpx.Response, AsyncExitStack]:
            response, stack, _deadline = await self._open(request)
            return response, stack

        response, stack = await self._retrying(request.url, once)
        async with stack:
            try:
                yield response
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise self._error(request.url, exc) from exc

    # --- internals ---------------------------------------------------------------------------------

    async def _prime(self, request: Request) -> None:
        """GET ``request.prime`` first, in this session, so its cookies and server-side state exist."""
        if not request.prime:
            return
        prime = Request(request.prime)

        async def once() -> None:
            response, stack, deadline = await self._open(prime)
            async with stack, asyncio.timeout_at(deadline):
                await self._read(prime.url, response, limit=False)

        await self._retrying(prime.url, once)

    def _build(self, request: Request) -> httpx.Request:
        method = request.method.upper()
        headers = httpx.Headers()
        if request.referer:
            headers["Referer"] = request.referer
        url, content = request.url, None
        if request.form:
            encoded = urlencode(request.form)
            if method == "GET":
                base, _, _fragment = url.partition("#")
                url = f"{base}{'&' if '?' in base else '?'}{encoded}"
            else:
                content = encoded.encode("ascii")
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        for name, value in request.headers:
            headers[name] = value
        return self._client.build_request(method, url, headers=headers, content=content)

    async def _open(self, request: Request) -> tuple[httpx.Response, AsyncExitStack, float]:
        """One attempt: a host slot and a response with a success status, both released by the stack,
        and the attempt's deadline (loop time)."""
        stack = AsyncExitStack()
        try:
            await stack.enter_async_context(self._gates.slot(request.url))
            deadline = asyncio.get_running_loop().time() + self._timeout
            async with asyncio.timeout_at(deadline):
                response = await self._client.send(self._build(request), stream=True)
            stack.push_async_callback(response.aclose)
            if not response.is_success:
                wait = retry_after_seconds(response.headers.get("retry-after"))
                raise error_from_status(request.url, response, retry_after=wait)
        except BaseException:
            await stack.aclose()
            raise
        return response, stack, deadline

    async def _read(self, url: str, response: httpx.Response, *, limit: bool) -> bytes:
        """The decoded body; past ``max_bytes`` a FetchError when ``limit``, else what came before (a prime)."""
        chunks: list[bytes] = []
        try:
            async for piece in iter_body(url, response, BodyLimits(self._max_bytes)):
                chunks.append(piece)
        except FetchError as error:
            if limit or error.kind != "too-large":
                raise
        return b"".join(chunks)

    def _error(self, url: str, exc: Exception) -> FetchError:
        return error_from_exception(url, exc, timeout=self._timeout, max_redirects=MAX_REDIRECTS)

    async def _retrying(self, url: str, once: Callable[[], Awaitable[T]]) -> T:
        """Run ``once`` until it succeeds, fails for good, or runs out of retries.

        The final error says how many attempts were made when there was more than one.
        """
        for attempt in count():
            try:
                return await once()
            except FetchError as error:
                mapped, wait = error, error.retry_after
            except TimeoutError as exc:
                mapped, wait = self._error(url, httpx.ReadTimeout(str(exc))), None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                mapped, wait = self._error(url, exc), None
            if not mapped.retryable or attempt >= self._retries:
                raise mapped.after_attempts(attempt + 1)
            await self._sleep(wait if wait is not None else backoff_delay(attempt, self._random, self._backoff))
        raise AssertionError("unreachable")  # pragma: no cover
