"""The fetcher against real sockets on 127.0.0.1: refused connections, timeouts, TLS, a real session."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from noticetui.models import Request
from noticetui.net.fetch import Fetcher, FetchError

RELEASE = threading.Event()
"""Set at teardown so a handler that is stalling on purpose returns at once."""


class BoardHandler(BaseHTTPRequestHandler):
    """A tiny board: a view page that starts a session, a file that needs it, and a page that stalls."""

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def do_GET(self) -> None:
        if self.path == "/slow":
            RELEASE.wait(timeout=3)
            return self.reply(200, b"too late")
        if self.path == "/view":
            return self.reply(200, "<p>공지</p>".encode("cp949"), [("Set-Cookie", "sid=abc; Path=/")])
        if self.path == "/file" and self.headers.get("Cookie") == "sid=abc":
            return self.reply(200, b"%PDF-1.7")
        return self.reply(200, "<script>alert('잘못된 접근입니다.')</script>".encode("cp949"))

    def reply(self, status: int, body: bytes, headers: list[tuple[str, str]] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=euc-kr")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers or []:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (the timeout test): nothing to do


def serve(server: ThreadingHTTPServer) -> Iterator[str]:
    RELEASE.clear()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def board() -> Iterator[str]:
    yield from serve(ThreadingHTTPServer(("127.0.0.1", 0), BoardHandler))


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def no_sleep(seconds: float) -> None:
    pass


async def test_refused_connection(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/list"
    async with Fetcher(retries=1, delay=0, sleep=no_sleep) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(Request(url))
    assert caught.value.kind == "refused"
    assert str(caught.value) == f"{url}: connection refused"


async def test_real_timeout(board: str) -> None:
    url = f"http://{board}/slow"
    async with Fetcher(timeout=0.3, retries=0, delay=0) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(Request(url))
    assert caught.value.kind == "timeout"
    assert str(caught.value) == f"{url}: timed out after 0.3 s"


async def test_real_session_cookie_from_prime(board: str) -> None:
    async with Fetcher(delay=0) as fetcher:
        page = await fetcher.fetch(Request(f"http://{board}/file", prime=f"http://{board}/view"))
        view = await fetcher.fetch(Request(f"http://{board}/view"))
    assert page.content == b"%PDF-1.7"
    assert (view.text, view.encoding) == ("<p>공지</p>", "cp949")


@pytest.fixture
def tls_board(tmp_path: Path) -> Iterator[str]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), BoardHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    yield from serve(server)


async def test_self_signed_certificate_is_a_tls_error(tls_board: str) -> None:
    url = f"https://{tls_board}/view"
    async with Fetcher(delay=0, sleep=no_sleep) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(Request(url))
    assert caught.value.kind == "tls"
    # OpenSSL 3 says "self-signed certificate", 1.1 "self signed certificate".
    expected = f"{url}: TLS certificate verify failed (self signed certificate)"
    assert str(caught.value).replace("-", " ") == expected


async def test_verify_false_accepts_the_self_signed_certificate(tls_board: str) -> None:
    async with Fetcher(delay=0, verify=False) as fetcher:
        page = await fetcher.fetch(Request(f"https://{tls_board}/view"))
    assert page.text == "<p>공지</p>"
