"""Reading a response body within bounds: decoded size, and for long transfers a minimum rate.

The size limit is applied to the *decoded* bytes, piece by piece as they come out of
:class:`~noticetui.net.inflate.BodyDecoder`, so memory stays flat whatever the compression ratio.  A
server that trickles bytes (one per second keeps every per-read timeout happy) is stopped by the rate
check: over any ``window`` seconds at least ``min_rate`` bytes per second must arrive.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpx

from noticetui.net.errors import FetchError
from noticetui.net.inflate import BodyDecoder, DecodeFailed, parse_encodings

__all__ = ["BodyLimits", "iter_body", "too_large"]


@dataclass(frozen=True)
class BodyLimits:
    """What a body may cost."""

    max_bytes: int
    """Decoded bytes at most."""
    min_rate: float = 0.0
    """Bytes per second at least, averaged over ``window`` (0: no rate check)."""
    window: float = 30.0
    """Seconds the rate is averaged over."""


def too_large(url: str, limit: int) -> FetchError:
    """The error for a body past ``limit`` bytes."""
    return FetchError(url, "too-large", f"response larger than the {limit:,}-byte limit")


class _RateWatch:
    """Raises when fewer than ``min_rate * window`` bytes arrived in the last ``window`` seconds."""

    def __init__(self, url: str, limits: BodyLimits, clock: Callable[[], float]) -> None:
        self._url = url
        self._limits = limits
        self._clock = clock
        self._start = clock()
        self._total = 0
        self._marks: deque[tuple[float, int]] = deque([(self._start, 0)])

    def add(self, size: int) -> None:
        if self._limits.min_rate <= 0:
            return
        now = self._clock()
        self._total += size
        self._marks.append((now, self._total))
        window = self._limits.window
        # Keep the newest mark at least ``window`` old: the span measured is then always >= window.
        while len(self._marks) > 1 and now - self._marks[1][0] >= window:
            self._marks.popleft()
        since, then = self._marks[0]
        span = now - since
        if span >= window and (self._total - then) < self._limits.min_rate * span:
            rate = (self._total - then) / span
            raise FetchError(
                self._url,
                "timeout",
                f"transfer too slow ({rate:,.0f} bytes/s over {span:g} s; at least "
                f"{self._limits.min_rate:,.0f} bytes/s wanted)",
            )


async def _single(content: bytes) -> AsyncIterator[bytes]:
    yield content


async def iter_body(
    url: str, response: httpx.Response, limits: BodyLimits, clock: Callable[[], float] = time.monotonic
) -> AsyncIterator[bytes]:
    """The decoded body in pieces of at most 64 KB; raises FetchError past the limits.

    httpx errors while reading (reset, read timeout) are left to the caller, which maps them.
    """
    declared = response.headers.get("content-length", "")
    encodings = parse_encodings(response.headers.get("content-encoding"))
    raw_chunks: AsyncIterator[bytes]
    if response.is_stream_consumed:
        # A response built whole in memory (httpx.MockTransport): httpx has already decoded it.
        encodings, raw_chunks = [], _single(response.content)
    else:
        raw_chunks = response.aiter_raw()
    if not encodings and declared.isdigit() and int(declared) > limits.max_bytes:
        raise too_large(url, limits.max_bytes)
    try:
        decoder = BodyDecoder(encodings)
    except DecodeFailed as exc:
        raise FetchError(url, "protocol", str(exc)) from exc
    watch = _RateWatch(url, limits, clock)
    size = 0
    try:
        async for raw in raw_chunks:
            watch.add(len(raw))
            for piece in decoder.feed(raw):
                size += len(piece)
                if size > limits.max_bytes:
                    raise too_large(url, limits.max_bytes)
                yield piece
        for piece in decoder.flush():
            size += len(piece)
            if size > limits.max_bytes:
                raise too_large(url, limits.max_bytes)
            yield piece
    except DecodeFailed as exc:
        raise FetchError(url, "protocol", f"could not decode the response body ({exc})") from exc
