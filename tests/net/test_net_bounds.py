"""Bounds on what one fetch may cost: decoded size (bombs), total time per attempt, transfer rate."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import httpx
import pytest

from noticetui.demo.faults import gzip_bomb
from noticetui.images import ImageError, fetch_image
from noticetui.models import Request
from noticetui.net.body import BodyLimits
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.net.inflate import PIECE, BodyDecoder


class Chunks(httpx.AsyncByteStream):
    """A response body that arrives in ``chunks``, ``pause`` seconds apart (not pre-read, unlike content=)."""

    def __init__(self, chunks: Iterable[bytes], pause: float = 0.0) -> None:
        self._chunks = list(chunks)
        self._pause = pause

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            if self._pause:
                await asyncio.sleep(self._pause)
            yield chunk


def serving(body: httpx.AsyncByteStream, headers: dict[str, str] | None = None, max_bytes: int = 20_000_000) -> Fetcher:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=headers or {}, stream=body)

    async def no_sleep(seconds: float) -> None:
        await asyncio.sleep(0)

    return Fetcher(transport=httpx.MockTransport(handler), delay=0, sleep=no_sleep, retries=0, max_bytes=max_bytes)


def test_decoder_never_yields_more_than_a_piece_even_for_stacked_gzip() -> None:
    bomb = gzip_bomb(8 << 20, layers=2)
    decoder = BodyDecoder(["gzip", "gzip"])
    total = 0
    for piece in decoder.feed(bomb):
        assert len(piece) <= PIECE
        total += len(piece)
    for piece in decoder.flush():
        assert len(piece) <= PIECE
        total += len(piece)
    assert total == 8 << 20


def test_decoder_undoes_stacked_codings_in_reverse_order() -> None:
    text = "공지 ".encode() * 1000
    assert b"".join(BodyDecoder(["deflate", "gzip"]).feed(gzip.compress(zlib.compress(text)))) == text


def test_raw_deflate_without_zlib_header_is_accepted() -> None:
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = raw.compress(b"hello " * 100) + raw.flush()
    assert b"".join(BodyDecoder(["deflate"]).feed(data)) == b"hello " * 100


async def test_gzip_bomb_page_is_refused_by_the_decoded_size() -> None:
    bomb = gzip_bomb(64 << 20)
    chunks = [bomb[i : i + 16384] for i in range(0, len(bomb), 16384)]
    async with serving(Chunks(chunks), {"content-encoding": "gzip"}, max_bytes=1_000_000) as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(Request("http://board.test/bomb"))
    assert caught.value.kind == "too-large"
    assert "1,000,000-byte limit" in str(caught.value)


async def test_stacked_gzip_bomb_page_is_refused() -> None:
    bomb = Chunks([gzip_bomb(64 << 20, layers=2)])
    async with serving(bomb, {"content-encoding": "gzip, gzip"}, max_bytes=1_000_000) as f:
        with pytest.raises(FetchError, match="limit"):
            await f.fetch(Request("http://board.test/bomb"))


async def test_gzipped_page_is_decoded() -> None:
    page = '<meta charset="utf-8"><p>학사 공지</p>'.encode()
    async with serving(Chunks([gzip.compress(page)]), {"content-encoding": "gzip"}) as f:
        result = await f.fetch(Request("http://board.test/"))
    assert result.content == page and "학사 공지" in result.text


async def test_unknown_content_encoding_is_one_clear_error() -> None:
    async with serving(Chunks([b"xx"]), {"content-encoding": "br"}) as f:
        with pytest.raises(FetchError, match="unsupported content encoding"):
            await f.fetch(Request("http://board.test/"))


async def test_a_trickling_page_hits_the_total_deadline_and_says_how_many_attempts() -> None:
    # Every byte comes well within any per-read timeout; the whole page never does.
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Chunks([b"x"] * 1000, pause=0.02))

    async def no_sleep(seconds: float) -> None:
        await asyncio.sleep(0)

    fetcher = Fetcher(transport=httpx.MockTransport(handler), delay=0, sleep=no_sleep, retries=1, timeout=0.2)
    async with fetcher as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(Request("http://board.test/slow"))
    assert caught.value.kind == "timeout"
    assert str(caught.value) == "http://board.test/slow: timed out after 0.2 s (2 attempts)"


async def test_a_download_slower_than_the_minimum_rate_is_given_up() -> None:
    fetcher = serving(Chunks([b"x"] * 1000, pause=0.02))
    async with fetcher as f, f.stream(Request("http://board.test/file")) as response:
        with pytest.raises(FetchError, match="transfer too slow"):
            async for _ in f.body("http://board.test/file", response, BodyLimits(10**9, 1000.0, 0.2)):
                pass


async def test_a_download_over_its_limit_stops_reading() -> None:
    bomb = gzip_bomb(32 << 20)
    got = 0
    fetcher = serving(Chunks([bomb]), {"content-encoding": "gzip"})
    async with fetcher as f, f.stream(Request("http://board.test/file")) as response:
        with pytest.raises(FetchError, match="1,000,000-byte limit"):
            async for piece in f.body("http://board.test/file", response, BodyLimits(1_000_000)):
                got += len(piece)
    assert got <= 1_000_000


async def test_a_gzip_bomb_image_is_refused_at_its_limit(tmp_path: Path) -> None:
    # Two gzip members: a PNG's first bytes (so the image check passes), then 32 MB of zeros.
    png_start = gzip.compress(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(8192))
    bomb = Chunks([png_start + gzip_bomb(32 << 20)])
    tracemalloc.start()
    try:
        async with serving(bomb, {"content-encoding": "gzip", "content-type": "image/png"}) as f:
            with pytest.raises(ImageError, match="1,000,000-byte limit"):
                await fetch_image("http://board.test/a.png", f, tmp_path, referer=None, max_bytes=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Memory follows the limit, not the bomb: httpx's own decoding would hold all 32 MB at once.
    assert peak < 12_000_000
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_every_gzip_member_is_decoded_even_after_a_full_piece() -> None:
    # The first member inflates to more than a piece, so its end is found while draining zlib.
    first, second = b"a" * (3 * PIECE + 17), "둘째 멤버".encode()
    data = gzip.compress(first) + gzip.compress(second)
    decoder = BodyDecoder(["gzip"])
    assert b"".join([*decoder.feed(data), *decoder.flush()]) == first + second
