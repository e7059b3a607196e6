"""The fetcher against httpx.MockTransport: requests as built, retries, errors, politeness, limits."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import socket
import ssl
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from noticetui.models import Request
from noticetui.net.fetch import DEFAULT_USER_AGENT, Fetcher, FetchError

Reply = httpx.Response
Handler = Callable[[httpx.Request], Reply] | Callable[[httpx.Request], Coroutine[None, None, Reply]]


class Sleeps:
    """An injected sleep that records what it was asked to wait and returns at once."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        await asyncio.sleep(0)


def fetcher(handler: Handler, sleeps: Sleeps | None = None, **options: Any) -> Fetcher:
    """A Fetcher over ``handler`` that never really sleeps (and does not pace unless asked)."""
    options.setdefault("delay", 0.0)
    options.setdefault("sleep", sleeps or Sleeps())
    return Fetcher(transport=httpx.MockTransport(handler), **options)


def sequence(*responses: httpx.Response) -> tuple[Handler, list[httpx.Request]]:
    """A handler that answers with ``responses`` in turn, and the requests it saw."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return responses[min(len(seen), len(responses)) - 1]

    return handler, seen


# --- pages and requests --------------------------------------------------------------------------


async def test_page_is_decoded_and_has_the_final_url() -> None:
    body = '<meta charset="euc-kr"><p>학사 공지</p>'.encode("cp949")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(302, headers={"location": "/bbs/board.php?bo_table=notice"})
        return httpx.Response(200, headers={"content-type": "text/html"}, content=body)

    async with fetcher(handler) as f:
        page = await f.fetch(Request("http://board.test/old"))
    assert page.url == "http://board.test/bbs/board.php?bo_table=notice"
    assert page.status == 200
    assert page.content == body
    assert "학사 공지" in page.text
    assert page.encoding == "cp949"


async def test_browser_like_default_headers() -> None:
    handler, seen = sequence(httpx.Response(200))
    async with fetcher(handler) as f:
        await f.fetch(Request("http://board.test/"))
    assert seen[0].headers["user-agent"] == DEFAULT_USER_AGENT
    assert "Chrome/" in DEFAULT_USER_AGENT and "bot" not in DEFAULT_USER_AGENT.lower()
    assert seen[0].headers["accept-language"] == "ko-KR,ko;q=0.9,en;q=0.8"


async def test_post_form_is_urlencoded() -> None:
    handler, seen = sequence(httpx.Response(200))
    form = (("bbsId", "BBSMSTR_000000000001"), ("nttId", "123"), ("searchWrd", "공지 사항"))
    async with fetcher(handler) as f:
        await f.fetch(Request("http://egov.test/cop/bbs/selectArticleDetail.do", method="POST", form=form))
    sent = seen[0]
    assert sent.method == "POST"
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    expected = b"bbsId=BBSMSTR_000000000001&nttId=123&searchWrd=%EA%B3%B5%EC%A7%80+%EC%82%AC%ED%95%AD"
    assert sent.content == expected
    assert parse_qsl(sent.content.decode()) == list(form)


async def test_get_form_is_appended_to_the_query() -> None:
    handler, seen = sequence(httpx.Response(200))
    async with fetcher(handler) as f:
        await f.fetch(Request("http://egov.test/list.do?bbsId=B1#top", form=(("pageIndex", "2"),)))
    assert seen[0].method == "GET"
    assert seen[0].url.query == b"bbsId=B1&pageIndex=2"
    assert seen[0].content == b""


async def test_referer_and_extra_headers_are_sent() -> None:
    handler, seen = sequence(httpx.Response(200))
    request = Request(
        "http://board.test/bbs/download.php?no=0",
        referer="http://board.test/bbs/board.php?wr_id=7",
        headers=(("X-Requested-With", "XMLHttpRequest"),),
    )
    async with fetcher(handler) as f:
        await f.fetch(request)
    assert seen[0].headers["referer"] == "http://board.test/bbs/board.php?wr_id=7"
    assert seen[0].headers["x-requested-with"] == "XMLHttpRequest"


async def test_prime_is_fetched_first_and_its_cookie_sent_next() -> None:
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers.get("cookie")))
        if request.url.path == "/bbs/board.php":
            return httpx.Response(200, headers={"set-cookie": "PHPSESSID=s3ss10n; path=/"}, text="view")
        if "PHPSESSID=s3ss10n" not in request.headers.get("cookie", ""):
            return httpx.Response(200, text="<script>alert('잘못된 접근입니다.')</script>")
        return httpx.Response(200, content=b"HWP Document File")

    view = "http://board.test/bbs/board.php?wr_id=7"
    request = Request("http://board.test/bbs/download.php?no=0", prime=view)
    async with fetcher(handler) as f:
        page = await f.fetch(request)
    assert seen == [("/bbs/board.php", None), ("/bbs/download.php", "PHPSESSID=s3ss10n")]
    assert page.content == b"HWP Document File"


# --- retries -------------------------------------------------------------------------------------


async def test_503_retry_after_seconds_is_honoured() -> None:
    busy = httpx.Response(503, headers={"retry-after": "7"})
    handler, seen = sequence(busy, httpx.Response(200, text="ok"))
    sleeps = Sleeps()
    async with fetcher(handler, sleeps) as f:
        page = await f.fetch(Request("http://board.test/"))
    assert page.text == "ok"
    assert len(seen) == 2
    assert sleeps.calls == [7.0]


async def test_retry_after_is_capped_at_60_seconds() -> None:
    handler, _ = sequence(httpx.Response(503, headers={"retry-after": "3600"}), httpx.Response(200))
    sleeps = Sleeps()
    async with fetcher(handler, sleeps) as f:
        await f.fetch(Request("http://board.test/"))
    assert sleeps.calls == [60.0]


async def test_429_without_retry_after_backs_off() -> None:
    handler, seen = sequence(httpx.Response(429), httpx.Response(429), httpx.Response(200))
    sleeps = Sleeps()
    async with fetcher(handler, sleeps) as f:
        await f.fetch(Request("http://board.test/"))
    assert len(seen) == 3
    assert len(sleeps.calls) == 2
    assert 0.5 <= sleeps.calls[0] <= 0.75
    assert 1.0 <= sleeps.calls[1] <= 1.5


async def test_persistent_503_gives_up_after_the_retries() -> None:
    handler, seen = sequence(httpx.Response(503))
    sleeps = Sleeps()
    async with fetcher(handler, sleeps, retries=2) as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(Request("http://board.test/list"))
    assert len(seen) == 3
    assert len(sleeps.calls) == 2
    assert caught.value.kind == "http"
    assert caught.value.status == 503
    assert str(caught.value) == "http://board.test/list: HTTP 503 Service Unavailable (3 attempts)"


async def test_404_is_not_retried() -> None:
    handler, seen = sequence(httpx.Response(404))
    sleeps = Sleeps()
    async with fetcher(handler, sleeps) as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(Request("http://board.test/bbs/board.php?wr_id=999"))
    assert len(seen) == 1
    assert sleeps.calls == []
    assert caught.value.kind == "http"
    assert str(caught.value) == "http://board.test/bbs/board.php?wr_id=999: HTTP 404 Not Found"


async def test_read_error_mid_body_is_retried() -> None:
    calls = 0

    async def broken_then_whole() -> AsyncIterator[bytes]:
        yield b"<p>half"
        raise httpx.ReadError("connection reset by peer")

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(200, content=broken_then_whole() if calls == 1 else b"<p>whole</p>")

    async with fetcher(handler) as f:
        page = await f.fetch(Request("http://board.test/"))
    assert calls == 2
    assert page.text == "<p>whole</p>"


# --- error kinds and messages --------------------------------------------------------------------


URL = "http://board.test/x"


def raising(exc: Exception, cause: BaseException | None = None) -> tuple[Handler, list[int]]:
    count = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        count[0] += 1
        raise exc from cause

    return handler, count


async def fail(handler: Handler, url: str = URL, **options: Any) -> tuple[FetchError, Sleeps]:
    sleeps = Sleeps()
    async with fetcher(handler, sleeps, **options) as f:
        with pytest.raises(FetchError) as caught:
            await f.fetch(Request(url))
    return caught.value, sleeps


async def test_refused_connection_is_reported_at_once_without_retries() -> None:
    refused = ConnectionRefusedError(111, "Connect call failed")
    handler, count = raising(httpx.ConnectError("All connection attempts failed"), refused)
    error, sleeps = await fail(handler)
    assert (error.kind, str(error)) == ("refused", "http://board.test/x: connection refused")
    assert count[0] == 1
    assert sleeps.calls == []


async def test_dns_failure_is_not_retried() -> None:
    cause = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    handler, count = raising(httpx.ConnectError(str(cause)), cause)
    error, _ = await fail(handler, "http://no-such-board.test/list")
    assert (error.kind, str(error)) == (
        "dns",
        "http://no-such-board.test/list: could not resolve host no-such-board.test",
    )
    assert count[0] == 1


async def test_certificate_failure_is_a_tls_error() -> None:
    cause = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    cause.verify_message = "certificate has expired"
    handler, count = raising(httpx.ConnectError(str(cause)), cause)
    error, _ = await fail(handler, "https://board.test/")
    assert error.kind == "tls"
    assert str(error) == "https://board.test/: TLS certificate verify failed (certificate has expired)"
    assert count[0] == 1


async def test_timeout_message_names_the_limit() -> None:
    handler, count = raising(httpx.ReadTimeout("timed out"))
    error, _ = await fail(handler, retries=1)
    assert (error.kind, str(error)) == ("timeout", "http://board.test/x: timed out after 20 s (2 attempts)")
    assert count[0] == 2


async def test_too_many_redirects() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": f"/loop{len(request.url.path)}"})

    error, _ = await fail(handler)
    assert error.kind == "redirects"
    assert str(error) == "http://board.test/x: too many redirects (more than 10)"


async def test_server_disconnect_is_a_protocol_error() -> None:
    handler, count = raising(httpx.RemoteProtocolError("Server disconnected\nwithout sending a response."))
    error, _ = await fail(handler, retries=0)
    assert error.kind == "protocol"
    assert str(error) == f"{URL}: protocol error: Server disconnected without sending a response."
    assert count[0] == 1


async def test_unusual_status_reason_cannot_inject_escapes() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(499, extensions={"reason_phrase": b"Nope\x1b[2J\x1b]0;pwned\x07"})

    error, _ = await fail(handler)
    assert error.kind == "http"
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    assert str(error).startswith("http://board.test/x: HTTP 499 Nope")


# --- size limit ----------------------------------------------------------------------------------


async def test_declared_length_over_the_limit_is_too_large() -> None:
    handler, count = sequence(httpx.Response(200, content=b"x" * 1000))
    error, _ = await fail(handler, max_bytes=100)
    assert error.kind == "too-large"
    assert str(error) == "http://board.test/x: response larger than the 100-byte limit"
    assert len(count) == 1


async def test_undeclared_body_stops_past_the_limit() -> None:
    chunks_sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal chunks_sent
        for _ in range(1000):
            chunks_sent += 1
            yield b"x" * 64

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    error, _ = await fail(handler, max_bytes=200)
    assert error.kind == "too-large"
    assert chunks_sent < 10


# --- stream --------------------------------------------------------------------------------------


async def test_stream_retries_before_the_body_and_leaves_the_limit_to_the_caller() -> None:
    handler, seen = sequence(httpx.Response(503), httpx.Response(200, content=b"%PDF" + b"0" * 996))
    async with fetcher(handler, max_bytes=10) as f, f.stream(Request("http://board.test/file")) as response:
        body = b"".join([chunk async for chunk in response.aiter_bytes()])
    assert len(seen) == 2
    assert len(body) == 1000


async def test_stream_checks_the_status() -> None:
    handler, _ = sequence(httpx.Response(403))
    async with fetcher(handler) as f:
        with pytest.raises(FetchError) as caught:
            async with f.stream(Request("http://board.test/file")):
                pytest.fail("the block must not run for a 403")
    assert caught.value.status == 403


async def test_stream_read_error_becomes_fetch_error() -> None:
    async def broken() -> AsyncIterator[bytes]:
        yield b"%PDF"
        raise httpx.ReadError("connection reset by peer")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=broken())

    async with fetcher(handler) as f:
        with pytest.raises(FetchError) as caught:
            async with f.stream(Request("http://board.test/file")) as response:
                async for _ in response.aiter_bytes():
                    pass
    assert caught.value.kind == "network"
    assert str(caught.value) == "http://board.test/file: connection failed: connection reset by peer"


async def test_stream_primes_with_the_same_session() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/view":
            return httpx.Response(200, headers={"set-cookie": "kb=1"})
        return httpx.Response(200 if request.headers.get("cookie") == "kb=1" else 403, content=b"file")

    request = Request("http://board.test/download", prime="http://board.test/view")
    async with fetcher(handler) as f, f.stream(request) as response:
        assert await response.aread() == b"file"


# --- politeness ----------------------------------------------------------------------------------


async def test_per_host_concurrency_is_capped() -> None:
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        in_flight[host] = in_flight.get(host, 0) + 1
        peak[host] = max(peak.get(host, 0), in_flight[host])
        for _ in range(5):
            await asyncio.sleep(0)  # let every other queued request try to start
        in_flight[host] -= 1
        return httpx.Response(200)

    async with fetcher(handler, per_host=2) as f:
        urls = [f"http://{host}.test/{i}" for i in range(6) for host in ("a", "b")]
        await asyncio.gather(*(f.fetch(Request(url)) for url in urls))
    assert peak == {"a.test": 2, "b.test": 2}


async def test_hosts_do_not_wait_for_each_other() -> None:
    b_started = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "a.test":
            # Only completes if b's request can start while a's holds a.test's only slot.
            await asyncio.wait_for(b_started.wait(), timeout=5)
        else:
            b_started.set()
        return httpx.Response(200)

    async with fetcher(handler, per_host=1) as f:
        await asyncio.gather(f.fetch(Request("http://a.test/")), f.fetch(Request("http://b.test/")))
    assert b_started.is_set()


class VirtualTime:
    """A clock and a sleep for many tasks at once: time jumps to the earliest waiter's wake-up.

    ``slips`` adds extra seconds to the n-th sleep, as a busy event loop wakes a task late.
    """

    def __init__(self, slips: dict[int, float] | None = None) -> None:
        self.now = 100.0
        self.calls: list[float] = []
        self._slips = slips or {}
        self._waiters: list[tuple[float, int, asyncio.Future[None]]] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        wake = self.now + seconds + self._slips.get(len(self.calls), 0.0)
        self.calls.append(seconds)
        heapq.heappush(self._waiters, (wake, len(self.calls), future))
        await future

    async def run(self, *jobs: Coroutine[Any, Any, Any]) -> None:
        """Run ``jobs`` concurrently, advancing time whenever all of them wait."""
        tasks = [asyncio.ensure_future(job) for job in jobs]
        while not all(t.done() for t in tasks):
            for _ in range(20):
                await asyncio.sleep(0)
            if self._waiters and not all(t.done() for t in tasks):
                wake, _, future = heapq.heappop(self._waiters)
                self.now = max(self.now, wake)
                future.set_result(None)
        await asyncio.gather(*tasks)


async def test_requests_to_one_host_are_paced() -> None:
    time = VirtualTime()
    sent: list[tuple[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append((request.url.host, time.now))
        return httpx.Response(200)

    async with fetcher(handler, sleep=time.sleep, delay=0.5, per_host=4, clock=time.clock) as f:
        await time.run(*(f.fetch(Request(f"http://a.test/{i}")) for i in range(3)), f.fetch(Request("http://b.test/")))
    starts = sorted(t for host, t in sent if host == "a.test")
    assert starts == [100.0, 100.5, 101.0]
    assert [t for host, t in sent if host == "b.test"] == [100.0]


async def test_spacing_holds_when_an_earlier_request_wakes_late() -> None:
    # The second request's wake-up slips by 60 ms (busy loop); the third must still wait a full delay.
    time = VirtualTime(slips={0: 0.06})
    sent: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(time.now)
        return httpx.Response(200)

    async with fetcher(handler, sleep=time.sleep, delay=0.5, per_host=4, clock=time.clock) as f:
        await time.run(*(f.fetch(Request(f"http://a.test/{i}")) for i in range(3)))
    gaps = [later - earlier for earlier, later in itertools.pairwise(sorted(sent))]
    assert len(gaps) == 2
    assert min(gaps) >= 0.5 - 1e-9
